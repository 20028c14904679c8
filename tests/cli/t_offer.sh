# t_offer.sh — the command-line contract of the offer (issue 3): charte service, quote and
# contract, end to end; exit codes 0/1/2; the CSV columns; R2 totals, R3, R4, R5; numbering
# (gapless, after a refused quote, at the turn of the year); the findings needs-missing,
# quote-missing and contract-unsigned appearing and disappearing.
# Dates (2026): Sat 3 Jan, Mon 5 Jan (the fixed "now"), Mon 12 Jan, Mon 19 Jan.
. "$(dirname "$0")/lib.sh"

export CHARTE_NOW='2026-01-05 10:00'

# The value of column COL for the record KEY in the CSV of `AREA list --csv`.
qfield() {
	"$BIN" quote list --csv | csv_get "$2" number "$1"
}
kfield() {
	"$BIN" contract list --csv | csv_get "$2" number "$1"
}
count_quotes() {
	"$BIN" quote list --csv | csv_rows
}
count_contracts() {
	"$BIN" contract list --csv | csv_rows
}
# Rows of `charte audit --csv` for a finding slug, as "id" lines.
audit_ids() {
	"$BIN" audit --csv | awk -F, -v s="$1" 'NR > 1 && $2 == s { print $4 }' | tr -d '\r'
}

# ARGS rejected: exit 1, one line on stderr naming FIELD, nothing written (COUNT unchanged).
rejected() {
	what=$1 count=$2
	shift 2
	before=$($count)
	expect_exit 1 "$BIN" "$@"
	expect_stderr_lines 1
	expect_stderr_match "^charte: $what: "
	expect_eq "$($count)" "$before" "nothing written after a bad $what"
}

usage() {
	count=$1
	shift
	before=$($count)
	expect_exit 2 "$BIN" "$@"
	expect_stderr_match '^charte'
	expect_eq "$($count)" "$before" "nothing written after a usage error"
}

new_agency offer

echo "-- the service catalogue, loaded at init"
expect_exit 0 "$BIN" service list --csv
expect_eq "$(csv_header <"$T/out" | head -5 | tr '\n' ,)" "code,label,vat,unit,price," \
	"service list columns"
expect_eq "$(csv_get vat code aide-dependance <"$T/out")" "5.5" "5.5 % for the dependent"
expect_eq "$(csv_get vat code menage <"$T/out")" "10" "10 % housework"
expect_eq "$(csv_get vat code soutien-scolaire <"$T/out")" "10" "10 % tutoring"
expect_eq "$(csv_get vat code jardinage <"$T/out")" "20" "20 % gardening"
expect_eq "$(csv_get vat code informatique <"$T/out")" "20" "20 % IT help"
expect_eq "$(csv_get price code menage <"$T/out")" "23.00" "default price"
expect_exit 0 "$BIN" service set menage --price '24,50'
expect_eq "$("$BIN" service list --csv | csv_get price code menage)" "24.50" "price changed"
expect_exit 1 "$BIN" service set menage --vat 150
expect_stderr_match '^charte: vat: '
expect_exit 2 "$BIN" service set nouveau --vat 10
expect_exit 0 "$BIN" service set courses --label 'Courses à domicile' --vat 10 --price 20
expect_eq "$("$BIN" service list --csv | csv_get label code courses)" "Courses à domicile" \
	"a new service"

echo "-- clients (from the client files)"
expect_exit 0 "$BIN" client add --name Dupont
expect_stdout 1
expect_exit 0 "$BIN" client add --name Martin
expect_stdout 2
expect_exit 0 "$BIN" client add --name Garnier --wants-quote
expect_stdout 3

echo "-- quote add prints the number; gapless"
expect_exit 0 "$BIN" quote add --client 1 --on 2026-01-02
expect_stdout D2026-0001
rejected client count_quotes quote add --client 99
rejected on count_quotes quote add --client 1 --on 2026-01-06
rejected on count_quotes quote add --client 1 --on 31/02/2026
usage count_quotes quote add
usage count_quotes quote add --client 1 --bogus
expect_exit 0 "$BIN" quote add --client 1 --on 02/01/2026
expect_stdout D2026-0002

echo "-- lines: R2, totals are sums of lines"
# 1.5 h x 21.50 = 32.25; VAT 10 % (vat.default) 3.225 -> 3.23
expect_exit 0 "$BIN" quote line D2026-0001 --label 'Ménage' --qty 1.5 --price 21.50
expect_stdout_match '^[0-9]+$'
# 1.5 x 1 234,56 = 1 851.84; VAT 20 % 370.368 -> 370.37
expect_exit 0 "$BIN" quote line d2026-0001 --label 'Frais' --qty 1,5 --price '1 234,56' --vat 20
# a service gives label, price and rate: 2 h x 30.00 at 20 % = 60.00 + 12.00
expect_exit 0 "$BIN" quote line D2026-0001 --service jardinage --qty 2
expect_eq "$(qfield D2026-0001 total_excl)" "1944.09" "total excl. VAT"
expect_eq "$(qfield D2026-0001 vat)" "385.60" "total VAT"
expect_eq "$(qfield D2026-0001 total_incl)" "2329.69" "total incl. VAT"
totals() { qfield D2026-0001 total_incl; }
rejected qty totals quote line D2026-0001 --label X --qty abc --price 1
rejected qty totals quote line D2026-0001 --label X --qty 0 --price 1
rejected price totals quote line D2026-0001 --label X --qty 1 --price 12.345
rejected vat totals quote line D2026-0001 --label X --qty 1 --price 1 --vat 150
rejected label totals quote line D2026-0001 --label '  ' --qty 1 --price 1
# Only the rates of the SAP regime (setting vat.rates: 5.5, 10, 20).
rejected vat totals quote line D2026-0001 --label X --qty 1 --price 1 --vat 99
expect_stderr_match "^charte: vat: 99 % is not a VAT rate of the services to persons: use 5.5 %, 10 %, 20 %"
rejected vat totals quote line D2026-0001 --label X --qty 1 --price 1 --vat 7
rejected vat totals quote line D2026-0001 --label X --qty 1 --price 1 --vat 0
rejected vat totals quote line D2026-0001 --label X --qty 1 --price 1 --vat '23,15'
rejected service totals quote line D2026-0001 --service nope --qty 1
rejected quote totals quote line D2026-0009 --label X --qty 1 --price 1
usage totals quote line D2026-0001 --label X --price 1
usage totals quote line --label X --qty 1 --price 1

echo "-- quote list: CSV columns"
expect_exit 0 "$BIN" quote list --csv
for col in number client_id date status total_excl vat total_incl; do
	csv_header <"$T/out" | grep -qx "$col" && ok "quote list has $col" ||
		fail "quote list has $col" "$(head -1 "$T/out")"
done
expect_eq "$(qfield D2026-0002 date)" "2026-01-02" "date as YYYY-MM-DD"
expect_eq "$(qfield D2026-0001 status)" "draft" "a new quote is a draft"

echo "-- send, then it no longer changes; accept"
expect_exit 0 "$BIN" quote send D2026-0001 --on 2026-01-03
expect_eq "$(qfield D2026-0001 status)" "sent" "sent"
expect_eq "$(qfield D2026-0001 sent_on)" "2026-01-03" "sent on"
rejected quote totals quote line D2026-0001 --label X --qty 1 --price 1
expect_stderr_match 'a sent quote cannot change: make a new quote'
expect_exit 1 "$BIN" quote accept D2026-0001 --on 2026-01-02
expect_stderr_match '^charte: on: '
expect_exit 0 "$BIN" quote accept D2026-0001 --on 05/01/2026
expect_eq "$(qfield D2026-0001 status)" "accepted" "accepted"
expect_eq "$(qfield D2026-0001 accepted_on)" "2026-01-05" "accepted on"

echo "-- quote show, in English and in French"
expect_exit 0 "$BIN" quote show D2026-0001
expect_stdout_match '^Quote D2026-0001'
expect_stdout_match 'Total incl\. VAT +€2,329\.69'
expect_stdout_match '€21\.50/h'
expect_stdout_match 'free of charge'
expect_exit 0 env LANGUAGE=fr "$BIN" quote show D2026-0001
expect_stdout_match '^Devis D2026-0001'
expect_stdout_match 'Accepté'
expect_stdout_match 'Total TTC +2.329,69 €'
expect_stdout_match 'HT'

echo "-- numbering: a refused quote keeps its number; the turn of the year"
expect_exit 0 "$BIN" quote add --client 2
expect_stdout D2026-0003
expect_exit 0 "$BIN" quote line D2026-0003 --label Ménage --qty 2 --price 23
expect_exit 0 "$BIN" quote send D2026-0003
expect_exit 0 "$BIN" quote refuse D2026-0003
expect_eq "$(qfield D2026-0003 status)" "refused" "refused"
expect_exit 0 "$BIN" quote add --client 2
expect_stdout D2026-0004
expect_exit 0 "$BIN" --now '2027-01-02 09:00' quote add --client 2
expect_stdout D2027-0001
expect_exit 0 "$BIN" --now '2027-01-02 09:00' quote add --client 2 --on 2026-12-31
expect_stdout D2026-0005

echo "-- expiry"
expect_exit 0 "$BIN" quote line D2026-0002 --label Ménage --qty 1 --price 23
expect_exit 0 "$BIN" quote send D2026-0002 --on 2026-01-02
expect_eq "$(qfield D2026-0002 valid_until)" "2026-02-01" "valid 30 days"
expect_exit 0 "$BIN" --now '2026-02-02 09:00' quote list --csv --status expired
expect_eq "$(csv_rows <"$T/out")" "1" "one expired quote"
expect_eq "$(csv_get number status expired <"$T/out")" "D2026-0002" "D2026-0002 expired"
expect_exit 1 "$BIN" --now '2026-02-02 09:00' quote accept D2026-0002
expect_stderr_match '^charte: quote: .*expired'

echo "-- contract add prints the number"
expect_exit 0 "$BIN" contract add --client 1 --kind recurring --start 2026-01-12 --price 21.50 \
	--service menage --quote D2026-0001 --skills 'Permis'
expect_stdout C2026-0001
expect_eq "$(kfield C2026-0001 skills)" "permis" "the skills beyond its services, as codes"
# A skill code that is not one of the list: refused naming it, nothing written.
rejected skills count_contracts contract add --client 1 --kind recurring --start 2026-01-12 \
	--price 20 --skills 'permis,plongee'
expect_stderr_match "^charte: skills: 'plongee' is not a skill \(see 'charte worker skills'\)$"
rejected kind count_contracts contract add --client 1 --kind weekly --start 2026-01-12 \
	--price 20
rejected start count_contracts contract add --client 1 --kind recurring --start 31/02/2026 \
	--price 20
rejected price count_contracts contract add --client 1 --kind recurring --start 2026-01-12 \
	--price abc
rejected vat count_contracts contract add --client 1 --kind recurring --start 2026-01-12 \
	--price 20 --vat 101
rejected client count_contracts contract add --client 99 --kind recurring --start 2026-01-12 \
	--price 20
rejected quote count_contracts contract add --client 1 --kind recurring --start 2026-01-12 \
	--price 20 --quote D2026-0009
rejected quote count_contracts contract add --client 1 --kind recurring --start 2026-01-12 \
	--price 20 --quote D2026-0003
rejected hours-per-week count_contracts contract add --client 1 --kind recurring \
	--start 2026-01-12 --price 20 --hours-per-week 200
usage count_contracts contract add --client 1 --kind recurring --price 20
usage count_contracts contract add --client 1 --kind one-off --start 2026-01-12 --price 20 \
	--hours-per-week 3

echo "-- the weekly schedule makes the hours; R3 monthly amount"
expect_exit 0 "$BIN" contract slot C2026-0001 --day lun --from 09:00 --to 11:30 --service menage
expect_exit 0 "$BIN" contract slot C2026-0001 --day thu --from 14h --to 16h
rejected from count_contracts contract slot C2026-0001 --day 1 --from 11:00 --to 12:00
rejected day count_contracts contract slot C2026-0001 --day xyz --from 11:00 --to 12:00
# An end before the start is the next day (a night); an end equal to the start is refused.
rejected to count_contracts contract slot C2026-0001 --day 2 --from 11:00 --to 11:00
expect_exit 0 "$BIN" contract list --csv
for col in number client_id kind start signed_on withdrawal_end ended_on status monthly_incl; do
	csv_header <"$T/out" | grep -qx "$col" && ok "contract list has $col" ||
		fail "contract list has $col" "$(head -1 "$T/out")"
done
# 4.5 h a week; 21.50 + 2.15 = 23.65 an hour incl. VAT; 4.5 x 23.65 x 52 / 12 = 461.175
expect_eq "$(kfield C2026-0001 hours)" "4.50" "hours a week from the slots"
expect_eq "$(kfield C2026-0001 monthly_incl)" "461.18" "monthly amount incl. VAT"
expect_eq "$(kfield C2026-0001 status)" "draft" "a new contract is a draft"
expect_eq "$(kfield C2026-0001 quote)" "D2026-0001" "from its quote"
# The history says it as people read it, in their language: labels, hours and money.
cid=1 # C2026-0001, the first contract
expect_exit 0 "$BIN" history --table contracts --id "$cid" --limit 1 --csv
expect_eq "$(csv_col changes <"$T/out")" \
	'Hours: 2.5 h → 4.5 h; Monthly amount incl. VAT: €256.21 → €461.18' "history in English"
expect_exit 0 env LANGUAGE=fr "$BIN" history --table contracts --id "$cid" --limit 1 --csv
expect_eq "$(csv_col changes <"$T/out")" \
	'Heures : 2,5 h → 4,5 h; Montant mensuel TTC : 256,21 € → 461,18 €' "history in French"

echo "-- sign: R4 withdrawal end"
usage count_contracts contract sign C2026-0001
rejected on count_contracts contract sign C2026-0001 --on 2026-01-06
# Saturday 3 January + 14 days = Saturday 17 -> Monday 19 January
expect_exit 0 "$BIN" contract sign C2026-0001 --on 2026-01-03
# R4 (issue 7): it starts on 12 January, within the period, and no express start was asked
expect_stderr_lines 1
expect_stderr_match "^charte: warning: contract C2026-0001 starts on 2026-01-12, within the withdrawal period \(until 2026-01-19\), and the client has not asked for an express start: record the request with 'charte contract express C2026-0001'$"
expect_eq "$(kfield C2026-0001 express_start)" "0" "no express start yet"
expect_exit 0 "$BIN" contract express C2026-0001
expect_eq "$(kfield C2026-0001 express_start)" "1" "the express start request recorded"
# Its skills and notes change once signed too; an unknown code writes nothing.
expect_exit 1 "$BIN" contract edit C2026-0001 --skills 'transferts xx' --notes 'Chat'
expect_stderr_lines 1
expect_stderr_match "^charte: skills: 'xx' is not a skill"
expect_eq "$(kfield C2026-0001 skills)" "permis" "nothing written after a bad skills"
expect_exit 0 "$BIN" contract edit C2026-0001 --skills 'transferts, PERMIS' --notes 'Chat à l'\''étage'
expect_exit 0 "$BIN" contract show C2026-0001
expect_stdout_match '^Skills required: menage, permis, transferts$'
expect_stdout_match '^Skills besides its services: permis, transferts$'
expect_stdout_match "^Notes: Chat à l'étage$"
expect_eq "$(kfield C2026-0001 signed_on)" "2026-01-03" "signed on"
expect_eq "$(kfield C2026-0001 withdrawal_end)" "2026-01-19" "withdrawal end past the weekend"
expect_eq "$(kfield C2026-0001 status)" "signed" "signed, not started"
expect_eq "$("$BIN" --now '2026-01-12 09:00' contract list --csv | csv_get status number C2026-0001)" \
	"active" "active once started"
expect_eq "$("$BIN" client list --csv | csv_get status id 1)" "active" "the client is active"
rejected contract count_contracts contract slot C2026-0001 --day 3 --from 9:00 --to 10:00
# One-off at the agency: no withdrawal period; 90.91 + 9.09 = 100.00
expect_exit 0 "$BIN" contract add --client 1 --kind one-off --start 2026-01-20 --price 90.91 \
	--at-agency
expect_stdout C2026-0002
expect_exit 0 "$BIN" contract sign C2026-0002 --on 2026-01-05
expect_eq "$(kfield C2026-0002 withdrawal_end)" "" "none at the agency"
expect_eq "$(kfield C2026-0002 monthly_incl)" "100.00" "one-off total"
expect_exit 1 "$BIN" contract withdraw C2026-0002 --on 2026-01-05

echo "-- end: R5"
expect_exit 0 "$BIN" contract end C2026-0001 --notice 2026-01-05 --dry-run
expect_stdout 2026-01-31
expect_eq "$(kfield C2026-0001 status)" "signed" "a dry run saves nothing"
expect_exit 0 "$BIN" contract end C2026-0001 --notice 05/01/2026
expect_stdout 2026-01-31
expect_eq "$(kfield C2026-0001 ended_on)" "2026-01-31" "ended on"
expect_eq "$(kfield C2026-0001 notice_on)" "2026-01-05" "notice on"
expect_eq "$(kfield C2026-0001 status)" "signed" "notice given before the start: still signed, runs to the end of the month (R5)"
expect_eq "$(CHARTE_NOW='2026-01-31 18:00' kfield C2026-0001 status)" "active" "still running on its last day"
expect_eq "$(CHARTE_NOW='2026-02-01 08:00' kfield C2026-0001 status)" "ended" "ended the day after"
expect_exit 0 "$BIN" --now '2026-02-01 08:00' contract list --csv --status ended
expect_stdout_match '^C2026-0001,'
expect_exit 0 "$BIN" contract list --csv --status signed
expect_stdout_match '^C2026-0001,'
expect_exit 0 "$BIN" --now '2026-01-31 18:00' contract list --csv --status active
expect_stdout_match '^C2026-0001,'
expect_exit 1 "$BIN" contract end C2026-0001 --notice 2026-01-05
usage count_contracts contract end C2026-0001
expect_exit 0 "$BIN" contract show C2026-0001
expect_stdout_match '^Contract C2026-0001'
expect_stdout_match 'Monthly amount incl\. VAT: €461\.18'
expect_stdout_match 'End of the withdrawal period: 2026-01-19'
expect_exit 0 env LANGUAGE=fr "$BIN" contract show C2026-0001
expect_stdout_match 'Montant mensuel TTC'
expect_stdout_match 'Fin du délai de rétractation : 19/01/2026'

echo "-- withdraw within the period"
# A second contract from D2026-0001 is made only on purpose.
expect_exit 1 "$BIN" contract add --client 1 --kind recurring --start 2026-02-02 --price 23 \
	--hours-per-week 2 --quote D2026-0001
expect_stderr_match '^charte: quote: .*C2026-0001.*--again'
expect_exit 0 "$BIN" contract add --client 1 --kind recurring --start 2026-02-02 --price 23 \
	--hours-per-week 2 --quote D2026-0001 --again
expect_stdout C2026-0003
expect_exit 0 "$BIN" contract sign C2026-0003 --on 2026-01-05
expect_exit 1 "$BIN" --now '2026-01-20 09:00' contract withdraw C2026-0003 --on 2026-01-20
expect_exit 0 "$BIN" --now '2026-01-20 09:00' contract withdraw C2026-0003 --on 2026-01-19
expect_eq "$(kfield C2026-0003 status)" "withdrawn" "withdrawn"

echo "-- findings: appear, then disappear as the record is fixed"
expect_exit 0 "$BIN" audit --csv
expect_eq "$(head -1 "$T/out" | tr -d '\r')" "code,finding,entity,id,detail" "audit header"
expect_eq "$(audit_ids needs-missing | tr '\n' ' ')" "1 2 " "needs-missing: clients 1 and 2"
expect_exit 0 "$BIN" client needs 1 --services 'ménage' --hours-per-week 4
expect_exit 0 "$BIN" client needs 2 --services 'ménage' --hours-per-week 5
expect_exit 0 "$BIN" client needs 3 --services 'ménage' --hours-per-week 5
expect_eq "$(audit_ids needs-missing)" "" "needs-missing gone"
# Martin: 5 h a week at 4.50 excl., 5.5 % -> 102.92 a month, signed without a quote.
expect_exit 0 "$BIN" contract add --client 2 --kind recurring --start 2026-01-05 --price 4.50 \
	--vat 5.5 --hours-per-week 5
expect_stdout C2026-0004
expect_eq "$(kfield C2026-0004 monthly_incl)" "102.92" "102.92 a month"
expect_eq "$(audit_ids contract-unsigned)" "C2026-0004" "contract-unsigned: started, not signed"
expect_exit 0 "$BIN" audit
expect_stdout_match 'O4 +contract-unsigned +contract +C2026-0004'
expect_exit 0 "$BIN" contract sign C2026-0004 --on 2026-01-05
expect_eq "$(audit_ids contract-unsigned)" "" "contract-unsigned gone once signed"
expect_eq "$(audit_ids quote-missing)" "C2026-0004" "quote-missing: over 100 a month"
# The quote given on 4 January, recorded late.
expect_exit 0 "$BIN" quote add --client 2 --on 2026-01-04
expect_stdout D2026-0006
expect_exit 0 "$BIN" quote line D2026-0006 --service aide-dependance --qty 5
expect_exit 0 "$BIN" quote send D2026-0006 --on 2026-01-04
expect_eq "$(audit_ids quote-missing)" "" "quote-missing gone"
# Garnier asked for a quote: 5 h at 4.20 (95.98 a month) still needs one.
expect_exit 0 "$BIN" contract add --client 3 --kind recurring --start 2026-01-12 --price 4.20 \
	--vat 5.5 --hours-per-week 5
expect_stdout C2026-0005
expect_eq "$(kfield C2026-0005 monthly_incl)" "95.98" "95.98 a month"
expect_exit 0 "$BIN" contract sign C2026-0005 --on 2026-01-05
expect_eq "$(audit_ids quote-missing)" "C2026-0005" "quote-missing: the client asked"
expect_exit 0 "$BIN" client edit 3 --no-wants-quote
expect_eq "$(audit_ids quote-missing)" "" "under 100 and not asked: none needed"

echo "-- the front desk reads but does not write the offer"
expect_exit 0 "$BIN" staff add --login lea --name 'Léa Petit' --role receptionist
rejected user count_quotes --user lea quote add --client 1
rejected user count_contracts --user lea contract add --client 1 --kind one-off \
	--start 2026-01-20 --price 10
expect_exit 0 "$BIN" --user lea quote list
rejected user count_quotes --user lea service set menage --price 1

echo "-- help"
expect_exit 0 "$BIN" quote --help
expect_stdout_match 'charte quote add'
expect_exit 0 "$BIN" contract end --help
expect_stdout_match '--notice'
expect_exit 2 "$BIN" quote
expect_exit 2 "$BIN" contract bogus

echo "-- two desks change different fields of one service: both changes are kept"
( for i in $(seq 1 60); do "$BIN" service set menage --label "Ménage $i" 2>>"$T/sdesk" || echo fail >>"$T/sdesk"; done ) &
( for i in $(seq 1 60); do "$BIN" service set menage --price "2$i" 2>>"$T/sdesk" || echo fail >>"$T/sdesk"; done ) &
wait
expect_eq "$(grep -cv 'another desk is writing to the agency file; waiting' "$T/sdesk")" 0 \
	"no service edit failed (a desk may say it waited for the other)"
"$BIN" service list --csv >"$T/svc.csv"
expect_eq "$(csv_get label code menage <"$T/svc.csv")" "Ménage 60" "the last label is kept"
expect_eq "$(csv_get price code menage <"$T/svc.csv")" "260.00" "the last price is kept"

echo "-- VAT: the regime's rates, and an agency exempt from VAT"
expect_exit 0 "$BIN" settings set vat.rates '5,5 ; 10'
expect_eq "$("$BIN" settings get vat.rates)" "5.5,10" "rates typed with decimal commas, stored in one form"
expect_exit 0 "$BIN" quote add --client 1
vq=$(cat "$T/out")
expect_exit 1 "$BIN" quote line "$vq" --label X --qty 1 --price 10 --vat 20
expect_stderr_match 'use 5.5 %, 10 %'
expect_exit 1 "$BIN" contract add --client 1 --kind recurring --start 2026-02-02 --price 20 --vat 20 --hours-per-week 2
expect_stderr_match '^charte: vat: '
expect_exit 0 "$BIN" settings set vat.exempt yes
expect_exit 1 "$BIN" quote line "$vq" --label X --qty 1 --price 10 --vat 10
expect_stderr_match 'exempt from VAT'
expect_exit 0 "$BIN" quote line "$vq" --label Ménage --qty 1 --price 10
expect_eq "$("$BIN" quote list --csv | csv_get vat number "$vq")" "0.00" "an exempt agency's line takes no VAT"
expect_exit 0 "$BIN" quote line "$vq" --service menage --qty 2
expect_eq "$("$BIN" quote list --csv | csv_get vat number "$vq")" "0.00" "a service of the catalogue takes 0 % too"
# O3: its quotes and contracts carry the legal mention.
expect_exit 0 "$BIN" quote show "$vq"
expect_stdout_match '^VAT not applicable, article 261-7-1° of the French tax code \(CGI\)$'
expect_exit 0 env LANGUAGE=fr "$BIN" quote show "$vq"
expect_stdout_match '^TVA non applicable, article 261-7-1° du CGI$'
expect_exit 0 "$BIN" contract add --client 1 --kind one-off --start 2026-02-02 --label Vitres \
	--qty 3 --price 12.50
ek=$(cat "$T/out")
expect_exit 0 "$BIN" contract line "$ek" --label Repassage --qty 2 --price 20
expect_exit 0 "$BIN" contract show "$ek"
expect_stdout_match '^  1\. Vitres: 3 x €12\.50 excl\. VAT \(€12\.50 incl\. VAT\), VAT 0 %: €37\.50$'
expect_stdout_match '^  2\. Repassage: 2 x €20\.00 excl\. VAT \(€20\.00 incl\. VAT\), VAT 0 %: €40\.00$'
expect_stdout_match '^Total incl\. VAT: €77\.50$'
expect_stdout_match '^VAT not applicable, article 261-7-1° of the French tax code \(CGI\)$'
expect_exit 0 env LANGUAGE=fr "$BIN" contract show "$ek"
expect_stdout_match '^TVA non applicable, article 261-7-1° du CGI$'
expect_exit 0 "$BIN" settings set vat.exempt no
expect_exit 0 "$BIN" contract show "$ek"
expect_eq "$(grep -c 'not applicable' "$T/out")" 0 "no mention once the agency charges VAT"
expect_exit 0 "$BIN" quote show "$vq"
expect_eq "$(grep -c 'not applicable' "$T/out")" 0 "nor on its quotes"
expect_exit 0 "$BIN" settings set vat.exempt non
expect_eq "$("$BIN" settings get vat.exempt)" "no" "vat.exempt takes oui/non too, stored as yes/no"
expect_exit 1 "$BIN" settings set vat.exempt peut-être
expect_stderr_match '^charte: vat.exempt: must be one of: no\|yes'
expect_exit 0 "$BIN" settings set vat.rates 5.5,10,20
echo "-- the catalogue and the default rate take only the regime's rates"
expect_exit 1 "$BIN" service set menage --vat 99
expect_stderr_match '^charte: vat: 99 % is not a VAT rate of the services to persons'
expect_exit 1 "$BIN" service set nouveau --label Nouveau --vat 7 --price 20
expect_stderr_match '^charte: vat: 7 % is not'
expect_exit 0 "$BIN" service set menage --vat 20
expect_exit 0 "$BIN" service set menage --vat 10
expect_exit 1 "$BIN" settings set vat.default 7
expect_stderr_match '^charte: vat.default: 7 % is not'
expect_eq "$("$BIN" settings get vat.default)" "10" "the default rate is unchanged"
expect_exit 1 "$BIN" settings set vat.rates 5.5,20
expect_stderr_match '^charte: vat.rates: the default rate \(vat.default, 10 %\) would no longer be one of them'
expect_eq "$("$BIN" settings get vat.rates)" "5.5,10,20" "the rates are unchanged"

echo "-- a contract has one line per service (issue 7)"
# Quote D2026-0078's example: aide 28.17 h x 24.50 at 5.5 %, ménage 8.5 h x 23.15 at 10 %.
# A quote prices a month: a recurring contract's hours a week are the month's x 12 / 52:
# 28.17 x 12 / 52 = 6.5008 -> 6.50; 8.5 x 12 / 52 = 1.9615 -> 1.96.
# Incl. VAT: 24.50 + 1.3475 -> 25.85; 23.15 + 2.315 -> 25.47.
# (6.50 x 25.85 + 1.96 x 25.47) x 52 / 12 = 217.9462 x 52 / 12 = 944.4335 -> 944.43
expect_exit 0 "$BIN" quote add --client 1
lq=$(cat "$T/out")
expect_exit 0 "$BIN" quote line "$lq" --service aide-dependance --qty 28.17 --price 24.50
expect_exit 0 "$BIN" quote line "$lq" --service menage --qty 8.5 --price 23.15
expect_exit 0 "$BIN" quote send "$lq" --on 2026-01-05
expect_exit 0 "$BIN" contract add --client 1 --kind recurring --start 2026-02-02 --quote "$lq"
lk=$(cat "$T/out")
expect_eq "$(kfield "$lk" monthly_incl)" "944.43" "monthly amount over both lines"
expect_eq "$(kfield "$lk" hours)" "8.46" "hours a week of both lines"
expect_exit 0 "$BIN" contract show "$lk"
expect_stdout_match '1\. Aide aux actes.*6\.5 h a week at €24\.50 excl\. VAT.*VAT 5\.5 %'
expect_stdout_match '2\. Ménage.*1\.96 h a week at €23\.15 excl\. VAT.*VAT 10 %'
expect_stdout_match 'Monthly amount incl\. VAT: €944\.43'
rejected quote count_contracts contract add --client 1 --kind recurring --start 2026-02-02 \
	--quote "$lq"
expect_stderr_match 'give --again'
rejected service count_contracts contract slot "$lk" --day mon --from 09:00 --to 10:00
rejected service count_contracts contract slot "$lk" --day mon --from 09:00 --to 10:00 \
	--service repas
expect_exit 0 "$BIN" contract slot "$lk" --day mon --from 09:00 --to 11:00 --service menage
# ménage now 2 h: (6.50 x 25.85 + 2 x 25.47) x 52 / 12 = 948.8483 -> 948.85
expect_eq "$(kfield "$lk" monthly_incl)" "948.85" "ménage's hours from its slot"
rejected vat count_contracts contract line "$lk" --service jardinage --hours-per-week 2 \
	--price 30 --vat 99
rejected service count_contracts contract line "$lk" --service menage --hours-per-week 1 \
	--price 23
expect_exit 0 "$BIN" contract line "$lk" --service jardinage --hours-per-week 2 --price 30
expect_stdout_match '^[0-9]+$'
# + 2 x 36.00 x 52 / 12 = 312.00 -> 1260.85
expect_eq "$(kfield "$lk" monthly_incl)" "1260.85" "a third line"
usage count_contracts contract line "$lk" --service jardinage --qty 2 --price 30
usage count_contracts contract line "$lk" --hours-per-week 2 --price 30

echo "-- quotes and contracts found by their number (issue 7)"
expect_exit 0 "$BIN" quote list --search 0002 --csv
expect_stdout_match '^D2026-0002,'
expect_eq "$(grep -c '^D2026' "$T/out")" "1" "digits: that sequence only"
expect_exit 0 "$BIN" quote list --search 2 --csv
expect_stdout_match '^D2026-0002,'
expect_exit 0 "$BIN" quote list --search d2026-0001 --csv
expect_stdout_match '^D2026-0001,'
expect_eq "$(grep -c '^D2026' "$T/out")" "1" "a whole number: that quote only"
expect_exit 0 "$BIN" contract list --search "$lk" --csv
expect_stdout_match "^$lk,"
expect_eq "$(grep -c '^C2026' "$T/out")" "1" "a contract's number: that contract only"

echo "-- a slot names a line with no service by its number or its label"
expect_exit 0 "$BIN" contract add --client 1 --kind recurring --start 2026-02-02 --label Lever \
	--hours-per-week 0 --price 24.50 --vat 5.5
fl=$(cat "$T/out")
expect_exit 0 "$BIN" contract line "$fl" --label Coucher --hours-per-week 0 --price 24.50 --vat 5.5
rejected service count_contracts contract slot "$fl" --day mon --from 08:00 --to 09:00
expect_stderr_match 'several services \(1 \(Lever\), 2 \(Coucher\)\)'
rejected service count_contracts contract slot "$fl" --day mon --from 08:00 --to 09:00 --service 3
expect_stderr_match '3 is not one of the services of contract .* \(1 \(Lever\), 2 \(Coucher\)\)'
expect_exit 0 "$BIN" contract slot "$fl" --day mon --from 08:00 --to 09:00 --service 1
expect_exit 0 "$BIN" contract slot "$fl" --day mon --from 20:00 --to 20:30 --service coucher
expect_eq "$(kfield "$fl" hours)" "1.50" "both lines' hours from their slots"

echo "-- a draft's line changed or removed by its number"
# A: 2 h x 20.00 at 10 % (22.00 incl.); B: 1 h x 30.00 at 20 % (36.00 incl.)
expect_exit 0 "$BIN" contract add --client 1 --kind recurring --start 2026-02-02 --label A \
	--hours-per-week 2 --price 20 --vat 10
el=$(cat "$T/out")
expect_exit 0 "$BIN" contract line "$el" --label B --hours-per-week 1 --price 30 --vat 20
# B at 25.00: 30.00 incl.; (2 x 22.00 + 1 x 30.00) x 52 / 12 = 74 x 52 / 12 = 320.666 -> 320.67
expect_exit 0 "$BIN" contract line-edit "$el" --line 2 --price 25
expect_stdout ''
expect_eq "$(kfield "$el" monthly_incl)" "320.67" "the line's new price in the monthly amount"
rejected line count_contracts contract line-edit "$el" --line 3 --price 25
expect_stderr_match 'has no line 3 \(it has 2\)'
rejected vat count_contracts contract line-edit "$el" --line 1 --vat 7
expect_eq "$(kfield "$el" monthly_incl)" "320.67" "a refused change writes nothing"
usage count_contracts contract line-edit "$el" --line 1
usage count_contracts contract line-edit "$el" --price 2
# Without B: 2 x 22.00 x 52 / 12 = 190.666 -> 190.67
expect_exit 0 "$BIN" contract line-remove "$el" --line 2
expect_eq "$(kfield "$el" monthly_incl)" "190.67" "the line removed"
rejected line count_contracts contract line-remove "$el" --line 1
expect_stderr_match 'at least one line'
expect_exit 0 "$BIN" contract slot "$el" --day tue --from 09:00 --to 12:00
rejected hours-per-week count_contracts contract line-edit "$el" --line 1 --hours-per-week 5
expect_stderr_match 'come from its weekly slots'
expect_exit 0 "$BIN" contract line "$el" --label C --hours-per-week 1 --price 20 --vat 10
rejected line count_contracts contract line-remove "$el" --line 1
expect_stderr_match 'has weekly slots: remove them first'
expect_exit 0 "$BIN" contract line-edit "$el" --line 1 --label 'A matin'
expect_exit 0 "$BIN" contract show "$el"
expect_stdout_match '1\. A matin: 3 h a week'

echo "-- a quote's lines of one service make one contract line; a flat price is no weekly hours"
# Getting up 17.33 h and going to bed 8.67 h a month, one service at one price:
# 26.00 x 12 / 52 = 6.00 h a week; 24.50 + 1.3475 -> 25.85; 6 x 25.85 x 52 / 12 = 672.10
expect_exit 0 "$BIN" quote add --client 1
mq=$(cat "$T/out")
expect_exit 0 "$BIN" quote line "$mq" --service aide-dependance --label Lever --qty 17.33 --price 24.50
expect_exit 0 "$BIN" quote line "$mq" --service aide-dependance --label Coucher --qty 8.67 --price 24.50
expect_exit 0 "$BIN" quote send "$mq" --on 2026-01-05
expect_exit 0 "$BIN" contract add --client 1 --kind recurring --start 2026-02-02 --quote "$mq"
mk=$(cat "$T/out")
expect_eq "$(kfield "$mk" hours)" "6.00" "both lines as one, 6 h a week"
expect_eq "$(kfield "$mk" monthly_incl)" "672.10" "its monthly amount"
expect_exit 0 "$BIN" contract show "$mk"
expect_stdout_match '1\. Aide aux actes.*6 h a week'
expect_eq "$(grep -c '^  2\.' "$T/out")" 0 "one line"
# The same as a one-off: the quantities as they are, in all.
expect_exit 0 "$BIN" contract add --client 1 --kind one-off --start 2026-02-02 --quote "$mq" --again
ok1=$(cat "$T/out")
expect_eq "$(kfield "$ok1" hours)" "26.00" "a one-off takes the hours in all"
expect_exit 0 "$BIN" quote add --client 1
pq=$(cat "$T/out")
expect_exit 0 "$BIN" quote line "$pq" --service aide-dependance --qty 10 --price 24.50
expect_exit 0 "$BIN" quote line "$pq" --service aide-dependance --qty 4 --price 26
expect_exit 0 "$BIN" quote line "$pq" --label 'Frais de dossier' --qty 1 --price 80 --unit flat --vat 20
expect_exit 0 "$BIN" quote send "$pq" --on 2026-01-05
rejected quote count_contracts contract add --client 1 --kind recurring --start 2026-02-02 --quote "$pq"
expect_stderr_match 'line 2 of the quote has the service aide-dependance at another price or rate'
expect_exit 0 "$BIN" quote add --client 1
fq=$(cat "$T/out")
expect_exit 0 "$BIN" quote line "$fq" --service menage --qty 8 --price 23
expect_exit 0 "$BIN" quote line "$fq" --label 'Frais de dossier' --qty 1 --price 80 --unit flat --vat 20
expect_exit 0 "$BIN" quote send "$fq" --on 2026-01-05
rejected quote count_contracts contract add --client 1 --kind recurring --start 2026-02-02 --quote "$fq"
expect_stderr_match 'line 2 of the quote is a flat price, not hours'
expect_exit 0 "$BIN" contract add --client 1 --kind one-off --start 2026-02-02 --quote "$fq"

finish
