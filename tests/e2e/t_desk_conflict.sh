# Two desks change the same record (issue 7): the form refused with "changed at another desk"
# shows the reason once, under the field, whole and without the field's name twice; it then
# takes the record as stored now as its base, keeping what was typed, so that F10 again saves
# the person's choice and keeps what the other desk changed elsewhere. The client form, then the
# call form (the other desk being a second program, through the test seam).
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
"$BIN" client add --name Dupont --first-name Jean --notes 'first' >/dev/null
start "$BIN"
wait_for "Overdue callbacks"
keys 3
wait_for "Dupont"
keys Enter
wait_for "Client 1"
keys e
wait_for "Edit client 1"
keys BTab C-u # the notes, the last field
type_text 'mine'
"$BIN" client edit 1 --notes 'theirs' --phone '0611223344' >/dev/null
keys F10
wait_for 'to "theirs" (yours: "mine")'
check '! screen | grep -qF "Notes: Notes"' "the field's name is not repeated"
wait_for "look again, then save what should stay" # whole, not cut by the message line
wait_for "Not saved: see the reason under the field."
wait_for "06 11 22 33 44" # the other desk's phone now shows in the form
keys F10
wait_for "Client 1 saved: Jean Dupont"
"$BIN" client show 1 >"$T/show"
check 'grep -q "Notes: *mine" "$T/show"' "the second F10 saved the notes typed"
check 'grep -q "06 11 22 33 44" "$T/show"' "the other desk's phone stayed"

# The call form: desk 1 opens the call, desk 2 changes its subject meanwhile.
"$BIN" call add --caller 'Paul Martin' --subject 'Horaires' >/dev/null
keys Escape
wait_for "Clients: all clients"
keys 2
wait_for "Paul Martin"
keys e
wait_for "Edit call"
keys Tab Tab C-u
type_text 'Mine too'
seam '2e<Tab><Tab><C-u>Other desk<F10>'
check 'grep -qF "saved" "$T/screen"' "the other desk saved its subject"
keys F10
wait_for 'to "Other desk" (yours: "Mine too")'
keys F10
wait_for "saved"
"$BIN" call list --csv >"$T/calls"
check 'grep -qF "Mine too" "$T/calls"' "the second F10 saved the subject typed"
pass
