package web

import (
	"context"
	"errors"
)

// jobBackend runs the work through package job.
type jobBackend struct{}

var errNotWired = errors.New("web: package job is not wired yet")

func (jobBackend) render(ctx context.Context, f *form) (result, error) { return result{}, errNotWired }
func (jobBackend) check(ctx context.Context, f *form) (result, error)  { return result{}, errNotWired }
