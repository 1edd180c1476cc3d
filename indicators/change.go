package indicators

import (
	"github.com/shopspring/decimal"
)

// Change is a current figure against a previous one (usually the same period
// last year). Two different percentages come out of it, and reports use both:
//
//   - Percent, the change: (current - previous) / previous × 100, written
//     "tăng 1,24%" or "giảm 3%";
//   - Ratio, the level: current / previous × 100, written
//     "bằng 101,24% so với cùng kỳ".
//
// The zero value is 0 against 0: it prints "không đổi" and has no percentage.
// Changes are immutable values.
type Change struct {
	current, previous decimal.Decimal
	pct, ratio        decimal.Decimal
	flags             changeFlags
	unit              string
}

// PercentagePoints is the unit of a change between two rates ("giảm 0,56 điểm phần
// trăm"): a rate's change is the difference of the percentages, never a percentage of
// a percentage.
const PercentagePoints = "điểm phần trăm"

type changeFlags uint8

const (
	changeHasPct changeFlags = 1 << iota
	changeHasRatio
)

// NewChange returns current against previous.
func NewChange(current, previous decimal.Decimal) Change {
	return Change{current: current, previous: previous}
}

// Current returns the current figure.
func (c Change) Current() decimal.Decimal { return c.current }

// Previous returns the previous figure.
func (c Change) Previous() decimal.Decimal { return c.previous }

// Diff returns current - previous (negative for a decrease).
func (c Change) Diff() decimal.Decimal { return c.current.Sub(c.previous) }

// Sign returns 1 for an increase, -1 for a decrease and 0 for no change.
func (c Change) Sign() int { return c.current.Cmp(c.previous) }

// Percent returns the change (current - previous) / previous × 100, signed,
// 2 decimals, half-up, carrying the reported change if one was given. A zero
// previous figure is an error wrapping ErrZeroDenominator.
func (c Change) Percent() (Rate, error) {
	r, err := NewRate(c.Diff(), c.previous)
	if err != nil {
		return Rate{}, err
	}
	if c.flags&changeHasPct != 0 {
		r = r.WithReported(c.pct)
	}
	return r, nil
}

// Ratio returns the level current / previous × 100 ("bằng X% so với cùng
// kỳ"), 2 decimals, half-up, carrying the reported ratio if one was given. A
// zero previous figure is an error wrapping ErrZeroDenominator.
func (c Change) Ratio() (Rate, error) {
	r, err := NewRate(c.current, c.previous)
	if err != nil {
		return Rate{}, err
	}
	if c.flags&changeHasRatio != 0 {
		r = r.WithReported(c.ratio)
	}
	return r, nil
}

// WithReportedPercent returns c with the printed percentage change. It is
// signed: a printed "giảm 3%" is -3.
func (c Change) WithReportedPercent(pct decimal.Decimal) Change {
	c.pct = pct
	c.flags |= changeHasPct
	return c
}

// WithReportedRatio returns c with the printed ratio ("bằng 101,24% so với
// cùng kỳ" is 101.24).
func (c Change) WithReportedRatio(pct decimal.Decimal) Change {
	c.ratio = pct
	c.flags |= changeHasRatio
	return c
}

// WithUnit returns c with the unit its difference is printed in: "triệu đồng" for an
// amount, [PercentagePoints] for a rate, "người" for a count of persons. An empty unit
// prints the number alone.
func (c Change) WithUnit(unit string) Change {
	c.unit = unit
	return c
}

// Unit returns the unit the difference is printed in ("" when none was given).
func (c Change) Unit() string { return c.unit }

// String formats the difference as a report phrases it, with its unit when it has one:
// "tăng 1.366", "giảm 25 triệu đồng", "giảm 0,56 điểm phần trăm", "không đổi".
func (c Change) String() string {
	d := c.Diff()
	var s string
	switch d.Sign() {
	case 1:
		s = "tăng " + FormatNumber(d, -1)
	case -1:
		s = "giảm " + FormatNumber(d.Neg(), -1)
	default:
		return "không đổi"
	}
	if c.unit != "" {
		s += " " + c.unit
	}
	return s
}
