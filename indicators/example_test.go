package indicators_test

import (
	"errors"
	"fmt"
	"os"
	"text/template"
	"time"

	"github.com/ansinh-vn/baocao/indicators"
	"github.com/shopspring/decimal"
)

func ExampleCount() {
	households := indicators.MustCount(38459)
	classes := indicators.MustCount(6).Add(indicators.MustCount(2))
	fmt.Println(households, classes.Padded())

	_, err := indicators.CountFromDecimal(decimal.RequireFromString("2.5"))
	fmt.Println(err)
	// Output:
	// 38.459 08
	// indicators: count is not a whole number: 2,5
}

func ExampleMoney() {
	nonFarm := indicators.NewMoney(decimal.RequireFromString("455.5"), indicators.TrieuDong)
	farm := indicators.NewMoney(decimal.RequireFromString("112600"), indicators.NghinDong)
	total := nonFarm.Add(farm)
	fmt.Println(total)
	fmt.Println(total.In(indicators.Dong))
	fmt.Println(total.Number())
	// Output:
	// 568,1 triệu đồng
	// 568.100.000 đồng
	// 568,1
}

func ExampleRate() {
	poor, _ := indicators.RateOf(indicators.MustCount(1855), indicators.MustCount(38459))
	fmt.Println(poor)

	// 1 household of 38.459 is 0,0026%: 0,00% at two decimals, and a printed
	// 0,01% does not agree with it.
	newPoor, _ := indicators.RateOf(indicators.MustCount(1), indicators.MustCount(38459))
	fmt.Println(newPoor.Exact(4), newPoor, newPoor.WithRounding(indicators.Up))
	printed := newPoor.WithReported(decimal.RequireFromString("0.01"))
	fmt.Println(printed, printed.Agrees())

	// A rate printed without its base keeps its decimals.
	fmt.Println(indicators.ReportedRate(decimal.RequireFromString("94.79")))

	_, err := indicators.NewRate(decimal.NewFromInt(5), decimal.Zero)
	fmt.Println(errors.Is(err, indicators.ErrZeroDenominator))
	// Output:
	// 4,82%
	// 0.0026 0,00% 0,01%
	// 0,01% false
	// 94,79%
	// true
}

func ExampleAttainment() {
	jobs, _ := indicators.NewAttainment(decimal.NewFromInt(1111), decimal.NewFromInt(2000))
	fmt.Println(jobs)
	fmt.Println(jobs.Met(), jobs.Shortfall())

	abroad, _ := indicators.NewAttainment(decimal.NewFromInt(49), decimal.NewFromInt(72))
	fmt.Println(abroad.Rate(), abroad.WithReported(decimal.RequireFromString("68.05")).Rate().Agrees())
	// Output:
	// đạt 55,55% so với kế hoạch
	// false 889
	// 68,06% false
}

func ExampleChange() {
	bhyt := indicators.NewChange(decimal.NewFromInt(111076), decimal.NewFromInt(109710))
	pct, _ := bhyt.Percent()
	ratio, _ := bhyt.Ratio()
	fmt.Println(bhyt)
	fmt.Println("tăng", pct)
	fmt.Println("bằng", ratio, "so với cùng kỳ")
	fmt.Println(indicators.NewChange(decimal.NewFromInt(75), decimal.NewFromInt(100)))
	// Output:
	// tăng 1.366
	// tăng 1,25%
	// bằng 101,25% so với cùng kỳ
	// giảm 25
}

func ExampleDate() {
	for _, s := range []string{"2023-02-08", "26/5/2023", "19/1/2023", "21/12/2022"} {
		d, _ := indicators.ParseDate(s)
		fmt.Println(d, "|", d.Long())
	}
	d := indicators.DateOf(time.Date(2024, time.January, 5, 8, 0, 0, 0, time.UTC))
	fmt.Println("Tây Sơn, " + d.Long())
	// Output:
	// 08/02/2023 | ngày 08 tháng 02 năm 2023
	// 26/5/2023 | ngày 26 tháng 5 năm 2023
	// 19/01/2023 | ngày 19 tháng 01 năm 2023
	// 21/12/2022 | ngày 21 tháng 12 năm 2022
	// Tây Sơn, ngày 05 tháng 01 năm 2024
}

func ExampleFormatNumber() {
	fmt.Println(indicators.FormatNumber(decimal.NewFromInt(38459), -1))
	fmt.Println(indicators.FormatNumber(decimal.RequireFromString("568.10"), -1))
	fmt.Println(indicators.FormatNumber(decimal.RequireFromString("2573.38"), -1))
	fmt.Println(indicators.FormatNumber(decimal.RequireFromString("-1234.5"), 2))
	fmt.Println(indicators.FormatPercent(decimal.RequireFromString("4.82"), 2))
	fmt.Println(indicators.Pad2(decimal.NewFromInt(8)), indicators.FormatInt(119118))
	// Output:
	// 38.459
	// 568,1
	// 2.573,38
	// -1.234,50
	// 4,82%
	// 08 119.118
}

func ExampleParseNumber() {
	for _, s := range []string{"1.855", "568,1", "2.573,38", "1.85", "1,855.5"} {
		d, err := indicators.ParseNumber(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d)
	}
	// Output:
	// 1855
	// 568.1
	// 2573.38
	// indicators: malformed number "1.85": a dot must group exactly three digits (found 2 after the dot at byte 1)
	// indicators: malformed number "1,855.5": a dot cannot follow the decimal comma (English style? Vietnamese writes 1.855,5)
}

func ExampleWords() {
	for _, s := range []string{"21", "105", "2002", "2500000000", "568.1", "-24"} {
		w, _ := indicators.Words(decimal.RequireFromString(s), indicators.WordsOptions{})
		fmt.Println(w)
	}
	w, _ := indicators.Words(decimal.NewFromInt(1024), indicators.WordsOptions{Bon: true, Le: true, Ngan: true})
	fmt.Println(w)
	// Output:
	// hai mươi mốt
	// một trăm linh năm
	// hai nghìn không trăm linh hai
	// hai tỷ năm trăm triệu
	// năm trăm sáu mươi tám phẩy một
	// âm hai mươi tư
	// một ngàn không trăm hai mươi bốn
}

func ExampleCheckRate() {
	newPoor, _ := indicators.RateOf(indicators.MustCount(1), indicators.MustCount(38459))
	for _, f := range indicators.CheckRate("giam_ngheo.ho_ngheo_phat_sinh.ty_le", newPoor.WithReported(decimal.RequireFromString("0.01"))) {
		fmt.Println(f)
	}
	for _, f := range indicators.CheckSum("bhxh", decimal.NewFromInt(6696), decimal.NewFromInt(5484), decimal.NewFromInt(1211)) {
		fmt.Println(f)
	}
	// Output:
	// cảnh báo: giam_ngheo.ho_ngheo_phat_sinh.ty_le: Tỷ lệ in là 0,01% nhưng 1 / 38.459 ≈ 0,0026% (làm tròn 0,00%).
	// lỗi: bhxh: Tổng in là 6.696 nhưng cộng các phần 5.484 + 1.211 = 6.695 (lệch 1).
}

func ExampleFuncs() {
	poor, _ := indicators.RateOf(indicators.MustCount(1855), indicators.MustCount(38459))
	day, _ := indicators.NewDate(2023, time.February, 8)
	data := map[string]any{
		"ho":     indicators.MustCount(1855),
		"tyle":   poor,
		"lop":    indicators.MustCount(8),
		"tien":   indicators.NewMoney(decimal.RequireFromString("568.1"), indicators.TrieuDong),
		"ngay":   day,
		"don_vi": "ủy ban nhân dân huyện tây sơn",
	}
	t := template.Must(template.New("").Funcs(indicators.Funcs()).Parse(
		"{{hoa .don_vi}}\n" +
			"Toàn huyện có {{so .ho}} hộ nghèo, chiếm tỷ lệ {{phantram .tyle}}; " +
			"{{so2 .lop}} lớp, kinh phí {{so .tien}} triệu đồng ({{.tien | so 2}}), " +
			"bằng chữ: {{chu .tien}} triệu đồng; kế hoạch {{ngaydai .ngay}} ({{ngay .ngay}}).\n"))
	if err := t.Execute(os.Stdout, data); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ỦY BAN NHÂN DÂN HUYỆN TÂY SƠN
	// Toàn huyện có 1.855 hộ nghèo, chiếm tỷ lệ 4,82%; 08 lớp, kinh phí 568,1 triệu đồng (568,10), bằng chữ: năm trăm sáu mươi tám phẩy một triệu đồng; kế hoạch ngày 08 tháng 02 năm 2023 (08/02/2023).
}
