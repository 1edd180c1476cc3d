package diag_test

import (
	"fmt"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/diag"
	"github.com/ansinh-vn/baocao/internal/docxtest"
)

// A template with a space typed inside a tag: the entry says where it is and what to do.
func ExampleFromError() {
	docx := docxtest.Docx(docxtest.P("Tổng số thẻ: {{.bao_hiem.tong so the}}"))
	_, err := ansinh.ParseTemplate("mau.docx", docx)
	for _, e := range diag.FromError(err) {
		fmt.Println(e.Kind, e.Part, e.Paragraph)
		fmt.Println(e.Message)
	}
	// Output:
	// space_in_name thân văn bản 1
	// thẻ «{{.bao_hiem.tong so the}}» có dấu cách trong tên mục dữ liệu «.bao_hiem.tong so the»: tên mục viết liền, các chữ nối bằng dấu gạch dưới, ví dụ «.bao_hiem.tong_so_the»
}

// The findings of a period file, one entry each: warnings do not stop a report.
func ExampleFromFindings() {
	r, err := ansinh.LoadFile("../testdata/tayson-2023-h1.yaml")
	if err != nil {
		panic(err)
	}
	for _, e := range diag.FromFindings("tayson-2023-h1.yaml", r.Validate()) {
		fmt.Println(e.Kind, e.Severity, e.Path)
	}
	// Output:
	// rate-mismatch warning giam_ngheo.ho_ngheo_phat_sinh.ty_le
	// attainment-mismatch warning lao_dong.xuat_khau.ty_le
}

// An entry on one line, with its place.
func ExampleEntry_String() {
	e := diag.Entry{Kind: "missing_key", Severity: diag.SeverityError, Part: "thân văn bản",
		Paragraph: 12, Table: 1, Row: 3, Cell: 2, Text: "{{.bao_hiem.tong_so_thee}}",
		Message: "dữ liệu không có mục «.bao_hiem.tong_so_thee»: có phải là «.bao_hiem.tong_so_the»?"}
	fmt.Println(e)
	// Output: lỗi: thân văn bản, bảng 1, hàng 3, cột 2, đoạn «{{.bao_hiem.tong_so_thee}}»: dữ liệu không có mục «.bao_hiem.tong_so_thee»: có phải là «.bao_hiem.tong_so_the»?
}
