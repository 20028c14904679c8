# Continuity of service on the screens (issue 8, points 2, 4, 5 and 10): an absence recorded
# from the worker's file lists the visit it leaves uncovered and shows it on the worker's grid,
# marked absent; W offers the ranked candidates and the visit is replaced from the grid (the
# candidate has not met the client: said, then confirmed); a visit this morning marked missed
# with x. A visit planned by hand with `a` from
# the grid, outside the worker's availability: the check refused, then confirmed. A first meeting
# recorded from the client file, its forbidden zones then beside the client's visits on the
# grid; the notebook written. In French, "Planning d'Aïcha".
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-31 10:00' # a Tuesday
"$BIN" client add --name Dupont --first-name Jeanne >/dev/null
aicha=$("$BIN" worker add --name 'Aïcha Benali' --skills menage --status active)
bruno=$("$BIN" worker add --name 'Bruno Caron' --skills menage --status active)
for w in "$aicha" "$bruno"; do
	for d in mon tue wed thu fri; do
		"$BIN" worker availability "$w" --day $d --from 08:00 --to 18:00 >/dev/null
	done
done
"$BIN" contract add --client 1 --kind recurring --start 2026-03-23 --price 25 \
	--service menage >/dev/null || fail "contract add"
"$BIN" contract slot C2026-0001 --day thu --from 09:00 --to 11:00 --worker "$aicha" \
	>/dev/null || fail "contract slot"
"$BIN" contract slot C2026-0001 --day tue --from 08:00 --to 09:00 --worker "$aicha" \
	>/dev/null || fail "contract slot"
"$BIN" contract sign C2026-0001 --on 2026-03-02 >/dev/null || fail "contract sign"
"$BIN" meeting add --client 1 --worker "$aicha" --representative alice --on 2026-03-20 \
	>/dev/null || fail "meeting add"
"$BIN" visit generate --from 2026-03-30 --to 2026-04-05 >/dev/null || fail "visit generate"
thursday=$("$BIN" visit list --from 2026-04-02 --to 2026-04-02 --csv | awk -F, 'NR == 2 { print $1 }')
[ -n "$thursday" ] || fail "no visit generated"

start "$BIN"
wait_for "Today's visits"
# The absence, from the worker's file.
keys "$(tab Workers)"
wait_for "Aïcha Benali"
keys Enter
wait_for "Worker $aicha: Aïcha Benali"
keys a
wait_for "Record what?"
wait_for "An absence"
keys 6
wait_for "An absence of Aïcha Benali"
keys C-a C-k
type_text '2026-04-02'
keys Tab C-a C-k
type_text '2026-04-02'
keys Tab Space # sick
keys F10
wait_for "1 visit is left uncovered"
wait_for "2026-04-02 09:00-11:00  Dupont Jeanne"
wait_for "W on each offers the replacement candidates"
keys Enter
wait_for "Planning of Aïcha Benali, week of 2026-03-30"
wait_for "absent: uncovered (W replaces)"
wait_for "!Dupont"
# Replaced from the grid: the ranked candidates first.
keys W
wait_for "Replace with: the candidates, best first"
wait_for "Bruno Caron (has not met the client"
keys 1
wait_for "anyway?"
check 'screen | grep -q "not met"' "the check said: $(screen)"
keys y
wait_for "given to Bruno Caron"
"$BIN" visit list --from 2026-04-02 --to 2026-04-02 --csv | tr -d "\r" >"$T/replaced.csv"
check "grep -q '^$thursday,C2026-0001,1,$bruno,2026-04-02 09:00,2026-04-02 11:00,planned,' '$T/replaced.csv'" \
	"the visit given to Bruno: $(cat "$T/replaced.csv")"
check "grep -q ',$aicha,not-met\$' '$T/replaced.csv'" \
	"Aïcha kept as the worker it was taken from: $(cat "$T/replaced.csv")"

# A visit planned by hand with a, on Wednesday at 07:00 (Aïcha works from 08:00).
keys Left
keys a
wait_for "A visit planned by hand"
type_text 'dup'
wait_for "C2026-0001"
keys Enter
wait_for "Aïcha Benali"
keys Tab
check 'screen | grep -q "2026-04-01"' "the cursor's day: $(screen)"
keys Tab C-a C-k
type_text '07:00'
keys Tab
type_text '08:30'
keys F10
wait_for "The planning checks fail"
wait_for "not available"
keys y
wait_for "planned despite the planning checks"
wait_for "planned despite: unavailable"
"$BIN" visit list --from 2026-04-01 --to 2026-04-01 --csv | tr -d "\r" >"$T/planned.csv"
check "grep -q ',C2026-0001,1,$aicha,2026-04-01 07:00,2026-04-01 08:30,planned,.*,unavailable\$' '$T/planned.csv'" \
	"the visit planned despite the check: $(cat "$T/planned.csv")"

# This morning's visit (08:00, now 10:00): the worker did not come, x says it missed.
keys Left
wait_for "2026-03-31 08:00-09:00"
keys x
wait_for "The visit did not take place"
keys 1
wait_for "missed: the worker did not come"
"$BIN" visit list --from 2026-03-31 --to 2026-03-31 --csv | grep -q ',2026-03-31 08:00,2026-03-31 09:00,missed,' ||
	fail "the visit stored missed"
keys Right

# A first meeting and a notebook entry from the client file; the zones beside the visit.
keys c
wait_for "Client 1: Jeanne Dupont"
keys Right Right Right
wait_for "First meetings (client, worker, agency)"
wait_for "with Aïcha Benali"
keys a
wait_for "An entry of the liaison notebook"
keys 2
wait_for "A first meeting with Jeanne Dupont"
type_text 'bruno'
wait_for "│ Bruno Caron"
keys Enter
keys Tab Tab # the representative (alice, who works), the day (today): the service
type_text 'menage'
keys Tab
type_text 'Le linge le jeudi'
keys Tab
type_text 'le grenier'
keys F10
wait_for "request: Le linge le jeudi; forbidden zones: le grenier"
keys a
keys 1
wait_for "The liaison notebook of Jeanne Dupont"
type_text 'Volets à fermer en partant'
keys F10
wait_for "Volets à fermer en partant"
keys Escape
wait_for "Forbidden zones: le grenier"
keys Q
wait_for "[exited 0]"
"$BIN" meeting list --client 1 --csv | grep -q "le grenier" || fail "the meeting stored"

# French: "Planning d'Aïcha Benali", not "de Aïcha".
tmux -L "$SOCK" kill-server
start env LANGUAGE=fr "$BIN"
wait_for "Aujourd'hui"
keys "$(tab Planning)"
wait_for "Planning d'Aïcha Benali, semaine du"
pass
