package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/internal/docxtest"
)

// TestTemplateMessages: each kind of template error, through check and render, gives
// exit 1, a summary first, the place (part, table cell, paragraph text) as a heading
// and the Vietnamese message under it.
func TestTemplateMessages(t *testing.T) {
	dir := t.TempDir()
	p := docxtest.P
	cases := []struct {
		name       string
		docx       []byte
		place, msg string
	}{
		{"unclosed", docxtest.Docx(p("Số hộ: {{.giam_ngheo.ho_ngheo.so_ho")), "thân văn bản, đoạn «Số hộ: {{.giam_ngheo.ho_ngheo.so_ho»", "mở bằng «{{» nhưng không có «}}»"},
		{"split", docxtest.Docx(p("Số hộ: {{.giam_ngheo"), p(".so_ho}}")), "thân văn bản, đoạn «Số hộ: {{.giam_ngheo»", "xoá dấu xuống dòng"},
		{"unbalanced", docxtest.Docx(p("{{if .giam_ngheo}} có")), "thân văn bản, đoạn «{{if .giam_ngheo}} có»", "cần đúng một {{end}}"},
		{"syntax", docxtest.Docx(p("{{if}}{{end}}")), "thân văn bản, đoạn «{{if}}{{end}}»", "thẻ «{{if}}» viết sai"},
		{"space", docxtest.Docx(p("Tổng số thẻ: {{.bao_hiem.tong so the}}")), "thân văn bản, đoạn «Tổng số thẻ: {{.bao_hiem.tong so the}}»", "ví dụ «.bao_hiem.tong_so_the»"},
		{"function", docxtest.Docx(p("{{phantrm .giam_ngheo.ho_ngheo.ty_le}}")), "thân văn bản, đoạn «{{phantrm .giam_ngheo.ho_ngheo.ty_le}}»", "có phải là «phantram»?"},
		{"define", docxtest.Docx(p(`{{template "a"}}`)), `thân văn bản, đoạn «{{template "a"}}»`, "không dùng được trong mẫu Word"},
		{"method", docxtest.Docx(p("{{.giam_ngheo.ho_ngheo.so_ho.WithPlaces 3}}")), "thân văn bản, đoạn «{{.giam_ngheo.ho_ngheo.so_ho.WithPlaces 3}}»", "gọi «WithPlaces» kèm tham số"},
		{"missing", docxtest.Docx(docxtest.Table([]string{"Chỉ tiêu", "Số"}, []string{"Thẻ", "{{.bao_hiem.tong_so_thee}}"})), "thân văn bản, bảng 1, hàng 2, cột 2, đoạn «{{.bao_hiem.tong_so_thee}}»", "có phải là «.bao_hiem.tong_so_the»?"},
		{"header", docxtest.DocxHeader(p("{{.don_vi.tenn}}"), p("A")), "đầu trang, đoạn «{{.don_vi.tenn}}»", "có phải là «.don_vi.ten»?"},
		{"ngay", docxtest.Docx(p("{{ngay .bao_hiem.tong_so_the}}")), "thân văn bản, đoạn «{{ngay .bao_hiem.tong_so_the}}»", "hàm «ngay» cần một ngày tháng"},
		{"section", docxtest.Docx(p("Đơn vị: {{.don_vi}}")), "thân văn bản, đoạn «Đơn vị: {{.don_vi}}»", "in cả một phần dữ liệu"},
		{"steps", docxtest.Docx(p("{{range 100000000}}x{{end}}")), "thân văn bản, đoạn «{{range 100000000}}x{{end}}»", "lặp quá nhiều lần"},
		{"notzip", []byte("không phải zip"), "chung", "lưu mẫu dưới dạng Word (.docx)"},
		{"odt", docxtest.ODT(), "tệp " + filepath.Join(dir, "odt.docx"), "mẫu là tệp OpenDocument (.odt)"},
		{"pdf", []byte("%PDF-1.7"), "tệp " + filepath.Join(dir, "pdf.docx"), "mẫu là tệp PDF"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := filepath.Join(dir, c.name+".docx")
			if err := os.WriteFile(tpl, c.docx, 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, _ := baocao(t, "check", "-template", tpl, "-data", taysonPath(t))
			if code != exitProblems || !strings.HasPrefix(out, "Có 1 lỗi") || !strings.Contains(out, "\n"+c.place+":\n  - lỗi: ") || !strings.Contains(out, c.msg) ||
				!strings.HasSuffix(out, "Mẫu chưa dùng được: sửa các lỗi trên trong Word (tìm đoạn bằng Ctrl+F) rồi kiểm tra lại.\n") {
				t.Errorf("check: exit %d\n%s", code, out)
			}
			rout := filepath.Join(dir, c.name+"-out.docx")
			code, _, errs := baocao(t, "render", "-template", tpl, "-data", taysonPath(t), "-o", rout)
			if code != exitProblems || !strings.Contains(errs, c.msg) || !strings.HasSuffix(errs, "Không tạo được báo cáo: sửa các lỗi trên rồi chạy lại.\n") {
				t.Errorf("render: exit %d\n%s", code, errs)
			}
			if _, err := os.Stat(rout); !os.IsNotExist(err) {
				t.Errorf("render wrote %s", rout)
			}
		})
	}
}

// TestDataMessages: problems of period files, through validate and render.
func TestDataMessages(t *testing.T) {
	dir := t.TempDir()
	ref, err := os.ReadFile(taysonPath(t))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tab := write("tab.yaml", "don_vi:\n\tten: A\n")
	key := write("key.yaml", strings.Replace(string(ref), "  ten: Tây Sơn", "  tenn: Tây Sơn", 1))
	code, out, _ := baocao(t, "validate", tab, key, filepath.Join(dir, "khong-co.yaml"), taysonPath(t))
	if code != exitProblems {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{
		"\ntệp " + tab + ":\n  - dòng 2",
		"\ntệp " + key + ":\n",
		"  - dòng 8, cột 3: lỗi: ",
		"\ntệp " + filepath.Join(dir, "khong-co.yaml") + ":\n  - lỗi: không tìm thấy tệp",
		tab + ": có lỗi, cần sửa trước khi làm báo cáo.\n",
		taysonPath(t) + ": dùng được, nên xem lại các cảnh báo.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	code, _, errs := baocao(t, "render", "-data", key, "-o", filepath.Join(dir, "o.docx"))
	if code != exitProblems || !strings.Contains(errs, "dòng 8, cột 3") {
		t.Errorf("render: %d\n%s", code, errs)
	}
}

func TestTemplatesCopy(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := baocao(t, "templates")
	if code != exitOK || !strings.Contains(out, "xa.docx") || !strings.Contains(out, "tinh.docx") {
		t.Errorf("%d %s", code, out)
	}
	dst := filepath.Join(dir, "mau-xa.docx")
	if code, _, errs := baocao(t, "templates", "xa.docx", "-o", dst); code != exitOK {
		t.Fatalf("%d %s", code, errs)
	}
	// The copy checks clean against a commune's data, and is not overwritten.
	if code, out, _ := baocao(t, "check", "-template", dst); code != exitOK || !strings.HasPrefix(out, "Mẫu không có lỗi.") {
		t.Errorf("%d %s", code, out)
	}
	if code, _, errs := baocao(t, "templates", "xa.docx", "-o", dst); code != exitProblems || !strings.Contains(errs, "đã có") {
		t.Errorf("%d %s", code, errs)
	}
	if code, _, errs := baocao(t, "templates", "khong.docx"); code != exitProblems || !strings.Contains(errs, "không có mẫu chuẩn") {
		t.Errorf("%d %s", code, errs)
	}
}

// TestLoadKindsThroughTheCommand: each kind of period-file error through validate and
// render: exit 1, the file as heading, line and column, the Vietnamese advice.
func TestLoadKindsThroughTheCommand(t *testing.T) {
	ref, err := os.ReadFile(taysonPath(t))
	if err != nil {
		t.Fatal(err)
	}
	src := string(ref)
	dir := t.TempDir()
	for _, c := range []struct{ name, yaml, at, says string }{
		{"tab", "don_vi:\n\tten: A\n", "dòng 2, cột 1: lỗi: ", "thay Tab bằng dấu cách"},
		{"colon", strings.Replace(src, "  ten: Tây Sơn", "  ten: Tây Sơn: huyện", 1), "dòng 8", "đặt giá trị trong dấu ngoặc kép"},
		{"unknown", strings.Replace(src, "  cap_tren:", "  cap_tre:", 1), "dòng 10, cột 3: lỗi: ", `có phải là "cap_tren"?`},
		{"duplicate", strings.Replace(src, "  cap_tren:", "  cap:", 1), "dòng 10, cột 3: lỗi: ", "bị lặp"},
		{"empty", "", "  - lỗi: ", "tệp rỗng"},
		{"alias", "don_vi: &a {ten: A}\nx: *a\n", "dòng 1", "neo &a"},
		{"number", strings.Replace(src, "so_ho: 38459", "so_ho: 38,459", 1), "dòng 78", "38,459"},
		{"section", src[:strings.Index(src, "\ntien_dien:")+1], "lỗi: ", `"tien_dien"`},
	} {
		path := filepath.Join(dir, c.name+".yaml")
		if err := os.WriteFile(path, []byte(c.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, _ := baocao(t, "validate", path)
		if code != exitProblems || !strings.Contains(out, "\ntệp "+path+":\n") || !strings.Contains(out, c.at) || !strings.Contains(out, c.says) {
			t.Errorf("validate %s: exit %d\n%s", c.name, code, out)
		}
		code, _, errs := baocao(t, "render", "-data", path, "-o", filepath.Join(dir, c.name+".docx"))
		if code != exitProblems || !strings.Contains(errs, c.says) {
			t.Errorf("render %s: exit %d\n%s", c.name, code, errs)
		}
	}
}
