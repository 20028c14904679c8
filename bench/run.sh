#!/bin/sh
# bench/run.sh BIN — `make bench`: Charte on ten years of a large agency (1,000,000 calls, 50,000
# clients, 100,000 quotes, 60,000 contracts, 300 workers, 2,000 active recurring contracts, about
# 3 million visits, follow-ups, complaints, surveys), every measure taken against a floor in the
# same run, the two in turn (A B A B …: bench/bench.c), so that the machine's noise falls on both:
#
#   (a) the file: `charte init`, then bench/gen.sql (the calls) and bench/gen_offer.sql (clients,
#       needs, quotes and lines, contracts and slots) in the sqlite3 shell, then bench/gen_plan.sql
#       (workers, the active contracts, visits, meetings, absences, notebook, follow-ups,
#       complaints, action plans, surveys) from ten years back — and, on a copy, from one month
#       back: the "one month" file. Cached in bench/out/, keyed by the schema version and the
#       generators, so reruns skip it.
#   (b) commands of the contract as whole processes (start, open, query, CSV to /dev/null)
#       against the sqlite3 shell started on the same file running the best plan for the same
#       rows (the index the program should use, written by hand below; for the audit, every
#       rule's own query, written out by bench/audit_floor.c): the median of the rounds' ratios.
#   (c) keystrokes through the screens' test seam (CHARTE_KEYS): a script of N keys against the
#       same script without them (the same <Wait>s, so the same ticks): per keystroke,
#       the median of the rounds' differences / N. Aim: one frame, 16 ms.
#   (d) the first screen with its charter findings, on this file against an empty one.
#   (e) peak memory: the largest resident size of the program's runs above (getrusage).
#   (f) the planning and the quality (issues 8 and 9): a week's visits, the candidates, the
#       follow-ups, complaints and survey results against the shell's best plan; the week grid's
#       keys; the audit and the first screen on ten years against one month; the survey workbook
#       against the shell writing the same figures as CSV; `visit generate` of 8 weeks against
#       the shell inserting the same rows (bench/gen_visits.sql), on a copy of the file, each run
#       on 8 weeks of its own after the 8 already planned.
# The table is printed and written to bench/out/last.md.
#
# Environment: BENCH_NOW ('YYYY-MM-DD HH:MM', the bench's "now"), BENCH_RUNS (rounds, 11),
# BENCH_KEYS (keystrokes a script, 20), CC.
set -eu

BIN=${1:?usage: bench/run.sh PATH/TO/charte}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$(dirname "$BIN")" && pwd)
OUT=$ROOT/bench/out
NOW=${BENCH_NOW:-2026-03-03 10:00}
RUNS=${BENCH_RUNS:-11}
NKEYS=${BENCH_KEYS:-20}
CC=${CC:-cc}

for tool in sqlite3 "$CC" awk; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is needed" >&2; exit 1; }
done

mkdir -p "$OUT"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/charte-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

# Every charte command works as the manager of the bench files, as of NOW.
export CHARTE_NOW="$NOW"
unset CHARTE_DB
charte() { "$BIN" --user bench "$@"; }

calc() { awk "BEGIN { printf \"%s\", $1 }"; }

# ---- (a) the files ----

echo "bench: building the driver" >&2
"$CC" -O2 -std=c11 -Wall -Wextra "$ROOT/bench/bench.c" -o "$BUILD/bench-abab"

charte --db "$TMP/empty.db" init 2>/dev/null
# The agency's details (A1) set, as at a working agency: the manager's first screen is Today,
# not the form that asks for them.
charte --db "$TMP/empty.db" settings set agency.name 'Agence de mesure' &&
	charte --db "$TMP/empty.db" settings set agency.phone '01 23 45 67 89' &&
	charte --db "$TMP/empty.db" settings set agency.sap_number 'SAP000000000'
VERSION=$(sqlite3 "$TMP/empty.db" 'PRAGMA user_version')
GEN_KEY=$(cat "$ROOT/bench/gen.sql" "$ROOT/bench/gen_offer.sql" "$ROOT/bench/gen_plan.sql" "$ROOT/src/db/schema.c" | cksum | cut -d' ' -f1)
KEY="v$VERSION-$GEN_KEY-$(echo "$NOW" | tr -dc '0-9')"
BIG=$OUT/agency-$KEY.db
MONTH=$OUT/agency-month-$KEY.db
SINCE=$(sqlite3 :memory: "SELECT date('$NOW', '-3653 days')")
SINCE_MONTH=$(sqlite3 :memory: "SELECT date('$NOW', '-1 month')")
GEN_NOTE="cached"
if [ ! -s "$BIG" ] || [ ! -s "$MONTH" ]; then
	echo "bench: generating 1,000,000 calls, 50,000 clients, 100,000 quotes, 60,000 contracts, 300 workers, 2,000 active contracts, ten years of visits, follow-ups, complaints and surveys (once per schema version; minutes)" >&2
	rm -f "$OUT"/calls-1M-*.db "$OUT"/agency-*.db "$OUT"/import-*.csv "$OUT"/shell-*.csv
	cp "$TMP/empty.db" "$TMP/big.db"
	t0=$(date +%s%N)
	sqlite3 "$TMP/big.db" ".parameter set :now '$NOW'" ".read $ROOT/bench/gen.sql" \
		".read $ROOT/bench/gen_offer.sql" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
	# The same agency with one month of visits, follow-ups and complaints (bench/gen_plan.sql
	# from :since), for the rows "as fast on ten years as on one month".
	cp "$TMP/big.db" "$TMP/month.db"
	for f in big:"$SINCE" month:"$SINCE_MONTH"; do
		sqlite3 "$TMP/${f%%:*}.db" ".parameter set :now '$NOW'" ".parameter set :since \"'${f#*:}'\"" \
			".read $ROOT/bench/gen_plan.sql" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
		rm -f "$TMP/${f%%:*}.db-wal" "$TMP/${f%%:*}.db-shm"
	done
	t1=$(date +%s%N)
	GEN_NOTE="generated in $(calc "($t1 - $t0) / 1e9" | awk '{ printf "%.0f", $1 }') s"
	mv "$TMP/big.db" "$BIG"
	mv "$TMP/month.db" "$MONTH"
fi
CALLS=$(sqlite3 "$BIG" 'SELECT count(*) FROM calls')
OFFER=$(sqlite3 -separator ' ' "$BIG" "SELECT (SELECT count(*) FROM clients), (SELECT count(*) FROM quotes), (SELECT count(*) FROM quote_lines), (SELECT count(*) FROM contracts), (SELECT count(*) FROM contract_slots)")
set -- $OFFER
OFFER_NOTE="$1 clients, $2 quotes ($3 lines), $4 contracts ($5 slots)"
PLAN=$(sqlite3 -separator ' ' "$BIG" "SELECT (SELECT count(*) FROM workers), (SELECT count(*) FROM contracts WHERE kind = 'recurring' AND status IN ('signed', 'active')), (SELECT count(*) FROM visits), (SELECT count(*) FROM followups), (SELECT count(*) FROM complaints), (SELECT count(*) FROM survey_clients WHERE answers IS NOT NULL)")
set -- $PLAN
PLAN_NOTE="$1 workers, $2 active recurring contracts, $3 visits, $4 follow-ups done, $5 complaints, $6 survey answers"
N_VISITS_MONTH=$(sqlite3 "$MONTH" 'SELECT count(*) FROM visits')

# Open the files once with charte (a cached file of an older schema is migrated once here).
charte --db "$BIG" call list --overdue --csv >/dev/null
charte --db "$MONTH" call list --overdue --csv >/dev/null
SIZE_MB=$(($(wc -c <"$BIG") / 1048576))

# ---- helpers ----

AB="$BUILD/bench-abab"
# abab NAME A-ARGS... -- B-ARGS...: one line "NAME msA msB ratio diff kBa kBb" into results.
abab() {
	name=$1
	shift
	echo "bench: $name" >&2
	echo "$name $("$AB" "$RUNS" "$@")" >>"$TMP/results"
}
# A key script: the prefix, then the body NKEYS/PER times (PER: the keys in one body).
script() { # FILE PREFIX BODY PER
	{
		printf '%s' "$2"
		i=0
		while [ "$i" -lt $((NKEYS / $4)) ]; do
			printf '%s' "$3"
			i=$((i + 1))
		done
	} >"$1"
}
# The same script with each key of BODY replaced by nothing: only the prefix and the <Wait>s.
blank() { # BODY -> BODY's <Wait>s only
	echo "$1" | awk '{ n = gsub(/<Wait>/, "<Wait>"); s = ""; for (i = 0; i < n; i++) s = s "<Wait>"; printf "%s", s }'
}
keys() { # NAME PREFIX BODY KEYS-PER-BODY
	script "$TMP/$1.keys" "$2" "$3" "$4"
	script "$TMP/$1.none" "$2" "$(blank "$3")" "$4"
	abab "keys_$1" CHARTE_KEYS="$TMP/$1.keys" CHARTE_SCREEN="$TMP/$1.screen" "$BIN" --user bench --db "$BIG" -- \
		CHARTE_KEYS="$TMP/$1.none" CHARTE_SCREEN="$TMP/$1.none.screen" "$BIN" --user bench --db "$BIG"
}

CALL_COLS="c.id, c.at, c.caller, c.phone, c.subject, c.taken_by, c.client_id, c.answered, c.voicemail, c.callback, c.due, c.called_back_at, c.callback_note, c.documentation, c.doc_due, c.doc_sent_at, c.cancelled, c.cancel_reason"
CLIENT_COLS="c.id, c.civility, c.name, c.first_name, c.address, c.phone, c.phone2, c.email, c.status, c.referent, c.instructions, c.forbidden_zones, c.wants_quote, c.notes, c.created_at, EXISTS (SELECT 1 FROM needs n WHERE n.client_id = c.id)"
DAY=$(sqlite3 :memory: "SELECT date('$NOW', '-1 day')")
NEXT=$(sqlite3 :memory: "SELECT date('$NOW')")
TODAY=$(echo "$NOW" | cut -c1-10)
OPEN="c.callback = 1 AND c.called_back_at IS NULL AND c.cancelled = 0"

# ---- (b) commands as whole processes, against the shell's best plan ----

abab overdue "$BIN" --user bench --db "$BIG" call list --overdue --csv -- \
	sqlite3 -csv "$BIG" "SELECT $CALL_COLS FROM calls c INDEXED BY calls_open_by_time WHERE $OPEN AND c.due < '$NOW' ORDER BY c.at, c.id"
abab open "$BIN" --user bench --db "$BIG" call list --open --csv -- \
	sqlite3 -csv "$BIG" "SELECT $CALL_COLS FROM calls c INDEXED BY calls_open_by_time WHERE $OPEN ORDER BY c.at, c.id"
abab day "$BIN" --user bench --db "$BIG" call list --from "$DAY" --to "$DAY" --csv -- \
	sqlite3 -csv "$BIG" "SELECT $CALL_COLS FROM calls c INDEXED BY calls_by_time WHERE c.at >= '$DAY 00:00' AND c.at < '$NEXT 00:00' AND c.cancelled = 0 ORDER BY c.at, c.id"
abab clients "$BIN" --user bench --db "$BIG" client list --csv -- \
	sqlite3 -csv "$BIG" "SELECT $CLIENT_COLS FROM clients c INDEXED BY clients_by_name ORDER BY c.name_key, c.first_key, c.id"
# The audit: every rule's own query (db_finding_sql) with the values the program binds, written
# by bench/audit_floor.c, run by the shell with the program's page cache (8 MB): the program's
# part is then what it adds to the SQL (start-up, the findings' words, the CSV).
echo "bench: building the audit's floor" >&2
"$CC" -O2 -std=c11 -D_GNU_SOURCE -I"$ROOT/include" $(pkg-config --cflags sqlite3 xlsxwriter ncursesw) \
	"$ROOT/bench/audit_floor.c" "$BUILD/libcharte.a" \
	$(pkg-config --libs sqlite3 xlsxwriter ncursesw) -lcsv -lm -o "$BUILD/audit-floor"
{
	echo "PRAGMA cache_size=-8192;"
	"$BUILD/audit-floor" "$BIG" "$NOW"
} >"$TMP/audit.sql"
abab audit "$BIN" --user bench --db "$BIG" audit --csv -- sqlite3 -csv "$BIG" ".read $TMP/audit.sql"

# ---- (c) keystrokes through the seam ----

keys pgdn '2<Wait>' '<PgDn><Wait>' 1
keys end '2<Wait>' '<End><Wait><Home><Wait>' 2
keys filter '2<Wait>' 'f3<Wait>f1<Wait>' 2
keys overdue_end '2<Wait>f3<Wait>' '<End><Wait><Home><Wait>' 2
keys docs_end '2<Wait>f5<Wait>' '<End><Wait><Home><Wait>' 2
keys search_calls '2<Wait>/' 'm<Wait><BS><Wait>' 2
keys search_clients '3<Wait>/' 'd<Wait><BS><Wait>' 2
keys search_quotes '4<Wait>/' 'd<Wait><BS><Wait>' 2
keys search_contracts '5<Wait>/' 'd<Wait><BS><Wait>' 2
# The Follow-ups list (Complaints, F): the ones done paged through their index, those not done
# kept between pages.
keys followups_pgdn '9<Wait>F<Wait>' '<PgDn><Wait>' 1
keys followups_filter '9<Wait>F<Wait>' 'f3<Wait>f1<Wait>' 2

# ---- (d) the first screen with its findings: this file against an empty one ----

: >"$TMP/nokeys" # no key: the screen draws, reads its findings once the keys run out, quits
abab first_screen CHARTE_KEYS="$TMP/nokeys" CHARTE_SCREEN="$TMP/first.screen" "$BIN" --user bench --db "$BIG" -- \
	CHARTE_KEYS="$TMP/nokeys" CHARTE_SCREEN="$TMP/first-empty.screen" "$BIN" --user bench --db "$TMP/empty.db"
# The findings are below the calls at 80x24: check on a tall screen that they were read.
CHARTE_KEYS="$TMP/nokeys" CHARTE_SCREEN="$OUT/first-screen.txt" CHARTE_SIZE=100x1000 \
	"$BIN" --user bench --db "$BIG" </dev/null >/dev/null 2>&1
grep -q 'Charter findings ([1-9]' "$OUT/first-screen.txt" || echo "bench: warning: the first screen shows no findings" >&2

# ---- (f) the planning (issue 8) and the quality (issue 9), against the shell's best plan ----

WEEK=$(sqlite3 :memory: "SELECT date('$NOW', '+1 day', 'weekday 1')") # next Monday
WEEK_END=$(sqlite3 :memory: "SELECT date('$WEEK', '+6 days')")
WEEK_NEXT=$(sqlite3 :memory: "SELECT date('$WEEK', '+7 days')")
VISIT_FROM="FROM visits v INDEXED BY visits_by_start JOIN contracts k ON k.id = v.contract_id JOIN clients c ON c.id = v.client_id JOIN contract_lines l ON l.id = v.line_id LEFT JOIN workers w ON w.id = v.worker_id"
VISIT_COLS="v.id, k.number, v.client_id, v.worker_id, v.starts, v.ends, v.status, v.arrived_at, CASE WHEN v.arrived_at IS NULL THEN '' ELSE v.arrived_at > strftime('%Y-%m-%d %H:%M', v.starts, '+10 minutes') END, v.left_at, l.service_code, trim(c.name || ' ' || c.first_name), w.name, v.cancel_reason, v.replaced_worker_id, v.forced"
abab visit_week "$BIN" --user bench --db "$BIG" visit list --from "$WEEK" --to "$WEEK_END" --csv -- \
	sqlite3 -csv "$BIG" "SELECT $VISIT_COLS $VISIT_FROM WHERE v.starts >= '$WEEK' AND v.starts < '$WEEK_NEXT' ORDER BY v.starts, v.id"

# The week grid: next week, next worker (the Planning opens on the first worker's week).
keys plan_week '7<Wait>' '><Wait>' 1
keys plan_worker '7<Wait>' '.<Wait>' 1

# The candidates for next Monday's first afternoon visit (the workers who work mornings only are
# free then): the same query as db/planning.c, its parameters written in.
set -- $(sqlite3 -separator ' ' "$BIG" "SELECT v.id, v.client_id, coalesce(v.worker_id, 0), replace(v.starts, ' ', 'T'), replace(v.ends, ' ', 'T'), l.service_code FROM visits v JOIN contract_lines l ON l.id = v.line_id WHERE v.starts = '$WEEK 14:00' ORDER BY v.id LIMIT 1")
CAND_V=$1 CAND_CLIENT=$2 CAND_CURRENT=$3 CAND_S=$(echo "$4" | tr T ' ') CAND_E=$(echo "$5" | tr T ' ') CAND_SKILL=$6
CAND_SQL="SELECT id, name, met, minutes FROM (SELECT w.id, w.name, EXISTS (SELECT 1 FROM meetings m WHERE m.client_id = $CAND_CLIENT AND m.worker_id = w.id AND m.met_on <= substr('$CAND_S', 1, 10)) AS met, coalesce((SELECT sum(CAST(round((julianday(o.ends) - julianday(o.starts)) * 1440) AS INTEGER)) FROM visits o WHERE o.worker_id = w.id AND o.starts >= '$WEEK' AND o.starts < '$WEEK_NEXT' AND o.status <> 'cancelled'), 0) AS minutes FROM workers w WHERE w.status = 'active' AND w.id <> $CAND_CURRENT AND instr(',' || w.skills || ',', ',$CAND_SKILL,') > 0 AND EXISTS (SELECT 1 FROM worker_availability a WHERE a.worker_id = w.id AND a.weekday = 1 AND a.starts <= substr('$CAND_S', 12, 5) AND a.ends >= substr('$CAND_E', 12, 5)) AND NOT EXISTS (SELECT 1 FROM visits o WHERE o.worker_id = w.id AND o.starts > strftime('%Y-%m-%d %H:%M', '$CAND_S', '-1 day') AND o.starts < '$CAND_E' AND o.ends > '$CAND_S' AND o.status <> 'cancelled' AND o.id <> $CAND_V) AND NOT EXISTS (SELECT 1 FROM absences x WHERE x.worker_id = w.id AND x.to_day >= substr('$CAND_S', 1, 10) AND x.from_day <= substr('$CAND_E', 1, 10))) ORDER BY met DESC, minutes, name, id"
abab candidates "$BIN" --user bench --db "$BIG" visit candidates "$CAND_V" --csv -- sqlite3 -csv "$BIG" "$CAND_SQL"

# Ten years against one month: the audit, and the first screen (Today's visits, follow-ups due,
# open complaints and the findings).
abab audit_month "$BIN" --user bench --db "$BIG" audit --csv -- "$BIN" --user bench --db "$MONTH" audit --csv
abab first_month CHARTE_KEYS="$TMP/nokeys" CHARTE_SCREEN="$TMP/first10.screen" "$BIN" --user bench --db "$BIG" -- \
	CHARTE_KEYS="$TMP/nokeys" CHARTE_SCREEN="$TMP/first1.screen" "$BIN" --user bench --db "$MONTH"

# The follow-ups (the same query as db/followups.c: owed up to the end of the week from each
# client's first visit in first_visits, and the ones done).
UNTIL=$(sqlite3 :memory: "SELECT date('$NOW', 'weekday 0')")
GRACE=$(sqlite3 "$BIG" "SELECT coalesce((SELECT value FROM settings WHERE key = 'followup.grace_days'), 7)")
ADD_MONTHS() { echo "min(date($1, 'start of month', '+' || ($2) || ' months', '+' || (CAST(substr($1, 9, 2) AS INTEGER) - 1) || ' days'), date($1, 'start of month', '+' || (($2) + 1) || ' months', '-1 day'))"; }
NAME_OF() { echo "(SELECT trim(k.name || ' ' || k.first_name) FROM clients k WHERE k.id = $1)"; }
FU_SQL="WITH RECURSIVE dues(client_id, first, months, due) AS (SELECT client_id, day, 1, $(ADD_MONTHS day 1) FROM first_visits UNION ALL SELECT client_id, first, CASE months WHEN 1 THEN 12 ELSE months + 12 END, $(ADD_MONTHS first 'CASE months WHEN 1 THEN 12 ELSE months + 12 END') FROM dues WHERE due <= '$UNTIL'), owed(client_id, first, kind, due) AS (SELECT client_id, first, CASE months WHEN 1 THEN 'first-month' ELSE 'yearly' END, due FROM dues WHERE due <= '$UNTIL' AND (months = 1 OR EXISTS (SELECT 1 FROM contracts k WHERE k.client_id = dues.client_id AND k.status <> 'draft' AND k.signed_on <= dues.due AND (k.ended_on IS NULL OR k.ended_on >= dues.due) AND (k.withdrawn_on IS NULL OR k.withdrawn_on >= dues.due)))) SELECT * FROM (SELECT 0 AS id, o.client_id, o.kind, o.due, NULL AS done_on, CASE WHEN '$TODAY' > date(o.due, '+$GRACE days') THEN 'overdue' ELSE 'due' END AS status, NULL, NULL, NULL, $(NAME_OF o.client_id) AS client_name, '' FROM owed o WHERE NOT EXISTS (SELECT 1 FROM followups f WHERE f.client_id = o.client_id AND f.due = o.due) UNION ALL SELECT f.id, f.client_id, f.kind, f.due, f.done_on, 'done', f.satisfaction, f.done_by, f.complaint_id, $(NAME_OF f.client_id), f.note FROM followups f) ORDER BY due, client_id"
abab followups "$BIN" --user bench --db "$BIG" followup list --csv -- sqlite3 -csv "$BIG" "$FU_SQL"

# The complaints, oldest first (complaints_by_day).
abab complaints "$BIN" --user bench --db "$BIG" complaint list --csv -- \
	sqlite3 -csv "$BIG" "SELECT c.id, c.client_id, c.worker_id, c.received_on, c.category, c.status, c.closed_on, c.channel, c.severity, c.anomaly, c.answered_on, EXISTS (SELECT 1 FROM plan_complaints p WHERE p.complaint_id = c.id), $(NAME_OF c.client_id), (SELECT w.name FROM workers w WHERE w.id = c.worker_id), c.description FROM complaints c INDEXED BY complaints_by_day ORDER BY c.received_on, c.id"

# The survey's results of last year, beside the year before: each question's answers by value.
YEAR=$(($(echo "$NOW" | cut -c1-4) - 1))
SURVEY_SQL="SELECT s.year, q.code, count(*), sum(d = '1'), sum(d = '2'), sum(d = '3'), sum(d = '4'), sum(d = '5'), round(1.0 * (sum(d = '1') + sum(d = '2')) / nullif(sum(d <> '5'), 0), 4) FROM (SELECT s.year, q.position, substr(s.answers, q.position, 1) AS d FROM survey_clients s INDEXED BY survey_clients_answered JOIN survey_questions q ON q.year = $YEAR WHERE s.year IN ($YEAR, $((YEAR - 1))) AND s.answers IS NOT NULL) s JOIN survey_questions q ON q.year = $YEAR AND q.position = s.position GROUP BY s.year, q.position ORDER BY s.year DESC, q.position"
abab survey "$BIN" --user bench --db "$BIG" survey results --year "$YEAR" --csv -- sqlite3 -csv "$BIG" "$SURVEY_SQL"
abab survey_xlsx "$BIN" --user bench --db "$BIG" survey results --year "$YEAR" -o "$TMP/survey.xlsx" -- \
	sqlite3 -csv "$BIG" ".output $TMP/survey.csv" "$SURVEY_SQL"

# Generating 8 weeks of visits, on a copy of the file: each run another 8 weeks after the 8
# planned (the program's from run 0 on, the shell's after them), so both insert the same count.
echo "bench: copying the file for the generation" >&2
GEN=$TMP/gen.db
cp "$BIG" "$GEN"
HORIZON=$(sqlite3 :memory: "SELECT date('$NOW', '-' || ((CAST(strftime('%w', '$NOW') AS INTEGER) + 6) % 7) || ' days', '+56 days')")
sqlite3 :memory: "WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 2 * $RUNS + 1) SELECT date('$HORIZON', '+' || (56 * i) || ' days'), date('$HORIZON', '+' || (56 * i + 55) || ' days') FROM r" | tr '|' ' ' >"$TMP/ranges"
cat >"$TMP/gen_a.sh" <<SH
set -- \$(sed -n "\$((\$1 + 1))p" "$TMP/ranges")
exec "$BIN" --user bench --db "$GEN" visit generate --from "\$1" --to "\$2"
SH
cat >"$TMP/gen_b.sh" <<SH
set -- \$(sed -n "\$((\$1 + $RUNS + 2))p" "$TMP/ranges")
exec sqlite3 "$GEN" ".parameter set :now '$NOW'" ".parameter set :from \"'\$1'\"" ".parameter set :to \"'\$2'\"" ".read $ROOT/bench/gen_visits.sql"
SH
abab generate sh "$TMP/gen_a.sh" {} -- sh "$TMP/gen_b.sh" {}
N_GEN=$(($(sqlite3 "$GEN" "SELECT count(*) FROM visits") - $(sqlite3 "$BIG" "SELECT count(*) FROM visits")))
rm -f "$GEN" "$GEN-wal" "$GEN-shm"

# ---- the table ----

verdict() { awk "BEGIN { exit !($1 $2 $3) }" && echo "✓" || echo "✗"; }
fmt_ms() { awk "BEGIN { v = $1; if (v < 1) printf \"%.2f ms\", v; else if (v < 100) printf \"%.1f ms\", v; else printf \"%.0f ms\", v }"; }
mb() { awk "BEGIN { printf \"%.1f MB\", $1 / 1024 }"; }
nrows() { sqlite3 "$BIG" "$1"; }
N_OVERDUE=$(nrows "SELECT count(*) FROM calls c WHERE $OPEN AND c.due < '$NOW'")
N_OPEN=$(nrows "SELECT count(*) FROM calls c WHERE $OPEN")
N_DAY=$(nrows "SELECT count(*) FROM calls c WHERE c.at >= '$DAY 00:00' AND c.at < '$NEXT 00:00' AND c.cancelled = 0")
N_CLIENTS=$(nrows "SELECT count(*) FROM clients")
N_FINDINGS=$("$BIN" --user bench --db "$BIG" audit --csv | tail -n +2 | wc -l)
N_RULES=$(grep -c '^-- ' "$TMP/audit.sql")
N_WEEK=$(nrows "SELECT count(*) FROM visits WHERE starts >= '$WEEK' AND starts < '$WEEK_NEXT'")
N_CAND=$("$BIN" --user bench --db "$BIG" visit candidates "$CAND_V" --csv | tail -n +2 | wc -l)
N_FU=$("$BIN" --user bench --db "$BIG" followup list --csv | tail -n +2 | wc -l)
N_COMPLAINTS=$(nrows "SELECT count(*) FROM complaints")
N_ANSWERS=$(nrows "SELECT count(*) FROM survey_clients WHERE year = $YEAR AND answers IS NOT NULL")
N_VISITS=$(nrows "SELECT count(*) FROM visits")
peak=0
{
	echo "| measure | charte | sqlite3 shell / floor | ratio (median of A/B) | peak memory | aim |"
	echo "| --- | --- | --- | --- | --- | --- |"
	while read -r name a b ratio diff ka kb; do
		[ "$ka" -gt "$peak" ] && peak=$ka
		case $name in
		overdue | open | day | clients | audit)
			case $name in
			overdue) label="\`call list --overdue --csv\` ($N_OVERDUE calls)" ;;
			open) label="\`call list --open --csv\` ($N_OPEN calls)" ;;
			day) label="\`call list --from $DAY --to $DAY --csv\` ($N_DAY calls)" ;;
			clients) label="\`client list --csv\` ($N_CLIENTS clients)" ;;
			audit) label="\`audit --csv\` ($N_FINDINGS findings, $N_RULES rules) vs every rule's own query in the shell" ;;
			esac
			echo "| $label | $(fmt_ms "$a") | $(fmt_ms "$b") | $ratio | $(mb "$ka") | ≤ 1.5 $(verdict "$ratio" '<=' 1.5) |"
			;;
		keys_*)
			case $name in
			keys_pgdn) label="Calls: PgDn"; per=1 ;;
			keys_end) label="Calls: End, Home"; per=1 ;;
			keys_filter) label="Calls: a filter chosen (f, then Overdue or All)"; per=2 ;;
			keys_overdue_end) label="Calls, Overdue filter: End, Home"; per=1 ;;
			keys_docs_end) label="Calls, Documentation filter: End, Home"; per=1 ;;
			keys_search_calls) label="Calls: one-letter search \"m\", then erased"; per=1 ;;
			keys_search_clients) label="Clients: one-letter search \"d\", then erased"; per=1 ;;
			keys_search_quotes) label="Quotes: one-letter search \"d\", then erased"; per=1 ;;
			keys_search_contracts) label="Contracts: one-letter search \"d\", then erased"; per=1 ;;
			keys_followups_pgdn) label="Follow-ups: PgDn"; per=1 ;;
			keys_followups_filter) label="Follow-ups: a filter chosen (f, then Overdue or All)"; per=2 ;;
			keys_plan_week) label="Planning week grid: next week (>)"; per=1 ;;
			keys_plan_worker) label="Planning week grid: next worker (.)"; per=1 ;;
			esac
			# per keystroke (or per filter chosen: two keys)
			k=$(calc "$diff / $NKEYS * $per")
			unit="per keystroke"
			[ "$per" = 2 ] && unit="per filter"
			echo "| $label, $unit | $(fmt_ms "$k") | script without the keys: $(fmt_ms "$b") | — | $(mb "$ka") | < 16 ms $(verdict "$k" '<' 16) |"
			;;
		first_screen)
			echo "| first screen with its findings: this file vs an empty one | $(fmt_ms "$a") | empty file: $(fmt_ms "$b") | $ratio | $(mb "$ka") | ≤ 1.5 $(verdict "$ratio" '<=' 1.5) |"
			;;
		visit_week | candidates | followups | complaints | survey)
			case $name in
			visit_week) label="Planning: \`visit list --from $WEEK --to $WEEK_END --csv\` (a week, $N_WEEK visits)" ;;
			candidates) label="Planning: \`visit candidates $CAND_V --csv\` ($N_CAND candidates)" ;;
			followups) label="Follow-ups: \`followup list --csv\` ($N_FU rows)" ;;
			complaints) label="Complaints: \`complaint list --csv\` ($N_COMPLAINTS complaints)" ;;
			survey) label="Survey: \`survey results --year $YEAR --csv\` ($N_ANSWERS answers, and $((YEAR - 1))'s)" ;;
			esac
			echo "| $label | $(fmt_ms "$a") | $(fmt_ms "$b") | $ratio | $(mb "$ka") | ≤ 1.5 $(verdict "$ratio" '<=' 1.5) |"
			;;
		survey_xlsx)
			echo "| Survey: the workbook \`survey results --year $YEAR -o F.xlsx\` vs the shell writing the same figures as CSV | $(fmt_ms "$a") | $(fmt_ms "$b") | $ratio | $(mb "$ka") | ≤ 2 $(verdict "$ratio" '<=' 2) |"
			;;
		generate)
			echo "| Planning: \`visit generate\` of 8 weeks ($((N_GEN / (RUNS + 1) / 2)) visits) vs the shell inserting the same rows | $(fmt_ms "$a") | $(fmt_ms "$b") | $ratio | $(mb "$ka") | ≤ 2 $(verdict "$ratio" '<=' 2) |"
			;;
		audit_month)
			echo "| \`audit --csv\`: ten years ($N_VISITS visits) vs one month ($N_VISITS_MONTH visits) | $(fmt_ms "$a") | one month: $(fmt_ms "$b") | $ratio | $(mb "$ka") | ≤ 1.5 $(verdict "$ratio" '<=' 1.5) |"
			;;
		first_month)
			echo "| first screen (Today's visits, follow-ups due, open complaints, findings): ten years vs one month | $(fmt_ms "$a") | one month: $(fmt_ms "$b") | $ratio | $(mb "$ka") | ≤ 1.5 $(verdict "$ratio" '<=' 1.5) |"
			;;
		esac
	done <"$TMP/results"
	echo "| peak memory of every run above | $(mb "$peak") | | | | < 30 MB $(verdict "$peak" '<' 30720) |"
	echo
	echo "$CALLS calls and $OFFER_NOTE, $PLAN_NOTE over ten years up to $NOW, ${SIZE_MB} MB ($GEN_NOTE); $(uname -m), $(nproc 2>/dev/null || echo '?') cores, SQLite $(sqlite3 --version | cut -d' ' -f1). Each row: the program (A) and its floor (B) run in turn as whole processes, A B A B …, $RUNS rounds after a warm-up, median of the rounds' ratios; keystrokes: a script of $NKEYS keys through the test seam against the same script without them, median difference / $NKEYS."
} >"$TMP/table.md"

cp "$TMP/table.md" "$OUT/last.md"
cat "$OUT/last.md"
