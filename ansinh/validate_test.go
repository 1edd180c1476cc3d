package ansinh

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/indicators"
)

// On the reference data Validate reports exactly the two known inconsistencies, as
// warnings, and nothing else.
func TestValidateReference(t *testing.T) {
	fs := loadRef(t).Validate()
	if len(fs) != 2 {
		t.Fatalf("got %d findings, want 2:\n%s", len(fs), fs)
	}
	want := []struct {
		code, subject string
		msg           []string
	}{
		{indicators.CodeRateMismatch, "giam_ngheo.ho_ngheo_phat_sinh.ty_le", []string{"0,01%", "1 / 38.459", "0,0026%"}},
		{indicators.CodeAttainmentMismatch, "lao_dong.xuat_khau.ty_le", []string{"68,05%", "49 / 72", "68,06%"}},
	}
	for i, w := range want {
		f := fs[i]
		if f.Severity != indicators.Warning || f.Code != w.code || f.Subject != w.subject {
			t.Errorf("finding %d = %v (%s), want warning %s on %s", i, f, f.Code, w.code, w.subject)
		}
		for _, m := range w.msg {
			if !strings.Contains(f.Message, m) {
				t.Errorf("finding %d message %q lacks %q", i, f.Message, m)
			}
		}
	}
	if fs.HasErrors() || len(fs.Warnings()) != 2 || len(fs.Errors()) != 0 {
		t.Error("HasErrors/Warnings/Errors disagree")
	}
}

// Each broken model gives the expected finding.
func TestValidateRules(t *testing.T) {
	d := decimal.RequireFromString
	count := indicators.MustCount
	cases := []struct {
		name    string
		edit    func(r *Report)
		sev     indicators.Severity
		code    string
		subject string
		msg     string
	}{
		{"loan parts do not sum", func(r *Report) { r.Credit.Programmes[10].Parts["chuyen_doi_nghe"] = count(8) },
			indicators.Error, indicators.CodeSumMismatch, "tin_dung.chuong_trinh[dtts_nha_o_chuyen_nghe].thanh_phan", "= 60"},
		{"stated BHXH total", func(r *Report) { c := count(6696); r.Insurance.Social.StatedTotal = &c },
			indicators.Error, indicators.CodeSumMismatch, "bao_hiem.bhxh.tong", "5.484 + 1.211 = 6.695"},
		{"stated training cost", func(r *Report) {
			tot := r.Labour.Training.Total()
			tot.Cost = indicators.NewMoney(d("568.2"), indicators.TrieuDong)
			r.Labour.Training.StatedTotal = &tot
		}, indicators.Error, indicators.CodeSumMismatch, "lao_dong.dao_tao_nghe.tong.kinh_phi", "455,5 + 112,6 = 568,1"},
		{"stated training learners", func(r *Report) {
			tot := r.Labour.Training.Total()
			tot.Learners = count(231)
			r.Labour.Training.StatedTotal = &tot
		}, indicators.Error, indicators.CodeSumMismatch, "lao_dong.dao_tao_nghe.tong.hoc_vien", "180 + 50 = 230"},
		{"electricity poor households", func(r *Report) { r.Electricity.Poor.Households = count(1850) },
			indicators.Error, CodeCrossSectionMismatch, "tien_dien.ho_ngheo.so_ho", "1.850 hộ nghèo"},
		{"BHYT cards for beneficiaries", func(r *Report) { r.Assistance.HealthCards.Persons = count(6170) },
			indicators.Error, CodeCrossSectionMismatch, "bao_tro_xa_hoi.mua_bhyt.so_nguoi", "6.176 thẻ"},
		{"poor above population", func(r *Report) { r.Poverty.NearPoor.Households = count(38460) },
			indicators.Error, indicators.CodePartExceedsTotal, "giam_ngheo.ho_can_ngheo.so_ho", "(38.460) lớn hơn tổng số hộ dân cư"},
		{"poor plus near-poor above population", func(r *Report) { r.Poverty.NearPoor.Households = count(37000) },
			indicators.Error, indicators.CodePartExceedsTotal, "giam_ngheo.ho_ngheo+ho_can_ngheo.so_ho", "38.855"},
		{"ethnic minority above poor and near-poor", func(r *Report) { r.Poverty.EthnicMinority.Households = count(5187) },
			indicators.Error, indicators.CodePartExceedsTotal, "giam_ngheo.dtts_ngheo_can_ngheo.so_ho", "5.186"},
		{"persons below households", func(r *Report) { r.Poverty.NewPoor.Persons = count(0) },
			indicators.Error, CodePersonsBelowHouses, "giam_ngheo.ho_ngheo_phat_sinh", "ít nhất một nhân khẩu"},
		{"no population", func(r *Report) { r.Poverty.Population = HouseholdCount{} },
			indicators.Error, indicators.CodeZeroDenominator, "giam_ngheo.dan_so.so_ho", "không tính được"},
		{"printed poor rate", func(r *Report) { r.Poverty.Poor.ReportedRate = decimal.NewNullDecimal(d("4.83")) },
			indicators.Warning, indicators.CodeRateMismatch, "giam_ngheo.ho_ngheo.ty_le", "4,83%"},
		{"coverage with its base", func(r *Report) { r.Insurance.Health.Coverage.Base = r.Poverty.Population.Persons },
			indicators.Warning, indicators.CodeRateMismatch, "bao_hiem.bhyt.ty_le_bao_phu", "93,25%"},
		{"coverage above 100", func(r *Report) { r.Insurance.Health.Coverage.Plan = decimal.NewNullDecimal(d("105")) },
			indicators.Warning, CodeRateOver100, "bao_hiem.bhyt.ty_le_bao_phu.ke_hoach", "105%"},
		{"BHYT above population", func(r *Report) { r.Insurance.Health.Participants = count(120000) },
			indicators.Warning, indicators.CodePartExceedsTotal, "bao_hiem.bhyt.so_nguoi", "120.000"},
		{"estimate outside the period", func(r *Report) {
			r.Insurance.Health.EstimateDate, _ = indicators.NewDate(2023, 7, 31)
		}, indicators.Warning, CodeDateOutsidePeriod, "bao_hiem.bhyt.ngay_uoc_tinh", "31/7/2023"},
		{"printed jobs attainment", func(r *Report) { r.Labour.NewJobs.ReportedRate = decimal.NewNullDecimal(d("55.56")) },
			indicators.Warning, indicators.CodeAttainmentMismatch, "lao_dong.viec_lam_moi.ty_le", "55,56%"},
		{"duplicate code", func(r *Report) { r.Education.Support[1].Code = "mien_giam_hoc_phi" },
			indicators.Error, CodeDuplicateKey, "giao_duc.ho_tro[mien_giam_hoc_phi]", "hai lần"},
		{"missing code", func(r *Report) { r.Insurance.Cards[2].Code = "" },
			indicators.Error, CodeMissingKey, "bao_hiem.the_bhyt[2]", "chưa có mã"},
		{"negative money", func(r *Report) { r.Assistance.Gifts[0].Amount = indicators.NewMoney(d("-6"), indicators.TrieuDong) },
			indicators.Error, CodeNegative, "bao_tro_xa_hoi.qua[nkt_kho_khan].so_tien", "-6"},
		{"negative rate", func(r *Report) { r.Labour.Abroad.ReportedRate = decimal.NewNullDecimal(d("-1")) },
			indicators.Error, CodeNegative, "lao_dong.xuat_khau.ty_le_bao_cao", "-1%"},
		{"unknown period kind", func(r *Report) { r.Period.Kind = "6-thang" },
			indicators.Error, CodeInvalidPeriod, "ky.loai", `"6-thang"`},
		{"year out of range", func(r *Report) { r.Period.Year = 203 },
			indicators.Error, CodeInvalidPeriod, "ky.nam", "203"},
		{"no unit name", func(r *Report) { r.Unit.Name = "" },
			indicators.Error, CodeMissingUnit, "don_vi.ten", "tên đơn vị"},
		{"targets item out of range", func(r *Report) { r.Tasks.TargetsItem = 9 },
			indicators.Error, CodeInvalidValue, "nhiem_vu.chi_tieu_o_muc", "có 7 mục"},
		{"month 13", func(r *Report) { r.Document.Month = 13 },
			indicators.Error, CodeInvalidValue, "van_ban.thang", "13"},
		{"document dated before the period", func(r *Report) { r.Document.Date, _ = indicators.NewDate(2022, 12, 31) },
			indicators.Warning, CodeDateOutsidePeriod, "van_ban.ngay", "31/12/2022"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := loadRef(t)
			c.edit(r)
			fs := r.Validate()
			var got *indicators.Finding
			for i := range fs {
				if fs[i].Subject == c.subject && fs[i].Code == c.code {
					got = &fs[i]
				}
			}
			if got == nil {
				t.Fatalf("no %s on %s; got:\n%s", c.code, c.subject, fs)
			}
			if got.Severity != c.sev {
				t.Errorf("severity %v, want %v", got.Severity, c.sev)
			}
			if !strings.Contains(got.Message, c.msg) {
				t.Errorf("message %q lacks %q", got.Message, c.msg)
			}
			if c.sev == indicators.Error && !fs.HasErrors() {
				t.Error("HasErrors false")
			}
		})
	}
}

// A report built from zero values does not panic; it reports what is missing.
func TestValidateZeroReport(t *testing.T) {
	fs := (&Report{}).Validate()
	codes := map[string]bool{}
	for _, f := range fs {
		codes[f.Code] = true
	}
	for _, c := range []string{CodeMissingUnit, CodeInvalidPeriod, indicators.CodeZeroDenominator} {
		if !codes[c] {
			t.Errorf("no %s in\n%s", c, fs)
		}
	}
	_ = (&Report{}).Data()
}
