# t_followups.sh — the command-line contract of follow-up calls (issue 9, point 1, R6), exactly:
# charte followup list [--due] [--overdue] [--csv] and charte followup done ID --on D
# [--satisfaction 1-4] [--note TEXT] [--complaint TEXT]; the CSV header, ids (CLIENT:DUE while
# due, the stored number once done), bad input refused naming the field with nothing written,
# --complaint opening a complaint, the finding follow-up-overdue appearing and clearing.
. "$(dirname "$0")/lib.sh"

snapshot() {
	"$BIN" followup list --csv >"$T/snap.csv" 2>&1
	"$BIN" complaint list --csv >>"$T/snap.csv" 2>&1
	"$BIN" history >>"$T/snap.csv" 2>&1
	cksum <"$T/snap.csv"
}

rejected() {
	what=$1
	shift
	before=$(snapshot)
	expect_exit 1 "$@"
	expect_stderr_lines 1
	expect_stderr_match "^charte: $what: "
	expect_eq "$(snapshot)" "$before" "nothing written after a bad $what"
}

audit_ids() {
	"$BIN" audit --csv | awk -F, -v s="$1" 'NR > 1 && $2 == s { print $4 }' | tr -d '\r'
}

new_agency followups
export CHARTE_NOW='2026-01-05 09:00'
"$BIN" client add --name Dupont --first-name Jeanne >/dev/null
"$BIN" contract add --client 1 --kind recurring --start 2026-01-05 --price 25 --service menage >/dev/null
"$BIN" contract slot C2026-0001 --day tue --from 09:00 --to 11:00 >/dev/null
"$BIN" contract sign C2026-0001 --on 2026-01-05 >/dev/null 2>&1
"$BIN" visit plan --contract C2026-0001 --start '2026-01-31 10:00' --end 12:00 --force >/dev/null
export CHARTE_NOW='2026-01-31 13:00'
"$BIN" visit done 1 >/dev/null

echo "-- nothing due before the month has passed"
export CHARTE_NOW='2026-02-10 10:00'
expect_exit 0 "$BIN" followup list --csv
expect_eq "$(head -n 1 "$T/out" | cut -d, -f1-6 | tr -d '\r')" "id,client_id,kind,due,done_on,status" \
	"the header starts as the contract says"
expect_eq "$(csv_rows <"$T/out")" "0" "no follow-up yet"

echo "-- due a month after the 31 January visit: 28 February (clamped), this week"
export CHARTE_NOW='2026-02-25 10:00'
expect_exit 0 "$BIN" followup list --due --csv
expect_eq "$(csv_get status id 1:2026-02-28 <"$T/out")" "due" "due on the 28th"
expect_eq "$(csv_get kind id 1:2026-02-28 <"$T/out")" "first-month" "the first month's"

echo "-- overdue after the grace days (7): due on 7 March, overdue on 8 March"
export CHARTE_NOW='2026-03-07 10:00'
expect_eq "$("$BIN" followup list --csv | csv_get status id 1:2026-02-28)" "due" "at the grace edge"
expect_eq "$(audit_ids follow-up-overdue)" "" "no finding at the edge"
export CHARTE_NOW='2026-03-08 10:00'
expect_eq "$("$BIN" followup list --overdue --csv | csv_get status id 1:2026-02-28)" "overdue" "overdue"
expect_eq "$("$BIN" followup list --due --csv | csv_rows)" "0" "--due leaves the overdue out"
expect_eq "$(audit_ids follow-up-overdue)" "1:2026-02-28" "the finding"

echo "-- bad input: one line naming the field, nothing written"
rejected id "$BIN" followup done 1:2026-02-27 --on 2026-03-08
rejected id "$BIN" followup done x --on 2026-03-08
rejected on "$BIN" followup done 1:2026-02-28 --on 2026-03-09
rejected on "$BIN" followup done 1:2026-02-28 --on 2026-02-31
rejected on "$BIN" followup done 1:2026-02-28 --on 2026-01-30
rejected satisfaction "$BIN" followup done 1:2026-02-28 --on 2026-03-08 --satisfaction 6
rejected category "$BIN" followup done 1:2026-02-28 --on 2026-03-08 --complaint 'Retards' --category nope
expect_exit 2 "$BIN" followup done 1:2026-02-28

echo "-- done with --complaint: prints the id, opens a complaint through the channel followup"
expect_exit 0 "$BIN" followup done 1:2026-02-28 --on 2026-03-08 --satisfaction 3 --note 'Appel' \
	--complaint 'Retards répétés'
expect_stdout_match '^[0-9]+$'
id=$(cat "$T/out")
"$BIN" followup list --csv >"$T/list.csv"
expect_eq "$(csv_get status id "$id" <"$T/list.csv")" "done" "done"
expect_eq "$(csv_get done_on id "$id" <"$T/list.csv")" "2026-03-08" "its day"
expect_eq "$(csv_get satisfaction id "$id" <"$T/list.csv")" "3" "its satisfaction"
complaint=$(csv_get complaint_id id "$id" <"$T/list.csv")
expect_eq "$("$BIN" complaint list --csv | csv_get channel id "$complaint")" "followup" "channel"
expect_eq "$("$BIN" complaint list --csv | csv_get category id "$complaint")" "other" "category"
expect_eq "$(audit_ids follow-up-overdue)" "" "the finding cleared"
rejected id "$BIN" followup done "$id" --on 2026-03-08

echo "-- yearly on the anniversary while the contract is active; none once it ended"
export CHARTE_NOW='2027-01-29 10:00'
expect_eq "$("$BIN" followup list --due --csv | csv_get kind id 1:2027-01-31)" "yearly" "the anniversary"
expect_exit 0 "$BIN" contract end C2026-0001 --notice 2026-12-15
expect_eq "$("$BIN" followup list --due --csv | csv_rows)" "0" "no yearly one after the end"

echo "-- the week's follow-ups (--due, read from the first visits' days) are the whole list's due ones"
# First visits on 29 February, the 31st of a month, the week before the new year and its last
# day; each client's week read every five days for two years and a quarter, against the rows of
# the whole list whose status is due.
new_agency weeks
n=0
for first in 2024-02-29 2024-03-31 2025-01-31 2025-12-24 2025-12-31 2025-06-15; do
	n=$((n + 1))
	export CHARTE_NOW="$first 08:00"
	"$BIN" client add --name "Client$n" >/dev/null
	number=$("$BIN" contract add --client "$n" --kind one-off --start "$first" --price 25 --service menage)
	"$BIN" contract sign "$number" --on "$first" >/dev/null 2>&1
	"$BIN" visit plan --contract "$number" --start "$first 09:00" --end 10:00 --force >/dev/null
	export CHARTE_NOW="$first 11:00"
	id=$("$BIN" visit list --from "$first" --to "$first" --csv | awk -F, 'NR == 2 { print $1 }')
	"$BIN" visit done "$id" >/dev/null
done
day=2025-02-01
same=0 days=0
: >"$T/seen"
while [ "$day" \< 2027-05-01 ]; do
	export CHARTE_NOW="$day 10:00"
	week=$("$BIN" followup list --due --csv | tail -n +2)
	whole=$("$BIN" followup list --csv | awk -F, 'NR > 1 && $6 == "due"')
	days=$((days + 1))
	[ "$week" = "$whole" ] && same=$((same + 1)) || echo "  $day: --due gave [$week], the whole list [$whole]"
	printf '%s\n' "$week" | cut -d, -f1 | grep . >>"$T/seen"
	day=$(date -u -d "$day + 5 days" +%F)
done
expect_eq "$same" "$days" "the same rows every day"
# A month after each first visit (clamped: 31 January -> 28 February), then each anniversary
# (29 February -> the 28th), each seen on at least one of the days.
expect_eq "$(sort -u "$T/seen" | tr '\n' ' ')" "$(printf '%s\n' 1:2025-02-28 3:2025-02-28 \
	2:2025-03-31 6:2025-07-15 4:2026-01-24 3:2026-01-31 5:2026-01-31 1:2026-02-28 2:2026-03-31 \
	6:2026-06-15 4:2026-12-24 5:2026-12-31 3:2027-01-31 1:2027-02-28 2:2027-03-31 |
	sort | tr '\n' ' ')" "every follow-up due in those two years was seen"

finish
