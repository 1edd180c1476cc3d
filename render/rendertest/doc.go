// Package rendertest provides helpers for testing .docx (WordprocessingML)
// output, in the way net/http/httptest helps to test HTTP handlers.
//
// It is written for the tests of package render but knows nothing of it: the
// helpers take the bytes of any .docx package and can be used by programs that
// produce documents with render (or with anything else).
//
//   - [Text] and [PartText] read a document back as a reader sees it, one line
//     per paragraph and one line per table row, so a test can compare a
//     rendered document with the exact text it expects.
//   - [Runs] lists the runs of a part with their text and formatting, for
//     tests about where a value landed and which formatting it took.
//   - [WellFormed] checks that every XML part of the package parses, which is
//     what Word needs before it opens a file at all, and [CheckTables]
//     checks the table rules that Word enforces and that loops break easily.
//   - [LibreOfficeText] and [LibreOfficeConvert] open a document in a real
//     word processor (LibreOffice, headless) and return what it made of it
//     ([LibreOfficeTexts] and [LibreOfficeConvertAll] do many documents with
//     one start of LibreOffice); [RequireLibreOffice] skips (or, in CI,
//     fails) a test when LibreOffice is not installed.
//
// The text model of [Text] is documented there; it is deliberately simple and
// stable, so that expected texts can be written by hand.
package rendertest
