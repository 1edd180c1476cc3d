// Command bench renders the peers' benchmark template the way the peers' harness (a
// separate benchmark of docxtemplater and docxtpl, outside this repository) measures
// those engines under its "Bench contract", so all engines are compared in one run:
//
//	go run ./examples/bench -docs 200 -data testdata/bench/data.json
//	go run ./examples/bench -docs 20 -data out/data_n2000.json -reparse
//
// It reads the template and the data once, then times only the loop that renders K
// documents and writes each to out/baocao/doc_<i>.docx (or to memory with -memory), and
// prints one line: engine=baocao docs=K rows=N seconds=… docs_per_s=… peak_rss_mb=….
// With -reparse every document also parses the template anew, as docxtemplater must: it
// calls render.Template.Render, which parses and executes in one call.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ansinh-vn/baocao/render"
)

func main() {
	tplPath := flag.String("template", "testdata/bench/bench_baocao.docx", "template package")
	dataPath := flag.String("data", "testdata/bench/data.json", "data JSON (the harness's make_data.py output)")
	docs := flag.Int("docs", 200, "documents to render")
	memory := flag.Bool("memory", false, "render into memory, write no files")
	reparse := flag.Bool("reparse", false, "parse the template for every document (Render)")
	outDir := flag.String("out", "out/baocao", "output folder")
	flag.Parse()
	if err := run(*tplPath, *dataPath, *outDir, *docs, *memory, *reparse); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(tplPath, dataPath, outDir string, docs int, memory, reparse bool) error {
	src, err := os.ReadFile(tplPath)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(dataPath)
	if err != nil {
		return err
	}
	var data map[string]any
	if err := json.Unmarshal(raw, &data); err != nil {
		return fmt.Errorf("%s: %w", dataPath, err)
	}
	rows := 0
	if l, ok := data["chuong_trinh"].([]any); ok {
		rows = len(l)
	}
	if !memory {
		if err := os.MkdirAll(outDir, 0o755); err != nil {
			return err
		}
	}
	tpl, err := render.New("bench").Parse(src)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	start := time.Now()
	for i := 0; i < docs; i++ {
		buf.Reset()
		if reparse {
			err = render.New("bench").Render(context.Background(), &buf, src, data)
		} else {
			err = tpl.Execute(&buf, data)
		}
		if err != nil {
			return err
		}
		if !memory {
			if err := os.WriteFile(filepath.Join(outDir, fmt.Sprintf("doc_%d.docx", i)), buf.Bytes(), 0o644); err != nil {
				return err
			}
		}
	}
	sec := time.Since(start).Seconds()
	name := "baocao"
	if reparse {
		name = "baocao-reparse"
	}
	fmt.Printf("engine=%s docs=%d rows=%d seconds=%.3f docs_per_s=%.2f peak_rss_mb=%.1f\n",
		name, docs, rows, sec, float64(docs)/sec, peakRSSMiB())
	fmt.Fprintf(os.Stderr, "# template %s, %d bytes per document\n", tplPath, buf.Len())
	return nil
}
