package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"
	"text/template/parse"
)

// FuncMap maps names to functions callable from tags, as text/template.FuncMap does.
type FuncMap map[string]any

// printFunc is the function the compiler appends to every print action; its name cannot
// clash with a user's, as no Go identifier a clerk types starts this way.
const printFunc = "_baocao_print"

// Template is a parsed .docx template. Parse it once and execute it as often as needed,
// from as many goroutines as needed: after parsing, a Template is never modified.
//
// Configure with Funcs, MissingKey, Printer and Limits before parsing.
type Template struct {
	name        string
	funcs       FuncMap
	missingZero bool
	printer     Printer
	limits      Limits
	parts       []*pkgPart
	parsed      bool
	images      bool // some tag calls the built-in image function
}

// partTemplate is one part compiled to text/template.
type partTemplate struct {
	comp  *compiled
	tmpl  *template.Template
	lines []int // offset of each line's start in comp.src
}

// New returns an empty template with the given name, used in messages.
func New(name string) *Template {
	return &Template{name: name, funcs: FuncMap{}, printer: DefaultPrinter, limits: DefaultLimits}
}

// Funcs adds functions that tags may call. It must be called before parsing; later
// maps override earlier names.
func (t *Template) Funcs(fm FuncMap) *Template {
	for k, v := range fm {
		t.funcs[k] = v
	}
	return t
}

// MissingKey sets what a tag does when the data lacks the key it asks for: with
// zero false (the default) Execute fails with ErrMissingKey naming the tag and where it
// is; with zero true the tag prints nothing.
func (t *Template) MissingKey(zero bool) *Template {
	t.missingZero = zero
	return t
}

// Printer replaces DefaultPrinter, the function that turns each printed value into text.
func (t *Template) Printer(p Printer) *Template {
	if p == nil {
		p = DefaultPrinter
	}
	t.printer = p
	return t
}

// Limits sets the bounds a package must respect (see Limits; zero fields keep defaults).
func (t *Template) Limits(l Limits) *Template {
	t.limits = l.withDefaults()
	return t
}

// Name returns the template's name.
func (t *Template) Name() string { return t.name }

// ParseFile parses the .docx file at path into a new template named after the file.
func ParseFile(path string) (*Template, error) {
	return New(filepath.Base(path)).ParseFile(path)
}

// Must panics if err is not nil; for templates known at build time, as template.Must.
func Must(t *Template, err error) *Template {
	if err != nil {
		panic(err)
	}
	return t
}

// ParseFile reads and parses the .docx file at path.
func (t *Template) ParseFile(path string) (*Template, error) {
	b, err := t.readLimited(os.Open(path))
	if err != nil {
		return nil, fmt.Errorf("render: %s: %w", path, err)
	}
	return t.Parse(b)
}

// ParseFS reads and parses the .docx file name from fsys.
func (t *Template) ParseFS(fsys fs.FS, name string) (*Template, error) {
	b, err := t.readLimited(fsys.Open(name))
	if err != nil {
		return nil, fmt.Errorf("render: %s: %w", name, err)
	}
	return t.Parse(b)
}

// maxPackage is the largest package file the limits allow: stored entries are never
// smaller than their data, so a package larger than all its parts may hold is refused
// before it is read.
func (t *Template) maxPackage() int64 {
	l := t.limits.withDefaults()
	return l.MaxTotalSize + 1<<20
}

func (t *Template) readLimited(f io.ReadCloser, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	defer f.Close()
	max := t.maxPackage()
	if st, ok := f.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > max {
			return nil, fmt.Errorf("%w: the file is %d bytes, more than %d (see Limits)", ErrPackage, fi.Size(), max)
		}
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: the file is larger than %d bytes (see Limits)", ErrPackage, max)
	}
	return b, nil
}

// ParseReaderAt parses the .docx package of the given size read from r. The package is
// read completely during the call; r is not used afterwards.
func (t *Template) ParseReaderAt(r io.ReaderAt, size int64) (*Template, error) {
	if size < 0 || size > t.maxPackage() {
		return nil, fmt.Errorf("render: %w: a package of %d bytes is outside the limits", ErrPackage, size)
	}
	b := make([]byte, size)
	if _, err := r.ReadAt(b, 0); err != nil && err != io.EOF {
		return nil, fmt.Errorf("render: %w", err)
	}
	return t.Parse(b)
}

// Parse parses a .docx package held in memory. It returns every error of the template at
// once, as Errors; each names the part and the paragraph around the tag.
func (t *Template) Parse(docx []byte) (*Template, error) {
	if t.parsed {
		return nil, fmt.Errorf("render: template %q is already parsed", t.name)
	}
	parts, err := readPackage(bytes.NewReader(docx), int64(len(docx)), t.limits.withDefaults())
	if err != nil {
		return nil, fmt.Errorf("render: %s: %w", t.name, err)
	}
	var errs Errors
	for _, p := range parts {
		if p.xml == nil || !bytes.ContainsRune(p.xml, '{') {
			continue
		}
		pt, perrs := t.compile(p)
		errs = append(errs, perrs...)
		p.tmpl = pt
		if pt != nil {
			p.xml = nil // the compiled source has it all now
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	t.parts = parts
	t.parsed = true
	if _, own := t.funcs[imageFunc]; !own {
		for _, u := range t.Uses() {
			if u.Kind == UseFunc && u.Name == imageFunc {
				t.images = true
			}
		}
	}
	return t, nil
}

func (t *Template) compile(p *pkgPart) (*partTemplate, Errors) {
	name := p.hdr.Name
	sc, err := scanPart(p.xml)
	if err != nil {
		return nil, Errors{{Kind: ErrXML, Location: Location{Part: name}, Err: err}}
	}
	comp, acts, errs := compilePart(name, p.xml, sc)
	// Each tag is also checked alone, whatever the structure's errors: a clerk gets every
	// error of the template in one go.
	funcs := t.templateFuncs(sc.prefix)
	for _, a := range acts {
		if e := checkAction(a, funcs); e != nil {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Paragraph < errs[j].Paragraph })
		return nil, errs
	}
	tm := template.New(name).Funcs(funcs)
	if t.missingZero {
		tm.Option("missingkey=zero")
	} else {
		tm.Option("missingkey=error")
	}
	if _, err := tm.Parse(comp.src); err != nil {
		// Every tag parsed alone; what is left is about how they fit together (a break
		// outside a range, say).
		e := &Error{Kind: ErrSyntax, Location: Location{Part: name}, Err: cleanParseError(err)}
		if m := undefinedVar.FindStringSubmatch(err.Error()); m != nil {
			named := regexp.MustCompile(regexp.QuoteMeta(m[1]) + `(?:[^\pL\pN_]|$)`)
			for _, a := range comp.actions {
				if named.MatchString(a.inner) {
					e.Location, e.Tag = a.Location, a.text
					break
				}
			}
		}
		return nil, Errors{e}
	}
	if t.missingZero {
		lenientFields(tm.Tree.Root)
	}
	addPrint(tm.Tree.Root, tm.Tree)
	pt := &partTemplate{comp: comp, tmpl: tm, lines: lineStarts(comp.src)}
	return pt, nil
}

// templateFuncs is the user's functions plus the printer, which writes into a w:t of
// the part's namespace prefix.
func (t *Template) templateFuncs(prefix string) template.FuncMap {
	fm := template.FuncMap{}
	for k, v := range t.funcs {
		fm[k] = v
	}
	if _, own := fm[imageFunc]; !own {
		// Replaced by a function bound to each execution's pictures (see build).
		fm[imageFunc] = func(v any, width ...any) (rawXML, error) {
			return "", errors.New("image: no execution")
		}
	}
	fm[getFunc] = lenientGet
	// The fmt builtins, made safe from data that contains itself.
	safe := map[string]any{
		"print":   func(args ...any) (string, error) { return safePrint(fmt.Sprint, args, args) },
		"println": func(args ...any) (string, error) { return safePrint(fmt.Sprintln, args, args) },
		"printf": func(format string, args ...any) (string, error) {
			return safePrint(func(a ...any) string { return fmt.Sprintf(format, a...) }, args, printedArgs(format, args))
		},
	}
	for name, f := range safe {
		if _, own := t.funcs[name]; !own {
			fm[name] = f
		}
	}
	esc := newEscaper(prefix)
	printer := t.printer
	// One result, not (string, error): text/template calls this through reflection for
	// every printed value, and a second result costs an allocation each time. A printer
	// error panics instead, which text/template recovers and returns as the tag's error.
	fm[printFunc] = func(v any) string {
		if x, ok := v.(rawXML); ok {
			return string(x)
		}
		s, err := printer(v)
		if err != nil {
			panic(err)
		}
		return esc.escape(s)
	}
	return fm
}

// checkAction parses one tag alone, so a syntax error or an unknown function is reported
// at its own paragraph, and all of them at once.
func checkAction(a *action, funcs template.FuncMap) *Error {
	var src string
	switch a.kind {
	case tagPrint, tagComment:
		src = "{{" + a.inner + "}}"
	case tagIf, tagWith, tagRange:
		src = "{{" + a.inner + "}}{{end}}"
	case tagElse:
		open := "if"
		if a.block != nil {
			open = a.block.open.word
		}
		src = "{{" + open + " 0}}{{" + a.inner + "}}{{end}}"
	default:
		return nil
	}
	// Variables come from enclosing tags; declare the ones this tag names so that it can
	// be parsed alone. A variable declared nowhere is caught when the part is parsed whole.
	var decl strings.Builder
	for _, v := range variable.FindAllString(a.inner, -1) {
		decl.WriteString("{{" + v + " := 0}}")
	}
	_, err := template.New("tag").Funcs(funcs).Parse(decl.String() + src)
	if err == nil {
		return nil
	}
	cause := cleanParseError(err)
	kind := ErrSyntax
	if unknownFunc.MatchString(err.Error()) {
		kind = ErrUnknownFunction
	}
	return &Error{Kind: kind, Location: a.Location, Tag: a.text, Err: cause}
}

var (
	unknownFunc   = regexp.MustCompile(`function "[^"]*" not defined`)
	variable      = regexp.MustCompile(`\$[\pL_][\pL\pN_]*`)
	undefinedVar  = regexp.MustCompile(`undefined variable "(\$[^"]*)"`)
	parsePrefix   = regexp.MustCompile(`^template: [^:]*:\d+:(\d+:)? ?`)
	execErrorText = regexp.MustCompile(`(?s)^template: (\S+?):(\d+):(\d+): (?:executing "[^"]*" at <[^>]*>: )?(.*)$`)
)

type plainError string

func (e plainError) Error() string { return string(e) }

func cleanParseError(err error) error {
	return plainError(parsePrefix.ReplaceAllString(err.Error(), ""))
}

// addPrint appends the printer to every action that prints, as html/template appends its
// escapers: values are escaped for XML whatever the template says.
func addPrint(n parse.Node, tr *parse.Tree) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			addPrint(c, tr)
		}
	case *parse.ActionNode:
		if len(n.Pipe.Decl) == 0 {
			id := parse.NewIdentifier(printFunc).SetTree(tr).SetPos(n.Pos)
			n.Pipe.Cmds = append(n.Pipe.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Pos, Args: []parse.Node{id}})
		}
	case *parse.IfNode:
		addPrint(n.List, tr)
		addPrint(n.ElseList, tr)
	case *parse.RangeNode:
		addPrint(n.List, tr)
		addPrint(n.ElseList, tr)
	case *parse.WithNode:
		addPrint(n.List, tr)
		addPrint(n.ElseList, tr)
	}
}

func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// locate finds the tag at a line and column of the generated source.
func (pt *partTemplate) locate(line, col int) *action {
	if line < 1 || line > len(pt.lines) {
		return nil
	}
	off := pt.lines[line-1] + col
	var found *action
	for _, a := range pt.comp.actions {
		if a.srcOff > off {
			break
		}
		found = a
	}
	return found
}

func isMissingKey(msg string) bool {
	return strings.Contains(msg, "map has no entry for key") || strings.Contains(msg, "can't evaluate field") ||
		strings.Contains(msg, "nil pointer evaluating")
}
