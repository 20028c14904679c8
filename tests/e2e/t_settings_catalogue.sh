# Settings as people read them, and the service catalogue opened from Settings with `s`: the
# manager changes a VAT rate (a wrong one is refused with its reason, a right one saved); a
# receptionist sees the catalogue but is told that only a manager changes it. In French
# (LANG=C.UTF-8 LANGUAGE=fr).
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
"$BIN" staff add --login lucie --name 'Lucie Moreau' --role receptionist >/dev/null ||
	fail "staff add"
"$BIN" settings set agency.sap_date 2025-01-15 >/dev/null || fail "settings set sap_date"
"$BIN" settings set quote.threshold 150 >/dev/null || fail "settings set threshold"
"$BIN" service list --csv >"$T/before.csv" || fail "service list"
check 'grep -q "^menage,.*,10,hour," "$T/before.csv"' "menage starts at 10 %"

# The manager.
start env LANGUAGE=fr CHARTE_NOW='2026-03-02 10:15' "$BIN"
wait_for "Aujourd'hui"
keys BTab # Settings, the last tab
wait_for "Paramètres de l'agence"
wait_for "Le nom de l'agence" # the translated description, not only the key
wait_for "agency.name"        # the key, dimmer, beside it
wait_for "15/01/2025"         # a date as French people write it
wait_for "150,00 €"           # an amount as people read it
check '! screen | grep -qF "2025-01-15"' "no ISO date on the Settings screen"
wait_for "l Prestations" # the key bar
keys l
wait_for "Catalogue des prestations"
wait_for "TVA"
wait_for "menage"
wait_for "23,00 €"
wait_for "à l'heure"
keys Down Down Down Down Down Down Down # accompagnement ... menage, by code
wait_for "menage — Ménage et repassage"
keys e
wait_for "Prestation menage"
wait_for "Taux de TVA"
keys Tab # from the label to the VAT rate
keys C-u
type_text '150'
keys Tab # leaving the field checks it
wait_for "Un taux doit être compris entre 0 et 100"
keys F10 # refused: the reason stays under the field
wait_for "Non enregistré"
"$BIN" service list --csv >"$T/mid.csv"
check 'grep -q "^menage,.*,10,hour," "$T/mid.csv"' "a wrong rate is not saved"
keys C-u # the cursor went back to the wrong field
type_text '5,5'
keys Tab
wait_gone "un taux doit être compris entre 0 et 100"
keys F10
wait_for "Prestation menage enregistrée"
wait_for "Catalogue des prestations" # back on the list, refreshed
wait_for "5,5 % à l'heure"
"$BIN" service list --csv >"$T/after.csv"
check 'grep -q "^menage,Ménage et repassage,5.5,hour,23.00," "$T/after.csv"' "the rate is saved"
keys Q
wait_for "[exited 0]"
tmux -L "$SOCK" kill-session -t t 2>/dev/null

# A receptionist sees the catalogue and cannot change it.
start env USER=lucie LOGNAME=lucie LANGUAGE=fr CHARTE_NOW='2026-03-02 10:15' "$BIN"
wait_for "Aujourd'hui"
keys BTab
wait_for "lecture seule"
keys l
wait_for "Catalogue des prestations (lecture seule"
wait_for "menage"
keys e
wait_for "Seul un responsable peut modifier"
check '! screen | grep -qF "Prestation menage"' "the form did not open"
# The reason is shown whole on the message lines (no box any more) until the next key.
wait_for "Catalogue des prestations (lecture seule"
keys Down
wait_gone "Seul un responsable peut modifier"
keys a
wait_for "Seul un responsable peut modifier"
check '! screen | grep -qF "Nouvelle prestation"' "the new-service form did not open"
keys Escape
"$BIN" service list --csv >"$T/end.csv"
check 'cmp -s "$T/after.csv" "$T/end.csv"' "a receptionist changed nothing"
pass
