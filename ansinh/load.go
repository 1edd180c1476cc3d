package ansinh

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/ansinh-vn/baocao/indicators"
)

// LoadError is one problem in a period file, at a position.
type LoadError struct {
	File   string // file name as given to Load
	Line   int    // 1-based line; 0 when unknown
	Column int    // 1-based column; 0 when unknown (YAML syntax errors give only a line)
	Path   string // YAML path of the value, "giam_ngheo.ho_ngheo.so_ho", "tin_dung.chuong_trinh[3].so_tien"; empty for the whole file
	Msg    string // what is wrong and how to fix it, Vietnamese with English in parentheses
}

// Error formats the error as "file:line:col: path: message".
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
	return b.String()
}

// LoadErrors is every problem found in one period file, in file order. Load returns it
// as its error; errors.As(err, &LoadErrors{}) gives the list.
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

// LoadFile reads the period file at path; see Load.
func LoadFile(path string) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Load(f, path)
}

// Load reads one period file (YAML, one document) from r. name is used in error
// messages. On any problem it returns nil and a LoadErrors with every error of the file.
// An I/O error from r is returned as is.
func Load(r io.Reader, name string) (*Report, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: name}
	rep := d.load(data)
	if err := d.err(); err != nil {
		return nil, err
	}
	return rep, nil
}

// err returns every error found, in file order, or nil.
func (d *decoder) err() error {
	if len(d.errs) == 0 {
		return nil
	}
	sort.SliceStable(d.errs, func(i, j int) bool {
		a, b := d.errs[i], d.errs[j]
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
	unitOfMoney indicators.MoneyUnit
}

var reSyntaxLine = regexp.MustCompile(`line (\d+)`)

// root parses data as exactly one YAML document and returns its root node, or nil after
// recording why not. what is what a file holds, for the message about extra documents.
func (d *decoder) root(data []byte, what string) *yaml.Node {
	d.src = data
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errs = append(d.errs, &LoadError{File: d.file, Msg: "tệp rỗng, không có dữ liệu (empty file)"})
			return nil
		}
		d.syntax(err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.at(&extra, "", "tệp có nhiều hơn một tài liệu YAML (dòng ---); mỗi tệp chỉ chứa "+what+" (more than one YAML document)")
	} else if !errors.Is(err, io.EOF) {
		d.syntax(err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			d.errs = append(d.errs, &LoadError{File: d.file, Msg: "tệp rỗng, không có dữ liệu (empty file)"})
			return nil
		}
		root = root.Content[0]
	}
	return root
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

func (d *decoder) syntax(err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := reSyntaxLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
	} else {
		line = syntaxLine(d.src, msg)
	}
	hint := ""
	if strings.Contains(msg, "found character that cannot start any token") {
		hint = "; kiểm tra ký tự Tab: YAML chỉ thụt lề bằng dấu cách (tabs are not allowed for indentation)"
	}
	d.errs = append(d.errs, &LoadError{File: d.file, Line: line,
		Msg: "lỗi cú pháp YAML (syntax error): " + msg + hint})
}

// syntaxLine places a YAML syntax error whose message has no line. yaml.v3 leaves the
// line out when it is the first (its marks count from 0) and for errors of its reader
// (invalid UTF-8, control characters), which give no mark: those are on the line of the
// first character YAML does not allow.
func syntaxLine(src []byte, msg string) int {
	if !strings.Contains(msg, "UTF-8") && !strings.Contains(msg, "Unicode") && !strings.Contains(msg, "control characters") {
		return 1
	}
	line := 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		allowed := r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7E || r == 0x85 ||
			r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
		if r == utf8.RuneError && size <= 1 || !allowed {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return line
}

// at records an error at node n.
func (d *decoder) at(n *yaml.Node, path, format string, args ...any) {
	e := &LoadError{File: d.file, Path: path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

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

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "một nhóm khóa (mapping)"
	case yaml.SequenceNode:
		return "một danh sách (list)"
	}
	return "một giá trị đơn (scalar)"
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
	if isNull(n) {
		var missing []string
		for _, f := range fields {
			if f.req {
				missing = append(missing, f.key)
			}
		}
		if len(missing) > 0 {
			d.at(n, path, "mục trống; cần có các khóa: %s (empty section; required keys: %s)",
				strings.Join(missing, ", "), strings.Join(missing, ", "))
		}
		return
	}
	if n.Kind != yaml.MappingNode {
		d.at(n, path, "phải là một nhóm khóa: giá trị, nhưng đây là %s (expected a mapping)", kindName(n))
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
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.at(k, path, "khóa phải là một tên, không phải %s (a key must be a plain name)", kindName(k))
			continue
		}
		key := k.Value
		fi := -1
		for j := range fields {
			if fields[j].key == key {
				fi = j
				break
			}
		}
		if fi < 0 {
			if line := dupUnknown(n, i, key); line > 0 {
				d.at(k, join(path, key), "khóa %q bị lặp, đã có ở dòng %d; xóa một trong hai (duplicate key, first at line %d)",
					key, line, line)
				continue
			}
			d.at(k, join(path, key), "khóa %q không có trong mẫu; các khóa hợp lệ ở đây: %s (unknown key)%s",
				key, keyList(fields), suggest(key, fields))
			continue
		}
		p := join(path, key)
		if first[fi] > 0 {
			d.at(k, p, "khóa %q bị lặp, đã có ở dòng %d; xóa một trong hai (duplicate key, first at line %d)",
				key, first[fi], first[fi])
			continue
		}
		first[fi] = k.Line
		if first[fi] == 0 {
			first[fi] = -1 // seen, line unknown
		}
		fields[fi].fn(v, p)
	}
	for i, f := range fields {
		if f.req && first[i] == 0 {
			d.at(n, join(path, f.key), "thiếu khóa bắt buộc %q (missing required key)", f.key)
		}
	}
}

// dupUnknown returns the line of an earlier occurrence of an unknown key in mapping n
// (before content index i), or 0. Only reached on an error, so a scan is fine.
func dupUnknown(n *yaml.Node, i int, key string) int {
	for j := 0; j < i; j += 2 {
		if k := resolve(n.Content[j]); k.Kind == yaml.ScalarNode && k.Value == key {
			return k.Line
		}
	}
	return 0
}

func keyList(fields []field) string {
	s := make([]string, len(fields))
	for i, f := range fields {
		s[i] = f.key
	}
	return strings.Join(s, ", ")
}

// suggest proposes the nearest known key for a likely typing mistake.
func suggest(key string, fields []field) string {
	best, bestD := "", 3
	for _, f := range fields {
		if dist := levenshtein(key, f.key); dist < bestD {
			best, bestD = f.key, dist
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; có phải là %q? (did you mean %q?)", best, best)
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
		d.at(n, path, "phải là một danh sách (mỗi mục bắt đầu bằng \"- \"), nhưng đây là %s (expected a list)", kindName(n))
		return
	}
	for i, item := range n.Content {
		fn(resolve(item), index(path, i), i)
	}
}

// str reads a string. Any scalar is taken as its text; null is "".
func (d *decoder) str(n *yaml.Node, path string) string {
	n = resolve(n)
	if isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.at(n, path, "phải là một chuỗi chữ, nhưng đây là %s (expected text); nếu chuỗi có dấu phẩy hoặc dấu hai chấm, đặt nó trong ngoặc kép", kindName(n))
		return ""
	}
	return n.Value
}

// paragraphs reads a list of paragraphs; a single string is one paragraph.
func (d *decoder) paragraphs(n *yaml.Node, path string) []string {
	n = resolve(n)
	if isNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	var out []string
	d.sequence(n, path, func(item *yaml.Node, p string, _ int) {
		if item.Kind != yaml.ScalarNode || isNull(item) {
			d.at(item, p, "mỗi đoạn văn phải là một chuỗi chữ (each paragraph must be text); nếu đoạn có dấu hai chấm hoặc dấu phẩy, đặt nó trong ngoặc kép")
			return
		}
		out = append(out, item.Value)
	})
	return out
}

var (
	reWhole        = regexp.MustCompile(`^[0-9]+$`)
	reDotThousands = regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{3})+$`)
	reComThousands = regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})+$`)
	reDecimal      = regexp.MustCompile(`^[0-9]+\.[0-9]+$`)
	reVNDecimal    = regexp.MustCompile(`^([0-9]{1,3}(\.[0-9]{3})+|[0-9]+),[0-9]+$`)
	reNegative     = regexp.MustCompile(`^-\s*[0-9]`)
	reDate         = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// scalarText returns the text of a scalar that should be a number, or false after
// recording an error. what names the kind of figure for messages.
func (d *decoder) numberText(n *yaml.Node, path, what, example string) (string, bool) {
	n = resolve(n)
	switch {
	case isNull(n):
		d.at(n, path, "thiếu %s; ghi ví dụ %s (missing value)", what, example)
		return "", false
	case n.Kind != yaml.ScalarNode:
		d.at(n, path, "%s phải là một số, nhưng đây là %s (expected a number)", what, kindName(n))
		return "", false
	case quoted(n):
		if text := strings.TrimSpace(n.Value); reWhole.MatchString(text) || reDecimal.MatchString(text) {
			d.at(n, path, "%s phải là một số, không đặt trong ngoặc kép: viết %s chứ không viết \"%s\" (a number, not a string)", what, text, n.Value)
		} else {
			d.at(n, path, "%s phải là một số, nhưng đây là chuỗi chữ %q; viết ví dụ %s (a number, not a string)", what, n.Value, example)
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
	// Most counts are a few plain digits: read them without a regexp or a big.Int.
	if len(text) <= 18 && allDigits(text) {
		if v, err := strconv.ParseInt(text, 10, 64); err == nil {
			if c, err := indicators.NewCount(v); err == nil {
				return c, true
			}
		}
	}
	switch {
	case reWhole.MatchString(text):
		v, err := decimal.NewFromString(text)
		if err == nil && len(strings.TrimLeft(text, "0")) <= 18 {
			c, err := indicators.CountFromDecimal(v)
			if err == nil {
				return c, true
			}
		}
		d.at(n, path, "số lượng %s quá lớn (count too large)", text)
	case reDotThousands.MatchString(text):
		fixed := strings.ReplaceAll(text, ".", "")
		d.at(n, path, "số lượng %q có dấu chấm phân cách hàng nghìn, YAML đọc thành số thập phân %s; viết liền không dấu: %s (write %s: the dot is a decimal point in YAML)",
			text, decimalVN(text), fixed, fixed)
	case reComThousands.MatchString(text):
		fixed := strings.ReplaceAll(text, ",", "")
		d.at(n, path, "số lượng %q có dấu phẩy; viết liền không dấu: %s (write %s without separators)", text, fixed, fixed)
	case reNegative.MatchString(text):
		d.at(n, path, "số lượng %s là số âm; số lượng không được âm (a count must not be negative)", text)
	case reDecimal.MatchString(text), reVNDecimal.MatchString(text):
		d.at(n, path, "số lượng %s không phải là số nguyên; số lượng (hộ, người, lớp, thẻ …) phải là số nguyên như 1855 (a count must be a whole number)", text)
	default:
		d.at(n, path, "%q không phải là số; số lượng viết bằng chữ số liền nhau như 1855 (not a number)", text)
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
	case reWhole.MatchString(text), reDecimal.MatchString(text):
		v, err := decimal.NewFromString(text)
		if err == nil {
			return v, true
		}
		d.at(n, path, "%q không đọc được thành số (not a number)", text)
	case reComThousands.MatchString(text):
		whole := strings.ReplaceAll(text, ",", "")
		dec := decimal.RequireFromString(strings.Replace(text, ",", ".", 1)).String()
		d.at(n, path, "%s %q không rõ nghĩa: nếu dấu phẩy phân cách hàng nghìn thì viết liền không dấu: %s; nếu là dấu thập phân thì viết %s (ambiguous: write %s, or %s with a decimal point)",
			what, text, whole, dec, whole, dec)
	case reVNDecimal.MatchString(text):
		fixed := decimal.RequireFromString(strings.ReplaceAll(strings.ReplaceAll(text, ".", ""), ",", ".")).String()
		d.at(n, path, "%s viết %q theo kiểu Việt Nam; trong tệp YAML dùng dấu chấm thập phân và không phân cách hàng nghìn: %s (write %s)",
			what, text, fixed, fixed)
	case reNegative.MatchString(text):
		d.at(n, path, "%s %s là số âm; không được âm (must not be negative)", what, text)
	case strings.HasSuffix(text, "%"):
		fixed := strings.ReplaceAll(strings.TrimSpace(strings.TrimSuffix(text, "%")), ",", ".")
		d.at(n, path, "%s ghi không kèm dấu %%: %s (write the percentage without %%)", what, fixed)
	default:
		d.at(n, path, "%q không phải là số; viết ví dụ %s (not a number)", text, example)
	}
	return decimal.Decimal{}, false
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
		d.at(n, path, "%s %d nằm ngoài khoảng %d–%d (out of range)", what, v, lo, hi)
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
			d.at(n, path, "thiếu ngày; ghi dạng năm-tháng-ngày, ví dụ 2023-02-08 (missing date, YYYY-MM-DD)")
		}
		return indicators.Date{}
	}
	if n.Kind != yaml.ScalarNode {
		d.at(n, path, "ngày phải ghi dạng 2023-02-08, nhưng đây là %s (expected a date)", kindName(n))
		return indicators.Date{}
	}
	text := strings.TrimSpace(n.Value)
	if !reDate.MatchString(text) {
		d.at(n, path, "ngày %q phải ghi dạng năm-tháng-ngày, ví dụ 2023-02-08 cho ngày 08/02/2023 (date must be YYYY-MM-DD)", text)
		return indicators.Date{}
	}
	t, err := indicators.ParseDate(text)
	if err != nil {
		d.at(n, path, "ngày %q không có thật (no such date)", text)
		return indicators.Date{}
	}
	return t
}

// code reads a list item's key (ma): a non-empty plain name.
func (d *decoder) code(n *yaml.Node, path string) string {
	s := strings.TrimSpace(d.str(n, path))
	if s == "" {
		d.at(resolve(n), path, "mã (ma) không được để trống (empty key)")
	}
	return s
}
