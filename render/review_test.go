package render

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

// review parses a package and executes it for review, checking the output is well
// formed.
func review(t *testing.T, pkg []byte, data any, r Review, configure ...func(*Template)) []byte {
	t.Helper()
	tpl := New("test")
	for _, c := range configure {
		c(tpl)
	}
	tpl, err := tpl.Parse(pkg)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var out bytes.Buffer
	if err := tpl.ExecuteReview(context.Background(), &out, data, r); err != nil {
		t.Fatalf("execute: %v", err)
	}
	if err := rendertest.WellFormed(out.Bytes()); err != nil {
		t.Fatalf("output not well formed: %v", err)
	}
	return out.Bytes()
}

// anchoredRun matches a comment anchored on one run whose text is the value printed.
func anchoredRun(id, text string) *regexp.Regexp {
	return regexp.MustCompile(`<w:commentRangeStart w:id="` + id + `"/><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t xml:space="preserve">` +
		regexp.QuoteMeta(text) + `</w:t></w:r><w:commentRangeEnd w:id="` + id + `"/><w:r><w:commentReference w:id="` + id + `"/></w:r>`)
}

var rowRE = regexp.MustCompile(`(?s)<w:tr>.*?</w:tr>`)

func TestReviewRowLoopItem(t *testing.T) {
	body := `<w:tbl><w:tr><w:tc>` + p("{{range .items}}{{.ten}}") + `</w:tc><w:tc><w:p>` + bold("{{.so}}{{end}}") + `</w:p></w:tc></w:tr></w:tbl>` + p("Tổng {{.tong}}")
	items := []any{
		map[string]any{"ten": "A", "so": 10},
		map[string]any{"ten": "B", "so": 20},
		map[string]any{"ten": "C", "so": 30},
	}
	data := map[string]any{"items": items, "tong": 60}
	for _, lenient := range []bool{false, true} {
		out := review(t, docx(t, body), data, Review{Notes: []Note{{Figures: []Figure{{"items[1].so"}}, Text: "Số của B"}}},
			func(tp *Template) { tp.MissingKey(lenient) })
		doc := part(t, out, "word/document.xml")
		rows := rowRE.FindAllString(doc, -1)
		if len(rows) != 3 {
			t.Fatalf("lenient %v: %d rows", lenient, len(rows))
		}
		for i, r := range rows {
			if has := strings.Contains(r, "commentRangeStart"); has != (i == 1) {
				t.Errorf("lenient %v: row %d has a comment: %v\n%s", lenient, i+1, has, r)
			}
		}
		if !anchoredRun("0", "20").MatchString(rows[1]) {
			t.Errorf("lenient %v: the comment is not on the run printing 20:\n%s", lenient, rows[1])
		}
		// The run keeps its formatting.
		if !strings.Contains(rows[1], `<w:commentRangeStart w:id="0"/><w:r><w:rPr><w:b/></w:rPr>`) {
			t.Errorf("lenient %v: the anchored run lost its bold:\n%s", lenient, rows[1])
		}
		if c := part(t, out, "word/comments.xml"); !strings.Contains(c, `w:id="0" w:author="baocao" w:initials="baocao"`) || !strings.Contains(c, "Số của B") {
			t.Errorf("comments.xml:\n%s", c)
		}
	}
}

func TestReviewMapRangeAndParagraphLoop(t *testing.T) {
	body := p("{{range $k, $v := .nhom}}") + p("{{$k}}: {{$v.so}}") + p("{{end}}")
	data := map[string]any{"nhom": map[string]any{"a": map[string]any{"so": 1}, "b": map[string]any{"so": 2}}}
	// The map's element is named by its key, as a tag would name it: .nhom.b.so.
	out := review(t, docx(t, body), data, Review{Notes: []Note{{Figures: []Figure{{".nhom.b.so"}}, Text: "b"}}})
	doc := part(t, out, "word/document.xml")
	if !anchoredRun("0", "2").MatchString(doc) || strings.Count(doc, "commentRangeStart") != 1 {
		t.Errorf("comment not on b's figure:\n%s", doc)
	}
}

func TestReviewFigureNotPrinted(t *testing.T) {
	body := `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>` + run("BÁO CÁO") + `</w:p>` + p("Có {{.a}} hộ.")
	out := review(t, docx(t, body), map[string]any{"a": 5}, Review{Author: "Tổ kiểm tra", Initials: "TKT",
		Notes: []Note{{Figures: []Figure{{".khong_in"}}, Text: "Thiếu số liệu"}}})
	doc := part(t, out, "word/document.xml")
	want := `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">BÁO CÁO</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`
	if !strings.Contains(doc, want) {
		t.Errorf("the first paragraph does not carry the comment:\n%s", doc)
	}
	c := part(t, out, "word/comments.xml")
	if !strings.Contains(c, `w:author="Tổ kiểm tra" w:initials="TKT"`) ||
		!strings.Contains(c, `<w:t xml:space="preserve">`+DefaultNotPrinted+`</w:t>`) || !strings.Contains(c, "Thiếu số liệu") {
		t.Errorf("comments.xml:\n%s", c)
	}
	rels := part(t, out, "word/_rels/document.xml.rels")
	if !strings.Contains(rels, `Id="rIdBaocaoComments" Type="`+commentsRelType+`" Target="comments.xml"`) {
		t.Errorf("relationships:\n%s", rels)
	}
	if ct := part(t, out, "[Content_Types].xml"); !strings.Contains(ct, `<Override PartName="/word/comments.xml" ContentType="`+commentsContentType+`"/>`) {
		t.Errorf("content types:\n%s", ct)
	}
}

func TestReviewSeveralFiguresTakeTheParagraph(t *testing.T) {
	body := `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>` + run("Nghèo {{.a}}, cận nghèo {{.b}}.") + `</w:p>`
	out := review(t, docx(t, body), map[string]any{"a": 1, "b": 2},
		Review{Notes: []Note{{Figures: []Figure{{".a"}, {".b"}}, Text: "a + b"}}})
	doc := part(t, out, "word/document.xml")
	want := `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">Nghèo 1, cận nghèo 2.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`
	if !strings.Contains(doc, want) {
		t.Errorf("the paragraph is not anchored whole:\n%s", doc)
	}
}

func TestReviewHeaderFigureGoesToBody(t *testing.T) {
	header := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wordNS + `>` + p("Đơn vị {{.don_vi}}") + `</w:hdr>`
	pkg := docx(t, p("Nội dung")+p("{{.so}}"), "word/header1.xml", header)
	out := review(t, pkg, map[string]any{"don_vi": "Tây Sơn", "so": 3},
		Review{Notes: []Note{{Figures: []Figure{{".don_vi"}}, Text: "tên"}}})
	if h := part(t, out, "word/header1.xml"); strings.Contains(h, "comment") || !strings.Contains(h, ">Đơn vị Tây Sơn<") {
		t.Errorf("header:\n%s", h)
	}
	doc := part(t, out, "word/document.xml")
	if !strings.Contains(doc, `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">Nội dung</w:t></w:r><w:commentRangeEnd w:id="0"/>`) {
		t.Errorf("body:\n%s", doc)
	}
	if c := part(t, out, "word/comments.xml"); !strings.Contains(c, DefaultOutsideBody) {
		t.Errorf("comments.xml:\n%s", c)
	}
}

func TestReviewKeepsTemplateComments(t *testing.T) {
	comments := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ` + wordNS + `>` +
		`<w:comment w:id="0" w:author="Chị Lan"><w:p><w:r><w:t>Sửa câu này</w:t></w:r></w:p></w:comment>` +
		`<w:comment w:id="3" w:author="Anh Nam"><w:p><w:r><w:t>Kiểm tra số</w:t></w:r></w:p></w:comment></w:comments>`
	body := `<w:p><w:commentRangeStart w:id="0"/>` + run("Mở đầu") + `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>` +
		`<w:p><w:commentRangeStart w:id="3"/>` + run("Có {{.a}} hộ") + `<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r></w:p>`
	pkg := docxWithRels(t, body, `<Relationship Id="rId7" Type="`+commentsRelType+`" Target="comments.xml"/>`,
		`<Override PartName="/word/comments.xml" ContentType="`+commentsContentType+`"/>`, "word/comments.xml", comments)
	out := review(t, pkg, map[string]any{"a": 7}, Review{Notes: []Note{{Figures: []Figure{{"a"}}, Text: "Mới"}}})
	c := part(t, out, "word/comments.xml")
	for _, s := range []string{"Sửa câu này", "Kiểm tra số", `w:id="4" w:author="baocao"`, "Mới"} {
		if !strings.Contains(c, s) {
			t.Errorf("comments.xml lacks %q:\n%s", s, c)
		}
	}
	doc := part(t, out, "word/document.xml")
	if !anchoredRun("4", "7").MatchString(doc) || strings.Count(doc, "commentRangeStart") != 3 {
		t.Errorf("document:\n%s", doc)
	}
	if rels := part(t, out, "word/_rels/document.xml.rels"); strings.Count(rels, commentsRelType) != 1 {
		t.Errorf("relationships:\n%s", rels)
	}
	if ct := part(t, out, "[Content_Types].xml"); strings.Count(ct, `PartName="/word/comments.xml"`) != 1 {
		t.Errorf("content types:\n%s", ct)
	}
}

// docxWithRels is docx with a relationship and a content type override added, and
// extra parts.
func docxWithRels(t *testing.T, body, rel, override string, extra ...string) []byte {
	t.Helper()
	pkg := docx(t, body, extra...)
	return rezip(t, pkg, map[string]func(string) string{
		"word/_rels/document.xml.rels": func(s string) string { return strings.Replace(s, "</Relationships>", rel+"</Relationships>", 1) },
		"[Content_Types].xml":          func(s string) string { return strings.Replace(s, "</Types>", override+"</Types>", 1) },
	})
}

func TestReviewWithoutNotesIsExecute(t *testing.T) {
	body := `<w:tbl><w:tr><w:tc>` + p("{{range .items}}{{.ten}}") + `</w:tc><w:tc>` + p("{{.so}}{{end}}") + `</w:tc></w:tr></w:tbl>` + p("Tổng {{.tong}}")
	data := map[string]any{"items": []any{map[string]any{"ten": "A", "so": 1}}, "tong": 1}
	tpl, err := New("test").Parse(docx(t, body))
	if err != nil {
		t.Fatal(err)
	}
	var plain, reviewed bytes.Buffer
	if err := tpl.Execute(&plain, data); err != nil {
		t.Fatal(err)
	}
	if err := tpl.ExecuteReview(context.Background(), &reviewed, data, Review{Author: "x"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(plain.Bytes(), reviewed.Bytes()) {
		t.Error("a review without notes differs from Execute")
	}
	if bytes.Contains(plain.Bytes(), []byte("comments.xml")) {
		t.Error("Execute wrote a comments part")
	}
}

// rezip rewrites parts of a package with the given functions.
func rezip(t *testing.T, pkg []byte, edit map[string]func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if e := edit[f.Name]; e != nil {
			b = []byte(e(string(b)))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// LibreOffice opens a review draft of a template with its own comments, and shows the
// template's comments and the new ones, each after the text it is anchored on.
func TestReviewInLibreOffice(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	comments := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ` + wordNS + `>` +
		`<w:comment w:id="0" w:author="Chị Lan"><w:p><w:r><w:t>Sửa câu này</w:t></w:r></w:p></w:comment></w:comments>`
	body := `<w:p><w:commentRangeStart w:id="0"/>` + run("Mở đầu") + `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc>` + p("{{range .items}}{{.ten}}") + `</w:tc><w:tc>` + p("{{.so}}{{end}}") + `</w:tc></w:tr></w:tbl>` +
		p("Nghèo {{.a}}, cận nghèo {{.b}}.")
	pkg := docxWithRels(t, body, `<Relationship Id="rId7" Type="`+commentsRelType+`" Target="comments.xml"/>`,
		`<Override PartName="/word/comments.xml" ContentType="`+commentsContentType+`"/>`, "word/comments.xml", comments)
	data := map[string]any{"a": 1, "b": 2, "items": []any{map[string]any{"ten": "A", "so": 10}, map[string]any{"ten": "B", "so": 20}}}
	out := review(t, pkg, data, Review{Notes: []Note{
		{Figures: []Figure{{".items[1].so"}}, Text: "Số của B"},
		{Figures: []Figure{{".a"}, {".b"}}, Text: "Hai số"},
		{Figures: []Figure{{".c"}}, Text: "Không in"},
	}})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	html, err := rendertest.LibreOfficeConvert(ctx, out, "html")
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`\s+`).ReplaceAllString(string(html), " ")
	for _, re := range []string{
		`Mở đầu<!-- Sửa câu này -->`,
		`Mở đầu<!-- Sửa câu này --><!-- ` + DefaultNotPrinted + ` Không in -->`,
		`20<!-- Số của B -->`,
		`Nghèo 1, cận nghèo 2\.<!-- Hai số -->`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("LibreOffice's export lacks %s:\n%s", re, text[strings.Index(text, "<body"):])
		}
	}
}
