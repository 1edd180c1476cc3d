// Command tayson rebuilds the reference report, the 2023 half-year social-security report
// of Tây Sơn district, from its period data and the Word template:
//
//	go run ./examples/tayson -data testdata/tayson-2023-h1.yaml -o out.docx
//	go run ./examples/tayson -pdf    # also out.pdf beside the .docx, through LibreOffice
//	go run ./examples/tayson -review # a review draft: every finding a Word comment beside its figure
//
// It loads and validates the data, prints every finding to standard error, and writes the
// report, with its charts (package ansinh/chart) in the appendix. It exits 1 when the
// data has errors (warnings are printed but do not stop it), and never leaves a
// half-written output file: the .docx and the PDF are each written to a temporary file
// and renamed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/ansinh/chart"
	"github.com/ansinh-vn/baocao/render"
	"github.com/ansinh-vn/baocao/render/office"
)

// pdfTimeout bounds the LibreOffice conversion.
const pdfTimeout = 3 * time.Minute

func main() {
	data := flag.String("data", "testdata/tayson-2023-h1.yaml", "period data (YAML)")
	tpl := flag.String("template", "testdata/tayson/template.docx", "Word template")
	out := flag.String("o", "baocao-tayson-2023-h1.docx", "output .docx")
	pdf := flag.Bool("pdf", false, "also write the report as PDF beside the .docx (needs LibreOffice)")
	review := flag.Bool("review", false, "write a review draft: every finding as a Word comment beside the figure it concerns")
	flag.Parse()
	os.Exit(run(os.Stderr, options{data: *data, template: *tpl, out: *out, pdf: *pdf, review: *review}))
}

type options struct {
	data, template, out string
	pdf                 bool
	// review writes every finding as a Word comment (render.Template.ExecuteReview).
	review bool
}

// reportData is the template data of a report: report.Data() and its charts under
// "bieu_do".
func reportData(report *ansinh.Report) map[string]any {
	data := report.Data()
	data["bieu_do"] = chart.ForReport(report)
	return data
}

// execute writes the report, or its review draft when o.review is set.
func execute(tpl *render.Template, o options, report *ansinh.Report, findings ansinh.Findings) error {
	if !o.review {
		return tpl.ExecuteFile(o.out, reportData(report))
	}
	return tpl.ExecuteReviewFile(o.out, reportData(report), render.Review{Notes: report.ReviewNotes(findings)})
}

// run does the work and returns the exit code.
func run(stderr io.Writer, o options) int {
	report, err := ansinh.LoadFile(o.data)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	findings := report.Validate()
	for _, f := range findings {
		fmt.Fprintln(stderr, f)
	}
	if findings.HasErrors() {
		fmt.Fprintf(stderr, "%s: %d lỗi, không lập báo cáo\n", o.data, len(findings.Errors()))
		return 1
	}
	tpl, err := render.New(o.template).Funcs(ansinh.Funcs()).ParseFile(o.template)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := execute(tpl, o, report, findings); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stderr, "đã ghi %s\n", o.out)
	if !o.pdf {
		return 0
	}
	pdfPath := strings.TrimSuffix(o.out, filepath.Ext(o.out)) + ".pdf"
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	if err := office.PDFFile(ctx, o.out, pdfPath); err != nil {
		if errors.Is(err, office.ErrNotInstalled) {
			fmt.Fprintln(stderr, "không xuất được PDF: cần cài LibreOffice (Debian: apt-get install libreoffice-writer-nogui)")
		} else {
			fmt.Fprintf(stderr, "không xuất được PDF: %v\n", err)
		}
		return 1
	}
	fmt.Fprintf(stderr, "đã ghi %s\n", pdfPath)
	return 0
}
