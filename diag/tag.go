package diag

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/render"
)

// funcUse says, for each function of report templates, what it takes, as a clerk
// reads it.
var funcUse = map[string]string{
	"so":       "một số (ví dụ {{so .giam_ngheo.ho_ngheo.so_ho}})",
	"so2":      "một số nguyên (ví dụ {{so2 .van_ban.thang}})",
	"sl":       "một số đếm (người, hộ), không phải số tiền (ví dụ {{sl .giao_duc.so_truong}})",
	"phantram": "một tỷ lệ (ví dụ {{phantram .giam_ngheo.ho_ngheo.ty_le}})",
	"ngay":     "một ngày tháng (ví dụ {{ngay .van_ban.ngay}})",
	"ngaydai":  "một ngày tháng (ví dụ {{ngaydai .van_ban.ngay}})",
	"chu":      "một số (ví dụ {{chu .tin_dung.tong_so_tien}})",
	"tanggiam": "một mức thay đổi trong .so_sanh (ví dụ {{tanggiam .so_sanh.bao_hiem.bhyt.so_nguoi \"người\"}})",
	"sosanh":   "một mức thay đổi trong .so_sanh (ví dụ {{sosanh .so_sanh.bao_hiem.bhyt.so_nguoi \"người\"}})",
	"hoa":      "một chữ (ví dụ {{hoa .don_vi.ten}})",
	"hoadau":   "một chữ (ví dụ {{hoadau .tu_ngu.toan_don_vi}})",
	"stt":      "số thứ tự của vòng lặp (ví dụ {{range $i, $x := .danh_sach}}{{stt $i}}{{end}})",
	"image":    "một hình (ví dụ {{image .bieu_do.ke_hoach 16}})",
}

// builtins are text/template's own functions, which a tag may also call.
var builtins = []string{"and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "call"}

// functionNames lists every function a report template may call.
func functionNames() []string {
	names := append([]string(nil), builtins...)
	for n := range ansinh.Funcs() {
		names = append(names, n)
	}
	names = append(names, "image")
	sort.Strings(names)
	return names
}

// tagWords splits a tag into its words, without the braces and trim markers.
func tagWords(tag string) []string {
	in := strings.TrimSpace(tag)
	in = strings.TrimPrefix(in, "{{")
	in = strings.TrimSuffix(in, "}}")
	in = strings.TrimPrefix(in, "-")
	in = strings.TrimSuffix(in, "-")
	return strings.Fields(in)
}

// isBareWord reports whether w is a plain word a clerk may have meant as part of a
// data name: lower-case letters, digits and underscores, starting with a letter.
func isBareWord(w string) bool {
	if w == "" || !('a' <= w[0] && w[0] <= 'z') {
		return false
	}
	for _, r := range w {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// spacedPath finds a data name typed with spaces ("{{.bao_hiem.tong so the}}"): a word
// starting with a dot followed by bare words (a data value never takes words after
// it, not even the name of a function). It returns the
// name as typed and the name joined with underscores.
func spacedPath(tag string) (typed, joined string, ok bool) {
	ws := tagWords(tag)
	for i, w := range ws {
		if !strings.HasPrefix(w, ".") || len(w) < 2 {
			continue
		}
		j := i + 1
		for j < len(ws) && isBareWord(ws[j]) {
			j++
		}
		if j > i+1 {
			return strings.Join(ws[i:j], " "), strings.Join(ws[i:j], "_"), true
		}
	}
	return "", "", false
}

func spaceMessage(tag, typed, joined string) string {
	return "thẻ " + quote(tag) + " có dấu cách trong tên mục dữ liệu «" + typed + "»: tên mục viết liền, các chữ nối bằng dấu gạch dưới, ví dụ «" + joined + "»"
}

func syntaxMessage(tag string) string {
	return "thẻ " + quote(tag) + " viết sai: tên mục dữ liệu bắt đầu bằng dấu chấm và viết liền (ví dụ {{.giam_ngheo.ho_ngheo.so_ho}}), chữ đặt trong dấu ngoặc kép thẳng, hàm viết trước giá trị (ví dụ {{so .tin_dung.tong_so_tien}}); các khối viết {{if …}}, {{range …}}, {{with …}}, {{else}}, {{end}}"
}

func unknownFunctionMessage(tag, name string) string {
	msg := "thẻ " + quote(tag) + " dùng hàm «" + name + "» không có"
	if s := closest(name, functionNames(), 2); s != "" {
		return msg + ": có phải là «" + s + "»?"
	}
	if isBareWord(name) {
		msg += "; nếu «" + name + "» là tên mục dữ liệu, viết dấu chấm trước nó (ví dụ «." + name + "»)"
	}
	return msg + "; các hàm dùng được: " + strings.Join(reportFunctions(), ", ")
}

// reportFunctions lists the report's own functions (not text/template's), sorted.
func reportFunctions() []string {
	var out []string
	for n := range funcUse {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// missingPath is the data path a missing-key error is about.
func missingPath(e *render.Error) string {
	if e.Path != "" {
		return e.Path
	}
	if strings.HasPrefix(e.Tag, ".") {
		return e.Tag // Check names the path it looked up
	}
	return "." + e.Name
}

func (c *converter) missingKeyMessage(e *render.Error) string {
	p := missingPath(e)
	msg := "dữ liệu không có mục «" + p + "»"
	if e.Tag != "" && e.Tag != p {
		msg = "thẻ " + quote(e.Tag) + ": " + msg
	}
	if s := c.suggestPath(p); s != "" {
		return msg + ": có phải là «" + s + "»?"
	}
	return msg + ": kiểm tra tên mục trong thẻ (viết thường, không dấu, nối bằng dấu gạch dưới, như trong bảng «Dữ liệu mẫu dùng» của hướng dẫn), hoặc bổ sung mục này vào tệp số liệu"
}

// execMessage explains a tag that failed while the report was being filled: a
// function given a value it does not take, or a value that cannot be printed (a whole
// section, a list, a rate that could not be computed).
func (c *converter) execMessage(e *render.Error) string {
	ws := tagWords(e.Tag)
	if len(ws) == 0 {
		return "không điền được thẻ " + quote(e.Tag)
	}
	first := ws[0]
	if use, ok := funcUse[first]; ok {
		arg := ""
		if len(ws) > 1 {
			arg = " với «" + strings.Join(ws[1:], " ") + "»"
		}
		return fmt.Sprintf("thẻ %s: hàm «%s» không dùng được%s; hàm «%s» cần %s", quote(e.Tag), first, arg, first, use)
	}
	if strings.HasPrefix(first, ".") && len(ws) == 1 {
		return c.printMessage(e.Tag, first)
	}
	return "không điền được thẻ " + quote(e.Tag) + ": kiểm tra giá trị và hàm trong thẻ"
}

// printMessage explains a tag that prints a value which cannot be printed.
func (c *converter) printMessage(tag, path string) string {
	v, found := lookupPath(c.data, path)
	if !found {
		v, found = lookupPath(modelData(), path)
	}
	if found {
		switch v := v.(type) {
		case map[string]any:
			return "thẻ " + quote(tag) + " in cả một phần dữ liệu («" + path + "» gồm nhiều mục), không in thẳng được: in từng mục của nó, ví dụ " + childExamples(path, v)
		case []any, []string:
			return "thẻ " + quote(tag) + " in cả một danh sách, không in thẳng được: in từng dòng bằng {{range " + path + "}} … {{end}}"
		}
		if _, ok := v.(interface{ IsValid() bool }); ok {
			return "thẻ " + quote(tag) + ": tỷ lệ «" + path + "» không tính được từ số liệu (thiếu số cơ sở hoặc mẫu số bằng 0): đặt thẻ trong {{if " + path + ".IsValid}} … {{end}}"
		}
	}
	return "thẻ " + quote(tag) + " không in được giá trị của «" + path + "»: nếu đó là cả một phần dữ liệu, in từng mục của nó (ví dụ {{" + path + ".ten}}); nếu là tỷ lệ, đặt thẻ trong {{if " + path + ".IsValid}} … {{end}}"
}

// childExamples shows up to three tags printing children of the section m at path.
func childExamples(path string, m map[string]any) string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 3 {
		keys = keys[:3]
	}
	ex := make([]string, len(keys))
	for i, k := range keys {
		ex[i] = "{{" + path + "." + k + "}}"
	}
	return strings.Join(ex, ", ")
}
