package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

func TestPageUsesRelativeURLsOnly(t *testing.T) {
	h := newHandler(Options{}, fakeBackend{fn: echo})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	page := w.Body.String()
	for _, want := range []string{`action="api/render"`, `action="api/check"`, `href="mau/xa.docx"`, "Lập báo cáo", "Kiểm tra mẫu", "Tối đa 32 MB và 300 tệp"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{`href="/`, `action="/`, `src="/`} {
		if strings.Contains(page, bad) {
			t.Errorf("page has an absolute URL %q", bad)
		}
	}
}

func TestMountedUnderPrefix(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/baocao/", http.StripPrefix("/baocao", newHandler(Options{}, fakeBackend{fn: echo})))
	for path, want := range map[string]int{"/baocao/": 200, "/baocao/mau/tinh.docx": 200, "/baocao": 307, "/": 404} {
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		if w.Code != want {
			t.Errorf("GET %s: %d, want %d", path, w.Code, want)
		}
	}
}

func TestStandardTemplates(t *testing.T) {
	h := newHandler(Options{}, fakeBackend{fn: echo})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/mau/xa.docx", nil))
	if w.Code != 200 || w.Header().Get("Content-Type") != docxType || !strings.HasPrefix(w.Body.String(), "PK") {
		t.Fatalf("GET /mau/xa.docx: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	if got, want := w.Header().Get("Content-Disposition"), `attachment; filename="mau-xa.docx"; filename*=UTF-8''mau-xa.docx`; got != want {
		t.Errorf("Content-Disposition %q, want %q", got, want)
	}
	for _, path := range []string{"/mau/gen.sh", "/mau/..%2Fmau.go", "/mau/mau.go", "/khong-co"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		if w.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, w.Code)
		}
	}
}

func TestRenderSendsTheDocumentWithItsVietnameseName(t *testing.T) {
	h := newHandler(Options{}, fakeBackend{fn: echo})
	w := post(t, h, "/api/render", part{"data", "Tây Sơn.yaml", "PK nội dung"})
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if w.Body.String() != "PK nội dung" {
		t.Errorf("body %q", w.Body)
	}
	want := `attachment; filename="Bao cao Tay Son.yaml"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20T%C3%A2y%20S%C6%A1n.yaml`
	if got := w.Header().Get("Content-Disposition"); got != want {
		t.Errorf("Content-Disposition\n got %s\nwant %s", got, want)
	}
}

func TestContentDispositionFallback(t *testing.T) {
	for name, want := range map[string]string{
		"Đơn vị Đắk Lắk.docx": `attachment; filename="Don vi Dak Lak.docx"; filename*=UTF-8''%C4%90%C6%A1n%20v%E1%BB%8B%20%C4%90%E1%BA%AFk%20L%E1%BA%AFk.docx`,
		`a"b\c;d.docx`:        `attachment; filename="a_b_c;d.docx"; filename*=UTF-8''a%22b%5Cc%3Bd.docx`,
		"báo\r\ncáo.pdf":      `attachment; filename="bao__cao.pdf"; filename*=UTF-8''b%C3%A1o%0D%0Ac%C3%A1o.pdf`,
	} {
		if got := contentDisposition(name); got != want {
			t.Errorf("%q:\n got %s\nwant %s", name, got, want)
		}
	}
}

// decode reads a JSON answer of the API.
func decode(t *testing.T, w *httptest.ResponseRecorder) problems {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Fatalf("Content-Type %q", ct)
	}
	var p problems
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatalf("%v: %s", err, w.Body)
	}
	if p.Errors == nil || p.Findings == nil {
		t.Errorf("errors and findings must be arrays: %s", w.Body)
	}
	return p
}

func TestUnprocessableCarriesTheEntries(t *testing.T) {
	bad := entry{Kind: "missing-key", Part: "thân văn bản", Paragraph: 12, Text: "Tổng số thẻ: {{.bao_hiem.tong_so_thee}}", Tag: "{{.bao_hiem.tong_so_thee}}", Message: "Không có mục bao_hiem.tong_so_thee"}
	warn := entry{Kind: "finding", Severity: "cảnh báo", Path: "giam_ngheo.ty_le", Message: "Tỷ lệ in khác tỷ lệ tính"}
	h := newHandler(Options{}, fakeBackend{fn: func(ctx context.Context, f *form, render bool) (result, error) {
		return result{Errors: []entry{bad}, Findings: []entry{warn}}, nil
	}})
	for _, path := range []string{"/api/render", "/api/check"} {
		w := post(t, h, path, part{"data", "a.yaml", "x"}, part{"template", "m.docx", "PK"})
		if w.Code != http.StatusUnprocessableEntity {
			t.Fatalf("%s: status %d", path, w.Code)
		}
		p := decode(t, w)
		if len(p.Errors) != 1 || p.Errors[0] != bad || len(p.Findings) != 1 || p.Findings[0] != warn {
			t.Errorf("%s: %+v", path, p)
		}
		for _, key := range []string{`"kind": "missing-key"`, `"part": "thân văn bản"`, `"paragraph": 12`, `"text": "Tổng số thẻ: {{.bao_hiem.tong_so_thee}}"`, `"message": "Không có mục bao_hiem.tong_so_thee"`} {
			if !strings.Contains(w.Body.String(), key) {
				t.Errorf("%s: JSON lacks %s", path, key)
			}
		}
	}
}

func TestUnprocessableAsAPageWithoutJavaScript(t *testing.T) {
	h := newHandler(Options{}, fakeBackend{fn: func(ctx context.Context, f *form, render bool) (result, error) {
		return result{Errors: []entry{{Part: "thân văn bản", Paragraph: 3, Text: "Số hộ <nghèo>: {{.x}} hộ", Tag: "{{.x}}", Message: "Không có mục x"}}}, nil
	}})
	body, ct := multipartBody(t, part{"data", "a.yaml", "x"})
	r := httptest.NewRequest(http.MethodPost, "/api/render", body)
	r.Header.Set("Content-Type", ct)
	r.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusUnprocessableEntity || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("%d %s", w.Code, w.Header().Get("Content-Type"))
	}
	page := w.Body.String()
	for _, want := range []string{"Không lập được báo cáo", "Không có mục x", "thân văn bản, đoạn thứ 3",
		"<blockquote>Số hộ &lt;nghèo&gt;: <mark>{{.x}}</mark> hộ</blockquote>", `action="../api/render"`, `href="../mau/xa.docx"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestCheckOK(t *testing.T) {
	h := newHandler(Options{}, fakeBackend{fn: func(ctx context.Context, f *form, render bool) (result, error) {
		if render || f.Template == nil || f.Template.Name != "m.docx" {
			t.Errorf("check got render=%v template=%+v", render, f.Template)
		}
		return result{}, nil
	}})
	w := post(t, h, "/api/check", part{"template", `C:\Users\cb\m.docx`, "PK"})
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if p := decode(t, w); len(p.Errors)+len(p.Findings) != 0 {
		t.Errorf("%+v", p)
	}
}

func TestBadRequests(t *testing.T) {
	h := newHandler(Options{}, fakeBackend{fn: echo})
	cases := []struct {
		name, path string
		parts      []part
		message    string
	}{
		{"no data", "/api/render", []part{{"template", "m.docx", "PK"}}, "Chưa chọn tệp số liệu"},
		{"nothing to check", "/api/check", []part{{"format", "", "docx"}}, "Chưa chọn mẫu"},
		{"empty file inputs", "/api/render", []part{{"data", "", ""}, {"template", "", ""}}, "Chưa chọn tệp số liệu"},
		{"unknown field", "/api/render", []part{{"data", "a.yaml", "x"}, {"../etc/passwd", "p", "x"}}, `Trường "../etc/passwd" không được hỗ trợ`},
		{"two templates", "/api/render", []part{{"data", "a.yaml", "x"}, {"template", "a.docx", "x"}, {"template", "b.docx", "x"}}, "Trường template chỉ nhận một tệp"},
		{"bad format", "/api/render", []part{{"data", "a.yaml", "x"}, {"format", "", "odt"}}, `Định dạng "odt" không được hỗ trợ`},
	}
	for _, c := range cases {
		w := post(t, h, c.path, c.parts...)
		if w.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", c.name, w.Code)
			continue
		}
		if p := decode(t, w); len(p.Errors) != 1 || !strings.Contains(p.Errors[0].Message, c.message) || p.Errors[0].Kind != "bad_request" {
			t.Errorf("%s: %+v, want %q", c.name, p, c.message)
		}
	}
	r := httptest.NewRequest(http.MethodPost, "/api/render", strings.NewReader(`{"data":"x"}`))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusBadRequest || !strings.Contains(decode(t, w).Errors[0].Message, "multipart/form-data") {
		t.Errorf("JSON body: %d %s", w.Code, w.Body)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	h := newHandler(Options{}, fakeBackend{fn: echo})
	for _, c := range []struct{ method, path string }{{"GET", "/api/render"}, {"PUT", "/api/check"}, {"POST", "/"}, {"DELETE", "/mau/xa.docx"}} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(c.method, c.path, nil))
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s %s: %d, want 405", c.method, c.path, w.Code)
		}
	}
}

func TestTooManyFiles(t *testing.T) {
	h := newHandler(Options{MaxFiles: 3}, fakeBackend{fn: echo})
	w := post(t, h, "/api/render", part{"data", "1.yaml", "x"}, part{"data", "2.yaml", "x"}, part{"plan", "k.yaml", "x"}, part{"format", "", "docx"})
	if w.Code != http.StatusOK {
		t.Fatalf("3 files and a value: %d %s", w.Code, w.Body)
	}
	w = post(t, h, "/api/render", part{"data", "1.yaml", "x"}, part{"data", "2.yaml", "x"}, part{"data", "3.yaml", "x"}, part{"plan", "k.yaml", "x"})
	if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(decode(t, w).Errors[0].Message, "tối đa 3 tệp") {
		t.Errorf("4 files: %d %s", w.Code, w.Body)
	}
}

func TestInternalError(t *testing.T) {
	h := newHandler(Options{}, fakeBackend{fn: func(ctx context.Context, f *form, render bool) (result, error) {
		return result{}, errors.New("secret internal detail /tmp/x")
	}})
	w := post(t, h, "/api/render", part{"data", "a.yaml", "x"})
	if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "secret") {
		t.Errorf("%d %s", w.Code, w.Body)
	}
}

// TestBusy fills the only render slot, then sends a request whose context has ended:
// it gets 503 without reaching the backend; the slot's own request then completes.
func TestBusy(t *testing.T) {
	entered, leave := make(chan struct{}), make(chan struct{})
	var calls sync.WaitGroup
	h := newHandler(Options{MaxRenders: 1}, fakeBackend{fn: func(ctx context.Context, f *form, render bool) (result, error) {
		if string(f.Data[0].Body) == "block" {
			close(entered)
			<-leave
		} else {
			t.Error("the backend ran while its slot was taken")
		}
		return echo(ctx, f, render)
	}})
	calls.Add(1)
	var first *httptest.ResponseRecorder
	go func() {
		defer calls.Done()
		first = post(t, h, "/api/render", part{"data", "a.yaml", "block"})
	}()
	<-entered
	body, ct := multipartBody(t, part{"data", "b.yaml", "other"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := httptest.NewRequest(http.MethodPost, "/api/render", body).WithContext(ctx)
	r.Header.Set("Content-Type", ct)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusServiceUnavailable || decode(t, w).Errors[0].Kind != "busy" {
		t.Errorf("second request: %d %s", w.Code, w.Body)
	}
	close(leave)
	calls.Wait()
	if first.Code != http.StatusOK {
		t.Errorf("first request: %d", first.Code)
	}
}

// TestTimeoutDuringWork: a request whose time runs out (waiting for a slot or in the
// backend, whichever the scheduler picks) gets 503, not 500.
func TestTimeoutDuringWork(t *testing.T) {
	h := newHandler(Options{Timeout: 1}, fakeBackend{fn: func(ctx context.Context, f *form, render bool) (result, error) {
		<-ctx.Done()
		return result{}, ctx.Err()
	}})
	w := post(t, h, "/api/render", part{"data", "a.yaml", "x"})
	if w.Code != http.StatusServiceUnavailable {
		t.Errorf("%d %s", w.Code, w.Body)
	}
}
