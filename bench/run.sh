#!/usr/bin/env bash
# Benchmarks crosscheck end to end on a generated corpus, next to the peers.
#
#   bash bench/run.sh [--size 100MB] [--seed 1] [--jobs "1 2"] [--peers] [--compromise-mb 10] [--rerun]
#                     [--change PCT] [--edit-template] [--work DIR]
#
# Builds Release (build-rel), generates the corpus once per size and seed
# (kept in the work folder, default /tmp/crosscheck-bench), runs
# `crosscheck report --stats` with each --jobs value and prints MB/s, docs/s,
# claims/s and peak RSS per stage, plus wall time and peak RSS of the whole
# process (/usr/bin/time). --rerun runs once more on the unchanged corpus and
# store. --peers runs bench/peers (wink-nlp, compromise; npm ci on first use)
# on the same corpus and prints crosscheck's speed as a multiple of theirs;
# compromise (about 0.1 MB/s) reads only the corpus's first --compromise-mb MB.
# --change PCT runs on a copy of the corpus, rewrites PCT% of its articles
# (every Nth in path order, so the same ones each time: "minutes" become
# "hours" and "Geneva" "Oslo", so their claims change, plus a line of their
# own) and runs again on the same store: wall time as a share of the first
# run, the stages, and how many documents were extracted. --edit-template
# runs once, then again with an edited call_duration template (one pattern
# fewer) in a --templates folder: the re-run re-extracts with that template
# only. Both use the first --jobs value.
set -euo pipefail

size=100MB
seed=1
jobs_list="1 2"
peers=0
rerun=0
change=""
edit_template=0
work=/tmp/crosscheck-bench
compromise_mb=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --jobs) jobs_list="$2"; shift 2 ;;
    --peers) peers=1; shift ;;
    --rerun) rerun=1; shift ;;
    --change) change="$2"; shift 2 ;;
    --edit-template) edit_template=1; shift ;;
    --compromise-mb) compromise_mb="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-rel"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
cmake --build "$build" --target crosscheck bench_corpus -j"$(nproc)" >/dev/null

corpus="$work/corpus-$size-seed$seed"
if [[ ! -f "$corpus/.complete" ]]; then
  rm -rf "$corpus"
  "$build/bench/bench_corpus" --out "$corpus" --size "$size" --seed "$seed"
  touch "$corpus/.complete"
fi
bytes=$(find "$corpus/" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
echo "== corpus $corpus: $(find "$corpus/" -name '*.txt' | wc -l) articles, $bytes bytes; machine load: $(uptime | sed 's/.*load average: //')"

# Logs of this invocation: two runs sharing a work folder must not read each other's.
stats_log="$work/stats-$$.log"
time_log="$work/time-$$.log"
trap 'rm -f "$stats_log" "$time_log"' EXIT

# Runs a command under /usr/bin/time; prints "wall_seconds peak_rss_kib" on fd 3.
timed() {
  local log="$time_log"
  /usr/bin/time -f '%e %M' -o "$log" "$@"
  cat "$log" >&3
}

crosscheck_mbps=()
for jobs in $jobs_list; do
  out="$work/out-$size-seed$seed-j$jobs"
  rm -rf "$out"
  echo "== crosscheck report --jobs $jobs (load: $(uptime | sed 's/.*load average: //'))"
  read -r wall rss < <(timed "$build/crosscheck" report "$corpus" --out "$out" --jobs "$jobs" --stats 3>&1 2>"$stats_log" >/dev/null; true)
  grep -a 'stats:' "$stats_log" | sed 's/^crosscheck: stats: /  /'
  mbps=$(awk -v b="$bytes" -v s="$wall" 'BEGIN { printf "%.2f", b / 1e6 / s }')
  echo "  process: wall $wall s, $mbps MB/s end to end, peak RSS $((rss / 1024)) MiB"
  crosscheck_mbps+=("$jobs:$mbps")
  if [[ $rerun == 1 ]]; then
    echo "== re-run on the unchanged corpus, --jobs $jobs"
    read -r wall2 rss2 < <(timed "$build/crosscheck" report "$corpus" --out "$out" --jobs "$jobs" --stats 3>&1 2>"$stats_log" >/dev/null; true)
    grep -a 'stats:\|documents (' "$stats_log" | sed 's/^crosscheck: \(stats: \)\?/  /'
    echo "  process: wall $wall2 s ($(awk -v a="$wall2" -v b="$wall" 'BEGIN { printf "%.1f%%", 100 * a / b }') of the first run), peak RSS $((rss2 / 1024)) MiB"
  fi
done

# report_twice NAME CORPUS [ARGS OF THE SECOND RUN...]: a first run into a
# fresh folder, then whatever `between` does, then a second run on the same store.
report_twice() {
  local name="$1" corpus_dir="$2"
  shift 2
  local jobs="${jobs_list%% *}" out="$work/out-$name"
  rm -rf "$out"
  echo "== $name: first run, --jobs $jobs (load: $(uptime | sed 's/.*load average: //'))"
  read -r wall rss < <(timed "$build/crosscheck" report "$corpus_dir" --out "$out" --jobs "$jobs" --stats 3>&1 2>"$stats_log" >/dev/null; true)
  grep -a 'stats: jobs' "$stats_log" | sed 's/^crosscheck: stats: /  /'
  echo "  process: wall $wall s, peak RSS $((rss / 1024)) MiB"
  between
  echo "== $name: re-run (load: $(uptime | sed 's/.*load average: //'))"
  read -r wall2 rss2 < <(timed "$build/crosscheck" report "$corpus_dir" --out "$out" --jobs "$jobs" --stats "$@" 3>&1 2>"$stats_log" >/dev/null; true)
  grep -a 'stats:\|documents (' "$stats_log" | sed 's/^crosscheck: \(stats: \)\?/  /'
  echo "  process: wall $wall2 s ($(awk -v a="$wall2" -v b="$wall" 'BEGIN { printf "%.1f%%", 100 * a / b }') of the first run), peak RSS $((rss2 / 1024)) MiB"
}

if [[ -n $change ]]; then
  copy="$work/corpus-$size-seed$seed-change"
  rm -rf "$copy"
  cp -r "$corpus" "$copy"
  between() {
    mapfile -t files < <(find "$copy/" -name '*.txt' | LC_ALL=C sort)
    local n=${#files[@]} k stride i
    k=$(awk -v n="$n" -v p="$change" 'BEGIN { k = int(n * p / 100 + 0.5); if (k < 1) k = 1; print k }')
    stride=$((n / k))
    for ((i = 0; i < k; i++)); do
      sed -i -e 's/\bminutes\b/hours/g; s/\bGeneva\b/Oslo/g' -e "\$a Updated by bench/run.sh --change ($i)." "${files[i * stride]}"
    done
    echo "== rewrote $k of $n articles ($change%, every ${stride}th)"
  }
  report_twice "change-$change-$size-seed$seed" "$copy"
fi

if [[ $edit_template == 1 ]]; then
  edited="$work/templates-edited"
  rm -rf "$edited"
  mkdir -p "$edited"
  # call_duration without its "a call of more than two hours" pattern.
  grep -a -v '^  "(call|conversation) of {value}",$' "$root/templates/call_duration.toml" >"$edited/call_duration.toml"
  cmp -s "$edited/call_duration.toml" "$root/templates/call_duration.toml" && { echo "bench/run.sh: the call_duration edit did not apply" >&2; exit 1; }
  between() { echo "== edited call_duration in $edited"; }
  report_twice "edit-template-$size-seed$seed" "$corpus" --templates "$edited"
fi

if [[ $peers == 1 ]]; then
  peers_dir="$root/bench/peers"
  [[ -d "$peers_dir/node_modules" ]] || (cd "$peers_dir" && npm ci --no-audit --no-fund >/dev/null)
  for peer in wink compromise; do
    echo "== peer $peer (load: $(uptime | sed 's/.*load average: //'))"
    limit=""
    [[ $peer == compromise ]] && limit=$((compromise_mb * 1000000))
    result=$(node "$peers_dir/$peer.js" "$corpus" $limit)
    echo "  $result"
    peer_mbps=$(node -e 'console.log(JSON.parse(process.argv[1]).mb_per_s.toFixed(3))' "$result")
    for entry in "${crosscheck_mbps[@]}"; do
      echo "  crosscheck --jobs ${entry%%:*} is $(awk -v a="${entry#*:}" -v b="$peer_mbps" 'BEGIN { printf "%.1f", a / b }')x $peer"
    done
  done
fi
