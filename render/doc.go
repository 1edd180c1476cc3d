// Package render fills .docx templates that people write and edit in Word or
// LibreOffice. Tags are Go text/template actions typed in the document's text:
//
//	Toàn huyện có {{.ho_ngheo.so_ho}} hộ nghèo, chiếm tỷ lệ {{.ho_ngheo.ty_le}}.
//
// A template is parsed once (New, Funcs, then Parse, ParseFile, ParseFS or
// ParseReaderAt) and executed any number of times, concurrently, with Execute. The
// package knows nothing of what the documents are about.
//
// # What render does to Word's XML
//
// Word cuts text into runs wherever formatting, spell-check marks or revision ids change,
// so a tag may arrive in many pieces. render joins each tag into the run of its first
// character, so the printed value takes that character's formatting, and removes runs
// the join leaves empty. Typographic quotes typed inside a tag (“ ” ‘ ’) are read as
// straight quotes.
//
// Where a tag acts depends on where it stands:
//
//   - A paragraph holding nothing but control tags (if, else, with, range, end,
//     comments) disappears, leaving the tags: a range repeats the paragraphs between its
//     paragraphs, an if keeps or drops them. If it also holds a drawing, a note
//     reference, a bookmark, a field or a section break, it stays without its tags,
//     outside the block: before an opening tag, after an end.
//   - A block (range, if, with) whose opening tag and {{end}} stand in different cells of
//     one table row wraps the row: a range repeats the row, an if keeps or drops it.
//   - Anywhere else a tag works inside the text, as in any text/template.
//
// A block's tags must stand at the same level: both alone in their paragraphs, both in
// running text, or both in the cells of one row. Otherwise Parse reports ErrUnbalanced
// rather than produce a broken document.
//
// Every printed value is escaped for XML; a newline in a value prints a line break and a
// tab a tab; characters XML 1.0 forbids are dropped; invalid UTF-8 prints U+FFFD. Values
// print the Vietnamese way by default (see DefaultPrinter): 38459 as "38.459", 568.1 as
// "568,1"; values with a String method print what it returns. Printer replaces the
// default; Funcs adds functions (package indicators provides the Vietnamese set).
//
// Tags work in the body, tables, headers, footers, footnotes and endnotes. Parts without
// tags are copied into the output byte for byte, without recompressing them.
//
// # Errors
//
// Parse reports every error of a template at once, as Errors; each *Error names its
// part, the paragraph (numbered from 1 within the part, with its table, row and column
// inside tables) and the paragraph's text around the tag, and wraps a kind testable with
// errors.Is: ErrUnclosed, ErrSplitParagraph, ErrUnbalanced, ErrSyntax,
// ErrUnknownFunction, ErrMethodCall, ErrUnsupported, ErrLimit, ErrXML, ErrPackage.
// Execute reports ErrMissingKey (unless MissingKey(true)), ErrExec and ErrLimit at the
// tag that failed, and writes nothing to its writer when it fails. Check reports every
// missing data path before a render.
//
// # Bounds
//
// Every resource a template controls is bounded by its Limits, each with a documented
// default: the package's entries and sizes, the number of tags, and for each execution
// the steps (loop turns and pieces of output) and the bytes of output. ExecuteContext
// also stops when its context ends. Tags may call the methods of data values only
// without arguments, unless AllowMethods names them.
package render
