// Command render is the template author's tool: it renders any Word template with any
// period data, or checks a template against the data first.
//
//	go run ./examples/render -data ky.yaml -o baocao.docx                 # the standard template of the unit's level
//	go run ./examples/render -template mau.docx -data ky.yaml -o baocao.docx
//	go run ./examples/render -template mau.docx -data ky.yaml -check
//	go run ./examples/render -data tinh.yaml -units DIR -o baocao.docx    # a parent report
//	go run ./examples/render -catalog danh-muc.yaml -data ky.yaml -check   # with custom figures (bo_sung)
//
// Without -template it uses the standard template of the unit's level and period
// (package ansinh/mau). With -units, -data is the parent's own period file (document
// data and narrative; see ansinh.LoadOwn) and the figures are the roll-up of the period
// files in DIR (ansinh.ParentReport). -catalog loads the period files with a catalogue
// of custom figures (ansinh.LoadCatalogFile), so that their bo_sung sections are read.
//
// With -check it writes nothing: it lists every data path and function the template
// uses, with the Word paragraph of each, marks the paths the data lacks, and exits 1 if
// any is missing. Template errors (unclosed tags, unknown functions, unbalanced blocks)
// are listed all at once, each with its paragraph.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/ansinh/chart"
	"github.com/ansinh-vn/baocao/ansinh/mau"
	"github.com/ansinh-vn/baocao/render"
)

func main() {
	tpl := flag.String("template", "", "Word template (.docx); empty: the standard template of the unit's level and period")
	data := flag.String("data", "testdata/tayson-2023-h1.yaml", "period data (YAML); with -units, the parent's own period file")
	units := flag.String("units", "", "folder of the units' period files: render the parent report of -data")
	out := flag.String("o", "out.docx", "output .docx")
	check := flag.Bool("check", false, "list what the template uses and what the data lacks; write nothing")
	catalog := flag.String("catalog", "", "catalogue of custom figures (danh mục chỉ tiêu bổ sung) the period files use")
	flag.Parse()
	l, err := loader(*catalog)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(runWith(os.Stdout, os.Stderr, l, *tpl, *data, *units, *out, *check))
}

// loader is the Loader of the catalogue at path (none when path is empty).
func loader(path string) (ansinh.Loader, error) {
	if path == "" {
		return ansinh.Loader{}, nil
	}
	cat, err := ansinh.LoadCatalogFile(path)
	return ansinh.Loader{Catalog: cat}, err
}

// run renders (or checks) one period file; see runUnits.
func run(stdout, stderr io.Writer, tplPath, dataPath, out string, check bool) int {
	return runUnits(stdout, stderr, tplPath, dataPath, "", out, check)
}

// runUnits renders (or checks) the period file dataPath, or, with unitsDir, the parent
// report of the own file dataPath and the units of unitsDir, through the template at
// tplPath or, when it is empty, the standard template of the unit.
func runUnits(stdout, stderr io.Writer, tplPath, dataPath, unitsDir, out string, check bool) int {
	return runWith(stdout, stderr, ansinh.Loader{}, tplPath, dataPath, unitsDir, out, check)
}

// runWith is runUnits loading the period files with l.
func runWith(stdout, stderr io.Writer, l ansinh.Loader, tplPath, dataPath, unitsDir, out string, check bool) int {
	report, data, err := load(stderr, l, dataPath, unitsDir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	var tpl *render.Template
	if tplPath == "" {
		tpl, err = mau.For(report.Unit, report.Period)
	} else {
		tpl, err = ansinh.ParseTemplateFile(tplPath)
	}
	if err != nil {
		printErr(stderr, err)
		return 1
	}
	data["bieu_do"] = chart.ForReport(report) // {{image .bieu_do.ke_hoach 16}}
	if check {
		return checkTemplate(stdout, tpl, data)
	}
	for _, f := range report.Validate() {
		fmt.Fprintln(stderr, f)
	}
	if err := tpl.ExecuteFile(out, data); err != nil {
		printErr(stderr, err)
		return 1
	}
	fmt.Fprintf(stderr, "đã ghi %s\n", out)
	return 0
}

// load reads the period file, or the parent's own file and its units' files.
func load(stderr io.Writer, l ansinh.Loader, dataPath, unitsDir string) (*ansinh.Report, map[string]any, error) {
	if unitsDir == "" {
		r, err := l.LoadFile(dataPath)
		if err != nil {
			return nil, nil, err
		}
		return r, r.Data(), nil
	}
	own, err := ansinh.LoadOwnFile(dataPath)
	if err != nil {
		return nil, nil, err
	}
	var units []*ansinh.Report
	err = l.LoadDir(unitsDir, func(path string, r *ansinh.Report, err error) error {
		if err != nil {
			return err
		}
		if fs := r.Validate(); fs.HasErrors() {
			return fmt.Errorf("%s: %s", path, fs.Errors())
		}
		units = append(units, r)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	ro, err := ansinh.ParentReport(own, units...)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range ro.Findings {
		fmt.Fprintf(stderr, "tổng hợp: %s\n", f)
	}
	return ro.Report, ro.Data(), nil
}

func checkTemplate(stdout io.Writer, tpl *render.Template, data any) int {
	missing := map[string]bool{}
	var errs render.Errors
	if err := tpl.Check(data); errors.As(err, &errs) {
		for _, e := range errs {
			missing[e.Tag] = true
		}
	}
	for _, u := range tpl.Uses() {
		mark := "  "
		if missing[u.Name] {
			mark = "✗ "
		}
		fmt.Fprintf(stdout, "%s%s %s\n", mark, u.Kind, u.Name)
		for _, w := range u.Where {
			fmt.Fprintf(stdout, "      %s, đoạn %d: %s\n", w.Part, w.Paragraph, w.Text)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(stdout, "\nDữ liệu thiếu %d mục (✗).\n", len(missing))
		return 1
	}
	fmt.Fprintln(stdout, "\nDữ liệu có đủ mọi mục mẫu cần.")
	return 0
}

// printErr prints each error of a template on its own line.
func printErr(w io.Writer, err error) {
	var errs render.Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Fprintln(w, e)
		}
		return
	}
	fmt.Fprintln(w, err)
}
