#!/bin/sh
# run.sh — the terminal scenarios: sh tests/e2e/run.sh /path/to/charte
# Runs every tests/e2e/t_*.sh, each on a tmux server of its own (or, for the seam scenarios,
# with no terminal at all). Prints PASS or FAIL per scenario, with what it saw on a failure;
# the last line is "N passed, N failed"; the exit status is non-zero on any failure.
set -u
bin=${1:?usage: sh tests/e2e/run.sh /path/to/charte}
case $bin in
/*) ;;
*) bin="$(pwd)/$bin" ;;
esac
dir=$(dirname "$0")
log=$(mktemp "${TMPDIR:-/tmp}/charte-e2e-log.XXXXXX")
trap 'rm -f "$log"' EXIT
passed=0
failed=0
for t in "$dir"/t_*.sh; do
	[ -e "$t" ] || continue
	name=$(basename "$t" .sh)
	start=$(date +%s)
	if sh "$t" "$bin" >"$log" 2>&1; then
		passed=$((passed + 1))
		echo "PASS  $name ($(($(date +%s) - start)) s)"
	else
		failed=$((failed + 1))
		echo "FAIL  $name"
		sed 's/^/      /' "$log"
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
