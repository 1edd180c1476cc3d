package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

// The scanner reads one WordprocessingML part and records what the compiler needs: the
// byte ranges of paragraphs, runs, text elements and table rows, and the decoded text of
// every w:t. It does not build a DOM: the part is rewritten by splicing byte ranges, so
// everything a tag does not touch stays byte for byte as Word wrote it.

const (
	nsMain   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// textNode is one <w:t> element.
type textNode struct {
	tagStart, tagEnd int    // the start tag "<w:t …>"
	start, end       int    // raw content between start and end tag
	text             string // decoded content
	run              int    // index into scan.runs, or -1
	para             int    // index into scan.paras
	path             int    // element path from the root down to this w:t (see scan.pathID)
	selfClosing      bool   // <w:t/>
}

// runNode is one <w:r> element.
type runNode struct {
	start, end int
	other      bool // has content other than w:rPr and w:t (a tab, a break, a drawing…)
}

// paraNode is one <w:p> element.
type paraNode struct {
	start, end int
	sectPr     bool // w:pPr holds a w:sectPr: the paragraph ends a section and must stay
	// keep: the paragraph holds content that must survive it losing its tags (a
	// drawing, a note reference, a bookmark, a field); see keepContent.
	keep      bool
	texts     []int // indices into scan.texts, in order
	parent    int   // element path of the parent
	row, cell int   // enclosing table row and cell, or -1
	number    int   // 1-based, in document order, for messages
	// table, tableRow, column place the paragraph in its innermost table for messages:
	// 1-based, the table counted in document order within the part; 0 outside tables.
	table, tableRow, column int
}

// keepContent reports whether an element makes a paragraph worth keeping when its only
// text is control tags: removing it would lose a picture, a note, a comment's anchor, a
// bookmark another part links to, or half of a field (which breaks the document). A
// switch, not a map: it is asked for every element of the part.
func keepContent(local string) bool {
	switch local {
	case "drawing", "pict", "object",
		"footnoteReference", "endnoteReference",
		"commentReference", "commentRangeStart", "commentRangeEnd",
		"bookmarkStart", "bookmarkEnd",
		"fldChar", "fldSimple", "instrText",
		"oMath", "oMathPara", "sym":
		return true
	}
	return false
}

// rowNode is one <w:tr> element.
type rowNode struct {
	start, end int
	parent     int
	table      int // index of the enclosing w:tbl, counted in document order
	cells      int // cells opened so far
}

type scan struct {
	prefix string // the prefix bound to the WordprocessingML namespace, usually "w"
	texts  []textNode
	runs   []runNode
	paras  []paraNode
	rows   []rowNode
	cells  int
	tables int
	// tableRows counts the rows opened so far in each table, for Location.Row.
	tableRows []int
	// Element paths (the names from the root down) are interned: two places are at the
	// same depth of the same kind of structure exactly when their ids are equal.
	paths map[pathKey]int
}

type pathKey struct {
	parent int
	name   string
}

func (s *scan) pathID(parent int, name string) int {
	k := pathKey{parent, name}
	id, ok := s.paths[k]
	if !ok {
		id = len(s.paths) + 1
		s.paths[k] = id
	}
	return id
}

// openElem is an element whose end tag is still to come.
type openElem struct {
	local string // the local name in the WordprocessingML namespace, or ""
	full  string // the name as written, prefix included
	idx   int    // index of the node this element created, or -1
}

// scanner is the state of one scanPart: the elements open, and the innermost
// paragraph, run, row, cell and table.
type scanner struct {
	*scan
	stack                                          []openElem
	paraStack, runStack, rowStack, cellStack, tbls []int
	path                                           []int // path ids; 0 is the document itself
	curText                                        int   // the w:t being read, or -1
	textBuf                                        bytes.Buffer
	prefixKnown                                    bool
	src                                            string // the part, whose substrings are the names
	err                                            error  // the first error in text
}

// scanPart reads a part (see lex) and checks nesting.
func scanPart(raw []byte) (*scan, error) {
	sc := &scanner{scan: &scan{prefix: "w", paths: map[pathKey]int{}}, path: []int{0}, curText: -1}
	if err := sc.lex(raw); err != nil {
		return nil, err
	}
	if sc.err != nil {
		return nil, sc.err
	}
	if len(sc.stack) > 0 {
		return nil, fmt.Errorf("%w: <%s> is never closed", ErrXML, sc.stack[len(sc.stack)-1].full)
	}
	if len(sc.paras) == 0 && !sc.prefixKnown {
		return nil, fmt.Errorf("%w: no root element", ErrXML)
	}
	return sc.scan, nil
}

func top(stack []int) int {
	if len(stack) == 0 {
		return -1
	}
	return stack[len(stack)-1]
}

// start records an element that opens at byte before and whose start tag ends at after;
// attrs are its attributes if it is the first element.
func (sc *scanner) start(name qname, attrs []xml.Attr, before, after int) {
	if !sc.prefixKnown {
		sc.prefixKnown = true
		for _, a := range attrs {
			if a.Name.Space == "xmlns" && (a.Value == nsMain || a.Value == nsStrict) {
				sc.prefix = strings.Clone(a.Name.Local) // not a substring of the part: it is kept
			}
		}
	}
	full := name.full
	local := ""
	if name.space == sc.prefix {
		local = name.local
	}
	e := openElem{local: local, full: full, idx: -1}
	path := sc.pathID(sc.path[len(sc.path)-1], full)
	switch local {
	case "p":
		e.idx = sc.openParagraph(before)
	case "r":
		e.idx = len(sc.runs)
		sc.runs = append(sc.runs, runNode{start: before})
		sc.runStack = append(sc.runStack, e.idx)
	case "tbl":
		e.idx = sc.tables
		sc.tables++
		sc.tableRows = append(sc.tableRows, 0)
		sc.tbls = append(sc.tbls, e.idx)
	case "tr":
		e.idx = sc.openRow(before)
	case "tc":
		e.idx = sc.cells
		sc.cells++
		sc.cellStack = append(sc.cellStack, e.idx)
		if r := top(sc.rowStack); r >= 0 {
			sc.rows[r].cells++
		}
	case "t":
		e.idx = sc.openText(path, before, after)
	}
	sc.markContent(local)
	sc.stack = append(sc.stack, e)
	sc.path = append(sc.path, path)
}

func (sc *scanner) openParagraph(before int) int {
	p := paraNode{start: before, parent: sc.path[len(sc.path)-1], row: top(sc.rowStack), cell: top(sc.cellStack), number: len(sc.paras) + 1}
	if tbl := top(sc.tbls); tbl >= 0 && p.row >= 0 {
		p.table, p.tableRow, p.column = tbl+1, sc.tableRows[tbl], sc.rows[p.row].cells
	}
	sc.paras = append(sc.paras, p)
	sc.paraStack = append(sc.paraStack, len(sc.paras)-1)
	return len(sc.paras) - 1
}

func (sc *scanner) openRow(before int) int {
	tbl := top(sc.tbls)
	if tbl >= 0 {
		sc.tableRows[tbl]++
	}
	sc.rows = append(sc.rows, rowNode{start: before, parent: sc.path[len(sc.path)-1], table: tbl})
	sc.rowStack = append(sc.rowStack, len(sc.rows)-1)
	return len(sc.rows) - 1
}

// openText starts a w:t inside a paragraph; one outside any is not text a tag may use.
// path is the w:t's element path.
func (sc *scanner) openText(path, before, after int) int {
	para := top(sc.paraStack)
	if para < 0 {
		return -1
	}
	tn := textNode{tagStart: before, tagEnd: after, start: after, end: after, run: top(sc.runStack),
		para: para, path: path}
	sc.texts = append(sc.texts, tn)
	sc.curText = len(sc.texts) - 1
	sc.textBuf.Reset()
	return sc.curText
}

// markContent notes what an element makes worth keeping: a run's content other than its
// properties and text keeps the run when a tag empties its text; keepContent and a
// section break keep a control paragraph.
func (sc *scanner) markContent(local string) {
	parent := ""
	if len(sc.stack) > 0 {
		parent = sc.stack[len(sc.stack)-1].local
	}
	if r := top(sc.runStack); r >= 0 && parent == "r" && local != "rPr" && local != "t" {
		sc.runs[r].other = true
	}
	p := top(sc.paraStack)
	if p < 0 {
		return
	}
	if keepContent(local) {
		sc.paras[p].keep = true
	}
	if local == "sectPr" && parent == "pPr" {
		sc.paras[p].sectPr = true
	}
}

// end closes the innermost element, which must be the one t names.
func (sc *scanner) end(name qname, before, after int) error {
	full := name.full
	if len(sc.stack) == 0 || sc.stack[len(sc.stack)-1].full != full {
		want := "nothing"
		if len(sc.stack) > 0 {
			want = "</" + sc.stack[len(sc.stack)-1].full + ">"
		}
		return fmt.Errorf("%w: at byte %d: </%s> closes %s", ErrXML, before, full, want)
	}
	e := sc.stack[len(sc.stack)-1]
	sc.stack = sc.stack[:len(sc.stack)-1]
	sc.path = sc.path[:len(sc.path)-1]
	switch e.local {
	case "p":
		sc.paras[e.idx].end = after
		sc.paraStack = sc.paraStack[:len(sc.paraStack)-1]
	case "r":
		sc.runs[e.idx].end = after
		sc.runStack = sc.runStack[:len(sc.runStack)-1]
	case "tr":
		sc.rows[e.idx].end = after
		sc.rowStack = sc.rowStack[:len(sc.rowStack)-1]
	case "tc":
		sc.cellStack = sc.cellStack[:len(sc.cellStack)-1]
	case "tbl":
		sc.tbls = sc.tbls[:len(sc.tbls)-1]
	case "t":
		sc.closeText(e.idx, before, after)
	}
	return nil
}

func (sc *scanner) closeText(idx, before, after int) {
	if idx < 0 {
		return
	}
	tn := &sc.texts[idx]
	if after > tn.tagEnd {
		tn.end = before
	} else {
		tn.selfClosing = true
	}
	tn.text = sc.decodedText(tn.start, tn.end)
	p := &sc.paras[tn.para]
	p.texts = append(p.texts, idx)
	sc.curText = -1
}

// decodedText is the text of the w:t whose content is src[start:end], as decoded into
// textBuf; nearly always the content itself, which then costs no copy. Decoding
// shortens whatever it changes (a reference, a CR LF, markup) but a lone CR, which
// becomes a LF: content of the decoded length without a CR is the text.
func (sc *scanner) decodedText(start, end int) string {
	if raw := sc.src[start:end]; len(raw) == sc.textBuf.Len() && strings.IndexByte(raw, '\r') < 0 {
		return raw
	}
	return sc.textBuf.String()
}

// paraText is the text of paragraph p as Word shows it, and the offset of each of its
// text nodes within that text.
// It is a new string, built in one allocation: the node texts may be substrings of
// the part, which the actions that keep their paragraph's text must not keep alive.
func (s *scan) paraText(p int) (string, []int) {
	texts := s.paras[p].texts
	offs := make([]int, len(texts))
	n := 0
	for _, ti := range texts {
		n += len(s.texts[ti].text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, ti := range texts {
		offs[i] = b.Len()
		b.WriteString(s.texts[ti].text)
	}
	return b.String(), offs
}
