package ansinh

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/indicators"
)

const refFile = "testdata/tayson-2023-h1.yaml"

func loadRef(t *testing.T) *Report {
	t.Helper()
	r, err := LoadFile(refFile)
	if err != nil {
		t.Fatalf("LoadFile(%s): %v", refFile, err)
	}
	return r
}

func readRef(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(refFile)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mutate replaces the single occurrence of old in src.
func mutate(t *testing.T, src, old, new string) string {
	t.Helper()
	if n := strings.Count(src, old); n != 1 {
		t.Fatalf("%q occurs %d times in the fixture, want 1", old, n)
	}
	return strings.Replace(src, old, new, 1)
}

// lineOf is the 1-based line of the first occurrence of s.
func lineOf(t *testing.T, src, s string) int {
	t.Helper()
	i := strings.Index(src, s)
	if i < 0 {
		t.Fatalf("%q not in source", s)
	}
	return strings.Count(src[:i], "\n") + 1
}

func loadErrs(t *testing.T, src string) LoadErrors {
	t.Helper()
	r, err := Load(strings.NewReader(src), "tayson.yaml")
	if err == nil {
		t.Fatal("Load succeeded, want errors")
	}
	if r != nil {
		t.Error("Load returned a report together with errors")
	}
	var es LoadErrors
	if !errors.As(err, &es) {
		t.Fatalf("error %T is not LoadErrors: %v", err, err)
	}
	return es
}

func TestLoadReference(t *testing.T) {
	r := loadRef(t)
	if got := r.Unit; got.Name != "Tây Sơn" || got.Level != "huyện" || got.Parent != "Bình Định" || got.Body != "Ủy ban nhân dân" {
		t.Errorf("Unit = %+v", got)
	}
	if r.Period != (Period{Year: 2023, Kind: FirstHalf}) {
		t.Errorf("Period = %+v", r.Period)
	}
	if r.MoneyUnit != TrieuDong {
		t.Errorf("MoneyUnit = %v", r.MoneyUnit)
	}
	doc := r.Document
	if doc.Number != "" || doc.Symbol != "BC-UBND" || !doc.Date.IsZero() || doc.Month != 6 || len(doc.Recipients) != 7 ||
		doc.Signer.Name != "Bùi Văn Mỹ" || doc.Signer.OnBehalf != "KT. CHỦ TỊCH" || doc.Archive != "VT" {
		t.Errorf("Document = %+v", doc)
	}
	if n := len(r.Direction.Documents); n != 8 {
		t.Errorf("%d directing documents, want 8", n)
	}
	if d := r.Direction.Documents[3]; d.Number != "140/KH-UBND" || d.Date.String() != "26/5/2023" {
		t.Errorf("document 4 = %+v (%s)", d, d.Date)
	}
	if len(r.References) != 8 || r.References["nd116_2016"].Issuer != "" || r.References["nd78_2002"].Issuer != "Chính phủ" {
		t.Errorf("References = %v", r.References)
	}
	if len(r.Outreach) != 4 || len(r.Assessment.Advantages) != 3 || len(r.Assessment.Limitations) != 4 || len(r.Tasks.Items) != 7 {
		t.Errorf("narrative lengths: %d %d %d %d", len(r.Outreach), len(r.Assessment.Advantages), len(r.Assessment.Limitations), len(r.Tasks.Items))
	}
	p := r.Poverty
	if p.Population.Households.Int64() != 38459 || p.Poor.Persons.Int64() != 4839 || !p.NewPoor.ReportedRate.Valid ||
		!p.NewPoor.ReportedRate.Decimal.Equal(decimal.RequireFromString("0.01")) || p.Poor.ReportedRate.Valid {
		t.Errorf("Poverty = %+v", p)
	}
	if n := len(r.Credit.Programmes); n != 12 {
		t.Fatalf("%d programmes, want 12", n)
	}
	prog, _ := r.Credit.Programme("dtts_nha_o_chuyen_nghe")
	if prog.Parts["nha_o"].Int64() != 52 || prog.Parts["chuyen_doi_nghe"].Int64() != 7 || prog.Name != "Hộ nghèo vùng đồng bào DTTS (nhà ở, chuyển đổi nghề)" {
		t.Errorf("programme = %+v", prog)
	}
	if r.Labour.Abroad.Target.Int64() != 72 || r.Labour.Abroad.Market != "Nhật Bản" {
		t.Errorf("Abroad = %+v", r.Labour.Abroad)
	}
	if r.Insurance.Health.EstimateDate.String() != "30/6/2023" {
		t.Errorf("EstimateDate = %s", r.Insurance.Health.EstimateDate)
	}
	if r.Insurance.Social.StatedTotal != nil || r.Labour.Training.StatedTotal != nil {
		t.Error("stated totals set although the file has none")
	}
	if r.Tasks.TargetsItem != 2 {
		t.Errorf("TargetsItem = %d", r.Tasks.TargetsItem)
	}
}

// Money and rates are read from the scalar's text, never through float64.
func TestLoadExactDecimals(t *testing.T) {
	r := loadRef(t)
	for _, c := range []struct {
		got  decimal.Decimal
		want string
	}{
		{r.Labour.Training.NonAgricultural.Cost.Amount(), "455.5"},
		{r.Labour.Training.Agricultural.Cost.Amount(), "112.6"},
		{r.Labour.Training.Total().Cost.Amount(), "568.1"},
		{r.Assistance.HealthCards.Cost.Amount(), "2573.38"},
		{r.Education.TotalAmount(indicators.TrieuDong).Amount(), "1661.72"},
		{r.Insurance.Health.Coverage.Reported.Decimal, "94.79"},
		{r.Insurance.Social.LabourForceShare.Plan.Decimal, "10.6"},
	} {
		if !c.got.Equal(decimal.RequireFromString(c.want)) || c.got.String() != c.want {
			t.Errorf("got %s, want exactly %s", c.got, c.want)
		}
	}
	// 0.1 + 0.2 is 0.3 here, as on paper.
	src := mutate(t, readRef(t), "kinh_phi: 455.5}", "kinh_phi: 0.1}")
	src = mutate(t, src, "kinh_phi: 112.6}", "kinh_phi: 0.2}")
	r2, err := Load(strings.NewReader(src), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := r2.Labour.Training.Total().Cost.Amount(); got.String() != "0.3" {
		t.Errorf("0.1 + 0.2 = %s", got)
	}
}

func TestLoadSmallPeriod(t *testing.T) {
	r, err := LoadFile("testdata/xa-binh-tan-2024-q2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if r.Unit.Code != "21640" || r.Unit.BodyName() != DefaultBody || r.Unit.FullBodyName() != "Ủy ban nhân dân xã Bình Tân" {
		t.Errorf("Unit = %+v", r.Unit)
	}
	if r.MoneyUnit != NghinDong || r.Assistance.HealthCards.Cost.Unit() != indicators.NghinDong {
		t.Errorf("money unit %v / %v", r.MoneyUnit, r.Assistance.HealthCards.Cost.Unit())
	}
	if r.Period.String() != "quý II năm 2024" {
		t.Errorf("Period = %s", r.Period)
	}
	if r.Insurance.Social.StatedTotal == nil || r.Insurance.Social.StatedTotal.Int64() != 205 || r.Labour.Training.StatedTotal == nil {
		t.Error("stated totals not read")
	}
	if r.Insurance.Health.Coverage.Base.Int64() != 4730 || r.Insurance.Social.LabourForceShare.Plan.Valid {
		t.Errorf("coverage = %+v", r.Insurance.Health.Coverage)
	}
	if r.Labour.Abroad.Target.IsZero() == false || r.Labour.Abroad.Rate().IsValid() {
		t.Error("no target given, but the abroad rate is valid")
	}
	if len(r.Assistance.Housing) != 0 || len(r.Assistance.Gifts) != 1 || r.Document.Subject != "" || r.Tasks.Items != nil {
		t.Error("optional sections not empty")
	}
	if fs := r.Validate(); len(fs) != 1 || fs[0].Subject != "lao_dong.xuat_khau.ty_le" { // no chi_tieu: the rate cannot be computed
		t.Errorf("Validate:\n%s", fs)
	}
	rate, err := r.Insurance.Health.CoverageRate()
	if err != nil || rate.String() != "94,5%" || !rate.HasBase() {
		t.Errorf("coverage rate %s (base %v), %v", rate, rate.HasBase(), err)
	}
}

// Each bad file gives one clear error with its line, column and path.
func TestLoadErrors(t *testing.T) {
	ref := readRef(t)
	cases := []struct {
		name     string
		old, new string
		at       string // text whose line the error points at
		col      int    // expected column; 0 = don't check
		path     string
		want     []string // fragments of the message
		detail   string   // a fragment of the English detail; "" = don't check
		n        int      // number of errors; 0 means 1
	}{
		{
			name: "unknown key", old: "ho_ngheo: {so_ho: 1855, nhan_khau: 4839}",
			new: "ho_ngheo: {so_ho: 1855, nhan_khau: 4839, nhan_khau_ngheo: 3}", at: "nhan_khau_ngheo",
			path: "giam_ngheo.ho_ngheo.nhan_khau_ngheo",
			want: []string{`khóa "nhan_khau_ngheo" không có trong mẫu`, "so_ho, nhan_khau, ty_le_bao_cao"}, detail: "unknown key",
		},
		{
			name: "misspelt key suggests the right one", old: "    bat_buoc: 5484", new: "    bat_bouc: 5484", at: "bat_bouc",
			col: 5, path: "bao_hiem.bhxh.bat_bouc", want: []string{`có phải là "bat_buoc"?`}, n: 2,
		},
		{
			name: "string in a count", old: "so_ho: 1855, nhan_khau: 4839}", new: `so_ho: "1855", nhan_khau: 4839}`, at: `"1855"`,
			path: "giam_ngheo.ho_ngheo.so_ho", want: []string{"số lượng phải là một số", "không đặt trong ngoặc kép", "viết 1855"},
		},
		{
			name: "words in a count", old: "so_nguoi: 111076", new: "so_nguoi: khoảng 111 nghìn", at: "khoảng",
			path: "bao_hiem.bhyt.so_nguoi", want: []string{`"khoảng 111 nghìn" không phải là số`},
		},
		{
			name: "float in a count", old: "so_lop: 6,", new: "so_lop: 6.5,", at: "6.5",
			path: "lao_dong.dao_tao_nghe.phi_nong_nghiep.so_lop", want: []string{"6.5 không phải là số nguyên"}, detail: "whole number",
		},
		{
			name: "whole float in a count", old: "bat_buoc: 5484", new: "bat_buoc: 5484.0", at: "5484.0", col: 15,
			path: "bao_hiem.bhxh.bat_buoc", want: []string{"5484.0 không phải là số nguyên"},
		},
		{
			name: "thousands separator in a count", old: "so_ho: 1855, nhan_khau: 4839}", new: "so_ho: 1.855, nhan_khau: 4839}", at: "1.855",
			path: "giam_ngheo.ho_ngheo.so_ho", want: []string{`"1.855"`, "phân cách hàng nghìn", "viết liền không dấu: 1855"}, detail: "write 1855",
		},
		{
			name: "negative count", old: "tron_100: 19", new: "tron_100: -19", at: "-19",
			path: "bao_tro_xa_hoi.mung_tho.tron_100", want: []string{"-19 là số âm", "không được âm"},
		},
		{
			name: "Vietnamese decimal in money", old: "mai_tang: {so_nguoi: 257, kinh_phi: 1850.4}",
			new: "mai_tang:\n    so_nguoi: 257\n    kinh_phi: 1.850,4", at: "1.850,4",
			path: "bao_tro_xa_hoi.mai_tang.kinh_phi", want: []string{`"1.850,4"`, "dấu chấm thập phân", "1850.4"},
		},
		{
			name: "percent sign in a rate", old: "bao_cao: 94.79", new: `bao_cao: "94,79%"`, at: `"94,79%"`,
			path: "bao_hiem.bhyt.ty_le_bao_phu.bao_cao", want: []string{"tỷ lệ phần trăm phải là một số"},
		},
		{
			name: "negative money", old: "kinh_phi: 616}", new: "kinh_phi: -616}", at: "-616",
			path: "tien_dien.ho_ngheo.kinh_phi", want: []string{"số tiền -616 là số âm"},
		},
		{
			name: "missing required section", old: "tien_dien:\n", new: "tien_dien_x:\n", at: "tien_dien_x",
			path: "tien_dien_x", want: []string{`khóa "tien_dien_x" không có trong mẫu`}, n: 2,
		},
		{
			name: "missing figure", old: "ho_can_ngheo: {so_ho: 3331, nhan_khau: 8992}", new: "ho_can_ngheo: {so_ho: 3331}", at: "{so_ho: 3331}",
			path: "giam_ngheo.ho_can_ngheo.nhan_khau", want: []string{`thiếu khóa bắt buộc "nhan_khau"`},
		},
		{
			name: "empty figure", old: "    bat_buoc: 5484", new: "    bat_buoc:", at: "bat_buoc:",
			path: "bao_hiem.bhxh.bat_buoc", want: []string{"thiếu số lượng"},
		},
		{
			name: "duplicate key", old: "  nam: 2023\n", new: "  nam: 2023\n  nam: 2024\n", at: "nam: 2024", col: 3,
			path: "ky.nam", want: []string{`khóa "nam" bị lặp`, "đã có ở dòng 14"}, detail: "duplicate key, first at line 14",
		},
		{
			name: "wrong period kind", old: "loai: 6-thang-dau ", new: "loai: 6-thang-giua ", at: "6-thang-giua",
			path: "ky.loai", want: []string{`loại kỳ "6-thang-giua" không hợp lệ`, "6-thang-dau, 6-thang-cuoi, ca-nam, quy-1"},
		},
		{
			name: "year out of range", old: "  nam: 2023\n", new: "  nam: 20233\n", at: "20233",
			path: "ky.nam", want: []string{"năm 20233 nằm ngoài khoảng 2000–2100"},
		},
		{
			name: "year with a thousands dot", old: "  nam: 2023\n", new: "  nam: 2.023\n", at: "2.023",
			path: "ky.nam", want: []string{"viết liền không dấu: 2023"}, detail: "write 2023",
		},
		{
			name: "date not ISO", old: "ngay_uoc_tinh: 2023-06-30", new: "ngay_uoc_tinh: 30/6/2023", at: "30/6/2023",
			path: "bao_hiem.bhyt.ngay_uoc_tinh", want: []string{`ngày "30/6/2023" phải ghi dạng năm-tháng-ngày`, "2023-02-08"},
		},
		{
			name: "no such date", old: "ngay: 2023-02-08", new: "ngay: 2023-02-30", at: "2023-02-30",
			path: "chi_dao.van_ban[0].ngay", want: []string{`ngày "2023-02-30" không có thật`},
		},
		{
			name: "month out of range", old: "thang: 6 ", new: "thang: 13 ", at: "13 ",
			path: "van_ban.thang", want: []string{"tháng 13 nằm ngoài khoảng 1–12"},
		},
		{
			name: "list expected", old: "  qua:\n", new: "  qua: 3\n  x_qua:\n", at: "3",
			path: "bao_tro_xa_hoi.qua", want: []string{"phải là một danh sách"}, n: 2,
		},
		{
			name: "mapping expected", old: "mung_tho: {tron_100: 19, tron_90: 158}", new: "mung_tho: [19, 158]", at: "[",
			path: "bao_tro_xa_hoi.mung_tho", want: []string{"phải là một nhóm khóa: giá trị"},
		},
		{
			name: "unquoted comma in a flow mapping", old: `ten: "Học sinh, sinh viên"`, new: "ten: Học sinh, sinh viên", at: "sinh viên",
			path: "tin_dung.chuong_trinh[3].sinh viên", want: []string{`khóa "sinh viên" không có trong mẫu`},
		},
		{
			name: "unknown money unit", old: "don_vi_tien: triệu đồng", new: "don_vi_tien: triệu", at: "triệu",
			path: "don_vi_tien", want: []string{`đơn vị tiền "triệu" không hợp lệ`},
		},
		{
			name: "empty code", old: "{ma: chan_nuoi,", new: `{ma: "",`, at: `""`,
			path: "tin_dung.chuong_trinh[11].ma", want: []string{"mã (ma) không được để trống"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := mutate(t, ref, c.old, c.new)
			es := loadErrs(t, src)
			line := lineOf(t, src, c.new) + strings.Count(c.new[:strings.Index(c.new, c.at)], "\n")
			var e *LoadError
			for _, x := range es {
				if x.Path == c.path {
					e = x
					break
				}
			}
			if e == nil {
				t.Fatalf("no error at path %s; got:\n%v", c.path, es)
			}
			if e.Line != line {
				t.Errorf("line %d, want %d: %v", e.Line, line, e)
			}
			if c.col != 0 && e.Column != c.col {
				t.Errorf("column %d, want %d: %v", e.Column, c.col, e)
			}
			if e.Column == 0 || e.File != "tayson.yaml" {
				t.Errorf("no column or file: %v", e)
			}
			for _, w := range c.want {
				if !strings.Contains(e.Msg, w) {
					t.Errorf("message %q lacks %q", e.Msg, w)
				}
			}
			if !strings.Contains(e.Detail, c.detail) || e.Detail == "" {
				t.Errorf("detail %q lacks %q", e.Detail, c.detail)
			}
			if !strings.HasSuffix(e.Error(), e.Msg+" ("+e.Detail+")") {
				t.Errorf("Error() = %q, want the message then the detail", e.Error())
			}
			if want := "tayson.yaml:" + itoa(line) + ":"; !strings.HasPrefix(e.Error(), want) {
				t.Errorf("Error() = %q, want prefix %q", e.Error(), want)
			}
			if n := max(c.n, 1); len(es) != n {
				t.Errorf("%d errors, want %d:\n%v", len(es), n, es)
			}
		})
	}
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

func TestLoadMissingSection(t *testing.T) {
	src := readRef(t)
	i := strings.Index(src, "# 3.7\ntien_dien:")
	j := strings.Index(src, "# II and III")
	src = src[:i] + src[j:]
	es := loadErrs(t, src)
	if len(es) != 1 {
		t.Fatalf("got %d errors:\n%v", len(es), es)
	}
	e := es[0]
	// At the end of the file, where the section can be added, not at some other key.
	end := strings.Count(src, "\n") + 1
	if e.Path != "tien_dien" || !strings.Contains(e.Msg, `thiếu khóa bắt buộc "tien_dien"`) || e.Line != end || e.Column != 1 || !errors.Is(e, ErrMissingKey) {
		t.Errorf("got %v, want line %d, column 1", e, end)
	}
}

// All errors of a file come back together, in file order.
func TestLoadAllErrorsTogether(t *testing.T) {
	src := readRef(t)
	src = mutate(t, src, "loai: 6-thang-dau ", "loai: nua-dau ")
	src = mutate(t, src, "so_ho: 1855, nhan_khau: 4839}", "so_ho: 1.855, nhan_khau: 4839.5}")
	src = mutate(t, src, "    bat_buoc: 5484", "    bat_buoc: -5484\n    bat_buoc: 1")
	src = mutate(t, src, "tron_90: 158}", "tron_90: 158, tron_80: 1}")
	es := loadErrs(t, src)
	want := []string{"ky.loai", "giam_ngheo.ho_ngheo.so_ho", "giam_ngheo.ho_ngheo.nhan_khau",
		"bao_hiem.bhxh.bat_buoc", "bao_hiem.bhxh.bat_buoc", "bao_tro_xa_hoi.mung_tho.tron_80"}
	if len(es) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(es), len(want), es)
	}
	for i, w := range want {
		if es[i].Path != w {
			t.Errorf("error %d at %s, want %s", i, es[i].Path, w)
		}
	}
	if u := es.Unwrap(); len(u) != len(es) || u[0] != es[0] {
		t.Error("Unwrap does not give the errors")
	}
	var one *LoadError
	if !errors.As(error(es), &one) || one != es[0] {
		t.Error("errors.As(*LoadError) does not give the first error")
	}
	if n := strings.Count(es.Error(), "\n"); n != len(es)-1 {
		t.Errorf("Error() has %d lines", n+1)
	}
}

func TestLoadSyntaxAndEmpty(t *testing.T) {
	src := mutate(t, readRef(t), "    bat_buoc: 5484", "\tbat_buoc: 5484")
	es := loadErrs(t, src)
	if len(es) != 1 || es[0].Line != lineOf(t, src, "\tbat_buoc") || es[0].Column != 1 || !strings.Contains(es[0].Msg, "Tab") || !errors.Is(es[0], ErrSyntax) {
		t.Errorf("tab: %v", es)
	}
	for _, src := range []string{"", "# only a comment\n"} {
		es := loadErrs(t, src)
		if len(es) != 1 || !strings.Contains(es[0].Msg, "tệp rỗng") {
			t.Errorf("empty: %v", es)
		}
	}
	es = loadErrs(t, readRef(t)+"---\nky: {nam: 2024}\n")
	if len(es) != 1 || !strings.Contains(es[0].Msg, "nhiều hơn một tài liệu") {
		t.Errorf("two documents: %v", es)
	}
	es = loadErrs(t, "- a\n- b\n")
	if len(es) != 1 || !strings.Contains(es[0].Msg, "phải là một nhóm khóa") {
		t.Errorf("root list: %v", es)
	}
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestLoadIOError(t *testing.T) {
	if _, err := Load(failReader{}, "x"); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("err = %v", err)
	}
	if _, err := LoadFile("testdata/nonexistent.yaml"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v", err)
	}
}

// A narrative list may be a single string.
func TestLoadParagraph(t *testing.T) {
	ref := readRef(t)
	i := strings.Index(ref, "tuyen_truyen:\n")
	j := strings.Index(ref, "# Legal references")
	src := ref[:i] + "tuyen_truyen: Một đoạn duy nhất.\n\n" + ref[j:]
	r, err := Load(strings.NewReader(src), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Outreach) != 1 || r.Outreach[0] != "Một đoạn duy nhất." {
		t.Errorf("Outreach = %q", r.Outreach)
	}
}

// More error cases, on the small block-style period file.
func TestLoadErrorsSmall(t *testing.T) {
	b, err := os.ReadFile("testdata/xa-binh-tan-2024-q2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	small := string(b)
	cases := []struct {
		old, new, path string
		want           string
	}{
		{"  mung_tho: {tron_100: 0, tron_90: 6}", "  mung_tho:", "bao_tro_xa_hoi.mung_tho", "mục trống; cần có các khóa: tron_100, tron_90"},
		{"  ten: Bình Tân", "  ten: {a: 1}", "don_vi.ten", "phải là một chuỗi chữ"},
		{"  ten: Bình Tân", `  ten: ""`, "don_vi.ten", "tên đơn vị không được để trống"},
		{"{bao_cao: 7.2}", "{}", "bao_hiem.bhxh.ty_le_luc_luong_lao_dong", "cần ít nhất tỷ lệ báo cáo (bao_cao) hoặc cơ sở tính (co_so)"},
		{"{xay_moi: 2, sua_chua: 1}", "{xay_moi: 2, xay_moi: 1}", "tin_dung.chuong_trinh[1].thanh_phan.xay_moi", `khóa "xay_moi" bị lặp`},
		{"{xay_moi: 2, sua_chua: 1}", "[2, 1]", "tin_dung.chuong_trinh[1].thanh_phan", "phải là một nhóm tên: số lượng"},
		{"      so_tien: 300000", "      so_tien: 300,000", "tin_dung.chuong_trinh[0].so_tien", "viết liền không dấu: 300000; nếu là dấu thập phân thì viết 300 "},
		{"      so_tien: 300000", "      so_tien: 300,50", "tin_dung.chuong_trinh[0].so_tien", "dùng dấu chấm thập phân và không phân cách hàng nghìn: 300.5 "},
		{"      so_tien: 300000", "      so_tien: .5", "tin_dung.chuong_trinh[0].so_tien", `".5" không phải là số`},
		{"      so_tien: 300000", `      so_tien: "ba trăm"`, "tin_dung.chuong_trinh[0].so_tien", `đây là chuỗi chữ "ba trăm"`},
		{"      so_tien: 300000", "      so_tien: [300000]", "tin_dung.chuong_trinh[0].so_tien", "số tiền phải là một số, nhưng đây là một danh sách"},
		{"    so_nguoi: 4470", "    so_nguoi: 4,470", "bao_hiem.bhyt.so_nguoi", "viết liền không dấu: 4470"},
		{"    so_nguoi: 4470", "    so_nguoi: 1e3", "bao_hiem.bhyt.so_nguoi", `"1e3" không phải là số`},
		{"    so_nguoi: 4470", "    so_nguoi: 12,5", "bao_hiem.bhyt.so_nguoi", "12,5 không phải là số nguyên"},
		{"    so_nguoi: 4470", "    so_nguoi: 99999999999999999999", "bao_hiem.bhyt.so_nguoi", "quá lớn"},
		{"    ngay_uoc_tinh: 2024-06-30", "    ngay_uoc_tinh:", "bao_hiem.bhyt.ngay_uoc_tinh", "thiếu ngày"},
		{"    ngay_uoc_tinh: 2024-06-30", "    ngay_uoc_tinh: [1]", "bao_hiem.bhyt.ngay_uoc_tinh", "ngày phải ghi dạng 2023-02-08"},
		{"  nha_o: []", "  nha_o: [{ma: x, so_ho: 1, so_tien: 1, ghi_chu: y}]", "bao_tro_xa_hoi.nha_o[0].ghi_chu", `khóa "ghi_chu" không có trong mẫu`},
		{"  nha_o: []", "  nha_o: []\n  <<: {x: 1}", "bao_tro_xa_hoi.<<", `khóa "<<" không có trong mẫu`},
		{"  nha_o: []", "  nha_o: []\n  ? [a]\n  : 1", "bao_tro_xa_hoi", "khóa phải là một tên"},
		{"don_vi_tien: nghìn đồng", "don_vi_tien: nghìn đồng\nchi_dao: {ket: [{a: 1}]}", "chi_dao.ket[0]", "mỗi đoạn văn phải là một chuỗi chữ"},
		{"don_vi_tien: nghìn đồng", "don_vi_tien: nghìn đồng\ncan_cu: {a: {loai: x, so: y}, a: {loai: x, so: z}}", "can_cu.a", `khóa "a" bị lặp`},
		{"don_vi_tien: nghìn đồng", "don_vi_tien: nghìn đồng\ncan_cu: [1]", "can_cu", "phải là một nhóm khóa: văn bản"},
		{"don_vi_tien: nghìn đồng", "don_vi_tien: nghìn đồng\nnhiem_vu: {chi_tieu_o_muc: 1001}", "nhiem_vu.chi_tieu_o_muc", "số mục 1001 nằm ngoài khoảng 0–1000"},
	}
	for _, c := range cases {
		src := mutate(t, small, c.old, c.new)
		es := loadErrs(t, src)
		found := false
		for _, e := range es {
			if e.Path == c.path && strings.Contains(e.Msg+" ", c.want) { // a want ending in a space ends the message or a word
				found = true
				if e.Line == 0 {
					t.Errorf("%s: no line: %v", c.new, e)
				}
			}
		}
		if !found {
			t.Errorf("%s: no error at %s containing %q; got:\n%v", c.new, c.path, c.want, es)
		}
	}
}
