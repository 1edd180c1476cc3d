package rendertest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// CheckTables checks the rules on tables that Word enforces when it opens a
// file (it reports the file as corrupt otherwise) and that a template
// engine breaks easily when a loop or condition removes rows or
// paragraphs. In every part under word/:
//
//   - a table (w:tbl) has at least one row (w:tr);
//   - a row has at least one cell (w:tc);
//   - a cell has at least one paragraph, and its last block is a paragraph
//     (w:p), not a table: a cell emptied by a loop must keep an empty
//     paragraph.
//
// Rows and cells inside content controls (w:sdt) and custom XML count.
// Problems are returned together, each a [*PartError] with the part and the
// offset of the element's end. CheckTables does not check well-formedness:
// run [WellFormed] for that; a part that does not parse is reported as is.
func CheckTables(docx []byte) error {
	zr, err := openZip(docx)
	if err != nil {
		return err
	}
	var errs []error
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "word/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		data, err := readFile(f)
		if err != nil {
			errs = append(errs, &PartError{Part: f.Name, Err: err})
			continue
		}
		for _, e := range checkTablesXML(data) {
			e.Part = f.Name
			errs = append(errs, e)
		}
	}
	return errors.Join(errs...)
}

func checkTablesXML(data []byte) []*PartError {
	dec := xml.NewDecoder(bytes.NewReader(data))
	type frame struct {
		kind      string // "tbl", "tr", "tc" or "" for any other element
		count     int    // rows of a tbl, cells of a tr, blocks of a tc
		lastBlock string // last block element of a tc: "p", "tbl", "sdt"…
	}
	var stack []frame
	var errs []*PartError
	at := func(msg string) {
		line, _ := dec.InputPos()
		errs = append(errs, &PartError{Offset: dec.InputOffset(), Line: line, Err: errors.New(msg)})
	}
	// nearest returns the index of the innermost tbl, tr or tc on the stack.
	nearest := func() int {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].kind != "" {
				return i
			}
		}
		return -1
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return errs
		}
		if err != nil {
			line, _ := dec.InputPos()
			return append(errs, &PartError{Offset: dec.InputOffset(), Line: line, Err: err})
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var kind string
			if t.Name.Space == nsW || t.Name.Space == nsWStrict {
				switch t.Name.Local {
				case "tbl", "tr", "tc":
					kind = t.Name.Local
				}
				if i := nearest(); i >= 0 {
					parent := &stack[i]
					switch {
					case parent.kind == "tbl" && kind == "tr",
						parent.kind == "tr" && kind == "tc":
						parent.count++
					case parent.kind == "tc" && i == len(stack)-1:
						// A direct child of the cell.
						switch t.Name.Local {
						case "p", "tbl", "sdt", "customXml", "altChunk":
							parent.count++
							parent.lastBlock = t.Name.Local
						}
					}
				}
			}
			stack = append(stack, frame{kind: kind})
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case f.kind == "tbl" && f.count == 0:
				at("a table (w:tbl) with no row")
			case f.kind == "tr" && f.count == 0:
				at("a table row (w:tr) with no cell")
			case f.kind == "tc" && f.count == 0:
				at("a table cell (w:tc) with no paragraph")
			case f.kind == "tc" && f.lastBlock == "tbl":
				at("a table cell (w:tc) that ends with a table, not a paragraph")
			}
		}
	}
}
