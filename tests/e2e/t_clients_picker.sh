# F2 offers a client picker above the caller: typing searches as you type, Enter chooses, and
# the caller and phone are filled in; the call is stored with that client. Esc leaves the field
# empty, and a call from a client's number is still linked by the phone. From the client's file,
# F2 starts a call of that client; the call's page names the client and `o` opens the file.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" client add --civility Mme --name Lefèvre --first-name Zoé --phone '06 12 34 56 78' >/dev/null
"$BIN" client add --civility M. --name Lefort --first-name Paul --phone '01 23 45 67 89' >/dev/null
start "$BIN"
wait_for "Overdue callbacks"
keys F2
wait_for "New call"
keys Up # from the caller to the client above it
type_text 'zo'
wait_for "Choose a client"
wait_for "Lefèvre"
wait_gone "Lefort"
keys Enter
wait_gone "Choose a client"
wait_for "Mme Zoé Lefèvre" # the caller, filled in
wait_for "06 12 34 56 78"
type_text 'Question sur la facture' # the cursor went on to the subject
keys F10
wait_for "Call 1 logged"
keys F2
wait_for "New call"
type_text 'Voisin de M. Lefort'
keys Up
type_text 'lef'
wait_for "Choose a client"
keys Escape # nothing chosen: the field stays empty
wait_gone "Choose a client"
keys Down Tab # past the caller to the phone
type_text '01 23 45 67 89'
keys F10
wait_for "Call 2 logged"
"$BIN" call list --csv >"$T/calls.csv"
check 'head -1 "$T/calls.csv" | grep -q client_id' "the call list has client_id"
col=$(head -1 "$T/calls.csv" | tr ',' '\n' | grep -n '^client_id$' | cut -d: -f1)
check '[ "$(grep "Question sur la facture" "$T/calls.csv" | cut -d, -f"$col")" = 1 ]' \
	"the client chosen is stored"
check '[ "$(grep "Voisin de M. Lefort" "$T/calls.csv" | cut -d, -f"$col")" = 2 ]' \
	"left empty, the call is linked by the phone"
keys 3
wait_for "Lefèvre"
keys Enter
wait_for "Client 1: Mme Zoé Lefèvre"
keys F2
wait_for "New call"
wait_for "Mme Zoé Lefèvre"
type_text 'Rappel' # the subject: caller and phone came with the client
keys F10
wait_for "Call 3 logged"
"$BIN" call list --csv >"$T/calls.csv"
check '[ "$(grep ",Rappel," "$T/calls.csv" | cut -d, -f"$col")" = 1 ]' \
	"a call from the client's file is the client's"
keys 2
wait_for "Rappel"
keys Enter
wait_for "Call 3"
wait_for "c: open the file"
keys c
wait_for "Client 1: Mme Zoé Lefèvre"
pass
