package indicators

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Attainment is an actual figure against its plan (kế hoạch, chỉ tiêu):
// 1.111 new jobs against a plan of 2.000 is "đạt 55,55% so với kế hoạch".
// The zero value has no plan: its Rate is invalid and it prints "".
// Attainments are immutable values.
type Attainment struct {
	actual, plan decimal.Decimal
	rate         Rate
}

// NewAttainment returns actual against plan. A zero plan is an error wrapping
// ErrZeroDenominator.
func NewAttainment(actual, plan decimal.Decimal) (Attainment, error) {
	r, err := NewRate(actual, plan)
	if err != nil {
		return Attainment{}, fmt.Errorf("attainment against a plan of 0: %w", err)
	}
	return Attainment{actual: actual, plan: plan, rate: r}, nil
}

// Actual returns the actual figure.
func (a Attainment) Actual() decimal.Decimal { return a.actual }

// Plan returns the planned figure.
func (a Attainment) Plan() decimal.Decimal { return a.plan }

// Rate returns actual / plan × 100 with 2 decimals, half-up, carrying the
// reported percentage if one was given.
func (a Attainment) Rate() Rate { return a.rate }

// WithReported returns a with the percentage printed in the document (for
// example 68.05) kept beside the computed one; it then prints the reported
// value and Rate().Agrees() compares them.
func (a Attainment) WithReported(pct decimal.Decimal) Attainment {
	if !a.rate.IsValid() {
		return a // no plan: nothing to compare with; keep the zero value
	}
	a.rate = a.rate.WithReported(pct)
	return a
}

// Met reports whether the plan is reached (actual >= plan).
func (a Attainment) Met() bool {
	return a.rate.IsValid() && a.actual.GreaterThanOrEqual(a.plan)
}

// Shortfall returns how much is missing to reach the plan, or zero when it is
// met.
func (a Attainment) Shortfall() decimal.Decimal {
	if d := a.plan.Sub(a.actual); d.Sign() > 0 {
		return d
	}
	return decimal.Decimal{}
}

// String formats the attainment as a report phrases it:
// "đạt 55,55% so với kế hoạch"; "" for the zero value.
func (a Attainment) String() string {
	if !a.rate.IsValid() {
		return ""
	}
	return "đạt " + a.rate.String() + " so với kế hoạch"
}
