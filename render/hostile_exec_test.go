package render

// Hostile templates, round two: templates built to run without end, to allocate without
// bound, or to reach code outside the functions' bounds. Each ends, with the default
// Limits, in a typed error at its tag, in bounded memory. Times are logged, not
// asserted: a hang guard fails the test only after a generous deadline.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/color"
	"runtime"
	"strings"
	"testing"
	"text/template"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

// maxAlloc is what a hostile case may allocate in all (runtime.MemStats.TotalAlloc).
const maxAlloc = 256 << 20

// hangGuard fails a case that has not ended after this long: far beyond what any case
// takes even under -race on a loaded machine, it only catches a case that never ends.
const hangGuard = 2 * time.Minute

// measure runs f, fails if it allocates more than maxAlloc bytes or does not end
// within hangGuard, and logs its time and allocation.
func measure(t *testing.T, f func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(hangGuard):
		t.Fatalf("no end after %v", hangGuard)
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%v, %d MB allocated", elapsed.Round(time.Millisecond), alloc>>20)
	if alloc > maxAlloc {
		t.Errorf("allocated %d MB, more than %d MB", alloc>>20, maxAlloc>>20)
	}
}

// wantError checks err's kind, name and paragraph.
func wantError(t *testing.T, err error, kind error, name string, paragraph int) *Error {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("err = %.300v, want %v", err, kind)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v: no *Error", err)
	}
	if e.Name != name || e.Paragraph != paragraph {
		t.Errorf("Name %q, paragraph %d; want %q, %d (%v)", e.Name, e.Paragraph, name, paragraph, e)
	}
	return e
}

func TestHostileExecBudgets(t *testing.T) {
	pic := testPNG(t, 4, 4, color.Gray{128})
	cases := []struct {
		name, body string
		limit      string // Error.Name
		paragraph  int
		data       any
		limits     Limits // zero: the defaults
	}{
		{"range in range of a billion", p("a") + p("{{range 1000000000}}{{range 1000000000}}{{end}}{{end}}"), "MaxSteps", 2, nil, Limits{}},
		{"range of 300 million printing text", p("{{range 300000000}}xxxxxxxxxx{{end}}"), "MaxSteps", 1, nil, Limits{}},
		{"range of 300 million with a picture", p("{{image .pic 2}}") + p("{{range 300000000}}xxxxxxxxxx{{end}}"), "MaxSteps", 2, map[string]any{"pic": pic}, Limits{}},
		{"paragraph loop of a billion", p("{{range 1000000000}}") + p("dòng {{.}}") + p("{{end}}"), "MaxSteps", 2, nil, Limits{}},
		// A smaller MaxOutput than the default, to keep the test's memory low under -race.
		{"a long value printed many times", p("{{range 100000}}{{$.v}}{{end}}"), "MaxOutput", 1, map[string]any{"v": strings.Repeat("x", 10000)}, Limits{MaxOutput: 16 << 20}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := Must(New("t").Limits(c.limits).Parse(docx(t, c.body)))
			measure(t, func() {
				var out bytes.Buffer
				err := tpl.Execute(&out, c.data)
				wantError(t, err, ErrLimit, c.limit, c.paragraph)
				if out.Len() != 0 {
					t.Errorf("%d bytes written", out.Len())
				}
			})
		})
	}
}

// Steps are counted through the writes text/template makes, markers included: an
// empty loop body still costs a step per turn.
func TestStepsCounted(t *testing.T) {
	tpl := Must(New("t").Limits(Limits{MaxSteps: 1000}).Parse(docx(t, p("{{range 999}}{{end}}"))))
	if err := tpl.Execute(&bytes.Buffer{}, nil); !errors.Is(err, ErrLimit) {
		t.Errorf("999 empty turns and the text around them under 1.000 steps: err = %v", err)
	}
	tpl = Must(New("t").Limits(Limits{MaxSteps: 1000}).Parse(docx(t, p("{{range 900}}{{end}}"))))
	if err := tpl.Execute(&bytes.Buffer{}, nil); err != nil {
		t.Errorf("900 turns: %v", err)
	}
}

func TestExecuteContext(t *testing.T) {
	tpl := Must(New("t").Parse(docx(t, p("{{range 1000000000}}{{range 1000000000}}{{end}}{{end}}"))))
	t.Run("canceled before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := tpl.ExecuteContext(ctx, &bytes.Buffer{}, nil)
		if !errors.Is(err, ErrLimit) || !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("deadline during", func(t *testing.T) {
		tpl := Must(New("t").Limits(Limits{MaxSteps: 1 << 62}).Parse(docx(t, p("{{range 1000000000}}{{range 1000000000}}{{end}}{{end}}"))))
		measure(t, func() {
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			err := tpl.ExecuteContext(ctx, &bytes.Buffer{}, nil)
			e := wantError(t, err, ErrLimit, "context", 1)
			if !errors.Is(err, context.DeadlineExceeded) || e.Tag != "{{range 1000000000}}" {
				t.Errorf("err = %v", err)
			}
		})
	})
}

// Methods of data values with arguments run outside every bound the template's
// functions keep: Parse refuses them, at their tags, all at once.
func TestHostileMethodCalls(t *testing.T) {
	d := decimal.RequireFromString("12.5")
	data := map[string]any{"x": map[string]any{"so_ho": d, "ty_le": d}}
	body := p("{{.x.ty_le.Round 10000000}}") + // 1
		p("a {{.x.so_ho.Shift 200000000}} b") + // 2
		p("{{.x.so_ho.PowInt32 100000000}}") + // 3
		p("{{100000000 | .x.so_ho.Shift}}") + // 4
		p("{{with $v := .x.so_ho}}{{$v.Shift 5}}{{end}}") + // 5
		p("{{(.x.so_ho).Shift 5}}") + // 6
		p("{{.x.so_ho.IsZero}} {{.x.so_ho.String}}") // 7: no arguments: allowed
	var err error
	measure(t, func() { _, err = New("t").Parse(docx(t, body)) })
	var es Errors
	if !errors.As(err, &es) || len(es) != 6 {
		t.Fatalf("err = %v, want 6 errors", err)
	}
	want := []struct {
		name string
		para int
	}{{"Round", 1}, {"Shift", 2}, {"PowInt32", 3}, {"Shift", 4}, {"Shift", 5}, {"Shift", 6}}
	for i, w := range want {
		if !errors.Is(es[i], ErrMethodCall) || es[i].Name != w.name || es[i].Paragraph != w.para {
			t.Errorf("error %d = %v (Name %q), want ErrMethodCall %s at paragraph %d", i, es[i], es[i].Name, w.name, w.para)
		}
	}
	if got := es[1].Error(); got != `word/document.xml, paragraph 2 "a {{.x.so_ho.Shift 200000000}} b": {{.x.so_ho.Shift 200000000}}: method call with arguments: the method Shift of a data value is called with arguments: tags may call a data value's methods only without arguments (or see AllowMethods)` {
		t.Errorf("message: %s", got)
	}
	// Allowed by name, and methods without arguments.
	tpl := Must(New("t").AllowMethods("Round").Parse(docx(t, p("{{.x.ty_le.Round 0}}|{{.x.so_ho.IsZero}}"))))
	text, _ := executeText(t, tpl, data)
	if text != "13|false\n" {
		t.Errorf("got %q", text)
	}
}

func executeText(t *testing.T, tpl *Template, data any) (string, []byte) {
	t.Helper()
	var out bytes.Buffer
	if err := tpl.Execute(&out, data); err != nil {
		t.Fatal(err)
	}
	text, err := rendertest.Text(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return text, out.Bytes()
}

// 1,6 million tags in a package of about 180 KiB are refused at the first tag over
// Limits.MaxTags, before any is compiled.
func TestHostileManyTags(t *testing.T) {
	pkg := docx(t, p("mở đầu")+p(strings.Repeat("{{.a}}", 1_600_000)))
	t.Logf("package of %d KiB", len(pkg)>>10)
	measure(t, func() {
		_, err := New("t").Parse(pkg)
		e := wantError(t, err, ErrLimit, "MaxTags", 2)
		if e.Tag != "{{.a}}" {
			t.Errorf("tag %q", e.Tag)
		}
	})
	// Under the limit, the same kind of template parses.
	if _, err := New("t").Limits(Limits{MaxTags: 100}).Parse(docx(t, p(strings.Repeat("{{.a}}", 100)))); err != nil {
		t.Error(err)
	}
	if _, err := New("t").Limits(Limits{MaxTags: 100}).Parse(docx(t, p(strings.Repeat("{{.a}}", 50))+p(strings.Repeat("{{.a}}", 51)))); !errors.Is(err, ErrLimit) {
		t.Errorf("101 tags in two paragraphs: %v", err)
	}
}

// A paragraph whose only text is control tags goes, unless it holds more than text:
// then it stays, without its tags, outside the block.
func TestControlParagraphKeepsContent(t *testing.T) {
	const (
		bookmark = `<w:bookmarkStart w:id="7" w:name="muc_1"/><w:bookmarkEnd w:id="7"/>`
		noteRef  = `<w:r><w:footnoteReference w:id="1"/></w:r>`
		drawing  = `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/></w:drawing></w:r>`
		field    = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	)
	data := map[string]any{"ds": []string{"một", "hai"}}
	for name, keep := range map[string]string{"bookmark": bookmark, "footnote reference": noteRef, "drawing": drawing, "field": field} {
		t.Run(name, func(t *testing.T) {
			body := `<w:p><w:r><w:t>{{range .ds}}</w:t></w:r>` + keep + `</w:p>` + p("{{.}}") + `<w:p>` + keep + `<w:r><w:t>{{end}}</w:t></w:r></w:p>`
			text, pkg := render(t, body, data)
			doc := part(t, pkg, "word/document.xml")
			if text != "\nmột\nhai\n\n" { // each kept paragraph is an empty line
				t.Errorf("text %q", text)
			}
			if n := strings.Count(doc, keep); n != 2 {
				t.Errorf("the content is there %d times, want 2 (once per control paragraph):\n%s", n, doc)
			}
			if strings.Contains(doc, "{{") {
				t.Errorf("a tag is left: %s", doc)
			}
		})
	}
	// Without other content the paragraphs go, as before.
	text, _ := render(t, p("{{range .ds}}")+p("{{.}}")+p("{{end}}"), data)
	if text != "một\nhai\n" {
		t.Errorf("text %q", text)
	}
}

// Tags typed in decomposed Unicode (NFD) read as the same words as the data's keys and
// strings, which are in NFC.
func TestTagsNormalisedNFC(t *testing.T) {
	tag := norm.NFD.String(`{{.tên}} {{if eq .cấp "huyện"}}`) + "đúng{{end}}"
	if tag == norm.NFC.String(tag) {
		t.Fatal("the test tag is not decomposed")
	}
	text, _ := render(t, p(tag), map[string]any{"tên": "Tây Sơn", "cấp": "huyện"})
	if text != "Tây Sơn đúng\n" {
		t.Errorf("got %q", text)
	}
}

type marshalOnly struct{ err error }

func (m marshalOnly) MarshalText() ([]byte, error) {
	if m.err != nil {
		return nil, m.err
	}
	return []byte("4,82%"), nil
}

func (m marshalOnly) String() string { return "String" }

// DefaultPrinter prefers MarshalText to String, and MarshalText's error fails the tag.
func TestPrinterTextMarshaler(t *testing.T) {
	text, _ := render(t, p("[{{.r}}]"), map[string]any{"r": marshalOnly{}})
	if text != "[4,82%]\n" {
		t.Errorf("got %q", text)
	}
	tpl := Must(New("t").Parse(docx(t, p("a")+p("tỷ lệ {{.r}}"))))
	err := tpl.Execute(&bytes.Buffer{}, map[string]any{"r": marshalOnly{errors.New("không tính được: cơ sở bằng 0")}})
	wantError(t, err, ErrExec, "", 2)
	if !strings.Contains(err.Error(), "không tính được") {
		t.Errorf("err = %v", err)
	}
}

// Configuring a parsed template is a programming error: it panics rather than be lost.
func TestConfigureAfterParse(t *testing.T) {
	calls := map[string]func(*Template){
		"Funcs":        func(t *Template) { t.Funcs(FuncMap{"f": strings.ToUpper}) },
		"MissingKey":   func(t *Template) { t.MissingKey(true) },
		"Printer":      func(t *Template) { t.Printer(nil) },
		"Limits":       func(t *Template) { t.Limits(Limits{}) },
		"AllowMethods": func(t *Template) { t.AllowMethods("Round") },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			tpl := Must(New("t").Parse(docx(t, p("{{.a}}"))))
			defer func() {
				if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), name+" called on template") {
					t.Errorf("recovered %v", r)
				}
			}()
			call(tpl)
		})
	}
	if DefaultLimits() != (Limits{MaxParts: DefaultMaxParts, MaxPartSize: DefaultMaxPartSize, MaxTotalSize: DefaultMaxTotalSize,
		MaxTags: DefaultMaxTags, MaxSteps: DefaultMaxSteps, MaxOutput: DefaultMaxOutput}) {
		t.Errorf("DefaultLimits() = %+v", DefaultLimits())
	}
}

// Errors in tables say where: table, row and column.
func TestErrorLocationInTable(t *testing.T) {
	body := p("trước") + tbl(tr(p("a"), p("b")), tr(p("c"), p("d"), p("x {{.khong_co}}"))) + tbl(tr(p("{{so .y}}")))
	_, err := New("t").Parse(docx(t, body))
	e := wantError(t, err, ErrUnknownFunction, "so", 7)
	if e.Table != 2 || e.Row != 1 || e.Column != 1 {
		t.Errorf("location %+v", e.Location)
	}
	tpl := Must(New("t").Parse(docx(t, body[:len(body)-len(tbl(tr(p("{{so .y}}"))))])))
	err = tpl.Execute(&bytes.Buffer{}, map[string]any{})
	e = wantError(t, err, ErrMissingKey, "khong_co", 6)
	if e.Table != 1 || e.Row != 2 || e.Column != 3 || e.Path != ".khong_co" {
		t.Errorf("location %+v, path %q", e.Location, e.Path)
	}
	if got := e.Location.String(); got != `word/document.xml, paragraph 6 (table 1, row 2, column 3) "x {{.khong_co}}"` {
		t.Errorf("String() = %s", got)
	}
}

// The error kinds of Execute come from text/template's messages, as text/template has no
// other way to tell a missing key. Each message the engine reads is pinned here for the
// running Go release: a rewording fails this test instead of turning ErrMissingKey into
// ErrExec.
func TestExecMessagesPinned(t *testing.T) {
	type rec struct{ A *rec }
	cases := []struct {
		src  string
		data any
		key  string
	}{
		{"{{.a.b}}", map[string]any{"a": map[string]any{}}, "b"},
		{"{{.B}}", rec{}, "B"},
		{"{{.A.A}}", rec{}, "A"},
	}
	for _, c := range cases {
		tm := template.Must(template.New("x").Option("missingkey=error").Parse(c.src))
		err := tm.Execute(&bytes.Buffer{}, c.data)
		var ee template.ExecError
		if !errors.As(err, &ee) {
			t.Fatalf("%s: %v is not an ExecError", c.src, err)
		}
		m := execErrorText.FindStringSubmatch(ee.Err.Error())
		if m == nil || !isMissingKey(m[5]) {
			t.Errorf("%s: %q is not read as a missing key", c.src, err)
			continue
		}
		k := missingKeyName.FindStringSubmatch(m[5])
		if k == nil || k[1]+k[2]+k[3] != c.key {
			t.Errorf("%s: key not found in %q", c.src, m[5])
		}
	}
	// The one parse message read: an undefined variable.
	_, err := template.New("x").Parse("{{$khong}}")
	if m := undefinedVar.FindStringSubmatch(fmt.Sprint(err)); m == nil || m[1] != "$khong" {
		t.Errorf("undefined variable: %v", err)
	}
}

// builtins lists text/template's predefined functions: each must be one.
func TestBuiltinsPinned(t *testing.T) {
	for name := range builtins {
		if _, err := template.New("x").Parse("{{" + name + "}}"); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := template.New("x").Parse("{{khong_co}}"); err == nil {
		t.Error("an undefined function parses")
	}
}

// printf pads in memory before anything is written: its widths are bounded.
func TestHostilePrintfWidth(t *testing.T) {
	for _, tag := range []string{`{{printf "%0999999999d" 1}}`, `{{printf "%.999999999f" 1.5}}`, `{{printf "%*d" 999999999 1}}`, `{{printf "a %d %*d" 5 999999999 1}}`, `{{printf "%[2]*[1]d" 1 999999999}}`} {
		tpl := Must(New("t").Parse(docx(t, p(tag))))
		measure(t, func() {
			err := tpl.Execute(&bytes.Buffer{}, nil)
			if e := wantError(t, err, ErrExec, "", 1); !strings.Contains(e.Error(), "more than 1000") {
				t.Errorf("%s: %v", tag, e)
			}
		})
	}
	text, _ := render(t, p(`{{printf "năm 20240000: %05d|%-6s|%.2f|%*d|%d%%" 7 "ab" 1.234 4 9 100}}`), nil)
	if text != "năm 20240000: 00007|ab    |1.23|   9|100%\n" {
		t.Errorf("got %q", text)
	}
}

// Error.Name carries what a message in another language needs.
func TestErrorNames(t *testing.T) {
	_, err := New("t").Parse(docx(t, p("{{template \"x\"}}")+p("{{khong_co .a}}")+p("{{$y}}")))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, fmt.Sprintf("%d %v %s", e.Paragraph, e.Kind, e.Name))
	}
	want := []string{"1 unsupported action template", "2 unknown function khong_co"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err = New("t").Parse(docx(t, p("a")+p("{{$y}}")))
	wantError(t, err, ErrSyntax, "$y", 2)
}
