package ansinh

import (
	"strings"
	"testing"
)

func mustCatalog(t testing.TB, path string) *Catalog {
	t.Helper()
	c, err := LoadCatalogFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoadCatalogSample(t *testing.T) {
	c := mustCatalog(t, "../testdata/custom/danh-muc.yaml")
	fs := c.Figures()
	if len(fs) != 8 {
		t.Fatalf("%d figures, want 8", len(fs))
	}
	f, ok := c.Figure("ty_le_nkt")
	if !ok || f.Kind != CustomRate || f.Numerator != "nguoi_khuyet_tat" || f.Denominator != "giam_ngheo.dan_so.nhan_khau" || f.Factor != 1000 {
		t.Errorf("ty_le_nkt = %+v", f)
	}
	f, _ = c.Figure("diem_tu_van")
	if !f.NotSummable || !f.NoPlan {
		t.Errorf("diem_tu_van = %+v", f)
	}
	f, _ = c.Figure("nguoi_khuyet_tat")
	if strings.Join(f.Parts, ",") != "nkt_nang,nkt_dac_biet_nang" || f.Group != "Bảo trợ xã hội" || f.UnitWord != "người" {
		t.Errorf("nguoi_khuyet_tat = %+v", f)
	}
}
