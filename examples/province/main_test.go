package main

import (
	"archive/zip"
	"bytes"
	"context"
	"image"
	_ "image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
	"github.com/ansinh-vn/baocao/internal/unitgen"
	"github.com/ansinh-vn/baocao/render/rendertest"
)

const data = "../../testdata/province"

func testOptions(t *testing.T) options {
	return options{
		own:      data + "/binh-an-2024-h1.yaml",
		units:    data + "/2024-h1",
		previous: data + "/2023-h1",
		plan:     data + "/ke-hoach-2024.yaml",
		template: "", // the standard province template
		out:      filepath.Join(t.TempDir(), "out.docx"),
		parent:   ansinh.Unit{Code: "30", Name: "Bình An", Level: "tỉnh"},
		period:   ansinh.Period{Year: 2024, Kind: ansinh.FirstHalf},
	}
}

func renderProvince(t *testing.T) ([]byte, string) {
	t.Helper()
	o := testOptions(t)
	var stderr bytes.Buffer
	if code := run(&stderr, o); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	b, err := os.ReadFile(o.out)
	if err != nil {
		t.Fatal(err)
	}
	if err := rendertest.WellFormed(b); err != nil {
		t.Fatal(err)
	}
	if err := rendertest.CheckTables(b); err != nil {
		t.Fatal(err)
	}
	return b, stderr.String()
}

// handSums adds up figures of the unit files read as plain YAML maps, independently of
// package ansinh: counts as integers, money converted to triệu đồng by hand.
type handSums struct {
	households, poor, bhyt, newJobs int64
	credit                          decimal.Decimal // triệu đồng
	units                           []string
}

func sumUnitFiles(t *testing.T, dir string) handSums {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(names) < 10 {
		t.Fatalf("unit files: %v, %v", names, err)
	}
	var s handSums
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			DonVi struct {
				Ten string `yaml:"ten"`
				Cap string `yaml:"cap"`
			} `yaml:"don_vi"`
			DonViTien string `yaml:"don_vi_tien"`
			GiamNgheo struct {
				DanSo struct {
					SoHo int64 `yaml:"so_ho"`
				} `yaml:"dan_so"`
				HoNgheo struct {
					SoHo int64 `yaml:"so_ho"`
				} `yaml:"ho_ngheo"`
			} `yaml:"giam_ngheo"`
			TinDung struct {
				ChuongTrinh []struct {
					SoTien string `yaml:"so_tien"`
				} `yaml:"chuong_trinh"`
			} `yaml:"tin_dung"`
			BaoHiem struct {
				BHYT struct {
					SoNguoi int64 `yaml:"so_nguoi"`
				} `yaml:"bhyt"`
			} `yaml:"bao_hiem"`
			LaoDong struct {
				ViecLamMoi struct {
					SoNguoi int64 `yaml:"so_nguoi"`
				} `yaml:"viec_lam_moi"`
			} `yaml:"lao_dong"`
		}
		if err := yaml.Unmarshal(b, &f); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		s.households += f.GiamNgheo.DanSo.SoHo
		s.poor += f.GiamNgheo.HoNgheo.SoHo
		s.bhyt += f.BaoHiem.BHYT.SoNguoi
		s.newJobs += f.LaoDong.ViecLamMoi.SoNguoi
		for _, p := range f.TinDung.ChuongTrinh {
			amount := decimal.RequireFromString(p.SoTien)
			if f.DonViTien == "nghìn đồng" {
				amount = amount.Div(decimal.NewFromInt(1000))
			}
			s.credit = s.credit.Add(amount)
		}
		s.units = append(s.units, f.DonVi.Cap+" "+f.DonVi.Ten)
	}
	return s
}

func rowsOf(text string) [][]string {
	var rows [][]string
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "\t") {
			rows = append(rows, strings.Split(line, "\t"))
		}
	}
	return rows
}

// The table of units has one row per unit file and a totals row equal to the hand sums
// of the files; the rate is recomputed from the sums.
func TestProvinceReport(t *testing.T) {
	b, stderr := renderProvince(t)
	text, err := rendertest.Text(b)
	if err != nil {
		t.Fatal(err)
	}
	hand := sumUnitFiles(t, data+"/2024-h1")
	prev := sumUnitFiles(t, data+"/2023-h1")

	// The standard template's table of units: STT, unit, households, poor, rate,
	// near-poor, rate, BHYT, coverage, new jobs, loans.
	var units [][]string
	var total []string
	for _, r := range rowsOf(text) {
		if len(r) == 11 && r[0] != "STT" && r[1] != "Tổng cộng" {
			units = append(units, r)
		}
		if len(r) == 11 && r[1] == "Tổng cộng" {
			total = r
		}
	}
	if len(units) != len(hand.units) {
		t.Fatalf("%d unit rows, want %d:\n%s", len(units), len(hand.units), text)
	}
	for i, r := range units {
		if r[0] != indicators.FormatInt(int64(i+1)) || r[1] != hand.units[i] {
			t.Errorf("row %d: %q, want unit %s", i+1, r[:2], hand.units[i])
		}
	}
	rate, _ := indicators.NewRate(decimal.NewFromInt(hand.poor), decimal.NewFromInt(hand.households))
	want := []string{"", "Tổng cộng", indicators.FormatInt(hand.households), indicators.FormatInt(hand.poor), rate.String(),
		"", "", indicators.FormatInt(hand.bhyt), "", indicators.FormatInt(hand.newJobs), indicators.FormatNumber(hand.credit, -1)}
	for i, w := range want {
		if w == "" && i > 0 {
			continue // near-poor and BHYT coverage: not summed by hand here
		}
		if total == nil || total[i] != w {
			t.Errorf("totals row column %d = %q, want %q (row %q)", i, total[i], w, total)
		}
	}
	// Averaging the units' printed rates would give another figure.
	var sum decimal.Decimal
	for _, r := range units {
		p, err := indicators.ParsePercent(r[4])
		if err != nil {
			t.Fatal(err)
		}
		sum = sum.Add(p)
	}
	if avg := indicators.FormatPercent(sum.Div(decimal.NewFromInt(int64(len(units)))), 2); avg == rate.String() {
		t.Errorf("the average of the units' rates %s equals the recomputed rate: the data does not show the difference", avg)
	}

	// Last year's comparison and the plan.
	for _, w := range []string{
		"Hộ nghèo (hộ)\t" + indicators.FormatInt(prev.poor) + "\t" + indicators.FormatInt(hand.poor) + "\tgiảm " + indicators.FormatInt(prev.poor-hand.poor),
		"số người tham gia bảo hiểm y tế trên địa bàn tỉnh có " + indicators.FormatInt(hand.bhyt) + " người, tăng " + indicators.FormatInt(hand.bhyt-prev.bhyt) + " người so với cùng kỳ năm trước",
		"Người tham gia bảo hiểm y tế (người)\t" + indicators.FormatInt(prev.bhyt) + "\t" + indicators.FormatInt(hand.bhyt) + "\ttăng " + indicators.FormatInt(hand.bhyt-prev.bhyt),
		"trên cơ sở báo cáo của 12 đơn vị trực thuộc",
		"Trần Văn Minh", // the province's own file
		"Ủy ban nhân dân tỉnh đã ban hành các văn bản chỉ đạo",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	var jobsPlan int64
	for i := 0; i < len(hand.units); i++ {
		jobsPlan += unitgen.Generate(i, 2024).NewJobsPlan
	}
	jobs, _ := indicators.NewAttainment(decimal.NewFromInt(hand.newJobs), decimal.NewFromInt(jobsPlan))
	wantRow := "1\tGiải quyết việc làm mới (người)\t" + indicators.FormatInt(jobsPlan) + "\t" + indicators.FormatInt(hand.newJobs) + "\t" + jobs.Rate().String() + "\tChưa đạt"
	if !strings.Contains(text, wantRow) || !strings.Contains(text, jobs.String()) {
		t.Errorf("plan table lacks %q", wantRow)
	}
	// Findings on stderr: the share carried only as reported, in both years.
	if strings.Count(stderr, "cảnh báo") != 2 || strings.Count(stderr, "bao_hiem.bhxh.ty_le_luc_luong_lao_dong: ") != 2 {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// One bad file among the units is named with its error, the others are still read,
// and no report is written.
func TestProvinceBadFile(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 12; i++ {
		text := unitgen.Generate(i, 2024).YAML()
		if i == 7 {
			text = strings.Replace(text, "so_ho: ", "so_ho: 1.", 1)
		}
		if i == 9 {
			text = strings.Replace(text, "cap_tren: Bình An", "cap_tren: Tây Sơn", 1)
		}
		if err := os.WriteFile(filepath.Join(dir, unitgen.FileName(i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o := testOptions(t)
	o.units = dir
	var stderr bytes.Buffer
	if code := run(&stderr, o); code != 1 {
		t.Fatalf("exit %d", code)
	}
	msg := stderr.String()
	for _, w := range []string{filepath.Join(dir, "30008.yaml") + ":13:", filepath.Join(dir, "30010.yaml") + ": ansinh: unit does not belong", "2 tệp có lỗi"} {
		if !strings.Contains(msg, w) {
			t.Errorf("stderr lacks %q:\n%s", w, msg)
		}
	}
	if _, err := os.Stat(o.out); !os.IsNotExist(err) {
		t.Errorf("a report was written: %v", err)
	}
}

// The province's former template still renders the parent report.
func TestProvinceCustomTemplate(t *testing.T) {
	o := testOptions(t)
	o.template = data + "/template.docx"
	var stderr bytes.Buffer
	if code := run(&stderr, o); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	b, err := os.ReadFile(o.out)
	if err != nil {
		t.Fatal(err)
	}
	text, err := rendertest.Text(b)
	if err != nil || !strings.Contains(text, "Tổng hợp kết quả thực hiện công tác an sinh xã hội 6 tháng đầu năm 2024") {
		t.Errorf("%v:\n%s", err, text)
	}
}

// LibreOffice opens the report and reads the same table.
func TestProvinceReportInLibreOffice(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	b, _ := renderProvince(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	text, err := rendertest.LibreOfficeText(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	hand := sumUnitFiles(t, data+"/2024-h1")
	for _, w := range []string{"Toàn tỉnh", "Tổng cộng", indicators.FormatInt(hand.households), "phường Vĩnh Thạnh", "so với cùng kỳ năm trước", "Chưa đạt"} {
		if !strings.Contains(text, w) {
			t.Errorf("LibreOffice text lacks %q", w)
		}
	}
}

// The committed unit files are the generator's output.
func TestUnitFilesAreGenerated(t *testing.T) {
	for _, y := range []int{2024, 2023} {
		for i := 0; i < 12; i++ {
			b, err := os.ReadFile(filepath.Join(data, strconv.Itoa(y)+"-h1", unitgen.FileName(i)))
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != unitgen.Generate(i, y).YAML() {
				t.Errorf("%d/%s differs from the generator's output; run go generate ./examples/province", y, unitgen.FileName(i))
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(data, "ke-hoach-2024.yaml"))
	if err != nil || string(b) != unitgen.PlanYAML(12, 2024) {
		t.Errorf("ke-hoach-2024.yaml differs from the generator's output (%v)", err)
	}
}

// The report carries the chart of poverty rates by unit, as a PNG media part the body
// draws.
func TestProvinceChart(t *testing.T) {
	b, _ := renderProvince(t)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var png, doc []byte
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		switch f.Name {
		case "word/media/baocao-image1.png":
			png = data
		case "word/document.xml":
			doc = data
		}
	}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(png)); err != nil || cfg.Width < 1000 {
		t.Fatalf("chart PNG: %v %+v", err, cfg)
	}
	if !bytes.Contains(doc, []byte(`r:embed="rIdBaocaoImage1"`)) {
		t.Error("the body does not draw the chart")
	}
}
