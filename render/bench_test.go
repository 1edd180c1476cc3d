package render

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"testing"
)

// The benchmarks render the peers' report template (testdata/bench: 40 paragraphs, 144
// tags, 17 of them split across runs, a table row loop) with their data, as the peers'
// harness does for docxtemplater and docxtpl (see examples/bench).

func benchData(tb testing.TB, rows int) map[string]any {
	tb.Helper()
	b, err := os.ReadFile("../testdata/bench/data.json")
	if err != nil {
		tb.Fatal(err)
	}
	var data map[string]any
	if err := json.Unmarshal(b, &data); err != nil {
		tb.Fatal(err)
	}
	base := data["chuong_trinh"].([]any)
	out := make([]any, rows)
	for i := range out {
		r := base[i%len(base)].(map[string]any)
		out[i] = map[string]any{"ten": fmt.Sprintf("%s #%d", r["ten"], i+1), "so_ho": r["so_ho"], "so_tien": r["so_tien"], "ghi_chu": r["ghi_chu"]}
	}
	data["chuong_trinh"] = out
	return data
}

func benchTemplate(tb testing.TB) (*Template, []byte) {
	tb.Helper()
	src, err := os.ReadFile("../testdata/bench/bench_baocao.docx")
	if err != nil {
		tb.Fatal(err)
	}
	return Must(New("bench").Parse(src)), src
}

func benchRender(b *testing.B, rows int) {
	tpl, _ := benchTemplate(b)
	data := benchData(b, rows)
	var out bytes.Buffer
	if err := tpl.Execute(&out, data); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(out.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out.Reset()
		if err := tpl.Execute(&out, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecute20 is configuration (a): the report with 20 table rows.
func BenchmarkExecute20(b *testing.B) { benchRender(b, 20) }

// BenchmarkExecute2000 is configuration (b).
func BenchmarkExecute2000(b *testing.B) { benchRender(b, 2000) }

// BenchmarkExecute20000 is configuration (c): time should grow linearly from (b).
func BenchmarkExecute20000(b *testing.B) { benchRender(b, 20000) }

// BenchmarkFloorRaw is the floor any engine pays: read the package and write it again,
// copying every part raw (the harness's floor -raw).
func BenchmarkFloorRaw(b *testing.B) {
	_, src := benchTemplate(b)
	var out bytes.Buffer
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		out.Reset()
		zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
		if err != nil {
			b.Fatal(err)
		}
		zw := zip.NewWriter(&out)
		for _, f := range zr.File {
			h := f.FileHeader
			w, err := zw.CreateRaw(&h)
			if err != nil {
				b.Fatal(err)
			}
			r, err := f.OpenRaw()
			if err != nil {
				b.Fatal(err)
			}
			if _, err := io.Copy(w, r); err != nil {
				b.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse is the one-time cost of reading and compiling the template.
func BenchmarkParse(b *testing.B) {
	_, src := benchTemplate(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := New("bench").Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOneOff is the one-off render, as docxtemplater must do it for every document:
// parse the template, execute it with the 20-row data and write the package.
func BenchmarkOneOff(b *testing.B) {
	benchOneOff(b, func(out *bytes.Buffer, src []byte, data any) error {
		tpl, err := New("bench").Parse(src)
		if err != nil {
			return err
		}
		return tpl.Execute(out, data)
	})
}

// BenchmarkRender is the one-off render by Render, which executes the parts that hold
// tags while the others are still being checked (examples/bench -reparse).
func BenchmarkRender(b *testing.B) {
	benchOneOff(b, func(out *bytes.Buffer, src []byte, data any) error {
		return New("bench").Render(context.Background(), out, src, data)
	})
}

// benchOneOff times render, from the template's bytes to the document, with the
// 20-row data.
func benchOneOff(b *testing.B, render func(out *bytes.Buffer, src []byte, data any) error) {
	_, src := benchTemplate(b)
	data := benchData(b, 20)
	var out bytes.Buffer
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		out.Reset()
		if err := render(&out, src, data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchTemplate checks the benchmark renders what the peers' verifier expects.
func TestBenchTemplate(t *testing.T) {
	tpl, _ := benchTemplate(t)
	var out bytes.Buffer
	if err := tpl.Execute(&out, benchData(t, 20)); err != nil {
		t.Fatal(err)
	}
	doc := part(t, out.Bytes(), "word/document.xml")
	for _, want := range []string{"Nước sạch &amp; Vệ sinh môi trường nông thôn &lt;giai đoạn 2&gt;", "Mường Khương", "#20"} {
		if !bytes.Contains([]byte(doc), []byte(want)) {
			t.Errorf("output lacks %q", want)
		}
	}
	if bytes.Contains([]byte(doc), []byte("{{")) {
		t.Errorf("output has a leftover tag")
	}
}
