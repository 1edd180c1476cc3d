package indicators

import (
	"strings"
	"testing"
	"text/template"
	"time"

	"github.com/shopspring/decimal"
)

func TestFuncsNames(t *testing.T) {
	m := Funcs()
	for _, name := range []string{"so", "so2", "sl", "phantram", "ngay", "ngaydai", "chu", "tanggiam", "hoa", "hoadau", "stt"} {
		if m[name] == nil {
			t.Errorf("Funcs() has no %q", name)
		}
	}
	if len(m) != 11 {
		t.Errorf("Funcs() has %d entries", len(m))
	}
	m["so"] = nil
	if Funcs()["so"] == nil {
		t.Error("Funcs() is not a fresh map")
	}
}

func TestFuncsTemplate(t *testing.T) {
	r, _ := RateOf(MustCount(1855), MustCount(38459))
	jobs, _ := NewAttainment(dec("1111"), dec("2000"))
	day, _ := NewDate(2023, time.February, 8)
	cost := NewMoney(dec("568.1"), TrieuDong)
	data := map[string]any{
		"ho":      MustCount(38459),
		"lop":     MustCount(8),
		"lopPtr":  func() *Count { c := MustCount(6); return &c }(),
		"tien":    cost,
		"tienPtr": &cost,
		"tyle":    r,
		"dat":     jobs,
		"ngay":    day,
		"tg":      time.Date(2023, 5, 26, 9, 0, 0, 0, time.UTC),
		"thay":    NewChange(dec("111076"), dec("109710")),
		"d":       dec("2573.38"),
		"n":       1855,
		"u8":      uint8(7),
		"s":       "1.855",
		"ten":     "Tây Sơn",
		"rows":    []string{"a", "b"},
	}
	tests := []struct{ tmpl, want string }{
		{`{{so .ho}}`, "38.459"},
		{`{{.ho | so}}`, "38.459"},
		{`{{.tien | so}}`, "568,1"},
		{`{{.tien | so 2}}`, "568,10"},
		{`{{so 2 .tien}}`, "568,10"},
		{`{{.tienPtr | so}}`, "568,1"},
		{`{{.tyle | so}}`, "4,82"},
		{`{{.tyle | so 1}}`, "4,8"},
		{`{{.tyle | so 4}}`, "4,8233"},
		{`{{.dat | so}}`, "55,55"},
		{`{{.d | so}}`, "2.573,38"},
		{`{{.d | so 1}}`, "2.573,4"},
		{`{{.n | so}}`, "1.855"},
		{`{{.u8 | so}}`, "7"},
		{`{{.s | so}}`, "1.855"},
		{`{{.lop | so2}}`, "08"},
		{`{{.lopPtr | so2}}`, "06"},
		{`{{.ho | so2}}`, "38.459"},
		{`{{.u8 | so2}}`, "07"},
		{`{{.tien | so2}}`, "568,1"},
		{`{{.tyle | phantram}}`, "4,82%"},
		{`{{.tyle | phantram 1}}`, "4,8%"},
		{`{{.dat | phantram}}`, "55,55%"},
		{`{{.d | phantram}}`, "2.573,38%"},
		{`{{.d | phantram 1}}`, "2.573,4%"},
		{`{{phantram 95}}`, "95%"},
		{`{{phantram "94,79%"}}`, "94,79%"},
		{`{{phantram "10,6"}}`, "10,6%"},
		{`{{.ngay | ngay}}`, "08/02/2023"},
		{`{{.tg | ngay}}`, "26/5/2023"},
		{`{{ngay "2023-01-19"}}`, "19/01/2023"},
		{`{{.ngay | ngaydai}}`, "ngày 08 tháng 02 năm 2023"},
		{`{{.tien | chu}}`, "năm trăm sáu mươi tám phẩy một"},
		{`{{.n | chu}}`, "một nghìn tám trăm năm mươi lăm"},
		{`{{.tyle | chu}}`, "bốn phẩy tám mươi hai phần trăm"},
		{`{{.thay | tanggiam}}`, "tăng 1.366"},
		{`{{.ten | hoa}}`, "TÂY SƠN"},
		{`{{.tien | hoa}}`, "568,1 TRIỆU ĐỒNG"},
		{`{{range $i, $r := .rows}}{{stt $i}}. {{$r}} {{end}}`, "1. a 2. b "},
	}
	for _, tt := range tests {
		tmpl, err := template.New("t").Funcs(Funcs()).Parse(tt.tmpl)
		if err != nil {
			t.Fatalf("%s: %v", tt.tmpl, err)
		}
		var b strings.Builder
		if err := tmpl.Execute(&b, data); err != nil {
			t.Errorf("%s: %v", tt.tmpl, err)
			continue
		}
		if b.String() != tt.want {
			t.Errorf("%s = %q, want %q", tt.tmpl, b.String(), tt.want)
		}
	}
}

func TestFuncsErrors(t *testing.T) {
	var nilCount *Count
	tests := []struct {
		name string
		args []any
		want string
	}{
		{"so", []any{3.5}, "indicators: so: cannot format float64: floats do not hold money or rates exactly, use decimal.Decimal"},
		{"so", []any{true}, "indicators: so: cannot format bool, want Count, Money, Rate, Attainment, decimal.Decimal, an integer or a numeric string"},
		{"so", []any{nil}, "indicators: so: got nil, want Count, Money, Rate, Attainment, decimal.Decimal, an integer or a numeric string"},
		{"so", []any{nilCount}, "indicators: so: got a nil *indicators.Count"},
		{"so", []any{"1.85"}, `indicators: so: indicators: malformed number "1.85": a dot must group exactly three digits (found 2 after the dot at byte 1)`},
		{"so", []any{"x", 5}, "indicators: so: places must be an integer, got string (write {{.x | so 1}} or {{so 1 .x}})"},
		{"so", []any{-1, 5}, "indicators: so: places -1 is outside 0-30"},
		{"so", []any{}, "indicators: so: want 1 or 2 arguments ([places] value), got 0"},
		{"so2", []any{NewChange(dec("1"), dec("2"))}, "indicators: so2: cannot format indicators.Change, want Count, Money, Rate, Attainment, decimal.Decimal, an integer or a numeric string"},
		{"phantram", []any{MustCount(5)}, "indicators: phantram: cannot format indicators.Count, want Rate, Attainment, decimal.Decimal, an integer or a percentage string"},
		{"phantram", []any{NewMoney(dec("5"), Dong)}, "indicators: phantram: cannot format indicators.Money, want Rate, Attainment, decimal.Decimal, an integer or a percentage string"},
		{"phantram", []any{float32(1)}, "indicators: phantram: cannot format float32: floats do not hold money or rates exactly, use decimal.Decimal"},
		{"phantram", []any{"4.82%"}, `indicators: phantram: indicators: malformed number "4.82%": a dot must group exactly three digits (found 2 after the dot at byte 1)`},
		{"ngay", []any{20230208}, "indicators: ngay: cannot format int, want Date, time.Time or a date string"},
		{"ngaydai", []any{"31/4/2023"}, `indicators: ngaydai: indicators: invalid date "31/4/2023": day 31 does not exist in 4/2023 (it has 30 days)`},
		{"chu", []any{dec("1e15")}, "indicators: chu: indicators: number out of range: 1.000.000.000.000.000 is above 999.999.999.999.999 (999 nghìn tỷ)"},
		{"chu", []any{1.5}, "indicators: chu: cannot format float64: floats do not hold money or rates exactly, use decimal.Decimal"},
		{"tanggiam", []any{5}, "indicators: tanggiam: cannot format int, want Change"},
		{"hoa", []any{5}, "indicators: hoa: cannot format int, want a string"},
		{"hoa", []any{(*Money)(nil)}, "indicators: hoa: got a nil *indicators.Money"},
		{"stt", []any{"1"}, "indicators: stt: cannot format string, want an integer (the index of a range)"},
		{"stt", []any{uint64(1) << 63}, "indicators: stt: cannot format uint64, want an integer (the index of a range)"},
	}
	call := map[string]func(args []any) (string, error){
		"so":       func(a []any) (string, error) { return so(a...) },
		"so2":      func(a []any) (string, error) { return so2(a[0]) },
		"phantram": func(a []any) (string, error) { return phantram(a...) },
		"ngay":     func(a []any) (string, error) { return ngay(a[0]) },
		"ngaydai":  func(a []any) (string, error) { return ngaydai(a[0]) },
		"chu":      func(a []any) (string, error) { return chu(a[0]) },
		"tanggiam": func(a []any) (string, error) { return tanggiam(a[0]) },
		"hoa":      func(a []any) (string, error) { return hoa(a[0]) },
		"stt":      func(a []any) (string, error) { return stt(a[0]) },
	}
	for _, tt := range tests {
		s, err := call[tt.name](tt.args)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s%v = %q, %v\nwant error %s", tt.name, tt.args, s, err, tt.want)
		}
	}
}

func TestFuncsValues(t *testing.T) {
	ints := []any{int(7), int8(7), int16(7), int32(7), int64(7), uint(7), uint8(7), uint16(7), uint32(7), uint64(7), uintptr(7)}
	for _, v := range ints {
		if s, err := so(v); err != nil || s != "7" {
			t.Errorf("so(%T) = %q, %v", v, s, err)
		}
		if s, err := stt(v); err != nil || s != "8" {
			t.Errorf("stt(%T) = %q, %v", v, s, err)
		}
	}
	if s, err := so(uint64(1) << 63); err != nil || s != "9.223.372.036.854.775.808" {
		t.Errorf("so(2^63) = %q, %v", s, err)
	}
	d := dec("4.5")
	day, _ := NewDate(2023, 6, 30)
	ch := NewChange(dec("75"), dec("100"))
	r := ReportedRate(dec("94.79"))
	for _, tt := range []struct {
		got  func() (string, error)
		want string
	}{
		{func() (string, error) { return so(&d) }, "4,5"},
		{func() (string, error) { return so(0, &d) }, "5"},
		{func() (string, error) { return ngay(&day) }, "30/6/2023"},
		{func() (string, error) { return ngay(Date{}) }, ""},
		{func() (string, error) { return ngay(time.Time{}) }, ""},
		{func() (string, error) { return tanggiam(&ch) }, "giảm 25"},
		{func() (string, error) { return phantram(&r) }, "94,79%"},
		{func() (string, error) { return phantram(1, r) }, "94,8%"},
		{func() (string, error) { return phantram(Rate{}) }, ""},
		{func() (string, error) { return so(r) }, "94,79"},
		{func() (string, error) { return so(1, r) }, "94,8"},
		{func() (string, error) { return so2(decimal.New(5, 0)) }, "05"},
		{func() (string, error) { return chu("2.002") }, "hai nghìn không trăm linh hai"},
		{func() (string, error) { return hoa(day) }, "30/6/2023"},
	} {
		if s, err := tt.got(); err != nil || s != tt.want {
			t.Errorf("got %q, %v; want %q", s, err, tt.want)
		}
	}
}
