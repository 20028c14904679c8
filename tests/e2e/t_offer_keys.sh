# No key crashes the quote and contract screens: every key, then all of them, on each screen
# and in each state (draft, sent, accepted, refused quotes; draft, signed, one-off, ended
# contracts), in its forms, pickers and dialogs, through the test seam; each run starts from the
# same file. Text from the file with quotes, control characters and accents is drawn safely.
. "$(dirname "$0")/lib.sh"
new_agency
export CHARTE_NOW='2026-03-02 10:15'
B="$BIN"
"$B" client add --name "O'Brien \"; DROP TABLE quotes; --" --first-name 'Séverine' \
	--wants-quote >/dev/null
"$B" client add --civility Mme --name Lefèvre --first-name Zoé >/dev/null
q1=$("$B" quote add --client 1) # a draft with lines
"$B" quote line "$q1" --label "$(printf 'Ménage\t« soigné »')" --qty 10 --price 22 \
	--vat 10 >/dev/null
"$B" quote line "$q1" --label 'Frais' --qty 1 --price 15 --vat 20 --unit flat >/dev/null
q2=$("$B" quote add --client 2) # sent
"$B" quote line "$q2" --service menage --qty 4 >/dev/null
"$B" quote send "$q2" >/dev/null
q3=$("$B" quote add --client 2) # accepted
"$B" quote line "$q3" --service jardinage --qty 2 >/dev/null
"$B" quote send "$q3" >/dev/null
"$B" quote accept "$q3" >/dev/null
q4=$("$B" quote add --client 1) # refused
"$B" quote line "$q4" --label x --qty 1 --price 1 >/dev/null
"$B" quote send "$q4" >/dev/null
"$B" quote refuse "$q4" >/dev/null
k1=$("$B" contract add --client 2 --kind recurring --start 2026-03-09 --price 22 --quote "$q3")
"$B" contract slot "$k1" --day lun --from 09:00 --to 11:00 --service menage >/dev/null
k2=$("$B" contract add --client 1 --kind recurring --start 2026-03-09 --price 22 \
	--hours-per-week 3)
"$B" contract sign "$k2" --on 2026-03-02 >/dev/null
"$B" contract add --client 2 --kind one-off --start 2026-03-20 --price 45 --at-agency >/dev/null
k4=$("$B" contract add --client 1 --kind recurring --start 2026-03-02 --price 20 \
	--hours-per-week 1)
"$B" contract sign "$k4" --on 2026-03-02 >/dev/null
"$B" contract end "$k4" --notice 2026-03-02 >/dev/null

# The same file for every run.
mkdir -p "$T/base"
cp "$T"/a.db* "$T/base/"
fresh() {
	rm -f "$T"/a.db*
	cp "$T"/base/a.db* "$T/"
}

# The digits of the tabs, read from the first screen.
fresh
seam ''
Q=$(sed -n 2p "$T/screen" | grep -o '[0-9] Quo' | cut -c1)
C=$(sed -n 2p "$T/screen" | grep -o '[0-9] Con' | cut -c1)
check '[ -n "$Q" ] && [ -n "$C" ]' "the Quotes and Contracts tabs"

# Quotes newest first: refused, accepted, sent, draft. Contracts newest first: ended, one-off,
# signed, draft.
all='<Up><Down><PgUp><PgDn><Home><End><Left><Right><Enter><Tab><S-Tab><BS><Del><Space>'
all="$all<F1><F3><F4><F5><F6><F7><F8><F9><F11><F12><C-a><C-e><C-k><C-l><C-u><C-w><C-s>"
all="${all}aefcdxjkqsynwo+-mprtl/?12345678é€<lt>"
for screen in "$Q" "$Q<Enter>" "$Q<Down><Enter>" "$Q<Down><Down><Enter>" "$Q<End><Enter>" \
	"$Q<End><Enter>a" "$Q<End><Enter>a<Enter>" "$Q<End><Enter>e" "$Q<End><Enter>x" \
	"$Q<End><Enter>s" "$Q<End><Enter>s<Enter>" "$Q<Down><Down><Enter>+<Enter>" "${Q}a" \
	"${Q}al" "${Q}f" "$Q/" "$Q<Down><Enter>m" \
	"$C" "$C<Enter>" "$C<Down><Enter>" "$C<Down><Down><Enter>" "$C<End><Enter>" \
	"$C<End><Enter>a" "$C<End><Enter>e" "$C<End><Enter>x" "$C<End><Enter>+<Enter>" \
	"$C<Down><Down><Enter>p" "$C<Down><Down><Enter>p<Enter>" "$C<Down><Down><Enter>-<Enter>" \
	"${C}a" "${C}az" "${C}f" "$C/"; do
	for k in '<Up>' '<Down>' '<PgUp>' '<PgDn>' '<Home>' '<End>' '<Enter>' '<Tab>' '<S-Tab>' \
		'<BS>' '<Del>' '<Space>' '<F1>' '<F4>' '<F10>' '<C-s>' '<C-u>' '<C-l>' 'a' 'e' 'f' \
		'c' 'x' 's' 'y' 'n' '+' '-' 'm' 'p' 'o' 'j' 'k' 'q' '/' '?' '1' "$Q" "$C" '9' 'é' '<Esc>'; do
		fresh
		seam "$screen$k$all"
	done
done
fresh
seam "$Q<End><Enter>$all$all$C<End><Enter>$all$all"

# Database text is shown, never sent raw: the tab became a space, the name is whole.
fresh
seam "$Q<End><Enter>"
check 'grep -qF "Ménage « soigné »" "$T/screen"' "a label with a tab, drawn"
check 'grep -qF "O'"'"'Brien" "$T/screen"' "a name with quotes, drawn"
pass
