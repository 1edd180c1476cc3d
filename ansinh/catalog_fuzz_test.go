package ansinh

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// FuzzLoadCatalog: any input gives a catalogue or LoadErrors, never a panic; a
// catalogue loads a period file with a bo_sung section without panicking either.
func FuzzLoadCatalog(f *testing.F) {
	sample, err := os.ReadFile("../testdata/custom/danh-muc.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte(miniCatalog))
	f.Add([]byte("chi_tieu:\n  - {ma: a, ten: A, kieu: so_luong, thanh_phan: [b]}\n  - {ma: b, ten: B, kieu: so_luong, thanh_phan: [a]}\n"))
	period, err := os.ReadFile("../testdata/custom/2024-h1/30001.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := LoadCatalog(bytes.NewReader(data), "f.yaml")
		if err != nil {
			var es LoadErrors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %v is not LoadErrors", err)
			}
			return
		}
		if r, err := (Loader{Catalog: c}).Load(bytes.NewReader(period), "p.yaml"); err == nil {
			r.Validate()
			r.Data()
		}
	})
}
