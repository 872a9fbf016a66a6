#!/usr/bin/env bash
# Runs every fuzz target (examples/fuzz_loop/targets.rs) for SECONDS each
# (default 600), with libFuzzer through `cargo fuzz` when a nightly toolchain
# and cargo-fuzz are installed, else with the stable-Rust mutation loop
# (examples/fuzz_loop). Seeds: the invented agreements and rule files of
# this repository, and, when ../shared is beside it, its realworld texts and
# its smallest ToTA agreements (read in place, never copied into the repo).
# A crash is written to fuzz/artifacts/TARGET/ and ends that target's run;
# the script then prints it and exits 1. Set JOBS=N to run N targets at once.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
toolchain=${TOOLCHAIN:-+nightly}
shared=../shared
targets=(${TARGETS:-structure tota rules pdf docx web})

seed_dir() {  # a fresh folder of seeds for target $1
  local dir=fuzz/corpus/seeds-$1
  rm -rf "$dir" && mkdir -p "$dir"
  case $1 in
    structure)
      find corpus -name '*.txt' -exec cp {} "$dir"/ \;
      [ -d $shared/corpus/realworld-texts ] && find $shared/corpus/realworld-texts -type f -size -200k -exec cp {} "$dir"/ \;
      [ -d $shared/cases/realworld ] && find $shared/cases/realworld -name '*.txt' -exec cp {} "$dir"/ \; ;;
    tota)
      cp fuzz/seeds/tota/*.xml "$dir"/
      [ -d $shared/corpus/tota ] && ls -S $shared/corpus/tota/*.xml | tail -20 | xargs -I{} cp {} "$dir"/ ;;
    rules)
      cp rules/*.toml "$dir"/ && rm -f "$dir"/terms.toml ;;
    pdf)
      [ -d $shared/corpus/hostile-pdf ] && find $shared/corpus/hostile-pdf -name '*.pdf' -size -64k -exec cp {} "$dir"/ \;
      [ -d $shared/corpus/pdf ] && ls -S $shared/corpus/pdf/*.pdf | tail -2 | xargs -I{} cp {} "$dir"/ ;;
    docx)
      [ -d $shared/corpus/pdf ] && ls -S $shared/corpus/pdf/*.docx | tail -4 | xargs -I{} cp {} "$dir"/
      [ -d $shared/cases/realworld ] && find $shared/cases/realworld -name '*.docx' -exec cp {} "$dir"/ \; ;;
    web)
      find corpus tests/fixtures -name '*.html' -o -name '*.htm' -o -name '*.md' | xargs -I{} cp {} "$dir"/
      [ -d $shared/corpus/realworld-texts ] && find $shared/corpus/realworld-texts -name '*.md' -size -200k -exec cp {} "$dir"/ \; ;;
  esac
  echo "$dir"
}

run_loop() {  # the stable fallback
  local target=$1 seeds
  seeds=$(seed_dir "$target")
  nice -n 19 target/release/examples/fuzz_loop "$target" "$seconds" "$seeds" \
    2>"fuzz/artifacts/$target.log"
}

run_one() {
  local target=$1 seeds
  [ "$mode" = loop ] && { run_loop "$target"; return; }
  seeds=$(seed_dir "$target")
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  nice -n 19 cargo $toolchain fuzz run -s none -a "$target" "fuzz/corpus/$target" "$seeds" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
    -print_final_stats=1 >"fuzz/artifacts/$target.log" 2>&1
  local status=$?
  local runs
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "fuzz/artifacts/$target.log" | grep -o '[0-9]*$')
  echo "$target: ${runs:-?} executions in ${seconds} s, exit $status, crashes: $(ls "fuzz/artifacts/$target" | wc -l)"
  return $status
}

mkdir -p fuzz/artifacts
if cargo $toolchain fuzz --version >/dev/null 2>&1; then
  mode=libfuzzer
  nice -n 19 cargo $toolchain fuzz build -s none -a || exit 2
else
  mode=loop
  echo "no nightly cargo-fuzz: the stable mutation loop runs instead"
  cargo build --release --example fuzz_loop || exit 2
fi
failed=0
if [ "${JOBS:-1}" -gt 1 ]; then
  for t in "${targets[@]}"; do run_one "$t" & done
  for t in "${targets[@]}"; do wait -n || failed=1; done
else
  for t in "${targets[@]}"; do run_one "$t" || failed=1; done
fi
for t in "${targets[@]}"; do
  for crash in fuzz/artifacts/"$t"/*; do
    [ -f "$crash" ] && echo "crash: $crash (replay: cargo $toolchain fuzz run -s none -a $t $crash)"
  done
done
exit $failed
