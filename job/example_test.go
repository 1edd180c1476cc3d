package job_test

import (
	"context"
	"fmt"
	"os"

	"github.com/ansinh-vn/baocao/job"
)

// Render a period file with the standard template of its unit, as the command baocao
// and the web page do.
func ExampleRender() {
	data, err := os.ReadFile("../testdata/tayson-2023-h1.yaml")
	if err != nil {
		panic(err)
	}
	res, err := job.Render(context.Background(), job.Request{
		Data: &job.File{Name: "tayson-2023-h1.yaml", Data: data},
	})
	if err != nil {
		for _, e := range res.Errors {
			fmt.Println(e)
		}
		return
	}
	fmt.Println(res.FileName, len(res.Document) > 0, len(res.Findings), "cảnh báo")
	// Output: tayson-2023-h1.docx true 2 cảnh báo
}

// Check a template against a period file: Errors is empty exactly when Render would
// succeed.
func ExampleCheck() {
	data, _ := os.ReadFile("../testdata/tayson-2023-h1.yaml")
	tpl, _ := os.ReadFile("../testdata/tayson/template.docx")
	res, err := job.Check(context.Background(), job.Request{
		Data:     &job.File{Name: "tayson-2023-h1.yaml", Data: data},
		Template: &job.File{Name: "template.docx", Data: tpl},
	})
	fmt.Println(err, len(res.Errors))
	// Output: <nil> 0
}
