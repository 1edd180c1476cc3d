package chart_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/ansinh/chart"
	"github.com/ansinh-vn/baocao/indicators"
)

// A programme named with 52 KB (or 152 KB) of text cost 1,15 GB (or ran out of memory):
// labels are now cut at MaxLabelLen characters, and the image stays its usual size.
func TestHostileLongLabels(t *testing.T) {
	for _, n := range []int{52 << 10, 152 << 10} {
		name := strings.Repeat("Chương trình cho vay hộ nghèo ", n/31)
		r := tayson(t)
		r.Credit.Programmes[0].Name = name
		c := chart.Loans(r)
		var png []byte
		alloc := allocated(t, fmt.Sprintf("loans chart, %d KB name", n>>10), func() {
			var err error
			if png, err = c.Image(); err != nil {
				t.Fatal(err)
			}
		})
		if alloc >= 256<<20 {
			t.Errorf("%d KB name: %d bytes allocated, want < 256 MB", n>>10, alloc)
		}
		decodePNG(t, "long label", png)
		for _, l := range c.Labels() {
			if k := utf8.RuneCountInString(l); k > chart.MaxLabelLen {
				t.Errorf("label of %d characters", k)
			}
			if strings.HasPrefix(l, "Chương trình") && !strings.HasSuffix(l, "…") {
				t.Errorf("cut label %q does not end with …", l)
			}
		}
	}
	c := chart.Bars(strings.Repeat("Tiêu đề ", 20000), []string{"a"}, []int{1})
	if _, err := c.Image(); err != nil {
		t.Fatal(err)
	}
}

// A chart of more than MaxBars bars is refused, not drawn kilometres tall.
func TestHostileManyBars(t *testing.T) {
	n := chart.MaxBars + 1
	labels := make([]string, n)
	values := make([]indicators.Count, n)
	for i := range labels {
		labels[i] = fmt.Sprint("Xã ", i)
		values[i] = indicators.MustCount(int64(i))
	}
	if _, err := chart.ByUnit("", labels, values).Image(); !errors.Is(err, chart.ErrTooManyBars) {
		t.Errorf("%d bars: %v", n, err)
	}
	// The largest chart drawn: MaxBars bars with labels of MaxLabelLen characters.
	for i := range labels {
		labels[i] = strings.Repeat("Xã Nhơn ", 20)
	}
	c := chart.ByUnit("", labels[:chart.MaxBars], values[:chart.MaxBars])
	if alloc := allocated(t, fmt.Sprintf("%d bars", chart.MaxBars), func() {
		if _, err := c.Image(); err != nil {
			t.Fatal(err)
		}
	}); alloc >= 256<<20 {
		t.Errorf("%d bars: %d bytes allocated, want < 256 MB", chart.MaxBars, alloc)
	}
	r := &ansinh.Report{}
	for i := 0; i < n; i++ {
		r.Credit.Programmes = append(r.Credit.Programmes, ansinh.LoanProgramme{Code: fmt.Sprint(i), Name: "P", Amount: indicators.MoneyFromInt(1, indicators.TrieuDong)})
	}
	if _, err := chart.Loans(r).Image(); !errors.Is(err, chart.ErrTooManyBars) {
		t.Errorf("loans chart of %d programmes: %v", n, err)
	}
}

// allocated runs f, logs its time and returns the bytes it allocated.
func allocated(t *testing.T, what string, f func()) uint64 {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%s: %v, %.1f MB allocated", what, time.Since(start).Round(time.Millisecond), float64(alloc)/(1<<20))
	return alloc
}
