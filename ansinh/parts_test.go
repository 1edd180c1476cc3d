package ansinh_test

import (
	"fmt"
	"testing"
)

// A loan programme's parts (thanh_phan) are given as counts or as {so_ho, ten}; the data
// tree lists them in file order with their names (thanh_phan_ds), and a roll-up sums
// them by code, in order of first appearance, keeping the first name.
func TestLoanPartsNamedAndMerged(t *testing.T) {
	a := unitFile(t, "chuong_trinh",
		"    - {ma: nha_o, ten: Nhà ở, so_ho: 3, so_tien: 120, thanh_phan: {xay_moi: {so_ho: 2, ten: xây mới}, sua_chua: 1}}")
	b := unitFile(t, "ma", "30002", "ten", "Bình Phú", "chuong_trinh",
		"    - {ma: nha_o, ten: Nhà ở, so_ho: 6, so_tien: 160, thanh_phan: {mua: 2, sua_chua: {so_ho: 3, ten: sửa chữa}, xay_moi: {so_ho: 1, ten: làm mới}}}")
	ra := mustAggregate(t, a).Report
	if got := partsOf(t, ra.Data()); got != "xay_moi:xây mới:2 sua_chua::1" {
		t.Errorf("one unit's parts = %q", got)
	}
	r := mustAggregate(t, a, b).Report
	if got := partsOf(t, r.Data()); got != "xay_moi:xây mới:3 sua_chua::4 mua::2" {
		t.Errorf("merged parts = %q", got)
	}
	if fs := r.Validate(); fs.HasErrors() {
		t.Errorf("merged parts do not add up: %s", fs)
	}
}

func partsOf(t *testing.T, data map[string]any) string {
	t.Helper()
	ps := data["tin_dung"].(map[string]any)["chuong_trinh"].(map[string]any)["nha_o"].(map[string]any)["thanh_phan_ds"].([]any)
	s := ""
	for i, p := range ps {
		m := p.(map[string]any)
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%s:%s:%v", m["ma"], m["ten"], m["so_ho"])
	}
	return s
}
