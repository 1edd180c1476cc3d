package ansinh

import (
	"encoding"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const customDir = "../testdata/custom/"

// loadCustomUnits loads the sample unit files of period (2023-h1, 2024-h1) with the
// sample catalogue, each validated.
func loadCustomUnits(t testing.TB, c *Catalog, period string) []*Report {
	t.Helper()
	names, err := filepath.Glob(customDir + period + "/*.yaml")
	if err != nil || len(names) != 12 {
		t.Fatalf("%d files: %v", len(names), err)
	}
	sort.Strings(names)
	var out []*Report
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Loader{Catalog: c}.Load(f, name)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if fs := r.Validate(); fs.HasErrors() {
			t.Fatalf("%s: %v", name, fs.Errors())
		}
		out = append(out, r)
	}
	return out
}

// The sample files with custom figures are the province's files plus bo_sung
// (testdata/custom/gen.sh): they must not drift from their sources.
func TestCustomSamplesFollowProvince(t *testing.T) {
	for _, period := range []string{"2023-h1", "2024-h1"} {
		names, _ := filepath.Glob(customDir + period + "/*.yaml")
		for _, name := range names {
			got, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile("../testdata/province/" + period + "/" + filepath.Base(name))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(got), string(src)+"\nbo_sung:\n") {
				t.Errorf("%s is not %s plus bo_sung: run testdata/custom/gen.sh", name, filepath.Base(name))
			}
		}
	}
}

func TestCustomFiguresProvince(t *testing.T) {
	c := mustCatalog(t, customDir+"danh-muc.yaml")
	own, err := LoadOwnFile("../testdata/province/binh-an-2024-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ro, err := ParentReport(own, loadCustomUnits(t, c, "2024-h1")...)
	if err != nil {
		t.Fatal(err)
	}
	prevOwn := &Report{Unit: own.Unit, Period: own.Period.SameLastYear(), MoneyUnit: own.MoneyUnit}
	prev, err := ParentReport(prevOwn, loadCustomUnits(t, c, "2023-h1")...)
	if err != nil {
		t.Fatal(err)
	}
	r := ro.Report
	if err := r.SetPrevious(prev.Report); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(customDir + "ke-hoach-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	plan, err := Loader{Catalog: c}.LoadPlan(f, "ke-hoach-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if fs, err := r.SetPlan(plan); err != nil || len(fs) != 0 {
		t.Fatalf("SetPlan: %v %v", fs, err)
	}

	// The roll-up's own finding: diem_tu_van is marked cong_don: false.
	var notSummable []string
	for _, f := range ro.Findings {
		if f.Code == CodeNotSummable && strings.HasPrefix(f.Subject, CustomPrefix) {
			notSummable = append(notSummable, f.Subject)
		}
	}
	if strings.Join(notSummable, ",") != "bo_sung.diem_tu_van" {
		t.Errorf("not-summable findings: %v", ro.Findings)
	}

	d := ro.Data()
	for path, want := range map[string]string{
		// (20+3k) + (5+k) persons in unit k = 1…12: 300 + 4·78
		"bo_sung.nguoi_khuyet_tat":  "612",
		"bo_sung.nkt_nang":          "474",
		"bo_sung.nkt_dac_biet_nang": "138",
		// 3,24 triệu đồng a person, in nghìn đồng in four files and triệu in eight: exact
		"bo_sung.kinh_phi_nkt":   "1.982,88 triệu đồng",
		"bo_sung.ho_vay_von_moi": "780",
		// recomputed from the sums: 138 / 612
		"bo_sung.ty_le_dac_biet_nang": "22,55%",
		// last year: 21+4k persons, 3+k of them especially severe
		"nam_truoc.bo_sung.nguoi_khuyet_tat":    "564",
		"nam_truoc.bo_sung.ty_le_dac_biet_nang": "20,21%",
		"so_sanh.bo_sung.nguoi_khuyet_tat":      "tăng 48",
		"ke_hoach.nkt.thuc_hien":                "612",
		"ke_hoach.nkt.dat":                      "đạt 102,00% so với kế hoạch",
		"ke_hoach.kinh_phi_nkt.ty_le":           "79,32%",
	} {
		v, ok := lookup(d, path)
		if got := fmt.Sprint(v); !ok || got != want {
			t.Errorf("%s = %q (%v), want %q", path, got, ok, want)
		}
	}
	// The rate over the province's population, per mille.
	pop, _ := lookup(d, "giam_ngheo.dan_so.nhan_khau")
	t.Logf("ty_le_nkt = %v of %v persons", d["bo_sung"].(map[string]any)["ty_le_nkt"], pop)
	if got := fmt.Sprint(d["bo_sung"].(map[string]any)["ty_le_nkt"]); !strings.HasSuffix(got, "‰") {
		t.Errorf("ty_le_nkt = %s, want per mille", got)
	}

	if last := d["bo_sung_ds"].([]any)[7].(map[string]any); last["tinh_duoc"] != false || last["ly_do"] != "không cộng dồn được từ báo cáo của các đơn vị" {
		t.Errorf("diem_tu_van in the roll-up: %v", last)
	}
	if m, ok := d["bo_sung"].(map[string]any)["diem_tu_van"].(encoding.TextMarshaler); !ok {
		t.Error("diem_tu_van in the roll-up is not a value that refuses to print")
	} else if _, err := m.MarshalText(); err == nil {
		t.Error("diem_tu_van in the roll-up prints")
	}
	if _, ok := r.Custom.Count("diem_tu_van"); ok {
		t.Error("diem_tu_van has a value in the roll-up")
	}

	// The figures grouped under their nhom, in catalogue order.
	groups := d["bo_sung_nhom"].([]any)
	var heads []string
	for _, g := range groups {
		heads = append(heads, fmt.Sprintf("%s (%d)", g.(map[string]any)["ten"], len(g.(map[string]any)["chi_tieu"].([]any))))
	}
	if got := strings.Join(heads, "; "); got != "Bảo trợ xã hội (6); Tín dụng chính sách (1); Lao động, việc làm (1)" {
		t.Errorf("bo_sung_nhom: %s", got)
	}
	first := d["bo_sung_ds"].([]any)[0].(map[string]any)
	if fmt.Sprint(first["so_sanh"]) != "tăng 48" || first["ten"] != "Người khuyết tật được hưởng trợ cấp hằng tháng" {
		t.Errorf("bo_sung_ds[0] = %v", first)
	}

	// Validate: parts sum; a zero denominator is a warning.
	r.Custom.counts[c.index["nkt_nang"]] = r.Custom.counts[c.index["nkt_nang"]].Add(r.Custom.counts[c.index["nkt_dac_biet_nang"]])
	var subjects []string
	for _, f := range r.Validate() {
		if strings.HasPrefix(f.Subject, "bo_sung") {
			subjects = append(subjects, f.Code+" "+f.Subject)
		}
	}
	if got := strings.Join(subjects, ", "); got != "sum-mismatch bo_sung.nguoi_khuyet_tat" {
		t.Errorf("Validate with broken parts: %s", got)
	}
}

// The province's own file states a figure its units' reports cannot sum.
func TestCustomFigureFromOwnFile(t *testing.T) {
	c := mustCatalog(t, customDir+"danh-muc.yaml")
	src, err := os.ReadFile("../testdata/province/binh-an-2024-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	own, err := Loader{Catalog: c}.LoadOwn(strings.NewReader(string(src)+"\nbo_sung:\n  diem_tu_van: 31\n"), "binh-an.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ro, err := ParentReport(own, loadCustomUnits(t, c, "2024-h1")...)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := ro.Report.Custom.Count("diem_tu_van"); !ok || got.Int64() != 31 {
		t.Errorf("diem_tu_van = %v, %v; want the own file's 31", got, ok)
	}
	if got, _ := ro.Report.Custom.Count("nguoi_khuyet_tat"); got.Int64() != 612 {
		t.Errorf("nguoi_khuyet_tat = %v; want the units' sum 612", got)
	}
}
