package indicators

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/internal/vnnum"
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

// smallCoefficient returns |coefficient| of d and whether it is negative, when the
// coefficient fits in 18 digits, without allocating (see vnnum.SmallCoefficient).
func smallCoefficient(d decimal.Decimal) (u uint64, neg bool, ok bool) {
	return vnnum.SmallCoefficient(d)
}

// formatDecimal is FormatNumber with a suffix written into the same buffer.
func formatDecimal(d decimal.Decimal, places int32, suffix string) string {
	return vnnum.Decimal(d, places, suffix)
}

// assemble writes sign, grouped integer part, decimal comma and fraction (see
// vnnum.Assemble).
func assemble(neg bool, digits []byte, frac, pad int, suffix string) string {
	return vnnum.Assemble(neg, digits, frac, pad, suffix)
}
