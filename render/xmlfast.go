package render

// The checker's fast path: the start tags Word writes, checked in one loop.

// The ASCII bytes of names, as the checker's tables (nameEnd, nameClass) and the
// bookkeeping parts' reader (isNameStart, isNameByte) read them: the first may begin a
// name, the second only continue one.
const (
	nameStartBytes = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
	nameMoreBytes  = "0123456789-."
)

// nameClass classifies ASCII bytes for fastName: 1 may begin a name (a letter or "_"), 2
// may only continue one (a digit, "-" or "."), 0 neither.
var nameClass = func() (t [256]uint8) {
	for _, b := range []byte(nameStartBytes) {
		t[b] = 1
	}
	for _, b := range []byte(nameMoreBytes) {
		t[b] = 2
	}
	return t
}()

// fastName reads at d[i:] a name of ASCII letters, digits, "_", "-" and "." that begins
// with a letter or "_", and may have a colon followed by another such name. It returns
// the name's end and the colon's offset (-1 without one); ok is false when there is no
// such name at i. What follows the name is the caller's to check.
func fastName(d []byte, i int) (end, colon int, ok bool) {
	colon = -1
	if i >= len(d) || nameClass[d[i]] != 1 {
		return i, colon, false
	}
	for i++; i < len(d) && nameClass[d[i]] != 0; i++ {
	}
	if i < len(d) && d[i] == ':' {
		colon = i
		if i++; i >= len(d) || nameClass[d[i]] != 1 {
			return i, colon, false
		}
		for i++; i < len(d) && nameClass[d[i]] != 0; i++ {
		}
	}
	return i, colon, true
}

// fastAttrs is the most attributes fastStartTag reads on one tag.
const fastAttrs = 8

// fastStartTag checks the start tag at c.i, inside the root element, when it has the
// shape Word writes: ASCII names (see fastName) with declared prefixes, attributes
// name="value" each after one space, values without "&", "'" or "<", at most fastAttrs
// of them, none repeated and none declaring a namespace. Such a tag is well-formed: it
// is taken (its element opened unless it ends with "/>", c.i past it) and fastStartTag
// reports true. For any other tag it changes nothing and reports false, and startTag
// checks the tag in full, which finds any problem and says where.
func (c *xmlChecker) fastStartTag() bool {
	d, at := c.data, c.i
	end, colon, ok := fastName(d, at+1)
	if !ok || !c.elementPrefixOK(at+1, colon) {
		return false
	}
	attrs := &c.fastAttrs // the names read so far, to find one repeated
	n := 0
	for i := end; i < len(d); {
		switch d[i] {
		case '>':
			c.stack = append(c.stack, openElement{name: nameSpan{start: at + 1, end: end, colon: colon}})
			c.i = i + 1
			return true
		case '/':
			if i+1 < len(d) && d[i+1] == '>' {
				c.i = i + 2
				return true
			}
			return false
		case ' ':
		default:
			return false
		}
		i++
		aEnd, aColon, ok := fastName(d, i)
		if !ok || n == fastAttrs || aEnd+1 >= len(d) || d[aEnd] != '=' || d[aEnd+1] != '"' ||
			!c.attributePrefixOK(i, aEnd, aColon) {
			return false
		}
		name := d[i:aEnd]
		for _, prev := range attrs[:n] {
			if prev.end-prev.start == len(name) && string(d[prev.start:prev.end]) == string(name) {
				return false
			}
		}
		attrs[n] = nameSpan{start: i, end: aEnd}
		n++
		v := aEnd + 2
		for v < len(d) && !valueStop[d[v]] {
			v++
		}
		if v >= len(d) || d[v] != '"' {
			return false
		}
		i = v + 1
	}
	return false
}

// elementPrefixOK reports whether an element whose name begins at start, with its colon
// at colon (-1 without one), is in a declared namespace, as checkPrefixes requires.
func (c *xmlChecker) elementPrefixOK(start, colon int) bool {
	if colon < 0 {
		return !c.requireNS || c.declared[""] > 0
	}
	return c.lastPrefixAt(start, colon) || c.isDeclared(c.data[start:colon])
}

// attributePrefixOK reports whether the attribute named data[start:end] (colon as in
// elementPrefixOK) uses a declared prefix and declares none.
func (c *xmlChecker) attributePrefixOK(start, end, colon int) bool {
	if colon < 0 {
		return end-start != 5 || string(c.data[start:end]) != "xmlns"
	}
	if c.lastPrefixAt(start, colon) {
		return true // the prefix last found declared, never "xmlns"
	}
	prefix := c.data[start:colon]
	return string(prefix) != "xmlns" && c.isDeclared(prefix)
}

// lastPrefixAt reports whether data[start:colon] is c.lastPrefix, without slicing the
// data: most names of a part have the same prefix.
func (c *xmlChecker) lastPrefixAt(start, colon int) bool {
	last := c.lastPrefix
	if colon-start != len(last) || len(last) == 0 || c.data[start] != last[0] {
		return false
	}
	return len(last) == 1 || string(c.data[start+1:colon]) == string(last[1:])
}
