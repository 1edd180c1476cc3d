package ansinh_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
)

const planYAML = `don_vi: {ma: "30001", ten: An Hòa, cap: xã}
nam: 2024
don_vi_tien: nghìn đồng
can_cu: Nghị quyết số 25/NQ-HĐND
chi_tieu:
  - ma: viec_lam_moi
    ten: Giải quyết việc làm mới
    chi_so: lao_dong.viec_lam_moi.so_nguoi
    ke_hoach: 36
    don_vi_tinh: người
  - {ma: bhyt, ten: Tỷ lệ bao phủ BHYT, chi_so: bao_hiem.bhyt.ty_le_bao_phu, ke_hoach: 92.5}
  - {ma: von_vay, chi_so: tin_dung.tong_so_tien, ke_hoach: 80000}
  - {ma: nuoc_sach, chi_so: tin_dung.chuong_trinh.nuoc_sach.so_ho, ke_hoach: 5}
`

func TestLoadPlanAndSetPlan(t *testing.T) {
	p, err := ansinh.LoadPlan(strings.NewReader(planYAML), "ke-hoach.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if p.Year != 2024 || p.MoneyUnit != indicators.NghinDong || len(p.Targets) != 4 || p.Source != "Nghị quyết số 25/NQ-HĐND" {
		t.Fatalf("plan = %+v", p)
	}
	kinds := []ansinh.TargetKind{ansinh.TargetCount, ansinh.TargetPercent, ansinh.TargetMoney, ansinh.TargetCount}
	for i, k := range kinds {
		if p.Targets[i].Kind != k {
			t.Errorf("target %d kind %v, want %v", i, p.Targets[i].Kind, k)
		}
	}

	r := unitFile(t) // viec_lam_moi 20 of a unit plan of 40, BHYT 280 / 300, credit 100 triệu
	fs, err := r.SetPlan(p)
	if err != nil {
		t.Fatal(err)
	}
	// The plan file's 36 and 92,5% replace the unit's 40 and 95% (warnings); nuoc_sach
	// is not in the report.
	if len(findingsWith(fs, ansinh.CodePlanDiffers, "ke_hoach.viec_lam_moi")) != 1 ||
		len(findingsWith(fs, ansinh.CodePlanDiffers, "ke_hoach.bhyt")) != 1 ||
		len(findingsWith(fs, ansinh.CodePlanNoFigure, "ke_hoach.nuoc_sach")) != 1 || len(fs) != 3 {
		t.Errorf("findings:\n%s", fs)
	}
	if r.Labour.NewJobs.Plan.Int64() != 36 || r.Insurance.Health.Coverage.PlanRate().String() != "92,5%" {
		t.Errorf("model plans not set: %+v %+v", r.Labour.NewJobs, r.Insurance.Health.Coverage)
	}
	d := r.Data()
	plan := d["ke_hoach"].(map[string]any)
	get := func(code, key string) any { return plan[code].(map[string]any)[key] }
	// 20 / 36 = 55,555…% → 55,56%.
	if s := get("viec_lam_moi", "dat").(indicators.Attainment).String(); s != "đạt 55,56% so với kế hoạch" || get("viec_lam_moi", "dat_ke_hoach") != false {
		t.Errorf("viec_lam_moi: %s %v", s, get("viec_lam_moi", "dat_ke_hoach"))
	}
	if d["lao_dong"].(map[string]any)["viec_lam_moi"].(map[string]any)["ty_le"].(indicators.Rate).String() != "55,56%" {
		t.Errorf("lao_dong.viec_lam_moi.ty_le disagrees with the plan")
	}
	// Coverage 280 / 300 = 93,33% against 92,5%: met, 100,9% of the plan.
	if get("bhyt", "dat_ke_hoach") != true || get("bhyt", "ty_le").(indicators.Rate).String() != "100,90%" ||
		d["bao_hiem"].(map[string]any)["bhyt"].(map[string]any)["dat_ke_hoach"] != true {
		t.Errorf("bhyt: %v %v", get("bhyt", "dat_ke_hoach"), get("bhyt", "ty_le"))
	}
	// Money: 100 triệu against 80.000 nghìn = 80 triệu: 125%, the target printed in triệu.
	if get("von_vay", "ke_hoach").(indicators.Money).String() != "80 triệu đồng" || get("von_vay", "ty_le").(indicators.Rate).String() != "125,00%" {
		t.Errorf("von_vay: %v %v", get("von_vay", "ke_hoach"), get("von_vay", "ty_le"))
	}
	if get("nuoc_sach", "thuc_hien") != "" || get("nuoc_sach", "dat").(indicators.Attainment).String() != "" {
		t.Errorf("nuoc_sach: %v", plan["nuoc_sach"])
	}
	if list := d["ke_hoach_ds"].([]any); len(list) != 4 || list[0].(map[string]any)["ma"] != "viec_lam_moi" {
		t.Errorf("ke_hoach_ds = %v", list)
	}
	if d["ke_hoach_can_cu"] != "Nghị quyết số 25/NQ-HĐND" {
		t.Errorf("ke_hoach_can_cu = %v", d["ke_hoach_can_cu"])
	}

	// Another year, another unit.
	other := unitFile(t, "nam", "2023", "ngay", "2023-06-30")
	if _, err := other.SetPlan(p); !errors.Is(err, ansinh.ErrPlanYear) {
		t.Errorf("another year: %v", err)
	}
	other = unitFile(t, "ma", "30002", "ten", "Bình Phú")
	if _, err := other.SetPlan(p); !errors.Is(err, ansinh.ErrPlanUnit) {
		t.Errorf("another unit: %v", err)
	}
}

func TestLoadPlanErrors(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       []string // each a substring of one error, "line:col: path: …"
	}{
		{"unknown figure", `don_vi: {ten: A, cap: xã}
nam: 2024
chi_tieu:
  - {ma: a, chi_so: lao_dong.viec_lam_moi.so_nguoii, ke_hoach: 4}
`, []string{`p.yaml:4:21: chi_tieu[0].chi_so: chỉ số "lao_dong.viec_lam_moi.so_nguoii" không phải là một số liệu`, `có phải là "lao_dong.viec_lam_moi.so_nguoi"?`}},
		{"fraction for a count", `don_vi: {ten: A, cap: xã}
nam: 2024
chi_tieu:
  - ma: a
    chi_so: giam_ngheo.ho_ngheo.so_ho
    ke_hoach: 12.5
`, []string{"p.yaml:6:15: chi_tieu[0].ke_hoach: số lượng 12.5 không phải là số nguyên"}},
		{"zero, duplicate, unknown key, year", `don_vi: {ten: A, cap: xã}
nam: 1999
chi_tieu:
  - {ma: a, chi_so: bao_hiem.bhyt.ty_le_bao_phu, ke_hoach: 0}
  - {ma: b, chi_so: bao_hiem.bhyt.so_nguoi, ke_hoach: 10, ghi_chu: x}
  - {ma: b, chi_so: tin_dung.tong_so_ho, ke_hoach: 10}
  - {ma: c, chi_so: tin_dung.chuong_trinh_ds, ke_hoach: 10}
  - {ma: d, chi_so: "", ke_hoach: 10}
`, []string{
			"p.yaml:2:6: nam: năm 1999 nằm ngoài khoảng",
			"p.yaml:4:60: chi_tieu[0].ke_hoach: kế hoạch bằng 0",
			`p.yaml:5:59: chi_tieu[1].ghi_chu: khóa "ghi_chu" không có trong mẫu`,
			`p.yaml:6:5: chi_tieu[2].ma: mã chỉ tiêu "b" bị lặp, đã có ở dòng 5`,
			`p.yaml:7:21: chi_tieu[3].chi_so: chỉ số "tin_dung.chuong_trinh_ds" không phải là một số liệu`,
			"p.yaml:8:21: chi_tieu[4].chi_so: chỉ số không được để trống",
		}},
		{"missing sections", `nam: 2024
`, []string{"p.yaml:2:1: don_vi: thiếu khóa bắt buộc", "p.yaml:2:1: chi_tieu: thiếu khóa bắt buộc"}},
		{"money unit", `don_vi: {ten: A, cap: xã}
nam: 2024
don_vi_tien: đô la
chi_tieu:
  - ma: a
    chi_so: tin_dung.tong_so_tien
    ke_hoach: 1,5
`, []string{`p.yaml:3:14: don_vi_tien: đơn vị tiền "đô la" không hợp lệ`, `p.yaml:7:15: chi_tieu[0].ke_hoach: số tiền viết "1,5" theo kiểu Việt Nam`}},
		{"syntax", "don_vi: {ten: A\n", []string{"p.yaml:"}},
	}
	for _, c := range cases {
		_, err := ansinh.LoadPlan(strings.NewReader(c.yaml), "p.yaml")
		var les ansinh.LoadErrors
		if !errors.As(err, &les) {
			t.Errorf("%s: err = %v, want LoadErrors", c.name, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: no error with %q in\n%v", c.name, w, err)
			}
		}
	}
}
