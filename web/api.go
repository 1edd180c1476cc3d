package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/ansinh-vn/baocao/ansinh/mau"
)

// serveRender answers POST /api/render: the document, or 422 with the entries.
func (h *Handler) serveRender(w http.ResponseWriter, r *http.Request) {
	h.serveWork(w, r, true)
}

// serveCheck answers POST /api/check: 200 with the findings, or 422 with the entries.
func (h *Handler) serveCheck(w http.ResponseWriter, r *http.Request) {
	h.serveWork(w, r, false)
}

// serveWork waits for a slot, reads the form and runs the backend, all within the
// request's time. The slot is taken before the body is read, so that at most
// MaxRenders bodies are in memory at once.
func (h *Handler) serveWork(w http.ResponseWriter, r *http.Request, render bool) {
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
	defer cancel()
	// Bound the reading of the body and the writing of the answer too (a client sending
	// or reading one byte a minute); a ResponseWriter that cannot (a test recorder) is
	// bounded by the host's server.
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(h.opts.Timeout))
	_ = rc.SetWriteDeadline(time.Now().Add(h.opts.Timeout))
	var re *requestError
	if errors.As(h.precheck(r), &re) {
		h.writeRequestError(w, r, re)
		return
	}
	if !h.acquire(ctx) {
		h.writeRequestError(w, r, h.busy())
		return
	}
	defer h.release()
	f, err := h.readForm(w, r)
	if err == nil {
		err = f.complete(render)
	}
	if errors.As(err, &re) {
		h.writeRequestError(w, r, re)
		return
	}
	run := h.backend.check
	if render {
		run = h.backend.render
	}
	res, err := run(ctx, f)
	switch {
	case err != nil && ctx.Err() != nil:
		h.writeRequestError(w, r, h.busy())
	case err != nil:
		h.writeRequestError(w, r, &requestError{Status: http.StatusInternalServerError, Err: err,
			Message: "Máy chủ gặp lỗi khi xử lý yêu cầu; hãy thử lại hoặc báo cho người quản trị."})
	case len(res.Errors) > 0:
		h.writeProblems(w, r, http.StatusUnprocessableEntity, problems{Errors: res.Errors, Findings: res.Findings})
	case render:
		writeDocument(w, res.Name, res.ContentType, res.Document)
	default:
		h.writeProblems(w, r, http.StatusOK, problems{Findings: res.Findings})
	}
}

// complete refuses a form that names nothing to work on.
func (f *form) complete(render bool) error {
	switch {
	case render && len(f.Data) == 0:
		return malformed("Chưa chọn tệp số liệu (trường data).")
	case !render && len(f.Data) == 0 && f.Template == nil:
		return malformed("Chưa chọn mẫu (trường template) hay tệp số liệu (trường data) để kiểm tra.")
	}
	return nil
}

// busy is the answer when no render slot came free, or the work did not end, within
// the request's time.
func (h *Handler) busy() *requestError {
	return &requestError{Status: http.StatusServiceUnavailable,
		Message: fmt.Sprintf("Máy chủ đang bận hoặc việc xử lý quá %s; hãy thử lại sau.", h.opts.Timeout)}
}

// serveStandard answers GET /mau/{file} with a standard template. Only the names of
// mau.List are served.
func (h *Handler) serveStandard(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	for _, s := range mau.List() {
		if s.File != name {
			continue
		}
		b, err := mau.Bytes(s.File)
		if err != nil {
			http.Error(w, "Không đọc được mẫu.", http.StatusInternalServerError)
			return
		}
		writeDocument(w, "mau-"+s.File, docxType, b)
		return
	}
	http.NotFound(w, r)
}
