package indicators

import (
	"testing"

	"github.com/shopspring/decimal"
)

func decs(ss ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = dec(s)
	}
	return out
}

func TestSeverity(t *testing.T) {
	if Warning.String() != "cảnh báo" || Error.String() != "lỗi" || Severity(0).String() != "Severity(0)" {
		t.Error("Severity.String")
	}
}

func TestCheckSum(t *testing.T) {
	if f := CheckSum("bhxh", dec("6695"), dec("5484"), dec("1211")); f != nil {
		t.Errorf("6.695 = 5.484 + 1.211 gave %v", f)
	}
	f := CheckSum("bhxh.tong", dec("6696"), dec("5484"), dec("1211"))
	want := []Finding{{
		Severity: Error,
		Code:     "sum-mismatch",
		Subject:  "bhxh.tong",
		Message:  "Tổng in là 6.696 nhưng cộng các phần 5.484 + 1.211 = 6.695 (lệch 1).",
		Figures:  decs("6696", "5484", "1211", "6695"),
	}}
	if !findingsEqual(f, want) {
		t.Errorf("CheckSum = %#v\nwant %#v", f, want)
	}
	if got := f[0].String(); got != "lỗi: bhxh.tong: Tổng in là 6.696 nhưng cộng các phần 5.484 + 1.211 = 6.695 (lệch 1)." {
		t.Errorf("Finding.String = %q", got)
	}
	if f := CheckSum("", dec("0")); f != nil {
		t.Errorf("empty sum of 0: %v", f)
	}
	if f := CheckSum("", dec("1")); len(f) != 1 || f[0].Message != "Tổng in là 1 nhưng không có phần nào để cộng." {
		t.Errorf("empty sum of 1: %v", f)
	}
}

func TestCheckPart(t *testing.T) {
	if f := CheckPart("ho_ngheo", dec("1855"), dec("38459")); f != nil {
		t.Errorf("1.855 <= 38.459 gave %v", f)
	}
	if f := CheckPart("x", dec("5"), dec("5")); f != nil {
		t.Errorf("5 <= 5 gave %v", f)
	}
	f := CheckPart("ho_ngheo", dec("1856"), dec("1855"))
	want := []Finding{{Error, "part-exceeds-total", "ho_ngheo", "Số phần 1.856 lớn hơn tổng 1.855.", decs("1856", "1855")}}
	if !findingsEqual(f, want) {
		t.Errorf("CheckPart = %v", f)
	}
}

func TestCheckRate(t *testing.T) {
	r := mustRate(t, "1", "38459").WithReported(dec("0.01"))
	f := CheckRate("giam_ngheo.ho_ngheo_phat_sinh.ty_le", r)
	want := []Finding{{
		Severity: Warning,
		Code:     "rate-mismatch",
		Subject:  "giam_ngheo.ho_ngheo_phat_sinh.ty_le",
		Message:  "Tỷ lệ in là 0,01% nhưng 1 / 38.459 ≈ 0,0026% (làm tròn 0,00%).",
		Figures:  decs("0.01", "1", "38459", "0.0026", "0"),
	}}
	if !findingsEqual(f, want) {
		t.Errorf("CheckRate = %v", f)
	}
	if got := f[0].String(); got != "cảnh báo: giam_ngheo.ho_ngheo_phat_sinh.ty_le: Tỷ lệ in là 0,01% nhưng 1 / 38.459 ≈ 0,0026% (làm tròn 0,00%)." {
		t.Errorf("String = %q", got)
	}
	// Exact quotient: "=" rather than "≈"; Down rounding named.
	f = CheckRate("", mustRate(t, "1", "8").WithRounding(Down).WithReported(dec("12.6")))
	if len(f) != 1 || f[0].Message != "Tỷ lệ in là 12,6% nhưng 1 / 8 = 12,5% (làm tròn xuống 12,5%)." {
		t.Errorf("CheckRate exact = %v", f)
	}
	if len(f) == 1 && f[0].String() != "cảnh báo: Tỷ lệ in là 12,6% nhưng 1 / 8 = 12,5% (làm tròn xuống 12,5%)." {
		t.Errorf("String without subject = %q", f[0].String())
	}
	f = CheckRate("", mustRate(t, "3", "2000").PerMille().WithReported(dec("1.6")))
	if len(f) != 1 || f[0].Message != "Tỷ lệ in là 1,6‰ nhưng 3 / 2.000 = 1,5‰ (làm tròn 1,5‰)." {
		t.Errorf("CheckRate per mille = %v", f)
	}
	// Agreeing, unreported, base-less and empty rates give nothing.
	for _, r := range []Rate{mustRate(t, "1855", "38459").WithReported(dec("4.82")), mustRate(t, "1", "3"), ReportedRate(dec("94.79")), {}} {
		if f := CheckRate("x", r); f != nil {
			t.Errorf("CheckRate(%s) = %v", r, f)
		}
	}
	// A tiny rate needs more decimals to show a significant digit.
	f = CheckRate("", mustRate(t, "1", "10000000").WithReported(dec("0.01")))
	if len(f) != 1 || f[0].Message != "Tỷ lệ in là 0,01% nhưng 1 / 10.000.000 = 0,00001% (làm tròn 0,00%)." {
		t.Errorf("tiny rate = %v", f)
	}
}

func TestCheckAttainment(t *testing.T) {
	a, _ := NewAttainment(dec("49"), dec("72"))
	f := CheckAttainment("lao_dong.xuat_khau", a.WithReported(dec("68.05")))
	want := []Finding{{
		Severity: Warning,
		Code:     "attainment-mismatch",
		Subject:  "lao_dong.xuat_khau",
		Message:  "Tỷ lệ đạt kế hoạch in là 68,05% nhưng 49 / 72 ≈ 68,0556% (làm tròn 68,06%).",
		Figures:  decs("68.05", "49", "72", "68.0556", "68.06"),
	}}
	if !findingsEqual(f, want) {
		t.Errorf("CheckAttainment = %v", f)
	}
	if f := CheckAttainment("", a); f != nil {
		t.Errorf("unreported attainment: %v", f)
	}
	if f := CheckAttainment("", Attainment{}); f != nil {
		t.Errorf("zero attainment: %v", f)
	}
}

func TestCheckChange(t *testing.T) {
	c := NewChange(dec("111076"), dec("109710"))
	if f := CheckChange("bhyt", c); f != nil {
		t.Errorf("nothing printed: %v", f)
	}
	if f := CheckChange("bhyt", c.WithReportedPercent(dec("1.25")).WithReportedRatio(dec("101.25"))); f != nil {
		t.Errorf("agreeing: %v", f)
	}
	f := CheckChange("bhyt", c.WithReportedPercent(dec("101.25")).WithReportedRatio(dec("1.25")))
	if len(f) != 2 ||
		f[0].Code != "change-mismatch" || f[0].Severity != Warning ||
		f[0].Message != "Tỷ lệ tăng/giảm so với cùng kỳ in là 101,25% nhưng 1.366 / 109.710 ≈ 1,2451% (làm tròn 1,25%)." ||
		f[1].Code != "ratio-mismatch" ||
		f[1].Message != "Tỷ lệ so với cùng kỳ in là 1,25% nhưng 111.076 / 109.710 ≈ 101,2451% (làm tròn 101,25%)." {
		t.Errorf("swapped percentages: %v", f)
	}
	f = CheckChange("moi", NewChange(dec("5"), dec("0")).WithReportedPercent(dec("100")).WithReportedRatio(dec("500")))
	if len(f) != 2 || f[0].Severity != Error || f[0].Code != "zero-denominator" ||
		f[0].Message != "Tỷ lệ tăng/giảm so với cùng kỳ in là 100% nhưng số kỳ trước bằng 0 nên không tính được tỷ lệ." ||
		f[1].Code != "zero-denominator" {
		t.Errorf("zero previous: %v", f)
	}
}

// findingsEqual compares findings, figures by decimal value.
func findingsEqual(a, b []Finding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Severity != y.Severity || x.Code != y.Code || x.Subject != y.Subject || x.Message != y.Message || len(x.Figures) != len(y.Figures) {
			return false
		}
		for j := range x.Figures {
			if !x.Figures[j].Equal(y.Figures[j]) {
				return false
			}
		}
	}
	return true
}
