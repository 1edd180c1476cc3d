package indicators

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"
)

// Count is a whole, non-negative number of something: households (hộ),
// people (người), cards (thẻ), classes (lớp), visits (lượt), gifts (suất).
// The zero value is a valid count of 0. Counts are immutable values.
type Count struct {
	n int64
}

// NewCount returns the count n; a negative n is an error wrapping ErrNegative.
func NewCount(n int64) (Count, error) {
	if n < 0 {
		return Count{}, fmt.Errorf("%w: %s", ErrNegative, FormatInt(n))
	}
	return Count{n: n}, nil
}

// CountFromDecimal returns d as a count. A fraction is an error wrapping
// ErrFraction, a negative value one wrapping ErrNegative (a negative fraction
// reports ErrFraction), and a value above the int64 range one wrapping
// ErrRange.
func CountFromDecimal(d decimal.Decimal) (Count, error) {
	if !d.IsInteger() {
		return Count{}, fmt.Errorf("%w: %s", ErrFraction, FormatNumber(d, -1))
	}
	if d.Sign() < 0 {
		return Count{}, fmt.Errorf("%w: %s", ErrNegative, FormatNumber(d, -1))
	}
	if d.Exponent() > 18 || d.GreaterThan(maxInt64) {
		return Count{}, fmt.Errorf("%w: count %s is above %s", ErrRange, FormatNumber(d, -1), FormatInt(math.MaxInt64))
	}
	return Count{n: d.IntPart()}, nil
}

var maxInt64 = decimal.NewFromInt(math.MaxInt64)

// MustCount is NewCount for literals in tests and examples: it panics when n
// is negative.
func MustCount(n int64) Count {
	c, err := NewCount(n)
	if err != nil {
		panic(err)
	}
	return c
}

// Int64 returns the count as an int64.
func (c Count) Int64() int64 { return c.n }

// Decimal returns the count as an exact decimal.
func (c Count) Decimal() decimal.Decimal { return decimal.NewFromInt(c.n) }

// Add returns c + o. A sum above the int64 range (more than 9,2 billion
// billion, which no real count reaches) stays at math.MaxInt64 instead of
// overflowing; use CheckedAdd to be told.
func (c Count) Add(o Count) Count {
	s, err := c.CheckedAdd(o)
	if err != nil {
		return Count{n: math.MaxInt64}
	}
	return s
}

// CheckedAdd returns c + o, or an error wrapping ErrRange when the sum is
// above the int64 range.
func (c Count) CheckedAdd(o Count) (Count, error) {
	if c.n > math.MaxInt64-o.n {
		return Count{}, fmt.Errorf("%w: %s + %s is above %s", ErrRange, c, o, FormatInt(math.MaxInt64))
	}
	return Count{n: c.n + o.n}, nil
}

// Sub returns c - o, or an error wrapping ErrNegative when o is larger.
func (c Count) Sub(o Count) (Count, error) {
	if o.n > c.n {
		return Count{}, fmt.Errorf("%w: %s - %s", ErrNegative, FormatInt(c.n), FormatInt(o.n))
	}
	return Count{n: c.n - o.n}, nil
}

// IsZero reports whether the count is 0.
func (c Count) IsZero() bool { return c.n == 0 }

// String formats the count with dots grouping thousands: "38.459".
func (c Count) String() string { return FormatInt(c.n) }

// Padded formats the count in the administrative style: "00" to "09" below
// ten, then as String ("10", "1.855").
func (c Count) Padded() string {
	if c.n < 10 {
		return string([]byte{'0', byte('0' + c.n)})
	}
	return c.String()
}
