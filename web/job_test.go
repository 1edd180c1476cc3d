package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ansinh-vn/baocao/job"
	"github.com/ansinh-vn/baocao/render/rendertest"
)

// testHandler is the handler a host gets from New, with the default limits.
func testHandler(t *testing.T) http.Handler {
	t.Helper()
	return New(Options{})
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// referenceText is the text of the reference report as job renders it for the command.
func referenceText(t testing.TB) string {
	t.Helper()
	data := []byte(readTestdata(t, "tayson-2023-h1.yaml"))
	res, err := job.Render(context.Background(), job.Request{Data: &job.File{Name: "tayson-2023-h1.yaml", Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	text, err := rendertest.Text(res.Document)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

func TestRenderTheReferenceReport(t *testing.T) {
	w := post(t, testHandler(t), "/api/render", part{"data", "tayson-2023-h1.yaml", readTestdata(t, "tayson-2023-h1.yaml")})
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != docxType {
		t.Errorf("Content-Type %q", ct)
	}
	if cd, want := w.Header().Get("Content-Disposition"), `attachment; filename="tayson-2023-h1.docx"; filename*=UTF-8''tayson-2023-h1.docx`; cd != want {
		t.Errorf("Content-Disposition %q, want %q", cd, want)
	}
	text, err := rendertest.Text(w.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if text != referenceText(t) {
		t.Errorf("the report differs from job's")
	}
	if !strings.Contains(text, "Tây Sơn") {
		t.Errorf("report:\n%.400s", text)
	}
}

func TestRenderWithABrokenTemplateIs422WithTheLocatedMessage(t *testing.T) {
	tpl, err := os.ReadFile(brokenTemplate(t))
	if err != nil {
		t.Fatal(err)
	}
	w := post(t, testHandler(t), "/api/render",
		part{"data", "tayson-2023-h1.yaml", readTestdata(t, "tayson-2023-h1.yaml")},
		part{"template", "mẫu lỗi.docx", string(tpl)})
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d: %.300s", w.Code, w.Body)
	}
	p := decode(t, w)
	if len(p.Errors) == 0 {
		t.Fatal("no errors")
	}
	e := p.Errors[0]
	t.Logf("%s", e)
	if e.Part != "thân văn bản" || e.Paragraph == 0 || !strings.Contains(e.Text, "thẻ bảo hiểm y tế") || e.Tag != "{{sl .bao_hiem.tong so the}}" || e.Message == "" {
		t.Errorf("entry %+v", e)
	}
}

func TestCheckTheStandardTemplateWithData(t *testing.T) {
	xa, err := os.ReadFile("../ansinh/mau/xa.docx")
	if err != nil {
		t.Fatal(err)
	}
	w := post(t, testHandler(t), "/api/check",
		part{"template", "xa.docx", string(xa)},
		part{"data", "tayson-2023-h1.yaml", readTestdata(t, "tayson-2023-h1.yaml")})
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %.500s", w.Code, w.Body)
	}
	decode(t, w)
}

func TestBadDataIs422WithLineAndColumn(t *testing.T) {
	w := post(t, testHandler(t), "/api/render", part{"data", "ky.yaml", "don_vi:\n\tten: x\n"})
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	e := decode(t, w).Errors[0]
	if e.File != "ky.yaml" || e.Line != 2 || e.Message == "" {
		t.Errorf("entry %+v", e)
	}
}

// TestFiftyConcurrentRenders sends 50 renders at once, each with its own file name:
// every answer is its own request's report (name and text), none is refused.
func TestFiftyConcurrentRenders(t *testing.T) {
	h := testHandler(t)
	data := readTestdata(t, "tayson-2023-h1.yaml")
	want := referenceText(t)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("đơn vị %02d.yaml", i)
			w := post(t, h, "/api/render", part{"data", name, data})
			if w.Code != http.StatusOK {
				t.Errorf("%d: status %d: %.200s", i, w.Code, w.Body)
				return
			}
			if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, fmt.Sprintf(`filename="don vi %02d.docx"`, i)) {
				t.Errorf("%d got another's name: %s", i, cd)
			}
			if text, err := rendertest.Text(w.Body.Bytes()); err != nil || text != want {
				t.Errorf("%d: the report differs (%v)", i, err)
			}
		}()
	}
	wg.Wait()
	t.Logf("50 renders, %d at once: %v", DefaultMaxRenders, time.Since(start))
}

func TestRenderPDF(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	w := post(t, testHandler(t), "/api/render",
		part{"data", "tayson-2023-h1.yaml", readTestdata(t, "tayson-2023-h1.yaml")}, part{"format", "", "pdf"})
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if w.Header().Get("Content-Type") != pdfType || !bytes.HasPrefix(w.Body.Bytes(), []byte("%PDF")) {
		t.Errorf("%s %.20q", w.Header().Get("Content-Type"), w.Body.Bytes())
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="tayson-2023-h1.pdf"`) {
		t.Errorf("Content-Disposition %s", cd)
	}
}

// TestParentReport sends a province's own file first and its units' files after it,
// all in the field data, and its plan.
func TestParentReport(t *testing.T) {
	parts := []part{{"data", "binh-an-2024-h1.yaml", readTestdata(t, "province/binh-an-2024-h1.yaml")},
		{"plan", "ke-hoach-2024.yaml", readTestdata(t, "province/ke-hoach-2024.yaml")}}
	units, err := os.ReadDir("../testdata/province/2024-h1")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		parts = append(parts, part{"data", u.Name(), readTestdata(t, "province/2024-h1/"+u.Name())})
	}
	w := post(t, testHandler(t), "/api/render", parts...)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %.1000s", w.Code, w.Body)
	}
	text, err := rendertest.Text(w.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Bình An") {
		t.Errorf("report:\n%.600s", text)
	}
}

// TestNothingLeftOnDisk renders (and converts to PDF when LibreOffice is installed)
// with a request whose file names point elsewhere: the temporary folder is empty after
// each answer and the names reach only the answer's header, as their last element.
func TestNothingLeftOnDisk(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	formats := []string{"docx"}
	if _, err := exec.LookPath("soffice"); err == nil {
		formats = append(formats, "pdf")
	}
	for _, format := range formats {
		w := post(t, testHandler(t), "/api/render",
			part{"data", "../../../tmp/owned/tayson.yaml", readTestdata(t, "tayson-2023-h1.yaml")}, part{"format", "", format})
		if w.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %.300s", format, w.Code, w.Body)
		}
		if cd := w.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="tayson.`+format+`"`) {
			t.Errorf("Content-Disposition %s", cd)
		}
		left, err := os.ReadDir(tmp)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range left {
			t.Errorf("%s: left in the temporary folder: %s", format, e.Name())
		}
	}
	if _, err := os.Stat("/tmp/owned"); err == nil {
		t.Error("/tmp/owned exists")
	}
}
