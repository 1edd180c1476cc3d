package ansinh_test

import (
	"fmt"

	"github.com/ansinh-vn/baocao/ansinh"
)

// A province's report: its own file gives the text, its communes the figures.
func ExampleParentReport() {
	own, err := ansinh.LoadOwnFile("../testdata/province/binh-an-2024-h1.yaml")
	if err != nil {
		panic(err)
	}
	var units []*ansinh.Report
	err = ansinh.LoadDir("../testdata/province/2024-h1", func(path string, r *ansinh.Report, err error) error {
		units = append(units, r)
		return err
	})
	if err != nil {
		panic(err)
	}
	ro, err := ansinh.ParentReport(own, units...)
	if err != nil {
		panic(err)
	}
	d := ro.Data()
	fmt.Println(d["don_vi"].(map[string]any)["co_quan_day_du"], "-", d["van_ban"].(map[string]any)["ky_ten"].(map[string]any)["ho_ten"])
	fmt.Println(d["so_don_vi"], "đơn vị;", d["tu_ngu"].(map[string]any)["toan"], "có", ro.Report.Poverty.Poor.Households, "hộ nghèo")
	// Output:
	// Ủy ban nhân dân tỉnh Bình An - Trần Văn Minh
	// 12 đơn vị; toàn tỉnh có 2.005 hộ nghèo
}
