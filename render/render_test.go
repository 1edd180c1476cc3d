package render

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

func TestFill(t *testing.T) {
	data := map[string]any{"ten": "Tây Sơn", "so_ho": 38459, "kinh_phi": 568.1, "nam": "2023"}
	cases := []struct {
		name, body, want string
	}{
		{"one run", p("Huyện {{.ten}} có {{.so_ho}} hộ"), "Huyện Tây Sơn có 38.459 hộ"},
		{"split braces", p("Huyện {", "{.ten}", "} năm {{.nam}", "}"), "Huyện Tây Sơn năm 2023"},
		{"split with bold", p("có {{.so_"+"", "") + "", "có 38.459 hộ"},
		{"float", p("{{.kinh_phi}} triệu đồng"), "568,1 triệu đồng"},
		{"proofErr and bookmark", `<w:p><w:r><w:t>{{.t</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="x"/><w:r><w:t>en}}</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>`, "Tây Sơn"},
		{"smart quotes", p(`{{printf “%s-%s” .ten .nam}}`), "Tây Sơn-2023"},
		{"string with braces", p(`{{"}}"}}`), "}}"},
		{"literal brace before tag", p(`{`, `{{.nam}}}`), "{2023}"},
	}
	cases[2].body = `<w:p>` + run("có {{.so_") + bold("ho}}") + run(" hộ") + `</w:p>`
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := render(t, c.body, data)
			if strings.TrimSpace(got) != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestSplitTagTakesFirstRunFormatting(t *testing.T) {
	body := `<w:p>` + bold("{{.a") + run("}} rồi") + `</w:p>`
	_, pkg := render(t, body, map[string]any{"a": "X"})
	doc := part(t, pkg, "word/document.xml")
	if !strings.Contains(doc, `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">X</w:t></w:r>`) {
		t.Errorf("value not in the bold first run: %s", doc)
	}
	if !strings.Contains(doc, `<w:t xml:space="preserve"> rồi</w:t>`) {
		t.Errorf("text after the tag lost: %s", doc)
	}
	// A run emptied by the join is removed.
	body = `<w:p>` + run("{{.a") + bold("b") + run("}}") + `</w:p>`
	_, pkg = render(t, body, map[string]any{"ab": "Y"})
	if doc := part(t, pkg, "word/document.xml"); strings.Contains(doc, "<w:b/>") {
		t.Errorf("emptied bold run left behind: %s", doc)
	}
}

func TestEscaping(t *testing.T) {
	data := map[string]any{"v": "Nước sạch & Vệ sinh <giai đoạn 2> \"NS&VS\"\nDòng hai\tcột\x01\x0b end"}
	got, pkg := render(t, p("{{.v}}"), data)
	want := "Nước sạch & Vệ sinh <giai đoạn 2> \"NS&VS\"\nDòng hai\tcột end"
	if strings.TrimSpace(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	doc := part(t, pkg, "word/document.xml")
	if !strings.Contains(doc, "<w:br/>") || !strings.Contains(doc, "<w:tab/>") {
		t.Errorf("newline or tab not turned into w:br / w:tab: %s", doc)
	}
	// A value that looks like a tag is printed, not executed.
	got, _ = render(t, p("{{.v}}"), map[string]any{"v": "{{.x}}"})
	if strings.TrimSpace(got) != "{{.x}}" {
		t.Errorf("got %q", got)
	}
	// Invalid UTF-8 becomes U+FFFD.
	got, _ = render(t, p("{{.v}}"), map[string]any{"v": "a\xffb"})
	if strings.TrimSpace(got) != "a\uFFFDb" {
		t.Errorf("got %q", got)
	}
}

func TestParagraphLoopAndConditions(t *testing.T) {
	data := map[string]any{
		"ds":   []map[string]any{{"ten": "A", "so": 1}, {"ten": "B", "so": 1234}},
		"rong": []string{},
		"co":   true,
	}
	body := p("Trước") + p("{{range .ds}}") + p("- {{.ten}}: {{.so}}") + p("{{end}}") +
		p("{{range .rong}}") + p("không in") + p("{{end}}") +
		p("{{if .co}}") + p("Có") + p("{{else}}") + p("Không") + p("{{end}}") +
		p("Inline: {{if .co}}đúng{{else}}sai{{end}}.") + p("Sau")
	got, _ := render(t, body, data)
	want := "Trước\n- A: 1\n- B: 1.234\nCó\nInline: đúng.\nSau\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func tbl(rows ...string) string {
	return "<w:tbl>" + strings.Join(rows, "") + "</w:tbl>"
}

func tr(cells ...string) string {
	var b strings.Builder
	b.WriteString("<w:tr>")
	for _, c := range cells {
		b.WriteString("<w:tc>" + c + "</w:tc>")
	}
	b.WriteString("</w:tr>")
	return b.String()
}

func TestRowLoop(t *testing.T) {
	data := map[string]any{
		"rows": []map[string]any{{"ten": "Hộ nghèo", "so": 174}, {"ten": "Cận nghèo", "so": 442}},
		"nhom": []map[string]any{
			{"ten": "N1", "rows": []map[string]any{{"x": "a"}, {"x": "b"}}},
			{"ten": "N2", "rows": []map[string]any{}},
		},
	}
	body := tbl(tr(p("Tên"), p("Số")), tr(p("{{range .rows}}{{.ten}}"), p("{{.so}}{{end}}"))) + p("Hết")
	got, _ := render(t, body, data)
	want := "Tên\tSố\nHộ nghèo\t174\nCận nghèo\t442\nHết\n"
	if got != want {
		t.Errorf("row loop: got %q, want %q", got, want)
	}
	// A row loop inside a paragraph loop; an empty list leaves only the header.
	body = p("{{range .nhom}}") + p("{{.ten}}") + tbl(tr(p("X")), tr(p("{{range .rows}}{{.x}}"), p("{{end}}"))) + p("{{end}}")
	got, _ = render(t, body, data)
	want = "N1\nX\na\t\nb\t\nN2\nX\n"
	if got != want {
		t.Errorf("nested: got %q, want %q", got, want)
	}
	// A paragraph loop inside a table cell.
	body = tbl(tr(p("{{range .rows}}")+p("{{.ten}}")+p("{{end}}"), p("bên")))
	got, _ = render(t, body, data)
	want = "Hộ nghèo\nCận nghèo\tbên\n"
	if got != want {
		t.Errorf("loop in cell: got %q, want %q", got, want)
	}
}

func TestHeadersFootersFootnotes(t *testing.T) {
	hdr := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wordNS + `>` + p("Đầu {{.a}}") + `</w:hdr>`
	fn := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ` + wordNS + `><w:footnote w:id="1">` + p("Chú {{.b}}") + `</w:footnote></w:footnotes>`
	pkg := docx(t, p("x"), "word/header1.xml", hdr, "word/footnotes.xml", fn)
	tpl, err := New("t").Parse(pkg)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := tpl.Execute(&out, map[string]any{"a": "A&B", "b": 5}); err != nil {
		t.Fatal(err)
	}
	if h := part(t, out.Bytes(), "word/header1.xml"); !strings.Contains(h, "Đầu A&amp;B") {
		t.Errorf("header: %s", h)
	}
	if f := part(t, out.Bytes(), "word/footnotes.xml"); !strings.Contains(f, "Chú 5") {
		t.Errorf("footnotes: %s", f)
	}
}

func TestUntouchedPartsCopiedRaw(t *testing.T) {
	styles := `<?xml version="1.0"?><w:styles ` + wordNS + `><!-- {{not a tag}} --></w:styles>`
	pkg := docx(t, p("{{.a}}"), "word/styles.xml", styles)
	tpl := Must(New("t").Parse(pkg))
	var out bytes.Buffer
	if err := tpl.Execute(&out, map[string]any{"a": 1}); err != nil {
		t.Fatal(err)
	}
	if got := part(t, out.Bytes(), "word/styles.xml"); got != styles {
		t.Errorf("styles changed: %s", got)
	}
	if got := part(t, out.Bytes(), "word/_rels/document.xml.rels"); got != part(t, pkg, "word/_rels/document.xml.rels") {
		t.Errorf("rels changed")
	}
}

func TestDeterministicAndConcurrent(t *testing.T) {
	body := p("{{range .ds}}") + p("{{.}}") + p("{{end}}") + tbl(tr(p("{{range .ds}}{{.}}"), p("{{end}}")))
	tpl := Must(New("t").Parse(docx(t, body)))
	data := map[string]any{"ds": []int{1, 22, 333, 4444}}
	var first bytes.Buffer
	if err := tpl.Execute(&first, data); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				var b bytes.Buffer
				if err := tpl.Execute(&b, data); err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(b.Bytes(), first.Bytes()) {
					errs <- errors.New("output differs between executions")
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func TestMissingKey(t *testing.T) {
	body := p("Đoạn một") + p("Toàn huyện có {{.giam_ngheo.ho_ngheo}} hộ nghèo")
	tpl := Must(New("t").Parse(docx(t, body)))
	var out bytes.Buffer
	err := tpl.Execute(&out, map[string]any{"giam_ngheo": map[string]any{}})
	if !errors.Is(err, ErrMissingKey) {
		t.Fatalf("err = %v, want ErrMissingKey", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Part != "word/document.xml" || e.Paragraph != 2 || e.Tag != "{{.giam_ngheo.ho_ngheo}}" {
		t.Fatalf("location: %+v", e)
	}
	want := `word/document.xml, paragraph 2 "Toàn huyện có {{.giam_ngheo.ho_ngheo}} hộ nghèo": {{.giam_ngheo.ho_ngheo}}: missing key: map has no entry for key "ho_ngheo"`
	if err.Error() != want {
		t.Errorf("message\n got %s\nwant %s", err, want)
	}
	if out.Len() != 0 {
		t.Errorf("a failed render wrote %d bytes", out.Len())
	}
	// With MissingKey(true) a missing key prints nothing, however deep.
	body = p("A{{.a.b.c}}B{{.x}}C{{if .a.b}}D{{end}}{{range .a.ds}}E{{end}}{{len .s}}{{.m.Name}}")
	tpl = Must(New("t").MissingKey(true).Parse(docx(t, body)))
	out.Reset()
	type named struct{ Name string }
	if err := tpl.Execute(&out, map[string]any{"s": "xyz", "m": &named{"N"}}); err != nil {
		t.Fatal(err)
	}
	if text, _ := rendertest.Text(out.Bytes()); text != "ABC3N\n" {
		t.Errorf("MissingKey(true): %q", text)
	}
}

func TestParseErrorsAllAtOnce(t *testing.T) {
	body := p("Một {{.a") +
		p("Hai {{khongco .b}}") +
		p("Ba {{.c )}}") +
		p("{{if .d}}") + p("bốn") +
		p("{{end}}") + p("{{end}}") +
		p("{{define \"x\"}}") +
		p("Năm {{.e") + p("tiếp}} sau") +
		p("{{range .f}}") + tbl(tr(p("{{end}}")))
	_, err := New("t").Parse(docx(t, body))
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want Errors", err)
	}
	type want struct {
		kind error
		para int
		text string
	}
	wants := []want{
		{ErrUnclosed, 1, "Một {{.a"},
		{ErrUnknownFunction, 2, "Hai {{khongco .b}}"},
		{ErrSyntax, 3, "Ba {{.c )}}"},
		{ErrUnbalanced, 7, "{{end}}"},
		{ErrUnsupported, 8, `{{define "x"}}`},
		{ErrSplitParagraph, 9, "Năm {{.e"},
		{ErrUnbalanced, 11, "{{range .f}}"},
	}
	if len(errs) != len(wants) {
		t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(wants), err)
	}
	for i, w := range wants {
		e := errs[i]
		if !errors.Is(e, w.kind) || e.Paragraph != w.para || e.Text != w.text || e.Part != "word/document.xml" {
			t.Errorf("error %d: got %v (para %d, text %q), want %v in paragraph %d %q", i, e, e.Paragraph, e.Text, w.kind, w.para, w.text)
		}
	}
	// Syntax errors and unknown functions come from checking each tag alone.
	body = p("Hai {{khongco .b}}") + p("Ba {{.c )}}") + p("Bốn {{if}}x{{end}}")
	_, err = New("t").Parse(docx(t, body))
	if !errors.As(err, &errs) || len(errs) != 3 {
		t.Fatalf("got %v", err)
	}
	if !errors.Is(errs[0], ErrUnknownFunction) || errs[0].Paragraph != 1 || !strings.Contains(errs[0].Error(), `function "khongco" not defined`) {
		t.Errorf("unknown function: %v", errs[0])
	}
	if !errors.Is(errs[1], ErrSyntax) || errs[1].Paragraph != 2 {
		t.Errorf("syntax: %v", errs[1])
	}
	if !errors.Is(errs[2], ErrSyntax) || errs[2].Paragraph != 3 || !strings.Contains(errs[2].Error(), "missing value for if") {
		t.Errorf("syntax: %v", errs[2])
	}
}

func TestBadPackages(t *testing.T) {
	cases := map[string][]byte{
		"not a zip": []byte("hello"),
		"empty":     nil,
	}
	for name, b := range cases {
		if _, err := New("t").Parse(b); !errors.Is(err, ErrPackage) {
			t.Errorf("%s: err = %v, want ErrPackage", name, err)
		}
	}
	bad := docx(t, `<w:p><w:r><w:t>{{.a}}</w:r></w:p>`)
	if _, err := New("t").Parse(bad); !errors.Is(err, ErrXML) || !strings.Contains(err.Error(), "word/document.xml") {
		t.Errorf("malformed XML: %v", err)
	}
}

func TestVariables(t *testing.T) {
	data := map[string]any{"ds": []string{"a", "b"}, "nam": "2023"}
	body := p("{{range $i, $p := .ds}}") + p("{{$i}}. {{$p}} {{$.nam}}") + p("{{end}}")
	got, _ := render(t, body, data)
	if got != "0. a 2023\n1. b 2023\n" {
		t.Errorf("got %q", got)
	}
	_, err := New("t").Parse(docx(t, p("x")+p("Dùng {{$khong}} ở đây")))
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrSyntax) || e.Paragraph != 2 || !strings.Contains(err.Error(), `undefined variable "$khong"`) {
		t.Errorf("undefined variable: %v", err)
	}
}

func TestUsesAndCheck(t *testing.T) {
	body := p("{{.a.b}} {{so .c}}") + p("{{range .ds}}") + p("{{.ten}} {{$.a.d}}") + p("{{end}}") +
		p("{{with .e}}{{.f}}{{end}}")
	tpl := Must(New("t").Funcs(FuncMap{"so": func(v any) string { return "" }}).Parse(docx(t, body)))
	var names []string
	for _, u := range tpl.Uses() {
		names = append(names, u.Kind.String()+":"+u.Name)
	}
	want := "field:.a.b function:so field:.c field:.ds field:.ds[].ten field:.a.d field:.e field:.e.f"
	if strings.Join(names, " ") != want {
		t.Errorf("uses:\n got %s\nwant %s", strings.Join(names, " "), want)
	}
	if u := tpl.Uses()[4]; len(u.Where) != 1 || u.Where[0].Paragraph != 3 {
		t.Errorf("where: %+v", u.Where)
	}
	data := map[string]any{"a": map[string]any{"b": 1}, "c": 2, "ds": []map[string]any{{"ten": "x"}, {}}, "e": map[string]any{"f": 1}}
	err := tpl.Check(data)
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 2 {
		t.Fatalf("check: %v", err)
	}
	if !strings.Contains(errs[0].Error(), `.ds[1] has no key "ten"`) || errs[0].Paragraph != 3 {
		t.Errorf("check 0: %v", errs[0])
	}
	if !strings.Contains(errs[1].Error(), `.a has no key "d"`) {
		t.Errorf("check 1: %v", errs[1])
	}
	data["a"].(map[string]any)["d"] = 1
	data["ds"] = []map[string]any{{"ten": "x"}}
	if err := tpl.Check(data); err != nil {
		t.Errorf("check on complete data: %v", err)
	}
}

func TestEmptyCellKeepsAParagraph(t *testing.T) {
	body := tbl(tr(p("{{range .ds}}")+p("{{.}}")+p("{{end}}"), p("bên")))
	_, pkg := render(t, body, map[string]any{"ds": []string{}})
	doc := part(t, pkg, "word/document.xml")
	if !strings.Contains(doc, "<w:tc><w:p/></w:tc>") {
		t.Errorf("empty cell without a paragraph: %s", doc)
	}
}

func TestExecuteFileKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/out.docx"
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	tpl := Must(New("t").Parse(docx(t, p("{{.a}}"))))
	if err := tpl.ExecuteFile(path, map[string]any{}); !errors.Is(err, ErrMissingKey) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("old file replaced by %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := tpl.ExecuteFile(path, map[string]any{"a": "mới"}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if text, err := rendertest.Text(b); err != nil || strings.TrimSpace(text) != "mới" {
		t.Errorf("new file: %q, %v", text, err)
	}
}

func TestEmptyTableRemoved(t *testing.T) {
	body := p("Trước") + tbl(tr(p("{{range .ds}}{{.}}"), p("{{end}}"))) + p("Sau")
	got, pkg := render(t, body, map[string]any{"ds": []string{}})
	if got != "Trước\nSau\n" {
		t.Errorf("got %q", got)
	}
	if doc := part(t, pkg, "word/document.xml"); strings.Contains(doc, "<w:tbl>") {
		t.Errorf("empty table left: %s", doc)
	}
	got, _ = render(t, body, map[string]any{"ds": []string{"a"}})
	if got != "Trước\na\t\nSau\n" {
		t.Errorf("got %q", got)
	}
}

func TestStructureAndTagErrorsTogether(t *testing.T) {
	_, err := New("t").Parse(docx(t, p("{{.a")+p("{{nope}}")+p("{{if .x}}")))
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 3 {
		t.Fatalf("got %v", err)
	}
	for i, kind := range []error{ErrUnclosed, ErrUnknownFunction, ErrUnbalanced} {
		if !errors.Is(errs[i], kind) || errs[i].Paragraph != i+1 {
			t.Errorf("error %d: %v", i, errs[i])
		}
	}
}

func TestPrinterError(t *testing.T) {
	tpl := Must(New("t").Printer(func(v any) (string, error) {
		if v == "x" {
			return "", errors.New("không in được")
		}
		return DefaultPrinter(v)
	}).Parse(docx(t, p("a {{.a}}")+p("b {{.b}}"))))
	var out bytes.Buffer
	err := tpl.Execute(&out, map[string]any{"a": 1, "b": "x"})
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrExec) || e.Paragraph != 2 || !strings.Contains(err.Error(), "không in được") {
		t.Errorf("err = %v", err)
	}
	// NaN has no Vietnamese spelling.
	err = tpl.Execute(&out, map[string]any{"a": math.NaN(), "b": 1})
	if !errors.As(err, &e) || e.Paragraph != 1 {
		t.Errorf("NaN: %v", err)
	}
}

func TestPrintingContainersIsAnError(t *testing.T) {
	tpl := Must(New("t").Parse(docx(t, p("{{.ds}}"))))
	err := tpl.Execute(io.Discard, map[string]any{"ds": []string{"a", "b"}})
	if !errors.Is(err, ErrExec) || !strings.Contains(err.Error(), "a slice ([]string) cannot be printed: print one of its fields, or range over it") {
		t.Errorf("err = %v", err)
	}
	// printf %T looks at no contents, so a value that contains itself is fine there.
	m := map[string]any{}
	m["self"] = m
	got, _ := render(t, p(`{{printf "%T" .self}}`), m)
	if got != "map[string]interface {}\n" {
		t.Errorf("got %q", got)
	}
}

func TestCarriageReturnInTextKept(t *testing.T) {
	_, pkg := render(t, `<w:p><w:r><w:t xml:space="preserve">0&#xD;{{.a}}</w:t></w:r></w:p>`, map[string]any{"a": 1})
	if doc := part(t, pkg, "word/document.xml"); !strings.Contains(doc, "0&#13;1") {
		t.Errorf("CR not kept as a character reference: %s", doc)
	}
}
