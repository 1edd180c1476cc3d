package ansinh

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/indicators"
)

func mustCatalog(t testing.TB, path string) *Catalog {
	t.Helper()
	c, err := LoadCatalogFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoadCatalogSample(t *testing.T) {
	c := mustCatalog(t, "../testdata/custom/danh-muc.yaml")
	fs := c.Figures()
	if len(fs) != 8 {
		t.Fatalf("%d figures, want 8", len(fs))
	}
	f, ok := c.Figure("ty_le_nkt")
	if !ok || f.Kind != CustomRate || f.Numerator != "nguoi_khuyet_tat" || f.Denominator != "giam_ngheo.dan_so.nhan_khau" || f.Factor != 1000 {
		t.Errorf("ty_le_nkt = %+v", f)
	}
	f, _ = c.Figure("diem_tu_van")
	if !f.NotSummable || !f.NoPlan {
		t.Errorf("diem_tu_van = %+v", f)
	}
	f, _ = c.Figure("nguoi_khuyet_tat")
	if strings.Join(f.Parts, ",") != "nkt_nang,nkt_dac_biet_nang" || f.Group != "Bảo trợ xã hội" || f.UnitWord != "người" {
		t.Errorf("nguoi_khuyet_tat = %+v", f)
	}
}

// catalogErr loads a catalogue expected to fail and returns its errors.
func catalogErrs(t *testing.T, src string) LoadErrors {
	t.Helper()
	_, err := LoadCatalog(strings.NewReader(src), "dm.yaml")
	var es LoadErrors
	if !errors.As(err, &es) {
		t.Fatalf("err = %v, want LoadErrors", err)
	}
	return es
}

// wantErrAt checks that es has an error at line:col whose message (Vietnamese) or
// detail (English) contains want.
func wantErrAt(t *testing.T, es LoadErrors, line, col int, want string) {
	t.Helper()
	for _, e := range es {
		if e.Line == line && e.Column == col && (strings.Contains(e.Msg, want) || strings.Contains(e.Detail, want)) {
			return
		}
	}
	t.Errorf("no error at %d:%d containing %q in:\n%v", line, col, want, es)
}

func TestLoadCatalogErrors(t *testing.T) {
	const head = "chi_tieu:\n  - {ma: nkt, ten: Người khuyết tật, kieu: so_luong}\n  - {ma: tien, ten: Kinh phí, kieu: tien}\n"
	for _, tc := range []struct {
		name, src string
		line, col int
		want      string
	}{
		{"duplicate ma", head + "  - {ma: nkt, ten: Lặp, kieu: so_luong}\n", 4, 10, `mã "nkt" bị lặp, đã có ở dòng 2`},
		{"bad ma", head + "  - {ma: Người, ten: X, kieu: so_luong}\n", 4, 10, "tên viết liền không dấu"},
		{"unknown kieu", head + "  - {ma: x, ten: X, kieu: so}\n", 4, 27, `kiểu "so" không hợp lệ`},
		{"unknown key", head + "  - {ma: x, ten: X, kieu: so_luong, don_vi: người}\n", 4, 37, `"don_vi" không có trong mẫu`},
		{"rate without mau_so", head + "  - {ma: x, ten: X, kieu: ty_le, tu_so: nkt}\n", 4, 27, "cần tử số (tu_so) và mẫu số (mau_so)"},
		{"unknown path", head + "  - {ma: x, ten: X, kieu: ty_le, tu_so: nkt, mau_so: giam_ngheo.dan_so.nhan_khua}\n", 4, 5, "không phải là mã trong danh mục"},
		{"rate over money", head + "  - {ma: x, ten: X, kieu: ty_le, tu_so: tien, mau_so: nkt}\n", 4, 5, "là số tiền; tỷ lệ chỉ tính trên số lượng"},
		{"rate over rate", head + "  - {ma: x, ten: X, kieu: ty_le, tu_so: nkt, mau_so: giam_ngheo.dan_so.so_ho}\n  - {ma: y, ten: Y, kieu: ty_le, tu_so: nkt, mau_so: x}\n", 5, 5, "a rate over a rate"},
		{"rate over a built-in rate", head + "  - {ma: x, ten: X, kieu: ty_le, tu_so: nkt, mau_so: giam_ngheo.ho_ngheo.ty_le}\n", 4, 5, "không phải là một số lượng của báo cáo"},
		{"factor", head + "  - {ma: x, ten: X, kieu: ty_le, tu_so: nkt, mau_so: nkt, he_so: 10}\n", 4, 66, "out of range"},
		{"part unknown", head + "  - {ma: x, ten: X, kieu: so_luong, thanh_phan: [nkt, nkk]}\n", 4, 5, `thành phần "nkk" không có trong danh mục; có phải là "nkt"?`},
		{"part of another kind", head + "  - {ma: x, ten: X, kieu: so_luong, thanh_phan: [tien]}\n", 4, 5, "thành phần phải cùng kiểu"},
		{"cycle", "chi_tieu:\n  - {ma: a, ten: A, kieu: so_luong, thanh_phan: [b]}\n  - {ma: b, ten: B, kieu: so_luong, thanh_phan: [a]}\n", 2, 5, "vòng: a → b → a"},
		{"cong_don", head + "  - {ma: x, ten: X, kieu: so_luong, cong_don: khong}\n", 4, 47, "true hoặc false"},
		{"tu_so on a count", head + "  - {ma: x, ten: X, kieu: so_luong, tu_so: nkt}\n", 4, 27, "chỉ tỷ lệ (ty_le) mới có"},
		{"missing ten", head + "  - {ma: x, kieu: so_luong}\n", 4, 5, `thiếu khóa bắt buộc "ten"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantErrAt(t, catalogErrs(t, tc.src), tc.line, tc.col, tc.want)
		})
	}
}

const miniCatalog = `chi_tieu:
  - {ma: nguoi_khuyet_tat, ten: Người khuyết tật, kieu: so_luong, don_vi_tinh: người}
  - {ma: kinh_phi_nkt, ten: Kinh phí, kieu: tien}
  - {ma: ty_le_nkt, ten: Tỷ lệ, kieu: ty_le, tu_so: nguoi_khuyet_tat, mau_so: giam_ngheo.dan_so.nhan_khau}
`

// refWith is the reference period file with a bo_sung section appended.
func refWith(t *testing.T, bosung string) string {
	return readRef(t) + "\nbo_sung:\n" + bosung
}

func TestLoadBoSungErrors(t *testing.T) {
	c, err := LoadCatalog(strings.NewReader(miniCatalog), "dm.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, bosung string
		col          int
		want         string
	}{
		{"unknown ma", "  nguoi_khuyet_tac: 412\n", 3, `khóa "nguoi_khuyet_tac" không có trong mẫu; các khóa hợp lệ ở đây: nguoi_khuyet_tat, kinh_phi_nkt, ty_le_nkt; có phải là "nguoi_khuyet_tat"?`},
		{"fraction for a count", "  nguoi_khuyet_tat: 1.855\n", 21, "dấu chấm phân cách hàng nghìn"},
		{"decimal for a count", "  nguoi_khuyet_tat: 412.5\n", 21, "không phải là số nguyên"},
		{"negative count", "  nguoi_khuyet_tat: -3\n", 21, "số lượng -3 là số âm"},
		{"wrong kind", "  kinh_phi_nkt: {so_tien: 5}\n", 17, "số tiền phải là một số, nhưng đây là một nhóm khóa"},
		{"text for money", "  kinh_phi_nkt: nhiều\n", 17, `"nhiều" không phải là số`},
		{"typed rate", "  ty_le_nkt: 2.2\n", 14, `"ty_le_nkt" là tỷ lệ được tính`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := refWith(t, tc.bosung)
			line := strings.Count(src, "\n")
			_, err := Loader{Catalog: c}.Load(strings.NewReader(src), "ky.yaml")
			var es LoadErrors
			if !errors.As(err, &es) {
				t.Fatalf("err = %v", err)
			}
			wantErrAt(t, es, line, tc.col, tc.want)
		})
	}
	t.Run("no catalogue", func(t *testing.T) {
		src := refWith(t, "  nguoi_khuyet_tat: 412\n")
		line := strings.Count(src, "\n")
		_, err := Load(strings.NewReader(src), "ky.yaml")
		var es LoadErrors
		if !errors.As(err, &es) {
			t.Fatalf("err = %v", err)
		}
		wantErrAt(t, es, line, 3, "cần nạp kèm tệp danh mục chỉ tiêu bổ sung")
		wantErrAt(t, es, line, 3, "bo_sung needs a catalogue")
	})
}

func TestBoSungValues(t *testing.T) {
	c, err := LoadCatalog(strings.NewReader(miniCatalog), "dm.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Loader{Catalog: c}.Load(strings.NewReader(refWith(t, "  nguoi_khuyet_tat: 412\n  kinh_phi_nkt: 1234.5\n")), "ky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d := r.Data()
	bs := d["bo_sung"].(map[string]any)
	if got := fmt.Sprint(bs["nguoi_khuyet_tat"]); got != "412" {
		t.Errorf("bo_sung.nguoi_khuyet_tat = %s", got)
	}
	if got := fmt.Sprint(bs["kinh_phi_nkt"]); got != "1.234,5 triệu đồng" {
		t.Errorf("bo_sung.kinh_phi_nkt = %s", got)
	}
	// 412 persons of Tây Sơn's population
	if got := fmt.Sprint(bs["ty_le_nkt"]); got != "0,35%" {
		t.Errorf("bo_sung.ty_le_nkt = %s", got)
	}
	ds := d["bo_sung_ds"].([]any)
	if len(ds) != 3 || ds[0].(map[string]any)["ten"] != "Người khuyết tật" || ds[1].(map[string]any)["don_vi_tinh"] != "triệu đồng" {
		t.Errorf("bo_sung_ds = %v", ds)
	}
	if n := len(Findings(r.Validate()).Errors()); n != 0 {
		t.Errorf("Validate: %v", r.Validate())
	}
}

func TestValidateCustomRates(t *testing.T) {
	c, err := LoadCatalog(strings.NewReader(miniCatalog), "dm.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := &Report{Custom: NewCustomValues(c, indicators.TrieuDong)}
	if err := r.Custom.SetCount("nguoi_khuyet_tat", indicators.MustCount(412)); err != nil {
		t.Fatal(err)
	}
	if err := r.Custom.SetCount("kinh_phi_nkt", indicators.MustCount(1)); !errors.Is(err, ErrUnknownCustomFigure) {
		t.Errorf("SetCount on money: %v", err)
	}
	find := func(fs Findings) string {
		var out []string
		for _, f := range fs {
			if strings.HasPrefix(f.Subject, CustomPrefix) {
				out = append(out, f.Code+" "+f.Subject+": "+f.Message)
			}
		}
		return strings.Join(out, "\n")
	}
	// No population: the rate cannot be computed.
	if got := find(r.Validate()); !strings.HasPrefix(got, indicators.CodeZeroDenominator+" bo_sung.ty_le_nkt: Không tính được tỷ lệ bo_sung.ty_le_nkt: mẫu số giam_ngheo.dan_so.nhan_khau bằng 0.") {
		t.Errorf("zero denominator: %s", got)
	}
	if rate := r.CustomRate("ty_le_nkt"); rate.IsValid() {
		t.Errorf("rate over zero: %v", rate)
	}
	// More people with disabilities than inhabitants.
	r.Poverty.Population.Persons = indicators.MustCount(400)
	if got := find(r.Validate()); !strings.Contains(got, "Tỷ lệ: tử số nguoi_khuyet_tat (412) lớn hơn mẫu số giam_ngheo.dan_so.nhan_khau (400)") {
		t.Errorf("numerator over denominator: %s", got)
	}
	r.Poverty.Population.Persons = indicators.MustCount(41200)
	if got := find(r.Validate()); got != "" {
		t.Errorf("a valid rate: %s", got)
	}
	if got := r.CustomRate("ty_le_nkt").String(); got != "1,00%" {
		t.Errorf("CustomRate = %s", got)
	}
}

// The errors of custom figures carry their kinds.
func TestCustomErrorKinds(t *testing.T) {
	_, err := LoadCatalog(strings.NewReader("chi_tieu:\n  - {ma: t, ten: T, kieu: tien}\n  - {ma: r, ten: R, kieu: ty_le, tu_so: t, mau_so: giam_ngheo.dan_so.so_ho}\n  - {ma: t, ten: T, kieu: tien}\n"), "dm.yaml")
	if !errors.Is(err, ErrDuplicateKey) {
		t.Errorf("duplicate ma: %v", err)
	}
	_, err = LoadCatalog(strings.NewReader("chi_tieu:\n  - {ma: t, ten: T, kieu: tien}\n  - {ma: r, ten: R, kieu: ty_le, tu_so: t, mau_so: giam_ngheo.dan_so.so_ho}\n"), "dm.yaml")
	if !errors.Is(err, ErrCatalog) {
		t.Errorf("rate over money: %v", err)
	}
	_, err = Load(strings.NewReader(refWith(t, "  x: 1\n")), "ky.yaml")
	if !errors.Is(err, ErrNoCatalog) {
		t.Errorf("bo_sung without a catalogue: %v", err)
	}
	_, err = LoadPlan(strings.NewReader("don_vi: {ten: X, cap: xã}\nnam: 2024\nchi_tieu:\n  - {ma: a, chi_so: bo_sung.x, ke_hoach: 5}\n"), "kh.yaml")
	if !errors.Is(err, ErrNoCatalog) {
		t.Errorf("plan without a catalogue: %v", err)
	}
	c, err := LoadCatalog(strings.NewReader(miniCatalog), "dm.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Loader{Catalog: c}.LoadPlan(strings.NewReader("don_vi: {ten: X, cap: xã}\nnam: 2024\nchi_tieu:\n  - {ma: a, chi_so: bo_sung.nguoi_khuyet_ta, ke_hoach: 5}\n"), "kh.yaml")
	var es LoadErrors
	if !errors.As(err, &es) || !errors.Is(err, ErrUnknownKey) {
		t.Fatalf("unknown custom figure in a plan: %v", err)
	}
	wantErrAt(t, es, 4, 21, `chỉ tiêu "nguoi_khuyet_ta" không có trong danh mục chỉ tiêu bổ sung; có phải là "nguoi_khuyet_tat"?`)
}
