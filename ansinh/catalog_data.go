package ansinh

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/indicators"
)

// customData adds the custom figures' lists to a data tree (their values at
// bo_sung.<ma> come with the description): bo_sung_ds, every figure in catalogue
// order, and bo_sung_nhom, the figures grouped under their nhom in order of first
// appearance. Both are empty lists without a catalogue, so a template can range over
// them whether or not one is given. Each figure is {ma, ten, kieu, don_vi_tinh, nhom,
// gia_tri, tinh_duoc, ly_do, don_vi_thay_doi, so_sanh}: gia_tri is the Count, Money (in
// the report's unit) or Rate; tinh_duoc is false for a rate that cannot be computed
// and for a figure a roll-up could not sum (its gia_tri then refuses to print), ly_do
// says why; don_vi_thay_doi is the unit word of its change (don_vi_tinh, don_vi_tien,
// điểm phần trăm, điểm phần nghìn); so_sanh, set by customChanges, is the Change against
// last year, or nil.
func (r *Report) customData(m map[string]any) {
	list, groups := []any{}, []any{}
	v := r.customValues()
	if v == nil {
		m[CustomPrefix+"_ds"], m[CustomPrefix+"_nhom"] = list, groups
		return
	}
	values, _ := m[CustomPrefix].(map[string]any)
	if values == nil {
		values = map[string]any{}
		m[CustomPrefix] = values
	}
	byGroup := map[string]map[string]any{}
	for i, f := range v.catalog.figures {
		item := map[string]any{
			"ma": f.Code, "ten": f.Name, "kieu": string(f.Kind), "don_vi_tinh": f.UnitWord, "nhom": f.Group,
			"tinh_duoc": true, "ly_do": "", "don_vi_thay_doi": f.UnitWord, "so_sanh": nil,
		}
		switch {
		case v.isAbsent(i):
			values[f.Code] = notSummed{CustomPrefix + "." + f.Code}
			item["tinh_duoc"], item["ly_do"] = false, "không cộng dồn được từ báo cáo của các đơn vị"
		case f.Kind == CustomMoney:
			if f.UnitWord == "" {
				item["don_vi_tinh"] = r.MoneyUnit.String()
			}
			item["don_vi_thay_doi"] = r.MoneyUnit.String()
		case f.Kind == CustomRate:
			item["don_vi_thay_doi"] = "điểm phần trăm"
			if f.Factor == 1000 {
				item["don_vi_thay_doi"] = "điểm phần nghìn"
			}
			switch _, err := v.catalog.rate(r, i); {
			case errors.Is(err, errNotSummed):
				item["tinh_duoc"], item["ly_do"] = false, "không tính được từ báo cáo của các đơn vị (tử số hoặc mẫu số không cộng dồn được)"
			case err != nil:
				item["tinh_duoc"], item["ly_do"] = false, "không tính được (mẫu số bằng 0)"
			}
		}
		item["gia_tri"] = values[f.Code]
		list = append(list, item)
		g, ok := byGroup[f.Group]
		if !ok {
			g = map[string]any{"ten": f.Group, "chi_tieu": []any{}}
			byGroup[f.Group] = g
			groups = append(groups, g)
		}
		g["chi_tieu"] = append(g["chi_tieu"].([]any), item)
	}
	m[CustomPrefix+"_ds"], m[CustomPrefix+"_nhom"] = list, groups
}

// customChanges sets so_sanh of each item of bo_sung_ds: its Change against last
// year from the tree's so_sanh, when there is one.
func (r *Report) customChanges(m map[string]any) {
	cmp, _ := m["so_sanh"].(map[string]any)
	changes, _ := cmp[CustomPrefix].(map[string]any)
	list, _ := m[CustomPrefix+"_ds"].([]any)
	for _, x := range list {
		item := x.(map[string]any)
		if c, ok := changes[item["ma"].(string)]; ok {
			item["so_sanh"] = c
		}
	}
}

// notSummed stands in the data tree for a custom figure a roll-up could not sum
// (cong_don: false). It refuses to print, like an invalid rate: a template tests
// tinh_duoc first.
type notSummed struct{ path string }

// MarshalText fails with an error naming the figure.
func (n notSummed) MarshalText() ([]byte, error) {
	return nil, fmt.Errorf("ansinh: %s cannot be summed over units (cong_don: false)", n.path)
}

// custom checks the custom figures: parts against their totals, and every rate
// computable (a zero denominator is a warning) and consistent (a part above its whole).
func (v *validator) custom(r *Report) {
	vals := r.customValues()
	if vals == nil {
		return
	}
	c := vals.catalog
	for i := range c.figures {
		f := &c.figures[i]
		subject := CustomPrefix + "." + f.Code
		switch {
		case f.Kind == CustomRate:
			v.customRate(r, c, i, subject)
		case len(f.Parts) > 0:
			v.add(indicators.CheckSum(subject, vals.amount(r, i), vals.parts(r, f.Parts)...)...)
		}
	}
}

func (v *validator) customRate(r *Report, c *Catalog, i int, subject string) {
	f := &c.figures[i]
	rate, err := c.rate(r, i)
	switch {
	case errors.Is(err, indicators.ErrZeroDenominator):
		v.noRate(subject, fmt.Sprintf("mẫu số %s bằng 0", f.Denominator))
		return
	case err != nil:
		return // a total beyond the largest count: reported by totals
	}
	if rate.Numerator().GreaterThan(rate.Denominator()) {
		v.warnf(indicators.CodePartExceedsTotal, subject, []decimal.Decimal{rate.Numerator(), rate.Denominator()},
			"%s: tử số %s (%s) lớn hơn mẫu số %s (%s); tỷ lệ vượt %d.",
			f.Name, f.Numerator, indicators.FormatNumber(rate.Numerator(), 0), f.Denominator,
			indicators.FormatNumber(rate.Denominator(), 0), f.Factor)
	}
}

// amount is figure i's value as a decimal (counts, and money in r's unit).
func (v *CustomValues) amount(r *Report, i int) decimal.Decimal {
	if v.catalog.figures[i].Kind == CustomMoney {
		return v.money[i].In(r.MoneyUnit.Unit()).Amount()
	}
	return v.counts[i].Decimal()
}

func (v *CustomValues) parts(r *Report, codes []string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(codes))
	for k, code := range codes {
		out[k] = v.amount(r, v.catalog.index[code])
	}
	return out
}
