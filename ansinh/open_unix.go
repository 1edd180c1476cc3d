//go:build unix

package ansinh

import (
	"os"
	"syscall"
)

// openFile opens path for reading without blocking: a named pipe put in place of a file
// after the folder was listed opens at once (and is then refused as not regular) instead
// of waiting for a writer forever.
func openFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
