package main

import (
	"fmt"

	"github.com/ansinh-vn/baocao/job"
)

func runCheck(e env) int {
	f := newFlags("check", "baocao check -template T.docx [-data F.yaml] [-units THƯ_MỤC] [-previous P.yaml] [-plan K.yaml]",
		"Kiểm tra mẫu: các lỗi của mẫu (thẻ viết sai, khối thiếu {{end}}…), rồi, có -data, thử điền\nmẫu với số liệu đó. Báo thành công (mã thoát 0) chỉ khi lệnh render với cùng các tệp chắc\nchắn tạo được báo cáo. Không có -template nhưng có -data: kiểm tra mẫu chuẩn.")
	in := inputFlags(f)
	if code := f.parse(e); code >= 0 {
		return code
	}
	if *in.template == "" && *in.data == "" {
		return f.usageError(e, "thiếu -template (mẫu cần kiểm tra) hoặc -data (tệp số liệu)")
	}
	req, errs := in.request()
	if len(errs) > 0 {
		printReport(e.stdout, errs, nil)
		return exitProblems
	}
	res, err := job.Check(e.ctx, req)
	printReport(e.stdout, res.Errors, res.Findings)
	switch {
	case err != nil:
		fmt.Fprintln(e.stdout, "Mẫu chưa dùng được: sửa các lỗi trên trong Word (tìm đoạn bằng Ctrl+F) rồi kiểm tra lại.")
		return exitProblems
	case req.Data == nil:
		fmt.Fprintln(e.stdout, "Mẫu không có lỗi. Kiểm tra thêm với tệp số liệu: baocao check -template "+*in.template+" -data ky.yaml")
	default:
		fmt.Fprintln(e.stdout, "Mẫu dùng được: lệnh render với các tệp này sẽ tạo được báo cáo.")
	}
	return exitOK
}
