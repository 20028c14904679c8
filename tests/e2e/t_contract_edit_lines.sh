# A draft of several lines (issue 7): its form offers no price, rate or hours (the lines are
# changed one by one on its page) and saving it keeps every line as it was.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" client add --civility Mme --name Lefèvre --first-name Zoé >/dev/null
k=$("$BIN" contract add --client 1 --kind recurring --start 2026-03-05 --price 24.50 --vat 5.5 \
	--hours-per-week 10 --label 'Aide aux actes essentiels') || fail "contract add"
"$BIN" contract line "$k" --label 'Ménage' --hours-per-week 8.5 --price 23.15 --vat 10 \
	>/dev/null || fail "contract line"
C=$(seam '' && sed -n 2p "$T/screen" | grep -o '[0-9] Con' | cut -c1)
start "$BIN"
wait_for "Today"
keys "$C"
wait_for "$k"
keys Enter
wait_for "Services: 2 lines"
keys e
wait_for "Extra skills"
wait_for "Services: 2 lines, each changed on the contract's page"
check '! screen | grep -qF "Hourly price excl. VAT"' "no price field for several lines"
check '! screen | grep -qF "Hours per week"' "no hours field for several lines"
keys Tab # from the start (where the cursor begins) to the skills
# Skills are codes of the list: an unknown one is said as the field is left (issue 8).
type_text 'Permis plongee'
keys Tab
wait_for "'plongee' is not a skill"
keys BTab C-u
type_text 'Permis transferts'
keys Tab
type_text 'Chat à l étage'
keys F10
wait_for "Contract $k saved"
"$BIN" contract show "$k" >"$T/show"
check 'grep -q "^Skills besides its services: permis, transferts$" "$T/show"' "the skills saved as codes"
check 'grep -q "^Notes: Chat à l étage$" "$T/show"' "the notes saved"
wait_for "Permis de conduire B; Aide aux transferts"
check 'grep -q "24.50" "$T/show" && grep -q "23.15" "$T/show"' "both lines' prices kept"

# A one-off contract: R3 reads its total, not a month (issue 7).
o=$("$BIN" contract add --client 1 --kind one-off --start 2026-03-05 --price 150 --vat 20) ||
	fail "contract add one-off"
keys Escape
wait_for "$o"
keys Home
keys Enter
wait_for "Contract $o"
wait_for "required (€100.00 or more in total)"
# A new contract written from its form: the message names the keys the key bar has.
keys Escape
wait_for "$o"
keys a
wait_for "New contract"
type_text 'Lef'
wait_for "Zoé"
keys Enter
keys Tab Tab # from the quote to the start
type_text '05/03/2026'
keys Tab
type_text '30'
keys F10
wait_for "written: a adds its weekly slots, + signs it"
pass
