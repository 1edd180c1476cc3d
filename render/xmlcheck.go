package render

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf8"
)

// xmlRoot is what checkWellFormed learns of a part's root element.
type xmlRoot struct {
	prefix, local string
	ns            string // the namespace its prefix (or the default namespace) is bound to
}

// xmlProblem is a well-formedness error at a byte offset of a part.
type xmlProblem struct {
	off int
	msg string
}

// position turns the problem's offset into a 1-based line and column (in bytes).
func (p *xmlProblem) position(data []byte) (line, col int) {
	off := min(p.off, len(data))
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	return line, off - bytes.LastIndexByte(data[:off], '\n')
}

// checkWellFormed checks that data is a well-formed XML document as Word needs it, in one
// linear pass over the bytes without building tokens (encoding/xml takes about 50 times
// longer, and a template's styles alone are close to a megabyte):
//
//   - UTF-8 (an optional byte order mark first), only the characters XML 1.0 allows;
//   - an XML declaration only at the start, comments and processing instructions closed,
//     CDATA only inside the root;
//   - no DOCTYPE nor any other <! directive (entity bombs, external entities);
//   - one root element, every end tag matching its start tag, nothing but white space
//     around the root, attributes quoted, never repeated and free of "<";
//   - only the five predefined entities and character references to allowed characters;
//   - every element and attribute prefix declared, and with requireNS every element in
//     a namespace.
//
// It returns the root element and nil, or the first problem.
func checkWellFormed(data []byte, requireNS bool) (xmlRoot, *xmlProblem) {
	c := xmlChecker{data: data, requireNS: requireNS, declared: map[string]int{"xml": 1}}
	if p := c.checkChars(); p != nil {
		return xmlRoot{}, p
	}
	return c.root, c.run()
}

// sniffRoot reads a part only as far as its root element's start tag, for a caller that
// wants to know what the part is before how well it is written.
func sniffRoot(data []byte) (xmlRoot, *xmlProblem) {
	c := xmlChecker{data: data, rootOnly: true, declared: map[string]int{"xml": 1}}
	p := c.run()
	return c.root, p
}

type xmlChecker struct {
	data      []byte
	i         int
	requireNS bool
	rootOnly  bool // stop after the root's start tag
	stack     []openElement
	declared  map[string]int // prefix → number of open elements declaring it; "" = default
	// lastPrefix was found declared, and no declaration has ended since: most elements of
	// a part use the same prefix, and this spares a map lookup for each.
	lastPrefix []byte
	rootSeen   bool
	root       xmlRoot
	attrs      [][]byte        // attribute names of the current start tag, to find repeats
	attrSet    map[string]bool // the same, once a tag has many attributes (no quadratic scan)
	lastValue  []byte          // the value of the attribute just read
	decls      []string        // prefixes declared by the open elements, innermost last
}

type openElement struct {
	name  []byte // prefix:local as written
	decls int    // prefixes this element declared (the last entries of decls)
}

func (c *xmlChecker) fail(off int, format string, args ...any) *xmlProblem {
	return &xmlProblem{off: off, msg: fmt.Sprintf(format, args...)}
}

// checkChars checks the encoding and the characters of the whole part at once.
func (c *xmlChecker) checkChars() *xmlProblem {
	d := c.data
	if len(d) >= 2 && (d[0] == 0xFE && d[1] == 0xFF || d[0] == 0xFF && d[1] == 0xFE) {
		return c.fail(0, "the part is in UTF-16, which this library does not read: save it as UTF-8")
	}
	if !utf8.Valid(d) {
		n := 0
		for n < len(d) {
			r, size := utf8.DecodeRune(d[n:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			n += size
		}
		return c.fail(n, "invalid UTF-8")
	}
	if n := controlChar(d); n >= 0 {
		return c.fail(n, "control character U+%04X, which XML does not allow", d[n])
	}
	for _, bad := range []string{"\uFFFE", "\uFFFF"} {
		if n := bytes.Index(d, []byte(bad)); n >= 0 {
			return c.fail(n, "character %U, which XML does not allow", []rune(bad)[0])
		}
	}
	return nil
}

// controlChar returns the offset of the first byte below 0x20 other than tab, LF and CR,
// or -1. It tests eight bytes at a time: a part is mostly markup without line ends.
func controlChar(d []byte) int {
	const low, high = 0x2020202020202020, 0x8080808080808080
	n := 0
	for ; n+8 <= len(d); n += 8 {
		x := binary.LittleEndian.Uint64(d[n:])
		if (x-low)&^x&high == 0 {
			continue // no byte below 0x20 in these eight
		}
		for k, b := range d[n : n+8] {
			if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
				return n + k
			}
		}
	}
	for k, b := range d[n:] {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			return n + k
		}
	}
	return -1
}

func (c *xmlChecker) run() *xmlProblem {
	d := c.data
	c.i = 0
	if bytes.HasPrefix(d, []byte("\xEF\xBB\xBF")) {
		c.i = 3
	}
	start := c.i
	for c.i < len(d) && !(c.rootOnly && c.rootSeen) {
		j := bytes.IndexByte(d[c.i:], '<')
		if j < 0 {
			j = len(d) - c.i
		}
		if p := c.text(d[c.i : c.i+j]); p != nil {
			return p
		}
		c.i += j
		if c.i >= len(d) {
			break
		}
		var p *xmlProblem
		rest := d[c.i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			p = c.pi(c.i == start)
		case bytes.HasPrefix(rest, []byte("<!--")):
			p = c.skipTo("-->", "comment")
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			if len(c.stack) == 0 {
				return c.fail(c.i, "CDATA section outside the root element")
			}
			p = c.skipTo("]]>", "CDATA section")
		case bytes.HasPrefix(rest, []byte("<!")):
			return c.fail(c.i, "a DOCTYPE or other directive, which Office Open XML does not allow")
		case bytes.HasPrefix(rest, []byte("</")):
			p = c.endTag()
		default:
			p = c.startTag()
		}
		if p != nil {
			return p
		}
	}
	if len(c.stack) > 0 && !c.rootOnly {
		return c.fail(len(d), "<%s> is never closed", c.stack[len(c.stack)-1].name)
	}
	if !c.rootSeen {
		return c.fail(len(d), "no root element: the part is empty")
	}
	return nil
}

// text checks character data: only white space outside the root, valid references.
func (c *xmlChecker) text(s []byte) *xmlProblem {
	if len(s) == 0 {
		return nil
	}
	if len(c.stack) == 0 {
		if len(bytes.TrimLeft(s, " \t\r\n")) > 0 {
			return c.fail(c.i, "text outside the root element")
		}
		return nil
	}
	return c.references(s, c.i)
}

// references checks every & in s (found at offset off of the part).
func (c *xmlChecker) references(s []byte, off int) *xmlProblem {
	for {
		k := bytes.IndexByte(s, '&')
		if k < 0 {
			return nil
		}
		s = s[k+1:]
		off += k + 1
		end := bytes.IndexByte(s, ';')
		if end < 0 || !validReference(s[:end]) {
			return c.fail(off-1, "invalid entity or character reference")
		}
		s = s[end+1:]
		off += end + 1
	}
}

func validReference(ref []byte) bool {
	switch string(ref) {
	case "lt", "gt", "amp", "apos", "quot":
		return true
	}
	if len(ref) < 2 || ref[0] != '#' {
		return false
	}
	base, digits := 10, ref[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 || len(digits) > 8 {
		return false
	}
	r := 0
	for _, b := range digits {
		v := 0
		switch {
		case b >= '0' && b <= '9':
			v = int(b - '0')
		case base == 16 && b >= 'a' && b <= 'f':
			v = int(b-'a') + 10
		case base == 16 && b >= 'A' && b <= 'F':
			v = int(b-'A') + 10
		default:
			return false
		}
		r = r*base + v
	}
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// skipTo moves past the next end, which closes a construct of the given name.
func (c *xmlChecker) skipTo(end, what string) *xmlProblem {
	k := bytes.Index(c.data[c.i:], []byte(end))
	if k < 0 {
		return c.fail(c.i, "%s never closed", what)
	}
	c.i += k + len(end)
	return nil
}

// pi skips a processing instruction; the XML declaration may only come first.
func (c *xmlChecker) pi(first bool) *xmlProblem {
	at := c.i
	target := c.data[at+2:]
	if n := bytes.IndexAny(target, " \t\r\n?"); n >= 0 {
		target = target[:n]
	}
	if bytes.EqualFold(target, []byte("xml")) && !first {
		return c.fail(at, "XML declaration not at the start of the part")
	}
	if len(target) == 0 {
		return c.fail(at, "processing instruction without a target")
	}
	return c.skipTo("?>", "processing instruction")
}

// xmlSpace reports whether b is XML white space.
func xmlSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// nameEnd marks the bytes that end a name (white space, "/", ">", "=") and, with 2, the
// bytes a name may not hold ("<", "&", quotes).
var nameEnd = func() (t [256]byte) {
	for _, b := range []byte(" \t\r\n/>=") {
		t[b] = 1
	}
	for _, b := range []byte("<&\"'") {
		t[b] = 2
	}
	return t
}()

// name reads an XML name at c.i: it ends at white space, "/", ">" or "=". bad reports a
// byte no name may hold.
func (c *xmlChecker) name() (n []byte, bad bool) {
	d := c.data
	s := c.i
	for c.i < len(d) {
		switch nameEnd[d[c.i]] {
		case 1:
			return d[s:c.i], bad
		case 2:
			bad = true
		}
		c.i++
	}
	return d[s:c.i], bad
}

func validName(n []byte, bad bool) bool {
	if bad || len(n) == 0 || n[0] == ':' || n[len(n)-1] == ':' {
		return false
	}
	if b := n[0]; b >= '0' && b <= '9' || b == '-' || b == '.' {
		return false
	}
	k := bytes.IndexByte(n, ':')
	return k < 0 || bytes.IndexByte(n[k+1:], ':') < 0
}

func splitName(n []byte) (prefix, local []byte) {
	if k := bytes.IndexByte(n, ':'); k >= 0 {
		return n[:k], n[k+1:]
	}
	return nil, n
}

func (c *xmlChecker) skipSpace() bool {
	s := c.i
	for c.i < len(c.data) && xmlSpace(c.data[c.i]) {
		c.i++
	}
	return c.i > s
}

func (c *xmlChecker) endTag() *xmlProblem {
	at := c.i
	c.i += 2
	n, _ := c.name()
	c.skipSpace()
	if c.i >= len(c.data) || c.data[c.i] != '>' {
		return c.fail(at, "end tag </%s> not closed by >", n)
	}
	c.i++
	if len(c.stack) == 0 {
		return c.fail(at, "end tag </%s> without a start tag", n)
	}
	top := c.stack[len(c.stack)-1]
	if !bytes.Equal(top.name, n) {
		return c.fail(at, "end tag </%s> does not match <%s>", n, top.name)
	}
	c.pop()
	return nil
}

func (c *xmlChecker) pop() {
	top := c.stack[len(c.stack)-1]
	if top.decls > 0 {
		c.lastPrefix = nil
	}
	for _, p := range c.decls[len(c.decls)-top.decls:] {
		c.declared[p]--
	}
	c.decls = c.decls[:len(c.decls)-top.decls]
	c.stack = c.stack[:len(c.stack)-1]
}

// startTag checks a start tag and its attributes, then the prefixes they use.
func (c *xmlChecker) startTag() *xmlProblem {
	at := c.i
	c.i++
	n, bad := c.name()
	if !validName(n, bad) {
		return c.fail(at, "invalid element name %q", n)
	}
	if len(c.stack) == 0 && c.rootSeen {
		return c.fail(at, "element <%s> after the root element", n)
	}
	el := openElement{name: n}
	c.attrs = c.attrs[:0]
	empty, p := c.attributes(at, n, &el)
	if p != nil {
		return p
	}
	c.stack = append(c.stack, el)
	if p := c.checkPrefixes(at, n); p != nil {
		return p
	}
	if !c.rootSeen {
		c.rootSeen = true
		prefix, local := splitName(n)
		c.root = xmlRoot{prefix: string(prefix), local: string(local)}
		c.root.ns = c.rootNamespace(at, string(prefix))
	}
	if empty {
		c.pop()
	}
	return nil
}

// attributes reads the attributes of the start tag begun at at, up to its > or />.
func (c *xmlChecker) attributes(at int, elem []byte, el *openElement) (empty bool, p *xmlProblem) {
	d := c.data
	for {
		spaced := c.skipSpace()
		if c.i >= len(d) {
			return false, c.fail(at, "<%s> not closed by >", elem)
		}
		switch {
		case d[c.i] == '>':
			c.i++
			return false, nil
		case d[c.i] == '/':
			if c.i+1 >= len(d) || d[c.i+1] != '>' {
				return false, c.fail(c.i, "/ without > in <%s>", elem)
			}
			c.i += 2
			return true, nil
		case !spaced:
			return false, c.fail(c.i, "no white space before an attribute of <%s>", elem)
		}
		an, bad := c.name()
		if !validName(an, bad) {
			return false, c.fail(c.i, "invalid attribute name %q on <%s>", an, elem)
		}
		if c.repeated(an) {
			return false, c.fail(c.i, "attribute %s repeated on <%s>", an, elem)
		}
		c.attrs = append(c.attrs, an)
		if p := c.attrValue(an, elem); p != nil {
			return false, p
		}
		if p := c.declare(an, el); p != nil {
			return false, p
		}
	}
}

// manyAttributes is the number of attributes on one tag beyond which repeats are found
// with a map rather than by comparing with each earlier one.
const manyAttributes = 32

// repeated reports whether the current start tag already has an attribute named an.
func (c *xmlChecker) repeated(an []byte) bool {
	if len(c.attrs) < manyAttributes {
		for _, prev := range c.attrs {
			if bytes.Equal(prev, an) {
				return true
			}
		}
		return false
	}
	if len(c.attrs) == manyAttributes {
		c.attrSet = make(map[string]bool, 2*manyAttributes)
		for _, prev := range c.attrs {
			c.attrSet[string(prev)] = true
		}
	}
	if c.attrSet[string(an)] {
		return true
	}
	c.attrSet[string(an)] = true
	return false
}

// attrValue reads = and the quoted value of attribute an.
func (c *xmlChecker) attrValue(an, elem []byte) *xmlProblem {
	d := c.data
	c.skipSpace()
	if c.i >= len(d) || d[c.i] != '=' {
		return c.fail(c.i, "attribute %s of <%s> without a value", an, elem)
	}
	c.i++
	c.skipSpace()
	if c.i >= len(d) || d[c.i] != '"' && d[c.i] != '\'' {
		return c.fail(c.i, "unquoted value of attribute %s of <%s>", an, elem)
	}
	q := d[c.i]
	c.i++
	v0 := c.i
	for c.i < len(d) && d[c.i] != q {
		switch d[c.i] {
		case '<':
			return c.fail(c.i, "< in the value of attribute %s of <%s>", an, elem)
		case '&':
			end := bytes.IndexByte(d[c.i:], ';')
			if end < 0 || !validReference(d[c.i+1:c.i+end]) {
				return c.fail(c.i, "invalid entity or character reference")
			}
			c.i += end
		}
		c.i++
	}
	if c.i >= len(d) {
		return c.fail(v0, "value of attribute %s of <%s> never closed", an, elem)
	}
	c.lastValue = d[v0:c.i]
	c.i++
	return nil
}

// declare records a namespace declaration (xmlns or xmlns:p) made by attribute an.
func (c *xmlChecker) declare(an []byte, el *openElement) *xmlProblem {
	if len(an) < 5 || an[0] != 'x' {
		return nil
	}
	prefix, local := splitName(an)
	var declared string
	switch {
	case prefix == nil && string(local) == "xmlns":
		if len(c.lastValue) == 0 {
			return nil // xmlns="" undeclares the default namespace: nothing to count
		}
		declared = ""
	case string(prefix) == "xmlns":
		if string(local) == "xml" || string(local) == "xmlns" || len(c.lastValue) == 0 {
			return c.fail(c.i, "invalid namespace declaration %s=%q", an, c.lastValue)
		}
		declared = string(local)
	default:
		return nil
	}
	c.declared[declared]++
	c.decls = append(c.decls, declared)
	el.decls++
	return nil
}

// checkPrefixes checks that the element just opened and its attributes use declared
// prefixes, and with requireNS that the element is in a namespace.
func (c *xmlChecker) checkPrefixes(at int, n []byte) *xmlProblem {
	prefix, local := splitName(n)
	switch {
	case prefix == nil && c.requireNS && c.declared[""] == 0:
		return c.fail(at, "element <%s> is in no namespace", local)
	case prefix != nil && (string(prefix) == "xmlns" || !c.isDeclared(prefix)):
		return c.fail(at, "undeclared namespace prefix %q on <%s>", prefix, n)
	}
	for _, an := range c.attrs {
		if p, _ := splitName(an); p != nil && string(p) != "xmlns" && !c.isDeclared(p) {
			return c.fail(at, "undeclared namespace prefix %q on attribute %s", p, an)
		}
	}
	return nil
}

func (c *xmlChecker) isDeclared(prefix []byte) bool {
	if c.lastPrefix != nil && bytes.Equal(prefix, c.lastPrefix) {
		return true
	}
	if c.declared[string(prefix)] == 0 {
		return false
	}
	c.lastPrefix = prefix
	return true
}

// rootNamespace finds, in the root's start tag beginning at at, the value of the
// declaration of prefix.
func (c *xmlChecker) rootNamespace(at int, prefix string) string {
	tag := c.data[at:c.i]
	want := "xmlns"
	if prefix != "" {
		want += ":" + prefix
	}
	for k := 0; ; {
		n := bytes.Index(tag[k:], []byte(want))
		if n < 0 {
			return ""
		}
		k += n + len(want)
		if k < len(tag) && !xmlSpace(tag[k-len(want)-1]) {
			continue
		}
		rest := bytes.TrimLeft(tag[k:], " \t\r\n")
		if len(rest) == 0 || rest[0] != '=' {
			continue
		}
		rest = bytes.TrimLeft(rest[1:], " \t\r\n")
		if len(rest) == 0 {
			return ""
		}
		if end := bytes.IndexByte(rest[1:], rest[0]); end >= 0 {
			return string(rest[1 : 1+end])
		}
		return ""
	}
}
