package ansinh

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ansinh-vn/baocao/indicators"
	"github.com/ansinh-vn/baocao/render"
)

// ReviewNotes turns findings into the notes of a review draft: render.Template's
// ExecuteReview writes each as a Word comment beside the text that prints the figure
// the finding is about, or on the first paragraph when the template does not print it.
//
// The comment says, in Vietnamese, its severity (Lỗi, Cảnh báo), what was checked, the
// finding's message with its numbers (the reported and the computed ones) and the path
// of the figure. A finding about several figures (giam_ngheo.ho_ngheo+ho_can_ngheo.so_ho)
// names each, and its comment covers the whole paragraph; one about an item of a keyed
// list (tin_dung.chuong_trinh[hssv].thanh_phan) finds the item both in the map by ma
// and in the list (chuong_trinh_ds), so a row loop's row carries it; the parts of a
// programme (thanh_phan) are checked against its households (so_ho), where their comment
// goes when the template prints no part.
func (r *Report) ReviewNotes(fs Findings) []render.Note {
	notes := make([]render.Note, 0, len(fs))
	for _, f := range fs {
		notes = append(notes, render.Note{Figures: r.reviewFigures(f), Text: ReviewText(f)})
	}
	return notes
}

// ReviewText is the comment a review draft shows for a finding:
//
//	Cảnh báo. Kiểm tra tỷ lệ: tỷ lệ in so với tỷ lệ tính lại từ số liệu.
//	Tỷ lệ in là 0,01% nhưng 1 / 38.459 ≈ 0,0026% (làm tròn 0,00%).
//	(giam_ngheo.ho_ngheo_phat_sinh.ty_le)
func ReviewText(f indicators.Finding) string {
	var b strings.Builder
	b.WriteString(capitalize(f.Severity.String()) + ". " + checked(f.Code) + "\n" + f.Message)
	if f.Subject != "" {
		b.WriteString("\n(" + f.Subject + ")")
	}
	return b.String()
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// checked says what a finding's check compares, by its code.
func checked(code string) string {
	switch code {
	case indicators.CodeRateMismatch:
		return "Kiểm tra tỷ lệ: tỷ lệ in so với tỷ lệ tính lại từ số liệu."
	case indicators.CodeAttainmentMismatch:
		return "Kiểm tra tỷ lệ đạt kế hoạch: tỷ lệ in so với thực hiện chia kế hoạch."
	case indicators.CodeChangeMismatch, indicators.CodeRatioMismatch:
		return "Kiểm tra so sánh với cùng kỳ: tỷ lệ in so với tỷ lệ tính lại."
	case indicators.CodeSumMismatch:
		return "Kiểm tra tổng: tổng in so với cộng các phần."
	case indicators.CodePartExceedsTotal:
		return "Kiểm tra số phần không lớn hơn tổng."
	case indicators.CodeZeroDenominator:
		return "Kiểm tra tỷ lệ tính được (cơ sở tính khác 0)."
	case CodeMissingUnit:
		return "Kiểm tra thông tin đơn vị báo cáo."
	case CodeInvalidPeriod:
		return "Kiểm tra kỳ báo cáo."
	case CodeMissingKey, CodeDuplicateKey:
		return "Kiểm tra mã (ma) của các mục trong danh sách."
	case CodeNegative:
		return "Kiểm tra số không âm."
	case CodePersonsBelowHouses:
		return "Kiểm tra số nhân khẩu không ít hơn số hộ."
	case CodeCrossSectionMismatch:
		return "Kiểm tra cùng một số liệu ở hai mục phải bằng nhau."
	case CodeRateOver100:
		return "Kiểm tra tỷ lệ không quá 100%."
	case CodeDateOutsidePeriod:
		return "Kiểm tra ngày nằm trong kỳ báo cáo."
	case CodeInvalidValue:
		return "Kiểm tra giá trị hợp lệ."
	case CodeOverflow:
		return "Kiểm tra tổng không vượt quá số lớn nhất tính được."
	}
	return "Kiểm tra số liệu."
}

// reviewFigures are the figures a finding's subject names, as data paths.
func (r *Report) reviewFigures(f indicators.Finding) []render.Figure {
	subject := dataPath(f.Subject)
	if subject == "" {
		return nil
	}
	var figs []render.Figure
	for _, s := range expandAlternatives(subject) {
		figs = append(figs, r.itemPaths(s, f.Code == CodeMissingKey))
	}
	return figs
}

// expandAlternatives writes out a subject naming several figures with "+" in one of
// its steps: giam_ngheo.ho_ngheo+ho_can_ngheo.so_ho is giam_ngheo.ho_ngheo.so_ho and
// giam_ngheo.ho_can_ngheo.so_ho.
func expandAlternatives(subject string) []string {
	steps := strings.Split(subject, ".")
	for i, s := range steps {
		if !strings.Contains(s, "+") {
			continue
		}
		var out []string
		for _, alt := range strings.Split(s, "+") {
			c := append([]string{}, steps...)
			c[i] = alt
			out = append(out, strings.Join(c, "."))
		}
		return out
	}
	return []string{subject}
}

// itemPaths are the data paths of a subject: an item of a keyed list, list[ma].rest,
// is list.ma.rest in the map and list_ds[i].rest in the list (byIndex: the brackets
// hold the item's index, for an item without ma).
func (r *Report) itemPaths(subject string, byIndex bool) render.Figure {
	open := strings.IndexByte(subject, '[')
	closing := strings.IndexByte(subject, ']')
	if open < 0 || closing < open {
		return render.Figure{subject}
	}
	list, key, rest := subject[:open], subject[open+1:closing], subject[closing+1:]
	if byIndex {
		return render.Figure{list + "_ds[" + key + "]" + rest}
	}
	rests := []string{rest}
	if rest == ".thanh_phan" {
		rests = append(rests, ".so_ho") // the parts are checked against the households
	}
	var fig render.Figure
	for _, rest := range rests {
		fig = append(fig, list+"."+key+rest)
		if j := r.itemIndex(list, key); j >= 0 {
			fig = append(fig, list+"_ds["+strconv.Itoa(j)+"]"+rest)
		}
	}
	return fig
}

// itemIndex is the index of the item with ma key in the keyed list at path list, or -1.
func (r *Report) itemIndex(list, key string) int {
	t := builtin()
	for i := range t.all {
		if f := &t.all[i]; f.kind == figList && f.path == list {
			for j, c := range f.list.codes(r) {
				if c == key {
					return j
				}
			}
		}
	}
	return -1
}
