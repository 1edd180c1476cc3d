package rendertest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Namespaces of WordprocessingML (transitional and strict) and of markup
// compatibility.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsRel     = "http://schemas.openxmlformats.org/package/2006/relationships"

	relOfficeDocument = "/officeDocument"
	defaultMainPart   = "word/document.xml"
)

// ErrNoPart is returned (wrapped) by [PartText] and [Runs] when the package
// has no part of the requested name.
var ErrNoPart = errors.New("rendertest: no such part")

// Text returns the plain text of the main document part (word/document.xml,
// or the part that _rels/.rels names as the office document) as a reader
// sees it. The rules, stable so that expected texts can be written by hand:
//
//   - Every paragraph of the body gives one line, in document order; an
//     empty paragraph gives an empty line. Every line ends with "\n".
//   - A table gives one line per row: the cells separated by "\t". The
//     paragraphs inside one cell are joined by "\n" (so a cell with several
//     paragraphs spans several lines), and a table nested in a cell gives its
//     rows as lines of that cell.
//   - Inside a paragraph: the text of w:t; w:tab gives "\t"; w:br and w:cr
//     give "\n" (whatever their type); w:noBreakHyphen gives "-".
//   - Not text: w:delText and w:instrText (field codes; the field's result,
//     which is ordinary w:t, is kept), deleted runs (w:del, w:moveFrom),
//     paragraph and run properties (so tab stops are not tabs), the
//     mc:Fallback branch of mc:AlternateContent, text boxes (w:txbxContent),
//     w:sym, and footnote or endnote references: the number Word shows is
//     computed, not stored. A custom mark (w:customMarkFollows) is ordinary
//     w:t and so is kept.
//   - Headers, footers, footnotes and endnotes live in parts of their own
//     and are not included; read them with [PartText].
func Text(docx []byte) (string, error) {
	zr, err := openZip(docx)
	if err != nil {
		return "", err
	}
	main := mainPart(zr)
	data, err := readPart(zr, main)
	if err != nil {
		return "", err
	}
	s, err := partText(data)
	if err != nil {
		return "", fmt.Errorf("rendertest: %s: %w", main, err)
	}
	return s, nil
}

// PartText returns the plain text of one part of the package, named as in
// the zip archive ("word/header1.xml", "word/footer2.xml",
// "word/footnotes.xml", "word/endnotes.xml", or "word/document.xml"), with
// the rules of [Text]. In footnotes and endnotes the separator notes that
// Word keeps in every such part (w:type "separator", "continuationSeparator"
// and "continuationNotice") are left out; every real note gives its
// paragraphs, in the order of the part. The note's own mark is a
// w:footnoteRef (not text) followed, in documents from Word and LibreOffice,
// by a tab, so a note usually reads "\tNote text"; a custom mark reads
// "*\tNote text".
//
// A missing part is an error that wraps [ErrNoPart].
func PartText(docx []byte, part string) (string, error) {
	zr, err := openZip(docx)
	if err != nil {
		return "", err
	}
	data, err := readPart(zr, part)
	if err != nil {
		return "", err
	}
	s, err := partText(data)
	if err != nil {
		return "", fmt.Errorf("rendertest: %s: %w", part, err)
	}
	return s, nil
}

func openZip(docx []byte) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, fmt.Errorf("rendertest: not a zip package: %w", err)
	}
	return zr, nil
}

func findFile(zr *zip.Reader, name string) *zip.File {
	name = strings.TrimPrefix(name, "/")
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	// Part names in OPC are case-insensitive.
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

func readPart(zr *zip.Reader, name string) ([]byte, error) {
	f := findFile(zr, name)
	if f == nil {
		return nil, fmt.Errorf("%w: %s", ErrNoPart, name)
	}
	return readFile(f)
}

func readFile(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("rendertest: %s: %w", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("rendertest: %s: %w", f.Name, err)
	}
	return data, nil
}

// mainPart returns the name of the main document part: the target of the
// officeDocument relationship in _rels/.rels, or word/document.xml.
func mainPart(zr *zip.Reader) string {
	data, err := readPart(zr, "_rels/.rels")
	if err != nil {
		return defaultMainPart
	}
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(data, &rels) != nil {
		return defaultMainPart
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, relOfficeDocument) && r.Target != "" {
			return path.Clean(strings.TrimPrefix(r.Target, "/"))
		}
	}
	return defaultMainPart
}

func isW(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == nsW || n.Space == nsWStrict)
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == nsW || a.Name.Space == nsWStrict) {
			return a.Value
		}
	}
	return ""
}

// skipped reports whether the element and all it contains carry no text for
// a reader.
func skipped(se xml.StartElement) bool {
	n := se.Name
	if n.Space == nsMC && n.Local == "Fallback" {
		return true
	}
	if n.Space != nsW && n.Space != nsWStrict {
		return false
	}
	switch n.Local {
	case "pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "tblPrEx",
		"del", "moveFrom", "txbxContent", "delText", "instrText", "delInstrText":
		return true
	case "footnote", "endnote":
		switch attr(se, "type") {
		case "separator", "continuationSeparator", "continuationNotice":
			return true
		}
	}
	return false
}

func partText(data []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	lines, err := blockLines(dec)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// blockLines reads block-level content (paragraphs and tables, through any
// wrapper such as w:sdt) until the end of the element whose start was just
// read, or until the end of the input.
func blockLines(dec *xml.Decoder) ([]string, error) {
	var lines []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return lines, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case skipped(t):
				if err := dec.Skip(); err != nil {
					return nil, err
				}
			case isW(t.Name, "p"):
				s, err := paragraphText(dec)
				if err != nil {
					return nil, err
				}
				lines = append(lines, s)
			case isW(t.Name, "tbl"):
				rows, err := tableLines(dec)
				if err != nil {
					return nil, err
				}
				lines = append(lines, rows...)
			default:
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				return lines, nil
			}
			depth--
		}
	}
}

func tableLines(dec *xml.Decoder) ([]string, error) {
	var rows []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case skipped(t):
				if err := dec.Skip(); err != nil {
					return nil, err
				}
			case isW(t.Name, "tr"):
				r, err := rowText(dec)
				if err != nil {
					return nil, err
				}
				rows = append(rows, r)
			default:
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				return rows, nil
			}
			depth--
		}
	}
}

func rowText(dec *xml.Decoder) (string, error) {
	var cells []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case skipped(t):
				if err := dec.Skip(); err != nil {
					return "", err
				}
			case isW(t.Name, "tc"):
				lines, err := blockLines(dec)
				if err != nil {
					return "", err
				}
				cells = append(cells, strings.Join(lines, "\n"))
			default:
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				return strings.Join(cells, "\t"), nil
			}
			depth--
		}
	}
}

// paragraphText reads the inside of a w:p up to its end and returns its text.
func paragraphText(dec *xml.Decoder) (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skipped(t) {
				if err := dec.Skip(); err != nil {
					return "", err
				}
				continue
			}
			if s, ok, err := inlineText(dec, t); err != nil {
				return "", err
			} else if ok {
				b.WriteString(s)
				continue
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}

// inlineText handles the elements of a run that are text. When ok, the
// element has been read to its end.
func inlineText(dec *xml.Decoder, t xml.StartElement) (s string, ok bool, err error) {
	if t.Name.Space != nsW && t.Name.Space != nsWStrict {
		return "", false, nil
	}
	switch t.Name.Local {
	case "t":
		s, err := charData(dec)
		return s, true, err
	case "tab":
		return "\t", true, dec.Skip()
	case "br", "cr":
		return "\n", true, dec.Skip()
	case "noBreakHyphen":
		return "-", true, dec.Skip()
	case "sym", "footnoteReference", "endnoteReference", "footnoteRef", "endnoteRef":
		return "", true, dec.Skip()
	}
	return "", false, nil
}

// charData returns the character data of an element with text content only,
// reading to its end.
func charData(dec *xml.Decoder) (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if depth == 0 {
				b.Write(t)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}

// Run is one w:r of a part, as listed by [Runs].
type Run struct {
	// Paragraph is the index, from 0, of the w:p that holds the run among
	// all paragraphs of the part in document order (paragraphs inside
	// tables count; those in text boxes do not).
	Paragraph int
	// Text is the run's text under the rules of [Text].
	Text string
	// Props lists the direct children of the run's w:rPr in order, each as
	// its local name, followed by "=" and its w:val attribute when it has
	// one: "b", "i", "u=single", "sz=28", "rStyle=Emphasis". A property
	// switched off reads "b=false" or "b=0".
	Props []string
}

// Has reports whether the run has the property prop (a local name such as
// "b") switched on: present without w:val, or with a w:val other than
// "false", "0", "off" or "none".
func (r Run) Has(prop string) bool {
	for _, p := range r.Props {
		name, val, hasVal := strings.Cut(p, "=")
		if name != prop {
			continue
		}
		if !hasVal {
			return true
		}
		switch val {
		case "false", "0", "off", "none":
			return false
		}
		return true
	}
	return false
}

// Runs returns the runs (w:r) of a part in document order, with their text
// and direct formatting, for tests such as "the printed value kept the bold
// of the tag's first character". Runs in deleted text, in text boxes and in
// mc:Fallback are left out, as in [Text]. A missing part is an error that
// wraps [ErrNoPart].
func Runs(docx []byte, part string) ([]Run, error) {
	zr, err := openZip(docx)
	if err != nil {
		return nil, err
	}
	data, err := readPart(zr, part)
	if err != nil {
		return nil, err
	}
	runs, err := partRuns(data)
	if err != nil {
		return nil, fmt.Errorf("rendertest: %s: %w", part, err)
	}
	return runs, nil
}

func partRuns(data []byte) ([]Run, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var runs []Run
	para := -1
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return runs, nil
		}
		if err != nil {
			return nil, err
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case skipped(t):
			// Includes w:pPr: a paragraph mark's run properties are not a run.
			if err := dec.Skip(); err != nil {
				return nil, err
			}
		case isW(t.Name, "p"):
			para++
		case isW(t.Name, "r"):
			r, err := readRun(dec)
			if err != nil {
				return nil, err
			}
			r.Paragraph = para
			runs = append(runs, r)
		}
	}
}

func readRun(dec *xml.Decoder) (Run, error) {
	var r Run
	var b strings.Builder
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return r, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if isW(t.Name, "rPr") {
				props, err := readProps(dec)
				if err != nil {
					return r, err
				}
				r.Props = props
				continue
			}
			if skipped(t) {
				if err := dec.Skip(); err != nil {
					return r, err
				}
				continue
			}
			if s, ok, err := inlineText(dec, t); err != nil {
				return r, err
			} else if ok {
				b.WriteString(s)
				continue
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				r.Text = b.String()
				return r, nil
			}
			depth--
		}
	}
}

func readProps(dec *xml.Decoder) ([]string, error) {
	var props []string
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			p := t.Name.Local
			if v := attr(t, "val"); v != "" {
				p += "=" + v
			}
			props = append(props, p)
			if err := dec.Skip(); err != nil {
				return nil, err
			}
		case xml.EndElement:
			return props, nil
		}
	}
}
