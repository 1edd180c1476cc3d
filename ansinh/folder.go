package ansinh

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// LoadFunc receives one period file of a folder: its path and either its report or its
// error (a [LoadErrors] naming the file, an I/O error, or the error of reading a
// directory, with a nil report). Returning nil goes on with the next file; returning an
// error stops the walk and [LoadFS] returns that error, so the caller decides whether one
// bad file stops the roll-up: return err to stop at the first, or record it and return
// nil to load the rest. Returning [fs.SkipDir] skips the rest of the file's directory,
// [fs.SkipAll] stops without an error.
type LoadFunc func(path string, r *Report, err error) error

// IsPeriodFile reports whether a folder walk loads the file name: a name ending in
// .yaml or .yml (any case) that does not start with "." or "_".
func IsPeriodFile(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
		return false
	}
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// LoadFS loads every period file under root in fsys, in lexical order, one at a time,
// and calls fn for each: memory holds one file at a time (plus what fn keeps). Files are
// those [IsPeriodFile] accepts; directories whose name starts with "." or "_" are
// skipped. Error messages name each file by its path in fsys.
func LoadFS(fsys fs.FS, root string, fn LoadFunc) error {
	return loadFS(fsys, root, "", fn)
}

// LoadDir is [LoadFS] on the directory dir of the file system; paths given to fn and
// in error messages start with dir ("testdata/province/2024-h1/xa-an-hoa.yaml").
func LoadDir(dir string, fn LoadFunc) error {
	return loadFS(os.DirFS(dir), ".", dir, fn)
}

func loadFS(fsys fs.FS, root, prefix string, fn LoadFunc) error {
	name := func(p string) string {
		if prefix == "" {
			return p
		}
		return filepath.Join(prefix, filepath.FromSlash(p))
	}
	err := fs.WalkDir(fsys, root, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			// A directory that cannot be read (or root that does not exist).
			if ferr := fn(name(p), nil, err); ferr != nil {
				return ferr
			}
			if de != nil && de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if de.IsDir() {
			if p != root && (strings.HasPrefix(de.Name(), ".") || strings.HasPrefix(de.Name(), "_")) {
				return fs.SkipDir
			}
			return nil
		}
		if !IsPeriodFile(de.Name()) {
			return nil
		}
		f, err := fsys.Open(p)
		if err != nil {
			return fn(name(p), nil, err)
		}
		r, err := Load(f, name(p))
		f.Close()
		return fn(name(p), r, err)
	})
	if errors.Is(err, fs.SkipAll) {
		return nil
	}
	return err
}
