package render

import (
	"archive/zip"
	"bytes"
	"os"
	"testing"
)

// BenchmarkReadPackage is the share of Parse that reads and checks the package.
func BenchmarkReadPackage(b *testing.B) {
	src, err := os.ReadFile("../testdata/bench/bench_baocao.docx")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := readPackage(bytes.NewReader(src), int64(len(src)), DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckWellFormed checks the benchmark template's styles (350 KB).
func BenchmarkCheckWellFormed(b *testing.B) {
	src, err := os.ReadFile("../testdata/bench/bench_baocao.docx")
	if err != nil {
		b.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		b.Fatal(err)
	}
	var styles []byte
	for _, f := range zr.File {
		if f.Name == "word/styles.xml" {
			styles, _ = readEntry(f)
		}
	}
	b.SetBytes(int64(len(styles)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, p := checkWellFormed(styles, false); p != nil {
			b.Fatal(p.msg)
		}
	}
}
