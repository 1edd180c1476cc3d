package ansinh

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/indicators"
)

// Finding codes used by Validate besides those of package indicators ("rate-mismatch",
// "sum-mismatch", "part-exceeds-total", "attainment-mismatch", "zero-denominator").
const (
	CodeMissingUnit          = "missing-unit"             // unit name or level empty
	CodeInvalidPeriod        = "invalid-period"           // unknown period kind or year out of range
	CodeMissingKey           = "missing-key"              // a keyed list item without ma
	CodeDuplicateKey         = "duplicate-key"            // two items of a keyed list with the same ma
	CodeNegative             = "negative"                 // a negative amount or percentage
	CodePersonsBelowHouses   = "persons-below-households" // fewer persons than households
	CodeCrossSectionMismatch = "cross-section-mismatch"   // the same figure differs between two sections
	CodeRateOver100          = "rate-over-100"            // a coverage or share above 100%
	CodeDateOutsidePeriod    = "date-outside-period"      // an estimate or document date outside the period
	CodeInvalidValue         = "invalid-value"            // a value outside its range (month 13, item 9 of 7)
	CodeOverflow             = "overflow"                 // a total beyond the largest count (9,2 × 10^18)
)

// Findings is the result of Validate: every finding, errors and warnings, in section order.
type Findings []indicators.Finding

// HasErrors reports whether any finding is an error (a warning does not stop a report).
func (fs Findings) HasErrors() bool {
	for _, f := range fs {
		if f.Severity == indicators.Error {
			return true
		}
	}
	return false
}

// Errors returns the findings of severity Error.
func (fs Findings) Errors() Findings { return fs.filter(indicators.Error) }

// Warnings returns the findings of severity Warning.
func (fs Findings) Warnings() Findings { return fs.filter(indicators.Warning) }

func (fs Findings) filter(s indicators.Severity) Findings {
	var out Findings
	for _, f := range fs {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// ErrInvalidReport is the kind of the error [Findings.Err] returns: the report has
// findings of severity Error. Test for it with errors.Is.
var ErrInvalidReport = errors.New("ansinh: the report has errors")

// Err returns nil when no finding is an error (warnings do not stop a report), else a
// [*FindingsError] holding the findings, which errors.Is matches to [ErrInvalidReport]:
//
//	if err := report.Validate().Err(); err != nil {
//		return fmt.Errorf("%s: %w", path, err)
//	}
func (fs Findings) Err() error {
	if !fs.HasErrors() {
		return nil
	}
	return &FindingsError{Findings: fs}
}

// FindingsError is a report's findings as an error: [Findings.Err] returns one when at
// least one finding is an error. Findings holds them all, warnings included.
type FindingsError struct {
	Findings Findings
}

// Error lists the findings of severity Error, one per line (the warnings stay in
// Findings).
func (e *FindingsError) Error() string { return e.Findings.Errors().String() }

// Is reports whether target is [ErrInvalidReport].
func (e *FindingsError) Is(target error) bool { return target == ErrInvalidReport }

// String lists the findings one per line.
func (fs Findings) String() string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = f.String()
	}
	return strings.Join(s, "\n")
}

// Validate checks the report and returns every finding. The rules, by section:
//
//   - don_vi, ky: unit name and level present; period kind known, year in range.
//   - every amount (money) and stated percentage non-negative; counts are non-negative
//     by construction (indicators.Count).
//   - keyed lists (chuong_trinh, the_bhyt, nha_o, qua, ho_tro): every item has a ma, no
//     ma twice (roll-ups merge by it).
//   - giam_ngheo: each group's rate against dan_so.so_ho is computable; a printed rate
//     (ty_le_bao_cao) agrees with the recomputed one (warning); each group's households
//     and persons do not exceed the population's; poor plus near-poor households do not
//     exceed the population; the ethnic-minority poor and near-poor do not exceed poor
//     plus near-poor; no group has fewer persons than households.
//   - tin_dung: the parts of a programme (thanh_phan) sum to its households.
//   - bao_hiem: bhxh.tong, when stated, equals bat_buoc + tu_nguyen; a coverage or share
//     with a base agrees with its printed value (warning); printed and planned coverage
//     and share at most 100% (warning); BHYT participants at most the population
//     (warning); the BHYT estimate date lies in the period (warning).
//   - lao_dong: dao_tao_nghe.tong, when stated, equals the sum of the two kinds; a printed
//     attainment of xuat_khau and viec_lam_moi agrees with actual / target (warning).
//   - rates that cannot be computed: a coverage or share with neither a base (co_so) nor
//     a printed value (bao_cao), xuat_khau without chi_tieu and viec_lam_moi without
//     ke_hoach (or with 0) and no printed attainment (warning, zero-denominator): the
//     data tree holds an invalid Rate there, which a template must test with IsValid.
//   - cross-section: tien_dien.ho_ngheo.so_ho equals giam_ngheo.ho_ngheo.so_ho;
//     bao_tro_xa_hoi.mua_bhyt.so_nguoi equals the the_bhyt group "bao_tro".
//   - van_ban: month 0–12; the document date not before the period starts (warning).
//   - nhiem_vu: chi_tieu_o_muc names an existing item (or is 0).
//
// Broken sums and equalities are errors; printed figures that disagree with their own
// inputs are warnings, so the clerk sees them without the report being refused. On the
// Tây Sơn 2023 H1 reference data Validate reports exactly two warnings: the new-poor
// rate (0,01% printed, 0,0026% computed) and the workers-abroad attainment (68,05%
// printed, 68,06% computed).
func (r *Report) Validate() Findings {
	v := &validator{}
	v.add(r.loaded...)
	v.unitAndPeriod(r)
	v.negatives(r)
	v.totals(r)
	v.keys(r)
	v.poverty(r)
	v.credit(r)
	v.insurance(r)
	v.labour(r)
	v.custom(r)
	v.crossSections(r)
	v.document(r)
	v.tasks(r)
	return v.fs
}

type validator struct{ fs Findings }

func (v *validator) add(fs ...indicators.Finding) { v.fs = append(v.fs, fs...) }

func (v *validator) errorf(code, subject string, figs []decimal.Decimal, format string, args ...any) {
	v.fs = append(v.fs, indicators.Finding{Severity: indicators.Error, Code: code, Subject: subject,
		Message: fmt.Sprintf(format, args...), Figures: figs})
}

func (v *validator) warnf(code, subject string, figs []decimal.Decimal, format string, args ...any) {
	v.fs = append(v.fs, indicators.Finding{Severity: indicators.Warning, Code: code, Subject: subject,
		Message: fmt.Sprintf(format, args...), Figures: figs})
}

func dec(cs ...indicators.Count) []decimal.Decimal {
	out := make([]decimal.Decimal, len(cs))
	for i, c := range cs {
		out[i] = c.Decimal()
	}
	return out
}

func (v *validator) unitAndPeriod(r *Report) {
	if strings.TrimSpace(r.Unit.Name) == "" {
		v.errorf(CodeMissingUnit, "don_vi.ten", nil, "Chưa có tên đơn vị báo cáo.")
	}
	if strings.TrimSpace(r.Unit.Level) == "" {
		v.errorf(CodeMissingUnit, "don_vi.cap", nil, "Chưa có cấp của đơn vị (xã, huyện, tỉnh …).")
	}
	if !r.Period.Kind.Valid() {
		v.errorf(CodeInvalidPeriod, "ky.loai", nil, "Loại kỳ %q không hợp lệ; dùng một trong: %s.", string(r.Period.Kind), kindList())
	}
	if r.Period.Year < MinYear || r.Period.Year > MaxYear {
		v.errorf(CodeInvalidPeriod, "ky.nam", []decimal.Decimal{decimal.NewFromInt(int64(r.Period.Year))},
			"Năm %d nằm ngoài khoảng %d–%d.", r.Period.Year, MinYear, MaxYear)
	}
}

// negatives checks every money amount and stated percentage of the description.
func (v *validator) negatives(r *Report) {
	money := func(subject string, m indicators.Money) {
		if m.Amount().IsNegative() {
			v.errorf(CodeNegative, subject, []decimal.Decimal{m.Amount()}, "Số tiền %s là số âm.", m)
		}
	}
	pct := func(subject string, d decimal.NullDecimal) {
		if d.Valid && d.Decimal.IsNegative() {
			v.errorf(CodeNegative, subject, []decimal.Decimal{d.Decimal}, "Tỷ lệ %s%% là số âm.", indicators.FormatNumber(d.Decimal, -1))
		}
	}
	t := r.figures()
	for i := range t.all {
		f := &t.all[i]
		switch f.kind {
		case figMoney:
			if m := f.money(r); m != nil {
				money(f.path, *m)
			}
		case figPercent:
			pct(f.path, *f.percent(r))
		case figRateFigure:
			pct(f.path+".bao_cao", f.rate(r).Reported)
			pct(f.path+".ke_hoach", f.rate(r).Plan)
		case figList:
			f.list.amounts(r, func(code, key string, m indicators.Money) { money(item(f.path, code)+"."+key, m) })
		}
	}
}

// totals reports every total of the description beyond the largest count: Data
// refuses to print it.
func (v *validator) totals(r *Report) {
	t := r.figures()
	for i := range t.all {
		if f := &t.all[i]; f.kind == figTotal {
			if _, ok := f.total(r); !ok {
				v.errorf(CodeOverflow, f.path, nil, "Tổng %s vượt quá số lớn nhất tính được (%s); kiểm tra lại các số liệu cộng vào tổng này.",
					f.path, largestCount())
			}
		}
	}
}

// item names a keyed list item in a finding subject: tin_dung.chuong_trinh[hssv].
func item(list, code string) string { return list + "[" + code + "]" }

func (v *validator) keys(r *Report) {
	check := func(list string, codes []string) {
		first := map[string]int{}
		for i, c := range codes {
			if strings.TrimSpace(c) == "" {
				v.errorf(CodeMissingKey, fmt.Sprintf("%s[%d]", list, i), nil,
					"Mục thứ %d của %s chưa có mã (ma); mã dùng để cộng gộp các đơn vị.", i+1, list)
				continue
			}
			if j, dup := first[c]; dup {
				v.errorf(CodeDuplicateKey, item(list, c), nil,
					"Mã %q xuất hiện hai lần trong %s (mục thứ %d và %d).", c, list, j+1, i+1)
				continue
			}
			first[c] = i
		}
	}
	t := r.figures()
	for i := range t.all {
		if f := &t.all[i]; f.kind == figList {
			check(f.path, f.list.codes(r))
		}
	}
}

func (v *validator) poverty(r *Report) {
	p := r.Poverty
	pop := p.Population
	if pop.Persons.Int64() < pop.Households.Int64() {
		v.errorf(CodePersonsBelowHouses, "giam_ngheo.dan_so", dec(pop.Households, pop.Persons),
			"Dân số có %s hộ nhưng chỉ %s nhân khẩu; mỗi hộ có ít nhất một nhân khẩu.", pop.Households, pop.Persons)
	}
	groups := []struct {
		key, name string
		g         PovertyGroup
	}{
		{"ho_ngheo", "hộ nghèo", p.Poor},
		{"ho_can_ngheo", "hộ cận nghèo", p.NearPoor},
		{"dtts_ngheo_can_ngheo", "hộ nghèo, cận nghèo DTTS", p.EthnicMinority},
		{"ho_ngheo_phat_sinh", "hộ nghèo phát sinh", p.NewPoor},
	}
	if pop.Households.IsZero() {
		v.errorf(indicators.CodeZeroDenominator, "giam_ngheo.dan_so.so_ho", nil,
			"Tổng số hộ dân cư bằng 0: không tính được tỷ lệ hộ nghèo, cận nghèo.")
	}
	for _, g := range groups {
		base := "giam_ngheo." + g.key
		if !pop.Households.IsZero() {
			if rate, err := p.Rate(g.g); err == nil {
				v.add(indicators.CheckRate(base+".ty_le", rate)...)
			}
		}
		v.part(base+".so_ho", "Số "+g.name, g.g.Households, "tổng số hộ dân cư (dan_so.so_ho)", pop.Households)
		v.part(base+".nhan_khau", "Số nhân khẩu "+g.name, g.g.Persons, "tổng số nhân khẩu (dan_so.nhan_khau)", pop.Persons)
		if g.g.Persons.Int64() < g.g.Households.Int64() {
			v.errorf(CodePersonsBelowHouses, base, dec(g.g.Households, g.g.Persons),
				"Có %s %s nhưng chỉ %s nhân khẩu; mỗi hộ có ít nhất một nhân khẩu.", g.g.Households, g.name, g.g.Persons)
		}
	}
	both, _ := sumCounts(p.Poor.Households, p.NearPoor.Households)
	v.part("giam_ngheo.ho_ngheo+ho_can_ngheo.so_ho", "Số hộ nghèo cộng hộ cận nghèo", both,
		"tổng số hộ dân cư (dan_so.so_ho)", pop.Households)
	v.part("giam_ngheo.dtts_ngheo_can_ngheo.so_ho", "Số hộ nghèo, cận nghèo DTTS", p.EthnicMinority.Households,
		"số hộ nghèo cộng hộ cận nghèo", both)
	v.part("giam_ngheo.dtts_ngheo_can_ngheo.nhan_khau", "Số nhân khẩu hộ nghèo, cận nghèo DTTS", p.EthnicMinority.Persons,
		"nhân khẩu hộ nghèo cộng hộ cận nghèo", mustSum(p.Poor.Persons, p.NearPoor.Persons))
}

// part reports an error when part exceeds total, naming both for the clerk.
func (v *validator) part(subject, partName string, part indicators.Count, totalName string, total indicators.Count) {
	if part.Int64() <= total.Int64() {
		return
	}
	v.errorf(indicators.CodePartExceedsTotal, subject, dec(part, total),
		"%s (%s) lớn hơn %s (%s).", partName, part, totalName, total)
}

func (v *validator) credit(r *Report) {
	for _, p := range r.Credit.Programmes {
		if len(p.Parts) == 0 {
			continue
		}
		names := make([]string, 0, len(p.Parts))
		for k := range p.Parts {
			names = append(names, k)
		}
		sort.Strings(names)
		parts := make([]decimal.Decimal, len(names))
		for i, k := range names {
			parts[i] = p.Parts[k].Decimal()
		}
		v.add(indicators.CheckSum(item("tin_dung.chuong_trinh", p.Code)+".thanh_phan", p.Households.Decimal(), parts...)...)
	}
}

func (v *validator) insurance(r *Report) {
	ins := r.Insurance
	s := ins.Social
	if s.StatedTotal != nil {
		v.add(indicators.CheckSum("bao_hiem.bhxh.tong", s.StatedTotal.Decimal(), s.Compulsory.Decimal(), s.Voluntary.Decimal())...)
	}
	hundred := decimal.NewFromInt(100)
	rateFigure := func(subject string, f RateFigure, num indicators.Count) {
		if f.Base.IsZero() && !f.Reported.Valid {
			v.noRate(subject, "cơ sở tính (co_so) bằng 0 hoặc không có, và không có tỷ lệ báo cáo (bao_cao)")
		}
		if !f.Base.IsZero() {
			if rate, err := f.Rate(num); err == nil {
				v.add(indicators.CheckRate(subject, rate)...)
			}
		}
		for _, x := range []struct {
			key string
			d   decimal.NullDecimal
		}{{"bao_cao", f.Reported}, {"ke_hoach", f.Plan}} {
			if x.d.Valid && x.d.Decimal.GreaterThan(hundred) {
				v.warnf(CodeRateOver100, subject+"."+x.key, []decimal.Decimal{x.d.Decimal},
					"Tỷ lệ %s%% lớn hơn 100%%.", indicators.FormatNumber(x.d.Decimal, -1))
			}
		}
	}
	t := r.figures()
	for i := range t.all {
		if f := &t.all[i]; f.kind == figRateFigure {
			rateFigure(f.path, *f.rate(r), f.numerator(r))
		}
	}
	h := ins.Health
	pop := r.Poverty.Population.Persons
	if !pop.IsZero() && h.Participants.Int64() > pop.Int64() {
		v.warnf(indicators.CodePartExceedsTotal, "bao_hiem.bhyt.so_nguoi", dec(h.Participants, pop),
			"Số người tham gia BHYT (%s) lớn hơn dân số (%s nhân khẩu, giam_ngheo.dan_so).", h.Participants, pop)
	}
	if !h.EstimateDate.IsZero() && r.Period.Kind.Valid() && !r.Period.Contains(h.EstimateDate) {
		v.warnf(CodeDateOutsidePeriod, "bao_hiem.bhyt.ngay_uoc_tinh", nil,
			"Ngày ước tính %s nằm ngoài kỳ báo cáo %s (%s – %s).", h.EstimateDate, r.Period, r.Period.Start(), r.Period.End())
	}
}

func (v *validator) labour(r *Report) {
	t := r.Labour.Training
	if st := t.StatedTotal; st != nil {
		v.add(indicators.CheckSum("lao_dong.dao_tao_nghe.tong.so_lop", st.Classes.Decimal(),
			t.NonAgricultural.Classes.Decimal(), t.Agricultural.Classes.Decimal())...)
		v.add(indicators.CheckSum("lao_dong.dao_tao_nghe.tong.hoc_vien", st.Learners.Decimal(),
			t.NonAgricultural.Learners.Decimal(), t.Agricultural.Learners.Decimal())...)
		v.add(indicators.CheckSum("lao_dong.dao_tao_nghe.tong.kinh_phi", st.Cost.In(r.MoneyUnit.Unit()).Amount(),
			t.NonAgricultural.Cost.In(r.MoneyUnit.Unit()).Amount(), t.Agricultural.Cost.In(r.MoneyUnit.Unit()).Amount())...)
	}
	if a, err := r.Labour.Abroad.Attainment(); err == nil {
		v.add(indicators.CheckAttainment("lao_dong.xuat_khau.ty_le", a)...)
	}
	if !r.Labour.Abroad.Rate().IsValid() {
		v.noRate("lao_dong.xuat_khau.ty_le", "chưa có chỉ tiêu (chi_tieu) hoặc chỉ tiêu bằng 0, và không có tỷ lệ báo cáo (ty_le_bao_cao)")
	}
	if a, err := r.Labour.NewJobs.Attainment(); err == nil {
		v.add(indicators.CheckAttainment("lao_dong.viec_lam_moi.ty_le", a)...)
	}
	if !r.Labour.NewJobs.Rate().IsValid() {
		v.noRate("lao_dong.viec_lam_moi.ty_le", "chưa có kế hoạch (ke_hoach) hoặc kế hoạch bằng 0, và không có tỷ lệ báo cáo (ty_le_bao_cao)")
	}
}

// noRate reports a rate that cannot be computed (why says what is missing): the data
// tree carries an invalid Rate there, which refuses to print, so a template that prints
// it must test it first.
func (v *validator) noRate(subject, why string) {
	v.warnf(indicators.CodeZeroDenominator, subject, nil,
		"Không tính được tỷ lệ %s: %s. Mẫu báo cáo in tỷ lệ này phải kiểm tra trước: {{if .%s.IsValid}} … {{end}}.",
		subject, why, dataPath(subject))
}

// dataPath is the data-tree path a template prints for a finding's subject: the rate
// of a RateFigure is printed at its own key, except the BHXH share (bhxh.ty_le).
func dataPath(subject string) string {
	if subject == "bao_hiem.bhxh.ty_le_luc_luong_lao_dong" {
		return "bao_hiem.bhxh.ty_le"
	}
	return subject
}

func (v *validator) crossSections(r *Report) {
	poor, elec := r.Poverty.Poor.Households, r.Electricity.Poor.Households
	if poor.Int64() != elec.Int64() {
		v.errorf(CodeCrossSectionMismatch, "tien_dien.ho_ngheo.so_ho", dec(elec, poor),
			"Hỗ trợ tiền điện cho %s hộ nghèo nhưng mục giảm nghèo có %s hộ nghèo (giam_ngheo.ho_ngheo.so_ho); hai số phải bằng nhau.", elec, poor)
	}
	if g, ok := r.Insurance.CardGroup("bao_tro"); ok {
		bought := r.Assistance.HealthCards.Persons
		if bought.Int64() != g.Cards.Int64() {
			v.errorf(CodeCrossSectionMismatch, "bao_tro_xa_hoi.mua_bhyt.so_nguoi", dec(bought, g.Cards),
				"Mua BHYT cho %s đối tượng bảo trợ xã hội nhưng mục BHYT ghi %s thẻ cho nhóm bao_tro (bao_hiem.the_bhyt); hai số phải bằng nhau.", bought, g.Cards)
		}
	}
}

func (v *validator) document(r *Report) {
	d := r.Document
	if d.Month < 0 || d.Month > 12 {
		v.errorf(CodeInvalidValue, "van_ban.thang", []decimal.Decimal{decimal.NewFromInt(int64(d.Month))},
			"Tháng %d không hợp lệ (1–12, hoặc 0 khi để trống).", d.Month)
	}
	if !d.Date.IsZero() && r.Period.Kind.Valid() && d.Date.Compare(r.Period.Start()) < 0 {
		v.warnf(CodeDateOutsidePeriod, "van_ban.ngay", nil,
			"Ngày văn bản %s trước khi kỳ báo cáo %s bắt đầu (%s).", d.Date, r.Period, r.Period.Start())
	}
}

func (v *validator) tasks(r *Report) {
	t := r.Tasks
	if t.TargetsItem < 0 || t.TargetsItem > len(t.Items) {
		v.errorf(CodeInvalidValue, "nhiem_vu.chi_tieu_o_muc", []decimal.Decimal{decimal.NewFromInt(int64(t.TargetsItem))},
			"Mục %d không có: danh sách nhiệm vụ có %d mục (ghi 0 nếu không gắn câu chỉ tiêu).", t.TargetsItem, len(t.Items))
	}
}

// mustSum is sumCounts without its flag: the largest count when beyond it.
func mustSum(cs ...indicators.Count) indicators.Count {
	t, _ := sumCounts(cs...)
	return t
}
