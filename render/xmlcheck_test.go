package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func TestCheckWellFormed(t *testing.T) {
	const w = `xmlns:w="urn:w"`
	good := []string{
		`<a/>`,
		"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<a>x</a>\n",
		`<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:a ` + w + ` w:b='1' c="&lt;&#233;&#x1F600;"><!-- c --><w:c/><![CDATA[<not a tag>]]><?pi x?></w:a>`,
		`<a xmlns="urn:x"><b xmlns=""/></a>`,
		`<?a?><a><?b c?></a>`,
		`<a ` + w + `><w:b></w:b ></a>`,
		`<tên thuộc_tính="giá trị">chữ</tên>`,
	}
	for _, s := range good {
		if _, p := checkWellFormed([]byte(s), false); p != nil {
			t.Errorf("%q: %s", s, p.msg)
		}
	}
	bad := []struct{ in, msg string }{
		{``, "no root element"},
		{`   `, "no root element"},
		{`<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>`, "DOCTYPE"},
		{`<a><!ELEMENT b ANY></a>`, "DOCTYPE"},
		{`<a>&x;</a>`, "invalid entity"},
		{`<a>]]></a>`, "]]> in text"},
		{`<a>&#0;</a>`, "invalid entity"},
		{`<a>&amp</a>`, "invalid entity"},
		{`<a b="&x;"/>`, "invalid entity"},
		{`<a b="<"/>`, "< in the value"},
		{`<a b=c/>`, "unquoted value"},
		{`<a b/>`, "without a value"},
		{`<a b="1"c="2"/>`, "no white space"},
		{`<a b="1" b="2"/>`, "attribute b repeated"},
		{`<a><b></a></b>`, "end tag </a> does not match <b>"},
		{`<a>`, "<a> is never closed"},
		{`</a>`, "without a start tag"},
		{`<a/><b/>`, "element <b> after the root element"},
		{`<a/>x`, "text outside the root element"},
		{`x<a/>`, "text outside the root element"},
		{`<a/><?xml version="1.0"?>`, "XML declaration not at the start"},
		{`<?><a/>`, "processing instruction never closed"},
		{`<? x?><a/>`, "processing instruction without a valid target"},
		{`<?1?><a/>`, "processing instruction without a valid target"},
		{`<a><!-- x </a>`, "comment never closed"},
		{`<a><!--></a>`, "comment never closed"},
		{`<a><!-- a -- b --></a>`, "-- inside a comment"},
		{`<![CDATA[x]]><a/>`, "CDATA section outside"},
		{`<x:a/>`, `undeclared namespace prefix "x"`},
		{`<a x:b="1"/>`, `undeclared namespace prefix "x" on attribute x:b`},
		{`<a xmlns:x=""/>`, "invalid namespace declaration"},
		{`<1a/>`, "invalid element name"},
		{`<a:b:c xmlns:a="u"/>`, "invalid element name"},
		{`<a€/>`, "invalid element name"},
		{"<a>\x01</a>", "control character U+0001"},
		{"<a>\xff</a>", "invalid UTF-8"},
		{"<a>\uFFFE</a>", "character U+FFFE"},
		{"\xFF\xFE<\x00a\x00/\x00>\x00", "UTF-16"},
	}
	for _, c := range bad {
		_, p := checkWellFormed([]byte(c.in), false)
		if p == nil {
			t.Errorf("%q: accepted", c.in)
			continue
		}
		if !strings.Contains(p.msg, c.msg) {
			t.Errorf("%q: %q, want %q", c.in, p.msg, c.msg)
		}
	}
	if _, p := checkWellFormed([]byte(`<a><b/></a>`), true); p == nil || !strings.Contains(p.msg, "element <a> is in no namespace") {
		t.Errorf("requireNS: %v", p)
	}
	root, p := checkWellFormed([]byte(`<?xml version="1.0"?><w:document xmlns:w="`+nsMain+`"/>`), true)
	if p != nil || root != (xmlRoot{prefix: "w", local: "document", ns: nsMain}) {
		t.Errorf("root = %+v, %v", root, p)
	}
}

// The position of a problem is its line and byte column.
func TestCheckWellFormedPosition(t *testing.T) {
	data := []byte("<a>\n  <b>\n  </c>\n</a>")
	_, p := checkWellFormed(data, false)
	if p == nil {
		t.Fatal("accepted")
	}
	if line, col := p.position(data); line != 3 || col != 3 {
		t.Errorf("line %d, column %d; want 3, 3", line, col)
	}
}

// decodes reports whether encoding/xml reads data whole, strictly, with no directive.
func decodes(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
		if _, ok := tok.(xml.Directive); ok {
			return false
		}
	}
}

// FuzzCheckWellFormed: what the checker accepts, encoding/xml (with namespaces) reads too.
func FuzzCheckWellFormed(f *testing.F) {
	for _, s := range []string{
		`<a/>`, `<?xml version="1.0"?><w:a xmlns:w="u" w:b="1"><w:c>x&amp;y</w:c></w:a>`,
		`<a><![CDATA[x]]><!--c--><?p d?></a>`, `<a b='&#x41;'>&lt;</a>`, "\xEF\xBB\xBF<a/>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, p := checkWellFormed(data, false); p == nil && !decodes(data) {
			t.Errorf("accepted what encoding/xml refuses: %q", data)
		}
	})
}

// controlChar finds the first forbidden control character wherever it is in the
// sixteen-byte blocks it reads, among allowed ones, and says whether what precedes it
// is ASCII.
func TestControlChar(t *testing.T) {
	base := []byte(strings.Repeat("<a>\t\r\n x</a>", 7)) // 77 bytes
	if n, ascii := controlChar(base); n != -1 || !ascii {
		t.Errorf("clean: %d, %v", n, ascii)
	}
	for at := range base {
		for _, bad := range []byte{0, 1, 8, 0x0B, 0x0C, 0x0E, 0x1F} {
			d := bytes.Clone(base)
			d[at] = bad
			if n, ascii := controlChar(d); n != at || !ascii {
				t.Fatalf("%#x at %d: found at %d, ascii %v", bad, at, n, ascii)
			}
			if at > 0 {
				d[at-1] = 0xC3 // not ASCII, just before it
				if n, ascii := controlChar(d); n != at || ascii {
					t.Fatalf("%#x at %d after a non-ASCII byte: found at %d, ascii %v", bad, at, n, ascii)
				}
			}
		}
		d := bytes.Clone(base)
		d[at] = 0xE1
		if at+1 < len(d) {
			d[len(d)-1] = 1 // after the non-ASCII byte
			if n, ascii := controlChar(d); n != len(d)-1 || ascii {
				t.Fatalf("non-ASCII at %d, control at the end: %d, %v", at, n, ascii)
			}
			d[len(d)-1] = '>'
		}
		if n, ascii := controlChar(d); n != -1 || ascii {
			t.Fatalf("non-ASCII at %d: %d, %v", at, n, ascii)
		}
	}
}

// FuzzFastStartTag: the fast path for start tags changes nothing the checker finds: the
// same problem at the same place, or none, with it and without it.
func FuzzFastStartTag(f *testing.F) {
	const root = `<w:r xmlns:w="urn:w" xmlns="urn:d">`
	for _, s := range []string{
		`<w:b/>`, `<w:sz w:val="22"/><w:lang w:val="vi-VN" w:eastAsia="en-US"/>`, `<a b="1" b="2"/>`,
		`<w:t xml:space="preserve">x</w:t>`, `<x:a/>`, `<w:a w:b="&amp;"/>`, `<w:a w:b='1'/>`,
		`<w:a  w:b="1"/>`, `<w:a xmlns:v="urn:v" v:b="1"/>`, `<w:a w:b="1"></w:b>`, `<w:1a/>`, `<w:a:b/>`,
		`<w:a w:b="<"/>`, `<w:a w:b="1"w:c="2"/>`, `<w:a w:b="1" / >`, `<w:a xmlns="" b="1"/>`,
	} {
		f.Add([]byte(root + s + `</w:r>`))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, requireNS := range []bool{false, true} {
			fast := xmlChecker{data: data, requireNS: requireNS, declared: map[string]int{"xml": 1}}
			full := fast
			full.declared = map[string]int{"xml": 1}
			full.fullOnly = true
			p1, p2 := fast.run(), full.run()
			if (p1 == nil) != (p2 == nil) || p1 != nil && *p1 != *p2 {
				t.Fatalf("requireNS %v: fast path %+v, full check %+v, for %q", requireNS, p1, p2, data)
			}
		}
	})
}

// The declarations the checker takes without a decoder are ones encoding/xml takes.
func TestUsualDeclarations(t *testing.T) {
	if len(usualDeclarations) != 50 {
		t.Errorf("%d declarations", len(usualDeclarations))
	}
	for decl := range usualDeclarations {
		if _, err := xml.NewDecoder(strings.NewReader(decl)).RawToken(); err != nil {
			t.Errorf("%s: %v", decl, err)
		}
		if _, p := checkWellFormed([]byte(decl+"<a/>"), false); p != nil {
			t.Errorf("%s: %s", decl, p.msg)
		}
	}
	for _, bad := range []string{`<?xml version="1.1"?>`, `<?xml version="1.0" encoding="latin1"?>`} {
		if _, p := checkWellFormed([]byte(bad+"<a/>"), false); p == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}
