# In Calls, "/" searches as you type: "lefe" finds Mme Lefèvre (accents ignored) and nobody
# else; "c" marks her called back with a note; Esc drops the search.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" call add --caller 'Jean Dupont' --phone 0123456789 --subject 'Facture' --callback >/dev/null
"$BIN" call add --caller 'Mme Bérénice Lefèvre' --phone 0612345678 --callback >/dev/null
"$BIN" call add --caller 'Paul Martin' --subject 'Horaires' --answered >/dev/null
start "$BIN"
wait_for "Overdue callbacks"
keys 2
wait_for "Paul Martin"
keys /
wait_for "Search:"
type_text 'lefe'
wait_gone "Paul Martin"
wait_gone "Jean Dupont"
wait_for "Mme Bérénice Lefèvre"
keys Enter # keep the search, back to the list's keys
keys r
wait_for "Called back"
type_text 'Rappelée, RDV jeudi 14 h'
keys Enter
wait_for "Call 2: called back"
wait_for "called back" # the status column
keys Escape # the search goes
wait_for "Paul Martin"
"$BIN" call list --csv >"$T/list.csv" || fail "call list failed"
check 'grep -F "Lefèvre" "$T/list.csv" | grep -qF "2026-03-02 10:15"' "called_back_at is set"
"$BIN" call list --open --csv >"$T/open.csv"
check '! grep -qF "Lefèvre" "$T/open.csv"' "no longer an open callback"
pass
