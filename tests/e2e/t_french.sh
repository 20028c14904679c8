# LANG=C.UTF-8 LANGUAGE=fr: the screens speak French.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
start env LANGUAGE=fr CHARTE_NOW='2026-03-02 10:15' "$BIN"
wait_for "Aujourd'hui"
wait_for "App" # the tabs are cut to fit 80 columns
wait_for "Par" # the tab, cut to the others' width once the areas outgrow 80 columns
wait_for "Rappels en retard"
wait_for "Documentation à envoyer"
wait_for "Nouvel appel"
wait_for "Quitter"
wait_for "lun. 02/03/2026 10:15"
keys F2
wait_for "Appelant"
wait_for "Téléphone"
wait_for "Objet"
wait_for "Date et heure"
wait_for "02/03/2026 10:15" # dates as French people write them
wait_for "Rappel demandé"
wait_for "Enregistrer"
type_text 'Élodie'
keys Escape
wait_for "Sortir sans enregistrer cet appel ? (o/n)"
keys o
wait_for "Rappels à faire aujourd'hui"
keys 2
wait_for "tous les appels"
keys f
wait_for "Quels appels ?"
keys Escape
keys Q
wait_for "[exited 0]"
pass
