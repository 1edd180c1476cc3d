#!/bin/sh
# Regenerates template.docx from template.fodt (the hand-written source) with LibreOffice,
# through testdata/fodt2docx.sh. The unit files and the plan are written by
# `go run ./examples/province/gen` (or `go generate ./examples/province`), not by this script.
# Usage: testdata/province/gen.sh   (from anywhere; needs soffice and python3 on PATH)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
"$here/../fodt2docx.sh" "$here/template.fodt"
