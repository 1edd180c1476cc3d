package diag

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ansinh-vn/baocao/render"
)

// partWords names a part of a Word package as a clerk sees it.
func partWords(part string) string {
	name := part[strings.LastIndex(part, "/")+1:]
	switch {
	case name == "document.xml":
		return "thân văn bản"
	case strings.HasPrefix(name, "header"):
		return "đầu trang"
	case strings.HasPrefix(name, "footer"):
		return "chân trang"
	case name == "footnotes.xml":
		return "chú thích cuối trang"
	case name == "endnotes.xml":
		return "chú thích cuối văn bản"
	case name == "comments.xml":
		return "ghi chú Word"
	case strings.HasSuffix(part, ".xml"):
		return "phần khác của tệp (" + name + ")"
	}
	return "" // the template's name, for an error about the whole package
}

// Messages of a template that is not a usable Word file.
const (
	packageMessage = "tệp mẫu không phải tệp Word (.docx) dùng được (tệp hỏng, quá lớn, hoặc không phải .docx): mở mẫu trong Word và lưu mẫu dưới dạng Word (.docx)"
	xmlMessage     = "một phần của tệp mẫu bị hỏng: mở mẫu trong Word, lưu mẫu dưới dạng Word (.docx) rồi thử lại"
)

// renderKinds are the stable kind codes of render's error kinds.
var renderKinds = []struct {
	kind error
	code string
}{
	{render.ErrPackage, "package"},
	{render.ErrXML, "xml"},
	{render.ErrUnclosed, "unclosed"},
	{render.ErrSplitParagraph, "split_paragraph"},
	{render.ErrUnbalanced, "unbalanced"},
	{render.ErrSyntax, "syntax"},
	{render.ErrUnknownFunction, "unknown_function"},
	{render.ErrUnsupported, "unsupported"},
	{render.ErrMissingKey, "missing_key"},
	{render.ErrMethodCall, "method_call"},
	{render.ErrLimit, "limit"},
	{render.ErrExec, "exec"},
}

func renderCode(kind error) string {
	for _, k := range renderKinds {
		if errors.Is(kind, k.kind) {
			return k.code
		}
	}
	return "template"
}

// renderEntry locates e and gives it its message.
func (c *converter) renderEntry(e *render.Error) Entry {
	en := Entry{
		Kind:      renderCode(e.Kind),
		Severity:  SeverityError,
		Part:      partWords(e.Part),
		Paragraph: e.Paragraph,
		Table:     e.Table,
		Row:       e.Row,
		Cell:      e.Column,
		Text:      e.Text,
		Tag:       e.Tag,
		Path:      e.Path,
	}
	if en.Part == "" && e.Paragraph == 0 {
		en.File = e.Part
	}
	en.Message = c.renderMessage(e)
	switch en.Kind {
	case "syntax", "unknown_function", "method_call":
		if typed, joined, ok := spacedPath(e.Tag); ok {
			en.Kind, en.Message = "space_in_name", spaceMessage(e.Tag, typed, joined)
		}
	}
	return en
}

func (c *converter) renderMessage(e *render.Error) string {
	tag := quote(e.Tag)
	switch en := renderCode(e.Kind); en {
	case "package":
		return packageMessage
	case "xml":
		return xmlMessage
	case "unclosed":
		return "thẻ " + tag + " mở bằng «{{» nhưng không có «}}» đóng lại trong cùng đoạn: gõ thêm «}}» ở cuối thẻ"
	case "split_paragraph":
		return "thẻ " + tag + " bắt đầu ở đoạn này nhưng kết thúc ở đoạn sau (có dấu xuống dòng giữa «{{» và «}}»): xoá dấu xuống dòng để cả thẻ nằm trong một đoạn"
	case "unbalanced":
		return "khối " + tag + " không cân: mỗi {{if …}}, {{range …}}, {{with …}} cần đúng một {{end}} sau nó; {{else}} và {{end}} phải có thẻ mở; trong bảng, thẻ mở và {{end}} của một khối phải nằm cùng một ô, hoặc ở đầu và cuối những hàng trọn vẹn"
	case "syntax":
		return syntaxMessage(e.Tag)
	case "unknown_function":
		return unknownFunctionMessage(e.Tag, e.Name)
	case "unsupported":
		return "thẻ " + tag + " («" + e.Name + "») không dùng được trong mẫu Word: xoá thẻ này; muốn lặp lại một đoạn, dùng {{range …}} … {{end}}"
	case "missing_key":
		return c.missingKeyMessage(e)
	case "method_call":
		return "thẻ " + tag + " gọi «" + e.Name + "» kèm tham số, mẫu không được phép làm vậy: bỏ phần tham số, hoặc dùng một hàm của mẫu (xem danh sách hàm trong hướng dẫn)"
	case "limit":
		return limitMessage(e)
	case "exec":
		return c.execMessage(e)
	}
	return "lỗi trong mẫu ở thẻ " + tag
}

// quote shows a tag as the clerk typed it.
func quote(tag string) string {
	if tag == "" {
		return "(không rõ)"
	}
	return "«" + tag + "»"
}

func limitMessage(e *render.Error) string {
	lim := render.DefaultLimits()
	switch e.Name {
	case "MaxTags":
		return fmt.Sprintf("mẫu có quá nhiều thẻ (quá %s thẻ): chia mẫu thành nhiều mẫu nhỏ hơn", number(int64(lim.MaxTags)))
	case "MaxSteps":
		return "báo cáo lặp quá nhiều lần ở thẻ " + quote(e.Tag) + ": kiểm tra các {{range …}} lồng nhau, hoặc chia báo cáo thành nhiều phần"
	case "MaxOutput":
		return fmt.Sprintf("báo cáo quá lớn (quá %s MB) ở thẻ %s: kiểm tra các {{range …}} lồng nhau, hoặc chia báo cáo thành nhiều phần", number(lim.MaxOutput>>20), quote(e.Tag))
	case "context":
		return "quá thời gian cho phép khi điền thẻ " + quote(e.Tag) + ": thử lại, hoặc chia báo cáo thành nhiều phần"
	}
	return "mẫu vượt giới hạn cho phép ở thẻ " + quote(e.Tag)
}

// number writes n with Vietnamese thousands dots: 50.000.
func number(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}
