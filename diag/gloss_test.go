package diag

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/ansinh-vn/baocao/ansinh"
)

// reGloss is an English gloss in parentheses, "(expected a mapping)", "(scalar)",
// "(unknown key)": what a clerk must never read.
var reGloss = regexp.MustCompile(`\(([a-z][a-z ,'-]+)\)`)

// badLoad is one bad input of the loader: a period file, a plan or a catalogue.
type badLoad struct {
	name string
	load func() error
}

// badLoads is every kind of problem the loader reports, from period files (the
// reference file mutated, and small files of their own), plans and catalogues.
func badLoads(t *testing.T) []badLoad {
	t.Helper()
	b, err := os.ReadFile("../testdata/tayson-2023-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ref := string(b)
	b, err = os.ReadFile("../testdata/province/ke-hoach-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	plan := string(b)
	mutate := func(src, old, new string) string {
		t.Helper()
		if !strings.Contains(src, old) {
			t.Fatalf("%q is not in the file", old)
		}
		return strings.Replace(src, old, new, 1)
	}
	var cases []badLoad
	period := func(name, src string) {
		cases = append(cases, badLoad{name, func() error { _, err := ansinh.Load(strings.NewReader(src), "ky.yaml"); return err }})
	}
	loader := func(name string, l ansinh.Loader, src string) {
		cases = append(cases, badLoad{name, func() error { _, err := l.Load(strings.NewReader(src), "ky.yaml"); return err }})
	}
	planFile := func(name, src string) {
		cases = append(cases, badLoad{name, func() error { _, err := ansinh.LoadPlan(strings.NewReader(src), "kh.yaml"); return err }})
	}
	catalog := func(name, src string) {
		cases = append(cases, badLoad{name, func() error { _, err := ansinh.LoadCatalog(strings.NewReader(src), "dm.yaml"); return err }})
	}

	// Whole files and YAML syntax.
	period("empty", "")
	period("comment only", "# nothing\n")
	period("scalar period and missing sections", "ky: 2025-H2\ndon_vi:\n  ten: xã A\n")
	period("two documents", ref+"---\nky: {nam: 2024}\n")
	period("anchor and alias", "don_vi: &a {ten: A}\nx: *a\n")
	period("tab", "don_vi:\n\tten: A\n")
	period("colon in a value", mutate(ref, "  ten: Tây Sơn", "  ten: Tây Sơn: huyện"))
	period("unclosed list", "don_vi: [a\n")
	period("unclosed mapping", "don_vi: {ten: a\n")
	period("unclosed quote", "don_vi:\n  ten: \"a\n")
	period("bad indentation", "don_vi:\n  ten: X\n  - a\n")
	period("invalid UTF-8", "don_vi:\n  ten: X\xff\n")
	period("control character", "don_vi:\n  ten: X\x01\n")
	period("unknown escape", "don_vi:\n  ten: \"a\\qb\"\n")
	period("reserved character", "don_vi:\n  ten: @x\n")
	period("deep nesting", strings.Repeat("[", 20000))
	period("key not a name", "? [a]\n: b\n")

	// Keys and shapes.
	period("unknown key", mutate(ref, "  cap_tren:", "  cap_tre:"))
	period("duplicate key", mutate(ref, "  cap_tren:", "  cap:"))
	period("empty section", mutate(ref, "  mung_tho: {tron_100: 19, tron_90: 158}", "  mung_tho:"))
	period("list for a mapping", mutate(ref, "mung_tho: {tron_100: 19, tron_90: 158}", "mung_tho: [19, 158]"))
	period("scalar for a list", mutate(ref, "  qua:\n", "  qua: 3\n  x_qua:\n"))
	period("mapping for text", mutate(ref, "  ten: Tây Sơn", "  ten: {a: 1}"))
	period("empty name", mutate(ref, "  ten: Tây Sơn", `  ten: ""`))
	period("paragraph not text", mutate(ref, "don_vi_tien: triệu đồng", "don_vi_tien: triệu đồng\ntuyen_truyen: [{a: 1}]\n"))
	period("references not a mapping", mutate(ref, "don_vi_tien: triệu đồng", "don_vi_tien: triệu đồng\ncan_cu_x: 1\n"))
	period("unknown money unit", mutate(ref, "don_vi_tien: triệu đồng", "don_vi_tien: triệu"))
	period("unknown period kind", mutate(ref, "loai: 6-thang-dau", "loai: 6-thang-giua"))
	period("year out of range", mutate(ref, "  nam: 2023\n", "  nam: 20233\n"))
	period("empty code", mutate(ref, "{ma: ho_ngheo, ten: Hộ nghèo,", `{ma: "", ten: Hộ nghèo,`))
	period("rate without a value", mutate(ref, "ty_le_bao_phu: {bao_cao: 94.79, ke_hoach: 95}", "ty_le_bao_phu: {}"))
	period("custom figures without a catalogue", ref+"\nbo_sung:\n  x: 1\n")

	// Numbers and dates.
	period("thousands dot in a count", mutate(ref, "so_ho: 38459", "so_ho: 38.459"))
	period("thousands comma in a count", mutate(ref, "so_ho: 38459", "so_ho: 38,459"))
	period("quoted count", mutate(ref, "so_ho: 38459", `so_ho: "38459"`))
	period("words for a count", mutate(ref, "so_ho: 38459", "so_ho: khoảng 38 nghìn"))
	period("negative count", mutate(ref, "so_ho: 38459", "so_ho: -38459"))
	period("fraction for a count", mutate(ref, "so_ho: 38459", "so_ho: 38459.5"))
	period("count too large", mutate(ref, "so_ho: 38459", "so_ho: 99999999999999999999"))
	period("number too long", mutate(ref, "so_ho: 38459", "so_ho: "+strings.Repeat("9", 50)))
	period("list for a count", mutate(ref, "so_ho: 38459", "so_ho: [1]"))
	period("missing count", mutate(ref, "so_ho: 38459", "so_ho:"))
	period("Vietnamese decimal", mutate(ref, "so_tien: 4627}", "so_tien: 4.627,5}"))
	period("ambiguous comma", mutate(ref, "so_tien: 4627}", "so_tien: 4,627}"))
	period("negative money", mutate(ref, "so_tien: 4627}", "so_tien: -4627}"))
	period("percent sign", mutate(ref, "bao_cao: 94.79,", "bao_cao: 94.79%,"))
	period("words for money", mutate(ref, "so_tien: 4627}", "so_tien: nhiều}"))
	period("decimal comma in a flow mapping", mutate(ref, "kinh_phi: 455.5}", "kinh_phi: 455,55}"))
	period("date not ISO", mutate(ref, "ngay_uoc_tinh: 2023-06-30", "ngay_uoc_tinh: 30/6/2023"))
	period("no such date", mutate(ref, "ngay: 2023-02-08", "ngay: 2023-02-30"))
	period("missing date", mutate(ref, "ngay_uoc_tinh: 2023-06-30", "ngay_uoc_tinh:"))
	period("list for a date", mutate(ref, "ngay_uoc_tinh: 2023-06-30", "ngay_uoc_tinh: [1]"))
	period("month out of range", mutate(ref, "thang: 6 ", "thang: 13 "))
	loader("thousands dot, strict", ansinh.Loader{Strict: true}, mutate(ref, "so_tien: 4627}", "so_tien: 4.627}"))
	loader("too many errors", ansinh.Loader{MaxErrors: 2}, "a: 1\nb: 2\nc: 3\n")
	loader("too large", ansinh.Loader{MaxFileSize: 10}, ref)
	cases = append(cases, badLoad{"a directory", func() error { _, err := ansinh.LoadFile(t.TempDir()); return err }})
	cases = append(cases, badLoad{"a symbolic link in a folder", func() error {
		dir := t.TempDir()
		if err := os.Symlink(os.DevNull, filepath.Join(dir, "a.yaml")); err != nil {
			t.Skip(err)
		}
		var errs []error
		ansinh.LoadDir(dir, func(_ string, _ *ansinh.Report, err error) error { errs = append(errs, err); return nil })
		return errors.Join(errs...)
	}})

	// Plans.
	planFile("plan: unknown figure", mutate(plan, "chi_so: lao_dong.viec_lam_moi.so_nguoi", "chi_so: lao_dong.viec_lam_moi.so_nguo"))
	planFile("plan: empty chi_so", mutate(plan, "chi_so: lao_dong.viec_lam_moi.so_nguoi", `chi_so: ""`))
	planFile("plan: zero target", mutate(plan, "ke_hoach: 3667", "ke_hoach: 0"))
	planFile("plan: duplicate ma", mutate(plan, "ma: xuat_khau_lao_dong", "ma: viec_lam_moi"))
	planFile("plan: thousands dot", mutate(plan, "ke_hoach: 95", "ke_hoach: 95.123"))
	planFile("plan: no targets", "don_vi: {ten: A, cap: xã}\nnam: 2024\nchi_tieu: []\n")
	planFile("plan: custom figure without a catalogue", mutate(plan, "chi_so: lao_dong.viec_lam_moi.so_nguoi", "chi_so: bo_sung.x"))
	planFile("plan: unknown money unit", mutate(plan, "don_vi_tien: triệu đồng", "don_vi_tien: triệu"))

	// Catalogues.
	const head = "chi_tieu:\n  - {ma: nkt, ten: Người khuyết tật, kieu: so_luong}\n  - {ma: tien, ten: Kinh phí, kieu: tien}\n"
	catalog("catalogue: duplicate ma", head+"  - {ma: nkt, ten: Lặp, kieu: so_luong}\n")
	catalog("catalogue: bad ma", head+"  - {ma: Người, ten: X, kieu: so_luong}\n")
	catalog("catalogue: unknown kieu", head+"  - {ma: x, ten: X, kieu: so}\n")
	catalog("catalogue: rate without mau_so", head+"  - {ma: x, ten: X, kieu: ty_le, tu_so: nkt}\n")
	catalog("catalogue: unknown path", head+"  - {ma: x, ten: X, kieu: ty_le, tu_so: nkt, mau_so: giam_ngheo.dan_so.nhan_khua}\n")
	catalog("catalogue: rate over money", head+"  - {ma: x, ten: X, kieu: ty_le, tu_so: tien, mau_so: nkt}\n")
	catalog("catalogue: rate over a rate", head+"  - {ma: x, ten: X, kieu: ty_le, tu_so: nkt, mau_so: giam_ngheo.dan_so.so_ho}\n  - {ma: y, ten: Y, kieu: ty_le, tu_so: nkt, mau_so: x}\n")
	catalog("catalogue: rate over a built-in rate", head+"  - {ma: x, ten: X, kieu: ty_le, tu_so: nkt, mau_so: giam_ngheo.ho_ngheo.ty_le}\n")
	catalog("catalogue: factor", head+"  - {ma: x, ten: X, kieu: ty_le, tu_so: nkt, mau_so: nkt, he_so: 500}\n")
	catalog("catalogue: rate with parts", head+"  - {ma: x, ten: X, kieu: ty_le, tu_so: nkt, mau_so: nkt, thanh_phan: [nkt]}\n")
	catalog("catalogue: unknown part", head+"  - {ma: x, ten: X, kieu: so_luong, thanh_phan: [nkt, nkk]}\n")
	catalog("catalogue: part of another kind", head+"  - {ma: x, ten: X, kieu: so_luong, thanh_phan: [tien]}\n")
	catalog("catalogue: cycle", "chi_tieu:\n  - {ma: a, ten: A, kieu: so_luong, thanh_phan: [b]}\n  - {ma: b, ten: B, kieu: so_luong, thanh_phan: [a]}\n")
	catalog("catalogue: not a boolean", head+"  - {ma: x, ten: X, kieu: so_luong, cong_don: khong}\n")
	catalog("catalogue: tu_so on a count", head+"  - {ma: x, ten: X, kieu: so_luong, tu_so: nkt}\n")
	catalog("catalogue: too large", strings.Repeat("#", ansinh.MaxCatalogSize+1))
	return cases
}

// TestLoadMessagesAreVietnamese: whatever the loader reports, the clerk's message (an
// Entry's Message, the LoadError's Msg) is Vietnamese with no English gloss in
// parentheses, and the English is in the LoadError's Detail.
func TestLoadMessagesAreVietnamese(t *testing.T) {
	for _, c := range badLoads(t) {
		t.Run(c.name, func(t *testing.T) {
			err := c.load()
			var les ansinh.LoadErrors
			if !errors.As(err, &les) {
				t.Fatalf("err = %v, want LoadErrors", err)
			}
			for _, e := range les {
				if e.Detail == "" || !isASCII(e.Detail) {
					t.Errorf("detail %q of %q is not English", e.Detail, e.Msg)
				}
			}
			es := FromError(err)
			if len(es) == 0 {
				t.Fatalf("no entries from %v", err)
			}
			for _, e := range es {
				if m := reGloss.FindStringSubmatch(e.Message); m != nil && !isKeyName(m[1]) {
					t.Errorf("message has an English gloss %s: %s", m[0], e.Message)
				}
				if !hasVietnamese(e.Message) {
					t.Errorf("message is not Vietnamese: %s", e.Message)
				}
				for _, le := range les {
					if e.Message == le.Msg && strings.Contains(e.Message, le.Detail) {
						t.Errorf("message carries the detail %q: %s", le.Detail, e.Message)
					}
				}
			}
		})
	}
}

// isKeyName reports whether s is a key of the files, "(ma)", which a message may give
// after its Vietnamese name.
func isKeyName(s string) bool {
	switch s {
	case "ma", "ten", "kieu", "nam", "loai":
		return true
	}
	return false
}

func isASCII(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// hasVietnamese reports whether s has a letter with a Vietnamese diacritic or đ.
func hasVietnamese(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
