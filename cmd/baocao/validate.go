package main

import (
	"fmt"

	"github.com/ansinh-vn/baocao/diag"
	"github.com/ansinh-vn/baocao/job"
)

func runValidate(e env) int {
	f := newFlags("validate", "baocao validate F.yaml [F2.yaml …]",
		"Kiểm tra từng tệp số liệu: lỗi (phải sửa trước khi làm báo cáo) và cảnh báo (nên xem lại).")
	if code := f.parse(e); code >= 0 {
		return code
	}
	if f.NArg() == 0 {
		return f.usageError(e, "thiếu tên tệp số liệu (.yaml)")
	}
	lim := job.DefaultLimits()
	code := exitOK
	for _, path := range f.Args() {
		file, fe := readFile(path, lim.MaxDataSize)
		if fe != nil {
			printReport(e.stdout, []diag.Entry{*fe}, nil)
			code = exitProblems
			continue
		}
		res, err := job.Validate(*file, lim)
		printReport(e.stdout, res.Errors, res.Findings)
		switch {
		case err != nil:
			code = exitProblems
			fmt.Fprintf(e.stdout, "%s: có lỗi, cần sửa trước khi làm báo cáo.\n", path)
		case len(res.Findings) > 0:
			fmt.Fprintf(e.stdout, "%s: dùng được, nên xem lại các cảnh báo.\n", path)
		default:
			fmt.Fprintf(e.stdout, "%s: không có lỗi.\n", path)
		}
	}
	return code
}
