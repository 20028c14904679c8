# t_agency.sh — A1: after `charte init` the agency's name, its one phone number and its SAP
# declaration number are empty; `charte audit` reports agency-details-missing (naming what is
# missing) until all three are set.
. "$(dirname "$0")/lib.sh"

export CHARTE_NOW='2026-03-02 10:00'
new_agency agency

a1() {
	"$BIN" audit --csv | tr -d '\r' | awk -F, 'NR > 1 && $2 == "agency-details-missing"'
}

expect_eq "$(a1 | cut -d, -f1,3,4)" "A1,agency,agency" "a new agency: A1 reported"
expect_eq "$(a1 | cut -d, -f5)" \
	"the agency's details are not all set (settings): agency.name agency.phone agency.sap_number" \
	"the three settings named"
expect_exit 0 "$BIN" settings set agency.name 'Aide & Toit'
expect_eq "$(a1 | cut -d, -f5)" \
	"the agency's details are not all set (settings): agency.phone agency.sap_number" \
	"the name set: two left"
expect_exit 0 "$BIN" settings set agency.phone '01 23 45 67 89'
expect_exit 0 "$BIN" settings set agency.sap_number ' '
expect_eq "$(a1 | cut -d, -f5)" \
	"the agency's details are not all set (settings): agency.sap_number" \
	"a blank SAP number is still missing"
expect_exit 0 "$BIN" settings set agency.sap_number 'SAP812345678'
expect_eq "$(a1)" "" "all three set: A1 cleared"
expect_exit 0 "$BIN" audit
expect_stdout_match '^code +finding'
expect_exit 0 "$BIN" settings set agency.phone ''
expect_eq "$(a1 | cut -d, -f1,2)" "A1,agency-details-missing" "the phone emptied again: back"
finish
