# The follow-up calls on the screens (S4): Today lists those due this week; F on the Complaints
# tab lists them, f keeps one kind, Enter records one done (the day, the satisfaction digit,
# remarks, a complaint opened in the same step in the category chosen, "Other" at first), after
# which it shows as done and the complaint exists.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-01-05 09:00'
"$BIN" client add --name Dupont --first-name Jeanne >/dev/null
"$BIN" contract add --client 1 --kind recurring --start 2026-01-05 --price 25 --service menage \
	>/dev/null
"$BIN" contract slot C2026-0001 --day tue --from 09:00 --to 11:00 >/dev/null
"$BIN" contract sign C2026-0001 --on 2026-01-05 >/dev/null 2>&1
"$BIN" visit plan --contract C2026-0001 --start '2026-01-31 10:00' --end 12:00 --force >/dev/null
CHARTE_NOW='2026-01-31 13:00' "$BIN" visit done 1 >/dev/null || fail "visit done"
export CHARTE_NOW='2026-02-25 10:00' # a Wednesday: due on Saturday the 28th
start "$BIN"
wait_for "Charter findings (4)" # the slow sections (findings, follow-ups) are read in the first pause
keys End
wait_for "Follow-up calls due this week (1)"
keys Enter # Today's line opens the same form
wait_for "Follow-up call to Dupont Jeanne"
keys Escape
wait_gone "Follow-up call to Dupont Jeanne"
keys "$(tab Complaints)"
wait_for "Complaints"
keys F
wait_for "Follow-up calls: due, overdue and done"
wait_for "Dupont Jeanne"
keys f
wait_for "Which follow-up calls?"
keys Escape
keys Enter
wait_for "Follow-up call to Dupont Jeanne"
type_text 7
keys F10
wait_for "Not saved"
keys BSpace
type_text 2
keys Tab
type_text 'Contente'
keys Tab
type_text 'Les vitres ne sont pas faites'
keys Tab
wait_for "Category      ‹ Other ›"
type_text q
wait_for "Category      ‹ Quality of work ›"
keys F10
wait_for "Follow-up call recorded; complaint 1 opened"
wait_for "Done       2026-02-25  2 complaint 1"
[ "$("$BIN" followup list --done --csv | tail -n +2 | cut -d, -f6,7)" = "done,2" ] ||
	fail "the follow-up stored done with satisfaction 2"
[ "$("$BIN" complaint list --csv | tail -n +2 | cut -d, -f5)" = "quality" ] ||
	fail "the complaint opened from it, in the category chosen"
pass
