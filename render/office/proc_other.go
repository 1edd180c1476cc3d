//go:build !unix

package office

import "os/exec"

// setProcessGroup does nothing on this system: exec.CommandContext kills
// soffice itself on cancellation.
func setProcessGroup(cmd *exec.Cmd) {}

// killProcessGroup does nothing on this system.
func killProcessGroup(cmd *exec.Cmd) {}
