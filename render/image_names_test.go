package render

import (
	"bytes"
	"image/color"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

// A template that already holds the names the image function would choose keeps its
// own: pictures get names and relationship ids it does not hold.
func TestImageNamesNeverClash(t *testing.T) {
	old := testPNG(t, 2, 2, color.Gray{0})
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id='rIdBaocaoImage1' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/baocao-image1.png"/></Relationships>`
	entries := stdEntries(p("{{image .a 2}} {{image .b 2}}"))
	entries[2].data = []byte(rels) // word/_rels/document.xml.rels
	pkg := buildZip(t, append(entries, entry{name: "word/media/baocao-image1.png", data: old})...)
	tpl := Must(New("t").Parse(pkg))
	var out bytes.Buffer
	data := map[string]any{"a": testPNG(t, 4, 2, color.Gray{100}), "b": testPNG(t, 2, 4, color.Gray{200})}
	if err := tpl.Execute(&out, data); err != nil {
		t.Fatal(err)
	}
	if err := rendertest.WellFormed(out.Bytes()); err != nil {
		t.Fatal(err)
	}
	if got := part(t, out.Bytes(), "word/media/baocao-image1.png"); got != string(old) {
		t.Error("the template's own picture was replaced")
	}
	got := part(t, out.Bytes(), "word/_rels/document.xml.rels")
	for _, want := range []string{`Id="rIdBaocaoImage2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/baocao-image2.png"`,
		`Id="rIdBaocaoImage3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/baocao-image3.png"`} {
		if !strings.Contains(got, want) {
			t.Errorf("relationships lack %s:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "rIdBaocaoImage1"); n != 1 {
		t.Errorf("rIdBaocaoImage1 %d times", n)
	}
}
