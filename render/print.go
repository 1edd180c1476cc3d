package render

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/internal/vnnum"
)

// Printer turns the value of a print action into text. The text is escaped for XML
// afterwards, so a Printer returns plain text.
type Printer func(v any) (string, error)

// DefaultPrinter prints values the Vietnamese way: whole numbers with a dot between
// thousands ("38.459"), decimals with a decimal comma ("568,1"), nil as nothing. A value
// with a MarshalText method (encoding.TextMarshaler) prints its text, and its error
// fails the tag with ErrExec: a figure that could not be computed refuses to print
// rather than print nothing. Otherwise a value with a String method prints what it
// says. Years are best passed as strings: 2023 prints "2.023".
//
// float64 prints in its shortest exact form (0.1 as "0,1"): data decoded by
// encoding/json holds every number as a float64, and a general engine must print it;
// figures that must stay exact belong in decimal.Decimal or json.Number, which print
// digit for digit.
func DefaultPrinter(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case decimal.Decimal:
		return vnnum.Decimal(x, -1, ""), nil
	case *decimal.Decimal:
		if x == nil {
			return "", nil
		}
		return vnnum.Decimal(*x, -1, ""), nil
	case json.Number:
		if _, err := decimal.NewFromString(string(x)); err == nil {
			return VietnameseNumber(string(x)), nil
		}
		return string(x), nil
	case *big.Int:
		return VietnameseNumber(x.String()), nil
	case float64:
		return formatFloat(x, 64)
	case float32:
		return formatFloat(float64(x), 32)
	case encoding.TextMarshaler:
		b, err := x.MarshalText()
		if err != nil {
			return "", err
		}
		return string(b), nil
	case fmt.Stringer:
		return x.String(), nil
	case error:
		return x.Error(), nil
	case bool:
		return strconv.FormatBool(x), nil
	}
	return printKind(v)
}

// printKind prints what DefaultPrinter's types do not cover, by its kind: numbers and
// strings of named types, pointers to what it prints; it refuses lists and records.
func printKind(v any) (string, error) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return VietnameseNumber(strconv.FormatInt(rv.Int(), 10)), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return VietnameseNumber(strconv.FormatUint(rv.Uint(), 10)), nil
	case reflect.String:
		return rv.String(), nil
	case reflect.Pointer:
		if rv.IsNil() {
			return "", nil
		}
		return DefaultPrinter(rv.Elem().Interface())
	case reflect.Map, reflect.Slice, reflect.Array, reflect.Struct:
		// Go's rendering of a list or a record ("[a b]", "map[…]") never belongs in a
		// report, and fmt would never finish one that contains itself.
		return "", fmt.Errorf("a %s (%T) cannot be printed: print one of its fields, or range over it", rv.Kind(), v)
	}
	return fmt.Sprint(v), nil
}

// maxPrintDepth bounds how deep print and printf look into a value.
const maxPrintDepth = 1000

// checkPrintable refuses a value that fmt would never finish printing: one that
// contains itself, or is nested deeper than maxPrintDepth.
func checkPrintable(v reflect.Value, depth int, seen map[uintptr]bool) error {
	if depth > maxPrintDepth {
		return fmt.Errorf("the value is nested more than %d levels deep", maxPrintDepth)
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return checkPrintable(v.Elem(), depth+1, seen)
	case reflect.Pointer, reflect.Map, reflect.Slice:
		if v.IsNil() {
			return nil
		}
		p := v.Pointer()
		if v.Kind() != reflect.Slice || v.Len() > 0 {
			if seen[p] {
				return errors.New("the value contains itself")
			}
			seen[p] = true
			defer delete(seen, p)
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		return checkPrintable(v.Elem(), depth+1, seen)
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			if err := checkPrintable(iter.Value(), depth+1, seen); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := checkPrintable(v.Index(i), depth+1, seen); err != nil {
				return err
			}
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if err := checkPrintable(v.Field(i), depth+1, seen); err != nil {
				return err
			}
		}
	}
	return nil
}

// safePrint is the print, printf and println builtins made safe: a value that contains
// itself is an error, not a stack overflow (which no recover can catch).
func safePrint(f func(args ...any) string, args, check []any) (string, error) {
	for _, a := range check {
		if err := checkPrintable(reflect.ValueOf(a), 0, map[uintptr]bool{}); err != nil {
			return "", err
		}
	}
	return f(args...), nil
}

func formatFloat(f float64, bits int) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("cannot print %v", f)
	}
	return VietnameseNumber(strconv.FormatFloat(f, 'f', -1, bits)), nil
}

// VietnameseNumber rewrites a plain decimal number ("-1234.5") in the Vietnamese style
// ("-1.234,5"), keeping its decimals as written. Anything that is not such a number
// comes back unchanged. It is the formatting package indicators uses.
func VietnameseNumber(s string) string {
	return vnnum.Plain(s)
}

// escaper writes printed text into the w:t that holds the tag: XML-escaped, a newline as
// a line break and a tab as a tab (both close the w:t and open a new one in the same
// run), and characters XML 1.0 forbids dropped.
type escaper struct {
	br, tab string
}

func newEscaper(prefix string) escaper {
	return escaper{
		br:  "</" + prefix + ":t><" + prefix + ":br/><" + prefix + `:t xml:space="preserve">`,
		tab: "</" + prefix + ":t><" + prefix + ":tab/><" + prefix + `:t xml:space="preserve">`,
	}
}

func (e escaper) escape(s string) string {
	// Fast path: most values are valid UTF-8 with nothing to escape; Vietnamese text is
	// multi-byte but needs no work.
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '&' || c == '<' || c == '>' || c == 0xEF || c >= 0x80 && !utf8.FullRuneInString(s[i:]) {
			break
		}
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size - 1
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' {
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(string(utf8.RuneError)) // invalid UTF-8 reads as U+FFFD, never as raw bytes
			i++
			continue
		}
		i += size
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteString(e.br)
		case r == '\n':
			b.WriteString(e.br)
		case r == '\t':
			b.WriteString(e.tab)
		case r < 0x20, r == 0xFFFE, r == 0xFFFF:
			// not allowed in XML 1.0: dropped
		default:
			b.WriteString(s[i-size : i])
		}
	}
	return b.String()
}

// printedArgs are the arguments of printf whose contents a verb prints: all but those of
// %T and %p, which print a type or an address. With explicit argument indexes, all.
func printedArgs(format string, args []any) []any {
	if strings.Contains(format, "[") {
		return args
	}
	var out []any
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.*", format[i]) >= 0 {
			if format[i] == '*' {
				n++ // a width or precision argument
			}
			i++
		}
		if i >= len(format) || format[i] == '%' {
			continue
		}
		if n < len(args) && format[i] != 'T' && format[i] != 'p' {
			out = append(out, args[n])
		}
		n++
	}
	if n < len(args) {
		out = append(out, args[n:]...) // extra arguments are printed too ("%!(EXTRA …)")
	}
	return out
}

// maxPrintfWidth bounds the widths and precisions of printf's verbs: fmt builds the
// whole padded text in memory, so {{printf "%0999999999d" 1}} would take a gigabyte
// before the output budget could see it.
const maxPrintfWidth = 1000

// checkWidths refuses a printf format whose widths or precisions, written or given as
// arguments with '*', are over maxPrintfWidth. Only the verbs are read: digits in the
// text around them are text.
func checkWidths(format string, args []any) error {
	if strings.Contains(format, "[") && strings.Contains(format, "*") {
		// Explicit argument indexes: any int argument may be taken by a '*'.
		for _, a := range args {
			if tooWide(a) {
				return fmt.Errorf("printf: a width or precision of %v is more than %d", a, maxPrintfWidth)
			}
		}
	}
	n := 0 // the argument the next '*' or verb takes
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		for i++; i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0; i++ {
		}
		var err error
		if i, n, err = checkWidth(format, i, args, n); err != nil {
			return err
		}
		if i < len(format) && format[i] == '.' {
			if i, n, err = checkWidth(format, i+1, args, n); err != nil {
				return err
			}
		}
		if i < len(format) && format[i] != '%' {
			n++ // the verb's argument
		}
	}
	return nil
}

// checkWidth reads a width or precision at format[i:] (digits, or '*' taking argument
// n, either maybe after an argument index) and returns the offset and argument after it.
func checkWidth(format string, i int, args []any, n int) (int, int, error) {
	for i < len(format) && format[i] == '[' {
		for i < len(format) && format[i] != ']' {
			i++
		}
		i++
	}
	j := i
	for j < len(format) && format[j] >= '0' && format[j] <= '9' {
		j++
	}
	if j > i {
		if w, err := strconv.Atoi(format[i:j]); err != nil || w > maxPrintfWidth {
			return 0, 0, fmt.Errorf("printf: a width or precision of %s is more than %d", format[i:j], maxPrintfWidth)
		}
		return j, n, nil
	}
	if j < len(format) && format[j] == '*' {
		if n < len(args) && tooWide(args[n]) {
			return 0, 0, fmt.Errorf("printf: a width or precision of %v is more than %d", args[n], maxPrintfWidth)
		}
		return j + 1, n + 1, nil
	}
	return j, n, nil
}

func tooWide(a any) bool {
	w, ok := a.(int)
	return ok && (w > maxPrintfWidth || w < -maxPrintfWidth)
}
