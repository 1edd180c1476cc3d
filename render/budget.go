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
func addSteps(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		nodes := make([]parse.Node, 0, len(n.Nodes)+len(n.Nodes)/2)
		for _, c := range n.Nodes {
			switch c := c.(type) {
			case *parse.ActionNode:
				nodes = append(nodes, marker(c.Pos))
			case *parse.IfNode:
				addSteps(c.List)
				addSteps(c.ElseList)
			case *parse.WithNode:
				addSteps(c.List)
				addSteps(c.ElseList)
			case *parse.RangeNode:
				addSteps(c.List)
				addSteps(c.ElseList)
				c.List.Nodes = append([]parse.Node{marker(c.Pos)}, c.List.Nodes...)
			}
			nodes = append(nodes, c)
		}
		n.Nodes = nodes
	}
}

func marker(pos parse.Pos) *parse.TextNode {
	return &parse.TextNode{NodeType: parse.NodeText, Pos: pos, Text: []byte("\x00" + strconv.Itoa(int(pos)))}
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
