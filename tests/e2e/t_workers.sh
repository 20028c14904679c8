# The Workers area: its tab, a worker added through the form (accents and all), found in the
# list and by a search as you type, the page with the procedure, a step recorded from it; a
# matricule another worker has is said under its field and nothing is saved; the receptionist
# sees no documents on the page.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-20 10:15'
"$BIN" staff add --login lea --name 'Léa Petit' --role receptionist >/dev/null
"$BIN" worker add --name 'Bruno Caron' --matricule M001 >/dev/null
start "$BIN"
wait_for "Overdue callbacks"
keys "$(tab Workers)"
wait_for "Workers: all workers"
wait_for "Bruno Caron"
keys a
wait_for "New worker"
type_text 'Aïcha Benali'
keys Tab
type_text 'M001' # Bruno's
keys Tab
wait_for "Matricule M001 is already worker 1's (Bruno Caron)"
keys BTab C-u
type_text 'M002'
keys Tab
type_text 'B02'
keys Tab Tab
type_text 'menage permis'
keys F10
wait_for "Worker 2 created: Aïcha Benali"
wait_for "Worker 2: Aïcha Benali" # on to the new file
wait_for "Selection procedure"
wait_for "Permis de conduire B"
keys a
wait_for "Record what?"
keys Enter # a step of the procedure: the first not done
wait_for "A step of the selection procedure done"
keys F10
wait_for "Recorded:"
wait_for "done on 2026-03-20 by alice"
keys Escape
wait_for "Workers: all workers"
wait_for "Aïcha Benali"
keys /
wait_for "Search:"
type_text 'aicha'
wait_gone "Bruno Caron"
wait_for "Aïcha Benali"
keys Enter Q
wait_for "[exited 0]"
"$BIN" worker list --csv >"$T/list.csv"
check 'grep -qF "2,Aïcha Benali,M002,B02,candidate,0" "$T/list.csv"' "stored as typed"
check 'grep -F "Aïcha" "$T/list.csv" | grep -qF "menage,permis"' "skills as codes"
"$BIN" worker show 2 >"$T/show.txt"
check 'grep -q "application .*done on 2026-03-20 by alice" "$T/show.txt"' "the step recorded"
"$BIN" worker doc 2 --kind criminal-record --on 2026-03-01 >/dev/null || fail "doc"
# The receptionist: the page without the documents.
tmux -L "$SOCK" kill-server 2>/dev/null
start env USER=lea "$BIN"
wait_for "Overdue callbacks"
keys "$(tab Workers)"
wait_for "Aïcha Benali"
keys Enter
wait_for "Worker 2: Aïcha Benali"
keys End
wait_for "only a coordinator or a manager may see workers' documents"
check '! screen | grep -q "Criminal record"' "no criminal record on the receptionist's screen"
keys Q
wait_for "[exited 0]"
pass
