# Today's visits: those no worker covers come first, in the overdue style — a visit with no
# worker, and one whose worker is absent today, named "(absent)" — then the others by start,
# an earlier visit of a worker who came among them. In French, "(absent)" too.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-30 09:00' # a Monday
"$BIN" client add --name Dupont --first-name Jeanne >/dev/null
"$BIN" client add --name Martin --first-name Paul >/dev/null
aicha=$("$BIN" worker add --name 'Aïcha Benali' --skills menage --status active)
bruno=$("$BIN" worker add --name 'Bruno Caron' --skills menage --status active)
for w in "$aicha" "$bruno"; do
	"$BIN" worker availability "$w" --day tue --from 07:00 --to 18:00 >/dev/null
done
for n in 1 2; do
	"$BIN" contract add --client $n --kind recurring --start 2026-03-23 --price 25 \
		--service menage >/dev/null || fail "contract add"
done
"$BIN" contract slot C2026-0001 --day tue --from 14:00 --to 16:00 --worker "$aicha" \
	>/dev/null || fail "contract slot"
"$BIN" contract slot C2026-0002 --day tue --from 08:00 --to 09:00 --worker "$bruno" \
	>/dev/null || fail "contract slot"
"$BIN" contract sign C2026-0001 --on 2026-03-02 >/dev/null || fail "contract sign"
"$BIN" contract sign C2026-0002 --on 2026-03-02 >/dev/null || fail "contract sign"
"$BIN" visit generate --from 2026-03-30 --to 2026-04-05 >/dev/null 2>&1 || fail "visit generate"
"$BIN" absence add --worker "$aicha" --from 2026-03-31 --to 2026-03-31 --kind sick \
	>/dev/null 2>&1 || fail "absence add"

start env CHARTE_NOW='2026-03-31 07:30' "$BIN"
resize 100 40
wait_for "Today's visits (2)"
absent=$(line_of "Aïcha Benali (absent)")
came=$(line_of "Bruno Caron")
check '[ "$absent" -gt 0 ] && [ "$absent" -lt "$came" ]' \
	"the 14:00 visit of the absent worker before the 08:00 one"
check 'screen | grep -F "Aïcha Benali (absent)" | grep -qF "14:00-16:00"' "its hours on its line"
tmux -L "$SOCK" kill-server 2>/dev/null

# In French.
start env CHARTE_NOW='2026-03-31 07:30' LANGUAGE=fr "$BIN"
resize 100 40
wait_for "Interventions du jour (2)"
wait_for "Aïcha Benali (absent)"
pass
