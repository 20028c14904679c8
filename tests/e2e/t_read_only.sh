# A login that is not on the staff can look but not write, and is told why and how to be added.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
CHARTE_NOW='2026-03-02 10:00' "$BIN" call add --caller 'Jean Dupont' --callback >/dev/null
start env USER=visitor LOGNAME=visitor CHARTE_NOW='2026-03-02 10:15' "$BIN"
wait_for "visitor (read only)"
keys F2
wait_for "not on the staff"
wait_for "charte staff add"
check '! screen | grep -qF "New call    "' "the form did not open"
keys Escape # the message box closes with any key (Enter would open the callback listed on Today)
wait_gone "not on the staff"
keys 2
wait_for "Jean Dupont"
keys r
wait_for "not on the staff"
keys Escape # the message box closes
keys 1
wait_for "Overdue callbacks"
keys BTab # Settings, the last tab (Shift-Tab from Today, whatever tabs come between)
wait_for "read only: only a manager can change them"
keys Enter
wait_for "not on the staff"
"$BIN" call list --open --csv >"$T/open.csv"
check 'grep -qF "Jean Dupont" "$T/open.csv"' "nothing was written"
pass
