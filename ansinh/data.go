package ansinh

import (
	"strconv"

	"github.com/ansinh-vn/baocao/indicators"
)

// Funcs returns the template functions for report templates: a fresh map each call,
// usable as a text/template FuncMap. They are the functions of package indicators
// (so, so2, phantram, ngay, ngaydai, chu, tanggiam, hoa, stt) and sosanh, which prints a
// Change against the same period last year: "tăng 1.366 người so với cùng kỳ năm trước".
func Funcs() map[string]any {
	m := indicators.Funcs()
	m["sosanh"] = sosanh
	return m
}

// Data returns the report as templates see it: a tree of map[string]any with the YAML's
// snake_case Vietnamese keys plus computed ones (totals, rates, full names). Leaves are
// indicators values that print Vietnamese-style (Count "1.855", Money "568,1 triệu
// đồng", Rate "4,82%", Date "08/02/2023", Change "tăng 1.366"), strings, []string for
// narrative, bools for plan attainment, and the int chi_tieu_o_muc. Years are strings
// ("2023"). Keyed lists appear twice: as a map by ma (.tin_dung.chuong_trinh.hssv) and in
// file order as the list with suffix _ds (.tin_dung.chuong_trinh_ds). Every amount is
// converted to r.MoneyUnit. A rate that cannot be computed (zero or missing base) is
// the zero Rate, which is not valid: test it with {{if .x.ty_le.IsValid}} (Validate
// reports it as a zero-denominator warning). Optional keys are always present (empty string or zero value),
// so templates can test them with if.
//
// The tree (the README's table "The data a template sees" describes each key):
//
//	.don_vi            ma, ten, cap, cap_tren, co_quan, ten_day_du, co_quan_day_du
//	.ky                nam, loai, ten, ngay_dau, ngay_cuoi, tiep_theo {ten, nam, loai}, cung_ky {ten, nam, loai}
//	.don_vi_tien       "triệu đồng"
//	.van_ban           so, ky_hieu, dia_danh, ngay, thang, nam, trich_yeu, noi_gui, noi_nhan, luu,
//	                   ky_ten {tham_quyen, thay_mat, chuc_vu, ho_ten}
//	.chi_dao           mo_dau, van_ban [{loai, so, ngay, co_quan, trich_yeu}], ket
//	.tuyen_truyen      [paragraphs]
//	.can_cu.<key>      {loai, so, ngay, co_quan, trich_yeu}
//	.giam_ngheo        nam_ra_soat, dan_so {so_ho, nhan_khau}, ho_ngheo, ho_can_ngheo,
//	                   dtts_ngheo_can_ngheo, ho_ngheo_phat_sinh: {so_ho, nhan_khau, ty_le}
//	.tin_dung          chuong_trinh, chuong_trinh_ds: {ma, ten, so_ho, so_tien, thanh_phan {name: Count}},
//	                   tong_so_ho, tong_so_tien, nhan_xet
//	.bao_hiem          the_bhyt, the_bhyt_ds: {ma, ten, so_the}, tong_so_the, mo_dau,
//	                   bhyt {ngay_uoc_tinh, so_nguoi, cung_ky_nam_truoc, thay_doi, ty_le_bao_phu, ke_hoach_bao_phu, dat_ke_hoach},
//	                   bhxh {bat_buoc, tu_nguyen, tong, ty_le, ke_hoach, dat_ke_hoach}
//	.lao_dong          mo_dau, dao_tao_nghe {phi_nong_nghiep, nong_nghiep, tong: {so_lop, hoc_vien, kinh_phi}},
//	                   xuat_khau {so_nguoi, chi_tieu, ty_le, thi_truong, dat_chi_tieu},
//	                   ngay_hoi_viec_lam {so_nguoi}, viec_lam_moi {so_nguoi, ke_hoach, ty_le, dat_ke_hoach}
//	.bao_tro_xa_hoi    tro_cap_thuong_xuyen {luot, kinh_phi}, mai_tang {so_nguoi, kinh_phi},
//	                   mua_bhyt {so_nguoi, kinh_phi}, mung_tho {tron_100, tron_90, tong},
//	                   nha_o, nha_o_ds: {ma, ten, so_ho, so_tien, nha_tai_tro, noi},
//	                   qua, qua_ds: {ma, ten, so_suat, so_tien, nha_tai_tro, noi}
//	.giao_duc          ho_tro, ho_tro_ds: {ma, ten, so_nguoi, so_tien}, tong_so_nguoi, tong_so_tien
//	.tien_dien         ho_ngheo {so_ho, kinh_phi}, chinh_sach {luot_ho, kinh_phi}
//	.danh_gia          thuan_loi, han_che_mo_dau, han_che
//	.nhiem_vu          mo_dau, danh_sach, chi_tieu_o_muc (int)
//	.nam_truoc         last year's tree (see SetPrevious; empty without)
//	.so_sanh           the same paths, a Change for each figure against last year
//	.ke_hoach          plan targets by ma {ma, ten, chi_so, don_vi_tinh, ke_hoach, thuc_hien, dat, ty_le, dat_ke_hoach}
//	.ke_hoach_ds       the same in file order; .ke_hoach_can_cu the plan's source (see SetPlan)
func (r *Report) Data() map[string]any {
	mu := r.MoneyUnit
	money := func(m indicators.Money) indicators.Money { return m.In(mu) }
	year := func(y int) string {
		if y == 0 {
			return ""
		}
		return strconv.Itoa(y)
	}
	strs := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	legal := func(l LegalDoc) map[string]any {
		return map[string]any{"loai": l.Kind, "so": l.Number, "ngay": l.Date, "co_quan": l.Issuer, "trich_yeu": l.Title}
	}
	period := func(p Period) map[string]any {
		return map[string]any{"ten": p.Name(), "nam": year(p.Year), "loai": string(p.Kind)}
	}

	u := r.Unit
	ky := period(r.Period)
	ky["ngay_dau"] = r.Period.Start()
	ky["ngay_cuoi"] = r.Period.End()
	ky["tiep_theo"] = period(r.Period.Next())
	ky["cung_ky"] = period(r.Period.SameLastYear())

	doc := r.Document
	month := printedMonth(doc.PrintedMonth())

	docs := make([]any, 0, len(r.Direction.Documents))
	for _, l := range r.Direction.Documents {
		docs = append(docs, legal(l))
	}
	refs := map[string]any{}
	for k, l := range r.References {
		refs[k] = legal(l)
	}

	p := r.Poverty
	group := func(g PovertyGroup) map[string]any {
		rate, _ := p.Rate(g)
		return map[string]any{"so_ho": g.Households, "nhan_khau": g.Persons, "ty_le": rate}
	}

	progs, progList := map[string]any{}, make([]any, 0, len(r.Credit.Programmes))
	for _, l := range r.Credit.Programmes {
		parts := map[string]any{}
		for k, c := range l.Parts {
			parts[k] = c
		}
		m := map[string]any{"ma": l.Code, "ten": l.Name, "so_ho": l.Households, "so_tien": money(l.Amount), "thanh_phan": parts}
		progs[l.Code] = m
		progList = append(progList, m)
	}

	ins := r.Insurance
	cards, cardList := map[string]any{}, make([]any, 0, len(ins.Cards))
	for _, g := range ins.Cards {
		m := map[string]any{"ma": g.Code, "ten": g.Name, "so_the": g.Cards}
		cards[g.Code] = m
		cardList = append(cardList, m)
	}
	h, s := ins.Health, ins.Social
	coverage, _ := h.CoverageRate()
	share, _ := s.ShareRate()

	lab := r.Labour
	line := func(l TrainingLine) map[string]any {
		return map[string]any{"so_lop": l.Classes, "hoc_vien": l.Learners, "kinh_phi": money(l.Cost)}
	}
	abroadMet := false
	if a, err := lab.Abroad.Attainment(); err == nil {
		abroadMet = a.Met()
	}
	jobsMet := false
	if a, err := lab.NewJobs.Attainment(); err == nil {
		jobsMet = a.Met()
	}

	as := r.Assistance
	housing, housingList := map[string]any{}, make([]any, 0, len(as.Housing))
	for _, x := range as.Housing {
		m := map[string]any{"ma": x.Code, "ten": x.Name, "so_ho": x.Households, "so_tien": money(x.Amount), "nha_tai_tro": x.Sponsor, "noi": x.Place}
		housing[x.Code] = m
		housingList = append(housingList, m)
	}
	gifts, giftList := map[string]any{}, make([]any, 0, len(as.Gifts))
	for _, x := range as.Gifts {
		m := map[string]any{"ma": x.Code, "ten": x.Name, "so_suat": x.Portions, "so_tien": money(x.Amount), "nha_tai_tro": x.Sponsor, "noi": x.Place}
		gifts[x.Code] = m
		giftList = append(giftList, m)
	}
	edu, eduList := map[string]any{}, make([]any, 0, len(r.Education.Support))
	for _, x := range r.Education.Support {
		m := map[string]any{"ma": x.Code, "ten": x.Name, "so_nguoi": x.Persons, "so_tien": money(x.Amount)}
		edu[x.Code] = m
		eduList = append(eduList, m)
	}

	m := map[string]any{
		"don_vi": map[string]any{
			"ma": u.Code, "ten": u.Name, "cap": u.Level, "cap_tren": u.Parent, "co_quan": u.BodyName(),
			"ten_day_du": u.FullName(), "co_quan_day_du": u.FullBodyName(),
		},
		"ky":          ky,
		"don_vi_tien": mu.String(),
		"van_ban": map[string]any{
			"so": doc.Number, "ky_hieu": doc.Symbol, "dia_danh": doc.Place, "ngay": doc.Date,
			"thang": month, "nam": year(doc.PrintedYear(r.Period.Year)),
			"trich_yeu": doc.Subject, "noi_gui": doc.Addressee, "noi_nhan": strs(doc.Recipients), "luu": doc.Archive,
			"ky_ten": map[string]any{
				"tham_quyen": doc.Signer.Authority, "thay_mat": doc.Signer.OnBehalf,
				"chuc_vu": doc.Signer.Position, "ho_ten": doc.Signer.Name,
			},
		},
		"chi_dao": map[string]any{
			"mo_dau": r.Direction.Opening, "van_ban": docs, "ket": strs(r.Direction.Closing),
		},
		"tuyen_truyen": strs(r.Outreach),
		"can_cu":       refs,
		"giam_ngheo": map[string]any{
			"nam_ra_soat":          year(p.SurveyYear),
			"dan_so":               map[string]any{"so_ho": p.Population.Households, "nhan_khau": p.Population.Persons},
			"ho_ngheo":             group(p.Poor),
			"ho_can_ngheo":         group(p.NearPoor),
			"dtts_ngheo_can_ngheo": group(p.EthnicMinority),
			"ho_ngheo_phat_sinh":   group(p.NewPoor),
		},
		"tin_dung": map[string]any{
			"chuong_trinh": progs, "chuong_trinh_ds": progList,
			"tong_so_ho": r.Credit.TotalHouseholds(), "tong_so_tien": r.Credit.TotalAmount(mu),
			"nhan_xet": strs(r.Credit.Comments),
		},
		"bao_hiem": map[string]any{
			"the_bhyt": cards, "the_bhyt_ds": cardList, "tong_so_the": ins.TotalCards(),
			"mo_dau": strs(ins.Opening),
			"bhyt": map[string]any{
				"ngay_uoc_tinh": h.EstimateDate, "so_nguoi": h.Participants, "cung_ky_nam_truoc": h.PreviousYear,
				"thay_doi": h.Change(), "ty_le_bao_phu": coverage, "ke_hoach_bao_phu": h.Coverage.PlanRate(),
				"dat_ke_hoach": h.Coverage.Met(h.Participants),
			},
			"bhxh": map[string]any{
				"bat_buoc": s.Compulsory, "tu_nguyen": s.Voluntary, "tong": s.Total(),
				"ty_le": share, "ke_hoach": s.LabourForceShare.PlanRate(),
				"dat_ke_hoach": s.LabourForceShare.Met(s.Total()),
			},
		},
		"lao_dong": map[string]any{
			"mo_dau": strs(lab.Opening),
			"dao_tao_nghe": map[string]any{
				"phi_nong_nghiep": line(lab.Training.NonAgricultural),
				"nong_nghiep":     line(lab.Training.Agricultural),
				"tong":            line(lab.Training.Total()),
			},
			"xuat_khau": map[string]any{
				"so_nguoi": lab.Abroad.Workers, "chi_tieu": lab.Abroad.Target, "ty_le": lab.Abroad.Rate(),
				"thi_truong": lab.Abroad.Market, "dat_chi_tieu": abroadMet,
			},
			"ngay_hoi_viec_lam": map[string]any{"so_nguoi": lab.JobFair.Participants},
			"viec_lam_moi": map[string]any{
				"so_nguoi": lab.NewJobs.Workers, "ke_hoach": lab.NewJobs.Plan, "ty_le": lab.NewJobs.Rate(),
				"dat_ke_hoach": jobsMet,
			},
		},
		"bao_tro_xa_hoi": map[string]any{
			"tro_cap_thuong_xuyen": map[string]any{"luot": as.Monthly.Turns, "kinh_phi": money(as.Monthly.Cost)},
			"mai_tang":             map[string]any{"so_nguoi": as.Funeral.Persons, "kinh_phi": money(as.Funeral.Cost)},
			"mua_bhyt":             map[string]any{"so_nguoi": as.HealthCards.Persons, "kinh_phi": money(as.HealthCards.Cost)},
			"mung_tho":             map[string]any{"tron_100": as.Longevity.Age100, "tron_90": as.Longevity.Age90, "tong": as.Longevity.Total()},
			"nha_o":                housing, "nha_o_ds": housingList,
			"qua": gifts, "qua_ds": giftList,
		},
		"giao_duc": map[string]any{
			"ho_tro": edu, "ho_tro_ds": eduList,
			"tong_so_nguoi": r.Education.TotalPersons(), "tong_so_tien": r.Education.TotalAmount(mu),
		},
		"tien_dien": map[string]any{
			"ho_ngheo":   map[string]any{"so_ho": r.Electricity.Poor.Households, "kinh_phi": money(r.Electricity.Poor.Cost)},
			"chinh_sach": map[string]any{"luot_ho": r.Electricity.Policy.HouseholdTurns, "kinh_phi": money(r.Electricity.Policy.Cost)},
		},
		"danh_gia": map[string]any{
			"thuan_loi": strs(r.Assessment.Advantages), "han_che_mo_dau": r.Assessment.LimitationsOpening,
			"han_che": strs(r.Assessment.Limitations),
		},
		"nhiem_vu": map[string]any{
			"mo_dau": r.Tasks.Opening, "danh_sach": strs(r.Tasks.Items), "chi_tieu_o_muc": r.Tasks.TargetsItem,
		},
	}
	r.compareData(m)
	return m
}

// printedMonth is the month of the date line as Nghị định 30/2020 writes it: months 1
// and 2 with a leading zero ("tháng 01"), the others as they are ("tháng 6"); "" for 0.
func printedMonth(m int) string {
	switch {
	case m <= 0:
		return ""
	case m <= 2:
		return "0" + strconv.Itoa(m)
	}
	return strconv.Itoa(m)
}
