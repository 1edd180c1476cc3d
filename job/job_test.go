package job

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/diag"
	"github.com/ansinh-vn/baocao/internal/docxtest"
	"github.com/ansinh-vn/baocao/render/rendertest"
)

func readFile(t *testing.T, path string) *File {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return &File{Name: path[strings.LastIndex(path, "/")+1:], Data: b}
}

func tayson(t *testing.T) *File { return readFile(t, "../testdata/tayson-2023-h1.yaml") }

func tpl(body ...string) *File { return &File{Name: "mau.docx", Data: docxtest.Docx(body...)} }

func TestRenderStandard(t *testing.T) {
	res, err := Render(context.Background(), Request{Data: tayson(t)})
	if err != nil {
		t.Fatalf("%v: %v", err, res.Errors)
	}
	if res.FileName != "tayson-2023-h1.docx" || res.ContentType != ContentTypeDocx {
		t.Errorf("name %q type %q", res.FileName, res.ContentType)
	}
	text, err := rendertest.Text(res.Document)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Tây Sơn") {
		t.Errorf("report text lacks the unit: %.200s", text)
	}
	// The reference data has exactly two warnings (see ansinh.Report.Validate).
	if len(res.Findings) != 2 || res.Findings[0].Severity != diag.SeverityWarning {
		t.Errorf("findings: %v", res.Findings)
	}
}

func TestRenderOwnTemplate(t *testing.T) {
	res, err := Render(context.Background(), Request{Data: tayson(t), Template: tpl(docxtest.P("Số hộ nghèo: {{.giam_ngheo.ho_ngheo.so_ho}}"))})
	if err != nil {
		t.Fatalf("%v: %v", err, res.Errors)
	}
	text, _ := rendertest.Text(res.Document)
	if !strings.Contains(text, "Số hộ nghèo: ") || strings.Contains(text, "{{") {
		t.Errorf("text %q", text)
	}
}

// TestCheckAgreesWithRender: for templates that fail only when filled, Check fails
// exactly when Render does, with the same first entry.
func TestCheckAgreesWithRender(t *testing.T) {
	cases := map[string]string{
		"function": "Ngày: {{ngay .bao_hiem.tong_so_the}}",
		"section":  "Đơn vị: {{.don_vi}}",
		"missing":  "Thẻ: {{.bao_hiem.tong_so_thee}}",
		"good":     "Đơn vị: {{.don_vi.ten}}",
	}
	for name, p := range cases {
		t.Run(name, func(t *testing.T) {
			req := Request{Data: tayson(t), Template: tpl(docxtest.P(p))}
			rres, rerr := Render(context.Background(), req)
			cres, cerr := Check(context.Background(), req)
			if (rerr == nil) != (cerr == nil) {
				t.Fatalf("render %v, check %v", rerr, cerr)
			}
			if name == "good" {
				if cerr != nil {
					t.Fatal(cres.Errors)
				}
				return
			}
			if !errors.Is(cerr, ErrInvalid) || len(cres.Errors) == 0 || cres.Errors[0] != rres.Errors[0] {
				t.Fatalf("check %v %v, render %v", cerr, cres.Errors, rres.Errors)
			}
			if cres.Document != nil || rres.Document != nil {
				t.Error("a failed job made a document")
			}
		})
	}
}

func TestCheckTemplateAlone(t *testing.T) {
	res, err := Check(context.Background(), Request{Template: tpl(docxtest.P("A {{.x"), docxtest.P("{{if .y}}"))})
	if !errors.Is(err, ErrInvalid) || len(res.Errors) != 2 {
		t.Fatalf("%v %v", err, res.Errors)
	}
	if res.Errors[0].Kind != "unclosed" || res.Errors[0].Paragraph != 1 || res.Errors[1].Kind != "unbalanced" {
		t.Errorf("%+v", res.Errors)
	}
	if res, err := Check(context.Background(), Request{Template: tpl(docxtest.P("{{.x}}"))}); err != nil {
		t.Errorf("%v %v", err, res.Errors)
	}
}

func TestNotDocx(t *testing.T) {
	for name, b := range map[string][]byte{"mau.pdf": []byte("%PDF-1.7 …"), "mau.odt": docxtest.ODT(), "mau.doc": {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0}} {
		res, err := Check(context.Background(), Request{Template: &File{Name: name, Data: b}})
		if !errors.Is(err, ErrInvalid) || len(res.Errors) != 1 || res.Errors[0].Kind != "not_docx" ||
			!strings.Contains(res.Errors[0].Message, "lưu mẫu dưới dạng Word (.docx)") || res.Errors[0].File != name {
			t.Errorf("%s: %v %+v", name, err, res.Errors)
		}
	}
}

func TestDataErrors(t *testing.T) {
	res, err := Render(context.Background(), Request{Data: &File{Name: "ky.yaml", Data: []byte("don_vi: [\n")}})
	if !errors.Is(err, ErrInvalid) || len(res.Errors) == 0 || res.Errors[0].File != "ky.yaml" || res.Errors[0].Line == 0 {
		t.Fatalf("%v %+v", err, res.Errors)
	}
	res, err = Render(context.Background(), Request{})
	if !errors.Is(err, ErrInvalid) || res.Errors[0].Kind != "no_data" {
		t.Fatalf("%v %+v", err, res.Errors)
	}
}

func TestLimits(t *testing.T) {
	big := &File{Name: "lon.yaml", Data: make([]byte, 11)}
	res, err := Render(context.Background(), Request{Data: big, Limits: Limits{MaxDataSize: 10}})
	if !errors.Is(err, ErrInvalid) || !errors.Is(err, ErrTooLarge) || res.Errors[0].Kind != "too_large" || res.Errors[0].File != "lon.yaml" {
		t.Fatalf("%v %+v", err, res.Errors)
	}
	res, err = Render(context.Background(), Request{Data: tayson(t), Units: make([]File, 3), Limits: Limits{MaxUnits: 2}})
	if !errors.Is(err, ErrInvalid) || res.Errors[0].Kind != "too_many_files" {
		t.Fatalf("%v %+v", err, res.Errors)
	}
	if DefaultLimits().MaxTemplateSize != DefaultMaxTemplateSize {
		t.Error(DefaultLimits())
	}
}

func TestContextEnded(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := Render(ctx, Request{Data: tayson(t)})
	if !errors.Is(err, context.Canceled) || !errors.Is(err, ErrInvalid) || res.Document != nil {
		t.Fatalf("%v %+v", err, res.Errors)
	}
}

func TestParentReport(t *testing.T) {
	dir := "../testdata/province/2024-h1/"
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var units []File
	for _, e := range ents {
		units = append(units, *readFile(t, dir+e.Name()))
	}
	own := readFile(t, "../testdata/province/binh-an-2024-h1.yaml")
	res, err := Render(context.Background(), Request{Data: own, Units: units,
		Template: tpl(docxtest.P("{{.so_don_vi}} đơn vị: {{range .don_vi_truc_thuoc}}{{.don_vi.ten}}; {{end}}")),
		Plan:     readFile(t, "../testdata/province/ke-hoach-2024.yaml")})
	if err != nil {
		t.Fatalf("%v %v", err, res.Errors)
	}
	text, _ := rendertest.Text(res.Document)
	if !strings.HasPrefix(text, "12 đơn vị: ") {
		t.Errorf("%q", text)
	}
	// Roll-up errors name the unit's file: a unit twice, a unit of another parent.
	twice := append(append([]File(nil), units...), File{Name: "lan-hai.yaml", Data: units[0].Data})
	res, err = Render(context.Background(), Request{Data: own, Units: twice})
	if !errors.Is(err, ErrInvalid) || len(res.Errors) != 1 || res.Errors[0].File != "lan-hai.yaml" || res.Errors[0].Kind != "duplicate_unit" {
		t.Fatalf("%v %+v", err, res.Errors)
	}
	res, err = Render(context.Background(), Request{Data: own, Units: append(units[:1:1], *tayson(t))})
	if !errors.Is(err, ErrInvalid) || len(res.Errors) != 1 || res.Errors[0].File != "tayson-2023-h1.yaml" {
		t.Fatalf("%v %+v", err, res.Errors)
	}
	// A unit of another period is named by its file.
	bad := append([]File(nil), units...)
	bad[0] = File{Name: "x.yaml", Data: []byte("don_vi: {ten: A, cap: xã}\nky: {nam: 2024, loai: quy-9}\n")}
	res, err = Render(context.Background(), Request{Data: own, Units: bad})
	if !errors.Is(err, ErrInvalid) || res.Errors[0].File != "x.yaml" {
		t.Fatalf("%v %+v", err, res.Errors)
	}
}

func TestValidate(t *testing.T) {
	res, err := Validate(*tayson(t), Limits{})
	if err != nil || len(res.Findings) != 2 || res.Findings[0].File != "tayson-2023-h1.yaml" {
		t.Fatalf("%v %+v", err, res)
	}
	res, err = Validate(File{Name: "x.yaml", Data: []byte("a: [")}, Limits{})
	if !errors.Is(err, ErrInvalid) || res.Errors[0].File != "x.yaml" {
		t.Fatalf("%v %+v", err, res)
	}
}

func TestRenderPDF(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	res, err := Render(context.Background(), Request{Data: tayson(t), PDF: true})
	if err != nil {
		t.Fatalf("%v %v", err, res.Errors)
	}
	if res.FileName != "tayson-2023-h1.pdf" || res.ContentType != ContentTypePDF || !strings.HasPrefix(string(res.Document), "%PDF") || len(res.Docx) == 0 {
		t.Errorf("%s %s %.10q %d", res.FileName, res.ContentType, res.Document, len(res.Docx))
	}
}

func TestRenderWithCatalog(t *testing.T) {
	unit := readFile(t, "../testdata/custom/2024-h1/30001.yaml")
	catalog := readFile(t, "../testdata/custom/danh-muc.yaml")
	res, err := Render(context.Background(), Request{Data: unit, Catalog: catalog})
	if err != nil {
		t.Fatalf("%v: %v", err, res.Errors)
	}
	text, err := rendertest.Text(res.Document)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Các chỉ tiêu bổ sung", "Người khuyết tật được hưởng trợ cấp hằng tháng", "29 người"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}

	// Without the catalogue the same file's bo_sung is an error that says one is needed.
	res, err = Render(context.Background(), Request{Data: unit})
	if !errors.Is(err, ErrInvalid) || len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Message, "danh mục") {
		t.Fatalf("without the catalogue: %v %+v", err, res.Errors)
	}

	// A catalogue with an error is named with its line.
	bad := &File{Name: "danh-muc.yaml", Data: []byte("chi_tieu:\n  - ma: a\n    ten: A\n    kieu: so_luongg\n")}
	res, err = Render(context.Background(), Request{Data: unit, Catalog: bad})
	if !errors.Is(err, ErrInvalid) || len(res.Errors) == 0 || res.Errors[0].File != "danh-muc.yaml" || res.Errors[0].Line != 4 {
		t.Fatalf("a bad catalogue: %v %+v", err, res.Errors)
	}
}
