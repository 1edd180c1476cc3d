package office

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The profile LibreOffice runs with is XML it reads, with each setting once.
func TestProfileSettingsWritten(t *testing.T) {
	dir := t.TempDir()
	if err := writeProfile(dir); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "user", "registrymodifications.xcu"))
	if err != nil {
		t.Fatal(err)
	}
	var items struct {
		Item []struct {
			Path string `xml:"path,attr"`
			Prop struct {
				Name  string `xml:"name,attr"`
				Op    string `xml:"op,attr"`
				Value string `xml:"value"`
			} `xml:"prop"`
		} `xml:"item"`
	}
	if err := xml.Unmarshal(b, &items); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	got := map[string]string{}
	for _, it := range items.Item {
		if it.Prop.Op != "fuse" {
			t.Errorf("%s/%s: op %q", it.Path, it.Prop.Name, it.Prop.Op)
		}
		got[it.Path+"/"+it.Prop.Name] = it.Prop.Value
	}
	for key, want := range map[string]string{
		"/org.openoffice.Office.Common/Security/Scripting/MacroSecurityLevel":         "3",
		"/org.openoffice.Office.Common/Security/Scripting/DisableMacrosExecution":     "true",
		"/org.openoffice.Office.Common/Security/Scripting/BlockUntrustedRefererLinks": "true",
		"/org.openoffice.Office.Writer/Content/Update/Link":                           "2",
		"/org.openoffice.Inet/Settings/ooInetProxyType":                               "1",
		"/org.openoffice.Inet/Settings/ooInetHTTPSProxyName":                          "127.0.0.1",
	} {
		if got[key] != want {
			t.Errorf("%s = %q, want %q", key, got[key], want)
		}
	}
}

func TestOfflineEnv(t *testing.T) {
	env := offlineEnv([]string{"PATH=/usr/bin", "https_proxy=http://corp:3128", "NO_PROXY=*", "HOME=/h"})
	joined := strings.Join(env, "\n")
	for _, want := range []string{"PATH=/usr/bin", "HOME=/h", "https_proxy=http://127.0.0.1:9", "HTTP_PROXY=http://127.0.0.1:9", "ALL_PROXY=http://127.0.0.1:9"} {
		if !strings.Contains(joined, want) {
			t.Errorf("env lacks %s: %q", want, env)
		}
	}
	if strings.Contains(joined, "corp") || strings.Contains(joined, "NO_PROXY") {
		t.Errorf("env keeps the host's proxy settings: %q", env)
	}
}

// The output read is a regular file of the output folder, never what a link points to.
func TestReadOutputRegularOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("bí mật"), 0o600)
	if err := os.Symlink(secret, filepath.Join(dir, "doc0.txt")); err != nil {
		t.Fatal(err)
	}
	if b, err := readOutput(dir, "doc0.txt"); err == nil {
		t.Errorf("read %q through a link", b)
	}
	os.WriteFile(filepath.Join(dir, "doc1.txt"), []byte("ok"), 0o600)
	if b, err := readOutput(dir, "doc1.txt"); err != nil || string(b) != "ok" {
		t.Errorf("regular file: %q, %v", b, err)
	}
}
