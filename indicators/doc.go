// Package indicators holds the figures of a Vietnamese social-security report
// as typed values with exact decimal arithmetic, prints them in the
// Vietnamese administrative style, and checks them.
//
// # Values
//
// Every figure of such a report is one of a few kinds:
//
//   - [Count]: a whole, non-negative number of households, people, cards,
//     classes ("38.459 hộ", padded "01 hộ").
//   - [Money]: an exact amount in đồng, nghìn, triệu or tỷ đồng
//     ("568,1 triệu đồng"), converted and summed exactly.
//   - [Rate]: numerator / denominator × 100 (or per 1.000), rounded only at
//     display, exactly (half-up by default); or a rate reported in a document
//     without its base; or both, and then it knows whether they agree.
//   - [Attainment]: actual against plan ("đạt 55,55% so với kế hoạch").
//   - [Change]: current against the same period last year ("tăng 1.366").
//     Its Percent ("tăng X%") and Ratio ("bằng X% so với cùng kỳ") are
//     different numbers and are kept apart.
//   - [Date]: a calendar date printed as Nghị định 30/2020/NĐ-CP asks
//     ("08/02/2023", "26/5/2023", "ngày 08 tháng 02 năm 2023").
//
// All arithmetic uses github.com/shopspring/decimal. There is no float64 in
// the API for money or rates and none on the way from text to value. Values
// are immutable: methods return new values. Zero denominators are errors
// wrapping [ErrZeroDenominator], never a panic or an infinity.
//
// # Formatting and parsing
//
// [FormatNumber], [FormatPercent], [FormatInt] and [Pad2] print "38.459",
// "568,1", "2.573,38", "4,82%", "01". [ParseNumber] and [ParsePercent] read
// that style strictly: "1.85" or "1,855.5" is an error that names the input
// and the reason, never a silent misreading. [Words] writes a number in words
// for "Bằng chữ" ("hai nghìn không trăm linh hai"), with the regional
// variants as [WordsOptions].
//
// # Checks
//
// [CheckSum], [CheckPart], [CheckRate], [CheckAttainment] and [CheckChange]
// return every [Finding] they see, each with a message in Vietnamese for the
// clerk and the figures involved. A printed figure that disagrees with its own
// inputs is a [Warning]: the report of Tây Sơn district (6 tháng đầu năm 2023)
// prints 1 new poor household out of 38.459 as 0,01% (it is 0,0026%) and 49
// workers abroad against a target of 72 as 68,05% (half-up gives 68,06%).
// A broken sum is an [Error].
//
// # Template functions
//
// [Funcs] returns functions for text/template with short ASCII names a clerk
// can read in a Word template:
//
//	name      arguments          result
//	so        [places] x         "38.459", "568,1"; {{.x | so 1}} fixes 1 decimal
//	so2       x                  "01", "08" below ten, else as so
//	sl        x                  a count: "0", "08", "1.855"; money refused
//	phantram  [places] x         "4,82%"
//	ngay      d                  "08/02/2023", "26/5/2023"
//	ngaydai   d                  "ngày 08 tháng 02 năm 2023"
//	chu       x                  "năm trăm sáu mươi tám phẩy một"
//	tanggiam  c                  "tăng 1.366", "giảm 25", "không đổi"
//	hoa       s                  "TÂY SƠN"; hoadau s: "Toàn xã"
//	stt       i                  i+1, to number the rows of a range
//
// See [Funcs] for the argument types each accepts. The package knows nothing
// of Word.
package indicators
