#!/usr/bin/env bash
# Bad templates, knowledge, manifests and crosscheck.toml: each error names
# file:line:column, the run exits non-zero (3, invalid input), and the store and
# reports of an earlier run are left byte for byte as they were. A fresh output
# folder is not even created: configuration is loaded before the store is opened.
source "$(dirname "$0")/lib.sh"

cp -r "$SRC/corpus/sample" "$WORK/corpus"
OUT=$WORK/out
step "a good run first, to have a store and reports to protect"
run good "$BIN" report "$WORK/corpus" --out "$OUT"
expect_rc 0 "the good run"
fingerprint() { (cd "$OUT" && sha256sum crosscheck.db report.json report.md report.html && ls -A | tr '\n' ' '); }
before=$(fingerprint)
runs_before=$(sql "$OUT/crosscheck.db" 'SELECT count(*) FROM runs;')
echo "$before" | sed 's/^/  /'

GOOD=$SRC/templates/call_duration.toml
# case NAME FLAG FILE WANT_POSITION WANT_TEXT: writes stdin to $WORK/NAME/FILE, runs
# with FLAG pointing at it, and checks exit code, message and the untouched store.
case_() {
  local name=$1 flag=$2 file=$3 where=$4 text=$5 dir=$WORK/$1 target
  mkdir -p "$dir"
  cat >"$dir/$file"
  target=$dir
  [[ $flag == --manifest ]] && target=$dir/$file
  step "$name: $flag $dir/$file"
  sed 's/^/  | /' "$dir/$file" | head -6
  run "$name" "$BIN" report "$WORK/corpus" --out "$OUT" "$flag" "$target"
  expect_rc 3 "$name"
  expect_in "$WORK/$name.err" "$dir/$file:$where" "$name: the error is at $file:$where"
  expect_in "$WORK/$name.err" "$text" "$name: the error says \"$text\""
  if [[ $(fingerprint) == "$before" ]]; then pass "$name: store and reports byte for byte unchanged"; else fail "$name: the output folder changed"; fi
  run "$name-fresh" "$BIN" report "$WORK/corpus" --out "$WORK/$name-out" "$flag" "$target"
  if [[ ! -e $WORK/$name-out ]]; then pass "$name: no output folder or store created"; else fail "$name: created $WORK/$name-out"; fi
}

case_ tpl-malformed --templates bad.toml 2:14 "unescaped control characters" <<'T'
id = "broken"
label = "oops
T
sed 's/^patterns = \[/patterns = 5\nold_patterns = [/' "$GOOD" | case_ tpl-wrong-type --templates bad.toml 10:12 "'patterns' must be an array of strings"
sed 's/^description/descripton/' "$GOOD" | case_ tpl-unknown-key --templates bad.toml 3:1 "unknown key 'descripton'; did you mean 'description'?"
sed 's/(call|calls|conversation|conversations|chat|phone|exchange) \[/(call|calls [/' "$GOOD" |
  case_ tpl-bad-pattern --templates bad.toml 12:4 "unclosed '('; expected ')'"
sed 's/{value}",$/{value:nosuchtype}",/' "$GOOD" | case_ tpl-unknown-type --templates bad.toml 12: "nosuchtype"
case_ know-malformed --knowledge people.toml 3:19 "encountered end-of-file" <<'T'
[[person]]
name = "Ann Example"
aliases = ["Ann",
T
case_ know-wrong-type --knowledge people.toml 3:11 "must be a string or an array of strings" <<'T'
[[person]]
name = "Ann Example"
aliases = 5
T
case_ know-unknown-key --knowledge people.toml 3:1 "unknown key 'alias'; did you mean 'aliases'?" <<'T'
[[person]]
name = "Ann Example"
alias = ["Ann"]
T
case_ man-malformed --manifest outlets.toml 1:12 "expected ']'" <<'T'
[[document]
path = "nordic-wire.txt"
T
case_ man-wrong-type --manifest outlets.toml 3:10 "'outlet' must be a string, not integer" <<'T'
[[document]]
path = "nordic-wire.txt"
outlet = 5
T
case_ man-unknown-key --manifest outlets.toml 3:1 "unknown key 'outlett'; did you mean 'outlet'?" <<'T'
[[document]]
path = "nordic-wire.txt"
outlett = "Nordic Wire"
T
case_ man-bad-date --manifest outlets.toml 4:13 "'published' must be a date" <<'T'
[[document]]
path = "nordic-wire.txt"
outlet = "Nordic Wire"
published = "2025-02-30"
T

step "a malformed crosscheck.toml in the working folder"
mkdir -p "$WORK/cwd"
printf 'templates = ["a",\n' >"$WORK/cwd/crosscheck.toml"
run cwd bash -c "cd '$WORK/cwd' && '$BIN' report '$WORK/corpus' --out '$OUT' --templates '$SRC/templates'"
expect_rc_not0 "malformed crosscheck.toml"
expect_in "$WORK/cwd.err" "crosscheck.toml:" "the error names crosscheck.toml"
if [[ $(fingerprint) == "$before" ]]; then pass "crosscheck.toml: store and reports unchanged"; else fail "crosscheck.toml: the output folder changed"; fi

step "the store recorded no run for any of the failed attempts"
runs_after=$(sql "$OUT/crosscheck.db" 'SELECT count(*) FROM runs;')
if [[ $runs_after == "$runs_before" ]]; then pass "runs table still has $runs_before row(s)"; else fail "runs: $runs_before -> $runs_after"; fi
expect_store_sound "$OUT/crosscheck.db" "after the failed runs"

finish
