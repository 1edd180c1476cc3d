package diag

import (
	"sort"
	"strings"
	"sync"

	"github.com/ansinh-vn/baocao/ansinh"
)

// maxSuggestPaths bounds the data paths compared for a "did you mean": a province's
// data tree has a few thousand.
const maxSuggestPaths = 50_000

// modelData is the data tree of an empty report: every key of the documented model.
var modelData = sync.OnceValue(func() map[string]any {
	m := (&ansinh.Report{}).Data()
	m["don_vi_truc_thuoc"] = []any{}
	m["so_don_vi"] = 0
	m["bieu_do"] = map[string]any{}
	return m
})

// lookupPath follows a dotted path (".a.b") through nested maps.
func lookupPath(data any, path string) (any, bool) {
	cur := data
	for _, k := range strings.Split(strings.TrimPrefix(path, "."), ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[k]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// dataPaths lists the dotted paths (".a.b") of the maps in data, up to max.
func dataPaths(data any, max int) []string {
	var out []string
	var walk func(v any, prefix string)
	walk = func(v any, prefix string) {
		if l, ok := v.([]any); ok && len(l) > 0 {
			walk(l[0], prefix+"[]") // the keys of a list's rows, for tags inside a range
			return
		}
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		for k, c := range m {
			if len(out) >= max {
				return
			}
			p := prefix + "." + k
			out = append(out, p)
			walk(c, p)
		}
	}
	walk(data, "")
	return out
}

// suggestPath returns the path of the data, or else of the model, nearest to p, or "".
func (c *converter) suggestPath(p string) string {
	cands := dataPaths(modelData(), maxSuggestPaths)
	if c.data != nil {
		cands = append(cands, dataPaths(c.data, maxSuggestPaths)...)
	}
	cands = withSuffixes(cands)
	limit := min(2+len(p)/10, len(p)/3)
	return closest(p, cands, limit)
}

// withSuffixes adds to the paths their tails from each segment on (".a[].b.c" gives
// ".b.c" and ".c"): inside a range a tag names a path from the row. Paths through a
// list are kept only as tails, which a tag can name.
func withSuffixes(paths []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		for i := 0; i < len(p); i++ {
			if p[i] != '.' {
				continue
			}
			tail := p[i:]
			if !seen[tail] && (i > 0 || !strings.Contains(p, "[]")) {
				seen[tail] = true
				out = append(out, tail)
			}
		}
	}
	sort.Strings(out)
	return out
}

// closest returns the candidate nearest to s by edit distance, if at most limit away
// and not s itself, else "".
func closest(s string, cands []string, limit int) string {
	best, bestD := "", limit+1
	for _, c := range cands {
		if c == s {
			return ""
		}
		if d := levenshtein(s, c, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// levenshtein is the edit distance of a and b in runes, or a value ≥ stop once it is
// known to be at least stop.
func levenshtein(a, b string, stop int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= stop || -d >= stop {
		return stop
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= stop {
			return stop
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
