#!/usr/bin/env bash
# Store faults at the command line: two runs on one store at once, an older
# schema (migrated) and a newer one (refused), a read-only store or output
# folder, and a full disk. Read-only mounts and the small disk use a private
# mount namespace (unshare -m), which needs root or user namespaces; without
# them those parts are skipped with a message.
source "$(dirname "$0")/lib.sh"

C=$WORK/corpus
python3 "$SRC/tests/robustness/generate_corpus.py" "$C" 1500
SAMPLE=$SRC/corpus/sample
counts() { sql "$1" 'SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims), (SELECT count(*) FROM runs);'; }

step "(b) two runs on one store at once"
# First deterministically: flock(1) holds the store's lock as a running run does.
mkdir -p "$WORK/held"
flock -x "$WORK/held/crosscheck.db.lock" sleep 5 &
holder=$!
sleep 0.5
run held "$BIN" report "$SAMPLE" --out "$WORK/held"
expect_rc 4 "a run while another process holds the store's lock"
expect_in "$WORK/held.err" "another crosscheck run is using this store" "it says why"
expect_in "$WORK/held.err" "give this run another --db" "and what to do"
if [[ ! -e $WORK/held/crosscheck.db ]]; then pass "it did not touch the store"; else fail "it created the store"; fi
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null

# Then two real runs.
"$BIN" report "$C" --out "$WORK/two" -q 2>"$WORK/first.err" &
first=$!
# Wait until the first run holds the lock (its store exists), then start the second.
for _ in $(seq 200); do [[ -s $WORK/two/crosscheck.db ]] && break; sleep 0.05; done
run second "$BIN" report "$SAMPLE" --out "$WORK/two"
if [[ $rc -eq 4 ]]; then
  expect_in "$WORK/second.err" "another crosscheck run is using this store" "the second run, while the first runs, fails saying why"
else
  # On a fast machine the first run may be done before the second starts.
  echo "  the first run ended before the second started (exit $rc): no overlap this time"
  expect_rc 0 "the second run, after the first"
fi
run third "$BIN" report "$SAMPLE" --out "$WORK/elsewhere" --db "$WORK/two/crosscheck.db"
if [[ $rc -eq 4 ]]; then pass "a third run naming the same store with --db was refused too"; else expect_rc 0 "a third run, after the first"; fi
wait "$first"
rc=$?
expect_rc 0 "the first run is not disturbed"
expect_store_sound "$WORK/two/crosscheck.db" "after two runs at once"
echo "  documents|claims|runs = $(counts "$WORK/two/crosscheck.db")"
if [[ $(sql "$WORK/two/crosscheck.db" "SELECT count(*) FROM runs WHERE status != 'completed';") == 0 ]]; then
  pass "the store records only completed runs, nothing half done"
else fail "runs not completed in the store"; fi
run after "$BIN" report "$SAMPLE" --out "$WORK/two"
expect_rc 0 "once the first run ended, the store is free again"

step "(c) a store at schema version 1 is migrated; one from a newer version is refused"
mkdir -p "$WORK/v1"
sqlite3 "$WORK/v1/crosscheck.db" <"$SRC/tests/store/fixtures/store_v1.sql"
sqlite3 "$WORK/v1/crosscheck.db" 'PRAGMA user_version = 1; PRAGMA application_id = 1667457899;'
echo "  made $WORK/v1/crosscheck.db from tests/store/fixtures/store_v1.sql (user_version 1)"
run v1 "$BIN" report "$SAMPLE" --out "$WORK/v1"
expect_rc 0 "report on a version 1 store"
v=$(sql "$WORK/v1/crosscheck.db" 'PRAGMA user_version;')
current=$(sed -n 's/.*kSchemaVersion = \([0-9]*\);.*/\1/p' "$SRC/src/store/store.h")
if [[ -n $current && $v == "$current" ]]; then pass "the store is now at schema version $current"; else fail "user_version is $v after the run, not ${current:-?}"; fi
expect_store_sound "$WORK/v1/crosscheck.db" "migrated store"
if cmp -s "$WORK/v1/report.json" "$WORK/two/report.json"; then pass "its report equals that of a new store"; else fail "the migrated store's report differs"; fi

cp -r "$WORK/two" "$WORK/newer"
sql "$WORK/newer/crosscheck.db" 'PRAGMA user_version = 99;' >/dev/null
before=$(sha256sum "$WORK/newer/crosscheck.db")
run newer "$BIN" report "$SAMPLE" --out "$WORK/newer"
expect_rc_not0 "report on a store from a newer version"
expect_in "$WORK/newer.err" "schema version 99, written by a newer crosscheck" "the refusal names the version"
expect_in "$WORK/newer.err" "Upgrade crosscheck or use another --db" "and what to do"
if [[ $(sha256sum "$WORK/newer/crosscheck.db") == "$before" ]]; then pass "the newer store is left byte for byte as it was"; else fail "the newer store was changed"; fi

# The rest needs a private mount namespace.
if ! unshare -m true 2>/dev/null; then
  skip "(d) and (e): unshare -m is not permitted here (needs root or user namespaces)"
  finish
  exit $?
fi

step "(d) a read-only output folder, a read-only store"
cp -r "$WORK/two" "$WORK/ro"
ro_before=$(cd "$WORK/ro" && sha256sum crosscheck.db report.json)
# Inside the namespace: bind the folder onto itself, then remount it read-only.
# in_ns DIR CMD...: runs CMD where DIR is read-only (its own mount namespace).
in_ns() { unshare -m bash -c 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" && exec "$@"' "$@"; }
run ro-out in_ns "$WORK/ro" "$BIN" report "$SAMPLE" --out "$WORK/ro"
expect_rc 4 "report into a read-only output folder"
expect_in "$WORK/ro-out.err" "the output folder is not writable: Read-only file system" "the error says the folder is read-only"
mkdir -p "$WORK/ro-out2"
run ro-db in_ns "$WORK/ro" "$BIN" report "$SAMPLE" --out "$WORK/ro-out2" --db "$WORK/ro/crosscheck.db"
expect_rc 4 "report with --db on a read-only file system"
expect_in "$WORK/ro-db.err" "$WORK/ro/crosscheck.db" "the error names the store"
expect_in "$WORK/ro-db.err" "not writable: Read-only file system" "and says it is read-only"
if [[ $(cd "$WORK/ro" && sha256sum crosscheck.db report.json) == "$ro_before" ]]; then pass "the read-only store and report are unchanged"; else fail "read-only files changed"; fi
expect_store_sound "$WORK/ro/crosscheck.db" "read-only store"

run bigref "$BIN" report "$C" --out "$WORK/bigref" -q
cp "$WORK/bigref/report.json" "$WORK/big-reference.json"

step "(e) a full disk: a 1 MiB tmpfs holds a first store, then fills up on a larger corpus"
# All in one mount namespace (the tmpfs vanishes with it); results are copied out.
mkdir -p "$WORK/disk" "$WORK/d"
D=$WORK/disk/out
unshare -m bash -c "
  mount -t tmpfs -o size=1m tmpfs '$WORK/disk' || exit 99
  '$BIN' report '$SAMPLE' --out '$D' -q; echo \$? >'$WORK/d/rc1'
  cp '$D/report.json' '$WORK/d/first.json'
  '$BIN' report '$C' --out '$D' 2>'$WORK/d/full.err'; echo \$? >'$WORK/d/rc2'
  df -h '$WORK/disk' | tail -1 >'$WORK/d/df'
  sqlite3 '$D/crosscheck.db' 'PRAGMA integrity_check;' >'$WORK/d/integrity' 2>&1
  cp '$D/report.json' '$WORK/d/kept.json'
  ls '$D' | grep -c '[.]tmp$' >'$WORK/d/tmpfiles'
  # Room again: the same store finishes the larger corpus.
  mount -o remount,size=64m '$WORK/disk'
  '$BIN' report '$C' --out '$D' -q 2>'$WORK/d/again.err'; echo \$? >'$WORK/d/rc3'
  cp '$D/crosscheck.db' '$WORK/d/after.db'
  cp '$D/report.json' '$WORK/d/after.json'
"
if [[ $? -eq 99 ]]; then
  skip "(e): cannot mount a tmpfs here"
else
  sed 's/^/  df after the failed run: /' "$WORK/d/df"
  rc=$(cat "$WORK/d/rc1"); expect_rc 0 "the first, small run fits"
  rc=$(cat "$WORK/d/rc2"); expect_rc 4 "the run that fills the disk fails"
  sed 's/^/  | /' "$WORK/d/full.err" | tail -3
  expect_in "$WORK/d/full.err" "disk is full" "the error says the disk is full"
  if [[ $(cat "$WORK/d/integrity") == ok ]]; then pass "integrity_check ok on the full disk"; else fail "integrity_check: $(cat "$WORK/d/integrity")"; fi
  if cmp -s "$WORK/d/first.json" "$WORK/d/kept.json"; then pass "the earlier report.json is kept whole"; else fail "the earlier report.json was changed"; fi
  if [[ $(cat "$WORK/d/tmpfiles") == 0 ]]; then pass "no half-written .tmp report left behind"; else fail "$(cat "$WORK/d/tmpfiles") .tmp files left"; fi
  rc=$(cat "$WORK/d/rc3"); expect_rc 0 "with room again, the same store completes the larger corpus"
  expect_store_sound "$WORK/d/after.db" "store after the full disk"
  if cmp -s "$WORK/d/after.json" "$WORK/big-reference.json"; then pass "and its report equals a run that never ran out of disk"; else fail "the report after the full disk differs from the reference"; fi
fi

finish
