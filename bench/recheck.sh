#!/usr/bin/env bash
# Incremental re-check benchmark: a first `crosscheck report` on a copy of the
# bench corpus, then a re-run after 1% of the articles changed (a sentence
# appended to every 100th file). Prints --stats for both, with how many
# subject groups each run checked, wall time and peak RSS.
#   bash bench/recheck.sh [--size 10MB] [--seed 1] [--jobs 1] [--work DIR]
# The corpus is made by bench/run.sh's generator (built here if needed).
set -euo pipefail

size=10MB
seed=1
jobs=1
work=/tmp/crosscheck-bench
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "bench/recheck.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-rel"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
cmake --build "$build" --target crosscheck bench_corpus -j"$(nproc)" >/dev/null
mkdir -p "$work"

corpus="$work/corpus-$size-seed$seed"
if [[ ! -f "$corpus/.complete" ]]; then
  rm -rf "$corpus"
  "$build/bench/bench_corpus" --out "$corpus" --size "$size" --seed "$seed"
  touch "$corpus/.complete"
fi
# A copy to change: the generated corpus stays as bench/run.sh expects it.
copy="$work/recheck-corpus-$size-seed$seed"
out="$work/recheck-out-$size-seed$seed-j$jobs"
rm -rf "$copy" "$out"
cp -r "$corpus" "$copy"

run() {
  local log="$work/recheck-time.log"
  /usr/bin/time -f '%e %M' -o "$log" "$build/crosscheck" report "$copy" --out "$out" --jobs "$jobs" --stats \
    2>"$work/recheck-stats.log" >/dev/null || { cat "$work/recheck-stats.log" >&2; exit 1; }
  grep 'stats:' "$work/recheck-stats.log" | sed 's/^crosscheck: stats: /  /'
  read -r wall rss <"$log"
  echo "  process: wall $wall s, peak RSS $((rss / 1024)) MiB"
}

echo "== first run on $copy, --jobs $jobs (load: $(uptime | sed 's/.*load average: //'))"
run
mapfile -t files < <(find "$copy" -name '*.txt' | sort)
changed=0
for ((i = 0; i < ${#files[@]}; i += 100)); do
  printf '\nThe newsroom updated this article after publication.\n' >>"${files[$i]}"
  changed=$((changed + 1))
done
echo "== re-run after changing $changed of ${#files[@]} articles (load: $(uptime | sed 's/.*load average: //'))"
run
