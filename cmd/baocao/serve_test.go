package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServe starts baocao serve on a free port, gets the page, and stops it as Ctrl+C
// does.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	var errb strings.Builder
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"serve", "-addr", "127.0.0.1:0"}, outW, &errb)
		outW.Close()
	}()
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatalf("%v (stderr %s)", err, errb.String())
	}
	go io.Copy(io.Discard, outR) //nolint:errcheck
	url := strings.Fields(strings.TrimPrefix(line, "Trang báo cáo: "))[0]
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), "Lập báo cáo") {
		t.Errorf("GET %s: %d %.200s", url, resp.StatusCode, page)
	}
	cancel()
	if c := <-code; c != exitOK {
		t.Errorf("exit %d, stderr %s", c, errb.String())
	}
}

func TestServeBadAddressOrArguments(t *testing.T) {
	c, _, stderr := baocao(t, "serve", "-addr", "256.0.0.1:80")
	if c != exitProblems || !strings.Contains(stderr, "không mở được 256.0.0.1:80") {
		t.Errorf("exit %d: %s", c, stderr)
	}
	c, _, stderr = baocao(t, "serve", "x.yaml")
	if c != exitUsage || !strings.Contains(stderr, "không nhận tệp") {
		t.Errorf("exit %d: %s", c, stderr)
	}
}
