package diag

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
	"github.com/ansinh-vn/baocao/internal/docformat"
	"github.com/ansinh-vn/baocao/internal/docxtest"
	"github.com/ansinh-vn/baocao/render"
)

// tayson is the reference report's data tree.
func tayson(t *testing.T) map[string]any {
	t.Helper()
	r, err := ansinh.LoadFile("../testdata/tayson-2023-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return r.Data()
}

// entriesOf parses docx and, when it parses, executes it with data; the entries of
// the first error.
func entriesOf(t *testing.T, docx []byte, data map[string]any) []Entry {
	t.Helper()
	tpl, err := ansinh.ParseTemplate("mau.docx", docx)
	if err == nil {
		err = tpl.Execute(io.Discard, data)
	}
	if err == nil {
		t.Fatal("no error")
	}
	return FromErrorData(err, data)
}

func TestRenderMessages(t *testing.T) {
	data := tayson(t)
	p := docxtest.P
	cases := []struct {
		name string
		docx []byte
		want Entry
	}{
		{"unclosed", docxtest.Docx(p("Số hộ: {{.giam_ngheo.ho_ngheo.so_ho")), Entry{Kind: "unclosed", Part: "thân văn bản", Paragraph: 1, Text: "Số hộ: {{.giam_ngheo.ho_ngheo.so_ho", Tag: "{{.giam_ngheo.ho_ngheo.so_ho",
			Message: "thẻ «{{.giam_ngheo.ho_ngheo.so_ho» mở bằng «{{» nhưng không có «}}» đóng lại trong cùng đoạn: gõ thêm «}}» ở cuối thẻ"}},
		{"split", docxtest.Docx(p("A"), p("Số hộ: {{.giam_ngheo"), p(".so_ho}} hộ")), Entry{Kind: "split_paragraph", Part: "thân văn bản", Paragraph: 2, Text: "Số hộ: {{.giam_ngheo", Tag: "{{.giam_ngheo",
			Message: "thẻ «{{.giam_ngheo» bắt đầu ở đoạn này nhưng kết thúc ở đoạn sau (có dấu xuống dòng giữa «{{» và «}}»): xoá dấu xuống dòng để cả thẻ nằm trong một đoạn"}},
		{"unbalanced", docxtest.Docx(p("{{if .giam_ngheo}} có")), Entry{Kind: "unbalanced", Part: "thân văn bản", Paragraph: 1, Text: "{{if .giam_ngheo}} có", Tag: "{{if .giam_ngheo}}",
			Message: "khối «{{if .giam_ngheo}}» không cân: mỗi {{if …}}, {{range …}}, {{with …}} cần đúng một {{end}} sau nó; {{else}} và {{end}} phải có thẻ mở; trong bảng, thẻ mở và {{end}} của một khối phải nằm cùng một ô, hoặc ở đầu và cuối những hàng trọn vẹn"}},
		{"syntax", docxtest.Docx(p("{{if}}{{end}}")), Entry{Kind: "syntax", Part: "thân văn bản", Paragraph: 1, Text: "{{if}}{{end}}", Tag: "{{if}}",
			Message: "thẻ «{{if}}» viết sai: tên mục dữ liệu bắt đầu bằng dấu chấm và viết liền (ví dụ {{.giam_ngheo.ho_ngheo.so_ho}}), chữ đặt trong dấu ngoặc kép thẳng, hàm viết trước giá trị (ví dụ {{so .tin_dung.tong_so_tien}}); các khối viết {{if …}}, {{range …}}, {{with …}}, {{else}}, {{end}}"}},
		{"space", docxtest.Docx(p("Tổng số thẻ: {{.bao_hiem.tong so the}}")), Entry{Kind: "space_in_name", Part: "thân văn bản", Paragraph: 1, Text: "Tổng số thẻ: {{.bao_hiem.tong so the}}", Tag: "{{.bao_hiem.tong so the}}",
			Message: "thẻ «{{.bao_hiem.tong so the}}» có dấu cách trong tên mục dữ liệu «.bao_hiem.tong so the»: tên mục viết liền, các chữ nối bằng dấu gạch dưới, ví dụ «.bao_hiem.tong_so_the»"}},
		{"unknown function", docxtest.Docx(p("{{phantrm .giam_ngheo.ho_ngheo.ty_le}}")), Entry{Kind: "unknown_function", Part: "thân văn bản", Paragraph: 1, Text: "{{phantrm .giam_ngheo.ho_ngheo.ty_le}}", Tag: "{{phantrm .giam_ngheo.ho_ngheo.ty_le}}",
			Message: "thẻ «{{phantrm .giam_ngheo.ho_ngheo.ty_le}}» dùng hàm «phantrm» không có: có phải là «phantram»?"}},
		{"unsupported", docxtest.Docx(p(`{{template "a"}}`)), Entry{Kind: "unsupported", Part: "thân văn bản", Paragraph: 1, Text: `{{template "a"}}`, Tag: `{{template "a"}}`,
			Message: `thẻ «{{template "a"}}» («template») không dùng được trong mẫu Word: xoá thẻ này; muốn lặp lại một đoạn, dùng {{range …}} … {{end}}`}},
		{"method call", docxtest.Docx(p("{{.giam_ngheo.ho_ngheo.so_ho.WithPlaces 3}}")), Entry{Kind: "method_call", Part: "thân văn bản", Paragraph: 1, Text: "{{.giam_ngheo.ho_ngheo.so_ho.WithPlaces 3}}", Tag: "{{.giam_ngheo.ho_ngheo.so_ho.WithPlaces 3}}",
			Message: "thẻ «{{.giam_ngheo.ho_ngheo.so_ho.WithPlaces 3}}» gọi «WithPlaces» kèm tham số, mẫu không được phép làm vậy: bỏ phần tham số, hoặc dùng một hàm của mẫu (xem danh sách hàm trong hướng dẫn)"}},
		{"missing key in a table cell", docxtest.Docx(docxtest.Table([]string{"Chỉ tiêu", "Số"}, []string{"Tổng số thẻ", "{{.bao_hiem.tong_so_thee}}"})), Entry{Kind: "missing_key", Part: "thân văn bản", Paragraph: 4, Table: 1, Row: 2, Cell: 2, Text: "{{.bao_hiem.tong_so_thee}}", Tag: "{{.bao_hiem.tong_so_thee}}", Path: ".bao_hiem.tong_so_thee",
			Message: "thẻ «{{.bao_hiem.tong_so_thee}}»: dữ liệu không có mục «.bao_hiem.tong_so_thee»: có phải là «.bao_hiem.tong_so_the»?"}},
		{"missing key in the header", docxtest.DocxHeader(p("{{.don_vi.tenn}}"), p("A")), Entry{Kind: "missing_key", Part: "đầu trang", Paragraph: 1, Text: "{{.don_vi.tenn}}", Tag: "{{.don_vi.tenn}}", Path: ".don_vi.tenn",
			Message: "thẻ «{{.don_vi.tenn}}»: dữ liệu không có mục «.don_vi.tenn»: có phải là «.don_vi.ten»?"}},
		{"function given the wrong value", docxtest.Docx(p("Ngày {{ngay .bao_hiem.tong_so_the}}")), Entry{Kind: "exec", Part: "thân văn bản", Paragraph: 1, Text: "Ngày {{ngay .bao_hiem.tong_so_the}}", Tag: "{{ngay .bao_hiem.tong_so_the}}",
			Message: "thẻ «{{ngay .bao_hiem.tong_so_the}}»: hàm «ngay» không dùng được với «.bao_hiem.tong_so_the»; hàm «ngay» cần một ngày tháng (ví dụ {{ngay .van_ban.ngay}})"}},
		{"a whole section", docxtest.Docx(p("Đơn vị: {{.don_vi}}")), Entry{Kind: "exec", Part: "thân văn bản", Paragraph: 1, Text: "Đơn vị: {{.don_vi}}", Tag: "{{.don_vi}}",
			Message: "thẻ «{{.don_vi}}» in cả một phần dữ liệu («.don_vi» gồm nhiều mục), không in thẳng được: in từng mục của nó, ví dụ {{.don_vi.cap}}, {{.don_vi.cap_tren}}, {{.don_vi.co_quan}}"}},
		{"a list", docxtest.Docx(p("{{.tin_dung.chuong_trinh_ds}}")), Entry{Kind: "exec", Part: "thân văn bản", Paragraph: 1, Text: "{{.tin_dung.chuong_trinh_ds}}", Tag: "{{.tin_dung.chuong_trinh_ds}}",
			Message: "thẻ «{{.tin_dung.chuong_trinh_ds}}» in cả một danh sách, không in thẳng được: in từng dòng bằng {{range .tin_dung.chuong_trinh_ds}} … {{end}}"}},
		{"too many steps", docxtest.Docx(p("{{range 100000000}}x{{end}}")), Entry{Kind: "limit", Part: "thân văn bản", Paragraph: 1, Text: "{{range 100000000}}x{{end}}", Tag: "{{range 100000000}}",
			Message: "báo cáo lặp quá nhiều lần ở thẻ «{{range 100000000}}»: kiểm tra các {{range …}} lồng nhau, hoặc chia báo cáo thành nhiều phần"}},
		{"not a zip", []byte("không phải zip"), Entry{Kind: "package",
			Message: "tệp mẫu không phải tệp Word (.docx) dùng được (tệp hỏng, quá lớn, hoặc không phải .docx): mở mẫu trong Word và lưu mẫu dưới dạng Word (.docx)"}},
		{"malformed XML", docxtest.Docx("<w:p><w:r>"), Entry{Kind: "xml", Part: "thân văn bản",
			Message: "một phần của tệp mẫu bị hỏng: mở mẫu trong Word, lưu mẫu dưới dạng Word (.docx) rồi thử lại"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			es := entriesOf(t, c.docx, data)
			c.want.Severity = SeverityError
			if len(es) != 1 || es[0] != c.want {
				t.Errorf("got  %+v\nwant %+v", es, c.want)
			}
		})
	}
}

func TestLimitMessages(t *testing.T) {
	docx := docxtest.Docx(docxtest.P("{{.a}}{{.b}}"))
	_, err := render.New("m").Limits(render.Limits{MaxTags: 1}).Parse(docx)
	if es := FromError(err); len(es) != 1 || es[0].Kind != "limit" || es[0].Message != "mẫu có quá nhiều thẻ (quá 50.000 thẻ): chia mẫu thành nhiều mẫu nhỏ hơn" {
		t.Errorf("%+v", es)
	}
	tpl, _ := render.New("m").Parse(docx)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = tpl.ExecuteContext(ctx, io.Discard, map[string]any{"a": 1, "b": 2})
	if es := FromError(err); len(es) != 1 || es[0].Kind != "limit" || !strings.HasPrefix(es[0].Message, "quá thời gian cho phép") {
		t.Errorf("%v: %+v", err, es)
	}
}

func TestNotDocxMessage(t *testing.T) {
	es := FromError(docformat.Check("mau.odt", docxtest.ODT()))
	want := Entry{Kind: "not_docx", Severity: SeverityError, File: "mau.odt",
		Message: "mẫu là tệp OpenDocument (.odt), không phải tệp Word (.docx): mở mẫu trong Word hoặc LibreOffice và lưu mẫu dưới dạng Word (.docx) (Tệp > Lưu thành > Tài liệu Word)"}
	if len(es) != 1 || es[0] != want {
		t.Errorf("%+v", es)
	}
}

func TestJoinedAndOther(t *testing.T) {
	es := FromError(errors.Join(docformat.Check("a.pdf", []byte("%PDF")), ansinh.ErrPlanYear))
	if len(es) != 2 || es[0].Kind != "not_docx" || es[1].Kind != "plan_year" || es[1].Message != "tệp kế hoạch là của năm khác: chọn kế hoạch của năm báo cáo" {
		t.Errorf("%+v", es)
	}
	if FromError(nil) != nil {
		t.Error("nil gives entries")
	}
}

func TestEntryString(t *testing.T) {
	e := Entry{Severity: SeverityError, Part: "thân văn bản", Table: 1, Row: 2, Cell: 3, Paragraph: 9, Text: "Tổng", Message: "m"}
	if got := e.String(); got != "lỗi: thân văn bản, bảng 1, hàng 2, cột 3, đoạn «Tổng»: m" {
		t.Error(got)
	}
	e = Entry{Severity: SeverityWarning, File: "ky.yaml", Line: 3, Column: 5, Message: "m"}
	if got := e.String(); got != "cảnh báo: tệp ky.yaml, dòng 3, cột 5: m" {
		t.Error(got)
	}
}

func TestSuggestInsideRange(t *testing.T) {
	data := map[string]any{"hang": []any{map[string]any{"muc": map[string]any{"so_lieu_rieng": "A"}}}}
	tpl, err := ansinh.ParseTemplate("m.docx", docxtest.Docx(docxtest.P("{{range .hang}}{{.muc.so_lieu_reng}}{{end}}")))
	if err != nil {
		t.Fatal(err)
	}
	es := FromErrorData(tpl.Execute(io.Discard, data), data)
	if len(es) != 1 || !strings.HasSuffix(es[0].Message, "có phải là «.muc.so_lieu_rieng»?") {
		t.Errorf("%+v", es)
	}
}

func TestInvalidRateMessage(t *testing.T) {
	data := map[string]any{"lao_dong": map[string]any{"xuat_khau": map[string]any{"ty_le": indicators.Rate{}}}}
	tpl, err := ansinh.ParseTemplate("m.docx", docxtest.Docx(docxtest.P("Đạt {{.lao_dong.xuat_khau.ty_le}} kế hoạch")))
	if err != nil {
		t.Fatal(err)
	}
	es := FromErrorData(tpl.Execute(io.Discard, data), data)
	want := "thẻ «{{.lao_dong.xuat_khau.ty_le}}»: tỷ lệ «.lao_dong.xuat_khau.ty_le» không tính được từ số liệu (thiếu số cơ sở hoặc mẫu số bằng 0): đặt thẻ trong {{if .lao_dong.xuat_khau.ty_le.IsValid}} … {{end}}"
	if len(es) != 1 || es[0].Kind != "exec" || es[0].Message != want || es[0].Text != "Đạt {{.lao_dong.xuat_khau.ty_le}} kế hoạch" {
		t.Errorf("%+v", es)
	}
}
