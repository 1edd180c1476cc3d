// Package diag turns every error and finding of this module into entries a clerk can
// act on: a Vietnamese message that says what is wrong, where (the file, line and
// column of a period file; the part of the Word template in words, the paragraph's text
// to find with Ctrl+F, and for a table cell its table, row and column) and what to do.
//
// The entries are built from the structure of the errors (render.Error's kind, location,
// tag, name and path; ansinh.LoadError's file, line, column and path; the findings of
// Validate), never by reading their English text. The command baocao prints them with
// [Entry.String]; the web API returns them as JSON.
package diag

import (
	"fmt"
	"strings"
)

// Severities of an Entry.
const (
	SeverityError   = "error"   // the report cannot be made until it is fixed
	SeverityWarning = "warning" // the report can go out, but a clerk should look
)

// Entry is one located problem with its Vietnamese message. Kind is a stable code for
// programs ("missing_key", "unclosed", "yaml", a finding's code…); the other fields
// place it: File, Line and Column in a period file; Part (in words: "thân văn bản",
// "đầu trang", "chân trang", "chú thích", "chú thích cuối"), Paragraph (1-based, as
// render counts them), Table, Row and Cell (1-based, 0 outside a table) and Text (the
// paragraph's text) in a template. Tag is the tag as written, Path the data path.
type Entry struct {
	Kind      string `json:"kind"`
	Severity  string `json:"severity"`
	File      string `json:"file,omitempty"`
	Line      int    `json:"line,omitempty"`
	Column    int    `json:"column,omitempty"`
	Part      string `json:"part,omitempty"`
	Paragraph int    `json:"paragraph,omitempty"`
	Table     int    `json:"table,omitempty"`
	Row       int    `json:"row,omitempty"`
	Cell      int    `json:"cell,omitempty"`
	Text      string `json:"text,omitempty"`
	Tag       string `json:"tag,omitempty"`
	Path      string `json:"path,omitempty"`
	Message   string `json:"message"`
}

// Where describes the place of the entry in Vietnamese: "tệp ky.yaml, dòng 3, cột 5",
// "mẫu mau.docx, thân văn bản, bảng 1, hàng 2, cột 3, đoạn «Tổng số thẻ …»"; "" when
// the entry has no place.
func (e Entry) Where() string {
	var parts []string
	if e.File != "" {
		parts = append(parts, "tệp "+e.File)
	}
	if e.Line > 0 {
		parts = append(parts, fmt.Sprintf("dòng %d", e.Line))
		if e.Column > 0 {
			parts = append(parts, fmt.Sprintf("cột %d", e.Column))
		}
	}
	if e.Part != "" {
		parts = append(parts, e.Part)
	}
	if e.Table > 0 {
		parts = append(parts, fmt.Sprintf("bảng %d, hàng %d, cột %d", e.Table, e.Row, e.Cell))
	}
	if e.Text != "" {
		parts = append(parts, "đoạn «"+e.Text+"»")
	} else if e.Paragraph > 0 {
		parts = append(parts, fmt.Sprintf("đoạn thứ %d", e.Paragraph))
	}
	return strings.Join(parts, ", ")
}

// String is the entry on one line: its severity in Vietnamese, its place and its
// message: "lỗi: tệp ky.yaml, dòng 3, cột 5: …".
func (e Entry) String() string {
	sev := "lỗi"
	if e.Severity == SeverityWarning {
		sev = "cảnh báo"
	}
	if w := e.Where(); w != "" {
		return sev + ": " + w + ": " + e.Message
	}
	return sev + ": " + e.Message
}

// HasErrors reports whether any entry has severity SeverityError.
func HasErrors(es []Entry) bool {
	for _, e := range es {
		if e.Severity == SeverityError {
			return true
		}
	}
	return false
}
