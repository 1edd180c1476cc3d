package indicators

import (
	"errors"
	"testing"
	"time"
)

func TestDateFormat(t *testing.T) {
	tests := []struct {
		y         int
		m         time.Month
		d         int
		short, ln string
	}{
		{2023, time.February, 8, "08/02/2023", "ngày 08 tháng 02 năm 2023"},
		{2023, time.May, 26, "26/5/2023", "ngày 26 tháng 5 năm 2023"},
		{2023, time.January, 19, "19/01/2023", "ngày 19 tháng 01 năm 2023"},
		{2022, time.December, 21, "21/12/2022", "ngày 21 tháng 12 năm 2022"},
		{2024, time.January, 5, "05/01/2024", "ngày 05 tháng 01 năm 2024"},
		{2023, time.June, 30, "30/6/2023", "ngày 30 tháng 6 năm 2023"},
		{2002, time.October, 4, "04/10/2002", "ngày 04 tháng 10 năm 2002"},
		{2024, time.February, 29, "29/02/2024", "ngày 29 tháng 02 năm 2024"},
	}
	for _, tt := range tests {
		d, err := NewDate(tt.y, tt.m, tt.d)
		if err != nil {
			t.Fatalf("NewDate(%d, %d, %d): %v", tt.y, tt.m, tt.d, err)
		}
		if d.String() != tt.short || d.Long() != tt.ln {
			t.Errorf("%d-%d-%d prints %q / %q, want %q / %q", tt.y, tt.m, tt.d, d.String(), d.Long(), tt.short, tt.ln)
		}
		if d.Year() != tt.y || d.Month() != tt.m || d.Day() != tt.d {
			t.Errorf("accessors: %d %d %d", d.Year(), d.Month(), d.Day())
		}
		for _, s := range []string{tt.short, tt.ln, d.Time().Format("2006-01-02")} {
			p, err := ParseDate(s)
			if err != nil || p != d {
				t.Errorf("ParseDate(%q) = %v, %v; want %v", s, p, err, d)
			}
		}
		if DateOf(d.Time()) != d {
			t.Errorf("DateOf(Time()) = %v, want %v", DateOf(d.Time()), d)
		}
	}
}

func TestParseDateForms(t *testing.T) {
	want, _ := NewDate(2023, time.February, 8)
	for _, s := range []string{"08/02/2023", "8/2/2023", "08/2/2023", "2023-02-08", "ngày 08 tháng 02 năm 2023", "Ngày 8 tháng 2 năm 2023"} {
		if got, err := ParseDate(s); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v", s, got, err)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"", "empty text"},
		{"31/4/2023", "day 31 does not exist in 4/2023 (it has 30 days)"},
		{"29/02/2023", "day 29 does not exist in 2/2023 (it has 28 days)"},
		{"00/01/2023", "day 0 does not exist in 1/2023 (it has 31 days)"},
		{"08/13/2023", "month 13 does not exist"},
		{"08/02/23", "want day/month/year, for example 08/02/2023 or 26/5/2023"},
		{"008/02/2023", "want day/month/year, for example 08/02/2023 or 26/5/2023"},
		{"2023-2-8", "want YYYY-MM-DD, for example 2023-02-08"},
		{"2023-02-08T00:00:00Z", "want YYYY-MM-DD, for example 2023-02-08"},
		{"0000-01-01", "year 0 is outside 1-9999"},
		{"a8/02/2023", "day, month and year must be digits"},
		{"+8/02/2023", "day, month and year must be digits"},
		{"8.2.2023", "want 08/02/2023, 2023-02-08 or ngày 08 tháng 02 năm 2023"},
		{"ngày 8 tháng hai năm 2023", "want ngày DD tháng MM năm YYYY, for example ngày 08 tháng 02 năm 2023"},
		{"ngày 8 tháng 2x năm 2023", "day, month and year must be digits"},
		{"ngày 8 tháng 2 2023", "want ngày DD tháng MM năm YYYY, for example ngày 08 tháng 02 năm 2023"},
	}
	for _, tt := range tests {
		_, err := ParseDate(tt.in)
		var pe *ParseError
		if !errors.As(err, &pe) || !errors.Is(err, ErrDate) || pe.Msg != tt.msg || pe.Input != tt.in {
			t.Errorf("ParseDate(%q) error = %v, want %q", tt.in, err, tt.msg)
		}
	}
	_, err := ParseDate("31/4/2023")
	if want := `indicators: invalid date "31/4/2023": day 31 does not exist in 4/2023 (it has 30 days)`; err == nil || err.Error() != want {
		t.Errorf("error text = %v, want %s", err, want)
	}
}

func TestNewDateErrors(t *testing.T) {
	for _, tt := range []struct {
		y   int
		m   time.Month
		d   int
		msg string
	}{
		{2023, time.February, 29, "indicators: invalid date: day 29 does not exist in 2/2023 (it has 28 days)"},
		{2023, 0, 1, "indicators: invalid date: month 0 does not exist"},
		{10000, 1, 1, "indicators: invalid date: year 10000 is outside 1-9999"},
	} {
		_, err := NewDate(tt.y, tt.m, tt.d)
		if !errors.Is(err, ErrDate) || err.Error() != tt.msg {
			t.Errorf("NewDate(%d, %d, %d) error = %v, want %s", tt.y, tt.m, tt.d, err, tt.msg)
		}
	}
}

func TestDateZeroAndCompare(t *testing.T) {
	var z Date
	if !z.IsZero() || z.String() != "" || z.Long() != "" || !z.Time().IsZero() {
		t.Error("zero Date is not empty")
	}
	if !DateOf(time.Time{}).IsZero() {
		t.Error("DateOf(zero time) is not zero")
	}
	loc := time.FixedZone("ICT", 7*3600)
	if got := DateOf(time.Date(2023, 6, 30, 23, 30, 0, 0, loc)); got.String() != "30/6/2023" {
		t.Errorf("DateOf keeps the time's own day: %s", got)
	}
	a, _ := NewDate(2022, 12, 21)
	b, _ := NewDate(2023, 1, 19)
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 || z.Compare(a) != -1 {
		t.Error("Compare")
	}
}
