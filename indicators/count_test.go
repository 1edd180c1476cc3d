package indicators

import (
	"errors"
	"math"
	"testing"

	"github.com/shopspring/decimal"
)

func TestCount(t *testing.T) {
	c := MustCount(38459)
	if c.String() != "38.459" || c.Int64() != 38459 || !c.Decimal().Equal(dec("38459")) || c.IsZero() {
		t.Errorf("MustCount(38459) = %v (%d, %s)", c, c.Int64(), c.Decimal())
	}
	var zero Count
	if !zero.IsZero() || zero.String() != "0" {
		t.Errorf("zero Count = %q", zero.String())
	}
	if got := MustCount(5484).Add(MustCount(1211)); got.Int64() != 6695 || got.String() != "6.695" {
		t.Errorf("5.484 + 1.211 = %v", got)
	}
	if got, err := MustCount(6695).Sub(MustCount(1211)); err != nil || got.Int64() != 5484 {
		t.Errorf("6.695 - 1.211 = %v, %v", got, err)
	}
	_, err := MustCount(5).Sub(MustCount(7))
	if !errors.Is(err, ErrNegative) || err.Error() != "indicators: negative count: 5 - 7" {
		t.Errorf("5 - 7: error %v", err)
	}
}

func TestNewCountErrors(t *testing.T) {
	_, err := NewCount(-3)
	if !errors.Is(err, ErrNegative) || err.Error() != "indicators: negative count: -3" {
		t.Errorf("NewCount(-3) error = %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustCount(-1) did not panic")
		}
	}()
	MustCount(-1)
}

func TestCountFromDecimal(t *testing.T) {
	tests := []struct {
		in   decimal.Decimal
		want int64
		err  error
		msg  string
	}{
		{dec("1855"), 1855, nil, ""},
		{dec("1855.000"), 1855, nil, ""},
		{decimal.New(12, 3), 12000, nil, ""},
		{dec("0"), 0, nil, ""},
		{dec("1.5"), 0, ErrFraction, "indicators: count is not a whole number: 1,5"},
		{dec("-2"), 0, ErrNegative, "indicators: negative count: -2"},
		{dec("-2.5"), 0, ErrFraction, "indicators: count is not a whole number: -2,5"},
		{dec("9223372036854775808"), 0, ErrRange, "indicators: number out of range: count 9.223.372.036.854.775.808 is above 9.223.372.036.854.775.807"},
		{decimal.New(1, 40), 0, ErrRange, ""},
	}
	for _, tt := range tests {
		got, err := CountFromDecimal(tt.in)
		if tt.err == nil {
			if err != nil || got.Int64() != tt.want {
				t.Errorf("CountFromDecimal(%s) = %v, %v; want %d", tt.in, got, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, tt.err) {
			t.Errorf("CountFromDecimal(%s) error = %v, want %v", tt.in, err, tt.err)
		} else if tt.msg != "" && err.Error() != tt.msg {
			t.Errorf("CountFromDecimal(%s) error = %q, want %q", tt.in, err, tt.msg)
		}
	}
}

func TestCountPadded(t *testing.T) {
	for n, want := range map[int64]string{0: "00", 1: "01", 2: "02", 8: "08", 9: "09", 10: "10", 233: "233", 1855: "1.855"} {
		if got := MustCount(n).Padded(); got != want {
			t.Errorf("MustCount(%d).Padded() = %q, want %q", n, got, want)
		}
	}
}

// Ten programmes of 999999999999999999 households: Add never panics; it stays at
// MaxInt64, and CheckedAdd says so.
func TestCountAddOverflow(t *testing.T) {
	big := MustCount(999999999999999999)
	sum := Count{}
	for i := 0; i < 10; i++ {
		sum = sum.Add(big)
	}
	if sum.Int64() != math.MaxInt64 {
		t.Errorf("sum = %d, want MaxInt64", sum.Int64())
	}
	if _, err := MustCount(math.MaxInt64).CheckedAdd(MustCount(1)); !errors.Is(err, ErrRange) {
		t.Errorf("CheckedAdd past MaxInt64: %v", err)
	}
	if s, err := MustCount(2).CheckedAdd(MustCount(3)); err != nil || s.Int64() != 5 {
		t.Errorf("2 + 3 = %v, %v", s, err)
	}
}
