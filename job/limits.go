package job

import (
	"fmt"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/diag"
	"github.com/ansinh-vn/baocao/render"
)

// Limits bounds what one request may bring. The zero value of a field means its
// default, the Default* constant of the same name. The template's own limits (entries,
// sizes, tags, steps, output) are render's DefaultLimits.
type Limits struct {
	// MaxDataSize is the size in bytes of one YAML file (period, own, unit, previous,
	// plan); default DefaultMaxDataSize, the loader's own limit.
	MaxDataSize int64
	// MaxTemplateSize is the size in bytes of the template file; default
	// DefaultMaxTemplateSize.
	MaxTemplateSize int64
	// MaxUnits is the number of unit files of a parent report; default DefaultMaxUnits.
	MaxUnits int
	// MaxTotalSize is the size in bytes of all files together; default
	// DefaultMaxTotalSize.
	MaxTotalSize int64
}

// The defaults fit real reports many times over: the reference period file is 20 KB,
// the reference template 300 KB, and a province has at most a few hundred communes.
const (
	DefaultMaxDataSize     = ansinh.DefaultMaxFileSize  // what ansinh.Load reads
	DefaultMaxTemplateSize = render.DefaultMaxTotalSize // a package is never larger than its uncompressed parts
	DefaultMaxUnits        = 5000
	DefaultMaxTotalSize    = DefaultMaxTemplateSize + 64<<20
)

// DefaultLimits returns the limits of a Request whose Limits is the zero value.
func DefaultLimits() Limits { return Limits{}.withDefaults() }

func (l Limits) withDefaults() Limits {
	if l.MaxDataSize <= 0 {
		l.MaxDataSize = DefaultMaxDataSize
	}
	if l.MaxTemplateSize <= 0 {
		l.MaxTemplateSize = DefaultMaxTemplateSize
	}
	if l.MaxUnits <= 0 {
		l.MaxUnits = DefaultMaxUnits
	}
	if l.MaxTotalSize <= 0 {
		l.MaxTotalSize = DefaultMaxTotalSize
	}
	return l
}

// check gives an entry for each input over its limit.
func (l Limits) check(req Request) []diag.Entry {
	var out []diag.Entry
	var total int64
	yaml := func(f *File) {
		if f == nil {
			return
		}
		total += int64(len(f.Data))
		if int64(len(f.Data)) > l.MaxDataSize {
			out = append(out, tooLarge(f.Name, l.MaxDataSize))
		}
	}
	yaml(req.Data)
	yaml(req.Previous)
	yaml(req.Plan)
	yaml(req.Catalog)
	for i := range req.Units {
		yaml(&req.Units[i])
	}
	if len(req.Units) > l.MaxUnits {
		out = append(out, diag.Entry{Kind: "too_many_files", Severity: diag.SeverityError,
			Message: fmt.Sprintf("quá nhiều tệp đơn vị trực thuộc (%d, tối đa %d): chia báo cáo theo từng cấp", len(req.Units), l.MaxUnits)})
	}
	if t := req.Template; t != nil {
		total += int64(len(t.Data))
		if int64(len(t.Data)) > l.MaxTemplateSize {
			out = append(out, tooLarge(t.Name, l.MaxTemplateSize))
		}
	}
	if total > l.MaxTotalSize && len(out) == 0 {
		out = append(out, diag.Entry{Kind: "too_large", Severity: diag.SeverityError,
			Message: fmt.Sprintf("các tệp gửi lên quá lớn (tổng cộng tối đa %d MB)", l.MaxTotalSize>>20)})
	}
	return out
}

func tooLarge(name string, max int64) diag.Entry {
	return diag.Entry{Kind: "too_large", Severity: diag.SeverityError, File: name,
		Message: fmt.Sprintf("tệp quá lớn (tối đa %d MB): kiểm tra đã chọn đúng tệp", max>>20)}
}

// loader reads period and plan files under l (the own file of a parent report is read
// by ansinh.LoadOwn, under the loader's default size, which DefaultMaxDataSize is).
func loader(l Limits) ansinh.Loader {
	return ansinh.Loader{MaxFileSize: l.withDefaults().MaxDataSize}
}
