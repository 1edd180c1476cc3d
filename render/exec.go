package render

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"text/template"

	"github.com/ansinh-vn/baocao/internal/atomicfile"
)

// Execute renders the template with data and writes the whole .docx package to w, as
// ExecuteContext does with a context that never ends.
func (t *Template) Execute(w io.Writer, data any) error {
	return t.ExecuteContext(context.Background(), w, data)
}

// ExecuteContext renders the template with data and writes the whole .docx package to w.
// Data may be any value text/template accepts: maps with string keys, structs, values
// with methods. Parts without tags are copied from the template byte for byte.
//
// Execution stops with ErrLimit when ctx ends or when it goes over the template's
// Limits (MaxSteps, MaxOutput); the error names the tag that was running.
//
// Nothing is written to w unless rendering succeeds: the package is built in memory and
// written with one call. ExecuteContext is safe to call from many goroutines at once;
// the same template and data always give the same bytes.
func (t *Template) ExecuteContext(ctx context.Context, w io.Writer, data any) error {
	if !t.parsed {
		return fmt.Errorf("render: template %q is not parsed", t.name)
	}
	buf := getBuffer()
	defer putBuffer(buf)
	if err := t.build(ctx, buf, data, nil); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("render: writing %s: %w", t.name, err)
	}
	return nil
}

func getBuffer() *bytes.Buffer {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	return buf
}

// putBuffer returns a buffer to the pool, unless it grew too large to keep.
func putBuffer(buf *bytes.Buffer) {
	if buf.Cap() <= 64<<20 {
		bufPool.Put(buf)
	}
}

// build renders the package into buf, in stages: execute every part that holds tags
// (placing pictures, if the template does), write the comments of a review (rv not nil;
// see review.go), then write the package, extending the content types and relationships
// with the pictures placed and the comments.
func (t *Template) build(ctx context.Context, buf *bytes.Buffer, data any, rv *Review) (err error) {
	defer func() {
		// text/template recovers panics in functions; this is for anything else, so
		// that no panic ever reaches the caller.
		if r := recover(); r != nil {
			err = &Error{Kind: ErrExec, Location: Location{Part: t.name}, Err: fmt.Errorf("panic: %v", r)}
		}
	}()
	var pics *imageState
	if t.images {
		pics = newImageState(t.parts)
	}
	var rs *reviewState
	if rv != nil {
		rs = newReviewState(t, *rv)
	}
	out, err := t.executeParts(ctx, t.parts, data, pics, rs)
	defer func() {
		for _, b := range out {
			if b != nil {
				putBuffer(b)
			}
		}
	}()
	if err != nil {
		return err
	}
	if err := rs.annotate(out); err != nil {
		return err
	}
	ps, err := packAll(t.parts, out)
	if err != nil {
		return err
	}
	defer ps.release()
	return writePackage(buf, t.parts, ps, pics, rs)
}

// executeParts executes every one of parts that holds tags, in order, under one budget.
// out[i] is parts[i]'s output, nil for parts copied as they are.
func (t *Template) executeParts(ctx context.Context, parts []*pkgPart, data any, pics *imageState, rs *reviewState) ([]*bytes.Buffer, error) {
	b := newBudget(ctx, t.limits)
	if err := b.checkContext(); err != nil {
		b.err.Location = Location{Part: t.name}
		return nil, b.err
	}
	out := make([]*bytes.Buffer, len(parts))
	for i, p := range parts {
		if p.tmpl == nil {
			continue
		}
		tm := p.tmpl.tmpl
		if rs != nil {
			tm = rs.bind(i, p)
		}
		if pics != nil {
			var err error
			if tm, err = pics.bind(tm, p.hdr.Name, p.tmpl.comp.prefix); err != nil {
				return out, fmt.Errorf("render: %s: %w", p.hdr.Name, err)
			}
		}
		out[i] = getBuffer()
		if err := p.tmpl.execute(tm, out[i], data, b); err != nil {
			return out, err
		}
	}
	return out, nil
}

// writePackage writes the package: the rendered parts (ps), the untouched ones as they
// are stored, and the pictures with their relationships and content types.
func writePackage(buf *bytes.Buffer, parts []*pkgPart, ps packs, pics *imageState, rs *reviewState) error {
	zw := zip.NewWriter(buf)
	zw.RegisterCompressor(zip.Deflate, fastDeflate)
	hasRels := map[string]bool{}
	for _, p := range parts {
		name := p.hdr.Name
		var body []byte
		switch {
		case ps[p] != nil:
			if err := writePacked(zw, p, ps[p]); err != nil {
				return err
			}
			continue
		case pics.extends(name) || rs.extends(name):
			hasRels[name] = true
			body = rs.extend(name, extendPictures(pics, name, p.meta))
		default:
			if err := copyRaw(zw, p); err != nil {
				return fmt.Errorf("render: %s: %w", name, err)
			}
			continue
		}
		if err := writeEntry(zw, p, body); err != nil {
			return err
		}
	}
	if err := pics.writeNew(zw, parts, hasRels); err != nil {
		return err
	}
	if err := rs.writeNew(zw, hasRels); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return nil
}

// writeEntry writes a part the template extends (relationships, content types).
func writeEntry(zw *zip.Writer, p *pkgPart, body []byte) error {
	w, err := createRendered(zw, p)
	if err != nil {
		return fmt.Errorf("render: %s: %w", p.hdr.Name, err)
	}
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("render: %s: %w", p.hdr.Name, err)
	}
	return nil
}

// execError turns text/template's error, whose position is in the generated source,
// into one that names the Word paragraph. The kind and the missing key come from the
// message's words, which TestExecMessagesPinned pins for the running Go release.
func (pt *partTemplate) execError(err error) error {
	e := &Error{Kind: ErrExec, Location: Location{Part: pt.comp.part}, Err: err}
	var ee template.ExecError
	if !errors.As(err, &ee) {
		return e
	}
	m := execErrorText.FindStringSubmatch(ee.Err.Error())
	if m == nil {
		return e
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	msg := m[5]
	if a := pt.locate(line, col); a != nil {
		e.Location, e.Tag = a.location(), a.text
	}
	if isMissingKey(msg) {
		e.Kind = ErrMissingKey
		if k := missingKeyName.FindStringSubmatch(msg); k != nil {
			e.Name = k[1] + k[2] + k[3] // one group matches
		}
		e.Path = m[4]
	}
	e.Err = plainError(msg)
	return e
}

// execute runs tm, the part's template or a clone of it bound to this execution's
// pictures, into w under the budget b.
func (pt *partTemplate) execute(tm *template.Template, w *bytes.Buffer, data any, b *budget) error {
	b.w, b.last = w, nil
	if err := tm.Execute(b, data); err != nil {
		if b.err != nil {
			return b.located(pt)
		}
		return pt.execError(err)
	}
	if pt.comp.fixTables {
		fixed := fixTables(w.Bytes(), pt.comp.prefix)
		w.Reset()
		w.Write(fixed)
	}
	return nil
}

// partOfRels is the part a relationships part belongs to: word/_rels/document.xml.rels →
// word/document.xml.
func partOfRels(rels string) string {
	dir, file := path.Split(rels)
	return strings.TrimSuffix(dir, "_rels/") + strings.TrimSuffix(file, ".rels")
}

// fixTables repairs what loops and conditions can leave of a table: a cell without a
// paragraph gets an empty one, and a table without rows is removed. Word refuses both.
func fixTables(x []byte, prefix string) []byte {
	tag := func(name string) []byte { return []byte("<" + prefix + ":" + name) }
	openTbl, closeTbl := tag("tbl"), []byte("</"+prefix+":tbl>")
	openTr, openTc, openP := tag("tr"), tag("tc"), tag("p")
	closeTc := []byte("</" + prefix + ":tc>")
	isOpen := func(rest, name []byte) bool {
		if !bytes.HasPrefix(rest, name) || len(rest) == len(name) {
			return false
		}
		c := rest[len(name)]
		return c == '>' || c == ' ' || c == '/'
	}
	type tbl struct {
		start  int // offset in out
		hasRow bool
	}
	out := make([]byte, 0, len(x))
	var tbls []tbl
	var cells []bool // has a paragraph
	last := 0
	for i := 0; i < len(x); i++ {
		j := bytes.IndexByte(x[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := x[i:]
		switch {
		case isOpen(rest, openTbl):
			out = append(out, x[last:i]...)
			last = i
			tbls = append(tbls, tbl{start: len(out)})
		case bytes.HasPrefix(rest, closeTbl):
			if n := len(tbls); n > 0 {
				t := tbls[n-1]
				tbls = tbls[:n-1]
				if !t.hasRow {
					out = out[:t.start]
					last = i + len(closeTbl)
				}
			}
		case isOpen(rest, openTr):
			if n := len(tbls); n > 0 {
				tbls[n-1].hasRow = true
			}
		case isOpen(rest, openTc):
			cells = append(cells, false)
		case bytes.HasPrefix(rest, closeTc):
			if n := len(cells); n > 0 {
				if !cells[n-1] {
					out = append(out, x[last:i]...)
					out = append(out, "<"+prefix+":p/>"...)
					last = i
				}
				cells = cells[:n-1]
			}
		case isOpen(rest, openP):
			if n := len(cells); n > 0 {
				cells[n-1] = true
			}
		}
	}
	return append(out, x[last:]...)
}

// ExecuteFile renders the template with data into the file at path. The document is
// written to a temporary file in the same folder and renamed over path only when
// complete, so a failed render never leaves a half-written file nor loses the file that
// was there.
func (t *Template) ExecuteFile(path string, data any) error {
	buf := getBuffer()
	defer putBuffer(buf)
	if err := t.build(context.Background(), buf, data, nil); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes())
}
