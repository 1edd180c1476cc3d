package web

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// countingZeros is a body of n zero bytes that counts what was read of it.
type countingZeros struct {
	n    int64
	read atomic.Int64
}

func (z *countingZeros) Read(p []byte) (int, error) {
	left := z.n - z.read.Load()
	if left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > left {
		p = p[:left]
	}
	clear(p)
	z.read.Add(int64(len(p)))
	return len(p), nil
}

// serve runs h on a loopback server for one test.
func serve(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// upload100MB sends a 100 MB body; declared says whether its Content-Length is sent.
// It returns the status (0 if the client saw its connection closed first), the bytes the
// client sent and the bytes the handler read.
func upload100MB(t *testing.T, h *Handler, declared bool) (status int, sent, read int64) {
	t.Helper()
	var handlerRead atomic.Int64
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = countingBody{r.Body, &handlerRead}
		h.ServeHTTP(w, r)
	}))
	body := &countingZeros{n: 100 << 20}
	head := "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.yaml\"\r\n\r\n"
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/api/render", io.MultiReader(strings.NewReader(head), body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
	if declared {
		req.ContentLength = int64(len(head)) + body.n
	} else {
		req.ContentLength = -1 // chunked: the server learns the size only by reading
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		// The server answered and closed while the client was still sending: the
		// client may see the broken pipe instead of the answer.
		t.Logf("client: %v", err)
		return 0, body.read.Load(), handlerRead.Load()
	}
	defer resp.Body.Close()
	return resp.StatusCode, body.read.Load(), handlerRead.Load()
}

// countingBody counts what a handler reads of a request body.
type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

// TestUpload100MBRefusedUnread: a request declaring 100 MB is answered 413 from its
// Content-Length; the client gets to send at most what the sockets buffer, far from
// 100 MB.
func TestUpload100MBRefusedUnread(t *testing.T) {
	h := newHandler(Options{}, fakeBackend{fn: echo})
	status, sent, read := upload100MB(t, h, true)
	t.Logf("declared 100 MB: status %d, client sent %d bytes, handler read %d", status, sent, read)
	if status != 0 && status != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", status)
	}
	if read != 0 {
		t.Errorf("the handler read %d bytes of a body refused on its length", read)
	}
	if sent >= 32<<20 {
		t.Errorf("the client sent %d bytes, more than the limit", sent)
	}
}

// TestUpload100MBChunkedStopsAtTheLimit: without a Content-Length the server reads up to
// the limit and no further.
func TestUpload100MBChunkedStopsAtTheLimit(t *testing.T) {
	h := newHandler(Options{MaxRequestBytes: 1 << 20}, fakeBackend{fn: echo})
	status, sent, read := upload100MB(t, h, false)
	t.Logf("chunked 100 MB, limit 1 MB: status %d, client sent %d bytes, handler read %d", status, sent, read)
	if status != 0 && status != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", status)
	}
	if read > 1<<20+64<<10 {
		t.Errorf("the handler read %d bytes, past the 1 MB limit", read)
	}
	if sent >= 32<<20 {
		t.Errorf("the client sent %d bytes of 100 MB", sent)
	}
}

func TestOverTheLimitIs413(t *testing.T) {
	h := newHandler(Options{MaxRequestBytes: 1000}, fakeBackend{fn: echo})
	w := post(t, h, "/api/render", part{"data", "a.yaml", strings.Repeat("x", 2000)})
	if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(decode(t, w).Errors[0].Message, "Yêu cầu quá lớn: tối đa 1000 byte") {
		t.Errorf("%d %s", w.Code, w.Body)
	}
	body, ct := multipartBody(t, part{"data", "a.yaml", strings.Repeat("x", 2000)})
	r := httptest.NewRequest(http.MethodPost, "/api/render", io.MultiReader(body)) // no length known
	r.Header.Set("Content-Type", ct)
	w2 := httptest.NewRecorder()
	h.ServeHTTP(w2, r)
	if w2.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked: %d %s", w2.Code, w2.Body)
	}
}

// TestRequestCutOffHalfway sends half of a declared body and closes its side: the
// handler answers 400 and the backend never runs.
func TestRequestCutOffHalfway(t *testing.T) {
	h := newHandler(Options{}, fakeBackend{fn: func(ctx context.Context, f *form, render bool) (result, error) {
		t.Error("the backend ran on a cut-off request")
		return result{}, nil
	}})
	srv := serve(t, h)
	body, ct := multipartBody(t, part{"data", "a.yaml", strings.Repeat("số liệu ", 5000)})
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	full := body.Bytes()
	fmt.Fprintf(conn, "POST /api/render HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", ct, len(full))
	conn.Write(full[:len(full)/2])
	conn.(*net.TCPConn).CloseWrite()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), "ngắt giữa chừng") {
		t.Errorf("%d %s", resp.StatusCode, b)
	}
}
