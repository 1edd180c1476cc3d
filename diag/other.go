package diag

import (
	"context"
	"errors"
	"io/fs"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/ansinh/mau"
	"github.com/ansinh-vn/baocao/internal/docformat"
	"github.com/ansinh-vn/baocao/render"
	"github.com/ansinh-vn/baocao/render/office"
)

func formatEntry(e *docformat.Error) Entry {
	what := map[string]string{
		docformat.ODT: "tệp OpenDocument (.odt)",
		docformat.DOC: "tệp Word 97–2003 (.doc)",
		docformat.PDF: "tệp PDF",
		docformat.RTF: "tệp RTF",
	}[e.Format]
	return Entry{Kind: "not_docx", Severity: SeverityError, File: e.File,
		Message: "mẫu là " + what + ", không phải tệp Word (.docx): mở mẫu trong Word hoặc LibreOffice và lưu mẫu dưới dạng Word (.docx) (Tệp > Lưu thành > Tài liệu Word)"}
}

// otherEntry describes an error that has no structure of its own, by its kind.
func otherEntry(err error) Entry {
	e := Entry{Kind: "other", Severity: SeverityError}
	switch {
	case errors.Is(err, render.ErrPackage):
		e.Kind, e.Message = "package", packageMessage
	case errors.Is(err, render.ErrXML):
		e.Kind, e.Message = "xml", xmlMessage
	case errors.Is(err, context.DeadlineExceeded):
		e.Kind, e.Message = "timeout", "quá thời gian cho phép: thử lại, hoặc chia báo cáo thành nhiều phần"
	case errors.Is(err, context.Canceled):
		e.Kind, e.Message = "canceled", "đã dừng theo yêu cầu"
	case errors.Is(err, fs.ErrNotExist):
		e.Kind, e.Message = "not_found", "không tìm thấy tệp: kiểm tra lại tên và thư mục của tệp"
	case errors.Is(err, mau.ErrNoTemplate):
		e.Kind, e.Message = "no_standard_template", "không có mẫu chuẩn cho đơn vị và kỳ báo cáo này (cấp huyện không còn từ 01/7/2025, hoặc kỳ báo cáo sai): kiểm tra don_vi.cap và ky, hoặc dùng mẫu riêng"
	case errors.Is(err, ansinh.ErrOwnMismatch):
		e.Kind, e.Message = "own_mismatch", "tệp của đơn vị cấp trên không cùng đơn vị hoặc cùng kỳ với các tệp đơn vị trực thuộc: kiểm tra don_vi và ky của các tệp"
	case errors.Is(err, ansinh.ErrPreviousPeriod):
		e.Kind, e.Message = "previous_period", "tệp cùng kỳ năm trước không đúng kỳ: cần tệp của cùng kỳ năm trước (ví dụ 6 tháng đầu năm 2022 cho 6 tháng đầu năm 2023)"
	case errors.Is(err, ansinh.ErrPreviousUnit):
		e.Kind, e.Message = "previous_unit", "tệp cùng kỳ năm trước là của đơn vị khác: chọn tệp của chính đơn vị này"
	case errors.Is(err, ansinh.ErrPlanYear):
		e.Kind, e.Message = "plan_year", "tệp kế hoạch là của năm khác: chọn kế hoạch của năm báo cáo"
	case errors.Is(err, ansinh.ErrPlanUnit):
		e.Kind, e.Message = "plan_unit", "tệp kế hoạch là của đơn vị khác: chọn kế hoạch của chính đơn vị này"
	case errors.Is(err, ansinh.ErrPeriodMismatch):
		e.Kind, e.Message = "unit_period", "một tệp đơn vị trực thuộc là của kỳ báo cáo khác: mọi tệp phải cùng kỳ (ky) với tệp của đơn vị cấp trên"
	case errors.Is(err, ansinh.ErrDuplicateUnit):
		e.Kind, e.Message = "duplicate_unit", "một đơn vị trực thuộc có hai tệp: bỏ bớt một tệp"
	case errors.Is(err, ansinh.ErrNotChild):
		e.Kind, e.Message = "not_child", "một tệp là của đơn vị không trực thuộc đơn vị cấp trên: kiểm tra don_vi.cap_tren, hoặc bỏ tệp đó ra"
	case errors.Is(err, ansinh.ErrOverflow):
		e.Kind, e.Message = "overflow", "tổng cộng vượt quá số lớn nhất có thể ghi: kiểm tra các số liệu quá lớn"
	case errors.Is(err, office.ErrNotInstalled):
		e.Kind, e.Message = "no_libreoffice", "máy chưa cài LibreOffice nên không tạo được PDF: cài LibreOffice, hoặc tạo tệp .docx rồi lưu thành PDF trong Word"
	default:
		e.Message = "lỗi không xác định: " + err.Error()
	}
	return e
}
