package indicators

import (
	"errors"
	"testing"
)

func TestAttainment(t *testing.T) {
	tests := []struct {
		actual, plan string
		reported     string // "" for none
		want         string
		met          bool
		shortfall    string
		agrees       bool
	}{
		{"1111", "2000", "", "đạt 55,55% so với kế hoạch", false, "889", true},
		{"1111", "2000", "55.55", "đạt 55,55% so với kế hoạch", false, "889", true},
		{"49", "72", "68.05", "đạt 68,05% so với kế hoạch", false, "23", false},
		{"49", "72", "", "đạt 68,06% so với kế hoạch", false, "23", true},
		{"2100", "2000", "", "đạt 105,00% so với kế hoạch", true, "0", true},
		{"2000", "2000", "100", "đạt 100% so với kế hoạch", true, "0", true},
		{"9.78", "10.6", "", "đạt 92,26% so với kế hoạch", false, "0.82", true},
	}
	for _, tt := range tests {
		a, err := NewAttainment(dec(tt.actual), dec(tt.plan))
		if err != nil {
			t.Fatalf("NewAttainment(%s, %s): %v", tt.actual, tt.plan, err)
		}
		if tt.reported != "" {
			a = a.WithReported(dec(tt.reported))
		}
		if got := a.String(); got != tt.want {
			t.Errorf("%s/%s String = %q, want %q", tt.actual, tt.plan, got, tt.want)
		}
		if a.Met() != tt.met {
			t.Errorf("%s/%s Met = %v", tt.actual, tt.plan, a.Met())
		}
		if !a.Shortfall().Equal(dec(tt.shortfall)) {
			t.Errorf("%s/%s Shortfall = %s, want %s", tt.actual, tt.plan, a.Shortfall(), tt.shortfall)
		}
		if a.Rate().Agrees() != tt.agrees {
			t.Errorf("%s/%s Agrees = %v", tt.actual, tt.plan, a.Rate().Agrees())
		}
		if !a.Actual().Equal(dec(tt.actual)) || !a.Plan().Equal(dec(tt.plan)) {
			t.Errorf("%s/%s accessors lost values", tt.actual, tt.plan)
		}
	}
}

func TestAttainmentZero(t *testing.T) {
	_, err := NewAttainment(dec("5"), dec("0"))
	if !errors.Is(err, ErrZeroDenominator) || err.Error() != "attainment against a plan of 0: indicators: zero denominator: 5 / 0" {
		t.Errorf("NewAttainment(5, 0) error = %v", err)
	}
	var a Attainment
	if a.String() != "" || a.Met() || a.Rate().IsValid() || !a.Shortfall().IsZero() {
		t.Error("zero Attainment is not empty")
	}
	if a.WithReported(dec("5")).String() != "" {
		t.Error("zero Attainment with a reported value prints")
	}
}
