package render

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"text/template/parse"
)

// UseKind says what a Use names.
type UseKind int

const (
	// UseField is a data path such as ".giam_ngheo.ho_ngheo.so_ho". Inside a range, the
	// element is written "[]": ".tin_dung.chuong_trinh_ds[].so_ho". A path whose start
	// cannot be known before execution (a field of a function's result) begins with "?".
	UseField UseKind = iota + 1
	// UseFunc is a function called by a tag, builtin or registered with Funcs.
	UseFunc
)

// String is "field" or "function".
func (k UseKind) String() string {
	switch k {
	case UseField:
		return "field"
	case UseFunc:
		return "function"
	}
	return "UseKind(" + fmt.Sprint(int(k)) + ")"
}

// Use is one data path or function that a template uses, and every place it is used.
type Use struct {
	Kind  UseKind
	Name  string
	Where []Location
}

// Uses lists every data path and function the template uses, in the order of their first
// appearance, so a system can check its data before rendering (see Check) and a template
// author can see what a template needs.
func (t *Template) Uses() []Use {
	w := &useWalker{index: map[string]int{}, where: map[whereKey]bool{}}
	for _, p := range t.parts {
		if p.tmpl == nil {
			continue
		}
		w.pt = p.tmpl
		w.vars = map[string]string{"$": ""}
		w.walk(p.tmpl.tmpl.Tree.Root, "")
	}
	return w.uses
}

type useWalker struct {
	pt    *partTemplate
	vars  map[string]string
	uses  []Use
	index map[string]int
	where map[whereKey]bool
}

type whereKey struct {
	use       int
	part      string
	paragraph int
}

func (w *useWalker) add(kind UseKind, name string, pos parse.Pos) {
	key := fmt.Sprint(kind) + name
	loc := Location{Part: w.pt.comp.part}
	if a := w.pt.actionAt(int(pos)); a != nil {
		loc = a.location()
	}
	i, ok := w.index[key]
	if !ok {
		i = len(w.uses)
		w.index[key] = i
		w.uses = append(w.uses, Use{Kind: kind, Name: name})
	}
	k := whereKey{i, loc.Part, loc.Paragraph}
	if w.where[k] {
		return // one place per paragraph
	}
	w.where[k] = true
	w.uses[i].Where = append(w.uses[i].Where, loc)
}

func (w *useWalker) walk(n parse.Node, dot string) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			w.walk(c, dot)
		}
	case *parse.ActionNode:
		p := w.pipe(n.Pipe, dot)
		for _, d := range n.Pipe.Decl {
			w.vars[d.Ident[0]] = p
		}
	case *parse.IfNode:
		w.pipe(n.Pipe, dot)
		w.walk(n.List, dot)
		w.walk(n.ElseList, dot)
	case *parse.WithNode:
		p := w.pipe(n.Pipe, dot)
		for _, d := range n.Pipe.Decl {
			w.vars[d.Ident[0]] = p
		}
		w.walk(n.List, p)
		w.walk(n.ElseList, dot)
	case *parse.RangeNode:
		p := w.pipe(n.Pipe, dot)
		elem := p + "[]"
		switch len(n.Pipe.Decl) {
		case 1:
			w.vars[n.Pipe.Decl[0].Ident[0]] = elem
		case 2:
			w.vars[n.Pipe.Decl[0].Ident[0]] = "?"
			w.vars[n.Pipe.Decl[1].Ident[0]] = elem
		}
		w.walk(n.List, elem)
		w.walk(n.ElseList, dot)
	}
}

// pipe records the uses in a pipeline and returns the data path it yields, or "?" when
// that is not a plain path.
func (w *useWalker) pipe(p *parse.PipeNode, dot string) string {
	if p == nil {
		return "?"
	}
	result := "?"
	for _, c := range p.Cmds {
		for i, arg := range c.Args {
			path := w.arg(arg, dot)
			if len(p.Cmds) == 1 && len(c.Args) == 1 && i == 0 {
				result = path
			}
		}
	}
	return result
}

func (w *useWalker) arg(n parse.Node, dot string) string {
	switch n := n.(type) {
	case *parse.FieldNode:
		path := dot + "." + strings.Join(n.Ident, ".")
		w.add(UseField, path, n.Pos)
		return path
	case *parse.VariableNode:
		base, ok := w.vars[n.Ident[0]]
		if !ok {
			base = "?"
		}
		if len(n.Ident) == 1 {
			return base
		}
		path := base + "." + strings.Join(n.Ident[1:], ".")
		w.add(UseField, path, n.Pos)
		return path
	case *parse.DotNode:
		return dot
	case *parse.ChainNode:
		base := w.arg(n.Node, dot)
		if _, isPipe := n.Node.(*parse.PipeNode); isPipe {
			base = "?"
		}
		path := base + "." + strings.Join(n.Field, ".")
		w.add(UseField, path, n.Pos)
		return path
	case *parse.IdentifierNode:
		if n.Ident != printFunc {
			w.add(UseFunc, n.Ident, n.Pos)
		}
	case *parse.PipeNode:
		if f, ok := lenientField(n); ok {
			return w.arg(f, dot)
		}
		w.pipe(n, dot)
	}
	return "?"
}

// lenientField gives back the field or variable path that lenientFields turned into a
// call of getFunc, so that Uses lists it as the template wrote it.
func lenientField(p *parse.PipeNode) (parse.Node, bool) {
	if len(p.Cmds) != 1 || len(p.Cmds[0].Args) < 3 {
		return nil, false
	}
	args := p.Cmds[0].Args
	if id, ok := args[0].(*parse.IdentifierNode); !ok || id.Ident != getFunc {
		return nil, false
	}
	var path []string
	for _, a := range args[2:] {
		s, ok := a.(*parse.StringNode)
		if !ok {
			return nil, false
		}
		path = append(path, s.Text)
	}
	switch base := args[1].(type) {
	case *parse.DotNode:
		return &parse.FieldNode{NodeType: parse.NodeField, Pos: p.Pos, Ident: path}, true
	case *parse.VariableNode:
		return &parse.VariableNode{NodeType: parse.NodeVariable, Pos: p.Pos, Ident: append(append([]string{}, base.Ident...), path...)}, true
	}
	return nil, false
}

// actionAt returns the tag whose action holds source offset off.
func (pt *partTemplate) actionAt(off int) *action {
	i := sort.Search(len(pt.comp.actions), func(i int) bool { return pt.comp.actions[i].srcOff > off })
	if i == 0 {
		return nil
	}
	return pt.comp.actions[i-1]
}

// Check looks up every data path the template uses in data and reports, all at once,
// each that is missing, with the paragraphs that use it. Paths through a range are
// checked in every element. It returns nil when Execute will find every key; it cannot
// see into values produced by functions or methods with arguments.
func (t *Template) Check(data any) error {
	var errs Errors
	for _, u := range t.Uses() {
		if u.Kind != UseField || strings.HasPrefix(u.Name, "?") {
			continue
		}
		if missing := lookup(reflect.ValueOf(data), splitPath(u.Name), ""); missing != "" {
			for _, loc := range u.Where {
				errs = append(errs, &Error{Kind: ErrMissingKey, Location: loc, Tag: u.Name, Err: plainError(missing)})
			}
		}
	}
	return errs.orNil()
}

func splitPath(p string) []string {
	var segs []string
	for _, s := range strings.Split(strings.TrimPrefix(p, "."), ".") {
		for strings.HasSuffix(s, "[]") {
			s = strings.TrimSuffix(s, "[]")
			if s != "" {
				segs = append(segs, s)
			}
			segs = append(segs, "[]")
			s = ""
		}
		if s != "" {
			segs = append(segs, s)
		}
	}
	// Restore the order of "x[]" pairs: "a[]" split above gives "a", "[]".
	return segs
}

// lookup follows path in v and describes the first step that finds nothing.
func lookup(v reflect.Value, path []string, done string) string {
	for len(path) > 0 {
		for v.IsValid() && (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) {
			if v.IsNil() {
				break
			}
			v = v.Elem()
		}
		if !v.IsValid() || (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) && v.IsNil() {
			return fmt.Sprintf("%s is empty, so it has no %q", orRoot(done), path[0])
		}
		seg := path[0]
		if seg == "[]" {
			switch v.Kind() {
			case reflect.Slice, reflect.Array:
				for i := 0; i < v.Len(); i++ {
					if m := lookup(v.Index(i), path[1:], fmt.Sprintf("%s[%d]", done, i)); m != "" {
						return m
					}
				}
			case reflect.Map:
				iter := v.MapRange()
				for iter.Next() {
					if m := lookup(iter.Value(), path[1:], fmt.Sprintf("%s[%v]", done, iter.Key())); m != "" {
						return m
					}
				}
			}
			return ""
		}
		if m := v.MethodByName(seg); m.IsValid() {
			return "" // a method: its result is only known when it runs
		}
		if v.CanAddr() {
			if m := v.Addr().MethodByName(seg); m.IsValid() {
				return ""
			}
		}
		switch v.Kind() {
		case reflect.Map:
			if v.Type().Key().Kind() != reflect.String {
				return ""
			}
			e := v.MapIndex(reflect.ValueOf(seg).Convert(v.Type().Key()))
			if !e.IsValid() {
				return fmt.Sprintf("%s has no key %q", orRoot(done), seg)
			}
			v = e
		case reflect.Struct:
			f := v.FieldByName(seg)
			if !f.IsValid() {
				return fmt.Sprintf("%s has no field %q", orRoot(done), seg)
			}
			v = f
		default:
			return fmt.Sprintf("%s is a %s, which has no %q", orRoot(done), v.Type(), seg)
		}
		done += "." + seg
		path = path[1:]
	}
	return ""
}

func orRoot(p string) string {
	if p == "" {
		return "the data"
	}
	return p
}
