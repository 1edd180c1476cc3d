package ansinh_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
)

// A catalogue of custom figures, and a report a host fills from its own database: the
// rate is computed from its numerator and the built-in population.
func ExampleLoadCatalog() {
	cat, err := ansinh.LoadCatalog(strings.NewReader(`
chi_tieu:
  - {ma: nguoi_khuyet_tat, ten: Người khuyết tật được trợ cấp, kieu: so_luong, don_vi_tinh: người, nhom: Bảo trợ xã hội}
  - {ma: kinh_phi_nkt, ten: Kinh phí trợ cấp, kieu: tien, nhom: Bảo trợ xã hội}
  - {ma: ty_le_nkt, ten: Tỷ lệ trên dân số, kieu: ty_le, tu_so: nguoi_khuyet_tat, mau_so: giam_ngheo.dan_so.nhan_khau, nhom: Bảo trợ xã hội}
`), "danh-muc.yaml")
	if err != nil {
		log.Fatal(err)
	}
	r := &ansinh.Report{Unit: ansinh.Unit{Name: "An Hòa", Level: "xã"}}
	r.Poverty.Population.Persons = indicators.MustCount(18518)
	r.Custom = ansinh.NewCustomValues(cat, indicators.TrieuDong)
	if err := r.Custom.SetCount("nguoi_khuyet_tat", indicators.MustCount(412)); err != nil {
		log.Fatal(err)
	}
	money := indicators.NewMoney(decimal.RequireFromString("1334.88"), indicators.TrieuDong)
	if err := r.Custom.SetMoney("kinh_phi_nkt", money); err != nil {
		log.Fatal(err)
	}
	for _, f := range r.Data()["bo_sung_ds"].([]any) {
		f := f.(map[string]any)
		if f["kieu"] == "so_luong" {
			fmt.Printf("%s: %v %s\n", f["ten"], f["gia_tri"], f["don_vi_tinh"])
		} else {
			fmt.Printf("%s: %v\n", f["ten"], f["gia_tri"])
		}
	}
	// Output:
	// Người khuyết tật được trợ cấp: 412 người
	// Kinh phí trợ cấp: 1.334,88 triệu đồng
	// Tỷ lệ trên dân số: 2,22%
}
