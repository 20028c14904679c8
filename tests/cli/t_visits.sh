# t_visits.sh — the command-line contract of the visits (issue 8, points 3, 4 and 6), exactly:
#   charte visit generate|plan|assign|list|arrive|leave|done|missed|cancel, contract slot
#   --worker, slot-edit, edit --skip-holidays; exit codes 0/1/2, the CSV header, bad input
#   refused naming the field with nothing written, the planning checks refused with their reasons
#   and --force, the findings schedule-conflict and worker-mismatch, late at the tolerance's
#   edge, and R5 cancelling the visits after the end. "Now" is Friday 20 March 2026, 12:00.
. "$(dirname "$0")/lib.sh"

export CHARTE_NOW='2026-03-20 12:00'

snapshot() {
	"$BIN" visit list --from 2026-01-01 --csv >"$T/snap.csv" 2>&1
	"$BIN" history >>"$T/snap.csv" 2>&1
	cksum <"$T/snap.csv"
}

# `charte visit VERB ARGS` is rejected: exit CODE (1 by default), one line on stderr naming
# FIELD, nothing written.
rejected() {
	what=$1
	shift
	before=$(snapshot)
	expect_exit 1 "$@"
	expect_stderr_lines 1
	expect_stderr_match "^charte: $what: "
	expect_eq "$(snapshot)" "$before" "nothing written after a bad $what"
}

field() { # VISIT COLUMN
	"$BIN" visit list --from 2026-01-01 --csv | csv_get "$2" id "$1"
}

audit_ids() {
	"$BIN" audit --csv | awk -F, -v s="$1" 'NR > 1 && $2 == s { print $4 }' | tr -d '\r'
}

new_agency visits
"$BIN" client add --name Dupont --first-name Jeanne >/dev/null
aicha=$("$BIN" worker add --name 'Aïcha Benali' --skills menage --status active)
bruno=$("$BIN" worker add --name 'Bruno Caron' --skills jardinage --status active)
for d in mon tue wed thu fri; do
	"$BIN" worker availability "$aicha" --day $d --from 08:00 --to 18:00 >/dev/null
done
"$BIN" contract add --client 1 --kind recurring --start 2026-03-23 --price 25 --service menage >/dev/null

echo "-- contract slot --worker prints the slot's id; a night slot crosses midnight"
expect_exit 0 "$BIN" contract slot C2026-0001 --day tue --from 09:00 --to 11:00 --worker "$aicha"
expect_stdout_match '^[0-9]+$'
slot=$(cat "$T/out")
expect_exit 0 "$BIN" contract slot C2026-0001 --day sat --from 22:00 --to 02:00
expect_exit 1 "$BIN" contract slot C2026-0001 --day sat --from 23:00 --to 23:30
expect_stderr_match '^charte: from: overlaps'
expect_exit 1 "$BIN" contract slot C2026-0001 --day tue --from 12:00 --to 13:00 --worker 99
expect_stderr_match '^charte: worker: no worker 99'
expect_exit 0 "$BIN" contract sign C2026-0001 --on 2026-03-02

echo "-- visit generate: the horizon (20 March to 14 May: 8 Tuesdays, 7 Saturdays), no duplicate"
expect_exit 0 "$BIN" visit generate
expect_stdout '15 new, 0 changed, 0 cancelled on a public holiday, 0 unchanged'
expect_exit 0 "$BIN" visit generate
expect_stdout '0 new, 0 changed, 0 cancelled on a public holiday, 15 unchanged'
rejected to "$BIN" visit generate --from 2026-04-01 --to 2026-03-01
rejected from "$BIN" visit generate --from 2026-13-01

echo "-- the CSV header and values"
"$BIN" visit list --csv >"$T/list.csv"
expect_eq "$(head -n 1 "$T/list.csv" | cut -d, -f1-9 | tr -d '\r')" \
	"id,contract,client_id,worker_id,start,end,status,arrived_at,late" "the header starts as the contract says"
first=$("$BIN" visit list --csv --from 2026-03-24 --to 2026-03-24 | csv_col id | head -n 1)
expect_eq "$(field "$first" contract)" "C2026-0001" "contract number"
expect_eq "$(field "$first" client_id)" "1" "client id"
expect_eq "$(field "$first" worker_id)" "$aicha" "the slot's worker"
expect_eq "$(field "$first" start)" "2026-03-24 09:00" "start"
expect_eq "$(field "$first" end)" "2026-03-24 11:00" "end"
expect_eq "$(field "$first" status)" "planned" "planned"
expect_eq "$(field "$first" arrived_at)" "" "no arrival: empty"
expect_eq "$(field "$first" late)" "" "no arrival: late empty"
night=$("$BIN" visit list --csv --from 2026-03-28 --to 2026-03-28 | csv_col id)
expect_eq "$(field "$night" end)" "2026-03-29 02:00" "the night ends the next day"
expect_eq "$(field "$night" worker_id)" "" "a slot with no worker: uncovered"
expect_eq "$("$BIN" visit list --csv --worker "$aicha" | csv_rows)" 8 "Aïcha's 8 Tuesdays"
expect_eq "$("$BIN" visit list --csv --client 1 --to 2026-03-31 | csv_rows)" 3 "the client's visits to 31 March"

echo "-- a slot moved: the visits not yet done follow, and how many is said"
expect_exit 0 "$BIN" contract slot-edit "$slot" --from 10:00 --to 12:00
expect_stderr_match '^charte: 8 visits not yet done follow the slot$'
expect_eq "$(field "$first" start)" "2026-03-24 10:00" "moved"
rejected to "$BIN" contract slot-edit "$slot" --to 13:00

echo "-- public holidays: visits by default, none with the option"
easter=$("$BIN" visit list --csv --from 2026-04-06 --to 2026-04-06 | csv_col id)
expect_eq "$easter" "" "no Tuesday slot on Easter Monday (a Monday)"
expect_exit 0 "$BIN" contract edit C2026-0001 --skip-holidays yes
expect_exit 0 "$BIN" contract show C2026-0001
expect_stdout_match 'Visits on public holidays: no'
rejected skip-holidays "$BIN" contract edit C2026-0001 --skip-holidays maybe

echo "-- visit plan: the checks refused with their reasons, --force"
rejected worker "$BIN" visit plan --contract C2026-0001 --worker "$bruno" --start '2026-03-25 10:00' --end 11:00
expect_stderr_match 'Bruno Caron has no availability recorded'
expect_stderr_match 'lacks the skill menage'
expect_stderr_match 'has not met the client'
expect_stderr_match '\(--force plans it anyway\)'
rejected worker "$BIN" visit plan --contract C2026-0001 --worker "$aicha" --start '2026-03-24 11:00' --end 12:30
expect_stderr_match 'Aïcha Benali is already busy then'
rejected start "$BIN" visit plan --contract C2026-0001 --worker "$aicha" --start '2026-03-32 10:00' --end 11:00
rejected end "$BIN" visit plan --contract C2026-0001 --worker "$aicha" --start '2026-03-25 10:00' --end 25:00
rejected start "$BIN" visit plan --contract C2026-0001 --worker "$aicha" --start '2026-03-01 10:00' --end 11:00
rejected contract "$BIN" visit plan --contract C2026-0099 --worker "$aicha" --start '2026-03-25 10:00' --end 11:00
rejected worker "$BIN" visit plan --contract C2026-0001 --worker 99 --start '2026-03-25 10:00' --end 11:00
expect_exit 2 "$BIN" visit plan --contract C2026-0001 --worker "$aicha"
expect_eq "$(audit_ids schedule-conflict)" "" "no schedule-conflict yet"
expect_eq "$(audit_ids worker-mismatch)" "" "no worker-mismatch yet"
expect_exit 0 "$BIN" visit plan --contract C2026-0001 --worker "$aicha" --start '2026-03-24 11:00' --end 12:30 --force
expect_stdout_match '^[0-9]+$'
busy=$(cat "$T/out")
expect_eq "$(field "$busy" forced)" "busy,not-met" "the checks it was planned despite"
expect_eq "$(audit_ids schedule-conflict)" "$busy" "schedule-conflict: the forced visit"
expect_exit 0 "$BIN" visit plan --contract C2026-0001 --worker "$bruno" --start '2026-03-26 10:00' --end 11:00 --force
mismatch=$(cat "$T/out")
expect_eq "$(audit_ids worker-mismatch)" "$mismatch" "worker-mismatch: the visit of a worker without the skill"
expect_exit 0 "$BIN" audit
expect_stdout_match "^O5 +worker-mismatch +visit +$mismatch +Bruno Caron, visit of 2026-03-26 10:00: lacks the skill menage"

echo "-- arrive, leave, done, cancel, missed"
rejected at "$BIN" visit arrive "$first" --at '2026-03-24 10:10'
export CHARTE_NOW='2026-03-24 13:00'
expect_exit 0 "$BIN" visit arrive "$first" --at '2026-03-24 10:10'
expect_eq "$(field "$first" arrived_at)" "2026-03-24 10:10" "arrival"
expect_eq "$(field "$first" late)" "0" "at the tolerance's edge: on time"
expect_exit 0 "$BIN" visit arrive "$first" --at '2026-03-24 10:11'
expect_eq "$(field "$first" late)" "1" "a minute past it: late"
rejected at "$BIN" visit leave "$first" --at '2026-03-24 10:00'
expect_exit 0 "$BIN" visit leave "$first" --at '2026-03-24 12:05'
expect_exit 0 "$BIN" visit done "$first"
expect_eq "$(field "$first" status)" "done" "done"
expect_exit 1 "$BIN" visit done "$first"
expect_stderr_match '^charte: visit: '
rejected reason "$BIN" visit cancel "$busy" --reason ' '
expect_exit 0 "$BIN" visit cancel "$busy" --reason 'Doublon'
expect_eq "$(field "$busy" status)" "cancelled" "cancelled"
expect_eq "$(field "$busy" cancel_reason)" "Doublon" "its reason"
expect_eq "$(audit_ids schedule-conflict)" "" "schedule-conflict gone with the cancelled visit"
expect_exit 1 "$BIN" visit missed "$mismatch"
expect_stderr_match 'has not started yet'
CHARTE_NOW='2026-03-26 12:00' expect_exit 0 "$BIN" visit missed "$mismatch"
expect_eq "$(field "$mismatch" status)" "missed" "missed"
expect_exit 0 "$BIN" worker show "$aicha"
expect_stdout_match '2026-03  0 % \(1 late of 1\)'
expect_stdout_match "#$first 2026-03-24 10:00-12:00 C2026-0001 Dupont Jeanne"
expect_exit 0 "$BIN" client show 1
expect_stdout_match 'visit done: Ménage et repassage, Aïcha Benali'

echo "-- R5: the visits after the end are cancelled, kept"
expect_exit 0 "$BIN" contract end C2026-0001 --notice 2026-03-24
expect_stdout '2026-03-31'
expect_stderr_match '^charte: 12 planned visits cancelled$'
expect_eq "$("$BIN" visit list --csv --from 2026-04-01 --status cancelled | csv_rows)" 12 "kept, cancelled"
expect_eq "$("$BIN" visit list --csv --from 2026-04-01 --status cancelled | csv_col cancel_reason | sort -u)" \
	"contract ended" "with the reason"

echo "-- a receptionist reads the planning, does not change it"
"$BIN" staff add --login lea --name 'Léa Petit' --role receptionist >/dev/null
expect_exit 0 "$BIN" --user lea visit list --csv
expect_exit 1 "$BIN" --user lea visit generate
expect_stderr_match '^charte: user: '

finish
