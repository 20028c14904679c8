# t_calls.sh — the command-line contract of the call log (issue 2), exactly:
#   charte call add|list|done|doc-sent|cancel, exit codes 0/1/2, the CSV columns, R1 end to
#   end, where the agency file lives and with which modes, --help everywhere.
# Dates used (2026): Mon 2 Mar, Fri 6 Mar, Sat 7 Mar, Thu 12 Mar (a closure date below),
# Fri 20 Mar (the fixed "now"), Fri 3 Apr, Mon 6 Apr (Easter Monday).
. "$(dirname "$0")/lib.sh"

NOW='2026-03-20 12:00'
export CHARTE_NOW="$NOW"

# The id of a new call (the test fails if the call is refused).
add() {
	"$BIN" call add "$@" 2>"$T/add.err" || fail "call add $(show "$@")" "$(cat "$T/add.err")"
}

# The value of column COL for call ID, as `call list --all --csv` gives it.
field() {
	"$BIN" call list --all --csv | csv_get "$2" id "$1"
}

# call add ARGS is rejected: exit 1, one line on stderr naming FIELD, nothing written.
rejected() {
	what=$1
	shift
	before=$(count_calls)
	expect_exit 1 "$BIN" call add "$@"
	expect_stderr_lines 1
	expect_stderr_match "^charte: $what: "
	expect_eq "$(count_calls)" "$before" "nothing written after a bad $what"
}

# A usage error: exit 2, nothing written.
usage() {
	before=$(count_calls)
	expect_exit 2 "$BIN" "$@"
	expect_stderr_match 'charte'
	expect_eq "$(count_calls)" "$before" "nothing written after a usage error"
}

echo "-- call add prints the new id alone on a line"
new_agency calls
expect_exit 0 "$BIN" call add --caller 'Mme Durand'
expect_stdout_match '^[0-9]+$'
expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 1 "one line on stdout"
expect_stderr_lines 0
first=$(cat "$T/out")
expect_exit 0 "$BIN" call add --caller 'M. Petit'
expect_stdout "$((first + 1))"

echo "-- every option of call add"
id=$(add --caller 'Mme Lambert' --phone '06 12 34 56 78' --subject 'Devis ménage' \
	--at '2026-03-16 10:15' --callback --documentation)
expect_eq "$(field "$id" caller)" 'Mme Lambert' "caller stored"
expect_eq "$(field "$id" at)" '2026-03-16 10:15' "--at stored as YYYY-MM-DD HH:MM"
expect_eq "$(field "$id" phone)" '+33612345678' "phone in its normal form"
expect_eq "$(field "$id" subject)" 'Devis ménage' "subject stored"
expect_eq "$(field "$id" answered)" 0 "answered flag 0"
expect_eq "$(field "$id" voicemail)" 0 "voicemail 0 while the desk is open"
expect_eq "$(field "$id" callback)" 1 "callback flag 1"
expect_eq "$(field "$id" due)" '2026-03-17 10:15' "callback due the next working day (R1)"
expect_eq "$(field "$id" called_back_at)" '' "called_back_at empty"
expect_eq "$(field "$id" documentation)" 1 "documentation flag 1"
expect_eq "$(field "$id" documentation_sent_at)" '' "documentation_sent_at empty"
expect_eq "$(field "$id" cancelled)" 0 "cancelled flag 0"
id=$(add --caller 'M. Roux' --answered --at '2026-03-16 10:20' --phone '+33 1 23 45 67 89')
expect_eq "$(field "$id" answered)" 1 "--answered: flag 1"
expect_eq "$(field "$id" callback)" 0 "--answered: no callback"
expect_eq "$(field "$id" due)" '' "no callback: due empty"
expect_eq "$(field "$id" phone)" '+33123456789' "+33 (0)... number normalised"
expect_eq "$(field "$id" documentation)" 0 "no --documentation: flag 0"
id=$(add --caller 'Sans heure')
expect_eq "$(field "$id" at)" "$NOW" "no --at: the call is now"
id=$(add --caller 'Date française' --at '16/03/2026 11:00')
expect_eq "$(field "$id" at)" '2026-03-16 11:00' "--at DD/MM/YYYY HH:MM accepted"

echo "-- call list --csv: the header and RFC 4180"
run "$BIN" call list --csv
expect_eq "$rc" 0 "call list --csv exits 0"
header=$(head -n 1 "$T/out" | tr -d '\r')
for col in id at caller phone subject answered voicemail callback due called_back_at \
	documentation documentation_sent_at cancelled; do
	if "$BIN" call list --csv | csv_header | grep -qx "$col"; then
		ok "header has $col"
	else
		fail "header has $col" "header: $header"
	fi
done
expect_eq "$(awk 'NR == 1 { print (substr($0, length($0)) == "\r") ? "crlf" : "lf" }' "$T/out")" \
	crlf "rows end with CRLF (RFC 4180)"
nl='
'
tricky="Martin, \"Jo\"${nl}2e ligne"
id=$(add --caller "$tricky" --subject 'a,b' --at '2026-03-16 12:00')
run "$BIN" call list --csv
if grep -qF '"Martin, ""Jo""' "$T/out"; then
	ok "comma and quote: the field is quoted, the quote doubled"
else
	fail "comma and quote: the field is quoted, the quote doubled" "$(cat "$T/out")"
fi
if grep -qF ',"a,b",' "$T/out"; then ok "a comma in the subject is quoted"; else fail "a comma in the subject is quoted"; fi
expect_eq "$(field "$id" caller)" "$tricky" "comma, quote and newline come back exactly"
expect_eq "$("$BIN" call list --csv | csv_col at | grep -cvE '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$')" \
	0 "every at is YYYY-MM-DD HH:MM"
expect_eq "$("$BIN" call list --csv | csv_col answered | sort -u | tr '\n' ' ')" '0 1 ' \
	"flags are 1 or 0"
run "$BIN" call list
expect_eq "$rc" 0 "call list (table for people) exits 0"
expect_stdout_match 'caller'

echo "-- --open, --overdue (as of --now), --all, --from/--to"
new_agency lists
A=$(add --caller A --at '2026-03-16 10:00' --callback)              # due Tue 17 10:00
E=$(add --caller E --at '2026-03-17 14:00' --callback)              # called back below
D=$(add --caller D --at '2026-03-18 09:30' --answered)
F=$(add --caller F --at '2026-03-18 15:00' --callback)              # cancelled below
B=$(add --caller B --at '2026-03-19 11:00' --callback)              # due Fri 20 11:00
C=$(add --caller C --at '2026-03-20 11:30' --callback)              # due Mon 23 11:30
expect_exit 0 "$BIN" call done "$E" --at '2026-03-18 09:00'
expect_exit 0 "$BIN" call cancel "$F" --reason 'doublon'
callers() {
	"$BIN" call list --csv "$@" | csv_col caller | tr '\n' ' '
}
expect_eq "$(callers)" 'A E D B C ' "list: oldest first, cancelled left out"
expect_eq "$(callers --all)" 'A E D F B C ' "--all: cancelled included"
expect_eq "$(callers --open)" 'A B C ' "--open: callbacks not yet made"
expect_eq "$(callers --open --all)" 'A B C ' "--open --all: a cancelled callback is not open"
expect_eq "$(callers --overdue)" 'A B ' "--overdue as of now (Fri 20 12:00)"
expect_eq "$("$BIN" --now '2026-03-20 11:00' call list --csv --overdue | csv_col caller | tr '\n' ' ')" \
	'A ' "--overdue as of --now = due time: not yet overdue"
expect_eq "$("$BIN" --now '2026-03-20 11:01' call list --csv --overdue | csv_col caller | tr '\n' ' ')" \
	'A B ' "--overdue one minute after the due time"
expect_eq "$(CHARTE_NOW='2026-03-17 10:01' "$BIN" call list --csv --overdue | csv_col caller | tr '\n' ' ')" \
	'A ' "--overdue as of \$CHARTE_NOW"
expect_eq "$("$BIN" --now '2026-03-23 11:31' call list --csv --overdue | csv_col caller | tr '\n' ' ')" \
	'A B C ' "--overdue next Monday"
expect_eq "$(callers --from 2026-03-17 --to 2026-03-18)" 'E D ' "--from/--to: whole days, inclusive"
expect_eq "$(callers --from 2026-03-17 --to 2026-03-18 --all)" 'E D F ' "--from/--to --all"
expect_eq "$(callers --from 19/03/2026)" 'B C ' "--from alone (DD/MM/YYYY)"
expect_eq "$(callers --to 2026-03-16)" 'A ' "--to alone"
expect_eq "$(callers --from 2026-03-21)" '' "--from after every call: nothing"
expect_exit 1 "$BIN" call list --from 2026-03-19 --to 2026-03-18
expect_stderr_match '^charte: to: '
expect_exit 1 "$BIN" call list --from 2026-02-30
expect_stderr_match '^charte: from: '
expect_exit 1 "$BIN" call list --to demain
expect_stderr_match '^charte: to: '

echo "-- call done, doc-sent, cancel"
new_agency states
cb=$(add --caller 'Rappel' --at '2026-03-16 10:00' --callback --documentation)
ans=$(add --caller 'Répondu' --at '2026-03-16 10:05' --answered)
expect_exit 0 "$BIN" call done "$cb" --at '2026-03-17 09:30' --note 'Rappelée : devis envoyé'
expect_stdout ''
expect_eq "$(field "$cb" called_back_at)" '2026-03-17 09:30' "done --at recorded"
expect_eq "$("$BIN" call list --csv | csv_get callback_note id "$cb")" 'Rappelée : devis envoyé' "done --note recorded"
expect_eq "$(callers --open)" '' "a call called back is no longer open"
expect_exit 1 "$BIN" call done "$cb"
expect_stderr_lines 1
expect_stderr_match 'already called back'
expect_eq "$(field "$cb" called_back_at)" '2026-03-17 09:30' "done twice: the first time kept"
expect_exit 1 "$BIN" call done "$ans"
expect_stderr_match 'no callback'
cb2=$(add --caller 'Rappel 2' --at '2026-03-18 10:00' --callback)
expect_exit 1 "$BIN" call done "$cb2" --at '2026-03-18 09:59'
expect_stderr_match '^charte: at: .*before the call'
expect_exit 1 "$BIN" call done "$cb2" --at '2026-03-20 12:01'
expect_stderr_match '^charte: at: .*later than now'
expect_exit 1 "$BIN" call done "$cb2" --at '2026-03-31 25:00'
expect_stderr_match '^charte: at: '
expect_eq "$(field "$cb2" called_back_at)" '' "refused done: nothing written"
expect_exit 0 "$BIN" call done "$cb2"
expect_eq "$(field "$cb2" called_back_at)" "$NOW" "done without --at: now"
expect_exit 1 "$BIN" call done 999999
expect_stderr_match '^charte: id: '
expect_exit 1 "$BIN" call done abc
expect_stderr_match '^charte: id: '
usage call done
usage call done "$cb" "$cb2"

expect_exit 0 "$BIN" call doc-sent "$cb" --at '2026-03-17 16:00'
expect_eq "$(field "$cb" documentation_sent_at)" '2026-03-17 16:00' "doc-sent --at recorded"
expect_exit 1 "$BIN" call doc-sent "$cb"
expect_stderr_match 'already'
expect_exit 1 "$BIN" call doc-sent "$ans"
expect_stderr_match 'no documentation'
doc=$(add --caller 'Doc' --at '2026-03-19 10:00' --documentation)
expect_exit 1 "$BIN" call doc-sent "$doc" --at '2026-03-21 10:00'
expect_stderr_match '^charte: at: '
expect_exit 1 "$BIN" call doc-sent "$doc" --at '2026-03-19 09:00'
expect_stderr_match '^charte: at: '
expect_exit 0 "$BIN" call doc-sent "$doc"
expect_eq "$(field "$doc" documentation_sent_at)" "$NOW" "doc-sent without --at: now"

mistake=$(add --caller 'Erreur' --at '2026-03-19 10:30' --callback)
usage call cancel "$mistake"
expect_exit 1 "$BIN" call cancel "$mistake" --reason ''
expect_stderr_match '^charte: reason: '
expect_exit 1 "$BIN" call cancel "$mistake" --reason '   '
expect_stderr_match '^charte: reason: '
expect_eq "$(field "$mistake" cancelled)" 0 "refused cancel: nothing written"
expect_exit 0 "$BIN" call cancel "$mistake" --reason 'saisie en double'
expect_eq "$(field "$mistake" cancelled)" 1 "cancelled flag 1"
expect_eq "$("$BIN" call list --all --csv | csv_get cancel_reason id "$mistake")" 'saisie en double' "the reason is kept"
expect_eq "$("$BIN" call list --csv | csv_col id | grep -cx "$mistake")" 0 "cancelled: not listed without --all"
expect_eq "$("$BIN" call list --all --csv | csv_col id | grep -cx "$mistake")" 1 "cancelled: listed with --all (never deleted)"
expect_exit 1 "$BIN" call cancel "$mistake" --reason 'encore'
expect_stderr_match 'already cancelled'
expect_exit 1 "$BIN" call done "$mistake"
expect_stderr_match 'cancelled'

echo "-- a time later than now is refused"
new_agency future
add --caller 'Avant' --at '2026-03-20 11:59' >/dev/null
rejected at --caller 'Futur' --at '2026-03-20 12:01'
rejected at --caller 'Futur' --at '2027-01-01 00:00'
expect_exit 0 "$BIN" call add --caller 'Pile maintenant' --at "$NOW"
expect_exit 0 "$BIN" --now '2026-03-21 12:00' call add --caller 'Demain' --at '2026-03-21 10:00'
expect_eq "$(field "$(cat "$T/out")" at)" '2026-03-21 10:00' "--now wins over \$CHARTE_NOW"
expect_exit 2 "$BIN" --now 'lundi' call list
expect_stderr_match 'now'
expect_exit 2 "$BIN" --now '2026-02-30 10:00' call list

echo "-- bad input on every field of call add: exit 1, the field named, nothing written"
rejected caller --caller ''
rejected caller --caller '    '
rejected caller --caller "$(printf 'Mme \377\376')"
rejected caller --caller "$(printf '%0201d' 0)"
rejected phone --caller X --phone 'abc'
rejected phone --caller X --phone '12'
rejected phone --caller X --phone '06 12 34 56'
rejected phone --caller X --phone '06 12 34 56 78 90'
rejected phone --caller X --phone '+33 6 12 34 56 78 90 12 34 56'
rejected subject --caller X --subject "$(printf 'd\351j\340')"
rejected subject --caller X --subject "$(printf '%02001d' 0)"
rejected at --caller X --at '2026-13-01 10:00'
rejected at --caller X --at '30/02/2026 10:00'
rejected at --caller X --at '2026-02-29 10:00'
rejected at --caller X --at '2026-03-02'
rejected at --caller X --at '10:00'
rejected at --caller X --at '2026-03-02 24:00'
rejected at --caller X --at '2026-03-02 10:60'
rejected at --caller X --at 'hier'
rejected at --caller X --at ''
rejected at --caller X --at '1999-12-31 10:00'
rejected callback --caller X --answered --callback
rejected client --caller X --client abc
rejected client --caller X --client 0
rejected client --caller X --client 999

echo "-- usage errors: exit 2"
usage call add --caller X --bogus
usage call add
usage call add --phone '0612345678'
usage call add --caller
usage call add --caller X --at
usage call add --caller X surplus
usage call list --bogus
usage call list --from
usage call frobnicate
usage frobnicate
usage --bogus
usage --db
usage call
expect_exit 0 "$BIN" call add --caller=Égal --subject=ok
expect_stdout_match '^[0-9]+$'

echo "-- text is kept exactly (quotes, accents, emoji, SQL)"
new_agency texts
tab=$(printf '\t')
for text in "Zoé \"Zaza\" O'Brien" 'Ærøskøbing — Ünïcödé, ñ ç œ ß' '📞 Rappel 👍🏽 🇫🇷' \
	"'; DROP TABLE calls;--" "Robert'); DROP TABLE staff;--" '50% _off_ \ back\slash \n %s' \
	"col1${tab}col2" '"' "x${nl}y${nl}z"; do
	id=$(add --caller "$text" --subject "$text" --at '2026-03-19 10:00')
	expect_eq "$(field "$id" caller)" "$text" "caller kept exactly: $text"
	expect_eq "$(field "$id" subject)" "$text" "subject kept exactly: $text"
done
expect_eq "$(count_calls)" 9 "every call is there (no SQL was run)"
run "$BIN" staff list --csv
expect_stdout_match '^[0-9]+,marie,'
expect_exit 0 "$BIN" call list --csv --search 'Zaza'
expect_eq "$(csv_col caller <"$T/out")" "Zoé \"Zaza\" O'Brien" "found again by a word"

echo "-- a login not on the staff can list but not add"
new_agency staffonly
add --caller 'Existant' --at '2026-03-19 10:00' >/dev/null
expect_exit 0 "$BIN" --user inconnu call list --csv
expect_eq "$(csv_rows <"$T/out")" 1 "a stranger can read the log"
before=$(count_calls)
expect_exit 1 "$BIN" --user inconnu call add --caller 'Intrus'
expect_stderr_lines 1
expect_stderr_match 'not on the staff'
expect_stderr_match 'charte staff add --login inconnu'
expect_exit 1 env USER=inconnu LOGNAME=inconnu "$BIN" call add --caller 'Intrus'
expect_stderr_match 'charte staff add --login inconnu'
expect_exit 1 "$BIN" --user inconnu call cancel 1 --reason 'non'
expect_stderr_match 'not on the staff'
expect_eq "$(count_calls)" "$before" "nothing written by a stranger"
expect_eq "$(field 1 cancelled)" 0 "a stranger cannot cancel"
expect_exit 0 "$BIN" staff add --login inconnu --name 'Ines Connue' --role receptionist
expect_exit 0 "$BIN" --user inconnu call add --caller 'Plus intrus'
expect_eq "$(field "$(cat "$T/out")" taken_by)" inconnu "taken_by is who logged it"

echo "-- where the agency file lives: --db, \$CHARTE_DB, \$XDG_DATA_HOME, ~/.local/share"
P=$T/paths
# made_by ENV... [-- ARGS...]: in an empty folder $P, run `charte ARGS init` with the environment
# changed by ENV (env's syntax); print the agency files that exist afterwards.
made_by() {
	rm -rf "$P" && mkdir -p "$P"
	envs=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		envs="$envs $(printf '%s' "$1" | sed "s/'/'\\\\''/g; s/^/'/; s/\$/'/")"
		shift
	done
	[ $# -gt 0 ] && shift
	(cd "$P" && eval "env $envs \"\$BIN\" \"\$@\" init" >/dev/null 2>&1
	find . -name '*.db' | sort | tr '\n' ' ')
}
expect_eq "$(made_by CHARTE_DB="$P/env.db" XDG_DATA_HOME="$P/xdg" HOME="$P/home" -- --db "$P/cli.db")" \
	'./cli.db ' "--db wins over \$CHARTE_DB and XDG"
expect_eq "$(made_by CHARTE_DB="$P/env.db" XDG_DATA_HOME="$P/xdg" HOME="$P/home")" \
	'./env.db ' "\$CHARTE_DB wins over \$XDG_DATA_HOME"
expect_eq "$(made_by -u CHARTE_DB XDG_DATA_HOME="$P/xdg" HOME="$P/home")" \
	'./xdg/charte/charte.db ' "then \$XDG_DATA_HOME/charte/charte.db"
expect_eq "$(made_by -u CHARTE_DB -u XDG_DATA_HOME HOME="$P/home")" \
	'./home/.local/share/charte/charte.db ' "then ~/.local/share/charte/charte.db"
expect_eq "$(made_by -u CHARTE_DB XDG_DATA_HOME= HOME="$P/home")" \
	'./home/.local/share/charte/charte.db ' "an empty \$XDG_DATA_HOME is ignored"
expect_eq "$(made_by -u CHARTE_DB XDG_DATA_HOME=rel/xdg HOME="$P/home")" \
	'./home/.local/share/charte/charte.db ' "a relative \$XDG_DATA_HOME is ignored (XDG spec)"
expect_exit 0 env -u CHARTE_DB -u XDG_DATA_HOME HOME="$P/home" "$BIN" call add --caller 'Par défaut'
expect_exit 1 env CHARTE_DB="$P/nowhere/none.db" "$BIN" call list
expect_stderr_match 'charte init'
if [ -e "$P/nowhere" ]; then fail "a missing file is not created by call list"; else ok "a missing file is not created by call list"; fi

echo "-- file 0600 in a 0700 folder, whatever the umask"
rm -rf "$P" && mkdir -p "$P"
(umask 000 && "$BIN" --db "$P/a/b/agency.db" init >/dev/null 2>&1)
expect_eq "$(stat -c %a "$P/a/b/agency.db")" 600 "the file is 0600"
expect_eq "$(stat -c %a "$P/a/b")" 700 "its folder is 0700"
expect_eq "$(stat -c %a "$P/a")" 700 "every folder made is 0700"
(umask 022 && env -u CHARTE_DB -u XDG_DATA_HOME HOME="$P/h" "$BIN" init >/dev/null 2>&1)
expect_eq "$(stat -c %a "$P/h/.local/share/charte/charte.db")" 600 "default path: the file is 0600"
expect_eq "$(stat -c %a "$P/h/.local/share/charte")" 700 "default path: the folder is 0700"
expect_exit 1 "$BIN" --db "$P/a/b/agency.db" init
expect_stderr_match 'already'

echo "-- --help at every level exits 0 (and needs no agency file)"
export CHARTE_DB="$T/no-such/agency.db"
for cmd in '--help' '-h' 'call --help' 'call add --help' 'call list --help' 'call done --help' \
	'call doc-sent --help' 'call cancel --help' 'settings --help' 'settings list --help' \
	'settings get --help' 'settings set --help' 'staff --help' 'staff add --help' \
	'staff list --help' 'history --help' 'init --help' 'import --help'; do
	# shellcheck disable=SC2086 # the words of cmd are the arguments
	expect_exit 0 "$BIN" $cmd
	expect_stdout_match 'Usage'
	expect_stderr_lines 0
done
expect_exit 0 "$BIN" --version
expect_stdout_match '^charte [0-9]+\.[0-9]+'
if [ -e "$T/no-such" ]; then fail "--help created no file"; else ok "--help created no file"; fi

echo "-- R1 end to end through call add"
new_agency r1
due_of() { # the due time and voicemail flag of a new call with a callback at AT
	i=$(add --caller "R1 $1" --at "$1" --callback)
	printf '%s voicemail=%s' "$(field "$i" due)" "$(field "$i" voicemail)"
}
expect_eq "$(due_of '2026-03-06 17:00')" '2026-03-09 17:00 voicemail=0' "Friday 17:00 -> Monday 17:00"
expect_eq "$(due_of '2026-03-07 10:00')" '2026-03-10 09:00 voicemail=1' "Saturday -> Tuesday 09:00, voicemail"
expect_eq "$(due_of '2026-03-08 23:59')" '2026-03-10 09:00 voicemail=1' "Sunday night -> Tuesday 09:00"
expect_eq "$(due_of '2026-03-03 19:30')" '2026-03-05 09:00 voicemail=1' "weekday evening -> opening of the day after next"
expect_eq "$(due_of '2026-03-04 08:59')" '2026-03-05 09:00 voicemail=1' "08:59 -> 09:00 the next day"
expect_eq "$(due_of '2026-03-04 09:00')" '2026-03-05 09:00 voicemail=0' "09:00 sharp: the desk is open"
expect_eq "$(due_of '2026-03-04 17:59')" '2026-03-05 17:59 voicemail=0' "17:59: still open"
expect_eq "$(due_of '2026-03-04 18:00')" '2026-03-06 09:00 voicemail=1' "18:00 sharp: closed"
expect_exit 0 "$BIN" settings set desk.closed_dates '2026-03-12'
expect_eq "$(due_of '2026-03-11 10:00')" '2026-03-13 10:00 voicemail=0' "the day before a closure date -> the day after it"
expect_eq "$(due_of '2026-03-12 10:00')" '2026-03-16 09:00 voicemail=1' "on a closure date: voicemail, received Friday, due Monday"
export CHARTE_NOW='2026-04-10 12:00'
expect_eq "$(due_of '2026-04-03 15:00')" '2026-04-07 15:00 voicemail=0' "Friday before Easter Monday -> Tuesday"
expect_eq "$(due_of '2026-04-06 10:00')" '2026-04-08 09:00 voicemail=1' "on Easter Monday: voicemail"
expect_exit 0 "$BIN" settings set callback.delay_days 2
expect_eq "$(due_of '2026-04-08 10:00')" '2026-04-10 10:00 voicemail=0' "callback.delay_days 2: two working days"
expect_exit 0 "$BIN" settings set desk.closes 20:00
expect_eq "$(due_of '2026-04-08 19:30')" '2026-04-10 19:30 voicemail=0' "desk.closes 20:00: 19:30 is open"

echo "-- call attempt: a callback tried with no answer, the callback stays open"
new_agency attempts
export CHARTE_NOW='2026-03-16 12:00'
id=$("$BIN" call add --caller 'Mme Essai' --callback --at '2026-03-16 10:00')
expect_exit 0 "$BIN" call attempt "$id" --at '2026-03-16 11:05' --note 'Messagerie pleine'
expect_stdout ''
expect_exit 0 "$BIN" call attempt "$id"
expect_eq "$("$BIN" call list --open --csv | csv_col caller)" "Mme Essai" "still open after two attempts"
expect_eq "$(sqlite3 "$CHARTE_DB" "SELECT group_concat(at || '|' || note || '|' || by, ';') FROM call_attempts")" \
	"2026-03-16 11:05|Messagerie pleine|marie;2026-03-16 12:00||marie" "both attempts kept, with who and when"
expect_exit 1 "$BIN" call attempt "$id" --at '2026-03-16 12:01'
expect_stderr_match '^charte: at: is later than now$'
expect_exit 1 "$BIN" call attempt "$id" --at '2026-03-16 09:59'
expect_stderr_match '^charte: at: is before the call itself$'
expect_exit 1 "$BIN" call attempt "$id" --at 'demain'
expect_stderr_match '^charte: at: not a date'
expect_exit 1 "$BIN" call attempt 99
expect_stderr_match '^charte: id: no call 99$'
expect_exit 1 "$BIN" call done "$id" --at '2026-03-16 11:00'
expect_stderr_match '^charte: at: is before the attempt with no answer of 2026-03-16 12:00$'
expect_eq "$("$BIN" call list --open --csv | csv_col caller)" "Mme Essai" "refused done: still open"
expect_exit 0 "$BIN" call done "$id" --at '2026-03-16 12:00'
expect_exit 1 "$BIN" call attempt "$id"
expect_stderr_match 'already called back'
expect_exit 0 "$BIN" call --help
expect_stdout_match 'call attempt ID \[--at T\] \[--note S\]'

finish
