package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/ansinh-vn/baocao/web"
)

// Times of the server of baocao serve (the handler bounds each request's own time).
const (
	serveHeaderTimeout = 10 * time.Second // a client's request headers
	serveIdleTimeout   = 2 * time.Minute  // a kept-alive connection with no request
	serveStopTimeout   = 10 * time.Second // requests still running at Ctrl+C
)

func runServe(e env) int {
	f := newFlags("serve", "baocao serve [-addr 127.0.0.1:8080]",
		"Chạy trang web lập và kiểm tra báo cáo (và API của nó) trên máy này; mở địa chỉ in ra\n"+
			"bằng trình duyệt. Trang không có đăng nhập: chỉ mở ra mạng (-addr :8080) sau một máy chủ\n"+
			"có đăng nhập của đơn vị (xem README).")
	addr := f.String("addr", "127.0.0.1:8080", "địa chỉ và cổng nghe; mặc định chỉ máy này mở được")
	if code := f.parse(e); code >= 0 {
		return code
	}
	if f.NArg() > 0 {
		return f.usageError(e, "lệnh serve không nhận tệp nào")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "baocao serve: không mở được %s (cổng đang dùng, hoặc địa chỉ sai): %v\n", *addr, err)
		return exitProblems
	}
	fmt.Fprintf(e.stdout, "Trang báo cáo: http://%s/ (Ctrl+C để dừng)\n", ln.Addr())
	srv := &http.Server{Handler: web.New(web.Options{}), ReadHeaderTimeout: serveHeaderTimeout, IdleTimeout: serveIdleTimeout}
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		<-e.ctx.Done()
		ctx, cancel := context.WithTimeout(context.Background(), serveStopTimeout)
		defer cancel()
		srv.Shutdown(ctx) //nolint:errcheck // stopping: requests past the time are cut off
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(e.stderr, "baocao serve: %v\n", err)
		return exitProblems
	}
	<-stopped
	return exitOK
}
