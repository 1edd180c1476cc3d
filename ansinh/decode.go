package ansinh

import (
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
					d.at(n, "don_vi_tien", "đơn vị tiền %q không hợp lệ; dùng: đồng, nghìn đồng, triệu đồng, tỷ đồng (unknown money unit)", s)
				} else {
					d.unitOfMoney = u
				}
				break
			}
		}
	}
	r.MoneyUnit = d.unitOfMoney
	skip := func(*yaml.Node, string) {}
	d.mapping(root, "",
		req("don_vi", func(n *yaml.Node, p string) { d.unit(n, p, &r.Unit) }),
		req("ky", func(n *yaml.Node, p string) { d.period(n, p, &r.Period) }),
		opt("don_vi_tien", skip),
		opt("van_ban", func(n *yaml.Node, p string) { d.document(n, p, &r.Document) }),
		opt("chi_dao", func(n *yaml.Node, p string) { d.direction(n, p, &r.Direction) }),
		opt("tuyen_truyen", func(n *yaml.Node, p string) { r.Outreach = d.paragraphs(n, p) }),
		opt("can_cu", func(n *yaml.Node, p string) { r.References = d.references(n, p) }),
		req("giam_ngheo", func(n *yaml.Node, p string) { d.poverty(n, p, &r.Poverty) }),
		req("tin_dung", func(n *yaml.Node, p string) { d.credit(n, p, &r.Credit) }),
		req("bao_hiem", func(n *yaml.Node, p string) { d.insurance(n, p, &r.Insurance) }),
		req("lao_dong", func(n *yaml.Node, p string) { d.labour(n, p, &r.Labour) }),
		req("bao_tro_xa_hoi", func(n *yaml.Node, p string) { d.assistance(n, p, &r.Assistance) }),
		req("giao_duc", func(n *yaml.Node, p string) { d.education(n, p, &r.Education) }),
		req("tien_dien", func(n *yaml.Node, p string) { d.electricity(n, p, &r.Electricity) }),
		opt("danh_gia", func(n *yaml.Node, p string) { d.assessment(n, p, &r.Assessment) }),
		opt("nhiem_vu", func(n *yaml.Node, p string) { d.tasks(n, p, &r.Tasks) }),
	)
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
		d.at(resolve(n), path, "%s không được để trống (must not be empty)", what)
	}
	return s
}

func (d *decoder) period(n *yaml.Node, path string, p *Period) {
	d.mapping(n, path,
		req("nam", func(n *yaml.Node, pp string) { p.Year = d.year(n, pp) }),
		req("loai", func(n *yaml.Node, pp string) {
			s := d.str(n, pp)
			if !PeriodKind(s).Valid() {
				d.at(resolve(n), pp, "loại kỳ %q không hợp lệ; dùng một trong: %s (unknown period kind)", s, kindList())
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
		d.at(n, path, "phải là một nhóm khóa: văn bản, nhưng đây là %s (expected a mapping)", kindName(n))
		return nil
	}
	out := map[string]LegalDoc{}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := resolve(n.Content[i])
		p := join(path, k.Value)
		if line, dup := seen[k.Value]; dup {
			d.at(k, p, "khóa %q bị lặp, đã có ở dòng %d; xóa một trong hai (duplicate key, first at line %d)", k.Value, line, line)
			continue
		}
		seen[k.Value] = k.Line
		out[k.Value] = d.legalDoc(n.Content[i+1], p)
	}
	return out
}

func (d *decoder) households(n *yaml.Node, path string, v *HouseholdCount) {
	d.mapping(n, path,
		req("so_ho", func(n *yaml.Node, p string) { v.Households = d.count(n, p) }),
		req("nhan_khau", func(n *yaml.Node, p string) { v.Persons = d.count(n, p) }),
	)
}

func (d *decoder) povertyGroup(n *yaml.Node, path string, v *PovertyGroup) {
	d.mapping(n, path,
		req("so_ho", func(n *yaml.Node, p string) { v.Households = d.count(n, p) }),
		req("nhan_khau", func(n *yaml.Node, p string) { v.Persons = d.count(n, p) }),
		opt("ty_le_bao_cao", func(n *yaml.Node, p string) { v.ReportedRate = d.percent(n, p) }),
	)
}

func (d *decoder) poverty(n *yaml.Node, path string, v *Poverty) {
	d.mapping(n, path,
		req("nam_ra_soat", func(n *yaml.Node, p string) { v.SurveyYear = d.year(n, p) }),
		req("dan_so", func(n *yaml.Node, p string) { d.households(n, p, &v.Population) }),
		req("ho_ngheo", func(n *yaml.Node, p string) { d.povertyGroup(n, p, &v.Poor) }),
		req("ho_can_ngheo", func(n *yaml.Node, p string) { d.povertyGroup(n, p, &v.NearPoor) }),
		req("dtts_ngheo_can_ngheo", func(n *yaml.Node, p string) { d.povertyGroup(n, p, &v.EthnicMinority) }),
		req("ho_ngheo_phat_sinh", func(n *yaml.Node, p string) { d.povertyGroup(n, p, &v.NewPoor) }),
	)
}

func (d *decoder) credit(n *yaml.Node, path string, v *Credit) {
	d.mapping(n, path,
		req("chuong_trinh", func(n *yaml.Node, p string) {
			d.sequence(n, p, func(n *yaml.Node, p string, _ int) {
				var l LoanProgramme
				d.mapping(n, p,
					req("ma", func(n *yaml.Node, p string) { l.Code = d.code(n, p) }),
					req("ten", func(n *yaml.Node, p string) { l.Name = d.str(n, p) }),
					req("so_ho", func(n *yaml.Node, p string) { l.Households = d.count(n, p) }),
					req("so_tien", func(n *yaml.Node, p string) { l.Amount = d.money(n, p) }),
					opt("thanh_phan", func(n *yaml.Node, p string) { l.Parts = d.countMap(n, p) }),
				)
				v.Programmes = append(v.Programmes, l)
			})
		}),
		opt("nhan_xet", func(n *yaml.Node, p string) { v.Comments = d.paragraphs(n, p) }),
	)
}

// countMap reads a mapping of free names to counts.
func (d *decoder) countMap(n *yaml.Node, path string) map[string]indicators.Count {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.at(n, path, "phải là một nhóm tên: số lượng, ví dụ {nha_o: 52, chuyen_doi_nghe: 7}, nhưng đây là %s (expected a mapping)", kindName(n))
		return nil
	}
	out := map[string]indicators.Count{}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := resolve(n.Content[i])
		p := join(path, k.Value)
		if line, dup := seen[k.Value]; dup {
			d.at(k, p, "khóa %q bị lặp, đã có ở dòng %d; xóa một trong hai (duplicate key, first at line %d)", k.Value, line, line)
			continue
		}
		seen[k.Value] = k.Line
		out[k.Value] = d.count(n.Content[i+1], p)
	}
	return out
}

func (d *decoder) rateFigure(n *yaml.Node, path string, v *RateFigure) {
	n = resolve(n)
	d.mapping(n, path,
		opt("bao_cao", func(n *yaml.Node, p string) { v.Reported = d.percent(n, p) }),
		opt("co_so", func(n *yaml.Node, p string) { v.Base = d.count(n, p) }),
		opt("ke_hoach", func(n *yaml.Node, p string) { v.Plan = d.percent(n, p) }),
	)
	if isNull(n) || n.Kind == yaml.MappingNode && !hasKey(n, "bao_cao") && !hasKey(n, "co_so") {
		d.at(n, path, "cần ít nhất tỷ lệ báo cáo (bao_cao) hoặc cơ sở tính (co_so) (needs bao_cao or co_so)")
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

func (d *decoder) insurance(n *yaml.Node, path string, v *Insurance) {
	d.mapping(n, path,
		opt("mo_dau", func(n *yaml.Node, p string) { v.Opening = d.paragraphs(n, p) }),
		req("the_bhyt", func(n *yaml.Node, p string) {
			d.sequence(n, p, func(n *yaml.Node, p string, _ int) {
				var g CardGroup
				d.mapping(n, p,
					req("ma", func(n *yaml.Node, p string) { g.Code = d.code(n, p) }),
					req("ten", func(n *yaml.Node, p string) { g.Name = d.str(n, p) }),
					req("so_the", func(n *yaml.Node, p string) { g.Cards = d.count(n, p) }),
				)
				v.Cards = append(v.Cards, g)
			})
		}),
		req("bhyt", func(n *yaml.Node, p string) {
			h := &v.Health
			d.mapping(n, p,
				req("ngay_uoc_tinh", func(n *yaml.Node, p string) { h.EstimateDate = d.date(n, p, false) }),
				req("so_nguoi", func(n *yaml.Node, p string) { h.Participants = d.count(n, p) }),
				req("cung_ky_nam_truoc", func(n *yaml.Node, p string) { h.PreviousYear = d.count(n, p) }),
				req("ty_le_bao_phu", func(n *yaml.Node, p string) { d.rateFigure(n, p, &h.Coverage) }),
			)
		}),
		req("bhxh", func(n *yaml.Node, p string) {
			s := &v.Social
			d.mapping(n, p,
				req("bat_buoc", func(n *yaml.Node, p string) { s.Compulsory = d.count(n, p) }),
				req("tu_nguyen", func(n *yaml.Node, p string) { s.Voluntary = d.count(n, p) }),
				opt("tong", func(n *yaml.Node, p string) {
					if c, ok := d.countOK(n, p); ok {
						s.StatedTotal = &c
					}
				}),
				req("ty_le_luc_luong_lao_dong", func(n *yaml.Node, p string) { d.rateFigure(n, p, &s.LabourForceShare) }),
			)
		}),
	)
}

func (d *decoder) trainingLine(n *yaml.Node, path string, v *TrainingLine) {
	d.mapping(n, path,
		req("so_lop", func(n *yaml.Node, p string) { v.Classes = d.count(n, p) }),
		req("hoc_vien", func(n *yaml.Node, p string) { v.Learners = d.count(n, p) }),
		req("kinh_phi", func(n *yaml.Node, p string) { v.Cost = d.money(n, p) }),
	)
}

func (d *decoder) labour(n *yaml.Node, path string, v *Labour) {
	d.mapping(n, path,
		opt("mo_dau", func(n *yaml.Node, p string) { v.Opening = d.paragraphs(n, p) }),
		req("dao_tao_nghe", func(n *yaml.Node, p string) {
			t := &v.Training
			d.mapping(n, p,
				req("phi_nong_nghiep", func(n *yaml.Node, p string) { d.trainingLine(n, p, &t.NonAgricultural) }),
				req("nong_nghiep", func(n *yaml.Node, p string) { d.trainingLine(n, p, &t.Agricultural) }),
				opt("tong", func(n *yaml.Node, p string) {
					var l TrainingLine
					d.trainingLine(n, p, &l)
					t.StatedTotal = &l
				}),
			)
		}),
		req("xuat_khau", func(n *yaml.Node, p string) {
			w := &v.Abroad
			d.mapping(n, p,
				req("so_nguoi", func(n *yaml.Node, p string) { w.Workers = d.count(n, p) }),
				opt("chi_tieu", func(n *yaml.Node, p string) { w.Target = d.count(n, p) }),
				opt("ty_le_bao_cao", func(n *yaml.Node, p string) { w.ReportedRate = d.percent(n, p) }),
				opt("thi_truong", func(n *yaml.Node, p string) { w.Market = d.str(n, p) }),
			)
		}),
		req("ngay_hoi_viec_lam", func(n *yaml.Node, p string) {
			d.mapping(n, p, req("so_nguoi", func(n *yaml.Node, p string) { v.JobFair.Participants = d.count(n, p) }))
		}),
		req("viec_lam_moi", func(n *yaml.Node, p string) {
			j := &v.NewJobs
			d.mapping(n, p,
				req("so_nguoi", func(n *yaml.Node, p string) { j.Workers = d.count(n, p) }),
				opt("ke_hoach", func(n *yaml.Node, p string) { j.Plan = d.count(n, p) }),
				opt("ty_le_bao_cao", func(n *yaml.Node, p string) { j.ReportedRate = d.percent(n, p) }),
			)
		}),
	)
}

func (d *decoder) beneficiaries(n *yaml.Node, path string, v *Beneficiaries) {
	d.mapping(n, path,
		req("so_nguoi", func(n *yaml.Node, p string) { v.Persons = d.count(n, p) }),
		req("kinh_phi", func(n *yaml.Node, p string) { v.Cost = d.money(n, p) }),
	)
}

func (d *decoder) assistance(n *yaml.Node, path string, v *SocialAssistance) {
	d.mapping(n, path,
		req("tro_cap_thuong_xuyen", func(n *yaml.Node, p string) {
			d.mapping(n, p,
				req("luot", func(n *yaml.Node, p string) { v.Monthly.Turns = d.count(n, p) }),
				req("kinh_phi", func(n *yaml.Node, p string) { v.Monthly.Cost = d.money(n, p) }),
			)
		}),
		req("mai_tang", func(n *yaml.Node, p string) { d.beneficiaries(n, p, &v.Funeral) }),
		req("mua_bhyt", func(n *yaml.Node, p string) { d.beneficiaries(n, p, &v.HealthCards) }),
		req("mung_tho", func(n *yaml.Node, p string) {
			d.mapping(n, p,
				req("tron_100", func(n *yaml.Node, p string) { v.Longevity.Age100 = d.count(n, p) }),
				req("tron_90", func(n *yaml.Node, p string) { v.Longevity.Age90 = d.count(n, p) }),
			)
		}),
		req("nha_o", func(n *yaml.Node, p string) {
			d.sequence(n, p, func(n *yaml.Node, p string, _ int) {
				var h HousingSupport
				d.mapping(n, p,
					req("ma", func(n *yaml.Node, p string) { h.Code = d.code(n, p) }),
					opt("ten", func(n *yaml.Node, p string) { h.Name = d.str(n, p) }),
					req("so_ho", func(n *yaml.Node, p string) { h.Households = d.count(n, p) }),
					req("so_tien", func(n *yaml.Node, p string) { h.Amount = d.money(n, p) }),
					opt("nha_tai_tro", func(n *yaml.Node, p string) { h.Sponsor = d.str(n, p) }),
					opt("noi", func(n *yaml.Node, p string) { h.Place = d.str(n, p) }),
				)
				v.Housing = append(v.Housing, h)
			})
		}),
		req("qua", func(n *yaml.Node, p string) {
			d.sequence(n, p, func(n *yaml.Node, p string, _ int) {
				var g GiftSupport
				d.mapping(n, p,
					req("ma", func(n *yaml.Node, p string) { g.Code = d.code(n, p) }),
					opt("ten", func(n *yaml.Node, p string) { g.Name = d.str(n, p) }),
					req("so_suat", func(n *yaml.Node, p string) { g.Portions = d.count(n, p) }),
					req("so_tien", func(n *yaml.Node, p string) { g.Amount = d.money(n, p) }),
					opt("nha_tai_tro", func(n *yaml.Node, p string) { g.Sponsor = d.str(n, p) }),
					opt("noi", func(n *yaml.Node, p string) { g.Place = d.str(n, p) }),
				)
				v.Gifts = append(v.Gifts, g)
			})
		}),
	)
}

func (d *decoder) education(n *yaml.Node, path string, v *Education) {
	d.mapping(n, path,
		req("ho_tro", func(n *yaml.Node, p string) {
			d.sequence(n, p, func(n *yaml.Node, p string, _ int) {
				var s EducationSupport
				d.mapping(n, p,
					req("ma", func(n *yaml.Node, p string) { s.Code = d.code(n, p) }),
					opt("ten", func(n *yaml.Node, p string) { s.Name = d.str(n, p) }),
					req("so_nguoi", func(n *yaml.Node, p string) { s.Persons = d.count(n, p) }),
					req("so_tien", func(n *yaml.Node, p string) { s.Amount = d.money(n, p) }),
				)
				v.Support = append(v.Support, s)
			})
		}),
	)
}

func (d *decoder) electricity(n *yaml.Node, path string, v *Electricity) {
	d.mapping(n, path,
		req("ho_ngheo", func(n *yaml.Node, p string) {
			d.mapping(n, p,
				req("so_ho", func(n *yaml.Node, p string) { v.Poor.Households = d.count(n, p) }),
				req("kinh_phi", func(n *yaml.Node, p string) { v.Poor.Cost = d.money(n, p) }),
			)
		}),
		req("chinh_sach", func(n *yaml.Node, p string) {
			d.mapping(n, p,
				req("luot_ho", func(n *yaml.Node, p string) { v.Policy.HouseholdTurns = d.count(n, p) }),
				req("kinh_phi", func(n *yaml.Node, p string) { v.Policy.Cost = d.money(n, p) }),
			)
		}),
	)
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
