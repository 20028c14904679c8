# No key crashes any screen: every key of the action table and then some, on every screen and
# in every dialog, through the test seam.
. "$(dirname "$0")/lib.sh"
new_agency
export CHARTE_NOW='2026-03-02 10:15'
CHARTE_NOW='2026-02-26 10:00' "$BIN" call add --caller 'Overdue' --callback --documentation >/dev/null
"$BIN" call add --caller "Quote ' \" ; DROP TABLE calls; --" --subject "$(printf 'tab\there')" >/dev/null
all='<Up><Down><PgUp><PgDn><Home><End><Left><Right><Enter><Tab><S-Tab><BS><Del><Space>'
all="$all<F1><F3><F4><F5><F6><F7><F8><F9><F11><F12><C-a><C-e><C-k><C-l><C-u><C-w><C-s>"
all="${all}aefcrtdxjkq/?12345678é€<lt>"
for screen in '' '2' '2<Enter>' '3' '<F2>' '2e' '2f' '2f6' '2/' '?' '1r' '1t' '1d' '1x' '3<Enter>'; do
	for k in '<Up>' '<Down>' '<PgUp>' '<PgDn>' '<Home>' '<End>' '<Enter>' '<Tab>' '<S-Tab>' \
		'<BS>' '<Del>' '<Space>' '<F1>' '<F10>' '<C-s>' '<C-u>' '<C-l>' 'a' 'e' 'f' 'c' \
		'r' 't' 'd' 'x' 'j' 'k' 'q' '/' '?' '1' '2' '3' '9' 'é' '<Esc>'; do
		seam "$screen$k$all"
	done
done
seam "$all$all$all"
pass
