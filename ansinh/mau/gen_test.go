package mau_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The committed .fodt sources are what gen_fodt.py writes.
func TestFodtAreGenerated(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	dir := t.TempDir()
	if out, err := exec.Command(python, "gen_fodt.py", dir).CombinedOutput(); err != nil {
		t.Fatalf("gen_fodt.py: %v\n%s", err, out)
	}
	for _, name := range []string{"xa.fodt", "huyen.fodt", "tinh.fodt"} {
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from gen_fodt.py's output; run ansinh/mau/gen.sh", name)
		}
	}
}
