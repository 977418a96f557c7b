#!/usr/bin/env bash
# Crash safety: SIGKILL `crosscheck report` at random moments on a generated
# corpus of a few thousand documents, re-run on the same store, and check that
# the store passes PRAGMA integrity_check, holds no duplicated document, source
# or claim, that any report.json left behind is whole, and that the finished
# report equals (byte for byte) the one of an uninterrupted run.
#   CROSSCHECK_KILL_DOCS   documents to generate (default 3000)
#   CROSSCHECK_KILLS       kills that must land mid-run (default 20; at most 3x as many attempts)
#   CROSSCHECK_KILL_SEED   seed for the kill moments (default: random, printed)
source "$(dirname "$0")/lib.sh"

DOCS=${CROSSCHECK_KILL_DOCS:-3000}
KILLS=${CROSSCHECK_KILLS:-20}
SEED=${CROSSCHECK_KILL_SEED:-$RANDOM}
RANDOM=$SEED
C=$WORK/corpus
step "generating $DOCS documents in $C (kill seed $SEED)"
python3 "$SRC/tests/robustness/generate_corpus.py" "$C" "$DOCS"
echo "  $(find "$C" -name '*.txt' | wc -l) files, $(du -sh "$C" | cut -f1)"

step "the uninterrupted reference run"
t0=$(date +%s%N)
run reference "$BIN" report "$C" --out "$WORK/ref" -q
ref_ms=$((($(date +%s%N) - t0) / 1000000))
expect_rc 0 "reference run (${ref_ms} ms)"
ref_counts=$(sql "$WORK/ref/crosscheck.db" 'SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM document_sources), (SELECT count(*) FROM claims), (SELECT count(*) FROM findings);')
echo "  documents|sources|claims|findings = $ref_counts"

OUT=$WORK/out
killed=0 completed=0 partial_reports=0
report_equal() {  # report_equal WHAT
  local f ok=1
  for f in report.json report.md report.html; do
    if ! cmp -s "$WORK/ref/$f" "$OUT/$f"; then ok=0; fail "$1: $f differs from the uninterrupted run's"; diff <(head -c 100000 "$WORK/ref/$f") <(head -c 100000 "$OUT/$f") | head -10 | sed 's/^/        /'; fi
  done
  [[ $ok -eq 1 ]] && pass "$1: report.json, report.md and report.html equal the uninterrupted run's"
}

step "runs killed with SIGKILL at random moments until $KILLS kills have landed mid-run"
# The window starts as the reference run's time and shrinks to the time of any
# run that finished before its kill (the machine's load varies).
window_ms=$ref_ms
attempt=0
while [[ $killed -lt $KILLS && $attempt -lt $((KILLS * 3)) ]]; do
  attempt=$((attempt + 1))
  i=$attempt
  delay_ms=$(((RANDOM * 32768 + RANDOM) % (window_ms + 1)))
  started=$(date +%s%N)
  "$BIN" report "$C" --out "$OUT" -q >/dev/null 2>"$WORK/kill-$i.err" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -KILL "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null
    status=$?
  else
    wait "$pid"
    status=$?
  fi
  if [[ $status -eq 137 ]]; then
    killed=$((killed + 1))
    stored=$(sql "$OUT/crosscheck.db" 'SELECT count(*) FROM documents;' 2>/dev/null || echo "no store yet")
    echo "  attempt $i: SIGKILL after ${delay_ms} ms; documents stored so far: $stored"
    if [[ -e $OUT/crosscheck.db ]]; then expect_store_sound "$OUT/crosscheck.db" "kill $killed"; fi
    if [[ -e $OUT/report.json ]]; then
      if ! python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$OUT/report.json" 2>/dev/null; then
        partial_reports=$((partial_reports + 1)); fail "kill $killed: report.json is not whole JSON"
      fi
    fi
  elif [[ $status -eq 0 ]]; then
    completed=$((completed + 1))
    took_ms=$((($(date +%s%N) - started) / 1000000))
    echo "  attempt $i: the run finished in ${took_ms} ms, before its kill at ${delay_ms} ms"
    report_equal "run $i (resumed after kills)"
    expect_store_sound "$OUT/crosscheck.db" "run $i"
    rm -rf "$OUT"   # start over, so that later kills land in extraction again
    if [[ $took_ms -lt $window_ms ]]; then window_ms=$took_ms; fi
  else
    fail "attempt $i: the run exited with $status before it was killed"; sed 's/^/        /' "$WORK/kill-$i.err" | head -5
  fi
done

step "the run after the last kill completes and matches the reference"
run final "$BIN" report "$C" --out "$OUT" -q
expect_rc 0 "final run"
report_equal "final run"
expect_store_sound "$OUT/crosscheck.db" "final store"
counts=$(sql "$OUT/crosscheck.db" 'SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM document_sources), (SELECT count(*) FROM claims), (SELECT count(*) FROM findings);')
if [[ $counts == "$ref_counts" ]]; then pass "documents|sources|claims|findings = $counts, as in the reference store"; else fail "counts $counts, reference $ref_counts"; fi
echo "  summary: $killed killed mid-run, $completed finished before their kill, $partial_reports broken report files"
if [[ $killed -eq $KILLS ]]; then pass "$KILLS runs were killed mid-run ($attempt attempts)"; else fail "only $killed of $KILLS kills landed mid-run in $attempt attempts"; fi

finish
