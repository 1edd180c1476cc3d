package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// referenceTexts is the text of every w:t of a part as encoding/xml reads it: what the
// scanner's own lexer must find.
func referenceTexts(t *testing.T, raw []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(raw))
	var texts []string
	var cur *bytes.Buffer
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return texts
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if tk.Name.Space == nsMain && tk.Name.Local == "t" {
				cur = &bytes.Buffer{}
			}
		case xml.EndElement:
			if cur != nil && tk.Name.Space == nsMain && tk.Name.Local == "t" {
				texts = append(texts, cur.String())
				cur = nil
			}
		case xml.CharData:
			if cur != nil {
				cur.Write(tk)
			}
		}
	}
}

func scannedTexts(t *testing.T, raw []byte) []string {
	t.Helper()
	s, err := scanPart(raw)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, tn := range s.texts {
		texts = append(texts, tn.text)
	}
	return texts
}

// The lexer reads every template of the repository as encoding/xml does.
func TestLexerMatchesEncodingXML(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*/*.docx")
	if len(files) < 8 {
		t.Fatalf("%d templates", len(files))
	}
	total := 0
	defer func() {
		if total < 400 {
			t.Errorf("only %d texts compared", total)
		}
	}()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			if !templated.MatchString(zf.Name) {
				continue
			}
			rc, _ := zf.Open()
			raw, _ := io.ReadAll(rc)
			rc.Close()
			want, got := referenceTexts(t, raw), scannedTexts(t, raw)
			total += len(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s: %d texts, want %d (%q…)", f, zf.Name, len(got), len(want), got)
			}
		}
	}
}

// What Word and other writers put in a part: entities, character references, CDATA,
// comments, processing instructions, line ends, quotes in attributes, another prefix.
func TestLexerCases(t *testing.T) {
	cases := []struct{ name, xml string }{
		{"entities", `<w:document xmlns:w="` + nsMain + `"><w:p><w:r><w:t>a &amp; b &lt;c&gt; &quot;d&apos; &#7843;&#x1EA1;</w:t></w:r></w:p></w:document>`},
		{"CDATA and comments", `<?xml version="1.0"?><!-- x --><w:document xmlns:w="` + nsMain + `"><w:p><?pi x?><w:r><w:t>a<![CDATA[<b>&amp;]]><!-- c -->d</w:t></w:r></w:p></w:document>`},
		{"line ends", "<w:document xmlns:w=\"" + nsMain + "\"><w:p><w:r><w:t>a\r\nb\rc\nd&#13;e</w:t></w:r></w:p></w:document>"},
		{"lone CR", "<w:document xmlns:w=\"" + nsMain + "\"><w:p><w:r><w:t>a\rb</w:t><w:t>\r</w:t></w:r></w:p></w:document>"},
		{"markup in text", `<w:document xmlns:w="` + nsMain + `"><w:p><w:r><w:t>a<w:x>b</w:x>c</w:t></w:r></w:p></w:document>`},
		{"attributes", `<w:document xmlns:w="` + nsMain + `"><w:p w:rsidR='a>b' x = "c/>d"><w:r><w:t xml:space="preserve"> e </w:t><w:t/></w:r></w:p></w:document>`},
		{"other prefix", `<ns0:document xmlns:ns0="` + nsMain + `" xmlns:w="urn:other"><ns0:p><ns0:r><ns0:t>a</ns0:t><w:t>not this</w:t></ns0:r></ns0:p></ns0:document>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, got := referenceTexts(t, []byte(c.xml)), scannedTexts(t, []byte(c.xml))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
	for _, bad := range []string{`<w:p>`, `<w:p></w:r>`, `<w:p a="b>`, `<w:p><w:t>&nbsp;</w:t></w:p>`, `<!DOCTYPE x><w:p/>`, `<w:p><!-- x`, `<w:p a=b/>`} {
		if _, err := scanPart([]byte(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}
