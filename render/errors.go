package render

import (
	"errors"
	"fmt"
	"strings"
)

// Kinds of error. Every error from Parse, Execute and Check wraps one of these, so callers
// can test with errors.Is; errors.As with *Error gives the place in the document.
var (
	// ErrPackage: the input is not a usable .docx package (not a zip, no
	// word/document.xml, unsafe or duplicate entry names, limits exceeded).
	ErrPackage = errors.New("invalid .docx package")
	// ErrXML: a part is not well-formed XML.
	ErrXML = errors.New("malformed XML")
	// ErrUnclosed: a "{{" has no "}}" after it in its paragraph.
	ErrUnclosed = errors.New("unclosed tag")
	// ErrSplitParagraph: a tag starts in one paragraph and ends in another.
	ErrSplitParagraph = errors.New("tag split across paragraphs")
	// ErrUnbalanced: an if, with or range without its end, an end or else without an
	// opening tag, or a block whose tags sit at places that cannot be paired.
	ErrUnbalanced = errors.New("unbalanced block")
	// ErrSyntax: the action inside a tag is not valid template syntax.
	ErrSyntax = errors.New("template syntax error")
	// ErrUnknownFunction: a tag calls a function that was not registered with Funcs.
	ErrUnknownFunction = errors.New("unknown function")
	// ErrUnsupported: define, block and template actions have no place in a Word file.
	ErrUnsupported = errors.New("unsupported action")
	// ErrMissingKey: the data has no value for a field a tag uses.
	ErrMissingKey = errors.New("missing key")
	// ErrExec: executing a tag failed for another reason (a function returned an error,
	// a value of the wrong type…).
	ErrExec = errors.New("execution error")
	// ErrMethodCall: a tag calls a method of a data value with arguments
	// ({{.x.WithPlaces 10000000}}), which Parse refuses unless AllowMethods names it:
	// such a call runs code of the data's types with numbers the template chooses,
	// outside every bound the template's functions keep.
	ErrMethodCall = errors.New("method call with arguments")
	// ErrLimit: the template went over one of its Limits (Name says which: "MaxTags",
	// "MaxSteps", "MaxOutput"), or the context of ExecuteContext ended (Name is
	// "context", and the error also wraps context.Canceled or
	// context.DeadlineExceeded).
	ErrLimit = errors.New("limit exceeded")
)

// Location is a place in the template as a clerk finds it in Word: the part, the number
// of the paragraph within it, and the paragraph's text around the tag.
type Location struct {
	Part      string // "word/document.xml", "word/header1.xml", "word/footnotes.xml"…
	Paragraph int    // 1-based, counting every paragraph of the part in order, table cells included
	Text      string // the paragraph's text around the tag
	// Table, Row and Column place a paragraph that stands in a table: the table's number
	// in document order within the part, the row's within its table and the cell's
	// within its row, all 1-based; the innermost table for nested tables. All three
	// are 0 outside tables.
	Table, Row, Column int
}

// String gives the part, the paragraph number, its place in a table and its text, as
// messages show them.
func (l Location) String() string {
	if l.Paragraph == 0 {
		return l.Part
	}
	if l.Table > 0 {
		return fmt.Sprintf("%s, paragraph %d (table %d, row %d, column %d) %q", l.Part, l.Paragraph, l.Table, l.Row, l.Column, l.Text)
	}
	return fmt.Sprintf("%s, paragraph %d %q", l.Part, l.Paragraph, l.Text)
}

// Error is one problem at one place in a template. Besides the text of Error(), it keeps
// in its fields what a message in another language needs: the kind, the place, the tag,
// and the name the problem is about.
type Error struct {
	Kind error // one of the Err* kinds
	Location
	Tag string // the tag as written in Word, if the error is about one
	// Name is the name the error is about, when there is one: the key the data lacks
	// (ErrMissingKey: "so_ho"), the function that is not defined (ErrUnknownFunction),
	// the method called with arguments (ErrMethodCall), the action refused
	// (ErrUnsupported: "define", "block", "template"), the limit (ErrLimit: "MaxTags",
	// "MaxSteps", "MaxOutput", "context").
	Name string
	// Path is, for ErrMissingKey, the data path the tag asks for as far as it is
	// known (".giam_ngheo.ho_ngheo.so_ho"; inside a range, from the range's element).
	Path string
	Err  error // the underlying cause
}

// Error reads "part, paragraph N \"text\": tag: kind: cause".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Location.String())
	if e.Tag != "" {
		b.WriteString(": ")
		b.WriteString(e.Tag)
	}
	b.WriteString(": ")
	b.WriteString(e.Kind.Error())
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap gives the kind and the cause, so errors.Is works with both.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// Errors is every error found at once, in document order.
type Errors []*Error

// Error gives the one error, or the count and every error on a line of its own.
func (es Errors) Error() string {
	if len(es) == 1 {
		return es[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d errors:", len(es))
	for _, e := range es {
		b.WriteString("\n\t")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns each error, so errors.Is and errors.As look at all of them.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

func (es Errors) orNil() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
