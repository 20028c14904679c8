# LANG=C.UTF-8 LANGUAGE=fr: the quote and contract screens speak French, with amounts and dates
# as French people write them ("1 234,56 €", "02/03/2026"): a quote with a service chosen in the
# catalogue, sent and accepted, the contract made from it (its line: the quote's 10 h a month
# are 10 x 12 / 52 = 2,31 h a week; R3: 23,00 € at 10 % = 25,30 € x 2,31 h x 52 / 12 =
# 253,25 €), a weekly slot giving the line its hours (2,5 h: 274,08 €), signed and ended.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
export CHARTE_NOW='2026-03-02 10:15'
"$BIN" client add --civility Mme --name Lefèvre --first-name Zoé --phone '06 12 34 56 78' >/dev/null
"$BIN" settings set agency.sap_number SAP123456789 >/dev/null


start env LANGUAGE=fr "$BIN"
wait_for "Aujourd'hui"
wait_for "Dev"
wait_for "Con" # the tab, cut to the others' width once the areas outgrow 80 columns
keys "$(tab Devis)"
wait_for "Tous les devis"
wait_for "Numéro"
wait_for "Total TTC"
keys a
wait_for "Nouveau devis"
type_text 'zoé'
wait_for "Choisir un client"
keys Enter
wait_for "Mme Zoé Lefèvre"
wait_for "02/03/2026"
keys F10
wait_for "Devis D2026-0001 créé"
wait_for "Devis D2026-0001 — Mme Zoé Lefèvre"
wait_for "Daté du 02/03/2026 · valable jusqu'au 01/04/2026"
wait_for "Déclaration SAP n° SAP123456789"
wait_for "Devis gratuit"
wait_for "Lignes (0)"
keys a
wait_for "Nouvelle ligne 1 du devis D2026-0001"
wait_for "Prestation"
wait_for "Prix unitaire HT"
wait_for "Taux de TVA"
keys Enter # the catalogue
wait_for "Choisir une prestation du catalogue"
wait_for "Ménage et repassage"
keys Down Down Down Down Down Down Down Down
wait_for "menage"
check 'screen | grep "Ménage et repassage" | grep -q "23,00 €/h"' "the catalogue's prices, in French"
keys Enter
wait_for "Nouvelle ligne 1 du devis D2026-0001"
check 'screen | grep -F "Ménage et repassage" >/dev/null' "the label comes from the service"
type_text '10' # the cursor went to the quantity
wait_for "Cette ligne : 230,00 € HT + TVA 10 % 23,00 € = 253,00 € TTC"
wait_for "Devis D2026-0001 avec cette ligne :"
check 'screen | grep -F "Total TTC" | grep -qF "253,00 €"' "live total, in French"
keys F10
wait_for "Ligne 1 ajoutée"
wait_for "Lignes (1)"
wait_for "Libellé"
wait_for "Total HT"
wait_for "Envoyer"
keys s
wait_for "Envoyer le devis"
wait_for "Envoyé le 02/03/2026"
keys Enter
wait_for "Noter que le devis D2026-0001 a été remis au client le 02/03/2026 ?"
wait_for "(o/n)"
keys o
wait_for "Remis au client le 02/03/2026"
wait_for "Accepter"
wait_for "Refuser"
keys +
wait_for "Accepter le devis"
keys Enter
keys o
wait_for "m pour établir le contrat"
keys m
wait_for "Nouveau contrat pour Mme Zoé Lefèvre, d'après un devis"
wait_for "Récurrent"
wait_for "Signé à l'agence"
wait_for "Démarrage anticipé"
wait_for "Prestations : 1 ligne, celle du devis"
type_text '09/03/2026'
keys BTab Space # the kind
wait_for "Ponctuel"
keys Space
wait_for "Récurrent"
keys F10
wait_for "Contrat C2026-0001 du 02/03/2026 — Mme Zoé Lefèvre"
wait_for "Brouillon"
wait_for "Prestations : 1 ligne"
wait_for "2,31 h par semaine"
check 'screen | grep "Montant mensuel TTC" | grep -qF "253,25 €"' "the quote's line, a month"

# A weekly slot: Monday 9:00-11:30 gives the line its hours; the amounts live, in French.
keys a
wait_for "Nouveau créneau du contrat C2026-0001"
type_text 'lun'
keys Tab
type_text '9h'
keys Tab
type_text '11:30'
keys Tab
wait_for "Ce créneau : 2,5 h"
wait_for "Heures par semaine, ce créneau compris : 2,5 h · montant mensuel TTC : 274,"
keys F10
wait_for "Créneau lun. 09:00-11:30 ajouté"
wait_for "2,5 h par semaine (le planning hebdomadaire)"
check 'screen | grep "Montant mensuel TTC" | grep -qF "274,08 €"' "the slot's hours, a month"
wait_for "Fin du délai de rétractation"
wait_for "14 jours après la signature"
wait_for "Planning hebdomadaire"
wait_for "Signer"
keys +
wait_for "Début pendant le délai de rétractation"
keys 2
wait_for "Signer le contrat"
keys Enter
wait_for "Le délai de rétractation prend fin le 16/03/2026."
keys o
wait_for "Contrat C2026-0001 signé le 02/03/2026"
wait_for "16/03/2026 · pas de démarrage anticipé"
wait_for "Résilier"
keys p
wait_for "Résilier le contrat"
keys Enter
wait_for "Résiliation demandée le 02/03/2026 : le contrat C2026-0001 prendra"
wait_for "31/03/2026 — confirmer ? (o/n)"
keys o
wait_for "Le contrat C2026-0001 prend fin le 31/03/2026"
wait_for "prend fin le 31/03/2026" # signed, running to the end of the month (R5)
keys Escape # the contract's page was opened in the Contracts area, over its list
wait_for "Tous les contrats"
wait_for "Mensuel TTC"
check 'screen | grep "C2026-0001" | grep -q "274,08 €"' "the contract in the list, in French"
keys Q
wait_for "[exited 0]"
pass
