package ansinh

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/indicators"
)

// A rate whose base is zero or missing gets a finding, never a silent empty figure.
func TestValidateRateWithoutBase(t *testing.T) {
	src, err := os.ReadFile("testdata/xa-binh-tan-2024-q2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	for _, edit := range [][2]string{
		{"viec_lam_moi: {so_nguoi: 40, ke_hoach: 80}", "viec_lam_moi: {so_nguoi: 40, ke_hoach: 0}"},
		{"ty_le_bao_phu: {bao_cao: 94.5, co_so: 4730, ke_hoach: 95}", "ty_le_bao_phu: {co_so: 0}"},
		{"ty_le_luc_luong_lao_dong: {bao_cao: 7.2}", "ty_le_luc_luong_lao_dong: {co_so: 0}"},
	} {
		if !strings.Contains(text, edit[0]) {
			t.Fatalf("sample lacks %q", edit[0])
		}
		text = strings.Replace(text, edit[0], edit[1], 1)
	}
	r, err := Load(strings.NewReader(text), "khong-co-so.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range r.Validate() {
		if f.Code == indicators.CodeZeroDenominator {
			got = append(got, f.Severity.String()+" "+f.Subject)
		}
	}
	want := []string{
		"cảnh báo bao_hiem.bhyt.ty_le_bao_phu",
		"cảnh báo bao_hiem.bhxh.ty_le_luc_luong_lao_dong",
		"cảnh báo lao_dong.xuat_khau.ty_le", // the sample has no chi_tieu
		"cảnh báo lao_dong.viec_lam_moi.ty_le",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings\n got %q\nwant %q", got, want)
	}
	// The data tree holds invalid rates there, which templates test with IsValid.
	d := r.Data()
	for _, path := range []string{"bao_hiem.bhyt.ty_le_bao_phu", "bao_hiem.bhxh.ty_le", "lao_dong.xuat_khau.ty_le", "lao_dong.viec_lam_moi.ty_le"} {
		if rate := get(t, d, path).(indicators.Rate); rate.IsValid() {
			t.Errorf("%s = %v, want an invalid rate", path, rate)
		}
	}
	f := r.Validate()[0]
	if f.Subject != "bao_hiem.bhyt.ty_le_bao_phu" || !strings.Contains(f.Message, "{{if .bao_hiem.bhyt.ty_le_bao_phu.IsValid}}") {
		t.Errorf("first finding %v", f)
	}
}

// The month of a draft's date line is padded as Nghị định 30 writes it: tháng 01, 02,
// then 3 … 12.
func TestDataMonthPadded(t *testing.T) {
	r := loadRef(t)
	for _, c := range []struct {
		month int
		date  indicators.Date
		want  string
	}{
		{1, indicators.Date{}, "01"},
		{2, indicators.Date{}, "02"},
		{3, indicators.Date{}, "3"},
		{12, indicators.Date{}, "12"},
		{0, indicators.Date{}, ""},
		{0, mustDate(t, "2024-01-15"), "01"},
		{6, mustDate(t, "2023-07-03"), "7"},
	} {
		r.Document.Month, r.Document.Date = c.month, c.date
		if got := get(t, r.Data(), "van_ban.thang"); got != c.want {
			t.Errorf("month %d, date %v: thang = %q, want %q", c.month, c.date, got, c.want)
		}
	}
}

func mustDate(t *testing.T, s string) indicators.Date {
	t.Helper()
	d, err := indicators.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Findings are an error only when one of them is an error.
func TestFindingsErr(t *testing.T) {
	r := loadRef(t)
	if err := r.Validate().Err(); err != nil { // two warnings
		t.Fatalf("warnings only: Err = %v", err)
	}
	r.Electricity.Poor.Households = indicators.MustCount(1850)
	err := fmt.Errorf("tayson.yaml: %w", r.Validate().Err())
	if !errors.Is(err, ErrInvalidReport) {
		t.Fatalf("errors.Is(%v, ErrInvalidReport) = false", err)
	}
	var fe *FindingsError
	if !errors.As(err, &fe) || len(fe.Findings) != 3 || len(fe.Findings.Errors()) != 1 {
		t.Fatalf("FindingsError = %+v", fe)
	}
	want := "tayson.yaml: lỗi: tien_dien.ho_ngheo.so_ho: Hỗ trợ tiền điện cho 1.850 hộ nghèo nhưng mục giảm nghèo có 1.855 hộ nghèo (giam_ngheo.ho_ngheo.so_ho); hai số phải bằng nhau."
	if err.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", err, want)
	}
}

// A host builds rate figures without the decimal package.
func TestRateFigureConstructors(t *testing.T) {
	f := NewRateFigure(indicators.MustCount(4730), Percent(95))
	rate, err := f.Rate(indicators.MustCount(4470))
	if err != nil || rate.String() != "94,50%" || f.PlanRate().String() != "95%" || f.Met(indicators.MustCount(4470)) {
		t.Errorf("rate %v (%v), plan %v", rate, err, f.PlanRate())
	}
	for in, want := range map[string]string{"10,6": "10,6%", "10,6%": "10,6%", "94,79%": "94,79%", "95": "95%", "10,60": "10,60%"} {
		p, err := ParsePercent(in)
		if err != nil {
			t.Errorf("ParsePercent(%q): %v", in, err)
			continue
		}
		if got := NewReportedRate(p, decimal.NullDecimal{}).PlanRate(); got.IsValid() {
			t.Errorf("no plan, but PlanRate %v", got)
		}
		if got, _ := NewReportedRate(p, decimal.NullDecimal{}).Rate(indicators.Count{}); got.String() != want {
			t.Errorf("ParsePercent(%q) prints %q, want %q", in, got, want)
		}
	}
	for _, in := range []string{"", "10.6", "abc", "5 %"} {
		if _, err := ParsePercent(in); !errors.Is(err, indicators.ErrSyntax) {
			t.Errorf("ParsePercent(%q) = %v, want ErrSyntax", in, err)
		}
	}
}

// A report built in Go prints money in triệu đồng unless told otherwise, as a period
// file without don_vi_tien does; đồng is still a unit it can be told.
func TestMoneyUnitDefault(t *testing.T) {
	amount := indicators.NewMoney(decimal.RequireFromString("120500000"), indicators.Dong)
	r := &Report{Credit: Credit{Programmes: []LoanProgramme{{Code: "ho_ngheo", Households: indicators.MustCount(3), Amount: amount}}}}
	for _, c := range []struct {
		unit       MoneyUnit
		name, want string
	}{
		{DefaultUnit, "triệu đồng", "120,5 triệu đồng"},
		{Dong, "đồng", "120.500.000 đồng"},
		{NghinDong, "nghìn đồng", "120.500 nghìn đồng"},
		{TrieuDong, "triệu đồng", "120,5 triệu đồng"},
		{TyDong, "tỷ đồng", "0,1205 tỷ đồng"},
	} {
		r.MoneyUnit = c.unit
		d := r.Data()
		if got := fmt.Sprint(get(t, d, "don_vi_tien"), " / ", get(t, d, "tin_dung.tong_so_tien")); got != c.name+" / "+c.want {
			t.Errorf("unit %d: %s, want %s / %s", c.unit, got, c.name, c.want)
		}
	}
	for _, u := range []indicators.MoneyUnit{indicators.Dong, indicators.NghinDong, indicators.TrieuDong, indicators.TyDong} {
		if got := MoneyUnitOf(u).Unit(); got != u {
			t.Errorf("MoneyUnitOf(%v).Unit() = %v", u, got)
		}
	}
	if MoneyUnitOf(indicators.Dong) != Dong || DefaultUnit.Unit() != DefaultMoneyUnit {
		t.Error("MoneyUnitOf(Dong) or the default are wrong")
	}
	// YAML without don_vi_tien and the roll-up's default agree with Go's zero value.
	src := strings.Replace(readRef(t), "don_vi_tien: triệu đồng", "", 1)
	y, err := Load(strings.NewReader(src), "mac-dinh.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if y.MoneyUnit.Unit() != DefaultUnit.Unit() || NewAggregator(Unit{}, Period{}).MoneyUnit != DefaultUnit.Unit() {
		t.Errorf("YAML %v, Aggregator %v, Go %v", y.MoneyUnit, NewAggregator(Unit{}, Period{}).MoneyUnit, DefaultUnit)
	}
}

// Every rate of the reference report can be computed, so the Tây Sơn template, which
// prints them without testing IsValid, renders it.
func TestReferenceRatesValid(t *testing.T) {
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				walk(path+"."+k, c)
			}
		case []any:
			for i, c := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), c)
			}
		case indicators.Rate:
			if !x.IsValid() {
				t.Errorf("%s: the rate cannot be computed", path)
			}
		}
	}
	walk("", loadRef(t).Data())
}
