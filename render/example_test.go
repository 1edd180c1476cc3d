package render_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/ansinh-vn/baocao/render"
	"github.com/ansinh-vn/baocao/render/rendertest"
)

// A simple fill. In split.docx, LibreOffice cut several tags into runs of different
// formatting; they print as if typed in one piece.
func Example() {
	tpl, err := render.ParseFile("../testdata/render/split.docx")
	if err != nil {
		log.Fatal(err)
	}
	data := map[string]any{
		"ten_don_vi": "UBND xã Tây Sơn", "nam": "2023", "ky": "6 tháng đầu năm", "ma_so": "TS-01",
		"tu_ngay": "01/01/2023", "den_ngay": "30/6/2023", "nguoi_lap": "Nguyễn Văn A",
	}
	var out bytes.Buffer
	if err := tpl.Execute(&out, data); err != nil {
		log.Fatal(err)
	}
	text, _ := rendertest.Text(out.Bytes())
	fmt.Print(text)
	// Output:
	// Đơn vị: UBND xã Tây Sơn.
	// Năm 2023 báo cáo
	// Kỳ: 6 tháng đầu năm (số liệu)
	// Mã: TS-01
	// Từ 01/01/2023 đến 30/6/2023.
	// Người lập: Nguyễn Văn A
	// Giai đoạn: 01/01/2023 – 30/6/2023
	// Ghi chú: {không phải thẻ}
}

// A template used once, such as one uploaded with each request, is parsed and executed
// by one call.
func ExampleTemplate_Render() {
	docx, err := os.ReadFile("../testdata/render/split.docx")
	if err != nil {
		log.Fatal(err)
	}
	data := map[string]any{
		"ten_don_vi": "UBND xã Bình Hòa", "nam": "2026", "ky": "cả năm", "ma_so": "BH-02",
		"tu_ngay": "01/01/2026", "den_ngay": "31/12/2026", "nguoi_lap": "Trần Thị B",
	}
	var out bytes.Buffer
	if err := render.New("split.docx").Render(context.Background(), &out, docx, data); err != nil {
		log.Fatal(err)
	}
	text, _ := rendertest.Text(out.Bytes())
	fmt.Print(strings.SplitAfter(text, "\n")[0])
	// Output:
	// Đơn vị: UBND xã Bình Hòa.
}

// A table loop: {{range .chuong_trinh}} in the first cell of a row and {{end}} in its
// last cell repeat the row once per programme. Numbers print the Vietnamese way.
func ExampleTemplate_Execute_tableLoop() {
	tpl := render.Must(render.New("bang").ParseFile("../testdata/render/table.docx"))
	data := map[string]any{
		"don_vi": "UBND xã Tây Sơn", "ky": "6 tháng đầu năm 2023",
		"nguoi_lap": "Nguyễn Văn A", "chuc_vu": "cán bộ LĐ-TB&XH",
		"chuong_trinh": []map[string]any{
			{"stt": 1, "ten": "Hộ nghèo", "so_ho": 1855, "ghi_chu": ""},
			{"stt": 2, "ten": "Nước sạch & vệ sinh", "so_ho": 312, "ghi_chu": "< 30% kế hoạch"},
		},
		"tong_so_ho": 2167,
	}
	var out bytes.Buffer
	if err := tpl.Execute(&out, data); err != nil {
		log.Fatal(err)
	}
	text, _ := rendertest.Text(out.Bytes())
	fmt.Print(strings.ReplaceAll(text, "\t", "|")) // cells are tab-separated
	// Output:
	// Bảng 1. Thông tin chung
	// Đơn vị|UBND xã Tây Sơn
	// Kỳ báo cáo|6 tháng đầu năm 2023
	// Người lập|Nguyễn Văn A (cán bộ LĐ-TB&XH)
	// Bảng 2. Chương trình tín dụng
	// STT|Chương trình|Số hộ|Ghi chú
	// 1|Hộ nghèo|1.855|
	// 2|Nước sạch & vệ sinh|312|< 30% kế hoạch
	// |Tổng|2.167|
	// Hết bảng.
}

// Check lists every data path a template needs that the data lacks, with the Word
// paragraph of each, before anything is rendered.
func ExampleTemplate_Check() {
	tpl := render.Must(render.ParseFile("../testdata/render/table.docx"))
	err := tpl.Check(map[string]any{"don_vi": "UBND xã Tây Sơn", "chuong_trinh": []map[string]any{}})
	var errs render.Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Printf("%s (paragraph %d)\n", e.Tag, e.Paragraph)
		}
	}
	// Output:
	// .ky (paragraph 5)
	// .nguoi_lap (paragraph 7)
	// .chuc_vu (paragraph 7)
	// .tong_so_ho (paragraph 19)
}

// A failed render names the tag and the Word paragraph around it, and writes nothing.
func ExampleError() {
	tpl := render.Must(render.ParseFile("../testdata/render/split.docx"))
	var out bytes.Buffer
	err := tpl.Execute(&out, map[string]any{"ten_don_vi": "UBND xã Tây Sơn"})
	var e *render.Error
	if errors.As(err, &e) && errors.Is(err, render.ErrMissingKey) {
		fmt.Println(e.Part, e.Paragraph, e.Tag)
		fmt.Println(e.Text)
	}
	fmt.Println(out.Len(), "bytes written")
	// Output:
	// word/document.xml 2 {{.nam}}
	// Năm {{.nam}} báo cáo
	// 0 bytes written
}
