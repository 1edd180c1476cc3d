package ansinh

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fastParse builds the yaml.v3 node tree of a period file written in the plain subset of
// YAML that period files use: comments, block mappings with plain snake_case keys, block
// sequences, one-line flow mappings and sequences, and one-line plain, single- or
// double-quoted scalars. It is several times faster than yaml.v3's parser, which
// matters for a roll-up of thousands of files. On anything else (block scalars,
// multi-line plain scalars, anchors, tags, tabs, several documents, any syntax error)
// it returns false and the caller parses with yaml.v3, which also gives the error
// messages: the fast path never reports an error of its own. Its trees equal yaml.v3's
// (kinds, tags, values, styles, lines and columns; comments are not kept), which
// fastyaml_test.go checks on every sample file and on mutations of them.
func fastParse(data []byte) (*yaml.Node, bool) {
	if len(data) == 0 || !utf8.Valid(data) || !plainBytes(data) {
		return nil, false
	}
	p := &fastParser{}
	if !p.split(string(data)) || len(p.lines) == 0 {
		return nil, false
	}
	if p.lines[0].indent != 0 {
		return nil, false
	}
	root, ok := p.block(0)
	if !ok || p.i != len(p.lines) {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: 1, Content: []*yaml.Node{root}}, true
}

// plainBytes reports whether data avoids everything whose YAML meaning is subtle:
// control characters other than newline (tabs, CR), backslashes (escapes), a byte order
// mark, and the Unicode line and paragraph separators YAML also breaks lines at. Such a
// file goes to yaml.v3; the fast path stays on text it reads the same way for certain.
func plainBytes(data []byte) bool {
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c < 0x20 && c != '\n', c == '\\', c == 0x7f:
			return false
		case c == 0xEF && i+2 < len(data) && data[i+1] == 0xBB && data[i+2] == 0xBF: // U+FEFF
			return false
		case c == 0xC2 && i+1 < len(data) && data[i+1] == 0x85: // U+0085 NEL
			return false
		case c == 0xE2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9): // U+2028, U+2029
			return false
		}
	}
	return true
}

type fastLine struct {
	no     int    // 1-based line number
	text   string // the whole line
	indent int    // byte offset where the content starts (spaces before it)
}

type fastParser struct {
	lines []fastLine
	i     int
	slab  []yaml.Node
}

// split keeps the lines with content, refusing what the fast path does not handle.
func (p *fastParser) split(s string) bool {
	no := 0
	for len(s) > 0 {
		no++
		var line string
		if k := strings.IndexByte(s, '\n'); k >= 0 {
			line, s = s[:k], s[k+1:]
		} else {
			line, s = s, ""
		}
		if strings.ContainsAny(line, "\t\r\ufeff") {
			return false
		}
		// Control characters are refused by yaml.v3 everywhere, comments included.
		for _, r := range line {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0xfffe || r == 0xffff || r == '\u2028' || r == '\u2029' || r == '\u0085' {
				return false
			}
		}
		ind := 0
		for ind < len(line) && line[ind] == ' ' {
			ind++
		}
		if ind == len(line) || line[ind] == '#' {
			continue
		}
		if ind == 0 && (strings.HasPrefix(line, "---") || strings.HasPrefix(line, "...") || line[0] == '%') {
			return false
		}
		p.lines = append(p.lines, fastLine{no: no, text: line, indent: ind})
	}
	return true
}

func col(line string, off int) int { return utf8.RuneCountInString(line[:off]) + 1 }

func isSeqItem(l fastLine) bool {
	t := l.text[l.indent:]
	return t == "-" || strings.HasPrefix(t, "- ")
}

// block parses the mapping or sequence whose first line is p.i, at indent ind.
func (p *fastParser) block(ind int) (*yaml.Node, bool) {
	if p.i >= len(p.lines) || p.lines[p.i].indent != ind {
		return nil, false
	}
	if isSeqItem(p.lines[p.i]) {
		return p.sequence(ind)
	}
	return p.mapping(ind)
}

// maxFastKey is the longest key the fast path reads; a longer one goes to yaml.v3.
const maxFastKey = 128

func isKeyByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// key reads a plain snake_case key at off and the ':' after it; it returns the key, the
// offset after the ':' and whether it is one.
func key(text string, off int) (string, int, bool) {
	j := off
	for j < len(text) && isKeyByte(text[j]) {
		j++
	}
	// yaml.v3 refuses implicit keys over 1024 characters; real keys are short names.
	if j == off || j-off > maxFastKey || j >= len(text) || text[j] != ':' {
		return "", 0, false
	}
	if j+1 < len(text) && text[j+1] != ' ' {
		return "", 0, false
	}
	return text[off:j], j + 1, true
}

func (p *fastParser) scalar(v string, style yaml.Style, line, column int) *yaml.Node {
	n := p.node()
	*n = yaml.Node{Kind: yaml.ScalarNode, Value: v, Style: style, Line: line, Column: column}
	n.Tag = scalarTag(n)
	return n
}

// numberTag is "!!int" for plain decimal digits without a leading zero, "!!float" for
// such digits, a dot and digits, and "" for anything else (left to ShortTag).
func numberTag(v string) string {
	dot := -1
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && dot < 0 && i > 0 && i < len(v)-1:
			dot = i
		default:
			return ""
		}
	}
	whole := v
	if dot >= 0 {
		whole = v[:dot]
	}
	if len(whole) > 1 && whole[0] == '0' {
		return ""
	}
	if dot >= 0 {
		return "!!float"
	}
	if len(v) > 18 {
		return "" // ShortTag says whether it fits
	}
	return "!!int"
}

// node allocates nodes in blocks: a period file has a few hundred.
func (p *fastParser) node() *yaml.Node {
	if len(p.slab) == 0 {
		p.slab = make([]yaml.Node, 64)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	return n
}

// scalarTag is n.ShortTag() without yaml.v3's general resolver for the common cases: a
// quoted scalar, and a plain one that starts with a letter and is no keyword, are
// strings.
func scalarTag(n *yaml.Node) string {
	if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
		return "!!str"
	}
	if v := n.Value; v != "" {
		if t := numberTag(v); t != "" {
			return t
		}
		c, _ := utf8.DecodeRuneInString(v)
		if unicode.IsLetter(c) {
			switch v {
			case "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE":
			default:
				return "!!str"
			}
		}
	}
	return n.ShortTag()
}

func (p *fastParser) mapping(ind int) (*yaml.Node, bool) {
	first := p.lines[p.i]
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: first.no, Column: col(first.text, ind)}
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.indent < ind {
			break
		}
		if l.indent > ind || isSeqItem(l) {
			return nil, false
		}
		k, after, ok := key(l.text, ind)
		if !ok {
			return nil, false
		}
		kn := p.scalar(k, 0, l.no, col(l.text, ind))
		rest := after
		for rest < len(l.text) && l.text[rest] == ' ' {
			rest++
		}
		p.i++
		var v *yaml.Node
		if rest == len(l.text) || l.text[rest] == '#' && rest > after {
			// The value is the block on the next lines.
			if p.i >= len(p.lines) {
				return nil, false
			}
			next := p.lines[p.i]
			switch {
			case next.indent > ind:
				v, ok = p.block(next.indent)
			case next.indent == ind && isSeqItem(next):
				v, ok = p.sequence(ind)
			default:
				return nil, false // an empty value: yaml.v3 places its null node
			}
			if !ok {
				return nil, false
			}
		} else {
			if rest == after {
				return nil, false
			}
			v, ok = p.inlineValue(l, rest)
			if !ok {
				return nil, false
			}
		}
		m.Content = append(m.Content, kn, v)
	}
	return m, true
}

func (p *fastParser) sequence(ind int) (*yaml.Node, bool) {
	first := p.lines[p.i]
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: first.no, Column: col(first.text, ind)}
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.indent < ind || l.indent == ind && !isSeqItem(l) {
			break
		}
		if l.indent > ind {
			return nil, false
		}
		at := ind + 1
		for at < len(l.text) && l.text[at] == ' ' {
			at++
		}
		if at == len(l.text) || l.text[at] == '#' || at == ind+1 {
			return nil, false // "-" alone, or a nested block under it
		}
		if _, _, isKey := key(l.text, at); isKey {
			// "- key: value": a mapping whose keys stand at the column of the first.
			p.lines[p.i].indent = at
			item, ok := p.mapping(at)
			if !ok {
				return nil, false
			}
			s.Content = append(s.Content, item)
			continue
		}
		item, ok := p.inlineValue(l, at)
		if !ok {
			return nil, false
		}
		p.i++
		s.Content = append(s.Content, item)
	}
	return s, true
}

// inlineValue reads the value that fills the rest of line l from off: a flow collection
// or a scalar, then an optional comment.
func (p *fastParser) inlineValue(l fastLine, off int) (*yaml.Node, bool) {
	text := l.text
	var (
		n   *yaml.Node
		end int
		ok  bool
	)
	switch c := text[off]; c {
	case '{', '[':
		n, end, ok = p.flowValue(l, off)
	case '"', '\'':
		n, end, ok = p.quotedValue(l, off)
	default:
		// "-" alone or before a space starts a sequence entry, which YAML refuses here.
		if strings.IndexByte("&*!|>?%@`,]}#:", c) >= 0 || c == '-' && (off+1 == len(text) || text[off+1] == ' ') {
			return nil, false
		}
		end = len(text)
		if k := strings.Index(text[off:], " #"); k >= 0 {
			end = off + k
		}
		v := strings.TrimRight(text[off:end], " ")
		if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") {
			return nil, false
		}
		return p.scalar(v, 0, l.no, col(text, off)), true
	}
	if !ok {
		return nil, false
	}
	for end < len(text) && text[end] == ' ' {
		end++
	}
	if end < len(text) && (text[end] != '#' || text[end-1] != ' ') {
		return nil, false
	}
	return n, true
}

// quotedValue reads a one-line quoted scalar at off; it returns the node and the offset
// after the closing quote.
func (p *fastParser) quotedValue(l fastLine, off int) (*yaml.Node, int, bool) {
	text := l.text
	q := text[off]
	var b strings.Builder
	for j := off + 1; j < len(text); j++ {
		c := text[j]
		switch {
		case c == q && q == '\'':
			if j+1 < len(text) && text[j+1] == '\'' {
				b.WriteByte('\'')
				j++
				continue
			}
			return p.scalar(b.String(), yaml.SingleQuotedStyle, l.no, col(text, off)), j + 1, true
		case c == q:
			return p.scalar(b.String(), yaml.DoubleQuotedStyle, l.no, col(text, off)), j + 1, true
		case c == '\\' && q == '"':
			if j+1 >= len(text) {
				return nil, 0, false
			}
			j++
			switch text[j] {
			case '\\', '"', '/':
				b.WriteByte(text[j])
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				return nil, 0, false
			}
		default:
			b.WriteByte(c)
		}
	}
	return nil, 0, false // not closed on this line
}

// flowValue reads a one-line flow collection or scalar at off, inside flow context.
func (p *fastParser) flowValue(l fastLine, off int) (*yaml.Node, int, bool) {
	text := l.text
	switch text[off] {
	case '{', '[':
		closing := byte('}')
		n := p.node()
		*n = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Line: l.no, Column: col(text, off),
			Content: make([]*yaml.Node, 0, 8)} // most flow mappings hold up to four pairs
		if text[off] == '[' {
			closing = ']'
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		}
		j := off + 1
		for {
			for j < len(text) && text[j] == ' ' {
				j++
			}
			if j >= len(text) {
				return nil, 0, false
			}
			if text[j] == closing {
				return n, j + 1, true
			}
			if n.Kind == yaml.MappingNode {
				k, after, ok := key(text, j)
				if !ok {
					return nil, 0, false
				}
				kn := p.scalar(k, 0, l.no, col(text, j))
				j = after
				for j < len(text) && text[j] == ' ' {
					j++
				}
				if j == after || j >= len(text) {
					return nil, 0, false
				}
				v, end, ok := p.flowValue(l, j)
				if !ok {
					return nil, 0, false
				}
				n.Content = append(n.Content, kn, v)
				j = end
			} else {
				v, end, ok := p.flowValue(l, j)
				if !ok {
					return nil, 0, false
				}
				n.Content = append(n.Content, v)
				j = end
			}
			for j < len(text) && text[j] == ' ' {
				j++
			}
			if j >= len(text) {
				return nil, 0, false
			}
			switch text[j] {
			case ',':
				j++
			case closing:
			default:
				return nil, 0, false
			}
		}
	case '"', '\'':
		return p.quotedValue(l, off)
	}
	// A plain scalar in flow context: up to , ] } (no ':' or '#', to stay simple).
	j := off
	for j < len(text) && strings.IndexByte(",[]{}:#", text[j]) < 0 {
		j++
	}
	if j >= len(text) || strings.IndexByte(":#[{", text[j]) >= 0 {
		return nil, 0, false
	}
	c := text[off]
	if c == '-' && (off+1 >= len(text) || text[off+1] == ' ') {
		return nil, 0, false
	}
	// Indicator characters anywhere in a flow plain scalar: leave it to yaml.v3.
	if strings.ContainsAny(text[off:j], "&*!|>?%@`'\"") {
		return nil, 0, false
	}
	v := strings.TrimRight(text[off:j], " ")
	if v == "" {
		return nil, 0, false
	}
	return p.scalar(v, 0, l.no, col(text, off)), j, true
}
