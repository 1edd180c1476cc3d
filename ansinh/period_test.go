package ansinh

import "testing"

func TestPeriods(t *testing.T) {
	cases := []struct {
		p                  Period
		str, start, end    string
		next, sameLastYear Period
	}{
		{Period{2023, FirstHalf}, "6 tháng đầu năm 2023", "01/01/2023", "30/6/2023", Period{2023, SecondHalf}, Period{2022, FirstHalf}},
		{Period{2023, SecondHalf}, "6 tháng cuối năm 2023", "01/7/2023", "31/12/2023", Period{2024, FirstHalf}, Period{2022, SecondHalf}},
		{Period{2024, FullYear}, "năm 2024", "01/01/2024", "31/12/2024", Period{2025, FullYear}, Period{2023, FullYear}},
		{Period{2024, Quarter1}, "quý I năm 2024", "01/01/2024", "31/3/2024", Period{2024, Quarter2}, Period{2023, Quarter1}},
		{Period{2024, Quarter3}, "quý III năm 2024", "01/7/2024", "30/9/2024", Period{2024, Quarter4}, Period{2023, Quarter3}},
		{Period{2024, Quarter4}, "quý IV năm 2024", "01/10/2024", "31/12/2024", Period{2025, Quarter1}, Period{2023, Quarter4}},
	}
	for _, c := range cases {
		if got := c.p.String(); got != c.str {
			t.Errorf("%v: String %q, want %q", c.p, got, c.str)
		}
		if got := c.p.Start().String(); got != c.start {
			t.Errorf("%v: Start %s, want %s", c.p, got, c.start)
		}
		if got := c.p.End().String(); got != c.end {
			t.Errorf("%v: End %s, want %s", c.p, got, c.end)
		}
		if c.p.Next() != c.next || c.p.SameLastYear() != c.sameLastYear {
			t.Errorf("%v: Next %v, SameLastYear %v", c.p, c.p.Next(), c.p.SameLastYear())
		}
		if !c.p.Contains(c.p.Start()) || !c.p.Contains(c.p.End()) || c.p.Contains(c.p.Next().Start()) {
			t.Errorf("%v: Contains wrong at the edges", c.p)
		}
		if err := c.p.Validate(); err != nil {
			t.Errorf("%v: %v", c.p, err)
		}
	}
	if err := (Period{1999, "nua-nam"}).Validate(); err == nil {
		t.Error("invalid period validates")
	}
	bad := Period{2023, "x"}
	if !bad.Start().IsZero() || !bad.End().IsZero() || bad.Next() != bad || bad.Contains(Period{2023, FirstHalf}.Start()) {
		t.Error("invalid period has dates")
	}
	if len(PeriodKinds()) != 7 {
		t.Error("PeriodKinds")
	}
}

func TestUnitNames(t *testing.T) {
	u := Unit{Name: "Bình Định", Level: "tỉnh"}
	if u.FullName() != "tỉnh Bình Định" || u.FullBodyName() != "Ủy ban nhân dân tỉnh Bình Định" {
		t.Errorf("%q / %q", u.FullName(), u.FullBodyName())
	}
	u.Body = "Hội đồng nhân dân"
	if u.FullBodyName() != "Hội đồng nhân dân tỉnh Bình Định" {
		t.Errorf("%q", u.FullBodyName())
	}
}
