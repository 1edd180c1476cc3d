package ansinh

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ansinh-vn/baocao/indicators"
)

// Errors of SetPrevious.
var (
	// ErrPreviousPeriod: the report given as last year's is not the same period of the
	// previous year.
	ErrPreviousPeriod = errors.New("ansinh: not the same period of last year")
	// ErrPreviousUnit: the report given as last year's is another unit's.
	ErrPreviousUnit = errors.New("ansinh: last year's report is another unit's")
)

// sameUnit reports whether a and b are the same unit: the same ma when both have one,
// else the same level and name (ignoring case).
func sameUnit(a, b Unit) bool {
	if a.Code != "" && b.Code != "" {
		return strings.TrimSpace(a.Code) == strings.TrimSpace(b.Code)
	}
	return strings.EqualFold(strings.TrimSpace(a.Name), strings.TrimSpace(b.Name)) &&
		strings.EqualFold(strings.TrimSpace(a.Level), strings.TrimSpace(b.Level))
}

// SetPrevious sets r.Previous to prev, the same unit's report for the same period of
// last year (cùng kỳ năm trước: [Period.SameLastYear]). It returns an error wrapping
// [ErrPreviousPeriod] or [ErrPreviousUnit] when prev is another period or another unit
// (set the field directly to compare anyway, for a unit renamed by a merger). A nil prev
// clears it.
//
// With a previous report, [Report.Data] adds nam_truoc, last year's data tree, and
// so_sanh, a tree with the paths of Data whose leaves are [indicators.Change] values:
// one for every count, amount and computable rate both years have (a rate's change is in
// percentage points). A keyed-list item only one year has gets no change. Print one with
// sosanh: {{sosanh .so_sanh.bao_hiem.bhyt.so_nguoi "người"}} gives "tăng 1.366 người so
// với cùng kỳ năm trước".
func (r *Report) SetPrevious(prev *Report) error {
	if prev == nil {
		r.Previous = nil
		return nil
	}
	if want := r.Period.SameLastYear(); prev.Period != want {
		return fmt.Errorf("%w: báo cáo cùng kỳ phải là %s, nhận được %s", ErrPreviousPeriod, want, prev.Period)
	}
	if !sameUnit(r.Unit, prev.Unit) {
		return fmt.Errorf("%w: báo cáo là của %s, báo cáo cùng kỳ là của %s", ErrPreviousUnit, r.Unit.FullName(), prev.Unit.FullName())
	}
	r.Previous = prev
	return nil
}

// Compare gives every figure of cur its change against prev: a map from the path of the
// figure in [Report.Data] ("bao_hiem.bhyt.so_nguoi", "tin_dung.chuong_trinh.hssv.so_tien")
// to its Change, for each count, amount (in cur's MoneyUnit) and computable rate both
// reports have. Keyed-list items are compared by ma. It does not check the periods;
// see [Report.SetPrevious].
func Compare(cur, prev *Report) map[string]indicators.Change {
	out := map[string]indicators.Change{}
	flattenChanges(out, "", compareTree(baseData(cur), baseData(prev), cur.MoneyUnit.Unit()))
	return out
}

func flattenChanges(out map[string]indicators.Change, prefix string, m map[string]any) {
	for k, v := range m {
		switch x := v.(type) {
		case map[string]any:
			flattenChanges(out, join(prefix, k), x)
		case indicators.Change:
			out[join(prefix, k)] = x
		}
	}
}

// baseData is r's data without the previous period and the plan.
func baseData(r *Report) map[string]any {
	cp := *r
	cp.Previous, cp.Plan = nil, nil
	return cp.Data()
}

// extensionKeys are the keys Data adds for the previous period and the plan; they are
// not compared.
var extensionKeys = map[string]bool{
	"nam_truoc": true, "so_sanh": true, "ke_hoach": true, "ke_hoach_ds": true, "ke_hoach_can_cu": true,
}

// compareTree mirrors cur, keeping a Change for each numeric leaf prev also has.
func compareTree(cur, prev map[string]any, mu indicators.MoneyUnit) map[string]any {
	out := map[string]any{}
	for k, v := range cur {
		if extensionKeys[k] {
			continue
		}
		p, ok := prev[k]
		if !ok {
			continue
		}
		switch x := v.(type) {
		case map[string]any:
			if pm, ok := p.(map[string]any); ok {
				if sub := compareTree(x, pm, mu); len(sub) > 0 {
					out[k] = sub
				}
			}
		case indicators.Count:
			if pc, ok := p.(indicators.Count); ok {
				out[k] = indicators.NewChange(x.Decimal(), pc.Decimal())
			}
		case indicators.Money:
			if pm, ok := p.(indicators.Money); ok {
				out[k] = indicators.NewChange(x.In(mu).Amount(), pm.In(mu).Amount())
			}
		case indicators.Rate:
			if pr, ok := p.(indicators.Rate); ok && x.IsValid() && pr.IsValid() {
				out[k] = indicators.NewChange(x.Value(), pr.Value())
			}
		}
	}
	return out
}

// compareData adds the previous period and the plan to a Data tree.
func (r *Report) compareData(m map[string]any) {
	prev, cmp := map[string]any{}, map[string]any{}
	if r.Previous != nil {
		prev = baseData(r.Previous)
		cmp = compareTree(m, prev, r.MoneyUnit.Unit())
	}
	plan, planList := r.planData(m)
	m["nam_truoc"], m["so_sanh"] = prev, cmp
	m["ke_hoach"], m["ke_hoach_ds"] = plan, planList
	source := ""
	if r.Plan != nil {
		source = r.Plan.Source
	}
	m["ke_hoach_can_cu"] = source
}

// sosanh prints a change against the same period last year: {{sosanh c}},
// {{sosanh c "người"}} or {{c | sosanh "người"}}: "tăng 1.366 người so với cùng kỳ năm
// trước", "giảm 25 hộ so với cùng kỳ năm trước", "không đổi so với cùng kỳ năm trước".
func sosanh(args ...any) (string, error) {
	var (
		c            indicators.Change
		haveC, haveU bool
		unit         string
	)
	if len(args) == 0 || len(args) > 2 {
		return "", fmt.Errorf("ansinh: sosanh: want a change and an optional unit word ({{sosanh .so_sanh.x \"người\"}}), got %d arguments", len(args))
	}
	for _, a := range args {
		switch x := a.(type) {
		case indicators.Change:
			if haveC {
				return "", errors.New("ansinh: sosanh: two changes given; want one change and an optional unit word")
			}
			c, haveC = x, true
		case *indicators.Change:
			if x == nil {
				return "", errors.New("ansinh: sosanh: got a nil *indicators.Change")
			}
			c, haveC = *x, true
		case string:
			if haveU {
				return "", errors.New("ansinh: sosanh: two unit words given")
			}
			unit, haveU = strings.TrimSpace(x), true
		default:
			if a == nil {
				return "", errors.New("ansinh: sosanh: got nil, want a Change (a leaf of .so_sanh)")
			}
			return "", fmt.Errorf("ansinh: sosanh: cannot compare %T, want a Change (a leaf of .so_sanh) and an optional unit word", a)
		}
	}
	if !haveC {
		return "", errors.New("ansinh: sosanh: no change given; pass a leaf of .so_sanh")
	}
	s := c.String()
	if c.Sign() != 0 && unit != "" && c.Unit() == "" {
		s += " " + unit
	}
	return s + " so với cùng kỳ năm trước", nil
}

// sortedKeys returns the keys of m in order (for stable messages).
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
