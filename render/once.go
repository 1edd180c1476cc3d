package render

import (
	"context"
	"fmt"
	"io"
)

// Render parses the .docx package docx, as Parse does, and executes the template with
// data, as ExecuteContext does, writing the document to w: the call for a template used
// once, such as one uploaded with each request. On a machine with more than one core it
// is quicker than the two calls, as the parts that hold tags are executed while the
// other parts are still being checked.
//
// The errors are those the two calls return, Parse's first; nothing is written to w
// unless both succeed. Afterwards t is parsed, and may be executed again.
func (t *Template) Render(ctx context.Context, w io.Writer, docx []byte, data any) error {
	var early *earlyOutput
	err := t.parse(docx, func(templated []*pkgPart) {
		// Pictures need every relationship of the package, which may not be read yet:
		// such templates are executed once parsed.
		if !t.placesImages(templated) {
			early = t.executeEarly(ctx, templated, data)
		}
	})
	if early != nil {
		defer early.release()
	}
	if err != nil {
		return err
	}
	if early == nil {
		return t.ExecuteContext(ctx, w, data)
	}
	if early.err != nil {
		return early.err
	}
	buf := getBuffer()
	defer putBuffer(buf)
	if err := writePackage(buf, t.parts, early.packs, nil, nil); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("render: writing %s: %w", t.name, err)
	}
	return nil
}

// earlyOutput is what Render executed before the package was wholly read: each part
// that holds tags executed and deflated, or the error that stopped execution.
type earlyOutput struct {
	packs packs
	err   error
}

// executeEarly executes the parts that hold tags among templated, as build does without
// pictures or comments, and deflates them.
func (t *Template) executeEarly(ctx context.Context, templated []*pkgPart, data any) (e *earlyOutput) {
	e = &earlyOutput{}
	defer func() {
		// As in build: no panic reaches the caller.
		if r := recover(); r != nil {
			e.err = &Error{Kind: ErrExec, Location: Location{Part: t.name}, Err: fmt.Errorf("panic: %v", r)}
		}
	}()
	out, err := t.executeParts(ctx, templated, data, nil, nil)
	if err == nil {
		e.packs, err = packAll(templated, out)
	}
	for _, b := range out {
		if b != nil {
			putBuffer(b)
		}
	}
	e.err = err
	return e
}

// release gives the deflated parts' buffers back to the pool.
func (e *earlyOutput) release() { e.packs.release() }
