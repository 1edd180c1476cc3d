//go:build unix

package ansinh_test

import (
	"errors"
	"syscall"
	"testing"

	"github.com/ansinh-vn/baocao/ansinh"
)

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no named pipe: %v", err)
	}
}

// LoadFile and LoadPlanFile refuse a device without reading it.
func TestLoadFileDevice(t *testing.T) {
	if _, err := ansinh.LoadFile("/dev/zero"); !errors.Is(err, ansinh.ErrNotRegular) {
		t.Errorf("LoadFile(/dev/zero) = %v", err)
	}
	if _, err := ansinh.LoadPlanFile("/dev/zero"); !errors.Is(err, ansinh.ErrNotRegular) {
		t.Errorf("LoadPlanFile(/dev/zero) = %v", err)
	}
}
