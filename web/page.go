package web

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/http"
	"strings"

	"github.com/ansinh-vn/baocao/ansinh/mau"
	"github.com/ansinh-vn/baocao/render/office"
)

//go:embed page.html
var pageSource string

// pageTemplate is parsed once; it holds no state of a request.
var pageTemplate = template.Must(template.New("page").Parse(pageSource))

// pageData is what the page shows.
type pageData struct {
	Base      string // "" on the page itself, "../" on an answer of api/… (relative URLs only)
	Standards []mau.Standard
	PDF       bool // LibreOffice is installed: offer PDF
	MaxSize   string
	MaxFiles  int
	Result    *resultView // the answer to a form posted without JavaScript
}

// resultView is an answer shown in the page.
type resultView struct {
	Title    string
	OK       bool
	Errors   []entryView
	Findings []entryView
}

// entryView is an entry with its location in words and its paragraph text split around
// the tag to highlight.
type entryView struct {
	entry
	Where                 string
	Before, Marked, After string
}

func (h *Handler) servePage(w http.ResponseWriter, r *http.Request) {
	h.writePage(w, http.StatusOK, pageData{})
}

// writePage renders the page with the handler's limits and the standard templates.
func (h *Handler) writePage(w http.ResponseWriter, status int, d pageData) {
	d.Standards = mau.List()
	_, err := office.Path()
	d.PDF = err == nil
	d.MaxSize = megabytes(h.opts.MaxRequestBytes)
	d.MaxFiles = h.opts.MaxFiles
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, d); err != nil {
		http.Error(w, "Không hiển thị được trang.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b.Bytes()) //nolint:errcheck // the client went away
}

// newResultView titles an answer after its route and status.
func newResultView(r *http.Request, status int, p problems) *resultView {
	v := &resultView{OK: status == http.StatusOK, Errors: views(p.Errors), Findings: views(p.Findings)}
	check := strings.HasSuffix(r.URL.Path, "/check")
	switch {
	case v.OK:
		v.Title = "Mẫu và số liệu dùng được"
	case status == http.StatusUnprocessableEntity && check:
		v.Title = "Kiểm tra thấy lỗi"
	case status == http.StatusUnprocessableEntity:
		v.Title = "Không lập được báo cáo"
	default:
		v.Title = "Yêu cầu không được xử lý"
	}
	return v
}

func views(es []entry) []entryView {
	out := make([]entryView, len(es))
	for i, e := range es {
		out[i] = entryView{entry: e, Where: where(e), Before: e.Text}
		if e.Tag != "" {
			if j := strings.Index(e.Text, e.Tag); j >= 0 {
				out[i].Before, out[i].Marked, out[i].After = e.Text[:j], e.Tag, e.Text[j+len(e.Tag):]
			}
		}
	}
	return out
}

// where is diag's place of an entry without the paragraph's text, which the page shows
// on its own with the tag highlighted.
func where(e entry) string {
	e.Text = ""
	return e.Where()
}
