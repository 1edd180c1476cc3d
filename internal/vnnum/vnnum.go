// Package vnnum writes numbers the Vietnamese way: a dot groups thousands and a comma
// separates decimals ("38.459", "568,1"). It is the one implementation behind
// indicators' formatting and render's DefaultPrinter.
package vnnum

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// pow10 holds 10^0 .. 10^19, all of which fit in a uint64.
var pow10 = [20]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// SmallCoefficient returns |coefficient| of d and whether it is negative,
// when the coefficient is known to fit in 18 digits. It does not allocate.
//
// NumDigits is exact for coefficients above 2^53 and only then takes its slow
// path; at or below 2^53 it answers from the int64 fast path. Either way a
// result of 18 or less means the coefficient fits an int64.
func SmallCoefficient(d decimal.Decimal) (u uint64, neg bool, ok bool) {
	if d.IsZero() {
		return 0, false, true
	}
	if d.NumDigits() > 18 {
		return 0, false, false
	}
	c := d.CoefficientInt64()
	if c < 0 {
		return uint64(-c), true, true
	}
	return uint64(c), false, true
}

// RoundUint divides u by 10^k rounding half away from zero (u is a magnitude).
func RoundUint(u uint64, k int) uint64 {
	if k == 0 {
		return u
	}
	if k >= len(pow10) {
		return 0 // u < 1.9e19 < 0.5 * 10^20
	}
	p := pow10[k]
	q, r := u/p, u%p
	if r >= p-r {
		q++
	}
	return q
}

// Decimal formats d the Vietnamese way, a dot grouping thousands and a comma before the
// decimals, followed by suffix, written into one buffer ("38.459", "568,1", "4,82%").
// With places >= 0 the result has exactly that many decimals, rounded half away from
// zero; with places < 0 the exact value is printed with trailing zeros trimmed. A value
// that rounds to zero prints without a minus sign. For values whose coefficient fits in
// 18 digits the returned string is the only allocation.
func Decimal(d decimal.Decimal, places int32, suffix string) string {
	var buf [48]byte
	u, neg, ok := SmallCoefficient(d)
	if !ok {
		return formatBig(d, places, suffix)
	}
	frac := -int64(d.Exponent())
	if u == 0 {
		frac = 0
	}
	if places >= 0 && frac > int64(places) {
		u = RoundUint(u, int(min(frac-int64(places), int64(len(pow10)))))
		frac = int64(places)
	}
	digits := strconv.AppendUint(buf[:0], u, 10)
	if frac < 0 {
		// Positive exponent: the zeros belong to the integer part.
		if -frac > int64(cap(digits)-len(digits)) {
			return formatBig(d, places, suffix)
		}
		for ; frac < 0; frac++ {
			digits = append(digits, '0')
		}
	}
	if places < 0 {
		for frac > 0 && digits[len(digits)-1] == '0' {
			digits = digits[:len(digits)-1]
			frac--
		}
	}
	pad := int64(0) // zeros to add after the digits
	if places >= 0 && frac < int64(places) {
		pad = int64(places) - frac
		frac = int64(places)
	}
	return Assemble(neg && u != 0, digits, int(frac), int(pad), suffix)
}

// formatBig handles coefficients beyond 18 digits through decimal's own
// plain-notation strings.
func formatBig(d decimal.Decimal, places int32, suffix string) string {
	var s string
	if places >= 0 {
		s = d.Abs().StringFixed(places) // rounds half away from zero
	} else {
		s = d.Abs().String() // exact, trailing zeros trimmed
	}
	frac := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		frac = len(s) - i - 1
		s = s[:i] + s[i+1:]
	}
	nonzero := strings.Trim(s, "0") != ""
	return Assemble(d.Sign() < 0 && nonzero, []byte(s), frac, 0, suffix)
}

// Assemble writes sign, grouped integer part, decimal comma and fraction.
// digits holds the decimal digits of the magnitude followed by pad implicit
// zeros; the last frac of those (digits plus pad) are decimals.
func Assemble(neg bool, digits []byte, frac, pad int, suffix string) string {
	total := len(digits) + pad
	intLen := total - frac
	lead := 0 // zeros between the comma and the first digit
	if intLen <= 0 {
		lead = -intLen
		intLen = 1
	}
	// Strip leading zeros of the integer part (keep one).
	for intLen > 1 && len(digits) > 0 && digits[0] == '0' {
		digits = digits[1:]
		intLen--
	}
	size := intLen + (intLen-1)/3 + len(suffix)
	if neg {
		size++
	}
	if frac > 0 {
		size += 1 + frac
	}
	var b strings.Builder
	b.Grow(size)
	if neg {
		b.WriteByte('-')
	}
	if total-frac <= 0 {
		b.WriteByte('0')
	} else {
		// integer digits are digits[:intLen] (pad only reaches the fraction:
		// callers pad only when frac >= pad).
		for i := 0; i < intLen; i++ {
			if i > 0 && (intLen-i)%3 == 0 {
				b.WriteByte('.')
			}
			b.WriteByte(digits[i])
		}
		digits = digits[intLen:]
	}
	if frac > 0 {
		b.WriteByte(',')
		for i := 0; i < lead; i++ {
			b.WriteByte('0')
		}
		b.Write(digits)
		for i := 0; i < pad; i++ {
			b.WriteByte('0')
		}
	}
	b.WriteString(suffix)
	return b.String()
}

// Plain rewrites a plain decimal number ("-1234.5", "0.50") in the Vietnamese style
// ("-1.234,5", "0,50"), keeping its decimals as written. Anything that is not such a
// number comes back unchanged.
func Plain(s string) string {
	digits, neg := s, false
	if strings.HasPrefix(digits, "-") {
		digits, neg = digits[1:], true
	}
	intPart, frac, hasFrac := strings.Cut(digits, ".")
	if intPart == "" || !allDigits(intPart) || hasFrac && (frac == "" || !allDigits(frac)) {
		return s
	}
	b := make([]byte, 0, len(intPart)+len(frac))
	b = append(append(b, intPart...), frac...)
	return Assemble(neg, b, len(frac), 0, "")
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
