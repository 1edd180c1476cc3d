package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
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
	pPr        [2]int // raw range of w:pPr, if any
	sectPr     bool   // w:pPr holds a w:sectPr: the paragraph ends a section and must stay
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

// keepContent are the elements that make a paragraph worth keeping when its only text is
// control tags: removing them would lose a picture, a note, a comment's anchor, a
// bookmark another part links to, or half of a field (which breaks the document).
var keepContent = map[string]bool{
	"drawing": true, "pict": true, "object": true,
	"footnoteReference": true, "endnoteReference": true,
	"commentReference": true, "commentRangeStart": true, "commentRangeEnd": true,
	"bookmarkStart": true, "bookmarkEnd": true,
	"fldChar": true, "fldSimple": true, "instrText": true,
	"oMath": true, "oMathPara": true, "sym": true,
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

type openElem struct {
	local string
	full  string
	idx   int // index of the node this element created, or -1
	start int
}

// scanPart walks the part with encoding/xml's RawToken (which keeps byte offsets and does
// not rewrite prefixes) and checks nesting itself, since RawToken does not.
func scanPart(raw []byte) (*scan, error) {
	s := &scan{prefix: "w", paths: map[pathKey]int{}}
	d := xml.NewDecoder(bytes.NewReader(raw))
	d.Strict = true
	var stack []openElem
	var paraStack, runStack, rowStack, cellStack, tableStack []int
	path := []int{0} // path ids; 0 is the document itself
	curText := -1
	var textBuf strings.Builder
	prefixKnown := false
	for {
		before := int(d.InputOffset())
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrXML, err)
		}
		after := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			if !prefixKnown {
				prefixKnown = true
				for _, a := range t.Attr {
					if a.Name.Space == "xmlns" && (a.Value == nsMain || a.Value == nsStrict) {
						s.prefix = a.Name.Local
					}
				}
			}
			full := t.Name.Local
			if t.Name.Space != "" {
				full = t.Name.Space + ":" + t.Name.Local
			}
			local := ""
			if t.Name.Space == s.prefix {
				local = t.Name.Local
			}
			e := openElem{local: local, full: full, idx: -1, start: before}
			switch local {
			case "p":
				e.idx = len(s.paras)
				p := paraNode{start: before, parent: path[len(path)-1], row: -1, cell: -1, number: len(s.paras) + 1}
				if len(rowStack) > 0 {
					p.row = rowStack[len(rowStack)-1]
				}
				if len(cellStack) > 0 {
					p.cell = cellStack[len(cellStack)-1]
				}
				if len(tableStack) > 0 && len(rowStack) > 0 {
					tbl := tableStack[len(tableStack)-1]
					p.table, p.tableRow, p.column = tbl+1, s.tableRows[tbl], s.rows[rowStack[len(rowStack)-1]].cells
				}
				s.paras = append(s.paras, p)
				paraStack = append(paraStack, e.idx)
			case "r":
				e.idx = len(s.runs)
				s.runs = append(s.runs, runNode{start: before})
				runStack = append(runStack, e.idx)
			case "tbl":
				e.idx = s.tables
				s.tables++
				s.tableRows = append(s.tableRows, 0)
				tableStack = append(tableStack, e.idx)
			case "tr":
				e.idx = len(s.rows)
				tbl := -1
				if len(tableStack) > 0 {
					tbl = tableStack[len(tableStack)-1]
					s.tableRows[tbl]++
				}
				s.rows = append(s.rows, rowNode{start: before, parent: path[len(path)-1], table: tbl})
				rowStack = append(rowStack, e.idx)
			case "tc":
				e.idx = s.cells
				s.cells++
				cellStack = append(cellStack, e.idx)
				if len(rowStack) > 0 {
					s.rows[rowStack[len(rowStack)-1]].cells++
				}
			case "t":
				if len(paraStack) > 0 {
					e.idx = len(s.texts)
					tn := textNode{tagStart: before, tagEnd: after, start: after, end: after, run: -1,
						para: paraStack[len(paraStack)-1], path: s.pathID(path[len(path)-1], full)}
					if len(runStack) > 0 {
						tn.run = runStack[len(runStack)-1]
					}
					s.texts = append(s.texts, tn)
					curText = e.idx
					textBuf.Reset()
				}
			}
			// A run's content other than its properties and text makes it worth keeping
			// even when a tag empties its text.
			if len(runStack) > 0 && len(stack) > 0 && stack[len(stack)-1].local == "r" && local != "rPr" && local != "t" {
				s.runs[runStack[len(runStack)-1]].other = true
			}
			if keepContent[local] && len(paraStack) > 0 {
				s.paras[paraStack[len(paraStack)-1]].keep = true
			}
			if local == "sectPr" && len(stack) > 0 && stack[len(stack)-1].local == "pPr" && len(paraStack) > 0 {
				s.paras[paraStack[len(paraStack)-1]].sectPr = true
			}
			stack = append(stack, e)
			path = append(path, s.pathID(path[len(path)-1], full))
		case xml.EndElement:
			full := t.Name.Local
			if t.Name.Space != "" {
				full = t.Name.Space + ":" + t.Name.Local
			}
			if len(stack) == 0 || stack[len(stack)-1].full != full {
				want := "nothing"
				if len(stack) > 0 {
					want = "</" + stack[len(stack)-1].full + ">"
				}
				return nil, fmt.Errorf("%w: at byte %d: </%s> closes %s", ErrXML, before, full, want)
			}
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			path = path[:len(path)-1]
			switch e.local {
			case "p":
				s.paras[e.idx].end = after
				paraStack = paraStack[:len(paraStack)-1]
			case "pPr":
				if len(paraStack) > 0 {
					p := &s.paras[paraStack[len(paraStack)-1]]
					if p.pPr[1] == 0 {
						p.pPr = [2]int{e.start, after}
					}
				}
			case "r":
				s.runs[e.idx].end = after
				runStack = runStack[:len(runStack)-1]
			case "tr":
				s.rows[e.idx].end = after
				rowStack = rowStack[:len(rowStack)-1]
			case "tc":
				cellStack = cellStack[:len(cellStack)-1]
			case "tbl":
				tableStack = tableStack[:len(tableStack)-1]
			case "t":
				if e.idx >= 0 {
					tn := &s.texts[e.idx]
					if after > tn.tagEnd {
						tn.end = before
					} else {
						tn.selfClosing = true
					}
					tn.text = textBuf.String()
					p := &s.paras[tn.para]
					p.texts = append(p.texts, e.idx)
					curText = -1
				}
			}
		case xml.CharData:
			if curText >= 0 {
				textBuf.Write(t)
			}
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("%w: <%s> is never closed", ErrXML, stack[len(stack)-1].full)
	}
	if len(s.paras) == 0 && !prefixKnown {
		return nil, fmt.Errorf("%w: no root element", ErrXML)
	}
	return s, nil
}

// paraText is the text of paragraph p as Word shows it, and the offset of each of its
// text nodes within that text.
func (s *scan) paraText(p int) (string, []int) {
	var b strings.Builder
	offs := make([]int, len(s.paras[p].texts))
	for i, ti := range s.paras[p].texts {
		offs[i] = b.Len()
		b.WriteString(s.texts[ti].text)
	}
	return b.String(), offs
}
