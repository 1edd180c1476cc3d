package main

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/render"
	"github.com/ansinh-vn/baocao/render/rendertest"
)

const (
	dataPath = "../../testdata/tayson-2023-h1.yaml"
	tplPath  = "../../testdata/tayson/template.docx"
	refPath  = "../../testdata/baocao-asxh-tayson-2023-h1.txt"
)

var space = regexp.MustCompile(`\s+`)

// body is the text from "I. KẾT QUẢ THỰC HIỆN" to the end of the paragraph starting
// "Trên đây là báo cáo", with every run of whitespace made one space: the reference is
// the plain text of the real document, where page breaks split paragraphs.
func body(t *testing.T, text string) string {
	t.Helper()
	text = space.ReplaceAllString(text, " ")
	start := strings.Index(text, "I. KẾT QUẢ THỰC HIỆN")
	end := strings.Index(text, "Trên đây là báo cáo")
	if start < 0 || end < start {
		t.Fatalf("no report body in %.200q", text)
	}
	stop := strings.Index(text[end:], "./.")
	if stop < 0 {
		t.Fatalf("no closing sentence")
	}
	return text[start : end+stop+3]
}

func renderReport(t *testing.T) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.docx")
	var stderr bytes.Buffer
	if code := run(&stderr, options{data: dataPath, template: tplPath, out: out}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	// The two known inconsistencies are reported as warnings, and nothing else.
	want := []string{"giam_ngheo.ho_ngheo_phat_sinh.ty_le", "lao_dong.xuat_khau.ty_le"}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], want[0]) || !strings.Contains(lines[1], want[1]) ||
		!strings.HasPrefix(lines[0], "cảnh báo") || !strings.HasPrefix(lines[1], "cảnh báo") {
		t.Errorf("findings:\n%s", stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := rendertest.WellFormed(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func reference(t *testing.T) string {
	ref, err := os.ReadFile(refPath)
	if err != nil {
		t.Fatal(err)
	}
	return body(t, string(ref))
}

func TestRebuildsReference(t *testing.T) {
	text, err := rendertest.Text(renderReport(t))
	if err != nil {
		t.Fatal(err)
	}
	compareBodies(t, body(t, text), reference(t))
}

func compareBodies(t *testing.T, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := i - 80
	if lo < 0 {
		lo = 0
	}
	t.Errorf("report body differs from the reference at byte %d:\n got …%s…\nwant …%s…", i, clip(got, lo, i+80), clip(want, lo, i+80))
}

func clip(s string, lo, hi int) string {
	if hi > len(s) {
		hi = len(s)
	}
	if lo > hi {
		lo = hi
	}
	return strings.ToValidUTF8(s[lo:hi], "")
}

// LibreOffice opens the report as a clerk would and reads the same text.
func TestRebuildsReferenceInLibreOffice(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	text, err := rendertest.LibreOfficeText(ctx, renderReport(t))
	if err != nil {
		t.Fatal(err)
	}
	compareBodies(t, body(t, text), reference(t))
}

// The rate is computed from the data, not stored: 1.900 poor households of 38.459 are
// 4,94%.
func TestRateFollowsData(t *testing.T) {
	src, err := os.ReadFile(dataPath)
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Replace(src, []byte("ho_ngheo: {so_ho: 1855, nhan_khau: 4839}"), []byte("ho_ngheo: {so_ho: 1900, nhan_khau: 4839}"), 1)
	if bytes.Equal(changed, src) {
		t.Fatal("poor households line not found in the data")
	}
	report, err := ansinh.Load(bytes.NewReader(changed), "changed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tpl := render.Must(render.New("tayson").Funcs(ansinh.Funcs()).ParseFile(tplPath))
	var out bytes.Buffer
	if err := tpl.Execute(&out, reportData(report)); err != nil {
		t.Fatal(err)
	}
	text, _ := rendertest.Text(out.Bytes())
	if want := "1.900 hộ nghèo với 4.839 nhân khẩu, chiếm tỷ lệ 4,94%"; !strings.Contains(text, want) {
		t.Errorf("text lacks %q", want)
	}
}

// Errors in the data stop the report and leave no file behind.
func TestDataErrorsWriteNothing(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("don_vi: {ten: X, cap: xã, khong_co: 1}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.docx")
	var stderr bytes.Buffer
	if code := run(&stderr, options{data: bad, template: tplPath, out: out}); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "bad.yaml:1:") || !strings.Contains(stderr.String(), "khong_co") {
		t.Errorf("stderr: %s", stderr.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output written despite errors")
	}
}

// The appendix holds the two charts: two PNG media parts in the .docx, and LibreOffice
// shows them, each an image in the PDF that -pdf writes beside the .docx.
func TestChartsInPDF(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "baocao.docx")
	var stderr bytes.Buffer
	if code := run(&stderr, options{data: dataPath, template: tplPath, out: out, pdf: true}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	docx, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var media []string
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "word/media/") {
			media = append(media, f.Name)
		}
	}
	if len(media) != 2 {
		t.Errorf("media parts %q, want the 2 charts", media)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "baocao.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", pdf)
	}
	// LibreOffice writes each picture as an image XObject of its own, uncompressed
	// dictionaries: count them.
	if n := len(regexp.MustCompile(`/Subtype\s*/Image`).FindAllIndex(pdf, -1)); n != 2 {
		t.Errorf("%d images in the PDF, want 2", n)
	}
	// No temporary file is left beside the outputs.
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files in the output directory: %q", names)
	}
}

// Without LibreOffice, -pdf still writes the .docx, says what to install and exits 1.
func TestPDFWithoutLibreOffice(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	out := filepath.Join(t.TempDir(), "baocao.docx")
	var stderr bytes.Buffer
	if code := run(&stderr, options{data: dataPath, template: tplPath, out: out, pdf: true}); code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "cần cài LibreOffice") {
		t.Errorf("stderr: %s", stderr.String())
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(strings.TrimSuffix(out, ".docx") + ".pdf"); !os.IsNotExist(err) {
		t.Errorf("a PDF was written: %v", err)
	}
}
