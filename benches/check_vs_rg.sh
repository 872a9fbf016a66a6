#!/usr/bin/env bash
# Speed of `treatyscan check` over the whole ToTA corpus against a keyword
# baseline: `rg -i -c` with 40 patterns of the same vocabulary over the same
# files, in one run, best of three each (page cache warmed first).
#
#   benches/check_vs_rg.sh [CORPUS_DIR]     (default ../shared/corpus/tota)
#
# Target: check within 2x of rg. Installs ripgrep (Debian package) if missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/tota}
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
if ! command -v rg >/dev/null; then
  echo "ripgrep missing: installing the Debian package" >&2
  apt-get install -y ripgrep >/dev/null
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin=$root/target/release/treatyscan

patterns=(
  'cultural industr' 'industrias culturales' 'industries culturelles'
  'audio-?visual' 'broadcast' 'radiodifusi' 'radiodiffusi'
  'cultural (goods|services|products)' 'bienes y servicios culturales' 'biens et services culturels'
  'cultural diversity' 'diversidad cultural' 'diversit. culturelle'
  'diversity of cultural expressions' 'expresiones culturales' 'expressions culturelles'
  'cultural polic' 'pol.ticas culturales' 'politiques culturelles'
  'cultural co-?operation' 'cooperaci.n cultural' 'coop.ration culturelle'
  'co-?production' 'creative arts' 'traditional cultural expressions'
  'electronic commerce' 'comercio electr.nico' 'commerce .lectronique' 'digital trade'
  'electronic transmission' 'transmisiones electr.nicas' 'digital products' 'productos digitales'
  'customs duties' 'derechos aduaneros' 'less favou?rable treatment' 'trato menos favorable'
  'right to regulate' 'derecho a regular' 'public welfare'
)
args=()
for p in "${patterns[@]}"; do args+=(-e "$p"); done
files=("$corpus"/*.xml)
cat "${files[@]}" >/dev/null

best() { # best wall time of three runs of "$@", in seconds
  local best=
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null || true
    t1=$(date +%s.%N)
    best=$(awk -v a="$t0" -v b="$t1" -v best="$best" 'BEGIN { t = b - a; if (best == "" || t < best) best = t; printf "%.3f", best }')
  done
  echo "$best"
}

rg_time=$(best rg -i -c "${args[@]}" "${files[@]}")
check_time=$(best "$bin" check --format json --fail-on never "${files[@]}")
echo "files:            ${#files[@]} ($(du -sh "$corpus" | cut -f1))"
echo "rg -i -c (${#patterns[@]} patterns): ${rg_time}s"
echo "treatyscan check:  ${check_time}s"
awk -v c="$check_time" -v r="$rg_time" 'BEGIN { printf "ratio check/rg:    %.2fx (target <= 2x)\n", c / r }'
