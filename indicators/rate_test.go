package indicators

import (
	"errors"
	"math/big"
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
)

func mustRate(t *testing.T, num, den string) Rate {
	t.Helper()
	r, err := NewRate(dec(num), dec(den))
	if err != nil {
		t.Fatalf("NewRate(%s, %s): %v", num, den, err)
	}
	return r
}

func TestRateRounding(t *testing.T) {
	tests := []struct {
		num, den string
		places   int32
		mode     Rounding
		want     string // Number()
	}{
		{"1855", "38459", 2, HalfUp, "4,82"},
		{"3331", "38459", 2, HalfUp, "8,66"},
		{"205", "38459", 2, HalfUp, "0,53"},
		{"1111", "2000", 2, HalfUp, "55,55"},
		{"1", "38459", 2, HalfUp, "0,00"},
		{"1", "38459", 4, HalfUp, "0,0026"},
		{"1", "38459", 2, Up, "0,01"},
		{"1", "38459", 2, Down, "0,00"},
		{"49", "72", 2, HalfUp, "68,06"},
		{"49", "72", 2, Down, "68,05"},
		{"49", "72", 2, Up, "68,06"},
		{"49", "72", 0, HalfUp, "68"},
		{"1", "8", 1, HalfUp, "12,5"},
		{"1", "8", 0, HalfUp, "13"}, // exactly half: away from zero
		{"1", "8", 0, Down, "12"},
		{"1", "3", 2, HalfUp, "33,33"},
		{"2", "3", 2, HalfUp, "66,67"},
		{"2", "3", 2, Down, "66,66"},
		{"-1", "8", 0, HalfUp, "-13"}, // symmetric around zero
		{"-1", "8", 0, Down, "-12"},
		{"-1", "8", 0, Up, "-13"},
		{"1", "-3", 2, HalfUp, "-33,33"},
		{"-2", "-3", 2, HalfUp, "66,67"},
		{"0", "5", 2, HalfUp, "0,00"},
		{"455.5", "568.1", 2, HalfUp, "80,18"},
		{"111076", "119118", 2, HalfUp, "93,25"},
		{"6695", "68456", 2, HalfUp, "9,78"},
		// 0,004999…9 (19 nines) %: just below half at 2 places. Dividing at a
		// fixed precision of 16 digits first would round it up to 0,01.
		{"4999999999999999999999", "100000000000000000000000000", 2, HalfUp, "0,00"},
		{"5000000000000000000000", "100000000000000000000000000", 2, HalfUp, "0,01"},
		// Beyond 64 bits: the big.Int path.
		{"123456789012345678901234567890", "987654321098765432109876543210", 2, HalfUp, "12,50"},
		{"1", "300000000000000000000000", 25, HalfUp, "0,0000000000000000000003333"},
		{"2", "3", 25, HalfUp, "66,6666666666666666666666667"},
		// Exponents far apart.
		{"1e30", "3", 0, HalfUp, "33" + repeat(".333", 10)},
	}
	for _, tt := range tests {
		r := mustRate(t, tt.num, tt.den).WithPlaces(tt.places).WithRounding(tt.mode)
		if got := r.Number(); got != tt.want {
			t.Errorf("%s / %s at %d places %v = %q, want %q", tt.num, tt.den, tt.places, tt.mode, got, tt.want)
		}
		if got := r.String(); got != tt.want+"%" {
			t.Errorf("%s / %s String = %q, want %q", tt.num, tt.den, got, tt.want+"%")
		}
	}
}

func TestRateExact(t *testing.T) {
	r, err := RateOf(MustCount(1), MustCount(38459))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Exact(4); got.String() != "0.0026" {
		t.Errorf("1/38.459 Exact(4) = %s, want 0.0026", got)
	}
	if got, ok := r.Computed(); !ok || got.StringFixed(2) != "0.00" {
		t.Errorf("1/38.459 Computed = %s, %v", got, ok)
	}
	r = mustRate(t, "49", "72").WithRounding(Down)
	if got := r.Exact(4); got.String() != "68.0556" { // Exact is always half-up
		t.Errorf("49/72 Exact(4) = %s, want 68.0556", got)
	}
	if got := ReportedRate(dec("94.79")).Exact(1); got.String() != "94.8" {
		t.Errorf("reported 94,79 Exact(1) = %s", got)
	}
	if got := (Rate{}).Exact(2); !got.IsZero() {
		t.Errorf("zero Rate Exact = %s", got)
	}
}

func TestRateZeroDenominator(t *testing.T) {
	_, err := NewRate(dec("5"), decimal.Decimal{})
	if !errors.Is(err, ErrZeroDenominator) || err.Error() != "indicators: zero denominator: 5 / 0" {
		t.Errorf("NewRate(5, 0) error = %v", err)
	}
	_, err = RateOf(MustCount(1855), Count{})
	if !errors.Is(err, ErrZeroDenominator) || err.Error() != "indicators: zero denominator: 1.855 / 0" {
		t.Errorf("RateOf(1.855, 0) error = %v", err)
	}
}

func TestRateReported(t *testing.T) {
	tests := []struct {
		r    Rate
		want string
	}{
		{ReportedRate(dec("95")), "95%"},
		{ReportedRate(dec("10.6")), "10,6%"},
		{ReportedRate(dec("0.01")), "0,01%"},
		{ReportedRate(dec("94.79")), "94,79%"},
		{ReportedRate(dec("10.60")), "10,60%"},
		{ReportedRate(dec("94.79")).WithPlaces(1), "94,8%"},
		{ReportedRate(dec("95")).WithPlaces(2), "95,00%"},
		{ReportedRate(dec("1.5")).PerMille(), "1,5‰"},
		{mustRate(t, "1", "38459").WithReported(dec("0.01")), "0,01%"},
		{mustRate(t, "49", "72").WithReported(dec("68.05")), "68,05%"},
		{mustRate(t, "3", "2000").PerMille(), "1,50‰"},
		{Rate{}, ""},
		{Rate{}.WithReported(dec("5")), "5%"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestRateAccessors(t *testing.T) {
	r := mustRate(t, "1855", "38459")
	if !r.IsValid() || !r.HasBase() || r.IsReported() || r.Places() != 2 || r.Rounding() != HalfUp || r.Factor() != 100 {
		t.Errorf("NewRate flags: valid %v base %v reported %v places %d", r.IsValid(), r.HasBase(), r.IsReported(), r.Places())
	}
	if !r.Numerator().Equal(dec("1855")) || !r.Denominator().Equal(dec("38459")) {
		t.Error("numerator/denominator lost")
	}
	if _, ok := r.Reported(); ok {
		t.Error("Reported on a computed rate")
	}
	if !r.Value().Equal(dec("4.82")) {
		t.Errorf("Value = %s", r.Value())
	}
	p := ReportedRate(dec("94.79"))
	if !p.IsValid() || p.HasBase() || !p.IsReported() {
		t.Error("ReportedRate flags")
	}
	if _, ok := p.Computed(); ok {
		t.Error("Computed on a reported rate")
	}
	if v, ok := p.Reported(); !ok || !v.Equal(dec("94.79")) {
		t.Errorf("Reported = %s, %v", v, ok)
	}
	var z Rate
	if z.IsValid() || z.String() != "" || z.Number() != "" || !z.Value().IsZero() || !z.Agrees() {
		t.Error("zero Rate is not empty")
	}
	if r.PerMille().Factor() != 1000 || r.PerMille().Number() != "48,23" {
		t.Errorf("per mille: %s", r.PerMille().Number())
	}
	if got := r.WithPlaces(-3).Number(); got != "5" {
		t.Errorf("WithPlaces(-3) = %q, want 5 (negative places count as 0)", got)
	}
	for m, want := range map[Rounding]string{HalfUp: "HalfUp", Down: "Down", Up: "Up", Rounding(9): "Rounding(9)"} {
		if m.String() != want {
			t.Errorf("Rounding.String() = %q, want %q", m.String(), want)
		}
	}
}

func TestRateAgrees(t *testing.T) {
	tests := []struct {
		r    Rate
		want bool
	}{
		{mustRate(t, "1855", "38459").WithReported(dec("4.82")), true},
		{mustRate(t, "1", "38459").WithReported(dec("0.01")), false},
		{mustRate(t, "1", "38459").WithRounding(Up).WithReported(dec("0.01")), true},
		{mustRate(t, "49", "72").WithReported(dec("68.05")), false},
		{mustRate(t, "49", "72").WithRounding(Down).WithReported(dec("68.05")), true},
		{mustRate(t, "49", "72").WithReported(dec("68.06")), true},
		{mustRate(t, "49", "72").WithReported(dec("68.1")), true}, // compared at the reported's 1 decimal
		{mustRate(t, "49", "72").WithReported(dec("68")), true},
		{mustRate(t, "111076", "119118").WithReported(dec("94.79")), false},
		{ReportedRate(dec("94.79")), true},
		{mustRate(t, "1", "3"), true},
	}
	for i, tt := range tests {
		if got := tt.r.Agrees(); got != tt.want {
			t.Errorf("case %d: %s/%s reported %s: Agrees = %v, want %v", i, tt.r.Numerator(), tt.r.Denominator(), tt.r.String(), got, tt.want)
		}
	}
}

func TestRateImmutable(t *testing.T) {
	r := mustRate(t, "49", "72")
	_ = r.WithPlaces(4).WithRounding(Down).WithReported(dec("1")).PerMille()
	if r.String() != "68,06%" || r.IsReported() {
		t.Errorf("With* changed the receiver: %s", r)
	}
}

// TestQuoRoundMatchesRat checks the integer rounding, on both its uint64 and
// big.Int paths, against an independent computation with big.Rat.
func TestQuoRoundMatchesRat(t *testing.T) {
	rng := rand.New(rand.NewSource(2023))
	pick := func() decimal.Decimal {
		var c int64
		switch rng.Intn(3) {
		case 0:
			c = rng.Int63n(100)
		case 1:
			c = rng.Int63n(1_000_000)
		default:
			c = rng.Int63()
		}
		if rng.Intn(4) == 0 {
			c = -c
		}
		d := decimal.New(c, int32(rng.Intn(9)-6))
		if rng.Intn(5) == 0 { // sometimes beyond 64 bits
			d = d.Mul(decimal.New(rng.Int63(), 0))
		}
		return d
	}
	for i := 0; i < 20000; i++ {
		num, den := pick(), pick()
		if den.IsZero() {
			continue
		}
		places := int32(rng.Intn(7))
		mode := Rounding(rng.Intn(3))
		got, exact := quoRound(num, den, 100, places, mode)
		want, wantExact := ratRound(num, den, 100, places, mode)
		if !got.Equal(want) || exact != wantExact {
			t.Fatalf("quoRound(%s, %s, %d, %v) = %s (exact %v), want %s (exact %v)", num, den, places, mode, got, exact, want, wantExact)
		}
		r, _ := NewRate(num, den)
		r = r.WithPlaces(places).WithRounding(mode)
		if s, w := r.String(), FormatPercent(want, places); s != w {
			t.Fatalf("NewRate(%s, %s) at %d places %v prints %q, want %q", num, den, places, mode, s, w)
		}
	}
}

// ratRound rounds num/den×factor at places with big.Rat, symmetric modes.
func ratRound(num, den decimal.Decimal, factor int64, places int32, mode Rounding) (decimal.Decimal, bool) {
	v := new(big.Rat).Quo(num.Rat(), den.Rat())
	v.Mul(v, new(big.Rat).SetInt64(factor))
	v.Mul(v, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)))
	neg := v.Sign() < 0
	v.Abs(v)
	q, r := new(big.Int).QuoRem(v.Num(), v.Denom(), new(big.Int))
	exact := r.Sign() == 0
	frac := new(big.Rat).SetFrac(r, v.Denom())
	switch mode {
	case Up:
		if !exact {
			q.Add(q, big.NewInt(1))
		}
	case HalfUp:
		if frac.Cmp(big.NewRat(1, 2)) >= 0 {
			q.Add(q, big.NewInt(1))
		}
	}
	if neg {
		q.Neg(q)
	}
	return decimal.NewFromBigInt(q, -places), exact
}
