# Enter in a form: a field in error keeps the focus, so that the correction lands in it (the
# second date of the calls' "between two dates" filter, before the first); Enter on the last
# field saves, as F10 does.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
"$BIN" --now '2026-03-02 10:00' call add --caller 'Mme Avant' --phone '0612345678' >/dev/null
"$BIN" --now '2026-03-04 10:00' call add --caller 'M. Pendant' --phone '0612345679' >/dev/null
"$BIN" --now '2026-03-09 10:00' call add --caller 'Mme Après' --phone '0612345670' >/dev/null
start env CHARTE_NOW='2026-03-10 10:15' "$BIN"
wait_for "Overdue callbacks"
keys 2
wait_for "Mme Après"
keys f
wait_for "Between two dates"
keys 6
wait_for "Calls between two dates"
type_text '2026-03-03'
keys Enter
type_text '2026-03-01'
keys Enter # "To" is before "From": the focus stays on "To"
wait_for "Is before the first date"
keys C-u
type_text '2026-03-05' # lands in "To", not in "From"
keys Enter # the last field: saves
wait_for "M. Pendant"
wait_gone "Mme Après"
check '! screen | grep -qF "Mme Avant"' "the first date kept: 2026-03-03"
check '! screen | grep -qF "Calls between two dates"' "Enter on the last field saved"
pass
