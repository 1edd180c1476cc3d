package ansinh_test

import (
	"os"
	"strings"
	"testing"
	"text/template"

	"github.com/ansinh-vn/baocao/ansinh"
)

// execText executes a text/template with the report functions over data.
func execText(t *testing.T, data map[string]any, text string) string {
	t.Helper()
	tpl, err := template.New("").Option("missingkey=error").Funcs(ansinh.Funcs()).Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := tpl.Execute(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func loadFile(t *testing.T, path string) *ansinh.Report {
	t.Helper()
	r, err := ansinh.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const wordingText = `{{.tu_ngu.toan}} | {{.tu_ngu.dia_ban}} | {{.tu_ngu.ubnd}} | {{.tu_ngu.ubnd_day_du}} | ` +
	`{{.tu_ngu.hdnd}} | {{.tu_ngu.cap_duoi}} | {{.tu_ngu.cap_uy}} | {{.tu_ngu.lao_dong}} | {{.tu_ngu.lao_dong_cap_tren}} | ` +
	`{{.tu_ngu.ngan_hang}} | {{.tu_ngu.bao_hiem_xa_hoi}} | {{.tu_ngu.noi_gui}} | {{range .tu_ngu.noi_nhan}}{{.}}; {{end}}| ` +
	`{{.ky.ten_day_du}} → {{.ky.tiep_theo.ten_day_du}} (cùng kỳ {{.ky.cung_ky.ten_day_du}}, hết năm: {{.ky.ket_thuc_nam}}) | ` +
	`{{range .ky.ngay_le}}{{.ten}} ({{.ngay}}); {{end}}`

func TestWordingByLevelAndPeriod(t *testing.T) {
	tayson := loadFile(t, "../testdata/tayson-2023-h1.yaml")
	commune := loadFile(t, "../testdata/xa-2025-h2.yaml")
	for _, tc := range []struct {
		name string
		r    *ansinh.Report
		want string
	}{
		{"district before the merge", tayson,
			"toàn huyện | trên địa bàn huyện | UBND huyện | Ủy ban nhân dân huyện | Hội đồng nhân dân huyện | các xã, thị trấn | Huyện ủy | " +
				"Phòng Lao động - Thương binh và Xã hội | Sở Lao động - Thương binh và Xã hội | " +
				"Phòng giao dịch Ngân hàng Chính sách xã hội huyện | Bảo hiểm xã hội huyện | Hội đồng nhân dân huyện | " +
				"Thường trực Huyện ủy; Thường trực HĐND huyện; Các đồng chí UVBTV Huyện ủy; CT, các PCT UBND huyện; Đại biểu HĐND huyện; Phòng Lao động - TB&XH huyện; C, PVP-VX, C3; | " +
				"6 tháng đầu năm 2023 → 6 tháng cuối năm 2023 (cùng kỳ 6 tháng đầu năm 2022, hết năm: false) | " +
				"Ngày Người khuyết tật Việt Nam (18/4); Ngày Quốc tế Thiếu nhi (01/6); "},
		{"commune after the reform", commune,
			"toàn xã | trên địa bàn xã | UBND xã | Ủy ban nhân dân xã | Hội đồng nhân dân xã | các thôn, tổ dân phố | Đảng ủy xã | " +
				"Phòng Văn hóa - Xã hội | Sở Nội vụ | Ngân hàng Chính sách xã hội | Bảo hiểm xã hội | Hội đồng nhân dân xã | " +
				"Sở Nội vụ; Thường trực Đảng ủy xã; Thường trực HĐND xã; CT, các PCT UBND xã; Phòng Văn hóa - Xã hội; | " +
				"6 tháng cuối năm 2025 → 6 tháng đầu năm 2026 (cùng kỳ 6 tháng cuối năm 2024, hết năm: true) | " +
				"Ngày Thương binh - Liệt sĩ (27/7); Ngày Quốc tế Người cao tuổi (01/10); Ngày Quốc tế Người khuyết tật (03/12); "},
	} {
		if got := execText(t, tc.r.Data(), wordingText); got != tc.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func TestWordingStages(t *testing.T) {
	for _, tc := range []struct {
		unit   ansinh.Unit
		period ansinh.Period
		want   string
	}{
		{ansinh.Unit{Name: "Bình Tân", Level: "xã", Parent: "huyện Tây Sơn"}, ansinh.Period{Year: 2024, Kind: ansinh.Quarter4},
			"toàn xã; công chức Văn hóa - Xã hội xã; Phòng Lao động - Thương binh và Xã hội huyện; quý IV năm 2024 → quý I năm 2025; true"},
		// A bare cap_tren before the reform: a district or the province, not named.
		{ansinh.Unit{Name: "Bình Tân", Level: "xã", Parent: "Tây Sơn"}, ansinh.Period{Year: 2024, Kind: ansinh.Quarter4},
			"toàn xã; công chức Văn hóa - Xã hội xã; ; quý IV năm 2024 → quý I năm 2025; true"},
		{ansinh.Unit{Name: "Bình Tân", Level: "xã", Parent: "huyện Tây Sơn"}, ansinh.Period{Year: 2025, Kind: ansinh.Quarter1},
			"toàn xã; công chức Văn hóa - Xã hội xã; Phòng Nội vụ huyện; quý I năm 2025 → quý II năm 2025; false"},
		{ansinh.Unit{Name: "Tây Sơn", Level: "huyện", Parent: "Bình Định"}, ansinh.Period{Year: 2025, Kind: ansinh.FirstHalf},
			"toàn huyện; Phòng Nội vụ; Sở Nội vụ; 6 tháng đầu năm 2025 → 6 tháng cuối năm 2025; false"},
		{ansinh.Unit{Name: "An Khê", Level: "thị xã", Parent: "Gia Lai"}, ansinh.Period{Year: 2024, Kind: ansinh.FullYear},
			"toàn thị xã; Phòng Lao động - Thương binh và Xã hội; Sở Lao động - Thương binh và Xã hội; năm 2024 → năm 2025; true"},
		{ansinh.Unit{Name: "Bình An", Level: "tỉnh"}, ansinh.Period{Year: 2024, Kind: ansinh.SecondHalf},
			"toàn tỉnh; Sở Lao động - Thương binh và Xã hội; Bộ Lao động - Thương binh và Xã hội; 6 tháng cuối năm 2024 → 6 tháng đầu năm 2025; true"},
		{ansinh.Unit{Name: "Đà Nẵng", Level: "thành phố"}, ansinh.Period{Year: 2025, Kind: ansinh.Quarter3},
			"toàn thành phố; Sở Nội vụ; Bộ Nội vụ; quý III năm 2025 → quý IV năm 2025; false"},
		{ansinh.Unit{Name: "Côn Đảo", Level: "đặc khu", Parent: "Thành phố Hồ Chí Minh"}, ansinh.Period{Year: 2025, Kind: ansinh.Quarter3},
			"toàn đặc khu; Phòng Văn hóa - Xã hội; Sở Nội vụ; quý III năm 2025 → quý IV năm 2025; false"},
	} {
		r := &ansinh.Report{Unit: tc.unit, Period: tc.period}
		got := execText(t, r.Data(), `{{.tu_ngu.toan}}; {{.tu_ngu.lao_dong}}; {{.tu_ngu.lao_dong_cap_tren}}; {{.ky.ten_day_du}} → {{.ky.tiep_theo.ten_day_du}}; {{.ky.ket_thuc_nam}}`)
		if got != tc.want {
			t.Errorf("%s %s:\ngot  %s\nwant %s", tc.unit.FullName(), tc.period, got, tc.want)
		}
	}
}

func TestWordingOverrides(t *testing.T) {
	src := strings.Replace(readFile(t, "../testdata/xa-2025-h2.yaml"), "ky: {nam: 2025", "tu_ngu:\n  lao_dong: Phòng Văn hóa - Thông tin - Xã hội\n  toan: toàn đặc khu\nky: {nam: 2025", 1)
	r, err := ansinh.Load(strings.NewReader(src), "xa.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := execText(t, r.Data(), `{{.tu_ngu.toan}}; {{.tu_ngu.lao_dong}}; {{index .tu_ngu.noi_nhan 4}}`)
	if want := "toàn đặc khu; Phòng Văn hóa - Thông tin - Xã hội; Phòng Văn hóa - Thông tin - Xã hội"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	bad := strings.Replace(src, "  toan: toàn đặc khu", "  toan_xa: toàn xã", 1)
	_, err = ansinh.Load(strings.NewReader(bad), "xa.yaml")
	if err == nil || !strings.Contains(err.Error(), "xa.yaml:15:3:") || !strings.Contains(err.Error(), "toan_xa") {
		t.Errorf("unknown tu_ngu key: %v", err)
	}
}

func TestComparisonsReadFully(t *testing.T) {
	cur := loadFile(t, "../testdata/xa-2025-h2.yaml")
	src := readFile(t, "../testdata/xa-2025-h2.yaml")
	src = strings.Replace(src, "ky: {nam: 2025", "ky: {nam: 2024", 1)
	src = strings.Replace(src, "ho_ngheo: {so_ho: 97, nhan_khau: 251}", "ho_ngheo: {so_ho: 121, nhan_khau: 300}", 1)
	src = strings.Replace(src, "{ma: ho_ngheo, ten: Hộ nghèo, so_ho: 21, so_tien: 1050}", "{ma: ho_ngheo, ten: Hộ nghèo, so_ho: 20, so_tien: 1000}", 1)
	prev, err := ansinh.Load(strings.NewReader(src), "2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := cur.SetPrevious(prev); err != nil {
		t.Fatal(err)
	}
	got := execText(t, cur.Data(), `{{.giam_ngheo.ho_ngheo.ty_le}} ({{sosanh .so_sanh.giam_ngheo.ho_ngheo.ty_le}}); `+
		`{{sosanh .so_sanh.giam_ngheo.ho_ngheo.so_ho "hộ"}}; {{sosanh .so_sanh.tin_dung.tong_so_tien .don_vi_tien}}; {{tanggiam .so_sanh.tin_dung.tong_so_tien}}`)
	// 97 / 4.210 = 2,30%; 121 / 4.210 = 2,87%.
	want := "2,30% (giảm 0,57 điểm phần trăm so với cùng kỳ năm trước); giảm 24 hộ so với cùng kỳ năm trước; " +
		"tăng 50 triệu đồng so với cùng kỳ năm trước; tăng 50 triệu đồng"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
