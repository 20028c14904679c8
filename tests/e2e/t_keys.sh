# One key, one meaning (issue 7): the key bar at 80 columns keeps the most important keys and
# always the help; the help describes the keys of the screen it is on (on a draft quote, `a`
# adds a line); a question is answered with the yes of the language (o in French, y is nothing
# there); accepting a quote is +, not a letter that answers questions.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" call add --caller 'Mme Rappel' --phone '0612345678' --callback >/dev/null
"$BIN" client add --civility Mme --name Lefèvre --first-name Zoé >/dev/null
q=$("$BIN" quote add --client 1)
start env LANGUAGE=fr "$BIN"
wait_for "Rappels à faire aujourd'hui"
keys 2
wait_for "Mme Rappel"
bar=$(screen | tail -n 1)
check 'printf "%s" "$bar" | grep -qF "? Aide"' "the help on the Calls key bar at 80 columns: $bar"
check 'printf "%s" "$bar" | grep -qF "F2 Nouvel appel"' "F2 on the key bar: $bar"
check 'printf "%s" "$bar" | grep -qF "r Rappelé"' "called back (r) on the key bar: $bar"
check 'printf "%s" "$bar" | grep -qF "/ Rechercher"' "search on the key bar: $bar"

# The help of a draft quote: a adds a line there, it is not "as F2".
keys 4
wait_for "$q"
keys Enter
wait_for "Devis $q"
keys '?'
wait_for "Touches : Devis"
wait_for "Ajouter une ligne à ce devis en brouillon"
check '! screen | grep -qF "comme F2"' "a on a quote is not described as F2"
keys '?'
wait_gone "Touches : Devis"

# A question in French: y answers nothing, o answers yes.
keys F2
wait_for "Appelant"
type_text 'Élodie'
keys Escape
wait_for "Sortir sans enregistrer cet appel ? (o/n)"
keys y
sleep 0.3
check 'screen | grep -qF "(o/n)"' "y is not yes in French"
keys o
wait_gone "(o/n)"
wait_for "Devis $q"
pass
