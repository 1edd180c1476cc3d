// Package web serves the report library over HTTP: a page in Vietnamese where clerks
// render a report, check a template and download the standard templates, and the JSON API
// that page uses, for hosts written in any language.
//
//	h := web.New(web.Options{})                                   // the documented defaults
//	mux.Handle("/baocao/", http.StripPrefix("/baocao", h))        // any prefix
//
// Routes (relative to where the handler is mounted):
//
//	GET  /                the page
//	GET  /mau/{file}      a standard template (xa.docx, huyen.docx, tinh.docx)
//	POST /api/render      the document, or 422 with {"errors": [...], "findings": [...]}
//	POST /api/check       200 or 422 with {"errors": [...], "findings": [...]}
//
// Both POST routes take a multipart/form-data body with the fields data (one or more
// files: a period file, or a parent's own file and its units' files), template, catalog,
// previous, plan and format (docx or pdf). Files are read into memory, never written to
// disk under any name from the request; the only files written are LibreOffice's, in a
// private temporary folder removed before the response ends (PDF only). The handler does
// no authentication: wrap it in the host's own.
//
// Every request is bounded by [Options]: its size (413, refused on its Content-Length
// before a byte is read), its number of files (413), its time (the request's context) and
// the number of requests read and worked on at once (a request waits for a slot before
// its body is read, until its time runs out: 503), which also bounds the memory the
// uploads take to MaxRenders × MaxRequestBytes.
package web

import (
	"context"
	"net/http"
	"time"
)

// The default limits, used for each zero field of [Options].
const (
	// DefaultMaxRequestBytes bounds a request body: a province's units' files and a
	// template with pictures fit with room to spare (the reference period file is 20 KB,
	// the standard templates 30–60 KB).
	DefaultMaxRequestBytes = 32 << 20
	// DefaultMaxFiles bounds the files of one request (a province's units plus its own
	// file, template, catalogue, last year's file and plan).
	DefaultMaxFiles = 300
	// DefaultTimeout bounds one request, from its first byte read to its last written,
	// waiting for a render slot included.
	DefaultTimeout = 2 * time.Minute
	// DefaultMaxRenders is the number of API requests (renders and checks) read and
	// worked on at once; more requests wait for a slot before their body is read.
	DefaultMaxRenders = 4
)

// Options are the limits of a [Handler]. A zero field takes its Default value.
type Options struct {
	MaxRequestBytes int64         // request body size; more is refused with 413
	MaxFiles        int           // files in one request; more is refused with 413
	Timeout         time.Duration // time for one request; past it, 503
	MaxRenders      int           // API requests read and worked on at once; others wait, then 503
}

// withDefaults returns o with each zero field set to its default.
func (o Options) withDefaults() Options {
	if o.MaxRequestBytes <= 0 {
		o.MaxRequestBytes = DefaultMaxRequestBytes
	}
	if o.MaxFiles <= 0 {
		o.MaxFiles = DefaultMaxFiles
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxRenders <= 0 {
		o.MaxRenders = DefaultMaxRenders
	}
	return o
}

// Handler is the page and the API. Create it with [New]; it is safe for concurrent use
// and keeps nothing of a request after its response.
type Handler struct {
	opts    Options
	mux     *http.ServeMux
	slots   chan struct{} // a semaphore of opts.MaxRenders renders
	backend backend
}

// New returns a Handler with the limits of opts (zero fields: the defaults).
func New(opts Options) *Handler {
	return newHandler(opts, jobBackend{})
}

func newHandler(opts Options, b backend) *Handler {
	h := &Handler{opts: opts.withDefaults(), mux: http.NewServeMux(), backend: b}
	h.slots = make(chan struct{}, h.opts.MaxRenders)
	h.mux.HandleFunc("GET /{$}", h.servePage)
	h.mux.HandleFunc("GET /mau/{file}", h.serveStandard)
	h.mux.HandleFunc("POST /api/render", h.serveRender)
	h.mux.HandleFunc("POST /api/check", h.serveCheck)
	return h
}

// Options returns the limits the handler applies, defaults filled in.
func (h *Handler) Options() Options { return h.opts }

// ServeHTTP serves the page and the API.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mux.ServeHTTP(w, r)
}

// acquire waits for a render slot until ctx ends; release gives it back.
func (h *Handler) acquire(ctx context.Context) bool {
	select {
	case h.slots <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

func (h *Handler) release() { <-h.slots }
