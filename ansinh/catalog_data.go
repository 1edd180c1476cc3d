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
// gia_tri, tinh_duoc, so_sanh}: gia_tri is the Count, Money (in the report's unit) or
// Rate; tinh_duoc is false for a rate that cannot be computed (its gia_tri refuses to
// print); so_sanh is the Change against last year, or nil.
func (r *Report) customData(m map[string]any) {
	list, groups := []any{}, []any{}
	v := r.customValues()
	if v == nil {
		m[CustomPrefix+"_ds"], m[CustomPrefix+"_nhom"] = list, groups
		return
	}
	if _, ok := m[CustomPrefix]; !ok {
		m[CustomPrefix] = map[string]any{}
	}
	values, _ := m[CustomPrefix].(map[string]any)
	var changes map[string]any
	if cmp, ok := m["so_sanh"].(map[string]any); ok {
		changes, _ = cmp[CustomPrefix].(map[string]any)
	}
	byGroup := map[string]map[string]any{}
	for _, f := range v.catalog.figures {
		val := values[f.Code]
		computable := true
		unitWord := f.UnitWord
		switch x := val.(type) {
		case indicators.Rate:
			computable = x.IsValid()
		case indicators.Money:
			if unitWord == "" {
				unitWord = r.MoneyUnit.String()
			}
		}
		item := map[string]any{
			"ma": f.Code, "ten": f.Name, "kieu": string(f.Kind), "don_vi_tinh": unitWord, "nhom": f.Group,
			"gia_tri": val, "tinh_duoc": computable, "so_sanh": changes[f.Code],
		}
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
