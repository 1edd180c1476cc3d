package render

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
)

// renderBoth renders pkg with data by Render and by Parse then Execute, and returns both
// outputs and errors.
func renderBoth(t *testing.T, pkg []byte, data any) (once, twice []byte, onceErr, twiceErr error) {
	t.Helper()
	var a, b bytes.Buffer
	onceErr = New("mau.docx").Render(context.Background(), &a, pkg, data)
	tpl, twiceErr := New("mau.docx").Parse(pkg)
	if twiceErr == nil {
		twiceErr = tpl.Execute(&b, data)
	}
	return a.Bytes(), b.Bytes(), onceErr, twiceErr
}

// Render gives the bytes Parse then Execute give: for the benchmark template, for a
// template that places a picture (executed after the read) and for one with a header.
func TestRenderSameAsParseExecute(t *testing.T) {
	bench, err := os.ReadFile("../testdata/bench/bench_baocao.docx")
	if err != nil {
		t.Fatal(err)
	}
	header := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wordNS + `>` + p("Tiêu đề {{.a}}") + `</w:hdr>`
	cases := []struct {
		name string
		pkg  []byte
		data any
	}{
		{"bench", bench, benchData(t, 20)},
		{"picture", docx(t, p(`{{image .img}}`)), map[string]any{"img": pkgPNG(t)}},
		{"header", docx(t, p("Xã {{.a}}"), "word/header1.xml", header), map[string]any{"a": "Tây Sơn"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			once, twice, err1, err2 := renderBoth(t, c.pkg, c.data)
			if err1 != nil || err2 != nil {
				t.Fatalf("Render: %v; Parse, Execute: %v", err1, err2)
			}
			if !bytes.Equal(once, twice) {
				t.Errorf("Render wrote %d bytes, Parse and Execute %d, not the same", len(once), len(twice))
			}
		})
	}
	if h := part(t, mustRender(t, docx(t, p("x"), "word/header1.xml", header)), "word/header1.xml"); !strings.Contains(h, "Tiêu đề Tây Sơn") {
		t.Errorf("header: %s", h)
	}
}

func mustRender(t *testing.T, pkg []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := New("mau.docx").Render(context.Background(), &b, pkg, map[string]any{"a": "Tây Sơn"}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Render fails as the two calls do, writes nothing, and reports the package's error
// before the execution's.
func TestRenderErrors(t *testing.T) {
	badStyles := entry{name: "word/styles.xml", data: []byte(`<w:styles ` + wordNS + `><w:style></w:styles>`)}
	cases := []struct {
		name string
		pkg  []byte
		data any
		kind error
	}{
		{"missing key", pkgWith(t, nil), map[string]any{}, ErrMissingKey},
		{"malformed styles", pkgWith(t, nil, badStyles), map[string]any{"a": "x"}, ErrXML},
		{"malformed styles and a missing key", pkgWith(t, nil, badStyles), map[string]any{}, ErrXML},
		{"unclosed tag", docx(t, p("{{.a")), map[string]any{"a": "x"}, ErrUnclosed},
		{"syntax error", docx(t, p("{{if}}x{{end}}")), map[string]any{"a": "x"}, ErrSyntax},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			once, _, err1, err2 := renderBoth(t, c.pkg, c.data)
			if !errors.Is(err1, c.kind) || err2 == nil || err1.Error() != err2.Error() {
				t.Fatalf("Render: %v; Parse, Execute: %v; want %v", err1, err2, c.kind)
			}
			if len(once) != 0 {
				t.Errorf("Render wrote %d bytes", len(once))
			}
		})
	}
}

// A template is rendered once: a second Render, or Render after Parse, is an error; the
// template Render parsed executes again.
func TestRenderParsesOnce(t *testing.T) {
	pkg := pkgWith(t, nil)
	tpl := New("mau.docx")
	var b bytes.Buffer
	data := map[string]any{"a": "Tây Sơn"}
	if err := tpl.Render(context.Background(), &b, pkg, data); err != nil {
		t.Fatal(err)
	}
	if err := tpl.Render(context.Background(), &b, pkg, data); err == nil || !strings.Contains(err.Error(), "already parsed") {
		t.Errorf("second Render: %v", err)
	}
	var again bytes.Buffer
	if err := tpl.Execute(&again, data); err != nil || !bytes.Equal(again.Bytes(), b.Bytes()) {
		t.Errorf("Execute after Render: %v, same bytes %v", err, bytes.Equal(again.Bytes(), b.Bytes()))
	}
}

// Render stops when the context ends, as ExecuteContext does.
func TestRenderContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	err := New("mau.docx").Render(ctx, &b, pkgWith(t, nil), map[string]any{"a": "x"})
	if !errors.Is(err, ErrLimit) || b.Len() != 0 {
		t.Errorf("err = %v, %d bytes written", err, b.Len())
	}
}

// The part a worker inflates ahead, before the parts are known, is checked as any other:
// a problem in it is found, and the error is still the first in the package's order,
// whatever the number of goroutines.
func TestPartReadAhead(t *testing.T) {
	big := `<w:styles ` + wordNS + `>` + strings.Repeat(`<w:style w:type="paragraph"><w:name w:val="x"/></w:style>`, 2000)
	cases := []struct {
		name    string
		extra   []entry
		part    string
		message string
	}{
		{"the largest part malformed", []entry{{name: "word/styles.xml", data: []byte(big)}}, "word/styles.xml", "never closed"},
		{"an earlier part malformed too", []entry{
			{name: "word/settings.xml", data: []byte(`<w:settings ` + wordNS + `><w:x></w:settings>`)},
			{name: "word/styles.xml", data: []byte(big)}}, "word/settings.xml", "does not match"},
		{"the largest part, a header, holds a bad tag", []entry{{name: "word/header1.xml", data: []byte(`<w:hdr ` + wordNS + `>` + strings.Repeat(p("x"), 500) + p("{{.a") + `</w:hdr>`)}}, "word/header1.xml", "unclosed"},
	}
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/%d", c.name, procs), func(t *testing.T) {
				_, err := New("mau.docx").Parse(pkgWith(t, nil, c.extra...))
				var e *Error
				if !errors.As(err, &e) || e.Part != c.part || !strings.Contains(err.Error(), c.message) {
					t.Errorf("err = %v, want %s: %s", err, c.part, c.message)
				}
			})
		}
		runtime.GOMAXPROCS(old)
	}
	// A good large part passes.
	if _, err := New("mau.docx").Parse(pkgWith(t, nil, entry{name: "word/styles.xml", data: []byte(big + `</w:styles>`)})); err != nil {
		t.Error(err)
	}
}

// A rendered part keeps the template entry's name and time, whether Render or Execute
// wrote it, and opens with archive/zip, which checks its size and checksum.
func TestRenderedEntryHeader(t *testing.T) {
	_, src := benchTemplate(t)
	tmpl, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	once, twice, err1, err2 := renderBoth(t, src, benchData(t, 20))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	for _, out := range [][]byte{once, twice} {
		zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
		if err != nil {
			t.Fatal(err)
		}
		for i, f := range zr.File {
			if f.Name != tmpl.File[i].Name || !f.Modified.Equal(tmpl.File[i].Modified) && f.Modified.Unix()/2 != tmpl.File[i].Modified.Unix()/2 {
				t.Errorf("entry %d: %s %v, template %s %v", i, f.Name, f.Modified, tmpl.File[i].Name, tmpl.File[i].Modified)
			}
			if _, err := readEntry(f); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
	}
}
