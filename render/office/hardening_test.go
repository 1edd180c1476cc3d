package office_test

// LibreOffice runs hardened: formats that could name another file are refused, and a
// document cannot make LibreOffice fetch a URL or embed a file of the server.

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ansinh-vn/baocao/render/office"
	"github.com/ansinh-vn/baocao/render/rendertest"
)

func TestFormatRefused(t *testing.T) {
	for _, format := range []string{
		"txt/../../etc/passwd", "../../../etc/passwd", "pdf/..", "", ":writer_pdf_Export",
		"p df", "pdf\x00", "txt:Text/../../x", `txt:Text\..\x`, "txt:Text (encoded):UTF8\n",
		"odt:..", "đ", "abcdefghijklmnopq",
	} {
		outs, err := office.ConvertAll(context.Background(), [][]byte{[]byte("x")}, format)
		if !errors.Is(err, office.ErrFormat) || outs != nil {
			t.Errorf("format %q: %v, %v; want ErrFormat", format, outs, err)
		}
	}
	// Formats soffice takes pass the check (they fail later only without LibreOffice).
	for _, format := range []string{"pdf", "odt", "html", rendertest.TextFormat, `pdf:writer_pdf_Export:{"PageRange":{"type":"string","value":"1"}}`} {
		if _, err := office.ConvertAll(context.Background(), nil, format); errors.Is(err, office.ErrFormat) {
			t.Errorf("format %q refused: %v", format, err)
		}
	}
}

// linkedPicture is a .docx whose only content is a picture linked (not embedded) from
// target, the way Word's Insert Picture, Link to File makes it.
func linkedPicture(t *testing.T, target string) []byte {
	t.Helper()
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`
	drawing := `<w:drawing><wp:inline><wp:extent cx="1800000" cy="1800000"/><wp:docPr id="1" name="Hình 1"/>` +
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>` +
		`<pic:nvPicPr><pic:cNvPr id="1" name="Hình 1"/><pic:cNvPicPr/></pic:nvPicPr>` +
		`<pic:blipFill><a:blip r:link="rId9"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="1800000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>`
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="` + target + `" TargetMode="External"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + ns + `><w:body><w:p><w:r><w:t>Ảnh liên kết</w:t></w:r></w:p><w:p><w:r>` + drawing + `</w:r></w:p></w:body></w:document>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func redPNG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for x := 0; x < 64; x++ {
		for y := 0; y < 64; y++ {
			img.Set(x, y, color.RGBA{220, 20, 20, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A picture linked from a URL is never fetched, and one linked from a file of the server
// never lands in the PDF.
func TestLinkedContentNotLoaded(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	picture := redPNG(t)
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write(picture)
	}))
	defer srv.Close()
	secret := filepath.Join(t.TempDir(), "bi-mat.png")
	if err := os.WriteFile(secret, picture, 0o644); err != nil {
		t.Fatal(err)
	}
	docs := [][]byte{
		linkedPicture(t, srv.URL+"/anh.png"),
		linkedPicture(t, "file://"+filepath.ToSlash(secret)),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	start := time.Now()
	pdfs, err := office.ConvertAll(ctx, docs, "pdf")
	t.Logf("LibreOffice: %d documents in %v", len(docs), time.Since(start))
	if err != nil {
		t.Fatal(err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("LibreOffice fetched the linked picture %d times", n)
	}
	for i, pdf := range pdfs {
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("document %d: not a PDF", i)
		}
		if bytes.Contains(pdf, []byte("/Subtype/Image")) || bytes.Contains(pdf, []byte("/Subtype /Image")) {
			t.Errorf("document %d: the PDF holds a picture the document only links to", i)
		}
	}
}
