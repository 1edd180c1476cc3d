package chart_test

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/ansinh/chart"
	"github.com/ansinh-vn/baocao/indicators"
)

func tayson(t *testing.T) *ansinh.Report {
	t.Helper()
	r, err := ansinh.LoadFile("../../testdata/tayson-2023-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// decodePNG checks that b is a PNG [chart.Width] wide at [chart.DPI] and returns it.
func decodePNG(t *testing.T, name string, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if w := img.Bounds().Dx(); w != 1260 {
		t.Errorf("%s: %d pixels wide, want 1260 (16 cm at 200 dpi)", name, w)
	}
	if h := img.Bounds().Dy(); h < 300 || h > 1400 {
		t.Errorf("%s: %d pixels high", name, h)
	}
	return img
}

func TestDeterministic(t *testing.T) {
	r := tayson(t)
	for key, v := range chart.ForReport(r) {
		c := v.(*chart.Chart)
		first, err := c.Image()
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		// A new chart from the same data, drawn again, gives the same bytes.
		again, err := chart.ForReport(tayson(t))[key].(*chart.Chart).Image()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Errorf("%s: two drawings of the same data differ", key)
		}
		decodePNG(t, key, first)
		if dir := os.Getenv("BAOCAO_CHART_DIR"); dir != "" { // to look at the charts
			if err := os.WriteFile(filepath.Join(dir, key+".png"), first, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestConcurrent(t *testing.T) {
	want, err := chart.Loans(tayson(t)).Image()
	if err != nil {
		t.Fatal(err)
	}
	shared := chart.Loans(tayson(t))
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if b, err := shared.Image(); err != nil || !bytes.Equal(b, want) {
				t.Errorf("shared chart: %v", err)
			}
		}()
		go func() {
			defer wg.Done()
			if b, err := chart.Loans(tayson(t)).Image(); err != nil || !bytes.Equal(b, want) {
				t.Errorf("own chart: %v", err)
			}
		}()
	}
	wg.Wait()
}

func TestPlan(t *testing.T) {
	c := chart.Plan(tayson(t))
	want := []string{"Tỷ lệ bao phủ BHYT", "Tỷ lệ lao động tham gia BHXH", "Tạo việc làm mới", "Lao động đi làm việc ở nước ngoài"}
	if got := c.Labels(); !reflect.DeepEqual(got, want) {
		t.Errorf("labels %q, want %q", got, want)
	}
	wantValues := []string{"99,78% (94,79% / KH 95%)", "92,26% (9,78% / KH 10,6%)", "55,55% (1.111 / KH 2.000)", "68,05% (49 / KH 72)"}
	if got := c.ValueLabels(); !reflect.DeepEqual(got, wantValues) {
		t.Errorf("values %q, want %q", got, wantValues)
	}
}

func TestLoansSorted(t *testing.T) {
	c := chart.Loans(tayson(t))
	if c.Len() != 12 {
		t.Fatalf("%d programmes, want 12", c.Len())
	}
	labels, values := c.Labels(), c.ValueLabels()
	if labels[0] != "Hộ cận nghèo" || values[0] != "12.061" || labels[11] != "Hộ nghèo về nhà ở" || values[11] != "78" {
		t.Errorf("not sorted by amount, descending: %q %q", labels, values)
	}
	// 7.864, 7.828, 7.820: close amounts keep their exact order.
	if values[1] != "7.864" || values[2] != "7.828" || values[3] != "7.820" {
		t.Errorf("values %q", values)
	}
}

func TestByUnit(t *testing.T) {
	rate := func(s string) indicators.Rate { return indicators.ReportedRate(decimal.RequireFromString(s)) }
	c := chart.ByUnit("Tỷ lệ hộ nghèo", []string{"An Nhơn", "Tây Sơn", "Vân Canh", "Hoài Ân"},
		[]indicators.Rate{rate("0.96"), rate("4.82"), {}, rate("12.4")})
	if got, want := c.Labels(), []string{"Hoài Ân", "Tây Sơn", "An Nhơn", "Vân Canh"}; !reflect.DeepEqual(got, want) {
		t.Errorf("labels %q, want %q", got, want)
	}
	if got, want := c.ValueLabels(), []string{"12,4%", "4,82%", "0,96%", "không có số liệu"}; !reflect.DeepEqual(got, want) {
		t.Errorf("values %q, want %q", got, want)
	}
	b, err := c.Image()
	if err != nil {
		t.Fatal(err)
	}
	decodePNG(t, "ByUnit", b)

	// Bars keeps the given order; NFD input is drawn as NFC.
	c = chart.Bars("", []string{"Ta\u0302y So\u031bn", "B"}, []int{1855, 38459})
	if got := c.Labels(); got[0] != "Tây Sơn" || c.ValueLabels()[1] != "38.459" {
		t.Errorf("Bars: %q %q", got, c.ValueLabels())
	}
}

func TestErrors(t *testing.T) {
	if _, err := chart.ByUnit("x", []string{"a"}, []int{1, 2}).Image(); err == nil {
		t.Error("mismatched labels and values: no error")
	}
	var nilChart *chart.Chart
	for name, c := range map[string]*chart.Chart{
		"empty": chart.Bars[int]("", nil, nil), "nil": nilChart,
		"no plan": chart.Plan(&ansinh.Report{}), "no loans": chart.Loans(&ansinh.Report{}), "nil report": chart.Plan(nil),
	} {
		if _, err := c.Image(); !errors.Is(err, chart.ErrNoData) {
			t.Errorf("%s: err = %v, want ErrNoData", name, err)
		}
	}
}
