package ansinh

import "testing"

// The description is well formed: each entry has the accessor of its kind and no
// other, its parent is a described group (or it is a section), and no path is described
// twice for the same side (YAML or data).
func TestFigureTableWellFormed(t *testing.T) {
	tbl := builtin()
	yamlPaths, dataPaths := map[string]bool{}, map[string]bool{}
	groups := map[string]bool{"": true}
	for i := range tbl.all {
		f := &tbl.all[i]
		if f.kind == figGroup {
			groups[f.path] = true
		}
	}
	for i := range tbl.all {
		f := &tbl.all[i]
		accessors := map[figKind]bool{
			figCount: f.count != nil, figMoney: f.money != nil, figPercent: f.percent != nil,
			figRateFigure: f.rate != nil, figDate: f.date != nil, figYear: f.year != nil, figText: f.text != nil,
			figParagraphs: f.paras != nil, figList: f.list != nil, figComputed: f.value != nil, figTotal: f.total != nil,
		}
		for k, has := range accessors {
			if has != (k == f.kind) {
				t.Errorf("%s: kind %d, but the accessor of kind %d is set: %v", f.path, f.kind, k, has)
			}
		}
		if !groups[f.parent()] {
			t.Errorf("%s: its parent %q is not a described group", f.path, f.parent())
		}
		if f.yamlOnly && f.dataOnly {
			t.Errorf("%s: both YAML only and data only", f.path)
		}
		if !f.dataOnly {
			if yamlPaths[f.path] {
				t.Errorf("%s: described twice in YAML", f.path)
			}
			yamlPaths[f.path] = true
		}
		if !f.yamlOnly && f.kind != figGroup {
			if dataPaths[f.path] {
				t.Errorf("%s: described twice in the data tree", f.path)
			}
			dataPaths[f.path] = true
		}
		if (f.roll == rollRate || f.roll == rollTarget) && f.name == "" {
			t.Errorf("%s: a roll-up finding needs its name", f.path)
		}
		if f.roll == rollTarget && f.reported == nil || f.kind == figRateFigure && f.numerator == nil {
			t.Errorf("%s: missing the figure it is checked with", f.path)
		}
	}
	// A report built from nothing has every described figure: the accessors reach
	// fields of a zero Report (a stated total only once allocated).
	var r Report
	for i := range tbl.all {
		f := &tbl.all[i]
		if f.alloc != nil {
			f.alloc(&r)
		}
	}
	for i := range tbl.all {
		f := &tbl.all[i]
		if f.kind == figCount && f.count(&r) == nil || f.kind == figMoney && f.money(&r) == nil {
			t.Errorf("%s: the accessor reaches nothing", f.path)
		}
	}
}
