# The Clients area: a client file opened from the screen (accents and all), found again by
# typing "zoe" and by phone digits, its needs analysis written in a form, and the History tab
# telling both, in time order. The file holds exactly what was typed.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" client add --name Dupont --first-name Jean --phone '01 23 45 67 89' >/dev/null
start "$BIN"
wait_for "Overdue callbacks"
keys 3
wait_for "Clients: all clients"
wait_for "Dupont"
keys a
wait_for "New client"
type_text 'Mme' # the cursor starts in the civility
keys Tab
type_text 'Lefèvre'
keys Tab
type_text 'Zoé'
keys Tab Tab
type_text '06 12 34 56 78'
keys F10
wait_for "Client 2 created: Mme Zoé Lefèvre"
wait_for "Client 2: Mme Zoé Lefèvre" # on to the new file
wait_for "06 12 34 56 78"
keys Escape
wait_for "Clients: all clients"
keys /
wait_for "Search:"
type_text 'zoe'
wait_gone "Dupont"
wait_for "Lefèvre"
keys C-u
type_text '0612'
wait_gone "Dupont"
wait_for "Lefèvre"
keys Enter Enter # keep the search, open the file
wait_for "Client 2: Mme Zoé Lefèvre"
wait_for "Client since"
keys Right
wait_for "No needs analysis yet."
keys e
wait_for "Needs analysis of Mme Zoé Lefèvre"
type_text 'Ménage et repassage'
keys Tab
type_text 'quatre'
keys Tab
wait_for "Not a number"
keys BTab C-u
type_text '4,5'
keys Tab
type_text 'Mardi et jeudi matin'
keys F10
wait_for "Needs analysis saved"
wait_for "4.5 h a week"
wait_for "Mardi et jeudi matin"
keys ']'
wait_for "client file created"
wait_for "needs analysed by alice: Ménage"
created=$(line_of "client file created")
analysed=$(line_of "needs analysed by alice")
check '[ "$created" -lt "$analysed" ]' "the history is in time order"
keys Left Left
wait_for "Civility"
"$BIN" client show 2 >"$T/show.txt" || fail "client show failed"
check 'grep -qF "Lefèvre" "$T/show.txt" && grep -qF "Zoé" "$T/show.txt"' "names stored as typed"
check 'grep -qF "Ménage et repassage" "$T/show.txt"' "the needs analysis is stored"
"$BIN" client list --csv >"$T/list.csv"
check 'grep -qF "2,Mme,Lefèvre,Zoé,+33612345678," "$T/list.csv"' "stored as typed, phone in normal form"
check 'grep -F "Lefèvre" "$T/list.csv" | grep -qF ",prospect,"' "a new client is a prospect"
check 'grep -F "Lefèvre" "$T/list.csv" | grep -qF ",1,2026-03-02 10:15"' "has_needs and created_at"
keys Q
wait_for "[exited 0]"
pass
