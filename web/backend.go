package web

import "context"

// entry is one located problem or finding, in Vietnamese, as package diag builds it.
type entry struct {
	Kind      string `json:"kind,omitempty"`
	Severity  string `json:"severity,omitempty"`
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

// result is what a render or a check gives the handler.
type result struct {
	Document    []byte // the rendered document (render only)
	Name        string // its file name, Vietnamese letters kept
	ContentType string
	Errors      []entry // problems that stop the render
	Findings    []entry // warnings and other findings
}

// backend does the work of the API; the handler adds no rule of its own. It returns an
// error only when it could not work at all (its context ended, an internal failure).
type backend interface {
	render(ctx context.Context, f *form) (result, error)
	check(ctx context.Context, f *form) (result, error)
}
