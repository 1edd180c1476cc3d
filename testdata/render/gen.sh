#!/bin/sh
# Regenerates the .docx fixtures of package render from their sources.
#
#   testdata/render/gen.sh            # all of src/*.fodt
#   testdata/render/gen.sh split      # only src/split.fodt
#
# Each src/NAME.fodt (Flat ODT, written by hand) is converted by LibreOffice
# (soffice --headless --convert-to docx) into NAME.docx, so the fixtures are
# what a real word processor writes: LibreOffice cuts a tag into several runs
# wherever its formatting changes, as Word does.
#
# Determinism: LibreOffice's XML is the same from run to run for the same
# version; only the zip timestamps change. They are rewritten to 1980-01-01
# (entries kept in LibreOffice's order, deflated), so regenerating with the
# same LibreOffice gives byte-identical files. The version used is recorded
# in LIBREOFFICE_VERSION; the XML may change with other versions, and then
# the split-run test (TestFixtureTemplatesSplitTags in render/fixtures_test.go)
# says whether the fixtures still cut their tags as intended.
#
# Needs soffice (LibreOffice) and python3 on PATH.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

if [ $# -gt 0 ]; then
  srcs=""
  for n in "$@"; do srcs="$srcs src/${n%.fodt}.fodt"; done
else
  srcs=$(ls src/*.fodt)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/render-fixtures.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# One LibreOffice run for all files, with a throw-away profile; the input
# filter is forced so that a broken source is an error, not a text import.
# shellcheck disable=SC2086
soffice "-env:UserInstallation=file://$tmp/profile" \
  --headless --norestore --nologo \
  --infilter="OpenDocument Text Flat XML" \
  --convert-to "docx:MS Word 2007 XML" \
  --outdir "$tmp/out" $srcs >"$tmp/log" 2>&1 || {
  echo "gen.sh: soffice failed" >&2
  cat "$tmp/log" >&2
  exit 1
}

status=0
for src in $srcs; do
  name=$(basename "$src" .fodt)
  # soffice exits 0 even when it cannot load a file: check the output.
  if [ ! -s "$tmp/out/$name.docx" ]; then
    echo "gen.sh: no output for $src" >&2
    status=1
    continue
  fi
  python3 - "$tmp/out/$name.docx" "$name.docx" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
    for info in zin.infolist():
        zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        zout.writestr(zi, zin.read(info.filename), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
PY
  echo "gen.sh: $src -> $name.docx"
done
if [ $status -ne 0 ]; then
  cat "$tmp/log" >&2
  exit $status
fi
soffice --version | sed 's/ *$//' >LIBREOFFICE_VERSION
