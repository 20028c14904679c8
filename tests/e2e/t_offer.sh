# From a new client to an ended contract, on the screen: the client is created in the Clients
# area; a quote gets two lines (10 h x 22.00 EUR at 10 %, and 1 x 15.00 EUR flat at 20 %) whose
# amounts and totals show live, exactly (R2); it is sent and accepted, each on a date confirmed;
# the contract is made from it: a recurring one is refused (a quote's flat fee is no weekly
# hours), a one-off takes both its lines as they are (issue 7: 10 x 24.20 = 242.00 EUR and
# 1 x 18.00 = 18.00 EUR incl. VAT, 260.00 EUR in all); it is signed
# (the withdrawal end shown, R4) and ended: the end date shows BEFORE confirming (R5), and
# nothing is written until then. The command line then reads exactly that.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'


start "$BIN"
wait_for "Overdue callbacks"
keys "$(tab Clients)"
wait_for "all clients"
keys a
wait_for "New client"
type_text 'Mme'
keys Tab
type_text 'Lefèvre'
keys Tab
type_text 'Zoé'
keys Tab Tab
type_text '06 12 34 56 78'
keys F10
wait_for "Client 1 created"

# The quote, for that client, chosen in the picker.
keys "$(tab Quotes)"
wait_for "All quotes"
wait_for "No quote to show."
keys a
wait_for "New quote"
type_text 'lef'
wait_for "Choose a client"
wait_for "Lefèvre"
keys Enter
wait_gone "Choose a client"
wait_for "Mme Zoé Lefèvre"
keys F10
wait_for "Quote D2026-0001 written"
wait_for "Quote D2026-0001 — Mme Zoé Lefèvre"
wait_for "Not given to the client yet."
wait_for "Free quote"

# Line 1: a free line, 10 h at 22.00 EUR excl. VAT, 10 %.
keys a
wait_for "New line 1 of quote D2026-0001"
keys Tab
type_text 'Ménage et repassage'
keys Tab
type_text '10'
keys Tab Tab
type_text '22'
keys Tab
type_text '10'
wait_for "This line: €220.00 excl. VAT + VAT 10 % €22.00 = €242.00 incl. VAT"
keys F10
wait_for "Line 1 added"
wait_for "Lines (1)"

# Line 2: a flat price, 1 x 15.00 EUR at 20 %; the quote's totals follow as it is typed.
keys a
wait_for "New line 2 of quote D2026-0001"
keys Tab
type_text 'Frais de déplacement'
keys Tab
type_text '1'
keys Tab Space # flat, per item
wait_for "flat, per item"
keys Tab
type_text '15'
keys Tab
type_text '2'
wait_for "This line: €15.00 excl. VAT + VAT 2 % €0.30 = €15.30 incl. VAT"
type_text '0'
wait_for "This line: €15.00 excl. VAT + VAT 20 % €3.00 = €18.00 incl. VAT"
check 'screen | grep -F "Total excl. VAT" | grep -qF "€235.00"' "live total excl. VAT"
check 'screen | grep -F "Total incl. VAT" | grep -qF "€260.00"' "live total incl. VAT"
check 'screen | grep -E " VAT +€25.00" >/dev/null' "live VAT"
keys F10
wait_for "Line 2 added"
wait_for "Lines (2)"
check 'screen | grep -F "Frais de déplacement" | grep -qF "€15.00"' "the flat line in the list"
check 'screen | grep -F "Total incl. VAT" | grep -qF "€260.00"' "the quote's total incl. VAT"
wait_for "VAT 10 % on €220.00: €22.00"
wait_for "VAT 20 % on €15.00: €3.00"

# Sent, then accepted: a date (today by default), then a confirmation.
keys s
wait_for "Send the quote"
wait_for "Sent on 2026-03-02"
keys Enter
wait_for "Record that quote D2026-0001 was given to the client on 2026-03-02?"
keys y
wait_for "Quote D2026-0001 sent on 2026-03-02"
wait_for "Sent to the client on 2026-03-02"
keys a # a sent quote no longer changes
wait_for "A sent quote cannot change: make a new quote" # a message starts with a capital
keys +
wait_for "Accept the quote"
keys Enter
wait_for "Record that the client accepted quote D2026-0001 on 2026-03-02?"
keys y
wait_for "Quote D2026-0001 accepted on 2026-03-02: press m to make the contract"
wait_for "accepted on 2026-03-02"

# The contract, made from the quote: its client, the quote and all its lines come with it.
# A quote prices a month; its flat travel fee is no weekly hours: a recurring contract is
# refused, naming the line, and the contract is a one-off taking the lines as they are.
keys m
wait_for "New contract for Mme Zoé Lefèvre, from a quote"
wait_for "D2026-0001"
wait_for "Services: 2 lines, the quote's"
screen | grep -q "Hourly price excl. VAT" && fail "a price to type: the lines are the quote's"
type_text '2026-03-09' # the cursor is in the start
keys F10
wait_for "ine 2 of the quote is a flat price, not hours"
keys Tab Space
wait_for "One-off"
keys F10
wait_for "Contract C2026-0001 written"
wait_for "Contract C2026-0001 of 2026-03-02 — Mme Zoé Lefèvre"
check '[ "$(screen | sed -n 2p | grep -o "[0-9] Con")" != "" ]' "the tab bar"
wait_for "Services: 2 lines"
# One-off: 10 x 22.00 at 10 % = 242.00 incl. VAT; 1 x 15.00 at 20 % = 18.00; in all 260.00.
wait_for "Ménage et repassage                        10      €22.00   10 %      €242.00"
wait_for "Frais de déplacement                        1      €15.00   20 %       €18.00"
wait_for "11 h in total"
wait_for "Amount incl. VAT              €260.00"
wait_for "given:" # R3, with the quote given

# Signed today, away from the agency: the withdrawal period ends 14 days later.
keys +
# It starts within the withdrawal period, no express request (R4): signed without it.
wait_for "Start within the withdrawal period"
keys 2
wait_for "Sign the contract"
keys Enter
wait_for "The withdrawal period ends on 2026-03-16."
keys y
wait_for "Contract C2026-0001 signed on 2026-03-02"
wait_for "2026-03-16 · no express start"

# Ended: the notice date gives the end date, shown before confirming; nothing written before.
keys p
wait_for "End the contract"
wait_for "Notice given on 2026-03-02"
keys Enter
wait_for "Notice given on 2026-03-02: the contract C2026-0001 will end on"
wait_for "2026-03-31 — confirm?"
"$BIN" contract list --csv | tr -d '\r' >"$T/before.csv" # RFC 4180 ends lines with CRLF
check 'grep -q "^C2026-0001,.*,signed,260.00$" "$T/before.csv"' "not ended before the confirmation"
keys y
wait_for "Contract C2026-0001 ends on 2026-03-31"
wait_for "notice given on 2026-03-02 · ends on 2026-03-31"

"$BIN" quote list --csv | tr -d '\r' >"$T/quotes.csv"
check 'grep -qxF "D2026-0001,1,Lefèvre Zoé,2026-03-02,2026-04-01,accepted,2026-03-02,2026-03-02,,235.00,25.00,260.00" "$T/quotes.csv"' \
	"the quote as typed, sent and accepted"
"$BIN" contract list --csv | tr -d '\r' >"$T/contracts.csv"
check 'grep -qxF "C2026-0001,1,Lefèvre Zoé,D2026-0001,one-off,2026-03-02,2026-03-09,11.00,22.00,10,,2026-03-02,0,0,2026-03-16,2026-03-02,2026-03-31,,signed,260.00" "$T/contracts.csv"' \
	"the contract from the quote, signed, running to its end date (R5)"
keys Q
wait_for "[exited 0]"
pass
