# t_settings.sh — `charte settings list|get|set`, `charte staff add|list`, `charte history`:
# the fixed keys and their defaults, values that do not parse refused like any bad input,
# roles, and the audit trail (who, when, before, after).
. "$(dirname "$0")/lib.sh"

export CHARTE_NOW='2026-03-20 12:00'
new_agency settings

# settings set KEY VALUE is refused: exit 1, one line naming the key, the value unchanged.
refused() {
	key=$1
	before=$("$BIN" settings get "$key")
	expect_exit 1 "$BIN" settings set "$key" "$2"
	expect_stderr_lines 1
	expect_stderr_match "^charte: $key: "
	expect_eq "$("$BIN" settings get "$key")" "$before" "$key unchanged after '$2'"
}

echo "-- the fixed keys and their defaults"
expect_exit 0 "$BIN" settings list --csv
for key in agency.name agency.address agency.phone agency.sap_number desk.opens desk.closes \
	desk.closed_dates callback.delay_days; do
	if csv_col key <"$T/out" | grep -qx "$key"; then
		ok "settings list has $key"
	else
		fail "settings list has $key"
	fi
done
expect_eq "$(csv_header <"$T/out" | tr '\n' ' ')" 'key value default description ' "settings list --csv columns"
expect_eq "$(csv_get value key desk.opens <"$T/out")" '09:00' "desk.opens listed with its value"
expect_exit 0 "$BIN" settings list
expect_stdout_match '^desk\.opens +09:00'
for pair in 'desk.opens 09:00' 'desk.closes 18:00' 'callback.delay_days 1' 'desk.closed_dates ' \
	'agency.name ' 'agency.phone ' 'agency.address ' 'agency.sap_number '; do
	key=${pair%% *}
	want=${pair#* }
	expect_exit 0 "$BIN" settings get "$key"
	expect_stdout "$want"
done

echo "-- set and get"
expect_exit 0 "$BIN" settings set agency.name 'Aide & Vie — Services à domicile'
expect_stdout ''
expect_exit 0 "$BIN" settings get agency.name
expect_stdout 'Aide & Vie — Services à domicile'
expect_exit 0 "$BIN" settings set agency.address '12 rue de l'"'"'Église, 69001 Lyon'
expect_exit 0 "$BIN" settings get agency.address
expect_stdout "12 rue de l'Église, 69001 Lyon"
expect_exit 0 "$BIN" settings set agency.phone '04 72 00 00 00'
expect_exit 0 "$BIN" settings get agency.phone
expect_stdout '+33472000000'
expect_exit 0 "$BIN" settings set agency.sap_number 'SAP123456789'
expect_exit 0 "$BIN" settings get agency.sap_number
expect_stdout 'SAP123456789'
expect_exit 0 "$BIN" settings set desk.opens 8h30
expect_exit 0 "$BIN" settings get desk.opens
expect_stdout '08:30'
expect_exit 0 "$BIN" settings set desk.closes '17:45'
expect_exit 0 "$BIN" settings get desk.closes
expect_stdout '17:45'
expect_exit 0 "$BIN" settings set desk.closed_dates '2026-05-15, 24/12/2026'
expect_exit 0 "$BIN" settings get desk.closed_dates
expect_stdout '2026-05-15,2026-12-24'
expect_exit 0 "$BIN" settings set callback.delay_days 2
expect_exit 0 "$BIN" settings get callback.delay_days
expect_stdout '2'
expect_exit 0 "$BIN" settings set desk.closed_dates ''
expect_exit 0 "$BIN" settings get desk.closed_dates
expect_stdout ''

echo "-- a value that does not parse is refused, the setting unchanged"
refused desk.opens '25:00'
refused desk.opens 'neuf heures'
refused desk.opens ''
refused desk.closes '18:60'
refused desk.opens '18:00'
refused desk.closes '08:30'
refused desk.closes '08:00'
refused desk.closed_dates '2026-02-30'
refused desk.closed_dates '2026-05-15,demain'
refused desk.closed_dates '31/04/2026'
refused callback.delay_days 0
refused callback.delay_days 11
refused callback.delay_days 'deux'
refused callback.delay_days '1.5'
refused agency.phone '12'
refused agency.name "$(printf 'Caf\351')"
expect_exit 1 "$BIN" settings set no.such.key 1
expect_stderr_lines 1
expect_stderr_match '^charte: key: '
expect_exit 1 "$BIN" settings get no.such.key
expect_stderr_match '^charte: key: '
expect_exit 2 "$BIN" settings set desk.opens
expect_exit 2 "$BIN" settings set
expect_exit 2 "$BIN" settings get
expect_exit 2 "$BIN" settings frobnicate

echo "-- staff and roles"
expect_exit 0 "$BIN" staff add --login zoe --name 'Zoé Martin' --role receptionist
expect_stdout_match '^[0-9]+$'
expect_exit 0 "$BIN" staff add --login paul.b --name 'Paul Bernard' --role coordinator
expect_exit 0 "$BIN" staff add --login ana --name 'Ana Lefèvre' --role manager
expect_exit 0 "$BIN" staff list --csv
expect_eq "$(csv_get role login zoe <"$T/out")" receptionist "zoe is a receptionist"
expect_eq "$(csv_get name login zoe <"$T/out")" 'Zoé Martin' "zoe's name kept exactly"
expect_eq "$(csv_get role login paul.b <"$T/out")" coordinator "paul.b is a coordinator"
expect_eq "$(csv_get role login ana <"$T/out")" manager "ana is a manager"
expect_eq "$(csv_get role login marie <"$T/out")" manager "init made marie a manager"
expect_eq "$(csv_get active login zoe <"$T/out")" 1 "active flag 1"
expect_exit 0 "$BIN" staff list
expect_stdout_match 'Zoé Martin'
expect_exit 1 "$BIN" staff add --login zoe --name 'Autre Zoé' --role manager
expect_stderr_match '^charte: login: '
expect_exit 1 "$BIN" staff add --login 'zo é' --name 'X' --role receptionist
expect_stderr_match '^charte: login: '
expect_exit 1 "$BIN" staff add --login lea --name '  ' --role receptionist
expect_stderr_match '^charte: name: '
expect_exit 1 "$BIN" staff add --login lea --name 'Léa' --role chef
expect_stderr_lines 1
expect_stderr_match '^charte: role: '
expect_exit 2 "$BIN" staff add --login lea --name 'Léa'
expect_exit 2 "$BIN" staff add --login lea --name 'Léa' --role
expect_eq "$("$BIN" staff list --csv | csv_rows)" 4 "refused staff: nobody added"

echo "-- only a manager changes settings and staff; a stranger only reads"
for who in zoe paul.b; do
	expect_exit 1 "$BIN" --user "$who" settings set agency.name 'Pirate'
	expect_stderr_lines 1
	expect_stderr_match 'manager'
	expect_exit 1 "$BIN" --user "$who" staff add --login x --name X --role manager
	expect_stderr_match 'manager'
done
expect_exit 1 "$BIN" --user inconnu settings set agency.name 'Pirate'
expect_stderr_match 'charte staff add --login inconnu'
expect_exit 0 "$BIN" --user inconnu settings get agency.name
expect_stdout 'Aide & Vie — Services à domicile'
expect_exit 0 "$BIN" --user inconnu staff list --csv
expect_exit 0 "$BIN" --user ana settings set agency.sap_number 'SAP987654321'
expect_exit 0 "$BIN" --user zoe call add --caller 'Appel de Zoé'

echo "-- history: who, when, before and after"
expect_exit 0 "$BIN" --now '2026-03-21 09:15' settings set agency.name 'Aide et Vie'
expect_exit 0 "$BIN" --user ana --now '2026-03-22 10:30' settings set agency.name 'Aide & Vie Lyon'
expect_exit 0 "$BIN" history --csv --table settings
expect_eq "$(csv_header <"$T/out" | tr '\n' ' ')" 'id at actor table row_id action changes ' "history --csv columns"
hid=$(csv_col id <"$T/out" | head -n 1)
expect_eq "$(csv_get actor id "$hid" <"$T/out")" ana "history: who (newest first)"
expect_eq "$(csv_get at id "$hid" <"$T/out")" '2026-03-22 10:30' "history: when"
expect_eq "$(csv_get action id "$hid" <"$T/out")" update "history: an update"
expect_eq "$(csv_get changes id "$hid" <"$T/out")" 'Value: Aide et Vie → Aide & Vie Lyon' "history: before → after"
hid2=$(csv_col id <"$T/out" | sed -n 2p)
expect_eq "$(csv_get actor id "$hid2" <"$T/out")" marie "history: the change before, by marie"
expect_eq "$(csv_get changes id "$hid2" <"$T/out")" 'Value: Aide & Vie — Services à domicile → Aide et Vie' "history: its before and after"
expect_exit 0 "$BIN" history --csv --table staff
expect_stdout_match ',marie,staff,[0-9]+,insert,.*Login: zoe'
expect_exit 0 "$BIN" history --csv --table calls
expect_stdout_match ',zoe,calls,[0-9]+,insert,.*Caller: Appel de Zoé'
expect_stdout_match ',zoe,calls,[0-9]+,insert,.*Taken by: Zoé Martin'
expect_exit 0 "$BIN" client add --name Lenoir
cid=$(cat "$T/out")
expect_exit 0 "$BIN" client edit "$cid" --referent zoe
expect_exit 0 "$BIN" history --csv --table clients --limit 1
expect_stdout_match ',marie,clients,[0-9]+,update,Referent: — → Zoé Martin'
expect_exit 0 "$BIN" --user zoe call add --caller 'Mme Lenoir' --client "$cid"
expect_exit 0 "$BIN" client show "$cid"
expect_stdout_match 'from Mme Lenoir, taken by Zoé Martin'
expect_exit 0 "$BIN" history --csv --limit 2
expect_eq "$(csv_rows <"$T/out")" 2 "history --limit 2"
expect_exit 0 "$BIN" history
expect_stdout_match 'actor'
expect_exit 1 "$BIN" history --limit 0
expect_stderr_match '^charte: limit: '
before=$("$BIN" history --csv --limit 1000 | csv_rows)
expect_exit 1 "$BIN" settings set desk.opens '99:99'
expect_eq "$("$BIN" history --csv --limit 1000 | csv_rows)" "$before" "a refused change leaves no history"

echo "-- values that start with '-', lengths, and no raw storage message"
expect_exit 1 "$BIN" settings set quote.threshold -0.01
expect_stderr_lines 1
expect_stderr_match '^charte: quote.threshold: must not be negative'
expect_exit 0 "$BIN" settings set -- ui.language fr
expect_exit 0 "$BIN" settings set ui.language auto
long=$(printf 'a%.0s' $(seq 501))
expect_exit 1 "$BIN" settings set agency.name "$long"
expect_stderr_match '^charte: agency.name: too long \(at most 500 characters\)'
expect_exit 1 "$BIN" staff add --login longname --name "$(printf 'é%.0s' $(seq 201))" --role receptionist
expect_stderr_match '^charte: name: too long \(at most 200 characters\)'
expect_exit 1 "$BIN" --now '2999-12-31 17:00' call add --caller 'Fin du monde' --callback
expect_stderr_lines 1
expect_stderr_match '^charte: due: a date beyond the years this program handles'
if grep -q 'CHECK\|constraint\|GLOB' "$T/err"; then fail "no SQLite words" "$(cat "$T/err")"; else ok "no SQLite words"; fi

finish
