package render

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The compiler turns one scanned part into text/template source. Text outside tags stays
// as Word wrote it; each tag becomes one action, placed where it acts:
//
//   - inline: in the w:t where its "{{" begins (so the value takes that run's formatting);
//   - paragraph: a paragraph holding only control tags is replaced by them, so a range
//     repeats whole paragraphs and an if keeps or drops them;
//   - row: a block whose opening and end tags sit in different cells of one table row
//     wraps that row, so a range repeats the row.
//
// Every block's tags must end up at the same depth of the XML tree (the same element
// path); then whatever text/template keeps, drops or repeats between them is balanced XML.

type anchor int

const (
	anchorInline anchor = iota
	anchorParagraph
	anchorRow
)

// action is one tag on its way into the generated source.
type action struct {
	tag
	Location
	para    int // paragraph index in the scan
	node    int // text node where the tag starts
	anchor  anchor
	block   *block
	srcOff  int // offset of "{{" in the generated source
	removed bool
}

// block is an if, with or range with its else and end tags.
type block struct {
	open  *action
	elses []*action
	end   *action
}

type seg struct {
	lit string
	act *action
}

type edit struct {
	start, end int
	segs       []seg
	order      int
}

// compiled is one part ready for text/template.
type compiled struct {
	part    string
	src     string
	prefix  string
	actions []*action // in source order
	// fixTables: a loop or condition may leave a table cell without a paragraph or a
	// table without a row, which Word refuses; the output needs fixTables.
	fixTables bool
}

// compilePart builds the template source of one part. It returns every error it finds.
func compilePart(part string, raw []byte, s *scan) (*compiled, []*action, Errors) {
	var errs Errors
	var acts []*action
	byPara := map[int][]*action{}
	texts := map[int]string{}
	offsets := map[int][]int{}

	for pi := range s.paras {
		p := &s.paras[pi]
		if len(p.texts) == 0 {
			continue
		}
		text, offs := s.paraText(pi)
		if !strings.Contains(text, "{{") {
			continue
		}
		texts[pi], offsets[pi] = text, offs
		tags, at, ok := findTags(text)
		for _, t := range tags {
			a := &action{tag: t, para: pi, Location: Location{Part: part, Paragraph: p.number, Text: around(text, t.start, t.end)}}
			a.node = nodeAt(s, pi, offs, t.start)
			acts = append(acts, a)
			byPara[pi] = append(byPara[pi], a)
		}
		if !ok {
			kind, msg := ErrUnclosed, `"{{" has no "}}" after it in this paragraph`
			if closesLater(s, pi) {
				kind, msg = ErrSplitParagraph, `the tag starts in this paragraph and ends in a later one: a tag must stay within one paragraph`
			}
			errs = append(errs, &Error{Kind: kind, Location: Location{Part: part, Paragraph: p.number, Text: around(text, at, at+2)},
				Tag: clip(text[at:], 40), Err: fmt.Errorf("%s", msg)})
		}
	}

	// Pair the blocks.
	var stack []*block
	for _, a := range acts {
		switch a.kind {
		case tagIf, tagWith, tagRange:
			b := &block{open: a}
			a.block = b
			stack = append(stack, b)
		case tagElse:
			if len(stack) == 0 {
				errs = append(errs, a.err(ErrUnbalanced, "{{else}} without an if, with or range before it"))
				continue
			}
			b := stack[len(stack)-1]
			a.block = b
			b.elses = append(b.elses, a)
		case tagEnd:
			if len(stack) == 0 {
				errs = append(errs, a.err(ErrUnbalanced, "{{end}} without an if, with or range before it"))
				continue
			}
			b := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			a.block = b
			b.end = a
		case tagUnsupported:
			errs = append(errs, a.err(ErrUnsupported, fmt.Sprintf("{{%s}} is not supported in Word templates", a.word)))
		}
	}
	for _, b := range stack {
		errs = append(errs, b.open.err(ErrUnbalanced, fmt.Sprintf("{{%s}} has no {{end}}", b.open.word)))
	}

	// Row blocks: opening and end in different cells of the same row.
	for _, a := range acts {
		b := a.block
		if b == nil || b.open != a || b.end == nil {
			continue
		}
		po, pe := &s.paras[b.open.para], &s.paras[b.end.para]
		if po.row >= 0 && po.row == pe.row && po.cell != pe.cell {
			if len(b.elses) > 0 {
				errs = append(errs, b.elses[0].err(ErrUnbalanced, "{{else}} cannot split a table row: put the if and its else in one cell"))
				continue
			}
			b.open.anchor, b.end.anchor = anchorRow, anchorRow
		}
	}

	// Paragraphs that hold nothing but control tags go away, leaving the tags.
	removedPara := map[int]bool{}
	for pi, pas := range byPara {
		only := true
		for _, a := range pas {
			if !a.kind.control() || a.anchor == anchorRow {
				only = false
				break
			}
		}
		if !only || strings.TrimFunc(stripTags(texts[pi], pas), unicode.IsSpace) != "" {
			continue
		}
		removedPara[pi] = true
		for _, a := range pas {
			a.anchor = anchorParagraph
		}
	}

	// Each block's tags must sit at the same depth.
	for _, a := range acts {
		b := a.block
		if b == nil || b.open != a || b.end == nil {
			continue
		}
		want := anchorPath(s, b.open)
		for _, o := range append(append([]*action{}, b.elses...), b.end) {
			if anchorPath(s, o) != want {
				errs = append(errs, b.open.err(ErrUnbalanced, fmt.Sprintf(
					"{{%s}} and its {{%s}} (paragraph %d) are at different places in the document: put both alone in their own paragraphs, both inside the text of paragraphs, or both in cells of one table row",
					b.open.word, o.word, o.Paragraph)))
				break
			}
		}
	}
	if len(errs) > 0 {
		return nil, acts, errs
	}

	// Edits.
	var edits []edit
	order := 0
	add := func(e edit) {
		e.order = order
		order++
		edits = append(edits, e)
	}
	for _, a := range acts {
		if a.anchor != anchorRow {
			continue
		}
		r := s.rows[s.paras[a.para].row]
		if a.kind == tagEnd {
			add(edit{start: r.end, end: r.end, segs: []seg{{act: a}}})
		} else {
			add(edit{start: r.start, end: r.start, segs: []seg{{act: a}}})
		}
	}
	paras := make([]int, 0, len(byPara))
	for pi := range byPara {
		paras = append(paras, pi)
	}
	sort.Ints(paras)
	for _, pi := range paras {
		p := &s.paras[pi]
		pas := byPara[pi]
		if removedPara[pi] {
			e := edit{start: p.start, end: p.end}
			for _, a := range pas {
				e.segs = append(e.segs, seg{act: a})
			}
			if p.sectPr {
				// The paragraph ends a section: keep it, empty, so the layout survives.
				e.segs = append(e.segs, seg{lit: "<" + s.prefix + ":p>" + string(raw[p.pPr[0]:p.pPr[1]]) + "</" + s.prefix + ":p>", act: rawMarker})
			}
			add(e)
			continue
		}
		edits = append(edits, nodeEdits(s, raw, pi, texts[pi], offsets[pi], pas, &order)...)
	}
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].order < edits[j].order
	})

	// Generate.
	var b strings.Builder
	b.Grow(len(raw) + len(raw)/8)
	pos := 0
	var placed []*action
	for _, e := range edits {
		if e.start < pos {
			continue // inside a paragraph or run already replaced
		}
		writeRaw(&b, raw[pos:e.start])
		for _, sg := range e.segs {
			switch {
			case sg.act == rawMarker:
				writeRaw(&b, []byte(sg.lit))
			case sg.act != nil:
				sg.act.srcOff = b.Len()
				b.WriteString("{{")
				b.WriteString(sg.act.inner)
				b.WriteString("}}")
				placed = append(placed, sg.act)
			default:
				writeLit(&b, sg.lit)
			}
		}
		pos = e.end
	}
	writeRaw(&b, raw[pos:])
	sort.Slice(placed, func(i, j int) bool { return placed[i].srcOff < placed[j].srcOff })
	// A table needs repair after execution only if a row loop or condition can remove
	// every one of its rows, or a cell may lose all its paragraphs.
	fixTables := false
	for pi := range removedPara {
		if s.paras[pi].cell >= 0 {
			fixTables = true
		}
	}
	rowsIn := map[int]int{}
	for _, r := range s.rows {
		rowsIn[r.table]++
	}
	blockRows := map[int]bool{}
	for _, a := range acts {
		if a.anchor == anchorRow && a.kind.opens() {
			blockRows[s.paras[a.para].row] = true
		}
	}
	covered := map[int]int{}
	for r := range blockRows {
		t := s.rows[r].table
		if covered[t]++; covered[t] == rowsIn[t] {
			fixTables = true
		}
	}
	return &compiled{part: part, src: b.String(), prefix: s.prefix, actions: placed, fixTables: fixTables}, acts, nil
}

// rawMarker marks a segment whose lit is XML to copy as is.
var rawMarker = &action{}

// nodeEdits rewrites the text nodes of one paragraph: tag text leaves the nodes it was
// spread over, and the action goes where its "{{" was. Runs left with nothing are removed.
func nodeEdits(s *scan, raw []byte, pi int, text string, offs []int, tags []*action, order *int) []edit {
	p := &s.paras[pi]
	var edits []edit
	runEmpty := map[int]bool{}
	runTouched := map[int]bool{}
	type rewrite struct {
		node int
		segs []seg
		empt bool
	}
	var rws []rewrite
	first := 0 // tags are in order: those ending before this node are done
	for k, ti := range p.texts {
		tn := &s.texts[ti]
		from, to := offs[k], offs[k]+len(tn.text)
		var segs []seg
		touched := false
		pos := from
		for first < len(tags) && tags[first].cutEnd <= from {
			first++
		}
		for _, a := range tags[first:] {
			if a.cutStart >= to {
				break
			}
			if a.cutEnd <= from {
				continue
			}
			touched = true
			if a.cutStart > pos {
				segs = append(segs, seg{lit: text[pos:a.cutStart]})
			}
			if a.node == ti && a.anchor == anchorInline {
				segs = append(segs, seg{act: a})
			}
			if a.cutEnd > pos {
				pos = a.cutEnd
			}
		}
		if run := tn.run; run >= 0 {
			if _, seen := runEmpty[run]; !seen {
				runEmpty[run] = !s.runs[run].other
			}
		}
		if !touched {
			if tn.run >= 0 && tn.text != "" {
				runEmpty[tn.run] = false
			}
			continue
		}
		if pos < to {
			segs = append(segs, seg{lit: text[pos:to]})
		}
		empty := len(segs) == 0
		if tn.run >= 0 {
			runTouched[tn.run] = true
			if !empty {
				runEmpty[tn.run] = false
			}
		}
		rws = append(rws, rewrite{node: ti, segs: segs, empt: empty})
	}
	removedRun := map[int]bool{}
	for run, touched := range runTouched {
		if touched && runEmpty[run] {
			removedRun[run] = true
			edits = append(edits, edit{start: s.runs[run].start, end: s.runs[run].end, order: *order})
			*order++
		}
	}
	for _, rw := range rws {
		tn := &s.texts[rw.node]
		if tn.run >= 0 && removedRun[tn.run] || tn.selfClosing {
			continue
		}
		startTag := string(raw[tn.tagStart:tn.tagEnd])
		if !strings.Contains(startTag, "xml:space") {
			edits = append(edits, edit{start: tn.tagStart, end: tn.tagEnd, order: *order,
				segs: []seg{{lit: strings.TrimSuffix(startTag, ">") + ` xml:space="preserve">`, act: rawMarker}}})
			*order++
		}
		edits = append(edits, edit{start: tn.start, end: tn.end, segs: rw.segs, order: *order})
		*order++
	}
	return edits
}

// nodeAt returns the text node of paragraph pi holding byte off of its text.
func nodeAt(s *scan, pi int, offs []int, off int) int {
	p := &s.paras[pi]
	// The last node starting at or before off that is not empty.
	k := sort.Search(len(offs), func(k int) bool { return offs[k] > off }) - 1
	for ; k >= 0; k-- {
		if off < offs[k]+len(s.texts[p.texts[k]].text) {
			return p.texts[k]
		}
	}
	return p.texts[0]
}

// anchorPath is the element path where an action's output lands.
func anchorPath(s *scan, a *action) int {
	switch a.anchor {
	case anchorParagraph:
		return s.paras[a.para].parent
	case anchorRow:
		return s.rows[s.paras[a.para].row].parent
	}
	return s.texts[a.node].path
}

// closesLater reports whether a paragraph after pi closes a tag before opening one.
func closesLater(s *scan, pi int) bool {
	for q := pi + 1; q < len(s.paras) && q <= pi+20; q++ {
		t, _ := s.paraText(q)
		c, o := strings.Index(t, "}}"), strings.Index(t, "{{")
		if c >= 0 && (o < 0 || c < o) {
			return true
		}
		if o >= 0 {
			return false
		}
	}
	return false
}

func stripTags(text string, tags []*action) string {
	var b strings.Builder
	pos := 0
	for _, a := range tags {
		b.WriteString(text[pos:a.cutStart])
		pos = a.cutEnd
	}
	b.WriteString(text[pos:])
	return b.String()
}

// writeRaw copies XML the compiler did not touch; a "{{" in it (an attribute, say) must
// not start an action, so its second brace becomes a character reference.
func writeRaw(b *strings.Builder, raw []byte) {
	s := string(raw)
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i+1])
		b.WriteString("&#123;")
		s = s[i+2:]
	}
}

// writeLit writes text that goes back into a w:t, escaped for XML; braces become
// character references so that they can never join an action's delimiters.
func writeLit(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '{':
			b.WriteString("&#123;")
		case '\r':
			b.WriteString("&#13;") // a raw CR would read back as LF
		default:
			b.WriteRune(r)
		}
	}
}

// around is the paragraph text around a tag, for messages: enough for a clerk to find
// the place in Word.
func around(text string, start, end int) string {
	const ctx = 40
	before, after := text[:start], text[end:]
	// Look at no more bytes than ctx runes can take, so long paragraphs cost nothing.
	if len(before) > ctx*utf8.UTFMax {
		before = before[len(before)-ctx*utf8.UTFMax:]
	}
	if r := []rune(before); len(r) > ctx || len(before) < start {
		if len(r) > ctx {
			r = r[len(r)-ctx:]
		}
		before = "…" + string(r)
	}
	if len(after) > ctx*utf8.UTFMax {
		after = after[:ctx*utf8.UTFMax]
	}
	if r := []rune(after); len(r) > ctx || len(after) < len(text)-end {
		if len(r) > ctx {
			r = r[:ctx]
		}
		after = strings.ToValidUTF8(string(r), "") + "…"
	}
	tag := text[start:end]
	if r := []rune(tag); len(r) > 2*ctx {
		tag = string(r[:ctx]) + "…" + string(r[len(r)-ctx:])
	}
	return strings.ToValidUTF8(before, "") + tag + after
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func (a *action) err(kind error, msg string) *Error {
	return &Error{Kind: kind, Location: a.Location, Tag: a.text, Err: fmt.Errorf("%s", msg)}
}
