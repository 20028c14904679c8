# t_workers.sh — the command-line contract of the worker file (issue 8, point 1), exactly:
#   charte worker add|edit|availability|step|sign|doc|docs|doc-export|list|show, exit codes
#   0/1/2, the CSV header, bad input refused naming the field with nothing written, the file
#   complete or not, the findings worker-file-incomplete and badge-missing, and the receptionist
#   refused the documents and the criminal record.
. "$(dirname "$0")/lib.sh"

export CHARTE_NOW='2026-03-20 12:00'

snapshot() {
	"$BIN" worker list --csv >"$T/snap.csv" 2>&1
	"$BIN" history >>"$T/snap.csv" 2>&1
	cksum <"$T/snap.csv"
}

# `charte [--user U] worker VERB ARGS` is rejected: exit 1, one line on stderr naming FIELD,
# nothing written.
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
	"$BIN" worker list --csv | csv_get "$2" id "$1"
}

new_agency workers
"$BIN" staff add --login paul --name 'Paul Martin' --role coordinator >/dev/null
"$BIN" staff add --login lea --name 'Léa Petit' --role receptionist >/dev/null

echo "-- worker add prints the new id alone on a line"
expect_exit 0 "$BIN" worker add --name 'Aïcha Benali' --matricule M001 --badge B01 \
	--skills 'menage,Permis' --hired 2025-01-06
expect_stdout_match '^[0-9]+$'
expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 1 "one line on stdout"
expect_stderr_lines 0
aicha=$(cat "$T/out")
expect_exit 0 "$BIN" worker add --name 'Bruno Caron'
expect_stdout "$((aicha + 1))"
bruno=$((aicha + 1))

echo "-- the CSV header and values"
"$BIN" worker list --csv >"$T/list.csv"
expect_eq "$(head -n 1 "$T/list.csv" | cut -d, -f1-6 | tr -d '\r')" \
	"id,name,matricule,badge,status,file_complete" "the header starts as the contract says"
expect_eq "$(field "$aicha" name)" "Aïcha Benali" "name as typed"
expect_eq "$(field "$aicha" matricule)" "M001" "matricule"
expect_eq "$(field "$aicha" badge)" "B01" "badge"
expect_eq "$(field "$aicha" status)" "candidate" "a new worker is a candidate"
expect_eq "$(field "$aicha" file_complete)" "0" "a new file is not complete"
expect_eq "$(field "$aicha" skills)" "menage,permis" "skills as sorted codes"
expect_eq "$(field "$aicha" hired_on)" "2025-01-06" "hire date"
expect_eq "$(field "$bruno" matricule)" "" "no matricule: empty"

echo "-- bad input names the field, writes nothing"
rejected matricule "$BIN" worker add --name 'Chloé' --matricule M001
rejected badge "$BIN" worker add --name 'Chloé' --badge B01
rejected skills "$BIN" worker add --name 'Chloé' --skills 'menage,plongee'
rejected hired "$BIN" worker add --name 'Chloé' --hired 2025-02-30
rejected name "$BIN" worker add --name '  '
rejected matricule "$BIN" worker edit "$bruno" --matricule M001
rejected status "$BIN" worker edit "$bruno" --status retired
rejected phone "$BIN" worker edit "$bruno" --phone '12'
rejected day "$BIN" worker availability "$aicha" --day someday --from 09:00 --to 12:00
rejected to "$BIN" worker availability "$aicha" --day mon --from 12:00 --to 09:00
rejected step "$BIN" worker step "$aicha" --step chat --on 2026-03-02
rejected on "$BIN" worker sign "$aicha" --ethics --on 2026-03-21
rejected kind "$BIN" worker doc "$aicha" --kind photo --on 2026-03-02
rejected id "$BIN" worker show 999
expect_exit 2 "$BIN" worker add --matricule M9
expect_exit 2 "$BIN" worker sign "$aicha" --on 2026-03-02
expect_exit 2 "$BIN" worker step "$aicha" --on 2026-03-02
expect_exit 2 "$BIN" worker frobnicate

echo "-- edit writes the fields given"
expect_exit 0 "$BIN" worker edit "$bruno" --badge B02 --phone '06 11 22 33 44' --status active
expect_eq "$(field "$bruno" badge)" "B02" "badge set"
expect_eq "$(field "$bruno" phone)" "+33611223344" "phone in normal form"
expect_eq "$(field "$bruno" status)" "active" "status"
expect_exit 0 "$BIN" worker edit "$bruno" --badge ''
expect_eq "$(field "$bruno" badge)" "" "'' empties the badge"

echo "-- availability, procedure, signatures, documents"
expect_exit 0 "$BIN" worker availability "$aicha" --day mon --from 09:00 --to 12:00
expect_stdout_match '^[0-9]+$'
rejected from "$BIN" worker availability "$aicha" --day mon --from 11:00 --to 13:00
for step in application interview references criminal-record induction; do
	expect_exit 0 "$BIN" --user paul worker step "$aicha" --step "$step" --on 2025-01-03
done
expect_exit 0 "$BIN" worker sign "$aicha" --ethics --on 2025-01-06
expect_exit 0 "$BIN" worker sign "$aicha" --commitments --on 2025-01-06
printf 'CV of Aïcha\n' >"$T/cv.txt"
expect_exit 0 "$BIN" worker doc "$aicha" --kind cv --on 2025-01-03 --file "$T/cv.txt"
cv=$(cat "$T/out")
expect_exit 0 "$BIN" worker doc "$aicha" --kind id --on 2025-01-03
expect_exit 0 "$BIN" worker doc "$aicha" --kind criminal-record --on 2025-01-03 --issued 2024-12-20
expect_exit 0 "$BIN" worker show "$aicha"
expect_stdout_match '^  File: +complete$'
expect_stdout_match 'interview .*done on 2025-01-03 by paul'
expect_stdout_match 'Criminal record extract, received on 2025-01-03, issued on 2024-12-20'
expect_eq "$(field "$aicha" file_complete)" "1" "complete once every part is there"
expect_exit 0 "$BIN" worker doc-export "$cv" --out "$T/back.txt"
expect_eq "$(cat "$T/back.txt")" "CV of Aïcha" "the file comes back as it was given"
expect_exit 0 "$BIN" worker docs "$aicha" --csv
expect_eq "$(csv_rows <"$T/out")" 3 "three documents"

echo "-- findings"
expect_exit 0 "$BIN" worker edit "$aicha" --status active
expect_exit 0 "$BIN" audit --csv
expect_eq "$(grep -c "worker-file-incomplete,worker,$aicha," "$T/out")" 0 "a complete file is no finding"
expect_eq "$(grep -c "worker-file-incomplete,worker,$bruno," "$T/out")" 1 "an incomplete active file is"
expect_eq "$(grep -c "badge-missing,worker,$bruno," "$T/out")" 1 "an active worker without a badge"
expect_stdout_match "worker-file-incomplete,worker,$bruno,.*no CV"
echo "-- the criminal record extract to renew after three years (the setting)"
expect_exit 0 "$BIN" --now '2027-12-20 09:00' audit --csv
expect_stdout_match "worker-file-incomplete,worker,$aicha,.*criminal record extract to renew"

echo "-- the receptionist is refused the documents and the criminal record"
rejected user "$BIN" --user lea worker docs "$aicha"
expect_stderr_match 'only a coordinator or a manager may see workers'
rejected user "$BIN" --user lea worker doc "$aicha" --kind criminal-record --on 2026-03-02
rejected user "$BIN" --user lea worker doc-export "$cv" --out "$T/leak.txt"
expect_eq "$(test -e "$T/leak.txt" && echo yes || echo no)" "no" "nothing exported"
rejected user "$BIN" --user lea worker step "$aicha" --step criminal-record --on 2026-03-02
expect_exit 0 "$BIN" --user lea worker show "$aicha"
expect_stdout_match 'only a coordinator or a manager may see workers'
if grep -q 'criminal\|Criminal\|casier' "$T/out"; then
	fail "the receptionist's worker show says nothing of the criminal record" "$(cat "$T/out")"
else
	ok "the receptionist's worker show says nothing of the criminal record"
fi
expect_exit 0 "$BIN" --user lea history --csv
if grep -q '2024-12-20' "$T/out"; then
	fail "the history hides the extract's issue date from the receptionist"
else
	ok "the history hides the extract's issue date from the receptionist"
fi
rejected user "$BIN" --user lea worker add --name 'Zoé'

finish
