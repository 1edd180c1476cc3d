package diag

import (
	"context"
	"fmt"
	"io/fs"
	"testing"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/ansinh/mau"
	"github.com/ansinh-vn/baocao/render/office"
)

// TestOtherMessages: the errors without a place of their own get a kind and a message
// from their kind, wrapped as the library wraps them.
func TestOtherMessages(t *testing.T) {
	for _, c := range []struct {
		err  error
		kind string
		msg  string
	}{
		{ansinh.ErrDuplicateUnit, "duplicate_unit", "một đơn vị trực thuộc có hai tệp: bỏ bớt một tệp"},
		{ansinh.ErrNotChild, "not_child", "một tệp là của đơn vị không trực thuộc đơn vị cấp trên: kiểm tra don_vi.cap_tren, hoặc bỏ tệp đó ra"},
		{ansinh.ErrPeriodMismatch, "unit_period", "một tệp đơn vị trực thuộc là của kỳ báo cáo khác: mọi tệp phải cùng kỳ (ky) với tệp của đơn vị cấp trên"},
		{ansinh.ErrOverflow, "overflow", "tổng cộng vượt quá số lớn nhất có thể ghi: kiểm tra các số liệu quá lớn"},
		{ansinh.ErrOwnMismatch, "own_mismatch", "tệp của đơn vị cấp trên không cùng đơn vị hoặc cùng kỳ với các tệp đơn vị trực thuộc: kiểm tra don_vi và ky của các tệp"},
		{ansinh.ErrPreviousPeriod, "previous_period", "tệp cùng kỳ năm trước không đúng kỳ: cần tệp của cùng kỳ năm trước (ví dụ 6 tháng đầu năm 2022 cho 6 tháng đầu năm 2023)"},
		{ansinh.ErrPreviousUnit, "previous_unit", "tệp cùng kỳ năm trước là của đơn vị khác: chọn tệp của chính đơn vị này"},
		{ansinh.ErrPlanYear, "plan_year", "tệp kế hoạch là của năm khác: chọn kế hoạch của năm báo cáo"},
		{ansinh.ErrPlanUnit, "plan_unit", "tệp kế hoạch là của đơn vị khác: chọn kế hoạch của chính đơn vị này"},
		{mau.ErrNoTemplate, "no_standard_template", "không có mẫu chuẩn cho đơn vị và kỳ báo cáo này (cấp huyện không còn từ 01/7/2025, hoặc kỳ báo cáo sai): kiểm tra don_vi.cap và ky, hoặc dùng mẫu riêng"},
		{office.ErrNotInstalled, "no_libreoffice", "máy chưa cài LibreOffice nên không tạo được PDF: cài LibreOffice, hoặc tạo tệp .docx rồi lưu thành PDF trong Word"},
		{fs.ErrNotExist, "not_found", "không tìm thấy tệp: kiểm tra lại tên và thư mục của tệp"},
		{context.DeadlineExceeded, "timeout", "quá thời gian cho phép: thử lại, hoặc chia báo cáo thành nhiều phần"},
	} {
		es := FromError(fmt.Errorf("báo cáo của huyện Tây Sơn: %w", c.err))
		if len(es) != 1 || es[0].Kind != c.kind || es[0].Message != c.msg || es[0].Severity != SeverityError {
			t.Errorf("%v: %+v", c.err, es)
		}
	}
}
