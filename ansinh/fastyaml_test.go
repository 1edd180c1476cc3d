package ansinh

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// sampleFiles are every YAML file of the repository's test data.
func sampleFiles(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, pattern := range []string{"testdata/*.yaml", "../testdata/*.yaml", "../testdata/province/*.yaml", "../testdata/province/*/*.yaml"} {
		names, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			out[n] = b
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d sample files", len(out))
	}
	return out
}

// slowParse is yaml.v3's tree of a single-document file.
func slowParse(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, fmt.Errorf("two documents")
	}
	return &doc, nil
}

// diffNodes describes the first difference between two trees (comments ignored).
func diffNodes(path string, a, b *yaml.Node) string {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: fast {kind %d tag %s value %q style %d at %d:%d, %d children} yaml.v3 {kind %d tag %s value %q style %d at %d:%d, %d children}",
			path, a.Kind, a.Tag, a.Value, a.Style, a.Line, a.Column, len(a.Content), b.Kind, b.Tag, b.Value, b.Style, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if d := diffNodes(fmt.Sprintf("%s/%d", path, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

func TestFastParseEqualsYAMLv3OnSamples(t *testing.T) {
	fast := 0
	for name, data := range sampleFiles(t) {
		f, ok := fastParse(data)
		s, err := slowParse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !ok {
			t.Logf("%s: fast path declined", name)
			continue
		}
		fast++
		if d := diffNodes(name, f, s); d != "" {
			t.Errorf("%s", d)
		}
	}
	if fast < 20 {
		t.Errorf("fast path took only %d sample files", fast)
	}
}

// Mutations of the samples: whenever the fast path accepts a text, yaml.v3 accepts it
// too and builds the same tree.
func TestFastParseMutations(t *testing.T) {
	inserts := []string{" ", "  ", "\n", "#", ":", ": ", "- ", "-", "{", "}", "[", "]", ",", "\"", "'", "\\", "&a ", "*a", "!", "|", ">", "?", "%", "@", "\t", "x", "1", "\u00a0", "--- \n", " # c", "\"\\u0041\"", "''", "null", "~", "\x00", "\x01", "\x7f", "\u0085", "\u2028", "#\x00"}
	n := 0
	for name, data := range sampleFiles(t) {
		if len(data) > 6000 {
			continue
		}
		seed := uint64(len(data))
		rnd := func(k int) int {
			seed = seed*6364136223846793005 + 1442695040888963407
			return int((seed >> 33) % uint64(k))
		}
		for m := 0; m < 300; m++ {
			b := []byte(string(data))
			for e := 0; e < 1+rnd(2); e++ {
				at := rnd(len(b) + 1)
				switch rnd(3) {
				case 0: // delete a few bytes
					end := min(at+1+rnd(3), len(b))
					b = append(b[:at:at], b[end:]...)
				default:
					ins := inserts[rnd(len(inserts))]
					b = append(b[:at:at], append([]byte(ins), b[at:]...)...)
				}
			}
			f, ok := fastParse(b)
			if !ok {
				continue
			}
			n++
			s, err := slowParse(b)
			if err != nil {
				t.Errorf("%s mutation %d: fast path accepts what yaml.v3 refuses (%v):\n%s", name, m, err, around(b, err))
				continue
			}
			if d := diffNodes(name, f, s); d != "" {
				t.Errorf("%s mutation %d: %s\n%s", name, m, d, b)
			}
		}
	}
	if n < 100 {
		t.Errorf("fast path accepted only %d mutations", n)
	}
}

func TestFastParseDeclines(t *testing.T) {
	for _, s := range []string{
		"", "a: |\n  text\n", "a: >\n  t\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "---\na: 1\n", "a: 1\n---\nb: 2\n",
		"a:\n\tb: 1\n", "a: b\n  c\n", "a:\n", "a: {b: 1,\n  c: 2}\n", "a: \"x\n  y\"\n", "'a': 1\n", "a b: 1\n",
		"a: b: c\n", "a:b\n", "# c\x00\na: 1\n", "a: 1 # \u2028\n", "- a\n- b\n", " a: 1\n", "a: 1\n b: 2\n", "a: \"\\x41\"\n", "a: [b, {c: d:e}]\n",
	} {
		if _, ok := fastParse([]byte(s)); ok && !strings.HasPrefix(s, "- a") {
			t.Errorf("fast path accepted %q", s)
		}
	}
}

// around is the text near the line an error names.
func around(b []byte, err error) string {
	var line int
	if _, e := fmt.Sscanf(err.Error()[strings.Index(err.Error(), "line "):], "line %d", &line); e != nil || line == 0 {
		return string(b)
	}
	lines := strings.Split(string(b), "\n")
	lo, hi := max(line-3, 0), min(line+1, len(lines))
	return strings.Join(lines[lo:hi], "\n")
}

// Loading through the fast path gives the same reports and the same errors as Load.
func TestLoadBytesEqualsLoad(t *testing.T) {
	for name, data := range sampleFiles(t) {
		for _, variant := range [][]byte{data, bytes.Replace(data, []byte("so_ho: "), []byte("so_hoo: "), 1), bytes.Replace(data, []byte("nhan_khau: "), []byte("nhan_khau: 1."), 2)} {
			a, errA := loadBytes(variant, name)
			b, errB := Load(bytes.NewReader(variant), name)
			if fmt.Sprint(errA) != fmt.Sprint(errB) {
				t.Errorf("%s: errors differ:\n%v\n%v", name, errA, errB)
			}
			if (a == nil) != (b == nil) || a != nil && fmt.Sprintf("%v", a.Data()) != fmt.Sprintf("%v", b.Data()) {
				t.Errorf("%s: reports differ", name)
			}
		}
	}
}
