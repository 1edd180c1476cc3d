package diag

import (
	"errors"

	"github.com/ansinh-vn/baocao/ansinh"
)

// loadKinds are the stable kind codes of the loader's kinds of error.
var loadKinds = []struct {
	kind error
	code string
}{
	{ansinh.ErrSyntax, "yaml_syntax"},
	{ansinh.ErrEmptyFile, "empty_file"},
	{ansinh.ErrManyDocuments, "many_documents"},
	{ansinh.ErrAlias, "yaml_alias"},
	{ansinh.ErrUnknownKey, "unknown_key"},
	{ansinh.ErrDuplicateKey, "duplicate_key"},
	{ansinh.ErrMissingKey, "missing_data_key"},
	{ansinh.ErrType, "wrong_type"},
	{ansinh.ErrNumber, "number"},
	{ansinh.ErrAmbiguousNumber, "ambiguous_number"},
	{ansinh.ErrRange, "out_of_range"},
	{ansinh.ErrDate, "date"},
	{ansinh.ErrValue, "value"},
	{ansinh.ErrTooManyErrors, "too_many_errors"},
	{ansinh.ErrTooLarge, "too_large"},
	{ansinh.ErrNotRegular, "not_regular"},
	{ansinh.ErrCatalog, "catalog"},
	{ansinh.ErrNoCatalog, "catalog_needed"},
}

// loadCode is the kind code of a LoadError.
func loadCode(e *ansinh.LoadError) string {
	for _, k := range loadKinds {
		if errors.Is(e.Kind, k.kind) {
			return k.code
		}
	}
	return "data"
}

// loadEntry gives a problem of a period or plan file its kind and place. Its message is
// the loader's Msg, for the clerk: Vietnamese only, saying what to do; the English
// Detail, for developers, stays out of it.
func loadEntry(e *ansinh.LoadError) Entry {
	return Entry{
		Kind:     loadCode(e),
		Severity: SeverityError,
		File:     e.File,
		Line:     e.Line,
		Column:   e.Column,
		Path:     e.Path,
		Message:  e.Msg,
	}
}
