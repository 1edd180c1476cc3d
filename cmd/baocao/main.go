// Command baocao makes the social-security report of a commune, district or province
// from its period file (YAML) and a Word template, checks templates and period files,
// and copies out the standard templates to customise. Every message is Vietnamese and
// says where the problem is (the line of the period file; the paragraph of the
// template, as text to find with Ctrl+F) and what to do.
//
//	go install github.com/ansinh-vn/baocao/cmd/baocao@latest
//
//	baocao render -data ky.yaml -o baocao.docx          # the standard template of the unit
//	baocao render -data ky.yaml -template mau.docx -o baocao.docx -pdf
//	baocao render -data tinh.yaml -units don-vi/ -o baocao.docx   # a parent report
//	baocao check -template mau.docx -data ky.yaml       # exit 0 only when render would succeed
//	baocao validate ky.yaml …
//	baocao templates                                    # list; baocao templates xa.docx copies one out
//
// Exit status: 0 success; 1 the inputs have problems (each printed); 2 the command
// line is wrong.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
)

// Exit statuses.
const (
	exitOK       = 0
	exitProblems = 1 // the inputs have problems: each is printed
	exitUsage    = 2 // the command line is wrong
)

// env is what a subcommand works with: its arguments, the output streams, and a
// context that ends on Ctrl+C.
type env struct {
	ctx            context.Context
	args           []string
	stdout, stderr io.Writer
}

// command is one subcommand.
type command struct {
	name    string
	summary string // one line, Vietnamese
	run     func(e env) int
}

// commands is the table of subcommands, in the order help lists them. A subcommand in
// a file of its own (serve) is added here with one line.
func commands() []command {
	return []command{
		{"render", "tạo báo cáo (.docx, hoặc cả PDF) từ tệp số liệu và mẫu", runRender},
		{"check", "kiểm tra mẫu (và thử điền với tệp số liệu): chỉ báo thành công khi render chắc chắn được", runCheck},
		{"validate", "kiểm tra tệp số liệu (.yaml): lỗi và cảnh báo của từng tệp", runValidate},
		{"templates", "liệt kê các mẫu chuẩn, và chép một mẫu ra để sửa", runTemplates},
		{"serve", "chạy trang web lập và kiểm tra báo cáo trong trình duyệt", runServe},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs the command line args (without the program name).
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		if len(args) > 1 {
			return run(ctx, []string{args[1], "-h"}, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(env{ctx: ctx, args: args[1:], stdout: stdout, stderr: stderr})
		}
	}
	fmt.Fprintf(stderr, "baocao: không có lệnh %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "baocao: báo cáo an sinh xã hội từ tệp số liệu (.yaml) và mẫu Word (.docx)")
	fmt.Fprintln(w, "\nCách dùng: baocao <lệnh> [tuỳ chọn]\n\nCác lệnh:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nXem tuỳ chọn của một lệnh: baocao help <lệnh>, ví dụ baocao help render")
	fmt.Fprintln(w, "\n"+strings.TrimSpace(`
Ví dụ:
  baocao render -data tayson-2023-h1.yaml -o baocao.docx
  baocao check -template mau.docx -data tayson-2023-h1.yaml
  baocao templates xa.docx`))
}
