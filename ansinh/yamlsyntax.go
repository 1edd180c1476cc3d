package ansinh

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// syntax records a YAML syntax error of yaml.v3 with its line, and, for the mistakes a
// clerk makes most (a tab, a colon inside a value), its column and what to do. yaml.v3's
// English message goes to the error's Detail, never to the clerk's Msg.
func (d *decoder) syntax(err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := reSyntaxLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	} else {
		line = syntaxLine(d.src, msg)
	}
	e := newLoadError(d.file, ErrSyntax, "syntax error: "+msg, "lỗi cú pháp YAML")
	e.Line = line
	switch {
	case strings.Contains(msg, "tab character"), strings.Contains(msg, "cannot start any token"):
		if l, c := findTab(d.src, line); l > 0 {
			e.Line, e.Column = l, c
			e.Detail = "tabs are not allowed in YAML indentation; " + msg
			e.Msg = "có ký tự Tab ở dòng " + strconv.Itoa(l) + ", cột " + strconv.Itoa(c) +
				"; YAML chỉ thụt lề bằng dấu cách: thay Tab bằng dấu cách"
		} else if c := tokenStart(lineText(d.src, line)); c > 0 {
			e.Column = c
			e.Detail += "; quote the value"
			e.Msg += "; giá trị bắt đầu bằng ký tự đặc biệt: đặt giá trị trong dấu ngoặc kép \"…\""
		} else {
			e.Msg += "; " + syntaxHintOther
		}
	case strings.Contains(msg, "mapping values are not allowed"):
		text := lineText(d.src, line)
		if c, fixed := colonInValue(text); c > 0 {
			e.Column = c
			e.Detail = "a value containing \": \" must be quoted; " + msg
			e.Msg = "giá trị có dấu hai chấm và dấu cách (\": \"), YAML hiểu nhầm là một khóa mới; đặt giá trị trong dấu ngoặc kép: " + fixed
		} else {
			e.Msg += "; kiểm tra thụt lề: các khóa của cùng một mục phải thẳng cột với nhau"
		}
	default:
		hint := syntaxHintOther
		for _, h := range syntaxHints {
			if strings.Contains(msg, h.yaml) {
				hint = h.hint
				break
			}
		}
		e.Msg += "; " + hint
	}
	d.add(e)
}

// syntaxHintOther is what to check for a syntax error syntaxHints has no hint for.
const syntaxHintOther = "kiểm tra dòng này và dòng trên nó: thụt lề bằng dấu cách và thẳng cột, dấu hai chấm và dấu cách sau tên khóa, dấu ngoặc kép và ngoặc [ ] { } đóng mở đủ cặp"

// syntaxHints says what to check for the other syntax errors of yaml.v3 a clerk meets.
var syntaxHints = []struct{ yaml, hint string }{
	{"did not find expected key", "kiểm tra thụt lề (các khóa của cùng một mục phải thẳng cột) và dấu nháy: giá trị có dấu ' hoặc \" thì đặt cả giá trị trong cặp ngoặc kép"},
	{"did not find expected ',' or ']'", "danh sách [ … ] mở mà chưa đóng: thêm ] ở cuối, trên cùng dòng"},
	{"did not find expected ',' or '}'", "nhóm { … } mở mà chưa đóng: thêm } ở cuối, trên cùng dòng"},
	{"found unexpected end of stream", "có dấu ngoặc kép mở mà chưa đóng"},
	{"did not find expected '-' indicator", "các mục của danh sách phải thẳng cột, mỗi mục bắt đầu bằng \"- \""},
	{"could not find expected ':'", "thiếu dấu hai chấm sau tên khóa (viết khóa: giá trị)"},
	{"UTF-8", "tệp không được lưu bằng bảng mã UTF-8: mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8 (Unicode)"},
	{"control characters are not allowed", "có ký tự điều khiển không nhìn thấy được (thường do chép từ nơi khác): xóa rồi gõ lại dòng này"},
	{"unknown escape character", "trong dấu ngoặc kép, dấu \\ phải viết hai lần (\\\\), hoặc đặt giá trị trong dấu nháy đơn '…'"},
	{"exceeded max depth", "các mục lồng nhau quá sâu: tệp số liệu không có nhiều mức thụt lề như vậy, kiểm tra lại tệp"},
}

// lineText returns the text of the 1-based line of src, without its line break.
func lineText(src []byte, line int) string {
	for i := 1; i < line; i++ {
		k := bytes.IndexByte(src, '\n')
		if k < 0 {
			return ""
		}
		src = src[k+1:]
	}
	if k := bytes.IndexByte(src, '\n'); k >= 0 {
		src = src[:k]
	}
	return strings.TrimSuffix(string(src), "\r")
}

// findTab returns the line and column (1-based, in characters) of the first tab on or
// after the 1-based line from; 0, 0 when there is none. yaml.v3 sometimes reports a tab
// on the line before it.
func findTab(src []byte, from int) (int, int) {
	line := 1
	for len(src) > 0 {
		k := bytes.IndexByte(src, '\n')
		text := src
		if k >= 0 {
			text = src[:k]
		}
		if line >= from {
			if t := bytes.IndexByte(text, '\t'); t >= 0 {
				return line, utf8.RuneCount(text[:t]) + 1
			}
		}
		if k < 0 {
			break
		}
		src = src[k+1:]
		line++
	}
	return 0, 0
}

// tokenStart returns the column of the first character of a value that YAML reserves
// ('@' or '`') on the line, 0 when there is none.
func tokenStart(text string) int {
	for i, r := range text {
		if (r == '@' || r == '`') && (i == 0 || text[i-1] == ' ') {
			return utf8.RuneCountInString(text[:i]) + 1
		}
	}
	return 0
}

// colonInValue finds, on a line "key: value: more", the column of the colon inside the
// value, and the line as it should be written, with the value in double quotes.
func colonInValue(text string) (int, string) {
	keyEnd := sepColon(text, 0)
	if keyEnd < 0 {
		return 0, ""
	}
	inner := sepColon(text, keyEnd+1)
	if inner < 0 {
		return 0, ""
	}
	key := strings.TrimSpace(text[:keyEnd])
	key = strings.TrimSpace(strings.TrimPrefix(key, "- "))
	value := strings.TrimSpace(text[keyEnd+1:])
	if k := strings.Index(value, " #"); k >= 0 {
		value = strings.TrimSpace(value[:k])
	}
	value = strings.ReplaceAll(strings.ReplaceAll(value, `\`, `\\`), `"`, `\"`)
	return utf8.RuneCountInString(text[:inner]) + 1, key + `: "` + value + `"`
}

// sepColon returns the byte index of the first ':' at or after from that is followed by a
// space or ends the line (the colon YAML reads as a key's end), or -1.
func sepColon(text string, from int) int {
	for i := from; i < len(text); i++ {
		if text[i] == ':' && (i+1 == len(text) || text[i+1] == ' ') {
			return i
		}
	}
	return -1
}

// syntaxLine places a YAML syntax error whose message has no line. yaml.v3 leaves the
// line out when it is the first (its marks count from 0) and for errors of its reader
// (invalid UTF-8, control characters), which give no mark: those are on the line of the
// first character YAML does not allow.
func syntaxLine(src []byte, msg string) int {
	if !strings.Contains(msg, "UTF-8") && !strings.Contains(msg, "Unicode") && !strings.Contains(msg, "control characters") {
		return 1
	}
	line := 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		allowed := r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7E || r == 0x85 ||
			r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
		if r == utf8.RuneError && size <= 1 || !allowed {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return line
}
