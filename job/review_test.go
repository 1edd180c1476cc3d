package job

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/internal/docxtest"
)

// Review writes the warnings of the reference data as comments: one on the figure a
// template prints, one on the first paragraph for the figure it does not.
func TestRenderReview(t *testing.T) {
	req := Request{Data: tayson(t), Review: true, Template: tpl(docxtest.P("Báo cáo"), docxtest.P("Tỷ lệ: {{.giam_ngheo.ho_ngheo_phat_sinh.ty_le}}."))}
	res, err := Render(context.Background(), req)
	if err != nil {
		t.Fatalf("%v: %v", err, res.Errors)
	}
	zr, err := zip.NewReader(bytes.NewReader(res.Document), int64(len(res.Document)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		f, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		return string(b)
	}
	comments, doc := read("word/comments.xml"), read("word/document.xml")
	if n := strings.Count(comments, "<w:comment "); n != 2 || !strings.Contains(comments, "0,0026%") || !strings.Contains(comments, "68,0556%") {
		t.Errorf("%d comments:\n%s", n, comments)
	}
	if !strings.Contains(doc, `<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">0,01%</w:t></w:r><w:commentRangeEnd w:id="0"/>`) {
		t.Errorf("document:\n%s", doc)
	}
	plain, err := Render(context.Background(), Request{Data: tayson(t), Template: req.Template})
	if err != nil || bytes.Contains(plain.Document, []byte("comments.xml")) {
		t.Errorf("without Review: %v, comments written: %v", err, bytes.Contains(plain.Document, []byte("comments.xml")))
	}
}
