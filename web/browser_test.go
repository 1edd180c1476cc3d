package web

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/ansinh-vn/baocao/ansinh/mau"
)

// RequireChromiumEnv makes the browser tests fail, not skip, without Chromium (CI).
const requireChromiumEnv = "BAOCAO_REQUIRE_CHROMIUM"

// chromiumPath is Debian's Chromium, or the first chromium on PATH.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv(requireChromiumEnv) == "1" {
		t.Fatalf("no chromium, and %s=1 requires it", requireChromiumEnv)
	}
	t.Skipf("no chromium (set %s=1 to make this a failure)", requireChromiumEnv)
	return ""
}

// browserSession starts headless Chromium with the flags that keep it off the network
// (no background networking, updates, sync or QUIC) and a new empty profile, and the
// page's server mounted under /baocao/. Downloads go to the returned folder.
type browserSession struct {
	ctx       context.Context
	url       string
	downloads string
}

func newBrowserSession(t *testing.T, h http.Handler) *browserSession {
	exe := chromiumPath(t)
	mux := http.NewServeMux()
	mux.Handle("/baocao/", http.StripPrefix("/baocao", h))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 900),
	}
	// A hang guard, not a measure: the whole session must end within it.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx, chromedp.WithLogf(t.Logf))
	t.Cleanup(cancelTab)
	s := &browserSession{ctx: ctx, url: srv.URL + "/baocao/", downloads: t.TempDir()}
	events := true
	err := chromedp.Do(ctx,
		chromedp.Navigate(s.url),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: s.downloads, EventsEnabled: &events})
			return err
		}),
		chromedp.WaitVisible(chromedp.CSS("#lap")))
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	return s
}

// download runs steps and returns the bytes of the download they start.
func (s *browserSession) download(t *testing.T, steps ...chromedp.Action[chromedp.Void]) []byte {
	t.Helper()
	progress := chromedp.Events(s.ctx, browser.DownloadProgress)
	if err := chromedp.Do(s.ctx, steps...); err != nil {
		t.Fatal(err)
	}
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("no download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("download canceled")
		}
		if ev.State != browser.DownloadProgressStateCompleted {
			continue
		}
		b, err := os.ReadFile(filepath.Join(s.downloads, ev.GUID))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	t.Fatal("no download")
	return nil
}

// screenshot saves the whole page as name.png in $BAOCAO_SCREENSHOTS (else a test
// folder) and logs where.
func (s *browserSession) screenshot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(s.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("BAOCAO_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// brokenTemplate writes the standard commune template with a space typed inside a tag,
// {{sl .bao_hiem.tong so the}}, as a clerk might, and returns its path.
func brokenTemplate(t *testing.T) string {
	t.Helper()
	b, err := mau.Bytes("xa.docx")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "word/document.xml" {
			body = bytes.Replace(body, []byte("{{sl .bao_hiem.tong_so_the}}"), []byte("{{sl .bao_hiem.tong so the}}"), 1)
		}
		w, err := zw.Create(f.Name)
		if err == nil {
			_, err = w.Write(body)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "mẫu lỗi.docx")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// resultText returns the text of the page's answer once it has one.
func (s *browserSession) resultText(t *testing.T, title string) string {
	t.Helper()
	if err := chromedp.Do(s.ctx, chromedp.WaitVisible(chromedp.Search(`//section[@id="ket-qua"]/h2[text()="`+title+`"]`))); err != nil {
		t.Fatalf("waiting for %q: %v", title, err)
	}
	text, err := chromedp.Run(s.ctx, chromedp.Text(chromedp.CSS("#ket-qua")))
	if err != nil {
		t.Fatalf("waiting for %q: %v", title, err)
	}
	return text
}

func absTestdata(t *testing.T, name string) string {
	p, err := filepath.Abs(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
