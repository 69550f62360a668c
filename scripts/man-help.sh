#!/usr/bin/env bash
# Stands in for the binary when generate-manual asks it for --experimental-dump-help: that tool
# keeps only the ASCII characters of the help (its mdoc escaping drops the rest, so "4–6 digits"
# read "46 digits" in the man page). Here the help's few other characters are spelled in ASCII
# first, inside the JSON strings, so the page loses nothing.
set -euo pipefail
[ "${1:-}" = --experimental-dump-help ] || { echo "man-help.sh: only --experimental-dump-help" >&2; exit 2; }
"${PERSPECTIEF_BINARY:?the release binary}" --experimental-dump-help | python3 -c '
import sys, unicodedata
spelled = {"–": "-", "—": "-", "…": "...", "×": "x", "‘": "\x27", "’": "\x27", "“": "\x27", "”": "\x27", "·": "-"}
text = "".join(spelled.get(c, c) for c in sys.stdin.read())
# Letters with accents keep their letter (é → e); anything else left is named, not dropped.
text = unicodedata.normalize("NFKD", text)
text = "".join(c if ord(c) < 128 else ("" if unicodedata.combining(c) else "<U+%04X>" % ord(c)) for c in text)
sys.stdout.write(text)
'
