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
// Configure with Funcs, MissingKey, Printer, Limits and AllowMethods before parsing.
// Configuration cannot change a parsed template: those methods panic when called after
// Parse, as text/template's Funcs panics on a bad map, since the call is a mistake in
// the program and not in its input.
type Template struct {
	name        string
	funcs       FuncMap
	missingZero bool
	printer     Printer
	limits      Limits
	methods     map[string]bool // methods that tags may call with arguments
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
	return &Template{name: name, funcs: FuncMap{}, printer: DefaultPrinter, limits: DefaultLimits()}
}

// configure panics if t is parsed: a setting made after Parse would be silently lost.
func (t *Template) configure(method string) {
	if t.parsed {
		panic(fmt.Sprintf("render: %s called on template %q after Parse: configure a template before parsing it", method, t.name))
	}
}

// Funcs adds functions that tags may call. It must be called before parsing (it panics
// after); later maps override earlier names.
func (t *Template) Funcs(fm FuncMap) *Template {
	t.configure("Funcs")
	for k, v := range fm {
		t.funcs[k] = v
	}
	return t
}

// MissingKey sets what a tag does when the data lacks the key it asks for: with
// zero false (the default) Execute fails with ErrMissingKey naming the tag and where it
// is; with zero true the tag prints nothing. It panics after Parse.
func (t *Template) MissingKey(zero bool) *Template {
	t.configure("MissingKey")
	t.missingZero = zero
	return t
}

// Printer replaces DefaultPrinter, the function that turns each printed value into text.
// It panics after Parse.
func (t *Template) Printer(p Printer) *Template {
	t.configure("Printer")
	if p == nil {
		p = DefaultPrinter
	}
	t.printer = p
	return t
}

// Limits sets the bounds the template must respect (see Limits; zero fields keep their
// defaults). It panics after Parse.
func (t *Template) Limits(l Limits) *Template {
	t.configure("Limits")
	t.limits = l.withDefaults()
	return t
}

// AllowMethods lets tags call the named methods of data values with arguments
// ({{.x.Format "02/01"}}). Parse refuses every other such call with ErrMethodCall: a
// method's arguments come from the template, and the data's methods keep no bounds of
// their own (decimal.Decimal's Shift or PowInt32 with a large number run for minutes).
// Methods without arguments ({{.x.IsValid}}) are always allowed. It panics after Parse.
func (t *Template) AllowMethods(names ...string) *Template {
	t.configure("AllowMethods")
	if t.methods == nil {
		t.methods = map[string]bool{}
	}
	for _, n := range names {
		t.methods[n] = true
	}
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
	return t.limits.MaxTotalSize + 1<<20
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
	if err := t.parse(docx, nil); err != nil {
		return nil, err
	}
	return t, nil
}

// parse parses docx into t. The parts that may hold tags are compiled while the others
// are still checked, and handed to compiled (when not nil) if they compile.
func (t *Template) parse(docx []byte, compiled func(templated []*pkgPart)) error {
	if t.parsed {
		return fmt.Errorf("render: template %q is already parsed", t.name)
	}
	var errs Errors
	compile := func(templated []*pkgPart) {
		if errs = t.compileParts(templated); len(errs) == 0 && compiled != nil {
			compiled(templated)
		}
	}
	parts, err := readPackageThen(bytes.NewReader(docx), int64(len(docx)), t.limits, compile)
	if err != nil {
		return fmt.Errorf("render: %s: %w", t.name, err)
	}
	if len(errs) > 0 {
		return errs
	}
	t.parts = parts
	t.parsed = true
	t.images = t.placesImages(parts)
	return nil
}

// compileParts compiles the parts that may hold tags, in order, and returns every
// error.
func (t *Template) compileParts(templated []*pkgPart) Errors {
	var errs Errors
	tagBudget := t.limits.MaxTags
	for _, p := range templated {
		if p.xml == nil || !bytes.ContainsRune(p.xml, '{') {
			continue
		}
		pt, perrs := t.compile(p, &tagBudget)
		errs = append(errs, perrs...)
		if tagBudget < 0 {
			break // the errors so far, and the limit's
		}
		p.tmpl = pt
		if pt != nil {
			p.xml = nil // the compiled source has it all now
		}
	}
	return errs
}

// placesImages reports whether a tag of parts calls the built-in image function.
func (t *Template) placesImages(parts []*pkgPart) bool {
	if _, own := t.funcs[imageFunc]; own {
		return false
	}
	for _, p := range parts {
		if p.tmpl != nil && callsFunc(p.tmpl.tmpl.Tree.Root, imageFunc) {
			return true
		}
	}
	return false
}

// compile turns one part into a text/template: the compiler's passes make the source,
// which is parsed once into a tree; the tree is checked (functions, method calls) and
// instrumented (printer, step counting, lenient lookups) before text/template gets it.
func (t *Template) compile(p *pkgPart, tagBudget *int) (*partTemplate, Errors) {
	name := p.hdr.Name
	sc, err := scanPart(p.xml)
	if err != nil {
		return nil, Errors{{Kind: ErrXML, Location: Location{Part: name}, Err: err}}
	}
	comp, acts, errs := compilePart(name, p.xml, sc, tagBudget)
	if *tagBudget < 0 {
		return nil, errs
	}
	if len(errs) > 0 {
		// Each tag is also checked alone, whatever the structure's errors: a clerk gets
		// every error of the template in one go.
		return nil, sortErrors(append(errs, t.checkTags(acts)...))
	}
	tree, err := parseSource(name, comp.src)
	if err != nil {
		if errs := t.checkTags(acts); len(errs) > 0 {
			return nil, sortErrors(errs)
		}
		return nil, Errors{wholeParseError(err, comp)}
	}
	pt := &partTemplate{comp: comp, lines: lineStarts(comp.src)}
	if errs := t.checkTree(pt, tree.Root); len(errs) > 0 {
		return nil, sortErrors(errs)
	}
	if t.missingZero {
		lenientFields(tree.Root)
	}
	addPrint(tree.Root, tree)
	addSteps(tree.Root)
	tm := template.New(name).Funcs(t.templateFuncs(sc.prefix))
	if t.missingZero {
		tm.Option("missingkey=zero")
	} else {
		tm.Option("missingkey=error")
	}
	if _, err := tm.AddParseTree(name, tree); err != nil {
		return nil, Errors{{Kind: ErrSyntax, Location: Location{Part: name}, Err: err}}
	}
	pt.tmpl = tm
	return pt, nil
}

func sortErrors(errs Errors) Errors {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Paragraph < errs[j].Paragraph })
	return errs
}

// parseSource parses a part's generated source once. Functions are not looked up here:
// checkTree does it on the tree, so that an unknown function is known from the tree and
// not from the words of text/template's message.
func parseSource(name, src string) (*parse.Tree, error) {
	tr := parse.New(name)
	tr.Mode = parse.SkipFuncCheck
	return tr.Parse(src, "{{", "}}", map[string]*parse.Tree{})
}

// wholeParseError is the error of a part whose tags each parse alone: it is about how
// they fit together (a variable used where it is not declared, a break outside a
// range).
func wholeParseError(err error, comp *compiled) *Error {
	e := &Error{Kind: ErrSyntax, Location: Location{Part: comp.part}, Err: cleanParseError(err)}
	if m := undefinedVar.FindStringSubmatch(err.Error()); m != nil {
		e.Name = m[1]
		named := regexp.MustCompile(regexp.QuoteMeta(m[1]) + `(?:[^\pL\pN_]|$)`)
		for _, a := range comp.actions {
			if named.MatchString(a.inner) {
				e.Location, e.Tag = a.location(), a.text
				break
			}
		}
	}
	return e
}

// templateFuncs is the user's functions plus the printer, which writes into a w:t of
// the part's namespace prefix, the lenient lookup and the safe fmt builtins. The image
// function is bound to each execution's pictures (see imageState.bind).
func (t *Template) templateFuncs(prefix string) template.FuncMap {
	fm := template.FuncMap{}
	for k, v := range t.funcs {
		fm[k] = v
	}
	fm[getFunc] = lenientGet
	// The fmt builtins, made safe from data that contains itself.
	safe := map[string]any{
		"print":   func(args ...any) (string, error) { return safePrint(fmt.Sprint, args, args) },
		"println": func(args ...any) (string, error) { return safePrint(fmt.Sprintln, args, args) },
		"printf": func(format string, args ...any) (string, error) {
			if err := checkWidths(format, args); err != nil {
				return "", err
			}
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

// checkTags parses each tag alone, so that a syntax error, an unknown function or a
// method call is reported at its own paragraph, and all of them at once. It runs only
// when the part does not parse whole.
func (t *Template) checkTags(acts []*action) Errors {
	var errs Errors
	for _, a := range acts {
		if e := t.checkTag(a); e != nil {
			errs = append(errs, e)
		}
	}
	return errs
}

func (t *Template) checkTag(a *action) *Error {
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
	tree, err := parseSource("tag", decl.String()+src)
	if err != nil {
		return &Error{Kind: ErrSyntax, Location: a.location(), Tag: a.text, Err: cleanParseError(err)}
	}
	var first *Error
	t.walkTree(tree.Root, func(kind error, name string, _ parse.Pos) {
		if first == nil {
			first = t.treeError(kind, name, a)
		}
	})
	return first
}

// checkTree checks a part's tree: every function must exist, and methods of data values
// may be called with arguments only when AllowMethods names them.
func (t *Template) checkTree(pt *partTemplate, root parse.Node) Errors {
	var errs Errors
	t.walkTree(root, func(kind error, name string, pos parse.Pos) {
		a := pt.actionAt(int(pos))
		if a == nil {
			a = &action{loc: Location{Part: pt.comp.part}}
		}
		errs = append(errs, t.treeError(kind, name, a))
	})
	return errs
}

func (t *Template) treeError(kind error, name string, a *action) *Error {
	var msg string
	switch kind {
	case ErrUnknownFunction:
		msg = fmt.Sprintf("function %q not defined", name)
	case ErrMethodCall:
		msg = fmt.Sprintf("the method %s of a data value is called with arguments: tags may call a data value's methods only without arguments (or see AllowMethods)", name)
	}
	return &Error{Kind: kind, Location: a.location(), Tag: a.text, Name: name, Err: errors.New(msg)}
}

// walkTree calls bad for every unknown function and every method call with arguments
// that AllowMethods does not name.
func (t *Template) walkTree(root parse.Node, bad func(kind error, name string, pos parse.Pos)) {
	inspect(root, func(n parse.Node) bool {
		switch n := n.(type) {
		case *parse.IdentifierNode:
			if !t.hasFunc(n.Ident) {
				bad(ErrUnknownFunction, n.Ident, n.Pos)
			}
		case *parse.PipeNode:
			for ci, c := range n.Cmds {
				// A command headed by a field is a method call when it has arguments,
				// or when a pipeline passes it the previous command's value.
				if name, ok := methodName(c.Args[0]); ok && (len(c.Args) > 1 || ci > 0) && !t.methods[name] {
					bad(ErrMethodCall, name, c.Args[0].Position())
				}
			}
		}
		return true
	})
}

// methodName is the last name of a field chain (.x.Shift, $v.Shift, (.x).Shift): what
// text/template calls as a method when it is given arguments.
func methodName(n parse.Node) (string, bool) {
	switch n := n.(type) {
	case *parse.FieldNode:
		return n.Ident[len(n.Ident)-1], true
	case *parse.ChainNode:
		return n.Field[len(n.Field)-1], true
	case *parse.VariableNode:
		if len(n.Ident) > 1 {
			return n.Ident[len(n.Ident)-1], true
		}
	}
	return "", false
}

// builtins are text/template's predefined functions (pinned by TestBuiltinsPinned).
var builtins = map[string]bool{
	"and": true, "call": true, "html": true, "index": true, "slice": true, "js": true,
	"len": true, "not": true, "or": true, "print": true, "printf": true, "println": true,
	"urlquery": true, "eq": true, "ge": true, "gt": true, "le": true, "lt": true, "ne": true,
}

func (t *Template) hasFunc(name string) bool {
	if _, ok := t.funcs[name]; ok {
		return true
	}
	return builtins[name] || name == imageFunc
}

var (
	variable      = regexp.MustCompile(`\$[\pL_][\pL\pN_]*`)
	undefinedVar  = regexp.MustCompile(`undefined variable "(\$[^"]*)"`)
	parsePrefix   = regexp.MustCompile(`^template: [^:]*:\d+:(\d+:)? ?`)
	execErrorText = regexp.MustCompile(`(?s)^template: (\S+?):(\d+):(\d+): (?:executing "[^"]*" at <([^>]*)>: )?(.*)$`)
	// missingKeyName finds the key in the messages isMissingKey recognises.
	missingKeyName = regexp.MustCompile(`map has no entry for key "([^"]*)"|can't evaluate field (\S+)|nil pointer evaluating \S+\.(\w+)`)
)

type plainError string

func (e plainError) Error() string { return string(e) }

func cleanParseError(err error) error {
	return plainError(parsePrefix.ReplaceAllString(err.Error(), ""))
}

// addPrint appends the printer to every action that prints, as html/template appends its
// escapers: values are escaped for XML whatever the template says. The nodes it adds
// are allocated together, not three or four per action.
func addPrint(root parse.Node, tr *parse.Tree) {
	var acts []*parse.ActionNode
	printingActions(root, &acts)
	ids := make([]parse.IdentifierNode, len(acts))
	cmds := make([]parse.CommandNode, len(acts))
	args := make([]parse.Node, len(acts))
	total := len(acts)
	for _, n := range acts {
		total += len(n.Pipe.Cmds)
	}
	pipes := make([]*parse.CommandNode, 0, total) // every action's commands, one after another
	for i, n := range acts {
		ids[i] = parse.IdentifierNode{NodeType: parse.NodeIdentifier, Pos: n.Pos, Ident: printFunc}
		ids[i].SetTree(tr)
		args[i] = &ids[i]
		cmds[i] = parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Pos, Args: args[i : i+1 : i+1]}
		start := len(pipes)
		pipes = append(append(pipes, n.Pipe.Cmds...), &cmds[i])
		n.Pipe.Cmds = pipes[start:len(pipes):len(pipes)]
	}
}

// printingActions collects the actions under n that print: those that declare no
// variable.
func printingActions(n parse.Node, acts *[]*parse.ActionNode) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			printingActions(c, acts)
		}
	case *parse.ActionNode:
		if len(n.Pipe.Decl) == 0 {
			*acts = append(*acts, n)
		}
	case *parse.IfNode:
		printingActions(n.List, acts)
		printingActions(n.ElseList, acts)
	case *parse.RangeNode:
		printingActions(n.List, acts)
		printingActions(n.ElseList, acts)
	case *parse.WithNode:
		printingActions(n.List, acts)
		printingActions(n.ElseList, acts)
	}
}

// lineStarts is the offset of each line's start in s. A part is a few long lines:
// IndexByte skips them fast.
func lineStarts(s string) []int {
	starts := []int{0}
	for i := strings.IndexByte(s, '\n'); i >= 0; {
		starts = append(starts, i+1)
		next := strings.IndexByte(s[i+1:], '\n')
		if next < 0 {
			break
		}
		i += 1 + next
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

// callsFunc reports whether the tree under n calls the function name.
func callsFunc(n parse.Node, name string) bool {
	found := false
	inspect(n, func(n parse.Node) bool {
		if id, ok := n.(*parse.IdentifierNode); ok && id.Ident == name {
			found = true
		}
		return !found
	})
	return found
}

// inspect calls f for n and every node under it, depth first, as go/ast.Inspect does:
// when f returns false, the nodes under n are skipped.
func inspect(n parse.Node, f func(parse.Node) bool) {
	if n == nil || !f(n) {
		return
	}
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			inspect(c, f)
		}
	case *parse.ActionNode:
		inspect(n.Pipe, f)
	case *parse.IfNode:
		inspectBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		inspectBranch(&n.BranchNode, f)
	case *parse.WithNode:
		inspectBranch(&n.BranchNode, f)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			for _, a := range c.Args {
				inspect(a, f)
			}
		}
	case *parse.ChainNode:
		inspect(n.Node, f)
	}
}

func inspectBranch(b *parse.BranchNode, f func(parse.Node) bool) {
	inspect(b.Pipe, f)
	if b.List != nil {
		inspect(b.List, f)
	}
	if b.ElseList != nil {
		inspect(b.ElseList, f)
	}
}
