package ansinh_test

import (
	"fmt"
	"os"
	"strings"
	"text/template"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
)

// A host system fills the model from its own database; YAML is only one door.
func Example() {
	count := indicators.MustCount
	money := func(s string) indicators.Money {
		return indicators.NewMoney(decimal.RequireFromString(s), indicators.TrieuDong)
	}
	r := &ansinh.Report{
		Unit:   ansinh.Unit{Name: "Bình Tân", Level: "xã", Parent: "Tây Sơn"},
		Period: ansinh.Period{Year: 2024, Kind: ansinh.FirstHalf},
		Poverty: ansinh.Poverty{
			SurveyYear: 2023,
			Population: ansinh.HouseholdCount{Households: count(1520), Persons: count(4730)},
			Poor:       ansinh.PovertyGroup{Households: count(61), Persons: count(150)},
			NearPoor:   ansinh.PovertyGroup{Households: count(98), Persons: count(270)},
			// The clerk printed 0,2%; 2 / 1.520 is 0,13%.
			NewPoor: ansinh.PovertyGroup{Households: count(2), Persons: count(5),
				ReportedRate: decimal.NewNullDecimal(decimal.RequireFromString("0.2"))},
		},
		Credit: ansinh.Credit{Programmes: []ansinh.LoanProgramme{
			{Code: "ho_ngheo", Name: "Hộ nghèo", Households: count(6), Amount: money("300")},
			{Code: "nha_o_ho_ngheo", Name: "Hộ nghèo về nhà ở", Households: count(3), Amount: money("120.5"),
				Parts: map[string]indicators.Count{"xay_moi": count(2), "sua_chua": count(1)}},
		}},
		Insurance: ansinh.Insurance{
			Health: ansinh.HealthInsurance{Participants: count(4470), PreviousYear: count(4512),
				Coverage: ansinh.NewRateFigure(count(4730), ansinh.Percent(95))},
			// No base for the BHXH share: Validate warns that its rate cannot be computed.
			Social: ansinh.SocialInsurance{Compulsory: count(160), Voluntary: count(45)},
		},
		Labour: ansinh.Labour{
			Training: ansinh.Training{
				NonAgricultural: ansinh.TrainingLine{Classes: count(1), Learners: count(30), Cost: money("45.5")},
				Agricultural:    ansinh.TrainingLine{Classes: count(1), Learners: count(25), Cost: money("12.75")},
			},
			Abroad:  ansinh.WorkersAbroad{Workers: count(3), Target: count(4)},
			NewJobs: ansinh.NewJobs{Workers: count(40), Plan: count(80)},
		},
		Electricity: ansinh.Electricity{Poor: ansinh.ElectricityPoor{Households: count(61), Cost: money("20.13")}},
	}

	for _, f := range r.Validate() {
		fmt.Println(f)
	}

	d := r.Data()
	tpl := template.Must(template.New("").Funcs(ansinh.Funcs()).Parse(strings.TrimSpace(`
{{with .giam_ngheo}}Toàn {{$.don_vi.cap}} có {{.ho_ngheo.so_ho}} hộ nghèo, chiếm tỷ lệ {{.ho_ngheo.ty_le}}; {{so2 .ho_ngheo_phat_sinh.so_ho}} hộ nghèo phát sinh ({{.ho_ngheo_phat_sinh.ty_le}}).{{end}}
Cho vay {{.tin_dung.tong_so_ho}} hộ, {{.tin_dung.tong_so_tien}}.
BHYT: {{.bao_hiem.bhyt.so_nguoi}} người, {{tanggiam .bao_hiem.bhyt.thay_doi}} người so với cùng kỳ, bao phủ {{.bao_hiem.bhyt.ty_le_bao_phu}} (kế hoạch {{.bao_hiem.bhyt.ke_hoach_bao_phu}}).
Đào tạo {{so2 .lao_dong.dao_tao_nghe.tong.so_lop}} lớp, {{.lao_dong.dao_tao_nghe.tong.hoc_vien}} học viên, {{.lao_dong.dao_tao_nghe.tong.kinh_phi}}.
Việc làm mới {{.lao_dong.viec_lam_moi.so_nguoi}} lao động, đạt {{.lao_dong.viec_lam_moi.ty_le}} so với kế hoạch.`)))
	if err := tpl.Execute(os.Stdout, d); err != nil {
		fmt.Println(err)
	}
	// Output:
	// cảnh báo: giam_ngheo.ho_ngheo_phat_sinh.ty_le: Tỷ lệ in là 0,2% nhưng 2 / 1.520 ≈ 0,132% (làm tròn 0,1%).
	// cảnh báo: bao_hiem.bhxh.ty_le_luc_luong_lao_dong: Không tính được tỷ lệ bao_hiem.bhxh.ty_le_luc_luong_lao_dong: cơ sở tính (co_so) bằng 0 hoặc không có, và không có tỷ lệ báo cáo (bao_cao). Mẫu báo cáo in tỷ lệ này phải kiểm tra trước: {{if .bao_hiem.bhxh.ty_le.IsValid}} … {{end}}.
	// Toàn xã có 61 hộ nghèo, chiếm tỷ lệ 4,01%; 02 hộ nghèo phát sinh (0,2%).
	// Cho vay 9 hộ, 420,5 triệu đồng.
	// BHYT: 4.470 người, giảm 42 người so với cùng kỳ, bao phủ 94,50% (kế hoạch 95%).
	// Đào tạo 02 lớp, 55 học viên, 58,25 triệu đồng.
	// Việc làm mới 40 lao động, đạt 50,00% so với kế hoạch.
}

// Load a period file, check it, and read computed figures.
func ExampleLoadFile() {
	r, err := ansinh.LoadFile("testdata/tayson-2023-h1.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Unit.FullBodyName(), "-", r.Period)
	for _, f := range r.Validate() {
		fmt.Println(f.Severity, f.Code, f.Subject)
	}
	rate, _ := r.Poverty.Rate(r.Poverty.Poor)
	fmt.Println(r.Poverty.Poor.Households, "hộ nghèo,", rate)
	fmt.Println(r.Insurance.Social.Total(), "người tham gia BHXH")
	fmt.Println(r.Labour.Training.Total().Cost)
	// Output:
	// Ủy ban nhân dân huyện Tây Sơn - 6 tháng đầu năm 2023
	// cảnh báo rate-mismatch giam_ngheo.ho_ngheo_phat_sinh.ty_le
	// cảnh báo attainment-mismatch lao_dong.xuat_khau.ty_le
	// 1.855 hộ nghèo, 4,82%
	// 6.695 người tham gia BHXH
	// 568,1 triệu đồng
}

// All errors of a file come back together, each with file:line:column.
func ExampleLoad_errors() {
	const src = `
don_vi: {ten: Tây Sơn, cap: huyện}
ky: {nam: 2023, loai: 6-thang-dau}
giam_ngheo:
  nam_ra_soat: 2022
  dan_so: {so_ho: 38459, nhan_khau: 119118}
  ho_ngheo: {so_ho: 1.855, nhan_khau: 4839}
  ho_can_ngheo: {so_ho: 3331, nhan_khau: 8992, so_nguoi: 1}
`
	_, err := ansinh.Load(strings.NewReader(src), "tayson.yaml")
	fmt.Println(err)
	// Output:
	// tayson.yaml:4:1: giam_ngheo.dtts_ngheo_can_ngheo: thiếu khóa bắt buộc "dtts_ngheo_can_ngheo" trong mục giam_ngheo; thêm dtts_ngheo_can_ngheo: vào mục này (missing required key)
	// tayson.yaml:4:1: giam_ngheo.ho_ngheo_phat_sinh: thiếu khóa bắt buộc "ho_ngheo_phat_sinh" trong mục giam_ngheo; thêm ho_ngheo_phat_sinh: vào mục này (missing required key)
	// tayson.yaml:7:21: giam_ngheo.ho_ngheo.so_ho: số lượng "1.855" có dấu chấm phân cách hàng nghìn, YAML đọc thành số thập phân 1,855; viết liền không dấu: 1855 (write 1855: the dot is a decimal point in YAML)
	// tayson.yaml:8:48: giam_ngheo.ho_can_ngheo.so_nguoi: khóa "so_nguoi" không có trong mẫu; các khóa hợp lệ ở đây: so_ho, nhan_khau, ty_le_bao_cao (unknown key)
	// tayson.yaml:9:1: tin_dung: thiếu khóa bắt buộc "tin_dung": tệp chưa có mục này; thêm tin_dung: ở đầu dòng, không thụt lề (missing required section)
	// tayson.yaml:9:1: bao_hiem: thiếu khóa bắt buộc "bao_hiem": tệp chưa có mục này; thêm bao_hiem: ở đầu dòng, không thụt lề (missing required section)
	// tayson.yaml:9:1: lao_dong: thiếu khóa bắt buộc "lao_dong": tệp chưa có mục này; thêm lao_dong: ở đầu dòng, không thụt lề (missing required section)
	// tayson.yaml:9:1: bao_tro_xa_hoi: thiếu khóa bắt buộc "bao_tro_xa_hoi": tệp chưa có mục này; thêm bao_tro_xa_hoi: ở đầu dòng, không thụt lề (missing required section)
	// tayson.yaml:9:1: giao_duc: thiếu khóa bắt buộc "giao_duc": tệp chưa có mục này; thêm giao_duc: ở đầu dòng, không thụt lề (missing required section)
	// tayson.yaml:9:1: tien_dien: thiếu khóa bắt buộc "tien_dien": tệp chưa có mục này; thêm tien_dien: ở đầu dòng, không thụt lề (missing required section)
}
