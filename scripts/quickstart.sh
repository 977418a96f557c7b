#!/usr/bin/env bash
# Quick start: installs what is missing, builds crosscheck, and writes the
# consistency report for the bundled sample corpus to reports/sample/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=OFF
cmake --build build --target crosscheck -j "$(nproc)"
./build/crosscheck report corpus/sample --out reports/sample
echo
echo "Report: reports/sample/report.md (for people), reports/sample/report.json (for tools)"
