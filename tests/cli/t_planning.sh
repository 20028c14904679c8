# t_planning.sh — the command-line contract of first meetings, absences, replacements and the
# liaison notebook (issue 8, points 2, 5 and 7): charte meeting add|list, absence add|list,
# visit candidates|replace, note add|list; ids alone on stdout, the CSV headers, bad input
# refused naming the field, and the findings visit-uncovered, first-meeting-missing and
# liaison-missing coming and going. "Now" is Friday 20 March 2026, 12:00.
. "$(dirname "$0")/lib.sh"

export CHARTE_NOW='2026-03-20 12:00'

audit_ids() {
	"$BIN" audit --csv | awk -F, -v s="$1" 'NR > 1 && $2 == s { print $4 }' | tr -d '\r'
}

new_agency planning
me=$("$BIN" staff list --csv | csv_col login | head -1 | tr -d '\r')
"$BIN" client add --name Dupont --first-name Jeanne >/dev/null
"$BIN" client add --name Martin --first-name Paul >/dev/null
aicha=$("$BIN" worker add --name 'Aïcha Benali' --skills menage --status active)
bruno=$("$BIN" worker add --name 'Bruno Caron' --skills menage --status active)
chloe=$("$BIN" worker add --name 'Chloé Petit' --skills menage --status active)
denis=$("$BIN" worker add --name 'Denis Roux' --skills jardinage --status active)
for w in $aicha $bruno $chloe $denis; do
	for d in mon tue wed thu fri; do
		"$BIN" worker availability "$w" --day $d --from 08:00 --to 18:00 >/dev/null
	done
done
"$BIN" contract add --client 1 --kind recurring --start 2026-03-02 --price 25 --service menage >/dev/null
"$BIN" contract slot C2026-0001 --day tue --from 09:00 --to 11:00 --worker "$aicha" >/dev/null
"$BIN" contract sign C2026-0001 --on 2026-03-02 >/dev/null

echo "-- meeting add prints the id; bad input names the field"
expect_exit 0 "$BIN" meeting add --client 1 --worker "$aicha" --representative "$me" --on 2026-03-01 \
	--service menage --request 'Repassage le mardi' --forbidden-zones 'bureau' --signed 2026-03-01
expect_stdout_match '^[0-9]+$'
expect_exit 1 "$BIN" meeting add --client 9 --worker "$aicha" --representative "$me" --on 2026-03-01
expect_stderr_match '^charte: client: '
expect_exit 1 "$BIN" meeting add --client 1 --worker 99 --representative "$me" --on 2026-03-01
expect_stderr_match '^charte: worker: '
expect_exit 1 "$BIN" meeting add --client 1 --worker "$aicha" --representative nobody --on 2026-03-01
expect_stderr_match '^charte: representative: '
expect_exit 1 "$BIN" meeting add --client 1 --worker "$aicha" --representative "$me" --on 2026-13-01
expect_stderr_match '^charte: on: '
expect_exit 1 "$BIN" meeting add --client 1 --worker "$aicha" --representative "$me" --on 2026-03-01 --service nope
expect_stderr_match '^charte: service: '
expect_exit 1 "$BIN" meeting add --client 1 --worker "$aicha" --representative "$me" --on 2026-03-05 --signed 2026-03-01
expect_stderr_match '^charte: signed: '
expect_exit 2 "$BIN" meeting add --client 1
expect_exit 0 "$BIN" meeting list --client 1 --csv
expect_eq "$(csv_header <"$T/out" | head -4 | tr '\n' ,)" "id,client_id,worker_id,met_on," "meeting list header"
expect_eq "$(csv_rows <"$T/out")" 1 "one meeting"

echo "-- visits generated; no first-meeting-missing for Aïcha"
"$BIN" visit generate >/dev/null
expect_eq "$(audit_ids first-meeting-missing)" "" "no first-meeting-missing"
v1=$("$BIN" visit list --from 2026-03-24 --to 2026-03-24 --csv | csv_col id | head -1 | tr -d '\r')

echo "-- absence add prints the id alone; the visit it leaves is uncovered"
expect_exit 0 "$BIN" absence add --worker "$aicha" --from 2026-03-23 --to 2026-03-27 --kind sick
expect_stdout_match '^[0-9]+$'
expect_stderr_match '^1 visit left uncovered'
expect_eq "$(audit_ids visit-uncovered)" "$v1" "visit-uncovered names the visit"
expect_exit 1 "$BIN" absence add --worker "$aicha" --from 2026-03-27 --to 2026-03-23
expect_stderr_match '^charte: to: '
expect_exit 1 "$BIN" absence add --worker "$aicha" --from 2026-03-23 --to 2026-03-24 --kind holiday
expect_stderr_match '^charte: kind: '
expect_exit 1 "$BIN" absence add --worker 99 --from 2026-03-23 --to 2026-03-24
expect_stderr_match '^charte: worker: '
expect_exit 0 "$BIN" absence list --worker "$aicha" --csv
expect_eq "$(csv_header <"$T/out" | head -5 | tr '\n' ,)" "id,worker_id,from,to,kind," "absence list header"

echo "-- candidates: met first, then fewest hours; Denis lacks the skill"
"$BIN" meeting add --client 1 --worker "$chloe" --representative "$me" --on 2026-03-10 >/dev/null
expect_exit 0 "$BIN" visit candidates "$v1" --csv
expect_eq "$(csv_header <"$T/out" | head -4 | tr '\n' ,)" "worker_id,name,met_client,rank," "candidates header"
expect_eq "$(csv_col worker_id <"$T/out" | tr -d '\r' | tr '\n' ' ')" "$chloe $bruno " "ranking"
expect_eq "$(csv_get met_client worker_id "$bruno" <"$T/out")" 0 "Bruno has not met the client"
expect_eq "$(csv_get rank worker_id "$chloe" <"$T/out")" 1 "Chloé first"
expect_exit 1 "$BIN" visit candidates x
expect_stderr_match '^charte: id: '

echo "-- replace: one action, the worker taken from recorded; the finding goes"
expect_exit 1 "$BIN" visit replace "$v1" --worker "$denis"
expect_stderr_match '^charte: worker: '
expect_exit 2 "$BIN" visit replace "$v1"
expect_exit 0 "$BIN" visit replace "$v1" --worker "$chloe"
expect_eq "$("$BIN" visit list --from 2026-03-24 --to 2026-03-24 --csv | csv_get replaced_worker_id id "$v1")" "$aicha" "replaced worker"
expect_eq "$(audit_ids visit-uncovered)" "" "visit-uncovered gone"

echo "-- first-meeting-missing: Bruno without a meeting, then with one"
v2=$("$BIN" visit list --from 2026-03-31 --to 2026-03-31 --csv | csv_col id | head -1 | tr -d '\r')
"$BIN" visit replace "$v2" --worker "$bruno" --force >/dev/null 2>&1
expect_eq "$(audit_ids first-meeting-missing)" "$v2" "first-meeting-missing"
"$BIN" meeting add --client 1 --worker "$bruno" --representative "$me" --on 2026-03-25 >/dev/null
expect_eq "$(audit_ids first-meeting-missing)" "" "first-meeting-missing gone"

echo "-- note add prints the id; a visit of another client is refused"
expect_exit 0 "$BIN" note add --client 1 --text 'Clés chez la voisine' --visit "$v1"
expect_stdout_match '^[0-9]+$'
expect_exit 0 "$BIN" note add --client 1 --text 'Mme Dupont fatiguée' --worker "$chloe"
expect_exit 1 "$BIN" note add --client 2 --text 'x' --visit "$v1"
expect_stderr_match '^charte: visit: '
expect_exit 1 "$BIN" note add --client 1 --text '  '
expect_stderr_match '^charte: text: '
expect_exit 1 "$BIN" note add --client 9 --text 'x'
expect_stderr_match '^charte: client: '
expect_exit 2 "$BIN" note add --client 1
expect_exit 0 "$BIN" note list --client 1 --csv
expect_eq "$(csv_header <"$T/out" | head -5 | tr '\n' ,)" "id,client_id,at,author_kind,author," "note list header"
expect_eq "$(csv_rows <"$T/out")" 2 "two entries"
expect_eq "$(csv_col author_kind <"$T/out" | tr -d '\r' | head -1)" worker "newest first"
expect_exit 1 "$BIN" --user lea note add --client 1 --text x
expect_stderr_match '^charte: user: '

echo "-- the client's history shows the meetings and notes"
expect_exit 0 "$BIN" client show 1
expect_stdout_match 'first meeting with'
expect_stdout_match 'Clés chez la voisine'

finish
