package render

import (
	"encoding/xml"
	"strings"
)

// The bookkeeping parts (relationships, content types) are read at every parse, some of
// them twice, and encoding/xml allocates a token, a name and a string for every element
// and attribute: it cost more than compiling the document. Nearly every writer writes
// these parts the same plain way, so fastOPC reads that way directly and leaves anything
// else (prefixes, references, comments, non-ASCII text, an unusual declaration…) to
// encoding/xml. What it accepts, encoding/xml would read to the same elements and
// attributes without error, so walkOPC gives the same result either way.

// opcReader is the state of one fastOPC.
type opcReader struct {
	s     string   // the part; every name and value returned is a substring of it
	i     int      // the next byte to read
	root  xml.Name // the root element walkOPC expects
	elems []opcElem
	attrs []xml.Attr // the attributes of every element, one after another
	open  []string   // the elements whose end tag is still to come
}

// opcElem is a start element: its local name and its attributes, attrs[from:to].
type opcElem struct {
	local    string
	from, to int
}

// fastOPC returns the start elements of data, in order, in the namespace of root,
// when data is plain (see plainOPC) and its root is root; ok is false otherwise.
func fastOPC(data []byte, root xml.Name) (elems []xml.StartElement, ok bool) {
	if !plainOPC(data) {
		return nil, false
	}
	r := opcReader{s: string(data), root: root}
	// Grown as read: counting '='s first would reserve 48 bytes for each '=' of a value.
	r.attrs = make([]xml.Attr, 0, 16)
	if !r.declaration() || !r.elements() {
		return nil, false
	}
	elems = make([]xml.StartElement, len(r.elems))
	for k, e := range r.elems {
		elems[k] = xml.StartElement{Name: xml.Name{Space: root.Space, Local: e.local}, Attr: r.attrs[e.from:e.to:e.to]}
	}
	return elems, true
}

// plainOPC reports whether data holds only printable ASCII, tabs and line feeds, and no
// '&': no character encoding/xml would refuse, translate (a CR) or decode (a reference).
func plainOPC(data []byte) bool {
	for _, c := range data {
		if !opcPlainByte[c] {
			return false
		}
	}
	return true
}

// opcPlainByte marks the bytes plainOPC accepts.
var opcPlainByte = func() (plain [256]bool) {
	for c := ' '; c < 0x7f; c++ {
		plain[c] = c != '&'
	}
	plain['\t'], plain['\n'] = true, true
	return plain
}()

// declaration skips the XML declaration, if the part starts with one Word and
// LibreOffice write (see usualDeclarations); any other is left to encoding/xml.
func (r *opcReader) declaration() bool {
	if !strings.HasPrefix(r.s, "<?") {
		return true
	}
	end := strings.Index(r.s, "?>")
	if end < 0 || !usualDeclarations[r.s[:end+len("?>")]] {
		return false
	}
	r.i = end + len("?>")
	return true
}

// elements reads the elements after the declaration: one root, the expected one, with
// elements inside it and nothing but text around it.
func (r *opcReader) elements() bool {
	for {
		j := strings.IndexByte(r.s[r.i:], '<')
		if j < 0 {
			return len(r.elems) > 0 && len(r.open) == 0
		}
		r.i += j + 1
		if r.i < len(r.s) && r.s[r.i] == '/' {
			r.i++
			if !r.endTag() {
				return false
			}
		} else if !r.startTag() {
			return false
		}
	}
}

// startTag reads a start tag after its '<'.
func (r *opcReader) startTag() bool {
	name, ok := r.name()
	if !ok || name == "xmlns" || len(r.elems) > 0 && len(r.open) == 0 {
		return false // no second root: encoding/xml reads it outside the namespace
	}
	from := len(r.attrs)
	for {
		before := r.i
		r.skipSpace()
		if r.i >= len(r.s) {
			return false
		}
		if r.s[r.i] == '>' || strings.HasPrefix(r.s[r.i:], "/>") {
			return r.started(name, from, r.s[r.i] == '>')
		}
		if r.i == before || !r.attribute() {
			return false
		}
	}
}

// started records the element whose start tag ends at r.i, and skips the tag's end.
// The root must be the expected one, declaring its namespace as the default; no other
// element may declare one.
func (r *opcReader) started(name string, from int, open bool) bool {
	ns, declares := "", false
	for _, a := range r.attrs[from:] {
		if a.Name.Local == "xmlns" {
			ns, declares = a.Value, true
		}
	}
	if len(r.elems) == 0 && (name != r.root.Local || ns != r.root.Space) || len(r.elems) > 0 && declares {
		return false
	}
	r.elems = append(r.elems, opcElem{local: name, from: from, to: len(r.attrs)})
	if open {
		r.open = append(r.open, name)
		r.i++
	} else {
		r.i += 2
	}
	return true
}

// attribute reads name="value" (or 'value').
func (r *opcReader) attribute() bool {
	name, ok := r.name()
	if !ok || r.i+1 >= len(r.s) || r.s[r.i] != '=' || r.s[r.i+1] != '"' && r.s[r.i+1] != '\'' {
		return false
	}
	r.i += 2
	end := strings.IndexByte(r.s[r.i:], r.s[r.i-1])
	if end < 0 || strings.IndexByte(r.s[r.i:r.i+end], '<') >= 0 {
		return false
	}
	r.attrs = append(r.attrs, xml.Attr{Name: xml.Name{Local: name}, Value: r.s[r.i : r.i+end]})
	r.i += end + 1
	return true
}

// endTag reads an end tag after its "</": it must close the innermost open element.
func (r *opcReader) endTag() bool {
	name, ok := r.name()
	if !ok || len(r.open) == 0 || r.open[len(r.open)-1] != name {
		return false
	}
	r.open = r.open[:len(r.open)-1]
	r.skipSpace()
	if r.i >= len(r.s) || r.s[r.i] != '>' {
		return false
	}
	r.i++
	return true
}

// name reads a name without a prefix: an ASCII letter or '_', then letters, digits,
// '_', '-' and '.'.
func (r *opcReader) name() (string, bool) {
	start := r.i
	if r.i >= len(r.s) || !isNameStart(r.s[r.i]) {
		return "", false
	}
	for r.i < len(r.s) && isNameByte(r.s[r.i]) {
		r.i++
	}
	return r.s[start:r.i], true
}

func (r *opcReader) skipSpace() {
	for r.i < len(r.s) && isSpace(r.s[r.i]) {
		r.i++
	}
}

// isNameStart reports whether c may begin a name (see nameClass).
func isNameStart(c byte) bool { return nameClass[c] == 1 }

// isNameByte reports whether c may be in a name.
func isNameByte(c byte) bool { return nameClass[c] != 0 }
