#!/bin/sh
# run.sh — the command-line tests: sh tests/cli/run.sh /path/to/charte
# Runs every tests/cli/t_*.sh with the program's path; each prints its own results. The last
# line is the sum, "N passed, N failed"; the exit status is non-zero on any failure.
set -u
bin=${1:?usage: sh tests/cli/run.sh /path/to/charte}
case $bin in
/*) ;;
*) bin="$(pwd)/$bin" ;;
esac
dir=$(dirname "$0")
tally=$(mktemp "${TMPDIR:-/tmp}/charte-cli-tally.XXXXXX")
trap 'rm -f "$tally"' EXIT
passed=0
failed=0
for t in "$dir"/t_*.sh; do
	[ -e "$t" ] || continue
	before=$(wc -l <"$tally")
	echo "== $(basename "$t")"
	CLI_TALLY=$tally sh "$t" "$bin"
	status=$?
	if [ "$(wc -l <"$tally")" -eq "$before" ]; then
		# The script died before counting: that is a failure of its own.
		echo "$(basename "$t"): stopped early (exit $status)"
		echo "0 1" >>"$tally"
	fi
done
while read -r p f; do
	passed=$((passed + p))
	failed=$((failed + f))
done <"$tally"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
