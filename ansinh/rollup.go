package ansinh

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/indicators"
)

// Errors of a roll-up. [Aggregator.Add] wraps one of them, so callers test with
// errors.Is; the message names the unit and what differs.
var (
	// ErrPeriodMismatch: the unit's period is not the roll-up's period.
	ErrPeriodMismatch = errors.New("ansinh: unit reports a different period")
	// ErrDuplicateUnit: the unit (same ma, or same cấp and tên when it has no ma) was
	// already added.
	ErrDuplicateUnit = errors.New("ansinh: unit added twice")
	// ErrNotChild: the unit's cap_tren is not the roll-up's unit.
	ErrNotChild = errors.New("ansinh: unit does not belong to the parent")
	// ErrCatalogMismatch: the unit's report was loaded with another catalogue of custom
	// figures (or none) than the units added before it.
	ErrCatalogMismatch = errors.New("ansinh: unit uses another catalogue of custom figures")
	// ErrNilReport: Add was given a nil report.
	ErrNilReport = errors.New("ansinh: nil report")
	// ErrOverflow: a sum of counts would be beyond the range of a count (more than
	// 9,2 × 10^18); the message names the figure.
	ErrOverflow = errors.New("ansinh: a sum is beyond the range of a count")
)

// Finding codes of a roll-up.
const (
	// CodeNotSummable: a figure some units carry only as reported (a percentage with no
	// base, a plan percentage that differs between units, a target only some units set)
	// cannot be added up; it is left out of the parent's report, never averaged.
	CodeNotSummable = "not-summable"
	// CodeUnitsDiffer: units disagree on a value that should be common (the poverty
	// survey year); the first unit's value is kept.
	CodeUnitsDiffer = "units-differ"
)

// Aggregator adds up the reports of the units of one parent for one period, one report
// at a time, into the parent's report (tổng hợp báo cáo của các đơn vị trực thuộc). It
// keeps only running totals, the identities of the units added and, if RowPaths is set,
// a few figures per unit: the memory of a roll-up of ten thousand files is that of one
// file plus the totals. Use [NewAggregator]; an Aggregator is not safe for concurrent
// use (load files concurrently if you like, Add them from one goroutine).
//
// The rules:
//
//   - counts and money are summed exactly; money is converted to MoneyUnit (no
//     rounding: decimals shift);
//   - rates are never summed or averaged: the parent's rates are recomputed from the
//     summed numerators and bases (hộ nghèo / dân số, BHYT participants / co_so …);
//   - keyed lists (tin_dung.chuong_trinh, bao_hiem.the_bhyt, bao_tro_xa_hoi.nha_o and
//     qua, giao_duc.ho_tro) are merged by ma, in order of first appearance; an item only
//     some units have is kept; its ten is the first unit's; nha_tai_tro, noi and dip are kept
//     when every unit having the item gives the same one; thanh_phan parts are summed by
//     name;
//   - a percentage carried only as reported (a [RateFigure] with bao_cao but no co_so in
//     some unit) cannot be summed: it is left out (the parent's figure prints "") and
//     becomes a [CodeNotSummable] finding naming the units; the same for a printed
//     attainment without its target, a target (chi_tieu, ke_hoach) only some units set,
//     and a planned percentage that differs between units (one the units share is kept);
//   - printed rates that have a base (ty_le_bao_cao of the poverty groups and of
//     xuat_khau and viec_lam_moi with their target, bao_cao of a RateFigure with co_so)
//     are dropped: the parent's rate is recomputed;
//   - stated totals (bhxh.tong, dao_tao_nghe.tong) are dropped: the parent's totals are
//     computed from its parts;
//   - narrative and document data (van_ban, chi_dao, tuyen_truyen, can_cu, mo_dau,
//     nhan_xet, danh_gia, nhiem_vu) are the parent's own and left empty;
//   - the BHYT estimate date is the latest of the units'; xuat_khau.thi_truong lists the
//     units' markets, each once; nam_ra_soat is the first unit's ([CodeUnitsDiffer] when
//     units differ).
//
// Validate each report before adding it: Add checks only what a roll-up needs.
type Aggregator struct {
	// MoneyUnit is the unit of the parent's money; NewAggregator sets DefaultMoneyUnit.
	// Change it before the first Add.
	MoneyUnit indicators.MoneyUnit
	// RowPaths, when set before the first Add, keeps for each unit the figures at these
	// paths of its [Report.Data] tree ("giam_ngheo.ho_ngheo.so_ho"), for a table of units
	// ([Rollup.Units]). Nil keeps no rows. A path the data lacks is left out of the row.
	RowPaths []string

	parent Unit
	period Period
	seen   map[string]Unit
	n      int
	sum    Report
	table  *figureTable
	accs   []figureAcc // one per entry of table, for the entries a roll-up combines other than by a plain sum
	rows   []UnitRow
}

// figureAcc is what a roll-up keeps of one described entry besides its sum.
type figureAcc struct {
	list   listSum   // a keyed list's merge
	rate   rateAcc   // rollRate
	target targetAcc // rollTarget
	years  []int     // rollFirst: the distinct values, in order
	texts  []string  // rollJoin: the distinct values, in order
}

// rateAcc accumulates a RateFigure over units.
type rateAcc struct {
	base                       indicators.Count
	withBase, noBase, reported int
	noBaseUnits                []string // the first few, for the finding
	plan                       decimal.NullDecimal
	planSet, planMixed         bool
	planUnits                  int
}

// targetAcc accumulates a target (chi_tieu, ke_hoach) and its printed attainment.
type targetAcc struct {
	sum                                        indicators.Count
	with, without, reportedNoBase              int
	reportedUnits, withoutUnits, withTargetSet []string
}

// maxNamed is how many units a finding names before "và N đơn vị khác".
const maxNamed = 5

// NewAggregator returns an empty roll-up of parent's units for period. parent is the
// unit whose report the roll-up makes; the units' cap_tren must name it (see
// [Unit.IsChildOf]).
func NewAggregator(parent Unit, period Period) *Aggregator {
	a := &Aggregator{
		MoneyUnit: DefaultMoneyUnit,
		parent:    parent,
		period:    period,
		seen:      map[string]Unit{},
	}
	a.useTable(builtin())
	return a
}

// useTable sets the description the roll-up sums by: the built-in one, or that of the
// first unit's catalogue of custom figures.
func (a *Aggregator) useTable(t *figureTable) {
	if a.table == t {
		return
	}
	a.table, a.accs = t, make([]figureAcc, len(t.all))
	for i := range t.all {
		if f := &t.all[i]; f.kind == figList {
			a.accs[i].list = f.list.newSum()
		}
	}
}

// Len is the number of units added.
func (a *Aggregator) Len() int { return a.n }

// unitKey identifies a unit for the duplicate check: its ma, else its level and name.
func unitKey(u Unit) string {
	if c := strings.TrimSpace(u.Code); c != "" {
		return "ma:" + c
	}
	return "ten:" + strings.ToLower(strings.TrimSpace(u.Level)) + " " + strings.ToLower(strings.TrimSpace(u.Name))
}

// IsChildOf reports whether u's cap_tren names p: its Name or its FullName ("tỉnh Bình
// An"), ignoring case and surrounding spaces.
func (u Unit) IsChildOf(p Unit) bool {
	parent := strings.TrimSpace(u.Parent)
	if parent == "" {
		return false
	}
	return strings.EqualFold(parent, strings.TrimSpace(p.Name)) || strings.EqualFold(parent, p.FullName())
}

// Add adds one unit's report to the totals. It returns an error wrapping
// [ErrPeriodMismatch], [ErrDuplicateUnit], [ErrNotChild], [ErrOverflow] or
// [ErrNilReport], and then
// leaves the totals as they were, so the caller may skip the unit and go on. Add does
// not keep r.
func (a *Aggregator) Add(r *Report) error {
	if r == nil {
		return ErrNilReport
	}
	name := r.Unit.FullName()
	if r.Period != a.period {
		return fmt.Errorf("%w: %s báo cáo %s, báo cáo tổng hợp là %s", ErrPeriodMismatch, name, r.Period, a.period)
	}
	if !r.Unit.IsChildOf(a.parent) {
		return fmt.Errorf("%w: %s có cấp trên %q, không phải %s", ErrNotChild, name, r.Unit.Parent, a.parent.FullName())
	}
	if a.n == 0 {
		a.useTable(r.figures())
	} else if r.figures() != a.table {
		return fmt.Errorf("%w: %s", ErrCatalogMismatch, name)
	}
	key := unitKey(r.Unit)
	if prev, dup := a.seen[key]; dup {
		return fmt.Errorf("%w: %s đã được cộng (%s)", ErrDuplicateUnit, name, describeUnit(prev))
	}
	if path, ok := a.fits(r); !ok {
		return fmt.Errorf("%w: %s: %s", ErrOverflow, name, path)
	}
	// Strings are cloned: a parser may hand out substrings of the whole file.
	a.seen[key] = Unit{Code: strings.Clone(r.Unit.Code), Name: strings.Clone(r.Unit.Name), Level: strings.Clone(r.Unit.Level)}
	if a.n == 0 {
		a.start()
	}
	a.n++
	if a.RowPaths != nil {
		a.rows = append(a.rows, newUnitRow(r, a.RowPaths, a.MoneyUnit))
	}
	a.add(r, name)
	return nil
}

func describeUnit(u Unit) string {
	if u.Code != "" {
		return u.FullName() + ", mã " + u.Code
	}
	return u.FullName()
}

// start fixes the money unit and initialises the money totals.
func (a *Aggregator) start() {
	zero := a.zero()
	a.sum.MoneyUnit = MoneyUnitOf(a.MoneyUnit)
	if c := a.table.catalog; c != nil {
		a.sum.Custom = NewCustomValues(c, a.MoneyUnit)
	}
	for i := range a.table.all {
		if f := &a.table.all[i]; f.kind == figMoney && f.roll == rollSum {
			*f.money(&a.sum) = zero
		}
	}
}

func (a *Aggregator) zero() indicators.Money { return indicators.NewMoney(decimal.Zero, a.MoneyUnit) }

// fits reports whether adding r keeps every summed count in range; if not, it names
// the first that would not.
func (a *Aggregator) fits(r *Report) (string, bool) {
	if a.n == 0 {
		return "", true
	}
	for i := range a.table.all {
		f, acc := &a.table.all[i], &a.accs[i]
		ok := true
		switch {
		case f.roll == rollSum && f.kind == figCount:
			_, ok = addCount(*f.count(&a.sum), *f.count(r))
		case f.roll == rollSum && f.kind == figList:
			ok = acc.list.fits(&a.sum, r)
		case f.roll == rollTarget:
			_, ok = addCount(acc.target.sum, *f.count(r))
		case f.roll == rollRate:
			_, ok = addCount(acc.rate.base, f.rate(r).Base)
		}
		if !ok {
			return f.path, false
		}
	}
	return "", true
}

// add adds r's figures to the sums, entry by entry of the description.
func (a *Aggregator) add(r *Report, name string) {
	s := &a.sum
	for i := range a.table.all {
		f, acc := &a.table.all[i], &a.accs[i]
		switch f.roll {
		case rollSum:
			switch f.kind {
			case figCount:
				t := f.count(s)
				*t = t.Add(*f.count(r))
			case figMoney:
				t := f.money(s)
				*t = t.Add(*f.money(r))
			case figList:
				acc.list.add(s, r, a.zero())
			}
		case rollFirst:
			if y := *f.year(r); !containsInt(acc.years, y) {
				acc.years = append(acc.years, y)
			}
		case rollLatest:
			if d := *f.date(r); d.Compare(*f.date(s)) > 0 {
				*f.date(s) = d
			}
		case rollJoin:
			for _, v := range strings.Split(*f.text(r), ",") {
				if v = strings.TrimSpace(v); v != "" && !containsFold(acc.texts, v) {
					acc.texts = append(acc.texts, strings.Clone(v))
				}
			}
		case rollRate:
			acc.rate.add(*f.rate(r), name)
		case rollTarget:
			acc.target.add(*f.count(r), f.reported(r), name)
		}
	}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func containsFold(xs []string, x string) bool {
	for _, v := range xs {
		if strings.EqualFold(v, x) {
			return true
		}
	}
	return false
}

func appendNamed(names []string, name string) []string {
	if len(names) < maxNamed {
		names = append(names, strings.Clone(name))
	}
	return names
}

func (acc *rateAcc) add(f RateFigure, unit string) {
	if !f.Base.IsZero() {
		acc.withBase++
		acc.base = acc.base.Add(f.Base)
	} else {
		acc.noBase++
		if f.Reported.Valid {
			acc.reported++
		}
		acc.noBaseUnits = appendNamed(acc.noBaseUnits, unit)
	}
	if f.Plan.Valid {
		acc.planUnits++
		switch {
		case !acc.planSet:
			acc.plan, acc.planSet = f.Plan, true
		case !acc.plan.Decimal.Equal(f.Plan.Decimal):
			acc.planMixed = true
		}
	}
}

func (acc *targetAcc) add(target indicators.Count, reported decimal.NullDecimal, unit string) {
	if target.IsZero() {
		acc.without++
		acc.withoutUnits = appendNamed(acc.withoutUnits, unit)
		if reported.Valid {
			acc.reportedNoBase++
			acc.reportedUnits = appendNamed(acc.reportedUnits, unit)
		}
		return
	}
	acc.with++
	acc.sum = acc.sum.Add(target)
	acc.withTargetSet = appendNamed(acc.withTargetSet, unit)
}

// Rollup is the result of a roll-up: the parent's report, the rows of the units if
// asked for, and the findings of the roll-up itself (figures that could not be summed).
type Rollup struct {
	// Report is the parent's report: its Unit and Period are the roll-up's, its figures
	// the sums; narrative and document data are empty, for the caller to fill.
	Report *Report
	// Units holds one row per unit added, in the order added, when
	// [Aggregator].RowPaths was set.
	Units []UnitRow
	// Findings are the roll-up's own findings ([CodeNotSummable], [CodeUnitsDiffer]), in
	// section order; the units' findings come from their Validate.
	Findings Findings
	// Count is the number of units added.
	Count int
}

// Result returns the roll-up of the units added so far. The Aggregator may go on adding
// after it; each Result is a copy the Aggregator does not touch again.
func (a *Aggregator) Result() *Rollup {
	r := a.sum // a copy; slices and maps are cloned below
	if a.n == 0 {
		r = Report{}
	}
	r.Unit, r.Period, r.MoneyUnit = a.parent, a.period, MoneyUnitOf(a.MoneyUnit)
	if r.Custom != nil {
		r.Custom = r.Custom.clone()
	}
	var fs Findings
	for i := range a.table.all {
		f, acc := &a.table.all[i], &a.accs[i]
		switch f.roll {
		case rollSum:
			if f.kind == figList && a.n > 0 {
				acc.list.finish(&r)
			}
		case rollFirst:
			*f.year(&r), fs = firstYear(acc.years, f.path, fs)
		case rollJoin:
			*f.text(&r) = strings.Join(acc.texts, ", ")
		case rollRate:
			*f.rate(&r), fs = acc.rate.result(a.n, f.path, f.name, fs)
		case rollTarget:
			*f.count(&r), fs = acc.target.result(a.n, f.path, f.name, fs)
		case rollNotSummable:
			if a.n > 0 {
				r.Custom.setAbsent(a.table.catalog.index[f.key()])
				fs = append(fs, notSummable(f, a.n))
			}
		}
	}
	out := &Rollup{Report: &r, Findings: fs, Count: a.n}
	if a.rows != nil {
		out.Units = append([]UnitRow(nil), a.rows...)
	}
	return out
}

// notSummable is the finding for a custom figure its catalogue marks cong_don: false.
func notSummable(f *figure, n int) indicators.Finding {
	return indicators.Finding{Severity: indicators.Warning, Code: CodeNotSummable, Subject: f.path,
		Message: fmt.Sprintf("%s: danh mục ghi chỉ tiêu này không cộng dồn được giữa các đơn vị (cong_don: false); báo cáo tổng hợp của %d đơn vị để trống; ghi số liệu trong tệp riêng của đơn vị tổng hợp (mục bo_sung, nạp cùng danh mục).", f.name, n),
		Figures: counts(n)}
}

// firstYear is the first unit's year, with a units-differ finding when units differ.
func firstYear(years []int, subject string, fs Findings) (int, Findings) {
	if len(years) == 0 {
		return 0, fs
	}
	if len(years) > 1 {
		shown := make([]string, len(years))
		figs := make([]decimal.Decimal, len(years))
		for i, y := range years {
			shown[i] = fmt.Sprint(y)
			figs[i] = decimal.NewFromInt(int64(y))
		}
		fs = append(fs, indicators.Finding{Severity: indicators.Warning, Code: CodeUnitsDiffer, Subject: subject,
			Message: fmt.Sprintf("Các đơn vị dùng kết quả rà soát của các năm khác nhau (%s); báo cáo tổng hợp ghi năm %s của đơn vị đầu tiên.",
				strings.Join(shown, ", "), shown[0]), Figures: figs})
	}
	return years[0], fs
}

func namedUnits(names []string, count int) string {
	s := strings.Join(names, ", ")
	if count > len(names) {
		s += fmt.Sprintf(" và %d đơn vị khác", count-len(names))
	}
	return s
}

func counts(xs ...int) []decimal.Decimal {
	out := make([]decimal.Decimal, len(xs))
	for i, x := range xs {
		out[i] = decimal.NewFromInt(int64(x))
	}
	return out
}

func (acc *rateAcc) result(n int, subject, what string, fs Findings) (RateFigure, Findings) {
	var f RateFigure
	switch {
	case n == 0:
	case acc.noBase == 0:
		f.Base = acc.base
	case acc.reported > 0 || acc.withBase > 0:
		fs = append(fs, indicators.Finding{Severity: indicators.Warning, Code: CodeNotSummable, Subject: subject,
			Message: fmt.Sprintf("%s: %d/%d đơn vị chỉ ghi tỷ lệ đã tính (bao_cao), không ghi cơ sở tính (co_so): %s. Tỷ lệ không cộng được và không lấy trung bình; báo cáo tổng hợp để trống. Ghi co_so trong tệp của các đơn vị để tính lại.",
				what, acc.noBase, n, namedUnits(acc.noBaseUnits, acc.noBase)),
			Figures: counts(acc.noBase, n)})
	}
	switch {
	case acc.planUnits == 0:
	case acc.planUnits == n && !acc.planMixed:
		f.Plan = acc.plan
	default:
		fs = append(fs, indicators.Finding{Severity: indicators.Warning, Code: CodeNotSummable, Subject: subject + ".ke_hoach",
			Message: fmt.Sprintf("%s: kế hoạch (ke_hoach) của %d/%d đơn vị có ghi không giống nhau hoặc không phải đơn vị nào cũng ghi; không cộng được, không lấy trung bình. Ghi kế hoạch của báo cáo tổng hợp trong tệp kế hoạch (chi_so: %s).",
				what, acc.planUnits, n, subject),
			Figures: counts(acc.planUnits, n)})
	}
	return f, fs
}

func (acc *targetAcc) result(n int, subject, what string, fs Findings) (indicators.Count, Findings) {
	if acc.reportedNoBase > 0 {
		fs = append(fs, indicators.Finding{Severity: indicators.Warning, Code: CodeNotSummable, Subject: subject[:strings.LastIndex(subject, ".")+1] + "ty_le_bao_cao",
			Message: fmt.Sprintf("%d/%d đơn vị ghi tỷ lệ đạt (ty_le_bao_cao) mà không có %s: %s. Tỷ lệ không cộng được và không lấy trung bình; bỏ qua.",
				acc.reportedNoBase, n, what, namedUnits(acc.reportedUnits, acc.reportedNoBase)),
			Figures: counts(acc.reportedNoBase, n)})
	}
	switch {
	case acc.with == 0:
		return indicators.Count{}, fs
	case acc.without == 0:
		return acc.sum, fs
	}
	fs = append(fs, indicators.Finding{Severity: indicators.Warning, Code: CodeNotSummable, Subject: subject,
		Message: fmt.Sprintf("Chỉ %d/%d đơn vị có %s (%s); đơn vị không có: %s. Tổng của một phần các đơn vị không so được với số thực hiện của cả %d đơn vị: báo cáo tổng hợp để trống; ghi chỉ tiêu trong tệp kế hoạch.",
			acc.with, n, what, namedUnits(acc.withTargetSet, acc.with), namedUnits(acc.withoutUnits, acc.without), n),
		Figures: counts(acc.with, n)})
	return indicators.Count{}, fs
}

// Aggregate adds up reports, all of period and all units of parent, into parent's
// report: [NewAggregator], [Aggregator.Add] for each, then [Aggregator.Result]. It stops
// at the first error (see Add). To roll up many files without holding them all, give
// each report [LoadFS] reads to an Aggregator.
func Aggregate(parent Unit, period Period, reports ...*Report) (*Rollup, error) {
	a := NewAggregator(parent, period)
	for _, r := range reports {
		if err := a.Add(r); err != nil {
			return nil, err
		}
	}
	return a.Result(), nil
}

// UnitRow is one unit's line in a table of units: its identity and its figures at the
// Aggregator's RowPaths.
type UnitRow struct {
	Unit Unit
	// Figures is the part of the unit's data tree at RowPaths: for the path
	// "giam_ngheo.ho_ngheo.so_ho", Figures["giam_ngheo"]["ho_ngheo"]["so_ho"]. Money is
	// in the Aggregator's MoneyUnit.
	Figures map[string]any
}

func newUnitRow(r *Report, paths []string, mu indicators.MoneyUnit) UnitRow {
	cp := *r
	cp.MoneyUnit = MoneyUnitOf(mu)
	cp.Previous, cp.Plan = nil, nil
	full := cp.Data()
	u := r.Unit
	u.Code, u.Name, u.Level, u.Parent, u.Body = strings.Clone(u.Code), strings.Clone(u.Name), strings.Clone(u.Level), strings.Clone(u.Parent), strings.Clone(u.Body)
	row := UnitRow{Unit: u, Figures: map[string]any{}}
	for _, p := range paths {
		if v, ok := lookup(full, p); ok {
			if s, isString := v.(string); isString {
				v = strings.Clone(s)
			}
			setPath(row.Figures, p, v)
		}
	}
	return row
}

// Data is the row as a template sees it: the figures' tree (the paths of
// [Report.Data]) plus don_vi {ma, ten, cap, cap_tren, co_quan, ten_day_du,
// co_quan_day_du}.
func (u UnitRow) Data() map[string]any {
	m := make(map[string]any, len(u.Figures)+1)
	for k, v := range u.Figures {
		m[k] = v
	}
	m["don_vi"] = unitData(u.Unit)
	return m
}

func unitData(u Unit) map[string]any {
	return map[string]any{
		"ma": u.Code, "ten": u.Name, "cap": u.Level, "cap_tren": u.Parent, "co_quan": u.BodyName(),
		"ten_day_du": u.FullName(), "co_quan_day_du": u.FullBodyName(),
	}
}

// Data is the parent's [Report.Data] plus don_vi_truc_thuoc, the list of the units'
// [UnitRow.Data] in the order added (empty without RowPaths), and so_don_vi, the
// number of units added.
func (ro *Rollup) Data() map[string]any {
	m := ro.Report.Data()
	rows := make([]any, len(ro.Units))
	for i, u := range ro.Units {
		rows[i] = u.Data()
	}
	m["don_vi_truc_thuoc"] = rows
	m["so_don_vi"] = indicators.MustCount(int64(ro.Count))
	return m
}

// lookup follows a dotted path through nested map[string]any.
func lookup(m map[string]any, path string) (any, bool) {
	var cur any = m
	for _, k := range strings.Split(path, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = mm[k]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// setPath sets the value at a dotted path of nested map[string]any, making the maps
// on the way.
func setPath(m map[string]any, path string, v any) {
	for {
		k, rest, more := strings.Cut(path, ".")
		if !more {
			m[k] = v
			return
		}
		next, ok := m[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[k] = next
		}
		m, path = next, rest
	}
}
