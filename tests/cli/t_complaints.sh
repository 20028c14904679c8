# t_complaints.sh — the command-line contract of complaints and action plans (issue 9, points 2
# and 3), exactly: charte complaint add|action|answer|close|list|show and charte plan
# add|action|done|close|list|show, ids alone on a line, exit codes 0/1/2, the CSV header of
# complaint list, bad input refused naming the field with nothing written, the state steps'
# refusals, R7's findings action-plan-missing and complaint-overdue appearing and clearing.
. "$(dirname "$0")/lib.sh"

export CHARTE_NOW='2026-06-15 10:00'

snapshot() {
	"$BIN" complaint list --csv >"$T/snap.csv" 2>&1
	"$BIN" plan list --csv >>"$T/snap.csv" 2>&1
	"$BIN" history >>"$T/snap.csv" 2>&1
	cksum <"$T/snap.csv"
}

# A command rejected: exit 1, one line on stderr naming FIELD, nothing written.
rejected() {
	what=$1
	shift
	before=$(snapshot)
	expect_exit 1 "$@"
	expect_stderr_lines 1
	expect_stderr_match "^charte: $what: "
	expect_eq "$(snapshot)" "$before" "nothing written after a bad $what"
}

field() {
	"$BIN" complaint list --csv | csv_get "$2" id "$1"
}

new_agency complaints
"$BIN" staff add --login paul --name 'Paul Martin' --role coordinator >/dev/null
"$BIN" staff add --login lea --name 'Léa Petit' --role receptionist >/dev/null
client=$("$BIN" client add --name 'Lefèvre' --first-name 'Hélène')
other=$("$BIN" client add --name 'Dupont')
worker=$("$BIN" worker add --name 'Aïcha Benali')

echo "-- complaint add prints the new id alone on a line"
expect_exit 0 "$BIN" complaint add --client "$client" --on 2026-06-01 --category punctuality \
	--text 'Retard de 40 minutes "sans prévenir"' --worker "$worker" --channel letter
expect_stdout_match '^[0-9]+$'
expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 1 "one line on stdout"
expect_stderr_lines 0
first=$(cat "$T/out")
expect_exit 0 "$BIN" --user lea complaint add --client "$other" --on 15/06/2026 \
	--category planning --text 'Visite planifiée deux fois' --anomaly
expect_stdout "$((first + 1))"
anomaly=$((first + 1))

echo "-- the CSV header and values"
"$BIN" complaint list --csv >"$T/list.csv"
expect_eq "$(head -n 1 "$T/list.csv" | cut -d, -f1-7 | tr -d '\r')" \
	"id,client_id,worker_id,received,category,status,closed_on" "the header starts as the contract says"
expect_eq "$(field "$first" client_id)" "$client" "client id"
expect_eq "$(field "$first" worker_id)" "$worker" "worker id"
expect_eq "$(field "$first" received)" "2026-06-01" "received day"
expect_eq "$(field "$first" category)" "punctuality" "category code"
expect_eq "$(field "$first" status)" "open" "a new complaint is open"
expect_eq "$(field "$first" closed_on)" "" "not closed: empty"
expect_eq "$(field "$first" channel)" "letter" "channel"
expect_eq "$(field "$first" description)" 'Retard de 40 minutes "sans prévenir"' "text as typed"
expect_eq "$(field "$anomaly" worker_id)" "" "no worker: empty"
expect_eq "$(field "$anomaly" anomaly)" "1" "anomaly flag"
expect_eq "$(field "$anomaly" channel)" "phone" "channel by default"

echo "-- bad input names the field, writes nothing"
rejected client "$BIN" complaint add --client 999 --on 2026-06-01 --category quality --text x
rejected client "$BIN" complaint add --client abc --on 2026-06-01 --category quality --text x
rejected worker "$BIN" complaint add --client "$client" --worker 999 --on 2026-06-01 --category quality --text x
rejected on "$BIN" complaint add --client "$client" --on 2026-13-01 --category quality --text x
rejected on "$BIN" complaint add --client "$client" --on 2026-06-16 --category quality --text x
rejected category "$BIN" complaint add --client "$client" --on 2026-06-01 --category lateness --text x
rejected text "$BIN" complaint add --client "$client" --on 2026-06-01 --category quality --text '  '
rejected channel "$BIN" complaint add --client "$client" --on 2026-06-01 --category quality --text x --channel fax
expect_exit 2 "$BIN" complaint add --client "$client" --on 2026-06-01 --category quality
expect_exit 2 "$BIN" complaint add --client "$client" --on 2026-06-01 --category quality --text x --bogus

echo "-- the steps: an action, the answer, then closing"
rejected complaint "$BIN" complaint close "$first" --on 2026-06-10
rejected on "$BIN" complaint action "$first" --on 2026-05-31 --text 'Appel'
expect_exit 0 "$BIN" complaint action "$first" --on 2026-06-02 --text 'Appel à la cliente'
expect_stdout_match '^[0-9]+$'
expect_eq "$(field "$first" status)" "in_progress" "an action puts it in progress"
expect_exit 0 "$BIN" complaint answer "$first" --on 2026-06-05 --text 'Excuses et geste commercial'
expect_eq "$(field "$first" status)" "answered" "answered"
expect_eq "$(field "$first" answered_on)" "2026-06-05" "answered on"
rejected complaint "$BIN" complaint answer "$first" --on 2026-06-06 --text 'Encore'
rejected on "$BIN" complaint close "$first" --on 2026-06-04
expect_exit 0 "$BIN" complaint close "$first" --on 2026-06-08
expect_eq "$(field "$first" status)" "closed" "closed"
expect_eq "$(field "$first" closed_on)" "2026-06-08" "closed on"
rejected complaint "$BIN" complaint action "$first" --on 2026-06-09 --text 'Trop tard'
expect_exit 0 "$BIN" complaint close "$anomaly" --on 2026-06-15
expect_eq "$(field "$anomaly" status)" "closed" "an anomaly closes without an answer"

echo "-- list --open, show, the client's history"
open1=$("$BIN" complaint add --client "$client" --on 2026-05-10 --category punctuality --text 'Retard' --worker "$worker")
expect_exit 0 "$BIN" complaint list --open --csv
expect_eq "$(csv_col id <"$T/out" | tr '\n' ' ')" "$open1 " "--open lists only what is not closed"
expect_exit 0 "$BIN" complaint list --anomaly --csv
expect_eq "$(csv_col id <"$T/out" | tr '\n' ' ')" "$anomaly " "--anomaly lists only the anomalies"
expect_exit 0 "$BIN" complaint list --anomaly --open --csv
expect_eq "$(csv_col id <"$T/out" | wc -l)" 0 "the anomaly is closed"
expect_exit 0 "$BIN" complaint show "$first"
expect_stdout_match 'Appel à la cliente'
expect_stdout_match 'Excuses et geste commercial'
expect_exit 0 "$BIN" client show "$client"
expect_stdout_match 'complaint received \(Punctuality\)'
expect_exit 1 "$BIN" complaint show 999

echo "-- findings: complaint-overdue (S5), action-plan-missing (S7)"
"$BIN" audit --csv >"$T/audit.csv"
expect_eq "$(grep -c ',complaint-overdue,' "$T/audit.csv")" 1 "open since 10 May: overdue"
expect_eq "$(grep -c ',action-plan-missing,' "$T/audit.csv")" 1 "two about one worker make a recurring problem, two of a category not yet"
third=$("$BIN" complaint add --client "$other" --on 2025-06-16 --category punctuality --text 'Retard')
"$BIN" audit --csv >"$T/audit.csv"
expect_eq "$(grep -c ',action-plan-missing,' "$T/audit.csv")" 2 "three of a category and two about one worker"
expect_exit 0 "$BIN" complaint recurring --csv
expect_stdout_match "^category,punctuality,,3,3,\"$first,$open1,$third\""

echo "-- plan add prints the new id; bad input names the field"
rejected complaints "$BIN" plan add --title 'Retards' --complaints "$first,999"
rejected complaints "$BIN" plan add --title 'Retards' --complaints 'x'
rejected title "$BIN" plan add --title ' ' --complaints "$first"
rejected user "$BIN" --user lea plan add --title 'Retards' --complaints "$first"
expect_exit 2 "$BIN" plan add --title 'Retards'
expect_exit 0 "$BIN" plan add --title 'Retards du matin' --complaints "$first,$open1,$third" --cause 'Tournées trop serrées'
expect_stdout_match '^[0-9]+$'
plan=$(cat "$T/out")
"$BIN" audit --csv >"$T/audit.csv"
expect_eq "$(grep -c ',action-plan-missing,' "$T/audit.csv")" 0 "a plan answering them clears the finding"
expect_eq "$(field "$first" in_plan)" "1" "in a plan"

echo "-- plan action, done, close"
rejected plan "$BIN" plan close "$plan" --on 2026-06-15
rejected owner "$BIN" plan action "$plan" --text 'Revoir les tournées' --owner nobody --due 2026-07-01
rejected due "$BIN" plan action "$plan" --text 'Revoir les tournées' --owner paul --due 2026-02-30
expect_exit 0 "$BIN" plan action "$plan" --text 'Revoir les tournées' --owner paul --due 2026-07-01
expect_stdout_match '^[0-9]+$'
action=$(cat "$T/out")
rejected plan "$BIN" plan close "$plan" --on 2026-06-15
rejected on "$BIN" plan done "$action" --on 2026-06-16
expect_exit 0 "$BIN" plan done "$action" --on 2026-06-15
expect_exit 0 "$BIN" plan close "$plan" --on 2026-06-15
"$BIN" plan list --csv >"$T/plans.csv"
expect_eq "$(head -n 1 "$T/plans.csv" | tr -d '\r')" \
	"id,title,status,opened_on,closed_on,complaints,actions,actions_done,cause" "plan list header"
expect_eq "$(csv_get status id "$plan" <"$T/plans.csv")" "closed" "plan closed"
expect_eq "$(csv_get complaints id "$plan" <"$T/plans.csv")" "$first,$open1,$third" "its complaints"
expect_exit 0 "$BIN" plan show "$plan"
expect_stdout_match 'Revoir les tournées'
rejected plan "$BIN" plan action "$plan" --text 'Encore' --owner paul --due 2026-07-01

finish
