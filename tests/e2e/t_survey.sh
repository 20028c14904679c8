# The satisfaction survey (S6) on the screens: the Survey tab lists the campaigns; Enter opens
# one with a bar per question; `a` enters a paper answer — the client picked among those the
# survey asks, one digit per question (each moves on to the next), a comment, F10 — and the form
# is cleared for the next one; the figures follow; `w` writes the workbook under the name typed.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
for name in Lefèvre Garnier; do
	"$BIN" --now '2025-02-03 10:00' client add --name "$name" >/dev/null
done
for c in 1 2; do
	"$BIN" --now '2025-02-03 10:00' contract add --client $c --kind recurring \
		--start 2025-02-24 --price 21.50 --hours-per-week 2 --service menage >/dev/null
	"$BIN" --now '2025-02-03 10:00' contract sign C2025-000$c --on 2025-02-03 2>/dev/null
	# Served in 2025: a visit done.
	"$BIN" --now '2025-02-25 18:00' visit plan --contract C2025-000$c \
		--start '2025-02-25 1'$c':00' --end 1$c:45 --force >/dev/null 2>&1
	"$BIN" --now '2025-02-25 18:00' visit done $c >/dev/null || fail "visit $c done"
done
export CHARTE_NOW='2026-01-12 10:00'
"$BIN" survey open --year 2025 >/dev/null 2>&1 || fail "survey open"

start "$BIN"
wait_for "Sur"
keys "$(tab Survey)"
wait_for "Satisfaction surveys, one a year"
wait_for "not published"
keys Enter
wait_for "Satisfaction survey 2025"
wait_for "2 clients asked, 0 answered"
keys a
wait_for "a client's answers (0 of 2 entered)"
type_text 'lef'
wait_for "Choose a client asked by the survey"
wait_for "Lefèvre"
keys Enter
wait_for "Lefèvre (1)"
type_text '1234512345'
wait_for "What the client wrote"
type_text 'Très bien, « merci »'
keys F10
wait_for "Answers of Lefèvre (1) saved; next client"
wait_for "(1 of 2 entered)"
check '[ "$("$BIN" survey results --year 2025 --csv | tr -d "\r" | grep "^quote,")" = "quote,1,0,0,1,0,0,0" ]' \
	"the third answer stored: dissatisfied"
check '[ "$("$BIN" survey results --year 2025 --csv | tr -d "\r" | grep "^overall,")" = "overall,1,0,0,0,0,1," ]' \
	"the last answer stored: no opinion"
# A wrong digit is refused under its field, nothing saved.
type_text 'gar'
wait_for "Garnier"
keys Enter
wait_for "Garnier (2)"
type_text '12'
type_text '9'
keys F10
wait_for "Not saved"
keys Escape
wait_for "Leave without saving these answers?"
keys y
wait_for "1 answered: response rate 50.0%"
check '[ "$("$BIN" survey results --year 2025 --csv | tr -d "\r" | grep "^welcome," | cut -d, -f2)" = 1 ]' \
	"nothing saved for Garnier"
keys w
wait_for "Write the workbook"
keys C-u
type_text "$T/enquete.xlsx"
keys Enter
wait_for "Workbook written"
check '[ -s "$T/enquete.xlsx" ]' "the workbook written"
keys Q
wait_for "[exited 0]"
pass
