package indicators

import (
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzParseMoney: ParseMoney and ParseReportedRate never panic; what they accept is
// exactly what decimal reads from the same text, and refused text wraps ErrSyntax.
//
//	go test -run='^$' -fuzz='^FuzzParseMoney$' -fuzztime=1m ./indicators
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"568.1", "455", "-2.5", "0.005", "1e3", "5,1", ".5", "5.", "-", "", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s, TrieuDong)
		r, rerr := ParseReportedRate(s)
		if (err == nil) != (rerr == nil) {
			t.Fatalf("ParseMoney and ParseReportedRate disagree on %q: %v, %v", s, err, rerr)
		}
		if err != nil {
			if pe, ok := err.(*ParseError); !ok || pe.Unwrap() != ErrSyntax {
				t.Fatalf("ParseMoney(%q) error %v does not wrap ErrSyntax", s, err)
			}
			return
		}
		want, derr := decimal.NewFromString(s)
		if derr != nil || !m.Amount().Equal(want) {
			t.Fatalf("ParseMoney(%q) = %v, decimal reads %v, %v", s, m, want, derr)
		}
		if v, _ := r.Reported(); !v.Equal(want) {
			t.Fatalf("ParseReportedRate(%q) = %v", s, r)
		}
	})
}
