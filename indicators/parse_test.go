package indicators

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want decimal.Decimal
	}{
		{"1.855", dec("1855")},
		{"38.459", dec("38459")},
		{"568,1", dec("568.1")},
		{"2.573,38", dec("2573.38")},
		{"-5", dec("-5")},
		{"0", dec("0")},
		{"-0", dec("0")},
		{"0,0026", dec("0.0026")},
		{"01", dec("1")},
		{"08", dec("8")},
		{"1855", dec("1855")},
		{"1,855", dec("1.855")}, // a comma is always decimal
		{"1.000.000", dec("1000000")},
		{"999.999.999.999.999", dec("999999999999999")},
		{"123.456.789.012.345.678.901,5", dec("123456789012345678901.5")},
		{"12345678901234567890123", dec("12345678901234567890123")},
		{"-2.573,38", dec("-2573.38")},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		if !got.Equal(tt.want) {
			t.Errorf("ParseNumber(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseNumberKeepsDecimals(t *testing.T) {
	d, err := ParseNumber("10,60")
	if err != nil {
		t.Fatal(err)
	}
	if d.Exponent() != -2 {
		t.Errorf("ParseNumber(\"10,60\") exponent = %d, want -2", d.Exponent())
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct {
		in  string
		msg string // the reason, after the quoted input
	}{
		{"", "empty text"},
		{"1.85", "a dot must group exactly three digits (found 2 after the dot at byte 1)"},
		{"12.34", "a dot must group exactly three digits (found 2 after the dot at byte 2)"},
		{"1.8555", "a dot must group exactly three digits (found 4 after the dot at byte 1)"},
		{"1,855.5", "a dot cannot follow the decimal comma (English style? Vietnamese writes 1.855,5)"},
		{" 1", "unexpected space at byte 0 (no spaces are allowed, group thousands with dots)"},
		{"1 ", "unexpected space at byte 1 (no spaces are allowed, group thousands with dots)"},
		{"1 855", "unexpected space at byte 1 (no spaces are allowed, group thousands with dots)"},
		{"1855.000", "the first group before a dot has 4 digits (at most 3: a dot groups thousands)"},
		{"0.855", "a number grouped with dots cannot start with 0 (an English decimal point? Vietnamese writes a decimal comma: 0,5)"},
		{"+5", "a leading + is not allowed"},
		{"-", "missing digits after the minus sign"},
		{"--5", "unexpected minus sign at byte 1 (only one leading '-' is allowed)"},
		{"5-", "unexpected minus sign at byte 1 (only one leading '-' is allowed)"},
		{",5", "missing digits before the decimal comma (write 0,5, not ,5)"},
		{"5,", "missing digits after the decimal comma at byte 1"},
		{"5,5,5", "more than one decimal comma"},
		{"1.", "a dot must group exactly three digits (found 0 after the dot at byte 1)"},
		{"1e3", "unexpected character 'e' at byte 1"},
		{"5%", "unexpected character '%' at byte 1"},
		{"abc", "unexpected character 'a' at byte 0"},
		{"4\u00a0820", "unexpected space at byte 1 (no spaces are allowed, group thousands with dots)"},
		{"\xff", "invalid UTF-8 at byte 0"},
		{"١٢", "unexpected character '١' at byte 0"},
		{strings.Repeat("1", 5000), "too long (5000 bytes; at most 4096)"},
	}
	for _, tt := range tests {
		_, err := ParseNumber(tt.in)
		if err == nil {
			t.Errorf("ParseNumber(%q): no error, want %q", tt.in, tt.msg)
			continue
		}
		if !errors.Is(err, ErrSyntax) {
			t.Errorf("ParseNumber(%q): error %v does not wrap ErrSyntax", tt.in, err)
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("ParseNumber(%q): error %T is not a *ParseError", tt.in, err)
			continue
		}
		if pe.Input != tt.in || pe.Msg != tt.msg {
			t.Errorf("ParseNumber(%q): got input %q msg %q, want msg %q", tt.in, pe.Input, pe.Msg, tt.msg)
		}
	}
}

func TestParseErrorText(t *testing.T) {
	_, err := ParseNumber("1.85")
	want := `indicators: malformed number "1.85": a dot must group exactly three digits (found 2 after the dot at byte 1)`
	if err == nil || err.Error() != want {
		t.Errorf("ParseNumber(\"1.85\") error = %v, want %s", err, want)
	}
}

func TestParsePercent(t *testing.T) {
	got, err := ParsePercent("4,82%")
	if err != nil || !got.Equal(dec("4.82")) {
		t.Errorf("ParsePercent(\"4,82%%\") = %s, %v; want 4.82", got, err)
	}
	if got, err := ParsePercent("-1.366,5%"); err != nil || !got.Equal(dec("-1366.5")) {
		t.Errorf("ParsePercent(\"-1.366,5%%\") = %s, %v", got, err)
	}
	for in, msg := range map[string]string{
		"4,82":   "a percentage must end with %",
		"4,82 %": "no space is allowed before %",
		"%":      "empty text",
		"4.82%":  "a dot must group exactly three digits (found 2 after the dot at byte 1)",
		"4,82%%": "unexpected character '%' at byte 4",
	} {
		_, err := ParsePercent(in)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Msg != msg || pe.Input != in {
			t.Errorf("ParsePercent(%q) error = %v, want input %q and %q", in, err, in, msg)
		}
	}
}
