package ansinh

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/ansinh-vn/baocao/indicators"
)

// LoadError is one problem in a period or plan file, at a position. It speaks to two
// readers: Msg is for the clerk who fixes the file (Vietnamese only: what is wrong and
// what to do), Detail for developers and logs (English). Every LoadError has both.
type LoadError struct {
	File   string // file name as given to Load
	Line   int    // 1-based line; 0 when unknown
	Column int    // 1-based column; 0 when unknown
	Path   string // YAML path of the value, "giam_ngheo.ho_ngheo.so_ho", "tin_dung.chuong_trinh[3].so_tien"; empty for the whole file
	Kind   error  // what kind of problem: ErrSyntax, ErrUnknownKey, ErrNumber … (see the Err variables); never nil
	Msg    string // for the clerk: what is wrong and how to fix it, in Vietnamese only (no English glosses)
	Detail string // for developers and logs: the problem in English, "expected a mapping", "unknown key"; never empty
}

// newLoadError makes a LoadError of the kind in file, with its English detail and its
// Vietnamese message (format and args, as fmt.Sprintf). Every LoadError is made here,
// so that none lacks its Detail; the caller sets the position and path.
func newLoadError(file string, kind error, detail, format string, args ...any) *LoadError {
	return &LoadError{File: file, Kind: kind, Detail: detail, Msg: fmt.Sprintf(format, args...)}
}

// Error formats the error for developers as "file:line:col: path: message (detail)":
// the clerk's message followed by the English detail.
func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the error's Kind, so that errors.Is(err, ErrUnknownKey) tests it.
func (e *LoadError) Unwrap() error { return e.Kind }

// LoadErrors is every problem found in one file, in file order (at most the Loader's
// MaxErrors, then one of kind ErrTooManyErrors). Load returns it as its error;
// errors.As(err, &LoadErrors{}) gives the list.
type LoadErrors []*LoadError

// Error lists the errors one per line.
func (es LoadErrors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (es LoadErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// err returns every error found, in file order (the one saying loading stopped last),
// or nil.
func (d *decoder) err() error {
	if len(d.errs) == 0 {
		return nil
	}
	sorted := d.errs
	if d.full {
		sorted = d.errs[:len(d.errs)-1]
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return d.errs
}

type decoder struct {
	file        string
	src         []byte // the file's bytes, to place syntax errors YAML gives no line for
	errs        LoadErrors
	maxErrs     int  // errors recorded before loading stops
	full        bool // maxErrs reached: nothing more is read
	strict      bool // findings of loading are errors
	warnings    Findings
	unitOfMoney indicators.MoneyUnit
	key         *yaml.Node // the key whose value is being read; nil for the root and list items
	catalog     *Catalog   // custom figures the file may carry under bo_sung; nil: none
}

var reSyntaxLine = regexp.MustCompile(`^line (\d+): `)

// root parses data as exactly one YAML document and returns its root node, or nil after
// recording why not. what is what a file holds, for the message about extra documents.
// Anchors and aliases are refused: a period file has no use for them, and an alias
// repeats a whole subtree for every mention.
func (d *decoder) root(data []byte, what string) *yaml.Node {
	d.src = data
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.emptyFile()
			return nil
		}
		d.syntax(err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.atKind(ErrManyDocuments, &extra, "", "more than one YAML document",
			"tệp có nhiều hơn một tài liệu YAML (dòng ---); mỗi tệp chỉ chứa %s: xóa dòng --- và phần sau nó, hoặc tách phần đó thành tệp riêng", what)
	} else if !errors.Is(err, io.EOF) {
		d.syntax(err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			d.emptyFile()
			return nil
		}
		root = root.Content[0]
	}
	if d.refuseAliases(root) {
		return nil
	}
	return root
}

// emptyFile records that the file holds no YAML document.
func (d *decoder) emptyFile() {
	d.atKind(ErrEmptyFile, nil, "", "empty file", "tệp rỗng, không có dữ liệu: chọn đúng tệp, hoặc ghi số liệu vào tệp rồi thử lại")
}

// refuseAliases records an error at every anchor (&a) and alias (*a) under n, and
// reports whether there was any. The walk uses a stack, not recursion.
func (d *decoder) refuseAliases(n *yaml.Node) bool {
	found := false
	stack := []*yaml.Node{n}
	for len(stack) > 0 && !d.full {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case n.Kind == yaml.AliasNode:
			found = true
			d.atKind(ErrAlias, n, "", "aliases are not allowed", "không dùng bí danh *%s trong tệp số liệu; chép giá trị vào từng chỗ cần", n.Value)
			continue // its target is reported at its anchor
		case n.Anchor != "":
			found = true
			d.atKind(ErrAlias, n, "", "anchors are not allowed", "không dùng neo &%s trong tệp số liệu; xóa &%s và chép giá trị vào từng chỗ cần", n.Anchor, n.Anchor)
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return found
}

func (d *decoder) load(data []byte) *Report {
	root := d.root(data, "một kỳ báo cáo")
	if root == nil {
		return nil
	}
	rep := &Report{}
	d.report(root, rep)
	return rep
}

// add records e, unless loading stopped; the error after maxErrs says it stops.
func (d *decoder) add(e *LoadError) {
	if d.full {
		return
	}
	if e.Kind == nil {
		e.Kind = ErrValue
	}
	if d.maxErrs <= 0 {
		d.maxErrs = DefaultMaxErrors // a decoder made without a Loader
	}
	if len(d.errs) >= d.maxErrs {
		d.full = true
		line, col := e.Line, e.Column
		e = newLoadError(d.file, ErrTooManyErrors, fmt.Sprintf("too many errors, stopped after %d", d.maxErrs),
			"quá %d lỗi, dừng đọc tệp; sửa các lỗi trên rồi thử lại", d.maxErrs)
		e.Line, e.Column = line, col
	}
	d.errs = append(d.errs, e)
}

// at records an error of kind ErrValue at node n; see atKind.
func (d *decoder) at(n *yaml.Node, path, detail, format string, args ...any) {
	d.atKind(ErrValue, n, path, detail, format, args...)
}

// atKind records an error of the kind at node n (nil: the whole file): detail is the
// problem in English for developers ("expected a mapping"), format and args the
// clerk's Vietnamese message, with no English in it.
func (d *decoder) atKind(kind error, n *yaml.Node, path, detail, format string, args ...any) {
	if d.full {
		return
	}
	e := newLoadError(d.file, kind, detail, format, args...)
	e.Path = path
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.add(e)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// resolve follows aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

func quoted(n *yaml.Node) bool {
	return n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 ||
		n.Tag == "!!str" && n.Style&yaml.TaggedStyle != 0
}

// kindName names the shape of n for a clerk: "một nhóm khóa", "một danh sách", "một
// giá trị đơn".
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "một nhóm khóa"
	case yaml.SequenceNode:
		return "một danh sách"
	}
	return "một giá trị đơn"
}

// got is the English detail of a value of the wrong shape: "expected a mapping, got a
// list".
func got(expected string, n *yaml.Node) string {
	shape := "a scalar"
	switch n.Kind {
	case yaml.MappingNode:
		shape = "a mapping"
	case yaml.SequenceNode:
		shape = "a list"
	}
	return "expected " + expected + ", got " + shape
}

// field describes one key of a mapping.
type field struct {
	key string
	req bool
	fn  func(n *yaml.Node, path string)
}

func req(key string, fn func(n *yaml.Node, path string)) field {
	return field{key: key, req: true, fn: fn}
}

func opt(key string, fn func(n *yaml.Node, path string)) field {
	return field{key: key, fn: fn}
}

// mapping walks a mapping node: duplicate keys, unknown keys and missing required keys
// are errors; each known key's value goes to its field function. A null node stands for
// an empty mapping (an error only when a key is required).
func (d *decoder) mapping(n *yaml.Node, path string, fields ...field) {
	n = resolve(n)
	owner := d.key // the key this mapping is the value of: where a missing key is reported
	if isNull(n) {
		var missing []string
		for _, f := range fields {
			if f.req {
				missing = append(missing, f.key)
			}
		}
		if len(missing) > 0 {
			d.atKind(ErrMissingKey, d.place(n, owner), path, "empty section; required keys: "+strings.Join(missing, ", "),
				"mục trống; cần có các khóa: %s", strings.Join(missing, ", "))
		}
		return
	}
	if n.Kind != yaml.MappingNode {
		d.atKind(ErrType, n, path, got("a mapping", n), "phải là một nhóm khóa: giá trị, nhưng đây là %s; ghi các khóa của mục này trên các dòng bên dưới, thụt lề bằng dấu cách, mỗi dòng một khóa: giá trị", kindName(n))
		return
	}
	// Mappings have a handful of keys: a linear search and a slice of first lines cost
	// less than two maps per mapping, which a roll-up of thousands of files feels.
	var firstBuf [32]int
	first := firstBuf[:0]
	if len(fields) > len(firstBuf) {
		first = make([]int, 0, len(fields))
	}
	first = first[:len(fields)]
	for i := range first {
		first[i] = 0
	}
	var unknown map[string]int // first line of each unknown key, made at the first one
	for i := 0; i+1 < len(n.Content) && !d.full; i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.atKind(ErrType, k, path, "a key must be a plain name", "khóa phải là một tên, không phải %s", kindName(k))
			continue
		}
		key := k.Value
		fi := fieldIndex(fields, key)
		if fi < 0 {
			if unknown == nil {
				unknown = map[string]int{}
			}
			d.unknownKey(n, i, path, fields, unknown)
			continue
		}
		p := join(path, key)
		if first[fi] > 0 {
			d.duplicateKey(k, p, key, first[fi])
			continue
		}
		first[fi] = k.Line
		if first[fi] == 0 {
			first[fi] = -1 // seen, line unknown
		}
		d.key = k
		fields[fi].fn(v, p)
		d.key = owner
	}
	for i, f := range fields {
		if f.req && first[i] == 0 {
			d.missingKey(n, owner, path, f.key)
		}
	}
}

func fieldIndex(fields []field, key string) int {
	for j := range fields {
		if fields[j].key == key {
			return j
		}
	}
	return -1
}

// unknownKey records the unknown key at content index i of mapping n: a duplicate of an
// earlier unknown key (seen holds their first lines), a decimal comma inside a flow
// mapping ({kinh_phi: 455,55} reads as 455 and a key "55"), or a key not in the model.
func (d *decoder) unknownKey(n *yaml.Node, i int, path string, fields []field, seen map[string]int) {
	k, key := resolve(n.Content[i]), resolve(n.Content[i]).Value
	if line, dup := seen[key]; dup {
		d.duplicateKey(k, join(path, key), key, line)
		return
	}
	seen[key] = k.Line
	if i >= 2 && n.Style&yaml.FlowStyle != 0 && allDigits(key) && isNull(n.Content[i+1]) {
		prev := n.Content[i-1]
		if prev.Kind == yaml.ScalarNode && !quoted(prev) && allDigits(prev.Value) && prev.Line == k.Line {
			fixed := prev.Value + "." + key
			d.atKind(ErrNumber, prev, join(path, resolve(n.Content[i-2]).Value),
				"write "+fixed+": a comma separates the keys of a flow mapping",
				"số %s,%s viết dấu phẩy thập phân trong dấu ngoặc nhọn {…}, nơi dấu phẩy ngăn các khóa; viết %s (dấu chấm thập phân)",
				prev.Value, key, fixed)
			return
		}
	}
	vn, en := didYouMean(suggest(key, fields))
	d.atKind(ErrUnknownKey, k, join(path, key), "unknown key"+en, "khóa %q không có trong mẫu; các khóa hợp lệ ở đây: %s%s",
		clip(key, 80), keyList(fields), vn)
}

// duplicateKey records key k (at path) given again after its first line.
func (d *decoder) duplicateKey(k *yaml.Node, path, key string, first int) {
	d.atKind(ErrDuplicateKey, k, path, fmt.Sprintf("duplicate key, first at line %d", first),
		"khóa %q bị lặp, đã có ở dòng %d; xóa một trong hai", key, first)
}

// missingKey records a required key missing from mapping n. It is reported at the key
// whose value n is (the section's name, "bao_hiem:"), at a list item, or, for a section
// of the whole file, at the end of the file: not at the first key of the mapping, which
// has nothing to do with it.
func (d *decoder) missingKey(n, owner *yaml.Node, path, key string) {
	p := join(path, key)
	if owner == nil && path == "" {
		// The line after the last line break: the empty line where an editor adds text,
		// or the last line of a file that does not end with one.
		line := bytes.Count(d.src, []byte("\n")) + 1
		d.atKind(ErrMissingKey, &yaml.Node{Line: line, Column: 1}, p, "missing required section",
			"thiếu khóa bắt buộc %q: tệp chưa có mục này; thêm %s: ở đầu dòng, không thụt lề", key, key)
		return
	}
	d.atKind(ErrMissingKey, d.place(n, owner), p, "missing required key",
		"thiếu khóa bắt buộc %q trong mục %s; thêm %s: vào mục này", key, path, key)
}

// place is where an error about mapping n as a whole goes: its key when it has one.
func (d *decoder) place(n, owner *yaml.Node) *yaml.Node {
	if owner != nil {
		return owner
	}
	return n
}

// clip shortens s to at most n characters for a message, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

func keyList(fields []field) string {
	s := make([]string, len(fields))
	for i, f := range fields {
		s[i] = f.key
	}
	return strings.Join(s, ", ")
}

// suggest proposes the nearest known key for a likely typing mistake; "" when none is
// near.
func suggest(key string, fields []field) string {
	if len(key) > 64 {
		return "" // no key is that long; spare the distance computation
	}
	best, bestD := "", 3
	for _, f := range fields {
		if dist := levenshtein(key, f.key); dist < bestD {
			best, bestD = f.key, dist
		}
	}
	return best
}

// didYouMean is the suggestion of best to append to a message, for the clerk and in
// English for the detail: "; có phải là \"ten\"?", "; did you mean \"ten\"?". Both are ""
// when best is.
func didYouMean(best string) (vn, en string) {
	if best == "" {
		return "", ""
	}
	return fmt.Sprintf("; có phải là %q?", best), fmt.Sprintf("; did you mean %q?", best)
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// sequence walks a sequence node, calling fn for each item. A null node is an empty list.
func (d *decoder) sequence(n *yaml.Node, path string, fn func(n *yaml.Node, path string, i int)) {
	n = resolve(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.atKind(ErrType, n, path, got("a list", n), "phải là một danh sách (mỗi mục bắt đầu bằng \"- \"), nhưng đây là %s", kindName(n))
		return
	}
	owner := d.key
	d.key = nil // an item's errors are reported at the item
	for i, item := range n.Content {
		if d.full {
			break
		}
		fn(resolve(item), index(path, i), i)
	}
	d.key = owner
}

// text returns a scalar's text in precomposed Unicode (NFC), as Word and the model's
// names are: a clerk's editor may type decomposed letters (Unikey's "Unicode tổ hợp"),
// which look the same but would not compare equal.
func text(n *yaml.Node) string { return norm.NFC.String(n.Value) }

// str reads a string. Any scalar is taken as its text; null is "".
func (d *decoder) str(n *yaml.Node, path string) string {
	n = resolve(n)
	if isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.atKind(ErrType, n, path, got("text", n), "phải là một chuỗi chữ, nhưng đây là %s; nếu chuỗi có dấu phẩy hoặc dấu hai chấm, đặt nó trong ngoặc kép", kindName(n))
		return ""
	}
	return text(n)
}

// paragraphs reads a list of paragraphs; a single string is one paragraph.
func (d *decoder) paragraphs(n *yaml.Node, path string) []string {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{text(n)}
	}
	var out []string
	d.sequence(n, path, func(item *yaml.Node, p string, _ int) {
		if item.Kind != yaml.ScalarNode || isNull(item) {
			d.atKind(ErrType, item, p, "each paragraph must be text", "mỗi đoạn văn phải là một chuỗi chữ; nếu đoạn có dấu hai chấm hoặc dấu phẩy, đặt nó trong ngoặc kép")
			return
		}
		out = append(out, text(item))
	})
	return out
}

// The shapes of number text that get their own message. Numbers are checked for their
// length (MaxNumberLen) before any of these is tried.
var (
	reDotThousands = regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{3})+$`)
	reComThousands = regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})+$`)
	reVNDecimal    = regexp.MustCompile(`^([0-9]{1,3}(\.[0-9]{3})+|[0-9]+),[0-9]+$`)
	reNegative     = regexp.MustCompile(`^-\s*[0-9]`)
)

// numberText returns the text of a scalar that should be a number, or false after
// recording an error. what names the kind of figure for messages.
func (d *decoder) numberText(n *yaml.Node, path, what, example string) (string, bool) {
	n = resolve(n)
	switch {
	case isNull(n):
		d.atKind(ErrMissingKey, n, path, "missing value", "thiếu %s; ghi ví dụ %s", what, example)
		return "", false
	case n.Kind != yaml.ScalarNode:
		d.atKind(ErrType, n, path, got("a number", n), "%s phải là một số, nhưng đây là %s", what, kindName(n))
		return "", false
	case len(n.Value) > MaxNumberLen:
		d.atKind(ErrNumber, n, path, "number text too long", "%s dài %d ký tự, quá %d ký tự cho phép; viết ví dụ %s", what, len(n.Value), MaxNumberLen, example)
		return "", false
	case quoted(n):
		if text := strings.TrimSpace(n.Value); allDigits(text) || plainDecimal(text) {
			d.atKind(ErrType, n, path, "a number, not a string", "%s phải là một số, không đặt trong ngoặc kép: viết %s chứ không viết \"%s\"", what, text, n.Value)
		} else {
			d.atKind(ErrType, n, path, "a number, not a string", "%s phải là một số, nhưng đây là chuỗi chữ %q; viết ví dụ %s", what, n.Value, example)
		}
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

// count reads a whole non-negative number written as plain digits.
func (d *decoder) count(n *yaml.Node, path string) indicators.Count {
	c, _ := d.countOK(n, path)
	return c
}

func (d *decoder) countOK(n *yaml.Node, path string) (indicators.Count, bool) {
	n = resolve(n)
	text, ok := d.numberText(n, path, "số lượng", "1855")
	if !ok {
		return indicators.Count{}, false
	}
	switch {
	case allDigits(text):
		// At most MaxNumberLen digits: strconv says whether it fits, no big number is made.
		v, err := strconv.ParseInt(text, 10, 64)
		if err == nil && v <= MaxCount {
			if c, err := indicators.NewCount(v); err == nil {
				return c, true
			}
		}
		d.atKind(ErrRange, n, path, "count too large", "số lượng %s quá lớn; tối đa %s", clip(text, MaxNumberLen), indicators.FormatInt(MaxCount))
	case reDotThousands.MatchString(text):
		fixed := strings.ReplaceAll(text, ".", "")
		d.atKind(ErrNumber, n, path, "write "+fixed+": the dot is a decimal point in YAML",
			"số lượng %q có dấu chấm phân cách hàng nghìn, YAML đọc thành số thập phân %s; viết liền không dấu: %s", text, decimalVN(text), fixed)
	case reComThousands.MatchString(text):
		fixed := strings.ReplaceAll(text, ",", "")
		d.atKind(ErrNumber, n, path, "write "+fixed+" without separators", "số lượng %q có dấu phẩy; viết liền không dấu: %s", text, fixed)
	case reNegative.MatchString(text):
		d.atKind(ErrNumber, n, path, "a count must not be negative", "số lượng %s là số âm; số lượng không được âm", text)
	case plainDecimal(text), reVNDecimal.MatchString(text):
		d.atKind(ErrNumber, n, path, "a count must be a whole number", "số lượng %s không phải là số nguyên; số lượng (hộ, người, lớp, thẻ …) phải là số nguyên như 1855", text)
	default:
		d.atKind(ErrNumber, n, path, "not a number", "%q không phải là số; số lượng viết bằng chữ số liền nhau như 1855", text)
	}
	return indicators.Count{}, false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// plainDecimal reports whether s is digits, a dot and digits: "568.1".
func plainDecimal(s string) bool {
	whole, frac, ok := strings.Cut(s, ".")
	return ok && allDigits(whole) && allDigits(frac)
}

// decimalVN shows a YAML decimal the Vietnamese way: "1.855" -> "1,855".
func decimalVN(s string) string { return strings.ReplaceAll(s, ".", ",") }

// number reads a non-negative decimal exactly from the scalar's text (money, rates).
func (d *decoder) number(n *yaml.Node, path, what, example string) (decimal.Decimal, bool) {
	n = resolve(n)
	text, ok := d.numberText(n, path, what, example)
	if !ok {
		return decimal.Decimal{}, false
	}
	switch {
	case allDigits(text), plainDecimal(text):
		v, err := decimal.NewFromString(text)
		if err == nil {
			if reDotThousands.MatchString(text) {
				d.thousandsDot(n, path, what, text)
			}
			return v, true
		}
		d.atKind(ErrNumber, n, path, "not a number", "%q không đọc được thành số; viết ví dụ %s", text, example)
	case reComThousands.MatchString(text):
		whole := strings.ReplaceAll(text, ",", "")
		dec := decimal.RequireFromString(strings.Replace(text, ",", ".", 1)).String()
		d.atKind(ErrAmbiguousNumber, n, path, "ambiguous: write "+whole+", or "+dec+" with a decimal point",
			"%s %q không rõ nghĩa: nếu dấu phẩy phân cách hàng nghìn thì viết liền không dấu: %s; nếu là dấu thập phân thì viết %s", what, text, whole, dec)
	case reVNDecimal.MatchString(text):
		fixed := decimal.RequireFromString(strings.ReplaceAll(strings.ReplaceAll(text, ".", ""), ",", ".")).String()
		d.atKind(ErrNumber, n, path, "write "+fixed,
			"%s viết %q theo kiểu Việt Nam; trong tệp YAML dùng dấu chấm thập phân và không phân cách hàng nghìn: %s", what, text, fixed)
	case reNegative.MatchString(text):
		d.atKind(ErrNumber, n, path, "must not be negative", "%s %s là số âm; không được âm", what, text)
	case strings.HasSuffix(text, "%"):
		fixed := strings.ReplaceAll(strings.TrimSpace(strings.TrimSuffix(text, "%")), ",", ".")
		d.atKind(ErrNumber, n, path, "write the percentage without %", "%s ghi không kèm dấu %%: %s", what, fixed)
	default:
		d.atKind(ErrNumber, n, path, "not a number", "%q không phải là số; viết ví dụ %s", text, example)
	}
	return decimal.Decimal{}, false
}

// CodeThousandsDot is the code of the warning of loading about an amount or percentage
// written like 14.205: YAML reads the dot as a decimal point (14,205), but a clerk used to
// the Vietnamese thousands dot may have meant 14.205 (fourteen thousand two hundred and
// five). [Report.Validate] returns it; [Loader.Strict] makes it an error of kind
// [ErrAmbiguousNumber].
const CodeThousandsDot = "thousands-dot"

// thousandsDot records an amount or percentage whose dot may be a thousands dot.
func (d *decoder) thousandsDot(n *yaml.Node, path, what, text string) {
	whole := strings.ReplaceAll(text, ".", "")
	read, meant := decimalVN(text), indicators.FormatNumber(decimal.RequireFromString(whole), -1)
	const format = "%s %s (dòng %d, cột %d) được đọc là %s vì YAML dùng dấu chấm thập phân; nếu ý là %s (dấu chấm phân cách hàng nghìn) thì viết %s; nếu đúng là %s thì viết %s0 cho rõ"
	args := []any{what, text, n.Line, n.Column, read, meant, whole, read, text}
	if d.strict {
		d.atKind(ErrAmbiguousNumber, n, path, "ambiguous: "+read+" or "+meant, format, args...)
		return
	}
	d.warnings = append(d.warnings, indicators.Finding{Severity: indicators.Warning, Code: CodeThousandsDot, Subject: path,
		Message: fmt.Sprintf(format, args...), Figures: []decimal.Decimal{decimal.RequireFromString(text), decimal.RequireFromString(whole)}})
}

func (d *decoder) money(n *yaml.Node, path string) indicators.Money {
	v, _ := d.number(n, path, "số tiền", "568.1")
	return indicators.NewMoney(v, d.unitOfMoney)
}

func (d *decoder) percent(n *yaml.Node, path string) decimal.NullDecimal {
	v, ok := d.number(n, path, "tỷ lệ phần trăm", "4.82")
	if !ok {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(v)
}

// integer reads a whole number in [lo, hi] (years, months, item numbers).
func (d *decoder) integer(n *yaml.Node, path, what string, lo, hi int) int {
	n = resolve(n)
	c, ok := d.countOK(n, path)
	if !ok {
		return 0
	}
	v := c.Int64()
	if v < int64(lo) || v > int64(hi) {
		d.atKind(ErrRange, n, path, "out of range", "%s %d nằm ngoài khoảng %d–%d", what, v, lo, hi)
		return 0
	}
	return int(v)
}

func (d *decoder) year(n *yaml.Node, path string) int {
	return d.integer(n, path, "năm", MinYear, MaxYear)
}

// date reads YYYY-MM-DD; empty or null gives the zero Date when allowEmpty.
func (d *decoder) date(n *yaml.Node, path string, allowEmpty bool) indicators.Date {
	n = resolve(n)
	if isNull(n) || (n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == "") {
		if !allowEmpty {
			d.atKind(ErrMissingKey, n, path, "missing date, YYYY-MM-DD", "thiếu ngày; ghi dạng năm-tháng-ngày, ví dụ 2023-02-08")
		}
		return indicators.Date{}
	}
	if n.Kind != yaml.ScalarNode {
		d.atKind(ErrType, n, path, got("a date", n), "ngày phải ghi dạng 2023-02-08, nhưng đây là %s", kindName(n))
		return indicators.Date{}
	}
	text := strings.TrimSpace(n.Value)
	if !isoDate(text) {
		d.atKind(ErrDate, n, path, "date must be YYYY-MM-DD", "ngày %q phải ghi dạng năm-tháng-ngày, ví dụ 2023-02-08 cho ngày 08/02/2023", clip(text, 40))
		return indicators.Date{}
	}
	t, err := indicators.ParseDate(text)
	if err != nil {
		d.atKind(ErrDate, n, path, "no such date", "ngày %q không có thật; kiểm tra lại ngày và tháng", text)
		return indicators.Date{}
	}
	return t
}

// isoDate reports whether s has the shape YYYY-MM-DD.
func isoDate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && allDigits(s[:4]) && allDigits(s[5:7]) && allDigits(s[8:])
}

// code reads a list item's key (ma): a non-empty plain name.
func (d *decoder) code(n *yaml.Node, path string) string {
	s := strings.TrimSpace(d.str(n, path))
	if s == "" {
		d.atKind(ErrMissingKey, resolve(n), path, "empty ma", "mã (ma) không được để trống; ghi mã của mục này")
	}
	return s
}
