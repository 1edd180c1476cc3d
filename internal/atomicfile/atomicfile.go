// Package atomicfile writes a file whole or not at all: the bytes go to a temporary file
// in the same folder, which is renamed over the target only once it is complete and
// closed. A failed write leaves the file that was there, and no temporary file.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Perm is the permission of the files written (before the umask): readable by all, as a
// document or a PDF meant to be sent on.
const Perm = 0o644

// WriteFile writes b to path atomically (see the package documentation). The error
// wraps the operating system's and names the step that failed.
func WriteFile(path string, b []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(b); err != nil {
		return fmt.Errorf("atomicfile: writing %s: %w", path, err)
	}
	if err = f.Chmod(Perm); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("atomicfile: writing %s: %w", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	return nil
}
