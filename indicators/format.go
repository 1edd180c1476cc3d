package indicators

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// FormatNumber formats d in the Vietnamese style: a dot groups thousands and
// a comma separates decimals ("38.459", "568,1", "-1.234,50").
//
// With places >= 0 the result has exactly that many decimals, rounded half
// away from zero (2,345 at 2 places is "2,35", -2,345 is "-2,35"). With
// places < 0 the exact value is printed with trailing zeros trimmed
// ("568,10" prints "568,1", "5,00" prints "5"). A value that rounds to zero
// prints without a minus sign.
//
// The result is built in one buffer of the right size: for values whose
// coefficient fits in 18 digits, the returned string is the only allocation.
func FormatNumber(d decimal.Decimal, places int32) string {
	return formatDecimal(d, places, "")
}

// FormatInt formats n with dots grouping thousands: 38459 -> "38.459".
func FormatInt(n int64) string {
	var buf [24]byte
	u := uint64(n)
	if n < 0 {
		u = -u
	}
	return assemble(n < 0, strconv.AppendUint(buf[:0], u, 10), 0, 0, "")
}

// FormatPercent formats d like FormatNumber and appends "%": "4,82%".
// Vietnamese writes the sign directly after the number, without a space.
func FormatPercent(d decimal.Decimal, places int32) string {
	return formatDecimal(d, places, "%")
}

// Pad2 formats d in the administrative style for small counts: a whole number
// from 0 to 9 takes a leading zero ("01", "08"); anything else prints like
// FormatNumber with trimmed decimals ("10", "1.855", "6,5").
func Pad2(d decimal.Decimal) string {
	if n, ok := digit(d); ok {
		return string([]byte{'0', '0' + byte(n)})
	}
	return FormatNumber(d, -1)
}

// digit returns d as a whole number from 0 to 9, if it is one.
func digit(d decimal.Decimal) (int, bool) {
	if d.IsZero() {
		return 0, true
	}
	// A nonzero coefficient times 10^2 or more is at least 100; checking the
	// exponent first keeps IsInteger and the comparison cheap.
	if d.Sign() < 0 || d.Exponent() > 1 || d.Exponent() < -40 || !d.IsInteger() || !d.LessThan(ten) {
		return 0, false
	}
	return int(d.IntPart()), true
}

var ten = decimal.NewFromInt(10)

// pow10u holds 10^0 .. 10^19, all of which fit in a uint64.
var pow10u = [20]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// smallCoefficient returns |coefficient| of d and whether it is negative,
// when the coefficient is known to fit in 18 digits. It does not allocate.
//
// NumDigits is exact for coefficients above 2^53 and only then takes its slow
// path; at or below 2^53 it answers from the int64 fast path. Either way a
// result of 18 or less means the coefficient fits an int64.
func smallCoefficient(d decimal.Decimal) (u uint64, neg bool, ok bool) {
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

// roundUint divides u by 10^k rounding half away from zero (u is a magnitude).
func roundUint(u uint64, k int) uint64 {
	if k == 0 {
		return u
	}
	if k >= len(pow10u) {
		return 0 // u < 1.9e19 < 0.5 * 10^20
	}
	p := pow10u[k]
	q, r := u/p, u%p
	if r >= p-r {
		q++
	}
	return q
}

// formatDecimal is FormatNumber with a suffix written into the same buffer.
func formatDecimal(d decimal.Decimal, places int32, suffix string) string {
	var buf [48]byte
	u, neg, ok := smallCoefficient(d)
	if !ok {
		return formatBig(d, places, suffix)
	}
	frac := -int64(d.Exponent())
	if u == 0 {
		frac = 0
	}
	if places >= 0 && frac > int64(places) {
		u = roundUint(u, int(min(frac-int64(places), int64(len(pow10u)))))
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
	return assemble(neg && u != 0, digits, int(frac), int(pad), suffix)
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
	return assemble(d.Sign() < 0 && nonzero, []byte(s), frac, 0, suffix)
}

// assemble writes sign, grouped integer part, decimal comma and fraction.
// digits holds the decimal digits of the magnitude followed by pad implicit
// zeros; the last frac of those (digits plus pad) are decimals.
func assemble(neg bool, digits []byte, frac, pad int, suffix string) string {
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
