package ansinh

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/indicators"
)

func loadBinhTan(t *testing.T) *Report {
	t.Helper()
	r, err := LoadFile("testdata/xa-binh-tan-2024-q2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Ten programmes of 999999999999999999 households: the total is beyond a count. Data
// does not panic, and the total refuses to print; Validate reports it.
func TestTotalsBeyondTheLargestCount(t *testing.T) {
	r := loadBinhTan(t)
	huge := indicators.MustCount(999999999999999999)
	r.Credit.Programmes = nil
	for i := 0; i < 10; i++ {
		r.Credit.Programmes = append(r.Credit.Programmes, LoanProgramme{Code: fmt.Sprint("p", i), Name: "P", Households: huge,
			Amount: indicators.NewMoney(decimal.NewFromInt(1), indicators.TrieuDong)})
	}
	r.Assistance.Longevity = Longevity{Age100: indicators.MustCount(math.MaxInt64), Age90: indicators.MustCount(1)}
	d := r.Data()
	for _, path := range []string{"tin_dung.tong_so_ho", "bao_tro_xa_hoi.mung_tho.tong"} {
		v, ok := get(t, d, path).(interface{ MarshalText() ([]byte, error) })
		if !ok {
			t.Fatalf("%s = %T, want a value that refuses to print", path, get(t, d, path))
		}
		if _, err := v.MarshalText(); !errors.Is(err, ErrOverflow) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: MarshalText error %v", path, err)
		}
	}
	if got := r.Credit.TotalHouseholds(); got.Int64() != math.MaxInt64 {
		t.Errorf("TotalHouseholds = %v, want the largest count", got)
	}
	var got []string
	for _, f := range r.Validate() {
		if f.Code == CodeOverflow {
			got = append(got, f.Severity.String()+" "+f.Subject)
		}
	}
	if want := []string{"lỗi tin_dung.tong_so_ho", "lỗi bao_tro_xa_hoi.mung_tho.tong"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("overflow findings %q, want %q", got, want)
	}
	if err := r.Validate().Err(); !errors.Is(err, ErrInvalidReport) {
		t.Errorf("Err = %v", err)
	}
}

// A roll-up whose sum would be beyond a count refuses the unit with ErrOverflow and
// keeps the totals as they were.
func TestRollupOverflow(t *testing.T) {
	parent := Unit{Name: "Tây Sơn", Level: "huyện"}
	half := indicators.MustCount(math.MaxInt64/2 + 1)
	var units []*Report
	for i, name := range []string{"Bình Tân", "Bình Hòa", "Bình Thành"} {
		r := loadBinhTan(t)
		r.Unit.Name, r.Unit.Code = name, fmt.Sprint(i)
		units = append(units, r)
	}
	units[0].Credit.Programmes[0].Households = half
	units[1].Credit.Programmes[0].Households = half // the merged programme would overflow
	units[2].Poverty.Population.Households = indicators.MustCount(math.MaxInt64)
	agg := NewAggregator(parent, units[0].Period)
	if err := agg.Add(units[0]); err != nil {
		t.Fatal(err)
	}
	before := fmt.Sprint(agg.Result().Report.Data())
	for i, want := range []string{"tin_dung.chuong_trinh", "giam_ngheo.dan_so.so_ho"} {
		err := agg.Add(units[i+1])
		if !errors.Is(err, ErrOverflow) || !strings.Contains(err.Error(), want) {
			t.Errorf("unit %d: Add = %v, want ErrOverflow naming %s", i+1, err, want)
		}
	}
	if agg.Len() != 1 || fmt.Sprint(agg.Result().Report.Data()) != before {
		t.Error("a refused unit changed the totals")
	}
}
