package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// No external reach, no macros. A template comes from a clerk's computer or a web form
// and its outputs are opened by Word and converted by LibreOffice on a server, so a
// relationship that points outside the package would make them read a server's file
// (file:///etc/…, ../../secret) or fetch a URL each time a document is opened or
// converted. At parse:
//
//   - an external hyperlink stays: following it takes a reader's click;
//   - an external attached template (settings.xml's w:attachedTemplate, which Word
//     fetches when it opens the document) is stripped, with the element that uses it:
//     nearly every document made from a corporate .dotx carries one to a path on its
//     author's disk, and it carries nothing the document shows;
//   - any other relationship that reaches outside the package (a linked picture, an OLE
//     object, a subdocument, an altChunk, a frame, a mail merge data source…) is
//     refused with ErrPackage naming the relationships part: it carries content the
//     document shows, so stripping it would change the report silently; the clerk
//     embeds the picture or object instead (Word: Insert, not Link to File);
//   - macros are stripped: the VBA project and its data, their relationships and
//     content types, and a macro-enabled (or template) main part's content type
//     becomes that of a plain document, so outputs are .docx files that run nothing.
//
// A relationship reaches outside when its TargetMode is External, or when its target,
// though internal, is a URL (it has a scheme such as file: or http:, or starts with //
// or \).

// macroKinds are the relationship kinds of macro content, stripped with their parts.
var macroKinds = map[string]bool{"vbaProject": true, "wordVbaData": true, "keyMapCustomizations": true}

// macroContentTypes are replaced by a plain document's main content type.
var macroContentTypes = map[string]bool{
	"application/vnd.ms-word.document.macroenabled.main+xml":                           true,
	"application/vnd.ms-word.template.macroenabledtemplate.main+xml":                   true,
	"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": true,
}

// applyPolicy applies the rules above to the parts read.
func (rd *pkgReader) applyPolicy() error {
	drop := map[string]bool{}
	var settings []string // parts whose attached template was stripped
	for _, p := range rd.parts {
		if p.rels == nil && !strings.HasSuffix(strings.ToLower(p.hdr.Name), ".rels") {
			continue
		}
		kept := p.rels[:0:0]
		for _, r := range p.rels {
			switch {
			case macroKinds[r.kind()]:
				drop[strings.ToLower(r.resolve(partOfRels(p.hdr.Name)))] = true
			case !reachesOutside(r) || r.kind() == "hyperlink":
				kept = append(kept, r)
			case r.kind() == "attachedTemplate":
				settings = append(settings, partOfRels(p.hdr.Name)+"\x00"+r.ID)
			default:
				return &Error{Kind: ErrPackage, Location: Location{Part: p.hdr.Name}, Err: fmt.Errorf("%s reaches outside the package: embed the content in the document instead of linking to it", relDescription(r))}
			}
		}
		if len(kept) != len(p.rels) {
			p.rels = kept
			p.setRewritten(writeRels(kept))
		}
	}
	for _, s := range settings {
		part, id, _ := strings.Cut(s, "\x00")
		if err := rd.removeAttachedTemplate(part, id); err != nil {
			return err
		}
	}
	rd.dropMacros(drop)
	return nil
}

// reachesOutside reports whether a relationship's target is outside the package.
func reachesOutside(r relationship) bool {
	if r.External {
		return true
	}
	t := strings.TrimSpace(r.Target)
	if strings.HasPrefix(t, "//") || strings.HasPrefix(t, `\`) {
		return true
	}
	// A scheme: letters, digits, +, -, . before a colon that comes before any slash.
	if i := strings.IndexByte(t, ':'); i > 0 && !strings.ContainsAny(t[:i], "/?#") {
		return true
	}
	return false
}

// dropMacros removes the macro parts named in drop (and the package's own names for
// them), their relationships parts and content types, and gives a macro-enabled main
// part the content type of a plain document.
func (rd *pkgReader) dropMacros(drop map[string]bool) {
	kept := rd.parts[:0]
	for _, p := range rd.parts {
		lower := strings.ToLower(p.hdr.Name)
		isMacro := drop[lower] || drop[strings.ToLower(partOfRels(p.hdr.Name))] ||
			strings.HasPrefix(lower, "word/vba") && (strings.HasSuffix(lower, ".bin") || strings.HasSuffix(lower, ".xml")) ||
			strings.HasPrefix(lower, "word/_rels/vba")
		if isMacro {
			drop[lower] = true
			continue
		}
		kept = append(kept, p)
	}
	rd.parts = kept
	ct := *rd.ct
	ct.defaults, ct.overrides = nil, nil
	changed := false
	for _, d := range rd.ct.defaults {
		if strings.EqualFold(d.Type, "application/vnd.ms-office.vbaProject") {
			changed = true
			continue
		}
		ct.defaults = append(ct.defaults, d)
	}
	for _, o := range rd.ct.overrides {
		switch {
		case drop[strings.ToLower(strings.TrimPrefix(o.Key, "/"))]:
			changed = true
			continue
		case macroContentTypes[strings.ToLower(o.Type)]:
			o.Type = mainContentType
			changed = true
		}
		ct.overrides = append(ct.overrides, o)
	}
	if !changed {
		return
	}
	*rd.ct = ct
	for _, p := range rd.parts {
		if p.ct != nil {
			p.setRewritten(ct.write())
		}
	}
}

// removeAttachedTemplate removes from part the w:attachedTemplate element that uses the
// relationship id: the relationship is gone, and Word must not find a dangling id.
func (rd *pkgReader) removeAttachedTemplate(part, id string) error {
	var p *pkgPart
	for _, q := range rd.parts {
		if strings.EqualFold(q.hdr.Name, part) {
			p = q
		}
	}
	if p == nil {
		return nil
	}
	f := rd.byName[strings.ToLower(p.hdr.Name)]
	data := p.meta
	if data == nil {
		var err error
		if data, err = rd.inflate(f, nil); err != nil {
			return err
		}
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	for depth, start := 0, int64(-1); ; {
		before := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return &Error{Kind: ErrXML, Location: Location{Part: p.hdr.Name}, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if start < 0 && t.Name.Local == "attachedTemplate" && attrValue(t, "id") == id {
				start = before
				depth = 1
			}
		case xml.EndElement:
			depth--
			if start >= 0 && depth == 0 {
				out := append(append([]byte(nil), data[:start]...), data[d.InputOffset():]...)
				p.setRewritten(out)
				return nil
			}
		}
	}
}

func attrValue(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
