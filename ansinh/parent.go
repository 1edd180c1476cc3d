package ansinh

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// ErrOwnMismatch: a parent's own period file is not the roll-up's unit or period.
var ErrOwnMismatch = errors.New("ansinh: own period file is not the roll-up's unit and period")

// UnitRowPaths are the figures of each unit that [ParentReport] keeps for the table of
// units (đơn vị trực thuộc) of the standard templates: households, poor and near-poor
// households and their rates, BHYT participants and coverage, BHXH participants, new
// jobs and loans disbursed. A fresh slice each call.
func UnitRowPaths() []string {
	return []string{
		"giam_ngheo.dan_so.so_ho",
		"giam_ngheo.ho_ngheo.so_ho",
		"giam_ngheo.ho_ngheo.ty_le",
		"giam_ngheo.ho_can_ngheo.so_ho",
		"giam_ngheo.ho_can_ngheo.ty_le",
		"bao_hiem.bhyt.so_nguoi",
		"bao_hiem.bhyt.ty_le_bao_phu",
		"bao_hiem.bhxh.tong",
		"lao_dong.viec_lam_moi.so_nguoi",
		"tin_dung.tong_so_ho",
		"tin_dung.tong_so_tien",
	}
}

// ParentReport makes the report of a parent unit (a district, a province) for one
// period: own is the parent's own period file (unit, period, money unit, document data,
// narrative, wording; see [LoadOwn]), units are its units' reports for the same period.
// The figures are the roll-up of units ([Aggregate] rules; each row of the table of
// units holds the figures at [UnitRowPaths]); the text is own's ([Rollup.SetOwn]). Add
// the comparison with last year and the plan to the result's Report as to any report:
// SetPrevious with last year's ParentReport (or roll-up) and SetPlan with the parent's
// plan. Validate each unit first: ParentReport checks only what a roll-up needs, and
// stops at the first unit that does not belong (errors of [Aggregator.Add]).
func ParentReport(own *Report, units ...*Report) (*Rollup, error) {
	if own == nil {
		return nil, ErrNilReport
	}
	a := NewParentAggregator(own)
	for _, u := range units {
		if err := a.Add(u); err != nil {
			return nil, fmt.Errorf("báo cáo của %s: %w", own.Unit.FullName(), err)
		}
	}
	ro := a.Result()
	if err := ro.SetOwn(own); err != nil {
		return nil, err
	}
	return ro, nil
}

// NewParentAggregator is the Aggregator [ParentReport] uses, for rolling up units one at
// a time (from a folder with [LoadDir]): own's unit and period, own's money unit, rows
// at [UnitRowPaths]. Call [Rollup.SetOwn] with own on its Result.
func NewParentAggregator(own *Report) *Aggregator {
	a := NewAggregator(own.Unit, own.Period)
	a.MoneyUnit = own.MoneyUnit.Unit()
	a.RowPaths = UnitRowPaths()
	return a
}

// SetOwn gives the roll-up its own text: ro.Report takes own's unit (with its body and
// parent), document data (van_ban), directing documents (chi_dao), outreach
// (tuyen_truyen), legal references (can_cu), narrative (the mo_dau lists, tin_dung
// nhan_xet, danh_gia, nhiem_vu) and wording (tu_ngu; cap_duoi, when own does not give
// it, names the levels of the units in the table: "các xã, phường"). Figures stay the roll-up's, except
// those a roll-up cannot sum and own states: a coverage or labour-force share with its
// base or as reported, their plans, the targets of workers abroad and new jobs, last
// year's BHYT participants, the BHYT estimate date and the main market abroad; each is
// taken from own only when the roll-up has none. Own's unit and period must be the
// roll-up's ([ErrOwnMismatch]).
func (ro *Rollup) SetOwn(own *Report) error {
	if own == nil {
		return ErrNilReport
	}
	r := ro.Report
	if !sameUnit(own.Unit, r.Unit) || own.Period != r.Period {
		return fmt.Errorf("%w: %s %s, báo cáo tổng hợp là %s %s", ErrOwnMismatch,
			own.Unit.FullName(), own.Period, r.Unit.FullName(), r.Period)
	}
	r.Unit = own.Unit
	r.Document = own.Document
	r.Direction = own.Direction
	r.Outreach = own.Outreach
	r.References = own.References
	r.Credit.Comments = own.Credit.Comments
	r.Insurance.Opening = own.Insurance.Opening
	r.Labour.Opening = own.Labour.Opening
	r.Assessment = own.Assessment
	r.Tasks = own.Tasks
	r.WordingOverrides = unitsWording(own.WordingOverrides, ro.Units)
	fillOwnFigures(r, own)
	return nil
}

// unitsWording is own's wording with cap_duoi, when own does not give it, naming the
// levels of the units in the table: "các xã, phường", "các xã, thị trấn".
func unitsWording(own map[string]string, units []UnitRow) map[string]string {
	out := make(map[string]string, len(own)+1)
	for k, v := range own {
		out[k] = v
	}
	if strings.TrimSpace(out["cap_duoi"]) != "" || len(units) == 0 {
		return out
	}
	var levels []string
	for _, u := range units {
		if l := strings.TrimSpace(u.Unit.Level); l != "" && !containsFold(levels, l) {
			levels = append(levels, l)
		}
	}
	if len(levels) > 0 {
		out["cap_duoi"] = "các " + strings.Join(levels, ", ")
	}
	return out
}

// fillOwnFigures takes from own the figures a roll-up cannot sum, where r has none.
func fillOwnFigures(r, own *Report) {
	fillRate(&r.Insurance.Health.Coverage, own.Insurance.Health.Coverage)
	fillRate(&r.Insurance.Social.LabourForceShare, own.Insurance.Social.LabourForceShare)
	if r.Labour.Abroad.Target.IsZero() {
		r.Labour.Abroad.Target = own.Labour.Abroad.Target
	}
	if r.Labour.NewJobs.Plan.IsZero() {
		r.Labour.NewJobs.Plan = own.Labour.NewJobs.Plan
	}
	if r.Insurance.Health.PreviousYear.IsZero() {
		r.Insurance.Health.PreviousYear = own.Insurance.Health.PreviousYear
	}
	if r.Insurance.Health.EstimateDate.IsZero() {
		r.Insurance.Health.EstimateDate = own.Insurance.Health.EstimateDate
	}
	if strings.TrimSpace(r.Labour.Abroad.Market) == "" {
		r.Labour.Abroad.Market = own.Labour.Abroad.Market
	}
	fillOwnCustom(r, own)
}

func fillRate(r *RateFigure, own RateFigure) {
	if r.Base.IsZero() && !r.Reported.Valid {
		r.Base, r.Reported = own.Base, own.Reported
	}
	if !r.Plan.Valid {
		r.Plan = own.Plan
	}
}

// LoadOwnFile reads a parent unit's own period file at path; see [LoadOwn].
func LoadOwnFile(path string) (*Report, error) { return Loader{}.LoadOwnFile(path) }

// LoadOwnFile reads a parent unit's own period file at path; see [LoadOwn].
func (l Loader) LoadOwnFile(path string) (*Report, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return l.LoadOwn(f, path)
}

// LoadOwn reads the own period file of a parent unit (a district, a province), whose
// figures come from its units: it is a period file ([Load], as strict) in which don_vi
// and ky are required and every section of figures (giam_ngheo, tin_dung, bao_hiem,
// lao_dong, bao_tro_xa_hoi, giao_duc, tien_dien) is optional. Give it to [ParentReport].
func LoadOwn(r io.Reader, name string) (*Report, error) { return Loader{}.LoadOwn(r, name) }

// LoadOwn reads the own period file of a parent unit with l; see [LoadOwn]. With a
// Catalog, its bo_sung gives the figures its units' reports cannot sum (cong_don: false).
func (l Loader) LoadOwn(r io.Reader, name string) (*Report, error) {
	data, err := l.read(r, name, 0)
	if err != nil {
		return nil, err
	}
	d := l.decoder(name)
	root := d.root(data, "một kỳ báo cáo")
	if root == nil {
		return nil, d.err()
	}
	var added []string
	if root.Kind == yaml.MappingNode {
		if added, err = addMissingSections(root); err != nil {
			return nil, err
		}
	}
	rep := &Report{}
	d.report(root, rep)
	if err := d.err(); err != nil {
		return nil, err
	}
	for _, key := range added {
		clearSection(rep, key)
	}
	rep.loaded = d.warnings
	return rep, nil
}

// clearSection sets the figures of the section key to their zero value.
func clearSection(r *Report, key string) {
	switch key {
	case "giam_ngheo":
		r.Poverty = Poverty{}
	case "tin_dung":
		r.Credit = Credit{}
	case "bao_hiem":
		r.Insurance = Insurance{}
	case "lao_dong":
		r.Labour = Labour{}
	case "bao_tro_xa_hoi":
		r.Assistance = SocialAssistance{}
	case "giao_duc":
		r.Education = Education{}
	case "tien_dien":
		r.Electricity = Electricity{}
	}
}

// emptyFigures are the sections of figures an own file may leave out, each with no
// figures: they stand in for the missing ones so that the file reads as a period file.
const emptyFigures = `
giam_ngheo:
  nam_ra_soat: 2000
  dan_so: {so_ho: 0, nhan_khau: 0}
  ho_ngheo: {so_ho: 0, nhan_khau: 0}
  ho_can_ngheo: {so_ho: 0, nhan_khau: 0}
  dtts_ngheo_can_ngheo: {so_ho: 0, nhan_khau: 0}
  ho_ngheo_phat_sinh: {so_ho: 0, nhan_khau: 0}
tin_dung: {chuong_trinh: []}
bao_hiem:
  the_bhyt: []
  bhyt: {ngay_uoc_tinh: 2000-01-01, so_nguoi: 0, cung_ky_nam_truoc: 0, ty_le_bao_phu: {bao_cao: 0}}
  bhxh: {bat_buoc: 0, tu_nguyen: 0, ty_le_luc_luong_lao_dong: {bao_cao: 0}}
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
  ho_ngheo: {so_ho: 0, kinh_phi: 0}
  chinh_sach: {luot_ho: 0, kinh_phi: 0}
`

// addMissingSections appends to root the sections of emptyFigures it lacks and returns
// their keys.
func addMissingSections(root *yaml.Node) ([]string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(emptyFigures), &doc); err != nil || len(doc.Content) != 1 {
		return nil, fmt.Errorf("ansinh: empty sections: %v", err)
	}
	var added []string
	have := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		have[root.Content[i].Value] = true
	}
	empty := doc.Content[0].Content
	for i := 0; i+1 < len(empty); i += 2 {
		if !have[empty[i].Value] {
			root.Content = append(root.Content, empty[i], empty[i+1])
			added = append(added, empty[i].Value)
		}
	}
	return added, nil
}
