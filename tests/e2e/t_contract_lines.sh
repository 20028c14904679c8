# A contract of two services on the screen (issue 7): its lines with their amounts and the
# monthly amount worked out by hand (R3: 24.50 € at 5.5 % = 25.85 € incl. VAT x 28.17 h x 52 / 12
# = 3 155.5095; 23.15 € at 10 % = 25.47 € x 8.5 h x 52 / 12 = 938.145; the sum rounded once:
# 4 093.65 €); v adds a third service through its form, e changes its price and x removes it; the slot editor takes only the
# contract's services; signing with a start within the withdrawal period (R4) and no express
# request says so and offers to record the request first.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" client add --civility Mme --name Lefèvre --first-name Zoé >/dev/null
k=$("$BIN" contract add --client 1 --kind recurring --start 2026-03-05 --price 24.50 --vat 5.5 \
	--hours-per-week 28.17 --label 'Aide aux actes essentiels') || fail "contract add"
"$BIN" contract line "$k" --label 'Ménage' --hours-per-week 8.5 --price 23.15 --vat 10 \
	>/dev/null || fail "contract line"
C=$(seam '' && sed -n 2p "$T/screen" | grep -o '[0-9] Con' | cut -c1)

start "$BIN"
wait_for "Today"
keys "$C"
wait_for "$k"
keys Enter
wait_for "Contract $k"
wait_for "Services: 2 lines"
wait_for "Aide aux actes essentiels               28.17      €24.50  5.5 %    €3,155.51"
wait_for "Ménage                                    8.5      €23.15   10 %      €938.15"
wait_for "Monthly amount incl. VAT      €4,093.65"

# v: a third service; a VAT rate outside the settings' is core's to refuse.
keys v
wait_for "New service of contract $k"
keys Tab
type_text "Jardinage"
keys Tab
type_text "2"
keys Tab
type_text "30"
keys Tab
type_text "7"
keys F10
wait_for "Not saved"
keys C-u
type_text "20"
wait_for "This line: €312.00 incl. VAT a month"
keys F10
wait_for "Line 3 added to contract $k"
wait_for "Services: 3 lines"
wait_for "Monthly amount incl. VAT      €4,405.65"

# The slot editor: only the contract's services (free labels here: none to name, so the field
# says so); a code of the catalogue that is not the contract's is refused.
keys a
wait_for "New slot of contract $k"
wait_for "one of: —"
keys Escape
wait_gone "New slot of contract"

# Up above the (empty) schedule selects the last line; e changes it (its form prefilled), and
# the monthly amount follows: 30 € at 20 % = 36 € x 2 h x 52 / 12 = 312 € becomes 25 € at 20 %
# = 30 € x 2 x 52 / 12 = 260 €, so 4 405.65 - 52 = 4 353.65 €.
keys Up
keys e
wait_for "Line 3 of contract $k"
wait_for "This line: €312.00 incl. VAT a month"
keys Tab Tab Tab
keys C-u
type_text "25"
wait_for "This line: €260.00 incl. VAT a month"
keys F10
wait_for "Line 3 of contract $k changed"
wait_for "Monthly amount incl. VAT      €4,353.65"
# x removes the selected line, once confirmed; Esc first keeps it.
keys x
wait_for "Remove the line 3 (Jardinage) from contract $k?"
keys Escape
wait_gone "Remove the line 3"
wait_for "Services: 3 lines"
keys x
wait_for "Remove the line 3 (Jardinage)"
keys y
wait_for "Line 3 removed"
wait_for "Services: 2 lines"
wait_for "Monthly amount incl. VAT      €4,093.65"
# Enter opens the selected line too (now line 2).
keys Enter
wait_for "Line 2 of contract $k"
keys Escape
wait_gone "Line 2 of contract"
# The last line is never removed: core's refusal, as it words it.
keys x
wait_for "Remove the line 2 (Ménage)"
keys y
wait_for "Line 2 removed"
wait_for "Services: 1 line"
keys x
wait_for "Remove the line 1"
keys y
wait_for "keeps at least one line: change this one instead"
wait_for "Services: 1 line"

# R4: the start (5 March) falls within the period (ends 16 March): said, the request offered.
keys +
wait_for "Start within the withdrawal period"
wait_for "Record the client's request, then sign"
keys 2
wait_for "Sign the contract"
keys Enter
wait_for "Careful: the service starts within the withdrawal period"
keys n
wait_gone "Please confirm"
# "Record then sign" given up at the date records nothing: the request is asked again.
keys +
wait_for "Start within the withdrawal period"
keys 1
wait_for "Sign the contract"
keys Escape
wait_gone "Sign the contract"
"$BIN" contract list --csv | grep -q "^$k,.*,0,0,," || fail "express request recorded unsigned"
keys +
wait_for "Start within the withdrawal period"
keys 1
wait_for "Sign the contract"
keys Enter
wait_for "Please confirm"
wait_for "express request to start within the withdrawal period is"
screen | grep -q "Careful: the service starts" && fail "the request was recorded: no warning"
keys y
wait_for "Contract $k signed on 2026-03-02"
wait_for "express start asked for by the"
"$BIN" contract list --csv | grep -q "^$k,.*,0,1,2026-03-16," || fail "express_start stored"
pass
