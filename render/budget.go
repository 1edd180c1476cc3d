package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"text/template/parse"
)

// text/template has no hook for counting the work of an execution, but it writes to the
// writer it is given, and the compiler owns the tree. So every range body begins, and
// every action is preceded, by a marker: a text node of a NUL byte and the position of
// its action, which text/template writes as it is. The budget writer counts every write
// as a step and every byte but the markers' as output, drops the markers, checks the
// context, and fails the execution when a limit is crossed; the last marker tells which
// tag was running. No XML that reaches the writer starts with a NUL byte: XML 1.0 has
// no such character, the part was checked to be XML, and printed values never hold one.

// addSteps inserts the markers into the tree of a part.
func addSteps(root parse.Node) {
	var st stepper
	st.add(root)
}

// stepper makes the markers of one part from blocks of many: a part has hundreds of
// actions, and a node and a text each would be as many allocations.
type stepper struct {
	nodes []parse.TextNode
	text  []byte
}

func (st *stepper) add(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		nodes := make([]parse.Node, 0, len(n.Nodes)+len(n.Nodes)/2)
		for _, c := range n.Nodes {
			switch c := c.(type) {
			case *parse.ActionNode:
				nodes = append(nodes, st.marker(c.Pos))
			case *parse.IfNode:
				st.add(c.List)
				st.add(c.ElseList)
			case *parse.WithNode:
				st.add(c.List)
				st.add(c.ElseList)
			case *parse.RangeNode:
				st.add(c.List)
				st.add(c.ElseList)
				c.List.Nodes = append([]parse.Node{st.marker(c.Pos)}, c.List.Nodes...)
			}
			nodes = append(nodes, c)
		}
		n.Nodes = nodes
	}
}

// marker is a text node of a NUL byte and pos.
func (st *stepper) marker(pos parse.Pos) *parse.TextNode {
	const maxText = 1 + 20 // NUL and an int64
	if len(st.nodes) == cap(st.nodes) {
		st.nodes = make([]parse.TextNode, 0, 64)
	}
	if cap(st.text)-len(st.text) < maxText {
		st.text = make([]byte, 0, 64*maxText)
	}
	start := len(st.text)
	st.text = strconv.AppendInt(append(st.text, 0), int64(pos), 10)
	st.nodes = append(st.nodes, parse.TextNode{NodeType: parse.NodeText, Pos: pos, Text: st.text[start:len(st.text):len(st.text)]})
	return &st.nodes[len(st.nodes)-1]
}

// errBudget is what the budget writer returns to stop text/template; budget.err says why.
var errBudget = errors.New("render: budget exhausted")

// budget counts the steps and output of one Execute, over all its parts.
type budget struct {
	ctx              context.Context
	w                io.Writer // the current part's output
	steps, maxSteps  int64
	output, maxBytes int64
	last             []byte // the last marker written: the running tag
	err              *Error // why the execution stopped, without its location
}

func newBudget(ctx context.Context, l Limits) *budget {
	return &budget{ctx: ctx, maxSteps: l.MaxSteps, maxBytes: l.MaxOutput}
}

// ctxCheckEvery is how many steps pass between two looks at the context.
const ctxCheckEvery = 1024

func (b *budget) Write(p []byte) (int, error) {
	b.steps++
	if b.steps > b.maxSteps {
		return 0, b.stop("MaxSteps", fmt.Errorf("more than %d steps (Limits.MaxSteps)", b.maxSteps))
	}
	if b.steps%ctxCheckEvery == 0 {
		if err := b.checkContext(); err != nil {
			return 0, err
		}
	}
	if len(p) > 0 && p[0] == 0 {
		b.last = p
		return len(p), nil
	}
	if b.output += int64(len(p)); b.output > b.maxBytes {
		return 0, b.stop("MaxOutput", fmt.Errorf("more than %d bytes of output (Limits.MaxOutput)", b.maxBytes))
	}
	return b.w.Write(p)
}

func (b *budget) checkContext() error {
	if err := b.ctx.Err(); err != nil {
		return b.stop("context", fmt.Errorf("execution stopped: %w", err))
	}
	return nil
}

func (b *budget) stop(name string, cause error) error {
	b.err = &Error{Kind: ErrLimit, Name: name, Err: cause}
	return errBudget
}

// lastPos is the position of the tag that was running, or -1.
func (b *budget) lastPos() int {
	if len(b.last) < 2 {
		return -1
	}
	n, err := strconv.Atoi(string(b.last[1:]))
	if err != nil {
		return -1
	}
	return n
}

// located is the budget's error at the tag that was running in pt.
func (b *budget) located(pt *partTemplate) *Error {
	e := *b.err
	e.Location = Location{Part: pt.comp.part}
	if a := pt.actionAt(b.lastPos()); a != nil {
		e.Location, e.Tag = a.location(), a.text
	}
	return &e
}
