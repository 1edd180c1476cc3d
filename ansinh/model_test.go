package ansinh

import (
	"testing"

	"github.com/ansinh-vn/baocao/indicators"
)

func TestModelLookupsAndPrinting(t *testing.T) {
	r := loadRef(t)
	if l, ok := r.Education.Line("an_trua"); !ok || l.Persons.Int64() != 262 {
		t.Errorf("Line(an_trua) = %+v, %v", l, ok)
	}
	if _, ok := r.Education.Line("x"); ok {
		t.Error("Line(x) found")
	}
	if _, ok := r.Credit.Programme("x"); ok {
		t.Error("Programme(x) found")
	}
	if _, ok := r.Insurance.CardGroup("x"); ok {
		t.Error("CardGroup(x) found")
	}
	doc := r.Document
	if doc.PrintedMonth() != 6 || doc.PrintedYear(2023) != 2023 {
		t.Errorf("draft date line: %d/%d", doc.PrintedMonth(), doc.PrintedYear(2023))
	}
	doc.Year = 2024
	if doc.PrintedYear(2023) != 2024 {
		t.Error("Year not used")
	}
	doc.Date, _ = indicators.NewDate(2023, 7, 5)
	if doc.PrintedMonth() != 7 || doc.PrintedYear(2023) != 2023 {
		t.Errorf("signed date line: %d/%d", doc.PrintedMonth(), doc.PrintedYear(2023))
	}
	fs := r.Validate()
	if s := fs.String(); s != fs[0].String()+"\n"+fs[1].String() {
		t.Errorf("Findings.String = %q", s)
	}
	if r.Insurance.Health.Coverage.Met(r.Insurance.Health.Participants) {
		t.Error("94,79% meets a 95% plan")
	}
	if got := (RateFigure{}).PlanRate(); got.IsValid() {
		t.Error("no plan gives a valid rate")
	}
	if _, err := (RateFigure{}).Rate(indicators.MustCount(1)); err == nil {
		t.Error("a rate with neither base nor reported value")
	}
}
