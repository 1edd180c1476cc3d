#!/bin/sh
# Converts Flat ODT sources (.fodt) to .docx beside them with LibreOffice, so that the same
# LibreOffice writes the same bytes. Used by ansinh/mau/gen.sh and testdata/province/gen.sh.
# Usage: testdata/fodt2docx.sh A.fodt [B.fodt …]   (needs soffice and python3 on PATH)
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A private profile, so a running LibreOffice or a stale user profile does not interfere.
soffice -env:UserInstallation="file://$tmp/profile" --headless --norestore \
	--infilter="OpenDocument Text Flat XML" \
	--convert-to 'docx:MS Word 2007 XML' --outdir "$tmp/out" "$@" >"$tmp/log" 2>&1 || {
	cat "$tmp/log" >&2
	exit 1
}
for src in "$@"; do
	name=$(basename "$src" .fodt)
	dst=$(dirname "$src")/$name.docx
	if [ ! -s "$tmp/out/$name.docx" ]; then
		cat "$tmp/log" >&2
		echo "fodt2docx.sh: soffice produced no $name.docx" >&2
		exit 1
	fi
	# LibreOffice writes <w:t> without xml:space="preserve" unless the text starts or ends
	# with a space; the draft "Số:       /BC-UBND" and "ngày       tháng" need their runs of
	# spaces kept. Zip timestamps are set to 1980-01-01 so that the output is the same
	# bytes every time.
	python3 - "$tmp/out/$name.docx" "$dst" <<'PY'
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
	echo "wrote $dst"
done
