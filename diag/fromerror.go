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
	switch e := err.(type) {
	case render.Errors:
		for _, x := range e {
			c.out = append(c.out, c.renderEntry(x))
		}
		return
	case ansinh.LoadErrors:
		for _, x := range e {
			c.out = append(c.out, loadEntry(x))
		}
		return
	}
	if errs, ok := err.(interface{ Unwrap() []error }); ok && !hasKind(errs.Unwrap()) {
		for _, x := range errs.Unwrap() { // errors.Join
			c.add(x)
		}
		return
	}
	var (
		res render.Errors
		les ansinh.LoadErrors
		re  *render.Error
		le  *ansinh.LoadError
		fe  *ansinh.FindingsError
		de  *docformat.Error
	)
	switch {
	case errors.As(err, &res):
		c.add(res)
	case errors.As(err, &les):
		c.add(les)
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

// hasKind reports whether one of errs is a kind (a sentinel) rather than a problem of
// its own: fmt.Errorf("%w: %w", render.ErrXML, cause) is one problem, errors.Join(a, b)
// two.
func hasKind(errs []error) bool {
	for _, e := range errs {
		for _, k := range renderKinds {
			if e == k.kind {
				return true
			}
		}
	}
	return false
}
