package ansinh

import (
	"fmt"
	"math"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/indicators"
)

// Report is one unit's social-security report for one period (báo cáo kết quả thực hiện
// công tác an sinh xã hội). Each field's comment names its YAML key.
//
// Totals and rates are methods, never stored fields. Money values carry their own unit;
// [Report.Data] prints every amount converted to MoneyUnit.
type Report struct {
	Unit      Unit         // don_vi: the reporting unit
	Period    Period       // ky: the reporting period
	MoneyUnit MoneyUnit    // don_vi_tien: unit money is printed in; the zero value is triệu đồng, as in YAML
	Document  DocumentInfo // van_ban: number, place, date, addressee, signer, Nơi nhận

	Direction  Direction           // chi_dao: I.1 công tác chỉ đạo điều hành
	Outreach   []string            // tuyen_truyen: I.2 công tác tuyên truyền vận động (paragraphs)
	References map[string]LegalDoc // can_cu: legal references by key (căn cứ pháp lý)

	Poverty     Poverty          // giam_ngheo: 3.1 công tác giảm nghèo
	Credit      Credit           // tin_dung: 3.2 chính sách tín dụng ưu đãi
	Insurance   Insurance        // bao_hiem: 3.3 BHYT, BHXH
	Labour      Labour           // lao_dong: 3.4 đào tạo nghề, lao động, việc làm
	Assistance  SocialAssistance // bao_tro_xa_hoi: 3.5 công tác bảo trợ xã hội
	Education   Education        // giao_duc: 3.6 hỗ trợ trong giáo dục và đào tạo
	Electricity Electricity      // tien_dien: 3.7 hỗ trợ tiền điện

	Assessment Assessment // danh_gia: II nhận xét, đánh giá
	Tasks      Tasks      // nhiem_vu: III nhiệm vụ và giải pháp

	// Custom holds the values of the custom figures of a catalogue (bo_sung; see
	// [Catalog]); nil without a catalogue.
	Custom *CustomValues

	WordingOverrides map[string]string // tu_ngu: the unit's own wording by key (see Report.Wording, WordingKeys)

	// Previous is the same period of last year (cùng kỳ năm trước), not from the YAML:
	// set it with SetPrevious; Data then adds nam_truoc and so_sanh.
	Previous *Report
	// Plan is the unit's plan for the year (kế hoạch, chỉ tiêu giao), not from the YAML:
	// set it with SetPlan; Data then adds ke_hoach and ke_hoach_ds.
	Plan *Plan

	loaded Findings // warnings of loading (load.go), returned by Validate
}

// MoneyUnit is the unit a report prints its money in (don_vi_tien). Its zero value is
// the documented default, triệu đồng ([DefaultMoneyUnit]), for a report built in Go as
// for a period file without don_vi_tien; the constants name each unit, đồng included.
// Money values carry their own unit: this is only the unit they are printed in.
type MoneyUnit uint8

// Money units of a report.
const (
	DefaultUnit MoneyUnit = iota // the default: triệu đồng
	Dong                         // đồng
	NghinDong                    // nghìn đồng
	TrieuDong                    // triệu đồng
	TyDong                       // tỷ đồng
)

// MoneyUnitOf is the report money unit for u: MoneyUnitOf(indicators.Dong) is Dong.
func MoneyUnitOf(u indicators.MoneyUnit) MoneyUnit {
	if u < indicators.Dong || u > indicators.TyDong {
		return DefaultUnit
	}
	return MoneyUnit(u-indicators.Dong) + Dong
}

// Unit is the unit of package indicators that money is printed in: DefaultMoneyUnit for
// the zero value (and for a value outside the constants).
func (u MoneyUnit) Unit() indicators.MoneyUnit {
	if u < Dong || u > TyDong {
		return DefaultMoneyUnit
	}
	return indicators.Dong + indicators.MoneyUnit(u-Dong)
}

// String is the unit as a report writes it: "triệu đồng" for the zero value.
func (u MoneyUnit) String() string { return u.Unit().String() }

// Unit is an administrative unit (đơn vị hành chính). Units form whatever tree the data
// describes: a commune's Parent is its district or (since 2025) its province.
type Unit struct {
	Code   string // ma: optional administrative code, the roll-up key when given
	Name   string // ten: "Tây Sơn"
	Level  string // cap: level word, "xã", "huyện", "tỉnh", "thành phố", "thị xã", "phường" …
	Parent string // cap_tren: name of the parent unit; empty for a province
	Body   string // co_quan: issuing body, "Ủy ban nhân dân" when empty
}

// DefaultBody is the issuing body used when Unit.Body is empty.
const DefaultBody = "Ủy ban nhân dân"

// FullName is the level word and the name: "huyện Tây Sơn".
func (u Unit) FullName() string { return strings.TrimSpace(u.Level + " " + u.Name) }

// BodyName is the issuing body, DefaultBody when Body is empty.
func (u Unit) BodyName() string {
	if u.Body == "" {
		return DefaultBody
	}
	return u.Body
}

// FullBodyName is the issuing body of the unit: "Ủy ban nhân dân huyện Tây Sơn".
func (u Unit) FullBodyName() string { return u.BodyName() + " " + u.FullName() }

// DocumentInfo is the administrative document data of the report (thể thức văn bản,
// Nghị định 30/2020/NĐ-CP). YAML: van_ban.
type DocumentInfo struct {
	Number     string          // so: document number; empty while a draft ("Số:      /BC-UBND")
	Symbol     string          // ky_hieu: "BC-UBND"
	Place      string          // dia_danh: place name on the date line ("Tây Sơn")
	Date       indicators.Date // ngay: signing date; zero while a draft
	Month      int             // thang: month printed when Date is zero (1–12; 0 = none)
	Year       int             // nam: year printed when Date is zero (0 = the period's year)
	Subject    string          // trich_yeu: the title under "BÁO CÁO"
	Addressee  string          // noi_gui: body reported to ("Hội đồng nhân dân huyện")
	Recipients []string        // noi_nhan: "Nơi nhận" list, without the final "Lưu" line
	Archive    string          // luu: "VT" for "- Lưu: VT."
	Signer     Signer          // ky_ten: the signature block
}

// PrintedMonth is the month on the date line: the Date's month, or Month when Date is zero.
func (d DocumentInfo) PrintedMonth() int {
	if !d.Date.IsZero() {
		return int(d.Date.Month())
	}
	return d.Month
}

// PrintedYear is the year on the date line: the Date's year, else Year, else periodYear.
func (d DocumentInfo) PrintedYear(periodYear int) int {
	switch {
	case !d.Date.IsZero():
		return d.Date.Year()
	case d.Year != 0:
		return d.Year
	}
	return periodYear
}

// Signer is the signature block (khối chữ ký).
type Signer struct {
	Authority string // tham_quyen: "TM. ỦY BAN NHÂN DÂN"
	OnBehalf  string // thay_mat: "KT. CHỦ TỊCH"; empty when the head signs himself
	Position  string // chuc_vu: "PHÓ CHỦ TỊCH"
	Name      string // ho_ten: "Bùi Văn Mỹ"
}

// LegalDoc is a directing document or a legal reference (văn bản): "Kế hoạch số
// 25/KH-UBND ngày 08/02/2023 về việc …".
type LegalDoc struct {
	Kind   string          // loai: "Kế hoạch", "Quyết định", "Nghị định" …
	Number string          // so: number and symbol, "25/KH-UBND"
	Date   indicators.Date // ngay: date of issue (zero when not given)
	Issuer string          // co_quan: issuing body, "Chính phủ"
	Title  string          // trich_yeu: what it is about
}

// Direction is section I.1, công tác chỉ đạo điều hành. YAML: chi_dao.
type Direction struct {
	Opening   string     // mo_dau: the opening paragraph
	Documents []LegalDoc // van_ban: documents issued in the period
	Closing   []string   // ket: paragraphs after the list
}

// Poverty is section 3.1, công tác giảm nghèo. YAML: giam_ngheo.
type Poverty struct {
	SurveyYear     int            // nam_ra_soat: year of the poverty survey (rà soát cuối năm)
	Population     HouseholdCount // dan_so: all households and persons (dân cư), the base of every rate
	Poor           PovertyGroup   // ho_ngheo: poor households (hộ nghèo)
	NearPoor       PovertyGroup   // ho_can_ngheo: near-poor households (hộ cận nghèo)
	EthnicMinority PovertyGroup   // dtts_ngheo_can_ngheo: poor and near-poor ethnic-minority households (DTTS)
	NewPoor        PovertyGroup   // ho_ngheo_phat_sinh: new poor households in the period (hộ nghèo phát sinh)
}

// HouseholdCount is a number of households (số hộ) and of persons (nhân khẩu).
type HouseholdCount struct {
	Households indicators.Count // so_ho
	Persons    indicators.Count // nhan_khau
}

// PovertyGroup is a group of households counted in the poverty survey. Its rate (tỷ lệ)
// is computed against the population's households; ReportedRate, when valid, is the
// percentage the report printed, kept beside the computed one and checked against it.
type PovertyGroup struct {
	Households   indicators.Count    // so_ho
	Persons      indicators.Count    // nhan_khau
	ReportedRate decimal.NullDecimal // ty_le_bao_cao: printed percentage, e.g. 0.01 for "0,01%"
}

// Rate is g's share of the population's households (Households / Population.Households
// × 100, two places, half-up), carrying g's reported rate when it has one. It fails with
// indicators.ErrZeroDenominator when the population has no households.
func (p Poverty) Rate(g PovertyGroup) (indicators.Rate, error) {
	r, err := indicators.RateOf(g.Households, p.Population.Households)
	if err != nil {
		return indicators.Rate{}, err
	}
	if g.ReportedRate.Valid {
		r = r.WithReported(g.ReportedRate.Decimal)
	}
	return r, nil
}

// Credit is section 3.2, chính sách tín dụng ưu đãi. YAML: tin_dung.
type Credit struct {
	Programmes []LoanProgramme // chuong_trinh: loans disbursed by programme (Code is the roll-up key)
	Comments   []string        // nhan_xet: assessment paragraphs
}

// LoanProgramme is one preferential-loan programme of the Social Policy Bank
// (chương trình cho vay): households that borrowed and the amount disbursed.
type LoanProgramme struct {
	Code       string                      // ma: stable key ("ho_ngheo", "hssv")
	Name       string                      // ten: "Hộ nghèo"
	Households indicators.Count            // so_ho: households that borrowed
	Amount     indicators.Money            // so_tien: amount disbursed
	Parts      map[string]indicators.Count // thanh_phan: households by purpose, must sum to Households
	PartNames  []LoanPart                  // the codes of Parts in file order, with their names
}

// LoanPart names one part of a loan programme (a key of thanh_phan). YAML gives a part
// either as a count (nha_o: 52) or with its printable name ({so_ho: 52, ten: xây dựng
// nhà ở}); its households are in LoanProgramme.Parts.
type LoanPart struct {
	Code string // the key in thanh_phan: "nha_o"
	Name string // ten: optional, "xây dựng nhà ở"
}

// TotalHouseholds is the number of borrowing households over all programmes. Like
// every total of the model, it stops at the largest count (9,2 × 10^18) instead of
// overflowing; Validate reports such a total (CodeOverflow) and Data refuses to print it.
func (c Credit) TotalHouseholds() indicators.Count {
	t, _ := c.totalHouseholds()
	return t
}

func (c Credit) totalHouseholds() (indicators.Count, bool) {
	return sumOf(c.Programmes, func(p LoanProgramme) indicators.Count { return p.Households })
}

// TotalAmount is the amount disbursed over all programmes, in unit u.
func (c Credit) TotalAmount(u indicators.MoneyUnit) indicators.Money {
	t := indicators.NewMoney(decimal.Zero, u)
	for _, p := range c.Programmes {
		t = t.Add(p.Amount)
	}
	return t
}

// Programme returns the programme with the given code.
func (c Credit) Programme(code string) (LoanProgramme, bool) {
	for _, p := range c.Programmes {
		if p.Code == code {
			return p, true
		}
	}
	return LoanProgramme{}, false
}

// Insurance is section 3.3, BHYT and BHXH. YAML: bao_hiem.
type Insurance struct {
	Opening []string        // mo_dau: narrative bullets before the figures
	Cards   []CardGroup     // the_bhyt: BHYT cards paid by the budget, by group (Code is the roll-up key)
	Health  HealthInsurance // bhyt: health-insurance participants
	Social  SocialInsurance // bhxh: social-insurance participants
}

// CardGroup is a group of BHYT cards bought by the state budget (thẻ BHYT theo nhóm).
type CardGroup struct {
	Code  string           // ma: "ho_ngheo", "bao_tro" …
	Name  string           // ten: "BHYT hộ gia đình nghèo"
	Cards indicators.Count // so_the: number of cards
}

// TotalCards is the number of BHYT cards over all groups (see Credit.TotalHouseholds
// for a total beyond the largest count).
func (i Insurance) TotalCards() indicators.Count {
	t, _ := i.totalCards()
	return t
}

func (i Insurance) totalCards() (indicators.Count, bool) {
	return sumOf(i.Cards, func(g CardGroup) indicators.Count { return g.Cards })
}

// CardGroup returns the card group with the given code.
func (i Insurance) CardGroup(code string) (CardGroup, bool) {
	for _, g := range i.Cards {
		if g.Code == code {
			return g, true
		}
	}
	return CardGroup{}, false
}

// HealthInsurance is participation in health insurance (bảo hiểm y tế, BHYT).
type HealthInsurance struct {
	EstimateDate indicators.Date  // ngay_uoc_tinh: "ước tính đến ngày 30/6/2023"
	Participants indicators.Count // so_nguoi: participants
	PreviousYear indicators.Count // cung_ky_nam_truoc: participants in the same period last year
	Coverage     RateFigure       // ty_le_bao_phu: coverage of the population (tỷ lệ bao phủ), with plan
}

// Change is the participants against the same period last year ("tăng 1.366").
func (h HealthInsurance) Change() indicators.Change {
	return indicators.NewChange(h.Participants.Decimal(), h.PreviousYear.Decimal())
}

// CoverageRate is the coverage rate: Participants / Coverage.Base when a base is given
// (carrying the reported rate), otherwise the reported rate as printed.
func (h HealthInsurance) CoverageRate() (indicators.Rate, error) {
	return h.Coverage.Rate(h.Participants)
}

// SocialInsurance is participation in social insurance (bảo hiểm xã hội, BHXH).
type SocialInsurance struct {
	Compulsory       indicators.Count  // bat_buoc: compulsory participants (bắt buộc)
	Voluntary        indicators.Count  // tu_nguyen: voluntary participants (tự nguyện)
	StatedTotal      *indicators.Count // tong: a total as the source states it (optional); must equal Total
	LabourForceShare RateFigure        // ty_le_luc_luong_lao_dong: share of the working-age labour force, with plan
}

// Total is compulsory plus voluntary participants.
func (s SocialInsurance) Total() indicators.Count {
	t, _ := sumCounts(s.Compulsory, s.Voluntary)
	return t
}

// ShareRate is the share of the labour force: Total / LabourForceShare.Base when a base
// is given, otherwise the reported rate.
func (s SocialInsurance) ShareRate() (indicators.Rate, error) {
	return s.LabourForceShare.Rate(s.Total())
}

// RateFigure is a percentage as a report states it: the printed value (bao_cao), the
// base it was computed on when known (co_so), and the plan (ke_hoach). With a base the
// rate is computed and the reported value is checked against it; without one the
// reported value is carried as is, and a roll-up cannot sum it.
type RateFigure struct {
	Reported decimal.NullDecimal // bao_cao: printed percentage, 94.79 for "94,79%"
	Base     indicators.Count    // co_so: denominator when stated; zero when not
	Plan     decimal.NullDecimal // ke_hoach: planned percentage, 95 for "95%"
}

// Rate is numerator / Base when Base is non-zero (with the reported value attached), else
// the reported rate. With neither it returns an invalid Rate and
// indicators.ErrZeroDenominator.
func (f RateFigure) Rate(numerator indicators.Count) (indicators.Rate, error) {
	if !f.Base.IsZero() {
		r, err := indicators.RateOf(numerator, f.Base)
		if err != nil {
			return indicators.Rate{}, err
		}
		if f.Reported.Valid {
			r = r.WithReported(f.Reported.Decimal)
		}
		return r, nil
	}
	if f.Reported.Valid {
		return indicators.ReportedRate(f.Reported.Decimal), nil
	}
	return indicators.Rate{}, indicators.ErrZeroDenominator
}

// NewRateFigure returns the figure of a rate computed on base (co_so), planned at plan
// (ke_hoach; the zero NullDecimal when there is none):
//
//	ansinh.NewRateFigure(indicators.MustCount(4730), ansinh.Percent(95))
func NewRateFigure(base indicators.Count, plan decimal.NullDecimal) RateFigure {
	return RateFigure{Base: base, Plan: plan}
}

// NewReportedRate returns the figure of a rate known only as printed (bao_cao, no base),
// planned at plan (the zero NullDecimal when there is none). A roll-up cannot sum it.
func NewReportedRate(reported, plan decimal.NullDecimal) RateFigure {
	return RateFigure{Reported: reported, Plan: plan}
}

// Percent is p percent as the value of a printed or planned percentage (a RateFigure's
// Reported or Plan, a PovertyGroup's ReportedRate): Percent(95) is 95%.
func Percent(p int64) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.NewFromInt(p)) }

// ParsePercent reads a percentage written the Vietnamese way, with or without its sign:
// "10,6", "10,6%", "94,79%", "95". The decimals are kept as written (printed "10,60%"
// for "10,60"). An error wraps indicators.ErrSyntax.
func ParsePercent(s string) (decimal.NullDecimal, error) {
	var (
		v   decimal.Decimal
		err error
	)
	if strings.HasSuffix(s, "%") {
		v, err = indicators.ParsePercent(s)
	} else {
		v, err = indicators.ParseNumber(s)
	}
	if err != nil {
		return decimal.NullDecimal{}, fmt.Errorf("ansinh: percentage: %w", err)
	}
	return decimal.NewNullDecimal(v), nil
}

// PlanRate is the plan as a Rate ("95%"); invalid when there is no plan.
func (f RateFigure) PlanRate() indicators.Rate {
	if !f.Plan.Valid {
		return indicators.Rate{}
	}
	return indicators.ReportedRate(f.Plan.Decimal)
}

// Met reports whether the rate for numerator reaches the plan. False without a plan or
// without a rate.
func (f RateFigure) Met(numerator indicators.Count) bool {
	r, err := f.Rate(numerator)
	if err != nil || !f.Plan.Valid || !r.IsValid() {
		return false
	}
	return r.Value().GreaterThanOrEqual(f.Plan.Decimal)
}

// Labour is section 3.4, đào tạo nghề, lao động, việc làm. YAML: lao_dong.
type Labour struct {
	Opening  []string      // mo_dau: narrative bullets
	Training Training      // dao_tao_nghe: vocational training
	Abroad   WorkersAbroad // xuat_khau: workers sent abroad on contract (xuất khẩu lao động)
	JobFair  JobFair       // ngay_hoi_viec_lam: job fairs (ngày hội việc làm)
	NewJobs  NewJobs       // viec_lam_moi: new jobs created (việc làm mới)
}

// Training is vocational training (đào tạo nghề) by kind.
type Training struct {
	NonAgricultural TrainingLine  // phi_nong_nghiep: non-agricultural trades
	Agricultural    TrainingLine  // nong_nghiep: agricultural trades
	StatedTotal     *TrainingLine // tong: a total as the source states it (optional); must equal Total
}

// TrainingLine is a number of classes (lớp), learners (học viên) and their cost (kinh phí).
type TrainingLine struct {
	Classes  indicators.Count // so_lop
	Learners indicators.Count // hoc_vien
	Cost     indicators.Money // kinh_phi
}

// Add is the line-by-line sum of l and o (cost in l's unit; counts stop at the largest
// count, see Credit.TotalHouseholds).
func (l TrainingLine) Add(o TrainingLine) TrainingLine {
	classes, _ := sumCounts(l.Classes, o.Classes)
	learners, _ := sumCounts(l.Learners, o.Learners)
	return TrainingLine{Classes: classes, Learners: learners, Cost: l.Cost.Add(o.Cost)}
}

// Total is non-agricultural plus agricultural training: 8 classes, 230 learners, 568,1.
func (t Training) Total() TrainingLine { return t.NonAgricultural.Add(t.Agricultural) }

// WorkersAbroad is workers sent abroad on fixed-term contracts (người lao động đi làm việc
// có thời hạn ở nước ngoài) against the target (chỉ tiêu giao).
type WorkersAbroad struct {
	Workers      indicators.Count    // so_nguoi
	Target       indicators.Count    // chi_tieu: target; zero when none
	ReportedRate decimal.NullDecimal // ty_le_bao_cao: printed attainment, 68.05 for "68,05%"
	Market       string              // thi_truong: main destination, "Nhật Bản"
}

// Attainment is Workers against Target (with the reported percentage attached). It fails
// with indicators.ErrZeroDenominator when there is no target.
func (w WorkersAbroad) Attainment() (indicators.Attainment, error) {
	return attainment(w.Workers, w.Target, w.ReportedRate)
}

// Rate is the attainment as a Rate: Workers / Target × 100 carrying the reported value;
// the reported value alone when there is no target; invalid with neither.
func (w WorkersAbroad) Rate() indicators.Rate {
	return attainmentRate(w.Workers, w.Target, w.ReportedRate)
}

// JobFair is the job fairs of the period (phiên giao dịch việc làm, ngày hội việc làm).
type JobFair struct {
	Participants indicators.Count // so_nguoi: workers taking part
}

// NewJobs is the jobs created in the period (tạo việc làm mới) against the plan.
type NewJobs struct {
	Workers      indicators.Count    // so_nguoi: workers given new jobs
	Plan         indicators.Count    // ke_hoach: plan; zero when none
	ReportedRate decimal.NullDecimal // ty_le_bao_cao: printed attainment, if the source states one
}

// Attainment is Workers against Plan ("đạt 55,55% so với kế hoạch").
func (n NewJobs) Attainment() (indicators.Attainment, error) {
	return attainment(n.Workers, n.Plan, n.ReportedRate)
}

// Rate is the attainment as a Rate (55,55%); see WorkersAbroad.Rate.
func (n NewJobs) Rate() indicators.Rate { return attainmentRate(n.Workers, n.Plan, n.ReportedRate) }

func attainment(actual, plan indicators.Count, reported decimal.NullDecimal) (indicators.Attainment, error) {
	a, err := indicators.NewAttainment(actual.Decimal(), plan.Decimal())
	if err != nil {
		return indicators.Attainment{}, err
	}
	if reported.Valid {
		a = a.WithReported(reported.Decimal)
	}
	return a, nil
}

func attainmentRate(actual, plan indicators.Count, reported decimal.NullDecimal) indicators.Rate {
	if plan.IsZero() {
		if reported.Valid {
			return indicators.ReportedRate(reported.Decimal)
		}
		return indicators.Rate{}
	}
	r, err := indicators.RateOf(actual, plan)
	if err != nil {
		return indicators.Rate{}
	}
	if reported.Valid {
		r = r.WithReported(reported.Decimal)
	}
	return r
}

// SocialAssistance is section 3.5, công tác bảo trợ xã hội. YAML: bao_tro_xa_hoi.
type SocialAssistance struct {
	Monthly     MonthlyAllowance // tro_cap_thuong_xuyen: monthly allowances (trợ cấp xã hội thường xuyên)
	Funeral     Beneficiaries    // mai_tang: funeral support (hỗ trợ mai táng phí)
	HealthCards Beneficiaries    // mua_bhyt: BHYT cards bought for beneficiaries; equals the bao_tro card group
	Longevity   Longevity        // mung_tho: longevity gifts (mừng thọ)
	Housing     []HousingSupport // nha_o: housing support by donor/programme (Code is the roll-up key)
	Gifts       []GiftSupport    // qua: gifts by occasion (Code is the roll-up key)
}

// MonthlyAllowance is allowance payments counted in turns (lượt) and their cost.
type MonthlyAllowance struct {
	Turns indicators.Count // luot: payments (lượt đối tượng)
	Cost  indicators.Money // kinh_phi
}

// Beneficiaries is a number of persons supported and the cost.
type Beneficiaries struct {
	Persons indicators.Count // so_nguoi
	Cost    indicators.Money // kinh_phi
}

// Longevity is the persons congratulated on their 100th and 90th birthdays.
type Longevity struct {
	Age100 indicators.Count // tron_100: tròn 100 tuổi
	Age90  indicators.Count // tron_90: tròn 90 tuổi
}

// Total is Age100 + Age90.
func (l Longevity) Total() indicators.Count {
	t, _ := sumCounts(l.Age100, l.Age90)
	return t
}

// HousingSupport is one housing-support line (hỗ trợ nhà ở).
type HousingSupport struct {
	Code       string           // ma: key
	Name       string           // ten: optional description
	Households indicators.Count // so_ho
	Amount     indicators.Money // so_tien
	Sponsor    string           // nha_tai_tro: optional donor, "Công ty TNHH Tân Phú Hiệp"
	Place      string           // noi: optional place, "xã Bình Tân"
}

// GiftSupport is one gift line (tặng quà): portions and their value.
type GiftSupport struct {
	Code     string           // ma: key
	Name     string           // ten: optional description
	Portions indicators.Count // so_suat: portions (suất quà)
	Amount   indicators.Money // so_tien: value
	Sponsor  string           // nha_tai_tro: optional donor
	Place    string           // noi: optional place
	Occasion string           // dip: optional occasion, "Ngày Người khuyết tật Việt Nam (18/4)"
}

// Education is section 3.6, hỗ trợ trong giáo dục và đào tạo. YAML: giao_duc.
type Education struct {
	Support []EducationSupport // ho_tro: support lines (Code is the roll-up key)
}

// EducationSupport is one education-support line (miễn giảm học phí, hỗ trợ chi phí học tập …).
type EducationSupport struct {
	Code    string           // ma: "mien_giam_hoc_phi" …
	Name    string           // ten: optional description
	Persons indicators.Count // so_nguoi: pupils or students supported
	Amount  indicators.Money // so_tien
}

// TotalPersons is the persons over all support lines (see Credit.TotalHouseholds for a
// total beyond the largest count).
func (e Education) TotalPersons() indicators.Count {
	t, _ := e.totalPersons()
	return t
}

func (e Education) totalPersons() (indicators.Count, bool) {
	return sumOf(e.Support, func(s EducationSupport) indicators.Count { return s.Persons })
}

// TotalAmount is the amount over all support lines, in unit u.
func (e Education) TotalAmount(u indicators.MoneyUnit) indicators.Money {
	t := indicators.NewMoney(decimal.Zero, u)
	for _, s := range e.Support {
		t = t.Add(s.Amount)
	}
	return t
}

// Line returns the support line with the given code.
func (e Education) Line(code string) (EducationSupport, bool) {
	for _, s := range e.Support {
		if s.Code == code {
			return s, true
		}
	}
	return EducationSupport{}, false
}

// Electricity is section 3.7, hỗ trợ tiền điện. YAML: tien_dien.
type Electricity struct {
	Poor   ElectricityPoor   // ho_ngheo: poor households; equals giam_ngheo.ho_ngheo.so_ho
	Policy ElectricityPolicy // chinh_sach: social-policy households (hộ chính sách xã hội)
}

// ElectricityPoor is electricity support to poor households.
type ElectricityPoor struct {
	Households indicators.Count // so_ho
	Cost       indicators.Money // kinh_phi
}

// ElectricityPolicy is electricity support to social-policy households, counted in turns.
type ElectricityPolicy struct {
	HouseholdTurns indicators.Count // luot_ho: household turns (lượt hộ)
	Cost           indicators.Money // kinh_phi
}

// Assessment is part II, nhận xét, đánh giá. YAML: danh_gia.
type Assessment struct {
	Advantages         []string // thuan_loi: thuận lợi
	LimitationsOpening string   // han_che_mo_dau: paragraph before the limitations
	Limitations        []string // han_che: hạn chế, tồn tại
}

// Tasks is part III, nhiệm vụ và giải pháp for the next period. YAML: nhiem_vu.
type Tasks struct {
	Opening string   // mo_dau: opening paragraph
	Items   []string // danh_sach: numbered tasks
	// TargetsItem is the 1-based item whose paragraph ends with the plan-targets
	// sentence built from the BHYT/BHXH plans; 0 for none. YAML: chi_tieu_o_muc.
	TargetsItem int
}

// sumCounts is the sum of cs, or the largest count and false when the sum is beyond it.
func sumCounts(cs ...indicators.Count) (indicators.Count, bool) {
	var t indicators.Count
	for _, c := range cs {
		var ok bool
		if t, ok = addCount(t, c); !ok {
			return largestCount(), false
		}
	}
	return t, true
}

// sumOf is the sum of count(x) over xs, as sumCounts.
func sumOf[T any](xs []T, count func(T) indicators.Count) (indicators.Count, bool) {
	var t indicators.Count
	for _, x := range xs {
		var ok bool
		if t, ok = addCount(t, count(x)); !ok {
			return largestCount(), false
		}
	}
	return t, true
}

func largestCount() indicators.Count { return indicators.MustCount(math.MaxInt64) }
