#!/usr/bin/env bash
# Installs what is missing, builds crosscheck with its tests, and runs the
# whole suite: unit tests, end-to-end tests on corpus/sample and, when
# ../shared is beside the project, on the seeds and real corpora.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --test
cmake -S . -B build-tests -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=ON
cmake --build build-tests -j "$(nproc)"
ctest --test-dir build-tests --output-on-failure -j "$(nproc)"
