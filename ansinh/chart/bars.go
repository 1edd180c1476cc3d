package chart

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/indicators"
)

// Number is a figure a bar can show. Each prints at the end of its bar as the report
// prints it: a Rate "4,82%" (ticks in %), a Count "1.855", Money its amount "12.061"
// (the axis names the unit), a decimal "568,1", an int "38.459". An invalid Rate (no
// base, nothing reported) draws no bar and prints "không có số liệu".
type Number interface {
	indicators.Rate | indicators.Count | indicators.Money | decimal.Decimal | int | int64
}

// ByUnit is a chart of one figure per unit, such as the poverty rate of each commune of
// a district or each district of a province: one horizontal bar per unit, sorted from the
// largest value down (units with equal values keep their order; units without a value
// come last), the unit names on the left and the values at the bar ends. labels and
// values go in pairs; lists of different lengths make [Chart.Image] fail. An empty title
// draws none.
func ByUnit[V Number](title string, labels []string, values []V) *Chart {
	return build(title, labels, values, true)
}

// Bars is [ByUnit] with the bars in the order given, top to bottom.
func Bars[V Number](title string, labels []string, values []V) *Chart {
	return build(title, labels, values, false)
}

func build[V Number](title string, labels []string, values []V, sorted bool) *Chart {
	s := spec{title: title}
	if len(labels) != len(values) {
		s.err = fmt.Errorf("chart %q: %d labels for %d values", title, len(labels), len(values))
		return newChart(s)
	}
	if len(values) > MaxBars {
		s.err = fmt.Errorf("%w: %d (at most %d)", ErrTooManyBars, len(values), MaxBars)
		return newChart(s)
	}
	var unit indicators.MoneyUnit
	haveUnit := false
	for i, v := range values {
		b := bar{label: clean(labels[i], MaxLabelLen), ok: true}
		var d decimal.Decimal
		switch v := any(v).(type) {
		case indicators.Rate:
			s.percent = true
			if !v.IsValid() {
				b.ok, b.text = false, "không có số liệu"
				break
			}
			d, b.text = v.Value(), v.String()
		case indicators.Count:
			d, b.text = v.Decimal(), v.String()
		case indicators.Money:
			if !haveUnit {
				unit, haveUnit = v.Unit(), true
				s.axis = unit.String()
			}
			v = v.In(unit)
			d, b.text = v.Amount(), v.Number()
		case decimal.Decimal:
			d, b.text = v, indicators.FormatNumber(v, -1)
		case int:
			d, b.text = decimal.NewFromInt(int64(v)), indicators.FormatInt(int64(v))
		case int64:
			d, b.text = decimal.NewFromInt(v), indicators.FormatInt(v)
		}
		b.value = d.InexactFloat64()
		b.text = clip(b.text, maxValueLen)
		s.bars = append(s.bars, b)
	}
	if sorted {
		sortBars(s.bars)
	}
	return newChart(s)
}

// sortBars orders bars from the largest value down, bars without a value last, keeping
// the given order among equals.
func sortBars(bars []bar) {
	sort.SliceStable(bars, func(i, j int) bool {
		if bars[i].ok != bars[j].ok {
			return bars[i].ok
		}
		return bars[i].value > bars[j].value
	})
}
