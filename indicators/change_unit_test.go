package indicators

import (
	"strings"
	"testing"
)

func TestChangeUnit(t *testing.T) {
	for _, tc := range []struct {
		c    Change
		want string
	}{
		{NewChange(dec("4.26"), dec("4.82")).WithUnit(PercentagePoints), "giảm 0,56 điểm phần trăm"},
		{NewChange(dec("568.1"), dec("500")).WithUnit("triệu đồng"), "tăng 68,1 triệu đồng"},
		{NewChange(dec("5"), dec("5")).WithUnit("triệu đồng"), "không đổi"},
		{NewChange(dec("111076"), dec("109710")), "tăng 1.366"},
		{NewChange(dec("3"), dec("1")).WithUnit("người").WithUnit(""), "tăng 2"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("%s → %s: %q, want %q", tc.c.Previous(), tc.c.Current(), got, tc.want)
		}
		if got, err := tanggiam(tc.c); err != nil || got != tc.want {
			t.Errorf("tanggiam: %q, %v, want %q", got, err, tc.want)
		}
	}
}

func TestSl(t *testing.T) {
	for _, tc := range []struct {
		x    any
		want string
	}{
		{MustCount(8), "08"}, {MustCount(0), "0"}, {MustCount(10), "10"}, {MustCount(1855), "1.855"},
		{3, "03"}, {dec("7"), "07"}, {"1.855", "1.855"},
	} {
		if got, err := sl(tc.x); err != nil || got != tc.want {
			t.Errorf("sl(%v) = %q, %v, want %q", tc.x, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		x    any
		want string
	}{
		{NewMoney(dec("6"), TrieuDong), "indicators: sl: cannot format indicators.Money, want a count (Count or an integer); print money and rates with so"},
		{dec("6.5"), "indicators: sl: 6,5 is not a count (a whole number from 0)"},
		{-2, "indicators: sl: -2 is not a count (a whole number from 0)"},
		{2.5, "floats do not hold money or rates exactly"},
	} {
		if _, err := sl(tc.x); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("sl(%v): err = %v, want %q", tc.x, err, tc.want)
		}
	}
}
