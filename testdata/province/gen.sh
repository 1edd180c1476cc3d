#!/bin/sh
# Regenerates template.docx from template.fodt (the hand-written source) with LibreOffice,
# as testdata/tayson/gen.sh does. The unit files and the plan are written by
# `go run ./examples/province/gen` (or `go generate ./examples/province`), not by this script.
# Usage: testdata/province/gen.sh   (from anywhere; needs soffice and python3 on PATH)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A private profile, so a running LibreOffice or a stale user profile does not interfere.
soffice -env:UserInstallation="file://$tmp/profile" --headless --norestore \
	--infilter="OpenDocument Text Flat XML" \
	--convert-to 'docx:MS Word 2007 XML' --outdir "$tmp/out" "$here/template.fodt" >"$tmp/log" 2>&1 || {
	cat "$tmp/log" >&2
	exit 1
}
if [ ! -s "$tmp/out/template.docx" ]; then
	cat "$tmp/log" >&2
	echo "gen.sh: soffice produced no template.docx" >&2
	exit 1
fi
# LibreOffice writes <w:t> without xml:space="preserve" unless the text starts or ends with a
# space; the draft "Số:       /BC-UBND" and "ngày       tháng" need their runs of spaces kept.
# Zip timestamps are set to 1980-01-01 so that the same LibreOffice writes the same bytes.
python3 - "$tmp/out/template.docx" "$here/template.docx" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w") as zo:
    for info in zi.infolist():
        data = zi.read(info)
        if info.filename.startswith("word/") and info.filename.endswith(".xml"):
            data = data.replace(b"<w:t>", b'<w:t xml:space="preserve">')
        z = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
        z.external_attr = 0o644 << 16
        zo.writestr(z, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
PY
echo "wrote $here/template.docx"
