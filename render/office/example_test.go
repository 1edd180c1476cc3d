package office_test

import (
	"context"
	"errors"
	"log"
	"os"
	"time"

	"github.com/ansinh-vn/baocao/render/office"
)

// Convert a rendered report to PDF, with a time limit, and say clearly when LibreOffice
// is missing.
func ExamplePDF() {
	docx, err := os.ReadFile("baocao.docx")
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	pdf, err := office.PDF(ctx, docx)
	if errors.Is(err, office.ErrNotInstalled) {
		log.Fatal("cài LibreOffice để xuất PDF (Debian: apt-get install libreoffice-writer-nogui)")
	}
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("baocao.pdf", pdf, 0o644); err != nil {
		log.Fatal(err)
	}
}
