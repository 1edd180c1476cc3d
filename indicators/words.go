package indicators

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// WordsOptions selects the regional variants of number words. The zero value
// is the northern, administrative reading: "tư" for 4 after "mươi" (24 "hai
// mươi tư"), "linh" for a zero tens digit (101 "một trăm linh một") and
// "nghìn" for thousands.
type WordsOptions struct {
	Bon  bool // "bốn" instead of "tư" for 4 after "mươi": 24 "hai mươi bốn"
	Le   bool // "lẻ" instead of "linh" for a zero tens digit: 101 "một trăm lẻ một"
	Ngan bool // "ngàn" instead of "nghìn": 1.000 "một ngàn"
}

// maxWords is the largest magnitude Words reads: 999.999.999.999.999 (999
// nghìn tỷ, just under a million billion).
var maxWords = decimal.New(999_999_999_999_999, 0)

// maxWordsFraction is the most decimals Words reads (after trailing zeros are
// dropped).
const maxWordsFraction = 15

var digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// Words writes d in Vietnamese words, for the "Bằng chữ" line of a document.
// The result is lower case; the caller capitalises or adds "đồng" as needed.
//
// Whole numbers follow the usual rules: "mười" for 10-19 and "mươi" from 20;
// "mốt" for 1 after "mươi" (21 "hai mươi mốt") but "mười một"; "lăm" for 5
// after "mười"/"mươi" (15 "mười lăm", 25 "hai mươi lăm") but "linh năm"
// (105); "tư" for 4 after "mươi" (24 "hai mươi tư") but "mười bốn" and
// "linh bốn"; "linh" for a zero tens digit (101 "một trăm linh một"); a zero
// hundreds digit inside the number is read (2.002 "hai nghìn không trăm linh
// hai"); groups that are all zero are skipped (1.000.001 "một triệu không
// trăm linh một"); thousands of billions read "nghìn tỷ" (1.000.000.000.000
// "một nghìn tỷ").
//
// Decimals: the decimal comma reads "phẩy", then the decimals are read as one
// whole number, each leading zero read "không" and trailing zeros dropped:
// 568,1 "năm trăm sáu mươi tám phẩy một", 2.573,38 "hai nghìn năm trăm bảy
// mươi ba phẩy ba mươi tám", 0,05 "không phẩy không năm". This is the common
// reading of amounts; at most 15 decimals are read.
//
// A negative number starts with "âm". Magnitudes above 999.999.999.999.999
// (999 nghìn tỷ), or with more than 15 decimals, are errors wrapping
// ErrRange.
func Words(d decimal.Decimal, opt WordsOptions) (string, error) {
	if d.IsZero() {
		return "không", nil
	}
	if d.Exponent() < -maxWordsFraction {
		d = trimZeros(d)
		if d.Exponent() < -maxWordsFraction {
			return "", fmt.Errorf("%w: %s has %d decimals (at most %d are read)", ErrRange, wordsShow(d), -d.Exponent(), maxWordsFraction)
		}
	}
	if d.Exponent() > 15 || d.Abs().GreaterThan(maxWords) {
		return "", fmt.Errorf("%w: %s is above %s (999 nghìn tỷ)", ErrRange, wordsShow(d), FormatNumber(maxWords, -1))
	}
	s := d.Abs().String() // plain digits, trailing decimal zeros trimmed
	intPart, frac, _ := strings.Cut(s, ".")
	var w wordWriter
	w.opt = opt
	if d.Sign() < 0 {
		w.word("âm")
	}
	w.number(atou(intPart))
	if frac != "" {
		w.word("phẩy")
		rest := strings.TrimLeft(frac, "0")
		for range len(frac) - len(rest) {
			w.word("không")
		}
		w.number(atou(rest))
	}
	return w.b.String(), nil
}

// trimZeros drops the trailing zeros of d's coefficient, raising its
// exponent, without changing its value.
func trimZeros(d decimal.Decimal) decimal.Decimal {
	c := d.Coefficient()
	cs := c.String()
	tz := len(cs) - len(strings.TrimRight(cs, "0"))
	if tz == 0 {
		return d
	}
	c.Quo(c, pow10Big(int64(tz)))
	return decimal.NewFromBigInt(c, d.Exponent()+int32(tz))
}

// wordsShow formats d for an error message, briefly even when d is huge.
func wordsShow(d decimal.Decimal) string {
	if e := d.Exponent(); e > 40 || e < -40 {
		return fmt.Sprintf("a %d-digit number ×10^%d", d.NumDigits(), e)
	}
	return FormatNumber(d, -1)
}

// atou converts up to 15 ASCII digits.
func atou(s string) uint64 {
	var n uint64
	for i := 0; i < len(s); i++ {
		n = n*10 + uint64(s[i]-'0')
	}
	return n
}

type wordWriter struct {
	b   strings.Builder
	opt WordsOptions
}

func (w *wordWriter) word(s string) {
	if w.b.Len() > 0 {
		w.b.WriteByte(' ')
	}
	w.b.WriteString(s)
}

func (w *wordWriter) thousand() string {
	if w.opt.Ngan {
		return "ngàn"
	}
	return "nghìn"
}

// number writes n < 10^15 in words.
func (w *wordWriter) number(n uint64) {
	if n == 0 {
		w.word("không")
		return
	}
	g4 := n / 1e12
	g3 := n / 1e9 % 1000
	g2 := n / 1e6 % 1000
	g1 := n / 1e3 % 1000
	g0 := n % 1000
	started := false
	group := func(g uint64, unit string) {
		if g == 0 {
			return
		}
		w.group(int(g), started)
		if unit != "" {
			w.word(unit)
		}
		started = true
	}
	group(g4, w.thousand())
	if g3 != 0 {
		w.group(int(g3), started)
		started = true
	}
	if g4 != 0 || g3 != 0 {
		w.word("tỷ")
	}
	group(g2, "triệu")
	group(g1, w.thousand())
	group(g0, "")
}

// group writes 1 <= g <= 999. full reads a zero hundreds digit ("không
// trăm"), as every group after the first does.
func (w *wordWriter) group(g int, full bool) {
	h, t, u := g/100, g/10%10, g%10
	hundreds := full || h > 0
	if hundreds {
		w.word(digitWords[h])
		w.word("trăm")
	}
	switch t {
	case 0:
		if u == 0 {
			return
		}
		if hundreds {
			if w.opt.Le {
				w.word("lẻ")
			} else {
				w.word("linh")
			}
		}
		w.word(digitWords[u])
	case 1:
		w.word("mười")
		switch u {
		case 0:
		case 5:
			w.word("lăm")
		default:
			w.word(digitWords[u])
		}
	default:
		w.word(digitWords[t])
		w.word("mươi")
		switch u {
		case 0:
		case 1:
			w.word("mốt")
		case 4:
			if w.opt.Bon {
				w.word("bốn")
			} else {
				w.word("tư")
			}
		case 5:
			w.word("lăm")
		default:
			w.word(digitWords[u])
		}
	}
}
