#!/usr/bin/env bash
# A corpus of everything scrapers produce, built at run time: each file is
# either read (and yields its claim) or skipped with a warning naming the file
# and the reason; the run goes on, the summary counts the skips, and --strict
# turns any skip into exit code 3.
source "$(dirname "$0")/lib.sh"

C=$WORK/corpus
mkdir -p "$C"
S="The call between Anna Lindqvist and Tomas Koval lasted 90 minutes, officials said."

step "building the hostile corpus in $C"
printf '%s\n' "$S" >"$C/plain.txt"
printf 'Stray bytes \xff\xfe\xc3 here. %s\n' "$S" >"$C/invalid-utf8.txt"
printf 'Caf\xe9 and na\xefve \x93quotes\x94 in Windows-1252. %s\n' "$S" >"$C/cp1252.txt"
printf 'Latin-1 only: \xe9t\xe9 \xe0 Z\xfcrich. %s\n' "$S" >"$C/latin1.txt"
printf '%s\n' "$S" | iconv -f UTF-8 -t UTF-16 >"$C/utf16-bom.txt"   # iconv writes a BOM
printf '%s\n' "$S" | iconv -f UTF-8 -t UTF-16BE | { printf '\xfe\xff'; cat; } >"$C/utf16be-bom.txt"
head -c 8192 "$BIN" >"$C/binary.txt"
: >"$C/empty.txt"
printf ' \n\t\r\n \n' >"$C/blank.txt"
# 200 MB, sparse: the size limit (64 MiB) skips it before a byte is read.
printf '%s\n' "$S" >"$C/huge.txt"
truncate -s 200M "$C/huge.txt"
# Two lines of more than a megabyte: a run-on "sentence" of 240,000 words that
# ends in the claim, then a line of 100,000 capitalised phrases and commas.
{
  head -c 1200000 /dev/zero | tr '\0' 'a' | sed 's/aaaa/word /g'
  printf '. %s\n' "$S"
  head -c 1200000 /dev/zero | tr '\0' 'a' | sed 's/aaaaaaaaaaa/Fine words, /g'
  printf '\n'
} >"$C/long-lines.txt"
printf 'Before a NUL\0after it. %s\n' "$S" >"$C/nul-bytes.txt"
printf 'First line.\r\n%s\r\nLast line.\r\n' "$S" >"$C/crlf.txt"
printf '<!DOCTYPE html>\n<html><head><title>T</title><script>var s = "%s";</script></head>\n<body><nav>Home | World</nav><p>%s</p></body></html>\n' \
  "The call lasted 5 minutes." "$S" >"$C/html-saved-as.txt"
ln -s loop-b.txt "$C/loop-a.txt"
ln -s loop-a.txt "$C/loop-b.txt"
ln -s does-not-exist.txt "$C/dangling.txt"
mkdir "$C/sub" && ln -s .. "$C/sub/up"   # a folder loop: not followed
mkfifo "$C/fifo.txt"
ls -la "$C" | sed 's/^/  /'

# Unreadable files: root reads everything, so for root the run drops the
# capabilities that bypass file permissions (setpriv), which makes mode 000 bite.
printf '%s\n' "$S" >"$C/unreadable.txt"
chmod 000 "$C/unreadable.txt"
mkdir "$C/locked" && printf '%s\n' "$S" >"$C/locked/inside.txt" && chmod 000 "$C/locked"
AS=()
have_unreadable=1
if [[ $(id -u) -eq 0 ]]; then
  if setpriv --bounding-set=-dac_override,-dac_read_search true 2>/dev/null; then
    AS=(setpriv --bounding-set=-dac_override,-dac_read_search)
    echo "  running as root without CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH so that mode 000 applies"
  else
    have_unreadable=0
    chmod 644 "$C/unreadable.txt"; chmod 755 "$C/locked"
    echo "  cannot drop CAP_DAC_OVERRIDE here (setpriv failed): unreadable files are not tested"
  fi
fi

# name -> reason fragment, for the files that must be skipped.
declare -A SKIPPED=(
  [binary.txt]="binary file"
  [empty.txt]="empty file"
  [blank.txt]="skipped:"
  [huge.txt]="too large for an article (200 MiB"
  [loop-a.txt]="symbolic link loop"
  [loop-b.txt]="symbolic link loop"
  [dangling.txt]="broken symbolic link"
  [fifo.txt]="not a regular file (a FIFO)"
)
if [[ $have_unreadable -eq 1 ]]; then
  SKIPPED[unreadable.txt]="Permission denied"
  SKIPPED[locked/]="cannot read folder"
fi
READ=(plain.txt invalid-utf8.txt cp1252.txt latin1.txt utf16-bom.txt utf16be-bom.txt long-lines.txt nul-bytes.txt crlf.txt html-saved-as.txt)

step "crosscheck report on the hostile corpus"
start=$(date +%s)
run report timeout 300 "${AS[@]}" "$BIN" report "$C" --out "$WORK/out"
echo "  took $(($(date +%s) - start)) s"
expect_rc 0 "the run completes despite the bad files"
for f in "${!SKIPPED[@]}"; do
  expect_in "$WORK/report.err" "warning: $f: skipped: " "$f is skipped with a warning naming it"
  expect_in "$WORK/report.err" "${SKIPPED[$f]}" "$f: the reason (${SKIPPED[$f]})"
done
expect_in "$WORK/report.err" "cp1252.txt: not UTF-8: converted from Windows-1252" "Windows-1252 is detected and converted"
expect_in "$WORK/report.err" "utf16-bom.txt: not UTF-8: converted from UTF-16LE (byte-order mark)" "UTF-16LE with a BOM is converted"
expect_in "$WORK/report.err" "utf16be-bom.txt: not UTF-8: converted from UTF-16BE (byte-order mark)" "UTF-16BE with a BOM is converted"
expect_in "$WORK/report.err" "${#SKIPPED[@]} skipped)" "the closing summary counts ${#SKIPPED[@]} skipped files"
expect_not_in "$WORK/report.err" "up/" "the folder symlink loop is not followed"

step "report.json: every readable file gave its one claim, skips are counted and listed"
python3 - "$WORK/out/report.json" "${#SKIPPED[@]}" "${READ[@]}" <<'PY' >"$WORK/json.check" 2>&1
import json, sys
report = json.load(open(sys.argv[1]))
skipped, read = int(sys.argv[2]), sys.argv[3:]
claims = {d["path"]: d["claims"] for d in report["documents"]}
for name in read:
    want = 1
    print(("ok" if claims.get(name) == want else "FAIL"), f"{name}: {claims.get(name)} claims (want {want})")
print(("ok" if report["summary"]["skipped_documents"] == skipped else "FAIL"),
      f"summary.skipped_documents = {report['summary']['skipped_documents']} (want {skipped})")
values = {c["value"] for f in report["findings"] for c in f["claims"]}
print(("ok" if values == {"90 min"} else "FAIL"), f"values {sorted(values)} (the script's '5 minutes' must not count)")
skips = [d for d in report["diagnostics"] if d["message"].startswith("skipped: ")]
print(("ok" if len(skips) == skipped else "FAIL"), f"{len(skips)} 'skipped:' diagnostics in report.json")
PY
while read -r verdict rest; do
  if [[ $verdict == ok ]]; then pass "$rest"; else fail "$verdict $rest"; fi
done <"$WORK/json.check"

step "--strict: the same corpus fails with exit code 3, naming the skipped files"
run strict "${AS[@]}" "$BIN" report "$C" --out "$WORK/out-strict" --strict
expect_rc 3 "--strict with skipped files"
expect_in "$WORK/strict.err" "files skipped, and --strict makes that an error" "--strict says why it failed"
expect_in "$WORK/strict.err" "dangling.txt: broken symbolic link" "--strict names a skipped file and its reason"

step "--strict on the readable files alone succeeds"
mkdir "$WORK/clean"
for f in "${READ[@]}"; do cp "$C/$f" "$WORK/clean/"; done
run strict-clean "$BIN" report "$WORK/clean" --out "$WORK/out-clean" --strict
expect_rc 0 "--strict with nothing skipped"
expect_in "$WORK/strict-clean.err" "0 skipped)" "the summary says 0 skipped"

finish
