package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"
)

// part is one field of a test request: a file when name is set, else a value.
type part struct{ field, name, body string }

// multipartBody builds a multipart/form-data body.
func multipartBody(t testing.TB, parts ...part) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, p := range parts {
		var err error
		if p.name == "" {
			err = mw.WriteField(p.field, p.body)
		} else {
			var w interface{ Write([]byte) (int, error) }
			w, err = mw.CreateFormFile(p.field, p.name)
			if err == nil {
				_, err = w.Write([]byte(p.body))
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return &b, mw.FormDataContentType()
}

// post sends a multipart request to h directly and returns the recorded answer.
func post(t testing.TB, h http.Handler, path string, parts ...part) *httptest.ResponseRecorder {
	t.Helper()
	body, ct := multipartBody(t, parts...)
	r := httptest.NewRequest(http.MethodPost, path, body)
	r.Header.Set("Content-Type", ct)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// fakeBackend answers with fn; the handler's own behaviour is what these tests check.
type fakeBackend struct {
	fn func(ctx context.Context, f *form, render bool) (result, error)
}

func (b fakeBackend) render(ctx context.Context, f *form) (result, error) { return b.fn(ctx, f, true) }
func (b fakeBackend) check(ctx context.Context, f *form) (result, error)  { return b.fn(ctx, f, false) }

// echo is a backend whose document is the first data file, named after it.
func echo(ctx context.Context, f *form, render bool) (result, error) {
	return result{Document: f.Data[0].Body, Name: "Báo cáo " + f.Data[0].Name, ContentType: docxType}, nil
}
