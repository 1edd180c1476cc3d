package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/internal/docxtest"
)

// TestREADMEGuideMessages: every row of the clerks' guide's table of common mistakes
// gives, through baocao check, the message the table shows, at the paragraph it shows.
func TestREADMEGuideMessages(t *testing.T) {
	src, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	start, end := strings.Index(s, "<!-- guide-messages -->"), strings.Index(s, "<!-- /guide-messages -->")
	if start < 0 || end < start {
		t.Fatal("README has no guide-messages table")
	}
	cell := regexp.MustCompile("^`(.*)`$")
	dir := t.TempDir()
	rows := 0
	for i, line := range strings.Split(s[start:end], "\n") {
		cols := strings.Split(line, " | ")
		if len(cols) != 3 || strings.HasPrefix(line, "| ---") || strings.HasPrefix(line, "| lỗi |") {
			continue
		}
		para, msg := cell.FindStringSubmatch(cols[1]), cell.FindStringSubmatch(strings.TrimSuffix(cols[2], " |"))
		if para == nil || msg == nil {
			t.Errorf("row %q: no `paragraph` and `message`", line)
			continue
		}
		rows++
		tpl := filepath.Join(dir, "mau"+string(rune('a'+i))+".docx")
		if err := os.WriteFile(tpl, docxtest.Docx(docxtest.P(para[1])), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, _ := baocao(t, "check", "-template", tpl, "-data", taysonPath(t))
		if code != exitProblems || !strings.Contains(out, "thân văn bản, đoạn «"+para[1]+"»:\n  - lỗi: ") || !strings.Contains(out, msg[1]) {
			t.Errorf("%s: exit %d, want the message %q:\n%s", para[1], code, msg[1], out)
		}
	}
	if rows < 8 {
		t.Errorf("%d rows", rows)
	}
}

// TestREADMEParentReport runs the README's parent report command line.
func TestREADMEParentReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "tinh.docx")
	code, _, stderr := baocao(t, "render", "-data", "../../testdata/province/binh-an-2024-h1.yaml", "-units", "../../testdata/province/2024-h1",
		"-plan", "../../testdata/province/ke-hoach-2024.yaml", "-o", out)
	if code != exitOK || !strings.HasSuffix(stderr, "Đã ghi "+out+".\n") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
}
