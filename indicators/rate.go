package indicators

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"
)

// Rounding says how a rate is rounded to its display places. All modes are
// symmetric around zero, like Excel's ROUND, ROUNDDOWN and ROUNDUP.
type Rounding int

// Rounding modes.
const (
	HalfUp Rounding = iota // half away from zero: 68,0555… -> 68,06 (the default)
	Down                   // toward zero (truncate): 68,0555… -> 68,05
	Up                     // away from zero: 0,0026 -> 0,01
)

// String returns the mode's Go name.
func (m Rounding) String() string {
	switch m {
	case HalfUp:
		return "HalfUp"
	case Down:
		return "Down"
	case Up:
		return "Up"
	}
	return "Rounding(" + strconv.Itoa(int(m)) + ")"
}

type rateFlags uint8

const (
	rateHasBase rateFlags = 1 << iota
	rateHasReported
	ratePlacesSet
)

// Rate is numerator / denominator × factor (100 for a percentage, 1000 per
// mille), shown with a number of decimals (2 by default) and a rounding mode
// (HalfUp by default). A rate may instead, or as well, carry a reported value:
// the percentage printed in a document. A rate with both prints the reported
// value and can tell whether the two agree (Agrees).
//
// The zero value is an empty, invalid rate: IsValid is false, String gives ""
// and MarshalText an error wrapping ErrInvalidRate.
// Rates are immutable values.
type Rate struct {
	num, den decimal.Decimal
	reported decimal.Decimal
	factor   int32 // 0 means 100
	places   int32
	rounding Rounding
	flags    rateFlags
}

// NewRate returns the percentage num / den × 100, shown with 2 decimals and
// rounded half-up. A zero den is an error wrapping ErrZeroDenominator.
func NewRate(num, den decimal.Decimal) (Rate, error) {
	if den.IsZero() {
		return Rate{}, fmt.Errorf("%w: %s / 0", ErrZeroDenominator, FormatNumber(num, -1))
	}
	return Rate{num: num, den: den, factor: 100, places: 2, flags: rateHasBase}, nil
}

// RateOf is NewRate for two counts: RateOf(1.855, 38.459) is 4,82%.
func RateOf(num, den Count) (Rate, error) {
	if den.n == 0 {
		return Rate{}, fmt.Errorf("%w: %s / 0", ErrZeroDenominator, num)
	}
	return NewRate(num.Decimal(), den.Decimal())
}

// ReportedRate returns a rate known only as a printed percentage, with no
// base. It displays with the decimals it was written with: 95 prints "95%",
// 10.6 prints "10,6%", 0.01 prints "0,01%" and a decimal parsed from "10,60"
// prints "10,60%".
func ReportedRate(value decimal.Decimal) Rate {
	return Rate{reported: value, factor: 100, places: writtenPlaces(value), flags: rateHasReported}
}

// writtenPlaces is the number of decimals d was written with.
func writtenPlaces(d decimal.Decimal) int32 {
	if e := d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// WithReported returns r with a reported (printed) value beside the computed
// one. The rate then prints the reported value; Agrees compares the two.
func (r Rate) WithReported(value decimal.Decimal) Rate {
	r.reported = value
	r.flags |= rateHasReported
	if r.factor == 0 {
		r.factor = 100
	}
	return r
}

// WithPlaces returns r shown with p decimals (p < 0 counts as 0). It applies
// to the computed value and, once set, to a reported value too (rounded
// half-up); without it a reported value prints as written.
func (r Rate) WithPlaces(p int32) Rate {
	r.places = max(p, 0)
	r.flags |= ratePlacesSet
	return r
}

// WithRounding returns r rounded with mode m at display.
func (r Rate) WithRounding(m Rounding) Rate {
	r.rounding = m
	return r
}

// PerMille returns r as a rate per thousand (factor 1000, printed "‰").
func (r Rate) PerMille() Rate {
	r.factor = 1000
	return r
}

// IsValid reports whether r has a computed or a reported value.
func (r Rate) IsValid() bool { return r.flags&(rateHasBase|rateHasReported) != 0 }

// HasBase reports whether r was computed from a numerator and denominator.
func (r Rate) HasBase() bool { return r.flags&rateHasBase != 0 }

// IsReported reports whether r carries a reported (printed) value.
func (r Rate) IsReported() bool { return r.flags&rateHasReported != 0 }

// Numerator returns the numerator (zero when r has no base).
func (r Rate) Numerator() decimal.Decimal { return r.num }

// Denominator returns the denominator (zero when r has no base).
func (r Rate) Denominator() decimal.Decimal { return r.den }

// Places returns the number of decimals r is shown with.
func (r Rate) Places() int32 { return r.places }

// Rounding returns r's rounding mode.
func (r Rate) Rounding() Rounding { return r.rounding }

// Factor returns 100 for a percentage or 1000 for a rate per mille.
func (r Rate) Factor() int32 {
	if r.factor == 0 {
		return 100
	}
	return r.factor
}

// Computed returns num / den × factor rounded at the display places with r's
// rounding mode, and true; or zero and false when r has no base. The rounding
// is exact: num × factor × 10^places is divided by den in integers and the
// remainder decides (no division at a fixed precision first).
func (r Rate) Computed() (decimal.Decimal, bool) {
	if !r.HasBase() {
		return decimal.Decimal{}, false
	}
	q, _ := quoRound(r.num, r.den, int64(r.Factor()), r.places, r.rounding)
	return q, true
}

// Exact returns the computed value rounded half-up at precision decimals, for
// messages: 1 / 38.459 at precision 4 is 0.0026. Without a base it returns
// the reported value rounded the same way; an invalid rate returns zero.
func (r Rate) Exact(precision int32) decimal.Decimal {
	precision = max(precision, 0)
	switch {
	case r.HasBase():
		q, _ := quoRound(r.num, r.den, int64(r.Factor()), precision, HalfUp)
		return q
	case r.IsReported():
		return r.reported.Round(precision)
	}
	return decimal.Decimal{}
}

// Reported returns the reported value and true, or zero and false.
func (r Rate) Reported() (decimal.Decimal, bool) {
	if !r.IsReported() {
		return decimal.Decimal{}, false
	}
	return r.reported, true
}

// Value returns what r prints: the reported value if there is one (rounded
// half-up when WithPlaces was set), else the computed value rounded; zero for
// an invalid rate.
func (r Rate) Value() decimal.Decimal {
	switch {
	case r.IsReported():
		if r.flags&ratePlacesSet != 0 {
			return r.reported.Round(r.places)
		}
		return r.reported
	case r.HasBase():
		q, _ := r.Computed()
		return q
	}
	return decimal.Decimal{}
}

// Agrees reports whether the reported value matches the computed one. It is
// true when either is missing. Otherwise the computed value is rounded with
// r's mode at the decimals the reported value was written with and compared:
// 1 / 38.459 (0,0026%) does not agree with a reported 0,01%, 49 / 72
// (68,0555…%) does not agree with 68,05% when rounding half-up.
func (r Rate) Agrees() bool {
	if !r.HasBase() || !r.IsReported() {
		return true
	}
	q, _ := quoRound(r.num, r.den, int64(r.Factor()), writtenPlaces(r.reported), r.rounding)
	return q.Equal(r.reported)
}

// String formats what r prints with its sign: "4,82%", "1,5‰"; "" for an
// invalid rate. A printer that honours encoding.TextMarshaler (render's does)
// uses MarshalText instead, which refuses an invalid rate.
func (r Rate) String() string {
	return r.format(r.symbol())
}

// MarshalText returns what String prints ("4,82%"), or, for a rate that could
// not be computed (a zero or missing base and nothing reported), an error
// wrapping ErrInvalidRate: printed in a report, such a rate would leave a hole
// ("đạt  so với kế hoạch"). A template tests it first:
// {{if .x.ty_le.IsValid}}…{{end}}.
func (r Rate) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fmt.Errorf("%w: no base and no reported value", ErrInvalidRate)
	}
	return []byte(r.String()), nil
}

// MarshalJSON returns what String prints as a JSON string, and null for an
// invalid rate (JSON has a value for "none", unlike a printed report).
func (r Rate) MarshalJSON() ([]byte, error) {
	if !r.IsValid() {
		return []byte("null"), nil
	}
	return []byte(strconv.Quote(r.String())), nil
}

// Number formats what r prints without the sign: "4,82"; "" for an invalid
// rate.
func (r Rate) Number() string {
	return r.format("")
}

func (r Rate) format(suffix string) string {
	switch {
	case !r.IsValid():
		return ""
	case !r.IsReported():
		// Computed: format the rounded integer quotient directly when it
		// fits, sparing the decimal in between.
		e := int64(r.num.Exponent()) - int64(r.den.Exponent()) + int64(r.places)
		if q, _, ok := quoRoundSmall(r.num, r.den, uint64(r.Factor()), e, r.rounding); ok {
			var buf [24]byte
			u := uint64(q)
			if q < 0 {
				u = -u
			}
			return assemble(q < 0, strconv.AppendUint(buf[:0], u, 10), int(r.places), 0, suffix)
		}
	}
	return formatDecimal(r.Value(), r.displayPlaces(), suffix)
}

func (r Rate) displayPlaces() int32 {
	if r.IsReported() && r.flags&ratePlacesSet == 0 {
		return writtenPlaces(r.reported)
	}
	return r.places
}

func (r Rate) symbol() string {
	if r.Factor() == 1000 {
		return "‰"
	}
	return "%"
}

// quoRound returns num / den × factor rounded at places decimals with mode,
// and whether the division was exact. den must not be zero.
//
// It computes num × factor × 10^places and divides it by den in integers; the
// remainder r against the divisor b decides the last digit: HalfUp adds one
// when 2r >= b, Up when r > 0, Down never.
func quoRound(num, den decimal.Decimal, factor int64, places int32, mode Rounding) (decimal.Decimal, bool) {
	// value × 10^places = a × factor × 10^e / b with a, b the coefficients.
	e := int64(num.Exponent()) - int64(den.Exponent()) + int64(places)
	if q, exact, ok := quoRoundSmall(num, den, uint64(factor), e, mode); ok {
		return decimal.New(q, -places), exact
	}
	a := num.Coefficient()
	b := den.Coefficient()
	a.Mul(a, big.NewInt(factor))
	if e >= 0 {
		a.Mul(a, pow10Big(e))
	} else {
		b.Mul(b, pow10Big(-e))
	}
	neg := a.Sign()*b.Sign() < 0
	a.Abs(a)
	b.Abs(b)
	q, rem := new(big.Int).QuoRem(a, b, new(big.Int))
	exact := rem.Sign() == 0
	if roundUp(mode, rem.Lsh(rem, 1).Cmp(b), !exact) {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return decimal.NewFromBigInt(q, -places), exact
}

// roundUp decides whether to add one to a truncated quotient. cmp2 compares
// twice the remainder with the divisor.
func roundUp(mode Rounding, cmp2 int, inexact bool) bool {
	switch mode {
	case Up:
		return inexact
	case Down:
		return false
	default:
		return cmp2 >= 0
	}
}

// quoRoundSmall is quoRound in uint64 arithmetic, when everything fits.
func quoRoundSmall(num, den decimal.Decimal, factor uint64, e int64, mode Rounding) (int64, bool, bool) {
	if e > 19 || e < -19 {
		return 0, false, false
	}
	ua, na, ok := smallCoefficient(num)
	if !ok {
		return 0, false, false
	}
	ub, nb, ok := smallCoefficient(den)
	if !ok || ub == 0 {
		return 0, false, false
	}
	hi, a := bits.Mul64(ua, factor)
	if hi != 0 {
		return 0, false, false
	}
	b := ub
	if e >= 0 {
		hi, a = bits.Mul64(a, pow10u[e])
	} else {
		hi, b = bits.Mul64(b, pow10u[-e])
	}
	if hi != 0 {
		return 0, false, false
	}
	q, r := a/b, a%b
	if roundUp(mode, cmpTwice(r, b), r != 0) {
		q++
	}
	if q > math.MaxInt64 {
		return 0, false, false
	}
	v := int64(q)
	if na != nb {
		v = -v
	}
	return v, r == 0, true
}

// cmpTwice compares 2r with b without overflow (r < b).
func cmpTwice(r, b uint64) int {
	switch d := b - r; {
	case r > d:
		return 1
	case r == d:
		return 0
	}
	return -1
}

func pow10Big(n int64) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(n), nil)
}

// RateFromInts is NewRate for whole numbers, for hosts building figures in Go:
// RateFromInts(1855, 38459) is 4,82%. A zero den is an error wrapping
// ErrZeroDenominator.
func RateFromInts(num, den int64) (Rate, error) {
	return NewRate(decimal.NewFromInt(num), decimal.NewFromInt(den))
}

// ParseReportedRate reads a printed percentage written with a decimal point, as
// in Go source or a YAML file ("4.82", "95"), and returns it as ReportedRate
// does: it prints with the decimals written ("4,82%"). Text that is not a plain
// decimal is an error wrapping ErrSyntax; ParsePercent reads the Vietnamese
// style ("4,82%").
func ParseReportedRate(s string) (Rate, error) {
	d, err := parsePlain(s)
	if err != nil {
		return Rate{}, err
	}
	return ReportedRate(d), nil
}
