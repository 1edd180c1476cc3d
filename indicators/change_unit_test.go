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

func TestTanggiamUnitAndHoadau(t *testing.T) {
	c := NewChange(dec("2005"), dec("2277"))
	for _, tc := range []struct {
		args []any
		want string
	}{
		{[]any{c, "hộ"}, "giảm 272 hộ"},
		{[]any{"hộ", c}, "giảm 272 hộ"},
		{[]any{&c}, "giảm 272"},
		{[]any{NewChange(dec("5"), dec("5")), "hộ"}, "không đổi"},
		{[]any{c.WithUnit(PercentagePoints), "hộ"}, "giảm 272 điểm phần trăm"},
	} {
		if got, err := tanggiam(tc.args...); err != nil || got != tc.want {
			t.Errorf("tanggiam%v = %q, %v, want %q", tc.args, got, err, tc.want)
		}
	}
	for _, args := range [][]any{nil, {"hộ"}, {c, c}, {c, "a", "b"}, {MustCount(3)}} {
		if _, err := tanggiam(args...); err == nil || !strings.Contains(err.Error(), "tanggiam") {
			t.Errorf("tanggiam%v: err = %v", args, err)
		}
	}
	for in, want := range map[string]string{"toàn xã": "Toàn xã", "ủy ban": "Ủy ban", "": "", "đặc khu": "Đặc khu"} {
		if got, err := hoadau(in); err != nil || got != want {
			t.Errorf("hoadau(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := hoadau(5); err == nil {
		t.Errorf("hoadau(5): no error")
	}
}
