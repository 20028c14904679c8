# The quote and contract forms check each field as it is left, with the reason beside it; a
# refused save keeps everything typed and names the field (the domain's own reasons too, such as
# an overlapping slot); Esc asks before dropping what was typed; resizes keep it; a receptionist
# is told who may write quotes, and nothing is written.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" client add --civility Mme --name Lefèvre --first-name Zoé >/dev/null
"$BIN" staff add --login lucie --name 'Lucie Moreau' --role receptionist >/dev/null
q=$("$BIN" quote add --client 1)
k=$("$BIN" contract add --client 1 --kind recurring --start 2026-03-09 --price 22)
"$BIN" contract slot "$k" --day lun --from 09:00 --to 11:00 >/dev/null


start "$BIN"
wait_for "Overdue callbacks"
keys "$(tab Quotes)"
wait_for "All quotes"
keys Enter
wait_for "Quote $q — Mme Zoé Lefèvre"
keys a
wait_for "New line 1 of quote $q"
keys Tab Tab # leaving the label empty, without a service
wait_for "give a label or a service"
keys BTab
type_text 'Jardinage, haie « côté rue »'
keys Tab
type_text 'deux'
keys Tab
wait_for "not a number: use digits, e.g. 1,5"
keys Tab
type_text '12,345'
keys Tab
wait_for "at most two decimals"
type_text '150'
keys Tab
wait_for "a rate must be between 0 and 100 %"
keys F10
wait_for "Not saved: see the reason under the field."
wait_for "Jardinage, haie « côté rue »" # nothing typed is lost
wait_for "12,345"
# The cursor went to the first field in error: the quantity.
keys C-u
type_text '3,5'
keys Tab Tab C-u
type_text '30'
keys Tab C-u
type_text '20'
wait_for "This line: €105.00 excl. VAT + VAT 20 % €21.00 = €126.00 incl. VAT"
# Resizes keep what is typed, even through the "too small" screen.
resize 100 30
wait_for "Jardinage, haie « côté rue »"
resize 60 20
wait_for "Terminal too small"
wait_for "What you typed is kept."
resize 80 24
wait_gone "Terminal too small"
wait_for "This line: €105.00 excl. VAT + VAT 20 % €21.00 = €126.00 incl. VAT"
keys Escape
wait_for "Leave without adding this line? (y/n)"
keys n
wait_gone "Leave without adding"
keys F10
wait_for "Line 1 added"
wait_for "Jardinage, haie « côté" # in the list, cut to its column
"$BIN" quote show "$q" >"$T/show.txt"
check 'grep -qF "Jardinage, haie « côté rue »" "$T/show.txt"' "the label stored as typed"
check 'grep -qF "126.00" "$T/show.txt"' "the line stored with its amounts"

# Esc on an untouched form leaves at once; on a changed one it asks, and y drops it.
keys a
wait_for "New line 2 of quote $q"
keys Escape
wait_for "Lines (1)"
keys a
wait_for "New line 2 of quote $q"
type_text 'x'
keys Escape
wait_for "Leave without adding this line? (y/n)"
keys y
wait_for "Lines (1)"

# A new contract: the client is required, an impossible date is refused, as each is left.
keys "$(tab Contracts)"
wait_for "All contracts"
keys a
wait_for "New contract"
keys Tab
wait_for "which client? type a few letters of the name to choose"
keys Tab Tab
type_text '31/02/2026'
keys Tab
wait_for "no such day in that month"
keys Escape
wait_for "Leave without writing this contract? (y/n)"
keys y
wait_for "All contracts"

# A slot that overlaps another is refused by the domain on saving, under the start field.
keys Enter
wait_for "Contract $k of 2026-03-02 — Mme Zoé Lefèvre"
keys a
wait_for "New slot of contract $k"
type_text '1'
keys Tab
type_text '10:00'
keys Tab
type_text '12:00'
keys F10
wait_for "Not saved: overlaps the slot Mon 09:00-11:00"
wait_for "12:00" # kept
keys C-u
type_text '11:00' # the cursor is in the start: 11:00 to 12:00 now
keys F10
wait_for "Slot Mon 11:00-12:00 added"
wait_for "3 h a week (the weekly schedule)"
keys Q
wait_for "[exited 0]"

# A receptionist reads quotes and contracts, and is told who writes them.
tmux -L "$SOCK" kill-server 2>/dev/null
start env USER=lucie LOGNAME=lucie "$BIN"
wait_for "Lucie Moreau (recept"
keys "$(tab Quotes)"
wait_for "All quotes"
check '! screen | grep -qF "a Add"' "no Add on the key bar"
keys a
wait_for "Only a coordinator or a manager may write quotes (your role: receptionist)"
keys Enter
wait_for "Quote $q"
keys s
wait_for "Only a coordinator or a manager may write quotes (your role: receptionist)"
"$BIN" quote list --csv >"$T/quotes.csv"
check 'grep -q ",draft," "$T/quotes.csv"' "nothing was written"
pass
