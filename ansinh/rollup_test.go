package ansinh_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
)

var (
	province = ansinh.Unit{Code: "30", Name: "Bình An", Level: "tỉnh"}
	h1y2024  = ansinh.Period{Year: 2024, Kind: ansinh.FirstHalf}
)

// communeYAML is a small complete period file; the {{…}} placeholders are replaced by
// unitFile.
const communeYAML = `
don_vi: {ma: "{{ma}}", ten: "{{ten}}", cap: xã, cap_tren: "{{cap_tren}}"}
ky: {nam: {{nam}}, loai: 6-thang-dau}
don_vi_tien: {{don_vi_tien}}
giam_ngheo:
  nam_ra_soat: {{nam_ra_soat}}
  dan_so: {so_ho: {{dan_so}}, nhan_khau: {{nhan_khau}}}
  ho_ngheo: {so_ho: {{ho_ngheo}}, nhan_khau: {{ho_ngheo_nk}}, ty_le_bao_cao: {{ho_ngheo_tl}}}
  ho_can_ngheo: {so_ho: 20, nhan_khau: 50}
  dtts_ngheo_can_ngheo: {so_ho: 0, nhan_khau: 0}
  ho_ngheo_phat_sinh: {so_ho: 1, nhan_khau: 2}
tin_dung:
  chuong_trinh:
{{chuong_trinh}}
bao_hiem:
  the_bhyt:
    - {ma: bao_tro, ten: BHYT bảo trợ, so_the: 12}
{{the_bhyt}}
  bhyt:
    ngay_uoc_tinh: {{ngay}}
    so_nguoi: {{bhyt}}
    cung_ky_nam_truoc: {{bhyt_nam_truoc}}
    ty_le_bao_phu: {{bao_phu}}
  bhxh:
    bat_buoc: 30
    tu_nguyen: {{tu_nguyen}}
    ty_le_luc_luong_lao_dong: {{bhxh_tl}}
lao_dong:
  dao_tao_nghe:
    phi_nong_nghiep: {so_lop: 1, hoc_vien: 30, kinh_phi: {{dao_tao_kp}}}
    nong_nghiep: {so_lop: 0, hoc_vien: 0, kinh_phi: 0}
  xuat_khau: {{xuat_khau}}
  ngay_hoi_viec_lam: {so_nguoi: 10}
  viec_lam_moi: {{viec_lam_moi}}
bao_tro_xa_hoi:
  tro_cap_thuong_xuyen: {luot: 72, kinh_phi: {{tro_cap_kp}}}
  mai_tang: {so_nguoi: 1, kinh_phi: 0}
  mua_bhyt: {so_nguoi: 12, kinh_phi: 0}
  mung_tho: {tron_100: 0, tron_90: 3}
  nha_o: []
  qua: []
giao_duc:
  ho_tro: []
tien_dien:
  ho_ngheo: {so_ho: {{ho_ngheo}}, kinh_phi: 0}
  chinh_sach: {luot_ho: 0, kinh_phi: 0}
`

var communeDefaults = map[string]string{
	"ma": "30001", "ten": "An Hòa", "cap_tren": "Bình An", "nam": "2024", "don_vi_tien": "triệu đồng",
	"nam_ra_soat": "2023", "dan_so": "100", "nhan_khau": "300", "ho_ngheo": "10", "ho_ngheo_nk": "25", "ho_ngheo_tl": "10",
	"chuong_trinh": "    - {ma: ho_ngheo, ten: Hộ nghèo, so_ho: 2, so_tien: 100}",
	"the_bhyt":     "", "ngay": "2024-06-30", "bhyt": "280", "bhyt_nam_truoc": "270",
	"bao_phu": "{co_so: 300, ke_hoach: 95}", "tu_nguyen": "10", "bhxh_tl": "{bao_cao: 7.2}",
	"dao_tao_kp": "45.5", "xuat_khau": "{so_nguoi: 2, chi_tieu: 4}", "viec_lam_moi": "{so_nguoi: 20, ke_hoach: 40}",
	"tro_cap_kp": "36",
}

// unitFile loads a commune file with the defaults replaced by kv (key, value, …).
func unitFile(t testing.TB, kv ...string) *ansinh.Report {
	t.Helper()
	vals := map[string]string{}
	for k, v := range communeDefaults {
		vals[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if _, ok := vals[kv[i]]; !ok {
			t.Fatalf("unitFile: unknown key %q", kv[i])
		}
		vals[kv[i]] = kv[i+1]
	}
	text := communeYAML
	for k, v := range vals {
		text = strings.ReplaceAll(text, "{{"+k+"}}", v)
	}
	r, err := ansinh.Load(strings.NewReader(text), vals["ma"]+".yaml")
	if err != nil {
		t.Fatalf("unitFile: %v\n%s", err, text)
	}
	if fs := r.Validate(); fs.HasErrors() {
		t.Fatalf("unitFile: %s", fs.Errors())
	}
	return r
}

func mustAggregate(t *testing.T, reports ...*ansinh.Report) *ansinh.Rollup {
	t.Helper()
	ro, err := ansinh.Aggregate(province, h1y2024, reports...)
	if err != nil {
		t.Fatal(err)
	}
	return ro
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// Three units, totals worked out by hand.
func TestAggregateHandSums(t *testing.T) {
	a := unitFile(t) // defaults, money in triệu đồng
	b := unitFile(t, "ma", "30002", "ten", "Bình Phú", "don_vi_tien", "nghìn đồng",
		"dan_so", "250", "nhan_khau", "800", "ho_ngheo", "7", "ho_ngheo_nk", "20", "ho_ngheo_tl", "2.8",
		"chuong_trinh", "    - {ma: ho_ngheo, ten: Hộ nghèo, so_ho: 3, so_tien: 150500.5}\n    - {ma: nuoc_sach, ten: Nước sạch, so_ho: 4, so_tien: 80000}",
		"bhyt", "700", "bhyt_nam_truoc", "710", "bao_phu", "{co_so: 800, ke_hoach: 95}", "tu_nguyen", "15",
		"dao_tao_kp", "12345", "tro_cap_kp", "36000", "ngay", "2024-06-25")
	c := unitFile(t, "ma", "30003", "ten", "Cát Tiên", "don_vi_tien", "tỷ đồng",
		"dan_so", "1000", "nhan_khau", "3500", "ho_ngheo", "100", "ho_ngheo_nk", "400", "ho_ngheo_tl", "10",
		"chuong_trinh", "    - {ma: hssv, ten: Học sinh sinh viên, so_ho: 5, so_tien: 0.25}\n    - {ma: ho_ngheo, ten: Hộ nghèo, so_ho: 1, so_tien: 0.05}",
		"the_bhyt", "    - {ma: tre_em, ten: Trẻ em, so_the: 40}",
		"bhyt", "3300", "bhyt_nam_truoc", "3100", "bao_phu", "{co_so: 3500, ke_hoach: 95}", "tu_nguyen", "5",
		"dao_tao_kp", "0.1", "tro_cap_kp", "0.036")
	ro := mustAggregate(t, a, b, c)
	r := ro.Report

	if r.Unit != province || r.Period != h1y2024 || r.MoneyUnit != ansinh.TrieuDong {
		t.Errorf("unit, period, money unit: %+v %v %v", r.Unit, r.Period, r.MoneyUnit)
	}
	counts := []struct {
		name string
		got  indicators.Count
		want int64
	}{
		{"dan_so.so_ho", r.Poverty.Population.Households, 100 + 250 + 1000},
		{"dan_so.nhan_khau", r.Poverty.Population.Persons, 300 + 800 + 3500},
		{"ho_ngheo.so_ho", r.Poverty.Poor.Households, 10 + 7 + 100},
		{"ho_ngheo.nhan_khau", r.Poverty.Poor.Persons, 25 + 20 + 400},
		{"ho_can_ngheo.so_ho", r.Poverty.NearPoor.Households, 3 * 20},
		{"bhyt.so_nguoi", r.Insurance.Health.Participants, 280 + 700 + 3300},
		{"bhyt.cung_ky_nam_truoc", r.Insurance.Health.PreviousYear, 270 + 710 + 3100},
		{"bhyt.ty_le_bao_phu.co_so", r.Insurance.Health.Coverage.Base, 300 + 800 + 3500},
		{"bhxh.tong", r.Insurance.Social.Total(), 3*30 + 10 + 15 + 5},
		{"the_bhyt", r.Insurance.TotalCards(), 3*12 + 40},
		{"tin_dung.tong_so_ho", r.Credit.TotalHouseholds(), 2 + 3 + 4 + 5 + 1},
		{"xuat_khau.chi_tieu", r.Labour.Abroad.Target, 3 * 4},
		{"viec_lam_moi.ke_hoach", r.Labour.NewJobs.Plan, 3 * 40},
		{"tien_dien.ho_ngheo.so_ho", r.Electricity.Poor.Households, 117},
	}
	for _, c := range counts {
		if c.got.Int64() != c.want {
			t.Errorf("%s = %s, want %d", c.name, c.got, c.want)
		}
	}
	// Money: 100 triệu + 150.500,5 nghìn + 0,05 tỷ = 100 + 150,5005 + 50 = 300,5005 triệu.
	money := []struct {
		name string
		got  indicators.Money
		want string
	}{
		{"tin_dung ho_ngheo", programme(t, r, "ho_ngheo").Amount, "300.5005"},
		{"tin_dung nuoc_sach", programme(t, r, "nuoc_sach").Amount, "80"},
		{"tin_dung hssv", programme(t, r, "hssv").Amount, "250"},
		{"tin_dung tong", r.Credit.TotalAmount(indicators.TrieuDong), "630.5005"},
		// 45,5 + 12,345 + 100 triệu.
		{"dao_tao_nghe kinh_phi", r.Labour.Training.Total().Cost, "157.845"},
		// 36 + 36 + 36 triệu.
		{"tro_cap kinh_phi", r.Assistance.Monthly.Cost, "108"},
	}
	for _, m := range money {
		if m.got.Unit() != indicators.TrieuDong || !m.got.Amount().Equal(dec(m.want)) {
			t.Errorf("%s = %s, want %s triệu đồng", m.name, m.got, m.want)
		}
	}
	if got := r.Insurance.Health.EstimateDate.String(); got != "30/6/2024" {
		t.Errorf("ngay_uoc_tinh = %s, want the latest, 30/6/2024", got)
	}
	// The parent's report is itself a valid report.
	if fs := r.Validate(); fs.HasErrors() {
		t.Errorf("rolled-up report has errors:\n%s", fs)
	}
	// The units' reported rates (10%, 2,8%, 10%) are dropped, the rate recomputed:
	// 117 / 1.350 = 8,666…% → 8,67%.
	rate, err := r.Poverty.Rate(r.Poverty.Poor)
	if err != nil || rate.IsReported() || rate.String() != "8,67%" {
		t.Errorf("ho_ngheo.ty_le = %v (reported %v), %v; want 8,67%% computed", rate, rate.IsReported(), err)
	}
	// BHYT coverage: 4.280 / 4.600 = 93,04%; the shared plan 95% is kept.
	cov, err := r.Insurance.Health.CoverageRate()
	if err != nil || cov.String() != "93,04%" || r.Insurance.Health.Coverage.PlanRate().String() != "95%" {
		t.Errorf("coverage = %v (plan %v), %v", cov, r.Insurance.Health.Coverage.PlanRate(), err)
	}
}

func programme(t *testing.T, r *ansinh.Report, code string) ansinh.LoanProgramme {
	t.Helper()
	p, ok := r.Credit.Programme(code)
	if !ok {
		t.Fatalf("no programme %q in %+v", code, r.Credit.Programmes)
	}
	return p
}

// Averaging the units' rates would print 5,05%; the province's rate is 11 / 1.100 = 1,00%.
func TestAggregateRecomputesRatesNeverAverages(t *testing.T) {
	small := unitFile(t, "dan_so", "100", "nhan_khau", "300", "ho_ngheo", "10", "ho_ngheo_nk", "30", "ho_ngheo_tl", "10")
	big := unitFile(t, "ma", "30002", "ten", "Bình Phú", "dan_so", "1000", "nhan_khau", "3000", "ho_ngheo", "1", "ho_ngheo_nk", "3", "ho_ngheo_tl", "0.1")
	ro := mustAggregate(t, small, big)
	got := ro.Data()["giam_ngheo"].(map[string]any)["ho_ngheo"].(map[string]any)["ty_le"].(indicators.Rate)

	average := indicators.FormatPercent(dec("10").Add(dec("0.1")).Div(dec("2")), 2)
	if average != "5,05%" {
		t.Fatalf("average of the units' rates = %s", average)
	}
	if got.String() != "1,00%" || got.String() == average {
		t.Errorf("province rate prints %s, want 1,00%% (11 / 1.100), not the average %s", got, average)
	}
	if got.Numerator().IntPart() != 11 || got.Denominator().IntPart() != 1100 {
		t.Errorf("rate is %s / %s, want 11 / 1100", got.Numerator(), got.Denominator())
	}
}

func TestAggregateMergesKeyedLists(t *testing.T) {
	a := unitFile(t, "chuong_trinh", "    - {ma: ho_ngheo, ten: Hộ nghèo, so_ho: 2, so_tien: 100}\n"+
		"    - {ma: nha_o, ten: Nhà ở, so_ho: 3, so_tien: 120, thanh_phan: {xay_moi: 2, sua_chua: 1}}")
	b := unitFile(t, "ma", "30002", "ten", "Bình Phú", "chuong_trinh",
		"    - {ma: nuoc_sach, ten: Nước sạch, so_ho: 5, so_tien: 50}\n"+
			"    - {ma: nha_o, ten: Hộ nghèo về nhà ở, so_ho: 4, so_tien: 160, thanh_phan: {xay_moi: 1, sua_chua: 3}}\n"+
			"    - {ma: ho_ngheo, ten: Hộ nghèo, so_ho: 1, so_tien: 40}")
	c := unitFile(t, "ma", "30003", "ten", "Cát Tiên", "chuong_trinh", "    []")
	r := mustAggregate(t, a, b, c).Report
	var got []string
	for _, p := range r.Credit.Programmes {
		got = append(got, p.Code+"="+p.Households.String()+"/"+p.Amount.Number())
	}
	// First-appearance order; nuoc_sach only in b, kept; the first unit's name kept.
	want := "ho_ngheo=3/140 nha_o=7/280 nuoc_sach=5/50"
	if strings.Join(got, " ") != want {
		t.Errorf("programmes = %s, want %s", strings.Join(got, " "), want)
	}
	nha := programme(t, r, "nha_o")
	if nha.Name != "Nhà ở" || nha.Parts["xay_moi"].Int64() != 3 || nha.Parts["sua_chua"].Int64() != 4 {
		t.Errorf("nha_o = %+v", nha)
	}
	if fs := r.Validate(); fs.HasErrors() {
		t.Errorf("merged parts do not add up: %s", fs)
	}
}

func findingsWith(fs ansinh.Findings, code, subject string) []indicators.Finding {
	var out []indicators.Finding
	for _, f := range fs {
		if f.Code == code && f.Subject == subject {
			out = append(out, f)
		}
	}
	return out
}

// A percentage with no base cannot be summed: it is left out, never averaged, and
// becomes a finding naming the units.
func TestAggregateReportedOnlyRateIsAFinding(t *testing.T) {
	a := unitFile(t, "bhxh_tl", "{bao_cao: 7.2}")
	b := unitFile(t, "ma", "30002", "ten", "Bình Phú", "bhxh_tl", "{bao_cao: 9.5}")
	ro := mustAggregate(t, a, b)
	share, err := ro.Report.Insurance.Social.ShareRate()
	if err == nil || share.IsValid() || share.String() != "" {
		t.Errorf("share = %q (valid %v), want left out", share, share.IsValid())
	}
	if got := ro.Data()["bao_hiem"].(map[string]any)["bhxh"].(map[string]any)["ty_le"].(indicators.Rate).String(); got != "" {
		t.Errorf("template prints %q for the share, want nothing (not the average 8,35%%)", got)
	}
	fs := findingsWith(ro.Findings, ansinh.CodeNotSummable, "bao_hiem.bhxh.ty_le_luc_luong_lao_dong")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "2/2") || !strings.Contains(fs[0].Message, "xã An Hòa, xã Bình Phú") ||
		!strings.Contains(fs[0].Message, "không lấy trung bình") {
		t.Errorf("findings = %v", ro.Findings)
	}

	// One unit with a base and one without: a partial base would be wrong, so it is left
	// out too.
	c := unitFile(t, "ma", "30003", "ten", "Cát Tiên", "bao_phu", "{bao_cao: 93.3, ke_hoach: 95}")
	ro = mustAggregate(t, a, c)
	if cov, _ := ro.Report.Insurance.Health.CoverageRate(); cov.IsValid() {
		t.Errorf("coverage = %v, want left out", cov)
	}
	if fs := findingsWith(ro.Findings, ansinh.CodeNotSummable, "bao_hiem.bhyt.ty_le_bao_phu"); len(fs) != 1 || !strings.Contains(fs[0].Message, "xã Cát Tiên") {
		t.Errorf("findings = %v", ro.Findings)
	}

	// Plans that differ, and a target only some units set.
	d := unitFile(t, "ma", "30004", "ten", "Đông Sơn", "bao_phu", "{co_so: 300, ke_hoach: 92}",
		"viec_lam_moi", "{so_nguoi: 20}", "xuat_khau", "{so_nguoi: 1, ty_le_bao_cao: 50}")
	ro = mustAggregate(t, a, d)
	if p := ro.Report.Insurance.Health.Coverage; p.Plan.Valid || p.Base.Int64() != 600 {
		t.Errorf("coverage = %+v, want base 600 and no plan", p)
	}
	if ro.Report.Labour.NewJobs.Plan.Int64() != 0 || ro.Report.Labour.Abroad.Target.Int64() != 0 {
		t.Errorf("partial targets summed: %+v %+v", ro.Report.Labour.NewJobs, ro.Report.Labour.Abroad)
	}
	for _, s := range []string{"bao_hiem.bhyt.ty_le_bao_phu.ke_hoach", "lao_dong.viec_lam_moi.ke_hoach", "lao_dong.xuat_khau.chi_tieu", "lao_dong.xuat_khau.ty_le_bao_cao"} {
		if len(findingsWith(ro.Findings, ansinh.CodeNotSummable, s)) != 1 {
			t.Errorf("no finding for %s in %v", s, ro.Findings)
		}
	}
}

func TestAggregateSurveyYearsDiffer(t *testing.T) {
	a := unitFile(t)
	b := unitFile(t, "ma", "30002", "ten", "Bình Phú", "nam_ra_soat", "2022")
	ro := mustAggregate(t, a, b)
	if ro.Report.Poverty.SurveyYear != 2023 || len(findingsWith(ro.Findings, ansinh.CodeUnitsDiffer, "giam_ngheo.nam_ra_soat")) != 1 {
		t.Errorf("survey year %d, findings %v", ro.Report.Poverty.SurveyYear, ro.Findings)
	}
}

func TestAggregatorErrors(t *testing.T) {
	a := unitFile(t)
	cases := []struct {
		name string
		r    *ansinh.Report
		want error
		msg  string
	}{
		{"another period", unitFile(t, "ma", "30002", "ten", "Bình Phú", "nam", "2023", "ngay", "2023-06-30"), ansinh.ErrPeriodMismatch, "6 tháng đầu năm 2023"},
		{"same code twice", unitFile(t, "ten", "An Hòa mới"), ansinh.ErrDuplicateUnit, "mã 30001"},
		{"same name without code", func() *ansinh.Report {
			r := unitFile(t, "ma", "")
			return r
		}(), nil, ""},
		{"another parent", unitFile(t, "ma", "30005", "ten", "Kim Sơn", "cap_tren", "Tây Sơn"), ansinh.ErrNotChild, `"Tây Sơn"`},
		{"no parent", unitFile(t, "ma", "30006", "ten", "Long Mỹ", "cap_tren", ""), ansinh.ErrNotChild, "tỉnh Bình An"},
		{"nil", nil, ansinh.ErrNilReport, ""},
	}
	agg := ansinh.NewAggregator(province, h1y2024)
	if err := agg.Add(a); err != nil {
		t.Fatal(err)
	}
	before := agg.Result()
	for _, c := range cases {
		err := agg.Add(c.r)
		if c.want == nil {
			// A unit without ma is keyed by level and name: a second one is a duplicate.
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if err := agg.Add(unitFile(t, "ma", "")); !errors.Is(err, ansinh.ErrDuplicateUnit) {
				t.Errorf("%s: second add: %v", c.name, err)
			}
			continue
		}
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: err = %v, want %v mentioning %s", c.name, err, c.want, c.msg)
		}
	}
	if agg.Len() != 2 {
		t.Errorf("Len = %d, want 2 (the refused units leave the totals alone)", agg.Len())
	}
	after := agg.Result()
	if got, want := after.Report.Poverty.Population.Households.Int64(), before.Report.Poverty.Population.Households.Int64()+100; got != want {
		t.Errorf("households = %d, want %d", got, want)
	}
	// Aggregate stops at the first error.
	if _, err := ansinh.Aggregate(province, h1y2024, a, a); !errors.Is(err, ansinh.ErrDuplicateUnit) {
		t.Errorf("Aggregate(a, a) = %v", err)
	}
	// The parent may be named by its full name.
	b := unitFile(t, "ma", "30007", "cap_tren", "tỉnh bình an")
	if _, err := ansinh.Aggregate(province, h1y2024, b); err != nil {
		t.Errorf("cap_tren by full name: %v", err)
	}
}

func TestAggregatorResultIsACopy(t *testing.T) {
	agg := ansinh.NewAggregator(province, h1y2024)
	if err := agg.Add(unitFile(t)); err != nil {
		t.Fatal(err)
	}
	first := agg.Result()
	if err := agg.Add(unitFile(t, "ma", "30002", "ten", "Bình Phú")); err != nil {
		t.Fatal(err)
	}
	if got := programme(t, first.Report, "ho_ngheo").Households.Int64(); got != 2 {
		t.Errorf("first result changed by a later Add: %d", got)
	}
	if got := programme(t, agg.Result().Report, "ho_ngheo").Households.Int64(); got != 4 {
		t.Errorf("second result: %d", got)
	}
	if empty := ansinh.NewAggregator(province, h1y2024).Result(); empty.Count != 0 || empty.Report.Unit != province {
		t.Errorf("empty result: %+v", empty)
	}
}

func TestAggregatorRows(t *testing.T) {
	agg := ansinh.NewAggregator(province, h1y2024)
	agg.MoneyUnit = indicators.NghinDong
	agg.RowPaths = []string{"giam_ngheo.ho_ngheo.so_ho", "giam_ngheo.ho_ngheo.ty_le", "tin_dung.tong_so_tien", "khong.co"}
	for _, r := range []*ansinh.Report{unitFile(t), unitFile(t, "ma", "30002", "ten", "Bình Phú", "ho_ngheo", "5", "ho_ngheo_tl", "5")} {
		if err := agg.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	ro := agg.Result()
	d := ro.Data()
	rows := d["don_vi_truc_thuoc"].([]any)
	if len(rows) != 2 || d["so_don_vi"].(indicators.Count).Int64() != 2 {
		t.Fatalf("rows = %v", rows)
	}
	row := rows[1].(map[string]any)
	poor := row["giam_ngheo"].(map[string]any)["ho_ngheo"].(map[string]any)
	if row["don_vi"].(map[string]any)["ten_day_du"] != "xã Bình Phú" || poor["so_ho"].(indicators.Count).Int64() != 5 ||
		poor["ty_le"].(indicators.Rate).String() != "5%" {
		t.Errorf("row = %v", row)
	}
	if m := row["tin_dung"].(map[string]any)["tong_so_tien"].(indicators.Money); m.String() != "100.000 nghìn đồng" {
		t.Errorf("row money = %s, want in the aggregator's unit", m)
	}
	if _, ok := row["khong"]; ok {
		t.Errorf("a path the data lacks is in the row")
	}
	if d["tin_dung"].(map[string]any)["tong_so_tien"].(indicators.Money).String() != "200.000 nghìn đồng" {
		t.Errorf("total money = %v", d["tin_dung"].(map[string]any)["tong_so_tien"])
	}
}
