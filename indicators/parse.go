package indicators

import (
	"fmt"
	"math/big"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// ParseNumber reads a number written in the Vietnamese style and returns it
// exactly, keeping the decimals as written ("568,10" has two).
//
// Accepted: an optional '-', an integer part, and an optional decimal comma
// followed by at least one digit. The integer part is either plain digits
// ("1855", "08") or groups separated by dots, where the first group has one
// to three digits and does not start with 0 and every later group has exactly
// three ("1.855", "12.061", "1.000.000"). Examples: "1.855", "568,1",
// "2.573,38", "-5", "0,0026".
//
// Anything else is refused with a *ParseError wrapping ErrSyntax that names
// the input and the reason: "" (empty), " 1" (spaces), "1.85" and "12.34"
// (a dot must group exactly three digits, so these are probably English
// decimals), "0.855" (a grouped number cannot start with 0), "1,855.5"
// (English style), "+5", "1e3", "5%", "1 855".
//
// A comma is always the decimal comma: "1,855" is one point eight five five.
// No float64 is involved at any step.
func ParseNumber(s string) (decimal.Decimal, error) {
	return parseNumber(s, s)
}

// ParsePercent reads a Vietnamese percentage such as "4,82%" and returns the
// number before the sign (4.82). The '%' must directly follow the number.
func ParsePercent(s string) (decimal.Decimal, error) {
	num, ok := strings.CutSuffix(s, "%")
	if !ok {
		return decimal.Decimal{}, &ParseError{Input: s, Msg: "a percentage must end with %"}
	}
	if strings.HasSuffix(num, " ") || strings.HasSuffix(num, "\u00a0") {
		return decimal.Decimal{}, &ParseError{Input: s, Msg: "no space is allowed before %"}
	}
	return parseNumber(num, s)
}

// parseNumber parses s; input is what error messages quote.
func parseNumber(s, input string) (decimal.Decimal, error) {
	fail := func(format string, args ...any) (decimal.Decimal, error) {
		return decimal.Decimal{}, &ParseError{Input: input, Msg: fmt.Sprintf(format, args...)}
	}
	if s == "" {
		return fail("empty text")
	}
	if len(s) > maxNumberLen {
		return fail("too long (%d bytes; at most %d)", len(s), maxNumberLen)
	}
	var stack [40]byte
	digits := stack[:0] // all digits without separators
	i := 0
	neg := false
	switch s[0] {
	case '-':
		neg = true
		i++
	case '+':
		return fail("a leading + is not allowed")
	}
	// bad describes an unexpected character at byte i.
	bad := func(i int) (decimal.Decimal, error) {
		r, _ := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || r == '\u00a0' || r == '\t' || r == '\n' || r == '\r':
			return fail("unexpected space at byte %d (no spaces are allowed, group thousands with dots)", i)
		case r == utf8.RuneError:
			return fail("invalid UTF-8 at byte %d", i)
		case r == '-' || r == '\u2212':
			return fail("unexpected minus sign at byte %d (only one leading '-' is allowed)", i)
		default:
			return fail("unexpected character %q at byte %d", r, i)
		}
	}
	// Integer part: first run of digits.
	start := i
	for i < len(s) && isDigit(s[i]) {
		digits = append(digits, s[i])
		i++
	}
	first := i - start
	if first == 0 {
		if i < len(s) && s[i] == ',' {
			return fail("missing digits before the decimal comma (write 0,5, not ,5)")
		}
		if i == len(s) {
			return fail("missing digits after the minus sign")
		}
		return bad(i)
	}
	if i < len(s) && s[i] == '.' {
		if first > 3 {
			return fail("the first group before a dot has %d digits (at most 3: a dot groups thousands)", first)
		}
		if s[start] == '0' {
			return fail("a number grouped with dots cannot start with 0 (an English decimal point? Vietnamese writes a decimal comma: 0,5)")
		}
		for i < len(s) && s[i] == '.' {
			dot := i
			i++
			gs := i
			for i < len(s) && isDigit(s[i]) {
				digits = append(digits, s[i])
				i++
			}
			if n := i - gs; n != 3 {
				return fail("a dot must group exactly three digits (found %d after the dot at byte %d)", n, dot)
			}
		}
	}
	fracLen := 0
	if i < len(s) && s[i] == ',' {
		comma := i
		i++
		fs := i
		for i < len(s) && isDigit(s[i]) {
			digits = append(digits, s[i])
			i++
		}
		fracLen = i - fs
		if fracLen == 0 {
			return fail("missing digits after the decimal comma at byte %d", comma)
		}
		if i < len(s) && s[i] == '.' {
			return fail("a dot cannot follow the decimal comma (English style? Vietnamese writes 1.855,5)")
		}
		if i < len(s) && s[i] == ',' {
			return fail("more than one decimal comma")
		}
	}
	if i < len(s) {
		if s[i] == '.' {
			return fail("a dot at the end (byte %d) groups nothing", i)
		}
		return bad(i)
	}
	return makeDecimal(neg, digits, fracLen), nil
}

// maxNumberLen bounds the text ParseNumber reads, so the exponent always fits
// an int32 and a runaway input cannot build a huge big.Int.
const maxNumberLen = 4096

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// makeDecimal builds -digits * 10^-fracLen (or positive) without floats.
func makeDecimal(neg bool, digits []byte, fracLen int) decimal.Decimal {
	exp := int32(-fracLen)
	if len(digits) <= 18 {
		var v int64
		for _, c := range digits {
			v = v*10 + int64(c-'0')
		}
		if neg {
			v = -v
		}
		return decimal.New(v, exp)
	}
	v, _ := new(big.Int).SetString(string(digits), 10) // digits are ASCII 0-9
	if neg {
		v.Neg(v)
	}
	return decimal.NewFromBigInt(v, exp)
}

// parsePlain reads a decimal written the Go and YAML way: an optional '-',
// digits, and optionally a point and digits ("568.1", "-2", "0.5").
func parsePlain(s string) (decimal.Decimal, error) {
	fail := func(msg string) (decimal.Decimal, error) {
		return decimal.Decimal{}, &ParseError{Input: s, Msg: msg}
	}
	if len(s) > maxNumberLen {
		return fail(fmt.Sprintf("too long (%d bytes; at most %d)", len(s), maxNumberLen))
	}
	body := strings.TrimPrefix(s, "-")
	whole, frac, hasPoint := strings.Cut(body, ".")
	if whole == "" || !allDigitsASCII(whole) || hasPoint && (frac == "" || !allDigitsASCII(frac)) {
		return fail("want digits with an optional decimal point, such as 568.1")
	}
	digits := []byte(whole + frac)
	return makeDecimal(len(body) != len(s), digits, len(frac)), nil
}

func allDigitsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
