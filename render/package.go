package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
)

// pkgPart is one entry of the template package.
type pkgPart struct {
	hdr  zip.FileHeader
	raw  []byte // the entry as stored (compressed): copied byte for byte when untouched
	xml  []byte // decompressed, for the parts that may hold tags
	meta []byte // decompressed content types or relationships, which pictures extend
	// rewritten says that meta is not what raw holds: the part was changed at parse (an
	// external relationship or macro content stripped) and is written from meta.
	rewritten bool
	rels      []relationship // a relationships part's relationships, as read (and kept)
	ct        *contentTypes  // the content types, for [Content_Types].xml
	tmpl      *partTemplate
}

// setRewritten makes body the part's content in every output.
func (p *pkgPart) setRewritten(body []byte) {
	p.meta = body
	p.rewritten = true
}

// templated matches the names Word gives the parts that may hold tags: the body,
// headers, footers, footnotes and endnotes. readPackage also finds them through the
// main part's relationships, whatever their names.
var templated = regexp.MustCompile(`^word/(document|header[0-9]*|footer[0-9]*|footnotes|endnotes)\.xml$`)

// partRoots are the root elements of the parts that may hold tags.
var partRoots = map[string]string{"document": "document", "header": "hdr", "footer": "ftr", "footnotes": "footnotes", "endnotes": "endnotes"}

// checkPartXML checks a part that may hold tags before anything else reads it: every
// output copies what its tags do not touch, so the part must be XML Word can open. It
// must be well-formed (see checkWellFormed: one root element, matching end tags, no
// DOCTYPE, no text outside the root, no repeated attribute), every prefix must be
// declared, every element must be in a namespace, and the root must be the
// WordprocessingML element of its kind (w:document, w:hdr, w:ftr, w:footnotes,
// w:endnotes). A syntax problem is ErrXML; a well-formed part of another vocabulary is
// ErrPackage. The check is one linear pass, however deep the nesting.
func checkPartXML(name, kind string, data []byte) error {
	// What the part is, before how well it is written: HTML is not a Word part.
	if root, p := sniffRoot(data); p == nil && root.local != "" {
		if err := checkRoot(name, kind, root); err != nil {
			return err
		}
	}
	if _, p := checkWellFormed(data, true); p != nil {
		line, col := p.position(data)
		return &Error{Kind: ErrXML, Location: Location{Part: name}, Err: fmt.Errorf("line %d, column %d: %s", line, col, p.msg)}
	}
	return nil
}

// checkRoot checks that the root of a part that may hold tags is WordprocessingML's
// element for its kind.
func checkRoot(name, kind string, root xmlRoot) error {
	if want := partRoots[kind]; want != "" && (root.local != want || root.ns != nsMain && root.ns != nsStrict) {
		return &Error{Kind: ErrPackage, Location: Location{Part: name}, Err: fmt.Errorf("the root element is <%s>, not WordprocessingML's <w:%s>: not a Word document part", rawName(xml.Name{Space: root.prefix, Local: root.local}), want)}
	}
	return nil
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
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

// Compressed parts are written at flate.BestSpeed, by klauspost/compress/flate (half the
// instructions of compress/flate's, for the same size within 1%): the rendered parts
// are the only ones deflated per document, and speed matters more there than the last
// few percent of size (untouched parts keep the template's own compression).
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

// copyRaw copies an untouched entry without decompressing it; a part rewritten at parse
// (see setRewritten) is written from its new content.
func copyRaw(zw *zip.Writer, p *pkgPart) error {
	if p.rewritten {
		w, err := createRendered(zw, p)
		if err != nil {
			return err
		}
		_, err = w.Write(p.meta)
		return err
	}
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
