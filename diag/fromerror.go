package diag

import (
	"errors"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/internal/docformat"
	"github.com/ansinh-vn/baocao/render"
)

// FromError gives the entries of any error of this module: every render.Error of a
// template (render.Errors gives one entry each), every ansinh.LoadError of a period or
// plan file, a template saved in another format than .docx, a report's findings
// (ansinh.FindingsError), and any other error as one entry of kind "other". Errors
// joined with errors.Join give the entries of each. nil gives nil.
func FromError(err error) []Entry {
	return FromErrorData(err, nil)
}

// FromErrorData is FromError for a template executed (or checked) with data: a
// missing key gets a "did you mean" from the keys data has at that place, besides the
// documented model's.
func FromErrorData(err error, data any) []Entry {
	if err == nil {
		return nil
	}
	c := converter{data: data}
	c.add(err)
	return dedupe(c.out)
}

// dedupe drops an entry equal to one before it (one mistake that the template reader
// reports twice, as a space in a name is), keeping the order.
func dedupe(es []Entry) []Entry {
	seen := make(map[Entry]bool, len(es))
	out := es[:0]
	for _, e := range es {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

type converter struct {
	data any
	out  []Entry
}

func (c *converter) add(err error) {
	var (
		re   *render.Error
		le   *ansinh.LoadError
		fe   *ansinh.FindingsError
		de   *docformat.Error
		errs interface{ Unwrap() []error }
	)
	switch {
	case errors.As(err, &errs) && !isLeaf(err):
		for _, e := range errs.Unwrap() {
			c.add(e)
		}
	case errors.As(err, &re):
		c.out = append(c.out, c.renderEntry(re))
	case errors.As(err, &le):
		c.out = append(c.out, loadEntry(le))
	case errors.As(err, &fe):
		c.out = append(c.out, FromFindings("", fe.Findings)...)
	case errors.As(err, &de):
		c.out = append(c.out, formatEntry(de))
	default:
		c.out = append(c.out, otherEntry(err))
	}
}

// isLeaf reports whether err is itself one of the errors a single entry describes
// (a render.Error unwraps into its kind and cause, which are not separate problems).
func isLeaf(err error) bool {
	switch err.(type) {
	case *render.Error, *ansinh.LoadError:
		return true
	}
	return false
}
