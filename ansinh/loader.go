package ansinh

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Limits of loading: what a zero [Loader] (and so [Load], [LoadDir] …) uses. Every file
// a host is given, by a commune or through a web page, is read under them.
const (
	// DefaultMaxErrors is how many errors of one file are reported before loading
	// stops with one more error of kind [ErrTooManyErrors]. A real file with a hundred
	// mistakes is better fixed from the first ones; a hostile one costs no more.
	DefaultMaxErrors = 100
	// DefaultMaxFileSize is the largest period or plan file read, in bytes (1 MiB): the
	// reference district report is 28 KB, a generated commune file 3 KB. A larger file
	// is refused with [ErrTooLarge] after reading at most this many bytes.
	DefaultMaxFileSize = 1 << 20
	// MaxNumberLen is the longest text read as a number (a count, an amount, a
	// percentage), in bytes. Longer text is refused with [ErrNumber] before any
	// conversion, so a million digits cost no more than their scan.
	MaxNumberLen = 40
	// MaxCount is the largest count a file may state (999.999.999.999, a thousand
	// billion): far above any real head count, and low enough that adding the counts
	// of millions of units never overflows. A larger count is refused with [ErrRange].
	MaxCount = 999_999_999_999
)

// Kinds of [LoadError], for errors.Is. Every LoadError has one.
var (
	// ErrSyntax: the file is not valid YAML (a tab in the indentation, a colon inside
	// a value, an unclosed bracket or quote, invalid UTF-8 …).
	ErrSyntax = errors.New("ansinh: YAML syntax error")
	// ErrEmptyFile: the file holds no YAML document.
	ErrEmptyFile = errors.New("ansinh: empty file")
	// ErrManyDocuments: the file holds more than one YAML document (a --- line).
	ErrManyDocuments = errors.New("ansinh: more than one YAML document")
	// ErrAlias: a YAML anchor (&a) or alias (*a), refused in period and plan files.
	ErrAlias = errors.New("ansinh: YAML anchor or alias")
	// ErrUnknownKey: a key the model does not have.
	ErrUnknownKey = errors.New("ansinh: unknown key")
	// ErrDuplicateKey: a key (or a list item's ma) given twice.
	ErrDuplicateKey = errors.New("ansinh: duplicate key")
	// ErrMissingKey: a required key, section or value is missing or empty.
	ErrMissingKey = errors.New("ansinh: missing required key")
	// ErrType: a value of the wrong shape: a list where a mapping goes, text in quotes
	// where a number goes …
	ErrType = errors.New("ansinh: wrong kind of value")
	// ErrNumber: number text that is not a number of its kind: separators, a decimal
	// comma, a fraction or a minus sign for a count, longer than MaxNumberLen …
	ErrNumber = errors.New("ansinh: malformed number")
	// ErrAmbiguousNumber: an amount or percentage written like 14.205 (Loader.Strict
	// and plan files), or like 1,855.
	ErrAmbiguousNumber = errors.New("ansinh: ambiguous number")
	// ErrRange: a number outside its range (a count above MaxCount, a year outside
	// MinYear–MaxYear, month 13 …).
	ErrRange = errors.New("ansinh: number out of range")
	// ErrDate: a date not written YYYY-MM-DD, or a day that does not exist.
	ErrDate = errors.New("ansinh: invalid date")
	// ErrValue: any other value the model refuses (an unknown period kind or money
	// unit, an empty name …).
	ErrValue = errors.New("ansinh: invalid value")
	// ErrTooManyErrors: the last error of a file with more than MaxErrors: loading
	// stopped there.
	ErrTooManyErrors = errors.New("ansinh: too many errors")
	// ErrTooLarge: a file larger than MaxFileSize, not read further.
	ErrTooLarge = errors.New("ansinh: file too large")
	// ErrNotRegular: a symbolic link, directory, device or named pipe where a period
	// file was expected, not opened or not read.
	ErrNotRegular = errors.New("ansinh: not a regular file")
)

// A Loader reads period and plan files under limits. Its zero value is what the package
// functions ([Load], [LoadFile], [LoadFS], [LoadDir], [LoadPlan], [LoadPlanFile]) use:
// findings of loading kept as warnings, [DefaultMaxErrors], [DefaultMaxFileSize].
type Loader struct {
	// Strict makes the findings of loading errors: an amount or a percentage written
	// like 14.205, which YAML reads as 14,205 but a clerk may have meant as 14.205
	// (fourteen thousand) is then refused with [ErrAmbiguousNumber] instead of loaded
	// with a warning that [Report.Validate] returns.
	Strict bool
	// MaxErrors is how many errors of a file are reported before loading stops;
	// 0 means DefaultMaxErrors.
	MaxErrors int
	// MaxFileSize is the largest file read, in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Catalog is the catalogue of custom figures (see [Catalog]) period and plan files
	// may use: a period file's bo_sung section and a plan's chi_so bo_sung.<ma>. Nil:
	// none, and a bo_sung section is an error of kind [ErrNoCatalog].
	Catalog *Catalog
}

func (l Loader) maxErrors() int {
	if l.MaxErrors > 0 {
		return l.MaxErrors
	}
	return DefaultMaxErrors
}

func (l Loader) maxFileSize() int64 {
	if l.MaxFileSize > 0 {
		return l.MaxFileSize
	}
	return DefaultMaxFileSize
}

func (l Loader) decoder(name string) *decoder {
	return &decoder{file: name, maxErrs: l.maxErrors(), strict: l.Strict, catalog: l.Catalog}
}

// read reads all of r, at most MaxFileSize bytes: a longer input is a LoadErrors of
// kind ErrTooLarge. An I/O error of r is returned as is. size, when known, is the
// length expected.
func (l Loader) read(r io.Reader, name string, size int64) ([]byte, error) {
	max := l.maxFileSize()
	buf := bytes.NewBuffer(make([]byte, 0, min(size, max)+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > max {
		return nil, fileTooLarge(name, max)
	}
	return data, nil
}

func fileTooLarge(name string, max int64) error {
	return LoadErrors{newLoadError(name, ErrTooLarge, fmt.Sprintf("file larger than %d bytes", max),
		"tệp lớn hơn %d byte, không đọc; tệp số liệu của một đơn vị chỉ vài chục KB: kiểm tra đã chọn đúng tệp", max)}
}

// Load reads one period file (YAML, one document) from r. name is used in error
// messages. On any problem it returns nil and a [LoadErrors] with the errors of the file
// (at most MaxErrors of them). An I/O error from r is returned as is.
func (l Loader) Load(r io.Reader, name string) (*Report, error) {
	return l.load(r, name, 0)
}

// load is Load with the expected size of r, when known (0 otherwise).
func (l Loader) load(r io.Reader, name string, size int64) (*Report, error) {
	data, err := l.read(r, name, size)
	if err != nil {
		return nil, err
	}
	return l.loadBytes(data, name)
}

func (l Loader) loadBytes(data []byte, name string) (*Report, error) {
	d := l.decoder(name)
	rep := d.load(data)
	if err := d.err(); err != nil {
		return nil, err
	}
	rep.loaded = d.warnings
	return rep, nil
}

// LoadFile reads the period file at path; see [Loader.Load]. A path that is not a
// regular file (a directory, a device, a named pipe) is refused with [ErrNotRegular]
// before it is opened.
func (l Loader) LoadFile(path string) (*Report, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return l.Load(f, path)
}

// openRegular opens path if it is a regular file (following symbolic links: the host
// chose the path). The file is opened without blocking and checked once open, so a named
// pipe is refused rather than waited on.
func openRegular(path string) (*os.File, error) {
	f, err := openFile(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(path, st.Mode())
	}
	return f, nil
}

// dirFS is os.DirFS(dir) whose files are opened with openFile, without blocking.
type dirFS struct {
	dir  string
	fsys fs.FS // os.DirFS(dir), for listing directories
}

func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return d.fsys.Open(name)
	}
	f, err := openFile(filepath.Join(d.dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, err // a *PathError naming dir/name
	}
	return f, nil
}

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.fsys, name) }

func notRegular(name string, mode fs.FileMode) error {
	what, detail := "một tệp đặc biệt", "a special file"
	switch {
	case mode&fs.ModeSymlink != 0:
		what, detail = "một liên kết tượng trưng", "a symbolic link"
	case mode.IsDir():
		what, detail = "một thư mục", "a directory"
	case mode&fs.ModeNamedPipe != 0:
		what, detail = "một ống dẫn dữ liệu", "a named pipe"
	case mode&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		what, detail = "một thiết bị", "a device"
	}
	return LoadErrors{newLoadError(name, ErrNotRegular, "not a regular file but "+detail+", not read",
		"đây là %s, không phải tệp số liệu; chép tệp .yaml thật vào thư mục", what)}
}

// LoadFS is [Loader.LoadFSContext] without a context.
func (l Loader) LoadFS(fsys fs.FS, root string, fn LoadFunc) error {
	return l.LoadFSContext(context.Background(), fsys, root, fn)
}

// LoadDir is [Loader.LoadDirContext] without a context.
func (l Loader) LoadDir(dir string, fn LoadFunc) error {
	return l.LoadDirContext(context.Background(), dir, fn)
}

// LoadDirContext is [Loader.LoadFSContext] on the directory dir of the file system;
// paths given to fn and in error messages start with dir
// ("testdata/province/2024-h1/30001.yaml").
func (l Loader) LoadDirContext(ctx context.Context, dir string, fn LoadFunc) error {
	return l.loadFS(ctx, dirFS{dir: dir, fsys: os.DirFS(dir)}, ".", dir, fn)
}

// LoadFile reads the period file at path with the default [Loader]; see [Load].
func LoadFile(path string) (*Report, error) { return Loader{}.LoadFile(path) }

// Load reads one period file (YAML, one document) from r with the default [Loader]:
// name is used in error messages; on any problem it returns nil and a [LoadErrors] with
// the errors of the file. An I/O error from r is returned as is.
func Load(r io.Reader, name string) (*Report, error) { return Loader{}.Load(r, name) }

// LoadFS loads every period file under root in fsys with the default [Loader]; see
// [Loader.LoadFSContext].
func LoadFS(fsys fs.FS, root string, fn LoadFunc) error { return Loader{}.LoadFS(fsys, root, fn) }

// LoadDir is [LoadFS] on the directory dir of the file system; paths given to fn and
// in error messages start with dir ("testdata/province/2024-h1/30001.yaml").
func LoadDir(dir string, fn LoadFunc) error { return Loader{}.LoadDir(dir, fn) }

// LoadPlanFile reads the plan file at path with the default [Loader]; see [LoadPlan].
func LoadPlanFile(path string) (*Plan, error) { return Loader{}.LoadPlanFile(path) }

// LoadPlan reads a plan file (YAML, see [Plan]) from r with the default [Loader]; name
// is used in messages. Like [Load] it is strict (unknown and duplicate keys, a chi_so
// that names no figure, a fraction for a count, a zero target …) and returns the errors
// of the file as [LoadErrors], each with file:line:column.
func LoadPlan(r io.Reader, name string) (*Plan, error) { return Loader{}.LoadPlan(r, name) }

// LoadPlanFile reads the plan file at path; see [Loader.LoadPlan].
func (l Loader) LoadPlanFile(path string) (*Plan, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return l.LoadPlan(f, path)
}

// LoadPlan reads a plan file from r; see [LoadPlan]. A plan has no findings to carry a
// warning, so a target written like 14.205 is always an error of kind
// [ErrAmbiguousNumber], as with Strict.
func (l Loader) LoadPlan(r io.Reader, name string) (*Plan, error) {
	data, err := l.read(r, name, 0)
	if err != nil {
		return nil, err
	}
	d := l.decoder(name)
	d.strict = true
	p := d.loadPlan(data)
	if err := d.err(); err != nil {
		return nil, err
	}
	return p, nil
}
