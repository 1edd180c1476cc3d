package indicators

import (
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The half-year social-security report of Tây Sơn district (Bình Định),
// 6 tháng đầu năm 2023, kept in the module's testdata. Every derivable figure
// listed in DESIGN.md is rebuilt from its inputs, printed the way the report
// prints it, and that phrase is looked up in the report's text.
const referencePath = "../testdata/baocao-asxh-tayson-2023-h1.txt"

func readReference(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(referencePath)
	if err != nil {
		t.Fatalf("reference report: %v", err)
	}
	// The text file breaks some paragraphs across lines; read it as one line.
	return strings.Join(strings.Fields(string(b)), " ")
}

func count(t *testing.T, s string) Count {
	t.Helper()
	d, err := ParseNumber(s)
	if err != nil {
		t.Fatal(err)
	}
	c, err := CountFromDecimal(d)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestReferenceRates(t *testing.T) {
	text := readReference(t)
	households := count(t, "38.459")
	tests := []struct {
		name    string
		num     string
		den     Count
		printed string // as printed in the report
		phrase  string // the report's words around it, with %s for the rate
	}{
		{"hộ nghèo", "1.855", households, "4,82%", "có 1.855 hộ nghèo với 4.839 nhân khẩu, chiếm tỷ lệ %s"},
		{"hộ cận nghèo", "3.331", households, "8,66%", "hộ cận nghèo có 3.331 hộ với 8.992 nhân khẩu, chiếm tỷ lệ %s"},
		{"hộ nghèo, cận nghèo DTTS", "205", households, "0,53%", "205 hộ với 793 nhân khẩu, chiếm tỷ lệ %s"},
	}
	for _, tt := range tests {
		r, err := RateOf(count(t, tt.num), tt.den)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.String(); got != tt.printed {
			t.Errorf("%s: %s / %s prints %q, report prints %q", tt.name, tt.num, tt.den, got, tt.printed)
		}
		if phrase := strings.Replace(tt.phrase, "%s", r.String(), 1); !strings.Contains(text, phrase) {
			t.Errorf("%s: %q is not in the report", tt.name, phrase)
		}
		if !r.WithReported(mustParsePercent(t, tt.printed)).Agrees() {
			t.Errorf("%s: printed %s disagrees", tt.name, tt.printed)
		}
	}
}

func mustParsePercent(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := ParsePercent(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestReferenceAttainment(t *testing.T) {
	text := readReference(t)
	jobs, err := NewAttainment(count(t, "1.111").Decimal(), count(t, "2.000").Decimal())
	if err != nil {
		t.Fatal(err)
	}
	phrase := "tạo việc làm mới cho 1.111 lao động, " + jobs.String()
	if jobs.String() != "đạt 55,55% so với kế hoạch" || !strings.Contains(text, phrase) {
		t.Errorf("jobs: %q not in the report", phrase)
	}
	if jobs.Met() || jobs.Shortfall().String() != "889" {
		t.Errorf("jobs: met %v, shortfall %s", jobs.Met(), jobs.Shortfall())
	}
}

func TestReferenceSums(t *testing.T) {
	text := readReference(t)
	// BHXH: 6.695 = 5.484 bắt buộc + 1.211 tự nguyện.
	bhxh := count(t, "5.484").Add(count(t, "1.211"))
	if p := "số người tham gia BHXH toàn huyện: " + bhxh.String() + " người (BHXH bắt buộc: 5.484 người, BHXH tự nguyện 1.211 người)"; !strings.Contains(text, p) {
		t.Errorf("BHXH: %q not in the report", p)
	}
	if f := CheckSum("bhxh", bhxh.Decimal(), count(t, "5.484").Decimal(), count(t, "1.211").Decimal()); f != nil {
		t.Errorf("BHXH sum: %v", f)
	}

	// Đào tạo nghề: 08 lớp, 230 học viên, 568,1 triệu đồng.
	money := func(s string) Money {
		d, err := ParseNumber(s)
		if err != nil {
			t.Fatal(err)
		}
		return NewMoney(d, TrieuDong)
	}
	classes := count(t, "06").Add(count(t, "02"))
	learners := count(t, "180").Add(count(t, "50"))
	cost := money("455,5").Add(money("112,6"))
	phrase := "đào tạo " + classes.Padded() + " lớp nghề có " + learners.String() +
		" học viên tham gia với tổng kinh phí thực hiện " + cost.String() +
		" (trong đó: có " + MustCount(6).Padded() + " lớp nghề phi nông nghiệp có 180 học viên với kinh phí " + money("455,5").String() +
		"; " + MustCount(2).Padded() + " lớp nghề nông nghiệp có 50 học viên với kinh phí " + money("112,6").String() + ")"
	if classes.String() != "8" || classes.Padded() != "08" || learners.String() != "230" || cost.Number() != "568,1" {
		t.Errorf("training: %s lớp, %s học viên, %s", classes.Padded(), learners, cost)
	}
	if !strings.Contains(text, phrase) {
		t.Errorf("training: %q not in the report", phrase)
	}
	for _, f := range [][]Finding{
		CheckSum("dao_tao.lop", dec("8"), dec("6"), dec("2")),
		CheckSum("dao_tao.hoc_vien", dec("230"), dec("180"), dec("50")),
		CheckSum("dao_tao.kinh_phi", cost.Amount(), dec("455.5"), dec("112.6")),
	} {
		if f != nil {
			t.Errorf("training sum: %v", f)
		}
	}
}

func TestReferenceOtherFigures(t *testing.T) {
	text := readReference(t)
	for _, p := range []string{
		// Amounts print with trimmed decimals as the report does.
		"kinh phí hỗ trợ " + NewMoney(dec("1850.4"), TrieuDong).String(),
		"kinh phí " + NewMoney(dec("2573.38"), TrieuDong).String(),
		"với số tiền " + NewMoney(dec("12061"), TrieuDong).String(),
		"trị giá " + Pad2(dec("6")) + " triệu đồng",
		"cho vay hộ nghèo về nhà ở " + MustCount(7).Padded() + " hộ vay",
		// Reported rates without a base keep their printed decimals.
		"đạt " + ReportedRate(dec("94.79")).String() + " dân số (kế hoạch " + ReportedRate(dec("95")).String() + ")",
		"chiếm tỷ lệ " + ReportedRate(dec("9.78")).String() + " lực lượng lao động trong độ tuổi (kế hoạch " + ReportedRate(dec("10.6")).String() + ")",
		// BHYT participants against the same period last year.
		"có 111.076 người, " + NewChange(dec("111076"), dec("109710")).String() + " người so với cùng kỳ",
		// Dates, Nghị định 30/2020 style.
		"Kế hoạch số 25/KH-UBND ngày " + mustDate(t, "2023-02-08").String(),
		"Kế hoạch số 140/KH-UBND ngày " + mustDate(t, "2023-05-26").String(),
		"Quyết định số 139/QĐ-UBND ngày " + mustDate(t, "2023-01-19").String(),
		"Nghị quyết số 16/NQ-HĐND ngày " + mustDate(t, "2022-12-21").String(),
	} {
		if !strings.Contains(text, p) {
			t.Errorf("%q is not in the report", p)
		}
	}
	// BHYT coverage 94,79% has no stated base: 111.076 / 119.118 is 93,25%.
	r, _ := RateOf(MustCount(111076), MustCount(119118))
	if r.String() != "93,25%" || r.WithReported(dec("94.79")).Agrees() {
		t.Errorf("BHYT coverage from population: %s", r)
	}
	// Cross-section equalities: the same figure in two sections.
	if count(t, "1.855") != MustCount(1855) || !strings.Contains(text, "hỗ trợ tiền điện cho 1.855 hộ nghèo") {
		t.Error("1.855 poor households for electricity support")
	}
	cards := MustCount(6176).String()
	if !strings.Contains(text, cards+" thẻ") || !strings.Contains(text, "mua và cấp BHYT cho "+cards+" đối tượng bảo trợ xã hội") {
		t.Errorf("%s BHYT cards for social-assistance beneficiaries should appear in two sections", cards)
	}
}

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestReferenceInconsistencies: the two printed figures that do not follow
// from their own inputs are reported as warnings, each with a message a
// clerk can act on.
func TestReferenceInconsistencies(t *testing.T) {
	text := readReference(t)
	if !strings.Contains(text, "01 hộ nghèo phát sinh với 02 nhân khẩu, chiếm tỷ lệ 0,01%") ||
		!strings.Contains(text, "(đạt 68,05% so với chỉ tiêu giao)") {
		t.Fatal("the reference no longer prints 0,01% and 68,05%")
	}
	newPoor, err := RateOf(count(t, "01"), count(t, "38.459"))
	if err != nil {
		t.Fatal(err)
	}
	if newPoor.Exact(4).String() != "0.0026" || newPoor.String() != "0,00%" {
		t.Errorf("new poor: exact %s, rounded %s", newPoor.Exact(4), newPoor)
	}
	// The target that the printed 68,05% implies is 72 workers.
	abroad, err := NewAttainment(dec("49"), dec("72"))
	if err != nil {
		t.Fatal(err)
	}
	if abroad.Rate().String() != "68,06%" {
		t.Errorf("abroad: %s", abroad.Rate())
	}
	var findings []Finding
	findings = append(findings, CheckRate("giam_ngheo.ho_ngheo_phat_sinh.ty_le", newPoor.WithReported(mustParsePercent(t, "0,01%")))...)
	findings = append(findings, CheckAttainment("lao_dong.xuat_khau.dat", abroad.WithReported(mustParsePercent(t, "68,05%")))...)
	want := []string{
		"cảnh báo: giam_ngheo.ho_ngheo_phat_sinh.ty_le: Tỷ lệ in là 0,01% nhưng 1 / 38.459 ≈ 0,0026% (làm tròn 0,00%).",
		"cảnh báo: lao_dong.xuat_khau.dat: Tỷ lệ đạt kế hoạch in là 68,05% nhưng 49 / 72 ≈ 68,0556% (làm tròn 68,06%).",
	}
	if len(findings) != len(want) {
		t.Fatalf("findings = %v, want %d", findings, len(want))
	}
	for i, f := range findings {
		if f.Severity != Warning || f.String() != want[i] {
			t.Errorf("finding %d = %q (%v), want warning %q", i, f.String(), f.Severity, want[i])
		}
	}
	// The report still prints what it printed: a warning does not refuse it.
	if s := newPoor.WithReported(dec("0.01")).String(); s != "0,01%" {
		t.Errorf("reported new-poor rate prints %q", s)
	}
	if s := abroad.WithReported(dec("68.05")).String(); s != "đạt 68,05% so với kế hoạch" {
		t.Errorf("reported attainment prints %q", s)
	}
}
