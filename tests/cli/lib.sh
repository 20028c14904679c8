# lib.sh — helpers for the command-line tests (POSIX sh). A test script is run as
#   sh tests/cli/t_NAME.sh /path/to/charte
# and starts with `. "$(dirname "$0")/lib.sh"`. It gets:
#   $BIN                     the program under test
#   $T                       a temporary folder of its own, removed on exit
#   a fixed world            LC_ALL=C.UTF-8 (English messages), USER=marie, HOME under $T,
#                            no CHARTE_DB / XDG_DATA_HOME / CHARTE_NOW from the caller
#   new_agency NAME          a fresh agency file $T/NAME.db (CHARTE_DB), marie its manager
#   run CMD...               run a command; $rc, $T/out, $T/err hold what it did
#   expect_exit CODE CMD...  run, and check the exit status
#   expect_stdout TEXT       the last run's stdout is exactly TEXT (trailing newlines aside)
#   expect_stdout_match ERE  some line of the last run's stdout matches
#   expect_stderr_match ERE  some line of the last run's stderr matches
#   expect_stderr_lines N    the last run wrote exactly N lines on stderr
#   expect_eq GOT WANT LABEL
#   csv_get COL KEYCOL KEY   (stdin: CSV) the COL cell of the row whose KEYCOL is KEY
#   csv_col COL              (stdin: CSV) the COL cell of every row, one a line
#   csv_rows                 (stdin: CSV) the number of records after the header
#   csv_header               (stdin: CSV) the header's names, one a line
#   finish                   print "SCRIPT: N passed, N failed"; exit non-zero on a failure
# Variables of the helpers start with "_". Checks print "ok  LABEL" or "FAIL  LABEL" with what was expected and what came.

set -u

BIN=${1:?usage: sh $0 /path/to/charte}
[ -x "$BIN" ] || {
	echo "$0: $BIN is not an executable" >&2
	exit 2
}
T=$(mktemp -d "${TMPDIR:-/tmp}/charte-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
rc=0

# A fixed world: nothing from the caller's session leaks in.
unset CHARTE_DB CHARTE_NOW XDG_DATA_HOME LANGUAGE LANG LC_MESSAGES NO_COLOR
export LC_ALL=C.UTF-8
export USER=marie LOGNAME=marie
export HOME="$T/home"
mkdir -p "$HOME"

_nl='
'
# A label on one line: line breaks in it shown as '|'.
_say() {
	case $2 in
	*"$_nl"*) printf '%s  %s\n' "$1" "$(printf '%s' "$2" | tr '\n' '|')" ;;
	*) printf '%s  %s\n' "$1" "$2" ;;
	esac
}

ok() {
	passed=$((passed + 1))
	_say ok "$1"
}

fail() {
	failed=$((failed + 1))
	_say FAIL "$1"
	shift
	for _line in "$@"; do
		printf '      %s\n' "$_line"
	done
}

# The command as one readable line, for labels.
show() {
	_s=
	for _a in "$@"; do
		case $_a in
		"$BIN") _a=charte ;;
		*[!A-Za-z0-9_./:=@+-]* | '') _a="'$_a'" ;;
		esac
		_s="$_s${_s:+ }$_a"
	done
	printf '%s' "$_s"
}

run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

expect_exit() {
	_want=$1
	shift
	run "$@"
	_label="exit $_want: $(show "$@")"
	if [ "$rc" -eq "$_want" ]; then
		ok "$_label"
	else
		fail "$_label" "exit status $rc" "stdout: $(head -c 300 "$T/out")" \
			"stderr: $(head -c 300 "$T/err")"
	fi
}

expect_stdout() {
	_got=$(cat "$T/out")
	if [ "$_got" = "$1" ]; then
		ok "stdout is '$1'"
	else
		fail "stdout is '$1'" "got: '$_got'"
	fi
}

expect_stdout_match() {
	if grep -Eq -- "$1" "$T/out"; then
		ok "stdout matches /$1/"
	else
		fail "stdout matches /$1/" "stdout: $(head -c 400 "$T/out")"
	fi
}

expect_stderr_match() {
	if grep -Eq -- "$1" "$T/err"; then
		ok "stderr matches /$1/"
	else
		fail "stderr matches /$1/" "stderr: $(head -c 400 "$T/err")"
	fi
}

expect_stderr_lines() {
	_n=$(wc -l <"$T/err" | tr -d ' ')
	if [ "$_n" -eq "$1" ]; then
		ok "$1 line(s) on stderr"
	else
		fail "$1 line(s) on stderr" "got $_n: $(head -c 400 "$T/err")"
	fi
}

expect_eq() {
	if [ "$1" = "$2" ]; then
		ok "$3"
	else
		fail "$3" "expected: '$2'" "got:      '$1'"
	fi
}

new_agency() {
	export CHARTE_DB="$T/$1.db"
	rm -f "$CHARTE_DB" "$CHARTE_DB-wal" "$CHARTE_DB-shm"
	if ! "$BIN" --now '2026-01-05 09:00' init 2>"$T/err"; then
		fail "init $1" "$(cat "$T/err")"
	fi
}

# An RFC 4180 reader in awk (quoted fields with commas, doubled quotes and line breaks; rows
# end with CRLF or LF). mode: get (COL KEYCOL KEY), rows, header.
csv_awk='
function endfield() { cell[nr, nf++] = f; f = "" }
function endrow() { endfield(); ncol[nr++] = nf; nf = 0 }
{ data = data $0 }
END {
	n = length(data); nr = 0; nf = 0; f = ""; inq = 0; started = 0
	for (i = 1; i <= n; i++) {
		ch = substr(data, i, 1)
		if (inq) {
			if (ch == "\"") {
				if (substr(data, i + 1, 1) == "\"") { f = f "\""; i++ }
				else inq = 0
			} else f = f ch
			continue
		}
		if (ch == "\"" && f == "") { inq = 1; started = 1 }
		else if (ch == ",") { endfield(); started = 1 }
		else if (ch == "\r" && substr(data, i + 1, 1) == "\n") { i++; endrow(); started = 0 }
		else if (ch == "\n") { endrow(); started = 0 }
		else { f = f ch; started = 1 }
	}
	if (started || f != "" || nf > 0) endrow()
	if (mode == "rows") { print (nr > 0 ? nr - 1 : 0); exit }
	if (mode == "header") { for (c = 0; c < ncol[0]; c++) print cell[0, c]; exit }
	ci = -1; ki = -1
	if (mode == "col") kcol = col
	for (c = 0; c < ncol[0]; c++) {
		if (cell[0, c] == col) ci = c
		if (cell[0, c] == kcol) ki = c
	}
	if (ci < 0 || ki < 0) { print "csv: no column " (ci < 0 ? col : kcol) > "/dev/stderr"; exit 1 }
	if (mode == "col") { for (r = 1; r < nr; r++) print cell[r, ci]; exit }
	for (r = 1; r < nr; r++)
		if (cell[r, ki] == key) { printf "%s", cell[r, ci]; exit }
	print "csv_get: no row with " kcol " = " key > "/dev/stderr"
	exit 1
}'

csv_get() {
	awk -v RS='\001' -v mode=get -v col="$1" -v kcol="$2" -v key="$3" "$csv_awk"
}

csv_col() {
	awk -v RS='\001' -v mode=col -v col="$1" "$csv_awk"
}

csv_rows() {
	awk -v RS='\001' -v mode=rows "$csv_awk"
}

csv_header() {
	awk -v RS='\001' -v mode=header "$csv_awk"
}

# The number of calls in the current agency file, cancelled ones included.
count_calls() {
	"$BIN" call list --all --csv | csv_rows
}

finish() {
	printf '%s: %d passed, %d failed\n' "$(basename "$0")" "$passed" "$failed"
	if [ -n "${CLI_TALLY:-}" ]; then
		echo "$passed $failed" >>"$CLI_TALLY"
	fi
	[ "$failed" -eq 0 ]
}
