package render

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// annotate is the review's stage after execution: it chooses where each note's comment
// goes, rewrites the parts to anchor them (and to drop every marker), and prepares the
// comments part that writePackage writes.
func (rs *reviewState) annotate(out []*bytes.Buffer) error {
	if rs == nil {
		return nil
	}
	parts := rs.t.parts
	body := -1
	for i, p := range parts {
		if p.hdr.Name == "word/document.xml" {
			body = i
		}
	}
	scans := map[int]*reviewScan{}
	scanOf := func(i int) (*reviewScan, error) {
		if s, ok := scans[i]; ok {
			return s, nil
		}
		if out[i] == nil { // a part without tags: its XML, as the template holds it
			out[i] = getBuffer()
			out[i].Write(parts[i].xml)
		}
		s, err := scanReview(out[i].Bytes(), partPrefix(parts[i]))
		if err != nil {
			return nil, fmt.Errorf("render: review: %s: %w", parts[i].hdr.Name, err)
		}
		scans[i] = s
		return s, nil
	}
	for _, h := range rs.hits {
		if _, err := scanOf(h.part); err != nil {
			return err
		}
	}
	if len(rs.notes) == 0 {
		return rs.rewriteAll(out, scans)
	}
	cp, err := rs.newCommentsPart(out)
	if err != nil {
		return err
	}
	rs.comments = cp
	for ni := range rs.notes {
		text := rs.review.Notes[ni].Text
		id := cp.add(rs.review.Author, rs.review.Initials, "")
		hit, part, outside := rs.place(ni)
		if hit < 0 {
			prefix := rs.review.NotPrinted
			if outside {
				prefix = rs.review.OutsideBody
			}
			cp.setText(id, prefix+"\n"+text)
			s, err := scanOf(body)
			if err != nil {
				return err
			}
			if err := s.anchorFirst(id); err != nil {
				return fmt.Errorf("render: review: %w", err)
			}
			continue
		}
		cp.setText(id, text)
		scans[part].anchor(id, hit, rs.single[ni], rs.hitsIn(ni, part))
	}
	if cp.index >= 0 {
		body, err := cp.body(parts)
		if err != nil {
			return err
		}
		out[cp.index] = getBuffer()
		out[cp.index].Write(body)
	}
	return rs.rewriteAll(out, scans)
}

// place is the hit a note's comment goes on (-1: none) and its part; outside reports
// that only headers or footers print the note's figures.
func (rs *reviewState) place(ni int) (hit, part int, outside bool) {
	best, bestPart := -1, -1
	for h, x := range rs.hits {
		if !contains(x.notes, ni) {
			continue
		}
		name := rs.t.parts[x.part].hdr.Name
		if !commentPart(name) {
			outside = true
			continue
		}
		// The body before notes, then the first hit of the part.
		if best < 0 || name == "word/document.xml" && rs.t.parts[bestPart].hdr.Name != "word/document.xml" {
			best, bestPart = h, x.part
		}
	}
	return best, bestPart, outside && best < 0
}

// hitsIn are the hits of note ni in a part.
func (rs *reviewState) hitsIn(ni, part int) []int {
	var out []int
	for h, x := range rs.hits {
		if x.part == part && contains(x.notes, ni) {
			out = append(out, h)
		}
	}
	return out
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// rewriteAll applies each scanned part's edits to its output.
func (rs *reviewState) rewriteAll(out []*bytes.Buffer, scans map[int]*reviewScan) error {
	for i, s := range scans {
		x := s.apply()
		out[i].Reset()
		out[i].Write(x)
	}
	return nil
}

// partPrefix is the WordprocessingML prefix of a part.
func partPrefix(p *pkgPart) string {
	if p.tmpl != nil {
		return p.tmpl.comp.prefix
	}
	if sc, err := scanPart(p.xml); err == nil {
		return sc.prefix
	}
	return "w"
}

// reviewScan is what annotate needs of one executed part: its paragraphs and runs
// around the markers, and the edits planned.
type reviewScan struct {
	x      []byte
	prefix string
	paras  []paraSpan
	marks  map[int]*hitPlace
	edits  []reviewEdit
	// paraAnchors and runAnchors keep the comment ids anchored on each paragraph and
	// hit, in order.
	paraAnchors map[int][]int
	runAnchors  map[int][]int
}

type paraSpan struct{ start, openEnd, end int }

type runSpan struct{ start, openEnd int }

// hitPlace is where a hit's markers are: their byte ranges, the paragraph, and the
// run holding the start marker (start -1 if none).
type hitPlace struct {
	start, end [2]int
	para       int
	run        runSpan
}

type reviewEdit struct {
	at, del int
	text    string
	order   int
}

// scanReview finds the paragraphs, runs and markers of an executed part.
func scanReview(x []byte, prefix string) (*reviewScan, error) {
	s := &reviewScan{x: x, prefix: prefix, marks: map[int]*hitPlace{}, paraAnchors: map[int][]int{}, runAnchors: map[int][]int{}}
	pOpen, rOpen := "<"+prefix+":p", "<"+prefix+":r"
	pClose, rClose := "</"+prefix+":p>", "</"+prefix+":r>"
	var paras []int
	var runs []runSpan
	for i := 0; i < len(x); {
		j := bytes.IndexAny(x[i:], "<\x01\x03")
		if j < 0 {
			break
		}
		i += j
		rest := x[i:]
		switch {
		case rest[0] == reviewMark || rest[0] == reviewEnd:
			k := bytes.IndexByte(rest, reviewClose)
			if k < 0 {
				return nil, fmt.Errorf("a review marker is not closed")
			}
			h, err := strconv.Atoi(string(rest[1:k]))
			if err != nil {
				return nil, fmt.Errorf("bad review marker: %v", err)
			}
			hp := s.marks[h]
			if hp == nil {
				hp = &hitPlace{para: -1, run: runSpan{start: -1}}
				s.marks[h] = hp
			}
			if rest[0] == reviewMark {
				hp.start = [2]int{i, i + k + 1}
				if len(paras) > 0 {
					hp.para = paras[len(paras)-1]
				}
				if len(runs) > 0 && hp.para >= 0 && runs[len(runs)-1].start > s.paras[hp.para].start {
					hp.run = runs[len(runs)-1]
				}
			} else {
				hp.end = [2]int{i, i + k + 1}
			}
			i += k + 1
			continue
		case isElemOpen(rest, pOpen):
			end := bytes.IndexByte(rest, '>')
			if end > 0 && rest[end-1] != '/' {
				s.paras = append(s.paras, paraSpan{start: i, openEnd: i + end + 1, end: -1})
				paras = append(paras, len(s.paras)-1)
			}
		case isElemOpen(rest, rOpen):
			end := bytes.IndexByte(rest, '>')
			if end > 0 && rest[end-1] != '/' {
				runs = append(runs, runSpan{start: i, openEnd: i + end + 1})
			}
		case bytes.HasPrefix(rest, []byte(pClose)):
			if n := len(paras); n > 0 {
				s.paras[paras[n-1]].end = i
				paras = paras[:n-1]
			}
		case bytes.HasPrefix(rest, []byte(rClose)):
			if n := len(runs); n > 0 {
				runs = runs[:n-1]
			}
		}
		i++
	}
	for h, hp := range s.marks {
		if hp.para < 0 || s.paras[hp.para].end < 0 || hp.end[1] == 0 {
			return nil, fmt.Errorf("review marker %d is not inside a paragraph", h)
		}
	}
	return s, nil
}

// isElemOpen reports whether rest starts with the start tag of the element name.
func isElemOpen(rest []byte, name string) bool {
	if !bytes.HasPrefix(rest, []byte(name)) || len(rest) == len(name) {
		return false
	}
	c := rest[len(name)]
	return c == '>' || c == ' ' || c == '/' || c == '\t' || c == '\n' || c == '\r'
}

// anchor anchors comment id on hit: on the run that printed it when the note names one
// figure that one hit of the paragraph prints, else on the whole paragraph.
func (s *reviewScan) anchor(id, hit int, single bool, noteHits []int) {
	hp := s.marks[hit]
	inPara := 0
	for _, h := range noteHits {
		if s.marks[h].para == hp.para {
			inPara++
		}
	}
	if single && inPara == 1 && hp.run.start >= 0 {
		s.runAnchors[hit] = append(s.runAnchors[hit], id)
		return
	}
	s.paraAnchors[hp.para] = append(s.paraAnchors[hp.para], id)
}

// anchorFirst anchors comment id on the first paragraph of the part.
func (s *reviewScan) anchorFirst(id int) error {
	if len(s.paras) == 0 {
		return fmt.Errorf("the body has no paragraph to hold a comment")
	}
	s.paraAnchors[0] = append(s.paraAnchors[0], id)
	return nil
}

// apply plans the edits and returns the part with the comments anchored and the
// markers gone.
func (s *reviewScan) apply() []byte {
	w := s.prefix
	add := func(at, del int, text string) {
		s.edits = append(s.edits, reviewEdit{at: at, del: del, text: text, order: len(s.edits)})
	}
	for h, hp := range s.marks {
		ids := s.runAnchors[h]
		if len(ids) == 0 {
			add(hp.start[0], hp.start[1]-hp.start[0], "")
			add(hp.end[0], hp.end[1]-hp.end[0], "")
			continue
		}
		rPr := runProps(s.x, hp.run.openEnd, w)
		reopen := "<" + w + ":r>" + rPr + "<" + w + `:t xml:space="preserve">`
		closeRun := "</" + w + ":t></" + w + ":r>"
		add(hp.start[0], hp.start[1]-hp.start[0], closeRun+rangeMarks(w, "commentRangeStart", ids)+reopen)
		add(hp.end[0], hp.end[1]-hp.end[0], closeRun+rangeMarks(w, "commentRangeEnd", ids)+referenceRuns(w, ids)+reopen)
	}
	for pi, ids := range s.paraAnchors {
		p := s.paras[pi]
		add(paraBodyStart(s.x, p, w), 0, rangeMarks(w, "commentRangeStart", ids))
		add(p.end, 0, rangeMarks(w, "commentRangeEnd", ids)+referenceRuns(w, ids))
	}
	sort.SliceStable(s.edits, func(i, j int) bool {
		if s.edits[i].at != s.edits[j].at {
			return s.edits[i].at < s.edits[j].at
		}
		return s.edits[i].order < s.edits[j].order
	})
	out := make([]byte, 0, len(s.x)+len(s.edits)*64)
	pos := 0
	for _, e := range s.edits {
		out = append(out, s.x[pos:e.at]...)
		out = append(out, e.text...)
		pos = e.at + e.del
	}
	return append(out, s.x[pos:]...)
}

// runProps is the w:rPr at the start of a run's content (at openEnd), or "".
func runProps(x []byte, openEnd int, w string) string {
	rest := x[openEnd:]
	if !isElemOpen(rest, "<"+w+":rPr") {
		return ""
	}
	end := bytes.IndexByte(rest, '>')
	if end > 0 && rest[end-1] == '/' {
		return string(rest[:end+1])
	}
	closeTag := "</" + w + ":rPr>"
	if k := bytes.Index(rest, []byte(closeTag)); k >= 0 {
		return string(rest[:k+len(closeTag)])
	}
	return ""
}

// paraBodyStart is where a paragraph's content starts: after its w:pPr.
func paraBodyStart(x []byte, p paraSpan, w string) int {
	rest := x[p.openEnd:p.end]
	if !isElemOpen(rest, "<"+w+":pPr") {
		return p.openEnd
	}
	end := bytes.IndexByte(rest, '>')
	if end > 0 && rest[end-1] == '/' {
		return p.openEnd + end + 1
	}
	closeTag := "</" + w + ":pPr>"
	if k := bytes.Index(rest, []byte(closeTag)); k >= 0 {
		return p.openEnd + k + len(closeTag)
	}
	return p.openEnd
}

func rangeMarks(w, elem string, ids []int) string {
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, `<%s:%s %s:id="%d"/>`, w, elem, w, id)
	}
	return b.String()
}

func referenceRuns(w string, ids []int) string {
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, `<%s:r><%s:commentReference %s:id="%d"/></%s:r>`, w, w, w, id, w)
	}
	return b.String()
}
