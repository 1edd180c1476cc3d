package web

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

// TestBrowserRender opens the page in Chromium, uploads the reference period file,
// downloads the report and opens it in LibreOffice.
func TestBrowserRender(t *testing.T) {
	s := newBrowserSession(t, testHandler(t))
	s.screenshot(t, "web-trang")
	docx := s.download(t,
		chromedp.SetUploadFiles(chromedp.CSS("#du-lieu"), []string{absTestdata(t, "tayson-2023-h1.yaml")}),
		chromedp.Click(chromedp.CSS(`#lap button[type="submit"]`)))
	text := s.resultText(t, "Đã lập báo cáo")
	if !strings.Contains(text, "Tải về tayson-2023-h1.docx") {
		t.Errorf("answer %q", text)
	}
	// The page then lists the data's warnings (the reference file has two).
	if err := chromedp.Do(s.ctx, chromedp.WaitVisible(chromedp.Search(`//section[@id="ket-qua"]/h3[text()="Cảnh báo và nhận xét (2)"]`))); err != nil {
		t.Fatal(err)
	}
	s.screenshot(t, "web-da-lap")
	body, err := rendertest.Text(docx)
	if err != nil {
		t.Fatalf("the downloaded file: %v", err)
	}
	if !strings.Contains(body, "Tây Sơn") {
		t.Errorf("the report does not name Tây Sơn:\n%.500s", body)
	}
	rendertest.RequireLibreOffice(t)
	lo, err := rendertest.LibreOfficeText(s.ctx, docx)
	if err != nil {
		t.Fatalf("LibreOffice cannot open the downloaded report: %v", err)
	}
	if !strings.Contains(lo, "Tây Sơn") {
		t.Errorf("LibreOffice's text of the report lacks Tây Sơn:\n%.500s", lo)
	}
}

// TestBrowserBrokenTemplate uploads a template with a space typed inside a tag: the
// page shows the Vietnamese message and the paragraph with the tag highlighted.
func TestBrowserBrokenTemplate(t *testing.T) {
	s := newBrowserSession(t, testHandler(t))
	err := chromedp.Do(s.ctx,
		chromedp.SetUploadFiles(chromedp.CSS("#kt-mau"), []string{brokenTemplate(t)}),
		chromedp.Click(chromedp.CSS(`#kiem-tra button[type="submit"]`)))
	if err != nil {
		t.Fatal(err)
	}
	text := s.resultText(t, "Kiểm tra thấy lỗi")
	marked, err := chromedp.Run(s.ctx, chromedp.Text(chromedp.CSS("#ket-qua mark")))
	if err != nil {
		t.Fatal(err)
	}
	s.screenshot(t, "web-mau-loi")
	t.Logf("answer: %s", text)
	if marked != "{{sl .bao_hiem.tong so the}}" {
		t.Errorf("highlighted %q", marked)
	}
	if !strings.Contains(text, "thẻ bảo hiểm y tế") {
		t.Errorf("the paragraph's text is not shown: %s", text)
	}
}

// TestBrowserWithoutJavaScript posts the check form as a plain HTML form: the answer
// is a page at api/check with the message and the highlighted tag, whose links lead
// back to the page under the prefix.
func TestBrowserWithoutJavaScript(t *testing.T) {
	s := newBrowserSession(t, testHandler(t))
	err := chromedp.Do(s.ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.CSS("#kiem-tra")),
		chromedp.SetUploadFiles(chromedp.CSS("#kt-mau"), []string{brokenTemplate(t)}),
		chromedp.Click(chromedp.CSS(`#kiem-tra button[type="submit"]`)))
	if err != nil {
		t.Fatal(err)
	}
	text := s.resultText(t, "Kiểm tra thấy lỗi")
	marked, err := chromedp.Run(s.ctx, chromedp.Text(chromedp.CSS("#ket-qua mark")))
	if err != nil {
		t.Fatal(err)
	}
	location, err := chromedp.Run(s.ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	s.screenshot(t, "web-khong-js")
	if !strings.HasSuffix(location, "/baocao/api/check") || marked != "{{sl .bao_hiem.tong so the}}" || !strings.Contains(text, "dấu cách") {
		t.Errorf("at %s, highlighted %q, answer %s", location, marked, text)
	}
	if err := chromedp.Do(s.ctx, chromedp.Click(chromedp.Search(`//a[text()="Quay lại"]`)), chromedp.WaitVisible(chromedp.CSS("#lap"))); err != nil {
		t.Fatal(err)
	}
	if location, err = chromedp.Run(s.ctx, chromedp.Location()); err != nil || !strings.HasSuffix(location, "/baocao/") {
		t.Errorf("back at %s (%v)", location, err)
	}
}
