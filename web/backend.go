package web

import (
	"context"

	"github.com/ansinh-vn/baocao/diag"
)

// entry is one located problem or finding with its Vietnamese message, as package diag
// builds it and the API returns it.
type entry = diag.Entry

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
