# lib.sh — helpers for the terminal scenarios (POSIX sh). A scenario is run as
#   sh tests/e2e/t_NAME.sh /path/to/charte
# and starts with `. "$(dirname "$0")/lib.sh"`. It gets:
#   $BIN                  the program under test
#   $T                    a temporary folder of its own, removed on exit
#   a fixed world         LANG=C.UTF-8 (English), USER=alice, HOME under $T, no CHARTE_*,
#                         LANGUAGE, LC_* or NO_COLOR from the caller
#   new_agency            a fresh agency file $T/a.db (CHARTE_DB), alice its manager, its
#                         details (name, phone, SAP number) set
#   new_agency_bare       the same, its details left empty as `charte init` leaves them
#   start CMD...          run CMD in a fresh tmux server of its own, in an 80x24 window; its
#                         output goes to the terminal, never redirected. When it exits, the
#                         pane shows "[exited N]".
#   keys KEY...           tmux send-keys (names: Enter, Escape, Tab, BTab, F2, F10, Up, C-s...)
#   type_text TEXT        the literal text (send-keys -l), accents and all
#   wait_for TEXT [SECS]  poll the screen until TEXT shows (fixed string), 10 s at most
#   wait_gone TEXT [SECS] poll until TEXT no longer shows
#   line_of TEXT          the first screen line number (1-based) showing TEXT, or 0
#   resize COLS LINES     resize the window (the program gets KEY_RESIZE)
#   screen                the screen now, as text
#   seam KEYS [SIZE]      run the program without a terminal through the test seam
#                         (CHARTE_KEYS, CHARTE_SCREEN); the last screen is in $T/screen
#   check COND LABEL      the shell condition COND holds, or the scenario fails with LABEL
#   fail LABEL            the scenario fails: LABEL and the screen are printed, exit 1
#   pass                  the scenario passed: exit 0
#   need_tmux             fail at once when tmux is missing

set -u

BIN=${1:?usage: sh $0 /path/to/charte}
[ -x "$BIN" ] || {
	echo "$0: $BIN is not an executable" >&2
	exit 2
}
T=$(mktemp -d "${TMPDIR:-/tmp}/charte-e2e.XXXXXX")
SOCK="charte-test$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 130' INT TERM

unset CHARTE_DB CHARTE_NOW CHARTE_KEYS CHARTE_SCREEN CHARTE_SIZE XDG_DATA_HOME LANGUAGE \
	LC_ALL LC_MESSAGES LC_CTYPE NO_COLOR TMUX
export LANG=C.UTF-8
export USER=alice LOGNAME=alice
export HOME="$T/home"
mkdir -p "$HOME"

new_agency() {
	export CHARTE_DB="$T/a.db"
	"$BIN" init >/dev/null 2>"$T/init.err" || fail "charte init: $(cat "$T/init.err")"
	# Its details (A1) set, so that the manager's start goes to Today, not to their form;
	# new_agency_bare leaves them empty.
	"$BIN" settings set agency.name 'Aide Test' >/dev/null 2>&1 &&
		"$BIN" settings set agency.phone '01 02 03 04 05' >/dev/null 2>&1 &&
		"$BIN" settings set agency.sap_number 'SAP000000000' >/dev/null 2>&1 ||
		fail "charte settings set agency.*"
}

new_agency_bare() {
	export CHARTE_DB="$T/a.db"
	"$BIN" init >/dev/null 2>"$T/init.err" || fail "charte init: $(cat "$T/init.err")"
}

start() {
	# A fresh server per scenario (-L), no user configuration (-f /dev/null). The command
	# runs under sh so that its exit status stays on the screen for wait_for.
	_cmd=""
	for _a in "$@"; do
		_cmd="$_cmd '$(printf '%s' "$_a" | sed "s/'/'\\\\''/g")'"
	done
	tmux -L "$SOCK" -f /dev/null new-session -d -s t -x 80 -y 24 \
		"$_cmd; echo \"[exited \$?]\"; sleep 600" || fail "tmux could not start"
}

keys() {
	tmux -L "$SOCK" send-keys -t t "$@"
}

type_text() {
	tmux -L "$SOCK" send-keys -t t -l "$1"
}

screen() {
	tmux -L "$SOCK" capture-pane -p -t t 2>/dev/null
}

# The digit of an area's tab, read from the tab bar (the areas may be reordered, and a title
# that does not fit is cut: its first four letters name it).
tab() {
	_prefix=$(printf "%s" "$1" | cut -c1-3)
	screen | sed -n 2p | grep -o "[0-9] $_prefix" | head -n 1 | cut -c1
}

wait_for() {
	_deadline=$(($(date +%s) + ${2:-10}))
	while :; do
		screen | grep -qF -- "$1" && return 0
		[ "$(date +%s)" -ge "$_deadline" ] && fail "\"$1\" never showed"
		sleep 0.05
	done
}

wait_gone() {
	_deadline=$(($(date +%s) + ${2:-10}))
	while :; do
		screen | grep -qF -- "$1" || return 0
		[ "$(date +%s)" -ge "$_deadline" ] && fail "\"$1\" did not go away"
		sleep 0.05
	done
}

line_of() {
	screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1 | grep . || echo 0
}

resize() {
	tmux -L "$SOCK" resize-window -t t -x "$1" -y "$2"
}

seam() {
	printf '%s' "$1" >"$T/keys"
	rm -f "$T/screen"
	CHARTE_KEYS="$T/keys" CHARTE_SCREEN="$T/screen" CHARTE_SIZE="${2:-80x24}" "$BIN" \
		>"$T/seam.out" 2>"$T/seam.err"
	_rc=$?
	[ "$_rc" -eq 0 ] || fail "the program exited with $_rc: $(cat "$T/seam.err")"
	[ -s "$T/screen" ] || fail "no screen was written"
}

fail() {
	echo "FAILED: $1"
	echo "---- screen"
	if [ -s "$T/screen" ] && ! tmux -L "$SOCK" has-session -t t 2>/dev/null; then
		cat "$T/screen"
	else
		screen
	fi
	echo "----"
	exit 1
}

check() {
	eval "$1" || fail "$2"
}

pass() {
	exit 0
}

# Scenarios that drive a real terminal say so first.
need_tmux() {
	command -v tmux >/dev/null 2>&1 || fail "tmux is not installed (scripts/install-deps)"
}
