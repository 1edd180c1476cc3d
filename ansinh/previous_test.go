package ansinh_test

import (
	"errors"
	"strings"
	"testing"
	"text/template"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
)

func TestSetPrevious(t *testing.T) {
	cur := unitFile(t)
	prev := unitFile(t, "nam", "2023", "ngay", "2023-06-30", "bhyt", "270", "ho_ngheo", "12", "ho_ngheo_tl", "12",
		"chuong_trinh", "    - {ma: ho_ngheo, ten: Hộ nghèo, so_ho: 1, so_tien: 125}")
	if err := cur.SetPrevious(prev); err != nil {
		t.Fatal(err)
	}
	other := unitFile(t, "ma", "30002", "ten", "Bình Phú", "nam", "2023", "ngay", "2023-06-30")
	if err := cur.SetPrevious(other); !errors.Is(err, ansinh.ErrPreviousUnit) {
		t.Errorf("another unit: %v", err)
	}
	if err := cur.SetPrevious(cur); !errors.Is(err, ansinh.ErrPreviousPeriod) || !strings.Contains(err.Error(), "6 tháng đầu năm 2023") {
		t.Errorf("same year: %v", err)
	}
	if cur.Previous != prev {
		t.Errorf("a refused previous report replaced the good one")
	}

	changes := ansinh.Compare(cur, prev)
	check := func(path, want string) {
		t.Helper()
		c, ok := changes[path]
		if !ok {
			t.Errorf("no change for %s", path)
			return
		}
		if c.String() != want {
			t.Errorf("%s: %s, want %s", path, c, want)
		}
	}
	check("bao_hiem.bhyt.so_nguoi", "tăng 10")
	check("giam_ngheo.ho_ngheo.so_ho", "giảm 2")
	check("giam_ngheo.ho_ngheo.ty_le", "giảm 2") // 10% printed against 12% printed: percentage points
	check("tin_dung.chuong_trinh.ho_ngheo.so_tien", "giảm 25")
	check("tin_dung.tong_so_tien", "giảm 25")
	check("giam_ngheo.dan_so.so_ho", "không đổi")
	check("bao_hiem.bhxh.ty_le", "không đổi") // 7,2% as reported both years
	if _, ok := changes["lao_dong.xuat_khau.thi_truong"]; ok {
		t.Errorf("a change for a text")
	}

	d := cur.Data()
	tpl := template.Must(template.New("").Option("missingkey=error").Funcs(ansinh.Funcs()).Parse(
		`{{.nam_truoc.bao_hiem.bhyt.so_nguoi}} → {{.bao_hiem.bhyt.so_nguoi}}: {{sosanh .so_sanh.bao_hiem.bhyt.so_nguoi "người"}}; ` +
			`{{.so_sanh.giam_ngheo.ho_ngheo.so_ho | sosanh "hộ"}}; {{sosanh .so_sanh.giam_ngheo.dan_so.so_ho "hộ"}}; ` +
			`{{sosanh .so_sanh.tin_dung.tong_so_tien .don_vi_tien}}.`))
	var b strings.Builder
	if err := tpl.Execute(&b, d); err != nil {
		t.Fatal(err)
	}
	want := "270 → 280: tăng 10 người so với cùng kỳ năm trước; giảm 2 hộ so với cùng kỳ năm trước; " +
		"không đổi so với cùng kỳ năm trước; giảm 25 triệu đồng so với cùng kỳ năm trước."
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}

	// Without a previous report the keys are there and empty.
	cur.Previous = nil
	d = cur.Data()
	if len(d["so_sanh"].(map[string]any)) != 0 || len(d["nam_truoc"].(map[string]any)) != 0 {
		t.Errorf("so_sanh, nam_truoc without a previous report: %v %v", d["so_sanh"], d["nam_truoc"])
	}
	if err := cur.SetPrevious(nil); err != nil || cur.Previous != nil {
		t.Errorf("SetPrevious(nil) = %v", err)
	}
}

func TestCompareConvertsMoney(t *testing.T) {
	cur := unitFile(t) // 100 triệu
	prev := unitFile(t, "nam", "2023", "ngay", "2023-06-30", "don_vi_tien", "nghìn đồng",
		"chuong_trinh", "    - {ma: ho_ngheo, ten: Hộ nghèo, so_ho: 2, so_tien: 99500.5}", "dao_tao_kp", "45500", "tro_cap_kp", "36000")
	c := ansinh.Compare(cur, prev)["tin_dung.tong_so_tien"]
	if c.String() != "tăng 0,4995" {
		t.Errorf("change = %s, want tăng 0,4995 (triệu đồng)", c)
	}
}

func TestSosanhErrors(t *testing.T) {
	f := ansinh.Funcs()["sosanh"].(func(...any) (string, error))
	c := indicators.NewChange(indicators.MustCount(5).Decimal(), indicators.MustCount(3).Decimal())
	if s, err := f(c); err != nil || s != "tăng 2 so với cùng kỳ năm trước" {
		t.Errorf("sosanh c = %q, %v", s, err)
	}
	if s, err := f(&c, "lượt"); err != nil || s != "tăng 2 lượt so với cùng kỳ năm trước" {
		t.Errorf("sosanh &c = %q, %v", s, err)
	}
	for _, args := range [][]any{nil, {"người"}, {c, c}, {c, "a", "b"}, {indicators.MustCount(3)}, {nil}, {(*indicators.Change)(nil)}, {c, "a", c}} {
		if _, err := f(args...); err == nil || !strings.Contains(err.Error(), "sosanh") {
			t.Errorf("sosanh %v: err = %v", args, err)
		}
	}
}
