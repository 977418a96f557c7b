#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang (-fsanitize=fuzzer,address,undefined)
# in build-fuzz/ (or FUZZ_BUILD_DIR), replays the inputs that once crashed (fuzz/regressions/TARGET),
# then fuzzes each target for a bounded time starting from its committed seed
# corpus (fuzz/corpus/TARGET). New inputs go to BUILD/corpus/TARGET, not
# into the repository; a crash leaves its input in BUILD/crashes/TARGET and
# fails the script.
#   usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 25 s, every target)
#   FUZZ_JOBS       parallel fuzzing processes per target (default 1)
#   FUZZ_BUILD_DIR  build folder (default build-fuzz); one already configured with
#                   CROSSCHECK_FUZZ=ON (scripts/test.sh's build-asan) is reused as it is
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-25}
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(fuzz_document fuzz_sentences fuzz_template fuzz_values fuzz_manifest)
fi

B=${FUZZ_BUILD_DIR:-build-fuzz}
if ! grep -q '^CROSSCHECK_FUZZ:BOOL=ON' "$B/CMakeCache.txt" 2>/dev/null; then
  CC=clang CXX=clang++ cmake -S . -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCROSSCHECK_FUZZ=ON -DCROSSCHECK_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$B" -j "$(nproc)" --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
parallel=()
if [[ ${FUZZ_JOBS:-1} -gt 1 ]]; then parallel=(-fork="$FUZZ_JOBS"); fi
for t in "${targets[@]}"; do
  mkdir -p "$B/corpus/$t" "$B/crashes/$t"
  if [[ -d fuzz/regressions/$t ]] && [[ -n $(ls -A "fuzz/regressions/$t") ]]; then
    echo "fuzz: $t: replaying fuzz/regressions/$t"
    if ! "$B/fuzz/$t" "fuzz/regressions/$t"/* >"$B/$t.replay.log" 2>&1; then
      tail -30 "$B/$t.replay.log"
      failed+=("$t (regression)")
      continue
    fi
  fi
  echo "fuzz: $t: ${seconds} s from fuzz/corpus/$t"
  if "$B/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$B/crashes/$t/" "${parallel[@]}" \
      "$B/corpus/$t" "fuzz/corpus/$t" >"$B/$t.log" 2>&1; then
    runs=$(grep -h 'stat::number_of_executed_units' "$B/$t.log" | awk '{s += $2} END {print s + 0}')
    cov=$(grep -h '^#.*DONE\|^Done' "$B/$t.log" | tail -2 | tr '\n' ' ')
    echo "fuzz: $t: ok, $runs executions; $cov"
  else
    tail -40 "$B/$t.log"
    echo "fuzz: $t: CRASH, input saved in $B/crashes/$t/"
    failed+=("$t")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: failures: ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${seconds} s each, no crash"
