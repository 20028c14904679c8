# F2 from the first screen opens the new-call form with the cursor in the caller field and the
# time filled with now; F10 saves it; the list behind shows it and the file holds it exactly.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
start env CHARTE_NOW='2026-03-02 10:15' "$BIN"
wait_for "Overdue callbacks"
keys F2
wait_for "New call"
wait_for "2026-03-02 10:15" # the time, filled in
type_text 'Mme Bérénice Lefèvre' # typed straight away: the cursor is in the caller field
keys Tab
type_text '06 12 34 56 78'
keys Tab
type_text 'Devis ménage, 2 h par semaine'
keys Tab Tab Tab Space # callback requested
wait_for "[x]"
keys F10
wait_for "Call 1 logged"
wait_for "Callbacks due today (0)" # back on Today, refreshed
"$BIN" call list --csv >"$T/list.csv" || fail "call list failed"
check 'grep -qF "Mme Bérénice Lefèvre" "$T/list.csv"' "the caller is stored as typed"
check 'grep -qF "+33612345678" "$T/list.csv"' "the phone is stored in normal form"
check 'grep -qF "Devis ménage, 2 h par semaine" "$T/list.csv"' "the subject is stored"
check 'grep -qF "2026-03-03 10:15" "$T/list.csv"' "the callback is due the next working day (R1)"
keys Q
wait_for "[exited 0]"
pass
