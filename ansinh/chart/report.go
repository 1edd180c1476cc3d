package chart

import (
	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
)

// ForReport returns the charts of a report, for the template data under "bieu_do":
//
//	data := report.Data()
//	data["bieu_do"] = chart.ForReport(report)
//
// and in the template `{{image .bieu_do.ke_hoach 16}}`. Keys:
//
//	ke_hoach   results against plan ([Plan])
//	tin_dung   preferential loans by programme ([Loans])
//
// Charts are drawn only when the template places them.
func ForReport(r *ansinh.Report) map[string]any {
	return map[string]any{
		"ke_hoach": Plan(r),
		"tin_dung": Loans(r),
	}
}

// Plan is the chart of results against plan: one bar per figure of the report that has a
// plan, its length the result as a percentage of the plan, with a dashed line at 100%
// (the plan) and, at the end of each bar, the attainment and the figures it comes from:
// "99,78% (94,79% / KH 95%)", "55,55% (1.111 / KH 2.000)". The figures are the BHYT
// coverage rate, the share of the labour force in BHXH, new jobs and workers sent
// abroad; a figure without a plan or without a result is left out.
//
// Why a percentage of the plan rather than paired bars: the four figures are in
// different units (two rates of a few per cent to nearly 100, two head counts in the
// tens to thousands), so paired bars on one axis would hide the small ones, and four
// separate axes would not compare. Against the plan they share one scale, and the
// question a reader asks, how far is each from its plan, is read at a glance; the
// labels keep the figures themselves.
func Plan(r *ansinh.Report) *Chart {
	s := spec{axis: "% kế hoạch", percent: true, ref: &refLine{value: 100, label: "Kế hoạch (100%)"}}
	if r == nil {
		return newChart(s)
	}
	ins := r.Insurance
	if rate, err := ins.Health.CoverageRate(); err == nil && rate.IsValid() && ins.Health.Coverage.Plan.Valid {
		s.addRate("Tỷ lệ bao phủ BHYT", rate, ins.Health.Coverage.PlanRate())
	}
	if rate, err := ins.Social.ShareRate(); err == nil && rate.IsValid() && ins.Social.LabourForceShare.Plan.Valid {
		s.addRate("Tỷ lệ lao động tham gia BHXH", rate, ins.Social.LabourForceShare.PlanRate())
	}
	if a, err := r.Labour.NewJobs.Attainment(); err == nil {
		s.addCount("Tạo việc làm mới", a, r.Labour.NewJobs.Workers, r.Labour.NewJobs.Plan)
	}
	if a, err := r.Labour.Abroad.Attainment(); err == nil {
		s.addCount("Lao động đi làm việc ở nước ngoài", a, r.Labour.Abroad.Workers, r.Labour.Abroad.Target)
	}
	return newChart(s)
}

// addRate adds a rate against its planned rate: the attainment is their quotient.
func (s *spec) addRate(label string, rate, plan indicators.Rate) {
	a, err := indicators.NewAttainment(rate.Value(), plan.Value())
	if err != nil {
		return
	}
	s.bars = append(s.bars, bar{
		label: label, ok: true,
		value: a.Rate().Value().InexactFloat64(),
		text:  clip(a.Rate().String()+" ("+rate.String()+" / KH "+plan.String()+")", maxValueLen),
	})
}

// addCount adds a count against its plan.
func (s *spec) addCount(label string, a indicators.Attainment, actual, plan indicators.Count) {
	s.bars = append(s.bars, bar{
		label: label, ok: true,
		value: a.Rate().Value().InexactFloat64(),
		text:  clip(a.Rate().String()+" ("+actual.String()+" / KH "+plan.String()+")", maxValueLen),
	})
}

// Loans is the chart of preferential loans (tín dụng ưu đãi) by programme: one
// horizontal bar per programme, sorted from the largest amount down, labelled with the
// programme names, the amounts in the report's money unit (the axis names it) at the
// bar ends.
func Loans(r *ansinh.Report) *Chart {
	if r == nil {
		return newChart(spec{})
	}
	labels := make([]string, 0, len(r.Credit.Programmes))
	amounts := make([]indicators.Money, 0, len(r.Credit.Programmes))
	for _, p := range r.Credit.Programmes {
		labels = append(labels, p.Name)
		amounts = append(amounts, p.Amount.In(r.MoneyUnit.Unit()))
	}
	c := ByUnit("", labels, amounts)
	if len(amounts) == 0 {
		c.spec.axis = r.MoneyUnit.String()
	}
	return c
}
