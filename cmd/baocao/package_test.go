package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/internal/docxtest"
)

// zipOf builds a zip of the given entries, in order (names may repeat).
func zipOf(t *testing.T, entries ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withEntry is the minimal template with one entry replaced or added.
func withEntry(t *testing.T, name, content string) []byte {
	t.Helper()
	src := docxtest.Docx(docxtest.P("A"))
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var entries [][2]string
	replaced := false
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		if f.Name == name {
			entries = append(entries, [2]string{name, content})
			replaced = true
			continue
		}
		entries = append(entries, [2]string{f.Name, b.String()})
	}
	if !replaced {
		entries = append(entries, [2]string{name, content})
	}
	return zipOf(t, entries...)
}

// TestPackageMessages: the package rows of the README's bad-input table, through check:
// exit 1 and the advice to save the template again as .docx, in Vietnamese.
func TestPackageMessages(t *testing.T) {
	dir := t.TempDir()
	const save = "lưu mẫu dưới dạng Word (.docx)"
	const broken = "một phần của tệp mẫu bị hỏng: mở mẫu trong Word, lưu mẫu dưới dạng Word (.docx) rồi thử lại"
	for _, c := range []struct {
		name string
		docx []byte
		says string
	}{
		{"empty", nil, save},
		{"cut", docxtest.Docx(docxtest.P("A"))[:200], save},
		{"no document", zipOf(t, [2]string{"xl/workbook.xml", "<workbook/>"}), save},
		{"twice", zipOf(t, [2]string{"word/document.xml", "<x/>"}, [2]string{"word/document.xml", "<x/>"}), save},
		{"unsafe name", withEntry(t, "../../evil.xml", "<x/>"), save},
		{"html", withEntry(t, "word/document.xml", "<html><body>a</body></html>"), save},
		{"malformed", withEntry(t, "word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>`), broken},
		{"doctype", withEntry(t, "word/document.xml", `<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`), broken},
		{"empty part", withEntry(t, "word/document.xml", ""), broken},
	} {
		path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".docx")
		if err := os.WriteFile(path, c.docx, 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, _ := baocao(t, "check", "-template", path)
		if code != exitProblems || !strings.HasPrefix(out, "Có 1 lỗi") || !strings.Contains(out, c.says) {
			t.Errorf("%s: exit %d\n%s", c.name, code, out)
		}
	}
}
