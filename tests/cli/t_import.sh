# t_import.sh — `charte import calls FILE.csv` from the command line: the round trip
# `call list --csv` -> import into a new file -> the same rows; exit codes 0/1/2; the count
# alone on stdout; every refused value on stderr as FILE:LINE:COLUMN: field: reason, and
# nothing written; French headers, ';', BOM, Windows-1252; one row in the audit trail.
. "$(dirname "$0")/lib.sh"

export CHARTE_NOW='2026-03-20 12:00'

# Every row of `call list --all --csv` without its id (the first field, never quoted).
rows_without_ids() {
	"$BIN" call list --all --csv | sed 's/^[0-9][0-9]*,//'
}

echo "-- round trip: call list --csv, then import into a new file"
new_agency src
"$BIN" call add --caller 'Mme Hélène Lefèvre' --phone '01 23 45 67 89' --subject 'Devis « ménage »' \
	--at '2026-03-02 10:00' --callback >/dev/null
"$BIN" call add --caller "Robert'); DROP TABLE calls; --" --subject 'Il a dit "bonjour", 📞' \
	--at '2026-03-06 17:30' --answered --documentation >/dev/null
"$BIN" call add --caller 'M. Noël' --phone '+44 20 7946 0958' --subject 'Rappel
sur deux lignes' --at '2026-03-07 10:00' --callback >/dev/null
"$BIN" call add --caller 'Erreur' --at '2026-03-09 09:30' --answered >/dev/null
"$BIN" call done 1 --at '2026-03-02 15:00' --note 'Rappelée ; devis envoyé' >/dev/null
"$BIN" call doc-sent 2 --at '2026-03-09 11:00' >/dev/null
"$BIN" call cancel 4 --reason 'Saisi deux fois' >/dev/null
"$BIN" call list --all --csv >"$T/export.csv"
rows_without_ids >"$T/before.txt"

new_agency dst
expect_exit 0 "$BIN" import calls "$T/export.csv"
expect_stdout 4
expect_stderr_match '4 calls imported'
rows_without_ids >"$T/after.txt"
if cmp -s "$T/before.txt" "$T/after.txt"; then
	ok "the same rows after the round trip"
else
	fail "the same rows after the round trip" "$(diff "$T/before.txt" "$T/after.txt" | head -n 10)"
fi
expect_exit 0 "$BIN" history --table calls --csv
expect_stdout_match ',import,.*imported 4 calls from .*export\.csv, ids 1–4'
if [ "$(grep -c ',insert,' "$T/out")" -eq 0 ]; then
	ok "no row-by-row audit for the import"
else
	fail "no row-by-row audit for the import" "$(head -n 3 "$T/out")"
fi

echo "-- a spreadsheet in French: BOM, ';', Windows-1252"
new_agency fr
printf '\357\273\277Date;Heure;Appelant;T\303\251l\303\251phone;Objet;R\303\251pondu;Rappel\r\n02/03/2026;14:05;Mme B\303\251r\303\251nice;01.23.45.67.89;"Devis; m\303\251nage";oui;non\r\n' >"$T/fr.csv"
expect_exit 0 "$BIN" import calls "$T/fr.csv"
expect_stdout 1
expect_eq "$("$BIN" call list --csv | csv_get caller id 1)" 'Mme Bérénice' "UTF-8 with BOM kept"
expect_eq "$("$BIN" call list --csv | csv_get subject id 1)" 'Devis; ménage' "';' inside quotes kept"
printf 'Date et heure;Appelant;Objet\r\n02/03/2026 10:00;Mme H\351l\350ne;Attestation \200\r\n' >"$T/cp.csv"
expect_exit 0 "$BIN" import calls "$T/cp.csv"
expect_stderr_match 'Windows-1252'
expect_eq "$("$BIN" call list --csv | csv_get caller id 2)" 'Mme Hélène' "Windows-1252 read as such"
expect_eq "$("$BIN" call list --csv | csv_get subject id 2)" 'Attestation €' "0x80 is the euro sign"

echo "-- all or nothing: every refused value, FILE:LINE:COLUMN: field: reason"
new_agency bad
cat >"$T/bad.csv" <<'EOF'
at,caller,phone,subject
2026-03-02 10:00,A,0123456789,ok
2026-03-02 10:01,B,0123456789,ok
2026-03-02 10:02,C,0123456789,ok
2026-03-02 10:03,D,01234,ok
2026-03-02 10:04,,0123456789,ok
EOF
expect_exit 1 "$BIN" import calls "$T/bad.csv"
expect_stdout ''
expect_stderr_match "^$T/bad\\.csv:5:3: phone: "
expect_stderr_match "^$T/bad\\.csv:6:2: caller: "
expect_stderr_match '^charte: .*2 values refused: nothing was imported'
expect_stderr_lines 3
expect_eq "$(count_calls)" 0 "nothing written"

printf 'Date;Appelant;T\303\251l\303\251phone\n30/02/2026 10:00;A;x\n' >"$T/col.csv"
expect_exit 1 "$BIN" import calls "$T/col.csv"
expect_stderr_match ':2:1: at: .*'
expect_stderr_match ':2:3: phone: .* \(column "Téléphone"\)$'

{
	echo 'at,caller'
	i=0
	while [ $i -lt 60 ]; do
		echo 'hier,A'
		i=$((i + 1))
	done
} >"$T/many.csv"
expect_exit 1 "$BIN" import calls "$T/many.csv"
expect_stderr_lines 52
expect_stderr_match '^\.\.\. and 10 more$'

printf 'at,caller,couleur\n2026-03-02 10:00,A,bleu\n' >"$T/unknown.csv"
expect_exit 1 "$BIN" import calls "$T/unknown.csv"
expect_stderr_match ':1:3: unknown column "couleur"'
expect_eq "$(count_calls)" 0 "nothing written after a bad header"

printf 'at,caller\n2026-03-02 10:00,"never closed\n' >"$T/quote.csv"
expect_exit 1 "$BIN" import calls "$T/quote.csv"
expect_stderr_match ':2:2: .*never closed'

expect_exit 1 "$BIN" import calls "$T/no-such-file.csv"
expect_stderr_lines 1
expect_exit 1 "$BIN" --user bob import calls "$T/fr.csv"
expect_stderr_match '^charte: user: '
expect_eq "$(count_calls)" 0 "nothing written by someone not on the staff"
if grep -q "$(printf '\r')" "$T/err"; then
	fail "no progress when stderr is not a terminal"
else
	ok "no progress when stderr is not a terminal"
fi

echo "-- usage errors: exit 2"
expect_exit 2 "$BIN" import calls
expect_exit 2 "$BIN" import calls "$T/fr.csv" extra
expect_exit 2 "$BIN" import calls --dry-run "$T/fr.csv"
expect_exit 2 "$BIN" import nothing "$T/fr.csv"
expect_eq "$(count_calls)" 0 "nothing written after usage errors"
expect_exit 0 "$BIN" import calls --help
expect_stdout_match 'téléphone'
expect_stdout_match 'FILE:LINE:COLUMN'

finish
