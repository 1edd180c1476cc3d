package diag

import (
	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
)

// FromFindings gives one entry per finding of a report (ansinh.Report.Validate,
// SetPlan, a roll-up): Kind is the finding's code, Path its subject, Message its
// Vietnamese message; file names the period file the findings are about ("" if none).
func FromFindings(file string, fs ansinh.Findings) []Entry {
	out := make([]Entry, 0, len(fs))
	for _, f := range fs {
		sev := SeverityWarning
		if f.Severity == indicators.Error {
			sev = SeverityError
		}
		msg := f.Message
		if f.Subject != "" {
			msg = "mục " + f.Subject + ": " + msg
		}
		out = append(out, Entry{Kind: f.Code, Severity: sev, File: file, Path: f.Subject, Message: msg})
	}
	return out
}
