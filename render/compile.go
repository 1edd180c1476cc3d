package render

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
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
	// loc is where the tag is, without the text around it: location() adds it, only
	// for the messages and uses that show it.
	loc      Location
	paraText string
	para     int // paragraph index in the scan
	node     int // text node where the tag starts
	anchor   anchor
	block    *block
	srcOff   int // offset of "{{" in the generated source
}

// block is an if, with or range with its else and end tags.
type block struct {
	open  *action
	elses []*action
	end   *action
}

// seg is a piece of an edit's replacement: literal text for a w:t (escaped when
// emitted), XML to copy as it is, or an action.
type seg struct {
	lit string
	raw string
	act *action
}

// edit replaces raw[start:end] with segs. Edits at the same offset keep the order in
// which they were planned.
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

// compiler holds one part on its way through the passes of compilePart.
type compiler struct {
	part string
	raw  []byte
	s    *scan
	acts []*action
	// paras are the paragraphs holding tags, in order, with their text and tags.
	paras []paraTags
	errs  Errors
	// tagBudget is what is left of Limits.MaxTags for the package.
	tagBudget *int
	edits     []edit
}

// paraTags is one paragraph that holds tags.
type paraTags struct {
	index   int // into scan.paras
	text    string
	offsets []int // of each text node in text
	tags    []*action
	// control: the paragraph holds only control tags, which replace it (see
	// anchorParagraphs).
	control bool
}

// compilePart builds the template source of one part, in passes as text/template's
// parser works: find the tags in each paragraph, pair the blocks, anchor each tag to its
// run, paragraph or row, check that each block's tags stand at one level, plan the edits
// of the XML, and emit the source. It returns the tags it found and every error.
func compilePart(part string, raw []byte, s *scan, tagBudget *int) (*compiled, []*action, Errors) {
	c := &compiler{part: part, raw: raw, s: s, tagBudget: tagBudget}
	if !c.findTags() {
		return nil, c.acts, c.errs
	}
	c.pairBlocks()
	c.anchorRows()
	c.anchorParagraphs()
	c.checkLevels()
	if len(c.errs) > 0 {
		return nil, c.acts, c.errs
	}
	c.planEdits()
	src, placed := c.emit()
	return &compiled{part: part, src: src, prefix: s.prefix, actions: placed, fixTables: c.needsTableFix()}, c.acts, nil
}

// findTags finds the tags of every paragraph. It returns false, with an ErrLimit error,
// when the package holds more tags than Limits.MaxTags.
func (c *compiler) findTags() bool {
	s := c.s
	for pi := range s.paras {
		p := &s.paras[pi]
		if len(p.texts) == 0 {
			continue
		}
		text, offs := s.paraText(pi)
		if !strings.Contains(text, "{{") {
			continue
		}
		tags, at, ok := findTags(text, max(*c.tagBudget, 0))
		if *c.tagBudget -= len(tags); *c.tagBudget < 0 {
			t := tags[len(tags)-1]
			c.errs = append(c.errs, &Error{Kind: ErrLimit, Name: "MaxTags", Location: c.location(pi, text, t.start, t.end),
				Tag: t.text, Err: errors.New("the template holds more tags than Limits.MaxTags allows")})
			return false
		}
		pt := paraTags{index: pi, text: text, offsets: offs, tags: make([]*action, 0, len(tags))}
		acts := make([]action, len(tags)) // the paragraph's actions, in one allocation
		for i, t := range tags {
			a := &acts[i]
			*a = action{tag: t, para: pi, loc: c.place(pi), paraText: text}
			a.node = nodeAt(s, pi, offs, t.start)
			c.acts = append(c.acts, a)
			pt.tags = append(pt.tags, a)
		}
		c.paras = append(c.paras, pt)
		if !ok {
			kind, msg := ErrUnclosed, `"{{" has no "}}" after it in this paragraph`
			if closesLater(s, pi) {
				kind, msg = ErrSplitParagraph, `the tag starts in this paragraph and ends in a later one: a tag must stay within one paragraph`
			}
			c.errs = append(c.errs, &Error{Kind: kind, Location: c.location(pi, text, at, at+2),
				Tag: clip(text[at:], 40), Err: errors.New(msg)})
		}
	}
	return true
}

// location is where a clerk finds text[start:end] of paragraph pi in Word.
func (c *compiler) location(pi int, text string, start, end int) Location {
	l := c.place(pi)
	l.Text = around(text, start, end)
	return l
}

// place is the location of paragraph pi without its text.
func (c *compiler) place(pi int) Location {
	p := &c.s.paras[pi]
	return Location{Part: c.part, Paragraph: p.number, Table: p.table, Row: p.tableRow, Column: p.column}
}

// location is where a clerk finds the tag in Word, with the paragraph's text around it.
func (a *action) location() Location {
	l := a.loc
	if a.paraText != "" {
		l.Text = around(a.paraText, a.start, a.end)
	}
	return l
}

// pairBlocks gives each if, with and range its else and end tags, as text/template's
// parser pairs them.
func (c *compiler) pairBlocks() {
	var stack []*block
	for _, a := range c.acts {
		switch a.kind {
		case tagIf, tagWith, tagRange:
			b := &block{open: a}
			a.block = b
			stack = append(stack, b)
		case tagElse:
			if len(stack) == 0 {
				c.errs = append(c.errs, a.err(ErrUnbalanced, "{{else}} without an if, with or range before it"))
				continue
			}
			b := stack[len(stack)-1]
			a.block = b
			b.elses = append(b.elses, a)
		case tagEnd:
			if len(stack) == 0 {
				c.errs = append(c.errs, a.err(ErrUnbalanced, "{{end}} without an if, with or range before it"))
				continue
			}
			b := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			a.block = b
			b.end = a
		case tagUnsupported:
			e := a.err(ErrUnsupported, fmt.Sprintf("{{%s}} is not supported in Word templates", a.word))
			e.Name = a.word
			c.errs = append(c.errs, e)
		}
	}
	for _, b := range stack {
		c.errs = append(c.errs, b.open.err(ErrUnbalanced, fmt.Sprintf("{{%s}} has no {{end}}", b.open.word)))
	}
}

// blocks calls f for every paired block, in the order of their opening tags.
func (c *compiler) blocks(f func(b *block)) {
	for _, a := range c.acts {
		if b := a.block; b != nil && b.open == a && b.end != nil {
			f(b)
		}
	}
}

// anchorRows anchors to its table row a block whose opening and end tags stand in
// different cells of that row.
func (c *compiler) anchorRows() {
	c.blocks(func(b *block) {
		po, pe := &c.s.paras[b.open.para], &c.s.paras[b.end.para]
		if po.row < 0 || po.row != pe.row || po.cell == pe.cell {
			return
		}
		if len(b.elses) > 0 {
			c.errs = append(c.errs, b.elses[0].err(ErrUnbalanced, "{{else}} cannot split a table row: put the if and its else in one cell"))
			return
		}
		b.open.anchor, b.end.anchor = anchorRow, anchorRow
	})
}

// anchorParagraphs anchors to their paragraph the control tags of a paragraph that holds
// nothing else but spaces: the paragraph goes, leaving the tags.
func (c *compiler) anchorParagraphs() {
	for i := range c.paras {
		pt := &c.paras[i]
		only := true
		for _, a := range pt.tags {
			if !a.kind.control() || a.anchor == anchorRow {
				only = false
				break
			}
		}
		if !only || strings.TrimFunc(stripTags(pt.text, pt.tags), unicode.IsSpace) != "" {
			continue
		}
		pt.control = true
		for _, a := range pt.tags {
			a.anchor = anchorParagraph
		}
	}
}

// checkLevels requires each block's tags to sit at the same depth of the XML, so that
// what text/template keeps, drops or repeats between them is balanced XML.
func (c *compiler) checkLevels() {
	c.blocks(func(b *block) {
		want := anchorPath(c.s, b.open)
		for _, o := range append(append([]*action{}, b.elses...), b.end) {
			if anchorPath(c.s, o) != want {
				c.errs = append(c.errs, b.open.err(ErrUnbalanced, fmt.Sprintf(
					"{{%s}} and its {{%s}} (paragraph %d) are at different places in the document: put both alone in their own paragraphs, both inside the text of paragraphs, or both in cells of one table row",
					b.open.word, o.word, o.loc.Paragraph)))
				return
			}
		}
	})
}

// add plans one edit.
func (c *compiler) add(e edit) {
	e.order = len(c.edits)
	c.edits = append(c.edits, e)
}

// planEdits plans every change to the part's XML: row tags before and after their rows,
// control paragraphs replaced by their tags, and tag text moved out of the runs it was
// typed in.
func (c *compiler) planEdits() {
	for _, a := range c.acts {
		if a.anchor != anchorRow {
			continue
		}
		r := c.s.rows[c.s.paras[a.para].row]
		at := r.start
		if a.kind == tagEnd {
			at = r.end
		}
		c.add(edit{start: at, end: at, segs: []seg{{act: a}}})
	}
	for i := range c.paras {
		pt := &c.paras[i]
		p := &c.s.paras[pt.index]
		switch {
		case pt.control && (p.keep || p.sectPr):
			c.keepControlParagraph(pt)
		case pt.control:
			e := edit{start: p.start, end: p.end}
			for _, a := range pt.tags {
				e.segs = append(e.segs, seg{act: a})
			}
			c.add(e)
		default:
			c.nodeEdits(pt)
		}
	}
	sort.SliceStable(c.edits, func(i, j int) bool {
		if c.edits[i].start != c.edits[j].start {
			return c.edits[i].start < c.edits[j].start
		}
		return c.edits[i].order < c.edits[j].order
	})
}

// keepControlParagraph handles a control paragraph that also holds a drawing, a note
// reference, a bookmark, a field or a section break: the paragraph stays, without its
// tags. The tags go after it when the first opens a block, so that it stays before the
// block, and before it otherwise, so that it stays after an end (and in the branch an
// else opens).
func (c *compiler) keepControlParagraph(pt *paraTags) {
	p := &c.s.paras[pt.index]
	var segs []seg
	for _, a := range pt.tags {
		segs = append(segs, seg{act: a})
	}
	at := p.start
	if pt.tags[0].kind.opens() {
		at = p.end
	}
	c.add(edit{start: at, end: at, segs: segs})
	c.nodeEdits(pt)
}

// emit writes the template source: the part's XML with the edits applied. It returns the
// actions placed, in source order.
func (c *compiler) emit() (string, []*action) {
	var b strings.Builder
	b.Grow(len(c.raw) + len(c.raw)/8)
	pos := 0
	var placed []*action
	for _, e := range c.edits {
		if e.start < pos {
			continue // inside a paragraph or run already replaced
		}
		writeRaw(&b, c.raw[pos:e.start])
		for _, sg := range e.segs {
			switch {
			case sg.act != nil:
				sg.act.srcOff = b.Len()
				b.WriteString("{{")
				b.WriteString(sg.act.inner)
				b.WriteString("}}")
				placed = append(placed, sg.act)
			case sg.raw != "":
				writeRaw(&b, []byte(sg.raw))
			default:
				writeLit(&b, sg.lit)
			}
		}
		pos = e.end
	}
	writeRaw(&b, c.raw[pos:])
	sort.Slice(placed, func(i, j int) bool { return placed[i].srcOff < placed[j].srcOff })
	return b.String(), placed
}

// needsTableFix reports whether a table may need repair after execution: a row loop or
// condition can remove every one of its rows, or a cell may lose all its paragraphs.
func (c *compiler) needsTableFix() bool {
	s := c.s
	for _, pt := range c.paras {
		if pt.control && !s.paras[pt.index].keep && s.paras[pt.index].cell >= 0 {
			return true
		}
	}
	rowsIn := map[int]int{}
	for _, r := range s.rows {
		rowsIn[r.table]++
	}
	blockRows := map[int]bool{}
	for _, a := range c.acts {
		if a.anchor == anchorRow && a.kind.opens() {
			blockRows[s.paras[a.para].row] = true
		}
	}
	covered := map[int]int{}
	for r := range blockRows {
		t := s.rows[r].table
		if covered[t]++; covered[t] == rowsIn[t] {
			return true
		}
	}
	return false
}

// rewrite is a text node whose content changes: the tags typed in it leave, and an
// inline action takes the place of its "{{".
type rewrite struct {
	node  int
	segs  []seg
	empty bool
}

// nodeEdits rewrites the text nodes of one paragraph: tag text leaves the nodes it was
// spread over, and an inline action goes where its "{{" was. Runs left with nothing are
// removed.
func (c *compiler) nodeEdits(pt *paraTags) {
	rws, emptied := c.rewrites(pt)
	for _, run := range emptied {
		c.add(edit{start: c.s.runs[run].start, end: c.s.runs[run].end})
	}
	for _, rw := range rws {
		tn := &c.s.texts[rw.node]
		if tn.run >= 0 && slices.Contains(emptied, tn.run) || tn.selfClosing {
			continue
		}
		startTag := c.raw[tn.tagStart:tn.tagEnd]
		if !bytes.Contains(startTag, []byte("xml:space")) {
			c.add(edit{start: tn.tagStart, end: tn.tagEnd,
				segs: []seg{{raw: string(bytes.TrimSuffix(startTag, []byte(">"))) + ` xml:space="preserve">`}}})
		}
		c.add(edit{start: tn.start, end: tn.end, segs: rw.segs})
	}
}

// runState is what rewrites learns of one run of a paragraph: whether a tag touches
// it, and whether it is empty so far (no text left, nothing but properties besides).
type runState struct {
	run            int
	touched, empty bool
}

// paraRuns are the runs of one paragraph as rewrites sees them, in order: a paragraph
// has a few runs, which a slice finds as fast as a map and without allocating one.
type paraRuns []runState

func (rs *paraRuns) get(run int) *runState {
	for i := range *rs {
		if (*rs)[i].run == run {
			return &(*rs)[i]
		}
	}
	return nil
}

// rewrites computes the new content of each text node of a paragraph that a tag
// touches, and the runs that end up empty: touched, with no text left and nothing but
// properties besides.
func (c *compiler) rewrites(pt *paraTags) ([]rewrite, []int) {
	s, tags, text := c.s, pt.tags, pt.text
	var rws []rewrite
	var runs paraRuns
	first := 0 // tags are in order: those ending before this node are done
	for k, ti := range s.paras[pt.index].texts {
		tn := &s.texts[ti]
		from, to := pt.offsets[k], pt.offsets[k]+len(tn.text)
		for first < len(tags) && tags[first].cutEnd <= from {
			first++
		}
		segs, touched := nodeSegs(text, from, to, ti, tags[first:])
		var rs *runState
		if tn.run >= 0 {
			if rs = runs.get(tn.run); rs == nil {
				runs = append(runs, runState{run: tn.run, empty: !s.runs[tn.run].other})
				rs = &runs[len(runs)-1]
			}
		}
		if !touched {
			if rs != nil && tn.text != "" {
				rs.empty = false
			}
			continue
		}
		empty := len(segs) == 0
		if rs != nil {
			rs.touched = true
			rs.empty = rs.empty && empty
		}
		rws = append(rws, rewrite{node: ti, segs: segs, empty: empty})
	}
	var emptied []int
	for _, rs := range runs {
		if rs.touched && rs.empty {
			emptied = append(emptied, rs.run)
		}
	}
	return rws, emptied
}

// nodeSegs is the new content of the text node ti, which holds text[from:to]: the text
// no tag cuts, and the inline actions that start in it. touched reports whether any tag
// cuts it.
func nodeSegs(text string, from, to, ti int, tags []*action) (segs []seg, touched bool) {
	cuts := 0 // the tags that cut the node: a piece of text before each, the action, the rest
	for _, a := range tags {
		if a.cutStart >= to {
			break
		}
		if a.cutEnd > from {
			cuts++
		}
	}
	if cuts == 0 {
		return nil, false
	}
	segs = make([]seg, 0, 2*cuts+1)
	pos := from
	for _, a := range tags {
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
	if touched && pos < to {
		segs = append(segs, seg{lit: text[pos:to]})
	}
	return segs, touched
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
	for {
		i := bytes.Index(raw, []byte("{{"))
		if i < 0 {
			b.Write(raw)
			return
		}
		b.Write(raw[:i+1])
		b.WriteString("&#123;")
		raw = raw[i+2:]
	}
}

// writeLit writes text that goes back into a w:t, escaped for XML; braces become
// character references so that they can never join an action's delimiters.
func writeLit(b *strings.Builder, s string) {
	for {
		i := indexLitSpecial(s)
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch s[i] {
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
		}
		s = s[i+1:]
	}
}

// litSpecial marks the bytes writeLit replaces.
var litSpecial = [256]bool{'&': true, '<': true, '>': true, '{': true, '\r': true}

// indexLitSpecial is strings.IndexAny(s, "&<>{\r") by a table, which costs a few
// instructions a byte where IndexAny costs twice as many.
func indexLitSpecial(s string) int {
	for i := 0; i < len(s); i++ {
		if litSpecial[s[i]] {
			return i
		}
	}
	return -1
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
	return &Error{Kind: kind, Location: a.location(), Tag: a.text, Err: errors.New(msg)}
}
