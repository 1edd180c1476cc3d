package office

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// profileSettings are the LibreOffice settings of the throw-away profile every
// conversion runs with, as registrymodifications.xcu items (path, property, value):
//
//   - Common/Security/Scripting: MacroSecurityLevel 3 ("very high": only macros from
//     trusted locations, of which there are none) and DisableMacrosExecution, so that no
//     macro of a document runs; BlockUntrustedRefererLinks, so that nothing a document
//     links to (a picture at file:///… or http://…) is loaded, since the document is not
//     in a trusted location;
//   - Writer/Content/Update: Link 2, links are never updated;
//   - Inet/Settings: a manual proxy at 127.0.0.1, port 9, for HTTP, HTTPS and FTP, so
//     that what would still reach the network fails at once.
func profileSettings() [][3]string {
	return [][3]string{
		{"/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"},
		{"/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"},
		{"/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"},
		{"/org.openoffice.Office.Writer/Content/Update", "Link", "2"},
		{"/org.openoffice.Inet/Settings", "ooInetProxyType", "1"},
		{"/org.openoffice.Inet/Settings", "ooInetNoProxy", ""},
		{"/org.openoffice.Inet/Settings", "ooInetHTTPProxyName", deadProxyHost},
		{"/org.openoffice.Inet/Settings", "ooInetHTTPProxyPort", deadProxyPort},
		{"/org.openoffice.Inet/Settings", "ooInetHTTPSProxyName", deadProxyHost},
		{"/org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort", deadProxyPort},
		{"/org.openoffice.Inet/Settings", "ooInetFTPProxyName", deadProxyHost},
		{"/org.openoffice.Inet/Settings", "ooInetFTPProxyPort", deadProxyPort},
	}
}

// The proxy that takes LibreOffice's network requests: the discard port of the loopback
// interface, where nothing listens, so that a request fails at once.
const (
	deadProxyHost = "127.0.0.1"
	deadProxyPort = "9"
)

// writeProfile writes the user profile folder with profileSettings.
func writeProfile(dir string) error {
	user := filepath.Join(dir, "user")
	if err := os.MkdirAll(user, 0o700); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` + "\n")
	for _, s := range profileSettings() {
		fmt.Fprintf(&b, `<item oor:path="%s"><prop oor:name="%s" oor:op="fuse"><value>%s</value></prop></item>`+"\n", s[0], s[1], s[2])
	}
	b.WriteString("</oor:items>\n")
	return os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(b.String()), 0o600)
}

// offlineEnv is env with every proxy variable pointing to the dead proxy (and no
// exception list), for the libraries LibreOffice fetches with.
func offlineEnv(env []string) []string {
	proxy := "http://" + deadProxyHost + ":" + deadProxyPort
	vars := []string{"http_proxy", "https_proxy", "ftp_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "ALL_PROXY"}
	out := make([]string, 0, len(env)+len(vars))
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch strings.ToLower(name) {
		case "http_proxy", "https_proxy", "ftp_proxy", "all_proxy", "no_proxy":
			continue
		}
		out = append(out, kv)
	}
	for _, v := range vars {
		out = append(out, v+"="+proxy)
	}
	return out
}

// extensionSyntax and filterSyntax are what formatExtension accepts.
var (
	extensionSyntax = regexp.MustCompile(`^[A-Za-z0-9]{1,16}$`)
	filterSyntax    = regexp.MustCompile(`^[^/\\\x00-\x1f\x7f]*$`)
)

// maxFormatLength bounds a format: filter names and their options are short.
const maxFormatLength = 1024

// formatExtension checks a --convert-to format and returns its extension, the name of
// the file LibreOffice writes: letters and digits only, so that the output is always a
// file of the private output folder.
func formatExtension(format string) (string, error) {
	ext, filter, _ := strings.Cut(format, ":")
	if !extensionSyntax.MatchString(ext) {
		return "", fmt.Errorf("%w %q: the extension before the first colon must be letters and digits (pdf, odt, txt…)", ErrFormat, format)
	}
	if !filterSyntax.MatchString(filter) || strings.Contains(filter, "..") || len(format) > maxFormatLength {
		return "", fmt.Errorf("%w %q: the filter and its options may not hold a slash, a backslash, \"..\" or a control character", ErrFormat, format)
	}
	return ext, nil
}

// readOutput reads the file name of the output folder: it must be a regular file (not a
// link LibreOffice could have been made to write).
func readOutput(dir, name string) ([]byte, error) {
	path := filepath.Join(dir, name)
	if filepath.Dir(path) != filepath.Clean(dir) {
		return nil, errors.New("office: output outside its folder")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("office: %s is not a regular file", name)
	}
	return io.ReadAll(f)
}
