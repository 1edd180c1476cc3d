// Package docxtest builds small Word packages for tests of the packages that report on
// templates: paragraphs, tables and a header, each paragraph one run of text.
package docxtest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strings"
)

// P is a paragraph holding text in one run.
func P(text string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(text))
	return `<w:p><w:r><w:t xml:space="preserve">` + b.String() + `</w:t></w:r></w:p>`
}

// Table is a table whose cells each hold one paragraph of text.
func Table(rows ...[]string) string {
	var b strings.Builder
	b.WriteString("<w:tbl>")
	for _, r := range rows {
		b.WriteString("<w:tr>")
		for _, c := range r {
			b.WriteString("<w:tc>" + P(c) + "</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return b.String()
}

const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// Docx is a package whose body is the given paragraphs and tables (from P and Table).
func Docx(body ...string) []byte { return DocxHeader("", body...) }

// DocxHeader is Docx with a header part holding header (paragraphs); "" for none.
func DocxHeader(header string, body ...string) []byte {
	files := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
	}
	sect, rel := "", ""
	if header != "" {
		rel = `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>`
		files = append(files,
			[2]string{"word/header1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + ns + `>` + header + `</w:hdr>`})
		sect = `<w:sectPr><w:headerReference w:type="default" r:id="rId9"/></w:sectPr>`
	}
	files = append(files, [2]string{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rel + `</Relationships>`})
	files = append(files, [2]string{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + ns + `><w:body>` + strings.Join(body, "") + sect + `</w:body></w:document>`})
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// ODT is a minimal OpenDocument text package (what LibreOffice saves by default).
func ODT() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	_, _ = w.Write([]byte("application/vnd.oasis.opendocument.text"))
	w, _ = zw.Create("content.xml")
	_, _ = w.Write([]byte(`<office:document-content/>`))
	_ = zw.Close()
	return buf.Bytes()
}
