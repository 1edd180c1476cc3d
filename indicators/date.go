package indicators

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date without time of day or zone, printed as Nghị định
// 30/2020/NĐ-CP asks: a day below 10 and the months 1 and 2 take a leading
// zero ("08/02/2023", "26/5/2023", "19/01/2023", "21/12/2022").
//
// The zero value is the empty date: IsZero is true and it prints "". Dates
// are immutable values and comparable with ==.
type Date struct {
	year  int
	month time.Month
	day   int
}

// NewDate returns the date year-month-day. Dates that do not exist (31/4,
// 29/2/2023) and years outside 1 to 9999 are errors wrapping ErrDate.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if why := checkDate(year, month, day); why != "" {
		return Date{}, fmt.Errorf("%w: %s", ErrDate, why)
	}
	return Date{year: year, month: month, day: day}, nil
}

// checkDate says why a date does not exist, or returns "".
func checkDate(year int, month time.Month, day int) string {
	switch {
	case year < 1 || year > 9999:
		return fmt.Sprintf("year %d is outside 1-9999", year)
	case month < time.January || month > time.December:
		return fmt.Sprintf("month %d does not exist", int(month))
	case day < 1 || day > daysIn(year, month):
		return fmt.Sprintf("day %d does not exist in %d/%d (it has %d days)", day, int(month), year, daysIn(year, month))
	}
	return ""
}

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// DateOf returns the calendar date of t in t's own location. The zero
// time.Time gives the zero Date.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.Date()
	if y < 1 || y > 9999 {
		return Date{}
	}
	return Date{year: y, month: m, day: d}
}

// ParseDate reads a date written as "2023-02-08" (ISO 8601, two-digit month
// and day), "08/02/2023" or "26/5/2023" (day/month/year, one or two digits
// for day and month, four for the year), or "ngày 08 tháng 02 năm 2023" (the
// long form, as Long prints it). Malformed text and dates that do not exist
// ("31/4/2023") are a *ParseError wrapping ErrDate.
func ParseDate(s string) (Date, error) {
	fail := func(msg string) (Date, error) {
		return Date{}, &ParseError{Input: s, Msg: msg, Err: ErrDate}
	}
	var y, m, d string
	switch {
	case s == "":
		return fail("empty text")
	case strings.Contains(s, "-"):
		parts := strings.Split(s, "-")
		if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) != 2 || len(parts[2]) != 2 {
			return fail("want YYYY-MM-DD, for example 2023-02-08")
		}
		y, m, d = parts[0], parts[1], parts[2]
	case strings.Contains(s, "/"):
		parts := strings.Split(s, "/")
		if len(parts) != 3 || len(parts[2]) != 4 || !oneOrTwo(parts[0]) || !oneOrTwo(parts[1]) {
			return fail("want day/month/year, for example 08/02/2023 or 26/5/2023")
		}
		d, m, y = parts[0], parts[1], parts[2]
	case strings.HasPrefix(s, "ngày ") || strings.HasPrefix(s, "Ngày "):
		f := strings.Split(s, " ")
		if len(f) != 6 || f[2] != "tháng" || f[4] != "năm" || !oneOrTwo(f[1]) || !oneOrTwo(f[3]) || len(f[5]) != 4 {
			return fail("want ngày DD tháng MM năm YYYY, for example ngày 08 tháng 02 năm 2023")
		}
		d, m, y = f[1], f[3], f[5]
	default:
		return fail("want 08/02/2023, 2023-02-08 or ngày 08 tháng 02 năm 2023")
	}
	yi, ok1 := atoiDigits(y)
	mi, ok2 := atoiDigits(m)
	di, ok3 := atoiDigits(d)
	if !ok1 || !ok2 || !ok3 {
		return fail("day, month and year must be digits")
	}
	if why := checkDate(yi, time.Month(mi), di); why != "" {
		return fail(why)
	}
	return Date{year: yi, month: time.Month(mi), day: di}, nil
}

func oneOrTwo(s string) bool { return len(s) == 1 || len(s) == 2 }

// atoiDigits converts a short string of ASCII digits (no sign, no spaces).
func atoiDigits(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// Year returns the year (0 for the zero Date).
func (d Date) Year() int { return d.year }

// Month returns the month (0 for the zero Date).
func (d Date) Month() time.Month { return d.month }

// Day returns the day of the month (0 for the zero Date).
func (d Date) Day() int { return d.day }

// Time returns midnight UTC of the date, or the zero time.Time for the zero
// Date.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.year, d.month, d.day, 0, 0, 0, 0, time.UTC)
}

// IsZero reports whether d is the empty date.
func (d Date) IsZero() bool { return d.year == 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after o. The zero
// Date comes before every other.
func (d Date) Compare(o Date) int {
	a := d.year*10000 + int(d.month)*100 + d.day
	b := o.year*10000 + int(o.month)*100 + o.day
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String formats the date as day/month/year with Nghị định 30/2020 padding:
// "08/02/2023", "26/5/2023"; "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.dayText() + "/" + d.monthText() + "/" + strconv.Itoa(d.year)
}

// Long formats the date as the place-and-date line of a document writes it:
// "ngày 08 tháng 02 năm 2023", "ngày 26 tháng 5 năm 2023"; "" for the zero
// Date.
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return "ngày " + d.dayText() + " tháng " + d.monthText() + " năm " + strconv.Itoa(d.year)
}

func (d Date) dayText() string {
	if d.day < 10 {
		return "0" + strconv.Itoa(d.day)
	}
	return strconv.Itoa(d.day)
}

// monthText pads months 1 and 2 only (Nghị định 30/2020, Phụ lục I).
func (d Date) monthText() string {
	if d.month <= time.February {
		return "0" + strconv.Itoa(int(d.month))
	}
	return strconv.Itoa(int(d.month))
}
