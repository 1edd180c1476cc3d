package indicators

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// MoneyUnit is the unit an amount of money is written in. Each unit is 1.000
// times the one before it. The zero value is Dong.
type MoneyUnit int

// Money units, from đồng up in steps of 1.000.
const (
	Dong      MoneyUnit = iota // đồng
	NghinDong                  // nghìn đồng (1.000 đồng)
	TrieuDong                  // triệu đồng (1.000.000 đồng)
	TyDong                     // tỷ đồng (1.000.000.000 đồng)
)

var unitNames = [...]string{"đồng", "nghìn đồng", "triệu đồng", "tỷ đồng"}

// String returns the unit as written in a report: "đồng", "nghìn đồng",
// "triệu đồng", "tỷ đồng". Values outside the four constants print as
// "MoneyUnit(n)".
func (u MoneyUnit) String() string {
	if u >= 0 && int(u) < len(unitNames) {
		return unitNames[u]
	}
	return "MoneyUnit(" + strconv.Itoa(int(u)) + ")"
}

// ParseMoneyUnit reads a unit name: "đồng", "nghìn đồng" or "ngàn đồng",
// "triệu đồng", "tỷ đồng" or "tỉ đồng", in any letter case. Other text is an
// error wrapping ErrUnit. The text must be in precomposed (NFC) Unicode, as
// Word and most editors write it.
func ParseMoneyUnit(s string) (MoneyUnit, error) {
	switch strings.ToLower(s) {
	case "đồng":
		return Dong, nil
	case "nghìn đồng", "ngàn đồng":
		return NghinDong, nil
	case "triệu đồng":
		return TrieuDong, nil
	case "tỷ đồng", "tỉ đồng":
		return TyDong, nil
	}
	return 0, fmt.Errorf("%w: %q (want đồng, nghìn đồng, triệu đồng or tỷ đồng)", ErrUnit, s)
}

// Money is an exact decimal amount in a unit: 568,1 triệu đồng. The zero value
// is 0 đồng. Money values are immutable.
type Money struct {
	amount decimal.Decimal
	unit   MoneyUnit
}

// NewMoney returns amount in unit.
func NewMoney(amount decimal.Decimal, unit MoneyUnit) Money {
	return Money{amount: amount, unit: unit}
}

// Amount returns the amount in the money's own unit.
func (m Money) Amount() decimal.Decimal { return m.amount }

// Unit returns the money's unit.
func (m Money) Unit() MoneyUnit { return m.unit }

// In returns the same value in unit u, exactly: 568,1 triệu đồng In
// NghinDong is 568.100 nghìn đồng.
func (m Money) In(u MoneyUnit) Money {
	return Money{amount: m.amount.Shift(3 * int32(m.unit-u)), unit: u}
}

// Add returns m + o in m's unit, exactly.
func (m Money) Add(o Money) Money {
	return Money{amount: m.amount.Add(o.In(m.unit).amount), unit: m.unit}
}

// IsZero reports whether the amount is zero.
func (m Money) IsZero() bool { return m.amount.IsZero() }

// Equal reports whether m and o are the same amount of money, whatever their
// units: 1 tỷ đồng equals 1.000 triệu đồng.
func (m Money) Equal(o Money) bool {
	u := min(m.unit, o.unit)
	return m.In(u).amount.Equal(o.In(u).amount)
}

// String formats the amount with trimmed decimals and the unit:
// "568,1 triệu đồng", "4.627 triệu đồng".
func (m Money) String() string { return m.Number() + " " + m.unit.String() }

// Number formats the amount alone with trimmed decimals: "568,1".
func (m Money) Number() string { return FormatNumber(m.amount, -1) }

// MoneyFromInt returns the whole amount n in unit, for hosts building figures in
// Go: MoneyFromInt(455, TrieuDong) is 455 triệu đồng.
func MoneyFromInt(n int64, unit MoneyUnit) Money {
	return Money{amount: decimal.NewFromInt(n), unit: unit}
}

// ParseMoney reads an amount written with a decimal point, as in Go source or a
// YAML file ("568.1", "455", "-2.5"), in unit: ParseMoney("568.1", TrieuDong) is
// 568,1 triệu đồng, exactly. Text that is not a plain decimal (a decimal comma,
// thousands separators, an exponent, more than 4096 bytes) is an error wrapping
// ErrSyntax; ParseNumber reads the Vietnamese style ("568,1").
func ParseMoney(s string, unit MoneyUnit) (Money, error) {
	d, err := parsePlain(s)
	if err != nil {
		return Money{}, err
	}
	return Money{amount: d, unit: unit}, nil
}
