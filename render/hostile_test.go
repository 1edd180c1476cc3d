package render

// Hostile input: packages that are not what they claim, data that tries to break out of
// its text, inputs built to exhaust memory, stack or time. Each is refused with an error
// of a kind testable with errors.Is, or rendered as documented in the README table "Bad
// input and the error it gets"; none panics, and a failed render writes nothing.

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

// entry is one zip entry of a hand-built package. With declared set, the entry is
// written raw with declared as its uncompressed size (a lying or a bomb header) and its
// data deflated, so that what it expands to can differ from what it says.
type entry struct {
	name     string
	data     []byte
	declared uint64
	badCRC   bool
	method   uint16 // for a directory entry: zip.Store, or zip.Deflate as some zip writers do
}

// buildZip writes the entries in order; the standard parts of a package come first
// unless skipStd.
func buildZip(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		if strings.HasSuffix(e.name, "/") && e.method == zip.Deflate {
			// archive/zip stores directories; write an empty deflate stream by hand.
			w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CompressedSize64: 2})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte{3, 0})
			continue
		}
		if e.declared == 0 && !e.badCRC {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write(e.data); err != nil {
				t.Fatal(err)
			}
			continue
		}
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
		fw.Write(e.data)
		fw.Close()
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(e.data),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(len(e.data))}
		if e.declared != 0 {
			h.UncompressedSize64 = e.declared
		}
		if e.badCRC {
			h.CRC32++
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	ctTypes  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docRels  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`
)

// stdEntries are the parts of a valid package; body goes inside w:body.
func stdEntries(body string) []entry {
	return []entry{
		{name: "[Content_Types].xml", data: []byte(ctTypes)},
		{name: "_rels/.rels", data: []byte(rootRels)},
		{name: "word/_rels/document.xml.rels", data: []byte(docRels)},
		{name: "word/document.xml", data: []byte(document(body))},
	}
}

func document(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`
}

// withEntries is a valid package with a tag, plus more entries.
func withEntries(more ...entry) []entry {
	return append(stdEntries(p("{{.a}}")), more...)
}

func zeros(n int) []byte { return make([]byte, n) }

func TestHostilePackages(t *testing.T) {
	small := Limits{MaxParts: 10, MaxPartSize: 1 << 20, MaxTotalSize: 2 << 20}
	docNoRoot := stdEntries("")
	docNoRoot[3].data = nil
	docBlank := stdEntries("")
	docBlank[3].data = []byte("  \n ")
	dupCase := withEntries(entry{name: "Word/Document.xml", data: []byte(document(""))})
	many := stdEntries(p("{{.a}}"))
	for i := 0; i < 2001; i++ {
		many = append(many, entry{name: fmt.Sprintf("word/media/a%d.bin", i), data: []byte("x")})
	}
	lyingDoc := stdEntries("")
	lyingDoc[3] = entry{name: "word/document.xml", data: []byte(document(p("{{.a}}") + strings.Repeat(p("đệm"), 100000))), declared: 200}
	cases := []struct {
		name    string
		pkg     []byte
		limits  Limits
		kind    error
		message string
	}{
		{"not a zip", []byte("PK\x03\x04 this is not a zip archive"), Limits{}, ErrPackage, "not a zip archive"},
		{"empty input", nil, Limits{}, ErrPackage, "not a zip archive"},
		{"a PDF", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), Limits{}, ErrPackage, "not a zip archive"},
		{"truncated package", docx(t, p("{{.a}}"))[:300], Limits{}, ErrPackage, "not a zip archive"},
		{"zip without word/document.xml", buildZip(t, entry{name: "[Content_Types].xml", data: []byte(ctTypes)}, entry{name: "content.xml", data: []byte("<office/>")}), Limits{}, ErrPackage, "no word/document.xml"},
		{"an .odt", buildZip(t, entry{name: "mimetype", data: []byte("application/vnd.oasis.opendocument.text")}, entry{name: "content.xml", data: []byte("<office:document-content/>")}), Limits{}, ErrPackage, "no word/document.xml"},
		{"too many parts", buildZip(t, many...), Limits{}, ErrPackage, "2005 entries, more than the limit of 2000"},
		{"too many parts (option)", buildZip(t, withEntries(make([]entry, 0)...)...), Limits{MaxParts: 3}, ErrPackage, "more than the limit of 3"},
		// A zip bomb: 1 GiB declared, a few bytes stored. Refused on its header, before a
		// byte is inflated.
		{"bomb by declared size", buildZip(t, withEntries(entry{name: "word/media/bomb.bin", data: zeros(1 << 16), declared: 1 << 30})...), Limits{}, ErrPackage, `"word/media/bomb.bin" is 1073741824 bytes uncompressed, more than the limit of 67108864`},
		{"bomb in document.xml", buildZip(t, append(stdEntries("")[:3], entry{name: "word/document.xml", data: []byte(document("")), declared: 1 << 40})...), Limits{}, ErrPackage, "more than the limit"},
		// 3 MiB of zeros deflate to 3 KiB: a real bomb, beyond a 1 MiB part limit.
		{"bomb that expands", buildZip(t, withEntries(entry{name: "word/media/zeros.bin", data: zeros(3 << 20)})...), small, ErrPackage, "more than the limit of 1048576"},
		{"total size", buildZip(t, withEntries(
			entry{name: "word/media/1.bin", data: zeros(1 << 10), declared: 60 << 20},
			entry{name: "word/media/2.bin", data: zeros(1 << 10), declared: 60 << 20},
			entry{name: "word/media/3.bin", data: zeros(1 << 10), declared: 60 << 20},
			entry{name: "word/media/4.bin", data: zeros(1 << 10), declared: 60 << 20},
			entry{name: "word/media/5.bin", data: zeros(1 << 10), declared: 60 << 20})...), Limits{}, ErrPackage, "more than 268435456 bytes uncompressed in all"},
		{"total size that expands", buildZip(t, withEntries(
			entry{name: "word/media/1.bin", data: zeros(900 << 10)},
			entry{name: "word/media/2.bin", data: zeros(900 << 10)},
			entry{name: "word/media/3.bin", data: zeros(900 << 10)})...), small, ErrPackage, "more than 2097152 bytes uncompressed in all"},
		{"huge document.xml", buildZip(t, append(stdEntries("")[:3], entry{name: "word/document.xml", data: []byte(document(p("{{.a}}") + strings.Repeat(p("đệm đệm đệm"), 40000)))})...), small, ErrPackage, `"word/document.xml" is`},
		// The header says 200 bytes; the data inflates to megabytes. archive/zip stops at
		// the declared size.
		{"lying header on document.xml", buildZip(t, lyingDoc...), Limits{}, ErrPackage, "not a valid zip file"},
		{"lying header on an untouched part", buildZip(t, withEntries(entry{name: "word/styles.xml", data: zeros(1 << 20), declared: 100})...), Limits{}, ErrPackage, `entry "word/styles.xml": zip: not a valid zip file`},
		{"corrupt untouched part", buildZip(t, withEntries(entry{name: "word/media/image1.png", data: []byte("not really a png"), badCRC: true})...), Limits{}, ErrPackage, "checksum error"},
		{"duplicate entry", buildZip(t, withEntries(entry{name: "word/document.xml", data: []byte(document(""))})...), Limits{}, ErrPackage, `entry "word/document.xml" appears twice`},
		{"duplicate entry, other case", buildZip(t, dupCase...), Limits{}, ErrPackage, `entry "Word/Document.xml" appears twice`},
		{"name with ..", buildZip(t, withEntries(entry{name: "../../evil.xml", data: []byte("x")})...), Limits{}, ErrPackage, `unsafe entry name "../../evil.xml"`},
		{"name with .. inside", buildZip(t, withEntries(entry{name: "word/../../evil.xml", data: []byte("x")})...), Limits{}, ErrPackage, "unsafe entry name"},
		{"absolute name", buildZip(t, withEntries(entry{name: "/etc/cron.d/evil", data: []byte("x")})...), Limits{}, ErrPackage, `unsafe entry name "/etc/cron.d/evil"`},
		{"backslashes", buildZip(t, withEntries(entry{name: `word\..\..\evil.xml`, data: []byte("x")})...), Limits{}, ErrPackage, "unsafe entry name"},
		{"drive letter", buildZip(t, withEntries(entry{name: "C:/Windows/evil.dll", data: []byte("x")})...), Limits{}, ErrPackage, "unsafe entry name"},
		{"NUL in name", buildZip(t, withEntries(entry{name: "word/evil.xml\x00.png", data: []byte("x")})...), Limits{}, ErrPackage, "unsafe entry name"},
		{"invalid UTF-8 name", buildZip(t, withEntries(entry{name: "word/\xff.xml", data: []byte("x")})...), Limits{}, ErrPackage, "unsafe entry name"},
		{"empty name", buildZip(t, withEntries(entry{name: "", data: []byte("x")})...), Limits{}, ErrPackage, "unsafe entry name"},
		{"malformed XML with tags", docx(t, `<w:p><w:r><w:t>{{.a}}</w:r></w:p>`), Limits{}, ErrXML, "word/document.xml"},
		{"malformed XML without tags", docx(t, `<w:p><w:r><w:t>chữ</w:r></w:p>`), Limits{}, ErrXML, "word/document.xml"},
		{"malformed XML in a header", docx(t, p("x"), "word/header1.xml", `<w:hdr `+wordNS+`><w:p><w:r><w:t>{{.a}}</w:t></w:r></w:hdr>`), Limits{}, ErrXML, "word/header1.xml"},
		{"text after the root", buildZip(t, append(stdEntries("")[:3], entry{name: "word/document.xml", data: []byte(document(p("{{.a}}")) + "rác")})...), Limits{}, ErrXML, "text outside the root element"},
		{"undeclared prefix", docx(t, `<x:p><w:r><w:t>{{.a}}</w:t></w:r></x:p>`), Limits{}, ErrXML, `undeclared namespace prefix "x"`},
		{"entity bomb (DOCTYPE)", buildZip(t, append(stdEntries("")[:3], entry{name: "word/document.xml", data: []byte(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>` + strings.TrimPrefix(document(p("&c; {{.a}}")), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`))})...), Limits{}, ErrXML, "DOCTYPE"},
		{"document.xml is XHTML", buildZip(t, append(stdEntries("")[:3], entry{name: "word/document.xml", data: []byte(`<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{{.a}}</p></body></html>`)})...), Limits{}, ErrPackage, "the root element is <html>, not WordprocessingML's <w:document>"},
		{"document.xml is HTML", buildZip(t, append(stdEntries("")[:3], entry{name: "word/document.xml", data: []byte(`<html><body><p>{{.a}}</p></body></html>`)})...), Limits{}, ErrPackage, "not WordprocessingML's"},
		{"document.xml in another namespace", buildZip(t, append(stdEntries("")[:3], entry{name: "word/document.xml", data: []byte(`<w:document xmlns:w="urn:khac"><w:body/></w:document>`)})...), Limits{}, ErrPackage, "not WordprocessingML's"},
		{"header that is a document", docx(t, p("x"), "word/header1.xml", document(p("{{.a}}"))), Limits{}, ErrPackage, "the root element is <w:document>, not WordprocessingML's <w:hdr>"},
		{"empty document.xml", buildZip(t, docNoRoot...), Limits{}, ErrXML, "no root element"},
		{"blank document.xml", buildZip(t, docBlank...), Limits{}, ErrXML, "no root element"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := New("mau.docx")
			if c.limits != (Limits{}) {
				tpl.Limits(c.limits)
			}
			start := time.Now()
			got, err := tpl.Parse(c.pkg)
			if !errors.Is(err, c.kind) {
				t.Fatalf("err = %v, want %v", err, c.kind)
			}
			if got != nil {
				t.Error("a template came back with the error")
			}
			var e *Error
			if c.kind == ErrXML && (!errors.As(err, &e) || !strings.HasPrefix(e.Part, "word/")) {
				t.Errorf("malformed XML without its part: %#v", e)
			}
			if !strings.Contains(err.Error(), c.message) {
				t.Errorf("message %q lacks %q", err, c.message)
			}
			if !strings.HasPrefix(err.Error(), "render: mau.docx: ") && !strings.HasPrefix(err.Error(), "word/") {
				t.Errorf("message does not name the template or the part: %q", err)
			}
			t.Logf("took %v", time.Since(start)) // logged: the hang guard is the test timeout
		})
	}
	// Entry names are never followed: render writes no file from them, and refuses them.
	if _, err := os.Stat("../../evil.xml"); !os.IsNotExist(err) {
		t.Errorf("../../evil.xml exists: %v", err)
	}
}

// The default limits take a real report; an actual 65 MiB part, 64 KiB on disk, does not
// pass them.
func TestHostilePackageDefaultLimits(t *testing.T) {
	ref, err := os.ReadFile("../testdata/tayson/template.docx")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := readPackage(bytes.NewReader(ref), int64(len(ref)), DefaultLimits()); err != nil {
		t.Fatalf("the reference template: %v", err)
	}
	big := zeroBomb(t, 65)
	if len(big) > 1<<20 {
		t.Fatalf("bomb is %d bytes on disk", len(big))
	}
	if _, err := New("t").Parse(big); !errors.Is(err, ErrPackage) || !strings.Contains(err.Error(), "more than the limit of 67108864") {
		t.Errorf("err = %v", err)
	}
	// Within the limits, the same part is accepted and copied as stored.
	ok := zeroBomb(t, 2)
	tpl, err := New("t").Parse(ok)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := tpl.Execute(&out, map[string]any{"a": "x"}); err != nil {
		t.Fatal(err)
	}
	if out.Len() > 1<<20 {
		t.Errorf("output is %d bytes: the untouched part was not copied compressed", out.Len())
	}
}

// zeroBomb is a valid package with word/media/zeros.bin, mib MiB of zeros deflated to a
// few KiB. The deflate stream is one compressed MiB repeated: each copy ends with a sync
// flush, so its blocks are not final and the copies join into one stream, and building
// the bomb costs no compression of the whole.
func zeroBomb(t testing.TB, mib int) []byte {
	t.Helper()
	var chunk bytes.Buffer
	fw, _ := flate.NewWriter(&chunk, flate.BestCompression)
	fw.Write(zeros(1 << 20))
	fw.Flush()
	var stream bytes.Buffer
	for i := 0; i < mib; i++ {
		stream.Write(chunk.Bytes())
	}
	stream.Write([]byte{0x03, 0x00}) // a final empty block
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range stdEntries(p("{{.a}}")) {
		w, _ := zw.Create(e.name)
		w.Write(e.data)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/media/zeros.bin", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(zeros(mib << 20)), CompressedSize64: uint64(stream.Len()), UncompressedSize64: uint64(mib << 20)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(stream.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// An empty body is a valid document: it renders to an empty document.
func TestHostileEmptyBody(t *testing.T) {
	for _, body := range []string{"", "<w:sectPr/>"} {
		text, _ := render(t, body, nil)
		if strings.TrimSpace(text) != "" {
			t.Errorf("body %q renders %q", body, text)
		}
	}
	pkg := buildZip(t, append(stdEntries("")[:3], entry{name: "word/document.xml", data: []byte(`<w:document xmlns:w="` + nsMain + `"/>`)})...)
	if _, err := New("t").Parse(pkg); err != nil {
		t.Errorf("<w:document/>: %v", err)
	}
}

// Deep nesting: 100.000 levels of elements must neither blow the stack nor take long,
// wherever they are.
func TestHostileDeepXML(t *testing.T) {
	depth := 100000
	if testing.Short() {
		depth = 10000
	}
	nest := func(open, close, inner string) string {
		return strings.Repeat(open, depth) + inner + strings.Repeat(close, depth)
	}
	data := map[string]any{"a": "giá trị", "ok": true}
	cases := []struct {
		name, body string
		kind       error // nil: renders, and the text has "giá trị"
	}{
		{"content controls around a tag", nest("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", p("{{.a}}")), nil},
		{"paragraphs in paragraphs", nest("<w:p>", "</w:p>", "<w:r><w:t>{{.a}}</w:t></w:r>"), nil},
		{"runs in runs", "<w:p>" + nest("<w:r>", "</w:r>", "<w:t>{{.a}}</w:t>") + "</w:p>", nil},
		{"never closed", strings.Repeat("<w:sdt>", depth) + p("{{.a}}"), ErrXML},
		{"closed wrongly", nest("<w:sdt>", "</w:sdtContent>", p("{{.a}}")), ErrXML},
		{"tables in tables", strings.Repeat("<w:tbl><w:tr><w:tc>", depth/10) + p("{{.a}}") + strings.Repeat("<w:p/></w:tc></w:tr></w:tbl>", depth/10), nil},
		{"if in if, paragraphs", strings.Repeat(p("{{if .ok}}"), depth/10) + p("{{.a}}") + strings.Repeat(p("{{end}}"), depth/10), nil},
		{"if in if, inline", p(strings.Repeat("{{if .ok}}", depth/10) + "{{.a}}" + strings.Repeat("{{end}}", depth/10)), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			tpl, err := New("t").Parse(docx(t, c.body))
			if c.kind != nil {
				if !errors.Is(err, c.kind) {
					t.Fatalf("err = %.300v, want %v", err, c.kind)
				}
			} else {
				if err != nil {
					t.Fatalf("parse: %.300v", err)
				}
				var out bytes.Buffer
				if err := tpl.Execute(&out, data); err != nil {
					t.Fatalf("execute: %.300v", err)
				}
				if doc := part(t, out.Bytes(), "word/document.xml"); !strings.Contains(doc, "giá trị") || strings.Contains(doc, "{{") {
					t.Errorf("value not printed")
				}
			}
			t.Logf("took %v", time.Since(start)) // logged: the hang guard is the test timeout
		})
	}
}

// A paragraph with 10.000 tags, split or not, and a part with 20.000 paragraphs of
// tags take time in proportion.
func TestHostileWide(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	data := map[string]any{"a": "x"}
	cases := map[string]string{
		"one run":    p(strings.Repeat("{{.a}}", n)),
		"a run each": "<w:p>" + strings.Repeat(run("{{.a}}"), n) + "</w:p>",
		"split tags": "<w:p>" + strings.Repeat(run("{{.")+bold("a}}"), n) + "</w:p>",
		"paragraphs": strings.Repeat(p("{{.a}}"), 2*n),
		"unclosed":   p(strings.Repeat("{{.a}} {{", n)),
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			tpl, err := New("t").Parse(docx(t, body))
			if name == "unclosed" {
				if !errors.Is(err, ErrUnclosed) {
					t.Fatalf("err = %.300v", err)
				}
			} else {
				if err != nil {
					t.Fatalf("parse: %.300v", err)
				}
				var out bytes.Buffer
				if err := tpl.Execute(&out, data); err != nil {
					t.Fatal(err)
				}
			}
			t.Logf("took %v", time.Since(start)) // logged: the hang guard is the test timeout
		})
	}
}

// Hostile data: what each value prints as. The README table documents the same.
func TestHostileData(t *testing.T) {
	cases := []struct {
		name string
		v    any
		want string
	}{
		{"XML markup", `</w:t></w:r><w:r><w:t>chèn</w:t>&amp;<![CDATA[x]]>`, `</w:t></w:r><w:r><w:t>chèn</w:t>&amp;<![CDATA[x]]>`},
		{"a tag", "{{.b}} {{range .}}{{end}} {{", "{{.b}} {{range .}}{{end}} {{"},
		{"control characters", "a\x00b\x01c\x08d\x0be\x0cf\x1bg\x1fh\x7fi", "abcdefgh\x7fi"},
		{"newlines and tabs", "một\r\nhai\rba\nbốn\tnăm", "một\nhai\nba\nbốn\tnăm"},
		{"noncharacters", "a\uFFFEb\uFFFFc", "abc"},
		{"invalid UTF-8", "a\xffb\xc3\x28c\xe1\x80", "a\uFFFDb\uFFFD(c\uFFFD\uFFFD"},
		{"surrogate halves", "a\xed\xa0\x80b", "a\uFFFD\uFFFD\uFFFDb"},
		{"byte order mark", "\uFEFFchữ", "\uFEFFchữ"},
		{"right-to-left override", "a\u202Eb", "a\u202Eb"},
		{"nil", nil, ""},
		{"error value", errors.New("lỗi <x>"), "lỗi <x>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, pkg := render(t, p("[{{.v}}]"), map[string]any{"v": c.v})
			if got != "["+c.want+"]\n" {
				if len(got) > 200 {
					got = got[:200] + "…"
				}
				t.Errorf("got %q", got)
			}
			if strings.Contains(part(t, pkg, "word/document.xml"), "<w:t>chèn</w:t>") {
				t.Error("markup from data reached the XML")
			}
		})
	}
}

// A 10 MB value prints whole, escaped, in time.
func TestHostileLongValue(t *testing.T) {
	long := strings.Repeat("Nước sạch & vệ sinh <nông thôn>\n", 10<<20/36)
	tpl := Must(New("t").Parse(docx(t, p("[{{.v}}]"))))
	start := time.Now()
	var out bytes.Buffer
	if err := tpl.Execute(&out, map[string]any{"v": long}); err != nil {
		t.Fatal(err)
	}
	t.Logf("took %v", time.Since(start)) // logged: the hang guard is the test timeout
	doc := part(t, out.Bytes(), "word/document.xml")
	want := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", "</w:t><w:br/><w:t xml:space=\"preserve\">").Replace(long)
	if !strings.Contains(doc, "["+want+"]") {
		t.Errorf("the value is not whole in the document (%d bytes)", len(doc))
	}
}

// Cyclic data: tags follow only the fields they name, so a map holding itself renders.
func TestHostileCyclicData(t *testing.T) {
	m := map[string]any{"ten": "Tây Sơn"}
	m["self"] = m
	list := []any{"a", nil}
	list[1] = list
	m["ds"] = list
	body := p("{{.self.self.self.self.ten}}") + p("{{range .ds}}{{if eq (printf \"%T\" .) \"string\"}}{{.}}{{end}}{{end}}") +
		p("{{with .self}}{{with .self}}{{.ten}}{{end}}{{end}}") + p("{{len .self}} {{index .self \"ten\"}}")
	done := make(chan string, 1)
	go func() {
		text, _ := render(t, body, m)
		done <- text
	}()
	select {
	case text := <-done:
		if want := "Tây Sơn\na\nTây Sơn\n3 Tây Sơn\n"; text != want {
			t.Errorf("got %q, want %q", text, want)
		}
	case <-time.After(hangGuard):
		t.Fatal("render of cyclic data hangs")
	}
}

// Printing a cyclic value whole ({{.self}}, {{printf "%v" .self}}) must fail with an
// error, not overflow the stack: a Go stack overflow is fatal and cannot be recovered,
// so this runs in a child process.
func TestHostileCyclicPrint(t *testing.T) {
	if os.Getenv("BAOCAO_CYCLIC_CHILD") != "" {
		m := map[string]any{"ten": "x"}
		m["self"] = m
		tag := map[string]string{"printer": "{{.self}}", "printf": `{{printf "%v" .self}}`, "print": "{{print .self}}"}[os.Getenv("BAOCAO_CYCLIC_CHILD")]
		tpl := Must(New("t").Parse(docx(t, p(tag))))
		err := tpl.Execute(io.Discard, m)
		fmt.Printf("kind=%v\n", errors.Is(err, ErrExec))
		return
	}
	for _, how := range []string{"printer", "printf", "print"} {
		t.Run(how, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestHostileCyclicPrint$")
			cmd.Env = append(os.Environ(), "BAOCAO_CYCLIC_CHILD="+how)
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), "kind=true") {
				t.Errorf("child: %v\n%.500s", err, out)
			}
		})
	}
}

// Very deep data: a chain of 100.000 maps. Tags reach into it; printing a deep value
// whole gives its text or an error, never a crash.
func TestHostileDeepData(t *testing.T) {
	deep := map[string]any{"b": "đáy"}
	for i := 0; i < 100000; i++ {
		deep = map[string]any{"a": deep, "b": i}
	}
	text, _ := render(t, p("{{.a.a.a.b}} {{.b}}"), deep)
	if text != "99.996 99.999\n" {
		t.Errorf("got %q", text)
	}
	// 10.000 levels printed whole.
	d := map[string]any{"b": "đáy"}
	for i := 0; i < 10000; i++ {
		d = map[string]any{"a": d}
	}
	tpl := Must(New("t").Parse(docx(t, p("{{.a}}"))))
	var out bytes.Buffer
	if err := tpl.Execute(&out, d); err != nil {
		if !errors.Is(err, ErrExec) {
			t.Fatalf("err = %v", err)
		}
	} else if err := rendertest.WellFormed(out.Bytes()); err != nil {
		t.Fatal(err)
	}
}

// A failed render writes nothing to its writer: here the error is in the last part
// written, the footer, after the body and the header rendered well.
func TestNoPartialOutput(t *testing.T) {
	ftr := func(inner string) string {
		return `<w:ftr ` + wordNS + `>` + p(inner) + `</w:ftr>`
	}
	hdr := `<w:hdr ` + wordNS + `>` + p("{{.a}}") + `</w:hdr>`
	pkg := docx(t, p("{{.a}}")+strings.Repeat(p("đoạn văn dài"), 5000), "word/header1.xml", hdr, "word/footer1.xml", ftr("Trang {{.khong_co}}"))
	zr, _ := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if last := zr.File[len(zr.File)-1].Name; last != "word/footer1.xml" {
		t.Fatalf("last part is %s", last)
	}
	tpl := Must(New("t").Parse(pkg))
	var w recorder
	err := tpl.Execute(&w, map[string]any{"a": "x"})
	var e *Error
	if !errors.Is(err, ErrMissingKey) || !errors.As(err, &e) || e.Part != "word/footer1.xml" {
		t.Fatalf("err = %v", err)
	}
	if w.calls != 0 || w.Len() != 0 {
		t.Errorf("a failed render wrote %d bytes in %d calls", w.Len(), w.calls)
	}
	// An error from a function, and a panic in one, write nothing either.
	for _, tag := range []string{"{{fail}}", "{{panic}}"} {
		tpl := Must(New("t").Funcs(fuzzFuncs).Parse(docx(t, p("{{.a}}"), "word/footer1.xml", ftr(tag))))
		var w recorder
		if err := tpl.Execute(&w, map[string]any{"a": "x"}); !errors.Is(err, ErrExec) || w.calls != 0 {
			t.Errorf("%s: err = %v, %d writes", tag, err, w.calls)
		}
	}
	// A successful render writes once.
	w = recorder{}
	if err := tpl.Execute(&w, map[string]any{"a": "x", "khong_co": 1}); err != nil || w.calls != 1 {
		t.Errorf("err = %v, %d writes", err, w.calls)
	}
	// A writer that fails: its error comes back.
	if err := tpl.Execute(failWriter{}, map[string]any{"a": "x", "khong_co": 1}); !errors.Is(err, errDiskFull) {
		t.Errorf("err = %v", err)
	}
	// ExecuteFile leaves the file that was there, and no temporary file.
	dir := t.TempDir()
	path := filepath.Join(dir, "baocao.docx")
	os.WriteFile(path, []byte("bản cũ"), 0o644)
	if err := tpl.ExecuteFile(path, map[string]any{"a": "x"}); !errors.Is(err, ErrMissingKey) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "bản cũ" {
		t.Errorf("file replaced by %d bytes", len(b))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left in the folder: %v", entries)
	}
}

var errDiskFull = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

// 1.000 documents rendered by 8 goroutines from one template made by LibreOffice are
// byte-identical.
func TestConcurrentThousand(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 100
	}
	tpl, err := ParseFile("../testdata/render/nested.docx")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../testdata/render/nested.json")
	if err != nil {
		t.Fatal(err)
	}
	var data map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&data); err != nil {
		t.Fatal(err)
	}
	var first bytes.Buffer
	if err := tpl.Execute(&first, data); err != nil {
		t.Fatal(err)
	}
	if err := rendertest.WellFormed(first.Bytes()); err != nil {
		t.Fatal(err)
	}
	jobs := make(chan int)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out bytes.Buffer
			for i := range jobs {
				out.Reset()
				if err := tpl.Execute(&out, data); err != nil {
					errs <- fmt.Errorf("document %d: %w", i, err)
					continue
				}
				if !bytes.Equal(out.Bytes(), first.Bytes()) {
					errs <- fmt.Errorf("document %d differs from the first", i)
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// The input itself is bounded before it is read: a negative or absurd size given to
// ParseReaderAt, or a file of gigabytes given to ParseFile, is refused at once rather
// than allocated (an allocation beyond memory is a fatal error, not a panic). The huge
// allocation runs in a child process.
func TestHostileInputSize(t *testing.T) {
	if os.Getenv("BAOCAO_HUGE_CHILD") != "" {
		_, err := New("t").ParseReaderAt(bytes.NewReader(nil), 1<<50)
		fmt.Printf("package=%v\n", errors.Is(err, ErrPackage))
		return
	}
	t.Run("negative size", func(t *testing.T) {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("panic: %v", r)
			}
		}()
		pkg := docx(t, p("{{.a}}"))
		if _, err := New("t").ParseReaderAt(bytes.NewReader(pkg), -1); !errors.Is(err, ErrPackage) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("size of a petabyte", func(t *testing.T) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHostileInputSize$")
		cmd.Env = append(os.Environ(), "BAOCAO_HUGE_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "package=true") {
			t.Errorf("child: %v\n%.500s", err, out)
		}
	})
	t.Run("file of 8 GiB", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "lon.docx")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		if err := os.Truncate(path, 8<<30); err != nil { // sparse: nothing on disk
			t.Skip(err)
		}
		start := time.Now()
		if _, err := New("t").ParseFile(path); !errors.Is(err, ErrPackage) {
			t.Errorf("err = %v", err)
		}
		t.Logf("took %v", time.Since(start)) // logged: the hang guard is the test timeout
	})
}
