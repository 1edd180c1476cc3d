package render

import (
	"reflect"
	"testing"
)

func TestLineStarts(t *testing.T) {
	for s, want := range map[string][]int{
		"":            {0},
		"a":           {0},
		"\n":          {0, 1},
		"ab\ncd\n\ne": {0, 3, 6, 7},
		"\n\nx\n":     {0, 1, 2, 4},
	} {
		if got := lineStarts(s); !reflect.DeepEqual(got, want) {
			t.Errorf("lineStarts(%q) = %v, want %v", s, got, want)
		}
	}
}
