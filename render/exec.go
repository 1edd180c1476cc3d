package render

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
)

// Execute renders the template with data and writes the whole .docx package to w. Data
// may be any value text/template accepts: maps with string keys, structs, values with
// methods. Parts without tags are copied from the template byte for byte.
//
// Nothing is written to w unless rendering succeeds: the package is built in memory and
// written with one call. Execute is safe to call from many goroutines at once; the same
// template and data always give the same bytes.
func (t *Template) Execute(w io.Writer, data any) (err error) {
	if !t.parsed {
		return fmt.Errorf("render: template %q is not parsed", t.name)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 64<<20 {
			bufPool.Put(buf)
		}
	}()
	if err := t.build(buf, data); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("render: writing %s: %w", t.name, err)
	}
	return nil
}

func (t *Template) build(buf *bytes.Buffer, data any) (err error) {
	defer func() {
		// text/template recovers panics in functions; this is for anything else, so
		// that no panic ever reaches the caller.
		if r := recover(); r != nil {
			err = &Error{Kind: ErrExec, Location: Location{Part: t.name}, Err: fmt.Errorf("panic: %v", r)}
		}
	}()
	zw := zip.NewWriter(buf)
	zw.RegisterCompressor(zip.Deflate, fastDeflate)
	if t.images {
		return t.buildWithImages(zw, data)
	}
	for _, p := range t.parts {
		if p.tmpl == nil {
			if err := copyRaw(zw, p); err != nil {
				return fmt.Errorf("render: %s: %w", p.hdr.Name, err)
			}
			continue
		}
		fw, err := createRendered(zw, p)
		if err != nil {
			return fmt.Errorf("render: %s: %w", p.hdr.Name, err)
		}
		if err := p.tmpl.execute(fw, data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return nil
}

// execError turns text/template's error, whose position is in the generated source,
// into one that names the Word paragraph.
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
	msg := m[4]
	if a := pt.locate(line, col); a != nil {
		e.Location, e.Tag = a.Location, a.text
	}
	if isMissingKey(msg) {
		e.Kind = ErrMissingKey
	}
	e.Err = plainError(msg)
	return e
}

func (pt *partTemplate) execute(w io.Writer, data any) error {
	return pt.executeWith(pt.tmpl, w, data)
}

// executeWith runs tm, the part's template or a clone of it with per-execution functions.
func (pt *partTemplate) executeWith(tm *template.Template, w io.Writer, data any) error {
	if !pt.comp.fixTables {
		if err := tm.Execute(w, data); err != nil {
			return pt.execError(err)
		}
		return nil
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := tm.Execute(buf, data); err != nil {
		return pt.execError(err)
	}
	_, err := w.Write(fixTables(buf.Bytes(), pt.comp.prefix))
	return err
}

// buildWithImages renders a template that places pictures. The pictures are known only
// once the parts are executed, and the content types and relationships they extend may
// come first in the package, so the parts are executed into memory before anything is
// written.
func (t *Template) buildWithImages(zw *zip.Writer, data any) error {
	st := newImageState()
	out := map[*pkgPart][]byte{}
	for _, p := range t.parts {
		if p.tmpl == nil {
			continue
		}
		tm, err := p.tmpl.tmpl.Clone()
		if err != nil {
			return fmt.Errorf("render: %s: %w", p.hdr.Name, err)
		}
		tm.Funcs(template.FuncMap{imageFunc: st.fn(p.hdr.Name, p.tmpl.comp.prefix)})
		var b bytes.Buffer
		if err := p.tmpl.executeWith(tm, &b, data); err != nil {
			return err
		}
		out[p] = b.Bytes()
	}
	hasRels := map[string]bool{}
	for _, p := range t.parts {
		name := p.hdr.Name
		var body []byte
		switch {
		case out[p] != nil:
			body = out[p]
		case name == "[Content_Types].xml" && len(st.media) > 0:
			body = st.addContentTypes(p.meta)
		case strings.HasSuffix(name, ".rels") && len(st.order[partOfRels(name)]) > 0:
			hasRels[name] = true
			body = st.addRels(p.meta, partOfRels(name))
		default:
			if err := copyRaw(zw, p); err != nil {
				return fmt.Errorf("render: %s: %w", name, err)
			}
			continue
		}
		w, err := createRendered(zw, p)
		if err != nil {
			return fmt.Errorf("render: %s: %w", name, err)
		}
		if _, err := w.Write(body); err != nil {
			return fmt.Errorf("render: %s: %w", name, err)
		}
	}
	// Parts that had no relationships part get one.
	for _, p := range t.parts {
		if rn := relsName(p.hdr.Name); len(st.order[p.hdr.Name]) > 0 && !hasRels[rn] {
			if err := writeNew(zw, rn, st.addRels(nil, p.hdr.Name)); err != nil {
				return err
			}
		}
	}
	for _, m := range st.media {
		h := zip.FileHeader{Name: m.name, Method: zip.Store} // PNG and JPEG are compressed already
		w, err := zw.CreateHeader(&h)
		if err != nil {
			return fmt.Errorf("render: %s: %w", m.name, err)
		}
		if _, err := w.Write(m.data); err != nil {
			return fmt.Errorf("render: %s: %w", m.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return nil
}

// partOfRels is the part a relationships part belongs to: word/_rels/document.xml.rels →
// word/document.xml.
func partOfRels(rels string) string {
	dir, file := path.Split(rels)
	return strings.TrimSuffix(dir, "_rels/") + strings.TrimSuffix(file, ".rels")
}

func writeNew(zw *zip.Writer, name string, body []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return fmt.Errorf("render: %s: %w", name, err)
	}
	_, err = w.Write(body)
	return err
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
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := t.build(buf, data); err != nil {
		return err
	}
	return writeFileAtomic(path, buf.Bytes())
}

func writeFileAtomic(path string, b []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(b); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if err = f.Chmod(0o644); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return nil
}
