package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/ansinh-vn/baocao/diag"
	"github.com/ansinh-vn/baocao/job"
)

// inputs are the flags render and check share.
type inputs struct {
	data, template, units, previous, plan, catalog *string
}

func inputFlags(f *flagSet) inputs {
	return inputs{
		data:     f.String("data", "", "tệp số liệu của kỳ báo cáo (.yaml); với -units, tệp riêng của đơn vị cấp trên"),
		template: f.String("template", "", "mẫu Word (.docx); bỏ trống: mẫu chuẩn của cấp đơn vị và kỳ báo cáo"),
		units:    f.String("units", "", "thư mục các tệp số liệu của đơn vị trực thuộc: làm báo cáo tổng hợp của -data"),
		previous: f.String("previous", "", "tệp số liệu cùng kỳ năm trước (.yaml), để so sánh"),
		plan:     f.String("plan", "", "tệp kế hoạch của năm (.yaml)"),
		catalog:  f.String("catalog", "", "tệp danh mục chỉ tiêu bổ sung (.yaml)"),
	}
}

// request reads the files the flags name; the entries are the files that cannot be
// read.
func (in inputs) request() (job.Request, []diag.Entry) {
	lim := job.DefaultLimits()
	var errs []diag.Entry
	req := job.Request{
		Data:     optional(*in.data, lim.MaxDataSize, &errs),
		Template: optional(*in.template, lim.MaxTemplateSize, &errs),
		Previous: optional(*in.previous, lim.MaxDataSize, &errs),
		Plan:     optional(*in.plan, lim.MaxDataSize, &errs),
		Catalog:  optional(*in.catalog, lim.MaxDataSize, &errs),
	}
	if *in.units != "" {
		req.Units = readUnits(*in.units, lim, &errs)
	}
	return req, errs
}

func runRender(e env) int {
	f := newFlags("render", "baocao render -data F.yaml [-template T.docx] [-units THƯ_MỤC] [-previous P.yaml] [-plan K.yaml] [-catalog D.yaml] -o RA.docx [-pdf] [-review]",
		"Tạo báo cáo từ tệp số liệu và mẫu. Không có -template: dùng mẫu chuẩn của cấp đơn vị\n(xã, huyện, tỉnh) và kỳ báo cáo. Có -units: báo cáo tổng hợp của đơn vị cấp trên.\nBáo cáo chỉ được ghi khi không có lỗi; cảnh báo được in ra nhưng không ngăn báo cáo.")
	in := inputFlags(f)
	out := f.String("o", "", "tệp báo cáo sẽ ghi (.docx); bỏ trống: tên tệp số liệu với đuôi .docx, trong thư mục hiện tại")
	pdf := f.Bool("pdf", false, "ghi thêm bản PDF cạnh tệp .docx (cần cài LibreOffice)")
	review := f.Bool("review", false, "bản dự thảo để duyệt: mỗi cảnh báo về số liệu thành một ghi chú Word cạnh số liệu đó")
	if code := f.parse(e); code >= 0 {
		return code
	}
	if *in.data == "" {
		return f.usageError(e, "thiếu -data: tệp số liệu của kỳ báo cáo")
	}
	if f.NArg() > 0 {
		return f.usageError(e, "thừa "+strings.Join(f.Args(), " ")+": các tệp phải đi sau tuỳ chọn của nó (ví dụ -data ky.yaml)")
	}
	req, errs := in.request()
	if len(errs) > 0 {
		printReport(e.stderr, errs, nil)
		return exitProblems
	}
	req.PDF = *pdf
	req.Review = *review
	res, err := job.Render(e.ctx, req)
	printReport(e.stderr, res.Errors, res.Findings)
	if err != nil {
		fmt.Fprintln(e.stderr, "Không tạo được báo cáo: sửa các lỗi trên rồi chạy lại.")
		return exitProblems
	}
	path := *out
	if path == "" {
		path = strings.TrimSuffix(res.FileName, filepath.Ext(res.FileName)) + ".docx"
	}
	if err := writeFile(path, res.Docx); err != nil {
		return writeFailed(e, path)
	}
	fmt.Fprintf(e.stderr, "Đã ghi %s.\n", path)
	if *pdf {
		return writePDF(e, res, path)
	}
	return exitOK
}

// writePDF writes the PDF of the report beside the .docx at path.
func writePDF(e env, res *job.Result, path string) int {
	pdfPath := strings.TrimSuffix(path, filepath.Ext(path)) + ".pdf"
	if err := writeFile(pdfPath, res.Document); err != nil {
		return writeFailed(e, pdfPath)
	}
	fmt.Fprintf(e.stderr, "Đã ghi %s.\n", pdfPath)
	return exitOK
}
