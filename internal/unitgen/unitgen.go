// Package unitgen writes plausible, deterministic period files for the communes of a
// sample province, for the province example (examples/province/gen) and for roll-up
// tests and benchmarks. The figures are made up: they look like a commune's half-year
// social-security report and pass ansinh's validation, nothing more.
//
// Everything depends only on the unit's index and the year: the same call writes the
// same bytes on every machine and Go version (the generator is a splitmix64, not
// math/rand).
package unitgen

import (
	"fmt"
	"io"
	"strings"
)

// Unit is a generated unit's identity.
type Unit struct {
	Code  string // ma: "30001"
	Name  string // ten: "An Hòa"
	Level string // cap: "xã" or "phường"
}

// Parent is the sample province.
var Parent = Unit{Code: "30", Name: "Bình An", Level: "tỉnh"}

var names = []string{
	"An Hòa", "Bình Phú", "Cát Tiên", "Đông Sơn", "Hòa Bình", "Kim Sơn",
	"Long Mỹ", "Mỹ Lộc", "Nhơn Hậu", "Phước Sơn", "Tân Lập", "Vĩnh Thạnh",
}

// UnitAt is the i-th unit (from 0): the first twelve have names (the last a ward), the
// others are "Xã số 00013" and so on.
func UnitAt(i int) Unit {
	u := Unit{Code: fmt.Sprintf("3%04d", i+1), Level: "xã"}
	if i < len(names) {
		u.Name = names[i]
		if i == len(names)-1 {
			u.Level = "phường"
		}
	} else {
		u.Name = fmt.Sprintf("Số %05d", i+1)
	}
	return u
}

// FileName is the file name of unit i: its code, "30001.yaml" (ASCII, sortable).
func FileName(i int) string {
	return UnitAt(i).Code + ".yaml"
}

// rng is splitmix64.
type rng uint64

func (r *rng) next() uint64 {
	*r += 0x9e3779b97f4a7c15
	z := uint64(*r)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// between returns a whole number in [lo, hi].
func (r *rng) between(lo, hi int64) int64 {
	if hi <= lo {
		return lo
	}
	return lo + int64(r.next()%uint64(hi-lo+1))
}

// pct returns n × per10000 / 10000, rounded down.
func pct(n, per10000 int64) int64 { return n * per10000 / 10000 }

// Figures are the generated figures of one unit and year that the plan and tests need.
type Figures struct {
	Unit         Unit
	Year         int
	Households   int64 // giam_ngheo.dan_so.so_ho
	Persons      int64 // giam_ngheo.dan_so.nhan_khau
	Poor         int64 // giam_ngheo.ho_ngheo.so_ho
	BHYT         int64 // bao_hiem.bhyt.so_nguoi
	Abroad       int64 // lao_dong.xuat_khau.so_nguoi
	AbroadTarget int64 // lao_dong.xuat_khau.chi_tieu
	NewJobs      int64 // lao_dong.viec_lam_moi.so_nguoi
	NewJobsPlan  int64 // lao_dong.viec_lam_moi.ke_hoach
	Learners     int64 // lao_dong.dao_tao_nghe: both kinds
	CreditNghin  int64 // tin_dung: total disbursed, nghìn đồng
	MoneyInNghin bool  // don_vi_tien is nghìn đồng (else triệu đồng)
	text         string
}

// Generate returns unit i's figures for the first half of year, with the YAML text.
func Generate(i, year int) Figures {
	g := newGen(i, year)
	g.write(i, year, newGen(i, year-1).BHYT)
	f := g.Figures
	f.text = g.b.String()
	return f
}

// WriteYAML writes the period file.
func (f Figures) WriteYAML(w io.Writer) error {
	_, err := io.WriteString(w, f.text)
	return err
}

// YAML is the period file's text.
func (f Figures) YAML() string { return f.text }

type gen struct {
	Figures
	r        rng
	nearPoor int64
	nearPers int64
	poorPers int64
	assisted int64
	b        strings.Builder
}

func newGen(i, year int) *gen {
	base := rng(uint64(i)*0x1000193 + 7)
	g := &gen{}
	g.Unit = UnitAt(i)
	g.Year = year
	g.Households = base.between(1500, 6000)
	g.Persons = pct(g.Households, base.between(30000, 36000))
	poorRate := base.between(100, 700) // 1–7%, falling 12% a year after 2024
	nearRate := base.between(200, 800)
	bhytRate := base.between(8600, 9500)
	g.MoneyInNghin = base.next()%3 == 0
	t := int64(year - 2024)
	g.r = rng(uint64(i)*0x100000001b3 + uint64(year)*0x9e37 + 1)
	poorRate = poorRate * (100 - 12*t) / 100
	nearRate = nearRate * (100 - 6*t) / 100
	bhytRate = min(bhytRate+150*t, 9900)
	g.Poor = max(pct(g.Households, poorRate+g.r.between(-20, 20)), 3)
	g.poorPers = g.Poor * g.r.between(22, 32) / 10
	g.nearPoor = max(pct(g.Households, nearRate+g.r.between(-20, 20)), 5)
	g.nearPers = g.nearPoor * g.r.between(22, 32) / 10
	g.BHYT = pct(g.Persons, bhytRate+g.r.between(-40, 40))
	g.Abroad = g.r.between(2, 25)
	g.AbroadTarget = g.r.between(12, 24)
	g.NewJobs = g.r.between(40, 260)
	g.NewJobsPlan = g.r.between(200, 400)
	g.assisted = pct(g.Persons, g.r.between(150, 350))
	return g
}

// money formats an amount given in nghìn đồng in the file's unit.
func (g *gen) money(nghin int64) string {
	if g.MoneyInNghin {
		return fmt.Sprint(nghin)
	}
	s := fmt.Sprintf("%d.%03d", nghin/1000, nghin%1000)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if whole, frac, ok := strings.Cut(s, "."); ok && len(whole) <= 3 && len(frac) == 3 {
		// 14.205 would read like a thousands dot to a clerk, and ansinh warns about it:
		// a fourth decimal makes the decimal point plain.
		s += "0"
	}
	return s
}

func (g *gen) line(format string, args ...any) {
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteByte('\n')
}

// write writes the period file of unit i for the first half of year into g.b, one
// section after the other; prevBHYT is the unit's number of insured persons a year
// earlier. The order of the sections is the order in which they draw from g.r, so
// it must not change: each file's figures depend on it.
func (g *gen) write(i, year int, prevBHYT int64) {
	g.writeHeader(year)
	g.line("")
	g.writePoverty(year)
	g.line("")
	g.writeCredit(i)
	g.line("")
	g.writeInsurance(i, year, prevBHYT)
	g.line("")
	g.writeLabour(i)
	g.line("")
	g.writeWelfare(i)
	g.line("")
	g.writeEducation()
	g.line("")
	g.writeElectricity()
}

// writeHeader writes the comment that the data are made up, the unit (don_vi), the
// period (ky) and the money unit (don_vi_tien).
func (g *gen) writeHeader(year int) {
	u := g.Unit
	g.line("# Dữ liệu mẫu do examples/province/gen sinh ra, không phải số liệu thật.")
	g.line("# (Generated sample data, not real figures.)")
	g.line("don_vi:")
	g.line("  ma: %q", u.Code)
	g.line("  ten: %s", u.Name)
	g.line("  cap: %s", u.Level)
	g.line("  cap_tren: %s", Parent.Name)
	g.line("ky: {nam: %d, loai: 6-thang-dau}", year)
	unit := "triệu đồng"
	if g.MoneyInNghin {
		unit = "nghìn đồng"
	}
	g.line("don_vi_tien: %s", unit)
}

// writePoverty writes giam_ngheo: the review year (the year before), population, poor
// and near-poor households, those of ethnic minorities and the newly poor.
func (g *gen) writePoverty(year int) {
	r := &g.r
	ethnic := pct(g.Poor+g.nearPoor, r.between(0, 3000))
	ethnicPers := min(ethnic*3, g.poorPers+g.nearPers)
	newPoor := r.between(0, 4)
	g.line("giam_ngheo:")
	g.line("  nam_ra_soat: %d", year-1)
	g.line("  dan_so: {so_ho: %d, nhan_khau: %d}", g.Households, g.Persons)
	g.line("  ho_ngheo: {so_ho: %d, nhan_khau: %d}", g.Poor, g.poorPers)
	g.line("  ho_can_ngheo: {so_ho: %d, nhan_khau: %d}", g.nearPoor, g.nearPers)
	g.line("  dtts_ngheo_can_ngheo: {so_ho: %d, nhan_khau: %d}", ethnic, ethnicPers)
	g.line("  ho_ngheo_phat_sinh: {so_ho: %d, nhan_khau: %d}", newPoor, newPoor*3)
}

// writeCredit writes tin_dung, the preferential loan programmes, and sets CreditNghin
// to their total. Every unit lists the first three programmes; every second unit (even
// i) also clean water, and every third (i%3 == 0) housing for poor households, with
// its parts.
func (g *gen) writeCredit(i int) {
	r := &g.r
	g.line("tin_dung:")
	g.line("  chuong_trinh:")
	var credit int64
	credit += g.writeLoan("ho_ngheo", "Hộ nghèo", r.between(8, 40), r.between(60, 100)*1000, "")
	credit += g.writeLoan("ho_can_ngheo", "Hộ cận nghèo", r.between(10, 50), r.between(60, 100)*1000, "")
	credit += g.writeLoan("giai_quyet_viec_lam", "Hỗ trợ tạo việc làm", r.between(10, 60), r.between(50, 100)*1000+r.between(0, 999), "")
	if i%2 == 0 {
		credit += g.writeLoan("nuoc_sach", "Nước sạch và vệ sinh môi trường nông thôn", r.between(10, 80), 20000, "")
	}
	if i%3 == 0 {
		build, repair := r.between(1, 5), r.between(0, 4)
		credit += g.writeLoan("nha_o_ho_ngheo", "Hộ nghèo về nhà ở", build+repair, 40000, fmt.Sprintf("{xay_moi: %d, sua_chua: %d}", build, repair))
	}
	g.CreditNghin = credit
}

// writeLoan writes one loan programme of households borrowing perHousehold nghìn đồng
// each, with its parts (thanh_phan) when parts is not empty, and returns its amount
// in nghìn đồng.
func (g *gen) writeLoan(code, name string, households, perHousehold int64, parts string) int64 {
	amount := households * perHousehold
	if parts != "" {
		parts = ", thanh_phan: " + parts
	}
	g.line("    - {ma: %s, ten: %s, so_ho: %d, so_tien: %s%s}", code, name, households, g.money(amount), parts)
	return amount
}

// writeInsurance writes bao_hiem: the health insurance cards given (no cards for young
// children in one unit of four, i%4 == 3), the insured persons (BHYT) with prevBHYT
// for a year earlier and the coverage plan of 95%, and social insurance (BHXH).
func (g *gen) writeInsurance(i, year int, prevBHYT int64) {
	r := &g.r
	childCards := r.between(100, 600)
	g.line("bao_hiem:")
	g.line("  the_bhyt:")
	g.line("    - {ma: ho_ngheo, ten: BHYT hộ gia đình nghèo, so_the: %d}", g.poorPers)
	g.line("    - {ma: ho_can_ngheo, ten: BHYT hộ cận nghèo, so_the: %d}", g.nearPers)
	g.line("    - {ma: bao_tro, ten: \"BHYT đối với người hưởng trợ cấp, bảo trợ hàng tháng\", so_the: %d}", g.assisted)
	if i%4 != 3 {
		g.line("    - {ma: tre_em, ten: BHYT trẻ em dưới 6 tuổi, so_the: %d}", childCards)
	}
	g.line("  bhyt:")
	g.line("    ngay_uoc_tinh: %d-06-30", year)
	g.line("    so_nguoi: %d", g.BHYT)
	g.line("    cung_ky_nam_truoc: %d", prevBHYT)
	g.line("    ty_le_bao_phu: {co_so: %d, ke_hoach: 95}", g.Persons)
	compulsory := pct(g.Persons, r.between(300, 900))
	voluntary := pct(g.Persons, r.between(100, 400))
	g.line("  bhxh:")
	g.line("    bat_buoc: %d", compulsory)
	g.line("    tu_nguyen: %d", voluntary)
	g.line("    ty_le_luc_luong_lao_dong: {bao_cao: %d.%d}", r.between(6, 14), r.between(0, 9))
}

// writeLabour writes lao_dong: vocational training (setting Learners), workers sent
// abroad to one of three markets in turn, the job fair and new jobs against their plan.
func (g *gen) writeLabour(i int) {
	r := &g.r
	nonAgri, agri := r.between(20, 120), r.between(0, 80)
	g.Learners = nonAgri + agri
	markets := []string{"Nhật Bản", "Hàn Quốc", "Đài Loan"}
	g.line("lao_dong:")
	g.line("  dao_tao_nghe:")
	g.line("    phi_nong_nghiep: {so_lop: %d, hoc_vien: %d, kinh_phi: %s}", (nonAgri+29)/30, nonAgri, g.money(nonAgri*r.between(1500, 3000)))
	g.line("    nong_nghiep: {so_lop: %d, hoc_vien: %d, kinh_phi: %s}", (agri+29)/30, agri, g.money(agri*r.between(1000, 2000)))
	g.line("  xuat_khau: {so_nguoi: %d, chi_tieu: %d, thi_truong: %s}", g.Abroad, g.AbroadTarget, markets[i%len(markets)])
	g.line("  ngay_hoi_viec_lam: {so_nguoi: %d}", r.between(0, 300))
	g.line("  viec_lam_moi: {so_nguoi: %d, ke_hoach: %d}", g.NewJobs, g.NewJobsPlan)
}

// writeWelfare writes bao_tro_xa_hoi: monthly allowances, funeral aid, insurance bought
// for the assisted, longevity gifts, houses (one unit in three, i%3 == 1; the others
// write an empty list) and gifts.
func (g *gen) writeWelfare(i int) {
	r := &g.r
	turns := g.assisted * 6
	funeral := r.between(0, 20)
	g.line("bao_tro_xa_hoi:")
	g.line("  tro_cap_thuong_xuyen: {luot: %d, kinh_phi: %s}", turns, g.money(turns*500))
	g.line("  mai_tang: {so_nguoi: %d, kinh_phi: %s}", funeral, g.money(funeral*7200))
	g.line("  mua_bhyt: {so_nguoi: %d, kinh_phi: %s}", g.assisted, g.money(g.assisted*1053))
	g.line("  mung_tho: {tron_100: %d, tron_90: %d}", r.between(0, 3), r.between(5, 40))
	if i%3 == 1 {
		houses := r.between(1, 4)
		g.line("  nha_o:")
		g.line("    - {ma: quy_vi_nguoi_ngheo, ten: Quỹ Vì người nghèo, so_ho: %d, so_tien: %s}", houses, g.money(houses*60000))
	} else {
		g.line("  nha_o: []")
	}
	g.line("  qua:")
	tet := g.Poor + g.nearPoor
	g.line("    - {ma: tet, ten: Quà Tết Nguyên đán, so_suat: %d, so_tien: %s}", tet, g.money(tet*500))
	children := r.between(50, 300)
	g.line("    - {ma: tre_em, ten: Quà Tết Thiếu nhi, so_suat: %d, so_tien: %s}", children, g.money(children*200))
}

// writeEducation writes giao_duc: tuition waivers and help with the cost of study.
func (g *gen) writeEducation() {
	r := &g.r
	g.line("giao_duc:")
	g.line("  ho_tro:")
	fee := r.between(20, 200)
	g.line("    - {ma: mien_giam_hoc_phi, ten: Miễn giảm học phí, so_nguoi: %d, so_tien: %s}", fee, g.money(fee*r.between(400, 900)))
	cost := r.between(10, 120)
	g.line("    - {ma: chi_phi_hoc_tap, ten: Hỗ trợ chi phí học tập, so_nguoi: %d, so_tien: %s}", cost, g.money(cost*900))
}

// writeElectricity writes tien_dien: electricity support for poor households and for
// policy households, the last section of the file.
func (g *gen) writeElectricity() {
	policy := g.r.between(5, 40)
	g.line("tien_dien:")
	g.line("  ho_ngheo: {so_ho: %d, kinh_phi: %s}", g.Poor, g.money(g.Poor*330))
	g.line("  chinh_sach: {luot_ho: %d, kinh_phi: %s}", policy, g.money(policy*330))
}

// PlanYAML is the province's plan file for year over units 0..n-1: the new-jobs and
// workers-abroad targets are the sums of the units' own (so the plan agrees with the
// units), the others are round province targets.
func PlanYAML(n, year int) string {
	var jobs, abroad, credit int64
	for i := 0; i < n; i++ {
		f := Generate(i, year)
		jobs += f.NewJobsPlan
		abroad += f.AbroadTarget
		credit += f.CreditNghin
	}
	// The year's lending target: about 1,8 times the first half's, in thousands of triệu.
	creditTarget := (credit*18/10/1000 + 500) / 1000 * 1000
	var b strings.Builder
	fmt.Fprintf(&b, `# Kế hoạch mẫu do examples/province/gen sinh ra, không phải số liệu thật.
# (Generated sample plan, not real figures.)
don_vi: {ma: %q, ten: %s, cap: %s}
nam: %d
don_vi_tien: triệu đồng
can_cu: Nghị quyết số 25/NQ-HĐND ngày 08/12/%d của Hội đồng nhân dân tỉnh về kế hoạch phát triển kinh tế - xã hội năm %d
chi_tieu:
  - ma: viec_lam_moi
    ten: Giải quyết việc làm mới
    chi_so: lao_dong.viec_lam_moi.so_nguoi
    ke_hoach: %d
    don_vi_tinh: người
  - ma: xuat_khau_lao_dong
    ten: Đưa người lao động đi làm việc ở nước ngoài
    chi_so: lao_dong.xuat_khau.so_nguoi
    ke_hoach: %d
    don_vi_tinh: người
  - ma: dao_tao_nghe
    ten: Đào tạo nghề
    chi_so: lao_dong.dao_tao_nghe.tong.hoc_vien
    ke_hoach: %d
    don_vi_tinh: học viên
  - ma: bhyt
    ten: Tỷ lệ bao phủ bảo hiểm y tế
    chi_so: bao_hiem.bhyt.ty_le_bao_phu
    ke_hoach: 95
    don_vi_tinh: "%%"
  - ma: von_vay
    ten: Doanh số cho vay ưu đãi
    chi_so: tin_dung.tong_so_tien
    ke_hoach: %d
    don_vi_tinh: triệu đồng
`, Parent.Code, Parent.Name, Parent.Level, year, year-1, year, jobs, abroad, 200*n, creditTarget)
	return b.String()
}
