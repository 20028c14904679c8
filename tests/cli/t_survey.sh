# t_survey.sh — the command-line contract of the annual satisfaction survey (issue 9, S6):
# charte survey open|answer|results|publish; exit codes 0/1/2 with the field named and nothing
# written; who is asked (a visit done in the year, at both its edges); the CSV of the results, worked out by
# hand; the workbook read back with Debian's openpyxl and compared with that CSV, in English and
# in French; the finding survey-missing at the deadline's edge.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
READER="$(dirname "$0")/xlsx_read.py"

# The answers column of the 2025 results: how many clients have answered.
answered() {
	"$BIN" survey results --year 2025 --csv | csv_get answers question welcome
}

rejected() {
	what=$1
	shift
	before=$(answered)
	expect_exit 1 "$BIN" "$@"
	expect_stderr_lines 1
	expect_stderr_match "^charte: $what: "
	expect_eq "$(answered)" "$before" "nothing written after a bad $what"
}

new_agency survey
"$BIN" staff add --login paul --name 'Paul Martin' --role coordinator >/dev/null
"$BIN" staff add --login lea --name 'Léa Petit' --role receptionist >/dev/null

echo "-- four clients; contracts since 2024 (1, 2) and 2025 (3, 4)"
for name in Dupont Lefèvre Garnier Nicolas; do
	"$BIN" --now '2024-03-01 10:00' client add --name "$name" >/dev/null
done
for c in 1 2; do
	"$BIN" --now '2024-03-04 10:00' contract add --client $c --kind recurring \
		--start 2024-03-25 --price 21.50 --hours-per-week 3 --service menage >/dev/null
done
"$BIN" --now '2024-03-04 10:00' contract sign C2024-0001 --on 2024-03-04 2>/dev/null
"$BIN" --now '2024-03-04 10:00' contract sign C2024-0002 --on 2024-03-04 2>/dev/null
"$BIN" --now '2025-02-03 10:00' contract add --client 3 --kind recurring --start 2025-02-24 \
	--price 21.50 --hours-per-week 2 --service menage >/dev/null
"$BIN" --now '2025-02-03 10:00' contract sign C2025-0001 --on 2025-02-03 2>/dev/null
"$BIN" --now '2025-02-03 10:00' contract add --client 4 --kind recurring --start 2025-02-24 \
	--price 21.50 --hours-per-week 2 --service menage >/dev/null
"$BIN" --now '2025-02-03 10:00' contract sign C2025-0002 --on 2025-02-03 2>/dev/null

echo "-- served in a year: a visit done that started in it"
# visit CONTRACT START END [done]: a visit planned by hand, recorded as done when asked, as of
# the evening of its day.
visit() {
	now="${2% *} 23:59"
	id=$("$BIN" --now "$now" visit plan --contract "$1" --start "$2" --end "$3" --force 2>/dev/null)
	[ "${4:-}" = done ] && "$BIN" --now "$now" visit done "$id" >/dev/null
	return 0
}
# 2024: clients 1 and 2 (client 2 on the evening of 31 December).
visit C2024-0001 '2024-03-26 10:00' 12:00 done
visit C2024-0002 '2024-12-31 20:00' 22:00 done
# 2025: client 2 on 1 January at midnight, client 1 on the evening of 31 December, client 3;
# client 4's contract is in force, its visit planned and never done: not served.
visit C2024-0002 '2025-01-01 00:00' 02:00 done
visit C2024-0001 '2025-12-31 21:00' 23:00 done
visit C2025-0001 '2025-02-25 10:00' 12:00 done
visit C2025-0002 '2025-02-25 14:00' 16:00
expect_eq "$("$BIN" visit list --from 2024-01-01 --status done --csv | tail -n +2 | wc -l)" 5 \
	"five visits done"

echo "-- last year's survey: open, answers, publication"
export CHARTE_NOW='2025-01-10 10:00'
expect_exit 0 "$BIN" survey open --year 2024
expect_stdout 2024
expect_stderr_match '^charte: 2 clients added to the survey of 2024'
expect_exit 0 "$BIN" survey answer --year 2024 --client 1 --answers 2,3,3,3,3,3,3,3,3,4
expect_exit 0 "$BIN" survey answer --year 2024 --client 2 --answers 2,3,5,3,3,3,3,3,3,1
expect_exit 0 "$BIN" survey publish --year 2024 --on 2025-01-10
expect_stdout ''

export CHARTE_NOW='2026-01-12 10:00'
echo "-- open: the year alone on stdout; the clients served that year"
expect_exit 2 "$BIN" survey open
expect_exit 1 "$BIN" survey open --year 2027
expect_stderr_match '^charte: year: '
expect_exit 1 "$BIN" survey open --year 20x5
expect_stderr_match '^charte: year: '
expect_exit 1 "$BIN" survey open --year 2019
expect_stderr_match '^charte: year: no client was served in 2019'
expect_exit 1 "$BIN" --user paul survey open --year 2025
expect_stderr_match '^charte: user: only a manager may open or publish the satisfaction survey'
expect_exit 1 "$BIN" survey results --year 2025
expect_stderr_match '^charte: year: no survey for 2025'
expect_exit 0 "$BIN" survey open --year 2025
expect_stdout 2025
expect_stderr_match '^charte: 3 clients added to the survey of 2025$'
expect_exit 0 "$BIN" survey open --year 2025
expect_stdout 2025
expect_stderr_match '^charte: 0 clients added'

echo "-- answer: the field named, nothing written"
expect_exit 2 "$BIN" survey answer --year 2025 --client 1
expect_exit 2 "$BIN" survey answer --year 2025 --client 1 --answers 1 extra
rejected answers survey answer --year 2025 --client 1 --answers 1,2,3
expect_stderr_match 'answers: 3 answers given for 10 questions'
rejected answers survey answer --year 2025 --client 1 --answers 1,2,3,4,5,6,1,1,1,1
expect_stderr_match "answer 6 is '6'"
rejected answers survey answer --year 2025 --client 1 --answers 1,2,3,4,5,1,1,1,1,
rejected answers survey answer --year 2025 --client 1 --answers 'très bien'
rejected client survey answer --year 2025 --client 4 --answers 1,1,1,1,1,1,1,1,1,1
expect_stderr_match 'not among the clients' # a contract, no visit done
rejected client survey answer --year 2025 --client 99 --answers 1,1,1,1,1,1,1,1,1,1
rejected client survey answer --year 2025 --client abc --answers 1,1,1,1,1,1,1,1,1,1
rejected year survey answer --year 2023 --client 1 --answers 1,1,1,1,1,1,1,1,1,1
rejected user --user lea survey answer --year 2025 --client 1 --answers 1,1,1,1,1,1,1,1,1,1
expect_stderr_match 'only a coordinator or a manager may enter the survey'

echo "-- answers from paper: a coordinator and a manager; again replaces"
expect_exit 0 "$BIN" --user paul survey answer --year 2025 --client 1 \
	--answers 1,2,3,4,5,1,1,1,5,2 --comment 'Très contente ; "ponctuelle", merci !'
expect_stdout ''
expect_exit 0 "$BIN" survey answer --year 2025 --client 2 --answers '2 2 5 4 5 3 1 2 5 3' \
	--comment ''
expect_exit 0 "$BIN" survey answer --year 2025 --client 3 --answers 4444444444
expect_exit 0 "$BIN" survey answer --year 2025 --client 3 --answers 1,1,1,4,1,1,1,1,5,4 \
	--comment 'Le cahier de liaison est bien tenu'
expect_eq "$(answered)" 3 "three clients answered"

echo "-- results --csv: by hand (c1 1,2,3,4,5,1,1,1,5,2; c2 2,2,5,4,5,3,1,2,5,3; c3 1,1,1,4,1,1,1,1,5,4)"
expect_exit 0 "$BIN" survey results --year 2025 --csv
cp "$T/out" "$T/2025.csv"
expect_stdout "$(printf '%s\r\n' \
	question,answers,very_satisfied,satisfied,dissatisfied,very_dissatisfied,no_opinion,satisfied_share \
	welcome,3,2,1,0,0,0,1 \
	callback,3,1,2,0,0,0,1 \
	quote,3,1,0,1,0,1,0.5 \
	punctuality,3,0,0,0,3,0,0 \
	competence,3,1,0,0,0,2,1 \
	continuity,3,2,0,1,0,0,0.6667 \
	notebook,3,3,0,0,0,0,1 \
	followup,3,2,1,0,0,0,1 \
	complaints,3,0,0,0,0,3, \
	overall,3,0,1,1,1,0,0.3333)"
expect_exit 0 "$BIN" survey results --year 2024 --csv
cp "$T/out" "$T/2024.csv"
expect_eq "$(csv_get satisfied_share question overall <"$T/2024.csv")" 0.5 "2024 overall: 4 and 1"
expect_eq "$(csv_get satisfied_share question quote <"$T/2024.csv")" 0 "2024 quote: 3 and no opinion"

echo "-- results for people"
expect_exit 0 "$BIN" survey results --year 2025
expect_stdout_match '^Clients asked: 3$'
expect_stdout_match '^Response rate: 100\.0% \(2024: 100\.0%\)$'
expect_stdout_match '^Overall satisfaction: 33\.3% \(2024: 50\.0%\)$'
expect_stdout_match '^How your complaints were handled +3 +0 +0 +0 +0 +3 +— +0\.0%$'

echo "-- the workbook, read back with openpyxl"
expect_exit 2 "$BIN" survey results --year 2025 --csv -o "$T/both.xlsx"
expect_exit 1 "$BIN" survey results --year 2025 -o "$T/results.csv"
expect_stderr_match '^charte: output: .*\.xlsx'
expect_exit 1 "$BIN" survey results --year 2025 -o "$T/no/such/folder/r.xlsx"
expect_stderr_match '^charte: output: cannot write'
expect_exit 0 "$BIN" survey results --year 2025 -o "$T/survey-2025.xlsx"
expect_stdout ''
expect_eq "$(ls -a "$T" | grep -c '^\.survey')" 0 "no temporary file left"
expect_eq "$(stat -c %a "$T/survey-2025.xlsx")" 600 "the workbook is private (0600)"
"$PY" "$READER" "$T/survey-2025.xlsx" "$T/2025.csv" "$T/2024.csv" 3 en \
	'Dupont|Lefèvre|Garnier|Nicolas' >"$T/py" 2>&1
expect_eq "$?" 0 "openpyxl: every figure as in the CSV (English)"
grep FAIL -A3 "$T/py"
expect_exit 0 env LANGUAGE=fr "$BIN" survey results --year 2025 -o "$T/enquete-2025.xlsx"
"$PY" "$READER" "$T/enquete-2025.xlsx" "$T/2025.csv" "$T/2024.csv" 3 fr \
	'Dupont|Lefèvre|Garnier|Nicolas' >"$T/py" 2>&1
expect_eq "$?" 0 "openpyxl: every figure as in the CSV (French)"
grep FAIL -A3 "$T/py"
expect_exit 0 "$BIN" survey results --year 2024 -o "$T/survey-2024.xlsx"
"$PY" "$READER" "$T/survey-2024.xlsx" "$T/2024.csv" - 2 en 'Dupont|Lefèvre' >"$T/py" 2>&1
expect_eq "$?" 0 "openpyxl: a year with none before it"
grep FAIL -A3 "$T/py"

echo "-- survey-missing: on 1 April, not on 31 March; cleared by the publication"
audit_survey() {
	"$BIN" --now "$1" audit --csv | awk -F, '$2 == "survey-missing" { print $1 "," $4 }' |
		tr -d '\r'
}
expect_eq "$(audit_survey '2026-03-31 18:00')" "" "31 March: not yet"
expect_eq "$(audit_survey '2026-04-01 08:00')" "S6,2025" "1 April: S6 for 2025"
expect_exit 1 "$BIN" survey publish --year 2025 --on 2026-01-13
expect_stderr_match '^charte: on: is in the future'
expect_exit 1 "$BIN" survey publish --year 2025 --on 2026-01-11
expect_stderr_match '^charte: on: is before the survey opened'
expect_exit 1 "$BIN" --user paul survey publish --year 2025 --on 2026-01-12
expect_stderr_match '^charte: user: '
expect_exit 2 "$BIN" survey publish --year 2025
expect_exit 0 "$BIN" --now '2026-04-02 09:00' survey publish --year 2025 --on 02/04/2026
expect_eq "$(audit_survey '2026-04-02 10:00')" "" "published: no finding"
rejected year survey answer --year 2025 --client 1 --answers 1,1,1,1,1,1,1,1,1,1
expect_stderr_match 'published on 2026-04-02'
expect_exit 1 "$BIN" survey open --year 2025
expect_stderr_match '^charte: year: the survey of 2025 was published'

echo "-- the demo agency's survey: this year's, over the clients its visits served"
expect_exit 0 "$BIN" --db "$T/demo.db" --user stephanie.durand --now '2026-12-02 10:00' init --demo
expect_stderr_match 'stephanie.durand is its manager'
expect_exit 0 "$BIN" --db "$T/demo.db" survey results --year 2026 --csv
expect_eq "$(csv_get answers question overall <"$T/out")" 23 "23 clients of the demo answered"
expect_eq "$("$BIN" --db "$T/demo.db" survey results --year 2026 | grep '^Clients asked')" \
	"Clients asked: 36" "36 clients with a visit done in 2026"

echo "-- help"
expect_exit 0 "$BIN" survey --help
expect_stdout_match 'answer'
expect_exit 0 "$BIN" survey answer --help
expect_stdout_match 'replaces'

finish
