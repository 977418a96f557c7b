#!/usr/bin/env bash
# Installs the Debian 12 packages crosscheck needs, skipping those already
# present. Usage: scripts/install-deps.sh [--test|--bench]
#   (no flag)  what building and running crosscheck needs
#   --test     also what the test suite needs
#   --bench    also what bench/ needs (micro-benchmarks, the npm peers, /usr/bin/time)
# Runs apt-get as root, or through sudo when not root. Every dependency is a
# Debian package: nothing is downloaded at build time, nothing is vendored.
set -euo pipefail

build_packages=(
  build-essential cmake ninja-build pkg-config
  libsqlitecpp-dev libsqlite3-dev      # the store
  libboost-graph-dev                   # the subject graph
  libspdlog-dev                        # logging (CLI only)
  libtomlplusplus-dev                  # templates, knowledge, manifests
  nlohmann-json3-dev                   # report.json
  libcli11-dev                         # command line
  libre2-dev                           # linear-time pattern matching
  libicu-dev                           # Unicode normalisation (NFC)
  libssl-dev                           # SHA-256 content hashes
  catch2                               # unit tests (built by default)
  graphviz                             # dot draws the subject graph in report.html (optional at run time)
)
test_packages=(
  python3 python3-jsonschema           # validates report.json against schemas/report.schema.json
  chromium                             # browser tests of report.html (tests/browser), headless
  nodejs npm                           # run them with playwright-core, which `npm ci` installs there
  fonts-dejavu-core                    # a known font, so screenshots have text to measure
)

bench_packages=(
  libbenchmark-dev                     # bench_micro (Google Benchmark)
  nodejs npm                           # bench/peers: wink-nlp and compromise
  time                                 # peak RSS of whole runs
)

# Packages whose command may come from elsewhere (e.g. NodeSource's nodejs,
# which bundles npm and conflicts with Debian's npm): present when the command is.
declare -A provided_by_command=([nodejs]=node [npm]=npm)

packages=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then
  packages+=("${test_packages[@]}")
elif [[ "${1:-}" == "--bench" ]]; then
  packages+=("${bench_packages[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  if [[ -n "${provided_by_command[$p]:-}" ]] && command -v "${provided_by_command[$p]}" >/dev/null 2>&1; then
    continue
  fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
