package ansinh_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/ansinh"
)

func loadUnits(t *testing.T, dir string) []*ansinh.Report {
	t.Helper()
	var out []*ansinh.Report
	err := ansinh.LoadDir(dir, func(path string, r *ansinh.Report, err error) error {
		if err != nil {
			return err
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestParentReport(t *testing.T) {
	own, err := ansinh.LoadOwnFile("../testdata/province/binh-an-2024-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	units := loadUnits(t, "../testdata/province/2024-h1")
	ro, err := ansinh.ParentReport(own, units...)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := ansinh.Aggregate(own.Unit, own.Period, units...)
	if err != nil {
		t.Fatal(err)
	}
	d := ro.Data()
	got := execText(t, d, `{{.don_vi.co_quan_day_du}}; {{.van_ban.ky_ten.ho_ten}}; {{len .chi_dao.van_ban}} văn bản; `+
		`{{index .nhiem_vu.danh_sach 1}}; {{.so_don_vi}} đơn vị, {{len .don_vi_truc_thuoc}} dòng; `+
		`{{with index .don_vi_truc_thuoc 0}}{{.don_vi.ten_day_du}}: {{.giam_ngheo.ho_ngheo.so_ho}} hộ nghèo, {{.giam_ngheo.ho_ngheo.ty_le}}{{end}}; `+
		`{{.giam_ngheo.ho_ngheo.so_ho}} hộ nghèo; {{.tin_dung.tong_so_tien}}; {{.tu_ngu.toan}}; {{.tu_ngu.luu}}; {{.tu_ngu.cap_duoi}}`)
	want := "Ủy ban nhân dân tỉnh Bình An; Trần Văn Minh; 2 văn bản; Đẩy mạnh phát triển người tham gia bảo hiểm y tế, bảo hiểm xã hội.; " +
		"12 đơn vị, 12 dòng; xã An Hòa: 131 hộ nghèo, 2,43%; " +
		execText(t, plain.Data(), `{{.giam_ngheo.ho_ngheo.so_ho}} hộ nghèo; {{.tin_dung.tong_so_tien}}`) + "; toàn tỉnh; VT, VX; các xã, phường"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if len(ro.Findings) != len(plain.Findings) {
		t.Errorf("findings: %d, the plain roll-up has %d", len(ro.Findings), len(plain.Findings))
	}

	// Last year is the roll-up of last year's units.
	prev, err := ansinh.Aggregate(own.Unit, own.Period.SameLastYear(), loadUnits(t, "../testdata/province/2023-h1")...)
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.Report.SetPrevious(prev.Report); err != nil {
		t.Fatal(err)
	}
	if s := execText(t, ro.Data(), `{{sosanh .so_sanh.giam_ngheo.ho_ngheo.ty_le}}`); !strings.HasSuffix(s, " điểm phần trăm so với cùng kỳ năm trước") {
		t.Errorf("rate change: %s", s)
	}
}

func TestParentReportMismatch(t *testing.T) {
	own, err := ansinh.LoadOwnFile("../testdata/province/binh-an-2024-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	units := loadUnits(t, "../testdata/province/2023-h1")
	if _, err := ansinh.ParentReport(own, units...); !errors.Is(err, ansinh.ErrPeriodMismatch) ||
		!strings.HasPrefix(err.Error(), "báo cáo của tỉnh Bình An: ") {
		t.Errorf("units of another period: %v", err)
	}
	ro, err := ansinh.Aggregate(ansinh.Unit{Name: "Bình Phú", Level: "tỉnh"}, own.Period)
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.SetOwn(own); !errors.Is(err, ansinh.ErrOwnMismatch) {
		t.Errorf("another unit: %v", err)
	}
	if _, err := ansinh.ParentReport(nil); !errors.Is(err, ansinh.ErrNilReport) {
		t.Errorf("nil own: %v", err)
	}
}

func TestLoadOwn(t *testing.T) {
	// Figures the roll-up cannot sum come from the own file; the rest of its figures
	// are ignored.
	src := "don_vi: {ma: \"30\", ten: Bình An, cap: tỉnh}\nky: {nam: 2024, loai: 6-thang-dau}\n" +
		"bao_hiem:\n  the_bhyt: []\n  bhyt: {ngay_uoc_tinh: 2024-06-30, so_nguoi: 0, cung_ky_nam_truoc: 0, ty_le_bao_phu: {bao_cao: 93.4, ke_hoach: 95}}\n" +
		"  bhxh: {bat_buoc: 0, tu_nguyen: 0, ty_le_luc_luong_lao_dong: {bao_cao: 14, ke_hoach: 16}}\n"
	own, err := ansinh.LoadOwn(strings.NewReader(src), "tinh.yaml")
	if err != nil {
		t.Fatal(err)
	}
	units := loadUnits(t, "../testdata/province/2024-h1")
	ro, err := ansinh.ParentReport(own, units...)
	if err != nil {
		t.Fatal(err)
	}
	// The units give the BHYT base: the roll-up computes the coverage (89,76%), not the
	// own file's 93,40%. They carry the BHXH share as reported only: the roll-up cannot
	// sum it, and the own file gives it with its plan.
	got := execText(t, ro.Data(), `{{.bao_hiem.bhyt.ke_hoach_bao_phu}} {{.bao_hiem.bhyt.ty_le_bao_phu}} {{.bao_hiem.bhxh.ty_le}} {{.bao_hiem.bhxh.ke_hoach}}`)
	if got != "95% 89,76% 14% 16%" {
		t.Errorf("got %s", got)
	}
	for _, tc := range []struct{ src, want string }{
		{"ky: {nam: 2024, loai: 6-thang-dau}\n", "tinh.yaml:2:1: don_vi: thiếu khóa bắt buộc"},
		{"don_vi: {ten: Bình An, cap: tỉnh}\nky: {nam: 2024, loai: 6-thang-dau}\ngiam_ngheo: {nam_ra_soat: 2023}\n", "tinh.yaml:3:1: giam_ngheo.dan_so: thiếu khóa bắt buộc"},
	} {
		_, err := ansinh.LoadOwn(strings.NewReader(tc.src), "tinh.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.src, err, tc.want)
		}
	}
	if _, err := ansinh.LoadOwnFile(filepath.Join(t.TempDir(), "none.yaml")); err == nil {
		t.Errorf("no file, no error")
	}
}
