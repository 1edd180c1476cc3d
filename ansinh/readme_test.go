package ansinh

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The README documents the figure sections twice: the complete small period of "The
// YAML format" and the rows .giam_ngheo … .tien_dien of "The data a template sees".
// Both must agree with the description of the figures (figures.go): every documented
// path exists in it, and every path of it is documented (for YAML, every required
// path is in the example; optional keys may be left out of it).
func TestREADMEAgreesWithTheFigures(t *testing.T) {
	src, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(src)
	tbl := builtin()

	t.Run("yaml", func(t *testing.T) {
		documented := readmeYAMLPaths(t, readme, tbl)
		all, required := describedYAMLPaths(tbl)
		for _, p := range sortedKeys(documented) {
			if !all[p] {
				t.Errorf("README's YAML example has %s, which the description of the figures lacks", p)
			}
		}
		for _, p := range sortedKeys(required) {
			if list, ok := itemOf(tbl, p); ok && !anyUnder(documented, list) {
				continue // the example's list is empty: its items' keys are not shown
			}
			if !documented[p] {
				t.Errorf("%s is required in a period file but missing from README's YAML example", p)
			}
		}
	})
	t.Run("data", func(t *testing.T) {
		documented := readmeDataPaths(t, readme, tbl)
		described := describedDataPaths(tbl)
		union := map[string]bool{}
		for _, alts := range documented {
			found := false
			for _, p := range alts {
				union[p] = true
				found = found || described[p]
			}
			if !found {
				t.Errorf("README's data table documents %s, which the description of the figures lacks", strings.Join(alts, " or "))
			}
		}
		for _, p := range sortedKeys(described) {
			if !union[p] {
				t.Errorf("the data tree has %s, which README's data table does not document", p)
			}
		}
	})
}

// sections are the top-level keys of the description.
func sections(tbl *figureTable) map[string]bool {
	out := map[string]bool{}
	for _, i := range tbl.children[""] {
		out[tbl.all[i].path] = true
	}
	return out
}

// describedYAMLPaths is every YAML path of the figure sections (a list's item keys
// under the list's path), and those YAML requires (with all their parents).
func describedYAMLPaths(tbl *figureTable) (all, required map[string]bool) {
	all, required = map[string]bool{}, map[string]bool{}
	var walk func(parent string, req bool)
	walk = func(parent string, req bool) {
		for _, i := range tbl.children[parent] {
			f := &tbl.all[i]
			if f.dataOnly {
				continue
			}
			all[f.path] = true
			r := req && f.required
			if r {
				required[f.path] = true
			}
			switch f.kind {
			case figGroup:
				walk(f.path, r)
			case figList:
				for _, k := range f.list.keys() {
					if k.dataOnly {
						continue
					}
					all[f.path+"."+k.key] = true
					if r && k.required {
						required[f.path+"."+k.key] = true
					}
				}
			}
		}
	}
	walk("", true)
	return all, required
}

// readmeYAMLPaths is every key path of the figure sections in README's complete small
// period, with list items under the list's path; keys inside a rate figure or a
// mapping of free names (thanh_phan) are not followed.
func readmeYAMLPaths(t *testing.T, readme string, tbl *figureTable) map[string]bool {
	t.Helper()
	_, rest, ok := strings.Cut(readme, "A complete small period")
	if !ok {
		t.Fatal("README: no complete small period")
	}
	_, rest, _ = strings.Cut(rest, "```yaml\n")
	block, _, _ := strings.Cut(rest, "```")
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(block), &doc); err != nil {
		t.Fatal(err)
	}
	stop := map[string]bool{}
	for i := range tbl.all {
		if f := &tbl.all[i]; f.kind == figRateFigure {
			stop[f.path] = true
		}
		if f := &tbl.all[i]; f.kind == figList {
			for _, k := range f.list.keys() {
				if k.free {
					stop[f.path+"."+k.key] = true
				}
			}
		}
	}
	secs := sections(tbl)
	out := map[string]bool{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		if stop[path] {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := join(path, n.Content[i].Value)
				if path == "" && !secs[p] {
					continue // not a figure section
				}
				out[p] = true
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for _, item := range n.Content {
				walk(item, path)
			}
		}
	}
	walk(doc.Content[0], "")
	return out
}

// describedDataPaths is every path of the figure sections in the data tree, with the
// items of a keyed list under the list's path (X and X_ds).
func describedDataPaths(tbl *figureTable) map[string]bool {
	out := map[string]bool{}
	addWithParents := func(p string) {
		for {
			out[p] = true
			i := strings.LastIndexByte(p, '.')
			if i < 0 || !strings.Contains(p[:i], ".") {
				return // a section itself is the row, not a path in it
			}
			p = p[:i]
		}
	}
	for i := range tbl.all {
		f := &tbl.all[i]
		if f.yamlOnly || f.kind == figGroup {
			continue
		}
		addWithParents(f.path)
		if f.kind == figList {
			addWithParents(f.path + "_ds")
			for _, k := range f.list.keys() {
				addWithParents(f.path + "." + k.key)
				addWithParents(f.path + "_ds." + k.key)
			}
		}
	}
	return out
}

var (
	reDataRow   = regexp.MustCompile("(?m)^\\| `\\.([a-z_]+)` \\| (.*) \\|$")
	reParens    = regexp.MustCompile(`\([^)]*\)`)
	reDataToken = regexp.MustCompile("`[a-z0-9_]+`(?:/`[a-z0-9_]+`)*|[{};:,]")
)

// readmeDataPaths reads the rows of the figure sections in README's data table. A row
// lists keys: "`a`, `b` {`x`}" gives a, b and b.x; "`a`, `b`: {`x`}" gives a.x and b.x
// (a colon applies to every key since the last semicolon or brace); "`x`/`y`" is either;
// parentheses are remarks. Each path comes with its alternatives.
func readmeDataPaths(t *testing.T, readme string, tbl *figureTable) [][]string {
	t.Helper()
	secs := sections(tbl)
	var out [][]string
	for _, m := range reDataRow.FindAllStringSubmatch(readme, -1) {
		if !secs[m[1]] {
			continue
		}
		delete(secs, m[1])
		tokens := reDataToken.FindAllString(reParens.ReplaceAllString(m[2], ""), -1)
		nodes, _ := parseDataKeys(tokens, 0)
		for _, n := range nodes {
			n.paths([]string{m[1]}, &out)
		}
	}
	for _, s := range sortedKeys(secs) {
		t.Errorf("README's data table has no row .%s", s)
	}
	return out
}

type dataKey struct {
	names    []string
	children []*dataKey
}

func (k *dataKey) paths(prefixes []string, out *[][]string) {
	var mine []string
	for _, p := range prefixes {
		for _, n := range k.names {
			mine = append(mine, p+"."+n)
		}
	}
	sort.Strings(mine)
	*out = append(*out, mine)
	for _, c := range k.children {
		c.paths(mine, out)
	}
}

// parseDataKeys parses keys from tokens[i] up to a closing brace or the end.
func parseDataKeys(tokens []string, i int) ([]*dataKey, int) {
	var keys, group []*dataKey
	for i < len(tokens) {
		tok := tokens[i]
		switch {
		case tok == "}":
			return keys, i + 1
		case tok == ";":
			group = nil
			i++
		case tok == ",":
			i++
		case tok == "{": // children of the key just before
			children, next := parseDataKeys(tokens, i+1)
			if len(keys) > 0 {
				last := keys[len(keys)-1]
				last.children = append(last.children, children...)
			}
			i = next
		case tok == ":": // children of every key of the group
			if i+1 < len(tokens) && tokens[i+1] == "{" {
				children, next := parseDataKeys(tokens, i+2)
				for _, k := range group {
					k.children = append(k.children, children...)
				}
				i = next
			} else {
				i++
			}
		default:
			k := &dataKey{}
			for _, n := range strings.Split(tok, "/") {
				k.names = append(k.names, strings.Trim(n, "`"))
			}
			keys = append(keys, k)
			group = append(group, k)
			i++
		}
	}
	return keys, i
}

// itemOf returns the keyed list whose item key p is, if it is one.
func itemOf(tbl *figureTable, p string) (string, bool) {
	i := strings.LastIndexByte(p, '.')
	if i < 0 {
		return "", false
	}
	for j := range tbl.all {
		if f := &tbl.all[j]; f.kind == figList && f.path == p[:i] {
			return f.path, true
		}
	}
	return "", false
}

func anyUnder(paths map[string]bool, prefix string) bool {
	for p := range paths {
		if strings.HasPrefix(p, prefix+".") {
			return true
		}
	}
	return false
}
