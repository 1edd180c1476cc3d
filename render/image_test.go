package render

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

func testPNG(t testing.TB, w, h int, c color.Color) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

type chartStub struct{ b []byte }

func (c chartStub) Image() ([]byte, error) { return c.b, nil }

func renderImages(t *testing.T) []byte {
	t.Helper()
	red := testPNG(t, 40, 20, color.RGBA{200, 0, 0, 255})
	var jb bytes.Buffer
	jpeg.Encode(&jb, image.NewGray(image.Rect(0, 0, 30, 30)), nil)
	hdr := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wordNS + `>` + p("Logo {{image .logo 2}}") + `</w:hdr>`
	body := p("Biểu đồ: {{image .bieu_do 8}} hết") +
		tbl(tr(p("{{range .ds}}{{.ten}}"), p("{{image .hinh 3}}{{end}}"))) +
		p("{{image .jpg}}")
	pkg := docx(t, body, "word/header1.xml", hdr)
	tpl, err := New("t").Parse(pkg)
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{
		"logo":    red,
		"bieu_do": chartStub{red},
		"ds":      []map[string]any{{"ten": "A", "hinh": red}, {"ten": "B", "hinh": red}},
		"jpg":     jb.Bytes(),
	}
	var out bytes.Buffer
	if err := tpl.Execute(&out, data); err != nil {
		t.Fatal(err)
	}
	if err := rendertest.WellFormed(out.Bytes()); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestImages(t *testing.T) {
	pkg := renderImages(t)
	doc := part(t, pkg, "word/document.xml")
	if n := strings.Count(doc, "<w:drawing>"); n != 4 {
		t.Errorf("%d drawings in the body, want 4", n)
	}
	// 8 cm wide, 2:1, in EMU.
	if !strings.Contains(doc, `<wp:extent cx="2880000" cy="1440000"/>`) {
		t.Errorf("size of the 8 cm picture wrong: %s", doc)
	}
	// The same picture three times is one media part; the JPEG another.
	if got := part(t, pkg, "word/media/baocao-image1.png"); len(got) == 0 {
		t.Error("no PNG media part")
	}
	if got := part(t, pkg, "word/media/baocao-image2.jpeg"); len(got) == 0 {
		t.Error("no JPEG media part")
	}
	rels := part(t, pkg, "word/_rels/document.xml.rels")
	if strings.Count(rels, "relationships/image") != 2 || !strings.Contains(rels, `Target="media/baocao-image1.png"`) {
		t.Errorf("document relationships: %s", rels)
	}
	hrels := part(t, pkg, "word/_rels/header1.xml.rels")
	if !strings.Contains(hrels, `Id="rIdBaocaoImage1"`) {
		t.Errorf("header relationships: %s", hrels)
	}
	ct := part(t, pkg, "[Content_Types].xml")
	if !strings.Contains(ct, `<Default Extension="png" ContentType="image/png"/>`) || !strings.Contains(ct, `Extension="jpeg"`) {
		t.Errorf("content types: %s", ct)
	}
	text, _ := rendertest.Text(pkg)
	if !strings.Contains(text, "Biểu đồ:  hết") {
		t.Errorf("text around the picture: %q", text)
	}
	if !bytes.Equal(pkg, renderImages(t)) {
		t.Error("rendering with pictures is not deterministic")
	}
}

func TestImageErrors(t *testing.T) {
	tpl := Must(New("t").Parse(docx(t, p("x")+p("Hình {{image .hinh 5}}"))))
	for name, v := range map[string]any{
		"missing": nil,
		"broken":  []byte("not a picture"),
		"type":    42,
	} {
		var out bytes.Buffer
		err := tpl.Execute(&out, map[string]any{"hinh": v})
		var e *Error
		if !errors.As(err, &e) || e.Paragraph != 2 || e.Tag != "{{image .hinh 5}}" || !strings.Contains(err.Error(), "image:") {
			t.Errorf("%s: %v", name, err)
		}
		if out.Len() != 0 {
			t.Errorf("%s: wrote %d bytes", name, out.Len())
		}
	}
}

// LibreOffice opens the package and its PDF holds the pictures.
func TestImagesInLibreOffice(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages (poppler-utils) not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	pdf, err := rendertest.LibreOfficeConvert(ctx, renderImages(t), "pdf")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, "pdfimages", "-list", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	list, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	// The body picture, two row pictures, the JPEG (the test package's header is not
	// referenced by a section, so it is not laid out).
	if n := strings.Count(string(list), "\n") - 2; n != 4 {
		t.Errorf("PDF has %d pictures, want 4:\n%s", n, list)
	}
}
