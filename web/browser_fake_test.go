package web

import (
	"context"
	"net/http"
	"os"
	"testing"
)

func testHandler(t *testing.T) http.Handler {
	return newHandler(Options{}, fakeBackend{fn: func(ctx context.Context, f *form, render bool) (result, error) {
		if render {
			b, _ := os.ReadFile("../testdata/tayson/template.docx")
			return result{Document: b, Name: "tayson-2023-h1.docx", ContentType: docxType}, nil
		}
		return result{Errors: []entry{{Kind: "x", Part: "thân văn bản", Paragraph: 40, Text: "đã cấp {{sl .bao_hiem.tong so the}} thẻ bảo hiểm y tế", Tag: "{{sl .bao_hiem.tong so the}}", Message: "hàm so không có"}}}, nil
	}})
}
