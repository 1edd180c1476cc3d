package indicators

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Funcs returns the template functions, a fresh map on each call, usable as a
// text/template.FuncMap. Every function returns (string, error); an argument
// of a type it does not take is an error naming the function and the type.
//
//	name      arguments          result
//	so        [places] x         the number alone: "38.459", "568,1", "4,82";
//	                             with places, fixed decimals: {{.x | so 1}}
//	so2       x                  as so, a whole number 0-9 padded: "01", "08"
//	sl        x                  a count in administrative style, the one rule of the
//	                             standard templates: 1-9 padded ("08 lớp"), zero "0",
//	                             others as so ("1.855"); money and fractions are refused
//	                             (money is never padded: print it with so)
//	phantram  [places] x         a percentage with its sign: "4,82%"
//	ngay      d                  a date: "08/02/2023", "26/5/2023"
//	ngaydai   d                  a long date: "ngày 08 tháng 02 năm 2023"
//	chu       x                  the number in words: "năm trăm sáu mươi tám phẩy một"
//	tanggiam  c [unit]           a change: "tăng 1.366", "giảm 25", "không đổi"; with the
//	                             change's unit when it has one ("giảm 0,56 điểm phần
//	                             trăm"), else with unit: {{tanggiam .c "hộ"}} "giảm 25 hộ"
//	hoa       s                  upper case: "TÂY SƠN"
//	hoadau    s                  the first letter upper case: "Toàn xã"
//	stt       i                  i+1, to number the rows of a range: "1", "2"
//
// The optional places argument comes first, so that the value can be piped
// in: {{.x | so 1}} is so(1, x) and equals {{so 1 .x}}.
//
// Accepted values:
//
//   - so, so2, chu: Count, Money (its amount), Rate (its number; chu adds
//     "phần trăm"), Attainment (its rate), decimal.Decimal, every int and
//     uint kind, and a string holding a Vietnamese number ("1.855") read by
//     ParseNumber.
//   - phantram: Rate, Attainment, decimal.Decimal, int kinds, and a string
//     such as "4,82%" or "4,82". A plain number is taken as the percentage
//     itself (4.82 prints "4,82%").
//   - ngay, ngaydai: Date, time.Time, and a string read by ParseDate. The
//     zero Date and the zero time print "".
//   - tanggiam: Change.
//   - hoa: string, or any fmt.Stringer (Money, Rate, Date…).
//   - stt: int kinds.
//
// A pointer to any accepted package type, decimal.Decimal or time.Time is
// followed; a nil pointer is an error. float32 and float64 are refused on
// purpose: they cannot hold money or rates exactly.
func Funcs() map[string]any {
	return map[string]any{
		"so":       so,
		"so2":      so2,
		"sl":       sl,
		"phantram": phantram,
		"ngay":     ngay,
		"ngaydai":  ngaydai,
		"chu":      chu,
		"tanggiam": tanggiam,
		"hoa":      hoa,
		"hoadau":   hoadau,
		"stt":      stt,
	}
}

// funcError builds the error of a template function.
func funcError(fn, format string, args ...any) error {
	return fmt.Errorf("indicators: %s: %s", fn, fmt.Sprintf(format, args...))
}

func typeError(fn string, v any, want string) error {
	if v == nil {
		return funcError(fn, "got nil, want %s", want)
	}
	return funcError(fn, "cannot format %T, want %s", v, want)
}

// placesAndValue splits the optional leading places argument from the value.
func placesAndValue(fn string, args []any) (int32, bool, any, error) {
	switch len(args) {
	case 1:
		return 0, false, args[0], nil
	case 2:
		p, ok := intArg(args[0])
		if !ok {
			return 0, false, nil, funcError(fn, "places must be an integer, got %T (write {{.x | %s 1}} or {{%s 1 .x}})", args[0], fn, fn)
		}
		if p < 0 || p > 30 {
			return 0, false, nil, funcError(fn, "places %d is outside 0-30", p)
		}
		return int32(p), true, args[1], nil
	}
	return 0, false, nil, funcError(fn, "want 1 or 2 arguments ([places] value), got %d", len(args))
}

// deref follows pointers to the types the functions accept.
func deref(fn string, v any) (any, error) {
	var isNil bool
	switch p := v.(type) {
	case *Count:
		if isNil = p == nil; !isNil {
			return *p, nil
		}
	case *Money:
		if isNil = p == nil; !isNil {
			return *p, nil
		}
	case *Rate:
		if isNil = p == nil; !isNil {
			return *p, nil
		}
	case *Attainment:
		if isNil = p == nil; !isNil {
			return *p, nil
		}
	case *Change:
		if isNil = p == nil; !isNil {
			return *p, nil
		}
	case *Date:
		if isNil = p == nil; !isNil {
			return *p, nil
		}
	case *decimal.Decimal:
		if isNil = p == nil; !isNil {
			return *p, nil
		}
	case *time.Time:
		if isNil = p == nil; !isNil {
			return *p, nil
		}
	}
	if isNil {
		return nil, funcError(fn, "got a nil %T", v)
	}
	return v, nil
}

// intArg converts every int and uint kind (uint64 above MaxInt64 fails).
func intArg(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int8:
		return int64(n), true
	case int16:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	case uint:
		return int64(n), uint64(n) <= math.MaxInt64
	case uint8:
		return int64(n), true
	case uint16:
		return int64(n), true
	case uint32:
		return int64(n), true
	case uint64:
		return int64(n), n <= math.MaxInt64
	case uintptr:
		return int64(n), uint64(n) <= math.MaxInt64
	}
	return 0, false
}

const numberTypes = "Count, Money, Rate, Attainment, decimal.Decimal, an integer or a numeric string"

// numberArg returns the value of a number-like argument.
func numberArg(fn string, v any) (decimal.Decimal, error) {
	v, err := deref(fn, v)
	if err != nil {
		return decimal.Decimal{}, err
	}
	switch x := v.(type) {
	case Count:
		return x.Decimal(), nil
	case Money:
		return x.Amount(), nil
	case Rate:
		return x.Value(), nil
	case Attainment:
		return x.Rate().Value(), nil
	case decimal.Decimal:
		return x, nil
	case string:
		d, err := ParseNumber(x)
		if err != nil {
			return decimal.Decimal{}, funcError(fn, "%v", err)
		}
		return d, nil
	case float32, float64:
		return decimal.Decimal{}, funcError(fn, "cannot format %T: floats do not hold money or rates exactly, use decimal.Decimal", v)
	}
	if n, ok := intArg(v); ok {
		return decimal.NewFromInt(n), nil
	}
	switch n := v.(type) {
	case uint64:
		return decimal.NewFromUint64(n), nil
	case uint:
		return decimal.NewFromUint64(uint64(n)), nil
	case uintptr:
		return decimal.NewFromUint64(uint64(n)), nil
	}
	return decimal.Decimal{}, typeError(fn, v, numberTypes)
}

// so formats the number alone.
func so(args ...any) (string, error) {
	places, fixed, v, err := placesAndValue("so", args)
	if err != nil {
		return "", err
	}
	if v, err = deref("so", v); err != nil {
		return "", err
	}
	if !fixed {
		switch x := v.(type) {
		case Count:
			return x.String(), nil
		case Money:
			return x.Number(), nil
		case Rate:
			return x.Number(), nil
		case Attainment:
			return x.Rate().Number(), nil
		}
	} else {
		switch x := v.(type) {
		case Rate:
			return x.WithPlaces(places).Number(), nil
		case Attainment:
			return x.Rate().WithPlaces(places).Number(), nil
		}
	}
	d, err := numberArg("so", v)
	if err != nil {
		return "", err
	}
	if !fixed {
		return FormatNumber(d, -1), nil
	}
	return FormatNumber(d, places), nil
}

// so2 is so with administrative padding below ten.
func so2(x any) (string, error) {
	d, err := numberArg("so2", x)
	if err != nil {
		return "", err
	}
	if _, ok := digit(d); ok {
		return Pad2(d), nil
	}
	return so(x)
}

// sl formats a count in administrative style: 1-9 padded, zero and larger counts as so.
func sl(x any) (string, error) {
	v, err := deref("sl", x)
	if err != nil {
		return "", err
	}
	switch v.(type) {
	case Money, Rate, Attainment, Change:
		return "", typeError("sl", v, "a count (Count or an integer); print money and rates with so")
	}
	d, err := numberArg("sl", v)
	if err != nil {
		return "", err
	}
	if !d.IsInteger() || d.Sign() < 0 {
		return "", funcError("sl", "%s is not a count (a whole number from 0)", FormatNumber(d, -1))
	}
	if d.IsZero() {
		return "0", nil
	}
	return Pad2(d), nil
}

// phantram formats a percentage with its sign.
func phantram(args ...any) (string, error) {
	places, fixed, v, err := placesAndValue("phantram", args)
	if err != nil {
		return "", err
	}
	if v, err = deref("phantram", v); err != nil {
		return "", err
	}
	var r Rate
	switch x := v.(type) {
	case Rate:
		r = x
	case Attainment:
		r = x.Rate()
	case string:
		var d decimal.Decimal
		if strings.HasSuffix(x, "%") {
			d, err = ParsePercent(x)
		} else {
			d, err = ParseNumber(x)
		}
		if err != nil {
			return "", funcError("phantram", "%v", err)
		}
		r = ReportedRate(d)
	case float32, float64:
		_, err := numberArg("phantram", v)
		return "", err
	default:
		d, err := numberArg("phantram", v)
		if _, isCount := v.(Count); err != nil || isCount || isMoney(v) {
			return "", typeError("phantram", v, "Rate, Attainment, decimal.Decimal, an integer or a percentage string")
		}
		if !fixed {
			return FormatPercent(d, -1), nil
		}
		return FormatPercent(d, places), nil
	}
	if fixed {
		r = r.WithPlaces(places)
	}
	return r.String(), nil
}

func isMoney(v any) bool { _, ok := v.(Money); return ok }

// dateArg converts a date-like argument.
func dateArg(fn string, v any) (Date, error) {
	v, err := deref(fn, v)
	if err != nil {
		return Date{}, err
	}
	switch x := v.(type) {
	case Date:
		return x, nil
	case time.Time:
		return DateOf(x), nil
	case string:
		d, err := ParseDate(x)
		if err != nil {
			return Date{}, funcError(fn, "%v", err)
		}
		return d, nil
	}
	return Date{}, typeError(fn, v, "Date, time.Time or a date string")
}

// ngay formats a date as 08/02/2023.
func ngay(x any) (string, error) {
	d, err := dateArg("ngay", x)
	return d.String(), err
}

// ngaydai formats a date as ngày 08 tháng 02 năm 2023.
func ngaydai(x any) (string, error) {
	d, err := dateArg("ngaydai", x)
	return d.Long(), err
}

// chu writes a number in words.
func chu(x any) (string, error) {
	v, err := deref("chu", x)
	if err != nil {
		return "", err
	}
	d, err := numberArg("chu", v)
	if err != nil {
		return "", err
	}
	s, err := Words(d, WordsOptions{})
	if err != nil {
		return "", funcError("chu", "%v", err)
	}
	switch v.(type) {
	case Rate, Attainment:
		s += " phần trăm"
	}
	return s, nil
}

// tanggiam formats a change, with an optional unit word printed after a non-zero
// difference when the change carries no unit of its own: {{tanggiam .c "hộ"}} or
// {{.c | tanggiam "hộ"}} gives "giảm 272 hộ", "không đổi".
func tanggiam(args ...any) (string, error) {
	if len(args) == 0 || len(args) > 2 {
		return "", funcError("tanggiam", "want a change and an optional unit word, got %d arguments", len(args))
	}
	var (
		c            Change
		haveC, haveU bool
		unit         string
	)
	for _, a := range args {
		if u, ok := a.(string); ok && !haveU {
			unit, haveU = strings.TrimSpace(u), true
			continue
		}
		v, err := deref("tanggiam", a)
		if err != nil {
			return "", err
		}
		x, ok := v.(Change)
		if !ok || haveC {
			return "", typeError("tanggiam", v, "Change")
		}
		c, haveC = x, true
	}
	if !haveC {
		return "", funcError("tanggiam", "no change given")
	}
	if c.Unit() == "" && unit != "" {
		c = c.WithUnit(unit)
	}
	return c.String(), nil
}

// hoadau upper-cases the first letter of a text, to begin a sentence with a value:
// {{hoadau .tu_ngu.toan}} gives "Toàn xã".
func hoadau(x any) (string, error) {
	x, err := deref("hoadau", x)
	if err != nil {
		return "", err
	}
	var s string
	switch v := x.(type) {
	case string:
		s = v
	case fmt.Stringer:
		s = v.String()
	default:
		return "", typeError("hoadau", x, "a string")
	}
	for i, r := range s {
		return s[:i] + strings.ToUpper(string(r)) + s[i+utf8.RuneLen(r):], nil
	}
	return s, nil
}

// hoa upper-cases Vietnamese text.
func hoa(x any) (string, error) {
	x, err := deref("hoa", x)
	if err != nil {
		return "", err
	}
	switch s := x.(type) {
	case string:
		return strings.ToUpper(s), nil
	case fmt.Stringer:
		return strings.ToUpper(s.String()), nil
	}
	return "", typeError("hoa", x, "a string")
}

// stt numbers the rows of a range from 1.
func stt(x any) (string, error) {
	n, ok := intArg(x)
	if !ok {
		return "", typeError("stt", x, "an integer (the index of a range)")
	}
	if n == math.MaxInt64 {
		return "", funcError("stt", "index %d is too large", n)
	}
	return FormatInt(n + 1), nil
}
