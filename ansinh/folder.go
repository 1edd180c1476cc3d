package ansinh

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// LoadFunc receives one period file of a folder: its path and either its report or its
// error (a [LoadErrors] naming the file, an I/O error, or the error of reading a
// directory, with a nil report). Returning nil goes on with the next file; returning an
// error stops the walk and [LoadFS] returns that error, so the caller decides whether one
// bad file stops the roll-up: return err to stop at the first, or record it and return
// nil to load the rest. Returning [fs.SkipAll] stops without an error.
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

// LoadFS loads every period file under root in fsys and calls fn for each, in lexical
// order (that of [fs.WalkDir]), from the calling goroutine. Files are those
// [IsPeriodFile] accepts; directories whose name starts with "." or "_" are skipped.
// Error messages name each file by its path in fsys.
//
// Files are read and parsed by GOMAXPROCS goroutines, a few files ahead of fn, and
// handed to fn one at a time: memory holds a few files at a time (plus what fn keeps),
// however many files the folder has, and fn needs no locking. After fn stops the walk no
// more files are read and fn is not called again.
func LoadFS(fsys fs.FS, root string, fn LoadFunc) error {
	return loadFS(fsys, root, "", fn)
}

// LoadDir is [LoadFS] on the directory dir of the file system; paths given to fn and
// in error messages start with dir ("testdata/province/2024-h1/30001.yaml").
func LoadDir(dir string, fn LoadFunc) error {
	return loadFS(os.DirFS(dir), ".", dir, fn)
}

type loadJob struct {
	seq  int
	path string // as shown: with the LoadDir prefix
	open string // path in fsys
	err  error  // a walk error, delivered as is
}

type loadResult struct {
	seq  int
	path string
	r    *Report
	err  error
}

func loadFS(fsys fs.FS, root, prefix string, fn LoadFunc) error {
	name := func(p string) string {
		if prefix == "" {
			return p
		}
		return filepath.Join(prefix, filepath.FromSlash(p))
	}
	workers := runtime.GOMAXPROCS(0)
	window := 4 * workers
	var (
		jobs    = make(chan loadJob)
		results = make(chan loadResult, window)
		slots   = make(chan struct{}, window) // files read ahead of fn
		done    = make(chan struct{})
		wg      sync.WaitGroup
	)
	// The walker hands out files in lexical order, at most window ahead of fn.
	go func() {
		defer close(jobs)
		seq := 0
		send := func(j loadJob) bool {
			select {
			case slots <- struct{}{}:
			case <-done:
				return false
			}
			j.seq = seq
			seq++
			select {
			case jobs <- j:
				return true
			case <-done:
				return false
			}
		}
		_ = fs.WalkDir(fsys, root, func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				// A directory that cannot be read (or a root that does not exist).
				if !send(loadJob{path: name(p), err: err}) {
					return fs.SkipAll
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
			if !send(loadJob{path: name(p), open: p}) {
				return fs.SkipAll
			}
			return nil
		})
	}()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				res := loadResult{seq: j.seq, path: j.path, err: j.err}
				if j.err == nil {
					res.r, res.err = loadOne(fsys, j.open, j.path)
				}
				select {
				case results <- res:
				case <-done:
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Deliver in order.
	pending := map[int]loadResult{}
	next := 0
	var stop error
	stopped := false
	for res := range results {
		if stopped {
			continue // draining, so that every goroutine ends
		}
		pending[res.seq] = res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if err := fn(r.path, r.r, r.err); err != nil {
				stop, stopped = err, true
				close(done)
				break
			}
		}
	}
	if errors.Is(stop, fs.SkipAll) {
		return nil
	}
	return stop
}

func loadOne(fsys fs.FS, open, name string) (*Report, error) {
	data, err := fs.ReadFile(fsys, open)
	if err != nil {
		return nil, err
	}
	return loadBytes(data, name)
}

// loadBytes is Load on data.
func loadBytes(data []byte, name string) (*Report, error) {
	return Load(bytes.NewReader(data), name)
}
