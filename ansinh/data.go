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
// converted to r.MoneyUnit (triệu đồng when it is zero). A rate that cannot be computed (zero or missing base) is
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
//	.tin_dung          chuong_trinh, chuong_trinh_ds: {ma, ten, so_ho, so_tien, thanh_phan {name: Count},
//	                   thanh_phan_ds [{ma, ten, so_ho}] in file order},
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
//	                   qua, qua_ds: {ma, ten, so_suat, so_tien, nha_tai_tro, noi, dip}
//	.giao_duc          ho_tro, ho_tro_ds: {ma, ten, so_nguoi, so_tien}, tong_so_nguoi, tong_so_tien
//	.tien_dien         ho_ngheo {so_ho, kinh_phi}, chinh_sach {luot_ho, kinh_phi}
//	.danh_gia          thuan_loi, han_che_mo_dau, han_che
//	.nhiem_vu          mo_dau, danh_sach, chi_tieu_o_muc (int)
//	.nam_truoc         last year's tree (see SetPrevious; empty without)
//	.so_sanh           the same paths, a Change for each figure against last year
//	.ke_hoach          plan targets by ma {ma, ten, chi_so, don_vi_tinh, ke_hoach, thuc_hien, dat, ty_le, dat_ke_hoach}
//	.ke_hoach_ds       the same in file order; .ke_hoach_can_cu the plan's source (see SetPlan)
func (r *Report) Data() map[string]any {
	m := r.documentData()
	r.figureData(m, r.figures())
	r.customData(m)
	r.compareData(m)
	r.customChanges(m)
	r.addWording(m)
	return m
}

// year prints a year as templates see it: "2023", "" for 0.
func year(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// strs is a narrative list as templates see it: never nil, so range and len work.
func strs(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// documentData is the part of the data tree that is not figures: the unit, the period,
// the document data and the narrative sections.
func (r *Report) documentData() map[string]any {
	legal := func(l LegalDoc) map[string]any {
		return map[string]any{"loai": l.Kind, "so": l.Number, "ngay": l.Date, "co_quan": l.Issuer, "trich_yeu": l.Title}
	}
	period := func(p Period) map[string]any {
		return map[string]any{"ten": p.Name(), "nam": year(p.Year), "loai": string(p.Kind)}
	}
	ky := period(r.Period)
	ky["ngay_dau"] = r.Period.Start()
	ky["ngay_cuoi"] = r.Period.End()
	ky["tiep_theo"] = period(r.Period.Next())
	ky["cung_ky"] = period(r.Period.SameLastYear())

	docs := make([]any, 0, len(r.Direction.Documents))
	for _, l := range r.Direction.Documents {
		docs = append(docs, legal(l))
	}
	refs := map[string]any{}
	for k, l := range r.References {
		refs[k] = legal(l)
	}
	doc := r.Document
	return map[string]any{
		"don_vi":      unitData(r.Unit),
		"ky":          ky,
		"don_vi_tien": r.MoneyUnit.String(),
		"van_ban": map[string]any{
			"so": doc.Number, "ky_hieu": doc.Symbol, "dia_danh": doc.Place, "ngay": doc.Date,
			"thang": printedMonth(doc.PrintedMonth()), "nam": year(doc.PrintedYear(r.Period.Year)),
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
		"danh_gia": map[string]any{
			"thuan_loi": strs(r.Assessment.Advantages), "han_che_mo_dau": r.Assessment.LimitationsOpening,
			"han_che": strs(r.Assessment.Limitations),
		},
		"nhiem_vu": map[string]any{
			"mo_dau": r.Tasks.Opening, "danh_sach": strs(r.Tasks.Items), "chi_tieu_o_muc": r.Tasks.TargetsItem,
		},
	}
}

// figureData adds the figure sections to a data tree: every entry of the description
// t that is a key of the tree, at its path, as templates see it (money in the report's
// unit, years as strings, keyed lists twice: by ma and as X_ds in order).
func (r *Report) figureData(m map[string]any, t *figureTable) {
	for i := range t.all {
		f := &t.all[i]
		if f.yamlOnly {
			continue
		}
		var v any
		switch f.kind {
		case figCount:
			v = *f.count(r)
		case figMoney:
			v = f.money(r).In(r.MoneyUnit.Unit())
		case figDate:
			v = *f.date(r)
		case figYear:
			v = year(*f.year(r))
		case figText:
			v = *f.text(r)
		case figParagraphs:
			v = strs(*f.paras(r))
		case figComputed:
			v = f.value(r)
		case figTotal:
			if c, ok := f.total(r); ok {
				v = c
			} else {
				v = tooLarge{f.path}
			}
		case figList:
			byCode, inOrder := f.list.data(r)
			setPath(m, f.path, byCode)
			v = inOrder
			setPath(m, f.path+"_ds", v)
			continue
		default: // groups come with their keys
			continue
		}
		setPath(m, f.path, v)
	}
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
