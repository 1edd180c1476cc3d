package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/ansinh-vn/baocao/diag"
)

// printReport prints a summary line, then the entries grouped by place (a file, or a
// paragraph of the template), each place once with its entries under it.
func printReport(w io.Writer, errs, findings []diag.Entry) {
	all := append(append([]diag.Entry(nil), errs...), findings...)
	if len(all) == 0 {
		return
	}
	groups, order := group(all)
	fmt.Fprintln(w, summary(len(errs), len(findings), len(order)))
	for _, k := range order {
		g := groups[k]
		fmt.Fprintf(w, "\n%s:\n", placeOf(g[0]))
		for _, e := range g {
			fmt.Fprintf(w, "  - %s\n", item(e))
		}
	}
	fmt.Fprintln(w)
}

// summary is the first line: how many errors and warnings in how many places.
func summary(nerr, nwarn, nplaces int) string {
	var parts []string
	if nerr > 0 {
		parts = append(parts, fmt.Sprintf("%d lỗi", nerr))
	}
	if nwarn > 0 {
		parts = append(parts, fmt.Sprintf("%d cảnh báo", nwarn))
	}
	return fmt.Sprintf("Có %s ở %d chỗ.", strings.Join(parts, " và "), nplaces)
}

// placeKey is what entries of one group share: the file, or the paragraph.
type placeKey struct {
	file, part, text     string
	para, tbl, row, cell int
}

func group(es []diag.Entry) (map[placeKey][]diag.Entry, []placeKey) {
	groups := map[placeKey][]diag.Entry{}
	var order []placeKey
	for _, e := range es {
		k := placeKey{e.File, e.Part, e.Text, e.Paragraph, e.Table, e.Row, e.Cell}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], e)
	}
	return groups, order
}

// placeOf is the group's heading: the entry's place without its line and column.
func placeOf(e diag.Entry) string {
	p := diag.Entry{File: e.File, Part: e.Part, Paragraph: e.Paragraph, Table: e.Table, Row: e.Row, Cell: e.Cell, Text: e.Text}.Where()
	if p == "" {
		return "chung"
	}
	return p
}

// item is one entry under its heading: line and column, severity, message.
func item(e diag.Entry) string {
	sev := "lỗi"
	if e.Severity == diag.SeverityWarning {
		sev = "cảnh báo"
	}
	if e.Line > 0 {
		at := fmt.Sprintf("dòng %d", e.Line)
		if e.Column > 0 {
			at += fmt.Sprintf(", cột %d", e.Column)
		}
		return at + ": " + sev + ": " + e.Message
	}
	return sev + ": " + e.Message
}
