package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A render that fails leaves the output that was there, and no temporary file.
func TestFailedRenderKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "baocao.docx")
	if err := os.WriteFile(out, []byte("bản cũ"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	// table.docx needs fields the Tây Sơn data lacks: execution fails.
	if code := run(&stdout, &stderr, "../../testdata/render/table.docx", data, out, false); code != 1 {
		t.Fatalf("exit %d", code)
	}
	// A file that is not a template fails at parsing.
	bad := filepath.Join(dir, "mau.docx")
	os.WriteFile(bad, []byte("không phải docx"), 0o644)
	if code := run(&stdout, &stderr, bad, data, out, false); code != 1 {
		t.Fatalf("exit %d", code)
	}
	if b, _ := os.ReadFile(out); string(b) != "bản cũ" {
		t.Errorf("output replaced by %d bytes", len(b))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("folder holds %v", entries)
	}
}
