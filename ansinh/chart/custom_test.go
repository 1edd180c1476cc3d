package chart_test

import (
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/ansinh/chart"
	"github.com/ansinh-vn/baocao/indicators"
)

// A custom figure by unit: the roll-up's rows at bo_sung.<ma>, charted with ByUnit.
func TestByUnitCustomFigure(t *testing.T) {
	cat, err := ansinh.LoadCatalogFile("../../testdata/custom/danh-muc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	agg := ansinh.NewAggregator(ansinh.Unit{Code: "30", Name: "Bình An", Level: "tỉnh"}, ansinh.Period{Year: 2024, Kind: ansinh.FirstHalf})
	agg.RowPaths = []string{"bo_sung.ty_le_dac_biet_nang", "bo_sung.nguoi_khuyet_tat"}
	err = ansinh.Loader{Catalog: cat}.LoadDir("../../testdata/custom/2024-h1", func(_ string, r *ansinh.Report, err error) error {
		if err != nil {
			return err
		}
		return agg.Add(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	var rates []indicators.Rate
	for _, u := range agg.Result().Units {
		labels = append(labels, u.Unit.Name)
		rates = append(rates, u.Figures["bo_sung"].(map[string]any)["ty_le_dac_biet_nang"].(indicators.Rate))
	}
	c := chart.ByUnit("Tỷ lệ người khuyết tật đặc biệt nặng", labels, rates)
	if c.Len() != 12 {
		t.Fatalf("%d bars", c.Len())
	}
	// unit k has 5+k especially severe of 25+4k: 6/29 (20,69%) for k = 1 is the smallest
	// share, 17/73 (23,29%) for k = 12 the largest.
	v := c.ValueLabels()
	if v[0] != "23,29%" || v[11] != "20,69%" {
		t.Errorf("value labels %s", strings.Join(v, " "))
	}
	img, err := c.Image()
	if err != nil {
		t.Fatal(err)
	}
	decodePNG(t, "custom", img)
}
