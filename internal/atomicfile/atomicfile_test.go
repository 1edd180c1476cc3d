package atomicfile

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bao-cao.pdf")
	if err := WriteFile(path, []byte("mới")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "mới" {
		t.Fatalf("read back %q, %v", b, err)
	}
	if err := WriteFile(path, []byte("thay")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "thay" {
		t.Errorf("after a replace: %q", b)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o044 == 0 {
		t.Errorf("mode %v: not readable by others", fi.Mode())
	}
	assertOnly(t, dir, "bao-cao.pdf")
}

// A write that fails (here the rename: the target is a folder that is not empty) leaves
// the old content and no temporary file.
func TestWriteFileFailureLeavesOld(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "cu")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "giu.txt"), []byte("cũ"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(target, []byte("mới")); err == nil {
		t.Fatal("renaming over a folder that is not empty succeeded")
	}
	if b, err := os.ReadFile(filepath.Join(target, "giu.txt")); err != nil || string(b) != "cũ" {
		t.Errorf("old content: %q, %v", b, err)
	}
	assertOnly(t, dir, "cu")
}

// A folder that does not exist fails before anything is written.
func TestWriteFileNoFolder(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(filepath.Join(dir, "khong-co", "x.pdf"), []byte("x")); err == nil {
		t.Fatal("no error")
	}
	assertOnly(t, dir)
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Fatalf("files in the folder: %q, want %q", got, names)
	}
	for i := range names {
		if got[i] != names[i] {
			t.Fatalf("files in the folder: %q, want %q", got, names)
		}
	}
}
