package mau_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/render/rendertest"
)

const custom = "../../testdata/custom/"

// customProvince is the province's parent report of the sample files with custom
// figures (testdata/custom), against last year and a plan with custom targets.
func customProvince(t *testing.T) doc {
	t.Helper()
	cat, err := ansinh.LoadCatalogFile(custom + "danh-muc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l := ansinh.Loader{Catalog: cat}
	units := func(dir string) []*ansinh.Report {
		var out []*ansinh.Report
		if err := l.LoadDir(dir, func(path string, r *ansinh.Report, err error) error {
			out = append(out, r)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	own, err := ansinh.LoadOwnFile(province + "binh-an-2024-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ro, err := ansinh.ParentReport(own, units(custom+"2024-h1")...)
	if err != nil {
		t.Fatal(err)
	}
	prev, err := ansinh.ParentReport(&ansinh.Report{Unit: own.Unit, Period: own.Period.SameLastYear(), MoneyUnit: own.MoneyUnit}, units(custom+"2023-h1")...)
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.Report.SetPrevious(prev.Report); err != nil {
		t.Fatal(err)
	}
	plan, err := l.LoadPlanFile(custom + "ke-hoach-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.Report.SetPlan(plan); err != nil {
		t.Fatal(err)
	}
	return doc{
		name: "tỉnh Bình An, chỉ tiêu bổ sung", docx: renderStandard(t, ro.Report, ro.Data()), own: "tỉnh Bình An",
		want: []string{
			"3.8. Các chỉ tiêu bổ sung",
			"Bảo trợ xã hội:",
			"- Người khuyết tật được hưởng trợ cấp hằng tháng: 612 người, tăng 48 người so với cùng kỳ năm trước.",
			"- Người khuyết tật đặc biệt nặng: 138 người, tăng 24 người so với cùng kỳ năm trước.",
			"- Kinh phí trợ cấp người khuyết tật: 1.982,88 triệu đồng, tăng 155,52 triệu đồng so với cùng kỳ năm trước.",
			"- Tỷ lệ người khuyết tật được trợ cấp trên dân số: 3,91‰, tăng 0,31 điểm phần nghìn so với cùng kỳ năm trước.",
			"- Tỷ lệ người khuyết tật đặc biệt nặng: 22,55%, tăng 2,34 điểm phần trăm so với cùng kỳ năm trước.",
			"Tín dụng chính sách:",
			"- Hộ vay vốn chương trình tín dụng mới: 780 hộ, tăng 24 hộ so với cùng kỳ năm trước.",
			"Lao động, việc làm:",
			"- Điểm tư vấn việc làm đang hoạt động: không cộng dồn được từ báo cáo của các đơn vị.", // cong_don: false
			"Trợ cấp người khuyết tật", // the plan table
		},
	}
}

func TestCustomFiguresThroughProvinceTemplate(t *testing.T) {
	d := customProvince(t)
	text, err := rendertest.Text(d.docx)
	if err != nil {
		t.Fatal(err)
	}
	check(t, d, text)
	// Without a catalogue, the standard reports say nothing of custom figures.
	for _, d := range standardDocs(t) {
		text, err := rendertest.Text(d.docx)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(text, "chỉ tiêu bổ sung") {
			t.Errorf("%s: prints custom figures without a catalogue", d.name)
		}
	}
}

func TestCustomFiguresLibreOffice(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	d := customProvince(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // a hang guard only
	defer cancel()
	text, err := rendertest.LibreOfficeText(ctx, d.docx)
	if err != nil {
		t.Fatal(err)
	}
	check(t, d, text)
	if dir := os.Getenv("BAOCAO_KEEP_OUTPUT"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "tinh-bo-sung.docx"), d.docx, 0o644)
	}
}
