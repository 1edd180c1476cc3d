package ansinh

import (
	"github.com/ansinh-vn/baocao/render"
)

// ParseTemplateFile parses the Word template (.docx) at path with the report functions
// ([Funcs]): the one way to read a clerk's own report template. Execute it with a
// report's [Report.Data] (or a roll-up's [Rollup.Data]).
func ParseTemplateFile(path string) (*render.Template, error) {
	return render.New(path).Funcs(Funcs()).ParseFile(path)
}

// ParseTemplate parses a Word template (.docx) held in memory, named name in error
// messages, with the report functions ([Funcs]).
func ParseTemplate(name string, docx []byte) (*render.Template, error) {
	return render.New(name).Funcs(Funcs()).Parse(docx)
}
