package job

import (
	"bytes"
	"errors"

	"github.com/ansinh-vn/baocao/diag"
)

// Validate loads one period file and validates it (ansinh.Report.Validate), as Render
// does before it renders: Errors holds the load errors and the findings of severity
// error, Findings the warnings. It returns ErrInvalid when Errors is not empty.
func Validate(f File, lim Limits) (*Result, error) {
	res := &Result{}
	if es := lim.withDefaults().check(Request{Data: &f}); len(es) > 0 {
		res.Errors = es
		return res, errors.Join(ErrInvalid, ErrTooLarge)
	}
	r, err := loader(lim).Load(bytes.NewReader(f.Data), f.Name)
	if err != nil {
		res.Errors = inFile(f.Name, diag.FromError(err))
		return res, ErrInvalid
	}
	addFindings(res, f.Name, r.Validate())
	if !res.OK() {
		return res, ErrInvalid
	}
	return res, nil
}
