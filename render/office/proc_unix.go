//go:build unix

package office

import (
	"os/exec"
	"syscall"
)

// setProcessGroup starts soffice in a process group of its own, so that on
// cancellation the whole group (the soffice script, oosplash and
// soffice.bin) is killed, not only the script.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}

// killProcessGroup kills what is left of the group after soffice exited:
// nothing, normally.
func killProcessGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
