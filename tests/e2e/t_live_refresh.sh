# Another desk logs a call: the list shows it within seconds, without a key pressed.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
"$BIN" call add --caller 'Premier Appel' >/dev/null
start "$BIN"
wait_for "Overdue callbacks"
keys 2
wait_for "Premier Appel"
USER=alice "$BIN" call add --caller 'Autre Poste' --subject 'logged elsewhere' >/dev/null
wait_for "Autre Poste" 8
wait_for "Premier Appel"
pass
