package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/internal/docxtest"
	"github.com/ansinh-vn/baocao/render/rendertest"
)

// taysonPath is the reference period file, absolute so tests may run in any folder.
func taysonPath(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../../testdata/tayson-2023-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// baocao runs the command line in-process and returns its exit status and outputs.
func baocao(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// writeTemplate writes a template of the given paragraphs into dir.
func writeTemplate(t *testing.T, dir, name string, body ...string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, docxtest.Docx(body...), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRenderStandard(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.docx")
	code, stdout, stderr := baocao(t, "render", "-data", taysonPath(t), "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.HasPrefix(stderr, "Có 2 cảnh báo ở 1 chỗ.\n") || !strings.HasSuffix(stderr, "Đã ghi "+out+".\n") {
		t.Errorf("stderr:\n%s", stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if text, _ := rendertest.Text(b); !strings.Contains(text, "Tây Sơn") {
		t.Errorf("report: %.200s", text)
	}
}

func TestUsage(t *testing.T) {
	if code, _, stderr := baocao(t); code != exitUsage || !strings.Contains(stderr, "Cách dùng: baocao <lệnh>") {
		t.Errorf("%d %s", code, stderr)
	}
	if code, _, stderr := baocao(t, "lam"); code != exitUsage || !strings.HasPrefix(stderr, "baocao: không có lệnh \"lam\"") {
		t.Errorf("%d %s", code, stderr)
	}
	if code, stdout, _ := baocao(t, "help", "render"); code != exitOK || !strings.Contains(stdout, "-template T.docx") || !strings.Contains(stdout, "mẫu chuẩn của cấp đơn vị") {
		t.Errorf("%d %s", code, stdout)
	}
	if code, _, stderr := baocao(t, "render", "-x"); code != exitUsage || !strings.HasPrefix(stderr, "baocao render: không có tuỳ chọn -x\n") {
		t.Errorf("%d %s", code, stderr)
	}
	if code, _, stderr := baocao(t, "render"); code != exitUsage || !strings.HasPrefix(stderr, "baocao render: thiếu -data") {
		t.Errorf("%d %s", code, stderr)
	}
}

func TestCheckAgreesWithRender(t *testing.T) {
	dir := t.TempDir()
	for name, p := range map[string]string{
		"function": "Ngày: {{ngay .bao_hiem.tong_so_the}}",
		"section":  "Đơn vị: {{.don_vi}}",
		"good":     "Đơn vị: {{.don_vi.ten}}",
	} {
		tpl := writeTemplate(t, dir, name+".docx", docxtest.P(p))
		ccode, cout, _ := baocao(t, "check", "-template", tpl, "-data", taysonPath(t))
		rcode, _, rerr := baocao(t, "render", "-template", tpl, "-data", taysonPath(t), "-o", filepath.Join(dir, name+"-out.docx"))
		if ccode != rcode {
			t.Errorf("%s: check %d, render %d\n%s\n%s", name, ccode, rcode, cout, rerr)
		}
		if want := map[bool]int{true: exitOK, false: exitProblems}[name == "good"]; ccode != want {
			t.Errorf("%s: exit %d\n%s", name, ccode, cout)
		}
	}
}

// Check lists every missing key at once, each once, though the trial render stops at
// the first.
func TestCheckListsEveryMissingKeyOnce(t *testing.T) {
	dir := t.TempDir()
	tpl := writeTemplate(t, dir, "mau.docx", docxtest.P("A {{.don_vi.tenn}} và {{.don_vi.tenn}}"), docxtest.P("B {{.giam_ngheo.ho_ngheoo.so_ho}}"))
	code, out, _ := baocao(t, "check", "-template", tpl, "-data", taysonPath(t))
	if code != exitProblems || !strings.HasPrefix(out, "Có 2 lỗi và 2 cảnh báo ở 3 chỗ.\n") ||
		strings.Count(out, "dữ liệu không có mục «.don_vi.tenn»") != 1 || !strings.Contains(out, "có phải là «.don_vi.ten»?") ||
		!strings.Contains(out, "thân văn bản, đoạn «B {{.giam_ngheo.ho_ngheoo.so_ho}}»:\n  - lỗi: dữ liệu không có mục «.giam_ngheo.ho_ngheoo.so_ho»: có phải là «.giam_ngheo.ho_ngheo.so_ho»?") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestArgumentsAfterOptions(t *testing.T) {
	if code, _, stderr := baocao(t, "render", "-data", taysonPath(t), "thua.yaml"); code != exitUsage || !strings.Contains(stderr, "thừa thua.yaml") {
		t.Errorf("%d %s", code, stderr)
	}
}

func TestRenderReviewAndCatalog(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "duthao.docx")
	code, stdout, stderr := baocao(t, "render", "-data", taysonPath(t), "-review", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	comments := zipPart(t, b, "word/comments.xml")
	for _, want := range []string{"0,01%", "0,0026%", "68,05%", "68,0556%"} {
		if !strings.Contains(comments, want) {
			t.Errorf("the review draft's comments lack %q", want)
		}
	}

	unit, err := filepath.Abs("../../testdata/custom/2024-h1/30001.yaml")
	if err != nil {
		t.Fatal(err)
	}
	catalog, _ := filepath.Abs("../../testdata/custom/danh-muc.yaml")
	out = filepath.Join(dir, "xa.docx")
	if code, stdout, stderr := baocao(t, "render", "-data", unit, "-catalog", catalog, "-o", out); code != exitOK {
		t.Fatalf("with -catalog: exit %d\n%s%s", code, stdout, stderr)
	}
	b, _ = os.ReadFile(out)
	if text, _ := rendertest.Text(b); !strings.Contains(text, "Người khuyết tật được hưởng trợ cấp hằng tháng") {
		t.Errorf("the custom figures are not printed: %.300s", text)
	}
	if code, _, stderr := baocao(t, "render", "-data", unit, "-o", out); code != exitProblems || !strings.Contains(stderr, "danh mục") {
		t.Errorf("without -catalog: exit %d\n%s", code, stderr)
	}
}

// zipPart is the text of one part of a .docx package.
func zipPart(t *testing.T, docx []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
