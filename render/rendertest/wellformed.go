package rendertest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// PartError is a problem found by [WellFormed] in one part of a package.
type PartError struct {
	// Part is the part's name in the zip archive, e.g. "word/document.xml".
	Part string
	// Offset is the byte offset in the part's XML where the problem was
	// found, and Line its line (from 1); both are 0 when the problem is not
	// at a place in the XML (a missing part).
	Offset int64
	Line   int
	// Err describes the problem.
	Err error
}

// Error names the part and, when known, the offset and line.
func (e *PartError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("rendertest: %s: %v", e.Part, e.Err)
	}
	return fmt.Sprintf("rendertest: %s: offset %d (line %d): %v", e.Part, e.Offset, e.Line, e.Err)
}

// Unwrap returns the underlying error (an *xml.SyntaxError for a parse
// error).
func (e *PartError) Unwrap() error { return e.Err }

// WellFormed checks that a .docx package can be opened: it is a zip archive
// without duplicate names; it has [Content_Types].xml and word/document.xml
// (or the main part _rels/.rels names); every part that [Content_Types].xml
// overrides exists; and every .xml and .rels part is well-formed XML with
// well-formed namespaces, checked by a full token walk:
//
//   - the XML parses (strict: known entities only, only the characters
//     XML 1.0 allows, one root element, nothing but white space around it);
//   - every end tag matches its start tag and no attribute is repeated;
//   - every element and attribute prefix is declared, and no element is in
//     no namespace (every Office Open XML part declares its namespaces; an
//     element such as <giai> inside a w:t is the mark of an unescaped "<"
//     in a value). Parts under customXml/ may use elements in no namespace.
//   - no DOCTYPE (Office Open XML forbids DTDs).
//
// A part may begin with a UTF-8 byte order mark; offsets are counted after it.
//
// All problems are returned together (joined with [errors.Join]); each is a
// [*PartError] naming the part and the byte offset and line of the first
// problem in that part. A nil error means every check passed.
func WellFormed(docx []byte) error {
	zr, err := openZip(docx)
	if err != nil {
		return err
	}
	var errs []error
	seen := make(map[string]bool)
	for _, f := range zr.File {
		key := strings.ToLower(f.Name)
		if seen[key] {
			errs = append(errs, &PartError{Part: f.Name, Err: errors.New("duplicate name in the zip archive")})
		}
		seen[key] = true
	}
	for _, name := range []string{"[Content_Types].xml", mainPart(zr)} {
		if findFile(zr, name) == nil {
			errs = append(errs, &PartError{Part: name, Err: errors.New("part is missing")})
		}
	}
	for _, f := range zr.File {
		lower := strings.ToLower(f.Name)
		if !strings.HasSuffix(lower, ".xml") && !strings.HasSuffix(lower, ".rels") {
			continue
		}
		data, err := readFile(f)
		if err != nil {
			errs = append(errs, &PartError{Part: f.Name, Err: err})
			continue
		}
		if perr := checkXML(data, !strings.HasPrefix(lower, "customxml/")); perr != nil {
			perr.Part = f.Name
			errs = append(errs, perr)
			continue
		}
		if f.Name == "[Content_Types].xml" {
			errs = append(errs, checkOverrides(zr.File, data)...)
		}
	}
	return errors.Join(errs...)
}

// checkOverrides reports the parts that [Content_Types].xml overrides but
// the package does not have.
func checkOverrides(files []*zip.File, data []byte) []error {
	var ct struct {
		Override []struct {
			PartName string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(data, &ct); err != nil {
		return []error{&PartError{Part: "[Content_Types].xml", Err: err}}
	}
	have := make(map[string]bool, len(files))
	for _, f := range files {
		have[strings.ToLower(f.Name)] = true
	}
	var errs []error
	for _, o := range ct.Override {
		name := strings.TrimPrefix(o.PartName, "/")
		if !have[strings.ToLower(name)] {
			errs = append(errs, &PartError{Part: "[Content_Types].xml",
				Err: fmt.Errorf("override for %s, which the package does not have", o.PartName)})
		}
	}
	return errs
}

// checkXML walks every token of one part. requireNS asks that every element
// be in a namespace.
func checkXML(data []byte, requireNS bool) *PartError {
	// A UTF-8 byte order mark may begin a part (encoding/xml reads it as text).
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	w := &xmlWalker{dec: xml.NewDecoder(bytes.NewReader(data)), requireNS: requireNS}
	w.dec.Strict = true
	for {
		tok, err := w.dec.RawToken()
		if err == io.EOF {
			return w.atEnd()
		}
		if err != nil {
			return w.readError(err)
		}
		if err := w.token(tok); err != nil {
			return w.at(err)
		}
	}
}

// xmlWalker is the state of checkXML's walk through one part: the open elements
// and whether the root element has been seen. Its checks of a token return the
// problem found, which checkXML places with at.
type xmlWalker struct {
	dec       *xml.Decoder
	requireNS bool
	stack     []xmlFrame // open elements, the innermost last
	root      bool       // the root element has begun
}

// xmlFrame is an open element.
type xmlFrame struct {
	name     xml.Name // raw: Space is the prefix
	prefixes []string // prefixes declared on this element; "" = default
}

// at returns err as a *PartError placed where the decoder stands: just after
// the token that has the problem, or at the end of the part.
func (w *xmlWalker) at(err error) *PartError {
	line, _ := w.dec.InputPos()
	return &PartError{Offset: w.dec.InputOffset(), Line: line, Err: err}
}

// readError returns the error of a token that could not be read, with the line
// of a syntax error as the decoder counted it.
func (w *xmlWalker) readError(err error) *PartError {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &PartError{Offset: w.dec.InputOffset(), Line: se.Line, Err: err}
	}
	return w.at(err)
}

// atEnd checks the part at its end: every element closed and a root element
// seen.
func (w *xmlWalker) atEnd() *PartError {
	switch {
	case len(w.stack) > 0:
		return w.at(fmt.Errorf("unexpected end of part: <%s> is not closed", rawName(w.stack[len(w.stack)-1].name)))
	case !w.root:
		return w.at(errors.New("no root element"))
	}
	return nil
}

// token checks one token. Comments and processing instructions are checked no
// further than encoding/xml reads them.
func (w *xmlWalker) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		return w.startElement(t)
	case xml.EndElement:
		return w.endElement(t)
	case xml.CharData:
		if len(w.stack) == 0 && len(bytes.TrimSpace(t)) > 0 {
			return errors.New("text outside the root element")
		}
	case xml.Directive:
		return errors.New("DOCTYPE or other directive: not allowed in Office Open XML")
	}
	return nil
}

// startElement checks a start tag (the only root element, no repeated
// attribute, its prefixes declared) and opens its element.
func (w *xmlWalker) startElement(t xml.StartElement) error {
	if len(w.stack) == 0 && w.root {
		return fmt.Errorf("element <%s> after the root element", rawName(t.Name))
	}
	w.root = true
	fr, err := newXMLFrame(t)
	if err != nil {
		return err
	}
	w.stack = append(w.stack, fr)
	return w.checkPrefixes(t)
}

// newXMLFrame returns the frame of the element t begins, with the namespace
// prefixes it declares, or an error if an attribute is repeated. xmlns=""
// (no default namespace) declares none.
func newXMLFrame(t xml.StartElement) (xmlFrame, error) {
	fr := xmlFrame{name: t.Name}
	seenAttr := make(map[xml.Name]bool, len(t.Attr))
	for _, a := range t.Attr {
		if seenAttr[a.Name] {
			return xmlFrame{}, fmt.Errorf("attribute %s repeated on <%s>", rawName(a.Name), rawName(t.Name))
		}
		seenAttr[a.Name] = true
		switch {
		case a.Name.Space == "xmlns":
			fr.prefixes = append(fr.prefixes, a.Name.Local)
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			if a.Value != "" {
				fr.prefixes = append(fr.prefixes, "")
			}
		}
	}
	return fr, nil
}

// checkPrefixes checks that the prefixes of the element t begins and of its
// attributes are declared (on it or on an element around it), and that the
// element is in a namespace where w.requireNS asks for one. The prefixes xml
// and, on attributes, xmlns are predeclared.
func (w *xmlWalker) checkPrefixes(t xml.StartElement) error {
	if p := t.Name.Space; p != "" && p != "xml" && !w.declared(p) {
		return fmt.Errorf("undeclared namespace prefix %q on <%s>", p, rawName(t.Name))
	}
	if t.Name.Space == "" && w.requireNS && !w.declared("") {
		return fmt.Errorf("element <%s> is in no namespace", t.Name.Local)
	}
	for _, a := range t.Attr {
		if p := a.Name.Space; p != "" && p != "xml" && p != "xmlns" && !w.declared(p) {
			return fmt.Errorf("undeclared namespace prefix %q on attribute %s of <%s>", p, rawName(a.Name), rawName(t.Name))
		}
	}
	return nil
}

// endElement checks that an end tag closes the innermost open element, and
// closes it.
func (w *xmlWalker) endElement(t xml.EndElement) error {
	if len(w.stack) == 0 {
		return fmt.Errorf("end tag </%s> without a start tag", rawName(t.Name))
	}
	top := w.stack[len(w.stack)-1].name
	if top != t.Name {
		return fmt.Errorf("end tag </%s> does not match <%s>", rawName(t.Name), rawName(top))
	}
	w.stack = w.stack[:len(w.stack)-1]
	return nil
}

// declared reports whether prefix ("" for the default namespace) is declared
// on an open element.
func (w *xmlWalker) declared(prefix string) bool {
	for i := len(w.stack) - 1; i >= 0; i-- {
		for _, p := range w.stack[i].prefixes {
			if p == prefix {
				return true
			}
		}
	}
	return false
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
