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
