package ansinh_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
	"github.com/ansinh-vn/baocao/render"
)

func TestReviewNotesReference(t *testing.T) {
	r, err := ansinh.LoadFile("../testdata/tayson-2023-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	notes := r.ReviewNotes(r.Validate())
	if len(notes) != 2 {
		t.Fatalf("%d notes: %v", len(notes), notes)
	}
	want := []struct {
		path string
		text []string
	}{
		{"giam_ngheo.ho_ngheo_phat_sinh.ty_le", []string{"Cảnh báo. Kiểm tra tỷ lệ:", "0,01%", "0,0026%"}},
		{"lao_dong.xuat_khau.ty_le", []string{"Cảnh báo. Kiểm tra tỷ lệ đạt kế hoạch:", "68,05%", "68,0556%", "68,06%"}},
	}
	for i, w := range want {
		n := notes[i]
		if len(n.Figures) != 1 || len(n.Figures[0]) != 1 || n.Figures[0][0] != w.path {
			t.Errorf("note %d figures %v, want %s", i, n.Figures, w.path)
		}
		for _, s := range w.text {
			if !strings.Contains(n.Text, s) {
				t.Errorf("note %d text lacks %q:\n%s", i, s, n.Text)
			}
		}
	}
}

func TestReviewNotesSubjects(t *testing.T) {
	r, err := ansinh.LoadFile("testdata/xa-binh-tan-2024-q2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	notes := r.ReviewNotes(ansinh.Findings{
		{Severity: indicators.Error, Code: indicators.CodeSumMismatch, Subject: "tin_dung.chuong_trinh[nha_o_ho_ngheo].thanh_phan"},
		{Severity: indicators.Error, Code: indicators.CodePartExceedsTotal, Subject: "giam_ngheo.ho_ngheo+ho_can_ngheo.so_ho"},
		{Severity: indicators.Error, Code: ansinh.CodeMissingKey, Subject: "tin_dung.chuong_trinh[3]"},
		{Severity: indicators.Warning, Code: ansinh.CodeRateOver100, Subject: "bao_hiem.bhxh.ty_le_luc_luong_lao_dong"},
		{Severity: indicators.Error, Code: ansinh.CodeMissingUnit},
	})
	want := [][]render.Figure{
		{{"tin_dung.chuong_trinh.nha_o_ho_ngheo.thanh_phan", "tin_dung.chuong_trinh_ds[1].thanh_phan",
			"tin_dung.chuong_trinh.nha_o_ho_ngheo.so_ho", "tin_dung.chuong_trinh_ds[1].so_ho"}},
		{{"giam_ngheo.ho_ngheo.so_ho"}, {"giam_ngheo.ho_can_ngheo.so_ho"}},
		{{"tin_dung.chuong_trinh_ds[3]"}},
		{{"bao_hiem.bhxh.ty_le"}},
		nil,
	}
	for i, w := range want {
		if got := notes[i].Figures; !equalFigures(got, w) {
			t.Errorf("note %d: figures %q, want %q", i, got, w)
		}
	}
	if !strings.HasPrefix(notes[4].Text, "Lỗi. Kiểm tra thông tin đơn vị báo cáo.") {
		t.Errorf("text %q", notes[4].Text)
	}
}

func equalFigures(a, b []render.Figure) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "|") != strings.Join(b[i], "|") {
			return false
		}
	}
	return true
}

// A finding about one programme lands on the row a row loop printed for it.
func TestReviewRowLoopFinding(t *testing.T) {
	src, err := os.ReadFile("testdata/xa-binh-tan-2024-q2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), "thanh_phan: {xay_moi: 2, sua_chua: 1}", "thanh_phan: {xay_moi: 2, sua_chua: 2}", 1)
	r, err := ansinh.Load(strings.NewReader(bad), "xa.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fs := r.Validate()
	// The sum, and a rate of a figure the template does not print.
	if len(fs) != 2 || fs[0].Code != indicators.CodeSumMismatch || fs[1].Code != indicators.CodeZeroDenominator {
		t.Fatalf("findings: %v", fs)
	}
	cell := func(s string) string { return `<w:tc><w:p><w:r><w:t>` + s + `</w:t></w:r></w:p></w:tc>` }
	body := `<w:p><w:r><w:t>Báo cáo {{.don_vi.ten}}</w:t></w:r></w:p><w:tbl>` +
		`<w:tr>` + cell("Chương trình") + cell("Số hộ") + `</w:tr>` +
		`<w:tr>` + cell("{{range .tin_dung.chuong_trinh_ds}}{{.ten}}") + cell("{{.so_ho}}{{end}}") + `</w:tr></w:tbl>`
	tpl, err := ansinh.ParseTemplate("bang.docx", minimalDocx(t, body))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := tpl.ExecuteReview(context.Background(), &out, r.Data(), render.Review{Notes: r.ReviewNotes(fs)}); err != nil {
		t.Fatal(err)
	}
	doc := readZipPart(t, out.Bytes(), "word/document.xml")
	rows := regexp.MustCompile(`(?s)<w:tr>.*?</w:tr>`).FindAllString(doc, -1)
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	for i, row := range rows {
		if has := strings.Contains(row, "commentRangeStart"); has != (i == 2) {
			t.Errorf("row %d has a comment: %v\n%s", i+1, has, row)
		}
	}
	if !strings.Contains(rows[2], `<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">3</w:t></w:r><w:commentRangeEnd w:id="0"/>`) {
		t.Errorf("the comment is not on the households of nha_o_ho_ngheo:\n%s", rows[2])
	}
	if !strings.HasPrefix(doc[strings.Index(doc, "<w:body>"):], `<w:body><w:p><w:commentRangeStart w:id="1"/>`) {
		t.Errorf("the unprinted figure's comment is not on the first paragraph:\n%s", doc)
	}
	comments := readZipPart(t, out.Bytes(), "word/comments.xml")
	for _, s := range []string{render.DefaultNotPrinted, "(lao_dong.xuat_khau.ty_le)", "Lỗi. Kiểm tra tổng: tổng in so với cộng các phần.", "Tổng in là 3 nhưng cộng các phần 2 + 2 = 4 (lệch 1)."} {
		if !strings.Contains(comments, s) {
			t.Errorf("comments.xml lacks %q:\n%s", s, comments)
		}
	}
}

func minimalDocx(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`},
	} {
		w, err := zw.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readZipPart(t *testing.T, pkg []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
