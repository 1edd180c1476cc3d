// Command province builds a province's social-security report from its units' period
// files: it rolls up the units of the period, compares the result with the same period
// last year (rolled up the same way) and with the province's plan, and renders the Word
// template:
//
//	go run ./examples/province -o out.docx
//	go run ./examples/province -pdf     # also the PDF beside the .docx, through LibreOffice
//
// The defaults read the generated sample data in testdata/province (12 communes of the
// fictional province Bình An, first half of 2024 and of 2023, and the 2024 plan; see
// examples/province/gen). Every unit's findings, the roll-up's findings (figures that
// cannot be summed) and the plan's findings go to standard error. A unit file that does
// not load, has validation errors or does not belong to the roll-up is named with its
// error; the other files are still read, so that one run lists every bad file, and then
// no report is written (exit 1). The output is written atomically: a failed run never
// leaves a half-written file.
package main

//go:generate go run ./gen -dir ../../testdata/province

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/ansinh/chart"
	"github.com/ansinh-vn/baocao/indicators"
	"github.com/ansinh-vn/baocao/render"
	"github.com/ansinh-vn/baocao/render/office"
)

// options are the command's flags.
type options struct {
	units, previous, plan, template, out string
	parent                               ansinh.Unit
	period                               ansinh.Period
	pdf                                  bool
}

// rowPaths are the figures of each unit the template's table of units shows.
var rowPaths = []string{
	"giam_ngheo.dan_so.so_ho",
	"giam_ngheo.ho_ngheo.so_ho",
	"giam_ngheo.ho_ngheo.ty_le",
	"bao_hiem.bhyt.so_nguoi",
	"bao_hiem.bhyt.ty_le_bao_phu",
	"lao_dong.viec_lam_moi.so_nguoi",
	"tin_dung.tong_so_tien",
}

func main() {
	var o options
	flag.StringVar(&o.units, "units", "testdata/province/2024-h1", "folder of the units' period files")
	flag.StringVar(&o.previous, "previous", "testdata/province/2023-h1", "folder of the units' files for the same period last year (empty: no comparison)")
	flag.StringVar(&o.plan, "plan", "testdata/province/ke-hoach-2024.yaml", "the province's plan file (empty: none)")
	flag.StringVar(&o.template, "template", "testdata/province/template.docx", "Word template")
	flag.StringVar(&o.out, "o", "baocao-tinh-binh-an-2024-h1.docx", "output .docx")
	flag.StringVar(&o.parent.Name, "ten", "Bình An", "the province's name (what the units' cap_tren says)")
	flag.StringVar(&o.parent.Level, "cap", "tỉnh", "the province's level word")
	flag.StringVar(&o.parent.Code, "ma", "30", "the province's code")
	flag.IntVar(&o.period.Year, "nam", 2024, "year of the period")
	kind := flag.String("ky", string(ansinh.FirstHalf), "kind of the period (6-thang-dau, ca-nam, quy-1 …)")
	flag.BoolVar(&o.pdf, "pdf", false, "also write the report as PDF beside the .docx (needs LibreOffice)")
	flag.Parse()
	o.period.Kind = ansinh.PeriodKind(*kind)
	os.Exit(run(os.Stderr, o))
}

// rollup loads every file of dir and adds it to a roll-up of o.parent for period. It
// reports each bad file on stderr and returns the roll-up and the number of bad files.
func rollup(stderr io.Writer, dir string, o options, period ansinh.Period, rows []string) (*ansinh.Rollup, int, error) {
	agg := ansinh.NewAggregator(o.parent, period)
	agg.RowPaths = rows
	bad := 0
	err := ansinh.LoadDir(dir, func(path string, r *ansinh.Report, err error) error {
		if err != nil {
			fmt.Fprintln(stderr, err)
			bad++
			return nil // go on: list every bad file, then stop
		}
		fs := r.Validate()
		for _, f := range fs {
			fmt.Fprintf(stderr, "%s: %s\n", path, f)
		}
		if fs.HasErrors() {
			bad++
			return nil
		}
		if err := agg.Add(r); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", path, err)
			bad++
		}
		return nil
	})
	if err != nil {
		return nil, bad, err
	}
	if agg.Len() == 0 && bad == 0 {
		return nil, 0, fmt.Errorf("%s: không có tệp số liệu nào (no period files)", dir)
	}
	res := agg.Result()
	for _, f := range res.Findings {
		fmt.Fprintf(stderr, "tổng hợp %s: %s\n", period, f)
	}
	return res, bad, nil
}

// run does the work and returns the exit code.
func run(stderr io.Writer, o options) int {
	if err := o.period.Validate(); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	cur, bad, err := rollup(stderr, o.units, o, o.period, rowPaths)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if o.previous != "" {
		prev, badPrev, err := rollup(stderr, o.previous, o, o.period.SameLastYear(), nil)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		bad += badPrev
		if prev != nil && cur != nil {
			if err := cur.Report.SetPrevious(prev.Report); err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
		}
	}
	if bad > 0 {
		fmt.Fprintf(stderr, "%d tệp có lỗi, không lập báo cáo\n", bad)
		return 1
	}
	if o.plan != "" {
		plan, err := ansinh.LoadPlanFile(o.plan)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fs, err := cur.Report.SetPlan(plan)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", o.plan, err)
			return 1
		}
		for _, f := range fs {
			fmt.Fprintf(stderr, "%s: %s\n", o.plan, f)
		}
	}
	tpl, err := render.New(o.template).Funcs(ansinh.Funcs()).ParseFile(o.template)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	data := cur.Data()
	data["bieu_do"] = charts(cur)
	if err := tpl.ExecuteFile(o.out, data); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stderr, "đã ghi %s (%d đơn vị)\n", o.out, cur.Count)
	if !o.pdf {
		return 0
	}
	pdfPath := strings.TrimSuffix(o.out, filepath.Ext(o.out)) + ".pdf"
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := office.PDFFile(ctx, o.out, pdfPath); err != nil {
		fmt.Fprintf(stderr, "không xuất được PDF: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "đã ghi %s\n", pdfPath)
	return 0
}

// charts gives the template the province's pictures: the poverty rate of each unit,
// largest first, recomputed by each unit from its own figures.
func charts(r *ansinh.Rollup) map[string]any {
	labels := make([]string, 0, len(r.Units))
	rates := make([]indicators.Rate, 0, len(r.Units))
	for _, u := range r.Units {
		poor, _ := u.Figures["giam_ngheo"].(map[string]any)["ho_ngheo"].(map[string]any)
		rate, ok := poor["ty_le"].(indicators.Rate)
		if !ok {
			continue
		}
		labels = append(labels, u.Unit.FullName())
		rates = append(rates, rate)
	}
	return map[string]any{
		"ty_le_ngheo": chart.ByUnit("Tỷ lệ hộ nghèo theo đơn vị", labels, rates),
	}
}
