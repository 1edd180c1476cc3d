package render

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

// Fuzz targets. Each is seeded with real inputs (the LibreOffice-made fixtures in
// testdata/render); crashers found by `go test -fuzz` are kept in testdata/fuzz/<Target>.
//
//	go test -run='^$' -fuzz='^FuzzParse$' -fuzztime=5m ./render
//	go test -run='^$' -fuzz='^FuzzSplitTags$' -fuzztime=5m ./render

// fuzzRoot is the document element of the fuzzed document: LibreOffice's, with every
// namespace the fixtures use declared.
const fuzzRoot = `<w:document xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 wp14 w15">`

// fuzzPackage is a valid package whose word/document.xml has body inside its w:body.
func fuzzPackage(body []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	doc := append([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+fuzzRoot+`<w:body>`), body...)
	doc = append(doc, `</w:body></w:document>`...)
	files := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)},
		{"_rels/.rels", []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)},
		{"word/_rels/document.xml.rels", []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)},
		{"word/document.xml", doc},
	}
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			panic(err)
		}
		w.Write(f.data)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// fixtureBodies returns the content of w:body of each fixture's document.xml, and the
// paragraphs of its other parts with tags, as seeds.
func fixtureBodies(tb testing.TB) [][]byte {
	tb.Helper()
	files, err := filepath.Glob("../testdata/render/*.docx")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no fixtures: %v", err)
	}
	var out [][]byte
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range zr.File {
			if !templated.MatchString(f.Name) {
				continue
			}
			x, err := readEntry(f)
			if err != nil {
				tb.Fatal(err)
			}
			s := string(x)
			// The children of the root element.
			i := strings.Index(s, "?>")
			i = strings.IndexByte(s[i+2:], '>') + i + 3
			j := strings.LastIndex(s, "</")
			inner := s[i:j]
			if f.Name == "word/document.xml" {
				inner = strings.TrimSuffix(strings.TrimPrefix(inner, "<w:body>"), "</w:body>")
			}
			out = append(out, []byte(inner))
		}
	}
	return out
}

// fuzzData is every fixture's data merged, plus values of every kind.
func fuzzData(tb testing.TB) map[string]any {
	tb.Helper()
	data := map[string]any{
		"a": "giá trị <&> {{.b}}", "b": 38459, "c": 568.1, "d": []any{"x", 2, nil}, "e": nil,
		"f": true, "g": map[string]any{"h": "\n\t\x01"}, "ds": []int{1, 22, 333},
	}
	files, _ := filepath.Glob("../testdata/render/*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			tb.Fatal(err)
		}
		for k, v := range m {
			data[k] = v
		}
	}
	return data
}

var fuzzFuncs = FuncMap{
	"hoa":   strings.ToUpper,
	"fail":  func() (string, error) { return "", errors.New("thất bại") },
	"panic": func() string { panic("hoảng") },
}

// kindOf reports whether err wraps one of the package's kinds.
func hasKind(err error) bool {
	for _, k := range []error{ErrPackage, ErrXML, ErrUnclosed, ErrSplitParagraph, ErrUnbalanced, ErrSyntax,
		ErrUnknownFunction, ErrUnsupported, ErrMissingKey, ErrExec, ErrMethodCall, ErrLimit} {
		if errors.Is(err, k) {
			return true
		}
	}
	return false
}

// FuzzParse: any document body inside a valid package parses or fails with one of the
// error kinds, never panics; a parsed template executes or fails with a kind, writing
// nothing; and every successful output is a well-formed package.
func FuzzParse(f *testing.F) {
	for _, b := range fixtureBodies(f) {
		f.Add(b)
	}
	for _, s := range []string{
		p("{{.a}}"), p("{{range .ds}}") + p("{{.}}") + p("{{end}}"),
		tbl(tr(p("{{range .ds}}{{.}}"), p("{{end}}"))),
		p("{{if .f}}có{{else}}không{{end}}"), p("{{.a") + p("}}"), p("{{"), p("{{end}}"),
		`<w:p><w:r><w:t>{{.a</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>}}</w:t></w:r></w:p>`,
		p("{{with .g}}{{.h}}{{end}}"), p("{{fail}}"), p("{{panic}}"), p("{{template \"x\"}}"),
		`<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>{{if .e}}</w:t></w:r></w:p>` + p("x") + p("{{end}}"),
	} {
		f.Add([]byte(s))
	}
	data := fuzzData(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		pkg := fuzzPackage(body)
		for _, zero := range []bool{true, false} {
			tpl, err := New("fuzz").Funcs(fuzzFuncs).MissingKey(zero).Limits(fuzzLimits).Parse(pkg)
			if err != nil {
				if !hasKind(err) {
					t.Fatalf("parse error of no kind: %v", err)
				}
				return
			}
			var out recorder
			if err := tpl.Execute(&out, data); err != nil {
				if !hasKind(err) {
					t.Fatalf("execute error of no kind: %v", err)
				}
				if out.calls != 0 {
					t.Fatalf("a failed execution wrote %d times", out.calls)
				}
				continue
			}
			if err := rendertest.WellFormed(out.Bytes()); err != nil {
				t.Fatalf("output not well formed: %v\nbody: %q", err, body)
			}
		}
	})
}

// fuzzLimits keep each execution small: with the default budgets a fuzzed
// {{range 1000000}} runs two million steps, and the fuzzer makes a few dozen executions a
// minute instead of thousands. The bounds themselves are tested in hostile_exec_test.go.
var fuzzLimits = Limits{MaxSteps: 20_000, MaxOutput: 4 << 20, MaxTags: 5_000}

// recorder is a writer that counts its calls.
type recorder struct {
	bytes.Buffer
	calls int
}

func (r *recorder) Write(b []byte) (int, error) {
	r.calls++
	return r.Buffer.Write(b)
}

// splitRun is one run of a paragraph cut by FuzzSplitTags: text is escaped, and kept
// with its spaces.
func splitRun(text string, bold bool) string {
	var b strings.Builder
	b.WriteString("<w:r>")
	if bold {
		b.WriteString("<w:rPr><w:b/></w:rPr>")
	}
	b.WriteString(`<w:t xml:space="preserve">`)
	xml.EscapeText(&b, []byte(text))
	b.WriteString("</w:t></w:r>")
	return b.String()
}

// FuzzSplitTags: a paragraph cut into runs anywhere (some bold, as Word does when the
// formatting changes in the middle of a tag) renders to the same text as the paragraph
// in one run, or fails with the same kinds of error.
func FuzzSplitTags(f *testing.F) {
	for _, s := range []string{
		"Huyện {{.ten}} có {{.so_ho}} hộ", "{{range .ds}}{{.}}, {{end}}", "{{if .f}}có{{else}}không{{end}}",
		"{{printf “%s-%s” .ten .nam}}", `{{"}}"}}`, "{{{.nam}}}", "{{/* ghi chú */}}", "{{.a", "{{end}}",
		"{{range $i, $p := .ds}}{{$i}}. {{$p}} {{end}}", "{{with .g}}{{.h}}{{end}}", "x {{- .ten -}} y",
		"{{.ten}}{{.ten}}{{.ten}}", "{{len .ds}} {{index .ds 1}}", "{{.khong_co}}",
	} {
		f.Add(s, []byte{3, 5, 9}, uint64(0b101))
	}
	f.Add("Xã {{.ten}}: {{len .ho}} hộ", []byte{4, 1, 3}, uint64(2))
	data := map[string]any{"ten": "Tây Sơn", "so_ho": 38459, "nam": "2023", "ds": []int{1, 22, 333},
		"f": false, "g": map[string]any{"h": "<&>"}, "a": "a", "ho": []int{1}}
	f.Fuzz(func(t *testing.T, text string, cuts []byte, boldBits uint64) {
		if !utf8.ValidString(text) || len(text) > 2000 {
			return
		}
		// Cut at rune boundaries: each byte of cuts is a step forward.
		var runs []string
		pos := 0
		for i, c := range cuts {
			if i >= 60 {
				break
			}
			next := pos + int(c)%8
			for next < len(text) && !utf8.RuneStart(text[next]) {
				next++
			}
			if next > len(text) {
				next = len(text)
			}
			runs = append(runs, splitRun(text[pos:next], boldBits>>(i%64)&1 == 1))
			pos = next
		}
		runs = append(runs, splitRun(text[pos:], boldBits>>63&1 == 1))
		whole := "<w:p>" + splitRun(text, false) + "</w:p>"
		split := "<w:p>" + strings.Join(runs, "") + "</w:p>"

		wantText, wantErr := fuzzRender(t, whole, data)
		gotText, gotErr := fuzzRender(t, split, data)
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && errorKinds(wantErr) != errorKinds(gotErr) {
			t.Fatalf("text %q\nwhole: %v\nsplit: %v\n%s", text, wantErr, gotErr, split)
		}
		if gotText != wantText {
			t.Fatalf("text %q\nwhole renders %q\nsplit renders %q\n%s", text, wantText, gotText, split)
		}
	})
}

func fuzzRender(t *testing.T, body string, data any) (string, error) {
	tpl, err := New("fuzz").MissingKey(true).Parse(fuzzPackage([]byte(body)))
	if err != nil {
		if !hasKind(err) {
			t.Fatalf("parse error of no kind: %v", err)
		}
		return "", err
	}
	var out bytes.Buffer
	if err := tpl.Execute(&out, data); err != nil {
		if !hasKind(err) {
			t.Fatalf("execute error of no kind: %v", err)
		}
		return "", err
	}
	if err := rendertest.WellFormed(out.Bytes()); err != nil {
		t.Fatalf("output not well formed: %v\nbody: %s", err, body)
	}
	text, err := rendertest.Text(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return text, nil
}

// errorKinds lists the kinds an error wraps, for comparing two errors.
func errorKinds(err error) string {
	var b strings.Builder
	var es Errors
	if errors.As(err, &es) {
		for _, e := range es {
			b.WriteString(e.Kind.Error())
			b.WriteString(";")
		}
		return b.String()
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind.Error()
	}
	return err.Error()
}
