package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/ansinh-vn/baocao/diag"
)

// problems is the body of a 422 (and of every refusal): the entries of diag.
type problems struct {
	Errors   []entry `json:"errors"`
	Findings []entry `json:"findings"`
}

// Content types of the documents served.
const (
	docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	pdfType  = "application/pdf"
)

// writeDocument sends a document as an attachment named name.
func writeDocument(w http.ResponseWriter, name, contentType string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", contentDisposition(name))
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	w.Write(body) //nolint:errcheck // the client went away; nothing to tell it
}

// contentDisposition is an attachment header whose file name keeps its Vietnamese letters
// (RFC 6266 filename*, UTF-8) with an ASCII fallback for old clients. "Báo cáo.docx" is
// sent as
//
//	attachment; filename="Bao cao.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.docx
func contentDisposition(name string) string {
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, asciiName(name), encodeRFC5987(name))
}

// asciiName drops the marks of Vietnamese letters (đ becomes d) and replaces every other
// character outside printable ASCII, and the quote and backslash, by "_".
func asciiName(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case r < 0x20 || r > 0x7e || r == '"' || r == '\\':
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// encodeRFC5987 percent-encodes name (NFC, UTF-8) except the attr-chars of RFC 5987.
func encodeRFC5987(name string) string {
	var b strings.Builder
	for _, c := range []byte(norm.NFC.String(name)) {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// wantsHTML tells a browser's plain form post (Accept: text/html…) from an API client
// (curl's */*, the page's own fetch with application/json).
func wantsHTML(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "text/html")
}

// writeProblems answers status with the entries: JSON for the API, the page with the
// entries for a browser without JavaScript.
func (h *Handler) writeProblems(w http.ResponseWriter, r *http.Request, status int, p problems) {
	if p.Errors == nil {
		p.Errors = []entry{}
	}
	if p.Findings == nil {
		p.Findings = []entry{}
	}
	if wantsHTML(r) {
		h.writePage(w, status, pageData{Base: "../", Result: newResultView(r, status, p)})
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(p) //nolint:errcheck // the client went away
}

// writeRequestError answers a request refused before any work (400, 413, 503).
func (h *Handler) writeRequestError(w http.ResponseWriter, r *http.Request, e *requestError) {
	if e.Status == http.StatusRequestEntityTooLarge {
		w.Header().Set("Connection", "close") // the rest of the body is not read
	}
	h.writeProblems(w, r, e.Status, problems{Errors: []entry{{Kind: requestKind(e.Status), Severity: diag.SeverityError, Message: e.Message}}})
}

// requestKind names the kind of a refused request in its entry.
func requestKind(status int) string {
	switch status {
	case http.StatusRequestEntityTooLarge:
		return "too_large"
	case http.StatusServiceUnavailable:
		return "busy"
	case http.StatusInternalServerError:
		return "internal"
	default:
		return "bad_request"
	}
}
