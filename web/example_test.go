package web_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"time"

	"github.com/ansinh-vn/baocao/web"
)

// A host mounts the handler under a prefix of its own, behind its own authentication.
func ExampleNew() {
	h := web.New(web.Options{MaxRenders: 2, Timeout: time.Minute})
	mux := http.NewServeMux()
	mux.Handle("/baocao/", http.StripPrefix("/baocao", requireLogin(h)))

	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, "/baocao/mau/xa.docx", nil)
	r.SetBasicAuth("canbo", "mat-khau")
	mux.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Header().Get("Content-Disposition"))
	// Output: 200 attachment; filename="mau-xa.docx"; filename*=UTF-8''mau-xa.docx
}

// requireLogin stands for the host's own authentication.
func requireLogin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "canbo" || p != "mat-khau" {
			w.Header().Set("WWW-Authenticate", `Basic realm="baocao"`)
			http.Error(w, "Cần đăng nhập", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// The API: POST a period file to api/render, get the report.
func ExampleHandler_ServeHTTP() {
	data, err := os.ReadFile("../testdata/tayson-2023-h1.yaml")
	if err != nil {
		panic(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("data", "Tây Sơn 2023.yaml")
	fw.Write(data)
	mw.Close()

	r := httptest.NewRequest(http.MethodPost, "/api/render", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	w := httptest.NewRecorder()
	web.New(web.Options{}).ServeHTTP(w, r)
	fmt.Println(w.Code)
	fmt.Println(w.Header().Get("Content-Disposition"))
	// Output:
	// 200
	// attachment; filename="Tay Son 2023.docx"; filename*=UTF-8''T%C3%A2y%20S%C6%A1n%202023.docx
}

func ExampleOptions() {
	o := web.New(web.Options{MaxFiles: 50}).Options()
	fmt.Println(o.MaxRequestBytes>>20, "MB,", o.MaxFiles, "files,", o.Timeout, "a request,", o.MaxRenders, "renders at once")
	// Output: 32 MB, 50 files, 2m0s a request, 4 renders at once
}

func ExampleHandler_Options() {
	fmt.Println(web.New(web.Options{}).Options() == web.Options{
		MaxRequestBytes: web.DefaultMaxRequestBytes, MaxFiles: web.DefaultMaxFiles,
		Timeout: web.DefaultTimeout, MaxRenders: web.DefaultMaxRenders,
	})
	// Output: true
}
