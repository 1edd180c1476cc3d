package render

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"sort"
	"strings"
	"sync"
)

// readPackage reads and checks the template package once, with archive/zip alone:
//
//   - the entries: names, sizes and count within lim, no name twice (in any case), no
//     unsafe name; directory entries are dropped (OPC has no directories, and zip
//     writers that deflate them would make every output fail);
//   - the main part, found through _rels/.rels (Office 365 writes word/document2.xml),
//     and [Content_Types].xml, both required;
//   - the parts that may hold tags (the main part and its headers, footers, footnotes and
//     endnotes) are inflated for the compiler and checked as WordprocessingML;
//   - every other XML part is inflated once and checked well-formed (no DOCTYPE), so that
//     a template whose outputs Word cannot open is refused here;
//   - every other entry is checked against its size and CRC-32 once, here, since it is
//     copied byte for byte into every output;
//   - no external reach and no macros: see applyPolicy.
func readPackage(r io.ReaderAt, size int64, lim Limits) ([]*pkgPart, error) {
	return readPackageThen(r, size, lim, nil)
}

// readPackageThen is readPackage, calling then (when not nil) with the parts that may
// hold tags, in the package's order, as soon as they are read and checked, while the
// other parts are still being checked on other goroutines: Parse compiles them there.
// then is not called when one of those parts fails; its work is discarded when
// another part fails.
func readPackageThen(r io.ReaderAt, size int64, lim Limits, then func(templated []*pkgPart)) ([]*pkgPart, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: not a zip archive: %v", ErrPackage, err)
	}
	zr.RegisterDecompressor(zip.Deflate, newInflater)
	files, err := checkEntries(zr.File, lim, size)
	if err != nil {
		return nil, err
	}
	rd := &pkgReader{files: files, byName: make(map[string]*zip.File, len(files)), meta: map[string][]byte{}}
	for _, f := range files {
		rd.byName[strings.ToLower(f.Name)] = f
	}
	// The other goroutines start now, one of them on the largest part, while this one
	// finds what the parts are.
	w := rd.startWorkers()
	defer w.stop()
	if err := rd.findParts(); err != nil {
		return nil, err
	}
	if err := rd.readRaw(); err != nil {
		return nil, err
	}
	if err := rd.readAll(w, then); err != nil {
		return nil, err
	}
	if err := rd.applyPolicy(); err != nil {
		return nil, err
	}
	return rd.parts, nil
}

// checkEntries checks the central directory against the limits and for unsafe or repeated
// names, and returns the entries that are parts (directories left out). The entries' data
// lie in the package one after another, so their compressed sizes add up to no more
// than its size: more is a lie, or entries overlapping to multiply the package (a zip
// bomb of another kind), and is refused before any is read.
func checkEntries(all []*zip.File, lim Limits, size int64) ([]*zip.File, error) {
	if len(all) > lim.MaxParts {
		return nil, fmt.Errorf("%w: %d entries, more than the limit of %d", ErrPackage, len(all), lim.MaxParts)
	}
	seen := make(map[string]bool, len(all))
	var total, compressed uint64
	files := make([]*zip.File, 0, len(all))
	for _, f := range all {
		if err := checkName(f.Name); err != nil {
			return nil, err
		}
		key := strings.ToLower(f.Name)
		if seen[key] {
			return nil, fmt.Errorf("%w: entry %q appears twice", ErrPackage, f.Name)
		}
		seen[key] = true
		// archive/zip refuses to read more than the declared size, so these checks bound
		// what any later read can produce.
		if f.UncompressedSize64 > uint64(lim.MaxPartSize) {
			return nil, fmt.Errorf("%w: entry %q is %d bytes uncompressed, more than the limit of %d", ErrPackage, f.Name, f.UncompressedSize64, lim.MaxPartSize)
		}
		total += f.UncompressedSize64
		if total > uint64(lim.MaxTotalSize) {
			return nil, fmt.Errorf("%w: more than %d bytes uncompressed in all", ErrPackage, lim.MaxTotalSize)
		}
		compressed += f.CompressedSize64
		if f.CompressedSize64 > uint64(size) || compressed > uint64(size) {
			return nil, fmt.Errorf("%w: entry %q: the entries declare more compressed bytes than the package's %d", ErrPackage, f.Name, size)
		}
		if strings.HasSuffix(f.Name, "/") {
			if f.UncompressedSize64 != 0 {
				return nil, fmt.Errorf("%w: directory entry %q holds %d bytes", ErrPackage, f.Name, f.UncompressedSize64)
			}
			continue
		}
		files = append(files, f)
	}
	return files, nil
}

// scratchPool keeps the buffers in which parses inflate the XML parts they only check
// (a template's styles are often close to a megabyte), up to maxPooledScratch bytes.
var scratchPool sync.Pool

const maxPooledScratch = 16 << 20

// pkgReader holds what readPackage learns as it goes.
type pkgReader struct {
	files  []*zip.File
	byName map[string]*zip.File // lower-case name → entry
	main   string               // the main part's name
	kinds  map[string]string    // part that may hold tags → its kind ("document", "header"…)
	ct     *contentTypes
	parts  []*pkgPart
	meta   map[string][]byte // bookkeeping parts already inflated by findParts
}

// templatedKinds are the relationship kinds, from the main part, of the parts that may
// hold tags, with the kind of part each is.
var templatedKinds = map[string]string{"header": "header", "footer": "footer", "footnotes": "footnotes", "endnotes": "endnotes"}

// findParts finds the main part through _rels/.rels (word/document.xml when the package
// has no _rels/.rels), the content types, and the parts that may hold tags.
func (rd *pkgReader) findParts() error {
	rd.main = "word/document.xml"
	if f := rd.byName["_rels/.rels"]; f != nil {
		rels, err := rd.readRels(f)
		if err != nil {
			return err
		}
		for _, r := range rels {
			if r.kind() == "officeDocument" && !r.External {
				rd.main = r.resolve("")
				break
			}
		}
	}
	mf := rd.byName[strings.ToLower(rd.main)]
	if mf == nil {
		if rd.main == "word/document.xml" {
			return fmt.Errorf("%w: no word/document.xml: not a Word document", ErrPackage)
		}
		return fmt.Errorf("%w: no %s, the main part _rels/.rels names (nor word/document.xml): not a Word document", ErrPackage, rd.main)
	}
	rd.main = mf.Name
	f := rd.byName[strings.ToLower(contentTypesPart)]
	if f == nil {
		return fmt.Errorf("%w: no %s, which every package must have", ErrPackage, contentTypesPart)
	}
	data, err := rd.inflate(f, nil)
	if err != nil {
		return err
	}
	if err := checkMetaXML(f.Name, data); err != nil {
		return err
	}
	if rd.ct, err = parseContentTypes(data); err != nil {
		return err
	}
	rd.meta[f.Name] = data
	rd.kinds = map[string]string{rd.main: "document"}
	for _, f := range rd.files {
		// Parts named as Word names them, whether or not a relationship reaches them.
		if templated.MatchString(f.Name) && f.Name != "word/document.xml" {
			kind := strings.TrimSuffix(strings.TrimPrefix(f.Name, "word/"), ".xml")
			rd.kinds[f.Name] = strings.TrimRight(kind, "0123456789")
		}
	}
	if f := rd.byName[strings.ToLower(relsName(rd.main))]; f != nil {
		rels, err := rd.readRels(f)
		if err != nil {
			return err
		}
		for _, r := range rels {
			if kind, ok := templatedKinds[r.kind()]; ok && !r.External {
				if tf := rd.byName[strings.ToLower(r.resolve(rd.main))]; tf != nil {
					rd.kinds[tf.Name] = kind
				}
			}
		}
	}
	return nil
}

func (rd *pkgReader) readRels(f *zip.File) ([]relationship, error) {
	data, err := rd.inflate(f, nil)
	if err != nil {
		return nil, err
	}
	if err := checkMetaXML(f.Name, data); err != nil {
		return nil, err
	}
	rd.meta[f.Name] = data
	return parseRels(f.Name, data)
}

// readRaw reads every entry as stored, into one block of memory: untouched parts are
// copied from it byte for byte into every output.
func (rd *pkgReader) readRaw() error {
	var total uint64
	for _, f := range rd.files {
		total += f.CompressedSize64
	}
	slab := make([]byte, 0, total)
	rd.parts = make([]*pkgPart, 0, len(rd.files))
	for _, f := range rd.files {
		rc, err := f.OpenRaw()
		if err != nil {
			return fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
		}
		n := int(f.CompressedSize64)
		if n > cap(slab)-len(slab) {
			return fmt.Errorf("%w: entry %q: sizes changed while reading", ErrPackage, f.Name)
		}
		raw := slab[len(slab) : len(slab)+n : len(slab)+n]
		if _, err := io.ReadFull(rc, raw); err != nil {
			return fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
		}
		slab = slab[:len(slab)+n]
		rd.parts = append(rd.parts, &pkgPart{hdr: f.FileHeader, raw: raw})
	}
	return nil
}

// readAll inflates and checks every part as its kind needs (see readPackage), with the
// workers w: the parts are independent, and a template's styles alone take as long to
// inflate and check as the rest of a parse. The calling goroutine reads the parts that
// may hold tags and hands them to then (see readPackageThen) while the workers take the
// rest, largest first; it then helps them. All have ended when it returns, even if then
// panics; the error is that of the first part in the package's order.
func (rd *pkgReader) readAll(w *workers, then func([]*pkgPart)) error {
	var mine, rest []int // the parts that may hold tags; the others
	for i, f := range rd.files {
		if _, ok := rd.kinds[f.Name]; ok {
			mine = append(mine, i)
		} else {
			rest = append(rest, i)
		}
	}
	sort.SliceStable(rest, func(a, b int) bool {
		return rd.files[rest[a]].UncompressedSize64 > rd.files[rest[b]].UncompressedSize64
	})
	w.start(rest)
	templated := make([]*pkgPart, 0, len(mine))
	failed := false
	for _, i := range mine {
		w.errs[i] = rd.readPart(i, nil)
		failed = failed || w.errs[i] != nil
		templated = append(templated, rd.parts[i])
	}
	if then != nil && !failed {
		then(templated)
	}
	withScratch(w.work)
	w.stop()
	for _, err := range w.errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// withScratch calls f with a buffer from scratchPool, and puts it back.
func withScratch(f func(scratch *[]byte)) {
	var scratch []byte
	if b, ok := scratchPool.Get().(*[]byte); ok {
		scratch = *b
	}
	f(&scratch)
	if cap(scratch) <= maxPooledScratch {
		scratchPool.Put(&scratch)
	}
}

// readPart inflates and checks the i-th part; scratch is the worker's buffer for the
// parts that are only checked. A panic (there should be none) becomes an error: it
// would otherwise end the program from a goroutine no caller can recover.
func (rd *pkgReader) readPart(i int, scratch *[]byte) (err error) {
	f, p := rd.files[i], rd.parts[i]
	defer rd.recoverPart(i, &err)
	switch kind, templatedPart := rd.kinds[f.Name]; {
	case templatedPart:
		if p.xml, err = rd.inflate(f, nil); err != nil {
			return err
		}
		p.xml = bytes.TrimPrefix(p.xml, []byte("\xEF\xBB\xBF"))
		return checkPartXML(f.Name, kind, p.xml)
	case rd.meta[f.Name] != nil && f == rd.byName[strings.ToLower(contentTypesPart)]:
		p.ct, p.meta = rd.ct, rd.meta[f.Name]
		return nil
	case strings.HasSuffix(strings.ToLower(f.Name), ".rels"):
		if p.meta = rd.meta[f.Name]; p.meta == nil {
			if p.meta, err = rd.inflate(f, nil); err != nil {
				return err
			}
			if err := checkMetaXML(f.Name, p.meta); err != nil {
				return err
			}
		}
		p.rels, err = parseRels(f.Name, p.meta)
		return err
	case rd.isXML(f.Name):
		if *scratch, err = rd.inflate(f, *scratch); err != nil {
			return err
		}
		return checkMetaXML(f.Name, *scratch)
	}
	return verifyEntry(f, p.raw)
}

// recoverPart turns a panic while reading part i (there should be none) into *err: it
// would otherwise end the program from a goroutine no caller can recover.
func (rd *pkgReader) recoverPart(i int, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: entry %q: internal error: %v", ErrPackage, rd.files[i].Name, r)
	}
}

// inflateAhead inflates part i into scratch before the parts are known (see workers).
func (rd *pkgReader) inflateAhead(i int, scratch *[]byte) (err error) {
	defer rd.recoverPart(i, &err)
	*scratch, err = rd.inflate(rd.files[i], *scratch)
	return err
}

// checkAhead checks part i, inflated ahead into data, as readPart checks a part that is
// XML by its name and neither holds tags nor is one findParts reads.
func (rd *pkgReader) checkAhead(i int, data []byte) (err error) {
	defer rd.recoverPart(i, &err)
	return checkMetaXML(rd.files[i].Name, data)
}

// isXML reports whether a part is XML, by its content type or its extension.
func (rd *pkgReader) isXML(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(lower, ".xml") || isXMLContentType(rd.ct.of(name))
}

// checkMetaXML checks a part that holds no tags: well-formed XML, no DOCTYPE, prefixes
// declared. A problem is ErrXML naming the part.
func checkMetaXML(name string, data []byte) error {
	_, p := checkWellFormed(data, false)
	if p != nil {
		line, col := p.position(data)
		return &Error{Kind: ErrXML, Location: Location{Part: name}, Err: fmt.Errorf("line %d, column %d: %s", line, col, p.msg)}
	}
	return nil
}

func (rd *pkgReader) inflate(f *zip.File, buf []byte) ([]byte, error) {
	return inflateEntry(f, buf)
}

// readEntry reads an entry whole.
func readEntry(f *zip.File) ([]byte, error) { return inflateEntry(f, nil) }

// inflateEntry reads an entry whole into buf (grown as needed) and checks its size and
// CRC-32 as archive/zip does. The entry's declared size is within the limits (see
// checkEntries) and archive/zip refuses to read past it.
func inflateEntry(f *zip.File, buf []byte) ([]byte, error) {
	n := int(f.UncompressedSize64)
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
	}
	defer rc.Close()
	if _, err := io.ReadFull(rc, buf); err != nil {
		return nil, fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
	}
	// Reading on to the end makes archive/zip check the CRC-32, and refuse data beyond
	// the declared size.
	if k, err := rc.Read(make([]byte, 1)); k != 0 || err != io.EOF {
		if err == nil || err == io.EOF {
			err = zip.ErrFormat
		}
		return nil, fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
	}
	return buf, nil
}

// verifyEntry checks that an entry copied raw inflates to the size and checksum its
// header declares, so that a corrupt or lying entry is refused here rather than passed on
// to every document. A stored entry is its own data: its checksum is computed directly.
func verifyEntry(f *zip.File, raw []byte) error {
	if f.Method == zip.Store {
		if uint64(len(raw)) != f.UncompressedSize64 || crc32.ChecksumIEEE(raw) != f.CRC32 {
			return fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, zip.ErrChecksum)
		}
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
	}
	defer rc.Close()
	if _, err := io.Copy(io.Discard, rc); err != nil {
		return fmt.Errorf("%w: entry %q: %v", ErrPackage, f.Name, err)
	}
	return nil
}

// relDescription names a relationship in messages.
func relDescription(r relationship) string {
	return fmt.Sprintf("relationship %s (%s, to %q)", r.ID, r.kind(), r.Target)
}
