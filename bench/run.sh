#!/bin/sh
# bench/run.sh BIN — `make bench`: Charte on ten years of a large agency (1,000,000 calls, 50,000
# clients, 100,000 quotes, 60,000 contracts), measured in the same run against the sqlite3 shell
# running the same SQL on the same file.
#
#   (a) the file: `charte init`, then bench/gen.sql (the calls) and bench/gen_offer.sql (clients,
#       needs, quotes and lines, contracts and slots) in the sqlite3 shell (recursive CTEs; the
#       schema's own triggers keep the FTS indexes right). Cached in bench/out/, keyed by the
#       schema version and the generators, so reruns skip it.
#   (b) queries: bench/bench.c times the program's own functions (db_calls_page with a deep
#       key, db_calls_page with a search, db_calls_overdue; client_page searching as you type
#       "du", "dup", "dupo", "06 12"; client_each for every "du"; audit_run, the whole charter
#       audit), median of RUNS; the shell runs the very SQL they ran (traced, values expanded;
#       for the audit, every statement it ran, in order). The shell's `.timer` prints whole
#       milliseconds, too coarse for these queries, so its time per query is
#       (wall time of K copies - wall time of none) / K, median of RUNS_SHELL.
#       The audit is also timed as whole processes: `charte audit --csv` against `sqlite3 FILE`
#       reading the audit's SQL, both writing their rows to /dev/null.
#       Import: 100,000 calls from `charte call list --csv` into a fresh agency file, against
#       the shell's `.import` of the same rows (storage form) into a copy of the calls table
#       (same columns, indexes and FTS trigger; no CHECK/STRICT, which `.import` cannot
#       satisfy since it writes '' for NULL).
#   (c) peak memory (GNU time, package `time`): `charte call list --overdue --csv`,
#       `charte audit --csv`, `charte client list --search du --csv`, the first screen.
#   (d) the first screen on this file vs on an empty one, through the screen test seam
#       ($CHARTE_KEYS, $CHARTE_SCREEN).
# The table is printed and written to bench/out/last.md.
#
# Environment: BENCH_NOW ('YYYY-MM-DD HH:MM', the bench's "now"), BENCH_RUNS (21),
# BENCH_RUNS_SHELL (7), BENCH_RUNS_IMPORT (3), CC.
set -eu

BIN=${1:?usage: bench/run.sh PATH/TO/charte}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$(dirname "$BIN")" && pwd)
OUT=$ROOT/bench/out
NOW=${BENCH_NOW:-2026-03-03 10:00}
RUNS=${BENCH_RUNS:-21}
RUNS_SHELL=${BENCH_RUNS_SHELL:-7}
RUNS_IMPORT=${BENCH_RUNS_IMPORT:-3}
ROWS_IMPORT=100000
CC=${CC:-cc}

for tool in sqlite3 "$CC" date awk sort; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is needed" >&2; exit 1; }
done
TIME=
[ -x /usr/bin/time ] && TIME=/usr/bin/time
TIMEOUT=
command -v timeout >/dev/null 2>&1 && TIMEOUT="timeout 60"

mkdir -p "$OUT"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/charte-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

# Every charte command works as the manager of the bench files, as of NOW.
export CHARTE_NOW="$NOW"
unset CHARTE_DB
charte() { "$BIN" --user bench "$@"; }

# ---- small helpers ----

# Wall time of a command in microseconds (stdout and stderr discarded).
wall_us() {
	s=$(date +%s%N)
	"$@" >/dev/null 2>&1 || true
	e=$(date +%s%N)
	echo $(((e - s) / 1000))
}

# The median of the numbers on stdin.
median() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Median wall time (µs) of RUNS runs of a command.
median_us() {
	n=$1
	shift
	i=0
	while [ "$i" -lt "$n" ]; do
		wall_us "$@"
		i=$((i + 1))
	done | median
}

calc() { awk "BEGIN { printf \"%s\", $1 }"; }

# ---- (a) the files ----

echo "bench: building the driver" >&2
"$CC" -O2 -std=c11 -D_GNU_SOURCE -I"$ROOT/include" $(pkg-config --cflags sqlite3) \
	"$ROOT/bench/bench.c" "$BUILD/libcharte.a" \
	$(pkg-config --libs ncursesw sqlite3 xlsxwriter 2>/dev/null || pkg-config --libs sqlite3) \
	-lcsv -lm -o "$BUILD/bench-driver"

charte --db "$TMP/empty.db" init 2>/dev/null
VERSION=$(sqlite3 "$TMP/empty.db" 'PRAGMA user_version')
GEN_KEY=$(cat "$ROOT/bench/gen.sql" "$ROOT/bench/gen_offer.sql" "$ROOT/src/db/schema.c" | cksum | cut -d' ' -f1)
KEY="v$VERSION-$GEN_KEY-$(echo "$NOW" | tr -dc '0-9')"
BIG=$OUT/agency-$KEY.db
GEN_NOTE="cached"
if [ ! -s "$BIG" ]; then
	echo "bench: generating 1,000,000 calls, 50,000 clients, 100,000 quotes, 60,000 contracts (once per schema version)" >&2
	rm -f "$OUT"/calls-1M-*.db "$OUT"/agency-*.db "$OUT"/import-*.csv "$OUT"/shell-*.csv
	cp "$TMP/empty.db" "$TMP/big.db"
	t0=$(date +%s%N)
	sqlite3 "$TMP/big.db" ".parameter set :now '$NOW'" ".read $ROOT/bench/gen.sql" \
		".read $ROOT/bench/gen_offer.sql" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
	t1=$(date +%s%N)
	GEN_NOTE="generated in $(calc "($t1 - $t0) / 1e9" | awk '{ printf "%.0f", $1 }') s"
	rm -f "$TMP/big.db-wal" "$TMP/big.db-shm"
	mv "$TMP/big.db" "$BIG"
fi
CALLS=$(sqlite3 "$BIG" 'SELECT count(*) FROM calls')
OFFER=$(sqlite3 -separator ' ' "$BIG" "SELECT (SELECT count(*) FROM clients), (SELECT count(*) FROM quotes), (SELECT count(*) FROM quote_lines), (SELECT count(*) FROM contracts), (SELECT count(*) FROM contract_slots)")
set -- $OFFER
OFFER_NOTE="$1 clients, $2 quotes ($3 lines), $4 contracts ($5 slots)"
SIZE_MB=$(($(wc -c <"$BIG") / 1048576))

# The CSV to import: the last 100,000 calls as `charte call list --csv` writes them.
CSV=$OUT/import-$KEY.csv
if [ ! -s "$CSV" ]; then
	echo "bench: exporting $ROWS_IMPORT calls to CSV" >&2
	FROM=$(sqlite3 :memory: "SELECT date('$NOW', '-400 days')")
	charte --db "$BIG" call list --all --from "$FROM" --csv >"$TMP/last.csv"
	{ head -n 1 "$TMP/last.csv"; tail -n "$ROWS_IMPORT" "$TMP/last.csv"; } >"$CSV"
fi
ROWS=$(($(wc -l <"$CSV") - 1))

# The same rows in storage form, for the shell's .import: import them once with charte.
COLS=$(sqlite3 "$TMP/empty.db" "SELECT group_concat(name, ', ') FROM pragma_table_xinfo('calls') WHERE hidden = 0 AND name <> 'id'")
SHELL_CSV=$OUT/shell-$KEY.csv
if [ ! -s "$SHELL_CSV" ]; then
	cp "$TMP/empty.db" "$TMP/once.db"
	charte --db "$TMP/once.db" import calls "$CSV" >/dev/null 2>&1
	sqlite3 -csv "$TMP/once.db" "SELECT $COLS, phone_search FROM calls ORDER BY id" >"$SHELL_CSV"
	rm -f "$TMP"/once.db*
fi

# The copy of the calls table for the shell: same columns, same indexes (partial ones on ''
# where calls has NULL), same FTS table and insert trigger, rowid for id.
{
	echo "CREATE TABLE calls_copy AS SELECT $COLS, phone_search FROM calls WHERE 0;"
	sqlite3 "$TMP/empty.db" "SELECT replace(replace(replace(replace(sql, 'ON calls(', 'ON calls_copy('), 'INDEX calls_', 'INDEX copy_'), ' IS NULL', ' = '''''), ', id)', ')') || ';' FROM sqlite_master WHERE tbl_name = 'calls' AND type = 'index' AND sql IS NOT NULL"
	sqlite3 "$TMP/empty.db" "SELECT replace(replace(replace(sql, 'calls_fts', 'copy_fts'), '''calls''', '''calls_copy'''), '''id''', '''rowid''') || ';' FROM sqlite_master WHERE name = 'calls_fts'"
	sqlite3 "$TMP/empty.db" "SELECT replace(replace(replace(replace(sql, 'calls_fts', 'copy_fts'), 'ON calls ', 'ON calls_copy '), 'TRIGGER calls_', 'TRIGGER copy_'), 'new.id', 'new.rowid') || ';' FROM sqlite_master WHERE type = 'trigger' AND name = 'calls_fts_ins'"
} >"$TMP/copy.sql"

# ---- (b) queries ----

echo "bench: queries ($RUNS runs each)" >&2
"$BUILD/bench-driver" "$BIG" "$NOW" "$RUNS" "$TMP" >"$TMP/ours.txt"

echo ".output /dev/null" >"$TMP/none.sql"
base_us=$(median_us "$RUNS_SHELL" sh -c "sqlite3 '$BIG' <'$TMP/none.sql'")
shell_ms() { # NAME OURS_MS -> the shell's ms per query
	k=$(calc "int(300 / ($2 + 0.01))")
	[ "$k" -lt 10 ] && k=10
	[ "$k" -gt 2000 ] && k=2000
	{
		echo ".output /dev/null"
		i=0
		while [ "$i" -lt "$k" ]; do
			cat "$TMP/$1.sql"
			i=$((i + 1))
		done
	} >"$TMP/$1.k.sql"
	t=$(median_us "$RUNS_SHELL" sh -c "sqlite3 '$BIG' <'$TMP/$1.k.sql'")
	calc "($t - $base_us) / $k / 1000"
}

# ---- import ----

echo "bench: import of $ROWS calls ($RUNS_IMPORT runs each)" >&2
import_ours() {
	rm -f "$TMP"/imp.db*
	cp "$TMP/empty.db" "$TMP/imp.db"
	wall_us charte --db "$TMP/imp.db" import calls "$CSV"
}
import_shell() {
	rm -f "$TMP"/sh.db*
	cp "$TMP/empty.db" "$TMP/sh.db"
	sqlite3 "$TMP/sh.db" <"$TMP/copy.sql"
	wall_us sqlite3 "$TMP/sh.db" ".import --csv $SHELL_CSV calls_copy"
}
i=0
while [ "$i" -lt "$RUNS_IMPORT" ]; do
	import_ours >>"$TMP/imp_ours.txt"
	import_shell >>"$TMP/imp_shell.txt"
	i=$((i + 1))
done
imp_ours_us=$(median <"$TMP/imp_ours.txt")
imp_shell_us=$(median <"$TMP/imp_shell.txt")
# Check that the import did import.
got=$(sqlite3 "$TMP/imp.db" 'SELECT count(*) FROM calls')
[ "$got" = "$ROWS" ] || echo "bench: warning: the import stored $got calls of $ROWS" >&2

# ---- (c) memory and (d) the first screen ----

printf 'Q' >"$TMP/keys"
seam_ready=no
rm -f "$TMP/screen.txt"
CHARTE_KEYS="$TMP/keys" CHARTE_SCREEN="$TMP/screen.txt" $TIMEOUT "$BIN" --user bench \
	--db "$TMP/empty.db" </dev/null >/dev/null 2>&1 || true
[ -s "$TMP/screen.txt" ] && seam_ready=yes

peak_mb() { # command... -> peak resident memory in MB
	if [ -z "$TIME" ]; then
		echo "n/a"
		return
	fi
	kb=$("$TIME" -f '%M' -o "$TMP/time.txt" "$@" >/dev/null 2>&1 </dev/null && tail -n 1 "$TMP/time.txt") || kb=
	[ -n "$kb" ] && calc "$kb / 1024" | awk '{ printf "%.1f", $1 }' || echo "n/a"
}
echo "bench: memory and first screen" >&2
mem_list=$(peak_mb "$BIN" --user bench --db "$BIG" call list --overdue --csv)
mem_list_shell=$(peak_mb sh -c "sqlite3 '$BIG' <'$TMP/overdue.sql'")
mem_audit=$(peak_mb "$BIN" --user bench --db "$BIG" audit --csv)
mem_audit_shell=$(peak_mb sh -c "sqlite3 '$BIG' <'$TMP/audit.sql'")
mem_clients=$(peak_mb "$BIN" --user bench --db "$BIG" client list --search du --csv)
mem_clients_shell=$(peak_mb sh -c "sqlite3 '$BIG' <'$TMP/client_all_du.sql'")

# The audit as whole processes: the program (open, settings, every rule, CSV out) against the
# shell (open, the same statements, its list output), each writing to /dev/null.
echo "bench: charte audit as a process ($RUNS_SHELL runs)" >&2
audit_proc=$(median_us "$RUNS_SHELL" "$BIN" --user bench --db "$BIG" audit --csv)
audit_proc_shell=$(median_us "$RUNS_SHELL" sh -c "sqlite3 '$BIG' <'$TMP/audit.sql'")
if [ "$seam_ready" = yes ]; then
	seam="env CHARTE_KEYS=$TMP/keys CHARTE_SCREEN=$TMP/screen.txt"
	mem_screen=$(peak_mb $seam "$BIN" --user bench --db "$BIG")
	screen_big=$(median_us "$RUNS_SHELL" $seam "$BIN" --user bench --db "$BIG")
	cp "$TMP/screen.txt" "$OUT/first-screen.txt"
	screen_empty=$(median_us "$RUNS_SHELL" $seam "$BIN" --user bench --db "$TMP/empty.db")
fi

# ---- the table ----

verdict() { # VALUE OP LIMIT -> "✓" or "✗"
	awk "BEGIN { exit !($1 $2 $3) }" && echo "✓" || echo "✗"
}
fmt_ms() { awk "BEGIN { v = $1; if (v < 1) printf \"%.3f ms\", v; else if (v < 100) printf \"%.1f ms\", v; else printf \"%.0f ms\", v }"; }

{
	echo "| measure | charte (median) | sqlite3 shell (median) | ratio | aim |"
	echo "| --- | --- | --- | --- | --- |"
	while read -r name ms nrows; do
		case $name in
		deep_page) label="page of 50 calls ~700,000 deep (keyset)" ;;
		search) label="search a caller's name, first 50 (FTS)" ;;
		overdue) label="overdue callbacks ($nrows)" ;;
		client_du) label="client search as you type \"du\", first 50 of the list (FTS)" ;;
		client_dup) label="client search \"dup\", first 50 (FTS)" ;;
		client_dupo) label="client search \"dupo\", first 50 (FTS)" ;;
		client_phone) label="client search by phone \"06 12\", first 50 (FTS)" ;;
		client_all_du) label="every client matching \"du\" ($nrows), as client list --search (FTS)" ;;
		audit) label="charte audit, whole file, in-process audit_run ($nrows findings)" ;;
		*) label=$name ;;
		esac
		sh_ms=$(shell_ms "$name" "$ms")
		ratio=$(calc "$ms / ($sh_ms > 0 ? $sh_ms : 0.0001)" | awk '{ printf "%.2f", $1 }')
		echo "| $label | $(fmt_ms "$ms") | $(fmt_ms "$sh_ms") | $ratio | ≤ 1.5 $(verdict "$ratio" '<=' 1.5) |"
	done <"$TMP/ours.txt"
	ours_rate=$(calc "$ROWS / ($imp_ours_us / 1e6)" | awk '{ printf "%.0f", $1 }')
	shell_rate=$(calc "$ROWS / ($imp_shell_us / 1e6)" | awk '{ printf "%.0f", $1 }')
	ratio=$(calc "$ours_rate / $shell_rate" | awk '{ printf "%.2f", $1 }')
	echo "| import $ROWS calls from CSV (rows/s) | $ours_rate | $shell_rate (.import) | $ratio | ≥ 0.5 $(verdict "$ratio" '>=' 0.5) |"
	if [ "$mem_list" = n/a ]; then
		echo "| peak memory, call list --overdue --csv | n/a (no /usr/bin/time) | | | < 30 MB |"
	else
		echo "| peak memory, call list --overdue --csv | $mem_list MB | $mem_list_shell MB | $(calc "$mem_list / $mem_list_shell" | awk '{ printf "%.2f", $1 }') | < 30 MB $(verdict "$mem_list" '<' 30) |"
	fi
	echo "| charte audit --csv, whole process (start, every rule, CSV to /dev/null) | $(fmt_ms "$(calc "$audit_proc / 1000")") | $(fmt_ms "$(calc "$audit_proc_shell / 1000")") (process) | $(calc "$audit_proc / $audit_proc_shell" | awk '{ printf "%.2f", $1 }') | ≤ 1.5 $(verdict "$(calc "$audit_proc / $audit_proc_shell")" '<=' 1.5) |"
	for m in audit clients; do
		case $m in
		audit) mem=$mem_audit mem_sh=$mem_audit_shell what="charte audit --csv" ;;
		clients) mem=$mem_clients mem_sh=$mem_clients_shell what="charte client list --search du --csv" ;;
		esac
		if [ "$mem" = n/a ]; then
			echo "| peak memory, $what | n/a (no /usr/bin/time) | | | < 30 MB |"
		else
			echo "| peak memory, $what | $mem MB | $mem_sh MB | $(calc "$mem / $mem_sh" | awk '{ printf "%.2f", $1 }') | < 30 MB $(verdict "$mem" '<' 30) |"
		fi
	done
	if [ "$seam_ready" = yes ]; then
		if [ "$mem_screen" = n/a ]; then
			echo "| peak memory, first screen | n/a (no /usr/bin/time) | — | — | < 30 MB |"
		else
			echo "| peak memory, first screen | $mem_screen MB | — | — | < 30 MB $(verdict "$mem_screen" '<' 30) |"
		fi
		ratio=$(calc "$screen_big / $screen_empty" | awk '{ printf "%.2f", $1 }')
		echo "| first screen, the whole agency vs empty file (start, draw, quit) | $(fmt_ms "$(calc "$screen_big / 1000")") | empty file: $(fmt_ms "$(calc "$screen_empty / 1000")") | $ratio | ≈ 1 $(verdict "$ratio" '<=' 1.5) |"
	else
		echo "| peak memory, first screen | n/a (seam not ready) | — | — | < 30 MB |"
		echo "| first screen, 1M calls vs empty file | n/a (seam not ready) | — | — | ≈ 1 |"
	fi
	echo
	echo "$CALLS calls and $OFFER_NOTE over ten years up to $NOW, ${SIZE_MB} MB ($GEN_NOTE); $(uname -m), $(nproc 2>/dev/null || echo '?') cores, SQLite $(sqlite3 --version | cut -d' ' -f1). Query times: charte's functions in-process, median of $RUNS; the shell's per query, (wall of K copies − wall of none) / K (K ≥ 10), median of $RUNS_SHELL. The audit in-process: audit_run formatting every finding as \`charte audit\` prints it, against the shell running every statement it ran (settings read, six rules); as processes: both started, run and written to /dev/null, median of $RUNS_SHELL. Import: median of $RUNS_IMPORT, into a fresh agency file."
} >"$TMP/table.md"

cp "$TMP/table.md" "$OUT/last.md"
cat "$OUT/last.md"
