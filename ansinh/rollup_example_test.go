package ansinh_test

import (
	"fmt"
	"strings"

	"github.com/ansinh-vn/baocao/ansinh"
)

// Two communes roll up into their province: counts are summed, the poverty rate is
// recomputed from the sums (11 / 1.100 = 1,00%, where the average of 10% and 0,1% would
// print 5,05%), keyed lists merge by ma, and a percentage with no base is left out with
// a finding.
func ExampleAggregate() {
	commune := func(code, name string, households, poor int, programmes string) *ansinh.Report {
		text := fmt.Sprintf(`
don_vi: {ma: "%s", ten: %s, cap: xã, cap_tren: Bình An}
ky: {nam: 2024, loai: 6-thang-dau}
giam_ngheo:
  nam_ra_soat: 2023
  dan_so: {so_ho: %d, nhan_khau: %d}
  ho_ngheo: {so_ho: %d, nhan_khau: %d}
  ho_can_ngheo: {so_ho: 0, nhan_khau: 0}
  dtts_ngheo_can_ngheo: {so_ho: 0, nhan_khau: 0}
  ho_ngheo_phat_sinh: {so_ho: 0, nhan_khau: 0}
tin_dung: {chuong_trinh: [%s]}
bao_hiem:
  the_bhyt: []
  bhyt: {ngay_uoc_tinh: 2024-06-30, so_nguoi: %d, cung_ky_nam_truoc: 0, ty_le_bao_phu: {co_so: %d}}
  bhxh: {bat_buoc: 10, tu_nguyen: 5, ty_le_luc_luong_lao_dong: {bao_cao: 7.2}}
lao_dong:
  dao_tao_nghe:
    phi_nong_nghiep: {so_lop: 0, hoc_vien: 0, kinh_phi: 0}
    nong_nghiep: {so_lop: 0, hoc_vien: 0, kinh_phi: 0}
  xuat_khau: {so_nguoi: 0}
  ngay_hoi_viec_lam: {so_nguoi: 0}
  viec_lam_moi: {so_nguoi: 0}
bao_tro_xa_hoi:
  tro_cap_thuong_xuyen: {luot: 0, kinh_phi: 0}
  mai_tang: {so_nguoi: 0, kinh_phi: 0}
  mua_bhyt: {so_nguoi: 0, kinh_phi: 0}
  mung_tho: {tron_100: 0, tron_90: 0}
  nha_o: []
  qua: []
giao_duc: {ho_tro: []}
tien_dien:
  ho_ngheo: {so_ho: %d, kinh_phi: 0}
  chinh_sach: {luot_ho: 0, kinh_phi: 0}
`, code, name, households, 3*households, poor, 3*poor, programmes, 2*households, 3*households, poor)
		r, err := ansinh.Load(strings.NewReader(text), code+".yaml")
		if err != nil {
			panic(err)
		}
		return r
	}
	a := commune("30001", "An Hòa", 100, 10, "{ma: ho_ngheo, ten: Hộ nghèo, so_ho: 4, so_tien: 200}")
	b := commune("30002", "Bình Phú", 1000, 1, "{ma: ho_ngheo, ten: Hộ nghèo, so_ho: 1, so_tien: 50.5}, {ma: nuoc_sach, ten: Nước sạch, so_ho: 3, so_tien: 60}")

	province := ansinh.Unit{Code: "30", Name: "Bình An", Level: "tỉnh"}
	ro, err := ansinh.Aggregate(province, ansinh.Period{Year: 2024, Kind: ansinh.FirstHalf}, a, b)
	if err != nil {
		panic(err)
	}
	p := ro.Report
	rate, _ := p.Poverty.Rate(p.Poverty.Poor)
	coverage, _ := p.Insurance.Health.CoverageRate()
	share, _ := p.Insurance.Social.ShareRate()
	fmt.Println(p.Unit.FullName(), p.Period)
	fmt.Println("hộ nghèo:", p.Poverty.Poor.Households, "/", p.Poverty.Population.Households, "=", rate)
	for _, l := range p.Credit.Programmes {
		fmt.Println("tín dụng:", l.Code, l.Households, l.Amount)
	}
	fmt.Println("BHYT:", p.Insurance.Health.Participants, coverage)
	fmt.Printf("BHXH so với lực lượng lao động: %q\n", share.String())
	for _, f := range ro.Findings {
		fmt.Println(f.Code, f.Subject)
	}

	// Errors are testable with errors.Is.
	_, err = ansinh.Aggregate(province, ansinh.Period{Year: 2024, Kind: ansinh.FirstHalf}, a, a)
	fmt.Println(err)
	// Output:
	// tỉnh Bình An 6 tháng đầu năm 2024
	// hộ nghèo: 11 / 1.100 = 1,00%
	// tín dụng: ho_ngheo 5 250,5 triệu đồng
	// tín dụng: nuoc_sach 3 60 triệu đồng
	// BHYT: 2.200 66,67%
	// BHXH so với lực lượng lao động: ""
	// not-summable bao_hiem.bhxh.ty_le_luc_luong_lao_dong
	// ansinh: unit added twice: xã An Hòa đã được cộng (xã An Hòa, mã 30001)
}
