package ansinh

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/ansinh-vn/baocao/indicators"
)

// A Catalog is a province's list of custom figures (danh mục chỉ tiêu bổ sung): figures
// its directives add beyond the built-in ones, written once as data for all its units.
// Each becomes an entry of the description of the figures at the path bo_sung.<ma>, so
// a period file loaded with the catalogue carries their values under bo_sung and they
// get what built-in figures get: strict loading, Validate, roll-up, comparison with
// last year, plans and the data tree.
//
// A Catalog is read with [LoadCatalog] or [LoadCatalogFile]; it is immutable and safe
// for concurrent use. Give it to a [Loader] (field Catalog) to load period files with
// it.
type Catalog struct {
	figures []CustomFigure
	index   map[string]int // ma -> index into figures
	table   *figureTable   // the built-in description followed by the custom figures
}

// CustomKind is the kind of a custom figure (kieu).
type CustomKind string

// Kinds of custom figures.
const (
	CustomCount CustomKind = "so_luong" // a whole non-negative number, summed in a roll-up
	CustomMoney CustomKind = "tien"     // an amount in the file's don_vi_tien, summed in a roll-up
	CustomRate  CustomKind = "ty_le"    // computed: tu_so / mau_so × he_so, never typed
)

// CustomFigure is one figure of a catalogue (chi_tieu). Each field's comment names its
// YAML key.
type CustomFigure struct {
	Code     string     // ma: the key under bo_sung, unique; a snake_case name
	Name     string     // ten: what the figure is, as printed
	Kind     CustomKind // kieu: so_luong, tien or ty_le
	UnitWord string     // don_vi_tinh: "người", "hộ" (optional; money prints in don_vi_tien)
	Group    string     // nhom: the heading it prints under (optional)

	// Numerator and Denominator (tu_so, mau_so) are a rate's inputs: the ma of a
	// count of the catalogue, or the path of a built-in count
	// ("giam_ngheo.dan_so.nhan_khau"). Rates only.
	Numerator, Denominator string
	// Factor (he_so) is 100 for a percentage (the default) or 1000 for per mille.
	// Rates only.
	Factor int
	// Parts (thanh_phan) lists the ma of counts or amounts of the catalogue whose sum
	// must equal this figure; Validate checks it.
	Parts []string
	// NotSummable (cong_don: false) marks a figure that cannot be added up over units
	// (a stock counted twice across communes, say): a roll-up leaves it empty with a
	// not-summable finding.
	NotSummable bool
	// NoPlan (ke_hoach: false) forbids a target for the figure in plan files.
	NoPlan bool

	line, column int // where the entry is in the catalogue file
}

// Figures returns the catalogue's figures in catalogue order (a copy).
func (c *Catalog) Figures() []CustomFigure { return append([]CustomFigure(nil), c.figures...) }

// Figure returns the figure with key ma.
func (c *Catalog) Figure(ma string) (CustomFigure, bool) {
	if i, ok := c.index[ma]; ok {
		return c.figures[i], true
	}
	return CustomFigure{}, false
}

// CustomPrefix is the section of a period file and of the data tree that holds the
// custom figures: bo_sung.<ma>.
const CustomPrefix = "bo_sung"

// Kinds of the errors of custom figures, for errors.Is on a [LoadError]'s Kind.
var (
	// ErrCatalog: the catalogue contradicts itself (a rate over money or over a rate, an
	// unknown tu_so, mau_so or part, parts of another kind, a cycle among parts, a key
	// of another kind of figure), or a plan targets a figure the catalogue forbids.
	ErrCatalog = errors.New("ansinh: invalid catalogue of custom figures")
	// ErrNoCatalog: a period or plan file names custom figures (bo_sung) but was not
	// loaded with a catalogue.
	ErrNoCatalog = errors.New("ansinh: custom figures need a catalogue")
)

// Limits of a catalogue file.
const (
	MaxCustomFigures = 1000    // the most figures a catalogue may hold
	MaxCatalogSize   = 1 << 20 // the largest catalogue file, in bytes
)

// LoadCatalogFile reads the catalogue at path; see LoadCatalog.
func LoadCatalogFile(path string) (*Catalog, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return LoadCatalog(f, path)
}

// LoadCatalog reads a catalogue of custom figures (YAML) from r; name is used in error
// messages. Loading is strict like a period file's, and the catalogue is checked: a
// duplicate ma, a ma that is not a snake_case name, an unknown kieu, a rate without
// tu_so or mau_so, a tu_so or mau_so that names neither a count of the catalogue nor a
// built-in count (a rate over a rate or over money), a part that is not in the
// catalogue or not of the figure's kind, parts that form a cycle, and keys that do not
// belong to the kind are errors. It returns every error as [LoadErrors], each with
// file:line:column.
func LoadCatalog(r io.Reader, name string) (*Catalog, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCatalogSize+1))
	if err != nil {
		return nil, err
	}
	d := &decoder{file: name}
	if len(data) > MaxCatalogSize {
		d.atKind(ErrTooLarge, nil, "", fmt.Sprintf("file larger than %d bytes", MaxCatalogSize),
			"tệp lớn hơn %d byte, không đọc; kiểm tra đã chọn đúng tệp danh mục chỉ tiêu", MaxCatalogSize)
		return nil, d.err()
	}
	root := d.root(data, "một danh mục chỉ tiêu")
	if root == nil {
		return nil, d.err()
	}
	c := d.readCatalog(root)
	if err := d.err(); err != nil {
		return nil, err
	}
	return c, nil
}

var reCode = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// readCatalog reads and checks the root mapping of a catalogue file.
func (d *decoder) readCatalog(root *yaml.Node) *Catalog {
	c := &Catalog{index: map[string]int{}}
	d.mapping(root, "", req("chi_tieu", func(n *yaml.Node, p string) {
		if n = resolve(n); n.Kind == yaml.SequenceNode && len(n.Content) > MaxCustomFigures {
			d.atKind(ErrRange, n, p, "too many figures", "danh mục có %d chỉ tiêu, nhiều hơn giới hạn %d; bỏ bớt chỉ tiêu", len(n.Content), MaxCustomFigures)
			return
		}
		d.sequence(n, p, func(n *yaml.Node, p string, _ int) {
			f, maNode := d.customFigure(n, p)
			if f.Code == "" {
				return
			}
			if j, dup := c.index[f.Code]; dup {
				d.atKind(ErrDuplicateKey, maNode, p+".ma", "duplicate ma", "mã %q bị lặp, đã có ở dòng %d; mỗi chỉ tiêu một mã", f.Code, c.figures[j].line)
				return
			}
			c.index[f.Code] = len(c.figures)
			c.figures = append(c.figures, f)
		})
	}))
	if len(d.errs) > 0 {
		return nil
	}
	d.checkCatalog(c)
	c.table = newFigureTable(concat(builtinFigures(), c.entries()))
	c.table.catalog = c
	return c
}

// customFigure reads one chi_tieu item; it returns its ma node for messages.
func (d *decoder) customFigure(n *yaml.Node, path string) (CustomFigure, *yaml.Node) {
	f := CustomFigure{line: n.Line, column: n.Column, Factor: 100}
	var maNode *yaml.Node
	var kindNode *yaml.Node
	summable, plan := true, true
	d.mapping(n, path,
		req("ma", func(n *yaml.Node, p string) {
			maNode = resolve(n)
			s := strings.TrimSpace(d.str(n, p))
			if !reCode.MatchString(s) {
				d.at(maNode, p, "ma must be snake_case ASCII", "mã %q phải là tên viết liền không dấu, chữ thường, nối bằng dấu gạch dưới, ví dụ nguoi_khuyet_tat", s)
				return
			}
			f.Code = s
		}),
		req("ten", func(n *yaml.Node, p string) { f.Name = d.nonEmpty(n, p, "tên chỉ tiêu") }),
		req("kieu", func(n *yaml.Node, p string) {
			kindNode = resolve(n)
			f.Kind = CustomKind(strings.TrimSpace(d.str(n, p)))
			switch f.Kind {
			case CustomCount, CustomMoney, CustomRate:
			default:
				d.at(kindNode, p, "unknown kieu", "kiểu %q không hợp lệ; dùng so_luong (số lượng), tien (số tiền) hoặc ty_le (tỷ lệ)", f.Kind)
			}
		}),
		opt("don_vi_tinh", func(n *yaml.Node, p string) { f.UnitWord = d.str(n, p) }),
		opt("nhom", func(n *yaml.Node, p string) { f.Group = d.str(n, p) }),
		opt("tu_so", func(n *yaml.Node, p string) { f.Numerator = strings.TrimSpace(d.str(n, p)) }),
		opt("mau_so", func(n *yaml.Node, p string) { f.Denominator = strings.TrimSpace(d.str(n, p)) }),
		opt("he_so", func(n *yaml.Node, p string) {
			f.Factor = d.integer(n, p, "hệ số", 100, 1000)
			if f.Factor != 0 && f.Factor != 100 && f.Factor != 1000 {
				d.at(resolve(n), p, "factor must be 100 or 1000", "hệ số %d không hợp lệ; dùng 100 (phần trăm) hoặc 1000 (phần nghìn)", f.Factor)
			}
		}),
		opt("thanh_phan", func(n *yaml.Node, p string) {
			d.sequence(n, p, func(n *yaml.Node, p string, _ int) { f.Parts = append(f.Parts, strings.TrimSpace(d.str(n, p))) })
		}),
		opt("cong_don", func(n *yaml.Node, p string) { summable = d.boolean(n, p) }),
		opt("ke_hoach", func(n *yaml.Node, p string) { plan = d.boolean(n, p) }),
	)
	f.NotSummable, f.NoPlan = !summable, !plan
	if f.Kind == CustomRate {
		if f.Numerator == "" || f.Denominator == "" {
			d.atKind(ErrMissingKey, kindNode, path, "a rate needs tu_so and mau_so", "chỉ tiêu tỷ lệ %q cần tử số (tu_so) và mẫu số (mau_so)", f.Code)
		}
		if len(f.Parts) > 0 {
			d.atKind(ErrCatalog, kindNode, path+".thanh_phan", "a rate has no parts", "tỷ lệ %q được tính, không có thành phần; xóa thanh_phan", f.Code)
		}
	} else if f.Kind != "" && (f.Numerator != "" || f.Denominator != "") {
		d.atKind(ErrCatalog, kindNode, path, "tu_so, mau_so are for rates", "chỉ tiêu %q kiểu %s không có tử số, mẫu số; chỉ tỷ lệ (ty_le) mới có", f.Code, f.Kind)
	}
	return f, maNode
}

// boolean reads true or false.
func (d *decoder) boolean(n *yaml.Node, path string) bool {
	n = resolve(n)
	if n != nil && n.Kind == yaml.ScalarNode && !quoted(n) {
		switch n.Value {
		case "true":
			return true
		case "false":
			return false
		}
	}
	d.atKind(ErrType, n, path, "expected true or false", "phải là true hoặc false")
	return true
}

// checkCatalog checks a catalogue's references: rates over counts, parts of the
// figure's kind, no cycle among parts.
func (d *decoder) checkCatalog(c *Catalog) {
	for i := range c.figures {
		f := &c.figures[i]
		at := &yaml.Node{Line: f.line, Column: f.column}
		p := fmt.Sprintf("chi_tieu[%d]", i)
		if f.Kind == CustomRate {
			for _, ref := range []struct{ key, ref string }{{"tu_so", f.Numerator}, {"mau_so", f.Denominator}} {
				if ref.ref != "" {
					if msg, detail := c.countRef(ref.ref); msg != "" {
						d.atKind(ErrCatalog, at, p+"."+ref.key, detail, "%s %q của tỷ lệ %q %s", ref.key, ref.ref, f.Code, msg)
					}
				}
			}
		}
		for _, part := range f.Parts {
			j, ok := c.index[part]
			switch {
			case !ok:
				vn, en := didYouMean(suggestCode(part, c))
				d.atKind(ErrCatalog, at, p+".thanh_phan", "unknown part"+en, "thành phần %q không có trong danh mục%s", part, vn)
			case c.figures[j].Kind != f.Kind:
				d.atKind(ErrCatalog, at, p+".thanh_phan", "a part of another kind", "thành phần %q kiểu %s, khác kiểu %s của %q; thành phần phải cùng kiểu", part, c.figures[j].Kind, f.Kind, f.Code)
			}
		}
	}
	if cycle := partCycle(c); cycle != nil {
		f := c.figures[c.index[cycle[0]]]
		d.atKind(ErrCatalog, &yaml.Node{Line: f.line, Column: f.column}, fmt.Sprintf("chi_tieu[%d].thanh_phan", c.index[cycle[0]]),
			"cycle among parts", "thành phần tạo thành vòng: %s; một chỉ tiêu không thể là thành phần của chính nó", strings.Join(cycle, " → "))
	}
}

// countRef is "", "" when ref names a count (a catalogue so_luong or a built-in count),
// else why not: for the clerk, in Vietnamese, and in English for the detail.
func (c *Catalog) countRef(ref string) (msg, detail string) {
	if j, ok := c.index[ref]; ok {
		switch c.figures[j].Kind {
		case CustomCount:
			return "", ""
		case CustomRate:
			return "là một tỷ lệ; tỷ lệ chỉ tính trên số lượng, không tính trên tỷ lệ khác", "a rate over a rate"
		default:
			return "là số tiền; tỷ lệ chỉ tính trên số lượng", "a rate over money"
		}
	}
	if f := builtinCount(ref); f != nil {
		return "", ""
	}
	for i := range builtin().all {
		if f := &builtin().all[i]; f.path == ref && !f.yamlOnly {
			return "không phải là một số lượng của báo cáo; tỷ lệ chỉ tính trên số lượng", "not a count"
		}
	}
	vn, en := didYouMean(suggestCode(ref, c))
	return "không phải là mã trong danh mục, cũng không phải đường dẫn một số lượng của báo cáo, ví dụ giam_ngheo.dan_so.nhan_khau" + vn, "unknown figure" + en
}

// builtinCount is the built-in entry of a count or a total of counts at path, or nil.
func builtinCount(path string) *figure {
	t := builtin()
	for i := range t.all {
		if f := &t.all[i]; f.path == path && !f.yamlOnly && (f.kind == figCount || f.kind == figTotal) {
			return f
		}
	}
	return nil
}

// suggestCode proposes the nearest code of the catalogue; "" when none is near.
func suggestCode(s string, c *Catalog) string {
	fs := make([]field, 0, len(c.figures))
	for _, f := range c.figures {
		fs = append(fs, field{key: f.Code})
	}
	return suggest(s, fs)
}

// partCycle returns a cycle among the parts of the catalogue's figures, or nil.
func partCycle(c *Catalog) []string {
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]int, len(c.figures))
	var path []string
	var visit func(i int) []string
	visit = func(i int) []string {
		state[i] = onPath
		path = append(path, c.figures[i].Code)
		for _, part := range c.figures[i].Parts {
			j, ok := c.index[part]
			if !ok {
				continue
			}
			switch state[j] {
			case onPath:
				start := 0
				for k, code := range path {
					if code == part {
						start = k
					}
				}
				return append(append([]string(nil), path[start:]...), part)
			case unseen:
				if cyc := visit(j); cyc != nil {
					return cyc
				}
			}
		}
		state[i] = done
		path = path[:len(path)-1]
		return nil
	}
	for i := range c.figures {
		if state[i] == unseen {
			if cyc := visit(i); cyc != nil {
				return cyc
			}
		}
	}
	return nil
}

// CustomValues holds a report's values of its catalogue's custom figures (bo_sung):
// counts and amounts by ma; rates are computed. The zero value holds nothing; make one
// with [NewCustomValues].
type CustomValues struct {
	catalog *Catalog
	counts  []indicators.Count // by catalogue index
	money   []indicators.Money // by catalogue index
	absent  []bool             // by catalogue index, nil when none: a figure a roll-up could not sum
	given   []bool             // by catalogue index, nil when none: a figure the period file states
}

// markGiven records that the period file states figure i.
func (v *CustomValues) markGiven(i int) {
	if v.given == nil {
		v.given = make([]bool, len(v.counts))
	}
	v.given[i] = true
}

// fillOwnCustom gives a roll-up's figures it could not sum (cong_don: false) the
// values the parent's own file states, when it uses the same catalogue.
func fillOwnCustom(r, own *Report) {
	v, o := r.customValues(), own.customValues()
	if v == nil || o == nil || v.catalog != o.catalog || v.absent == nil || o.given == nil {
		return
	}
	for i := range v.absent {
		if v.absent[i] && o.given[i] {
			v.counts[i], v.money[i], v.absent[i] = o.counts[i], o.money[i], false
		}
	}
}

func (v *CustomValues) clearAbsent(i int) {
	if v.absent != nil {
		v.absent[i] = false
	}
}

// isAbsent reports whether figure i has no value (a roll-up could not sum it).
func (v *CustomValues) isAbsent(i int) bool { return v.absent != nil && v.absent[i] }

// setAbsent marks figure i as without a value.
func (v *CustomValues) setAbsent(i int) {
	if v.absent == nil {
		v.absent = make([]bool, len(v.counts))
	}
	v.absent[i] = true
}

// NewCustomValues returns zero values for every figure of c, amounts in unit.
func NewCustomValues(c *Catalog, unit indicators.MoneyUnit) *CustomValues {
	v := &CustomValues{catalog: c, counts: make([]indicators.Count, len(c.figures)), money: make([]indicators.Money, len(c.figures))}
	zero := indicators.NewMoney(decimal.Zero, unit)
	for i := range v.money {
		v.money[i] = zero
	}
	return v
}

// Catalog is the catalogue the values belong to.
func (v *CustomValues) Catalog() *Catalog { return v.catalog }

// clone is a copy that shares nothing with v.
func (v *CustomValues) clone() *CustomValues {
	return &CustomValues{catalog: v.catalog, counts: append([]indicators.Count(nil), v.counts...),
		money: append([]indicators.Money(nil), v.money...), absent: append([]bool(nil), v.absent...),
		given: append([]bool(nil), v.given...)}
}

// SetCount sets the count of figure ma (kieu so_luong).
func (v *CustomValues) SetCount(ma string, c indicators.Count) error {
	i, err := v.at(ma, CustomCount)
	if err == nil {
		v.counts[i] = c
		v.clearAbsent(i)
	}
	return err
}

// SetMoney sets the amount of figure ma (kieu tien).
func (v *CustomValues) SetMoney(ma string, m indicators.Money) error {
	i, err := v.at(ma, CustomMoney)
	if err == nil {
		v.money[i] = m
		v.clearAbsent(i)
	}
	return err
}

// Count returns the count of figure ma, false when ma is not a count of the catalogue
// or it has no value (a roll-up could not sum it).
func (v *CustomValues) Count(ma string) (indicators.Count, bool) {
	i, err := v.at(ma, CustomCount)
	if err != nil || v.isAbsent(i) {
		return indicators.Count{}, false
	}
	return v.counts[i], true
}

// Money returns the amount of figure ma, false when ma is not an amount of the
// catalogue or it has no value (a roll-up could not sum it).
func (v *CustomValues) Money(ma string) (indicators.Money, bool) {
	i, err := v.at(ma, CustomMoney)
	if err != nil || v.isAbsent(i) {
		return indicators.Money{}, false
	}
	return v.money[i], true
}

// ErrUnknownCustomFigure: a ma that is not in the catalogue, or not of the kind asked.
var ErrUnknownCustomFigure = fmt.Errorf("ansinh: not a custom figure of the catalogue")

func (v *CustomValues) at(ma string, kind CustomKind) (int, error) {
	if v == nil || v.catalog == nil {
		return 0, fmt.Errorf("%w: %s (no catalogue)", ErrUnknownCustomFigure, ma)
	}
	i, ok := v.catalog.index[ma]
	if !ok || v.catalog.figures[i].Kind != kind {
		return 0, fmt.Errorf("%w: %s is not a %s", ErrUnknownCustomFigure, ma, kind)
	}
	return i, nil
}

// customValues is r's custom values, nil without a catalogue.
func (r *Report) customValues() *CustomValues {
	if r.Custom == nil || r.Custom.catalog == nil {
		return nil
	}
	return r.Custom
}

// figures is the description r is read, printed and checked with: the built-in
// figures, followed by the custom figures of r's catalogue when it has one.
func (r *Report) figures() *figureTable {
	if v := r.customValues(); v != nil {
		return v.catalog.table
	}
	return builtin()
}

// CustomRate returns the computed rate of the custom figure ma (kieu ty_le): the
// invalid zero Rate when ma is not a rate of r's catalogue or its denominator is zero.
func (r *Report) CustomRate(ma string) indicators.Rate {
	v := r.customValues()
	if v == nil {
		return indicators.Rate{}
	}
	i, ok := v.catalog.index[ma]
	if !ok || v.catalog.figures[i].Kind != CustomRate {
		return indicators.Rate{}
	}
	rate, _ := v.catalog.rate(r, i)
	return rate
}

// rate computes rate i of the catalogue over r; the error wraps
// indicators.ErrZeroDenominator when its denominator is zero.
func (c *Catalog) rate(r *Report, i int) (indicators.Rate, error) {
	f := &c.figures[i]
	num, errN := c.countOf(r, f.Numerator)
	den, errD := c.countOf(r, f.Denominator)
	if err := errors.Join(errN, errD); err != nil {
		return indicators.Rate{}, fmt.Errorf("%s: %w", f.Code, err)
	}
	rate, err := indicators.RateOf(num, den)
	if err != nil {
		return indicators.Rate{}, err
	}
	if f.Factor == 1000 {
		rate = rate.PerMille()
	}
	return rate, nil
}

// errNotSummed: a rate's input is a custom figure a roll-up could not sum.
var errNotSummed = errors.New("ansinh: an input was not summed over units (cong_don: false)")

// countOf is the count ref names in r: a catalogue count or a built-in count or
// total. The error wraps errNotSummed or ErrOverflow.
func (c *Catalog) countOf(r *Report, ref string) (indicators.Count, error) {
	if j, ok := c.index[ref]; ok {
		v := r.customValues()
		switch {
		case v == nil:
			return indicators.Count{}, nil
		case v.isAbsent(j):
			return indicators.Count{}, fmt.Errorf("%w: %s", errNotSummed, ref)
		}
		return v.counts[j], nil
	}
	f := builtinCount(ref)
	switch {
	case f == nil:
		return indicators.Count{}, nil
	case f.kind == figTotal:
		if t, ok := f.total(r); ok {
			return t, nil
		}
		return indicators.Count{}, fmt.Errorf("%w: %s", ErrOverflow, ref)
	}
	return *f.count(r), nil
}

// entries are the catalogue's figures as entries of the description: the section
// bo_sung, then one entry per figure at bo_sung.<ma>.
func (c *Catalog) entries() []figure {
	out := []figure{group(CustomPrefix, false)}
	for i := range c.figures {
		f := &c.figures[i]
		e := figure{path: CustomPrefix + "." + f.Code, name: f.Name, roll: rollSum, alloc: func(r *Report) {
			if v := r.customValues(); v != nil {
				v.markGiven(i)
			}
		}}
		if f.NotSummable {
			e.roll = rollNotSummable
		}
		switch f.Kind {
		case CustomCount:
			e.kind = figCount
			e.count = func(r *Report) *indicators.Count {
				if v := r.customValues(); v != nil {
					return &v.counts[i]
				}
				return nil
			}
		case CustomMoney:
			e.kind = figMoney
			e.money = func(r *Report) *indicators.Money {
				if v := r.customValues(); v != nil {
					return &v.money[i]
				}
				return nil
			}
		case CustomRate:
			// A computed rate: a key of the data tree; in YAML only to say it is computed.
			e.kind, e.roll = figComputed, rollNone
			e.value = func(r *Report) any {
				rate, _ := c.rate(r, i)
				return rate
			}
		}
		out = append(out, e)
	}
	return out
}
