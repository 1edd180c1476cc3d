package render

// Packages, round two: no external reach, no macros, every package Word or LibreOffice
// opens accepted, every output opening. See the README table "Bad input and the error it
// gets".

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

const (
	relOffice   = relTypePrefix + "officeDocument"
	relSettings = relTypePrefix + "settings"
	ctRels      = `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`
	ctXML       = `<Default Extension="xml" ContentType="application/xml"/>`
)

// relsXML is a relationships part holding rels, each `Id Type Target [External]`.
func relsXML(rels ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="` + relsNS + `">`)
	for _, r := range rels {
		f := strings.Fields(r)
		b.WriteString(`<Relationship Id="` + f[0] + `" Type="` + f[1] + `" Target="` + f[2] + `"`)
		if len(f) > 3 {
			b.WriteString(` TargetMode="External"`)
		}
		b.WriteString(`/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// contentTypesXML declares rels and xml by default, and main as the main part.
func contentTypesXML(main string, more ...string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="` + contentTypesNS + `">` + ctRels + ctXML +
		`<Override PartName="/` + main + `" ContentType="` + mainContentType + `"/>` + strings.Join(more, "") + `</Types>`
}

// pkgWith is a valid package whose body is a tag, with its document relationships and
// extra entries replacing or adding to the standard ones (by name).
func pkgWith(t testing.TB, docRels []string, extra ...entry) []byte {
	t.Helper()
	std := []entry{
		{name: "[Content_Types].xml", data: []byte(contentTypesXML("word/document.xml"))},
		{name: "_rels/.rels", data: []byte(relsXML("rId1 " + relOffice + " word/document.xml"))},
		{name: "word/_rels/document.xml.rels", data: []byte(relsXML(docRels...))},
		{name: "word/document.xml", data: []byte(document(p("Xã {{.a}}")))},
	}
	for _, e := range extra {
		replaced := false
		for i := range std {
			if std[i].name == e.name {
				std[i], replaced = e, true
			}
		}
		if !replaced {
			std = append(std, e)
		}
	}
	return buildZip(t, std...)
}

// execute parses pkg, executes it with a = "Tây Sơn" and checks the output opens.
func execute(t *testing.T, pkg []byte, funcs ...FuncMap) []byte {
	t.Helper()
	tpl := New("mau.docx")
	for _, f := range funcs {
		tpl.Funcs(f)
	}
	if _, err := tpl.Parse(pkg); err != nil {
		t.Fatalf("parse: %v", err)
	}
	var out bytes.Buffer
	if err := tpl.Execute(&out, map[string]any{"a": "Tây Sơn", "img": pkgPNG(t)}); err != nil {
		t.Fatalf("execute: %v", err)
	}
	if err := rendertest.WellFormed(out.Bytes()); err != nil {
		t.Fatalf("output does not open: %v", err)
	}
	return out.Bytes()
}

func pkgPNG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 2))
	img.Set(0, 0, color.RGBA{200, 0, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// entries lists the names in a package.
func entries(t testing.TB, pkg []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}

// parseErr parses pkg and returns the error, which must be of kind and name part.
func parseErr(t *testing.T, pkg []byte, kind error, part, message string) {
	t.Helper()
	_, err := New("mau.docx").Parse(pkg)
	if !errors.Is(err, kind) {
		t.Fatalf("err = %v, want %v", err, kind)
	}
	var e *Error
	if part != "" && (!errors.As(err, &e) || e.Part != part) {
		t.Errorf("error %q does not name the part %s (%#v)", err, part, e)
	}
	if !strings.Contains(err.Error(), message) {
		t.Errorf("message %q lacks %q", err, message)
	}
}

// Entries declaring more compressed bytes than the package holds (a lie, or entries
// overlapping to multiply the package) are refused before anything is read.
func TestEntriesLargerThanPackage(t *testing.T) {
	for _, declared := range []uint64{1 << 40, 1 << 20} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, e := range stdEntries(p("{{.a}}")) {
			w, _ := zw.Create(e.name)
			w.Write(e.data)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/media/x.bin", Method: zip.Store, CompressedSize64: declared, UncompressedSize64: 10})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("0123456789"))
		zw.Close()
		parseErr(t, buf.Bytes(), ErrPackage, "", `entry "word/media/x.bin": the entries declare more compressed bytes than the package's`)
	}
}

// Every external relationship but a hyperlink and an attached template is refused, with
// the relationships part named: a picture, an OLE object, a subdocument or an altChunk
// shows content, so stripping it would change the report silently.
func TestExternalRelationshipsRefused(t *testing.T) {
	const docRels = "word/_rels/document.xml.rels"
	cases := []struct{ name, rel, message string }{
		{"picture from a server file", "rId9 " + relTypeImage + " file:///etc/passwd External", `rId9 (image, to "file:///etc/passwd") reaches outside the package`},
		{"picture from a URL", "rId9 " + relTypeImage + " http://169.254.169.254/latest/meta-data External", `reaches outside the package`},
		{"picture from a path climbing out", "rId9 " + relTypeImage + " ../../../../../etc/hostname External", `to "../../../../../etc/hostname"`},
		{"picture from a Windows share", "rId9 " + relTypeImage + ` \\server\share\a.png External`, `reaches outside`},
		{"internal target that is a URL", "rId9 " + relTypeImage + " file:///etc/passwd", `reaches outside`},
		{"internal target with //", "rId9 " + relTypeImage + " //evil.example/a.png", `reaches outside`},
		{"OLE object", "rId9 " + relTypePrefix + "oleObject file:///C:/secret.xlsx External", `(oleObject,`},
		{"subdocument", "rId9 " + relTypePrefix + "subDocument file:///srv/other.docx External", `(subDocument,`},
		{"altChunk", "rId9 " + relTypePrefix + "aFChunk http://evil.example/chunk.html External", `(aFChunk,`},
		{"strict picture", "rId9 " + relTypeStrict + "image https://evil.example/a.png External", `(image,`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			parseErr(t, pkgWith(t, []string{c.rel}), ErrPackage, docRels, c.message)
		})
	}
	t.Run("in a header's relationships", func(t *testing.T) {
		pkg := pkgWith(t, []string{"rId7 " + relTypePrefix + "header header1.xml"},
			entry{name: "word/header1.xml", data: []byte(`<w:hdr ` + wordNS + `>` + p("{{.a}}") + `</w:hdr>`)},
			entry{name: "word/_rels/header1.xml.rels", data: []byte(relsXML("rId1 " + relTypeImage + " file:///etc/shadow External"))})
		parseErr(t, pkg, ErrPackage, "word/_rels/header1.xml.rels", "reaches outside")
	})
}

// An external hyperlink stays; an external attached template is stripped with the
// element that names it.
func TestExternalRelationshipsKeptOrStripped(t *testing.T) {
	settings := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings ` + wordNS + `><w:zoom w:percent="100"/><w:attachedTemplate r:id="rId1"/><w:defaultTabStop w:val="720"/></w:settings>`
	pkg := pkgWith(t, []string{
		"rId3 " + relSettings + " settings.xml",
		"rId4 " + relTypePrefix + "hyperlink https://baohiemxahoi.gov.vn/ External",
	},
		entry{name: "word/settings.xml", data: []byte(settings)},
		entry{name: "word/_rels/settings.xml.rels", data: []byte(relsXML("rId1 " + relTypePrefix + "attachedTemplate file:///C:/Users/ketoan/Normal.dotm External"))})
	out := execute(t, pkg)
	if got := part(t, out, "word/_rels/document.xml.rels"); !strings.Contains(got, "https://baohiemxahoi.gov.vn/") {
		t.Errorf("the hyperlink is gone: %s", got)
	}
	if got := part(t, out, "word/_rels/settings.xml.rels"); strings.Contains(got, "Normal.dotm") || strings.Contains(got, "Relationship ") {
		t.Errorf("the attached template is still there: %s", got)
	}
	got := part(t, out, "word/settings.xml")
	if strings.Contains(got, "attachedTemplate") || !strings.Contains(got, `<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>`) {
		t.Errorf("settings.xml: %s", got)
	}
}

// Macro content never reaches an output: the VBA project, its data and relationships are
// dropped and the main part gets a plain document's content type.
func TestMacrosStripped(t *testing.T) {
	ct := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="` + contentTypesNS + `">` + ctRels + ctXML +
		`<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>` +
		`<Override PartName="/word/vbaData.xml" ContentType="application/vnd.ms-word.vbaData+xml"/></Types>`
	pkg := pkgWith(t, []string{"rId5 http://schemas.microsoft.com/office/2006/relationships/vbaProject vbaProject.bin"},
		entry{name: "[Content_Types].xml", data: []byte(ct)},
		entry{name: "word/vbaProject.bin", data: []byte("Attribute VB_Name = \"ThisDocument\"\nSub AutoOpen()\nShell \"calc\"\nEnd Sub")},
		entry{name: "word/_rels/vbaProject.bin.rels", data: []byte(relsXML("rId1 http://schemas.microsoft.com/office/2006/relationships/wordVbaData vbaData.xml"))},
		entry{name: "word/vbaData.xml", data: []byte(`<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>`)})
	out := execute(t, pkg)
	for _, name := range entries(t, out) {
		if strings.Contains(strings.ToLower(name), "vba") {
			t.Errorf("output holds %s", name)
		}
	}
	got := part(t, out, "[Content_Types].xml")
	if strings.Contains(got, "macroEnabled") || strings.Contains(got, "vba") || !strings.Contains(got, `PartName="/word/document.xml" ContentType="`+mainContentType+`"`) {
		t.Errorf("content types: %s", got)
	}
	if got := part(t, out, "word/_rels/document.xml.rels"); strings.Contains(got, "vbaProject") {
		t.Errorf("document relationships: %s", got)
	}
}

// Office 365 names the main part word/document2.xml; _rels/.rels says so.
func TestMainPartFromRootRels(t *testing.T) {
	pkg := buildZip(t,
		entry{name: "[Content_Types].xml", data: []byte(contentTypesXML("word/document2.xml"))},
		entry{name: "_rels/.rels", data: []byte(relsXML("rId1 " + relOffice + " /word/document2.xml"))},
		entry{name: "word/_rels/document2.xml.rels", data: []byte(relsXML("rId8 " + relTypePrefix + "footer trang.xml"))},
		entry{name: "word/document2.xml", data: []byte(document(p("Xã {{.a}}")))},
		entry{name: "word/trang.xml", data: []byte(`<w:ftr ` + wordNS + `>` + p("Chân trang {{.a}}") + `</w:ftr>`)})
	out := execute(t, pkg)
	if got, err := rendertest.Text(out); err != nil || got != "Xã Tây Sơn\n" {
		t.Errorf("text = %q, %v", got, err)
	}
	if got := part(t, out, "word/trang.xml"); !strings.Contains(got, "Chân trang Tây Sơn") {
		t.Errorf("the footer reached through the relationships was not rendered: %s", got)
	}
	// The main part _rels/.rels names must exist.
	missing := buildZip(t,
		entry{name: "[Content_Types].xml", data: []byte(contentTypesXML("word/document2.xml"))},
		entry{name: "_rels/.rels", data: []byte(relsXML("rId1 " + relOffice + " word/document2.xml"))},
		entry{name: "word/document.xml", data: []byte(document(p("x")))})
	parseErr(t, missing, ErrPackage, "", "no word/document2.xml, the main part _rels/.rels names")
}

// Byte order marks, directory entries (stored or deflated, as Python's and Java's zip
// writers make them) and a missing optional part are all accepted, and outputs open.
func TestUnusualValidPackages(t *testing.T) {
	bom := "\xEF\xBB\xBF"
	styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `><w:style w:styleId="a"/></w:styles>`
	dir := func(name string, method uint16) entry { return entry{name: name, method: method} }
	cases := []struct {
		name string
		pkg  []byte
	}{
		{"byte order marks", pkgWith(t, nil,
			entry{name: "word/document.xml", data: []byte(bom + document(p("Xã {{.a}}")))},
			entry{name: "word/styles.xml", data: []byte(bom + styles)},
			entry{name: "_rels/.rels", data: []byte(bom + relsXML("rId1 "+relOffice+" word/document.xml"))},
			entry{name: "[Content_Types].xml", data: []byte(bom + contentTypesXML("word/document.xml"))})},
		{"directory entries, deflated", pkgWith(t, nil, dir("word/", zip.Deflate), dir("_rels/", zip.Deflate), dir("word/media/", zip.Deflate))},
		{"directory entries, stored", pkgWith(t, nil, dir("word/", zip.Store), dir("docProps/", zip.Store))},
		{"no word/_rels/document.xml.rels", buildZip(t,
			entry{name: "[Content_Types].xml", data: []byte(contentTypesXML("word/document.xml"))},
			entry{name: "_rels/.rels", data: []byte(relsXML("rId1 " + relOffice + " word/document.xml"))},
			entry{name: "word/document.xml", data: []byte(document(p("Xã {{.a}}") + p("{{image .img 2}}")))})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := execute(t, c.pkg)
			if got, err := rendertest.Text(out); err != nil || !strings.HasPrefix(got, "Xã Tây Sơn\n") {
				t.Errorf("text = %q, %v", got, err)
			}
			for _, name := range entries(t, out) {
				if strings.HasSuffix(name, "/") {
					t.Errorf("output holds the directory entry %s", name)
				}
			}
		})
	}
}

// A part without tags that Word could not open is refused at parse, naming the part.
func TestUntaggedPartsChecked(t *testing.T) {
	doctype := `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + strings.TrimPrefix(relsXML("rId1 "+relOffice+" word/document.xml"), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`)
	cases := []struct {
		name          string
		pkg           []byte
		kind          error
		part, message string
	}{
		{"DOCTYPE in _rels/.rels", pkgWith(t, nil, entry{name: "_rels/.rels", data: []byte(doctype)}), ErrXML, "_rels/.rels", "DOCTYPE"},
		{"DOCTYPE in the document's relationships", pkgWith(t, nil, entry{name: "word/_rels/document.xml.rels", data: []byte(doctype)}), ErrXML, "word/_rels/document.xml.rels", "DOCTYPE"},
		{"malformed styles.xml", pkgWith(t, nil, entry{name: "word/styles.xml", data: []byte(`<w:styles ` + wordNS + `><w:style></w:styles>`)}), ErrXML, "word/styles.xml", "line 1, column"},
		{"DOCTYPE in settings.xml", pkgWith(t, nil, entry{name: "word/settings.xml", data: []byte(`<!DOCTYPE x><w:settings ` + wordNS + `/>`)}), ErrXML, "word/settings.xml", "DOCTYPE"},
		{"undeclared prefix in a custom part", pkgWith(t, nil, entry{name: "customXml/item1.xml", data: []byte(`<x:a/>`)}), ErrXML, "customXml/item1.xml", `undeclared namespace prefix "x"`},
		{"text after the root of the content types", pkgWith(t, nil, entry{name: "[Content_Types].xml", data: []byte(contentTypesXML("word/document.xml") + "x")}), ErrXML, "[Content_Types].xml", "text outside the root element"},
		{"XML by content type, not by name", pkgWith(t, nil,
			entry{name: "[Content_Types].xml", data: []byte(contentTypesXML("word/document.xml", `<Override PartName="/word/glossary.dat" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/>`))},
			entry{name: "word/glossary.dat", data: []byte(`<w:glossaryDocument ` + wordNS + `><w:docParts>`)}), ErrXML, "word/glossary.dat", "never closed"},
		{"relationships in another vocabulary", pkgWith(t, nil, entry{name: "word/_rels/document.xml.rels", data: []byte(`<Relationships xmlns="urn:khac"/>`)}), ErrPackage, "word/_rels/document.xml.rels", "not <Relationships>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { parseErr(t, c.pkg, c.kind, c.part, c.message) })
	}
	t.Run("no content types", func(t *testing.T) {
		pkg := buildZip(t,
			entry{name: "_rels/.rels", data: []byte(relsXML("rId1 " + relOffice + " word/document.xml"))},
			entry{name: "word/document.xml", data: []byte(document(p("x")))})
		parseErr(t, pkg, ErrPackage, "", "no [Content_Types].xml")
	})
}

// Pictures never clash with what the template holds, whatever the form of its
// relationships and content types.
func TestImageNamesNeverClashAnyForm(t *testing.T) {
	old := pkgPNG(t)
	ctQuoted := `<?xml version='1.0' encoding='UTF-8'?><Types xmlns='` + contentTypesNS + `'><Default Extension='rels' ContentType='application/vnd.openxmlformats-package.relationships+xml'/><Default Extension='xml' ContentType='application/xml'/><Default Extension='png' ContentType='image/png'/><Override PartName='/word/document.xml' ContentType='` + mainContentType + `'/></Types>`
	prefixedRels := `<?xml version="1.0"?><pr:Relationships xmlns:pr="` + relsNS + `"><pr:Relationship Id="rIdBaocaoImage1" Type="` + relTypeImage + `" Target="media/baocao-image1.png"/></pr:Relationships>`
	body := p("Xã {{.a}}") + `<w:p><w:r><w:drawing><w:t>cũ</w:t></w:drawing></w:r></w:p>` + p("{{image .img 3}}")
	pkg := pkgWith(t, nil,
		entry{name: "[Content_Types].xml", data: []byte(ctQuoted)},
		entry{name: "word/_rels/document.xml.rels", data: []byte(prefixedRels)},
		entry{name: "word/document.xml", data: []byte(document(body))},
		entry{name: "word/media/baocao-image1.png", data: old})
	out := execute(t, pkg)
	names := entries(t, out)
	if n := strings.Count(strings.Join(names, "\n")+"\n", "word/media/baocao-image1.png\n"); n != 1 {
		t.Errorf("word/media/baocao-image1.png %d times: %q", n, names)
	}
	rels := part(t, out, "word/_rels/document.xml.rels")
	parsed, err := parseRels("rels", []byte(rels))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, r := range parsed {
		if _, dup := ids[r.ID]; dup {
			t.Errorf("relationship id %s twice: %s", r.ID, rels)
		}
		ids[r.ID] = r.Target
	}
	if len(parsed) != 2 || ids["rIdBaocaoImage1"] != "media/baocao-image1.png" {
		t.Fatalf("relationships: %s", rels)
	}
	var added string
	for id, target := range ids {
		if id != "rIdBaocaoImage1" {
			added = target
			if !strings.Contains(part(t, out, "word/document.xml"), `r:embed="`+id+`"`) {
				t.Errorf("the picture does not use its relationship %s", id)
			}
		}
	}
	if added == "" || added == "media/baocao-image1.png" || !bytes.Equal([]byte(part(t, out, "word/"+added)), old) {
		t.Errorf("the added picture is %q", added)
	}
	if got := part(t, out, "[Content_Types].xml"); len(regexp.MustCompile(`(?i)extension=['"]png['"]`).FindAllString(got, -1)) != 1 {
		t.Errorf("png declared other than once: %s", got)
	}
}

// A header reached only through the main part's relationships holds tags too.
func TestHeaderFoundThroughRelationships(t *testing.T) {
	pkg := pkgWith(t, []string{"rId7 " + relTypePrefix + "header dau-trang.xml"},
		entry{name: "word/dau-trang.xml", data: []byte(`<w:hdr ` + wordNS + `>` + p("Huyện {{.a}}") + `</w:hdr>`)})
	out := execute(t, pkg)
	if got, err := rendertest.PartText(out, "word/dau-trang.xml"); err != nil || got != "Huyện Tây Sơn\n" {
		t.Errorf("header = %q, %v", got, err)
	}
	bad := pkgWith(t, []string{"rId7 " + relTypePrefix + "header dau-trang.xml"},
		entry{name: "word/dau-trang.xml", data: []byte(document(p("{{.a}}")))})
	parseErr(t, bad, ErrPackage, "word/dau-trang.xml", "not WordprocessingML's <w:hdr>")
}

// LibreOffice opens what render makes of the unusual packages above.
func TestUnusualPackagesInLibreOffice(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	pkgs := map[string][]byte{
		"document2": buildZip(t,
			entry{name: "[Content_Types].xml", data: []byte(contentTypesXML("word/document2.xml"))},
			entry{name: "_rels/.rels", data: []byte(relsXML("rId1 " + relOffice + " word/document2.xml"))},
			entry{name: "word/document2.xml", data: []byte(document(p("Xã {{.a}}")))}),
		"bom":         pkgWith(t, nil, entry{name: "word/document.xml", data: []byte("\xEF\xBB\xBF" + document(p("Xã {{.a}}")))}),
		"directories": pkgWith(t, nil, entry{name: "word/", method: zip.Deflate}),
		"macros": pkgWith(t, []string{"rId5 http://schemas.microsoft.com/office/2006/relationships/vbaProject vbaProject.bin"},
			entry{name: "word/vbaProject.bin", data: []byte("Sub AutoOpen()\nEnd Sub")}),
		"attached template": pkgWith(t, []string{"rId3 " + relSettings + " settings.xml"},
			entry{name: "word/settings.xml", data: []byte(`<w:settings ` + wordNS + `><w:attachedTemplate r:id="rId1"/></w:settings>`)},
			entry{name: "word/_rels/settings.xml.rels", data: []byte(relsXML("rId1 " + relTypePrefix + "attachedTemplate http://127.0.0.1:9/x.dotm External"))}),
	}
	var names []string
	var outs [][]byte
	for name, pkg := range pkgs {
		names = append(names, name)
		outs = append(outs, execute(t, pkg))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	start := time.Now()
	texts, err := rendertest.LibreOfficeTexts(ctx, outs)
	t.Logf("LibreOffice: %d documents in %v", len(outs), time.Since(start))
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		if strings.TrimSpace(text) != "Xã Tây Sơn" {
			t.Errorf("%s: LibreOffice reads %q", names[i], text)
		}
	}
}
