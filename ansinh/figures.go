package ansinh

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/indicators"
)

// The built-in figures are described once, in [builtinFigures]: a table of entries,
// each a path, a kind, whether YAML requires it, how a roll-up combines it, and a
// function that reaches its field in a Report. The decoder reads the figure sections of
// a period file from it (keys, order, required keys), Data builds the figures' part of
// the tree from it, the Aggregator sums what it marks as summed, and Validate finds
// every amount, percentage and keyed list in it. A new built-in figure is one entry
// (and its field in the model); readme_test.go checks the README's tables against it.
//
// Why a table of accessor functions rather than reflection over struct tags or
// generated code: the model stays plain Go structs a host fills by hand; each entry is
// type-checked by the compiler (its accessor returns the exact field type); nothing
// runs at build time; and the same entry type can be made at run time, which is how
// a province's custom figures (a catalogue of chỉ tiêu bổ sung) can join: an entry with
// the path bo_sung.<ma>, the kind of its kieu (so_luong: figCount, tien: figMoney,
// ty_le: a computed rate over its tu_so and mau_so paths) and an accessor into the
// report's custom values, appended to the built-in entries by whatever loads with the
// catalogue.

// figKind is what an entry holds, and so how it is read, printed and checked.
type figKind uint8

const (
	figGroup      figKind = iota + 1 // a mapping of further entries
	figCount                         // indicators.Count: whole, non-negative, summed
	figMoney                         // indicators.Money, in don_vi_tien; summed, printed in the report's unit
	figPercent                       // a printed or planned percentage (decimal.NullDecimal); YAML only
	figRateFigure                    // a RateFigure: bao_cao, co_so, ke_hoach; YAML only
	figDate                          // indicators.Date
	figYear                          // a year (int), printed as a string
	figText                          // a string
	figParagraphs                    // narrative: []string, a single string is one paragraph
	figList                          // a keyed list: items merged by ma in a roll-up
	figComputed                      // a computed value of the data tree (rates, changes); not in YAML
	figTotal                         // a computed sum of counts; beyond the largest count Data refuses to print it and Validate reports it
)

// rollRule is how a roll-up combines an entry over the units.
type rollRule uint8

const (
	rollNone        rollRule = iota // left empty in the parent (narrative, printed rates, stated totals)
	rollSum                         // summed exactly (counts, money; list items merged by ma)
	rollFirst                       // the first unit's; a units-differ finding when units differ (nam_ra_soat)
	rollLatest                      // the latest date (ngay_uoc_tinh)
	rollJoin                        // the units' comma-separated values, each once (thi_truong)
	rollRate                        // a RateFigure: bases summed, else not-summable; plans kept when shared
	rollTarget                      // a target (chi_tieu, ke_hoach): summed when every unit sets one, else not-summable
	rollNotSummable                 // a custom figure marked cong_don: false: left empty, with a not-summable finding
)

// figure is one entry of the description. Exactly one accessor matches its kind.
type figure struct {
	path     string // YAML and data path, "giam_ngheo.dan_so.so_ho"
	kind     figKind
	required bool // YAML requires the key
	yamlOnly bool // read from YAML, not a key of the data tree (printed rates, stated totals)
	dataOnly bool // a key of the data tree, not of YAML (computed)
	roll     rollRule
	name     string // what the figure is, for a roll-up's findings

	// alloc runs when the key is present in YAML, before its value is read (optional
	// stated totals, held by pointer).
	alloc func(*Report)

	count   func(*Report) *indicators.Count // figCount; nil result: absent
	money   func(*Report) *indicators.Money // figMoney; nil result: absent
	percent func(*Report) *decimal.NullDecimal
	rate    func(*Report) *RateFigure
	date    func(*Report) *indicators.Date
	year    func(*Report) *int
	text    func(*Report) *string
	paras   func(*Report) *[]string
	list    keyedList
	value   func(*Report) any                      // figComputed
	total   func(*Report) (indicators.Count, bool) // figTotal; false: beyond the largest count

	// numerator is a RateFigure's numerator (BHYT participants, BHXH total).
	numerator func(*Report) indicators.Count
	// reported is a target's printed attainment (ty_le_bao_cao beside chi_tieu).
	reported func(*Report) decimal.NullDecimal
}

// key is the last element of the path.
func (f *figure) key() string { return f.path[strings.LastIndexByte(f.path, '.')+1:] }

// parent is the path without its last element ("" for a section).
func (f *figure) parent() string {
	if i := strings.LastIndexByte(f.path, '.'); i >= 0 {
		return f.path[:i]
	}
	return ""
}

func group(path string, required bool) figure {
	return figure{path: path, kind: figGroup, required: required}
}

func countAt(path string, required bool, get func(*Report) *indicators.Count) figure {
	return figure{path: path, kind: figCount, required: required, roll: rollSum, count: get}
}

func moneyAt(path string, required bool, get func(*Report) *indicators.Money) figure {
	return figure{path: path, kind: figMoney, required: required, roll: rollSum, money: get}
}

// printedRate is a printed percentage beside a figure a roll-up recomputes: YAML only,
// dropped in a roll-up.
func printedRate(path string, get func(*Report) *decimal.NullDecimal) figure {
	return figure{path: path, kind: figPercent, yamlOnly: true, percent: get}
}

func paragraphsAt(path string, get func(*Report) *[]string) figure {
	return figure{path: path, kind: figParagraphs, paras: get}
}

func computed(path string, value func(*Report) any) figure {
	return figure{path: path, kind: figComputed, dataOnly: true, value: value}
}

func total(path string, sum func(*Report) (indicators.Count, bool)) figure {
	return figure{path: path, kind: figTotal, dataOnly: true, total: sum}
}

// target is a count a roll-up sums only when every unit sets it; reported is the
// printed attainment beside it.
func target(path, name string, get func(*Report) *indicators.Count, reported func(*Report) decimal.NullDecimal) figure {
	return figure{path: path, kind: figCount, roll: rollTarget, name: name, count: get, reported: reported}
}

func rateFigure(path, name string, get func(*Report) *RateFigure, numerator func(*Report) indicators.Count) figure {
	return figure{path: path, kind: figRateFigure, required: true, yamlOnly: true, roll: rollRate, name: name,
		rate: get, numerator: numerator}
}

// trainingLine is the three figures of a line of vocational training at path.
func trainingLine(path string, line func(*Report) *TrainingLine) []figure {
	return []figure{
		countAt(path+".so_lop", true, func(r *Report) *indicators.Count {
			if l := line(r); l != nil {
				return &l.Classes
			}
			return nil
		}),
		countAt(path+".hoc_vien", true, func(r *Report) *indicators.Count {
			if l := line(r); l != nil {
				return &l.Learners
			}
			return nil
		}),
		moneyAt(path+".kinh_phi", true, func(r *Report) *indicators.Money {
			if l := line(r); l != nil {
				return &l.Cost
			}
			return nil
		}),
	}
}

// povertyGroup is the entries of a poverty group at path: households, persons, the
// printed rate, and the rate computed against the population.
func povertyGroup(path string, g func(*Report) *PovertyGroup) []figure {
	return []figure{
		group(path, true),
		countAt(path+".so_ho", true, func(r *Report) *indicators.Count { return &g(r).Households }),
		countAt(path+".nhan_khau", true, func(r *Report) *indicators.Count { return &g(r).Persons }),
		printedRate(path+".ty_le_bao_cao", func(r *Report) *decimal.NullDecimal { return &g(r).ReportedRate }),
		computed(path+".ty_le", func(r *Report) any {
			rate, _ := r.Poverty.Rate(*g(r))
			return rate
		}),
	}
}

// concat joins groups of entries.
func concat(groups ...[]figure) []figure {
	var out []figure
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

type report = Report // a short name for the accessors below

// builtinFigures is the description of the built-in figure sections, giam_ngheo to
// tien_dien, in the order of a period file: YAML keys in the order the decoder lists
// them, data-only keys beside the figures they are computed from.
func builtinFigures() []figure {
	return concat(povertyFigures(), creditFigures(), insuranceFigures(), labourFigures(),
		assistanceFigures(), educationFigures(), electricityFigures())
}

func povertyFigures() []figure {
	return concat(
		[]figure{
			group("giam_ngheo", true),
			{path: "giam_ngheo.nam_ra_soat", kind: figYear, required: true, roll: rollFirst,
				year: func(r *report) *int { return &r.Poverty.SurveyYear }},
			group("giam_ngheo.dan_so", true),
			countAt("giam_ngheo.dan_so.so_ho", true, func(r *report) *indicators.Count { return &r.Poverty.Population.Households }),
			countAt("giam_ngheo.dan_so.nhan_khau", true, func(r *report) *indicators.Count { return &r.Poverty.Population.Persons }),
		},
		povertyGroup("giam_ngheo.ho_ngheo", func(r *report) *PovertyGroup { return &r.Poverty.Poor }),
		povertyGroup("giam_ngheo.ho_can_ngheo", func(r *report) *PovertyGroup { return &r.Poverty.NearPoor }),
		povertyGroup("giam_ngheo.dtts_ngheo_can_ngheo", func(r *report) *PovertyGroup { return &r.Poverty.EthnicMinority }),
		povertyGroup("giam_ngheo.ho_ngheo_phat_sinh", func(r *report) *PovertyGroup { return &r.Poverty.NewPoor }),
	)
}

func creditFigures() []figure {
	return []figure{
		group("tin_dung", true),
		{path: "tin_dung.chuong_trinh", kind: figList, required: true, roll: rollSum, list: loanProgrammes},
		paragraphsAt("tin_dung.nhan_xet", func(r *report) *[]string { return &r.Credit.Comments }),
		total("tin_dung.tong_so_ho", func(r *report) (indicators.Count, bool) { return r.Credit.totalHouseholds() }),
		computed("tin_dung.tong_so_tien", func(r *report) any { return r.Credit.TotalAmount(r.MoneyUnit.Unit()) }),
	}
}

func insuranceFigures() []figure {
	return []figure{
		group("bao_hiem", true),
		paragraphsAt("bao_hiem.mo_dau", func(r *report) *[]string { return &r.Insurance.Opening }),
		{path: "bao_hiem.the_bhyt", kind: figList, required: true, roll: rollSum, list: cardGroups},
		total("bao_hiem.tong_so_the", func(r *report) (indicators.Count, bool) { return r.Insurance.totalCards() }),
		group("bao_hiem.bhyt", true),
		{path: "bao_hiem.bhyt.ngay_uoc_tinh", kind: figDate, required: true, roll: rollLatest,
			date: func(r *report) *indicators.Date { return &r.Insurance.Health.EstimateDate }},
		countAt("bao_hiem.bhyt.so_nguoi", true, func(r *report) *indicators.Count { return &r.Insurance.Health.Participants }),
		countAt("bao_hiem.bhyt.cung_ky_nam_truoc", true, func(r *report) *indicators.Count { return &r.Insurance.Health.PreviousYear }),
		rateFigure("bao_hiem.bhyt.ty_le_bao_phu", "Tỷ lệ bao phủ BHYT",
			func(r *report) *RateFigure { return &r.Insurance.Health.Coverage },
			func(r *report) indicators.Count { return r.Insurance.Health.Participants }),
		computed("bao_hiem.bhyt.thay_doi", func(r *report) any { return r.Insurance.Health.Change() }),
		computed("bao_hiem.bhyt.ty_le_bao_phu", func(r *report) any {
			rate, _ := r.Insurance.Health.CoverageRate()
			return rate
		}),
		computed("bao_hiem.bhyt.ke_hoach_bao_phu", func(r *report) any { return r.Insurance.Health.Coverage.PlanRate() }),
		computed("bao_hiem.bhyt.dat_ke_hoach", func(r *report) any {
			return r.Insurance.Health.Coverage.Met(r.Insurance.Health.Participants)
		}),
		group("bao_hiem.bhxh", true),
		countAt("bao_hiem.bhxh.bat_buoc", true, func(r *report) *indicators.Count { return &r.Insurance.Social.Compulsory }),
		countAt("bao_hiem.bhxh.tu_nguyen", true, func(r *report) *indicators.Count { return &r.Insurance.Social.Voluntary }),
		{path: "bao_hiem.bhxh.tong", kind: figCount, yamlOnly: true,
			alloc: func(r *report) { r.Insurance.Social.StatedTotal = new(indicators.Count) },
			count: func(r *report) *indicators.Count { return r.Insurance.Social.StatedTotal }},
		rateFigure("bao_hiem.bhxh.ty_le_luc_luong_lao_dong", "Tỷ lệ tham gia BHXH so với lực lượng lao động",
			func(r *report) *RateFigure { return &r.Insurance.Social.LabourForceShare },
			func(r *report) indicators.Count { return r.Insurance.Social.Total() }),
		total("bao_hiem.bhxh.tong", func(r *report) (indicators.Count, bool) {
			return sumCounts(r.Insurance.Social.Compulsory, r.Insurance.Social.Voluntary)
		}),
		computed("bao_hiem.bhxh.ty_le", func(r *report) any {
			rate, _ := r.Insurance.Social.ShareRate()
			return rate
		}),
		computed("bao_hiem.bhxh.ke_hoach", func(r *report) any { return r.Insurance.Social.LabourForceShare.PlanRate() }),
		computed("bao_hiem.bhxh.dat_ke_hoach", func(r *report) any {
			return r.Insurance.Social.LabourForceShare.Met(r.Insurance.Social.Total())
		}),
	}
}

func labourFigures() []figure {
	return concat(
		[]figure{
			group("lao_dong", true),
			paragraphsAt("lao_dong.mo_dau", func(r *report) *[]string { return &r.Labour.Opening }),
			group("lao_dong.dao_tao_nghe", true),
			group("lao_dong.dao_tao_nghe.phi_nong_nghiep", true),
		},
		trainingLine("lao_dong.dao_tao_nghe.phi_nong_nghiep", func(r *report) *TrainingLine { return &r.Labour.Training.NonAgricultural }),
		[]figure{group("lao_dong.dao_tao_nghe.nong_nghiep", true)},
		trainingLine("lao_dong.dao_tao_nghe.nong_nghiep", func(r *report) *TrainingLine { return &r.Labour.Training.Agricultural }),
		[]figure{{path: "lao_dong.dao_tao_nghe.tong", kind: figGroup, yamlOnly: true,
			alloc: func(r *report) { r.Labour.Training.StatedTotal = new(TrainingLine) }}},
		statedTotal(trainingLine("lao_dong.dao_tao_nghe.tong", func(r *report) *TrainingLine { return r.Labour.Training.StatedTotal })),
		[]figure{
			total("lao_dong.dao_tao_nghe.tong.so_lop", func(r *report) (indicators.Count, bool) {
				return sumCounts(r.Labour.Training.NonAgricultural.Classes, r.Labour.Training.Agricultural.Classes)
			}),
			total("lao_dong.dao_tao_nghe.tong.hoc_vien", func(r *report) (indicators.Count, bool) {
				return sumCounts(r.Labour.Training.NonAgricultural.Learners, r.Labour.Training.Agricultural.Learners)
			}),
			computed("lao_dong.dao_tao_nghe.tong.kinh_phi", func(r *report) any { return r.Labour.Training.Total().Cost.In(r.MoneyUnit.Unit()) }),

			group("lao_dong.xuat_khau", true),
			countAt("lao_dong.xuat_khau.so_nguoi", true, func(r *report) *indicators.Count { return &r.Labour.Abroad.Workers }),
			target("lao_dong.xuat_khau.chi_tieu", "chỉ tiêu xuất khẩu lao động (chi_tieu)",
				func(r *report) *indicators.Count { return &r.Labour.Abroad.Target },
				func(r *report) decimal.NullDecimal { return r.Labour.Abroad.ReportedRate }),
			printedRate("lao_dong.xuat_khau.ty_le_bao_cao", func(r *report) *decimal.NullDecimal { return &r.Labour.Abroad.ReportedRate }),
			{path: "lao_dong.xuat_khau.thi_truong", kind: figText, roll: rollJoin,
				text: func(r *report) *string { return &r.Labour.Abroad.Market }},
			computed("lao_dong.xuat_khau.ty_le", func(r *report) any { return r.Labour.Abroad.Rate() }),
			computed("lao_dong.xuat_khau.dat_chi_tieu", func(r *report) any {
				a, err := r.Labour.Abroad.Attainment()
				return err == nil && a.Met()
			}),
			group("lao_dong.ngay_hoi_viec_lam", true),
			countAt("lao_dong.ngay_hoi_viec_lam.so_nguoi", true, func(r *report) *indicators.Count { return &r.Labour.JobFair.Participants }),
			group("lao_dong.viec_lam_moi", true),
			countAt("lao_dong.viec_lam_moi.so_nguoi", true, func(r *report) *indicators.Count { return &r.Labour.NewJobs.Workers }),
			target("lao_dong.viec_lam_moi.ke_hoach", "kế hoạch tạo việc làm mới (ke_hoach)",
				func(r *report) *indicators.Count { return &r.Labour.NewJobs.Plan },
				func(r *report) decimal.NullDecimal { return r.Labour.NewJobs.ReportedRate }),
			printedRate("lao_dong.viec_lam_moi.ty_le_bao_cao", func(r *report) *decimal.NullDecimal { return &r.Labour.NewJobs.ReportedRate }),
			computed("lao_dong.viec_lam_moi.ty_le", func(r *report) any { return r.Labour.NewJobs.Rate() }),
			computed("lao_dong.viec_lam_moi.dat_ke_hoach", func(r *report) any {
				a, err := r.Labour.NewJobs.Attainment()
				return err == nil && a.Met()
			}),
		},
	)
}

func assistanceFigures() []figure {
	return []figure{
		group("bao_tro_xa_hoi", true),
		group("bao_tro_xa_hoi.tro_cap_thuong_xuyen", true),
		countAt("bao_tro_xa_hoi.tro_cap_thuong_xuyen.luot", true, func(r *report) *indicators.Count { return &r.Assistance.Monthly.Turns }),
		moneyAt("bao_tro_xa_hoi.tro_cap_thuong_xuyen.kinh_phi", true, func(r *report) *indicators.Money { return &r.Assistance.Monthly.Cost }),
		group("bao_tro_xa_hoi.mai_tang", true),
		countAt("bao_tro_xa_hoi.mai_tang.so_nguoi", true, func(r *report) *indicators.Count { return &r.Assistance.Funeral.Persons }),
		moneyAt("bao_tro_xa_hoi.mai_tang.kinh_phi", true, func(r *report) *indicators.Money { return &r.Assistance.Funeral.Cost }),
		group("bao_tro_xa_hoi.mua_bhyt", true),
		countAt("bao_tro_xa_hoi.mua_bhyt.so_nguoi", true, func(r *report) *indicators.Count { return &r.Assistance.HealthCards.Persons }),
		moneyAt("bao_tro_xa_hoi.mua_bhyt.kinh_phi", true, func(r *report) *indicators.Money { return &r.Assistance.HealthCards.Cost }),
		group("bao_tro_xa_hoi.mung_tho", true),
		countAt("bao_tro_xa_hoi.mung_tho.tron_100", true, func(r *report) *indicators.Count { return &r.Assistance.Longevity.Age100 }),
		countAt("bao_tro_xa_hoi.mung_tho.tron_90", true, func(r *report) *indicators.Count { return &r.Assistance.Longevity.Age90 }),
		total("bao_tro_xa_hoi.mung_tho.tong", func(r *report) (indicators.Count, bool) {
			return sumCounts(r.Assistance.Longevity.Age100, r.Assistance.Longevity.Age90)
		}),
		{path: "bao_tro_xa_hoi.nha_o", kind: figList, required: true, roll: rollSum, list: housingSupport},
		{path: "bao_tro_xa_hoi.qua", kind: figList, required: true, roll: rollSum, list: giftSupport},
	}
}

func educationFigures() []figure {
	return []figure{
		group("giao_duc", true),
		{path: "giao_duc.ho_tro", kind: figList, required: true, roll: rollSum, list: educationSupport},
		total("giao_duc.tong_so_nguoi", func(r *report) (indicators.Count, bool) { return r.Education.totalPersons() }),
		computed("giao_duc.tong_so_tien", func(r *report) any { return r.Education.TotalAmount(r.MoneyUnit.Unit()) }),
	}
}

func electricityFigures() []figure {
	return []figure{
		group("tien_dien", true),
		group("tien_dien.ho_ngheo", true),
		countAt("tien_dien.ho_ngheo.so_ho", true, func(r *report) *indicators.Count { return &r.Electricity.Poor.Households }),
		moneyAt("tien_dien.ho_ngheo.kinh_phi", true, func(r *report) *indicators.Money { return &r.Electricity.Poor.Cost }),
		group("tien_dien.chinh_sach", true),
		countAt("tien_dien.chinh_sach.luot_ho", true, func(r *report) *indicators.Count { return &r.Electricity.Policy.HouseholdTurns }),
		moneyAt("tien_dien.chinh_sach.kinh_phi", true, func(r *report) *indicators.Money { return &r.Electricity.Policy.Cost }),
	}
}

// statedTotal marks entries as a stated total's: YAML only, dropped in a roll-up (the
// parent's totals are computed from its parts).
func statedTotal(fs []figure) []figure {
	for i := range fs {
		fs[i].yamlOnly, fs[i].roll = true, rollNone
	}
	return fs
}

// figureTable is a description with its entries indexed by parent path, for the
// decoder's walk of nested mappings.
type figureTable struct {
	all      []figure
	children map[string][]int // parent path ("" for the sections) -> indexes into all, in order
	// yamlOrder lists the YAML entries (not data-only) with the keys of each mapping
	// together, in order; yamlSpan gives a mapping's range in it by its path.
	yamlOrder []int
	yamlSpan  map[string][2]int
	catalog   *Catalog // the catalogue whose custom figures follow the built-in ones; nil for the built-in table
}

func newFigureTable(fs []figure) *figureTable {
	t := &figureTable{all: fs, children: map[string][]int{}, yamlSpan: map[string][2]int{}}
	var parents []string
	for i := range fs {
		p := fs[i].parent()
		if _, seen := t.children[p]; !seen {
			parents = append(parents, p)
		}
		t.children[p] = append(t.children[p], i)
	}
	for _, p := range parents {
		start := len(t.yamlOrder)
		for _, i := range t.children[p] {
			if !fs[i].dataOnly {
				t.yamlOrder = append(t.yamlOrder, i)
			}
		}
		t.yamlSpan[p] = [2]int{start, len(t.yamlOrder)}
	}
	return t
}

// builtin is the built-in description, built once; it is never modified.
var builtin = sync.OnceValue(func() *figureTable { return newFigureTable(builtinFigures()) })

// addCount is a + b, or false when the sum is beyond the range of a count (more than
// 9,2 × 10^18): sums of counts are checked before they are made, so that no total
// panics (indicators.Count.Add does on overflow).
func addCount(a, b indicators.Count) (indicators.Count, bool) {
	if a.Int64() > math.MaxInt64-b.Int64() {
		return indicators.Count{}, false
	}
	return a.Add(b), true
}

// tooLarge stands in the data tree for a total beyond the largest count. It refuses
// to print (MarshalText fails; it has no String), so a template that prints it fails at
// its tag instead of printing a wrong figure; Validate reports the total.
type tooLarge struct{ path string }

// MarshalText fails with an error wrapping ErrOverflow.
func (t tooLarge) MarshalText() ([]byte, error) {
	return nil, fmt.Errorf("%w: %s", ErrOverflow, t.path)
}
