package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBuiltProgramFromEmptyFolder builds baocao and runs it in an empty folder outside
// the repository, as a clerk does: it needs nothing but its own file.
func TestBuiltProgramFromEmptyFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "baocao")
	start := time.Now()
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("build: %v", time.Since(start))
	work := t.TempDir()
	run := func(want int, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = work
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != want {
			t.Fatalf("baocao %s: exit %d, want %d\n%s", strings.Join(args, " "), code, want, out)
		}
		return string(out)
	}
	run(exitOK, "render", "-data", taysonPath(t), "-o", "out.docx")
	if fi, err := os.Stat(filepath.Join(work, "out.docx")); err != nil || fi.Size() < 10_000 {
		t.Fatalf("out.docx: %v", err)
	}
	run(exitOK, "templates", "huyen.docx")
	if out := run(exitOK, "check", "-template", "huyen.docx", "-data", taysonPath(t)); !strings.Contains(out, "Mẫu dùng được") {
		t.Errorf("check:\n%s", out)
	}
	if out := run(exitProblems, "check", "-template", "out.docx", "-data", filepath.Join(work, "khong-co.yaml")); !strings.Contains(out, "không tìm thấy tệp") {
		t.Errorf("check:\n%s", out)
	}
}
