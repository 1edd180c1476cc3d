package ansinh

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
)

// LoadDirCatalog loads every .yaml file of dir with the catalogue c, in name order, for
// the external tests.
func LoadDirCatalog(dir string, c *Catalog, fn LoadFunc) error {
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		r, err := loadCatalogued(bytes.NewReader(data), name, c)
		if err := fn(name, r, err); err != nil {
			return err
		}
	}
	return nil
}
