package indicators

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Severity says how serious a Finding is.
type Severity int

// Severities. A Warning is a printed figure that disagrees with its own
// inputs (the report can still go out, but a clerk should look); an Error is
// a figure that cannot be right (a broken sum, a part above its total).
const (
	Warning Severity = iota + 1
	Error
)

// String returns the Vietnamese word a clerk reads: "cảnh báo" or "lỗi".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "cảnh báo"
	case Error:
		return "lỗi"
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// Finding codes, stable for programs.
const (
	CodeRateMismatch       = "rate-mismatch"       // a reported rate disagrees with num/den
	CodeAttainmentMismatch = "attainment-mismatch" // a printed attainment % disagrees with actual/plan
	CodeChangeMismatch     = "change-mismatch"     // a printed "tăng/giảm X%" disagrees with the figures
	CodeRatioMismatch      = "ratio-mismatch"      // a printed "bằng X% so với cùng kỳ" disagrees
	CodeSumMismatch        = "sum-mismatch"        // parts do not add up to the total
	CodePartExceedsTotal   = "part-exceeds-total"  // a part is larger than its total
	CodeZeroDenominator    = "zero-denominator"    // a percentage is printed for a base of zero
)

// Finding is one problem found by a check: what it is about, how serious,
// a message in Vietnamese for the clerk, and the figures involved.
type Finding struct {
	Severity Severity
	Code     string            // stable machine code, one of the Code constants
	Subject  string            // what it is about, e.g. "giam_ngheo.ho_ngheo_phat_sinh.ty_le"
	Message  string            // Vietnamese, for a clerk
	Figures  []decimal.Decimal // the figures involved, in the order the message names them
}

// String returns "severity: subject: message", leaving out an empty subject.
func (f Finding) String() string {
	if f.Subject == "" {
		return f.Severity.String() + ": " + f.Message
	}
	return f.Severity.String() + ": " + f.Subject + ": " + f.Message
}

// CheckSum reports an Error when the parts do not add up to total:
// "Tổng in là 6.696 nhưng cộng các phần 5.484 + 1.211 = 6.695 (lệch 1)."
func CheckSum(subject string, total decimal.Decimal, parts ...decimal.Decimal) []Finding {
	sum := decimal.Decimal{}
	shown := make([]string, len(parts))
	for i, p := range parts {
		sum = sum.Add(p)
		shown[i] = FormatNumber(p, -1)
	}
	if sum.Equal(total) {
		return nil
	}
	figures := append([]decimal.Decimal{total}, parts...)
	msg := "Tổng in là " + FormatNumber(total, -1) + " nhưng cộng các phần " +
		strings.Join(shown, " + ") + " = " + FormatNumber(sum, -1) +
		" (lệch " + FormatNumber(total.Sub(sum).Abs(), -1) + ")."
	if len(parts) == 0 {
		msg = "Tổng in là " + FormatNumber(total, -1) + " nhưng không có phần nào để cộng."
	}
	return []Finding{{
		Severity: Error,
		Code:     CodeSumMismatch,
		Subject:  subject,
		Message:  msg,
		Figures:  append(figures, sum),
	}}
}

// CheckPart reports an Error when part is larger than total:
// "Số phần 1.856 lớn hơn tổng 1.855."
func CheckPart(subject string, part, total decimal.Decimal) []Finding {
	if part.LessThanOrEqual(total) {
		return nil
	}
	return []Finding{{
		Severity: Error,
		Code:     CodePartExceedsTotal,
		Subject:  subject,
		Message:  "Số phần " + FormatNumber(part, -1) + " lớn hơn tổng " + FormatNumber(total, -1) + ".",
		Figures:  []decimal.Decimal{part, total},
	}}
}

// CheckRate reports a Warning when a rate's reported value disagrees with the
// value recomputed from its numerator and denominator (see Rate.Agrees):
// "Tỷ lệ in là 0,01% nhưng 1 / 38.459 ≈ 0,0026% (làm tròn 0,00%)."
// A rate without a reported value or without a base gives no finding.
func CheckRate(subject string, r Rate) []Finding {
	return checkRate(subject, r, CodeRateMismatch, "Tỷ lệ in là ")
}

// CheckAttainment reports a Warning when the printed attainment percentage
// disagrees with actual / plan:
// "Tỷ lệ đạt kế hoạch in là 68,05% nhưng 49 / 72 ≈ 68,0556% (làm tròn 68,06%)."
func CheckAttainment(subject string, a Attainment) []Finding {
	return checkRate(subject, a.Rate(), CodeAttainmentMismatch, "Tỷ lệ đạt kế hoạch in là ")
}

// CheckChange reports a Warning for each printed percentage of c (see
// Change.WithReportedPercent and WithReportedRatio) that disagrees with the
// figures, and an Error when a percentage is printed against a previous
// figure of zero.
func CheckChange(subject string, c Change) []Finding {
	var out []Finding
	printed := []struct {
		has  bool
		v    decimal.Decimal
		rate func() (Rate, error)
		code string
		what string
	}{
		{c.flags&changeHasPct != 0, c.pct, c.Percent, CodeChangeMismatch, "Tỷ lệ tăng/giảm so với cùng kỳ in là "},
		{c.flags&changeHasRatio != 0, c.ratio, c.Ratio, CodeRatioMismatch, "Tỷ lệ so với cùng kỳ in là "},
	}
	for _, p := range printed {
		if !p.has {
			continue
		}
		r, err := p.rate()
		if err != nil {
			out = append(out, Finding{
				Severity: Error,
				Code:     CodeZeroDenominator,
				Subject:  subject,
				Message:  p.what + FormatPercent(p.v, -1) + " nhưng số kỳ trước bằng 0 nên không tính được tỷ lệ.",
				Figures:  []decimal.Decimal{p.v, c.current, c.previous},
			})
			continue
		}
		out = append(out, checkRate(subject, r, p.code, p.what)...)
	}
	return out
}

// checkRate compares a rate's reported value with its recomputed value.
func checkRate(subject string, r Rate, code, what string) []Finding {
	if r.Agrees() {
		return nil
	}
	rep, _ := r.Reported()
	sym := r.symbol()
	places := writtenPlaces(rep)
	rounded, _ := quoRound(r.num, r.den, int64(r.Factor()), places, r.rounding)
	exact, isExact := exactForMessage(r, places)
	eq := " ≈ "
	if isExact {
		eq = " = "
	}
	msg := what + formatDecimal(rep, places, sym) + " nhưng " +
		FormatNumber(r.num, -1) + " / " + FormatNumber(r.den, -1) + eq +
		formatDecimal(exact, -1, sym) + " (" + roundingWords(r.rounding) + " " +
		formatDecimal(rounded, places, sym) + ")."
	return []Finding{{
		Severity: Warning,
		Code:     code,
		Subject:  subject,
		Message:  msg,
		Figures:  []decimal.Decimal{rep, r.num, r.den, exact, rounded},
	}}
}

// exactForMessage returns the computed value with two more decimals than
// the printed one, more if needed to show a first significant digit (up to
// 12), and whether that is the exact value.
func exactForMessage(r Rate, places int32) (decimal.Decimal, bool) {
	p := places + 2
	for {
		q, exact := quoRound(r.num, r.den, int64(r.Factor()), p, HalfUp)
		if exact || !q.IsZero() || p >= 12 {
			return q, exact
		}
		p++
	}
}

func roundingWords(m Rounding) string {
	switch m {
	case Down:
		return "làm tròn xuống"
	case Up:
		return "làm tròn lên"
	}
	return "làm tròn"
}
