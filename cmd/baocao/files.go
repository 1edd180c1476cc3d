package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/diag"
	"github.com/ansinh-vn/baocao/job"
)

// readFile reads the file at path, at most max bytes and one more (so that the job
// sees it is too large without the command reading all of it). A file that cannot be
// read gives an entry.
func readFile(path string, max int64) (*job.File, *diag.Entry) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileEntry(path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fileEntry(path, err)
	}
	return &job.File{Name: path, Data: b}, nil
}

// optional reads the file at path when path is not empty.
func optional(path string, max int64, errs *[]diag.Entry) *job.File {
	if path == "" {
		return nil
	}
	f, e := readFile(path, max)
	if e != nil {
		*errs = append(*errs, *e)
	}
	return f
}

// readUnits reads the period files of the folder dir (those ansinh.IsPeriodFile
// accepts, not in subfolders), in name order, at most lim.MaxUnits and one more.
func readUnits(dir string, lim job.Limits, errs *[]diag.Entry) []job.File {
	ents, err := os.ReadDir(dir)
	if err != nil {
		*errs = append(*errs, *fileEntry(dir, err))
		return nil
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	var out []job.File
	for _, e := range ents {
		if e.IsDir() || !ansinh.IsPeriodFile(e.Name()) {
			continue
		}
		if len(out) > lim.MaxUnits {
			break
		}
		f, fe := readFile(filepath.Join(dir, e.Name()), lim.MaxDataSize)
		if fe != nil {
			*errs = append(*errs, *fe)
			continue
		}
		out = append(out, *f)
	}
	if len(out) == 0 && len(*errs) == 0 {
		*errs = append(*errs, diag.Entry{Kind: "no_units", Severity: diag.SeverityError, File: dir,
			Message: "thư mục không có tệp số liệu nào (.yaml) của đơn vị trực thuộc"})
	}
	return out
}

// fileEntry describes a file that cannot be read.
func fileEntry(path string, err error) *diag.Entry {
	e := diag.FromError(err)[0]
	e.File = path
	if os.IsPermission(err) {
		e.Kind, e.Message = "permission", "không có quyền đọc tệp: kiểm tra quyền của tệp, hoặc chép tệp sang thư mục khác"
	}
	return &e
}

// writeFile writes b to path through a temporary file in the same folder, renamed over
// path only when complete: a failed write never leaves half a report nor loses the file
// that was there.
func writeFile(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// writeFailed says in Vietnamese that path could not be written (the system's own
// words are English; the advice covers the usual causes).
func writeFailed(e env, path string) int {
	fmt.Fprintf(e.stderr, "lỗi: không ghi được tệp %s: kiểm tra thư mục có tồn tại, có quyền ghi, và tệp không đang mở trong Word\n", path)
	return exitProblems
}
