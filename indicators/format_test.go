package indicators

import (
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// dec parses a decimal literal written Go-style ("568.1"); for tests only.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in     decimal.Decimal
		places int32
		want   string
	}{
		{dec("38459"), -1, "38.459"},
		{dec("568.1"), -1, "568,1"},
		{dec("568.10"), -1, "568,1"},
		{dec("2573.38"), -1, "2.573,38"},
		{dec("-1234.5"), 2, "-1.234,50"},
		{dec("4.82"), 2, "4,82"},
		{dec("0"), -1, "0"},
		{decimal.Decimal{}, -1, "0"},
		{decimal.Decimal{}, 2, "0,00"},
		{dec("0.00"), -1, "0"},
		{dec("5.00"), -1, "5"},
		{dec("5"), 2, "5,00"},
		{dec("999"), -1, "999"},
		{dec("1000"), -1, "1.000"},
		{dec("100000"), -1, "100.000"},
		{dec("1000000"), -1, "1.000.000"},
		{dec("12061"), -1, "12.061"},
		{dec("0.0026"), -1, "0,0026"},
		{dec("0.0026"), 2, "0,00"},
		{dec("-0.0026"), 2, "0,00"}, // no "-0,00"
		{dec("0.005"), 2, "0,01"},   // half away from zero
		{dec("-0.005"), 2, "-0,01"},
		{dec("2.345"), 2, "2,35"},
		{dec("2.344999"), 2, "2,34"},
		{dec("68.0555"), 2, "68,06"},
		{dec("999.995"), 2, "1.000,00"}, // carry into a new group
		{dec("9.5"), 0, "10"},
		{dec("0.5"), 0, "1"},
		{dec("0.49"), 0, "0"},
		{decimal.New(5, 3), -1, "5.000"}, // positive exponent
		{decimal.New(5, 3), 1, "5.000,0"},
		{decimal.New(-123, 6), -1, "-123.000.000"},
		{decimal.New(1, -20), -1, "0,00000000000000000001"},
		{decimal.New(1, -20), 2, "0,00"},
		{decimal.New(5, -25), 3, "0,000"},
		{decimal.New(math.MaxInt64, 0), -1, "9.223.372.036.854.775.807"},
		{decimal.New(math.MinInt64, 0), -1, "-9.223.372.036.854.775.808"},
		{dec("123456789012345678901234567890.125"), 2, "123.456.789.012.345.678.901.234.567.890,13"},
		{dec("-123456789012345678901234567890.125"), -1, "-123.456.789.012.345.678.901.234.567.890,125"},
		{dec("-0.0000000000000000000000000000001"), 2, "0,00"},
		{decimal.New(1, 60), -1, "1" + repeat(".000", 20)},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.in, tt.places); got != tt.want {
			t.Errorf("FormatNumber(%s, %d) = %q, want %q", tt.in, tt.places, got, tt.want)
		}
	}
}

func repeat(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}

func TestFormatInt(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1.000"}, {-1000, "-1.000"},
		{38459, "38.459"}, {119118, "119.118"}, {1234567, "1.234.567"},
		{math.MaxInt64, "9.223.372.036.854.775.807"},
		{math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := FormatInt(tt.in); got != tt.want {
			t.Errorf("FormatInt(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatPercent(t *testing.T) {
	tests := []struct {
		in     decimal.Decimal
		places int32
		want   string
	}{
		{dec("4.82"), 2, "4,82%"},
		{dec("95"), -1, "95%"},
		{dec("10.6"), -1, "10,6%"},
		{dec("0.0026"), 4, "0,0026%"},
		{dec("1234.5"), 1, "1.234,5%"},
		{dec("-3"), 0, "-3%"},
	}
	for _, tt := range tests {
		if got := FormatPercent(tt.in, tt.places); got != tt.want {
			t.Errorf("FormatPercent(%s, %d) = %q, want %q", tt.in, tt.places, got, tt.want)
		}
	}
}

func TestPad2(t *testing.T) {
	tests := []struct {
		in   decimal.Decimal
		want string
	}{
		{dec("0"), "00"}, {dec("1"), "01"}, {dec("8"), "08"}, {dec("9"), "09"},
		{dec("9.0"), "09"}, {dec("10"), "10"}, {dec("1855"), "1.855"},
		{dec("6.5"), "6,5"}, {dec("-1"), "-1"}, {dec("0.00"), "00"}, {decimal.New(5, -50), "0," + strings.Repeat("0", 49) + "5"}, {decimal.New(1, 2), "100"}, {decimal.New(0, 5), "00"},
	}
	for _, tt := range tests {
		if got := Pad2(tt.in); got != tt.want {
			t.Errorf("Pad2(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFormatNumberAllocs holds FormatNumber to one allocation: the string.
func TestFormatNumberAllocs(t *testing.T) {
	for _, d := range []decimal.Decimal{dec("2573.38"), dec("38459"), dec("-0.0026"), decimal.New(5, 3)} {
		n := testing.AllocsPerRun(100, func() { _ = FormatNumber(d, 2) })
		if n > 1 {
			t.Errorf("FormatNumber(%s, 2): %v allocations, want at most 1", d, n)
		}
		n = testing.AllocsPerRun(100, func() { _ = FormatPercent(d, -1) })
		if n > 1 {
			t.Errorf("FormatPercent(%s, -1): %v allocations, want at most 1", d, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = FormatInt(38459) }); n > 1 {
		t.Errorf("FormatInt: %v allocations, want at most 1", n)
	}
}
