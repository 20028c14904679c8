# French as an agency employee writes it (issue 7): a day of the year shown 31/03 and typed
# that way; the role said as a role; no "Mlle" offered (one typed, or read from an old file,
# is written Mme); a message starts with a capital; the voicemail filter named in plain words.
. "$(dirname "$0")/lib.sh"
need_tmux
new_agency
"$BIN" staff add --login rose --name 'Rose Accueil' --role receptionist >/dev/null
"$BIN" client add --civility Mme --name Lefèvre --first-name Zoé >/dev/null
q=$("$BIN" quote add --client 1)
"$BIN" --now '2026-03-02 09:00' call add --caller 'Mme Répondue' --answered >/dev/null
start env LANGUAGE=fr CHARTE_NOW='2026-03-02 10:15' "$BIN"
wait_for "Rappels à faire aujourd'hui"

# Settings: the certificates' deadline reads 31/03, and 30/04 is typed as French people do.
keys BTab
wait_for "Paramètres de l'agence"
check '! screen | grep -qF "03-31"' "no MM-DD on the settings screen"
keys End Up Up
wait_for "certificate.deadline — "
wait_for "(S3), JJ/MM : 31/03"
keys e
wait_for "Un jour de l'année, JJ/MM."
keys C-u
type_text '30/04'
keys Enter
wait_for "30/04"
check '[ "$("$BIN" settings get certificate.deadline)" = "04-30" ]' "stored as MM-DD"

# A client's civility: no Mlle offered; Mlle typed is written Mme.
keys 3
wait_for "Lefèvre"
keys a
wait_for "Mme, M., M. et Mme, Dr"
check '! screen | grep -qF "Mlle"' "Mlle is not offered"
type_text 'Mlle'
keys Tab
type_text 'Durand'
keys F10
wait_for "Mme Durand"
keys Escape

# The calls' filter; a refusal starting with a capital.
keys 2
wait_for "Mme Répondue"
keys f
wait_for "Messages du répondeur"
keys Escape
wait_gone "Messages du répondeur"
keys r
wait_for "L'appel 1 ne demandait pas de rappel"
pass
