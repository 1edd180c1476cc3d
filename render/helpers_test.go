package render

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// docx builds a minimal package around a document body (the XML inside w:body) and any
// extra parts.
func docx(t testing.TB, body string, extra ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := []string{
		"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`,
		"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`,
	}
	files = append(files, extra...)
	for i := 0; i < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// p is a paragraph of plain runs, one per argument.
func p(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for _, r := range runs {
		b.WriteString(run(r))
	}
	b.WriteString("</w:p>")
	return b.String()
}

func run(text string) string {
	return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

func bold(text string) string {
	return `<w:r><w:rPr><w:b/></w:rPr><w:t>` + text + `</w:t></w:r>`
}

// render parses a template made of body and executes it with data, returning the text.
func render(t testing.TB, body string, data any, funcs ...FuncMap) (string, []byte) {
	t.Helper()
	tpl := New("test")
	for _, f := range funcs {
		tpl.Funcs(f)
	}
	tpl, err := tpl.Parse(docx(t, body))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var out bytes.Buffer
	if err := tpl.Execute(&out, data); err != nil {
		t.Fatalf("execute: %v", err)
	}
	if err := rendertest.WellFormed(out.Bytes()); err != nil {
		t.Fatalf("output not well formed: %v", err)
	}
	text, err := rendertest.Text(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return text, out.Bytes()
}

// part returns the XML of one part of a package.
func part(t testing.TB, pkg []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			var b bytes.Buffer
			b.ReadFrom(rc)
			return b.String()
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}
