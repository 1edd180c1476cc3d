package render

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
)

// A review execution runs an instrumented copy of each part's tree. The compiler knows
// the field path each print action prints (as Uses does), with "[]" where a range's
// element stands; the copy records, as it runs, which turn of each range it is in, so
// that every printed path is known whole (".x_ds[2].so_ho"). A print whose path a note
// names wraps its text in markers, bytes XML never holds (reviewMark, reviewEnd,
// reviewClose); annotate finds them after the execution, anchors the comments there and
// removes them.

// Names of the functions of a review execution; like printFunc, no clerk's name starts
// this way.
const (
	reviewPrintFunc = "_baocao_review_print"
	reviewEnterFunc = "_baocao_review_enter"
	reviewTurnFunc  = "_baocao_review_turn"
)

// Marker bytes: reviewMark + hit + reviewClose before the printed text, reviewEnd + hit
// + reviewClose after it.
const (
	reviewMark  = '\x01'
	reviewEnd   = '\x03'
	reviewClose = '\x02'
)

// rstep is one step of a printed path: a name, or the element of range rng (rng > 0).
type rstep struct {
	name string
	rng  int
}

// rpath is a printed path as the tree knows it; ok is false when it cannot be known
// before execution (a function's result).
type rpath struct {
	steps []rstep
	ok    bool
}

func (p rpath) plus(steps ...rstep) rpath {
	if !p.ok {
		return p
	}
	return rpath{steps: append(append([]rstep{}, p.steps...), steps...), ok: true}
}

func names(ns []string) []rstep {
	out := make([]rstep, len(ns))
	for i, n := range ns {
		out[i] = rstep{name: n}
	}
	return out
}

// printSite is one print action of the instrumented trees and the paths it prints.
type printSite struct {
	part  int
	paths []rpath
}

// reviewHit is one printed value that a note names, in execution order.
type reviewHit struct {
	part  int
	notes []int // indices into reviewState.notes
}

// rangeTurn is where an executing range is: its turn, and the keys of the map it ranges
// over (nil for a list).
type rangeTurn struct {
	turn int
	keys []string
}

// reviewState is one review execution.
type reviewState struct {
	t      *Template
	review Review
	notes  [][]string // each note's figure paths, normalised; figs[i] = note i
	single []bool     // the note names one figure
	prints []printSite
	ranges []rangeTurn // index = range id - 1
	hits   []reviewHit
	// set by annotate for writePackage
	comments *commentsPart
}

func newReviewState(t *Template, r Review) *reviewState {
	r = r.withDefaults()
	rs := &reviewState{t: t, review: r}
	for _, n := range r.Notes {
		var paths []string
		for _, f := range n.Figures {
			for _, p := range f {
				if p = normPath(p); p != "" {
					paths = append(paths, p)
				}
			}
		}
		rs.notes = append(rs.notes, paths)
		rs.single = append(rs.single, len(n.Figures) == 1)
	}
	return rs
}

// bind returns the instrumented template of part i.
func (rs *reviewState) bind(i int, p *pkgPart) *template.Template {
	orig := p.tmpl.tmpl
	tree := orig.Tree.Copy()
	w := &reviewWalker{rs: rs, tr: tree, part: i, vars: map[string]rpath{"$": {ok: true}}}
	w.walk(tree.Root, rpath{ok: true})
	fm := rs.t.templateFuncs(p.tmpl.comp.prefix)
	base := fm[printFunc].(func(any) string)
	fm[reviewPrintFunc] = rs.printFn(base)
	fm[reviewEnterFunc] = rs.enter
	fm[reviewTurnFunc] = rs.turn
	tm := template.New(orig.Name()).Funcs(fm)
	if rs.t.missingZero {
		tm.Option("missingkey=zero")
	} else {
		tm.Option("missingkey=error")
	}
	// The tree was checked when the template was parsed; adding it cannot fail.
	tm, _ = tm.AddParseTree(orig.Name(), tree)
	return tm
}

// enter starts range k over v: its turns count from the next one.
func (rs *reviewState) enter(k int, v any) any {
	rs.ranges[k-1] = rangeTurn{turn: -1, keys: mapKeys(v)}
	return v
}

// turn counts a turn of range k.
func (rs *reviewState) turn(k int) string {
	rs.ranges[k-1].turn++
	return ""
}

// mapKeys are the keys of a map with string or integer keys in the order text/template
// ranges over them, nil for anything else.
func mapKeys(v any) []string {
	rv := reflect.ValueOf(v)
	for rv.IsValid() && (rv.Kind() == reflect.Interface || rv.Kind() == reflect.Pointer) && !rv.IsNil() {
		rv = rv.Elem()
	}
	if !rv.IsValid() || rv.Kind() != reflect.Map {
		return nil
	}
	keys := rv.MapKeys()
	switch rv.Type().Key().Kind() {
	case reflect.String:
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = k.String()
		}
		return out
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Int() < keys[j].Int() })
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = strconv.FormatInt(k.Int(), 10)
		}
		return out
	}
	return nil
}

// resolve writes a printed path whole, with the turns of the ranges it passes through.
func (rs *reviewState) resolve(p rpath) string {
	var b strings.Builder
	for _, s := range p.steps {
		if s.rng == 0 {
			b.WriteString("." + s.name)
			continue
		}
		r := rs.ranges[s.rng-1]
		if r.keys != nil && r.turn >= 0 && r.turn < len(r.keys) {
			b.WriteString("." + r.keys[r.turn])
		} else {
			b.WriteString("[" + strconv.Itoa(r.turn) + "]")
		}
	}
	return b.String()
}

// printFn is the printer of a review execution: base's text, between markers when a
// note names what the print action prints.
func (rs *reviewState) printFn(base func(any) string) func(id int, v any) string {
	return func(id int, v any) string {
		s := base(v)
		site := rs.prints[id]
		var named []int
		for ni, figs := range rs.notes {
			if rs.names(figs, site.paths) {
				named = append(named, ni)
			}
		}
		if len(named) == 0 {
			return s
		}
		h := strconv.Itoa(len(rs.hits))
		rs.hits = append(rs.hits, reviewHit{part: site.part, notes: named})
		return string(reviewMark) + h + string(reviewClose) + s + string(reviewEnd) + h + string(reviewClose)
	}
}

// names reports whether one of figs is printed by a path of paths, as it stands now.
func (rs *reviewState) names(figs []string, paths []rpath) bool {
	for _, p := range paths {
		printed := rs.resolve(p)
		for _, f := range figs {
			if pathMatches(printed, f) {
				return true
			}
		}
	}
	return false
}

// reviewWalker instruments a copy of a part's tree: print actions that print a known
// path call reviewPrintFunc with their site, ranges call reviewEnterFunc and count
// their turns with reviewTurnFunc.
type reviewWalker struct {
	rs   *reviewState
	tr   *parse.Tree
	part int
	vars map[string]rpath
}

func (w *reviewWalker) walk(n parse.Node, dot rpath) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			w.walk(c, dot)
		}
	case *parse.ActionNode:
		w.action(n, dot)
	case *parse.IfNode:
		w.walk(n.List, dot)
		w.walk(n.ElseList, dot)
	case *parse.WithNode:
		p := w.result(n.Pipe, dot)
		for _, d := range n.Pipe.Decl {
			w.vars[d.Ident[0]] = p
		}
		w.walk(n.List, p)
		w.walk(n.ElseList, dot)
	case *parse.RangeNode:
		w.rangeNode(n, dot)
	}
}

// action instruments a print action that prints known paths; it notes the variables
// an action declares.
func (w *reviewWalker) action(n *parse.ActionNode, dot rpath) {
	if len(n.Pipe.Decl) > 0 {
		p := w.result(n.Pipe, dot)
		for _, d := range n.Pipe.Decl {
			w.vars[d.Ident[0]] = p
		}
		return
	}
	cmds := n.Pipe.Cmds
	last := cmds[len(cmds)-1]
	if id, ok := last.Args[0].(*parse.IdentifierNode); !ok || id.Ident != printFunc || len(last.Args) != 1 {
		return
	}
	var paths []rpath
	for _, c := range cmds[:len(cmds)-1] {
		for _, a := range c.Args {
			paths = append(paths, w.printed(a, dot)...)
		}
	}
	if len(paths) == 0 {
		return
	}
	id := len(w.rs.prints)
	w.rs.prints = append(w.rs.prints, printSite{part: w.part, paths: paths})
	cmds[len(cmds)-1] = w.call(n.Pos, reviewPrintFunc, id)
}

// rangeNode gives the range an id, passes its value through reviewEnterFunc and counts
// its turns.
func (w *reviewWalker) rangeNode(n *parse.RangeNode, dot rpath) {
	p := w.result(n.Pipe, dot)
	w.rs.ranges = append(w.rs.ranges, rangeTurn{})
	k := len(w.rs.ranges)
	elem := p.plus(rstep{rng: k})
	switch len(n.Pipe.Decl) {
	case 1:
		w.vars[n.Pipe.Decl[0].Ident[0]] = elem
	case 2:
		w.vars[n.Pipe.Decl[0].Ident[0]] = rpath{}
		w.vars[n.Pipe.Decl[1].Ident[0]] = elem
	}
	n.Pipe.Cmds = append(n.Pipe.Cmds, w.call(n.Pos, reviewEnterFunc, k))
	w.walk(n.List, elem)
	turn := &parse.ActionNode{NodeType: parse.NodeAction, Pos: n.Pos,
		Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: n.Pos, Cmds: []*parse.CommandNode{w.call(n.Pos, reviewTurnFunc, k)}}}
	if n.List != nil {
		n.List.Nodes = append([]parse.Node{turn}, n.List.Nodes...)
	}
	w.walk(n.ElseList, dot)
}

// call is the command "name arg".
func (w *reviewWalker) call(pos parse.Pos, name string, arg int) *parse.CommandNode {
	id := parse.NewIdentifier(name).SetTree(w.tr).SetPos(pos)
	num := &parse.NumberNode{NodeType: parse.NodeNumber, Pos: pos, IsInt: true, Int64: int64(arg), Text: strconv.Itoa(arg)}
	return &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{id, num}}
}

// result is the path a pipeline yields, when it is a plain path.
func (w *reviewWalker) result(p *parse.PipeNode, dot rpath) rpath {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return rpath{}
	}
	return w.path(p.Cmds[0].Args[0], dot)
}

// printed are the known paths an argument of a print action uses.
func (w *reviewWalker) printed(n parse.Node, dot rpath) []rpath {
	if sub, ok := n.(*parse.PipeNode); ok {
		if _, lenient := lenientField(sub); !lenient {
			var out []rpath
			for _, c := range sub.Cmds {
				for _, a := range c.Args {
					out = append(out, w.printed(a, dot)...)
				}
			}
			return out
		}
	}
	if p := w.path(n, dot); p.ok && len(p.steps) > 0 {
		return []rpath{p}
	}
	return nil
}

// path is the data path a node names.
func (w *reviewWalker) path(n parse.Node, dot rpath) rpath {
	switch n := n.(type) {
	case *parse.FieldNode:
		return dot.plus(names(n.Ident)...)
	case *parse.VariableNode:
		base, ok := w.vars[n.Ident[0]]
		if !ok {
			return rpath{}
		}
		return base.plus(names(n.Ident[1:])...)
	case *parse.DotNode:
		return dot
	case *parse.ChainNode:
		if _, isPipe := n.Node.(*parse.PipeNode); isPipe {
			return rpath{}
		}
		return w.path(n.Node, dot).plus(names(n.Field)...)
	case *parse.PipeNode:
		if f, ok := lenientField(n); ok {
			return w.path(f, dot)
		}
	}
	return rpath{}
}
