package diag

import (
	"os"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/ansinh"
)

// TestLoadMessages: each kind of loading error keeps its place and gets its code.
func TestLoadMessages(t *testing.T) {
	ref, err := os.ReadFile("../testdata/tayson-2023-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(ref)
	cases := []struct {
		name, yaml string
		want       Entry
		says       string
	}{
		{"tab", "don_vi:\n\tten: A\n", Entry{Kind: "yaml_syntax", Line: 2, Column: 1}, "thay Tab bằng dấu cách"},
		{"colon", strings.Replace(src, "  ten: Tây Sơn", "  ten: Tây Sơn: huyện", 1), Entry{Kind: "yaml_syntax", Line: 8}, "đặt giá trị trong dấu ngoặc kép"},
		{"unknown key", strings.Replace(src, "  cap_tren:", "  cap_tre:", 1), Entry{Kind: "unknown_key", Line: 10, Column: 3, Path: "don_vi.cap_tre"}, `có phải là "cap_tren"?`},
		{"duplicate key", strings.Replace(src, "  cap_tren:", "  cap:", 1), Entry{Kind: "duplicate_key", Line: 10, Column: 3, Path: "don_vi.cap"}, "bị lặp"},
		{"empty", "", Entry{Kind: "empty_file"}, "tệp rỗng"},
		{"alias", "don_vi: &a {ten: A}\nx: *a\n", Entry{Kind: "yaml_alias", Line: 1}, "neo &a"},
		{"number", strings.Replace(src, "so_ho: 38459", "so_ho: 38,459", 1), Entry{Kind: "number"}, "38,459"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ansinh.Load(strings.NewReader(c.yaml), "ky.yaml")
			es := FromError(err)
			if len(es) == 0 {
				t.Fatalf("no entries from %v", err)
			}
			e := es[0]
			if e.Kind != c.want.Kind || e.File != "ky.yaml" || (c.want.Line != 0 && e.Line != c.want.Line) || (c.want.Column != 0 && e.Column != c.want.Column) ||
				(c.want.Path != "" && e.Path != c.want.Path) || !strings.Contains(e.Message, c.says) || e.Severity != SeverityError {
				t.Errorf("got %+v, want %+v saying %q", es, c.want, c.says)
			}
		})
	}
}

// A plan naming a custom figure without its catalogue, and a catalogue that contradicts
// itself, get their own codes.
func TestCatalogKinds(t *testing.T) {
	plan, err := os.ReadFile("../testdata/custom/ke-hoach-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ansinh.LoadPlan(strings.NewReader(string(plan)), "ke-hoach.yaml")
	if es := FromError(err); len(es) == 0 || es[0].Kind != "catalog_needed" || !strings.Contains(es[0].Message, "danh mục chỉ tiêu bổ sung") {
		t.Errorf("plan without a catalogue: %+v (%v)", es, err)
	}
	cat := "chi_tieu:\n  - ma: nkt\n    ten: Người khuyết tật\n    kieu: so_luong\n    thanh_phan: [a]\n"
	_, err = ansinh.LoadCatalog(strings.NewReader(cat), "danh-muc.yaml")
	es := FromError(err)
	found := false
	for _, e := range es {
		found = found || e.Kind == "catalog"
	}
	if !found {
		t.Errorf("contradictory catalogue: %+v (%v)", es, err)
	}
}
