# A form survives resizes: larger, smaller than 80x24 (the "too small" screen), and back,
# with everything typed kept; it then saves as typed.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
start env CHARTE_NOW='2026-03-02 10:15' "$BIN"
wait_for "Overdue callbacks"
keys F2
wait_for "New call"
type_text 'Zoé Ça-va Œuvre'
keys Tab
type_text '+44 20 7946 0958'
keys Tab
type_text 'Un sujet que la fenêtre ne doit pas perdre'
resize 100 30
wait_for "Zoé Ça-va Œuvre"
wait_for "Un sujet que la fenêtre ne doit pas perdre"
resize 60 20
wait_for "Terminal too small"
wait_for "need 80×24, have 60×20"
wait_for "What you typed is kept."
resize 80 24
wait_gone "Terminal too small"
wait_for "Zoé Ça-va Œuvre"
wait_for "+44 20 7946 0958"
type_text ' !' # typing goes on in the field it was in
wait_for "perdre !"
keys F10
wait_for "Call 1 logged"
"$BIN" call list --csv >"$T/list.csv"
check 'grep -qF "Zoé Ça-va Œuvre" "$T/list.csv"' "the caller survived the resizes"
check 'grep -qF "Un sujet que la fenêtre ne doit pas perdre !" "$T/list.csv"' "the subject too"
pass
