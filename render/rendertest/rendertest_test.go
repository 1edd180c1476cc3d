package rendertest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`
	wNS      = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + wNS + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
		// 1: runs, tab stops in pPr (not text), w:tab, w:br, entities.
		`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>` +
		`<w:r><w:t>Đơn vị:</w:t></w:r><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:tab/><w:t xml:space="preserve">Xã </w:t></w:r>` +
		`<w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>Tây Sơn &amp; &lt;x&gt;</w:t><w:br/><w:t>dòng 2</w:t></w:r></w:p>` +
		// 2: empty paragraph.
		`<w:p/>` +
		// 3: deleted text, a field (code ignored, result kept), a footnote reference.
		`<w:p><w:r><w:t>A</w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>XÓA</w:delText><w:tab/></w:r></w:del>` +
		`<w:ins w:id="2" w:author="x"><w:r><w:t>B</w:t></w:r></w:ins>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>*</w:t></w:r></w:p>` +
		// 4: a table: two rows; a cell with two paragraphs; an empty cell; a nested table.
		`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr><w:trPr/><w:tc><w:tcPr/><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Tên</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>dòng a</w:t></w:r></w:p><w:p><w:r><w:t>dòng b</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>n1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>n2</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>` +
		// 5: content control, alternate content (fallback ignored), hyperlink.
		`<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:hyperlink r:id="rId9"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink>` +
		`<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>+</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>FALLBACK</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:sdtContent></w:sdt>` +
		`<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body></w:document>`
	header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr ` + wNS + `><w:p><w:r><w:t>Đầu trang</w:t></w:r></w:p></w:hdr>`
	footnotes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ` + wNS + `><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/><w:t>Nguồn: UBND</w:t></w:r></w:p></w:footnote></w:footnotes>`
)

// wantText is the text of document, under the rules of Text.
const wantText = "Đơn vị:\tXã Tây Sơn & <x>\ndòng 2\n" +
	"\n" +
	"AB7*\n" +
	"STT\tTên\t\n" +
	"1\tdòng a\ndòng b\tn1\tn2\n\n" +
	"liên kết+\n"

// part is one file of a test package.
type part struct{ name, body string }

func goodParts() []part {
	return []part{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"word/document.xml", document},
		{"word/_rels/document.xml.rels", docRels},
		{"word/header1.xml", header},
		{"word/footnotes.xml", footnotes},
	}
}

func makeDocx(t testing.TB, parts []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// replacePart returns parts with the body of the part name replaced.
func replacePart(parts []part, name, body string) []part {
	out := append([]part(nil), parts...)
	for i := range out {
		if out[i].name == name {
			out[i].body = body
		}
	}
	return out
}

func TestText(t *testing.T) {
	got, err := Text(makeDocx(t, goodParts()))
	if err != nil {
		t.Fatal(err)
	}
	if got != wantText {
		t.Errorf("Text:\n got %q\nwant %q", got, wantText)
	}
}

func TestTextMainPartFromRels(t *testing.T) {
	parts := goodParts()
	for i := range parts {
		switch parts[i].name {
		case "word/document.xml":
			parts[i].name = "word/document2.xml"
		case "_rels/.rels":
			parts[i].body = strings.Replace(rootRels, "word/document.xml", "/word/document2.xml", 1)
		}
	}
	got, err := Text(makeDocx(t, parts))
	if err != nil {
		t.Fatal(err)
	}
	if got != wantText {
		t.Errorf("Text:\n got %q\nwant %q", got, wantText)
	}
}

func TestPartText(t *testing.T) {
	docx := makeDocx(t, goodParts())
	for _, tc := range []struct{ part, want string }{
		{"word/header1.xml", "Đầu trang\n"},
		{"word/footnotes.xml", "\tNguồn: UBND\n"},
		{"/word/header1.xml", "Đầu trang\n"},
		{"word/document.xml", wantText},
	} {
		got, err := PartText(docx, tc.part)
		if err != nil {
			t.Errorf("PartText(%s): %v", tc.part, err)
			continue
		}
		if got != tc.want {
			t.Errorf("PartText(%s) = %q, want %q", tc.part, got, tc.want)
		}
	}
	if _, err := PartText(docx, "word/footer1.xml"); !errors.Is(err, ErrNoPart) {
		t.Errorf("PartText of a missing part: err = %v, want ErrNoPart", err)
	}
	if _, err := Text([]byte("not a zip")); err == nil {
		t.Error("Text of a non-zip: no error")
	}
	bad := makeDocx(t, replacePart(goodParts(), "word/header1.xml", `<w:hdr `+wNS+`><w:p>`))
	if _, err := PartText(bad, "word/header1.xml"); err == nil || !strings.Contains(err.Error(), "word/header1.xml") {
		t.Errorf("PartText of broken XML: err = %v, want an error naming the part", err)
	}
}

func TestRuns(t *testing.T) {
	runs, err := Runs(makeDocx(t, goodParts()), "word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) < 3 {
		t.Fatalf("Runs: %d runs, want more", len(runs))
	}
	want := []Run{
		{Paragraph: 0, Text: "Đơn vị:"},
		{Paragraph: 0, Text: "\tXã ", Props: []string{"b", "sz=28"}},
		{Paragraph: 0, Text: "Tây Sơn & <x>\ndòng 2", Props: []string{"b=false"}},
	}
	if !reflect.DeepEqual(runs[:3], want) {
		t.Errorf("Runs[:3] = %#v\nwant %#v", runs[:3], want)
	}
	if !runs[1].Has("b") || runs[2].Has("b") || runs[0].Has("b") || runs[1].Has("i") {
		t.Errorf("Has: wrong answers for %#v", runs[:3])
	}
	// The deleted run and the fallback run are not listed; the table's
	// paragraphs are counted.
	var texts []string
	last := -1
	for _, r := range runs {
		texts = append(texts, r.Text)
		if r.Paragraph < last {
			t.Errorf("paragraph index goes back: %d after %d", r.Paragraph, last)
		}
		last = r.Paragraph
	}
	all := strings.Join(texts, "|")
	if strings.Contains(all, "XÓA") || strings.Contains(all, "FALLBACK") || strings.Contains(all, "PAGE") {
		t.Errorf("Runs lists hidden text: %q", all)
	}
	if r := runs[len(runs)-1]; r.Text != "+" || r.Paragraph != 12 {
		t.Errorf("last run = %#v, want \"+\" in paragraph 12", r)
	}
}

func TestWellFormedGood(t *testing.T) {
	if err := WellFormed(makeDocx(t, goodParts())); err != nil {
		t.Fatal(err)
	}
}

func TestWellFormedBad(t *testing.T) {
	doc := func(body string) string {
		return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`
	}
	for _, tc := range []struct {
		name  string
		parts []part
		part  string // the part the error must name
		msg   string // and a piece of its message
	}{
		{"unescaped <", replacePart(goodParts(), "word/document.xml",
			doc(`<w:p><w:r><w:t>Nước <giai đoạn 2></w:t></w:r></w:p>`)), "word/document.xml", "line 2"},
		{"unescaped &", replacePart(goodParts(), "word/header1.xml",
			`<w:hdr `+wNS+`><w:p><w:r><w:t>NS&VS</w:t></w:r></w:p></w:hdr>`), "word/header1.xml", "offset"},
		{"element in no namespace", replacePart(goodParts(), "word/document.xml",
			doc(`<w:p><w:r><w:t>Nước <giai/> 2</w:t></w:r></w:p>`)), "word/document.xml", "no namespace"},
		{"undeclared prefix", replacePart(goodParts(), "word/document.xml",
			doc(`<w:p><w14:r/></w:p>`)), "word/document.xml", `prefix "w14"`},
		{"undeclared attribute prefix", replacePart(goodParts(), "word/document.xml",
			doc(`<w:p w14:paraId="1"/>`)), "word/document.xml", `prefix "w14"`},
		{"mismatched end", replacePart(goodParts(), "word/document.xml",
			doc(`<w:p><w:r></w:p></w:r>`)), "word/document.xml", "offset"},
		{"not closed", replacePart(goodParts(), "word/document.xml",
			`<w:document `+wNS+`><w:body>`), "word/document.xml", "not closed"},
		{"repeated attribute", replacePart(goodParts(), "word/document.xml",
			doc(`<w:p><w:r><w:t xml:space="preserve" xml:space="preserve">x</w:t></w:r></w:p>`)), "word/document.xml", "repeated"},
		{"forbidden character", replacePart(goodParts(), "word/document.xml",
			doc("<w:p><w:r><w:t>a\x01b</w:t></w:r></w:p>")), "word/document.xml", "illegal character"},
		{"unknown entity", replacePart(goodParts(), "word/document.xml",
			doc(`<w:p><w:r><w:t>a&nbsp;b</w:t></w:r></w:p>`)), "word/document.xml", "offset"},
		{"second root", replacePart(goodParts(), "word/document.xml",
			doc(``)+`<w:document `+wNS+`/>`), "word/document.xml", "after the root"},
		{"text after root", replacePart(goodParts(), "word/document.xml",
			doc(``)+`x`), "word/document.xml", "outside the root"},
		{"empty part", replacePart(goodParts(), "word/footnotes.xml", ``), "word/footnotes.xml", "no root"},
		{"broken rels", replacePart(goodParts(), "word/_rels/document.xml.rels",
			`<Relationships xmlns="x"><Relationship Id="a" Id="b"/></Relationships>`), "word/_rels/document.xml.rels", "repeated"},
		{"no document", goodParts()[:2], "word/document.xml", "missing"},
		{"no content types", goodParts()[1:], "[Content_Types].xml", "missing"},
		{"override without part", goodParts()[:5], "[Content_Types].xml", "/word/footnotes.xml"},
		{"duplicate name", append(goodParts(), part{"word/header1.xml", header}), "word/header1.xml", "duplicate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := WellFormed(makeDocx(t, tc.parts))
			if err == nil {
				t.Fatal("WellFormed: no error")
			}
			var pe *PartError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *PartError", err)
			}
			if !strings.Contains(err.Error(), tc.part) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not name %s and %q", err, tc.part, tc.msg)
			}
		})
	}
	if err := WellFormed([]byte("PK not really")); err == nil {
		t.Error("WellFormed of a non-zip: no error")
	}
}

func TestWellFormedReportsEveryPart(t *testing.T) {
	parts := replacePart(goodParts(), "word/header1.xml", `<w:hdr `+wNS+`>`)
	parts = replacePart(parts, "word/footnotes.xml", `<x/>`)
	err := WellFormed(makeDocx(t, parts))
	if err == nil {
		t.Fatal("no error")
	}
	for _, name := range []string{"word/header1.xml", "word/footnotes.xml"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}

func TestWellFormedOffset(t *testing.T) {
	body := `<w:document ` + wNS + `><w:body><w:p><w:r><w:t>a & b</w:t></w:r></w:p></w:body></w:document>`
	err := WellFormed(makeDocx(t, replacePart(goodParts(), "word/document.xml", body)))
	var pe *PartError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want a *PartError", err)
	}
	amp := int64(strings.Index(body, "&"))
	if pe.Part != "word/document.xml" || pe.Line != 1 || pe.Offset < amp || pe.Offset > amp+4 {
		t.Errorf("PartError = %+v, want word/document.xml line 1 at offset about %d", pe, amp)
	}
}

func TestCheckTables(t *testing.T) {
	if err := CheckTables(makeDocx(t, goodParts())); err != nil {
		t.Fatalf("good package: %v", err)
	}
	doc := func(body string) string {
		return `<w:document ` + wNS + `><w:body>` + body + `<w:p/></w:body></w:document>`
	}
	cell := `<w:tc><w:tcPr/><w:p/></w:tc>`
	for _, tc := range []struct{ name, part, body, msg string }{
		{"table without rows", "word/document.xml", doc(`<w:tbl><w:tblPr/><w:tblGrid/></w:tbl>`), "no row"},
		{"row without cells", "word/document.xml", doc(`<w:tbl><w:tr>` + cell + `</w:tr><w:tr><w:trPr/></w:tr></w:tbl>`), "no cell"},
		{"cell without paragraph", "word/document.xml", doc(`<w:tbl><w:tr>` + cell + `<w:tc><w:tcPr><w:tcW w:w="1"/></w:tcPr></w:tc></w:tr></w:tbl>`), "no paragraph"},
		{"cell with only a bookmark", "word/document.xml", doc(`<w:tbl><w:tr><w:tc><w:bookmarkStart w:id="1"/></w:tc></w:tr></w:tbl>`), "no paragraph"},
		{"cell ending with a table", "word/document.xml", doc(`<w:tbl><w:tr><w:tc><w:p/><w:tbl><w:tr>` + cell + `</w:tr></w:tbl></w:tc></w:tr></w:tbl>`), "ends with a table"},
		{"in a header", "word/header1.xml", `<w:hdr ` + wNS + `><w:tbl><w:tr><w:tc/></w:tr></w:tbl><w:p/></w:hdr>`, "no paragraph"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckTables(makeDocx(t, replacePart(goodParts(), tc.part, tc.body)))
			if err == nil || !strings.Contains(err.Error(), tc.part) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("err = %v, want one naming %s and %q", err, tc.part, tc.msg)
			}
		})
	}
	// Rows in a content control and a cell whose paragraph is followed by a
	// bookmark end are fine.
	ok := doc(`<w:tbl><w:sdt><w:sdtContent><w:tr><w:tc><w:p/><w:bookmarkEnd w:id="1"/></w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>`)
	if err := CheckTables(makeDocx(t, replacePart(goodParts(), "word/document.xml", ok))); err != nil {
		t.Errorf("rows in a content control: %v", err)
	}
}

func TestLibreOfficeText(t *testing.T) {
	RequireLibreOffice(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Tracked changes, fields and hyperlinks are left out: LibreOffice's text
	// export shows deleted text and field codes in ways of its own.
	body := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + wNS + `><w:body>` +
		`<w:p><w:r><w:t>Đơn vị:</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:tab/><w:t xml:space="preserve">Xã </w:t></w:r>` +
		`<w:r><w:t>Tây Sơn &amp; &lt;x&gt; “NS”</w:t><w:br/><w:t>dòng 2</w:t></w:r></w:p><w:p/>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>dòng a</w:t></w:r></w:p><w:p><w:r><w:t>dòng b</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>hết</w:t></w:r></w:p></w:body></w:document>`
	docx := makeDocx(t, replacePart(goodParts(), "word/document.xml", body))
	got, err := LibreOfficeText(ctx, docx)
	if err != nil {
		t.Fatal(err)
	}
	if txt, err := Text(docx); err != nil || txt != "Đơn vị:\tXã Tây Sơn & <x> “NS”\ndòng 2\n\n1\tdòng a\ndòng b\t\nhết\n" {
		t.Fatalf("Text = %q, %v", txt, err)
	}
	// LibreOffice puts each cell paragraph on a line of its own.
	want := "Đơn vị:\tXã Tây Sơn & <x> “NS”\ndòng 2\n\n1\ndòng a\ndòng b\n\nhết\n"
	if got != want {
		t.Errorf("LibreOfficeText:\n got %q\nwant %q", got, want)
	}
}

func TestLibreOfficeRejectsBrokenFile(t *testing.T) {
	RequireLibreOffice(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if s, err := LibreOfficeText(ctx, []byte("this is not a .docx")); err == nil {
		t.Errorf("LibreOfficeText of a text file: no error, text %q", s)
	}
}

func TestLibreOfficeTextsBatch(t *testing.T) {
	RequireLibreOffice(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	para := func(s string) []byte {
		return makeDocx(t, replacePart(goodParts(), "word/document.xml",
			`<w:document `+wNS+`><w:body><w:p><w:r><w:t>`+s+`</w:t></w:r></w:p></w:body></w:document>`))
	}
	texts, err := LibreOfficeTexts(ctx, [][]byte{para("một"), []byte("not a docx"), para("ba")})
	if err == nil || !strings.Contains(err.Error(), "document(s) 1 ") {
		t.Errorf("err = %v, want one naming document 1", err)
	}
	if want := []string{"một\n", "", "ba\n"}; !reflect.DeepEqual(texts, want) {
		t.Errorf("texts = %q, want %q", texts, want)
	}
}

func TestLibreOfficeCancelled(t *testing.T) {
	RequireLibreOffice(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := LibreOfficeText(ctx, makeDocx(t, goodParts())); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestLibreOfficeTimeout(t *testing.T) {
	RequireLibreOffice(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := LibreOfficeText(ctx, makeDocx(t, goodParts()))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
	// A hang guard, not a timing: a LibreOffice left running would hold the call for
	// its whole conversion; the time is logged for the record.
	d := time.Since(start)
	t.Logf("returned %v after a 50ms deadline", d)
	if d > 2*time.Minute {
		t.Errorf("took %v after a 50ms deadline: the process was not killed", d)
	}
}

func TestNoLibreOffice(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := LibreOfficeText(context.Background(), makeDocx(t, goodParts()))
	if !errors.Is(err, ErrNoLibreOffice) {
		t.Errorf("err = %v, want ErrNoLibreOffice", err)
	}
}
