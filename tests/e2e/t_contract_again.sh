# m on an accepted quote that already made a contract asks first, before the form opens
# (issue 7): no leaves the quote as it was, yes opens the form of another contract from it,
# which F10 then writes without asking again.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" client add --civility Mme --name Lefèvre --first-name Zoé >/dev/null
q=$("$BIN" quote add --client 1) || fail "quote add"
"$BIN" quote line "$q" --service menage --qty 4 >/dev/null || fail "quote line"
"$BIN" quote send "$q" >/dev/null && "$BIN" quote accept "$q" >/dev/null || fail "quote accept"
k=$("$BIN" contract add --client 1 --kind recurring --start 2026-03-09 --quote "$q") ||
	fail "contract add"
Q=$(seam '' && sed -n 2p "$T/screen" | grep -o '[0-9] Quo' | cut -c1)
start "$BIN"
wait_for "Today"
keys "$Q"
wait_for "$q"
keys Enter
wait_for "Quote $q"
keys m
wait_for "Quote $q already made contract $k. Make another"
screen | grep -q "New contract for" && fail "the form opened before the question"
keys n
wait_gone "already made contract"
screen | grep -q "New contract for" && fail "no: the form opened"
keys m
wait_for "already made contract $k"
keys y
wait_for "New contract for Mme Zoé Lefèvre, from a quote"
keys Escape
wait_gone "New contract for"
# Said yes before the form: F10 writes it without asking again.
keys m
wait_for "already made contract $k"
keys y
wait_for "New contract for Mme Zoé Lefèvre, from a quote"
type_text '2026-03-16' # the cursor is in the start
keys F10
wait_for "Contract C2026-0002 written"
pass
