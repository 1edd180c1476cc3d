#!/bin/sh
# Regenerates the standard templates: gen_fodt.py writes their Flat ODT sources xa.fodt,
# huyen.fodt and tinh.fodt, then testdata/fodt2docx.sh converts each to .docx.
# Usage: ansinh/mau/gen.sh   (from anywhere; needs soffice and python3 on PATH)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/gen_fodt.py" "$here"
"$here/../../testdata/fodt2docx.sh" "$here/xa.fodt" "$here/huyen.fodt" "$here/tinh.fodt"
