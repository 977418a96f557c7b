#!/usr/bin/env bash
# Output paths: nothing taken from input (file and folder names, outlets,
# URLs, template ids) decides where crosscheck writes. A run on a corpus full
# of "../" names writes only its fixed files inside --out, and files planted in
# --out as symbolic links are replaced, never written through.
source "$(dirname "$0")/lib.sh"

S="The call between Anna Lindqvist and Tomas Koval lasted 90 minutes, officials said."
C=$WORK/sandbox/corpus
OUT=$WORK/sandbox/a/b/out
# (Names starting with "." are hidden files, which the scanner skips by design.)
mkdir -p "$C/%2e%2e%2f%2e%2e%2fescape" "$C/-rf" "$WORK/sandbox/a/b"
step "a corpus whose names, outlets and URLs try to leave the output folder"
n=0
for f in "%2e%2e%2f%2e%2e%2fescape/a..%2f.txt" "-rf/--out=..txt" "\$(touch pwned).txt" "<script>alert(1)<:script>.txt" \
    "$(printf 'new\nline').txt" "x..\\..\\windows.txt"; do
  n=$((n + 1))
  printf '%s (%d)\n' "$S" "$n" >"$C/$f"   # distinct contents: six documents, not one
done
cat >"$C/outlets.toml" <<'T'
[[document]]
path = "**/*.txt"
outlet = "../../../../escape-outlet"
url = "file:///etc/passwd"

[[document]]
path = "-rf/--out=..txt"
outlet = "/tmp/../etc/x"
url = "../../report.json"
T
find "$C" | sed "s|^$WORK/||; s/^/  /"
mkdir -p "$WORK/templates"
sed 's/^id = .*/id = "..\/..\/escape"/' "$SRC/templates/call_duration.toml" >"$WORK/templates/escape.toml"

step "a template id with ../ is refused before anything is written"
run bad-id "$BIN" report "$C" --out "$OUT" --templates "$WORK/templates"
expect_rc 3 "template id '../../escape'"
expect_in "$WORK/bad-id.err" "must be lower case letters, digits and '_'" "the id is refused, saying what ids may hold"
if [[ ! -e $OUT ]]; then pass "nothing written"; else fail "$OUT created"; fi

step "the report run"
touch "$WORK/marker"
sleep 1
run report "$BIN" report "$C" --out "$OUT"
expect_rc 0 "report on the corpus of hostile names"
expect_in "$WORK/report.err" "6 documents (6 extracted" "every file was read"
written=$(find "$WORK" -newer "$WORK/marker" -not -type d | sed "s|^$WORK/||" | grep -v '^report\.\(out\|err\)$' | sort | tr '\n' ' ')
echo "  written since the run started: $written"
want="sandbox/a/b/out/crosscheck.db sandbox/a/b/out/crosscheck.db.lock sandbox/a/b/out/report.html sandbox/a/b/out/report.json sandbox/a/b/out/report.md "
if [[ $written == "$want" ]]; then pass "only the five fixed files inside --out were written"; else fail "written: $written"; fi
for f in /tmp/escape-outlet /etc/x "$WORK/sandbox/escape" "$WORK/escape" pwned "$WORK/sandbox/pwned"; do
  if [[ -e $f ]]; then fail "$f exists"; fi
done
pass "no escape-outlet, etc/x or pwned file anywhere"
python3 - "$OUT/report.json" >"$WORK/json.check" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
names = sorted(d["path"] for d in r["documents"])
print("ok" if len(names) == 6 else "FAIL", "report.json lists the 6 documents under their corpus paths:", names)
print("ok" if all(d["outlet"] in ("../../../../escape-outlet", "/tmp/../etc/x") for d in r["documents"]) else "FAIL",
      "outlets are kept as data, verbatim")
PY
while read -r verdict rest; do if [[ $verdict == ok ]]; then pass "$rest"; else fail "$rest"; fi; done <"$WORK/json.check"
expect_not_in "$OUT/report.html" "<script>alert(1)" "report.html escapes the file name with a script tag"

step "symbolic links planted in --out are replaced, not written through"
printf 'precious\n' >"$WORK/victim"
for f in report.json report.md report.html report.json.tmp report.md.tmp report.html.tmp; do
  rm -f "$OUT/$f"
  ln -s "$WORK/victim" "$OUT/$f"
done
run relink "$BIN" report "$C" --out "$OUT"
expect_rc 0 "report into a folder of planted links"
if [[ $(cat "$WORK/victim") == precious ]]; then pass "the link target is untouched"; else fail "the link target was overwritten"; fi
for f in report.json report.md report.html; do
  if [[ -f $OUT/$f && ! -L $OUT/$f ]]; then pass "$f is a regular file again"; else fail "$f is still a link"; fi
done
left=$(find "$OUT" -name '*.tmp' | wc -l)
if [[ $left == 0 ]]; then pass "no .tmp file left"; else fail "$left .tmp files left"; fi

finish
