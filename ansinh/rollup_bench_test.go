package ansinh_test

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/internal/unitgen"
)

// writeUnits writes n generated commune files (internal/unitgen) into a
// temporary directory.
func writeUnits(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	for i := 0; i < n; i++ {
		if err := os.WriteFile(filepath.Join(dir, unitgen.FileName(i)), []byte(unitgen.Generate(i, 2024).YAML()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// peakHeap samples the bytes of live and not yet swept heap objects until stop is
// called, and returns the highest value seen.
func peakHeap() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var (
		peak uint64
		wg   sync.WaitGroup
	)
	done := make(chan struct{})
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak {
			peak = v
		}
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		read()
		return peak
	}
}

// rollupDir loads, validates and adds every file of dir, as examples/province does.
func rollupDir(tb testing.TB, dir string) *ansinh.Rollup {
	agg := ansinh.NewAggregator(unitgenParent(), h1y2024)
	err := ansinh.LoadDir(dir, func(path string, r *ansinh.Report, err error) error {
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

func unitgenParent() ansinh.Unit {
	p := unitgen.Parent
	return ansinh.Unit{Code: p.Code, Name: p.Name, Level: p.Level}
}

// BenchmarkRollup3300 loads, validates and rolls up 3.300 commune files from disk (about
// the communes of the whole country), one at a time; see benchRollup.
func BenchmarkRollup3300(b *testing.B) { benchRollup(b, 3300) }

// BenchmarkRollup10000 is BenchmarkRollup3300 with 10.000 files, or BAOCAO_ROLLUP_N.
func BenchmarkRollup10000(b *testing.B) { benchRollup(b, benchN()) }

// benchRollup loads, validates and rolls up n generated commune files from disk.
// peak-heap-MB is the highest heap seen during one roll-up (GOGC as set), which stays
// near what one file and the running totals need.
func benchRollup(b *testing.B, n int) {
	dir := writeUnits(b, n)
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		stop := peakHeap()
		ro := rollupDir(b, dir)
		if p := stop(); p > peak {
			peak = p
		}
		if ro.Count != n {
			b.Fatalf("%d units", ro.Count)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	if cpu := cpuTime(); cpu > 0 {
		// CPU seconds (user + system, every thread) per roll-up: unlike ns/op, it does not
		// grow when other processes compete for the CPUs.
		b.ReportMetric((cpu-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	}
}

// A roll-up streams: the heap while rolling up 1.500 files stays far below what holding
// the reports would need (it stays near 2 MB, where holding them takes about 9 MB).
func TestRollupStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 1.500 files")
	}
	const n = 1500
	dir := writeUnits(t, n)
	// A low GOGC makes the heap follow what is live, so that the peak measures what the
	// roll-up keeps rather than when the collector ran.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	stop := peakHeap()
	ro := rollupDir(t, dir)
	peak := stop()
	if ro.Count != n {
		t.Fatalf("%d units", ro.Count)
	}
	// Holding them: the heap of n loaded reports.
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	held := make([]*ansinh.Report, 0, n)
	if err := ansinh.LoadDir(dir, func(_ string, r *ansinh.Report, err error) error {
		held = append(held, r)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	holding := after.HeapAlloc - before.HeapAlloc
	runtime.KeepAlive(held)
	t.Logf("peak heap streaming %d files: %.1f MB; holding the reports: %.1f MB", n, float64(peak)/(1<<20), float64(holding)/(1<<20))
	if peak > holding/2 {
		t.Errorf("peak heap %d B while streaming is not well below the %d B of holding every report", peak, holding)
	}
}

// benchN is the number of files of BenchmarkRollup10000: 10.000, or BAOCAO_ROLLUP_N.
func benchN() int {
	if s := os.Getenv("BAOCAO_ROLLUP_N"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			return n
		}
	}
	return 10000
}
