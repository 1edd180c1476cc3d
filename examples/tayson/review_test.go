package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

func renderReview(t *testing.T) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "review.docx")
	var stderr bytes.Buffer
	if code := run(&stderr, options{data: dataPath, template: tplPath, out: out, review: true}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := rendertest.WellFormed(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func zipPart(t *testing.T, pkg []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var (
	paraRE    = regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>`)
	wtRE      = regexp.MustCompile(`<w:t[^>]*>([^<]*)</w:t>`)
	anchorRE  = regexp.MustCompile(`<w:commentRangeStart w:id="(\d+)"/><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t xml:space="preserve">([^<]*)</w:t></w:r><w:commentRangeEnd w:id="(\d+)"/><w:r><w:commentReference w:id="(\d+)"/></w:r>`)
	commentRE = regexp.MustCompile(`(?s)<w:comment [^>]*w:id="(\d+)"[^>]*>(.*?)</w:comment>`)
)

// The review draft of the reference report: the two warnings as comments on the
// figures 0,01% and 68,05%, each naming the printed and the computed number.
func TestReviewDraft(t *testing.T) {
	docx := renderReview(t)
	doc := zipPart(t, docx, "word/document.xml")
	var anchored []string
	for _, p := range paraRE.FindAllString(doc, -1) {
		if !strings.Contains(p, "commentRangeStart") {
			continue
		}
		m := anchorRE.FindStringSubmatch(p)
		if m == nil || m[1] != m[3] || m[1] != m[4] {
			t.Fatalf("comment anchors are not start, run, end and reference in one paragraph:\n%s", p)
		}
		anchored = append(anchored, m[2])
	}
	if strings.Join(anchored, " ") != "0,01% 68,05%" {
		t.Errorf("comments on %q, want on 0,01%% and 68,05%%", anchored)
	}
	comments := commentRE.FindAllStringSubmatch(zipPart(t, docx, "word/comments.xml"), -1)
	if len(comments) != 2 {
		t.Fatalf("%d comments", len(comments))
	}
	want := [][]string{{"Cảnh báo", "0,01%", "0,0026%"}, {"Cảnh báo", "68,05%", "68,0556%"}}
	for i, c := range comments {
		var text strings.Builder
		for _, m := range wtRE.FindAllStringSubmatch(c[2], -1) {
			text.WriteString(m[1])
		}
		for _, s := range want[i] {
			if !strings.Contains(text.String(), s) {
				t.Errorf("comment %s lacks %q: %s", c[1], s, text.String())
			}
		}
	}
}

// LibreOffice opens the review draft; its HTML export (the text export leaves comments
// out) puts each comment right after the figure it is anchored on.
func TestReviewDraftInLibreOffice(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	docx := renderReview(t)
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	html, err := rendertest.LibreOfficeConvert(ctx, docx, "html")
	if err != nil {
		t.Fatal(err)
	}
	text := space.ReplaceAllString(string(html), " ")
	for _, re := range []string{
		`chiếm tỷ lệ 0,01%<!-- Cảnh báo[^>]*Tỷ lệ in là 0,01% nhưng 1 / 38\.459 ≈ 0,0026%[^>]*-->\.`,
		`\(đạt 68,05%<!-- Cảnh báo[^>]*68,05% nhưng 49 / 72 ≈ 68,0556%[^>]*--> so với chỉ tiêu giao\)`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("LibreOffice's export lacks %s", re)
		}
	}
}
