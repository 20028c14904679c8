#!/bin/sh
# t_escapes.sh — values a person typed that come back in a message are never written raw to the
# terminal: an escape sequence in a civility, a settings key, a service code, a document number,
# an unknown option or command, a login, a path is shown escaped (\e, \xNN). CSV and values
# written to a file or a pipe stay exact.
. "$(dirname "$0")/lib.sh"

new_agency escapes
esc=$(printf '\033')
red="${esc}[31m"
bell=$(printf '\007')

# stderr has no raw control character, and shows the escape as \e.
no_raw() {
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$T/err"; then
		fail "no raw control character on stderr" "stderr: $(od -c "$T/err" | head -3)"
	else
		ok "no raw control character on stderr"
	fi
}

echo "-- echoed values"
expect_exit 1 "$BIN" client add --name X --civility "Sire$red"
no_raw
expect_stderr_match 'Sire\\e\[31m'
expect_exit 1 "$BIN" settings get "agency.na${red}me"
no_raw
expect_stderr_match 'agency\.na\\e\[31mme'
expect_exit 1 "$BIN" settings set "x${bell}y" 1
no_raw
expect_stderr_match 'x\\x07y'
expect_exit 1 "$BIN" service set "men${red}age" --label x --vat 10 --price 20
no_raw
expect_exit 1 "$BIN" quote show "D2026-${red}0001"
no_raw
expect_stderr_match 'D2026-\\e\[31[mM]0001'
expect_exit 2 "$BIN" "--fo${red}o"
no_raw
expect_stderr_match '\-\-fo\\e\[31mo'
expect_exit 2 "$BIN" "cal${red}l" list
no_raw
expect_stderr_match 'cal\\e\[31ml'
expect_exit 2 "$BIN" call "li${red}st"
no_raw
expect_exit 1 "$BIN" --user "pi${red}rate" call add --caller X
no_raw
expect_stderr_match 'pi\\e\[31mrate'
expect_exit 1 "$BIN" --db "$T/no${red}where/x.db" call list
no_raw
expect_exit 1 "$BIN" import calls "$T/mis${red}sing.csv"
no_raw
expect_stderr_match 'mis\\e\[31msing'

echo "-- exact to a file or a pipe"
expect_exit 0 "$BIN" settings set agency.name "Aide${red}Dom"
"$BIN" settings get agency.name >"$T/v"
expect_eq "$(cat "$T/v")" "Aide${red}Dom" "settings get to a file keeps the value exact"
id=$("$BIN" call add --caller "Mme ${red}Rouge")
"$BIN" call list --csv >"$T/c.csv"
expect_eq "$(csv_get caller id "$id" <"$T/c.csv")" "Mme ${red}Rouge" "CSV to a file keeps the value exact"

echo "-- tables (not CSV) show a stored escape sequence escaped, not as a space"
expect_exit 0 "$BIN" settings list
expect_stdout_match 'Aide\\e\[31mDom'
expect_exit 0 "$BIN" call list
expect_stdout_match 'Mme \\e\[31mRouge'
if LC_ALL=C grep -q "$esc" "$T/out"; then fail "no raw escape in a table"; else ok "no raw escape in a table"; fi

finish
