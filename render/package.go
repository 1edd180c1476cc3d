package render

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	docxlib "github.com/nguyenthenguyen/docx"
)

// Limits bound what a template package may hold, so that a hostile file (a zip bomb, a
// package of a million entries) is refused before it costs memory. The zero value of a
// field means its default.
type Limits struct {
	MaxParts     int   // entries in the package; default 2.000
	MaxPartSize  int64 // uncompressed bytes of one entry; default 64 MiB
	MaxTotalSize int64 // uncompressed bytes of all entries; default 256 MiB
}

// DefaultLimits fit real reports many times over: the reference report's package has 15
// entries and 900 KB uncompressed.
var DefaultLimits = Limits{MaxParts: 2000, MaxPartSize: 64 << 20, MaxTotalSize: 256 << 20}

func (l Limits) withDefaults() Limits {
	if l.MaxParts <= 0 {
		l.MaxParts = DefaultLimits.MaxParts
	}
	if l.MaxPartSize <= 0 {
		l.MaxPartSize = DefaultLimits.MaxPartSize
	}
	if l.MaxTotalSize <= 0 {
		l.MaxTotalSize = DefaultLimits.MaxTotalSize
	}
	return l
}

// pkgPart is one entry of the template package.
type pkgPart struct {
	hdr  zip.FileHeader
	raw  []byte // the entry as stored (compressed): copied byte for byte when untouched
	xml  []byte // decompressed, for the parts that may hold tags
	meta []byte // decompressed content types or relationships, which pictures extend
	tmpl *partTemplate
}

// templated reports whether a part may hold tags: the body, headers, footers, footnotes
// and endnotes.
var templated = regexp.MustCompile(`^word/(document|header[0-9]*|footer[0-9]*|footnotes|endnotes)\.xml$`)

// readPackage reads and checks the template package once. The main document comes
// through github.com/nguyenthenguyen/docx; that library exposes no getter for headers
// and footers and knows nothing of footnotes and endnotes, nor gives the raw compressed
// bytes needed to copy untouched parts, so those come through archive/zip.
func readPackage(r io.ReaderAt, size int64, lim Limits) ([]*pkgPart, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: not a zip archive: %v", ErrPackage, err)
	}
	if len(zr.File) > lim.MaxParts {
		return nil, fmt.Errorf("%w: %d entries, more than the limit of %d", ErrPackage, len(zr.File), lim.MaxParts)
	}
	seen := map[string]bool{}
	var total uint64
	hasDoc := false
	for _, f := range zr.File {
		if err := checkName(f.Name); err != nil {
			return nil, err
		}
		key := strings.ToLower(f.Name)
		if seen[key] {
			return nil, fmt.Errorf("%w: entry %q appears twice", ErrPackage, f.Name)
		}
		seen[key] = true
		// archive/zip refuses to read more than the declared size, so these checks bound
		// what any later read can produce.
		if f.UncompressedSize64 > uint64(lim.MaxPartSize) {
			return nil, fmt.Errorf("%w: entry %q is %d bytes uncompressed, more than the limit of %d", ErrPackage, f.Name, f.UncompressedSize64, lim.MaxPartSize)
		}
		total += f.UncompressedSize64
		if total > uint64(lim.MaxTotalSize) {
			return nil, fmt.Errorf("%w: more than %d bytes uncompressed in all", ErrPackage, lim.MaxTotalSize)
		}
		if f.Name == "word/document.xml" {
			hasDoc = true
		}
	}
	if !hasDoc {
		return nil, fmt.Errorf("%w: no word/document.xml: not a Word document", ErrPackage)
	}
	rd, err := docxlib.ReadDocxFromMemory(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPackage, err)
	}
	defer rd.Close()
	body := rd.Editable().GetContent()

	parts := make([]*pkgPart, 0, len(zr.File))
	for _, f := range zr.File {
		p := &pkgPart{hdr: f.FileHeader}
		rc, err := f.OpenRaw()
		if err != nil {
			return nil, fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
		}
		if p.raw, err = io.ReadAll(io.LimitReader(rc, lim.MaxPartSize+1)); err != nil {
			return nil, fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
		}
		switch {
		case f.Name == "word/document.xml":
			p.xml = []byte(body)
		case templated.MatchString(f.Name):
			if p.xml, err = readEntry(f); err != nil {
				return nil, err
			}
		case f.Name == "[Content_Types].xml" || strings.HasSuffix(f.Name, ".rels"):
			if p.meta, err = readEntry(f); err != nil {
				return nil, err
			}
		}
		parts = append(parts, p)
	}
	return parts, nil
}

func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
	}
	return b, nil
}

// checkName refuses entry names that could escape a directory if anyone unpacked the
// package: "..", absolute paths, backslashes, drive letters, invalid UTF-8.
func checkName(name string) error {
	bad := name == "" || !utf8.ValidString(name) || strings.ContainsAny(name, "\\\x00") ||
		strings.HasPrefix(name, "/") || len(name) > 1 && name[1] == ':' ||
		path.Clean(name) != strings.TrimSuffix(name, "/") || strings.HasPrefix(path.Clean(name), "..")
	if bad {
		return fmt.Errorf("%w: unsafe entry name %q", ErrPackage, name)
	}
	return nil
}

// Compressed parts are written at flate.BestSpeed: the rendered document.xml is the only
// part deflated per document, and speed matters more there than the last few percent of
// size (untouched parts keep the template's own compression).
var flatePool sync.Pool

type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

func fastDeflate(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := flatePool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	return pooledFlate{fw}, nil
}

// writeRaw copies an untouched entry without decompressing it.
func copyRaw(zw *zip.Writer, p *pkgPart) error {
	h := p.hdr
	w, err := zw.CreateRaw(&h)
	if err != nil {
		return err
	}
	_, err = w.Write(p.raw)
	return err
}

// createRendered starts a rendered entry with the template entry's name and time, so the
// same template and data give the same bytes.
func createRendered(zw *zip.Writer, p *pkgPart) (io.Writer, error) {
	h := zip.FileHeader{Name: p.hdr.Name, Method: zip.Deflate, Modified: p.hdr.Modified, Comment: p.hdr.Comment}
	return zw.CreateHeader(&h)
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}
