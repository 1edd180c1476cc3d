// Package office converts .docx documents with LibreOffice, for instance to PDF, the
// form in which most reports are sent on:
//
//	pdf, err := office.PDF(ctx, docx)
//	if errors.Is(err, office.ErrNotInstalled) {
//		// tell the user to install LibreOffice (Debian: libreoffice-writer-nogui)
//	}
//
// Each conversion runs soffice headless, with the import filter forced to "MS Word 2007
// XML" (otherwise LibreOffice imports a file it cannot read as a .docx as plain text and
// the conversion "succeeds") and with a throw-away user profile in a temporary directory
// (-env:UserInstallation), so conversions may run concurrently and never touch the
// user's own profile or a running LibreOffice. A conversion ends when ctx does: its
// soffice processes (the whole process group, on Unix) are killed. Without a deadline in
// ctx, [DefaultTimeout] applies.
//
// The profile is hardened, since documents may come from anyone and the conversion runs
// on a server: macros never run (security level "very high" and macro execution
// disabled), links are never updated, content linked from a document that is not in a
// trusted location (none is) is never loaded, and LibreOffice's network access goes to
// a proxy that does not exist (127.0.0.1, port 9), in its own settings and in the
// proxy variables of its environment.
//
// soffice exits with status 0 when it cannot open or convert a document; it only leaves
// no output file. Convert reports that as an error wrapping [ErrNoOutput].
package office

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/ansinh-vn/baocao/internal/atomicfile"
)

// ErrNotInstalled is returned when neither soffice nor libreoffice is on PATH.
var ErrNotInstalled = errors.New("office: LibreOffice (soffice) is not installed or not on PATH")

// ErrFormat is wrapped by the error for a format Convert does not accept (see Convert).
var ErrFormat = errors.New("office: invalid conversion format")

// ErrNoOutput is wrapped by the error for a document that LibreOffice did not convert:
// it could not open it (not a .docx, a broken package) or could not export it.
var ErrNoOutput = errors.New("office: LibreOffice produced no output file")

// DefaultTimeout bounds a conversion whose context has no deadline: a LibreOffice that
// hangs (a dialog no one can answer, a stale lock) must not hang the program.
const DefaultTimeout = 5 * time.Minute

// DocxFilter is LibreOffice's import filter for .docx, forced on every input.
const DocxFilter = "MS Word 2007 XML"

// Path returns the path of the LibreOffice program (soffice, else libreoffice) on PATH,
// or ErrNotInstalled.
func Path() (string, error) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNotInstalled
}

// PDF converts a .docx to PDF. It is Convert(ctx, docx, "pdf").
func PDF(ctx context.Context, docx []byte) ([]byte, error) {
	return Convert(ctx, docx, "pdf")
}

// Convert opens a .docx in LibreOffice and converts it to format, given as for soffice
// --convert-to: "pdf", "odt", "html", "txt:Text (encoded):UTF8"… The output file's
// extension is the part of format before the first colon: letters and digits only; the
// filter name and options after it may not hold a slash, a backslash, "..", or a control
// character. Any other format is an error wrapping [ErrFormat], before LibreOffice runs.
// It returns the bytes of the one file LibreOffice wrote for the document in a private
// temporary folder; see the package documentation for how LibreOffice runs and fails.
func Convert(ctx context.Context, docx []byte, format string) ([]byte, error) {
	outs, err := ConvertAll(ctx, [][]byte{docx}, format)
	if err != nil {
		return nil, err
	}
	return outs[0], nil
}

// ConvertAll is [Convert] for many documents with one start of LibreOffice, which is most
// of the cost of a conversion (seconds). The outputs are in the order of docs. If some
// documents cannot be converted, their outputs are nil and the error (wrapping
// [ErrNoOutput]) names them by index; the other outputs are returned. If LibreOffice
// cannot run at all, or ctx ends, the outputs are nil.
func ConvertAll(ctx context.Context, docs [][]byte, format string) ([][]byte, error) {
	ext, err := formatExtension(format)
	if err != nil {
		return nil, err
	}
	soffice, err := Path()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("office: LibreOffice: %w", err)
	}
	if len(docs) == 0 {
		return [][]byte{}, nil
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	dir, err := os.MkdirTemp("", "baocao-office-")
	if err != nil {
		return nil, fmt.Errorf("office: %w", err)
	}
	defer os.RemoveAll(dir)
	inDir := filepath.Join(dir, "in")
	outDir := filepath.Join(dir, "out")
	if err := os.Mkdir(inDir, 0o700); err != nil {
		return nil, fmt.Errorf("office: %w", err)
	}
	profile := filepath.Join(dir, "profile")
	if err := writeProfile(profile); err != nil {
		return nil, fmt.Errorf("office: %w", err)
	}
	args := []string{
		"-env:UserInstallation=" + profileURL(profile),
		"--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
		"--infilter=" + DocxFilter,
		"--convert-to", format,
		"--outdir", outDir,
	}
	for i, d := range docs {
		in := filepath.Join(inDir, fmt.Sprintf("doc%d.docx", i))
		if err := os.WriteFile(in, d, 0o600); err != nil {
			return nil, fmt.Errorf("office: %w", err)
		}
		args = append(args, in)
	}

	cmd := exec.CommandContext(ctx, soffice, args...)
	var log bytes.Buffer
	cmd.Stdout = &log
	cmd.Stderr = &log
	cmd.Env = offlineEnv(os.Environ())
	cmd.WaitDelay = 5 * time.Second
	setProcessGroup(cmd)
	runErr := cmd.Run()
	killProcessGroup(cmd)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("office: LibreOffice: %w\n%s", err, log.Bytes())
	}
	if runErr != nil {
		return nil, fmt.Errorf("office: LibreOffice: %w\n%s", runErr, log.Bytes())
	}
	return collectOutputs(outDir, ext, len(docs), log.Bytes())
}

// collectOutputs reads the n outputs soffice wrote in outDir, doc<i>.<ext>; log is
// soffice's output, for the error naming those it did not write.
func collectOutputs(outDir, ext string, n int, log []byte) ([][]byte, error) {
	outs := make([][]byte, n)
	var failed []string
	for i := range outs {
		out, err := readOutput(outDir, fmt.Sprintf("doc%d.%s", i, ext))
		if err != nil {
			failed = append(failed, fmt.Sprint(i))
			continue
		}
		outs[i] = out
	}
	if failed != nil {
		what := "the document (it could not open or convert it)"
		if n > 1 {
			what = "document(s) " + strings.Join(failed, ", ") + " (it could not open or convert them)"
		}
		return outs, fmt.Errorf("%w for %s\n%s", ErrNoOutput, what, log)
	}
	return outs, nil
}

// profileURL turns a directory into the file: URL that -env:UserInstallation expects.
func profileURL(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x → /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// PDFFile converts the .docx file at docxPath to PDF and writes it to pdfPath, through a
// temporary file in the same folder renamed at the end: an existing PDF is replaced whole
// or not at all.
func PDFFile(ctx context.Context, docxPath, pdfPath string) error {
	docx, err := os.ReadFile(docxPath)
	if err != nil {
		return err
	}
	pdf, err := PDF(ctx, docx)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(pdfPath, pdf)
}
