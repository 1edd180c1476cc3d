package indicators_test

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/indicators"
)

func ExampleMoneyFromInt() {
	m := indicators.MoneyFromInt(455, indicators.TrieuDong)
	fmt.Println(m)
	fmt.Println(m.In(indicators.NghinDong))
	// Output:
	// 455 triệu đồng
	// 455.000 nghìn đồng
}

func ExampleParseMoney() {
	m, err := indicators.ParseMoney("568.1", indicators.TrieuDong)
	fmt.Println(m, err)
	_, err = indicators.ParseMoney("568,1", indicators.TrieuDong)
	fmt.Println(err)
	// Output:
	// 568,1 triệu đồng <nil>
	// indicators: malformed number "568,1": want digits with an optional decimal point, such as 568.1
}

func ExampleRateFromInts() {
	r, err := indicators.RateFromInts(1855, 38459)
	fmt.Println(r, err)
	_, err = indicators.RateFromInts(1, 0)
	fmt.Println(errors.Is(err, indicators.ErrZeroDenominator))
	// Output:
	// 4,82% <nil>
	// true
}

func ExampleParseReportedRate() {
	r, err := indicators.ParseReportedRate("94.79")
	fmt.Println(r, r.IsReported(), err)
	// Output:
	// 94,79% true <nil>
}

// A rate that could not be computed refuses to be printed through MarshalText, the
// interface render's printer honours first; a template tests IsValid.
func ExampleRate_MarshalText() {
	var none indicators.Rate // no base, nothing reported
	_, err := none.MarshalText()
	fmt.Println(err)
	ok, _ := indicators.RateFromInts(1855, 38459)
	b, err := ok.MarshalText()
	fmt.Println(string(b), err)
	// Output:
	// indicators: rate could not be computed: no base and no reported value
	// 4,82% <nil>
}

func TestRateMarshal(t *testing.T) {
	var _ encoding.TextMarshaler = indicators.Rate{}
	zero, err := indicators.NewRate(decimal.NewFromInt(1), decimal.Decimal{})
	if err == nil {
		t.Fatal("NewRate(1, 0) succeeded")
	}
	if _, err := zero.MarshalText(); !errors.Is(err, indicators.ErrInvalidRate) {
		t.Errorf("MarshalText of an invalid rate: %v", err)
	}
	if s := zero.String(); s != "" {
		t.Errorf("String of an invalid rate = %q", s)
	}
	ok, _ := indicators.RateFromInts(49, 72)
	b, err := json.Marshal(map[string]indicators.Rate{"a": ok, "b": zero})
	if err != nil || string(b) != `{"a":"68,06%","b":null}` {
		t.Errorf("json = %s, %v", b, err)
	}
}

func TestParseMoneyAndRate(t *testing.T) {
	for s, want := range map[string]string{"568.1": "568,1", "455": "455", "-2.5": "-2,5", "0.005": "0,005", "007": "7"} {
		m, err := indicators.ParseMoney(s, indicators.TrieuDong)
		if err != nil || m.Number() != want || m.Unit() != indicators.TrieuDong {
			t.Errorf("ParseMoney(%q) = %v, %v; want %s", s, m, err, want)
		}
	}
	long := make([]byte, 5000)
	for i := range long {
		long[i] = '9'
	}
	for _, s := range []string{"", "-", ".5", "5.", "1.2.3", "1e3", "+5", " 5", "5,1", "1.000,5", string(long)} {
		if _, err := indicators.ParseMoney(s, indicators.Dong); !errors.Is(err, indicators.ErrSyntax) {
			t.Errorf("ParseMoney(%.20q) = %v, want ErrSyntax", s, err)
		}
		if _, err := indicators.ParseReportedRate(s); !errors.Is(err, indicators.ErrSyntax) {
			t.Errorf("ParseReportedRate(%.20q) = %v, want ErrSyntax", s, err)
		}
	}
	if m := indicators.MoneyFromInt(-3, indicators.TyDong); m.String() != "-3 tỷ đồng" {
		t.Errorf("MoneyFromInt(-3) = %v", m)
	}
	r, err := indicators.ParseReportedRate("10.60")
	if err != nil || r.String() != "10,60%" || r.HasBase() {
		t.Errorf("ParseReportedRate(10.60) = %v, %v", r, err)
	}
}
