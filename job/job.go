// Package job is the one way this module turns a clerk's files into a report: the
// command baocao and the web page both call it, so that neither adds a rule of its own.
//
// A [Request] holds the inputs as bytes with their names (a period file, or a parent's
// own file and its units' files; optionally a template, last year's file and a plan).
// [Render] loads and validates them, chooses the standard template of the unit (package
// ansinh/mau) or parses the given one, fills it, and converts it to PDF when asked.
// [Check] says, without making a document, exactly whether Render would succeed: it
// checks the template and, with data, fills it for a trial. Both return every problem
// as a located Vietnamese [diag.Entry].
package job

import (
	"bytes"
	"context"
	"errors"
	"path"
	"strings"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/ansinh/chart"
	"github.com/ansinh-vn/baocao/ansinh/mau"
	"github.com/ansinh-vn/baocao/diag"
	"github.com/ansinh-vn/baocao/internal/docformat"
	"github.com/ansinh-vn/baocao/render"
	"github.com/ansinh-vn/baocao/render/office"
)

// File is one input file: its name (shown in messages; never opened) and its bytes.
type File struct {
	Name string
	Data []byte
}

// Request is what to render or check.
type Request struct {
	// Data is the period file (YAML); with Units, the parent's own period file (see
	// ansinh.LoadOwn). Optional for Check, required for Render.
	Data *File
	// Units are the units' period files of a parent report (ansinh.ParentReport).
	Units []File
	// Template is the Word template (.docx); nil: the standard template of the unit's
	// tier and period (package ansinh/mau).
	Template *File
	// Catalog is the catalogue of custom figures (ansinh.LoadCatalog) that the period
	// files' bo_sung sections are read against; optional.
	Catalog *File
	// Previous is the unit's period file of the same period last year (so_sanh).
	Previous *File
	// Plan is the unit's plan for the year (ke_hoach).
	Plan *File
	// PDF asks Render for a PDF, converted by LibreOffice (render/office).
	PDF bool
	// Review asks Render for a review draft: every finding of the data as a Word
	// comment beside the figure it concerns (see review.go).
	Review bool
	// Limits bounds the inputs; the zero value means DefaultLimits.
	Limits Limits
}

// Result is what Render or Check found and made.
type Result struct {
	// Document is the report (.docx, or PDF when asked); nil from Check and on failure.
	Document []byte
	// Docx is the .docx report, also when Document is its PDF; nil from Check and on
	// failure.
	Docx []byte
	// FileName is the document's name: the period file's name with .docx or .pdf.
	FileName string
	// ContentType is the document's media type.
	ContentType string
	// Errors are the problems that stop the report, in the order found: template
	// errors (grouped by part and paragraph), data errors, errors of the trial render.
	Errors []diag.Entry
	// Findings are the findings of the data that do not stop the report (warnings),
	// and the template's data paths that this data lacks but this render did not reach.
	Findings []diag.Entry
}

// OK reports whether the report can be (or was) made: no entry of Errors.
func (r *Result) OK() bool { return len(r.Errors) == 0 }

// ErrInvalid is the error Render and Check return when the inputs have problems; the
// Result's Errors say which.
var ErrInvalid = errors.New("job: the inputs have errors")

// ErrTooLarge is returned, besides ErrInvalid, when an input is over its Limits (a web
// host answers 413).
var ErrTooLarge = errors.New("job: an input is over its limit")

// Media types of the documents.
const (
	ContentTypeDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	ContentTypePDF  = "application/pdf"
)

// Render makes the report: load, validate, choose or parse the template, fill it, and
// convert to PDF when asked. On any problem it returns the Result with its Errors and
// an error matching ErrInvalid (errors.Is), which also matches ErrTooLarge when an
// input is over its Limits, and the context's error when ctx ended.
func Render(ctx context.Context, req Request) (*Result, error) {
	res := &Result{}
	if req.Data == nil {
		res.Errors = append(res.Errors, noDataEntry())
		return res, ErrInvalid
	}
	p, err := prepare(ctx, req, res)
	if err != nil || !res.OK() {
		return res, failed(err)
	}
	var buf bytes.Buffer
	if err := p.execute(ctx, &buf, req.Review); err != nil {
		res.Errors = append(res.Errors, diag.FromErrorData(err, p.data)...)
		return res, failed(ctxErr(ctx))
	}
	res.Document, res.ContentType = buf.Bytes(), ContentTypeDocx
	res.Docx = res.Document
	res.FileName = docName(req.Data.Name, ".docx")
	if req.PDF {
		pdf, err := office.PDF(ctx, res.Document)
		if err != nil {
			res.Document, res.Docx = nil, nil
			res.Errors = append(res.Errors, diag.FromError(err)...)
			return res, failed(ctxErr(ctx))
		}
		res.Document, res.ContentType = pdf, ContentTypePDF
		res.FileName = docName(req.Data.Name, ".pdf")
	}
	return res, nil
}

// Check says whether Render would succeed with the same request, without making the
// document. Without Data it checks the template alone (Template is then required).
// With Data it loads and validates as Render does and fills the template for a trial:
// Errors is empty exactly when Render would succeed (but for the PDF conversion, which
// Check does not run). The template's data paths that the data lacks in places this
// data does not reach (a branch not taken) are listed in Findings as warnings.
func Check(ctx context.Context, req Request) (*Result, error) {
	res := &Result{}
	if req.Data == nil {
		if req.Template == nil {
			res.Errors = append(res.Errors, noDataEntry())
			return res, ErrInvalid
		}
		if es := req.Limits.withDefaults().check(req); len(es) > 0 {
			res.Errors = append(res.Errors, es...)
			return res, errors.Join(ErrInvalid, ErrTooLarge)
		}
		if _, err := parseTemplate(req.Template); err != nil {
			res.Errors = append(res.Errors, diag.FromError(err)...)
			return res, ErrInvalid
		}
		return res, nil
	}
	p, err := prepare(ctx, req, res)
	if err != nil || !res.OK() {
		return res, failed(err)
	}
	trial := p.tpl.ExecuteContext(ctx, discard{}, p.data)
	missing := diag.FromErrorData(p.tpl.Check(p.data), p.data)
	if trial != nil {
		res.Errors = append(res.Errors, mergeEntries(diag.FromErrorData(trial, p.data), missing)...)
		return res, failed(ctxErr(ctx))
	}
	for _, m := range missing {
		m.Severity = diag.SeverityWarning
		m.Message += " (lần này không cần vì số liệu không đi qua đoạn này, nhưng với số liệu khác mẫu sẽ lỗi)"
		res.Findings = append(res.Findings, m)
	}
	return res, nil
}

// discard is io.Discard as an io.Writer that Execute writes the whole package to.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// failed is ErrInvalid, joined with err when there is one (the context's error).
func failed(err error) error {
	if err == nil {
		return ErrInvalid
	}
	return errors.Join(ErrInvalid, err)
}

func ctxErr(ctx context.Context) error { return ctx.Err() }

// mergeEntries appends to first the entries of more that are not already in first
// (same kind, place and tag), so that each problem shows once.
func mergeEntries(first, more []diag.Entry) []diag.Entry {
	type key struct {
		kind, part, tag string
		para            int
	}
	seen := map[key]bool{}
	for _, e := range first {
		seen[key{e.Kind, e.Part, e.Tag, e.Paragraph}] = true
		seen[key{e.Kind, e.Part, e.Path, e.Paragraph}] = true
	}
	for _, e := range more {
		if !seen[key{e.Kind, e.Part, e.Tag, e.Paragraph}] {
			first = append(first, e)
		}
	}
	return first
}

func noDataEntry() diag.Entry {
	return diag.Entry{Kind: "no_data", Severity: diag.SeverityError,
		Message: "chưa có tệp số liệu của kỳ báo cáo (.yaml): chọn tệp số liệu"}
}

// docName is the period file's name with ext instead of its own: "tayson-2023-h1.docx".
func docName(dataName, ext string) string {
	base := path.Base(strings.ReplaceAll(dataName, "\\", "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	if base == "" || base == "." || base == "/" {
		base = "baocao"
	}
	return base + ext
}

// prepared is a loaded report with its data tree and its template.
type prepared struct {
	report *ansinh.Report
	data   map[string]any
	tpl    *render.Template
}

// prepare loads the data and the template, adding every problem to res; it returns
// an error only when ctx ended or an input is over its limit (ErrTooLarge).
func prepare(ctx context.Context, req Request, res *Result) (*prepared, error) {
	lim := req.Limits.withDefaults()
	if es := lim.check(req); len(es) > 0 {
		res.Errors = append(res.Errors, es...)
		return nil, ErrTooLarge
	}
	ld, ok := catalogLoader(req, res)
	if !ok {
		return nil, nil
	}
	report, data := loadReport(req, ld, res)
	if err := ctx.Err(); err != nil {
		res.Errors = append(res.Errors, diag.FromError(err)...)
		return nil, err
	}
	if report == nil {
		return nil, nil
	}
	var tpl *render.Template
	var err error
	if req.Template == nil {
		tpl, err = mau.For(report.Unit, report.Period)
	} else {
		tpl, err = parseTemplate(req.Template)
	}
	if err != nil {
		res.Errors = append(res.Errors, diag.FromError(err)...)
		return nil, nil
	}
	return &prepared{report: report, data: data, tpl: tpl}, nil
}

// parseTemplate parses a clerk's template, refusing first a document saved in another
// format than .docx.
func parseTemplate(f *File) (*render.Template, error) {
	if err := docformat.Check(f.Name, f.Data); err != nil {
		return nil, err
	}
	tpl, err := ansinh.ParseTemplate(f.Name, f.Data)
	if err != nil {
		return nil, err
	}
	return tpl, nil
}

// loadReport loads the period file (or the parent report), last year's file and the
// plan, validates, and returns the report and its data tree; nil when any is wrong.
func loadReport(req Request, ld ansinh.Loader, res *Result) (*ansinh.Report, map[string]any) {
	report, rollup := loadMain(req, ld, res)
	if report == nil {
		return nil, nil
	}
	if req.Previous != nil {
		prev, err := ld.Load(bytes.NewReader(req.Previous.Data), req.Previous.Name)
		if err == nil {
			err = report.SetPrevious(prev)
		}
		if err != nil {
			res.Errors = append(res.Errors, inFile(req.Previous.Name, diag.FromError(err))...)
		}
	}
	if req.Plan != nil {
		plan, err := ld.LoadPlan(bytes.NewReader(req.Plan.Data), req.Plan.Name)
		var fs ansinh.Findings
		if err == nil {
			fs, err = report.SetPlan(plan)
		}
		if err != nil {
			res.Errors = append(res.Errors, inFile(req.Plan.Name, diag.FromError(err))...)
		}
		addFindings(res, req.Plan.Name, fs)
	}
	addFindings(res, req.Data.Name, report.Validate())
	if !res.OK() {
		return nil, nil
	}
	var data map[string]any
	if rollup != nil {
		data = rollup.Data()
	} else {
		data = report.Data()
	}
	data["bieu_do"] = chart.ForReport(report) // {{image .bieu_do.ke_hoach 16}}
	return report, data
}

// loadMain loads the period file, or the parent's own file and its units' files
// (each unit validated: a unit with errors is not rolled up).
func loadMain(req Request, ld ansinh.Loader, res *Result) (*ansinh.Report, *ansinh.Rollup) {
	if len(req.Units) == 0 {
		r, err := ld.Load(bytes.NewReader(req.Data.Data), req.Data.Name)
		if err != nil {
			res.Errors = append(res.Errors, inFile(req.Data.Name, diag.FromError(err))...)
			return nil, nil
		}
		return r, nil
	}
	own, err := ld.LoadOwn(bytes.NewReader(req.Data.Data), req.Data.Name)
	if err != nil {
		res.Errors = append(res.Errors, inFile(req.Data.Name, diag.FromError(err))...)
	}
	if own == nil {
		return nil, nil
	}
	// ansinh.ParentReport, a unit at a time, so that an entry names the unit's file.
	agg := ansinh.NewParentAggregator(own)
	for _, f := range req.Units {
		u, err := ld.Load(bytes.NewReader(f.Data), f.Name)
		if err != nil {
			res.Errors = append(res.Errors, inFile(f.Name, diag.FromError(err))...)
			continue
		}
		fs := u.Validate()
		addFindings(res, f.Name, fs)
		if fs.HasErrors() {
			continue
		}
		if err := agg.Add(u); err != nil {
			res.Errors = append(res.Errors, inFile(f.Name, diag.FromError(err))...)
		}
	}
	if !res.OK() {
		return nil, nil
	}
	ro := agg.Result()
	if err := ro.SetOwn(own); err != nil {
		res.Errors = append(res.Errors, inFile(req.Data.Name, diag.FromError(err))...)
		return nil, nil
	}
	addFindings(res, req.Data.Name, ro.Findings)
	return ro.Report, ro
}

// catalogLoader is the loader of req's files: with the catalogue of custom figures
// when req has one. A catalogue with errors adds them to res and gives false.
func catalogLoader(req Request, res *Result) (ansinh.Loader, bool) {
	ld := loader(req.Limits)
	if req.Catalog == nil {
		return ld, true
	}
	cat, err := ansinh.LoadCatalog(bytes.NewReader(req.Catalog.Data), req.Catalog.Name)
	if err != nil {
		res.Errors = append(res.Errors, inFile(req.Catalog.Name, diag.FromError(err))...)
		return ld, false
	}
	ld.Catalog = cat
	return ld, true
}

// addFindings files findings under Errors or Findings by severity.
func addFindings(res *Result, file string, fs ansinh.Findings) {
	for _, e := range diag.FromFindings(file, fs) {
		if e.Severity == diag.SeverityError {
			res.Errors = append(res.Errors, e)
		} else {
			res.Findings = append(res.Findings, e)
		}
	}
}

// inFile names file in entries that name no file of their own.
func inFile(file string, es []diag.Entry) []diag.Entry {
	for i := range es {
		if es[i].File == "" {
			es[i].File = file
		}
	}
	return es
}
