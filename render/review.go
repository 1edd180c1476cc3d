package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/ansinh-vn/baocao/internal/atomicfile"
)

// Review asks ExecuteReview to write a review draft: the document as Execute writes it,
// with every note as a Word comment beside the text that prints the figure it is about.
type Review struct {
	// Notes are the remarks to write, in the order the comments are numbered.
	Notes []Note
	// Author and Initials sign every comment; empty, they are DefaultReviewAuthor and
	// Author.
	Author, Initials string
	// NotPrinted starts the comment of a note whose figures no tag prints, which goes on
	// the first paragraph of the body; empty, it is DefaultNotPrinted.
	NotPrinted string
	// OutsideBody starts the comment of a note whose figures only a header or footer
	// prints (Word takes no comments there), which goes on the first paragraph of the
	// body; empty, it is DefaultOutsideBody.
	OutsideBody string
}

// Note is one remark about figures of the data, such as a validation finding.
//
// The comment is anchored where the document prints the figure: on the text a tag
// printed, when the note names one figure and one tag of the paragraph prints it; on the
// whole paragraph when the note names several figures or several tags of the paragraph
// print it. The first paragraph of the body that prints one of its figures is chosen
// (footnotes and endnotes too, where Word takes comments); inside a range, only the
// turn whose item the path names counts, so a note about one item of a row loop goes on
// the row that printed that item.
type Note struct {
	// Figures are the figures the note is about.
	Figures []Figure
	// Text is the comment's text; a newline starts a new paragraph of the comment.
	Text string
}

// Figure is one figure of the data, by the paths at which tags may print it: most
// figures have one, an item of a list the data also holds in a map by key has two.
//
// A path is written as Uses writes fields, with the element of a list by its index and
// the element of a map by its key: ".giam_ngheo.ho_ngheo.ty_le",
// ".tin_dung.chuong_trinh_ds[2].so_ho", ".tin_dung.chuong_trinh.hssv.so_ho" (the leading
// dot may be left out). A tag prints the figure when a field path it prints is the
// path, lies beneath it, or holds it: {{so .x.ty_le}} prints ".x.ty_le",
// ".x" and ".x.ty_le.bao_cao".
type Figure []string

// Defaults of a Review.
const (
	// DefaultReviewAuthor signs the comments of a Review without an Author.
	DefaultReviewAuthor = "baocao"
	// DefaultNotPrinted starts the comment of a note no tag prints.
	DefaultNotPrinted = "Mẫu báo cáo không in số liệu này."
	// DefaultOutsideBody starts the comment of a note only a header or footer prints.
	DefaultOutsideBody = "Số liệu này chỉ in ở đầu trang hoặc chân trang, nơi Word không đặt được ghi chú."
)

// ExecuteReview renders the template with data, as ExecuteContext does, and writes
// every note of r as a Word comment (word/comments.xml, with its relationship and
// content type; a template's own comments stay, and ids never clash). Without notes the
// document is the one ExecuteContext writes.
//
// Each comment is anchored by commentRangeStart and commentRangeEnd with a
// commentReference run after them, all in one paragraph, as Word requires; see Note
// for where. Executing for review adds a step per printed value and per loop turn to
// the count Limits.MaxSteps bounds.
func (t *Template) ExecuteReview(ctx context.Context, w io.Writer, data any, r Review) error {
	if !t.parsed {
		return fmt.Errorf("render: template %q is not parsed", t.name)
	}
	buf := getBuffer()
	defer putBuffer(buf)
	if err := t.build(ctx, buf, data, &r); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("render: writing %s: %w", t.name, err)
	}
	return nil
}

// ExecuteReviewFile is ExecuteReview into the file at path, written as ExecuteFile
// writes: complete, or not at all.
func (t *Template) ExecuteReviewFile(path string, data any, r Review) error {
	if !t.parsed {
		return fmt.Errorf("render: template %q is not parsed", t.name)
	}
	buf := getBuffer()
	defer putBuffer(buf)
	if err := t.build(context.Background(), buf, data, &r); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes())
}

// withDefaults fills the empty fields of a Review.
func (r Review) withDefaults() Review {
	if r.Author == "" {
		r.Author = DefaultReviewAuthor
	}
	if r.Initials == "" {
		r.Initials = r.Author
	}
	if r.NotPrinted == "" {
		r.NotPrinted = DefaultNotPrinted
	}
	if r.OutsideBody == "" {
		r.OutsideBody = DefaultOutsideBody
	}
	return r
}

// normPath writes a figure path with its leading dot.
func normPath(p string) string {
	p = strings.TrimSpace(p)
	if p != "" && !strings.HasPrefix(p, ".") {
		p = "." + p
	}
	return p
}

// pathMatches reports whether a printed field path prints the figure at path fig: the
// same path, one beneath the other.
func pathMatches(printed, fig string) bool {
	if printed == "" || printed == "." || fig == "" {
		return false
	}
	return printed == fig || beneath(printed, fig) || beneath(fig, printed)
}

// beneath reports whether path a lies beneath path b.
func beneath(a, b string) bool {
	return len(a) > len(b) && strings.HasPrefix(a, b) && (a[len(b)] == '.' || a[len(b)] == '[')
}

// commentParts are the parts whose text Word lets comments anchor to.
func commentPart(name string) bool {
	return name == "word/document.xml" || name == "word/footnotes.xml" || name == "word/endnotes.xml"
}

// escapeText escapes s for XML character data and attribute values.
func escapeText(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF:
			b.WriteRune(r)
		}
	}
	return b.String()
}
