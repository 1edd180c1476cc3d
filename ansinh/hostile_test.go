package ansinh_test

// Hostile and mistaken period files (issue 15): each ends in a typed error at its
// line:column, or a correct report, within bounded memory. Times are only logged.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
)

// maxAlloc is what one hostile case may allocate in all (runtime.MemStats.TotalAlloc).
const maxAlloc = 256 << 20

// bounded runs f, logs its time and fails when it allocates maxAlloc or more.
func bounded(t *testing.T, what string, f func()) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%s: %v, %.1f MB allocated", what, elapsed.Round(time.Millisecond), float64(alloc)/(1<<20))
	if alloc >= maxAlloc {
		t.Errorf("%s allocated %d bytes, want < %d", what, alloc, maxAlloc)
	}
}

// commune is the text of communeYAML with the defaults replaced by kv (key, value, …).
func commune(t *testing.T, kv ...string) string {
	t.Helper()
	vals := map[string]string{}
	for k, v := range communeDefaults {
		vals[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if _, ok := vals[kv[i]]; !ok {
			t.Fatalf("commune: unknown key %q", kv[i])
		}
		vals[kv[i]] = kv[i+1]
	}
	text := communeYAML
	for k, v := range vals {
		text = strings.ReplaceAll(text, "{{"+k+"}}", v)
	}
	return text
}

// loadErrors loads src with l and returns its LoadErrors, failing when it loads.
func loadErrors(t *testing.T, l ansinh.Loader, src string) ansinh.LoadErrors {
	t.Helper()
	r, err := l.Load(strings.NewReader(src), "x.yaml")
	var les ansinh.LoadErrors
	if !errors.As(err, &les) || r != nil {
		t.Fatalf("Load = %v, %v; want LoadErrors", r, err)
	}
	return les
}

// wantError checks that es holds an error of the kind at line:col whose message
// contains msg.
func wantError(t *testing.T, es ansinh.LoadErrors, kind error, line, col int, msg string) {
	t.Helper()
	for _, e := range es {
		if errors.Is(e, kind) && e.Line == line && e.Column == col && strings.Contains(e.Msg, msg) {
			return
		}
	}
	t.Errorf("no %v at %d:%d containing %q in\n%v", kind, line, col, msg, es)
}

// One level of aliases made two million errors from 27 KB; anchors and aliases are now
// refused where they stand, and loading stops at MaxErrors.
func TestHostileAliases(t *testing.T) {
	var b strings.Builder
	b.WriteString("tin_dung:\n  chuong_trinh: [&a {")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "u%d: 1, ", i)
	}
	b.WriteString("u: 1}")
	for i := 0; i < 4500; i++ {
		b.WriteString(", *a")
	}
	b.WriteString("]\n")
	src := b.String()
	var es ansinh.LoadErrors
	bounded(t, fmt.Sprintf("alias bomb of %d KB", len(src)>>10), func() { es = loadErrors(t, ansinh.Loader{}, src) })
	wantError(t, es, ansinh.ErrAlias, 2, 18, "không dùng neo &a")
	if n := len(es); n != ansinh.DefaultMaxErrors+1 || !errors.Is(es[n-1], ansinh.ErrTooManyErrors) {
		t.Errorf("%d errors, the last %v; want %d and ErrTooManyErrors last", n, es[n-1], ansinh.DefaultMaxErrors+1)
	}
	// A single alias in an otherwise good file, and a merge key, are refused as well.
	es = loadErrors(t, ansinh.Loader{}, commune(t, "xuat_khau", "&x {so_nguoi: 2, chi_tieu: 4}", "viec_lam_moi", "*x"))
	wantError(t, es, ansinh.ErrAlias, 32, 14, "&x")
	wantError(t, es, ansinh.ErrAlias, 34, 17, "*x")
	// Plan files too.
	_, err := ansinh.LoadPlan(strings.NewReader("don_vi: &u {ten: A, cap: xã}\nnam: 2024\nchi_tieu: []\n"), "p.yaml")
	if !errors.Is(err, ansinh.ErrAlias) || !strings.Contains(err.Error(), "p.yaml:1:9:") {
		t.Errorf("plan with an anchor: %v", err)
	}
}

// 50.000 unknown keys: the check for duplicates uses a map, and loading stops at
// MaxErrors.
func TestHostileManyUnknownKeys(t *testing.T) {
	var b strings.Builder
	b.WriteString("don_vi:\n")
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&b, "  k%d: 1\n", i)
	}
	var es ansinh.LoadErrors
	bounded(t, "50.000 unknown keys", func() { es = loadErrors(t, ansinh.Loader{MaxFileSize: 4 << 20}, b.String()) })
	wantError(t, es, ansinh.ErrUnknownKey, 2, 3, `khóa "k0" không có trong mẫu`)
	if n := len(es); n != ansinh.DefaultMaxErrors+1 || !errors.Is(es[n-1], ansinh.ErrTooManyErrors) {
		t.Errorf("%d errors, want %d", n, ansinh.DefaultMaxErrors+1)
	}
	// With no cap on errors, still linear: a duplicate among them is found by the map.
	b.WriteString("  k7: 2\n")
	bounded(t, "50.001 unknown keys, no error cap", func() {
		es = loadErrors(t, ansinh.Loader{MaxFileSize: 4 << 20, MaxErrors: 1 << 20}, b.String())
	})
	wantError(t, es, ansinh.ErrDuplicateKey, 50002, 3, `khóa "k7" bị lặp, đã có ở dòng 9`)
}

// A 3-million-digit count is refused by its length, before any conversion; a count
// above MaxCount by its value.
func TestHostileLongNumbers(t *testing.T) {
	src := commune(t, "dan_so", strings.Repeat("9", 3_000_000))
	var es ansinh.LoadErrors
	bounded(t, "3.000.000-digit count", func() { es = loadErrors(t, ansinh.Loader{MaxFileSize: 8 << 20}, src) })
	wantError(t, es, ansinh.ErrNumber, 7, 19, "quá 40 ký tự")
	// The default loader does not even read a file that size.
	es = loadErrors(t, ansinh.Loader{}, src)
	if len(es) != 1 || !errors.Is(es[0], ansinh.ErrTooLarge) {
		t.Errorf("3 MB file: %v", es)
	}
}

// Ten programmes of 999999999999999999 households used to load and make Data panic
// (Count.Add overflowed): a count above MaxCount is now refused at load.
func TestHostileCountOverflow(t *testing.T) {
	var progs []string
	for i := 0; i < 10; i++ {
		progs = append(progs, fmt.Sprintf("    - {ma: p%d, ten: P, so_ho: 999999999999999999, so_tien: 1}", i))
	}
	es := loadErrors(t, ansinh.Loader{}, commune(t, "chuong_trinh", strings.Join(progs, "\n")))
	wantError(t, es, ansinh.ErrRange, 14, 31, "quá lớn; tối đa 999.999.999.999")
	if len(es) != 10 {
		t.Errorf("%d errors, want 10", len(es))
	}
	// At MaxCount they load, and the totals are exact.
	progs = progs[:0]
	for i := 0; i < 10; i++ {
		progs = append(progs, fmt.Sprintf("    - {ma: p%d, ten: P, so_ho: %d, so_tien: 1}", i, ansinh.MaxCount))
	}
	r, err := ansinh.Load(strings.NewReader(commune(t, "chuong_trinh", strings.Join(progs, "\n"))), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Credit.TotalHouseholds(); got.Int64() != 10*ansinh.MaxCount {
		t.Errorf("total households %v", got)
	}
	r.Data()
}

// A file larger than MaxFileSize is refused after reading MaxFileSize+1 bytes, however
// long the input (an endless reader here).
func TestHostileSize(t *testing.T) {
	var es ansinh.LoadErrors
	bounded(t, "endless input", func() {
		_, err := ansinh.Load(zeros{}, "zero.yaml")
		if !errors.As(err, &es) || !errors.Is(err, ansinh.ErrTooLarge) {
			t.Fatalf("err = %v", err)
		}
	})
	if !strings.Contains(es[0].Msg, "1048576 byte") {
		t.Errorf("message %q does not state the limit", es[0].Msg)
	}
	_, err := ansinh.Loader{MaxFileSize: 10}.Load(strings.NewReader("don_vi: {ten: A}\n"), "x.yaml")
	if !errors.Is(err, ansinh.ErrTooLarge) {
		t.Errorf("MaxFileSize 10: %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// Deep nesting is yaml.v3's error (its depth limit), not a stack overflow.
func TestHostileDeepNesting(t *testing.T) {
	src := "a: " + strings.Repeat("[", 200_000) + "\n"
	bounded(t, "200.000 nested lists", func() {
		es := loadErrors(t, ansinh.Loader{}, src)
		if !errors.Is(es[0], ansinh.ErrSyntax) {
			t.Errorf("got %v", es)
		}
	})
	line := "a: [" + strings.Repeat("1, ", 130_000) + "1]\n"
	bounded(t, fmt.Sprintf("%d KB flow line", len(line)>>10), func() { loadErrors(t, ansinh.Loader{}, line) })
}

// Money written with a Vietnamese thousands dot: a warning naming both readings, kept
// from loading and returned by Validate; with Loader.Strict, an error at its line:col.
func TestThousandsDot(t *testing.T) {
	src := commune(t, "chuong_trinh", "    - {ma: ho_ngheo, ten: Hộ nghèo, so_ho: 2, so_tien: 14.205}")
	r, err := ansinh.Load(strings.NewReader(src), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !r.Credit.Programmes[0].Amount.Amount().Equal(dec("14.205")) {
		t.Errorf("amount %v", r.Credit.Programmes[0].Amount)
	}
	var found bool
	for _, f := range r.Validate() {
		if f.Code == ansinh.CodeThousandsDot {
			found = true
			if f.Severity != indicators.Warning || f.Subject != "tin_dung.chuong_trinh[0].so_tien" ||
				!strings.Contains(f.Message, "14,205") || !strings.Contains(f.Message, "viết 14205") || !strings.Contains(f.Message, "dòng 14, cột 56") {
				t.Errorf("finding %v", f)
			}
		}
	}
	if !found {
		t.Errorf("no %s finding in %v", ansinh.CodeThousandsDot, r.Validate())
	}
	es := loadErrors(t, ansinh.Loader{Strict: true}, src)
	wantError(t, es, ansinh.ErrAmbiguousNumber, 14, 56, "14,205")
	// A rate too; and 14.2 or 14.2050 are plain decimals.
	es = loadErrors(t, ansinh.Loader{Strict: true}, commune(t, "bhxh_tl", "{bao_cao: 7.200}"))
	wantError(t, es, ansinh.ErrAmbiguousNumber, 27, 41, "7,200")
	for _, v := range []string{"14.2", "14.2050", "14205"} {
		src := commune(t, "chuong_trinh", "    - {ma: ho_ngheo, ten: Hộ nghèo, so_ho: 2, so_tien: "+v+"}")
		if _, err := (ansinh.Loader{Strict: true}).Load(strings.NewReader(src), "x.yaml"); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
}

// {kinh_phi: 455,55} reads in YAML as kinh_phi 455 and a key "55".
func TestDecimalCommaInFlowMapping(t *testing.T) {
	es := loadErrors(t, ansinh.Loader{}, commune(t, "dao_tao_kp", "455,55"))
	wantError(t, es, ansinh.ErrNumber, 30, 58, "viết 455.55")
	if len(es) != 1 {
		t.Errorf("%d errors: %v", len(es), es)
	}
}

// Text typed in decomposed Unicode (Unikey's "Unicode tổ hợp") is read as NFC: the money
// unit is recognised and a parent rolls up.
func TestNFDText(t *testing.T) {
	nfd := func(s string) string { return norm.NFD.String(s) }
	if nfd("triệu đồng") == "triệu đồng" {
		t.Fatal("NFD did not decompose")
	}
	src := commune(t, "don_vi_tien", nfd("triệu đồng"), "cap_tren", nfd("Bình An"), "ten", nfd("An Hòa"))
	r, err := ansinh.Load(strings.NewReader(src), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if r.MoneyUnit.Unit() != indicators.TrieuDong || r.Unit.Name != "An Hòa" || r.Unit.Parent != "Bình An" {
		t.Errorf("unit %+v, money %v", r.Unit, r.MoneyUnit)
	}
	if _, err := ansinh.Aggregate(province, h1y2024, r); err != nil {
		t.Errorf("roll-up: %v", err)
	}
}

// The YAML mistakes clerks make most, with line, column and what to do.
func TestYAMLMessages(t *testing.T) {
	src := commune(t)
	tab := strings.Replace(src, "    bat_buoc: 30", "\tbat_buoc: 30", 1)
	es := loadErrors(t, ansinh.Loader{}, tab)
	wantError(t, es, ansinh.ErrSyntax, 25, 1, "Tab ở dòng 25, cột 1")

	colon := strings.Replace(src, "ky: {nam: 2024, loai: 6-thang-dau}",
		"ky: {nam: 2024, loai: 6-thang-dau}\nvan_ban:\n  ky_ten:\n    ho_ten: Nguyễn Văn Bình: Chủ tịch", 1)
	es = loadErrors(t, ansinh.Loader{}, colon)
	wantError(t, es, ansinh.ErrSyntax, 6, 28, `đặt giá trị trong dấu ngoặc kép: ho_ten: "Nguyễn Văn Bình: Chủ tịch"`)

	// A missing section: at the end of the file, naming it.
	i := strings.Index(src, "tien_dien:")
	es = loadErrors(t, ansinh.Loader{}, src[:i])
	end := strings.Count(src[:i], "\n") + 1
	wantError(t, es, ansinh.ErrMissingKey, end, 1, `thiếu khóa bắt buộc "tien_dien"`)
	// A missing key of a section: at the section's key.
	es = loadErrors(t, ansinh.Loader{}, strings.Replace(src, "  ngay_hoi_viec_lam: {so_nguoi: 10}\n", "", 1))
	wantError(t, es, ansinh.ErrMissingKey, 28, 1, `thiếu khóa bắt buộc "ngay_hoi_viec_lam" trong mục lao_dong`)
}

// Folders: only regular files inside the folder are read; a link out of it, a device,
// a sparse 2 GB file and a named pipe are refused without reading them whole or blocking.
func TestHostileFolder(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.yaml")
	write(t, secret, "mat_khau: hunter2\n")
	write(t, filepath.Join(dir, "a.yaml"), commune(t))
	link(t, secret, filepath.Join(dir, "b.yaml"))
	link(t, "/dev/zero", filepath.Join(dir, "c.yaml"))
	big := filepath.Join(dir, "d.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(2 << 30); err != nil {
		t.Skipf("no sparse file: %v", err)
	}
	f.Close()
	mkfifo(t, filepath.Join(dir, "e.yaml"))

	got := map[string]error{}
	bounded(t, "hostile folder", func() {
		err := ansinh.LoadDir(dir, func(path string, r *ansinh.Report, err error) error {
			got[filepath.Base(path)] = err
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	if err := got["a.yaml"]; err != nil {
		t.Errorf("a.yaml: %v", err)
	}
	for name, kind := range map[string]error{"b.yaml": ansinh.ErrNotRegular, "c.yaml": ansinh.ErrNotRegular, "d.yaml": ansinh.ErrTooLarge, "e.yaml": ansinh.ErrNotRegular} {
		err, ok := got[name]
		if !errors.Is(err, kind) || !ok {
			t.Errorf("%s: %v, want %v", name, err, kind)
			continue
		}
		if strings.Contains(err.Error(), "mat_khau") || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: the message quotes the foreign file: %v", name, err)
		}
	}
	// LoadFile reads what the host names, but not a named pipe or a device.
	if _, err := ansinh.LoadFile(filepath.Join(dir, "e.yaml")); !errors.Is(err, ansinh.ErrNotRegular) {
		t.Errorf("LoadFile(pipe): %v", err)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
}

// A cancelled context stops the walk; a panic in the callback reaches the caller and
// leaves no goroutine behind.
func TestLoadDirContextAndPanic(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 40; i++ {
		write(t, filepath.Join(dir, fmt.Sprintf("%02d.yaml", i)), commune(t))
	}
	base := runtime.NumGoroutine()

	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	err := ansinh.Loader{}.LoadDirContext(ctx, dir, func(string, *ansinh.Report, error) error {
		calls++
		if calls == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || calls != 3 {
		t.Errorf("err %v after %d calls, want context.Canceled after 3", err, calls)
	}
	checkGoroutines(t, base)

	func() {
		defer func() {
			if r := recover(); r != "boom" {
				t.Errorf("recovered %v, want the callback's panic", r)
			}
		}()
		_ = ansinh.LoadDir(dir, func(string, *ansinh.Report, error) error { panic("boom") })
	}()
	checkGoroutines(t, base)
}

// checkGoroutines fails unless the goroutines are back to base (LoadDir waits for its
// own before returning; the loop only gives the runtime time to retire them).
func checkGoroutines(t *testing.T, base int) {
	t.Helper()
	n := 0
	for i := 0; i < 100; i++ {
		if n = runtime.NumGoroutine(); n <= base {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("%d goroutines, %d before", n, base)
}

// A plan target written like 14.205 is an error: a plan has no findings to warn in.
func TestPlanThousandsDot(t *testing.T) {
	src := "don_vi: {ten: A, cap: xã}\nnam: 2024\nchi_tieu:\n  - {ma: a, chi_so: tin_dung.tong_so_tien, ke_hoach: 14.205}\n"
	_, err := ansinh.LoadPlan(strings.NewReader(src), "p.yaml")
	var es ansinh.LoadErrors
	if !errors.As(err, &es) {
		t.Fatalf("err = %v", err)
	}
	wantError(t, es, ansinh.ErrAmbiguousNumber, 4, 54, "14,205")
}

// Other syntax errors a clerk meets get what to check.
func TestYAMLSyntaxHints(t *testing.T) {
	for src, hint := range map[string]string{
		"don_vi:\n  ten: A\n cap: xã\n":   "kiểm tra thụt lề",
		"don_vi: {ten: A\nky: 1\n":        "thêm } ở cuối",
		"don_vi: [1, 2\nky: 1\n":          "thêm ] ở cuối",
		"don_vi: \"A\nky: 1\n":            "ngoặc kép mở mà chưa đóng",
		"- a\nky: 1\n":                    "mỗi mục bắt đầu bằng",
		"don_vi:\n  ten: A\n   cap: xã\n": "kiểm tra thụt lề",
	} {
		es := loadErrors(t, ansinh.Loader{}, src)
		if len(es) != 1 || !errors.Is(es[0], ansinh.ErrSyntax) || es[0].Line == 0 || !strings.Contains(es[0].Msg, hint) {
			t.Errorf("%q: %v, want a hint %q", src, es, hint)
		}
	}
}
