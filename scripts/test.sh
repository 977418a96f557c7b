#!/usr/bin/env bash
# Installs what is missing, builds crosscheck with its tests, and runs the
# whole suite: unit tests, end-to-end tests on corpus/sample and, when
# ../shared is beside the project, on the seeds and real corpora; the
# robustness tests (tests/robustness/); then the same suite again under
# AddressSanitizer and UndefinedBehaviorSanitizer, and each fuzz target for a
# bounded time.
#   CROSSCHECK_SANITIZERS=0     skip the sanitizer and fuzzing stage
#   CROSSCHECK_FUZZ_SECONDS=N   seconds per fuzz target (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --test
echo "== test.sh: Release build and the whole suite"
cmake -S . -B build-tests -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=ON
cmake --build build-tests -j "$(nproc)"
ctest --test-dir build-tests --output-on-failure -j "$(nproc)"

if [[ ${CROSSCHECK_SANITIZERS:-1} == 0 ]]; then
  echo "== test.sh: sanitizers and fuzzing skipped (CROSSCHECK_SANITIZERS=0)"
  exit 0
fi

# One clang build serves both: ASan+UBSan everywhere (-O1 to keep it quick on
# two cores), and the fuzz targets linked with libFuzzer. The browser tests
# are left out there: they test the page, not memory safety, and are slow.
echo "== test.sh: the suite again under AddressSanitizer and UndefinedBehaviorSanitizer (build-asan)"
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCROSSCHECK_SANITIZE=ON -DCROSSCHECK_FUZZ=ON -DCROSSCHECK_BUILD_TESTS=ON
cmake --build build-asan -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The crash-safety test kills fewer, smaller runs here: the sanitizers slow each run down.
CROSSCHECK_KILLS=10 CROSSCHECK_KILL_DOCS=1500 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -E '^browser[.]'

echo "== test.sh: fuzzing each target for ${CROSSCHECK_FUZZ_SECONDS:-20} s"
FUZZ_BUILD_DIR=build-asan bash scripts/fuzz.sh "${CROSSCHECK_FUZZ_SECONDS:-20}"
