package ansinh

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ansinh-vn/baocao/indicators"
)

// DefaultMoneyUnit is the money unit of a period file without don_vi_tien.
const DefaultMoneyUnit = indicators.TrieuDong

// report decodes the root mapping. don_vi_tien is read first: money anywhere in the
// file is in that unit.
func (d *decoder) report(root *yaml.Node, r *Report) {
	d.unitOfMoney = DefaultMoneyUnit
	if root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "don_vi_tien" {
				n := resolve(root.Content[i+1])
				s := strings.TrimSpace(d.str(n, "don_vi_tien"))
				if s == "" {
					break
				}
				u, err := indicators.ParseMoneyUnit(s)
				if err != nil {
					d.at(n, "don_vi_tien", "unknown money unit", "đơn vị tiền %q không hợp lệ; dùng: đồng, nghìn đồng, triệu đồng, tỷ đồng", s)
				} else {
					d.unitOfMoney = u
				}
				break
			}
		}
	}
	r.MoneyUnit = MoneyUnitOf(d.unitOfMoney)
	t := builtin()
	if d.catalog != nil {
		r.Custom = NewCustomValues(d.catalog, d.unitOfMoney)
		t = d.catalog.table
	}
	skip := func(*yaml.Node, string) {}
	fields := []field{
		req("don_vi", func(n *yaml.Node, p string) { d.unit(n, p, &r.Unit) }),
		req("ky", func(n *yaml.Node, p string) { d.period(n, p, &r.Period) }),
		opt("don_vi_tien", skip),
		opt("van_ban", func(n *yaml.Node, p string) { d.document(n, p, &r.Document) }),
		opt("chi_dao", func(n *yaml.Node, p string) { d.direction(n, p, &r.Direction) }),
		opt("tuyen_truyen", func(n *yaml.Node, p string) { r.Outreach = d.paragraphs(n, p) }),
		opt("can_cu", func(n *yaml.Node, p string) { r.References = d.references(n, p) }),
	}
	fields = append(fields, d.figureReader(t, r).fields("")...)
	if d.catalog == nil {
		fields = append(fields, opt(CustomPrefix, func(n *yaml.Node, p string) {
			d.atKind(ErrNoCatalog, resolve(n), p, "bo_sung needs a catalogue (Loader.Catalog)",
				"mục bo_sung chứa chỉ tiêu bổ sung của danh mục chỉ tiêu; cần nạp kèm tệp danh mục chỉ tiêu bổ sung (cờ -catalog của lệnh baocao, ô «Danh mục chỉ tiêu bổ sung» trên trang web), hoặc xóa mục bo_sung")
		}))
	}
	fields = append(fields,
		opt("danh_gia", func(n *yaml.Node, p string) { d.assessment(n, p, &r.Assessment) }),
		opt("nhiem_vu", func(n *yaml.Node, p string) { d.tasks(n, p, &r.Tasks) }),
		opt("tu_ngu", func(n *yaml.Node, p string) { d.wording(n, p, &r.WordingOverrides) }),
	)
	d.mapping(root, "", fields...)
}

func (d *decoder) unit(n *yaml.Node, path string, u *Unit) {
	d.mapping(n, path,
		opt("ma", func(n *yaml.Node, p string) { u.Code = d.str(n, p) }),
		req("ten", func(n *yaml.Node, p string) { u.Name = d.nonEmpty(n, p, "tên đơn vị") }),
		req("cap", func(n *yaml.Node, p string) { u.Level = d.nonEmpty(n, p, "cấp (xã, huyện, tỉnh …)") }),
		opt("cap_tren", func(n *yaml.Node, p string) { u.Parent = d.str(n, p) }),
		opt("co_quan", func(n *yaml.Node, p string) { u.Body = d.str(n, p) }),
	)
}

func (d *decoder) nonEmpty(n *yaml.Node, path, what string) string {
	s := d.str(n, path)
	if strings.TrimSpace(s) == "" {
		d.at(resolve(n), path, "must not be empty", "%s không được để trống", what)
	}
	return s
}

func (d *decoder) period(n *yaml.Node, path string, p *Period) {
	d.mapping(n, path,
		req("nam", func(n *yaml.Node, pp string) { p.Year = d.year(n, pp) }),
		req("loai", func(n *yaml.Node, pp string) {
			s := d.str(n, pp)
			if !PeriodKind(s).Valid() {
				d.at(resolve(n), pp, "unknown period kind", "loại kỳ %q không hợp lệ; dùng một trong: %s", s, kindList())
				return
			}
			p.Kind = PeriodKind(s)
		}),
	)
}

func (d *decoder) document(n *yaml.Node, path string, v *DocumentInfo) {
	d.mapping(n, path,
		opt("so", func(n *yaml.Node, p string) { v.Number = d.str(n, p) }),
		opt("ky_hieu", func(n *yaml.Node, p string) { v.Symbol = d.str(n, p) }),
		opt("dia_danh", func(n *yaml.Node, p string) { v.Place = d.str(n, p) }),
		opt("ngay", func(n *yaml.Node, p string) { v.Date = d.date(n, p, true) }),
		opt("thang", func(n *yaml.Node, p string) { v.Month = d.integer(n, p, "tháng", 1, 12) }),
		opt("nam", func(n *yaml.Node, p string) { v.Year = d.year(n, p) }),
		opt("trich_yeu", func(n *yaml.Node, p string) { v.Subject = d.str(n, p) }),
		opt("noi_gui", func(n *yaml.Node, p string) { v.Addressee = d.str(n, p) }),
		opt("noi_nhan", func(n *yaml.Node, p string) { v.Recipients = d.paragraphs(n, p) }),
		opt("luu", func(n *yaml.Node, p string) { v.Archive = d.str(n, p) }),
		opt("ky_ten", func(n *yaml.Node, p string) {
			s := &v.Signer
			d.mapping(n, p,
				opt("tham_quyen", func(n *yaml.Node, p string) { s.Authority = d.str(n, p) }),
				opt("thay_mat", func(n *yaml.Node, p string) { s.OnBehalf = d.str(n, p) }),
				opt("chuc_vu", func(n *yaml.Node, p string) { s.Position = d.str(n, p) }),
				opt("ho_ten", func(n *yaml.Node, p string) { s.Name = d.str(n, p) }),
			)
		}),
	)
}

func (d *decoder) legalDoc(n *yaml.Node, path string) LegalDoc {
	var v LegalDoc
	d.mapping(n, path,
		req("loai", func(n *yaml.Node, p string) { v.Kind = d.str(n, p) }),
		req("so", func(n *yaml.Node, p string) { v.Number = d.str(n, p) }),
		opt("ngay", func(n *yaml.Node, p string) { v.Date = d.date(n, p, true) }),
		opt("co_quan", func(n *yaml.Node, p string) { v.Issuer = d.str(n, p) }),
		opt("trich_yeu", func(n *yaml.Node, p string) { v.Title = d.str(n, p) }),
	)
	return v
}

func (d *decoder) direction(n *yaml.Node, path string, v *Direction) {
	d.mapping(n, path,
		opt("mo_dau", func(n *yaml.Node, p string) { v.Opening = d.str(n, p) }),
		opt("van_ban", func(n *yaml.Node, p string) {
			d.sequence(n, p, func(n *yaml.Node, p string, _ int) { v.Documents = append(v.Documents, d.legalDoc(n, p)) })
		}),
		opt("ket", func(n *yaml.Node, p string) { v.Closing = d.paragraphs(n, p) }),
	)
}

func (d *decoder) references(n *yaml.Node, path string) map[string]LegalDoc {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.at(n, path, got("a mapping", n), "phải là một nhóm khóa: văn bản, nhưng đây là %s", kindName(n))
		return nil
	}
	out := map[string]LegalDoc{}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := resolve(n.Content[i])
		p := join(path, k.Value)
		if line, dup := seen[k.Value]; dup {
			d.at(k, p, fmt.Sprintf("duplicate key, first at line %d", line), "khóa %q bị lặp, đã có ở dòng %d; xóa một trong hai", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		out[k.Value] = d.legalDoc(n.Content[i+1], p)
	}
	return out
}

// loanParts reads a loan programme's thanh_phan: free names, each with a count or a
// mapping {so_ho, ten}; it returns the counts by name and the names in file order.
func (d *decoder) loanParts(n *yaml.Node, path string) (map[string]indicators.Count, []LoanPart) {
	n = resolve(n)
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		d.at(n, path, got("a mapping", n), "phải là một nhóm tên: số lượng, ví dụ {nha_o: 52, chuyen_doi_nghe: 7} hoặc {nha_o: {so_ho: 52, ten: xây dựng nhà ở}}, nhưng đây là %s", kindName(n))
		return nil, nil
	}
	out := map[string]indicators.Count{}
	var order []LoanPart
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		p := join(path, k.Value)
		if line, dup := seen[k.Value]; dup {
			d.at(k, p, fmt.Sprintf("duplicate key, first at line %d", line), "khóa %q bị lặp, đã có ở dòng %d; xóa một trong hai", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		part := LoanPart{Code: k.Value}
		if v.Kind == yaml.MappingNode {
			var c indicators.Count
			d.mapping(v, p,
				field{key: "so_ho", req: true, fn: func(n *yaml.Node, p string) { c = d.count(n, p) }},
				field{key: "ten", fn: func(n *yaml.Node, p string) { part.Name = d.str(n, p) }})
			out[k.Value] = c
		} else {
			out[k.Value] = d.count(v, p)
		}
		order = append(order, part)
	}
	return out, order
}

func (d *decoder) rateFigure(n *yaml.Node, path string, v *RateFigure) {
	n = resolve(n)
	d.mapping(n, path,
		opt("bao_cao", func(n *yaml.Node, p string) { v.Reported = d.percent(n, p) }),
		opt("co_so", func(n *yaml.Node, p string) { v.Base = d.count(n, p) }),
		opt("ke_hoach", func(n *yaml.Node, p string) { v.Plan = d.percent(n, p) }),
	)
	if isNull(n) || n.Kind == yaml.MappingNode && !hasKey(n, "bao_cao") && !hasKey(n, "co_so") {
		d.at(n, path, "needs bao_cao or co_so", "cần ít nhất tỷ lệ báo cáo (bao_cao) hoặc cơ sở tính (co_so)")
	}
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// figureReader reads the figure sections of one file into a report.
type figureReader struct {
	d   *decoder
	t   *figureTable
	r   *Report
	all []field // a field per YAML entry of t, in t.yamlOrder
}

// figureReader makes the fields of every described mapping at once: one slice and a
// closure per entry for the whole file, which a roll-up of thousands of files feels.
func (d *decoder) figureReader(t *figureTable, r *Report) *figureReader {
	fr := &figureReader{d: d, t: t, r: r, all: make([]field, len(t.yamlOrder))}
	for j, i := range t.yamlOrder {
		f := &t.all[i]
		fr.all[j] = field{key: f.key(), req: f.required, fn: func(n *yaml.Node, p string) { fr.read(f, n, p) }}
	}
	return fr
}

// fields is the fields of the described mapping at parent (the figure sections for
// ""), in the description's order.
func (fr *figureReader) fields(parent string) []field {
	span := fr.t.yamlSpan[parent]
	return fr.all[span[0]:span[1]]
}

// read reads the value of the described entry f at n into the report.
func (fr *figureReader) read(f *figure, n *yaml.Node, path string) {
	d, r := fr.d, fr.r
	if f.alloc != nil {
		f.alloc(r)
	}
	switch f.kind {
	case figGroup:
		d.mapping(n, path, fr.fields(f.path)...)
	case figCount:
		*f.count(r) = d.count(n, path)
	case figMoney:
		*f.money(r) = d.money(n, path)
	case figPercent:
		*f.percent(r) = d.percent(n, path)
	case figRateFigure:
		d.rateFigure(n, path, f.rate(r))
	case figDate:
		*f.date(r) = d.date(n, path, !f.required)
	case figYear:
		*f.year(r) = d.year(n, path)
	case figText:
		*f.text(r) = d.str(n, path)
	case figParagraphs:
		*f.paras(r) = d.paragraphs(n, path)
	case figList:
		f.list.decode(d, n, path, r)
	case figComputed: // a custom rate: computed, never typed
		d.at(resolve(n), path, "a computed rate cannot be typed", "%q là tỷ lệ được tính từ tử số và mẫu số của danh mục; không ghi giá trị, xóa dòng này", f.key())
	}
}

func (d *decoder) assessment(n *yaml.Node, path string, v *Assessment) {
	d.mapping(n, path,
		opt("thuan_loi", func(n *yaml.Node, p string) { v.Advantages = d.paragraphs(n, p) }),
		opt("han_che_mo_dau", func(n *yaml.Node, p string) { v.LimitationsOpening = d.str(n, p) }),
		opt("han_che", func(n *yaml.Node, p string) { v.Limitations = d.paragraphs(n, p) }),
	)
}

func (d *decoder) tasks(n *yaml.Node, path string, v *Tasks) {
	d.mapping(n, path,
		opt("mo_dau", func(n *yaml.Node, p string) { v.Opening = d.str(n, p) }),
		opt("danh_sach", func(n *yaml.Node, p string) { v.Items = d.paragraphs(n, p) }),
		opt("chi_tieu_o_muc", func(n *yaml.Node, p string) { v.TargetsItem = d.integer(n, p, "số mục", 0, 1000) }),
	)
}
