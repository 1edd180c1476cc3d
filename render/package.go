package render

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	docxlib "github.com/nguyenthenguyen/docx"
)

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
		default:
			// Copied raw into every output: check now that it decompresses to the size
			// and checksum its header declares, so that a corrupt or lying entry is
			// refused here rather than passed on to every document.
			if err := verifyEntry(f); err != nil {
				return nil, err
			}
		}
		if p.xml != nil {
			if err := checkPartXML(f.Name, p.xml); err != nil {
				return nil, err
			}
		}
		parts = append(parts, p)
	}
	return parts, nil
}

// verifyEntry reads an entry to its end: archive/zip checks the declared size and the
// CRC-32 as it goes.
func verifyEntry(f *zip.File) error {
	if f.Mode().IsDir() && f.UncompressedSize64 == 0 {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
	}
	defer rc.Close()
	if _, err := io.Copy(io.Discard, rc); err != nil {
		return fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
	}
	return nil
}

// partRoots are the root elements of the parts that may hold tags.
var partRoots = map[string]string{"document": "document", "header": "hdr", "footer": "ftr", "footnotes": "footnotes", "endnotes": "endnotes"}

// checkPartXML checks a part that may hold tags before anything else reads it: every
// output copies what its tags do not touch, so the part must be XML Word can open. It
// must be well-formed (one root element, matching end tags, no DOCTYPE, no text outside
// the root, no repeated attribute), every prefix must be declared, every element must be
// in a namespace, and the root must be the WordprocessingML element of its kind
// (w:document, w:hdr, w:ftr, w:footnotes, w:endnotes). A syntax problem is ErrXML; a
// well-formed part of another vocabulary is ErrPackage. The walk is iterative and counts
// declared prefixes in one map, so it is linear however deep the nesting.
func checkPartXML(name string, data []byte) error {
	kind := strings.TrimSuffix(strings.TrimPrefix(name, "word/"), ".xml")
	kind = strings.TrimRightFunc(kind, func(r rune) bool { return r >= '0' && r <= '9' })
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	loc := Location{Part: name}
	bad := func(format string, args ...any) error {
		line, col := d.InputPos()
		return &Error{Kind: ErrXML, Location: loc, Err: fmt.Errorf("line %d, column %d: %s", line, col, fmt.Sprintf(format, args...))}
	}
	type frame struct {
		name     xml.Name // raw: Space is the prefix
		prefixes []string // declared on this element; "" is the default namespace
	}
	var stack []frame
	declared := map[string]int{"xml": 1}
	rootSeen := false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return &Error{Kind: ErrXML, Location: loc, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 && rootSeen {
				return bad("element <%s> after the root element", rawName(t.Name))
			}
			if !rootSeen {
				rootSeen = true
				ns := ""
				for _, a := range t.Attr {
					if a.Name.Space == "xmlns" && a.Name.Local == t.Name.Space || a.Name.Space == "" && a.Name.Local == "xmlns" && t.Name.Space == "" {
						ns = a.Value
					}
				}
				if want := partRoots[kind]; want != "" && (t.Name.Local != want || ns != nsMain && ns != nsStrict) {
					return &Error{Kind: ErrPackage, Location: loc, Err: fmt.Errorf("the root element is <%s>, not WordprocessingML's <w:%s>: not a Word document part", rawName(t.Name), want)}
				}
			}
			fr := frame{name: t.Name}
			seen := make(map[xml.Name]bool, len(t.Attr))
			for _, a := range t.Attr {
				if seen[a.Name] {
					return bad("attribute %s repeated on <%s>", rawName(a.Name), rawName(t.Name))
				}
				seen[a.Name] = true
				switch {
				case a.Name.Space == "xmlns":
					if a.Name.Local == "xml" || a.Name.Local == "xmlns" || a.Value == "" {
						return bad("invalid namespace declaration %s=%q", rawName(a.Name), a.Value)
					}
					fr.prefixes = append(fr.prefixes, a.Name.Local)
				case a.Name.Space == "" && a.Name.Local == "xmlns" && a.Value != "":
					fr.prefixes = append(fr.prefixes, "")
				}
			}
			for _, p := range fr.prefixes {
				declared[p]++
			}
			stack = append(stack, fr)
			switch p := t.Name.Space; {
			case p == "" && declared[""] == 0:
				return bad("element <%s> is in no namespace", t.Name.Local)
			case p != "" && (p == "xmlns" || declared[p] == 0):
				return bad("undeclared namespace prefix %q on <%s>", p, rawName(t.Name))
			}
			for _, a := range t.Attr {
				if p := a.Name.Space; p != "" && p != "xmlns" && declared[p] == 0 {
					return bad("undeclared namespace prefix %q on attribute %s", p, rawName(a.Name))
				}
			}
		case xml.EndElement:
			if len(stack) == 0 {
				return bad("end tag </%s> without a start tag", rawName(t.Name))
			}
			top := stack[len(stack)-1]
			if top.name != t.Name {
				return bad("end tag </%s> does not match <%s>", rawName(t.Name), rawName(top.name))
			}
			for _, p := range top.prefixes {
				declared[p]--
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 && len(bytes.TrimSpace(t)) > 0 {
				return bad("text outside the root element")
			}
		case xml.Directive:
			return bad("a DOCTYPE or other directive, which Office Open XML does not allow")
		}
	}
	if len(stack) > 0 {
		return bad("<%s> is never closed", rawName(stack[len(stack)-1].name))
	}
	if !rootSeen {
		return bad("no root element: the part is empty")
	}
	return nil
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
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
