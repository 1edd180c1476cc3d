// Command gen writes the sample unit data of the province example: one period file per
// commune for the first half of 2024 and of 2023, and the province's 2024 plan.
//
//	go run ./examples/province/gen                  # writes testdata/province
//	go run ./examples/province/gen -n 40 -dir /tmp/p
//
// The output depends only on -n: running it again writes the same bytes (see package
// unitgen). The files in testdata/province are its output with the defaults.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ansinh-vn/baocao/internal/unitgen"
)

func main() {
	dir := flag.String("dir", "testdata/province", "output directory")
	n := flag.Int("n", 12, "number of units")
	year := flag.Int("year", 2024, "year of the current period (the previous year is written too)")
	flag.Parse()
	if err := run(*dir, *n, *year); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(dir string, n, year int) error {
	for _, y := range []int{year, year - 1} {
		sub := filepath.Join(dir, fmt.Sprintf("%d-h1", y))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			f := unitgen.Generate(i, y)
			if err := os.WriteFile(filepath.Join(sub, unitgen.FileName(i)), []byte(f.YAML()), 0o644); err != nil {
				return err
			}
		}
	}
	plan := filepath.Join(dir, fmt.Sprintf("ke-hoach-%d.yaml", year))
	if err := os.WriteFile(plan, []byte(unitgen.PlanYAML(n, year)), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d units × 2 years and %s in %s\n", n, filepath.Base(plan), dir)
	return nil
}
