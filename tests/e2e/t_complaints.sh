# The Complaints area: its tab, a complaint recorded from a client's file (R) through the form,
# found in the list, its page; an action added (a), the answer written (w) and the complaint
# closed (z), each stored as typed; closing asked before the answer shows core's reason; Today
# lists the open complaints; an action plan made from a recurring problem (m) and listed (P); the
# anomalies kept alone by the filter.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-06-15 10:15'
client=$("$BIN" client add --name 'Lefèvre' --first-name 'Hélène')
"$BIN" worker add --name 'Aïcha Benali' >/dev/null
"$BIN" complaint add --client "$client" --on 2026-04-01 --category billing --text 'Facture en double' >/dev/null
"$BIN" complaint add --client "$client" --on 2026-05-02 --category billing --text 'Facture erronée' >/dev/null
start "$BIN"
wait_for "Open complaints (2)"
wait_for "Facture en double"
keys "$(tab Clients)"
wait_for "Lefèvre"
keys Enter
wait_for "Hélène"
keys R
wait_for "A complaint or an anomaly"
keys Tab # the client is filled in; the day received is today
keys Right Right Right Right # the category: billing
keys Tab
keys Tab
keys Tab
type_text '1'
keys Tab Tab
type_text 'Intervenante arrivée à 10 h au lieu de 9 h, « sans prévenir »'
keys F10
wait_for "Complaint 3 recorded"
wait_for "Complaint 3"
wait_for "not answered yet"
keys z
wait_for "Record the answer given to the client before closing complaint 3"
keys a
wait_for "An action taken about complaint 3"
type_text 'Appel à l’intervenante'
keys F10
wait_for "Action recorded on complaint 3"
wait_for "Appel à l’intervenante"
keys A
wait_for "The answer given about complaint 3"
type_text 'Excuses présentées par téléphone'
keys F10
wait_for "Answer recorded on complaint 3"
keys z
wait_for "Complaint 3 closed"
keys F10
wait_for "Complaint 3 closed"
keys Escape Escape
keys "$(tab Complaints)"
wait_for "Complaints: open"
wait_for "Facture en double"
wait_gone "Intervenante arrivée"
keys f
wait_for "Which complaints?"
keys 2
wait_for "Complaints: all"
wait_for "Intervenante arrivée"
keys m # three of billing within the window: a recurring problem (R7)
wait_for "A new action plan"
wait_for "It answers the complaints 1, 2, 3"
keys F10
wait_for "Action plan 1 made"
keys a
wait_for "An action of plan 1"
type_text 'Vérifier les factures avant envoi'
keys Tab
type_text 'ali'
wait_for "Choose a member of staff"
keys Enter
type_text '30/06/2026'
keys F10
wait_for "Action added to plan 1"
wait_for "Vérifier les factures avant envoi"
keys Escape P
wait_for "Action plans: open"
wait_for "Recurring complaints: Billing"
# An anomaly noticed at another desk: the list keeps it alone under f, 3.
"$BIN" complaint add --client "$client" --on 2026-06-15 --category other --anomaly \
	--text 'Badge oublié au bureau' >/dev/null
keys Escape
wait_for "Complaints: all"
keys f
wait_for "Anomalies noticed by the agency"
keys 3
wait_for "Complaints: anomalies"
wait_for "Badge oublié au bureau"
wait_gone "Facture en double"
keys Q
wait_for "[exited 0]"
"$BIN" complaint list --csv >"$T/list.csv"
check 'grep -qF "3,$client,1,2026-06-15,billing,closed,2026-06-15" "$T/list.csv"' "stored as typed, closed"
"$BIN" plan list --csv >"$T/plans.csv"
check 'grep -qF "1,Recurring complaints: Billing,open,2026-06-15,,\"1,2,3\",1,0" "$T/plans.csv"' "the plan and its action"
"$BIN" complaint show 3 >"$T/show.txt"
check 'grep -qF "Intervenante arrivée à 10 h au lieu de 9 h, « sans prévenir »" "$T/show.txt"' "the text as typed"
check 'grep -qF "Appel à l’intervenante" "$T/show.txt"' "the action"
check 'grep -qF "Excuses présentées par téléphone" "$T/show.txt"' "the answer"
pass
