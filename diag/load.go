package diag

import "github.com/ansinh-vn/baocao/ansinh"

// loadEntry gives a problem of a period or plan file its place. The loader's message
// is Vietnamese already and says what to do.
func loadEntry(e *ansinh.LoadError) Entry {
	return Entry{
		Kind:     "data",
		Severity: SeverityError,
		File:     e.File,
		Line:     e.Line,
		Column:   e.Column,
		Path:     e.Path,
		Message:  e.Msg,
	}
}
