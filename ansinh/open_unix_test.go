//go:build unix

package ansinh

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A named pipe put in place of a listed file is opened without blocking and refused.
func TestLoadOneNamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "a.yaml"), 0o644); err != nil {
		t.Skipf("no named pipe: %v", err)
	}
	fsys := dirFS{dir: dir, fsys: os.DirFS(dir)}
	if _, err := (Loader{}).loadOne(fsys, "a.yaml", "a.yaml"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("loadOne(pipe) = %v, want ErrNotRegular", err)
	}
	if _, err := fsys.Open("../x"); err == nil {
		t.Error("dirFS opened a path outside its folder")
	}
}
