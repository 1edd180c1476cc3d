package mau_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/ansinh/mau"
	"github.com/ansinh-vn/baocao/render/rendertest"
)

// The standard template of a commune after the 2025 reform: the wording of the unit and
// the period comes from the data.
func ExampleFor() {
	r, err := ansinh.LoadFile("../../testdata/xa-2025-h2.yaml")
	if err != nil {
		panic(err)
	}
	s, err := mau.Choose(r.Unit, r.Period)
	if err != nil {
		panic(err)
	}
	tpl, err := mau.For(r.Unit, r.Period)
	if err != nil {
		panic(err)
	}
	var out bytes.Buffer
	if err := tpl.Execute(&out, r.Data()); err != nil {
		panic(err)
	}
	text, err := rendertest.Text(out.Bytes())
	if err != nil {
		panic(err)
	}
	fmt.Println(s.File)
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "Kết quả thực hiện") || strings.HasPrefix(line, "+ Toàn xã") || strings.HasPrefix(line, "III.") {
			fmt.Println(line)
		}
	}
	// Output:
	// xa.docx
	// Kết quả thực hiện công tác an sinh xã hội 6 tháng cuối năm 2025 và nhiệm vụ, giải pháp 6 tháng đầu năm 2026
	// + Toàn xã có 97 hộ nghèo với 251 nhân khẩu, chiếm tỷ lệ 2,30%; hộ cận nghèo có 164 hộ với 502 nhân khẩu, chiếm tỷ lệ 3,90%.
	// III. NHIỆM VỤ VÀ GIẢI PHÁP 6 THÁNG ĐẦU NĂM 2026
}
