package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A tag is one {{…}} action found in a paragraph's text. Word may have cut it into any
// number of runs; offsets here are in the paragraph's joined text.

type tagKind int

const (
	tagPrint       tagKind = iota // {{.x}}, {{so .x}}, {{$v := .x}}
	tagIf                         // {{if …}}
	tagWith                       // {{with …}}
	tagRange                      // {{range …}}
	tagElse                       // {{else}}, {{else if …}}, {{else with …}}
	tagEnd                        // {{end}}
	tagComment                    // {{/* … */}}
	tagLoopCtl                    // {{break}}, {{continue}}
	tagUnsupported                // {{define}}, {{block}}, {{template}}
)

func (k tagKind) opens() bool   { return k == tagIf || k == tagWith || k == tagRange }
func (k tagKind) control() bool { return k != tagPrint }

type tag struct {
	start, end int // byte offsets in the paragraph text, end exclusive
	// cutStart, cutEnd is the text the tag removes: the tag itself, and the spaces
	// before a "{{- " or after a " -}}" trim marker.
	cutStart, cutEnd int
	// inner is the action between the delimiters, smart quotes made straight and in
	// Unicode NFC, as data keys and strings compare: Vietnamese typed decomposed (NFD,
	// Unikey's "Unicode tổ hợp") reads as the same words.
	inner string
	text  string // the tag as written in Word
	kind  tagKind
	word  string // first keyword, for messages
}

// findTags returns the tags of one paragraph's text. A "{{" without its "}}" in the same
// paragraph yields ok=false with the offset of the opening braces. It stops after max+1
// tags: a caller with a budget of max tags needs no more to know it is exceeded.
func findTags(text string, max int) (tags []tag, unclosedAt int, ok bool) {
	tags = make([]tag, 0, min(strings.Count(text, "{{"), max+1)) // at most one a "{{"
	i := 0
	for len(tags) <= max {
		j := strings.Index(text[i:], "{{")
		if j < 0 {
			return tags, 0, true
		}
		start := i + j
		for start+2 < len(text) && text[start+2] == '{' {
			start++ // "{{{.x}}}": the first brace is text
		}
		end, found := closeOf(text, start+2)
		if !found {
			return tags, start, false
		}
		raw := text[start:end]
		inner := norm.NFC.String(straightQuotes(raw[2 : len(raw)-2]))
		t := tag{start: start, end: end, cutStart: start, cutEnd: end, inner: inner, text: raw}
		// Trim markers act on the paragraph's text, as a clerk sees it, not on the XML
		// around the tag in the generated source: apply them here and drop them.
		if len(inner) >= 2 && inner[0] == '-' && isSpace(inner[1]) {
			prev := 0
			if len(tags) > 0 {
				prev = tags[len(tags)-1].cutEnd
			}
			for t.cutStart > prev && isSpace(text[t.cutStart-1]) {
				t.cutStart--
			}
			t.inner = inner[1:]
		}
		if n := len(t.inner); n >= 2 && t.inner[n-1] == '-' && isSpace(t.inner[n-2]) {
			for t.cutEnd < len(text) && isSpace(text[t.cutEnd]) && !strings.HasPrefix(text[t.cutEnd:], "{{") {
				t.cutEnd++
			}
			t.inner = t.inner[:n-1]
		}
		t.kind, t.word = classify(t.inner)
		tags = append(tags, t)
		i = t.cutEnd
	}
	return tags, 0, true
}

// isSpace is text/template's idea of the space a trim marker removes.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}

// closeOf finds the "}}" that closes an action opened before from, skipping string, raw
// string and character literals (so {{"}}"}} works) and comments.
func closeOf(text string, from int) (int, bool) {
	i := from
	// Comments may hold anything, quotes included, up to "*/".
	k := i
	if strings.HasPrefix(text[k:], "- ") {
		k += 2
	}
	if strings.HasPrefix(text[k:], "/*") {
		c := strings.Index(text[k+2:], "*/")
		if c < 0 {
			return 0, false
		}
		i = k + 2 + c + 2
	}
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '"', '“', '”':
			i = skipString(text, i+size)
			continue
		case '`':
			c := strings.IndexByte(text[i+1:], '`')
			if c < 0 {
				return 0, false
			}
			i += 1 + c + 1
			continue
		case '}':
			if strings.HasPrefix(text[i:], "}}") {
				return i + 2, true
			}
		}
		i += size
	}
	return 0, false
}

// skipString returns the offset just past the string literal whose body starts at i.
func skipString(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch r {
		case '\\':
			if i < len(text) {
				_, s := utf8.DecodeRuneInString(text[i:])
				i += s
			}
		case '"', '“', '”':
			return i
		}
	}
	return i
}

// straightQuotes reads Word's typographic quotes as the straight quotes Go expects: Word
// replaces " and ' as the clerk types them.
func straightQuotes(s string) string {
	// The four quotes are U+2018, U+2019, U+201C and U+201D, which UTF-8 writes with a
	// first byte 0xE2: a tag without that byte, as nearly all, is looked at no further.
	if strings.IndexByte(s, 0xE2) < 0 || !strings.ContainsAny(s, "“”‘’") {
		return s
	}
	return strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'").Replace(s)
}

// classify names the kind of action from its first word.
func classify(inner string) (tagKind, string) {
	s := strings.TrimLeftFunc(strings.TrimPrefix(inner, "-"), unicode.IsSpace)
	if strings.HasPrefix(s, "/*") {
		return tagComment, "comment"
	}
	w := s
	if i := strings.IndexFunc(s, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') }); i >= 0 {
		w = s[:i]
	}
	switch w {
	case "if":
		return tagIf, w
	case "with":
		return tagWith, w
	case "range":
		return tagRange, w
	case "else":
		return tagElse, w
	case "end":
		return tagEnd, w
	case "break", "continue":
		return tagLoopCtl, w
	case "define", "block", "template":
		return tagUnsupported, w
	}
	return tagPrint, w
}
