#!/usr/bin/env bash
# Renders a sample of ToTA agreements to PDF with every PDF producer installed
# (Chromium print-to-PDF, LibreOffice, groff, pdfTeX, Ghostscript, enscript),
# one folder per producer, each PDF next to its expected article list.
#
#   benches/pdf_producers.sh OUTDIR [ID...]
#
# A producer that is not installed (or fails) is reported as SKIPPED and its
# folder left out. Needs ../shared (the ToTA corpus and its text renderer).
set -uo pipefail
out=${1:?usage: pdf_producers.sh OUTDIR [ID...]}
shift
ids=("$@")
[ ${#ids[@]} -gt 0 ] || ids=(100 103 106 108 165 123 321 437 86 88)
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$here/../shared}
txt=$out/text
mkdir -p "$txt"
python3 "$shared/tools/render_tota.py" "$txt" dev "${ids[@]}" || exit 1

have() { command -v "$1" >/dev/null 2>&1; }
# groff writes PDF only with the full package: Debian's groff-base, on many
# machines from the start, has groff but no PDF device
groff_pdf() { have groff && printf 'x\n' | groff -Tpdf >/dev/null 2>&1; }
# one folder per producer, with the expected article lists copied in
start() { mkdir -p "$out/$1" && cp "$txt"/*.expected.json "$out/$1/"; }

html() { # text -> HTML, one paragraph per line, justified like a word processor
  python3 - "$1" "$2" <<'PY'
import html, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
print('<!doctype html><meta charset="utf-8"><style>@page{size:A4;margin:2cm}'
      'body{font:11pt "DejaVu Serif",serif;text-align:justify;hyphens:auto}'
      'p{margin:0}' + sys.argv[2] + '</style><body lang="en">')
for l in lines:
    print(f"<p>{html.escape(l)}</p>" if l.strip() else "<p>&nbsp;</p>")
PY
}
groff_in() { # one output line per input line, filled and hyphenated when long
  sed -e 's/\\/\\e/g' -e "s/^[.']/\\\\\&&/" -e 's/^$/.sp/' -e '/^\.sp$/!a\
.br' "$1"
}
latex_in() {
  printf '%s\n' '\documentclass[11pt,a4paper]{article}' '\usepackage[utf8]{inputenc}' \
    '\setlength{\parindent}{0pt}\begin{document}'
  sed -e 's/\\/\\textbackslash{}/g' -e 's/[{}$&#_%]/\\&/g' -e 's/\^/\\^{}/g' -e 's/~/\\~{}/g' \
      -e 's/^$/\\medskip/' -e 's/$/\\par/' "$1"
  printf '%s\n' '\end{document}'
}

for t in "$txt"/*.txt; do
  n=$(basename "$t" .txt)
  if have chromium; then
    start chromium
    html "$t" "" > "$out/chromium/$n.html"
    timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf="$out/chromium/$n.pdf" "file://$out/chromium/$n.html" >/dev/null 2>&1
    # as an online word processor exports: sans-serif, letter- and word-spacing,
    # ligatures, every glyph placed on its own
    start chromium-spaced
    html "$t" 'body{font-family:Arial,"Liberation Sans",sans-serif;letter-spacing:.01em;word-spacing:.05em;font-variant-ligatures:common-ligatures discretionary-ligatures}' \
      > "$out/chromium-spaced/$n.html"
    timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf="$out/chromium-spaced/$n.pdf" "file://$out/chromium-spaced/$n.html" >/dev/null 2>&1
    # as a user prints a web page: the browser's header (date, time, the
    # page's title) and footer (its address, the page counter) on every page
    start chromium-browser
    html "$t" "" | sed "s|<body|<title>$n - Agreement</title><body|" > "$out/chromium-browser/$n.html"
    timeout 120 chromium --headless --no-sandbox --disable-gpu \
      --print-to-pdf="$out/chromium-browser/$n.pdf" "file://$out/chromium-browser/$n.html" >/dev/null 2>&1
  fi
  if have soffice; then
    start libreoffice
    timeout 180 soffice --headless --infilter="Text (encoded):UTF8" --convert-to pdf \
      --outdir "$out/libreoffice" "$t" >/dev/null 2>&1
  fi
  if groff_pdf; then
    start groff
    groff_in "$t" | timeout 60 groff -Kutf8 -Tpdf -P-pa4 > "$out/groff/$n.pdf" 2>/dev/null
  fi
  if have pdflatex; then
    start pdftex
    latex_in "$t" > "$out/pdftex/$n.tex"
    (cd "$out/pdftex" && timeout 120 pdflatex -interaction=batchmode "$n.tex" >/dev/null 2>&1)
  fi
  if have groff && have ps2pdf; then
    start ghostscript
    groff_in "$t" | groff -Kutf8 -Tps -P-pa4 2>/dev/null | timeout 60 ps2pdf - "$out/ghostscript/$n.pdf" 2>/dev/null
  fi
  if have enscript && have ps2pdf; then
    start enscript
    iconv -f utf-8 -t latin1//TRANSLIT "$t" | enscript -q -B -X latin1 --word-wrap -o - 2>/dev/null \
      | timeout 60 ps2pdf - "$out/enscript/$n.pdf" 2>/dev/null
  fi
done
for p in chromium chromium-spaced chromium-browser libreoffice groff pdftex ghostscript enscript; do
  if ls "$out/$p"/*.pdf >/dev/null 2>&1; then
    echo "producer $p: $(ls "$out/$p"/*.pdf | wc -l) PDFs"
  else
    echo "SKIPPED producer $p: not installed or failed"
    rm -rf "${out:?}/$p"
  fi
done
