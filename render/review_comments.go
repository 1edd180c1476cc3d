package render

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// The comments of a review go into the template's comments part when it has one (its
// comments stay, and the new ids follow the largest id it holds), or into a new
// word/comments.xml, with a relationship from word/document.xml and a content type.

const (
	commentsRelType     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	commentsContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
	documentRels        = "word/_rels/document.xml.rels"
)

// commentsPart is the comments part a review writes.
type commentsPart struct {
	name  string // entry name
	index int    // the template's part, or -1 for a new part
	next  int    // the next comment id
	list  []reviewComment
	// relID is the id of the new relationship from the body, "" when the template
	// has one already.
	relID string
	// newRels: the body has no relationships part; writeNew writes one.
	newRels bool
}

type reviewComment struct {
	id                     int
	author, initials, text string
}

// commentID finds the ids of comments and their anchors.
var commentID = regexp.MustCompile(`:(?:comment|commentRangeStart|commentRangeEnd|commentReference)\b[^>]*?:id\s*=\s*["'](-?\d+)["']`)

// newCommentsPart finds the template's comments part, or names a new one, and the
// first free comment id.
func (rs *reviewState) newCommentsPart(out []*bytes.Buffer) (*commentsPart, error) {
	parts := rs.t.parts
	cp := &commentsPart{index: -1, newRels: true}
	byName := map[string]int{}
	for i, p := range parts {
		byName[strings.ToLower(p.hdr.Name)] = i
	}
	if i, ok := byName[strings.ToLower(documentRels)]; ok {
		cp.newRels = false
		for _, r := range parts[i].rels {
			if r.External || r.kind() != "comments" {
				continue
			}
			if j, ok := byName[strings.ToLower(r.resolve("word/document.xml"))]; ok {
				cp.name, cp.index = parts[j].hdr.Name, j
				break
			}
		}
	}
	if cp.index >= 0 {
		body, err := entryBytes(parts[cp.index])
		if err != nil {
			return nil, err
		}
		cp.next = max(cp.next, maxID(body)+1)
	} else {
		cp.name = "word/comments.xml"
		for n := 1; ; n++ {
			if _, taken := byName[strings.ToLower(cp.name)]; !taken {
				break
			}
			cp.name = fmt.Sprintf("word/baocao-comments%d.xml", n)
		}
		cp.relID = rs.newRelID(parts, byName)
	}
	for i, b := range out {
		if b != nil && templated.MatchString(parts[i].hdr.Name) {
			cp.next = max(cp.next, maxID(b.Bytes())+1)
		}
	}
	return cp, nil
}

// newRelID is a relationship id the body's relationships do not hold.
func (rs *reviewState) newRelID(parts []*pkgPart, byName map[string]int) string {
	taken := map[string]bool{}
	if i, ok := byName[strings.ToLower(documentRels)]; ok {
		for _, r := range parts[i].rels {
			taken[r.ID] = true
		}
	}
	id := "rIdBaocaoComments"
	for n := 2; taken[id]; n++ {
		id = "rIdBaocaoComments" + strconv.Itoa(n)
	}
	return id
}

// maxID is the largest comment id in x, or -1.
func maxID(x []byte) int {
	m := -1
	for _, s := range commentID.FindAllSubmatch(x, -1) {
		if n, err := strconv.Atoi(string(s[1])); err == nil && n > m {
			m = n
		}
	}
	return m
}

// entryBytes is the content of an entry that readPackage kept only as stored.
func entryBytes(p *pkgPart) ([]byte, error) {
	if p.xml != nil {
		return p.xml, nil
	}
	if p.meta != nil {
		return p.meta, nil
	}
	var r io.Reader = bytes.NewReader(p.raw)
	switch p.hdr.Method {
	case zip.Store:
	case zip.Deflate:
		fr := flate.NewReader(r)
		defer fr.Close()
		r = fr
	default:
		return nil, fmt.Errorf("render: %s: %w: compression method %d", p.hdr.Name, ErrPackage, p.hdr.Method)
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(p.hdr.UncompressedSize64)+1))
	if err != nil {
		return nil, fmt.Errorf("render: %s: %w", p.hdr.Name, err)
	}
	return b, nil
}

// add makes a comment and returns its id.
func (cp *commentsPart) add(author, initials, text string) int {
	id := cp.next
	cp.next++
	cp.list = append(cp.list, reviewComment{id: id, author: author, initials: initials, text: text})
	return id
}

func (cp *commentsPart) setText(id int, text string) {
	for i := range cp.list {
		if cp.list[i].id == id {
			cp.list[i].text = text
		}
	}
}

// xml is the w:comment elements; declare puts the namespace on each, for a part whose
// root may bind another prefix.
func (cp *commentsPart) xml(declare bool) string {
	var b strings.Builder
	for _, c := range cp.list {
		b.WriteString("<w:comment")
		if declare {
			b.WriteString(` xmlns:w="` + nsMain + `"`)
		}
		fmt.Fprintf(&b, ` w:id="%d" w:author="%s" w:initials="%s">`, c.id, escapeText(c.author), escapeText(c.initials))
		for i, line := range strings.Split(c.text, "\n") {
			b.WriteString("<w:p>")
			if i == 0 {
				b.WriteString("<w:r><w:annotationRef/></w:r>")
			}
			b.WriteString(`<w:r><w:t xml:space="preserve">` + escapeText(line) + "</w:t></w:r></w:p>")
		}
		b.WriteString("</w:comment>")
	}
	return b.String()
}

// body is the comments part to write: the template's with the new comments before its
// root's end tag, or a new part.
func (cp *commentsPart) body(parts []*pkgPart) ([]byte, error) {
	if cp.index < 0 {
		return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:comments xmlns:w="` + nsMain + `">` + cp.xml(false) + `</w:comments>`), nil
	}
	old, err := entryBytes(parts[cp.index])
	if err != nil {
		return nil, err
	}
	i := bytes.LastIndex(old, []byte("</"))
	if i < 0 {
		return nil, fmt.Errorf("render: %s: %w: no end tag", cp.name, ErrXML)
	}
	out := append(append([]byte{}, old[:i]...), cp.xml(true)...)
	return append(out, old[i:]...), nil
}

// extends reports whether writePackage must rewrite the entry name for the comments:
// the content types or the body's relationships, for a new comments part.
func (rs *reviewState) extends(name string) bool {
	if rs == nil || rs.comments == nil || rs.comments.index >= 0 {
		return false
	}
	return name == contentTypesPart || name == documentRels
}

// extend rewrites an entry that extends reports.
func (rs *reviewState) extend(name string, meta []byte) []byte {
	if !rs.extends(name) {
		return meta
	}
	// meta was read and checked at parse, or written by the pictures: it parses.
	cp := rs.comments
	if name == contentTypesPart {
		ct, err := parseContentTypes(meta)
		if err != nil {
			return meta
		}
		ct.overrides = append(ct.overrides, ctEntry{"/" + cp.name, commentsContentType})
		return ct.write()
	}
	rels, err := parseRels(name, meta)
	if err != nil {
		return meta
	}
	return writeRels(append(rels, cp.relationship()))
}

func (cp *commentsPart) relationship() relationship {
	return relationship{ID: cp.relID, Type: commentsRelType, Target: strings.TrimPrefix(cp.name, "word/")}
}

// extendPictures is the entry as the pictures placed extend it.
func extendPictures(pics *imageState, name string, meta []byte) []byte {
	if !pics.extends(name) {
		return meta
	}
	return pics.extend(name, meta)
}

// writeNew writes a new comments part, and the body's relationships if the template has
// none (hasRels names those written already).
func (rs *reviewState) writeNew(zw *zip.Writer, hasRels map[string]bool) error {
	if rs == nil || rs.comments == nil {
		return nil
	}
	cp := rs.comments
	if cp.index >= 0 {
		return nil // annotate made it one of the rendered parts
	}
	body, err := cp.body(rs.t.parts)
	if err != nil {
		return err
	}
	if err := writeNew(zw, cp.name, zip.Deflate, body); err != nil {
		return err
	}
	if cp.newRels && !hasRels[documentRels] {
		return writeNew(zw, documentRels, zip.Deflate, writeRels([]relationship{cp.relationship()}))
	}
	return nil
}
