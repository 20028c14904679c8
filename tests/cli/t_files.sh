# t_files.sh — what the program does with files that are not (yet) agency files, with lengths
# counted in characters, with init all or nothing, and with notice on an unsigned draft.
. "$(dirname "$0")/lib.sh"

export CHARTE_NOW='2026-03-20 12:00'

echo "-- a database that is not an agency file is left alone"
sqlite3 "$T/other.db" 'CREATE TABLE foo(x); INSERT INTO foo VALUES (1);'
expect_exit 1 "$BIN" --db "$T/other.db" call list
expect_stderr_lines 1
expect_stderr_match "^charte: db: .*not an agency file: create one with 'charte init'"
expect_eq "$(sqlite3 "$T/other.db" 'PRAGMA user_version; SELECT count(*) FROM sqlite_master')" \
	"$(printf '0\n1')" "the foreign file is unchanged"
: >"$T/empty.db"
expect_exit 1 "$BIN" --db "$T/empty.db" call list
expect_eq "$(wc -c <"$T/empty.db" | tr -d ' ')" 0 "an empty file stays empty"
printf 'not a database at all, just text\n' >"$T/text.db"
expect_exit 1 "$BIN" --db "$T/text.db" call list
expect_stderr_match "^charte: db: .*not an agency file"

echo "-- init is all or nothing, and only once"
new_agency files
expect_exit 1 "$BIN" init
expect_stderr_match "already initialised"
expect_eq "$("$BIN" staff list --csv | csv_rows)" 1 "still one member of staff"
[ "$("$BIN" service list --csv | csv_rows)" -gt 5 ] && ok_n=1 || ok_n=0
expect_eq "$ok_n" 1 "init loaded the service catalogue"
# A full disk in the middle of init (here: a file size limit, its signal ignored so that writes
# fail as on a full disk) leaves no half-built file behind.
full="$T/full.db"
(trap '' XFSZ; ulimit -f 200; exec "$BIN" --db "$full" init --demo) >"$T/out" 2>"$T/err"
expect_eq "$?" 1 "init on a full disk: exit 1"
expect_stderr_lines 1
[ -e "$full" ] || [ -e "$full-wal" ] && left=yes || left=no
expect_eq "$left" no "init on a full disk leaves no file behind"
expect_exit 0 "$BIN" --db "$full" init
expect_eq "$("$BIN" --db "$full" staff list --csv | csv_rows)" 1 "init then works on the same path"

echo "-- limits count characters, not bytes"
e150=$(printf 'é%.0s' $(seq 150))
expect_exit 0 "$BIN" call add --caller "$e150"
e201=$(printf 'é%.0s' $(seq 201))
expect_exit 1 "$BIN" call add --caller "$e201"
expect_stderr_match '^charte: caller: too long \(at most 200 characters\)'

echo "-- notice on an unsigned draft cannot precede the day it was drawn up"
expect_exit 0 "$BIN" client add --name Dupont
id=$(cat "$T/out")
expect_exit 0 "$BIN" contract add --client "$id" --kind recurring --start 2026-04-01 --price 22 --hours-per-week 3
num=$(cat "$T/out")
expect_exit 1 "$BIN" contract end "$num" --notice 2000-01-01
expect_stderr_match '^charte: notice: is before the contract was drawn up'
expect_eq "$("$BIN" contract list --csv | csv_get status number "$num")" draft "the draft is unchanged"
echo "-- a contract typed in after it was signed on paper keeps its signature date"
expect_exit 0 "$BIN" contract sign "$num" --on 2026-03-18
expect_eq "$("$BIN" contract list --csv | csv_get signed_on number "$num")" 2026-03-18 "signed on paper two days before"

echo "-- a read-only folder is said to be one, not 'not an agency file'"
ro="$T/ro"
mkdir "$ro"
expect_exit 0 "$BIN" --db "$ro/agency.db" init
chmod 755 "$T"
chmod 444 "$ro/agency.db"
chmod 555 "$ro"
# Root writes through any mode: the check then runs as nobody.
if [ "$(id -u)" = 0 ]; then
	as_other() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
	as_other() { "$@"; }
fi
# Where the other user cannot run the program at all (a build in a folder only root may enter,
# as in a chroot made by mktemp), there is nothing to check.
if as_other "$BIN" --version >/dev/null 2>&1; then
	expect_exit 1 as_other "$BIN" --db "$ro/agency.db" call add --caller 'Mme Lecture'
	expect_stderr_lines 1
	expect_stderr_match "^charte: db: .*agency.db cannot be opened: the file or its folder is read-only for you$"
else
	echo "skip: another user cannot run $BIN here"
fi
chmod 755 "$ro"
chmod 644 "$ro/agency.db"
expect_eq "$("$BIN" --db "$ro/agency.db" call list --csv | csv_rows)" 0 "nothing was written"

finish
