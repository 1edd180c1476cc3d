package render

import (
	"reflect"
	"testing"
)

// With MissingKey(true) the paths are looked up by a function of the engine's; Uses
// still lists them as the template wrote them, and not that function.
func TestUsesWithMissingKeyZero(t *testing.T) {
	body := p(`{{.a.b}} {{printf "%v" .c.d}}`) + p(`{{range $x := .ds}}{{$x.ten.day_du}}{{end}}`)
	for _, zero := range []bool{false, true} {
		tpl := Must(New("t").MissingKey(zero).Parse(docx(t, body)))
		var got []string
		for _, u := range tpl.Uses() {
			got = append(got, u.Kind.String()+" "+u.Name)
		}
		want := []string{"field .a.b", "function printf", "field .c.d", "field .ds", "field .ds[].ten.day_du"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("MissingKey(%v): %q, want %q", zero, got, want)
		}
	}
}
