# No key crashes the Clients screens, the client file's tabs, its forms, the picker or the
# findings on Today: every key of the action table and then some, through the test seam.
. "$(dirname "$0")/lib.sh"
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" client add --civility Mme --name Lefèvre --first-name Zoé --phone 0612345678 \
	--status active --address "$(printf '12 rue des Lilas\n69003 Lyon')" >/dev/null
"$BIN" client add --name "Quote ' \" ; DROP TABLE clients; --" --notes "$(printf 'tab\there')" >/dev/null
"$BIN" client needs 1 --services 'Ménage' --hours-per-week 4.5 >/dev/null
"$BIN" quote add --client 2 >/dev/null
"$BIN" call add --caller 'Zoé' --phone 0612345678 --callback >/dev/null
all='<Up><Down><PgUp><PgDn><Home><End><Left><Right><Enter><Tab><S-Tab><BS><Del><Space>'
all="$all<F1><F3><F4><F5><F6><F7><F8><F9><F11><F12><C-a><C-e><C-k><C-l><C-u><C-w><C-s>"
all="${all}aefcdxjkorq/?[]12345678é€<lt>"
for screen in '3' '3<Enter>' '3<Enter><Right>' '3<Enter><Right><Right>' '3a' '3e' '3f' \
	'3/z' '3<Enter>e' '3<Enter><Right>e' '3<Enter><Right><Right><Enter>' '3<Enter><F2>' \
	'<F2><Up>' '<F2><Up>z' '3ae<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>k' '1<End>' \
	'1<End><Enter>' '2<Enter>c'; do
	for k in '<Up>' '<Down>' '<PgUp>' '<PgDn>' '<Home>' '<End>' '<Left>' '<Right>' '<Enter>' \
		'<Tab>' '<S-Tab>' '<BS>' '<Del>' '<Space>' '<F1>' '<F2>' '<F10>' '<C-s>' '<C-u>' \
		'<Esc>' 'a' 'e' 'f' 'c' '[' ']' 'q' '/' '?' '1' '3' '9' 'é'; do
		seam "$screen$k$all"
	done
done
seam "3$all$all$all"
seam '3<Enter><Resize:100x30><Right><Resize:80x24><Right><Resize:60x20><Left>'
seam '3a<Resize:60x20>Mme<Resize:80x24><Tab>Zoé'
check 'grep -qF "Zoé" "$T/screen" && grep -qF "Mme" "$T/screen"' "a resize keeps what was typed"
"$BIN" client list --csv >"$T/list.csv"
check 'grep -qF "DROP TABLE clients" "$T/list.csv"' "the file is whole"
pass
