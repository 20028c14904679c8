# The Planning area (issue 8, point 10): its tab, a worker's week grid with a visit generated
# from a contract's slot as a block, moved a week back, the client's forbidden zones on the
# selected visit's line, the arrival recorded from the grid (the time typed), the visit given to
# another worker who fails the planning checks (said, then confirmed); Today lists today's
# visits.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-31 10:00' # a Tuesday
"$BIN" client add --name Dupont --first-name Jeanne --forbidden-zones 'le bureau' >/dev/null
aicha=$("$BIN" worker add --name 'Aïcha Benali' --skills menage --status active)
bruno=$("$BIN" worker add --name 'Bruno Caron' --skills jardinage --status active)
for d in mon tue wed thu fri; do
	"$BIN" worker availability "$aicha" --day $d --from 08:00 --to 18:00 >/dev/null
done
"$BIN" contract add --client 1 --kind recurring --start 2026-03-23 --price 25 \
	--service menage >/dev/null || fail "contract add"
"$BIN" contract slot C2026-0001 --day tue --from 09:00 --to 11:00 --worker "$aicha" \
	>/dev/null || fail "contract slot"
"$BIN" contract sign C2026-0001 --on 2026-03-02 >/dev/null || fail "contract sign"
"$BIN" visit generate --from 2026-03-23 --to 2026-04-05 >/dev/null || fail "visit generate"
first=$("$BIN" visit list --from 2026-03-23 --csv | awk -F, 'NR == 2 { print $1 }')
[ -n "$first" ] || fail "no visit generated"
start "$BIN"
wait_for "Today's visits (1)"
wait_for "Dupont"
n=$(tab Planning)
[ -n "$n" ] || fail "no Planning tab"
keys "$n"
wait_for "Planning of Aïcha Benali, week of 2026-03-30"
wait_for "9h-11h" # the block
wait_for "Dupont Je"
wait_for "Forbidden zones: le bureau"
keys '<'
wait_for "week of 2026-03-23 to 2026-03-29"
wait_for "9h-11h"
keys h
wait_for "Record the arrival"
keys C-u
type_text '09:05'
keys Enter
wait_for "arrival recorded at 09:05"
wait_for "arrived at 09:05"
keys W
wait_for "Another worker, from the list" # Bruno lacks the skill: no candidate, the whole list
keys Enter
wait_for "Choose a worker"
type_text 'bruno'
wait_gone "│ Aïcha Benali"
wait_for "│ Bruno Caron"
keys Enter
wait_for "anyway?"
check 'screen | grep -q "Bruno Caron"' "the worker named in the question"
keys y
wait_for "given to Bruno Caron"
keys Q
wait_for "[exited 0]"
"$BIN" visit list --from 2026-03-23 --to 2026-03-29 --csv >"$T/list.csv"
check "grep -q '^$first,C2026-0001,1,$bruno,2026-03-24 09:00,2026-03-24 11:00,planned,2026-03-24 09:05,' '$T/list.csv'" \
	"the arrival and the new worker stored: $(cat "$T/list.csv")"
pass
