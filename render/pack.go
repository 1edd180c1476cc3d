package render

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
)

// packed is a rendered part deflated and ready to store: Render deflates the parts it
// executes while the template's other parts are still being checked, Execute once it
// has executed them; both store them the same way (writePacked), so both give the same
// bytes.
type packed struct {
	data *bytes.Buffer // the deflated bytes
	crc  uint32        // CRC-32 of the part
	size int           // the part's length
}

// pack deflates a rendered part.
func pack(body []byte) (*packed, error) {
	pk := &packed{data: getBuffer(), crc: crc32.ChecksumIEEE(body), size: len(body)}
	fw, err := fastDeflate(pk.data)
	if err == nil {
		_, err = fw.Write(body)
		if cerr := fw.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		putBuffer(pk.data)
		return nil, err
	}
	return pk, nil
}

// release gives the buffer back to the pool.
func (pk *packed) release() { putBuffer(pk.data) }

// packs are the rendered parts of one document, deflated, by part.
type packs map[*pkgPart]*packed

// packAll deflates out[i], the output of parts[i] (nil for a part copied as it is).
func packAll(parts []*pkgPart, out []*bytes.Buffer) (packs, error) {
	ps := make(packs, len(parts))
	for i, b := range out {
		if b == nil {
			continue
		}
		pk, err := pack(b.Bytes())
		if err != nil {
			ps.release()
			return nil, fmt.Errorf("render: %s: %w", parts[i].hdr.Name, err)
		}
		ps[parts[i]] = pk
	}
	return ps, nil
}

// release gives every buffer back to the pool.
func (ps packs) release() {
	for _, pk := range ps {
		pk.release()
	}
}

// writePacked stores the rendered part p under the template entry's name, comment and
// time. Its sizes and checksum are known, so they are in the entry's header and no data
// descriptor follows the data.
func writePacked(zw *zip.Writer, p *pkgPart, pk *packed) error {
	h := p.hdr // the template entry's name, comment, time and versions
	h.Method = zip.Deflate
	h.Flags &= 0x800 // names in UTF-8; no data descriptor
	h.Extra = nil    // the template's extra fields may state the sizes of other content
	h.CRC32, h.CompressedSize64, h.UncompressedSize64 = pk.crc, uint64(pk.data.Len()), uint64(pk.size)
	w, err := zw.CreateRaw(&h)
	if err == nil {
		_, err = w.Write(pk.data.Bytes())
	}
	if err != nil {
		return fmt.Errorf("render: %s: %w", p.hdr.Name, err)
	}
	return nil
}
