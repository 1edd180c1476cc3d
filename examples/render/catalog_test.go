package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// -catalog: a unit's file with custom figures checks clean against its standard
// template and renders them; without the catalogue its bo_sung is refused.
func TestCatalogFlag(t *testing.T) {
	l, err := loader("../../testdata/custom/danh-muc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const data = "../../testdata/custom/2024-h1/30001.yaml"
	var out, errOut bytes.Buffer
	if code := runWith(&out, &errOut, l, "", data, "", "", true); code != 0 || strings.Contains(out.String(), "✗") {
		t.Fatalf("-check: exit %d\n%s\n%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), ".bo_sung_nhom") {
		t.Errorf("-check does not list bo_sung_nhom:\n%s", out.String())
	}
	dir := t.TempDir()
	if code := runWith(&out, &errOut, l, "", data, "", filepath.Join(dir, "x.docx"), false); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, errOut.String())
	}
	errOut.Reset()
	if code := run(&out, &errOut, "", data, "", true); code != 1 || !strings.Contains(errOut.String(), "bo_sung") {
		t.Errorf("without -catalog: exit %d\n%s", code, errOut.String())
	}
	if _, err := loader("../../testdata/custom/khong-co.yaml"); err == nil {
		t.Error("a missing catalogue is not an error")
	}
}
