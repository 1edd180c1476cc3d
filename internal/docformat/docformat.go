// Package docformat recognises the files a clerk may save instead of a Word .docx
// template (an OpenDocument text, an old Word .doc, a PDF, an RTF), so that the error
// can say "save it as .docx" instead of "not a zip archive".
package docformat

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// ErrNotDocx is the kind of [Error]: the template is a document of another format.
var ErrNotDocx = errors.New("the template is not a .docx file")

// Formats Sniff recognises.
const (
	ODT = "odt" // OpenDocument text (LibreOffice's own format)
	DOC = "doc" // Word 97–2003
	PDF = "pdf"
	RTF = "rtf"
)

// Error says that the file named File is a document of Format, not a .docx.
type Error struct {
	File   string
	Format string // one of ODT, DOC, PDF, RTF
}

// Error reads "name: the template is not a .docx file (it is a pdf file)".
func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s (it is a %s file)", e.File, ErrNotDocx, e.Format)
}

// Unwrap gives ErrNotDocx.
func (e *Error) Unwrap() error { return ErrNotDocx }

// Check returns an *Error when b is a document of a format Sniff recognises, else nil
// (a .docx, or something else that the .docx reader will refuse in its own words).
func Check(name string, b []byte) error {
	if f := Sniff(b); f != "" {
		return &Error{File: name, Format: f}
	}
	return nil
}

// Sniff names the format of b when it is an ODT, DOC, PDF or RTF file, else "".
func Sniff(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF")):
		return PDF
	case bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return DOC
	case bytes.HasPrefix(b, []byte(`{\rtf`)):
		return RTF
	case bytes.HasPrefix(b, []byte("PK")) && isODT(b):
		return ODT
	}
	return ""
}

// isODT reports whether the zip b holds an OpenDocument "mimetype" entry.
func isODT(b []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name != "mimetype" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false
		}
		defer rc.Close()
		head, _ := io.ReadAll(io.LimitReader(rc, 100))
		return bytes.HasPrefix(head, []byte("application/vnd.oasis.opendocument"))
	}
	return false
}
