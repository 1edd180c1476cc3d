package office_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ansinh-vn/baocao/render/office"
	"github.com/ansinh-vn/baocao/render/rendertest"
)

// docx returns a minimal .docx with one paragraph of text.
func docx(t *testing.T, text string) []byte {
	t.Helper()
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:body></w:document>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPDF(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	pdf, err := office.PDF(ctx, docx(t, "Báo cáo an sinh xã hội huyện Tây Sơn"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("%%EOF")) {
		t.Errorf("not a PDF: %.40q…", pdf)
	}
}

func TestConvertAll(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	docs := [][]byte{docx(t, "một"), []byte("this is not a .docx"), docx(t, "ba ưởng")}
	outs, err := office.ConvertAll(ctx, docs, rendertest.TextFormat)
	if !errors.Is(err, office.ErrNoOutput) || !strings.Contains(err.Error(), "document(s) 1") {
		t.Errorf("err = %v, want ErrNoOutput naming document 1", err)
	}
	if len(outs) != 3 || outs[1] != nil {
		t.Fatalf("outputs: %q", outs)
	}
	for i, want := range map[int]string{0: "một", 2: "ba ưởng"} {
		if got := strings.TrimSpace(strings.TrimPrefix(string(outs[i]), "\uFEFF")); got != want {
			t.Errorf("document %d: %q, want %q", i, got, want)
		}
	}
}

// soffice exits 0 on a file it cannot read; Convert must still fail.
func TestNoOutput(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, err := office.PDF(ctx, []byte("PK\x03\x04 broken"))
	if !errors.Is(err, office.ErrNoOutput) || out != nil {
		t.Errorf("PDF of a broken file: %d bytes, err = %v; want ErrNoOutput", len(out), err)
	}
}

func TestDeadlineKills(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := office.PDF(ctx, docx(t, "x"))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
	// A hang guard, not a timing: a LibreOffice left running would hold the call for
	// its whole conversion; the time is logged for the record.
	d := time.Since(start)
	t.Logf("returned %v after a 50ms deadline", d)
	if d > 2*time.Minute {
		t.Errorf("took %v after a 50ms deadline: the process was not killed", d)
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := office.PDF(ctx, docx(t, "x"))
	if !errors.Is(err, context.Canceled) && !errors.Is(err, office.ErrNotInstalled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestNotInstalled(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := office.PDF(context.Background(), docx(t, "x")); !errors.Is(err, office.ErrNotInstalled) {
		t.Errorf("err = %v, want ErrNotInstalled", err)
	}
	if _, err := office.Path(); !errors.Is(err, office.ErrNotInstalled) {
		t.Errorf("Path: err = %v, want ErrNotInstalled", err)
	}
	if !errors.Is(rendertest.ErrNoLibreOffice, office.ErrNotInstalled) {
		t.Error("rendertest.ErrNoLibreOffice is not office.ErrNotInstalled")
	}
}

func TestEmpty(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	outs, err := office.ConvertAll(context.Background(), nil, "pdf")
	if err != nil || len(outs) != 0 {
		t.Errorf("ConvertAll(nil) = %v, %v", outs, err)
	}
}

func TestPDFFile(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "bao-cao.docx"), filepath.Join(dir, "bao-cao.pdf")
	if err := os.WriteFile(in, docx(t, "Báo cáo"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A file LibreOffice cannot convert leaves the old PDF as it was.
	bad := filepath.Join(dir, "hong.docx")
	os.WriteFile(bad, []byte("not a package"), 0o644)
	if err := office.PDFFile(ctx, bad, out); !errors.Is(err, office.ErrNoOutput) {
		t.Errorf("err = %v, want ErrNoOutput", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("old PDF changed after a failed conversion")
	}
	if err := office.PDFFile(ctx, in, out); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("not a PDF: %.20q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("files left: %v", entries)
	}
}
