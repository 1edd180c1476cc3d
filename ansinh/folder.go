package ansinh

import (
	"context"
	"errors"
	"io/fs"
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

// LoadFSContext loads every period file under root in fsys and calls fn for each, in
// lexical order (that of [fs.WalkDir]), from the calling goroutine. Files are those
// [IsPeriodFile] accepts; directories whose name starts with "." or "_" are skipped.
// Error messages name each file by its path in fsys.
//
// Only regular files are read: a symbolic link (even to a file inside the folder), a
// device or a named pipe with a period file's name is given to fn as a [LoadErrors] of
// kind [ErrNotRegular], without opening it (nothing of what it points to is read or
// quoted). A file larger than MaxFileSize is refused with [ErrTooLarge] after reading at
// most that many bytes.
//
// Files are read and parsed by GOMAXPROCS goroutines, a few files ahead of fn, and
// handed to fn one at a time: memory holds a few files at a time (plus what fn keeps),
// however many files the folder has, and fn needs no locking. After fn stops the walk, or
// ctx is done (LoadFSContext then returns ctx's error), no more files are read and fn is
// not called again; every goroutine has ended when LoadFSContext returns, also when fn
// panics (the panic goes on to the caller).
func (l Loader) LoadFSContext(ctx context.Context, fsys fs.FS, root string, fn LoadFunc) error {
	return l.loadFS(ctx, fsys, root, "", fn)
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

// walkPeriodFiles calls send for every period file under root, in lexical order, and
// for every directory that cannot be read; it stops when send returns false.
func walkPeriodFiles(fsys fs.FS, root string, name func(string) string, send func(loadJob) bool) {
	_ = fs.WalkDir(fsys, root, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			// A directory that cannot be read (or a root that does not exist), named as
			// the caller named it rather than as the file system does (".").
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = &fs.PathError{Op: pe.Op, Path: name(p), Err: pe.Err}
			}
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
		j := loadJob{path: name(p), open: p}
		if !de.Type().IsRegular() {
			// Not opened: a named pipe would block, a link may lead out of the folder.
			j.err = notRegular(j.path, de.Type())
		}
		if !send(j) {
			return fs.SkipAll
		}
		return nil
	})
}

func (l Loader) loadFS(ctx context.Context, fsys fs.FS, root, prefix string, fn LoadFunc) (stop error) {
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
	// Whatever ends the delivery (fn's error, ctx, a panic of fn), the walker and the
	// workers stop, and every goroutine has ended before loadFS returns.
	defer func() {
		close(done)
		for range results {
		}
	}()
	// The walker hands out files in lexical order, at most window ahead of fn.
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		seq := 0
		walkPeriodFiles(fsys, root, name, func(j loadJob) bool {
			select {
			case slots <- struct{}{}:
			case <-done:
				return false
			case <-ctx.Done():
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
		})
	}()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				res := loadResult{seq: j.seq, path: j.path, err: j.err}
				if j.err == nil && ctx.Err() == nil {
					res.r, res.err = l.loadOne(fsys, j.open, j.path)
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
	stop = deliver(ctx, results, slots, fn)
	if errors.Is(stop, fs.SkipAll) {
		return nil
	}
	return stop
}

// deliver calls fn for the results in their walk order until they end, fn returns an
// error or ctx is done, and returns that error.
func deliver(ctx context.Context, results <-chan loadResult, slots <-chan struct{}, fn LoadFunc) error {
	pending := map[int]loadResult{}
	next := 0
	for {
		var (
			res loadResult
			ok  bool
		)
		select {
		case res, ok = <-results:
		case <-ctx.Done():
			return ctx.Err()
		}
		if !ok {
			return ctx.Err()
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
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(r.path, r.r, r.err); err != nil {
				return err
			}
		}
	}
}

// loadOne reads one file of the folder: a regular file (checked again on the open file,
// should it have been replaced since the walk) of at most MaxFileSize bytes.
func (l Loader) loadOne(fsys fs.FS, open, name string) (*Report, error) {
	f, err := fsys.Open(open)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(name, st.Mode())
	}
	if max := l.maxFileSize(); st.Size() > max {
		return nil, fileTooLarge(name, max)
	}
	return l.load(f, name, st.Size())
}
