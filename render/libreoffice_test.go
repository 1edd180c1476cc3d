package render_test

// LibreOffice opens every rendered fixture (see fixtures_test.go) and its
// text must equal the expected text. These tests skip when LibreOffice is
// not installed, and fail then if BAOCAO_REQUIRE_LIBREOFFICE=1 (CI sets it);
// see rendertest.RequireLibreOffice.
//
// LibreOffice's text export and rendertest.Text agree on paragraphs, line
// breaks and tabs inside a paragraph, but not on tables: LibreOffice writes
// each paragraph of a table cell on a line of its own, where Text puts a
// tab between cells. The comparison therefore normalizes both texts with
// loNormalize: every tab becomes a line break (so a tab inside a paragraph
// and a cell boundary read alike; TestFixtures tells them apart) and "\r\n"
// becomes "\n". Nothing else is normalized: spaces at the ends of lines,
// empty lines and empty cells must match. The NAME/template subtests of
// TestLibreOfficeReadsFixtures check this model on the templates
// themselves, with no rendering involved.
//
// The text export leaves out headers, footers and the bodies of footnotes
// and endnotes, so TestLibreOfficeFixturePartsInPDF converts the rendered
// parts fixture to PDF and looks for their expected text in it (pdftotext,
// from poppler-utils).

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

// loTimeout bounds one LibreOffice conversion.
const loTimeout = 3 * time.Minute

// loNormalize is the normalization described at the top of this file.
func loNormalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\t", "\n")
}

// TestLibreOfficeReadsFixtures renders every fixture, opens the result in
// LibreOffice and compares its text with the expected text (subtests
// NAME/rendered). It also checks the comparison model itself (subtests
// NAME/template): the text LibreOffice reads from each template equals
// rendertest.Text of it, once both are normalized; if that fails, a failure
// of NAME/rendered says nothing about package render. All documents go
// through one LibreOffice run, since starting LibreOffice is most of the
// cost.
func TestLibreOfficeReadsFixtures(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	names := fixtureNames(t)
	var docs [][]byte
	for _, name := range names {
		docs = append(docs, renderFixture(t, name))
	}
	for _, name := range names {
		docs = append(docs, readFixture(t, name+".docx"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), loTimeout)
	defer cancel()
	texts, err := rendertest.LibreOfficeTexts(ctx, docs)
	if texts == nil {
		t.Fatal(err)
	}
	if err != nil {
		t.Error(err) // some documents could not be opened; their subtests fail below
	}
	for i, name := range names {
		rendered, template := texts[i], texts[len(names)+i]
		t.Run(name+"/rendered", func(t *testing.T) {
			want := loNormalize(string(readFixture(t, name+".txt")))
			if got := loNormalize(rendered); got != want {
				t.Errorf("LibreOffice's text of the rendered %s.docx differs from %s.txt (normalized); %s", name, name, diffLines(got, want))
			}
		})
		t.Run(name+"/template", func(t *testing.T) {
			text, err := rendertest.Text(readFixture(t, name+".docx"))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := loNormalize(template), loNormalize(text); got != want {
				t.Errorf("%s.docx: LibreOffice and rendertest.Text disagree; %s", name, diffLines(got, want))
			}
		})
	}
}

// TestLibreOfficeFixturePartsInPDF checks that LibreOffice shows the
// rendered header, footer, footnote and endnote of parts.docx: it converts
// the output to PDF and looks for each expected line (white space
// collapsed) in the PDF's text. A note's mark (* or †) is printed apart
// from the note's text in the PDF, so the lines of the notes parts are
// looked up without the mark that starts them.
func TestLibreOfficeFixturePartsInPDF(t *testing.T) {
	rendertest.RequireLibreOffice(t)
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv(rendertest.RequireEnv) == "1" {
			t.Fatalf("pdftotext (poppler-utils) is not installed, and %s=1 requires it", rendertest.RequireEnv)
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out := renderFixture(t, "parts")
	ctx, cancel := context.WithTimeout(context.Background(), loTimeout)
	defer cancel()
	pdf, err := rendertest.LibreOfficeConvert(ctx, out, "pdf")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("LibreOffice did not write a PDF: %.40q", pdf)
	}
	dir := t.TempDir()
	pdfPath := filepath.Join(dir, "parts.pdf")
	if err := os.WriteFile(pdfPath, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, pdftotext, "-enc", "UTF-8", pdfPath, "-")
	txt, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pdfText := strings.Join(strings.Fields(string(txt)), " ")
	if strings.Contains(pdfText, "{{") || strings.Contains(pdfText, "}}") {
		t.Errorf("a tag is left in the PDF: %q", pdfText)
	}
	want := expectedParts(t, "parts")
	if len(want) < 5 {
		t.Fatalf("parts fixture: %d expected parts, want the body, header, footer, footnotes and endnotes", len(want))
	}
	for part, text := range want {
		for _, line := range strings.Split(text, "\n") {
			if part == "word/footnotes.xml" || part == "word/endnotes.xml" {
				line = strings.TrimLeftFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			}
			line = strings.Join(strings.Fields(line), " ")
			if line == "" {
				continue
			}
			if !strings.Contains(pdfText, line) {
				t.Errorf("%s: %q is not in the PDF's text %q", part, line, pdfText)
			}
		}
	}
}
