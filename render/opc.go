package render

// The package's own bookkeeping (Open Packaging Conventions): relationships parts and
// [Content_Types].xml, read with encoding/xml (namespace-aware, so a prefixed root or
// single-quoted attributes read as well as Word's own writing) and written back in a
// canonical form when render changes them.

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

const (
	relsNS         = "http://schemas.openxmlformats.org/package/2006/relationships"
	contentTypesNS = "http://schemas.openxmlformats.org/package/2006/content-types"
	// relTypePrefix and relTypeStrict begin the relationship types of transitional and
	// strict Office Open XML; what follows is the kind (officeDocument, image, header…).
	relTypePrefix = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relTypeStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
	relTypeImage  = relTypePrefix + "image"
	// contentTypesPart is the name of the content types part.
	contentTypesPart = "[Content_Types].xml"
	// mainContentType is the content type of a Word document's main part.
	mainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)

// relationship is one Relationship element of a relationships part.
type relationship struct {
	ID, Type, Target string
	External         bool // TargetMode="External"
}

// kind is the last segment of the relationship's type: "image", "header", "vbaProject"…
func (r relationship) kind() string {
	for _, p := range []string{relTypePrefix, relTypeStrict} {
		if strings.HasPrefix(r.Type, p) {
			return r.Type[len(p):]
		}
	}
	return r.Type[strings.LastIndexByte(r.Type, '/')+1:]
}

// resolve is the part name the relationship of a part named source points to: targets are
// relative to the source's folder, or absolute from the package root.
func (r relationship) resolve(source string) string {
	if strings.HasPrefix(r.Target, "/") {
		return strings.TrimPrefix(path.Clean(r.Target), "/")
	}
	return strings.TrimPrefix(path.Join(path.Dir(source), r.Target), "/")
}

// parseRels reads a relationships part.
func parseRels(name string, data []byte) ([]relationship, error) {
	var rels []relationship
	err := walkOPC(name, data, xml.Name{Space: relsNS, Local: "Relationships"}, func(se xml.StartElement) error {
		if se.Name != (xml.Name{Space: relsNS, Local: "Relationship"}) {
			return nil
		}
		var r relationship
		for _, a := range se.Attr {
			switch a.Name {
			case xml.Name{Local: "Id"}:
				r.ID = a.Value
			case xml.Name{Local: "Type"}:
				r.Type = a.Value
			case xml.Name{Local: "Target"}:
				r.Target = a.Value
			case xml.Name{Local: "TargetMode"}:
				r.External = a.Value == "External"
			}
		}
		if r.ID == "" || r.Type == "" {
			return fmt.Errorf("a relationship without Id or Type")
		}
		rels = append(rels, r)
		return nil
	})
	return rels, err
}

// writeRels writes a relationships part.
func writeRels(rels []relationship) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<Relationships xmlns="` + relsNS + `">`)
	for _, r := range rels {
		b.WriteString(`<Relationship Id="`)
		xml.EscapeText(&b, []byte(r.ID))
		b.WriteString(`" Type="`)
		xml.EscapeText(&b, []byte(r.Type))
		b.WriteString(`" Target="`)
		xml.EscapeText(&b, []byte(r.Target))
		if r.External {
			b.WriteString(`" TargetMode="External`)
		}
		b.WriteString(`"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.Bytes()
}

// contentTypes is [Content_Types].xml: content types by extension and by part.
type contentTypes struct {
	defaults  []ctEntry // Key: extension, without the dot
	overrides []ctEntry // Key: part name, with its leading /
}

type ctEntry struct{ Key, Type string }

func parseContentTypes(data []byte) (*contentTypes, error) {
	ct := &contentTypes{}
	err := walkOPC(contentTypesPart, data, xml.Name{Space: contentTypesNS, Local: "Types"}, func(se xml.StartElement) error {
		attr := func(local string) string {
			for _, a := range se.Attr {
				if a.Name == (xml.Name{Local: local}) {
					return a.Value
				}
			}
			return ""
		}
		switch se.Name {
		case xml.Name{Space: contentTypesNS, Local: "Default"}:
			ct.defaults = append(ct.defaults, ctEntry{attr("Extension"), attr("ContentType")})
		case xml.Name{Space: contentTypesNS, Local: "Override"}:
			ct.overrides = append(ct.overrides, ctEntry{attr("PartName"), attr("ContentType")})
		}
		return nil
	})
	return ct, err
}

// of returns the content type of a part (named without the leading /), "" if none.
func (ct *contentTypes) of(part string) string {
	for _, o := range ct.overrides {
		if strings.EqualFold(strings.TrimPrefix(o.Key, "/"), part) {
			return o.Type
		}
	}
	ext := path.Ext(part)
	if ext == "" {
		return ""
	}
	for _, d := range ct.defaults {
		if strings.EqualFold(d.Key, ext[1:]) {
			return d.Type
		}
	}
	return ""
}

// hasDefault reports whether the extension has a default content type.
func (ct *contentTypes) hasDefault(ext string) bool {
	for _, d := range ct.defaults {
		if strings.EqualFold(d.Key, ext) {
			return true
		}
	}
	return false
}

func (ct *contentTypes) write() []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<Types xmlns="` + contentTypesNS + `">`)
	for _, list := range []struct {
		elem, key string
		entries   []ctEntry
	}{{"Default", "Extension", ct.defaults}, {"Override", "PartName", ct.overrides}} {
		for _, e := range list.entries {
			b.WriteString(`<` + list.elem + ` ` + list.key + `="`)
			xml.EscapeText(&b, []byte(e.Key))
			b.WriteString(`" ContentType="`)
			xml.EscapeText(&b, []byte(e.Type))
			b.WriteString(`"/>`)
		}
	}
	b.WriteString(`</Types>`)
	return b.Bytes()
}

// isXMLContentType reports whether parts of this content type are XML.
func isXMLContentType(t string) bool {
	t = strings.ToLower(strings.TrimSpace(strings.SplitN(t, ";", 2)[0]))
	return strings.HasSuffix(t, "+xml") || t == "application/xml" || t == "text/xml"
}

// walkOPC reads a package bookkeeping part, already checked well-formed, whose root must
// be root, and calls fn for each element. A plain part is read by fastOPC; any other
// by encoding/xml.
func walkOPC(name string, data []byte, root xml.Name, fn func(xml.StartElement) error) error {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if elems, ok := fastOPC(data, root); ok {
		for _, se := range elems {
			if err := fn(se); err != nil {
				return &Error{Kind: ErrPackage, Location: Location{Part: name}, Err: err}
			}
		}
		return nil
	}
	return walkXML(name, data, root, fn)
}

// walkXML is walkOPC with encoding/xml, for any well-formed part.
func walkXML(name string, data []byte, root xml.Name, fn func(xml.StartElement) error) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	first := true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return &Error{Kind: ErrXML, Location: Location{Part: name}, Err: err}
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if first && se.Name != root {
			return &Error{Kind: ErrPackage, Location: Location{Part: name}, Err: fmt.Errorf("the root element is <%s> in %q, not <%s> in %q", se.Name.Local, se.Name.Space, root.Local, root.Space)}
		}
		first = false
		if err := fn(se); err != nil {
			return &Error{Kind: ErrPackage, Location: Location{Part: name}, Err: err}
		}
	}
}

// relsName is the relationships part of a part: word/document.xml →
// word/_rels/document.xml.rels.
func relsName(part string) string {
	i := strings.LastIndexByte(part, '/')
	return part[:i+1] + "_rels/" + part[i+1:] + ".rels"
}

// pkgIndex finds, for one execution that adds pictures, the template's parts by name:
// the relationships and content types, as parsed, that the pictures extend.
type pkgIndex struct {
	parts  []*pkgPart
	byName map[string]*pkgPart // lower-case part name → part
}

func newPkgIndex(parts []*pkgPart) *pkgIndex {
	x := &pkgIndex{parts: parts, byName: make(map[string]*pkgPart, len(parts))}
	for _, p := range parts {
		x.byName[strings.ToLower(p.hdr.Name)] = p
	}
	return x
}

// addRels returns the relationships part of part with its picture relationships added:
// the template's relationships (as read at parse, whatever their XML looked like) and
// then one per picture. rels is the part's relationships XML, nil when it had none.
func (st *imageState) addRels(rels []byte, part string) []byte {
	var all []relationship
	if rels != nil {
		if rp := st.pkg.byName[strings.ToLower(relsName(part))]; rp != nil {
			all = append(all, rp.rels...)
		}
	}
	dir := part[:strings.LastIndexByte(part, '/')+1]
	for _, mi := range st.order[part] {
		target := st.media[mi].name
		if strings.HasPrefix(target, dir) {
			target = target[len(dir):]
		} else {
			target = "/" + target
		}
		all = append(all, relationship{ID: st.rels[part][mi], Type: relTypeImage, Target: target})
	}
	return writeRels(all)
}

// addContentTypes returns the content types with the picture formats used declared,
// unless the package already declares them.
func (st *imageState) addContentTypes(ct []byte) []byte {
	p := st.pkg.byName[strings.ToLower(contentTypesPart)]
	if p == nil || p.ct == nil {
		return ct
	}
	types := *p.ct
	types.defaults = append([]ctEntry(nil), types.defaults...)
	added := false
	for _, m := range st.media {
		if !types.hasDefault(m.ext) {
			types.defaults = append(types.defaults, ctEntry{m.ext, "image/" + m.ext})
			added = true
		}
	}
	if !added {
		return ct
	}
	return types.write()
}
