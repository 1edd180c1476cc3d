package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/render/rendertest"
)

// validPeriodFiles are the committed period files that load and validate.
func validPeriodFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../../testdata/*.yaml", "../../ansinh/testdata/*.yaml", "../../testdata/province/*/*.yaml"} {
		names, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			r, err := ansinh.LoadFile(n)
			if err != nil || r.Validate().HasErrors() {
				continue
			}
			files = append(files, n)
		}
	}
	if len(files) < 27 {
		t.Fatalf("only %d valid period files: %v", len(files), files)
	}
	return files
}

// Every valid period file has everything the standard template of its level needs.
func TestCheckStandardTemplate(t *testing.T) {
	for _, f := range validPeriodFiles(t) {
		var out, errOut bytes.Buffer
		if code := run(&out, &errOut, "", f, "", true); code != 0 || strings.Contains(out.String(), "✗") {
			t.Errorf("%s: exit %d:\n%s%s", f, code, errOut.String(), out.String())
		}
		if !strings.Contains(out.String(), "Dữ liệu có đủ mọi mục mẫu cần.") {
			t.Errorf("%s: %s", f, out.String())
		}
	}
}

// Without -template, a file is rendered through the standard template of its level.
func TestRenderStandardTemplate(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ data, units, header, says string }{
		{"../../testdata/xa-2025-h2.yaml", "", "XÃ THẠNH HƯNG", "UBND xã đã chỉ đạo Phòng Văn hóa - Xã hội"},
		{"../../testdata/tayson-2023-h1.yaml", "", "HUYỆN TÂY SƠN", "Phòng giao dịch Ngân hàng Chính sách xã hội huyện đã giải ngân cho 2.214 lượt hộ vay"},
		{"../../testdata/province/binh-an-2024-h1.yaml", "../../testdata/province/2024-h1", "TỈNH BÌNH AN", "Kết quả của các đơn vị trực thuộc 6 tháng đầu năm 2024"},
	} {
		out := filepath.Join(dir, "out.docx")
		var stdout, stderr bytes.Buffer
		if code := runUnits(&stdout, &stderr, "", tc.data, tc.units, out, false); code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.data, code, stderr.String())
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		text, err := rendertest.Text(b)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, tc.header) || !strings.Contains(text, tc.says) {
			t.Errorf("%s: the report lacks %q or %q:\n%s", tc.data, tc.header, tc.says, text)
		}
	}
	// A district after the reform has no standard template.
	src, err := os.ReadFile("../../testdata/tayson-2023-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	late := filepath.Join(dir, "late.yaml")
	if err := os.WriteFile(late, bytes.Replace(src, []byte("  nam: 2023\n  loai: 6-thang-dau"), []byte("  nam: 2025\n  loai: 6-thang-cuoi"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(&stdout, &stderr, "", late, filepath.Join(dir, "x.docx"), false); code != 1 || !strings.Contains(stderr.String(), "sau khi bỏ cấp huyện") {
		t.Errorf("a district in 2025-H2: exit %d, %s", code, stderr.String())
	}
}
