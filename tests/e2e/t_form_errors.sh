# Each field is checked as it is left, with the reason under it; a failed save keeps all that was
# typed and names the field; once corrected, F10 saves.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
start env CHARTE_NOW='2026-03-02 10:15' "$BIN"
wait_for "Overdue callbacks"
keys F2
wait_for "New call"
keys Tab # leaving the caller empty
wait_for "Must not be empty"
type_text '12 34'
keys Tab
wait_for "A French number has 10 digits"
type_text 'Objet gardé'
keys Tab C-u
type_text '31/02/2026 10:00'
keys Tab
wait_for "No such day"
keys F10
wait_for "Not saved: see the reason under the field."
wait_for "Objet gardé" # nothing typed is lost
wait_for "12 34"
type_text 'Mme Ève Dœuf' # the cursor went to the first field in error: the caller
keys Tab C-u
type_text '01 23 45 67 89'
keys Tab Tab C-u
type_text '2026-03-02 10:16' # a minute in the future
keys F10
wait_for "later than now"
keys C-u
type_text '2026-03-02 09:58'
keys F10
wait_for "Call 1 logged"
"$BIN" call list --csv >"$T/list.csv"
check 'grep -qF "2026-03-02 09:58,Mme Ève Dœuf,+33123456789,Objet gardé" "$T/list.csv"' \
	"saved as corrected"
pass
