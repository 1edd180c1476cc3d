package ansinh_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/internal/unitgen"
)

// benchCatalog is a catalogue of 20 custom figures: 10 counts (two of them totals of
// four parts each), 6 amounts and 4 rates (two over a built-in count, two over custom
// ones).
func benchCatalog(tb testing.TB) *ansinh.Catalog {
	tb.Helper()
	var b strings.Builder
	b.WriteString("chi_tieu:\n")
	for i := 1; i <= 10; i++ {
		parts := ""
		switch i {
		case 1:
			parts = ", thanh_phan: [dem_3, dem_4, dem_5, dem_6]"
		case 2:
			parts = ", thanh_phan: [dem_7, dem_8, dem_9, dem_10]"
		}
		fmt.Fprintf(&b, "  - {ma: dem_%d, ten: Số lượng %d, kieu: so_luong, don_vi_tinh: người, nhom: Nhóm %d%s}\n", i, i, i%3, parts)
	}
	for i := 1; i <= 6; i++ {
		fmt.Fprintf(&b, "  - {ma: tien_%d, ten: Kinh phí %d, kieu: tien, nhom: Nhóm %d}\n", i, i, i%3)
	}
	b.WriteString("  - {ma: ty_le_1, ten: Tỷ lệ 1, kieu: ty_le, tu_so: dem_1, mau_so: giam_ngheo.dan_so.nhan_khau}\n")
	b.WriteString("  - {ma: ty_le_2, ten: Tỷ lệ 2, kieu: ty_le, tu_so: dem_2, mau_so: giam_ngheo.dan_so.so_ho, he_so: 1000}\n")
	b.WriteString("  - {ma: ty_le_3, ten: Tỷ lệ 3, kieu: ty_le, tu_so: dem_3, mau_so: dem_1}\n")
	b.WriteString("  - {ma: ty_le_4, ten: Tỷ lệ 4, kieu: ty_le, tu_so: dem_7, mau_so: dem_2}\n")
	c, err := ansinh.LoadCatalog(strings.NewReader(b.String()), "bench.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// benchBoSung is unit i's bo_sung section for benchCatalog.
func benchBoSung(i int) string {
	var b strings.Builder
	b.WriteString("\nbo_sung:\n")
	part := func(k int) int { return 3 + (i+k)%17 }
	fmt.Fprintf(&b, "  dem_1: %d\n  dem_2: %d\n", part(3)+part(4)+part(5)+part(6), part(7)+part(8)+part(9)+part(10))
	for k := 3; k <= 10; k++ {
		fmt.Fprintf(&b, "  dem_%d: %d\n", k, part(k))
	}
	for k := 1; k <= 6; k++ {
		fmt.Fprintf(&b, "  tien_%d: %d.%d\n", k, 100+(i*k)%900, k)
	}
	return b.String()
}

// writeCustomUnits writes n generated commune files with 20 custom figures each.
func writeCustomUnits(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	for i := 0; i < n; i++ {
		src := unitgen.Generate(i, 2024).YAML() + benchBoSung(i)
		if err := os.WriteFile(filepath.Join(dir, unitgen.FileName(i)), []byte(src), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// rollupCustomDir loads with the catalogue, validates and adds every file of dir.
func rollupCustomDir(tb testing.TB, dir string, c *ansinh.Catalog) *ansinh.Rollup {
	agg := ansinh.NewAggregator(unitgenParent(), h1y2024)
	err := ansinh.Loader{Catalog: c}.LoadDir(dir, func(path string, r *ansinh.Report, err error) error {
		if err != nil {
			return err
		}
		if fs := r.Validate(); fs.HasErrors() {
			tb.Fatalf("%s: %s", path, fs.Errors())
		}
		return agg.Add(r)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return agg.Result()
}

// BenchmarkRollup10000Custom is BenchmarkRollup10000 with 20 custom figures in each
// file (a catalogue of 10 counts, 6 amounts and 4 rates): run both in one go to
// compare.
func BenchmarkRollup10000Custom(b *testing.B) {
	n := benchN()
	c := benchCatalog(b)
	dir := writeCustomUnits(b, n)
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		stop := peakHeap()
		ro := rollupCustomDir(b, dir, c)
		if p := stop(); p > peak {
			peak = p
		}
		if ro.Count != n {
			b.Fatalf("%d units", ro.Count)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	if cpu := cpuTime(); cpu > 0 {
		b.ReportMetric((cpu-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	}
}

// The roll-up of generated files with custom figures: exact sums of every file's values.
func TestRollupCustomGenerated(t *testing.T) {
	const n = 40
	c := benchCatalog(t)
	ro := rollupCustomDir(t, writeCustomUnits(t, n), c)
	want := 0
	for i := 0; i < n; i++ {
		want += 3 + (i+3)%17
	}
	if got, _ := ro.Report.Custom.Count("dem_3"); got.Int64() != int64(want) {
		t.Errorf("dem_3 = %v, want %d", got, want)
	}
	for _, f := range ro.Report.Validate() {
		if strings.HasPrefix(f.Subject, "bo_sung") {
			t.Errorf("finding on the roll-up: %v", f)
		}
	}
}
