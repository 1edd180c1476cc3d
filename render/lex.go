package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The scanner's lexer reads a part byte by byte instead of through encoding/xml, which
// allocates a token for every element and was a fifth of Parse. The parts it reads were
// checked whole with encoding/xml first (checkPartXML): well-formed, no DOCTYPE, every
// prefix declared. The lexer still refuses what it does not understand, with ErrXML,
// and never reads past the input, so a part that reached it unchecked cannot make it
// loop or panic.

// lex feeds the elements and text of raw to the scanner.
func (sc *scanner) lex(raw []byte) error {
	sc.src = string(raw)
	i := 0
	for i < len(raw) {
		j := bytes.IndexByte(raw[i:], '<')
		if j < 0 {
			sc.text(raw[i:])
			return nil
		}
		sc.text(raw[i : i+j])
		i += j
		next, err := sc.markup(raw, i)
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

// markup reads the markup that starts with the '<' at raw[i] and returns the offset
// just after it. Its second byte tells which markup it is: nearly all are start and
// end tags, which are read without trying the others first.
func (sc *scanner) markup(raw []byte, i int) (int, error) {
	if i+1 < len(raw) {
		switch raw[i+1] {
		case '/':
			return sc.endTag(raw, i)
		case '!', '?':
			return sc.special(raw, i)
		}
	}
	name, k := sc.name(raw, i+1)
	if name.local == "" {
		return 0, fmt.Errorf("%w: at byte %d: malformed start tag", ErrXML, i)
	}
	attrs, k, selfClosing, err := sc.attributes(raw, k)
	if err != nil {
		return 0, err
	}
	sc.start(name, attrs, i, k)
	if selfClosing {
		return k, sc.end(name, k, k)
	}
	return k, nil
}

// endTag reads the end tag that starts with the "</" at raw[i].
func (sc *scanner) endTag(raw []byte, i int) (int, error) {
	name, k := sc.name(raw, i+2)
	k = skipSpace(raw, k)
	if k >= len(raw) || raw[k] != '>' || name.local == "" {
		return 0, fmt.Errorf("%w: at byte %d: malformed end tag", ErrXML, i)
	}
	return k + 1, sc.end(name, i, k+1)
}

// special reads the comment, CDATA section or processing instruction that starts at
// raw[i], and refuses any other "<!" (a DOCTYPE).
func (sc *scanner) special(raw []byte, i int) (int, error) {
	rest := raw[i:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		return skipPast(raw, i+4, "-->")
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		end, err := skipPast(raw, i+9, "]]>")
		if err == nil && sc.curText >= 0 {
			sc.textBuf.Write(raw[i+9 : end-3])
		}
		return end, err
	case bytes.HasPrefix(rest, []byte("<?")):
		return skipPast(raw, i+2, "?>")
	}
	return 0, fmt.Errorf("%w: at byte %d: a DOCTYPE or other directive", ErrXML, i)
}

// skipPast returns the offset just after the first end at or after i.
func skipPast(raw []byte, i int, end string) (int, error) {
	k := bytes.Index(raw[i:], []byte(end))
	if k < 0 {
		return 0, fmt.Errorf("%w: at byte %d: no %q", ErrXML, i, end)
	}
	return i + k + len(end), nil
}

func skipSpace(raw []byte, i int) int {
	for i < len(raw) && isSpace(raw[i]) {
		i++
	}
	return i
}

// qname is a name as written, and its prefix (empty when it has none) and local part.
type qname struct {
	full, space, local string
}

// name reads a name at raw[i:] and returns it, split at its colon, and the offset after
// it. Names are substrings of sc.src, the part converted to a string once: a part has
// thousands of names, which then cost neither an allocation nor a lookup.
func (sc *scanner) name(raw []byte, i int) (qname, int) {
	k := i
	for k < len(raw) && !isSpace(raw[k]) && raw[k] != '>' && raw[k] != '/' && raw[k] != '=' {
		k++
	}
	full := sc.src[i:k]
	if c := strings.IndexByte(full, ':'); c > 0 {
		return qname{full: full, space: full[:c], local: full[c+1:]}, k
	} else if c == 0 {
		return qname{full: full[1:], local: full[1:]}, k // an empty prefix is none
	}
	return qname{full: full, local: full}, k
}

// attributes reads the attributes of a start tag up to its end, and returns the offset
// after the tag. Values are decoded only for the first element, whose namespace
// declarations the scanner reads; the others are skipped.
func (sc *scanner) attributes(raw []byte, i int) (attrs []xml.Attr, next int, selfClosing bool, err error) {
	for {
		i = skipSpace(raw, i)
		if i >= len(raw) {
			return nil, 0, false, fmt.Errorf("%w: a start tag is never closed", ErrXML)
		}
		switch {
		case raw[i] == '>':
			return attrs, i + 1, false, nil
		case raw[i] == '/' && i+1 < len(raw) && raw[i+1] == '>':
			return attrs, i + 2, true, nil
		}
		name, k := sc.name(raw, i)
		k = skipSpace(raw, k)
		if name.local == "" || k >= len(raw) || raw[k] != '=' {
			return nil, 0, false, fmt.Errorf("%w: at byte %d: malformed attribute", ErrXML, i)
		}
		k = skipSpace(raw, k+1)
		if k >= len(raw) || raw[k] != '"' && raw[k] != '\'' {
			return nil, 0, false, fmt.Errorf("%w: at byte %d: unquoted attribute value", ErrXML, k)
		}
		end := bytes.IndexByte(raw[k+1:], raw[k])
		if end < 0 {
			return nil, 0, false, fmt.Errorf("%w: at byte %d: unclosed attribute value", ErrXML, k)
		}
		if !sc.prefixKnown {
			var v bytes.Buffer
			if err := decodeText(&v, raw[k+1:k+1+end]); err != nil {
				return nil, 0, false, err
			}
			attrs = append(attrs, xml.Attr{Name: xml.Name{Space: name.space, Local: name.local}, Value: v.String()})
		}
		i = k + 1 + end + 1
	}
}

// text adds character data to the w:t being read, if any.
func (sc *scanner) text(b []byte) {
	if sc.curText >= 0 && len(b) > 0 {
		if err := decodeText(&sc.textBuf, b); err != nil && sc.err == nil {
			sc.err = err
		}
	}
}

// textWriter is what decodeText writes to.
type textWriter interface {
	Write([]byte) (int, error)
	WriteByte(byte) error
	WriteRune(rune) (int, error)
}

// decodeText writes character data decoded as encoding/xml does: the five predefined
// entities and character references replaced, and line ends (CR LF, CR) read as LF.
func decodeText(w textWriter, b []byte) error {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		w.Write(b) // nearly all text: two fast scans rather than IndexAny byte by byte
		return nil
	}
	for len(b) > 0 {
		k := bytes.IndexAny(b, "&\r")
		if k < 0 {
			w.Write(b)
			return nil
		}
		w.Write(b[:k])
		b = b[k:]
		if b[0] == '\r' {
			w.WriteByte('\n')
			b = b[1:]
			if len(b) > 0 && b[0] == '\n' {
				b = b[1:]
			}
			continue
		}
		semi := bytes.IndexByte(b, ';')
		if semi < 0 {
			return fmt.Errorf("%w: an entity without its ';'", ErrXML)
		}
		r, ok := entity(string(b[1:semi]))
		if !ok {
			return fmt.Errorf("%w: unknown entity %q", ErrXML, b[:semi+1])
		}
		w.WriteRune(r)
		b = b[semi+1:]
	}
	return nil
}

// entity is the character an entity or character reference names.
func entity(name string) (rune, bool) {
	switch name {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if name[1] == 'x' {
		n, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(name[1:], 10, 32)
	}
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}
