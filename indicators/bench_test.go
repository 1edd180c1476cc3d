package indicators

import (
	"testing"

	"github.com/shopspring/decimal"
)

var sink string

func BenchmarkFormatNumber(b *testing.B) {
	d := decimal.RequireFromString("2573.38")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink = FormatNumber(d, 2)
	}
}

func BenchmarkFormatNumberTrimmed(b *testing.B) {
	d := decimal.RequireFromString("38459")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink = FormatNumber(d, -1)
	}
}

func BenchmarkFormatNumberBig(b *testing.B) {
	d := decimal.RequireFromString("123456789012345678901234567890.125")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink = FormatNumber(d, 2)
	}
}

// BenchmarkRate computes 1.855 / 38.459 from two counts and formats it.
func BenchmarkRate(b *testing.B) {
	num, den := MustCount(1855), MustCount(38459)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r, err := RateOf(num, den)
		if err != nil {
			b.Fatal(err)
		}
		sink = r.String()
	}
}

// BenchmarkRateFormat formats an already built rate.
func BenchmarkRateFormat(b *testing.B) {
	r, _ := RateOf(MustCount(1855), MustCount(38459))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink = r.String()
	}
}

func BenchmarkParseNumber(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ParseNumber("2.573,38"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWords(b *testing.B) {
	d := decimal.RequireFromString("2573.38")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Words(d, WordsOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
