package web

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"
)

// upload is one file of a request, held in memory. Name is the file name the client
// gave, for messages only: it never reaches the file system.
type upload struct {
	Name string
	Body []byte
}

// form is a parsed request of the API.
type form struct {
	Data                              []upload // one period file, or a parent's own file and its units' files
	Template, Catalog, Previous, Plan *upload  // optional
	Format                            string   // "docx" or "pdf"
}

// requestError is a request refused before any render: Status is 400 or 413, Message
// (Vietnamese) says why.
type requestError struct {
	Status  int
	Message string
	Err     error
}

func (e *requestError) Error() string { return e.Message }
func (e *requestError) Unwrap() error { return e.Err }

func malformed(format string, args ...any) *requestError {
	return &requestError{Status: http.StatusBadRequest, Message: fmt.Sprintf(format, args...)}
}

// precheck refuses, before a byte of the body is read, a request whose declared size
// is over the limit or that is not multipart/form-data.
func (h *Handler) precheck(r *http.Request) error {
	if r.ContentLength > h.opts.MaxRequestBytes {
		return h.tooLarge(nil)
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "multipart/form-data" {
		return malformed("Yêu cầu phải gửi tệp dạng multipart/form-data (trường data, template, catalog, previous, plan, format).")
	}
	return nil
}

// readForm reads the multipart body of r (see precheck), bounded by the handler's
// limits.
func (h *Handler) readForm(w http.ResponseWriter, r *http.Request) (*form, error) {
	r.Body = http.MaxBytesReader(w, r.Body, h.opts.MaxRequestBytes)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, malformed("Yêu cầu multipart không hợp lệ: %v", err)
	}
	f := &form{Format: "docx"}
	files := 0
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, h.readError(err)
		}
		body, err := io.ReadAll(p)
		if err != nil {
			return nil, h.readError(err)
		}
		if p.FileName() == "" && p.FormName() != "format" && len(body) == 0 {
			continue // a file input left empty in a plain HTML form
		}
		if p.FormName() != "format" {
			if files++; files > h.opts.MaxFiles {
				return nil, &requestError{Status: http.StatusRequestEntityTooLarge,
					Message: fmt.Sprintf("Quá nhiều tệp trong một yêu cầu: tối đa %d tệp.", h.opts.MaxFiles)}
			}
		}
		if err := f.add(p.FormName(), upload{Name: cleanName(p.FileName(), p.FormName()), Body: body}); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// add puts one part into its field.
func (f *form) add(field string, u upload) error {
	single := map[string]**upload{"template": &f.Template, "catalog": &f.Catalog, "previous": &f.Previous, "plan": &f.Plan}
	switch {
	case field == "data":
		f.Data = append(f.Data, u)
	case field == "format":
		switch v := strings.TrimSpace(string(u.Body)); v {
		case "", "docx", "pdf":
			if v != "" {
				f.Format = v
			}
		default:
			return malformed("Định dạng %q không được hỗ trợ: chọn docx hoặc pdf.", clip(v))
		}
	case single[field] != nil:
		if *single[field] != nil {
			return malformed("Trường %s chỉ nhận một tệp.", field)
		}
		*single[field] = &u
	default:
		return malformed("Trường %q không được hỗ trợ (chỉ có data, template, catalog, previous, plan, format).", clip(field))
	}
	return nil
}

// readError maps an error reading the body: over the size limit is 413, anything else
// (a body cut off, a broken multipart structure) is 400.
func (h *Handler) readError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return h.tooLarge(err)
	}
	return &requestError{Status: http.StatusBadRequest, Message: "Không đọc được yêu cầu (tệp gửi bị ngắt giữa chừng hoặc sai cấu trúc multipart).", Err: err}
}

func (h *Handler) tooLarge(err error) error {
	return &requestError{Status: http.StatusRequestEntityTooLarge, Err: err,
		Message: fmt.Sprintf("Yêu cầu quá lớn: tối đa %s.", megabytes(h.opts.MaxRequestBytes))}
}

// cleanName keeps the last element of a client's file name, for messages; a part
// without a name is called after its field.
func cleanName(name, field string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	if name == "." || name == "/" || name == "" || !utf8.ValidString(name) {
		return field
	}
	return clip(name)
}

// clip bounds a string from a request before it goes into a message.
func clip(s string) string {
	const max = 100
	if len(s) <= max {
		return s
	}
	for i := range s {
		if i > max {
			return s[:i] + "…"
		}
	}
	return s
}

// megabytes writes n bytes for a clerk: "32 MB".
func megabytes(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d byte", n)
}
