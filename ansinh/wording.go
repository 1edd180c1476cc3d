package ansinh

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/ansinh-vn/baocao/indicators"
)

// ReorganisationDates are the two dates of the 2025 reorganisation of Vietnamese local
// government that decide the default names of offices (see [Report.Wording]):
//
//   - merge, 1 March 2025: the labour, invalids and social affairs departments were
//     merged into home affairs (Sở Lao động - Thương binh và Xã hội into Sở Nội vụ,
//     Phòng Lao động - Thương binh và Xã hội into Phòng Nội vụ);
//   - reform, 1 July 2025: two-level local government; districts are gone, communes (xã,
//     phường, đặc khu) report to the province and have a Phòng Văn hóa - Xã hội.
//
// A period belongs to the stage its last day falls in.
func ReorganisationDates() (merge, reform indicators.Date) {
	return indicators.DateOf(time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC)),
		indicators.DateOf(time.Date(2025, time.July, 1, 0, 0, 0, 0, time.UTC))
}

// WordingKeys are the keys of the YAML section tu_ngu, by which a period file overrides
// the default wording of its unit (see [Report.Wording]), in the order they are
// documented.
func WordingKeys() []string {
	return []string{
		"toan", "dia_ban", "cap_duoi", "cap_uy", "ubnd", "ubnd_day_du", "hdnd",
		"lao_dong", "lao_dong_cap_tren", "ngan_hang", "bao_hiem_xa_hoi", "viec_lam",
	}
}

// Tier is the place of a unit in the administrative tree, decided from its level word
// (cấp) and whether it has a parent.
type Tier int

// The tiers.
const (
	TierCommune  Tier = iota + 1 // xã, phường, thị trấn, đặc khu
	TierDistrict                 // huyện, quận, thị xã, thành phố thuộc tỉnh
	TierProvince                 // tỉnh, thành phố trực thuộc trung ương
)

// Tier is the unit's tier: xã, phường, thị trấn and đặc khu are communes; huyện, quận
// and thị xã are districts; tỉnh is a province; "thành phố" is a province when the unit
// has no parent (cap_tren) and a district otherwise. Any other level word is a
// commune when it has a parent, a province when it has none.
func (u Unit) Tier() Tier {
	switch strings.ToLower(strings.TrimSpace(u.Level)) {
	case "xã", "phường", "thị trấn", "đặc khu":
		return TierCommune
	case "huyện", "quận", "thị xã":
		return TierDistrict
	case "tỉnh":
		return TierProvince
	case "thành phố":
		if strings.TrimSpace(u.Parent) == "" {
			return TierProvince
		}
		return TierDistrict
	}
	if strings.TrimSpace(u.Parent) == "" {
		return TierProvince
	}
	return TierCommune
}

// String is the tier's Vietnamese name: "cấp xã", "cấp huyện", "cấp tỉnh".
func (t Tier) String() string {
	switch t {
	case TierCommune:
		return "cấp xã"
	case TierDistrict:
		return "cấp huyện"
	case TierProvince:
		return "cấp tỉnh"
	}
	return ""
}

// era is the stage of the 2025 reorganisation a period belongs to, by its last day.
type era int

const (
	eraBefore era = iota // before MergeDate
	eraMerged            // from MergeDate to ReformDate: departments merged, districts still there
	eraReform            // from ReformDate: two-level local government
)

func periodEra(p Period) era {
	end := p.End()
	merge, reform := ReorganisationDates()
	switch {
	case end.IsZero() || end.Time().Before(merge.Time()):
		return eraBefore
	case end.Time().Before(reform.Time()):
		return eraMerged
	}
	return eraReform
}

// Wording is the wording of the report that depends on the unit and the period, as
// templates see it under .tu_ngu (see [Report.Data]). Each value is the data's own
// (YAML section tu_ngu, van_ban) when given, else the default for the unit's tier and
// the period's stage of the 2025 reorganisation ([ReorganisationDates]).
func (r *Report) Wording() map[string]any {
	u, p := r.Unit, r.Period
	level := strings.TrimSpace(u.Level)
	tier, when := u.Tier(), periodEra(p)
	short := shortBody(u.BodyName())
	w := map[string]any{
		"cap_hanh_chinh":    tier.String(),
		"toan":              "toàn " + level,
		"dia_ban":           "trên địa bàn " + level,
		"cap_duoi":          below(tier, level, when),
		"cap_uy":            partyCommittee(tier, level),
		"ubnd":              short + " " + level,
		"ubnd_day_du":       u.BodyName() + " " + level,
		"hdnd":              "Hội đồng nhân dân " + level,
		"lao_dong":          labourOffice(tier, level, when),
		"lao_dong_cap_tren": parentLabourOffice(u, when),
		"ngan_hang":         bankOffice(tier, level),
		"bao_hiem_xa_hoi":   insuranceOffice(tier, level, when),
		"viec_lam":          "Trung tâm Dịch vụ việc làm",
	}
	for k, v := range r.WordingOverrides {
		if strings.TrimSpace(v) != "" {
			w[k] = v
		}
	}
	r.documentWording(w)
	return w
}

// documentWording adds the document data with its defaults: noi_gui, noi_nhan, luu,
// ky_hieu, dia_danh, trich_yeu, tham_quyen, chuc_vu.
func (r *Report) documentWording(w map[string]any) {
	d, p := r.Document, r.Period
	or := func(s, def string) string {
		if strings.TrimSpace(s) != "" {
			return s
		}
		return def
	}
	w["noi_gui"] = or(d.Addressee, w["hdnd"].(string))
	recipients := d.Recipients
	if len(recipients) == 0 {
		recipients = nil
		for _, x := range []string{
			w["lao_dong_cap_tren"].(string),
			"Thường trực " + w["cap_uy"].(string),
			"Thường trực HĐND " + strings.TrimSpace(r.Unit.Level),
			"CT, các PCT " + w["ubnd"].(string),
			w["lao_dong"].(string),
		} {
			if x != "" {
				recipients = append(recipients, x)
			}
		}
	}
	w["noi_nhan"] = append([]string(nil), recipients...)
	w["luu"] = or(d.Archive, "VT")
	w["ky_hieu"] = or(d.Symbol, "BC-UBND")
	w["dia_danh"] = or(d.Place, r.Unit.Name)
	w["trich_yeu"] = or(d.Subject, "Kết quả thực hiện công tác an sinh xã hội "+p.String()+
		" và nhiệm vụ, giải pháp "+p.Next().String())
	w["tham_quyen"] = or(d.Signer.Authority, "TM. "+strings.ToUpper(r.Unit.BodyName()))
	w["chuc_vu"] = or(d.Signer.Position, "CHỦ TỊCH")
}

func shortBody(body string) string {
	if strings.EqualFold(body, DefaultBody) {
		return "UBND"
	}
	return body
}

func below(t Tier, level string, when era) string {
	switch t {
	case TierCommune:
		return "các thôn, tổ dân phố"
	case TierDistrict:
		switch level {
		case "huyện":
			return "các xã, thị trấn"
		case "quận":
			return "các phường"
		}
		return "các xã, phường"
	}
	if when == eraReform {
		return "các xã, phường"
	}
	return "các huyện, thị xã, thành phố"
}

func partyCommittee(t Tier, level string) string {
	switch {
	case t == TierCommune:
		return "Đảng ủy " + level
	case level == "huyện":
		return "Huyện ủy"
	case level == "quận":
		return "Quận ủy"
	case level == "thị xã":
		return "Thị ủy"
	case level == "thành phố":
		return "Thành ủy"
	case level == "tỉnh":
		return "Tỉnh ủy"
	}
	return "cấp ủy " + level
}

func labourOffice(t Tier, level string, when era) string {
	switch t {
	case TierCommune:
		if when == eraReform {
			return "Phòng Văn hóa - Xã hội"
		}
		return "công chức Văn hóa - Xã hội " + level
	case TierDistrict:
		if when == eraBefore {
			return "Phòng Lao động - Thương binh và Xã hội"
		}
		return "Phòng Nội vụ"
	}
	if when == eraBefore {
		return "Sở Lao động - Thương binh và Xã hội"
	}
	return "Sở Nội vụ"
}

// parentTier is the tier of u's parent: the level word cap_tren starts with ("huyện Tây
// Sơn", "tỉnh Bình An"), else what the period implies (a district's parent is the
// province, and so is a commune's from the reform on); false when it cannot be known (a
// commune before the reform whose cap_tren is a bare name: a district or, in some
// provinces, the province itself).
func parentTier(u Unit, when era) (Tier, bool) {
	parent := strings.ToLower(strings.TrimSpace(u.Parent))
	for _, w := range []struct {
		prefix string
		tier   Tier
	}{{"huyện ", TierDistrict}, {"quận ", TierDistrict}, {"thị xã ", TierDistrict}, {"tỉnh ", TierProvince}} {
		if strings.HasPrefix(parent, w.prefix) {
			return w.tier, true
		}
	}
	switch {
	case parent == "":
		return 0, false
	case u.Tier() == TierDistrict:
		return TierProvince, true
	case u.Tier() == TierCommune && when == eraReform:
		return TierProvince, true
	}
	return 0, false
}

// parentLabourOffice is the labour and social affairs office of u's parent; "" when the
// parent's tier cannot be known.
func parentLabourOffice(u Unit, when era) string {
	pt, ok := parentTier(u, when)
	switch {
	case u.Tier() == TierProvince && when == eraBefore:
		return "Bộ Lao động - Thương binh và Xã hội"
	case u.Tier() == TierProvince:
		return "Bộ Nội vụ"
	case !ok:
		return ""
	case pt == TierDistrict && when == eraBefore:
		return "Phòng Lao động - Thương binh và Xã hội huyện"
	case pt == TierDistrict:
		return "Phòng Nội vụ huyện"
	case when == eraBefore:
		return "Sở Lao động - Thương binh và Xã hội"
	}
	return "Sở Nội vụ"
}

func bankOffice(t Tier, level string) string {
	switch t {
	case TierCommune:
		return "Ngân hàng Chính sách xã hội"
	case TierDistrict:
		return "Phòng giao dịch Ngân hàng Chính sách xã hội " + level
	}
	return "Chi nhánh Ngân hàng Chính sách xã hội " + level
}

func insuranceOffice(t Tier, level string, when era) string {
	switch {
	case t == TierCommune:
		return "Bảo hiểm xã hội"
	case t == TierDistrict && when == eraBefore:
		return "Bảo hiểm xã hội " + level
	case t == TierDistrict:
		return "Bảo hiểm xã hội cơ sở"
	}
	return "Bảo hiểm xã hội " + level
}

// Occasion is a day of the year a report may name when gifts are given (ngày lễ, dịp).
type Occasion struct {
	Name  string     // ten: "Ngày Quốc tế Thiếu nhi"
	Month time.Month // with Day, the date every year
	Day   int
}

// Occasions lists the fixed-date occasions of social assistance in calendar order.
func Occasions() []Occasion {
	return []Occasion{
		{"Ngày Người khuyết tật Việt Nam", time.April, 18},
		{"Ngày Quốc tế Thiếu nhi", time.June, 1},
		{"Ngày Thương binh - Liệt sĩ", time.July, 27},
		{"Ngày Quốc tế Người cao tuổi", time.October, 1},
		{"Ngày Quốc tế Người khuyết tật", time.December, 3},
	}
}

// periodWording adds to the .ky map the period's full names and occasions.
func periodWording(ky map[string]any, p Period) {
	ky["ten_day_du"] = p.String()
	ky["ket_thuc_nam"] = p.End().Time().Month() == time.December
	if next, ok := ky["tiep_theo"].(map[string]any); ok {
		next["ten_day_du"] = p.Next().String()
	}
	if last, ok := ky["cung_ky"].(map[string]any); ok {
		last["ten_day_du"] = p.SameLastYear().String()
	}
	occ := []any{}
	for _, o := range Occasions() {
		d := indicators.DateOf(time.Date(p.Year, o.Month, o.Day, 0, 0, 0, 0, time.UTC))
		if p.Contains(d) {
			occ = append(occ, map[string]any{"ten": o.Name, "ngay": dayMonth(o.Month, o.Day)})
		}
	}
	ky["ngay_le"] = occ
}

// dayMonth writes a day and month as Nghị định 30/2020 does: "18/4", "01/6", "03/12".
func dayMonth(m time.Month, day int) string {
	s := indicators.Pad2(decimal.NewFromInt(int64(day))) + "/"
	if m <= time.February {
		return s + indicators.Pad2(decimal.NewFromInt(int64(m)))
	}
	return s + indicators.FormatInt(int64(m))
}

// addWording adds the wording of the unit and the period to a Data tree: .tu_ngu (see
// [Report.Wording]), the period's full names under .ky, and the units of the changes
// under .so_sanh (an amount's change in the money unit, a rate's in percentage
// points). It also adds an empty table of units (don_vi_truc_thuoc, so_don_vi 0), which
// [Rollup.Data] fills, so that one template serves a unit with and without units. Data
// calls it once.
func (r *Report) addWording(m map[string]any) {
	m["tu_ngu"] = r.Wording()
	if _, ok := m["don_vi_truc_thuoc"]; !ok {
		m["don_vi_truc_thuoc"] = []any{}
		m["so_don_vi"] = indicators.Count{}
	}
	if ky, ok := m["ky"].(map[string]any); ok {
		periodWording(ky, r.Period)
	}
	if cmp, ok := m["so_sanh"].(map[string]any); ok {
		unitChanges(cmp, m, r.MoneyUnit.String())
	}
}

// unitChanges gives each Change of cmp the unit of the figure at the same path of cur:
// the money unit for an amount, percentage points for a rate.
func unitChanges(cmp, cur map[string]any, money string) {
	for k, v := range cmp {
		switch x := v.(type) {
		case map[string]any:
			if sub, ok := cur[k].(map[string]any); ok {
				unitChanges(x, sub, money)
			}
		case indicators.Change:
			switch cur[k].(type) {
			case indicators.Money:
				cmp[k] = x.WithUnit(money)
			case indicators.Rate:
				cmp[k] = x.WithUnit(indicators.PercentagePoints)
			}
		}
	}
}

// wording decodes the YAML section tu_ngu: text values for the keys of WordingKeys.
func (d *decoder) wording(n *yaml.Node, path string, out *map[string]string) {
	keys := WordingKeys()
	fields := make([]field, 0, len(keys))
	for _, k := range keys {
		k := k
		fields = append(fields, opt(k, func(n *yaml.Node, p string) {
			if s := d.str(n, p); s != "" {
				if *out == nil {
					*out = map[string]string{}
				}
				(*out)[k] = s
			}
		}))
	}
	d.mapping(n, path, fields...)
}
