# "Answered at once" ticked while the desk is closed (issue 7): the refusal shows as the box is
# ticked, not only on leaving it or on F10, and again each time it is ticked again.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 21:30' # the desk closes at 18:00
start "$BIN"
wait_for "Overdue callbacks"
keys F2
wait_for "New call"
type_text 'Mme Soir'
keys Tab Tab Tab Tab # phone, subject, date and time, the box
keys Space
wait_for "The desk was closed at that time, so nobody answered"
keys Space # unticked: no reason
wait_gone "The desk was closed at that time, so nobody answered"
keys Space # ticked again: said again
wait_for "The desk was closed at that time, so nobody answered"
pass
