package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	data     = "../../testdata/tayson-2023-h1.yaml"
	template = "../../testdata/tayson/template.docx"
)

func TestCheckCompleteData(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(&out, &errOut, template, data, "", true); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{
		"  field .giam_ngheo.ho_ngheo.so_ho\n",
		"  function tanggiam\n",
		"Dữ liệu có đủ mọi mục mẫu cần.",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestCheckMissingData(t *testing.T) {
	var out, errOut bytes.Buffer
	// A template written for other data: what it needs and the Tây Sơn data lacks is marked.
	code := run(&out, &errOut, "../../testdata/render/table.docx", data, "", true)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"✗ field .nguoi_lap\n", "word/document.xml, đoạn 7: ", "✗ field .chuong_trinh[].stt\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestRenderAndTemplateErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.docx")
	var stdout, stderr bytes.Buffer
	if code := run(&stdout, &stderr, template, data, out, false); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := run(&stdout, &stderr, "../../testdata/render/table.docx", data, filepath.Join(dir, "x.docx"), false); code != 1 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(stderr.String(), `word/document.xml, paragraph 3 (table 1, row 1, column 2) "{{.don_vi}}"`) || !strings.Contains(stderr.String(), "a map (map[string]interface {}) cannot be printed") {
		t.Errorf("stderr: %s", stderr.String())
	}
}
