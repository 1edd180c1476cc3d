package rendertest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ansinh-vn/baocao/render/office"
)

// ErrNoLibreOffice is returned by [LibreOfficeText] and [LibreOfficeConvert]
// when neither soffice nor libreoffice is on PATH. It is [office.ErrNotInstalled].
var ErrNoLibreOffice = office.ErrNotInstalled

// RequireEnv is the environment variable that turns a missing LibreOffice
// from a skipped test into a failed one in [RequireLibreOffice]. CI sets it
// to "1", so that the LibreOffice tests cannot silently stop running there.
const RequireEnv = "BAOCAO_REQUIRE_LIBREOFFICE"

// TextFormat is the --convert-to argument of [LibreOfficeText]: LibreOffice's
// "Text (encoded)" export filter in UTF-8. The plain "txt:Text" filter writes
// the locale's character set, which loses Vietnamese diacritics.
const TextFormat = "txt:Text (encoded):UTF8"

// RequireLibreOffice skips the test when LibreOffice is not installed, or
// fails it if the environment variable BAOCAO_REQUIRE_LIBREOFFICE ([RequireEnv])
// is "1". In -short mode it skips too, since every conversion starts a
// LibreOffice process (a few seconds), again unless the variable is "1".
func RequireLibreOffice(t testing.TB) {
	t.Helper()
	required := os.Getenv(RequireEnv) == "1"
	if _, err := office.Path(); err != nil {
		if required {
			t.Fatalf("%v, and %s=1 requires it", err, RequireEnv)
		}
		t.Skipf("%v (set %s=1 to make this a failure)", err, RequireEnv)
	}
	if testing.Short() && !required {
		t.Skip("LibreOffice tests are slow; skipped in -short mode")
	}
}

// LibreOfficeText opens a .docx in LibreOffice (headless) and returns the
// text LibreOffice exports from it, in UTF-8 with "\n" line ends and no byte
// order mark.
//
// This is what a word processor makes of the file, so it checks more than
// [WellFormed]: a document that LibreOffice cannot open is an error (not an
// empty text). The text differs from that of [Text] in ways a test must
// allow for: each paragraph of a table cell is a line of its own (no tabs
// between cells); headers, footers and the bodies of footnotes and endnotes
// are left out; a footnote or endnote reference shows its number or mark;
// tracked deletions and some field codes show. To see headers, footers and
// notes, convert to PDF with [LibreOfficeConvert].
//
// The conversion is [office.Convert] (one implementation for programs and
// tests): import filter forced to "MS Word 2007 XML", export filter
// [TextFormat], a throw-away hardened user profile in a temporary directory
// (so calls may run concurrently, never touch the user's own profile, run no
// macro and load nothing a document links to).
// Cancel ctx or give it a deadline to bound the time (without one,
// [office.DefaultTimeout] applies); on expiry the LibreOffice processes are
// killed. It returns an error wrapping [ErrNoLibreOffice] when LibreOffice
// is not installed.
func LibreOfficeText(ctx context.Context, docx []byte) (string, error) {
	texts, err := LibreOfficeTexts(ctx, [][]byte{docx})
	if err != nil {
		return "", err
	}
	return texts[0], nil
}

// LibreOfficeTexts is [LibreOfficeText] for many documents with one start
// of LibreOffice, which is most of the cost of a conversion (seconds). The
// texts are in the order of docs. If some documents cannot be converted,
// their texts are empty and the error names them (by index); the other
// texts are returned.
func LibreOfficeTexts(ctx context.Context, docs [][]byte) ([]string, error) {
	outs, err := LibreOfficeConvertAll(ctx, docs, TextFormat)
	if outs == nil {
		return nil, err
	}
	texts := make([]string, len(outs))
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	for i, out := range outs {
		if out == nil {
			continue
		}
		out = bytes.TrimPrefix(out, []byte("\xEF\xBB\xBF"))
		if !utf8.Valid(out) {
			errs = append(errs, fmt.Errorf("rendertest: document %d: LibreOffice text is not valid UTF-8", i))
			continue
		}
		texts[i] = strings.ReplaceAll(string(out), "\r\n", "\n")
	}
	return texts, errors.Join(errs...)
}

// LibreOfficeConvert opens a .docx in LibreOffice (headless) and converts it
// to format, given as for soffice --convert-to: "pdf", "odt", "html",
// [TextFormat]… It returns the bytes of the converted file. The conversion
// runs as described for [LibreOfficeText]; a file LibreOffice cannot open
// is an error, since soffice itself exits with status 0 then and only
// leaves no output file.
func LibreOfficeConvert(ctx context.Context, docx []byte, format string) ([]byte, error) {
	outs, err := LibreOfficeConvertAll(ctx, [][]byte{docx}, format)
	if err != nil {
		return nil, err
	}
	return outs[0], nil
}

// LibreOfficeConvertAll is [LibreOfficeConvert] for many documents with one
// start of LibreOffice. The outputs are in the order of docs. If some
// documents cannot be converted, their outputs are nil and the error names
// them (by index); the other outputs are returned. If LibreOffice cannot
// run at all, or ctx ends, the outputs are nil.
//
// It is [office.ConvertAll]: the conversion logic lives in package
// render/office, which programs use to make PDFs.
func LibreOfficeConvertAll(ctx context.Context, docs [][]byte, format string) ([][]byte, error) {
	return office.ConvertAll(ctx, docs, format)
}
