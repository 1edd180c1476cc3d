package indicators

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzFormatParse: formatting a decimal the Vietnamese way and parsing it back
// gives the same value, trimmed and at fixed places (where the value is the
// rounded one).
func FuzzFormatParse(f *testing.F) {
	f.Add(false, []byte{0x96, 0x3b}, int16(0), int8(-1))       // 38459
	f.Add(false, []byte{0x03, 0xee, 0xd4}, int16(-2), int8(2)) // 2573,38
	f.Add(true, []byte{0x01}, int16(-4), int8(2))              // -0,0001
	f.Add(false, []byte{0x05}, int16(3), int8(1))              // 5000
	f.Add(false, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, int16(-7), int8(3))
	f.Fuzz(func(t *testing.T, neg bool, mag []byte, exp int16, places int8) {
		if len(mag) > 64 {
			mag = mag[:64]
		}
		c := new(big.Int).SetBytes(mag)
		if neg {
			c.Neg(c)
		}
		d := decimal.NewFromBigInt(c, int32(exp%300))

		s := FormatNumber(d, -1)
		got, err := ParseNumber(s)
		if err != nil {
			t.Fatalf("ParseNumber(FormatNumber(%s, -1) = %q): %v", d, s, err)
		}
		if !got.Equal(d) {
			t.Fatalf("ParseNumber(%q) = %s, want %s", s, got, d)
		}
		if again := FormatNumber(got, -1); again != s {
			t.Fatalf("format not stable: %q then %q", s, again)
		}

		p := int32(places % 40)
		if p < 0 {
			p = -p
		}
		s = FormatNumber(d, p)
		got, err = ParseNumber(s)
		if err != nil {
			t.Fatalf("ParseNumber(FormatNumber(%s, %d) = %q): %v", d, p, s, err)
		}
		if want := d.Round(p); !got.Equal(want) || got.Exponent() != -p && !got.IsZero() {
			t.Fatalf("ParseNumber(%q) = %s (exp %d), want %s at %d places", s, got, got.Exponent(), want, p)
		}
		pct := FormatPercent(d, p)
		if gp, err := ParsePercent(pct); err != nil || !gp.Equal(got) {
			t.Fatalf("ParsePercent(%q) = %s, %v; want %s", pct, gp, err, got)
		}
	})
}

// FuzzParseNumber: parsing arbitrary text never panics, and what parses
// formats back to text that parses to the same value.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{
		"1.855", "568,1", "2.573,38", "-5", "1.85", "1,855.5", "12.34", " 1", "",
		"0,0026", "01", "1.000.000", "4,82%", "-", ",5", "5,", "0.855", "\xff", "1e3",
		"999.999.999.999.999.999.999,999", "ngày 08 tháng 02 năm 2023", "26/5/2023", "2023-02-08",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseNumber(s)
		_, _ = ParsePercent(s)
		_, _ = ParseDate(s)
		_, _ = ParseMoneyUnit(s)
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("ParseNumber(%q) error %T is not a *ParseError", s, err)
			}
			return
		}
		out := FormatNumber(d, -1)
		if len(out) > maxNumberLen {
			// A number of 3.073 digits or more: its separators take the text past the
			// length ParseNumber accepts (testdata/fuzz/FuzzParseNumber/0b832d7a375855d9).
			return
		}
		back, err := ParseNumber(out)
		if err != nil || !back.Equal(d) {
			t.Fatalf("ParseNumber(%q) = %s; FormatNumber = %q; parses back to %s, %v", s, d, out, back, err)
		}
		// Words never panics on what parses.
		_, _ = Words(d, WordsOptions{})
	})
}
