package indicators

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"0", "không"},
		{"1", "một"},
		{"4", "bốn"},
		{"5", "năm"},
		{"10", "mười"},
		{"11", "mười một"},
		{"14", "mười bốn"},
		{"15", "mười lăm"},
		{"19", "mười chín"},
		{"20", "hai mươi"},
		{"21", "hai mươi mốt"},
		{"24", "hai mươi tư"},
		{"25", "hai mươi lăm"},
		{"31", "ba mươi mốt"},
		{"55", "năm mươi lăm"},
		{"99", "chín mươi chín"},
		{"100", "một trăm"},
		{"101", "một trăm linh một"},
		{"104", "một trăm linh bốn"},
		{"105", "một trăm linh năm"},
		{"110", "một trăm mười"},
		{"111", "một trăm mười một"},
		{"115", "một trăm mười lăm"},
		{"121", "một trăm hai mươi mốt"},
		{"205", "hai trăm linh năm"},
		{"230", "hai trăm ba mươi"},
		{"999", "chín trăm chín mươi chín"},
		{"1000", "một nghìn"},
		{"1001", "một nghìn không trăm linh một"},
		{"1010", "một nghìn không trăm mười"},
		{"1015", "một nghìn không trăm mười lăm"},
		{"1100", "một nghìn một trăm"},
		{"1855", "một nghìn tám trăm năm mươi lăm"},
		{"2002", "hai nghìn không trăm linh hai"},
		{"2024", "hai nghìn không trăm hai mươi tư"},
		{"10000", "mười nghìn"},
		{"15000", "mười lăm nghìn"},
		{"21000", "hai mươi mốt nghìn"},
		{"38459", "ba mươi tám nghìn bốn trăm năm mươi chín"},
		{"100000", "một trăm nghìn"},
		{"105000", "một trăm linh năm nghìn"},
		{"119118", "một trăm mười chín nghìn một trăm mười tám"},
		{"1000000", "một triệu"},
		{"1000001", "một triệu không trăm linh một"},
		{"1005000", "một triệu không trăm linh năm nghìn"},
		{"12061000", "mười hai triệu không trăm sáu mươi mốt nghìn"},
		{"568100000", "năm trăm sáu mươi tám triệu một trăm nghìn"},
		{"1000000000", "một tỷ"},
		{"1000000001", "một tỷ không trăm linh một"},
		{"2500000000", "hai tỷ năm trăm triệu"},
		{"2005000000", "hai tỷ không trăm linh năm triệu"},
		{"22491000000", "hai mươi hai tỷ bốn trăm chín mươi mốt triệu"},
		{"1000000000000", "một nghìn tỷ"},
		{"1000500000000", "một nghìn tỷ năm trăm triệu"},
		{"1005000000000", "một nghìn không trăm linh năm tỷ"},
		{"25000000000000", "hai mươi lăm nghìn tỷ"},
		{"999999999999999", "chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"},
		{"568.1", "năm trăm sáu mươi tám phẩy một"},
		{"568.10", "năm trăm sáu mươi tám phẩy một"},
		{"2573.38", "hai nghìn năm trăm bảy mươi ba phẩy ba mươi tám"},
		{"1850.4", "một nghìn tám trăm năm mươi phẩy bốn"},
		{"0.5", "không phẩy năm"},
		{"0.05", "không phẩy không năm"},
		{"4.82", "bốn phẩy tám mươi hai"},
		{"0.0026", "không phẩy không không hai mươi sáu"},
		{"6.25", "sáu phẩy hai mươi lăm"},
		{"1.105", "một phẩy một trăm linh năm"},
		{"-5", "âm năm"},
		{"-1366", "âm một nghìn ba trăm sáu mươi sáu"},
		{"-0.5", "âm không phẩy năm"},
		{"5.000", "năm"},
		{"0.000", "không"},
	}
	for _, tt := range tests {
		got, err := Words(dec(tt.in), WordsOptions{})
		if err != nil {
			t.Errorf("Words(%s): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Words(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWordsOptions(t *testing.T) {
	tests := []struct {
		in   string
		opt  WordsOptions
		want string
	}{
		{"24", WordsOptions{Bon: true}, "hai mươi bốn"},
		{"24", WordsOptions{}, "hai mươi tư"},
		{"14", WordsOptions{Bon: true}, "mười bốn"},
		{"101", WordsOptions{Le: true}, "một trăm lẻ một"},
		{"2002", WordsOptions{Le: true}, "hai nghìn không trăm lẻ hai"},
		{"1000", WordsOptions{Ngan: true}, "một ngàn"},
		{"1000000000000", WordsOptions{Ngan: true}, "một ngàn tỷ"},
		{"1054", WordsOptions{Bon: true, Le: true, Ngan: true}, "một ngàn không trăm năm mươi bốn"},
		{"1004", WordsOptions{Bon: true, Le: true, Ngan: true}, "một ngàn không trăm lẻ bốn"},
	}
	for _, tt := range tests {
		if got, err := Words(dec(tt.in), tt.opt); err != nil || got != tt.want {
			t.Errorf("Words(%s, %+v) = %q, %v; want %q", tt.in, tt.opt, got, err, tt.want)
		}
	}
}

func TestWordsErrors(t *testing.T) {
	tests := []struct {
		in  decimal.Decimal
		msg string
	}{
		{dec("1000000000000000"), "indicators: number out of range: 1.000.000.000.000.000 is above 999.999.999.999.999 (999 nghìn tỷ)"},
		{dec("-1000000000000000"), "indicators: number out of range: -1.000.000.000.000.000 is above 999.999.999.999.999 (999 nghìn tỷ)"},
		{decimal.New(1, 20), "indicators: number out of range: 100.000.000.000.000.000.000 is above 999.999.999.999.999 (999 nghìn tỷ)"},
		{decimal.New(1, 100), "indicators: number out of range: a 1-digit number ×10^100 is above 999.999.999.999.999 (999 nghìn tỷ)"},
		{dec("0.0000000000000001"), "indicators: number out of range: 0,0000000000000001 has 16 decimals (at most 15 are read)"},
	}
	for _, tt := range tests {
		_, err := Words(tt.in, WordsOptions{})
		if !errors.Is(err, ErrRange) || err.Error() != tt.msg {
			t.Errorf("Words(%s) error = %v, want %s", tt.in, err, tt.msg)
		}
	}
	// Trailing zeros beyond 15 stored decimals are not decimals.
	if got, err := Words(decimal.New(500_000_000_000_000_000, -18), WordsOptions{}); err != nil || got != "không phẩy năm" {
		t.Errorf("Words(0,5 stored with 18 decimals) = %q, %v", got, err)
	}
	if got, err := Words(decimal.New(1, -15), WordsOptions{}); err != nil || got != "không phẩy không không không không không không không không không không không không không không một" {
		t.Errorf("Words(1e-15) = %q, %v", got, err)
	}
}
