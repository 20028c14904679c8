# LANG=C.UTF-8 LANGUAGE=fr: the Clients area, the client file and its tabs, the forms, the
# picker and the charter findings speak French.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" client add --civility Mme --name Lefèvre --first-name Zoé --phone 0612345678 \
	--status active >/dev/null
start env LANGUAGE=fr "$BIN"
wait_for "Écarts à la charte (1)"
wait_for "S1  Un référent nommé pour chaque client — 1"
keys 3
wait_for "Clients : tous les clients"
wait_for "Prénom"
wait_for "Référent"
keys f
wait_for "Quels clients ?"
wait_for "Mes clients (j'en suis le référent)"
keys Escape
keys Enter
wait_for "Client n° 1 : Mme Zoé Lefèvre"
wait_for "Fiche"
wait_for "Besoins"
wait_for "Historique"
wait_for "Civilité"
wait_for "Consignes particulières"
wait_for "Zones interdites"
wait_for "aucun : un client actif doit avoir un référent (S1)"
wait_for "←/→ changer d'onglet"
keys Right
wait_for "Pas encore d'analyse des besoins."
keys e
wait_for "Analyse des besoins de Mme Zoé Lefèvre"
wait_for "Prestations souhaitées"
wait_for "heures, par ex. 4,5"
keys Escape
keys Right
wait_for "fiche client créée"
keys e
wait_for "Modifier le client n° 1"
wait_for "Espace ou ←/→ pour changer"
keys Escape
wait_for "Quand"
keys Escape # back to the list: F2 there starts an empty call
wait_for "Clients : tous les clients"
keys F2
wait_for "Nouvel appel"
keys Up
type_text 'lef'
wait_for "Choisir un client"
wait_for "Lettres du nom ou chiffres du téléphone"
keys Enter
wait_for "06 12 34 56 78"
keys Escape
wait_for "Sortir sans enregistrer cet appel ? (o/n)"
keys o
keys Q
wait_for "[exited 0]"
pass
