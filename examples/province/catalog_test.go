package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/render/rendertest"
)

const custom = "../../testdata/custom"

// -catalog: the units' files with custom figures, the plan with custom targets, and the
// standard province template printing them.
func TestCatalogFlag(t *testing.T) {
	o := testOptions(t)
	o.catalog = custom + "/danh-muc.yaml"
	o.units, o.previous, o.plan = custom+"/2024-h1", custom+"/2023-h1", custom+"/ke-hoach-2024.yaml"
	var stderr bytes.Buffer
	if code := run(&stderr, o); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "bo_sung.diem_tu_van") {
		t.Errorf("the not-summable finding is not reported:\n%s", stderr.String())
	}
	b, err := os.ReadFile(o.out)
	if err != nil {
		t.Fatal(err)
	}
	text, err := rendertest.Text(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"3.8. Các chỉ tiêu bổ sung",
		"- Người khuyết tật được hưởng trợ cấp hằng tháng: 612 người, tăng 48 người so với cùng kỳ năm trước.",
		"Trợ cấp người khuyết tật",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q", want)
		}
	}

	// Without the catalogue the same files are refused, each naming what is missing.
	o.catalog = ""
	stderr.Reset()
	if code := run(&stderr, o); code != 1 || !strings.Contains(stderr.String(), "cần nạp kèm tệp danh mục chỉ tiêu bổ sung") {
		t.Errorf("without -catalog: exit %d\n%s", code, stderr.String())
	}
}
