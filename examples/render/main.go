// Command render is the template author's tool: it renders any Word template with any
// period data, or checks a template against the data first.
//
//	go run ./examples/render -template mau.docx -data ky.yaml -o baocao.docx
//	go run ./examples/render -template mau.docx -data ky.yaml -check
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
	"github.com/ansinh-vn/baocao/render"
)

func main() {
	tpl := flag.String("template", "testdata/tayson/template.docx", "Word template (.docx)")
	data := flag.String("data", "testdata/tayson-2023-h1.yaml", "period data (YAML)")
	out := flag.String("o", "out.docx", "output .docx")
	check := flag.Bool("check", false, "list what the template uses and what the data lacks; write nothing")
	flag.Parse()
	os.Exit(run(os.Stdout, os.Stderr, *tpl, *data, *out, *check))
}

func run(stdout, stderr io.Writer, tplPath, dataPath, out string, check bool) int {
	tpl, err := render.New(tplPath).Funcs(ansinh.Funcs()).ParseFile(tplPath)
	if err != nil {
		printErr(stderr, err)
		return 1
	}
	report, err := ansinh.LoadFile(dataPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	data := report.Data()
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
