package render

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"io"
	"math/bits"
	"strings"
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
	rootOnly  bool                // stop after the root's start tag
	fullOnly  bool                // check every start tag in full, without fastStartTag (for tests)
	fastAttrs [fastAttrs]nameSpan // fastStartTag's attribute names
	stack     []openElement
	declared  map[string]int // prefix → number of open elements declaring it; "" = default
	// lastPrefix was found declared, and no declaration has ended since: most elements of
	// a part use the same prefix, and this spares a map lookup for each.
	lastPrefix []byte
	rootSeen   bool
	root       xmlRoot
	attrs      []nameSpan      // attribute names of the current start tag, to find repeats
	attrSet    map[string]bool // the same, once a tag has many attributes (no quadratic scan)
	decls      []string        // prefixes declared by the open elements, innermost last
	docStart   int             // where the document begins, past a byte order mark
}

type openElement struct {
	name  nameSpan // prefix:local as written
	decls int      // prefixes this element declared (the last entries of decls)
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
	// The first problem is reported: invalid UTF-8 before a control character.
	n, ascii := controlChar(d)
	end := len(d)
	if n >= 0 {
		end = n
	}
	if !ascii && !utf8.Valid(d[:end]) {
		k := 0
		for k < len(d) {
			r, size := utf8.DecodeRune(d[k:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			k += size
		}
		return c.fail(k, "invalid UTF-8")
	}
	if n >= 0 {
		return c.fail(n, "control character U+%04X, which XML does not allow", d[n])
	}
	if ascii {
		return nil
	}
	for _, bad := range []string{"\uFFFE", "\uFFFF"} {
		if n := bytes.Index(d, []byte(bad)); n >= 0 {
			return c.fail(n, "character %U, which XML does not allow", []rune(bad)[0])
		}
	}
	return nil
}

// controlChar returns the offset of the first byte below 0x20 other than tab, LF and CR,
// or -1, and whether the bytes before it are all ASCII. It reads sixteen bytes at a time
// (see badControls): parts are large, mostly ASCII and hold few such bytes besides line
// ends.
func controlChar(d []byte) (n int, ascii bool) {
	var seen uint64 // the bytes read, or-ed: their high bits say whether any was not ASCII
	for rest := d; len(rest) >= 16; rest = rest[16:] {
		x := binary.LittleEndian.Uint64(rest)
		y := binary.LittleEndian.Uint64(rest[8:])
		if ((x-swarLow)&^x|(y-swarLow)&^y)&swarHigh != 0 { // a byte below 0x20
			n = len(d) - len(rest)
			if m := badControls(x); m != 0 {
				k := n + bits.TrailingZeros64(m)/8
				return k, seen&swarHigh == 0 && bytesASCII(d[n:k])
			}
			if m := badControls(y); m != 0 {
				k := n + 8 + bits.TrailingZeros64(m)/8
				return k, (seen|x)&swarHigh == 0 && bytesASCII(d[n+8:k])
			}
		}
		seen |= x | y
	}
	n = len(d) &^ 15
	for k, b := range d[n:] {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			return n + k, seen&swarHigh == 0 && bytesASCII(d[n:n+k])
		}
	}
	return -1, seen&swarHigh == 0 && bytesASCII(d[n:])
}

// Constants for reading eight bytes at once in a uint64 (SWAR).
const (
	swarOnes = 0x0101010101010101
	swarLow  = 0x20 * swarOnes // the bytes below it are control characters
	swarHigh = 0x80 * swarOnes
)

// badControls returns, for the eight bytes of x, a mask with the high bit of each byte
// that is a control character XML does not allow (below 0x20, not tab, LF nor CR).
func badControls(x uint64) uint64 {
	// Per byte, without carries between bytes: (b|0x80)-0x20 keeps its high bit unless
	// b < 0x20 (or 0x80 <= b < 0xA0, which the &^x drops).
	below := ^((x | swarHigh) - swarLow) &^ x & swarHigh
	return below &^ zeroBytes(x^0x09*swarOnes) &^ zeroBytes(x^0x0A*swarOnes) &^ zeroBytes(x^0x0D*swarOnes)
}

// zeroBytes returns a mask with the high bit of each byte of x that is zero.
func zeroBytes(x uint64) uint64 {
	const low7 = 0x7F * swarOnes
	return ^((x&low7 + low7) | x) & swarHigh
}

// bytesASCII reports whether b is all ASCII.
func bytesASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func (c *xmlChecker) run() *xmlProblem {
	d := c.data
	c.i = 0
	if bytes.HasPrefix(d, []byte("\xEF\xBB\xBF")) {
		c.i = 3
	}
	c.docStart = c.i
	for c.i < len(d) && !(c.rootOnly && c.rootSeen) {
		if d[c.i] != '<' { // most tags follow one another with no text between
			// White space alone, as between the tags of a part written indented, is
			// allowed everywhere.
			j := skipXMLSpace(d, c.i) - c.i
			if c.i+j >= len(d) || d[c.i+j] != '<' {
				j = bytes.IndexByte(d[c.i:], '<')
				if j < 0 {
					j = len(d) - c.i
				}
				if p := c.text(d[c.i : c.i+j]); p != nil {
					return p
				}
			}
			c.i += j
			if c.i >= len(d) {
				break
			}
		}
		if len(c.stack) > 0 && !c.fullOnly && c.fastStartTag() {
			continue // most tags
		}
		if p := c.markup(); p != nil {
			return p
		}
	}
	return c.finish()
}

// markup checks the markup at c.i: a tag, a comment, a processing instruction, CDATA.
func (c *xmlChecker) markup() *xmlProblem {
	rest := c.data[c.i:]
	switch {
	case len(rest) > 1 && rest[1] != '?' && rest[1] != '!' && rest[1] != '/':
		return c.startTag()
	case bytes.HasPrefix(rest, []byte("<?")):
		return c.pi(c.i == c.docStart)
	case bytes.HasPrefix(rest, []byte("<!--")):
		return c.comment()
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		if len(c.stack) == 0 {
			return c.fail(c.i, "CDATA section outside the root element")
		}
		return c.skipTo(len("<![CDATA["), "]]>", "CDATA section")
	case bytes.HasPrefix(rest, []byte("<!")):
		return c.fail(c.i, "a DOCTYPE or other directive, which Office Open XML does not allow")
	case bytes.HasPrefix(rest, []byte("</")):
		return c.endTag()
	}
	return c.startTag()
}

// finish checks what the end of the part leaves: every element closed, a root.
func (c *xmlChecker) finish() *xmlProblem {
	if len(c.stack) > 0 && !c.rootOnly {
		top := c.stack[len(c.stack)-1].name
		return c.fail(len(c.data), "<%s> is never closed", c.data[top.start:top.end])
	}
	if !c.rootSeen {
		return c.fail(len(c.data), "no root element: the part is empty")
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
	if k := bytes.Index(s, []byte("]]>")); k >= 0 {
		return c.fail(c.i+k, "]]> in text")
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

// skipTo moves past the next end after the from bytes that open a construct of the given
// name.
func (c *xmlChecker) skipTo(from int, end, what string) *xmlProblem {
	k := bytes.Index(c.data[c.i+from:], []byte(end))
	if k < 0 {
		return c.fail(c.i, "%s never closed", what)
	}
	c.i += from + k + len(end)
	return nil
}

// comment skips a comment, which may not hold "--".
func (c *xmlChecker) comment() *xmlProblem {
	body := c.data[c.i+len("<!--"):]
	k := bytes.Index(body, []byte("--"))
	if k < 0 {
		return c.fail(c.i, "comment never closed")
	}
	if k+2 >= len(body) || body[k+2] != '>' {
		return c.fail(c.i, "-- inside a comment")
	}
	c.i += len("<!--") + k + 3
	return nil
}

// pi skips a processing instruction; the XML declaration may only come first.
func (c *xmlChecker) pi(first bool) *xmlProblem {
	at := c.i
	end := bytes.Index(c.data[at+2:], []byte("?>"))
	if end < 0 {
		return c.fail(at, "processing instruction never closed")
	}
	body := c.data[at+2 : at+2+end]
	if k := bytes.IndexAny(body, " \t\r\n"); k >= 0 {
		body = body[:k]
	}
	sub := xmlChecker{data: body}
	target, ok := sub.name()
	if !ok || len(target.b) != len(body) {
		return c.fail(at, "processing instruction without a valid target")
	}
	if bytes.EqualFold(target.b, []byte("xml")) && !first {
		return c.fail(at, "XML declaration not at the start of the part")
	}
	c.i = at + 2 + end + 2
	if string(target.b) == "xml" && !usualDeclarations[string(c.data[at:c.i])] {
		// The declaration's version and encoding are read as encoding/xml reads them (it
		// takes version 1.0 and UTF-8 only): one small decode, once per part.
		d := xml.NewDecoder(bytes.NewReader(c.data[at:c.i]))
		if _, err := d.RawToken(); err != nil {
			return c.fail(at, "%s", strings.TrimPrefix(err.Error(), "xml: "))
		}
	}
	return nil
}

// usualDeclarations are the XML declarations Word and LibreOffice write, which pi takes
// without a decoder (TestUsualDeclarations checks that encoding/xml takes each): a
// decoder for the declaration of each small part was a sixth of their check.
var usualDeclarations = func() map[string]bool {
	m := map[string]bool{}
	attr := func(name, value string) []string {
		return []string{" " + name + `="` + value + `"`, " " + name + "='" + value + "'"}
	}
	for _, v := range attr("version", "1.0") {
		for _, e := range append(append([]string{""}, attr("encoding", "UTF-8")...), attr("encoding", "utf-8")...) {
			for _, sa := range append(append([]string{""}, attr("standalone", "yes")...), attr("standalone", "no")...) {
				m["<?xml"+v+e+sa+"?>"] = true
			}
		}
	}
	return m
}()

// xmlSpace reports whether b is XML white space.
func xmlSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// nameEnd classifies bytes for names: 0 may be in a name (ASCII letters, digits, "_",
// "-", "."), 1 ends a name (white space, "/", ">", "="), 2 may not be in a name (other
// ASCII), 3 is ":", 4 is part of a multi-byte character (see unicodeName).
var nameEnd = func() (t [256]byte) {
	for b := 0; b < 0x80; b++ {
		t[b] = 2
	}
	for b := 0x80; b < 0x100; b++ {
		t[b] = 4
	}
	for _, r := range []byte(nameStartBytes + nameMoreBytes) {
		t[r] = 0
	}
	for _, b := range []byte(" \t\r\n/>=") {
		t[b] = 1
	}
	t[':'] = 3
	return t
}()

// valueStop marks the bytes that stop the scan of an attribute value: the quotes, "<"
// and "&".
var valueStop = func() (t [256]bool) {
	for _, b := range []byte("\"'<&") {
		t[b] = true
	}
	return t
}()

// xmlName is a name as written, with the offset of its colon (-1 without one).
type xmlName struct {
	b     []byte
	colon int
}

func (n xmlName) prefix() []byte {
	if n.colon < 0 {
		return nil
	}
	return n.b[:n.colon]
}

func (n xmlName) local() []byte { return n.b[n.colon+1:] }

// nameSpan is a name of the part held as offsets, data[start:end], with its colon at
// the absolute offset colon (-1 without one): the checker keeps many, and offsets cost
// the garbage collector nothing.
type nameSpan struct{ start, end, colon int }

func (s nameSpan) in(data []byte) xmlName {
	n := xmlName{b: data[s.start:s.end], colon: -1}
	if s.colon >= 0 {
		n.colon = s.colon - s.start
	}
	return n
}

// prefix is the name's prefix, nil without one.
func (s nameSpan) prefix(data []byte) []byte {
	if s.colon < 0 {
		return nil
	}
	return data[s.start:s.colon]
}

// name reads an XML name at c.i: it ends at white space, "/", ">" or "=". ok is false
// for a name that is not one (empty, a byte no name may hold, a misplaced or second
// colon, a digit, "-" or "." first).
func (c *xmlChecker) name() (n xmlName, ok bool) {
	s, ok := scanName(c.data, c.i)
	c.i = s.end
	return s.in(c.data), ok
}

// scanName reads the name that starts at data[i] (see name).
func scanName(d []byte, i int) (s nameSpan, ok bool) {
	s = nameSpan{start: i, colon: -1}
	ok = true
	nonASCII := false
	k := i
scan:
	for {
		for k < len(d) && nameEnd[d[k]] == 0 {
			k++
		}
		if k >= len(d) {
			break
		}
		switch nameEnd[d[k]] {
		case 1:
			break scan
		case 2:
			ok = false
		case 3:
			if s.colon >= 0 {
				ok = false
			}
			s.colon = k
		case 4:
			nonASCII = true
		}
		k++
	}
	s.end = k
	// A name is not empty, its colon is neither first nor last, and neither it nor its
	// local part begins with what validNameStart refuses.
	if !ok || k == i || s.colon == i || s.colon == k-1 || !validNameStart(d[i:]) ||
		s.colon >= 0 && !validNameStart(d[s.colon+1:]) {
		return s, false
	}
	return s, !nonASCII || unicodeName(d[i:k])
}

// unicodeName checks a name with characters beyond ASCII as encoding/xml does (its
// tables are XML 1.0's, narrower than what Word writes, which is never such a name):
// rare in a package, so the cost of a decoder does not matter.
func unicodeName(name []byte) bool {
	d := xml.NewDecoder(io.MultiReader(strings.NewReader("<"), bytes.NewReader(name), strings.NewReader("/>")))
	tok, err := d.RawToken()
	se, ok := tok.(xml.StartElement)
	return err == nil && ok && len(se.Attr) == 0
}

// validNameStart reports whether b may begin a name (or a name's local part): not with
// a digit, a "-" or a "."; a combining character is left to unicodeName.
func validNameStart(b []byte) bool {
	c := b[0]
	return c >= 0x80 || !(c >= '0' && c <= '9' || c == '-' || c == '.')
}

func (c *xmlChecker) skipSpace() bool {
	k := skipXMLSpace(c.data, c.i)
	spaced := k > c.i
	c.i = k
	return spaced
}

// skipXMLSpace returns the offset of the first byte at or after i that is not white space.
func skipXMLSpace(d []byte, i int) int {
	for i < len(d) && d[i] <= ' ' && xmlSpace(d[i]) {
		i++
	}
	return i
}

func (c *xmlChecker) endTag() *xmlProblem {
	at := c.i
	// The usual case: the name of the innermost open element, then ">".
	if len(c.stack) > 0 {
		top := c.stack[len(c.stack)-1]
		n := top.name.end - top.name.start
		if k := at + 2 + n; k < len(c.data) && c.data[k] == '>' && string(c.data[at+2:k]) == string(c.data[top.name.start:top.name.end]) {
			c.i = k + 1
			c.pop()
			return nil
		}
	}
	c.i += 2
	name, _ := c.name()
	n := name.b
	c.skipSpace()
	if c.i >= len(c.data) || c.data[c.i] != '>' {
		return c.fail(at, "end tag </%s> not closed by >", n)
	}
	c.i++
	if len(c.stack) == 0 {
		return c.fail(at, "end tag </%s> without a start tag", n)
	}
	top := c.stack[len(c.stack)-1].name
	if !bytes.Equal(c.data[top.start:top.end], n) {
		return c.fail(at, "end tag </%s> does not match <%s>", n, c.data[top.start:top.end])
	}
	c.pop()
	return nil
}

func (c *xmlChecker) pop() {
	top := c.stack[len(c.stack)-1]
	if top.decls > 0 {
		c.lastPrefix = nil
		for _, p := range c.decls[len(c.decls)-top.decls:] {
			c.declared[p]--
		}
		c.decls = c.decls[:len(c.decls)-top.decls]
	}
	c.stack = c.stack[:len(c.stack)-1]
}

// startTag checks a start tag and its attributes, then the prefixes they use.
func (c *xmlChecker) startTag() *xmlProblem {
	at := c.i
	s, ok := scanName(c.data, at+1)
	c.i = s.end
	n := s.in(c.data)
	if !ok {
		return c.fail(at, "invalid element name %q", n.b)
	}
	if len(c.stack) == 0 && c.rootSeen {
		return c.fail(at, "element <%s> after the root element", n.b)
	}
	el := openElement{name: s}
	c.attrs = c.attrs[:0]
	empty, p := c.attributes(at, n.b, &el)
	if p != nil {
		return p
	}
	c.stack = append(c.stack, el)
	if p := c.checkPrefixes(at, s); p != nil {
		return p
	}
	if !c.rootSeen {
		c.rootSeen = true
		c.root = xmlRoot{prefix: string(n.prefix()), local: string(n.local())}
		c.root.ns = c.rootNamespace(at, c.root.prefix)
	}
	if empty {
		c.pop()
	}
	return nil
}

// attributes reads the attributes of the start tag begun at at, up to its > or />.
func (c *xmlChecker) attributes(at int, elem []byte, el *openElement) (empty bool, p *xmlProblem) {
	d := c.data
	i := c.i
	for {
		k := skipXMLSpace(d, i)
		spaced := k > i
		i = k
		if i >= len(d) {
			c.i = i
			return false, c.fail(at, "<%s> not closed by >", elem)
		}
		switch {
		case d[i] == '>':
			c.i = i + 1
			return false, nil
		case d[i] == '/':
			if i+1 >= len(d) || d[i+1] != '>' {
				c.i = i
				return false, c.fail(i, "/ without > in <%s>", elem)
			}
			c.i = i + 2
			return true, nil
		case !spaced:
			c.i = i
			return false, c.fail(i, "no white space before an attribute of <%s>", elem)
		}
		if i, p = c.attribute(i, elem, el); p != nil {
			return false, p
		}
	}
}

// attribute reads the attribute whose name begins at i, and returns the offset after
// its value.
func (c *xmlChecker) attribute(i int, elem []byte, el *openElement) (int, *xmlProblem) {
	d := c.data
	an, ok := scanName(d, i)
	c.i = an.end
	if !ok {
		return 0, c.fail(c.i, "invalid attribute name %q on <%s>", d[an.start:an.end], elem)
	}
	if len(c.attrs) > 0 && c.repeated(an) {
		return 0, c.fail(c.i, "attribute %s repeated on <%s>", d[an.start:an.end], elem)
	}
	c.attrs = append(c.attrs, an)
	v0, v1 := an.end+2, an.end+2
	// The usual case, name="value" without references, here; attrValue reads the rest.
	quoted := v0 < len(d) && d[v0-2] == '=' && (d[v0-1] == '"' || d[v0-1] == '\'')
	if quoted {
		for v1 < len(d) && !valueStop[d[v1]] {
			v1++
		}
	}
	if !quoted || v1 >= len(d) || d[v1] != d[v0-1] {
		var p *xmlProblem
		if v0, v1, p = c.attrValue(an, elem); p != nil {
			return 0, p
		}
	}
	if d[an.start] == 'x' && an.end-an.start >= 5 {
		c.i = v1 + 1
		if p := c.declare(an.in(d), d[v0:v1], el); p != nil {
			return 0, p
		}
	}
	return v1 + 1, nil
}

// manyAttributes is the number of attributes on one tag beyond which repeats are found
// with a map rather than by comparing with each earlier one.
const manyAttributes = 32

// repeated reports whether the current start tag already has an attribute named an.
func (c *xmlChecker) repeated(an nameSpan) bool {
	d := c.data
	name := d[an.start:an.end]
	if len(c.attrs) < manyAttributes {
		for _, prev := range c.attrs {
			if prev.end-prev.start != len(name) || d[prev.start] != name[0] {
				continue
			}
			if string(d[prev.start:prev.end]) == string(name) {
				return true
			}
		}
		return false
	}
	if len(c.attrs) == manyAttributes {
		c.attrSet = make(map[string]bool, 2*manyAttributes)
		for _, prev := range c.attrs {
			c.attrSet[string(d[prev.start:prev.end])] = true
		}
	}
	if c.attrSet[string(name)] {
		return true
	}
	c.attrSet[string(name)] = true
	return false
}

// attrValue reads, from the end of the name of attribute an, = and the quoted value;
// the value is data[v0:v1] and its closing quote at v1.
func (c *xmlChecker) attrValue(an nameSpan, elem []byte) (v0, v1 int, p *xmlProblem) {
	d := c.data
	i := an.end
	if i < len(d) && d[i] == '=' {
		i++
	} else {
		i = skipXMLSpace(d, i)
		if i >= len(d) || d[i] != '=' {
			c.i = i
			return 0, 0, c.fail(i, "attribute %s of <%s> without a value", d[an.start:an.end], elem)
		}
		i++
	}
	i = skipXMLSpace(d, i)
	if i >= len(d) || d[i] != '"' && d[i] != '\'' {
		c.i = i
		return 0, 0, c.fail(i, "unquoted value of attribute %s of <%s>", d[an.start:an.end], elem)
	}
	q := d[i]
	i++
	v0 = i
	for {
		for i < len(d) && !valueStop[d[i]] {
			i++
		}
		if i >= len(d) {
			c.i = i
			return 0, 0, c.fail(v0, "value of attribute %s of <%s> never closed", d[an.start:an.end], elem)
		}
		switch d[i] {
		case q:
			return v0, i, nil
		case '<':
			c.i = i
			return 0, 0, c.fail(i, "< in the value of attribute %s of <%s>", d[an.start:an.end], elem)
		case '&':
			end := bytes.IndexByte(d[i:], ';')
			if end < 0 || !validReference(d[i+1:i+end]) {
				c.i = i
				return 0, 0, c.fail(i, "invalid entity or character reference")
			}
			i += end
		}
		i++
	}
}

// declare records a namespace declaration (xmlns or xmlns:p) made by the attribute name
// with the given value; c.i is past the value.
func (c *xmlChecker) declare(name xmlName, value []byte, el *openElement) *xmlProblem {
	an := name.b
	prefix, local := name.prefix(), name.local()
	var declared string
	switch {
	case prefix == nil && string(local) == "xmlns":
		if len(value) == 0 {
			return nil // xmlns="" undeclares the default namespace: nothing to count
		}
		declared = ""
	case string(prefix) == "xmlns":
		if string(local) == "xml" || string(local) == "xmlns" || len(value) == 0 {
			return c.fail(c.i, "invalid namespace declaration %s=%q", an, value)
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
func (c *xmlChecker) checkPrefixes(at int, n nameSpan) *xmlProblem {
	d := c.data
	prefix := n.prefix(d)
	switch {
	case prefix == nil && c.requireNS && c.declared[""] == 0:
		return c.fail(at, "element <%s> is in no namespace", d[n.start:n.end])
	case prefix != nil && (string(prefix) == "xmlns" || !c.isDeclared(prefix)):
		return c.fail(at, "undeclared namespace prefix %q on <%s>", prefix, d[n.start:n.end])
	}
	for _, an := range c.attrs {
		if p := an.prefix(d); p != nil && string(p) != "xmlns" && !c.isDeclared(p) {
			return c.fail(at, "undeclared namespace prefix %q on attribute %s", p, d[an.start:an.end])
		}
	}
	return nil
}

func (c *xmlChecker) isDeclared(prefix []byte) bool {
	if len(prefix) == len(c.lastPrefix) && len(prefix) > 0 && prefix[0] == c.lastPrefix[0] &&
		(len(prefix) == 1 || string(prefix[1:]) == string(c.lastPrefix[1:])) {
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
