// Command tayson rebuilds the reference report, the 2023 half-year social-security report
// of Tây Sơn district, from its period data and the Word template:
//
//	go run ./examples/tayson -data testdata/tayson-2023-h1.yaml -o out.docx
//
// It loads and validates the data, prints every finding to standard error, and writes the
// report. It exits 1 when the data has errors (warnings are printed but do not stop it),
// and never leaves a half-written output file.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/render"
)

func main() {
	data := flag.String("data", "testdata/tayson-2023-h1.yaml", "period data (YAML)")
	tpl := flag.String("template", "testdata/tayson/template.docx", "Word template")
	out := flag.String("o", "baocao-tayson-2023-h1.docx", "output .docx")
	flag.Parse()
	os.Exit(run(os.Stderr, *data, *tpl, *out))
}

// run does the work and returns the exit code.
func run(stderr io.Writer, dataPath, tplPath, out string) int {
	report, err := ansinh.LoadFile(dataPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	findings := report.Validate()
	for _, f := range findings {
		fmt.Fprintln(stderr, f)
	}
	if findings.HasErrors() {
		fmt.Fprintf(stderr, "%s: %d lỗi, không lập báo cáo\n", dataPath, len(findings.Errors()))
		return 1
	}
	tpl, err := render.New(tplPath).Funcs(ansinh.Funcs()).ParseFile(tplPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := tpl.ExecuteFile(out, report.Data()); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stderr, "đã ghi %s\n", out)
	return 0
}
