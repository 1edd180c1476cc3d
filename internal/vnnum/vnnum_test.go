package vnnum

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestPlain(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "-1234.5": "-1.234,5", "1234567": "1.234.567", "0.50": "0,50",
		"100": "100", "1000": "1.000", "12e3": "12e3", "": "", "1.": "1.", "abc": "abc",
	} {
		if got := Plain(in); got != want {
			t.Errorf("Plain(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDecimal(t *testing.T) {
	cases := []struct {
		in     string
		places int32
		suffix string
		want   string
	}{
		{"38459", -1, "", "38.459"},
		{"568.10", -1, "", "568,1"},
		{"-2.345", 2, "", "-2,35"},
		{"4.82", 2, "%", "4,82%"},
		{"-0.001", 2, "", "0,00"},
		{"123456789012345678901234.5", -1, "", "123.456.789.012.345.678.901.234,5"},
	}
	for _, c := range cases {
		if got := Decimal(decimal.RequireFromString(c.in), c.places, c.suffix); got != c.want {
			t.Errorf("Decimal(%s, %d) = %q, want %q", c.in, c.places, got, c.want)
		}
	}
}
