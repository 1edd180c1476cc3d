package render

import (
	"reflect"
	"strconv"
	"text/template/parse"
)

// getFunc looks up a path leniently; see lenientFields.
const getFunc = "_baocao_get"

// lenientFields rewrites every field path of more than one step that stands alone in its
// command ({{.a.b.c}}, {{if .a.b}}, {{so .a.b}}) into a call of getFunc, which yields nil
// where text/template would fail on a missing or nil step. It is used with
// MissingKey(true), so that a missing key prints nothing however deep it is; with
// missingkey=zero alone, text/template stops at "nil pointer evaluating".
func lenientFields(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			lenientFields(c)
		}
	case *parse.ActionNode:
		lenientPipe(n.Pipe)
	case *parse.IfNode:
		lenientPipe(n.Pipe)
		lenientFields(n.List)
		lenientFields(n.ElseList)
	case *parse.RangeNode:
		lenientPipe(n.Pipe)
		lenientFields(n.List)
		lenientFields(n.ElseList)
	case *parse.WithNode:
		lenientPipe(n.Pipe)
		lenientFields(n.List)
		lenientFields(n.ElseList)
	}
}

func lenientPipe(p *parse.PipeNode) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for i, arg := range c.Args {
			// A field first in a command with arguments is a method call: leave it.
			if i == 0 && len(c.Args) > 1 {
				if sub, ok := arg.(*parse.PipeNode); ok {
					lenientPipe(sub)
				}
				continue
			}
			switch a := arg.(type) {
			case *parse.FieldNode:
				if len(a.Ident) > 1 {
					c.Args[i] = getCall(a.Pos, &parse.DotNode{NodeType: parse.NodeDot, Pos: a.Pos}, a.Ident)
				}
			case *parse.VariableNode:
				if len(a.Ident) > 2 {
					v := &parse.VariableNode{NodeType: parse.NodeVariable, Pos: a.Pos, Ident: a.Ident[:1]}
					c.Args[i] = getCall(a.Pos, v, a.Ident[1:])
				}
			case *parse.PipeNode:
				lenientPipe(a)
			}
		}
	}
}

func getCall(pos parse.Pos, base parse.Node, path []string) *parse.PipeNode {
	args := []parse.Node{parse.NewIdentifier(getFunc).SetPos(pos), base}
	for _, s := range path {
		args = append(args, &parse.StringNode{NodeType: parse.NodeString, Pos: pos, Quoted: strconv.Quote(s), Text: s})
	}
	return &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos, Args: args}}}
}

// lenientGet follows path from v through map keys, struct fields and methods without
// arguments, as text/template does, and returns nil at the first step that finds
// nothing.
func lenientGet(v any, path ...string) any {
	rv := reflect.ValueOf(v)
	for _, name := range path {
		var ok bool
		if rv, ok = lenientStep(rv, name); !ok {
			return nil
		}
	}
	if !rv.IsValid() || !rv.CanInterface() {
		return nil
	}
	return rv.Interface()
}

// getter reports whether a method takes no arguments and returns a value, and maybe an
// error: what a field path may call.
func getter(mt reflect.Type) bool {
	return mt.NumIn() == 0 && (mt.NumOut() == 1 || mt.NumOut() == 2 && mt.Out(1) == reflect.TypeFor[error]())
}

// lenientStep is one step of lenientGet: the method without arguments, map entry or
// struct field name of rv, through interfaces and pointers; false where there is none.
func lenientStep(rv reflect.Value, name string) (reflect.Value, bool) {
	for rv.IsValid() && (rv.Kind() == reflect.Interface || rv.Kind() == reflect.Pointer) && !rv.IsNil() {
		if m := rv.MethodByName(name); m.IsValid() {
			break
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return rv, false
	}
	if m := rv.MethodByName(name); m.IsValid() && getter(m.Type()) {
		out := m.Call(nil)
		if len(out) == 2 && !out[1].IsNil() {
			return rv, false
		}
		return out[0], true
	}
	switch rv.Kind() {
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return rv, false
		}
		return rv.MapIndex(reflect.ValueOf(name).Convert(rv.Type().Key())), true
	case reflect.Struct:
		f, ok := rv.Type().FieldByName(name)
		if !ok || !f.IsExported() {
			return rv, false
		}
		return rv.FieldByIndex(f.Index), true
	}
	return rv, false
}
