package main

import (
	"fmt"
	"os"

	"github.com/ansinh-vn/baocao/ansinh/mau"
)

func runTemplates(e env) int {
	f := newFlags("templates", "baocao templates [TÊN.docx [-o RA.docx]]",
		"Không có tên: liệt kê các mẫu chuẩn. Có tên: chép mẫu đó ra (vào thư mục hiện tại, hoặc -o)\nđể sửa trong Word; rồi dùng nó với baocao render -template.")
	out := f.String("o", "", "tệp sẽ ghi; bỏ trống: cùng tên mẫu, trong thư mục hiện tại")
	if code := f.parse(e); code >= 0 {
		return code
	}
	switch f.NArg() {
	case 0:
		fmt.Fprintln(e.stdout, "Các mẫu chuẩn:")
		for _, s := range mau.List() {
			fmt.Fprintf(e.stdout, "  %-11s %s\n", s.File, s.Levels)
		}
		fmt.Fprintln(e.stdout, "\nChép một mẫu ra để sửa: baocao templates xa.docx")
		return exitOK
	case 1:
	default:
		return f.usageError(e, "chỉ chép một mẫu mỗi lần")
	}
	name := f.Arg(0)
	b, err := mau.Bytes(name)
	if err != nil {
		fmt.Fprintf(e.stderr, "lỗi: không có mẫu chuẩn %q: xem danh sách bằng baocao templates\n", name)
		return exitProblems
	}
	path := *out
	if path == "" {
		path = name
	}
	if _, err := os.Stat(path); err == nil {
		fmt.Fprintf(e.stderr, "lỗi: tệp %s đã có: chọn tên khác bằng -o, để không ghi đè mẫu đã sửa\n", path)
		return exitProblems
	}
	if err := writeFile(path, b); err != nil {
		return writeFailed(e, path)
	}
	fmt.Fprintf(e.stderr, "Đã chép mẫu %s ra %s.\n", name, path)
	return exitOK
}
