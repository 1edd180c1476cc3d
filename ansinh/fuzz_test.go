package ansinh

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad: loading arbitrary bytes as a period file never panics; it gives a report or
// LoadErrors, every one naming the file and, unless the file is empty, a line; a loaded
// report gives its template data and its findings without panicking. Crashers are kept in
// testdata/fuzz/FuzzLoad.
//
//	go test -run='^$' -fuzz='^FuzzLoad$' -fuzztime=5m ./ansinh
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.yaml")
	files = append(files, "../testdata/tayson-2023-h1.yaml")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"", "---\n", "don_vi: {ten: X}\n", "a: &a [*a]\n", "x: 1\n---\ny: 2\n", "\t- x\n", "don_vi:\n  ten: \xff\n",
		"giam_ngheo:\n  dan_so: {so_ho: 1.855}\n", "ky: {nam: 99999999999999999999999, loai: quy-2}\n",
		"a: &x {b: *x}\n", "? [a]\n: b\n", "don_vi: !!binary aGVsbG8=\n", "\x00", "k: \"\\u0000\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rep, err := Load(bytes.NewReader(b), "ky.yaml")
		if err != nil {
			var les LoadErrors
			if !errors.As(err, &les) || len(les) == 0 {
				t.Fatalf("error is not LoadErrors: %T %v", err, err)
			}
			if rep != nil {
				t.Fatal("a report returned with errors")
			}
			for _, e := range les {
				if e.File != "ky.yaml" || e.Msg == "" || e.Detail == "" {
					t.Fatalf("error without its file, message or detail: %+v", e)
				}
				if e.Line <= 0 && !errors.Is(e, ErrEmptyFile) {
					t.Fatalf("error without a line: %v", e)
				}
			}
			return
		}
		if rep == nil {
			t.Fatal("no report and no error")
		}
		rep.Data()
		rep.Validate()
	})
}

// Syntax errors YAML gives no line for still carry one: the first line (yaml.v3 counts
// from 0 and leaves line 0 out), or the line of the first byte YAML does not allow.
func TestLoadSyntaxErrorLines(t *testing.T) {
	for src, line := range map[string]int{
		"\t- x\n":                     1,
		"don_vi:\n  ten: a\xffb\n":    2,
		"don_vi:\n  ten: a\x01b\n":    2,
		"a: 1\nb: 2\nc: \"x\x00\"\n":  3,
		"a: 1\nb: 2\nc: \xc3\n":       3,
		"a: [1\n":                     1,
		"don_vi: {ten: X}\n\tky: 1\n": 2,
	} {
		_, err := Load(strings.NewReader(src), "ky.yaml")
		var les LoadErrors
		if !errors.As(err, &les) || les[0].Line != line {
			t.Errorf("%q: %v, want line %d", src, err, line)
		}
	}
}
