# The front desk's callbacks (issue 7): Today shows the callbacks due in the next working days,
# not only today's; people show by their names, not their logins; a callback tried with no
# answer is recorded (time, note) and the callback stays open, the attempt listed on the call;
# "called back" asks the time, now filled in and editable.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
"$BIN" staff add --login sophie.martin --name 'Sophie Martin' --role receptionist >/dev/null
"$BIN" staff add --login karim.benali --name 'Karim Benali' --role coordinator >/dev/null
# Monday 2 March 2026: a callback due Tuesday (R1), and one due Thursday (a 3-day delay).
"$BIN" --user sophie.martin --now '2026-03-02 09:30' call add --caller 'Mme Mardi' \
	--phone '0611111111' --callback >/dev/null
"$BIN" settings set callback.delay_days 3 >/dev/null
"$BIN" --now '2026-03-02 09:40' call add --caller 'M. Jeudi' --phone '0622222222' \
	--callback >/dev/null
# Due the Tuesday of the week after: past five working days, not listed.
"$BIN" settings set callback.delay_days 6 >/dev/null
"$BIN" --now '2026-03-02 09:50' call add --caller 'Mme Lointaine' --callback >/dev/null
"$BIN" client add --civility Mme --name Lefèvre --first-name Zoé --status active \
	--referent karim.benali >/dev/null
start env CHARTE_NOW='2026-03-02 10:15' "$BIN"
wait_for "Callbacks due in the next working days (2)"
wait_for "2026-03-03 09:30 Mme Mardi"
wait_for "2026-03-05 09:40 M. Jeudi"
check '! screen | grep -qF "Mme Lointaine"' "a callback six working days ahead is not listed"
check '[ "$(line_of "Callbacks due today")" -lt "$(line_of "next working days")" ]' \
	"the next days after today"

# The call's page: taken by Sophie Martin, not sophie.martin.
keys 2
wait_for "Mme Mardi"
keys End Enter
wait_for "Call 1"
wait_for "Sophie Martin"
check '! screen | grep -qF "sophie.martin"' "the name, not the login"

# A callback tried with no answer: the time is now, the note typed; the callback stays open.
keys t
wait_for "Callback tried, no answer"
wait_for "2026-03-02 10:15"
type_text 'Messagerie pleine'
keys Enter # the last field: saved
wait_for "Call 1: callback tried, no answer; it stays to do"
wait_for "tried on 2026-03-02 10:15, no answer (alice): Messagerie"
wait_for "due by 2026-03-03 09:30"
"$BIN" call list --open --csv >"$T/open.csv"
check 'grep -q "Mme Mardi" "$T/open.csv"' "still open after an attempt"

# Called back, at a time typed over "now": not before the attempt already recorded.
keys r
wait_for "Called back"
keys BTab C-u
type_text '2026-03-02 10:12'
keys Tab
type_text 'RDV jeudi'
keys F10
wait_for "Is before the attempt with no answer of 2026-03-02 10:15"
keys End C-u
type_text '2026-03-02 10:15'
keys F10
wait_for "Call 1: called back"
wait_for "called back on 2026-03-02 10:15 (due by 2026-03-03"
wait_for "09:30): RDV jeudi"

# The client list: the referent by name.
keys 3
wait_for "Lefèvre"
wait_for "Karim Benali"
check '! screen | grep -qF "karim.benali"' "the referent's name, not the login"
pass
