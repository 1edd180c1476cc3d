#!/bin/sh
# Regenerates template.docx from template.fodt (the hand-written source) with LibreOffice.
# Usage: testdata/tayson/gen.sh   (from anywhere; needs soffice and python3 on PATH)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A private profile, so a running LibreOffice or a stale user profile does not interfere.
soffice -env:UserInstallation="file://$tmp/profile" --headless --norestore \
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
# space; the draft "Số:      /BC-UBND" and "ngày      tháng" need their runs of spaces kept.
python3 - "$tmp/out/template.docx" "$here/template.docx" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
    for info in zi.infolist():
        data = zi.read(info)
        if info.filename.startswith("word/") and info.filename.endswith(".xml"):
            data = data.replace(b"<w:t>", b'<w:t xml:space="preserve">')
        zo.writestr(info, data)
PY
echo "wrote $here/template.docx"
