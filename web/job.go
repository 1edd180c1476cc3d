package web

import (
	"context"
	"errors"

	"github.com/ansinh-vn/baocao/job"
)

// jobBackend does the work through package job, the orchestration the command baocao
// shares: the handler adds no rule of its own.
type jobBackend struct{}

func (jobBackend) render(ctx context.Context, f *form) (result, error) {
	res, err := job.Render(ctx, f.request())
	return fromJob(ctx, res, err)
}

func (jobBackend) check(ctx context.Context, f *form) (result, error) {
	res, err := job.Check(ctx, f.request())
	return fromJob(ctx, res, err)
}

// request maps the form's fields onto job's: the first data file is the period file
// (for a parent report, the parent's own file), the others its units' files.
func (f *form) request() job.Request {
	req := job.Request{
		Template: jobFile(f.Template), Catalog: jobFile(f.Catalog),
		Previous: jobFile(f.Previous), Plan: jobFile(f.Plan),
		PDF: f.Format == "pdf",
	}
	if len(f.Data) > 0 {
		req.Data = jobFile(&f.Data[0])
		for _, u := range f.Data[1:] {
			req.Units = append(req.Units, job.File{Name: u.Name, Data: u.Body})
		}
	}
	return req
}

func jobFile(u *upload) *job.File {
	if u == nil {
		return nil
	}
	return &job.File{Name: u.Name, Data: u.Body}
}

// fromJob keeps job's answer; an error other than job.ErrInvalid (the inputs have
// problems, listed in Errors), or any error once ctx has ended, is the backend's own.
func fromJob(ctx context.Context, res *job.Result, err error) (result, error) {
	if ctx.Err() != nil {
		return result{}, ctx.Err()
	}
	if err != nil && (!errors.Is(err, job.ErrInvalid) || res == nil) {
		return result{}, err
	}
	return result{Document: res.Document, Name: res.FileName, ContentType: res.ContentType,
		Errors: res.Errors, Findings: res.Findings}, nil
}
