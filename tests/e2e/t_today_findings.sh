# Today shows the charter's findings grouped by promise, in charter order, with their counts and
# the first few of each; Enter on a finding opens the record to fix: the referent-missing one
# the client's file (where the referent shows as missing), the needs-missing one its Needs tab.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" staff add --login karim --name 'Karim Benali' --role coordinator >/dev/null ||
	fail "staff add"
"$BIN" client add --name Orphelin --first-name Anne --status active >/dev/null  # 1: S1
"$BIN" client add --name Seul --first-name Bruno --status active >/dev/null     # 2: S1
"$BIN" client add --name Suivi --status active --referent karim >/dev/null      # 3: fine
"$BIN" client add --name Devisé --first-name Claire --referent karim >/dev/null # 4: O1
"$BIN" quote add --client 4 >/dev/null || fail "quote add"
CHARTE_NOW='2026-02-26 10:00' "$BIN" call add --caller 'En retard' --callback >/dev/null
start "$BIN"
wait_for "Charter findings (4)"
wait_for "A5  Callbacks within 24 h — 1, listed above"
wait_for "O1  A rigorous analysis of the client's needs — 1"
wait_for "S1  A named referent for each client — 2"
wait_for "Devisé Claire has a quote or a contract but no needs analysis"
wait_for "Orphelin Anne: active client without an active referent"
wait_for "Seul Bruno: active client without an active referent"
heading=$(line_of "Charter findings")
o1=$(line_of "O1  A rigorous")
s1=$(line_of "S1  A named referent")
orphan=$(line_of "Orphelin Anne")
check '[ "$heading" -lt "$o1" ] && [ "$o1" -lt "$s1" ] && [ "$s1" -lt "$orphan" ]' \
	"grouped by promise, in charter order"
check '[ "$(line_of "Overdue callbacks")" -lt "$heading" ]' "the calls come first"
keys End Up # the first S1 finding
keys Enter
wait_for "Client 1: Anne Orphelin"
wait_for "none: an active client needs a referent (S1)"
keys e
wait_for "Edit client 1"
keys Tab Tab Tab Tab Tab Tab Tab Tab # to the referent
type_text 'kar'
wait_for "Choose a member of staff"
wait_for "Karim Benali"
keys Enter
keys F10
wait_for "Client 1 saved"
wait_for "Karim Benali (karim)" # the file names the referent
keys Escape
wait_for "S1  A named referent for each client — 1" # fixed, and Today knows
wait_gone "Orphelin Anne"
keys Home Down # from the overdue call, past the empty sections, to the O1 finding
keys Enter
wait_for "Client 4: Claire Devisé"
wait_for "No needs analysis yet."
pass
