# Shared helpers for the shell-level robustness tests (sourced, not run).
# Each test prints what it does, counts failures, and exits non-zero if any
# check failed; CTest runs them with CROSSCHECK_BINARY and CROSSCHECK_SOURCE_DIR set.
set -uo pipefail

: "${CROSSCHECK_BINARY:?set CROSSCHECK_BINARY to the crosscheck executable}"
: "${CROSSCHECK_SOURCE_DIR:?set CROSSCHECK_SOURCE_DIR to the project folder}"
BIN=$(realpath "$CROSSCHECK_BINARY")
SRC=$(realpath "$CROSSCHECK_SOURCE_DIR")
failures=0
checks=0

WORK=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-robust.XXXXXX")
cleanup() {
  # Undo what a test may have made undeletable before removing the folder.
  chattr -R -i "$WORK" 2>/dev/null || true
  chmod -R u+rwX "$WORK" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }
pass() { checks=$((checks + 1)); printf '  ok    %s\n' "$*"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); printf '  FAIL  %s\n' "$*"; }
skip() { printf '  SKIP  %s\n' "$*"; }

# run NAME CMD...: runs CMD, keeping its exit code in $rc and stderr in $WORK/NAME.err.
run() {
  local name=$1
  shift
  "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  rc=$?
  printf '  ran   %s -> exit %d\n' "$*" "$rc"
}

expect_rc() {  # expect_rc WANT WHAT
  if [[ $rc -eq $1 ]]; then pass "$2: exit $rc"; else fail "$2: exit $rc, wanted $1"; fi
}
expect_rc_not0() {  # expect_rc_not0 WHAT
  if [[ $rc -ne 0 ]]; then pass "$1: exit $rc"; else fail "$1: exit 0, wanted a failure"; fi
}
expect_in() {  # expect_in FILE TEXT WHAT: FILE contains TEXT (fixed string)
  if grep -qF -- "$2" "$1"; then pass "$3"; else fail "$3: no \"$2\" in $(basename "$1")"; sed 's/^/        | /' "$1" | head -20; fi
}
expect_not_in() {
  if grep -qF -- "$2" "$1"; then fail "$3: \"$2\" found in $(basename "$1")"; else pass "$3"; fi
}

# The SQLite checks need the sqlite3 shell (Debian package sqlite3).
sql() { sqlite3 -batch -noheader "$1" "$2"; }

# Counts that must never change: duplicates, integrity.
expect_store_sound() {  # expect_store_sound DB WHAT
  local db=$1 what=$2 integrity dup_docs dup_claims dup_sources
  integrity=$(sql "$db" 'PRAGMA integrity_check;' 2>&1)
  if [[ $integrity == ok ]]; then pass "$what: integrity_check ok"; else fail "$what: integrity_check: $integrity"; fi
  # A run killed while it creates the store leaves a file without tables: the
  # schema is written in one transaction, so it is all there or not at all.
  local tables
  tables=$(sql "$db" "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%';" 2>&1)
  if [[ $tables == 0 ]]; then pass "$what: no schema yet (killed while the store was created): nothing stored"; return; fi
  if [[ $(sql "$db" "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('documents', 'claims', 'document_sources');" 2>&1) != 3 ]]; then
    fail "$what: a partial schema ($tables tables, not documents, claims and document_sources)"; return
  fi
  dup_docs=$(sql "$db" 'SELECT count(*) FROM (SELECT content_hash FROM documents GROUP BY content_hash HAVING count(*) > 1);')
  dup_claims=$(sql "$db" 'SELECT count(*) FROM (SELECT 1 FROM claims GROUP BY document_id, template_id, pattern, match_start, value_start, value_end HAVING count(*) > 1);')
  dup_sources=$(sql "$db" 'SELECT count(*) FROM (SELECT path FROM document_sources GROUP BY path HAVING count(*) > 1);')
  if [[ "$dup_docs/$dup_claims/$dup_sources" == 0/0/0 ]]; then
    pass "$what: no duplicated document, claim or source"
  else
    fail "$what: duplicates (documents/claims/sources) = $dup_docs/$dup_claims/$dup_sources"
  fi
}

finish() {
  printf '\n%s: %d checks, %d failed\n' "$(basename "$0")" "$checks" "$failures"
  [[ $failures -eq 0 ]]
}
