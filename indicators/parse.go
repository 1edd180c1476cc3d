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
	p := numberParser{s: s, input: input}
	neg, fracLen, err := p.parse()
	if err != nil {
		return decimal.Decimal{}, err
	}
	var stack [40]byte // room for the digits of any usual number, without allocating
	return makeDecimal(neg, appendDigits(stack[:0], s), fracLen), nil
}

// numberParser checks a number written in the Vietnamese style, reading it from left
// to right. Its methods return a *ParseError for text that does not follow the syntax
// ParseNumber documents.
type numberParser struct {
	s     string // the text read
	input string // the text error messages quote
	i     int    // byte offset in s of the next character to read
}

// parse reads all of p.s: the sign, the integer part, the decimal comma and the
// digits after it, then checks that nothing follows. It reports whether the number is
// negative and how many digits follow the decimal comma.
func (p *numberParser) parse() (neg bool, fracLen int, err error) {
	if p.s == "" {
		return false, 0, p.fail("empty text")
	}
	if len(p.s) > maxNumberLen {
		return false, 0, p.fail("too long (%d bytes; at most %d)", len(p.s), maxNumberLen)
	}
	if neg, err = p.sign(); err != nil {
		return false, 0, err
	}
	if err = p.integerPart(); err != nil {
		return false, 0, err
	}
	if fracLen, err = p.fraction(); err != nil {
		return false, 0, err
	}
	return neg, fracLen, p.end()
}

// fail returns a *ParseError quoting p.input, its reason formatted from format and
// args.
func (p *numberParser) fail(format string, args ...any) error {
	return &ParseError{Input: p.input, Msg: fmt.Sprintf(format, args...)}
}

// sign reads an optional leading '-' and reports whether there was one. A leading '+'
// is refused.
func (p *numberParser) sign() (neg bool, err error) {
	switch p.s[0] {
	case '-':
		p.i++
		return true, nil
	case '+':
		return false, p.fail("a leading + is not allowed")
	}
	return false, nil
}

// integerPart reads the digits before the decimal comma, plain ("1855") or grouped by
// dots ("1.855").
func (p *numberParser) integerPart() error {
	start := p.i
	first := p.digitRun()
	if first == 0 {
		return p.noIntegerPart()
	}
	if p.next('.') {
		return p.dotGroups(start, first)
	}
	return nil
}

// noIntegerPart explains what stands where the integer part should begin.
func (p *numberParser) noIntegerPart() error {
	switch {
	case p.next(','):
		return p.fail("missing digits before the decimal comma (write 0,5, not ,5)")
	case p.i == len(p.s):
		return p.fail("missing digits after the minus sign")
	}
	return p.unexpected()
}

// dotGroups reads the groups of digits that follow the first group of an integer part,
// each after a dot. first is the length of the first group, which begins at byte
// start: it must have one to three digits and not begin with 0, and every later group
// exactly three, else the dot is probably an English decimal point.
func (p *numberParser) dotGroups(start, first int) error {
	if first > 3 {
		return p.fail("the first group before a dot has %d digits (at most 3: a dot groups thousands)", first)
	}
	if p.s[start] == '0' {
		return p.fail("a number grouped with dots cannot start with 0 (an English decimal point? Vietnamese writes a decimal comma: 0,5)")
	}
	for p.next('.') {
		dot := p.i
		p.i++
		if n := p.digitRun(); n != 3 {
			return p.fail("a dot must group exactly three digits (found %d after the dot at byte %d)", n, dot)
		}
	}
	return nil
}

// fraction reads an optional decimal comma and the digits after it, and returns how
// many digits there are (0 without a comma).
func (p *numberParser) fraction() (int, error) {
	if !p.next(',') {
		return 0, nil
	}
	comma := p.i
	p.i++
	n := p.digitRun()
	switch {
	case n == 0:
		return 0, p.fail("missing digits after the decimal comma at byte %d", comma)
	case p.next('.'):
		return 0, p.fail("a dot cannot follow the decimal comma (English style? Vietnamese writes 1.855,5)")
	case p.next(','):
		return 0, p.fail("more than one decimal comma")
	}
	return n, nil
}

// end checks that the number ends the text.
func (p *numberParser) end() error {
	if p.i == len(p.s) {
		return nil
	}
	if p.s[p.i] == '.' {
		return p.fail("a dot at the end (byte %d) groups nothing", p.i)
	}
	return p.unexpected()
}

// unexpected describes the unexpected character at byte p.i, naming the usual
// mistakes: a space (such as one grouping thousands), a second minus sign, bytes that
// are not UTF-8.
func (p *numberParser) unexpected() error {
	i := p.i
	r, _ := utf8.DecodeRuneInString(p.s[i:])
	switch {
	case r == ' ' || r == '\u00a0' || r == '\t' || r == '\n' || r == '\r':
		return p.fail("unexpected space at byte %d (no spaces are allowed, group thousands with dots)", i)
	case r == utf8.RuneError:
		return p.fail("invalid UTF-8 at byte %d", i)
	case r == '-' || r == '\u2212':
		return p.fail("unexpected minus sign at byte %d (only one leading '-' is allowed)", i)
	default:
		return p.fail("unexpected character %q at byte %d", r, i)
	}
}

// digitRun reads a run of ASCII digits and returns its length.
func (p *numberParser) digitRun() int {
	start := p.i
	for p.i < len(p.s) && isDigit(p.s[p.i]) {
		p.i++
	}
	return p.i - start
}

// next reports whether the next byte is c.
func (p *numberParser) next(c byte) bool { return p.i < len(p.s) && p.s[p.i] == c }

// appendDigits appends the ASCII digits of s to dst and returns the result: for a
// number numberParser accepted, its digits without the sign and the separators.
func appendDigits(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			dst = append(dst, s[i])
		}
	}
	return dst
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
