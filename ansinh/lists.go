package ansinh

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ansinh-vn/baocao/indicators"
)

// keyedList is a described list whose items are keyed by ma (chuong_trinh, the_bhyt,
// nha_o, qua, ho_tro): what decode, Data, Validate and the Aggregator need of it,
// whatever its item type.
type keyedList interface {
	decode(d *decoder, n *yaml.Node, path string, r *Report)
	data(r *Report) (byCode map[string]any, inOrder []any)
	codes(r *Report) []string
	amounts(r *Report, fn func(code, key string, m indicators.Money))
	newSum() listSum
	// keys lists the items' keys in order, with whether YAML requires each.
	keys() []itemKey
}

// itemKey is a key of a keyed list's items.
type itemKey struct {
	key      string
	required bool
	free     bool // a mapping of free names (thanh_phan)
	dataOnly bool // in the data tree only, not in YAML (thanh_phan_ds)
}

// listSum merges a keyed list over the units of a roll-up.
type listSum interface {
	// fits reports whether adding r's items to sum keeps every count in range.
	fits(sum, r *Report) bool
	add(sum, r *Report, zero indicators.Money)
	// finish gives out (a copy of the sum) lists and maps of its own, and clears the
	// texts the units did not share.
	finish(out *Report)
}

// Kinds of an item's fields besides figText, figCount and figMoney.
const (
	figCode  figKind = iota + 100 // the item's key, ma
	figParts                      // named counts that sum to the item's count (thanh_phan)
)

// itemField is one key of a keyed list's items.
type itemField[T any] struct {
	key      string
	kind     figKind // figCode, figText, figCount, figMoney or figParts
	required bool
	common   bool // a text a roll-up keeps only when every unit having the item gives the same
	text     func(*T) *string
	count    func(*T) *indicators.Count
	money    func(*T) *indicators.Money
	parts    func(*T) *map[string]indicators.Count
	names    func(*T) *[]LoanPart // with parts: their codes in order, with their names
}

// listOf describes a keyed list of T.
type listOf[T any] struct {
	items  func(*Report) *[]T
	fields []itemField[T] // the first is the key, ma
}

func itemCode[T any](get func(*T) *string) itemField[T] {
	return itemField[T]{key: "ma", kind: figCode, required: true, text: get}
}

func itemText[T any](key string, required, common bool, get func(*T) *string) itemField[T] {
	return itemField[T]{key: key, kind: figText, required: required, common: common, text: get}
}

func itemCount[T any](key string, get func(*T) *indicators.Count) itemField[T] {
	return itemField[T]{key: key, kind: figCount, required: true, count: get}
}

func itemMoney[T any](key string, get func(*T) *indicators.Money) itemField[T] {
	return itemField[T]{key: key, kind: figMoney, required: true, money: get}
}

// The built-in keyed lists.
var (
	loanProgrammes keyedList = &listOf[LoanProgramme]{
		items: func(r *Report) *[]LoanProgramme { return &r.Credit.Programmes },
		fields: []itemField[LoanProgramme]{
			itemCode(func(x *LoanProgramme) *string { return &x.Code }),
			itemText("ten", true, false, func(x *LoanProgramme) *string { return &x.Name }),
			itemCount("so_ho", func(x *LoanProgramme) *indicators.Count { return &x.Households }),
			itemMoney("so_tien", func(x *LoanProgramme) *indicators.Money { return &x.Amount }),
			{key: "thanh_phan", kind: figParts,
				parts: func(x *LoanProgramme) *map[string]indicators.Count { return &x.Parts },
				names: func(x *LoanProgramme) *[]LoanPart { return &x.PartNames }},
		},
	}
	cardGroups keyedList = &listOf[CardGroup]{
		items: func(r *Report) *[]CardGroup { return &r.Insurance.Cards },
		fields: []itemField[CardGroup]{
			itemCode(func(x *CardGroup) *string { return &x.Code }),
			itemText("ten", true, false, func(x *CardGroup) *string { return &x.Name }),
			itemCount("so_the", func(x *CardGroup) *indicators.Count { return &x.Cards }),
		},
	}
	housingSupport keyedList = &listOf[HousingSupport]{
		items: func(r *Report) *[]HousingSupport { return &r.Assistance.Housing },
		fields: []itemField[HousingSupport]{
			itemCode(func(x *HousingSupport) *string { return &x.Code }),
			itemText("ten", false, false, func(x *HousingSupport) *string { return &x.Name }),
			itemCount("so_ho", func(x *HousingSupport) *indicators.Count { return &x.Households }),
			itemMoney("so_tien", func(x *HousingSupport) *indicators.Money { return &x.Amount }),
			itemText("nha_tai_tro", false, true, func(x *HousingSupport) *string { return &x.Sponsor }),
			itemText("noi", false, true, func(x *HousingSupport) *string { return &x.Place }),
		},
	}
	giftSupport keyedList = &listOf[GiftSupport]{
		items: func(r *Report) *[]GiftSupport { return &r.Assistance.Gifts },
		fields: []itemField[GiftSupport]{
			itemCode(func(x *GiftSupport) *string { return &x.Code }),
			itemText("ten", false, false, func(x *GiftSupport) *string { return &x.Name }),
			itemCount("so_suat", func(x *GiftSupport) *indicators.Count { return &x.Portions }),
			itemMoney("so_tien", func(x *GiftSupport) *indicators.Money { return &x.Amount }),
			itemText("nha_tai_tro", false, true, func(x *GiftSupport) *string { return &x.Sponsor }),
			itemText("noi", false, true, func(x *GiftSupport) *string { return &x.Place }),
			itemText("dip", false, true, func(x *GiftSupport) *string { return &x.Occasion }),
		},
	}
	educationSupport keyedList = &listOf[EducationSupport]{
		items: func(r *Report) *[]EducationSupport { return &r.Education.Support },
		fields: []itemField[EducationSupport]{
			itemCode(func(x *EducationSupport) *string { return &x.Code }),
			itemText("ten", false, false, func(x *EducationSupport) *string { return &x.Name }),
			itemCount("so_nguoi", func(x *EducationSupport) *indicators.Count { return &x.Persons }),
			itemMoney("so_tien", func(x *EducationSupport) *indicators.Money { return &x.Amount }),
		},
	}
)

func (l *listOf[T]) decode(d *decoder, n *yaml.Node, path string, r *Report) {
	items := l.items(r)
	// One set of fields for the whole list, reading into x: not one per item, which a
	// roll-up of thousands of files would feel.
	var x T
	fs := make([]field, len(l.fields))
	for i := range l.fields {
		f := &l.fields[i]
		fs[i] = field{key: f.key, req: f.required, fn: func(n *yaml.Node, p string) { f.decode(d, n, p, &x) }}
	}
	d.sequence(n, path, func(n *yaml.Node, p string, _ int) {
		var zero T
		x = zero
		d.mapping(n, p, fs...)
		*items = append(*items, x)
	})
}

func (f *itemField[T]) decode(d *decoder, n *yaml.Node, path string, x *T) {
	switch f.kind {
	case figCode:
		*f.text(x) = d.code(n, path)
	case figText:
		*f.text(x) = d.str(n, path)
	case figCount:
		*f.count(x) = d.count(n, path)
	case figMoney:
		*f.money(x) = d.money(n, path)
	case figParts:
		*f.parts(x), *f.names(x) = d.loanParts(n, path)
	}
}

func (l *listOf[T]) data(r *Report) (map[string]any, []any) {
	items := *l.items(r)
	byCode, inOrder := map[string]any{}, make([]any, 0, len(items))
	for i := range items {
		x := &items[i]
		m := make(map[string]any, len(l.fields))
		for _, f := range l.fields {
			switch f.kind {
			case figCode, figText:
				m[f.key] = *f.text(x)
			case figCount:
				m[f.key] = *f.count(x)
			case figMoney:
				m[f.key] = f.money(x).In(r.MoneyUnit.Unit())
			case figParts:
				parts := map[string]any{}
				for k, c := range *f.parts(x) {
					parts[k] = c
				}
				m[f.key] = parts
				m[f.key+"_ds"] = partList(*f.parts(x), *f.names(x))
			}
		}
		byCode[*l.fields[0].text(x)] = m
		inOrder = append(inOrder, m)
	}
	return byCode, inOrder
}

// partList is the data tree's thanh_phan_ds: the parts in file order as {ma, ten, so_ho}.
func partList(parts map[string]indicators.Count, names []LoanPart) []any {
	out := make([]any, 0, len(names))
	for _, p := range names {
		out = append(out, map[string]any{"ma": p.Code, "ten": p.Name, "so_ho": parts[p.Code]})
	}
	return out
}

func (l *listOf[T]) keys() []itemKey {
	out := make([]itemKey, 0, len(l.fields)+1)
	for _, f := range l.fields {
		out = append(out, itemKey{key: f.key, required: f.required, free: f.kind == figParts})
		if f.kind == figParts {
			out = append(out, itemKey{key: f.key + "_ds", free: true, dataOnly: true})
		}
	}
	return out
}

func (l *listOf[T]) codes(r *Report) []string {
	items := *l.items(r)
	out := make([]string, len(items))
	for i := range items {
		out[i] = *l.fields[0].text(&items[i])
	}
	return out
}

func (l *listOf[T]) amounts(r *Report, fn func(code, key string, m indicators.Money)) {
	items := *l.items(r)
	for i := range items {
		for _, f := range l.fields {
			if f.kind == figMoney {
				fn(*l.fields[0].text(&items[i]), f.key, *f.money(&items[i]))
			}
		}
	}
}

// listMerge is the running merge of a list of T by ma.
type listMerge[T any] struct {
	l     *listOf[T]
	index map[string]int
	mixed []uint64 // per merged item, a bit per common text that differs between units
}

func (l *listOf[T]) newSum() listSum { return &listMerge[T]{l: l, index: map[string]int{}} }

func (m *listMerge[T]) fits(sum, r *Report) bool {
	merged := *m.l.items(sum)
	for _, x := range *m.l.items(r) {
		i, ok := m.index[*m.l.fields[0].text(&x)]
		if !ok {
			continue // a new item starts from the unit's own counts
		}
		for _, f := range m.l.fields {
			switch f.kind {
			case figCount:
				if _, ok := addCount(*f.count(&merged[i]), *f.count(&x)); !ok {
					return false
				}
			case figParts:
				have := *f.parts(&merged[i])
				for k, c := range *f.parts(&x) {
					if _, ok := addCount(have[k], c); !ok {
						return false
					}
				}
			}
		}
	}
	return true
}

func (m *listMerge[T]) add(sum, r *Report, zero indicators.Money) {
	merged := m.l.items(sum)
	for _, x := range *m.l.items(r) {
		code := *m.l.fields[0].text(&x)
		i, ok := m.index[code]
		if !ok {
			i = len(*merged)
			m.index[strings.Clone(code)] = i
			*merged = append(*merged, m.start(&x, zero))
			m.mixed = append(m.mixed, 0)
		}
		t := &(*merged)[i]
		for j, f := range m.l.fields {
			switch f.kind {
			case figCount:
				*f.count(t) = f.count(t).Add(*f.count(&x))
			case figMoney:
				*f.money(t) = f.money(t).Add(*f.money(&x))
			case figParts:
				mergeParts(f.parts(t), *f.parts(&x))
				*f.names(t) = mergeNames(*f.names(t), *f.names(&x))
			case figText:
				if f.common && *f.text(t) != *f.text(&x) {
					m.mixed[i] |= 1 << j
				}
			}
		}
	}
}

// start is a new merged item: x's key and texts (cloned: a parser may hand out
// substrings of the whole file), money at zero in the roll-up's unit.
func (m *listMerge[T]) start(x *T, zero indicators.Money) T {
	var t T
	for _, f := range m.l.fields {
		switch f.kind {
		case figCode, figText:
			*f.text(&t) = strings.Clone(*f.text(x))
		case figMoney:
			*f.money(&t) = zero
		}
	}
	return t
}

func mergeParts(into *map[string]indicators.Count, parts map[string]indicators.Count) {
	if len(parts) > 0 && *into == nil {
		*into = map[string]indicators.Count{}
	}
	for k, c := range parts {
		if old, ok := (*into)[k]; ok {
			(*into)[k] = old.Add(c)
		} else {
			(*into)[strings.Clone(k)] = c
		}
	}
}

// mergeNames appends to into the parts it does not have yet (by code, in order of
// first appearance, with the first unit's name).
func mergeNames(into, names []LoanPart) []LoanPart {
	for _, p := range names {
		found := false
		for _, q := range into {
			found = found || q.Code == p.Code
		}
		if !found {
			into = append(into, LoanPart{Code: strings.Clone(p.Code), Name: strings.Clone(p.Name)})
		}
	}
	return into
}

func (m *listMerge[T]) finish(out *Report) {
	items := m.l.items(out)
	*items = append([]T(nil), *items...)
	for i := range *items {
		t := &(*items)[i]
		for j, f := range m.l.fields {
			switch {
			case f.kind == figParts && *f.parts(t) != nil:
				parts := make(map[string]indicators.Count, len(*f.parts(t)))
				for k, v := range *f.parts(t) {
					parts[k] = v
				}
				*f.parts(t) = parts
				*f.names(t) = append([]LoanPart(nil), *f.names(t)...)
			case f.kind == figText && m.mixed[i]&(1<<j) != 0:
				*f.text(t) = ""
			}
		}
	}
}
