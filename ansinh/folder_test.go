package ansinh_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ansinh-vn/baocao/ansinh"
)

func sampleText(t *testing.T, code, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/xa-binh-tan-2024-q2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `ma: "21640"`, `ma: "`+code+`"`, 1)
	return strings.Replace(s, "ten: Bình Tân", "ten: "+name, 1)
}

func TestLoadFSReportsEachBadFileAndGoesOn(t *testing.T) {
	fsys := fstest.MapFS{
		"units/a.yaml":        {Data: []byte(sampleText(t, "1", "A"))},
		"units/b.yml":         {Data: []byte("don_vi: {ten: B, cap: xã}\nky: {nam: 2024, loai: quy-9}\n")},
		"units/sub/c.YAML":    {Data: []byte(sampleText(t, "3", "C"))},
		"units/d.yaml":        {Data: []byte(sampleText(t, "4", "D"))},
		"units/README.md":     {Data: []byte("not a period file")},
		"units/.hidden.yaml":  {Data: []byte("broken: [")},
		"units/_draft.yaml":   {Data: []byte("broken: [")},
		"units/.git/x.yaml":   {Data: []byte("broken: [")},
		"units/_old/y.yaml":   {Data: []byte("broken: [")},
		"other/outside.yaml":  {Data: []byte("broken: [")},
		"units/sub/e.txt":     {Data: []byte("x")},
		"units/sub/z/f.yaml":  {Data: []byte("")},
		"units/sub/z/g.yaml ": {Data: []byte("")},
	}
	var loaded, bad []string
	err := ansinh.LoadFS(fsys, "units", func(path string, r *ansinh.Report, err error) error {
		if err != nil {
			var les ansinh.LoadErrors
			if !errors.As(err, &les) || les[0].File != path {
				t.Errorf("%s: error does not name the file: %v", path, err)
			}
			bad = append(bad, path)
			return nil
		}
		loaded = append(loaded, path+"="+r.Unit.Name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(loaded, " "); got != "units/a.yaml=A units/d.yaml=D units/sub/c.YAML=C" {
		t.Errorf("loaded %s", got)
	}
	if got := strings.Join(bad, " "); got != "units/b.yml units/sub/z/f.yaml" {
		t.Errorf("bad %s", got)
	}

	// The caller stops at the first bad file by returning its error.
	var seen int
	err = ansinh.LoadFS(fsys, "units", func(path string, r *ansinh.Report, err error) error {
		seen++
		return err
	})
	var les ansinh.LoadErrors
	if !errors.As(err, &les) || !strings.Contains(err.Error(), "units/b.yml:2:") || seen != 2 {
		t.Errorf("stop: err = %v after %d files", err, seen)
	}
	// fs.SkipAll stops without an error.
	seen = 0
	err = ansinh.LoadFS(fsys, "units", func(string, *ansinh.Report, error) error { seen++; return fs.SkipAll })
	if err != nil || seen != 1 {
		t.Errorf("SkipAll: %v after %d", err, seen)
	}
	// A missing root is given to fn.
	err = ansinh.LoadFS(fsys, "nowhere", func(path string, r *ansinh.Report, err error) error { return err })
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing root: %v", err)
	}
}

func TestLoadDirNamesFilesWithTheDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(sampleText(t, "1", "A")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.yaml"), []byte("don_vi: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var msgs []string
	err := ansinh.LoadDir(dir, func(path string, r *ansinh.Report, err error) error {
		if err != nil {
			msgs = append(msgs, err.Error())
		}
		return nil
	})
	want := filepath.Join(dir, "b.yaml") + ":1:9: don_vi:"
	if err != nil || len(msgs) != 1 || !strings.Contains(msgs[0], want) {
		t.Errorf("err %v, messages %q, want one starting %q", err, msgs, want)
	}
}

func TestIsPeriodFile(t *testing.T) {
	for name, want := range map[string]bool{"a.yaml": true, "a.YML": true, "a.yaml.bak": false, ".a.yaml": false, "_a.yaml": false, "a.json": false} {
		if got := ansinh.IsPeriodFile(name); got != want {
			t.Errorf("IsPeriodFile(%q) = %v", name, got)
		}
	}
}

// A folder that does not exist is named in the error as the caller named it.
func TestLoadDirMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "2024-h1")
	var got error
	err := ansinh.LoadDir(dir, func(path string, r *ansinh.Report, err error) error {
		if path != dir {
			t.Errorf("path %q, want %q", path, dir)
		}
		got = err
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(got, fs.ErrNotExist) || !strings.Contains(got.Error(), dir) {
		t.Errorf("err = %v, want one naming %s", got, dir)
	}
}
