package render

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
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
	if !pt.comp.fixCells {
		if err := pt.tmpl.Execute(w, data); err != nil {
			return pt.execError(err)
		}
		return nil
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := pt.tmpl.Execute(buf, data); err != nil {
		return pt.execError(err)
	}
	_, err := w.Write(fixEmptyCells(buf.Bytes(), pt.comp.prefix))
	return err
}

// fixEmptyCells gives every table cell left without a paragraph an empty one: Word
// refuses a w:tc with no w:p, which a loop or condition over a cell's only paragraphs
// can leave behind.
func fixEmptyCells(x []byte, prefix string) []byte {
	openTc, closeTc := []byte("<"+prefix+":tc"), []byte("</"+prefix+":tc>")
	openP := []byte("<" + prefix + ":p")
	var out []byte
	var hasP []bool
	last := 0
	for i := 0; i < len(x); i++ {
		if x[i] != '<' {
			continue
		}
		rest := x[i:]
		switch {
		case bytes.HasPrefix(rest, closeTc):
			if n := len(hasP); n > 0 {
				if !hasP[n-1] {
					out = append(out, x[last:i]...)
					out = append(out, "<"+prefix+":p/>"...)
					last = i
				}
				hasP = hasP[:n-1]
			}
		case bytes.HasPrefix(rest, openTc) && len(rest) > len(openTc) && (rest[len(openTc)] == '>' || rest[len(openTc)] == ' '):
			hasP = append(hasP, false)
		case bytes.HasPrefix(rest, openP) && len(rest) > len(openP) && (rest[len(openP)] == '>' || rest[len(openP)] == ' ' || rest[len(openP)] == '/'):
			if n := len(hasP); n > 0 {
				hasP[n-1] = true
			}
		}
	}
	if out == nil {
		return x
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
