package ansinh

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/ansinh-vn/baocao/indicators"
)

// Plan is a unit's plan for a year (kế hoạch năm, chỉ tiêu giao): targets for figures
// of its report, as the People's Council or the upper level set them. A plan file is
// YAML, loaded as strictly as a period file ([LoadPlan]):
//
//	don_vi: {ma: "52", ten: Bình An, cap: tỉnh}    # whose plan; must be the report's unit
//	nam: 2024                                        # plan year; must be the period's year
//	don_vi_tien: triệu đồng                          # money targets' unit (default triệu đồng)
//	can_cu: Nghị quyết số 25/NQ-HĐND ngày 08/12/2023  # optional: the document that set it
//	chi_tieu:
//	  - ma: viec_lam_moi                             # key, unique
//	    ten: Giải quyết việc làm mới                  # optional: the name printed
//	    chi_so: lao_dong.viec_lam_moi.so_nguoi       # the figure: a path of the report's data
//	    ke_hoach: 4000                               # the target: a count, an amount or a percentage
//	    don_vi_tinh: người                           # optional: unit word printed
//
// chi_so must name a count, an amount or a rate of [Report.Data] (an item of a keyed
// list by its ma: tin_dung.chuong_trinh.hssv.so_tien); ke_hoach is read as that figure
// is: a whole number for a count, an amount in don_vi_tien, a percentage for a rate
// (95 for 95%). It must not be zero.
type Plan struct {
	Unit      Unit                 // don_vi
	Year      int                  // nam
	MoneyUnit indicators.MoneyUnit // don_vi_tien
	Source    string               // can_cu: the resolution or decision that set the plan
	Targets   []Target             // chi_tieu, in file order
}

// TargetKind is what a target measures: the kind of the figure its Path names.
type TargetKind int

// Target kinds.
const (
	TargetCount   TargetKind = iota + 1 // a count (người, hộ, thẻ …)
	TargetMoney                         // an amount, in the plan's MoneyUnit
	TargetPercent                       // a percentage (a rate's target)
)

// Target is one planned figure (chỉ tiêu).
type Target struct {
	Code     string          // ma
	Name     string          // ten
	Path     string          // chi_so: path of the figure in Report.Data
	Kind     TargetKind      // from Path
	Value    decimal.Decimal // ke_hoach: the count, the amount in Plan.MoneyUnit, or the percentage
	UnitWord string          // don_vi_tinh: "người", "hộ", "%"
}

// Errors of SetPlan.
var (
	// ErrPlanYear: the plan is for another year than the report's period.
	ErrPlanYear = errors.New("ansinh: plan is for another year")
	// ErrPlanUnit: the plan is another unit's.
	ErrPlanUnit = errors.New("ansinh: plan is another unit's")
)

// Finding codes of SetPlan.
const (
	CodePlanNoFigure = "plan-no-figure" // a target's figure is missing from the report or cannot be computed
	CodePlanDiffers  = "plan-differs"   // the plan file and the report's own plan figure differ
)

func (d *decoder) loadPlan(data []byte) *Plan {
	root := d.root(data, "một kế hoạch")
	if root == nil {
		return nil
	}
	p := &Plan{}
	d.moneyUnitFirst(root)
	p.MoneyUnit = d.unitOfMoney
	d.mapping(root, "",
		req("don_vi", func(n *yaml.Node, path string) { d.unit(n, path, &p.Unit) }),
		req("nam", func(n *yaml.Node, path string) { p.Year = d.year(n, path) }),
		opt("don_vi_tien", func(*yaml.Node, string) {}),
		opt("can_cu", func(n *yaml.Node, path string) { p.Source = d.str(n, path) }),
		req("chi_tieu", func(n *yaml.Node, path string) {
			codes, paths := map[string]int{}, map[string]int{}
			d.sequence(n, path, func(n *yaml.Node, path string, _ int) {
				t, ok := d.target(n, path)
				if line, dup := codes[t.Code]; dup && t.Code != "" {
					d.atKind(ErrDuplicateKey, n, path+".ma", "duplicate ma", "mã chỉ tiêu %q bị lặp, đã có ở dòng %d; mỗi chỉ tiêu một mã", t.Code, line)
					ok = false
				} else if t.Code != "" {
					codes[t.Code] = n.Line
				}
				if line, dup := paths[t.Path]; dup && t.Path != "" {
					d.atKind(ErrDuplicateKey, n, path+".chi_so", "duplicate chi_so", "chỉ số %q đã có chỉ tiêu ở dòng %d; mỗi số liệu một chỉ tiêu", t.Path, line)
					ok = false
				} else if t.Path != "" {
					paths[t.Path] = n.Line
				}
				if ok {
					p.Targets = append(p.Targets, t)
				}
			})
			if resolve(n) != nil && len(p.Targets) == 0 && len(d.errs) == 0 {
				d.atKind(ErrMissingKey, resolve(n), path, "no targets", "kế hoạch chưa có chỉ tiêu nào; thêm các chỉ tiêu vào chi_tieu")
			}
		}),
	)
	return p
}

// moneyUnitFirst reads don_vi_tien before the rest: money anywhere is in that unit.
func (d *decoder) moneyUnitFirst(root *yaml.Node) {
	d.unitOfMoney = DefaultMoneyUnit
	if root.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "don_vi_tien" {
			continue
		}
		n := resolve(root.Content[i+1])
		s := strings.TrimSpace(d.str(n, "don_vi_tien"))
		if s == "" {
			return
		}
		u, err := indicators.ParseMoneyUnit(s)
		if err != nil {
			d.at(n, "don_vi_tien", "unknown money unit", "đơn vị tiền %q không hợp lệ; dùng: đồng, nghìn đồng, triệu đồng, tỷ đồng", s)
			return
		}
		d.unitOfMoney = u
		return
	}
}

func (d *decoder) target(n *yaml.Node, path string) (Target, bool) {
	var (
		t         Target
		valueNode *yaml.Node
		pathNode  *yaml.Node
	)
	before := len(d.errs)
	d.mapping(n, path,
		req("ma", func(n *yaml.Node, p string) { t.Code = d.code(n, p) }),
		opt("ten", func(n *yaml.Node, p string) { t.Name = d.str(n, p) }),
		req("chi_so", func(n *yaml.Node, p string) { t.Path = strings.TrimSpace(d.str(n, p)); pathNode = resolve(n) }),
		req("ke_hoach", func(n *yaml.Node, _ string) { valueNode = n }),
		opt("don_vi_tinh", func(n *yaml.Node, p string) { t.UnitWord = d.str(n, p) }),
	)
	if pathNode != nil && t.Path != "" {
		kind, ok := d.figureKind(pathNode, path+".chi_so", t.Path)
		if !ok {
			vn, en := didYouMean(suggestPath(t.Path))
			d.at(pathNode, path+".chi_so", "unknown figure path"+en, "chỉ số %q không phải là một số liệu của báo cáo (số lượng, số tiền hoặc tỷ lệ)%s",
				t.Path, vn)
		}
		t.Kind = kind
	} else if pathNode != nil {
		d.atKind(ErrMissingKey, pathNode, path+".chi_so", "empty chi_so", "chỉ số không được để trống; ghi đường dẫn số liệu, ví dụ lao_dong.viec_lam_moi.so_nguoi")
	}
	if valueNode != nil && t.Kind != 0 {
		p := path + ".ke_hoach"
		switch t.Kind {
		case TargetCount:
			if c, ok := d.countOK(valueNode, p); ok {
				t.Value = c.Decimal()
			}
		case TargetMoney:
			t.Value, _ = d.number(valueNode, p, "số tiền", "568.1")
		case TargetPercent:
			t.Value, _ = d.number(valueNode, p, "tỷ lệ phần trăm", "95")
		}
		if len(d.errs) == before && t.Value.IsZero() {
			d.at(resolve(valueNode), p, "a zero target", "kế hoạch bằng 0: không tính được tỷ lệ đạt kế hoạch; ghi chỉ tiêu kế hoạch khác 0, hoặc bỏ chỉ tiêu này")
		}
	}
	return t, len(d.errs) == before
}

// figurePaths maps every figure path of Report.Data to its kind; a keyed-list item's
// ma is "*".
var figurePaths = sync.OnceValue(func() map[string]TargetKind {
	zero := indicators.Money{}
	r := &Report{
		Credit:    Credit{Programmes: []LoanProgramme{{Code: "*", Amount: zero}}},
		Insurance: Insurance{Cards: []CardGroup{{Code: "*"}}},
		Assistance: SocialAssistance{
			Housing: []HousingSupport{{Code: "*"}},
			Gifts:   []GiftSupport{{Code: "*"}},
		},
		Education: Education{Support: []EducationSupport{{Code: "*"}}},
	}
	out := map[string]TargetKind{}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			if prefix == "" && extensionKeys[k] {
				continue
			}
			p := join(prefix, k)
			switch v := v.(type) {
			case map[string]any:
				walk(p, v)
			case indicators.Count:
				out[p] = TargetCount
			case indicators.Money:
				out[p] = TargetMoney
			case indicators.Rate:
				out[p] = TargetPercent
			}
		}
	}
	walk("", baseData(r))
	return out
})

// figureKind returns the kind of the figure at path, matching "*" against any ma.
func figureKind(path string) (TargetKind, bool) {
	if k, ok := figurePaths()[path]; ok {
		return k, true
	}
	segs := strings.Split(path, ".")
	for p, k := range figurePaths() {
		if !strings.Contains(p, "*") {
			continue
		}
		ps := strings.Split(p, ".")
		if len(ps) != len(segs) {
			continue
		}
		match := true
		for i := range ps {
			if ps[i] != "*" && ps[i] != segs[i] || ps[i] == "*" && segs[i] == "" {
				match = false
				break
			}
		}
		if match {
			return k, true
		}
	}
	return 0, false
}

// suggestPath proposes the nearest figure path; "" when none is near.
func suggestPath(path string) string {
	best, bestD := "", 6
	for _, p := range sortedKeys(figurePaths()) {
		if dist := levenshtein(path, p); dist < bestD {
			best, bestD = p, dist
		}
	}
	return best
}

// SetPlan sets r.Plan to p after checking it is r's unit's plan for r's year (errors
// wrapping [ErrPlanYear], [ErrPlanUnit]). It returns findings: a target whose figure
// the report lacks or cannot compute ([CodePlanNoFigure]), and a target that differs
// from a plan figure the report already has ([CodePlanDiffers]). Targets for the
// report's own plan figures are copied into the model, replacing what was there, so
// that dat_ke_hoach of Data agrees with the plan file: bao_hiem.bhyt.ty_le_bao_phu
// (Coverage.Plan), bao_hiem.bhxh.ty_le (LabourForceShare.Plan),
// lao_dong.viec_lam_moi.so_nguoi (NewJobs.Plan) and lao_dong.xuat_khau.so_nguoi
// (Abroad.Target). A nil p clears the plan.
//
// With a plan, [Report.Data] adds ke_hoach (a map by ma) and ke_hoach_ds (the targets
// in file order), each {ma, ten, chi_so, don_vi_tinh, ke_hoach (the target, typed as
// its figure), thuc_hien (the figure), dat (an [indicators.Attainment]: "đạt 55,55% so
// với kế hoạch"), ty_le (its rate: 55,55%), dat_ke_hoach (bool: met)}, and
// ke_hoach_can_cu (the plan's Source).
func (r *Report) SetPlan(p *Plan) (Findings, error) {
	if p == nil {
		r.Plan = nil
		return nil, nil
	}
	if p.Year != r.Period.Year {
		return nil, fmt.Errorf("%w: kế hoạch năm %d, báo cáo %s", ErrPlanYear, p.Year, r.Period)
	}
	if !sameUnit(r.Unit, p.Unit) {
		return nil, fmt.Errorf("%w: kế hoạch của %s, báo cáo của %s", ErrPlanUnit, p.Unit.FullName(), r.Unit.FullName())
	}
	var fs Findings
	warn := func(code, subject, format string, args ...any) {
		fs = append(fs, indicators.Finding{Severity: indicators.Warning, Code: code, Subject: subject, Message: fmt.Sprintf(format, args...)})
	}
	// setRatePlan puts a rate target into the report, warning when the report's own plan
	// says otherwise.
	setRatePlan := func(f *RateFigure, what, subject string, v decimal.Decimal) {
		if f.Plan.Valid && !f.Plan.Decimal.Equal(v) {
			warn(CodePlanDiffers, subject, "Kế hoạch %s trong tệp kế hoạch là %s nhưng báo cáo ghi %s; dùng tệp kế hoạch.",
				what, indicators.FormatPercent(v, -1), indicators.FormatPercent(f.Plan.Decimal, -1))
		}
		f.Plan = decimal.NewNullDecimal(v)
	}
	for _, t := range p.Targets {
		subject := "ke_hoach." + t.Code
		switch t.Path {
		case "bao_hiem.bhyt.ty_le_bao_phu":
			setRatePlan(&r.Insurance.Health.Coverage, "tỷ lệ bao phủ BHYT", subject, t.Value)
		case "bao_hiem.bhxh.ty_le":
			setRatePlan(&r.Insurance.Social.LabourForceShare, "tỷ lệ tham gia BHXH", subject, t.Value)
		case "lao_dong.viec_lam_moi.so_nguoi":
			j := &r.Labour.NewJobs
			c, _ := indicators.CountFromDecimal(t.Value)
			if !j.Plan.IsZero() && j.Plan != c {
				warn(CodePlanDiffers, subject, "Kế hoạch tạo việc làm mới trong tệp kế hoạch là %s người nhưng báo cáo ghi %s (ke_hoach); dùng tệp kế hoạch.", c, j.Plan)
				j.ReportedRate = decimal.NullDecimal{}
			}
			j.Plan = c
		case "lao_dong.xuat_khau.so_nguoi":
			w := &r.Labour.Abroad
			c, _ := indicators.CountFromDecimal(t.Value)
			if !w.Target.IsZero() && w.Target != c {
				warn(CodePlanDiffers, subject, "Chỉ tiêu xuất khẩu lao động trong tệp kế hoạch là %s người nhưng báo cáo ghi %s (chi_tieu); dùng tệp kế hoạch.", c, w.Target)
				w.ReportedRate = decimal.NullDecimal{}
			}
			w.Target = c
		}
	}
	r.Plan = p
	data := baseData(r)
	for _, t := range p.Targets {
		if _, ok := actualValue(data, t.Path); !ok {
			warn(CodePlanNoFigure, "ke_hoach."+t.Code, "Chỉ tiêu %q: báo cáo không có số liệu %s (hoặc không tính được), nên không tính được tỷ lệ đạt kế hoạch.",
				targetName(t), t.Path)
		}
	}
	return fs, nil
}

func targetName(t Target) string {
	if t.Name != "" {
		return t.Name
	}
	return t.Code
}

// actualValue is the value of the figure at path in a data tree.
func actualValue(data map[string]any, path string) (decimal.Decimal, bool) {
	v, ok := lookup(data, path)
	if !ok {
		return decimal.Decimal{}, false
	}
	switch x := v.(type) {
	case indicators.Count:
		return x.Decimal(), true
	case indicators.Money:
		return x.Amount(), true // Data prints money in the report's unit
	case indicators.Rate:
		return x.Value(), x.IsValid()
	}
	return decimal.Decimal{}, false
}

// planData builds ke_hoach and ke_hoach_ds from a Data tree.
func (r *Report) planData(data map[string]any) (map[string]any, []any) {
	byCode, list := map[string]any{}, []any{}
	if r.Plan == nil {
		return byCode, list
	}
	for _, t := range r.Plan.Targets {
		var target any
		value := t.Value
		switch t.Kind {
		case TargetCount:
			c, _ := indicators.CountFromDecimal(t.Value)
			target = c
		case TargetMoney:
			m := indicators.NewMoney(t.Value, r.Plan.MoneyUnit).In(r.MoneyUnit.Unit())
			value, target = m.Amount(), m
		default:
			target = indicators.ReportedRate(t.Value)
		}
		actual, _ := lookup(data, t.Path)
		if actual == nil {
			actual = ""
		}
		var att indicators.Attainment
		if v, ok := actualValue(data, t.Path); ok {
			att, _ = indicators.NewAttainment(v, value)
		}
		m := map[string]any{
			"ma": t.Code, "ten": t.Name, "chi_so": t.Path, "don_vi_tinh": t.UnitWord,
			"ke_hoach": target, "thuc_hien": actual, "dat": att, "ty_le": att.Rate(), "dat_ke_hoach": att.Met(),
		}
		byCode[t.Code] = m
		list = append(list, m)
	}
	return byCode, list
}
