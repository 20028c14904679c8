# Today lists overdue callbacks first (oldest due first), then callbacks due today, then the
# documentation to send; Enter opens the selected call: the first overdue one.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
CHARTE_NOW='2026-03-02 11:00' "$BIN" call add --caller 'Due Today' --callback >/dev/null
CHARTE_NOW='2026-02-26 09:30' "$BIN" call add --caller 'Late Callback' --callback >/dev/null
CHARTE_NOW='2026-02-27 10:00' "$BIN" call add --caller 'Later Callback' --callback >/dev/null
CHARTE_NOW='2026-03-02 09:00' "$BIN" call add --caller 'Wants Leaflet' --documentation >/dev/null
# Tuesday 3 March 2026, 10:15: the callbacks asked for on Thursday and Friday are overdue, the
# one asked for on Monday at 11:00 is due today at 11:00 (rule R1).
start env CHARTE_NOW='2026-03-03 10:15' "$BIN"
wait_for "Overdue callbacks (2)"
wait_for "Callbacks due today (1)"
wait_for "Documentation to send (1)"
over=$(line_of "Overdue callbacks")
late=$(line_of "Late Callback")
later=$(line_of "Later Callback")
today=$(line_of "Callbacks due today")
due=$(line_of "Due Today")
docs=$(line_of "Documentation to send")
leaflet=$(line_of "Wants Leaflet")
check '[ "$over" -lt "$late" ] && [ "$late" -lt "$later" ]' "overdue first, oldest due first"
check '[ "$later" -lt "$today" ] && [ "$today" -lt "$due" ]' "then the callbacks due today"
check '[ "$due" -lt "$docs" ] && [ "$docs" -lt "$leaflet" ]' "then the documentation to send"
keys Enter
wait_for "Call 2"
wait_for "overdue"
wait_for "Late Callback"
pass
