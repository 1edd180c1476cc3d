package render_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/ansinh-vn/baocao/render"
)

// A review draft: each note becomes a Word comment on the text that prints its figure.
// The note about the second programme's households goes on the row the loop printed
// for it; the note about a figure the template does not print goes on the first
// paragraph.
func ExampleTemplate_ExecuteReview() {
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
	review := render.Review{Author: "Tổ kiểm tra", Initials: "TKT", Notes: []render.Note{
		{Figures: []render.Figure{{".chuong_trinh[1].so_ho"}}, Text: "Cảnh báo: 312 hộ, kế hoạch 1.000 hộ."},
		{Figures: []render.Figure{{".ke_hoach"}}, Text: "Chưa có kế hoạch."},
	}}
	var out bytes.Buffer
	if err := tpl.ExecuteReview(context.Background(), &out, data, review); err != nil {
		log.Fatal(err)
	}
	printComments(out.Bytes())
	// Output:
	// comment 0 on "312": Cảnh báo: 312 hộ, kế hoạch 1.000 hộ. (Tổ kiểm tra)
	// comment 1 on "Bảng 1. Thông tin chung": Mẫu báo cáo không in số liệu này. / Chưa có kế hoạch. (Tổ kiểm tra)
}

// ExecuteReviewFile writes the review draft to a file, whole or not at all.
func ExampleTemplate_ExecuteReviewFile() {
	tpl := render.Must(render.New("bang").ParseFile("../testdata/render/split.docx"))
	data := map[string]any{
		"ten_don_vi": "UBND xã Tây Sơn", "nam": "2023", "ky": "6 tháng đầu năm", "ma_so": "TS-01",
		"tu_ngay": "01/01/2023", "den_ngay": "30/6/2023", "nguoi_lap": "Nguyễn Văn A",
	}
	dir, err := os.MkdirTemp("", "review")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "du-thao.docx")
	notes := []render.Note{{Figures: []render.Figure{{"ma_so"}}, Text: "Mã chưa đăng ký."}}
	if err := tpl.ExecuteReviewFile(path, data, render.Review{Notes: notes}); err != nil {
		log.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	printComments(b)
	// Output:
	// comment 0 on "TS-01": Mã chưa đăng ký. (baocao)
}

var (
	anchorRE  = regexp.MustCompile(`(?s)<w:commentRangeStart w:id="(\d+)"/>(.*?)<w:commentRangeEnd w:id="(\d+)"/>`)
	commentRE = regexp.MustCompile(`(?s)<w:comment\b[^>]*w:id="(\d+)" w:author="([^"]*)"[^>]*>(.*?)</w:comment>`)
	textRE    = regexp.MustCompile(`<w:t[^>]*>([^<]*)</w:t>`)
)

// printComments prints each comment of a package with the text it is anchored on.
func printComments(pkg []byte) {
	doc, comments := readPart(pkg, "word/document.xml"), readPart(pkg, "word/comments.xml")
	on := map[string]string{}
	for _, m := range anchorRE.FindAllStringSubmatch(doc, -1) {
		on[m[1]] = texts(m[2], "")
	}
	for _, m := range commentRE.FindAllStringSubmatch(comments, -1) {
		fmt.Printf("comment %s on %q: %s (%s)\n", m[1], on[m[1]], texts(strings.ReplaceAll(m[3], "</w:p><w:p>", "</w:p>\x00<w:p>"), " / "), m[2])
	}
}

func texts(x, sep string) string {
	var b strings.Builder
	for _, para := range strings.Split(x, "\x00") {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		for _, m := range textRE.FindAllStringSubmatch(para, -1) {
			b.WriteString(m[1])
		}
	}
	return b.String()
}

func readPart(pkg []byte, name string) string {
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		log.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		log.Fatal(err)
	}
	return string(b)
}

// A note about several figures covers the whole paragraph that prints them.
func ExampleNote() {
	tpl := render.Must(render.New("mau").ParseFile("../testdata/render/split.docx"))
	data := map[string]any{
		"ten_don_vi": "UBND xã Tây Sơn", "nam": "2023", "ky": "6 tháng đầu năm", "ma_so": "TS-01",
		"tu_ngay": "01/01/2023", "den_ngay": "30/6/2023", "nguoi_lap": "Nguyễn Văn A",
	}
	notes := []render.Note{{Figures: []render.Figure{{"tu_ngay"}, {"den_ngay"}}, Text: "Kỳ báo cáo không khớp với số liệu."}}
	var out bytes.Buffer
	if err := tpl.ExecuteReview(context.Background(), &out, data, render.Review{Notes: notes}); err != nil {
		log.Fatal(err)
	}
	printComments(out.Bytes())
	// Output:
	// comment 0 on "Từ 01/01/2023 đến 30/6/2023.": Kỳ báo cáo không khớp với số liệu. (baocao)
}
