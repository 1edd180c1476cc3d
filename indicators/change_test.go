package indicators

import (
	"errors"
	"testing"
)

func TestChange(t *testing.T) {
	tests := []struct {
		cur, prev     string
		want          string
		sign          int
		diff          string
		percent, rate string // Percent().String(), Ratio().String()
	}{
		{"111076", "109710", "tăng 1.366", 1, "1366", "1,25%", "101,25%"},
		{"75", "100", "giảm 25", -1, "-25", "-25,00%", "75,00%"},
		{"100", "100", "không đổi", 0, "0", "0,00%", "100,00%"},
		{"568.1", "500", "tăng 68,1", 1, "68.1", "13,62%", "113,62%"},
		{"0", "4", "giảm 4", -1, "-4", "-100,00%", "0,00%"},
	}
	for _, tt := range tests {
		c := NewChange(dec(tt.cur), dec(tt.prev))
		if got := c.String(); got != tt.want {
			t.Errorf("%s vs %s: String = %q, want %q", tt.cur, tt.prev, got, tt.want)
		}
		if c.Sign() != tt.sign || !c.Diff().Equal(dec(tt.diff)) {
			t.Errorf("%s vs %s: Sign %d Diff %s", tt.cur, tt.prev, c.Sign(), c.Diff())
		}
		p, err := c.Percent()
		if err != nil || p.String() != tt.percent {
			t.Errorf("%s vs %s: Percent = %q, %v; want %q", tt.cur, tt.prev, p.String(), err, tt.percent)
		}
		r, err := c.Ratio()
		if err != nil || r.String() != tt.rate {
			t.Errorf("%s vs %s: Ratio = %q, %v; want %q", tt.cur, tt.prev, r.String(), err, tt.rate)
		}
		if !c.Current().Equal(dec(tt.cur)) || !c.Previous().Equal(dec(tt.prev)) {
			t.Errorf("%s vs %s: accessors lost values", tt.cur, tt.prev)
		}
	}
}

func TestChangeZeroPrevious(t *testing.T) {
	c := NewChange(dec("5"), dec("0"))
	if c.String() != "tăng 5" {
		t.Errorf("5 vs 0: %q", c.String())
	}
	if _, err := c.Percent(); !errors.Is(err, ErrZeroDenominator) {
		t.Errorf("Percent error = %v", err)
	}
	if _, err := c.Ratio(); !errors.Is(err, ErrZeroDenominator) {
		t.Errorf("Ratio error = %v", err)
	}
	var z Change
	if z.String() != "không đổi" || z.Sign() != 0 {
		t.Errorf("zero Change: %q", z.String())
	}
}

func TestChangeReported(t *testing.T) {
	c := NewChange(dec("111076"), dec("109710")).WithReportedPercent(dec("1.25")).WithReportedRatio(dec("101.2"))
	p, _ := c.Percent()
	r, _ := c.Ratio()
	if p.String() != "1,25%" || !p.Agrees() {
		t.Errorf("reported percent: %s agrees %v", p, p.Agrees())
	}
	if r.String() != "101,2%" || !r.Agrees() {
		t.Errorf("reported ratio: %s agrees %v", r, r.Agrees())
	}
	// A percent printed as the ratio: the classic mix-up.
	bad := NewChange(dec("111076"), dec("109710")).WithReportedPercent(dec("101.25"))
	if p, _ := bad.Percent(); p.Agrees() {
		t.Error("a ratio printed as the change agrees")
	}
}
