package ansinh

import (
	"fmt"
	"strings"
	"testing"
	"text/template"

	"github.com/ansinh-vn/baocao/indicators"
)

// get follows a dotted path through maps; a numeric element indexes a list.
func get(t *testing.T, tree map[string]any, path string) any {
	t.Helper()
	var cur any = tree
	for _, k := range strings.Split(path, ".") {
		switch v := cur.(type) {
		case map[string]any:
			x, ok := v[k]
			if !ok {
				t.Fatalf("%s: no key %q", path, k)
			}
			cur = x
		case []any:
			var i int
			if _, err := fmt.Sscan(k, &i); err != nil || i >= len(v) {
				t.Fatalf("%s: bad index %q", path, k)
			}
			cur = v[i]
		case []string:
			var i int
			if _, err := fmt.Sscan(k, &i); err != nil || i >= len(v) {
				t.Fatalf("%s: bad index %q", path, k)
			}
			cur = v[i]
		default:
			t.Fatalf("%s: %q under a %T", path, k, cur)
		}
	}
	return cur
}

func TestDataSpotChecks(t *testing.T) {
	d := loadRef(t).Data()
	// The path from the brief, spelled out.
	if got := fmt.Sprint(d["giam_ngheo"].(map[string]any)["ho_ngheo"].(map[string]any)["ty_le"]); got != "4,82%" {
		t.Errorf("ty_le = %q", got)
	}
	for path, want := range map[string]string{
		"don_vi.ten":                            "Tây Sơn",
		"don_vi.ten_day_du":                     "huyện Tây Sơn",
		"don_vi.co_quan_day_du":                 "Ủy ban nhân dân huyện Tây Sơn",
		"ky.nam":                                "2023",
		"ky.loai":                               "6-thang-dau",
		"ky.ten":                                "6 tháng đầu năm",
		"ky.ngay_dau":                           "01/01/2023",
		"ky.ngay_cuoi":                          "30/6/2023",
		"ky.tiep_theo.ten":                      "6 tháng cuối năm",
		"ky.tiep_theo.nam":                      "2023",
		"ky.cung_ky.ten":                        "6 tháng đầu năm",
		"ky.cung_ky.nam":                        "2022",
		"don_vi_tien":                           "triệu đồng",
		"van_ban.so":                            "",
		"van_ban.ngay":                          "",
		"van_ban.thang":                         "6",
		"van_ban.nam":                           "2023",
		"van_ban.ky_ten.chuc_vu":                "PHÓ CHỦ TỊCH",
		"van_ban.noi_nhan.6":                    "C, PVP-VX, C3",
		"chi_dao.van_ban.0.ngay":                "08/02/2023",
		"chi_dao.van_ban.5.ngay":                "19/01/2023",
		"chi_dao.van_ban.5.loai":                "Quyết định",
		"can_cu.nd78_2002.ngay":                 "04/10/2002",
		"can_cu.qd28_2015.co_quan":              "Thủ tướng Chính phủ",
		"giam_ngheo.nam_ra_soat":                "2022",
		"giam_ngheo.dan_so.so_ho":               "38.459",
		"giam_ngheo.dan_so.nhan_khau":           "119.118",
		"giam_ngheo.ho_ngheo.so_ho":             "1.855",
		"giam_ngheo.ho_can_ngheo.ty_le":         "8,66%",
		"giam_ngheo.dtts_ngheo_can_ngheo.ty_le": "0,53%",
		"giam_ngheo.ho_ngheo_phat_sinh.ty_le":   "0,01%",
		"tin_dung.chuong_trinh.hssv.so_tien":    "3.287 triệu đồng",
		"tin_dung.chuong_trinh.hssv.ten":        "Học sinh, sinh viên",
		"tin_dung.chuong_trinh.dtts_nha_o_chuyen_nghe.thanh_phan.nha_o":           "52",
		"tin_dung.chuong_trinh.dtts_nha_o_chuyen_nghe.thanh_phan.chuyen_doi_nghe": "7",
		"tin_dung.chuong_trinh_ds.3.ma":                                           "hssv",
		"tin_dung.chuong_trinh_ds.11.so_ho":                                       "5",
		"tin_dung.tong_so_ho":                                                     "2.214",
		"tin_dung.tong_so_tien":                                                   "54.753 triệu đồng",
		"bao_hiem.the_bhyt.bao_tro.so_the":                                        "6.176",
		"bao_hiem.the_bhyt_ds.0.ten":                                              "BHYT hộ gia đình nghèo",
		"bao_hiem.tong_so_the":                                                    "18.075",
		"bao_hiem.bhyt.ngay_uoc_tinh":                                             "30/6/2023",
		"bao_hiem.bhyt.so_nguoi":                                                  "111.076",
		"bao_hiem.bhyt.cung_ky_nam_truoc":                                         "109.710",
		"bao_hiem.bhyt.thay_doi":                                                  "tăng 1.366",
		"bao_hiem.bhyt.ty_le_bao_phu":                                             "94,79%",
		"bao_hiem.bhyt.ke_hoach_bao_phu":                                          "95%",
		"bao_hiem.bhyt.dat_ke_hoach":                                              "false",
		"bao_hiem.bhxh.tong":                                                      "6.695",
		"bao_hiem.bhxh.ty_le":                                                     "9,78%",
		"bao_hiem.bhxh.ke_hoach":                                                  "10,6%",
		"bao_hiem.bhxh.dat_ke_hoach":                                              "false",
		"lao_dong.dao_tao_nghe.tong.so_lop":                                       "8",
		"lao_dong.dao_tao_nghe.tong.hoc_vien":                                     "230",
		"lao_dong.dao_tao_nghe.tong.kinh_phi":                                     "568,1 triệu đồng",
		"lao_dong.dao_tao_nghe.phi_nong_nghiep.kinh_phi":                          "455,5 triệu đồng",
		"lao_dong.xuat_khau.ty_le":                                                "68,05%",
		"lao_dong.xuat_khau.chi_tieu":                                             "72",
		"lao_dong.xuat_khau.thi_truong":                                           "Nhật Bản",
		"lao_dong.xuat_khau.dat_chi_tieu":                                         "false",
		"lao_dong.ngay_hoi_viec_lam.so_nguoi":                                     "300",
		"lao_dong.viec_lam_moi.so_nguoi":                                          "1.111",
		"lao_dong.viec_lam_moi.ke_hoach":                                          "2.000",
		"lao_dong.viec_lam_moi.ty_le":                                             "55,55%",
		"bao_tro_xa_hoi.tro_cap_thuong_xuyen.kinh_phi":                            "22.491 triệu đồng",
		"bao_tro_xa_hoi.mai_tang.kinh_phi":                                        "1.850,4 triệu đồng",
		"bao_tro_xa_hoi.mua_bhyt.kinh_phi":                                        "2.573,38 triệu đồng",
		"bao_tro_xa_hoi.mung_tho.tron_90":                                         "158",
		"bao_tro_xa_hoi.nha_o.tan_phu_hiep.nha_tai_tro":                           "Công ty TNHH Tân Phú Hiệp",
		"bao_tro_xa_hoi.nha_o.thi_dua_khen_thuong.noi":                            "",
		"bao_tro_xa_hoi.nha_o_ds.0.noi":                                           "xã Bình Tân",
		"bao_tro_xa_hoi.qua.nkt_ngheo.so_tien":                                    "6,5 triệu đồng",
		"bao_tro_xa_hoi.qua_ds.2.so_suat":                                         "150",
		"giao_duc.ho_tro.cap_bu_hoc_phi.so_tien":                                  "275,45 triệu đồng",
		"giao_duc.ho_tro_ds.0.so_nguoi":                                           "9",
		"giao_duc.tong_so_nguoi":                                                  "2.213",
		"giao_duc.tong_so_tien":                                                   "1.661,72 triệu đồng",
		"tien_dien.ho_ngheo.so_ho":                                                "1.855",
		"tien_dien.ho_ngheo.kinh_phi":                                             "616 triệu đồng",
		"tien_dien.chinh_sach.luot_ho":                                            "158",
		"tien_dien.chinh_sach.kinh_phi":                                           "52,4 triệu đồng",
		"nhiem_vu.chi_tieu_o_muc":                                                 "2",
	} {
		if got := fmt.Sprint(get(t, d, path)); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if _, ok := get(t, d, "nhiem_vu.chi_tieu_o_muc").(int); !ok {
		t.Error("chi_tieu_o_muc is not an int")
	}
	if _, ok := get(t, d, "ky.nam").(string); !ok {
		t.Error("ky.nam is not a string")
	}
	if n := len(get(t, d, "tin_dung.chuong_trinh_ds").([]any)); n != 12 {
		t.Errorf("chuong_trinh_ds has %d items", n)
	}
	if n := len(get(t, d, "danh_gia.han_che").([]string)); n != 4 {
		t.Errorf("han_che has %d paragraphs", n)
	}
}

// Every path of the data tree the README documents exists, in the reference and the small sample.
func TestDataContract(t *testing.T) {
	for _, file := range []string{refFile, "testdata/xa-binh-tan-2024-q2.yaml"} {
		r, err := LoadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		d := r.Data()
		for _, path := range strings.Fields(`
			don_vi.ten don_vi.cap don_vi.cap_tren don_vi.co_quan don_vi.ten_day_du don_vi.co_quan_day_du
			ky.nam ky.loai ky.ten ky.ngay_dau ky.ngay_cuoi ky.tiep_theo.ten ky.tiep_theo.nam ky.cung_ky.ten ky.cung_ky.nam
			don_vi_tien
			van_ban.so van_ban.ky_hieu van_ban.dia_danh van_ban.ngay van_ban.thang van_ban.nam van_ban.trich_yeu
			van_ban.noi_gui van_ban.noi_nhan van_ban.luu van_ban.ky_ten.tham_quyen van_ban.ky_ten.thay_mat
			van_ban.ky_ten.chuc_vu van_ban.ky_ten.ho_ten
			chi_dao.mo_dau chi_dao.van_ban chi_dao.ket tuyen_truyen can_cu
			giam_ngheo.nam_ra_soat giam_ngheo.dan_so.so_ho giam_ngheo.dan_so.nhan_khau
			giam_ngheo.ho_ngheo.so_ho giam_ngheo.ho_ngheo.nhan_khau giam_ngheo.ho_ngheo.ty_le
			giam_ngheo.ho_can_ngheo.ty_le giam_ngheo.dtts_ngheo_can_ngheo.ty_le giam_ngheo.ho_ngheo_phat_sinh.ty_le
			tin_dung.chuong_trinh tin_dung.chuong_trinh_ds tin_dung.tong_so_ho tin_dung.tong_so_tien tin_dung.nhan_xet
			tin_dung.chuong_trinh_ds.0.ma tin_dung.chuong_trinh_ds.0.ten tin_dung.chuong_trinh_ds.0.so_ho
			tin_dung.chuong_trinh_ds.0.so_tien tin_dung.chuong_trinh_ds.0.thanh_phan
			bao_hiem.the_bhyt bao_hiem.the_bhyt_ds bao_hiem.tong_so_the bao_hiem.mo_dau
			bao_hiem.the_bhyt_ds.0.ma bao_hiem.the_bhyt_ds.0.ten bao_hiem.the_bhyt_ds.0.so_the
			bao_hiem.bhyt.ngay_uoc_tinh bao_hiem.bhyt.so_nguoi bao_hiem.bhyt.cung_ky_nam_truoc bao_hiem.bhyt.thay_doi
			bao_hiem.bhyt.ty_le_bao_phu bao_hiem.bhyt.ke_hoach_bao_phu bao_hiem.bhyt.dat_ke_hoach
			bao_hiem.bhxh.bat_buoc bao_hiem.bhxh.tu_nguyen bao_hiem.bhxh.tong bao_hiem.bhxh.ty_le
			bao_hiem.bhxh.ke_hoach bao_hiem.bhxh.dat_ke_hoach
			lao_dong.mo_dau lao_dong.dao_tao_nghe.phi_nong_nghiep.so_lop lao_dong.dao_tao_nghe.nong_nghiep.hoc_vien
			lao_dong.dao_tao_nghe.tong.kinh_phi
			lao_dong.xuat_khau.so_nguoi lao_dong.xuat_khau.chi_tieu lao_dong.xuat_khau.ty_le
			lao_dong.xuat_khau.thi_truong lao_dong.xuat_khau.dat_chi_tieu lao_dong.ngay_hoi_viec_lam.so_nguoi
			lao_dong.viec_lam_moi.so_nguoi lao_dong.viec_lam_moi.ke_hoach lao_dong.viec_lam_moi.ty_le
			lao_dong.viec_lam_moi.dat_ke_hoach
			bao_tro_xa_hoi.tro_cap_thuong_xuyen.luot bao_tro_xa_hoi.tro_cap_thuong_xuyen.kinh_phi
			bao_tro_xa_hoi.mai_tang.so_nguoi bao_tro_xa_hoi.mai_tang.kinh_phi
			bao_tro_xa_hoi.mua_bhyt.so_nguoi bao_tro_xa_hoi.mua_bhyt.kinh_phi
			bao_tro_xa_hoi.mung_tho.tron_100 bao_tro_xa_hoi.mung_tho.tron_90
			bao_tro_xa_hoi.nha_o bao_tro_xa_hoi.nha_o_ds bao_tro_xa_hoi.qua bao_tro_xa_hoi.qua_ds
			giao_duc.ho_tro giao_duc.ho_tro_ds giao_duc.tong_so_nguoi giao_duc.tong_so_tien
			tien_dien.ho_ngheo.so_ho tien_dien.ho_ngheo.kinh_phi tien_dien.chinh_sach.luot_ho tien_dien.chinh_sach.kinh_phi
			danh_gia.thuan_loi danh_gia.han_che_mo_dau danh_gia.han_che
			nhiem_vu.mo_dau nhiem_vu.danh_sach nhiem_vu.chi_tieu_o_muc`) {
			get(t, d, path)
		}
		// Keyed lists: the map by ma and the ordered list hold the same items.
		for _, list := range []string{"tin_dung.chuong_trinh", "bao_hiem.the_bhyt", "bao_tro_xa_hoi.nha_o", "bao_tro_xa_hoi.qua", "giao_duc.ho_tro"} {
			byKey := get(t, d, list).(map[string]any)
			ds := get(t, d, list+"_ds").([]any)
			if len(byKey) != len(ds) {
				t.Errorf("%s: %d by key, %d in the list", list, len(byKey), len(ds))
			}
			for _, it := range ds {
				m := it.(map[string]any)
				if fmt.Sprint(byKey[m["ma"].(string)]) != fmt.Sprint(m) {
					t.Errorf("%s: item %v differs by key", list, m["ma"])
				}
			}
		}
	}
}

// Money prints in the report's unit, whatever unit the host stored it in.
func TestDataMoneyUnit(t *testing.T) {
	r, err := LoadFile("testdata/xa-binh-tan-2024-q2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d := r.Data()
	if got := fmt.Sprint(get(t, d, "bao_tro_xa_hoi.mua_bhyt.kinh_phi")); got != "88.316,5 nghìn đồng" {
		t.Errorf("kinh_phi = %q", got)
	}
	r.MoneyUnit = TrieuDong
	d = r.Data()
	for path, want := range map[string]string{
		"don_vi_tien":                      "triệu đồng",
		"bao_tro_xa_hoi.mua_bhyt.kinh_phi": "88,3165 triệu đồng",
		"tin_dung.tong_so_tien":            "420 triệu đồng",
		"ky.ten":                           "quý II",
		"ky.ngay_cuoi":                     "30/6/2024",
		"ky.tiep_theo.ten":                 "quý III",
		"van_ban.nam":                      "2024",
		"van_ban.thang":                    "",
		"bao_hiem.bhyt.thay_doi":           "giảm 42",
		"bao_hiem.bhyt.ty_le_bao_phu":      "94,5%",
		"bao_hiem.bhxh.ke_hoach":           "",
		"lao_dong.xuat_khau.ty_le":         "",
		"lao_dong.viec_lam_moi.ty_le":      "50,00%",
	} {
		if got := fmt.Sprint(get(t, d, path)); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
}

const povertySentence = `{{with .giam_ngheo.ho_ngheo}}{{.so_ho}} hộ nghèo với {{.nhan_khau}} nhân khẩu, chiếm tỷ lệ {{.ty_le}}{{end}}`

func execute(t *testing.T, text string, data map[string]any) string {
	t.Helper()
	tpl, err := template.New("t").Funcs(Funcs()).Option("missingkey=error").Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := tpl.Execute(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The rate is computed, not stored: 1900 poor households print 4,94%.
func TestDataRateFollowsFigures(t *testing.T) {
	r := loadRef(t)
	if got := execute(t, povertySentence, r.Data()); got != "1.855 hộ nghèo với 4.839 nhân khẩu, chiếm tỷ lệ 4,82%" {
		t.Errorf("got %q", got)
	}
	// In the YAML (both places the figure appears) …
	src := strings.ReplaceAll(readRef(t), "so_ho: 1855,", "so_ho: 1900,")
	r2, err := Load(strings.NewReader(src), "1900.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := execute(t, povertySentence, r2.Data()); got != "1.900 hộ nghèo với 4.839 nhân khẩu, chiếm tỷ lệ 4,94%" {
		t.Errorf("got %q", got)
	}
	if fs := r2.Validate(); len(fs) != 2 {
		t.Errorf("1900 in both sections: %d findings:\n%s", len(fs), fs)
	}
	// … or in Go: then the electricity section disagrees, and Validate says so.
	r.Poverty.Poor.Households = indicators.MustCount(1900)
	if got := fmt.Sprint(get(t, r.Data(), "giam_ngheo.ho_ngheo.ty_le")); got != "4,94%" {
		t.Errorf("ty_le = %q", got)
	}
	if fs := r.Validate(); !fs.HasErrors() || fs.Errors()[0].Code != CodeCrossSectionMismatch {
		t.Errorf("findings:\n%s", fs)
	}
}

// Templates reach every part of the tree with the registered functions.
func TestDataTemplate(t *testing.T) {
	d := loadRef(t).Data()
	for text, want := range map[string]string{
		`Kết quả có {{so2 .giam_ngheo.ho_ngheo_phat_sinh.so_ho}} hộ nghèo phát sinh với {{so2 .giam_ngheo.ho_ngheo_phat_sinh.nhan_khau}} nhân khẩu, chiếm tỷ lệ {{.giam_ngheo.ho_ngheo_phat_sinh.ty_le}}.`: "Kết quả có 01 hộ nghèo phát sinh với 02 nhân khẩu, chiếm tỷ lệ 0,01%.",
		`{{range .chi_dao.van_ban}}- {{.loai}} số {{.so}} ngày {{ngay .ngay}}
{{end}}`: "- Kế hoạch số 25/KH-UBND ngày 08/02/2023\n- Kế hoạch số 31/KH-UBND ngày 09/02/2023\n- Kế hoạch số 94/KH-UBND ngày 09/02/2023\n- Kế hoạch số 140/KH-UBND ngày 26/5/2023\n- Kế hoạch số 120/KH-UBND ngày 10/5/2023\n- Quyết định số 139/QĐ-UBND ngày 19/01/2023\n- Quyết định số 144/QĐ-UBND ngày 30/01/2023\n- Quyết định số 329/QĐ-UBND ngày 09/02/2023\n",
		`{{with .tin_dung.chuong_trinh.dtts_nha_o_chuyen_nghe}}{{.thanh_phan.nha_o}} hộ … nhà ở, {{.thanh_phan.chuyen_doi_nghe}} hộ chuyển đổi nghề với số tiền {{.so_tien}}{{end}}`:                                                                                                "52 hộ … nhà ở, 7 hộ chuyển đổi nghề với số tiền 2.500 triệu đồng",
		`số người tham gia BHYT trên toàn huyện có {{.bao_hiem.bhyt.so_nguoi}} người, {{.bao_hiem.bhyt.thay_doi}} người so với cùng kỳ năm trước, tỷ lệ bao phủ BHYT trên địa bàn huyện đạt {{.bao_hiem.bhyt.ty_le_bao_phu}} dân số (kế hoạch {{.bao_hiem.bhyt.ke_hoach_bao_phu}})`: "số người tham gia BHYT trên toàn huyện có 111.076 người, tăng 1.366 người so với cùng kỳ năm trước, tỷ lệ bao phủ BHYT trên địa bàn huyện đạt 94,79% dân số (kế hoạch 95%)",
		`đào tạo {{so2 .lao_dong.dao_tao_nghe.tong.so_lop}} lớp nghề có {{.lao_dong.dao_tao_nghe.tong.hoc_vien}} học viên tham gia với tổng kinh phí thực hiện {{.lao_dong.dao_tao_nghe.tong.kinh_phi}}`:                                                                            "đào tạo 08 lớp nghề có 230 học viên tham gia với tổng kinh phí thực hiện 568,1 triệu đồng",
		`{{.van_ban.dia_danh}}, ngày      tháng {{.van_ban.thang}} năm {{.van_ban.nam}}`:         "Tây Sơn, ngày      tháng 6 năm 2023",
		`{{hoa .don_vi.co_quan}} {{hoa .don_vi.ten_day_du}}`:                                     "ỦY BAN NHÂN DÂN HUYỆN TÂY SƠN",
		`{{range $i, $x := .nhiem_vu.danh_sach}}{{if eq (stt $i) "2"}}{{stt $i}}.{{end}}{{end}}`: "2.",
		`{{if not .bao_hiem.bhyt.dat_ke_hoach}}chưa đạt{{end}} {{.lao_dong.viec_lam_moi.ty_le}}`: "chưa đạt 55,55%",
	} {
		if got := execute(t, text, d); got != want {
			t.Errorf("%s\n got %q\nwant %q", text, got, want)
		}
	}
}
