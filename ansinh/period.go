package ansinh

import (
	"fmt"
	"strings"
	"time"

	"github.com/ansinh-vn/baocao/indicators"
)

// Years a [Period] may have. Earlier or later years are refused when loading and
// reported by [Report.Validate]: they are almost always typing mistakes (203, 20233).
const (
	MinYear = 2000
	MaxYear = 2100
)

// PeriodKind is the kind of reporting period (loại kỳ báo cáo), written in YAML as
// ky.loai.
type PeriodKind string

// The reporting periods.
const (
	FirstHalf  PeriodKind = "6-thang-dau"  // 6 tháng đầu năm (January–June)
	SecondHalf PeriodKind = "6-thang-cuoi" // 6 tháng cuối năm (July–December)
	FullYear   PeriodKind = "ca-nam"       // cả năm (January–December)
	Quarter1   PeriodKind = "quy-1"        // quý I
	Quarter2   PeriodKind = "quy-2"        // quý II
	Quarter3   PeriodKind = "quy-3"        // quý III
	Quarter4   PeriodKind = "quy-4"        // quý IV
)

// PeriodKinds lists every valid PeriodKind in a stable order.
func PeriodKinds() []PeriodKind {
	return []PeriodKind{FirstHalf, SecondHalf, FullYear, Quarter1, Quarter2, Quarter3, Quarter4}
}

type kindInfo struct {
	name       string
	first, end time.Month
	next       PeriodKind
	nextYear   int // 1 when the next period falls in the following year
}

var kinds = map[PeriodKind]kindInfo{
	FirstHalf:  {"6 tháng đầu năm", time.January, time.June, SecondHalf, 0},
	SecondHalf: {"6 tháng cuối năm", time.July, time.December, FirstHalf, 1},
	FullYear:   {"năm", time.January, time.December, FullYear, 1},
	Quarter1:   {"quý I", time.January, time.March, Quarter2, 0},
	Quarter2:   {"quý II", time.April, time.June, Quarter3, 0},
	Quarter3:   {"quý III", time.July, time.September, Quarter4, 0},
	Quarter4:   {"quý IV", time.October, time.December, Quarter1, 1},
}

// Valid reports whether k is one of the defined kinds.
func (k PeriodKind) Valid() bool { _, ok := kinds[k]; return ok }

// Name is the Vietnamese name of the kind as it reads before the year: "6 tháng đầu
// năm", "6 tháng cuối năm", "năm", "quý I" … "quý IV". Invalid kinds give "".
func (k PeriodKind) Name() string { return kinds[k].name }

// Period is a reporting period (kỳ báo cáo): a year and a kind. YAML: ky {nam, loai}.
type Period struct {
	Year int        // nam
	Kind PeriodKind // loai
}

// Validate returns an error when the kind is unknown or the year is outside
// [MinYear, MaxYear].
func (p Period) Validate() error {
	var msgs []string
	if !p.Kind.Valid() {
		msgs = append(msgs, fmt.Sprintf("loại kỳ %q không hợp lệ; dùng một trong: %s (unknown period kind)", string(p.Kind), kindList()))
	}
	if p.Year < MinYear || p.Year > MaxYear {
		msgs = append(msgs, fmt.Sprintf("năm %d nằm ngoài khoảng %d–%d (year out of range)", p.Year, MinYear, MaxYear))
	}
	if msgs == nil {
		return nil
	}
	return fmt.Errorf("ansinh: %s", strings.Join(msgs, "; "))
}

func kindList() string {
	var s []string
	for _, k := range PeriodKinds() {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

// Name is the period's Vietnamese name without the year ("6 tháng đầu năm").
func (p Period) Name() string { return p.Kind.Name() }

// String is the period's full name: "6 tháng đầu năm 2023", "quý II năm 2023", "năm 2023".
func (p Period) String() string {
	switch {
	case !p.Kind.Valid():
		return fmt.Sprintf("%s %d", p.Kind, p.Year)
	case strings.HasPrefix(string(p.Kind), "quy-"):
		return fmt.Sprintf("%s năm %d", p.Name(), p.Year)
	default:
		return fmt.Sprintf("%s %d", p.Name(), p.Year)
	}
}

// Start is the first day of the period (zero Date for an invalid period).
func (p Period) Start() indicators.Date {
	info, ok := kinds[p.Kind]
	if !ok {
		return indicators.Date{}
	}
	return indicators.DateOf(time.Date(p.Year, info.first, 1, 0, 0, 0, 0, time.UTC))
}

// End is the last day of the period (30/6/2023 for 6-thang-dau 2023).
func (p Period) End() indicators.Date {
	info, ok := kinds[p.Kind]
	if !ok {
		return indicators.Date{}
	}
	return indicators.DateOf(time.Date(p.Year, info.end+1, 0, 0, 0, 0, 0, time.UTC))
}

// Contains reports whether d falls within the period.
func (p Period) Contains(d indicators.Date) bool {
	if d.IsZero() || !p.Kind.Valid() {
		return false
	}
	t := d.Time()
	return !t.Before(p.Start().Time()) && !t.After(p.End().Time())
}

// Next is the period that follows (6 tháng cuối năm after 6 tháng đầu năm; the next
// year's first half after the second half; the next year after a full year).
func (p Period) Next() Period {
	info, ok := kinds[p.Kind]
	if !ok {
		return p
	}
	return Period{Year: p.Year + info.nextYear, Kind: info.next}
}

// SameLastYear is the same period of the previous year (cùng kỳ năm trước).
func (p Period) SameLastYear() Period { return Period{Year: p.Year - 1, Kind: p.Kind} }
