/* schema.c — the schema, one migration per version (PRAGMA user_version), and the audit
 * trail's triggers, made for every audited table from its own columns after each migration. */
#include "dbint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Text shapes the tables insist on. */
#define DATETIME_CHECK(c)                                                                      \
	"(" c " IS NULL OR " c                                                                 \
	" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]')"
#define DATE_CHECK(c) "(" c " IS NULL OR " c " GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"
#define FLAG(c) c " INTEGER NOT NULL DEFAULT 0 CHECK (" c " IN (0, 1))"

/* Version 1: settings, staff, the call log, the audit trail, document counters. */
static const char v1[] =
	"CREATE TABLE settings ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE staff ("
	"  id INTEGER PRIMARY KEY,"
	"  login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 63),"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  role TEXT NOT NULL CHECK (role IN ('receptionist', 'coordinator', 'manager')),"
	"  " FLAG("active") ""
	") STRICT;"
	"CREATE TABLE calls ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL CHECK " DATETIME_CHECK("at") ","
	"  caller TEXT NOT NULL CHECK (length(trim(caller)) > 0),"
	"  phone TEXT CHECK (phone IS NULL OR phone GLOB '+[0-9]*'),"
	"  subject TEXT NOT NULL DEFAULT '',"
	"  taken_by TEXT,"
	"  " FLAG("answered") ","
	"  " FLAG("voicemail") ","
	"  " FLAG("callback") ","
	"  due TEXT CHECK " DATETIME_CHECK("due") ","
	"  called_back_at TEXT CHECK " DATETIME_CHECK("called_back_at") ","
	"  callback_note TEXT,"
	"  " FLAG("documentation") ","
	"  doc_due TEXT CHECK " DATETIME_CHECK("doc_due") ","
	"  doc_sent_at TEXT CHECK " DATETIME_CHECK("doc_sent_at") ","
	"  " FLAG("cancelled") ","
	"  cancel_reason TEXT,"
	"  phone_search TEXT GENERATED ALWAYS AS"
	"    (CASE WHEN phone GLOB '+33*' THEN '0' || substr(phone, 4) ELSE substr(phone, 2) END)"
	"    VIRTUAL,"
	"  CHECK (callback = 1 OR (due IS NULL AND called_back_at IS NULL)),"
	"  CHECK (callback = 0 OR due IS NOT NULL),"
	"  CHECK (documentation = 1 OR doc_sent_at IS NULL),"
	"  CHECK (cancelled = 0 OR coalesce(length(trim(cancel_reason)), 0) > 0)"
	") STRICT;"
	"CREATE INDEX calls_by_time ON calls(at, id);"
	"CREATE INDEX calls_callback_open ON calls(due)"
	"  WHERE callback = 1 AND called_back_at IS NULL AND cancelled = 0;"
	"CREATE INDEX calls_doc_open ON calls(doc_due)"
	"  WHERE documentation = 1 AND doc_sent_at IS NULL AND cancelled = 0;"
	"CREATE INDEX calls_voicemail ON calls(at, id) WHERE voicemail = 1;"
	"CREATE VIRTUAL TABLE calls_fts USING fts5(caller, phone_search, subject,"
	"  content = 'calls', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER calls_fts_ins AFTER INSERT ON calls BEGIN"
	"  INSERT INTO calls_fts(rowid, caller, phone_search, subject)"
	"    VALUES (new.id, new.caller, new.phone_search, new.subject);"
	"END;"
	"CREATE TRIGGER calls_fts_del AFTER DELETE ON calls BEGIN"
	"  INSERT INTO calls_fts(calls_fts, rowid, caller, phone_search, subject)"
	"    VALUES ('delete', old.id, old.caller, old.phone_search, old.subject);"
	"END;"
	"CREATE TRIGGER calls_fts_upd AFTER UPDATE OF caller, phone, subject ON calls BEGIN"
	"  INSERT INTO calls_fts(calls_fts, rowid, caller, phone_search, subject)"
	"    VALUES ('delete', old.id, old.caller, old.phone_search, old.subject);"
	"  INSERT INTO calls_fts(rowid, caller, phone_search, subject)"
	"    VALUES (new.id, new.caller, new.phone_search, new.subject);"
	"END;"
	/* Calls are kept for ever: cancelled, never deleted. */
	"CREATE TRIGGER calls_keep BEFORE DELETE ON calls BEGIN"
	"  SELECT RAISE(ABORT, 'calls are never deleted: cancel them');"
	"END;"
	"CREATE TABLE history ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  tbl TEXT NOT NULL,"
	"  row_id INTEGER NOT NULL,"
	"  action TEXT NOT NULL,"
	"  before TEXT,"
	"  after TEXT"
	") STRICT;"
	"CREATE INDEX history_by_row ON history(tbl, row_id, id);"
	"CREATE TABLE counters ("
	"  series TEXT NOT NULL,"
	"  year INTEGER NOT NULL,"
	"  last INTEGER NOT NULL,"
	"  PRIMARY KEY (series, year)"
	") STRICT, WITHOUT ROWID;";


/* Version 2: client files and their needs analysis; calls linked to clients. */
static const char v2[] =
	"CREATE TABLE clients ("
	"  id INTEGER PRIMARY KEY,"
	"  civility TEXT NOT NULL DEFAULT '',"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  first_name TEXT NOT NULL DEFAULT '',"
	"  address TEXT NOT NULL DEFAULT '',"
	"  phone TEXT CHECK (phone IS NULL OR phone GLOB '+[0-9]*'),"
	"  phone2 TEXT CHECK (phone2 IS NULL OR phone2 GLOB '+[0-9]*'),"
	"  email TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'prospect' CHECK (status IN ('prospect', 'active', 'former')),"
	"  referent TEXT REFERENCES staff(login),"
	"  instructions TEXT NOT NULL DEFAULT '',"
	"  forbidden_zones TEXT NOT NULL DEFAULT '',"
	"  " FLAG("wants_quote") ","
	"  notes TEXT NOT NULL DEFAULT '',"
	"  created_at TEXT NOT NULL CHECK " DATETIME_CHECK("created_at") ","
	/* name and first name folded to lower-case ASCII by the program ("Émile" -> "emile"),
	 * so that lists sort as people read them: SQLite's own collations are ASCII only. */
	"  name_key TEXT NOT NULL,"
	"  first_key TEXT NOT NULL,"
	"  phone_search TEXT GENERATED ALWAYS AS (trim("
	"    coalesce(CASE WHEN phone GLOB '+33*' THEN '0' || substr(phone, 4) ELSE substr(phone, 2) END, '')"
	"    || ' ' ||"
	"    coalesce(CASE WHEN phone2 GLOB '+33*' THEN '0' || substr(phone2, 4) ELSE substr(phone2, 2) END, '')"
	"  )) VIRTUAL"
	") STRICT;"
	"CREATE INDEX clients_by_name ON clients(name_key, first_key, id);"
	"CREATE INDEX clients_by_phone ON clients(phone) WHERE phone IS NOT NULL;"
	"CREATE INDEX clients_by_phone2 ON clients(phone2) WHERE phone2 IS NOT NULL;"
	"CREATE INDEX clients_by_status ON clients(status, name_key, first_key, id);"
	"CREATE INDEX clients_by_referent ON clients(referent, name_key, first_key, id)"
	"  WHERE referent IS NOT NULL;"
	/* referent-missing (db/findings.c) reads the few active files with no referent. */
	"CREATE INDEX clients_no_referent ON clients(status, id) WHERE referent IS NULL;"
	/* Client files are kept (DESIGN.md): a former client is marked, not deleted. */
	"CREATE TRIGGER clients_keep BEFORE DELETE ON clients BEGIN"
	"  SELECT RAISE(ABORT, 'client files are never deleted: mark the client as former');"
	"END;"
	"CREATE VIRTUAL TABLE clients_fts USING fts5(name, first_name, phone_search,"
	"  content = 'clients', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER clients_fts_ins AFTER INSERT ON clients BEGIN"
	"  INSERT INTO clients_fts(rowid, name, first_name, phone_search)"
	"    VALUES (new.id, new.name, new.first_name, new.phone_search);"
	"END;"
	"CREATE TRIGGER clients_fts_del AFTER DELETE ON clients BEGIN"
	"  INSERT INTO clients_fts(clients_fts, rowid, name, first_name, phone_search)"
	"    VALUES ('delete', old.id, old.name, old.first_name, old.phone_search);"
	"END;"
	"CREATE TRIGGER clients_fts_upd AFTER UPDATE OF name, first_name, phone, phone2 ON clients BEGIN"
	"  INSERT INTO clients_fts(clients_fts, rowid, name, first_name, phone_search)"
	"    VALUES ('delete', old.id, old.name, old.first_name, old.phone_search);"
	"  INSERT INTO clients_fts(rowid, name, first_name, phone_search)"
	"    VALUES (new.id, new.name, new.first_name, new.phone_search);"
	"END;"
	"CREATE TABLE needs ("
	"  client_id INTEGER PRIMARY KEY REFERENCES clients(id),"
	"  services TEXT NOT NULL CHECK (length(trim(services)) > 0),"
	"  hours_per_week INTEGER NOT NULL CHECK (hours_per_week >= 0),"
	"  days_times TEXT NOT NULL DEFAULT '',"
	"  constraints TEXT NOT NULL DEFAULT '',"
	"  autonomy TEXT NOT NULL DEFAULT '',"
	"  household TEXT NOT NULL DEFAULT '',"
	"  notes TEXT NOT NULL DEFAULT '',"
	"  analysed_by TEXT NOT NULL CHECK (length(analysed_by) > 0),"
	"  analysed_on TEXT NOT NULL CHECK " DATE_CHECK("analysed_on") ""
	") STRICT;"
	"ALTER TABLE calls ADD COLUMN client_id INTEGER REFERENCES clients(id);"
	"CREATE INDEX calls_by_client ON calls(client_id, at) WHERE client_id IS NOT NULL;";

/* Version 3: the service catalogue, quotes and their lines, contracts and their weekly slots.
 * Amounts in cents, quantities and hours in hundredths, VAT rates in hundredths of a percent
 * (R2). Quotes and contracts are never deleted; only a draft's lines and slots are; a sent quote
 * and a signed contract keep what the client was given. */
#define DATE_NN(c) "TEXT NOT NULL CHECK (" c " GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"
#define HHMM(c) "TEXT NOT NULL CHECK (" c " GLOB '[0-2][0-9]:[0-5][0-9]')"
#define IS_CHANGED(c) "new." c " IS NOT old." c
/* The columns of contract_slots as version 3 makes them; version 11 makes the table again with
 * these and two more. */
#define SLOT_COLUMNS_V3                                                                            \
	"  id INTEGER PRIMARY KEY,"                                                                \
	"  contract_id INTEGER NOT NULL REFERENCES contracts(id),"                                 \
	"  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"                              \
	"  starts " HHMM("starts") ","                                                             \
	"  ends " HHMM("ends") ","                                                                 \
	"  service_code TEXT REFERENCES services(code),"
static const char v3[] =
	"CREATE TABLE services ("
	"  code TEXT PRIMARY KEY"
	"    CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^a-z0-9-]*'),"
	"  label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
	"  vat_rate INTEGER NOT NULL CHECK (vat_rate BETWEEN 0 AND 10000),"
	"  unit TEXT NOT NULL CHECK (unit IN ('hour', 'flat')),"
	"  price INTEGER NOT NULL CHECK (price >= 0),"
	"  " FLAG("essential") ","
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
	") STRICT;"
	"CREATE TRIGGER services_keep BEFORE DELETE ON services BEGIN"
	"  SELECT RAISE(ABORT, 'services are never deleted: retire them');"
	"END;"
	"CREATE TABLE quotes ("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT NOT NULL UNIQUE"
	"    CHECK (number GLOB 'D[12][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'),"
	"  client_id INTEGER NOT NULL REFERENCES clients(id),"
	"  date " DATE_NN("date") ","
	"  valid_until " DATE_NN("valid_until") ","
	"  status TEXT NOT NULL DEFAULT 'draft'"
	"    CHECK (status IN ('draft', 'sent', 'accepted', 'refused')),"
	"  sent_on TEXT CHECK " DATE_CHECK("sent_on") ","
	"  accepted_on TEXT CHECK " DATE_CHECK("accepted_on") ","
	"  refused_on TEXT CHECK " DATE_CHECK("refused_on") ","
	"  total_excl INTEGER NOT NULL DEFAULT 0,"
	"  total_vat INTEGER NOT NULL DEFAULT 0,"
	"  total_incl INTEGER NOT NULL DEFAULT 0,"
	"  notes TEXT NOT NULL DEFAULT '',"
	"  created_by TEXT NOT NULL,"
	"  CHECK (substr(number, 2, 4) = substr(date, 1, 4)),"
	"  CHECK (valid_until >= date),"
	"  CHECK (total_incl = total_excl + total_vat),"
	"  CHECK ((status = 'draft') = (sent_on IS NULL)),"
	"  CHECK ((status = 'accepted') = (accepted_on IS NOT NULL)),"
	"  CHECK ((status = 'refused') = (refused_on IS NOT NULL)),"
	"  CHECK (sent_on IS NULL OR sent_on >= date),"
	"  CHECK (accepted_on IS NULL OR accepted_on >= sent_on),"
	"  CHECK (refused_on IS NULL OR refused_on >= sent_on)"
	") STRICT;"
	"CREATE INDEX quotes_by_date ON quotes(date, id);"
	"CREATE INDEX quotes_by_status ON quotes(status, date, id);"
	"CREATE INDEX quotes_by_client ON quotes(client_id, date, id);"
	"CREATE INDEX quotes_given ON quotes(client_id, sent_on)"
	"  WHERE status IN ('sent', 'accepted');"
	"CREATE INDEX quotes_sent_until ON quotes(valid_until) WHERE status = 'sent';"
	"CREATE TRIGGER quotes_keep BEFORE DELETE ON quotes BEGIN"
	"  SELECT RAISE(ABORT, 'quotes are never deleted: refuse them');"
	"END;"
	"CREATE TRIGGER quotes_frozen BEFORE UPDATE ON quotes WHEN old.status <> 'draft' AND ("
	"  new.status = 'draft' OR " IS_CHANGED("number") " OR " IS_CHANGED("client_id") " OR "
	IS_CHANGED("date") " OR " IS_CHANGED("valid_until") " OR " IS_CHANGED("sent_on") " OR "
	IS_CHANGED("total_excl") " OR " IS_CHANGED("total_vat") " OR " IS_CHANGED("total_incl")
	" OR " IS_CHANGED("notes") ") BEGIN"
	"  SELECT RAISE(ABORT, 'a sent quote cannot change: make a new quote');"
	"END;"
	"CREATE TABLE quote_lines ("
	"  id INTEGER PRIMARY KEY,"
	"  quote_id INTEGER NOT NULL REFERENCES quotes(id),"
	"  position INTEGER NOT NULL CHECK (position >= 1),"
	"  service_code TEXT REFERENCES services(code),"
	"  label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
	"  unit TEXT NOT NULL DEFAULT 'hour' CHECK (unit IN ('hour', 'flat')),"
	"  qty INTEGER NOT NULL CHECK (qty > 0),"
	"  unit_price INTEGER NOT NULL,"
	"  vat_rate INTEGER NOT NULL CHECK (vat_rate BETWEEN 0 AND 10000),"
	"  amount_excl INTEGER NOT NULL,"
	"  vat INTEGER NOT NULL,"
	"  UNIQUE (quote_id, position)"
	") STRICT;"
	"CREATE TRIGGER quote_lines_add BEFORE INSERT ON quote_lines"
	"  WHEN (SELECT status FROM quotes WHERE id = new.quote_id) IS NOT 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'a sent quote cannot change: make a new quote');"
	"END;"
	"CREATE TRIGGER quote_lines_frozen BEFORE UPDATE ON quote_lines"
	"  WHEN (SELECT status FROM quotes WHERE id = old.quote_id) IS NOT 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'a sent quote cannot change: make a new quote');"
	"END;"
	"CREATE TRIGGER quote_lines_keep BEFORE DELETE ON quote_lines"
	"  WHEN (SELECT status FROM quotes WHERE id = old.quote_id) IS NOT 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'the lines of a sent quote are never deleted');"
	"END;"
	"CREATE TABLE contracts ("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT NOT NULL UNIQUE"
	"    CHECK (number GLOB 'C[12][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'),"
	"  client_id INTEGER NOT NULL REFERENCES clients(id),"
	"  quote_id INTEGER REFERENCES quotes(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('recurring', 'one-off')),"
	"  date " DATE_NN("date") ","
	"  start " DATE_NN("start") ","
	"  hourly_price_excl INTEGER NOT NULL CHECK (hourly_price_excl >= 0),"
	"  vat_rate INTEGER NOT NULL CHECK (vat_rate BETWEEN 0 AND 10000),"
	"  hours INTEGER NOT NULL CHECK (hours >= 0),"
	"  skills TEXT NOT NULL DEFAULT '',"
	"  signed_on TEXT CHECK " DATE_CHECK("signed_on") ","
	"  " FLAG("at_agency") ","
	"  " FLAG("express_start") ","
	"  withdrawal_end TEXT CHECK " DATE_CHECK("withdrawal_end") ","
	"  notice_on TEXT CHECK " DATE_CHECK("notice_on") ","
	"  ended_on TEXT CHECK " DATE_CHECK("ended_on") ","
	"  withdrawn_on TEXT CHECK " DATE_CHECK("withdrawn_on") ","
	"  status TEXT NOT NULL DEFAULT 'draft'"
	"    CHECK (status IN ('draft', 'signed', 'active', 'ended', 'withdrawn')),"
	"  monthly_incl INTEGER NOT NULL DEFAULT 0 CHECK (monthly_incl >= 0),"
	"  created_by TEXT NOT NULL,"
	"  CHECK (substr(number, 2, 4) = substr(date, 1, 4)),"
	"  CHECK (status IN ('draft', 'ended') OR signed_on IS NOT NULL),"
	"  CHECK (status <> 'draft' OR (signed_on IS NULL AND notice_on IS NULL)),"
	"  CHECK ((status = 'withdrawn') = (withdrawn_on IS NOT NULL)),"
	"  CHECK ((status = 'ended') = (ended_on IS NOT NULL)),"
	"  CHECK ((notice_on IS NULL) = (ended_on IS NULL)),"
	"  CHECK (ended_on IS NULL OR ended_on >= notice_on),"
	"  CHECK (withdrawal_end IS NULL OR (signed_on IS NOT NULL AND at_agency = 0"
	"         AND withdrawal_end > signed_on)),"
	"  CHECK (withdrawn_on IS NULL OR (withdrawn_on >= signed_on AND withdrawn_on <= withdrawal_end))"
	") STRICT;"
	"CREATE INDEX contracts_by_date ON contracts(date, id);"
	"CREATE INDEX contracts_by_status ON contracts(status, date, id);"
	"CREATE INDEX contracts_by_client ON contracts(client_id, date, id);"
	"CREATE INDEX contracts_by_quote ON contracts(quote_id) WHERE quote_id IS NOT NULL;"
	/* The findings' own orders (db/findings.c). */
	"CREATE INDEX contracts_signed ON contracts(signed_on)"
	"  WHERE signed_on IS NOT NULL AND status <> 'withdrawn';"
	"CREATE INDEX contracts_unsigned ON contracts(start)"
	"  WHERE kind = 'recurring' AND signed_on IS NULL AND status NOT IN ('withdrawn', 'ended');"
	"CREATE TRIGGER contracts_keep BEFORE DELETE ON contracts BEGIN"
	"  SELECT RAISE(ABORT, 'contracts are never deleted: end them');"
	"END;"
	"CREATE TRIGGER contracts_frozen BEFORE UPDATE ON contracts WHEN old.status <> 'draft' AND ("
	"  new.status = 'draft' OR old.status IN ('ended', 'withdrawn') AND new.status <> old.status"
	"  OR " IS_CHANGED("number") " OR " IS_CHANGED("client_id") " OR " IS_CHANGED("quote_id")
	" OR " IS_CHANGED("kind") " OR " IS_CHANGED("date") " OR " IS_CHANGED("start") " OR "
	IS_CHANGED("hourly_price_excl") " OR " IS_CHANGED("vat_rate") " OR " IS_CHANGED("hours")
	" OR " IS_CHANGED("signed_on") " OR " IS_CHANGED("at_agency") " OR "
	IS_CHANGED("withdrawal_end") " OR " IS_CHANGED("monthly_incl") ") BEGIN"
	"  SELECT RAISE(ABORT, 'a signed contract cannot change: make a new contract');"
	"END;"
	"CREATE TABLE contract_slots ("
	SLOT_COLUMNS_V3
	"  CHECK (ends > starts)"
	") STRICT;"
	"CREATE INDEX contract_slots_by_contract ON contract_slots(contract_id, weekday, starts);"
	"CREATE TRIGGER contract_slots_add BEFORE INSERT ON contract_slots"
	"  WHEN (SELECT status FROM contracts WHERE id = new.contract_id) IS NOT 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'a signed contract cannot change: make a new contract');"
	"END;"
	"CREATE TRIGGER contract_slots_frozen BEFORE UPDATE ON contract_slots"
	"  WHEN (SELECT status FROM contracts WHERE id = old.contract_id) IS NOT 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'a signed contract cannot change: make a new contract');"
	"END;"
	"CREATE TRIGGER contract_slots_keep BEFORE DELETE ON contract_slots"
	"  WHEN (SELECT status FROM contracts WHERE id = old.contract_id) IS NOT 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'the schedule of a signed contract is never deleted');"
	"END;";
#undef DATE_NN
#undef HHMM
#undef IS_CHANGED

/* Version 4: speed as a person feels it.
 * - The Open (and Overdue) and Documentation filters of the call log page through partial
 *   indexes ordered like the list, (at, id), rather than through every call by time.
 * - Search as you type answers a one- or two-letter prefix from FTS5 prefix indexes instead of
 *   merging every word that starts with it (a one-letter search on a million calls took about
 *   200 ms; rebuilding the index is a one-off of some seconds per million calls).
 * - The charter's findings are kept in the file between changes (findings_kept).
 * (From this build on, the audit trail's triggers are also part of the file, made again after
 * every migration: see audit_install.) */
static const char v4[] =
	"CREATE INDEX calls_open_by_time ON calls(at, id)"
	"  WHERE callback = 1 AND called_back_at IS NULL AND cancelled = 0;"
	"CREATE INDEX calls_doc_by_time ON calls(at, id)"
	"  WHERE documentation = 1 AND doc_sent_at IS NULL AND cancelled = 0;"
	"DROP TABLE calls_fts;"
	"CREATE VIRTUAL TABLE calls_fts USING fts5(caller, phone_search, subject,"
	"  content = 'calls', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2',"
	"  prefix = '1 2');"
	"INSERT INTO calls_fts(calls_fts) VALUES ('rebuild');"
	"DROP TABLE clients_fts;"
	"CREATE VIRTUAL TABLE clients_fts USING fts5(name, first_name, phone_search,"
	"  content = 'clients', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2',"
	"  prefix = '1 2');"
	"INSERT INTO clients_fts(clients_fts) VALUES ('rebuild');"
	/* The charter findings as last found, with the change stamp of the tables they read
	 * (db_changes) and the day they were found for: the first screen of every desk shows them
	 * at once until one of those tables changes. A cache: written outside any user's action,
	 * when the file is free. */
	"CREATE TABLE findings_kept ("
	"  slug TEXT PRIMARY KEY,"
	"  stamp INTEGER NOT NULL,"
	"  asof TEXT," /* the day of a rule that moves with it, else NULL */
	"  total INTEGER NOT NULL"
	") STRICT;"
	"CREATE TABLE findings_kept_rows ("
	"  slug TEXT NOT NULL REFERENCES findings_kept(slug) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL,"
	"  row_id INTEGER NOT NULL,"
	"  shown TEXT NOT NULL,"
	"  a TEXT NOT NULL, b TEXT NOT NULL, c TEXT NOT NULL,"
	"  PRIMARY KEY (slug, pos)"
	") STRICT, WITHOUT ROWID;";

/* Version 5: calls logged before their client's file existed are found by their number. */
static const char v5[] =
	"CREATE INDEX calls_unlinked_by_phone ON calls(phone) WHERE client_id IS NULL;";

/* Version 6: a contract has one line per service (issue 7): service or free label, hours per week
 * (recurring) or quantity (one-off), hourly price excl. VAT, VAT rate; each weekly slot names
 * one of its lines. Every contract stored so far becomes one line keeping its figures; its old
 * columns stay, holding the first line's price and rate and the lines' hours summed. The line
 * of an old contract takes the service its slots name when they name only one, else it is
 * labelled "Prestation" (the catalogue's labels are French too). */
static const char v6[] =
	"CREATE TABLE contract_lines ("
	"  id INTEGER PRIMARY KEY,"
	"  contract_id INTEGER NOT NULL REFERENCES contracts(id),"
	"  position INTEGER NOT NULL CHECK (position >= 1),"
	"  service_code TEXT REFERENCES services(code),"
	"  label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
	"  hours INTEGER NOT NULL CHECK (hours >= 0),"
	"  hourly_price_excl INTEGER NOT NULL CHECK (hourly_price_excl >= 0),"
	"  vat_rate INTEGER NOT NULL CHECK (vat_rate BETWEEN 0 AND 10000),"
	"  UNIQUE (contract_id, position),"
	"  UNIQUE (contract_id, service_code)"
	") STRICT;"
	"INSERT INTO contract_lines(contract_id, position, service_code, label, hours,"
	"    hourly_price_excl, vat_rate)"
	"  SELECT k.id, 1, o.code, coalesce(sv.label, 'Prestation'), k.hours,"
	"    k.hourly_price_excl, k.vat_rate"
	"  FROM contracts k"
	"  LEFT JOIN (SELECT contract_id, max(service_code) AS code FROM contract_slots"
	"             GROUP BY contract_id"
	"             HAVING count(DISTINCT service_code) = 1 AND count(service_code) = count(*)) o"
	"    ON o.contract_id = k.id"
	"  LEFT JOIN services sv ON sv.code = o.code;"
	"ALTER TABLE contract_slots ADD COLUMN line_id INTEGER REFERENCES contract_lines(id);"
	/* The slots of a signed contract are frozen by a trigger: lifted for this one update. */
	"DROP TRIGGER contract_slots_frozen;"
	"UPDATE contract_slots SET line_id ="
	"  (SELECT l.id FROM contract_lines l WHERE l.contract_id = contract_slots.contract_id);"
	"CREATE TRIGGER contract_slots_frozen BEFORE UPDATE ON contract_slots"
	"  WHEN (SELECT status FROM contracts WHERE id = old.contract_id) IS NOT 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'a signed contract cannot change: make a new contract');"
	"END;"
	/* Made after the lines of the contracts already signed. */
	"CREATE TRIGGER contract_lines_add BEFORE INSERT ON contract_lines"
	"  WHEN (SELECT status FROM contracts WHERE id = new.contract_id) IS NOT 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'a signed contract cannot change: make a new contract');"
	"END;"
	"CREATE TRIGGER contract_lines_frozen BEFORE UPDATE ON contract_lines"
	"  WHEN (SELECT status FROM contracts WHERE id = old.contract_id) IS NOT 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'a signed contract cannot change: make a new contract');"
	"END;"
	"CREATE TRIGGER contract_lines_keep BEFORE DELETE ON contract_lines"
	"  WHEN (SELECT status FROM contracts WHERE id = old.contract_id) IS NOT 'draft' BEGIN"
	"  SELECT RAISE(ABORT, 'the lines of a signed contract are never deleted');"
	"END;"
	"CREATE INDEX contract_slots_by_line ON contract_slots(line_id);";

/* Version 7: a callback tried with no answer is kept (when, a note, who); the callback stays
 * open. Kept for ever, like the calls. */
static const char v7[] =
	"CREATE TABLE call_attempts ("
	"  id INTEGER PRIMARY KEY,"
	"  call_id INTEGER NOT NULL REFERENCES calls(id),"
	"  at TEXT NOT NULL CHECK " DATETIME_CHECK("at") ","
	"  note TEXT NOT NULL DEFAULT '',"
	"  by TEXT"
	") STRICT;"
	"CREATE INDEX call_attempts_by_call ON call_attempts(call_id, at, id);"
	"CREATE TRIGGER call_attempts_keep BEFORE DELETE ON call_attempts BEGIN"
	"  SELECT RAISE(ABORT, 'callback attempts are never deleted');"
	"END;";

/* Version 8: the worker file (issue 8, I4-I7): identity, matricule and badge (each unique when
 * given), skills as codes, weekly availability, the written selection procedure and each step
 * a worker went through, the ethics and commitments signatures, and the documents the agency
 * keeps (CV, ID copy, criminal record extract with its issue date, others). A document's scanned
 * file is kept apart, in a table the audit trail does not copy (a blob is no history), and read
 * only when asked for. The selection procedure and the skills start as the agency's defaults
 * (data/selection-steps.csv, data/skills.csv: `charte init` loads them again, so that an
 * agency made later starts from the files as edited). */
#define DATE_NN(c) "TEXT NOT NULL CHECK (" c " GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"
#define HHMM(c) "TEXT NOT NULL CHECK (" c " GLOB '[0-2][0-9]:[0-5][0-9]')"
#define CODE_CHECK(c) "CHECK (length(" c ") BETWEEN 1 AND 32 AND " c " NOT GLOB '*[^a-z0-9-]*')"
static const char v8[] =
	"CREATE TABLE skills ("
	"  code TEXT PRIMARY KEY " CODE_CHECK("code") ","
	"  label TEXT NOT NULL CHECK (length(trim(label)) > 0)"
	") STRICT;"
	"CREATE TABLE selection_steps ("
	"  code TEXT PRIMARY KEY " CODE_CHECK("code") ","
	"  label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
	"  position INTEGER NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
	") STRICT;"
	"INSERT INTO selection_steps(code, label, position) VALUES"
	"  ('application', 'Candidature reçue (lettre et CV)', 1),"
	"  ('interview', 'Entretien de recrutement', 2),"
	"  ('references', 'Références vérifiées', 3),"
	"  ('criminal-record', 'Extrait de casier judiciaire (bulletin n°3) vérifié', 4),"
	"  ('induction', 'Accueil et présentation de la charte', 5);"
	"INSERT INTO skills(code, label) SELECT code, label FROM services;"
	"INSERT OR IGNORE INTO skills(code, label) VALUES"
	"  ('transferts', 'Aide aux transferts (lit, fauteuil)'),"
	"  ('permis', 'Permis de conduire B'),"
	"  ('vehicule', 'Véhicule personnel'),"
	"  ('premiers-secours', 'Premiers secours (PSC1 ou SST)'),"
	"  ('alzheimer', 'Accompagnement de personnes atteintes de troubles cognitifs');"
	"CREATE TABLE workers ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  name_key TEXT NOT NULL,"
	"  matricule TEXT UNIQUE CHECK (matricule IS NULL OR length(trim(matricule)) > 0),"
	"  badge TEXT UNIQUE CHECK (badge IS NULL OR length(trim(badge)) > 0),"
	"  phone TEXT CHECK (phone IS NULL OR phone GLOB '+[0-9]*'),"
	"  skills TEXT NOT NULL DEFAULT '',"
	"  hired_on TEXT CHECK " DATE_CHECK("hired_on") ","
	"  status TEXT NOT NULL DEFAULT 'candidate'"
	"    CHECK (status IN ('candidate', 'active', 'left')),"
	"  notes TEXT NOT NULL DEFAULT '',"
	"  ethics_signed_on TEXT CHECK " DATE_CHECK("ethics_signed_on") ","
	"  commitments_signed_on TEXT CHECK " DATE_CHECK("commitments_signed_on") ","
	"  created_at TEXT NOT NULL CHECK " DATETIME_CHECK("created_at") ","
	"  phone_search TEXT GENERATED ALWAYS AS"
	"    (CASE WHEN phone GLOB '+33*' THEN '0' || substr(phone, 4) ELSE substr(phone, 2) END)"
	"    VIRTUAL"
	") STRICT;"
	"CREATE INDEX workers_by_name ON workers(name_key, id);"
	"CREATE INDEX workers_by_status ON workers(status, name_key, id);"
	/* badge-missing (db/workers.c) reads the few active workers without one. */
	"CREATE INDEX workers_no_badge ON workers(status, id) WHERE badge IS NULL;"
	"CREATE TRIGGER workers_keep BEFORE DELETE ON workers BEGIN"
	"  SELECT RAISE(ABORT, 'worker files are never deleted: mark the worker as left');"
	"END;"
	"CREATE VIRTUAL TABLE workers_fts USING fts5(name, matricule, badge, phone_search,"
	"  content = 'workers', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2',"
	"  prefix = '1 2');"
	"CREATE TRIGGER workers_fts_ins AFTER INSERT ON workers BEGIN"
	"  INSERT INTO workers_fts(rowid, name, matricule, badge, phone_search)"
	"    VALUES (new.id, new.name, new.matricule, new.badge, new.phone_search);"
	"END;"
	"CREATE TRIGGER workers_fts_del AFTER DELETE ON workers BEGIN"
	"  INSERT INTO workers_fts(workers_fts, rowid, name, matricule, badge, phone_search)"
	"    VALUES ('delete', old.id, old.name, old.matricule, old.badge, old.phone_search);"
	"END;"
	"CREATE TRIGGER workers_fts_upd AFTER UPDATE OF name, matricule, badge, phone ON workers"
	"  BEGIN"
	"  INSERT INTO workers_fts(workers_fts, rowid, name, matricule, badge, phone_search)"
	"    VALUES ('delete', old.id, old.name, old.matricule, old.badge, old.phone_search);"
	"  INSERT INTO workers_fts(rowid, name, matricule, badge, phone_search)"
	"    VALUES (new.id, new.name, new.matricule, new.badge, new.phone_search);"
	"END;"
	"CREATE TABLE worker_availability ("
	"  id INTEGER PRIMARY KEY,"
	"  worker_id INTEGER NOT NULL REFERENCES workers(id),"
	"  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
	"  starts " HHMM("starts") ","
	"  ends " HHMM("ends") ","
	"  CHECK (ends > starts)"
	") STRICT;"
	"CREATE INDEX worker_availability_by_worker ON worker_availability(worker_id, weekday, starts);"
	"CREATE TABLE worker_steps ("
	"  worker_id INTEGER NOT NULL REFERENCES workers(id),"
	"  step TEXT NOT NULL REFERENCES selection_steps(code),"
	"  done_on " DATE_NN("done_on") ","
	"  done_by TEXT NOT NULL CHECK (length(done_by) > 0),"
	"  PRIMARY KEY (worker_id, step)"
	") STRICT;"
	"CREATE TABLE worker_documents ("
	"  id INTEGER PRIMARY KEY,"
	"  worker_id INTEGER NOT NULL REFERENCES workers(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('cv', 'id', 'criminal-record', 'other')),"
	"  dated " DATE_NN("dated") ","
	"  issued_on TEXT CHECK " DATE_CHECK("issued_on") ","
	"  note TEXT NOT NULL DEFAULT '',"
	"  file_name TEXT,"
	"  file_size INTEGER NOT NULL DEFAULT 0 CHECK (file_size >= 0),"
	"  added_by TEXT NOT NULL,"
	"  CHECK ((kind = 'criminal-record') = (issued_on IS NOT NULL)),"
	"  CHECK (issued_on IS NULL OR issued_on <= dated),"
	"  CHECK ((file_name IS NULL) = (file_size = 0))"
	") STRICT;"
	"CREATE INDEX worker_documents_by_worker ON worker_documents(worker_id, kind, dated);"
	/* What the agency was given is kept: a document is never deleted, nor its file. */
	"CREATE TRIGGER worker_documents_keep BEFORE DELETE ON worker_documents BEGIN"
	"  SELECT RAISE(ABORT, 'worker documents are never deleted');"
	"END;"
	"CREATE TABLE worker_document_files ("
	"  document_id INTEGER PRIMARY KEY REFERENCES worker_documents(id),"
	"  content BLOB NOT NULL"
	") STRICT;";
#undef DATE_NN
#undef HHMM
#undef CODE_CHECK

/* Version 9: the annual satisfaction survey (S6). A campaign per year keeps its own copy of
 * the questionnaire (data/survey.csv as it was when it opened) and the clients it asks, each
 * with their answers once they came back: one digit per question, 1 very satisfied .. 4 very
 * dissatisfied, 5 no opinion. One client's answers are one row, replaced whole when corrected.
 * Kept for ever; a published campaign no longer changes. Reads only v1-v3 tables. */
static const char v9[] =
	"CREATE TABLE survey_campaigns ("
	"  year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),"
	"  opened_on TEXT NOT NULL CHECK " DATE_CHECK("opened_on") ","
	"  opened_by TEXT NOT NULL,"
	"  published_on TEXT CHECK " DATE_CHECK("published_on") ","
	"  published_by TEXT,"
	"  CHECK ((published_on IS NULL) = (published_by IS NULL)),"
	"  CHECK (published_on IS NULL OR published_on >= opened_on)"
	") STRICT;"
	"CREATE TRIGGER survey_campaigns_keep BEFORE DELETE ON survey_campaigns BEGIN"
	"  SELECT RAISE(ABORT, 'survey campaigns are never deleted');"
	"END;"
	"CREATE TRIGGER survey_campaigns_frozen BEFORE UPDATE ON survey_campaigns"
	"  WHEN old.published_on IS NOT NULL BEGIN"
	"  SELECT RAISE(ABORT, 'a published survey no longer changes');"
	"END;"
	"CREATE TABLE survey_questions ("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL REFERENCES survey_campaigns(year),"
	"  position INTEGER NOT NULL CHECK (position >= 1),"
	"  code TEXT NOT NULL"
	"    CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^a-z0-9-]*'),"
	"  text_fr TEXT NOT NULL CHECK (length(trim(text_fr)) > 0),"
	"  text_en TEXT NOT NULL CHECK (length(trim(text_en)) > 0),"
	"  UNIQUE (year, position),"
	"  UNIQUE (year, code)"
	") STRICT;"
	"CREATE TRIGGER survey_questions_frozen BEFORE UPDATE ON survey_questions BEGIN"
	"  SELECT RAISE(ABORT, 'the questions of a survey campaign never change');"
	"END;"
	"CREATE TRIGGER survey_questions_keep BEFORE DELETE ON survey_questions BEGIN"
	"  SELECT RAISE(ABORT, 'the questions of a survey campaign never change');"
	"END;"
	"CREATE TABLE survey_clients ("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL REFERENCES survey_campaigns(year),"
	"  client_id INTEGER NOT NULL REFERENCES clients(id),"
	"  answers TEXT CHECK (answers IS NULL OR"
	"    (length(answers) BETWEEN 1 AND 99 AND answers NOT GLOB '*[^1-5]*')),"
	"  comment TEXT NOT NULL DEFAULT '',"
	"  entered_by TEXT,"
	"  entered_at TEXT CHECK " DATETIME_CHECK("entered_at") ","
	"  CHECK ((answers IS NULL) = (entered_at IS NULL)),"
	"  UNIQUE (year, client_id)"
	") STRICT;"
	"CREATE INDEX survey_clients_by_client ON survey_clients(client_id, year);"
	"CREATE INDEX survey_clients_answered ON survey_clients(year, id) WHERE answers IS NOT NULL;"
	"CREATE TRIGGER survey_clients_keep BEFORE DELETE ON survey_clients BEGIN"
	"  SELECT RAISE(ABORT, 'the clients asked by a survey are never removed');"
	"END;"
	"CREATE TRIGGER survey_clients_add BEFORE INSERT ON survey_clients"
	"  WHEN (SELECT published_on FROM survey_campaigns WHERE year = new.year) IS NOT NULL BEGIN"
	"  SELECT RAISE(ABORT, 'a published survey no longer changes');"
	"END;"
	"CREATE TRIGGER survey_clients_frozen BEFORE UPDATE ON survey_clients"
	"  WHEN (SELECT published_on FROM survey_campaigns WHERE year = old.year) IS NOT NULL BEGIN"
	"  SELECT RAISE(ABORT, 'a published survey no longer changes');"
	"END;";

/* Version 10: complaints and anomalies (S5), action plans for recurring problems (S7, R7). A
 * complaint is received on a day through a channel, about a client and maybe a worker, in a
 * category of data/complaint-categories.csv; an anomaly is one the agency noticed itself. It is
 * followed by dated actions, answered, closed; never deleted. An action plan answers complaints
 * (plan_complaints), states the cause found and has actions, each with an owner and a due date,
 * done on a day; it is closed once they are done. The R7 window reads complaints by their day
 * (complaints_by_day, covering the category and the worker); the overdue finding reads the few
 * that are not closed (complaints_unclosed). */
#define DAY_NN(c) "TEXT NOT NULL CHECK (" c " GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"
static const char v10[] =
	"CREATE TABLE complaint_categories ("
	"  code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32"
	"    AND code NOT GLOB '*[^a-z0-9-]*'),"
	"  label_en TEXT NOT NULL CHECK (length(trim(label_en)) > 0),"
	"  label_fr TEXT NOT NULL CHECK (length(trim(label_fr)) > 0),"
	"  position INTEGER NOT NULL DEFAULT 0"
	") STRICT;"
	"INSERT INTO complaint_categories(code, label_en, label_fr, position) VALUES"
	"  ('punctuality', 'Punctuality', 'Ponctualité', 1),"
	"  ('behaviour', 'Behaviour', 'Comportement', 2),"
	"  ('quality', 'Quality of work', 'Qualité du travail', 3),"
	"  ('planning', 'Planning', 'Planning', 4),"
	"  ('billing', 'Billing', 'Facturation', 5),"
	"  ('communication', 'Communication', 'Communication', 6),"
	"  ('other', 'Other', 'Autre', 7);"
	"CREATE TABLE complaints ("
	"  id INTEGER PRIMARY KEY,"
	"  received_on " DAY_NN("received_on") ","
	"  channel TEXT NOT NULL CHECK (channel IN"
	"    ('phone', 'letter', 'email', 'home', 'survey', 'followup')),"
	"  client_id INTEGER NOT NULL REFERENCES clients(id),"
	"  worker_id INTEGER REFERENCES workers(id),"
	"  category TEXT NOT NULL REFERENCES complaint_categories(code),"
	"  description TEXT NOT NULL CHECK (length(trim(description)) > 0),"
	"  severity TEXT NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high')),"
	"  " FLAG("anomaly") ","
	"  status TEXT NOT NULL DEFAULT 'open'"
	"    CHECK (status IN ('open', 'in_progress', 'answered', 'closed')),"
	"  answer TEXT,"
	"  answered_on TEXT CHECK " DATE_CHECK("answered_on") ","
	"  closed_on TEXT CHECK " DATE_CHECK("closed_on") ","
	"  recorded_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL CHECK " DATETIME_CHECK("created_at") ","
	"  CHECK ((answered_on IS NULL) = (answer IS NULL)),"
	"  CHECK (answered_on IS NULL OR answered_on >= received_on),"
	"  CHECK ((status = 'closed') = (closed_on IS NOT NULL)),"
	"  CHECK (closed_on IS NULL OR closed_on >= received_on)"
	") STRICT;"
	"CREATE INDEX complaints_by_day ON complaints(received_on, id, category, worker_id);"
	"CREATE INDEX complaints_unclosed ON complaints(received_on, id) WHERE status <> 'closed';"
	"CREATE INDEX complaints_by_category ON complaints(category, received_on, id);"
	"CREATE INDEX complaints_by_client ON complaints(client_id, received_on, id);"
	"CREATE INDEX complaints_by_worker ON complaints(worker_id, received_on, id)"
	"  WHERE worker_id IS NOT NULL;"
	"CREATE TRIGGER complaints_keep BEFORE DELETE ON complaints BEGIN"
	"  SELECT RAISE(ABORT, 'complaints are never deleted: close them');"
	"END;"
	"CREATE TABLE complaint_actions ("
	"  id INTEGER PRIMARY KEY,"
	"  complaint_id INTEGER NOT NULL REFERENCES complaints(id),"
	"  done_on " DAY_NN("done_on") ","
	"  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
	"  done_by TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX complaint_actions_by_complaint ON complaint_actions(complaint_id, done_on, id);"
	"CREATE TRIGGER complaint_actions_keep BEFORE DELETE ON complaint_actions BEGIN"
	"  SELECT RAISE(ABORT, 'what was done about a complaint is never deleted');"
	"END;"
	"CREATE TABLE action_plans ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
	"  cause TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),"
	"  opened_on " DAY_NN("opened_on") ","
	"  closed_on TEXT CHECK " DATE_CHECK("closed_on") ","
	"  created_by TEXT NOT NULL,"
	"  CHECK ((status = 'closed') = (closed_on IS NOT NULL)),"
	"  CHECK (closed_on IS NULL OR closed_on >= opened_on)"
	") STRICT;"
	"CREATE INDEX action_plans_by_status ON action_plans(status, id);"
	"CREATE TABLE plan_complaints ("
	"  id INTEGER PRIMARY KEY,"
	"  plan_id INTEGER NOT NULL REFERENCES action_plans(id),"
	"  complaint_id INTEGER NOT NULL REFERENCES complaints(id),"
	"  UNIQUE (plan_id, complaint_id)"
	") STRICT;"
	"CREATE INDEX plan_complaints_by_complaint ON plan_complaints(complaint_id, plan_id);"
	"CREATE TABLE plan_actions ("
	"  id INTEGER PRIMARY KEY,"
	"  plan_id INTEGER NOT NULL REFERENCES action_plans(id),"
	"  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
	"  owner TEXT NOT NULL CHECK (length(owner) > 0),"
	"  due " DAY_NN("due") ","
	"  done_on TEXT CHECK " DATE_CHECK("done_on") ""
	") STRICT;"
	"CREATE INDEX plan_actions_by_plan ON plan_actions(plan_id, due, id);"
	"CREATE TRIGGER action_plans_keep BEFORE DELETE ON action_plans BEGIN"
	"  SELECT RAISE(ABORT, 'action plans are never deleted: close them');"
	"END;";
#undef DAY_NN

/* Version 11: visits (issue 8, points 3, 4 and 6; O4, O5, O7, I1).
 * - A weekly slot may cross midnight (its end at or before its start is on the next day), and
 *   names the worker planned for it. The table is made again without its old CHECK (ends >
 *   starts); ids are kept, so the audit trail still points at the same rows. On a signed
 *   contract a slot may move (another day or time, its length kept: the hours signed stay) and
 *   change worker; its service and line stay.
 * - A contract may ask for no visit on public holidays (skip_holidays; a planning option, not a
 *   term of the contract: it may change after the signature).
 * - Visits: a contract's, for its client, delivering one of its lines (its service, price and
 *   VAT), by a worker (NULL: uncovered), planned start and end (at most a day long), status
 *   planned, done, cancelled (with its reason) or missed, arrival and departure, the worker it
 *   was taken from, the checks it was planned despite (forced), and the weekly slot and week it
 *   was generated for (one visit per slot and week: generating twice makes no duplicate). Kept
 *   for ever: cancelled, never deleted. Every rule reads them by an index range: by start, by
 *   worker, by client, by contract, each then by start.
 * - Minimal absences (worker, from, to, kind) and first meetings (client, worker, day) that the
 *   planning checks read; their own areas give them the rest of their fields later. */
#define DATE_NN(c) "TEXT NOT NULL CHECK (" c " GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"
#define HHMM(c) "TEXT NOT NULL CHECK (" c " GLOB '[0-2][0-9]:[0-5][0-9]')"
#define IS_CHANGED(c) "new." c " IS NOT old." c
#define MINUTES(c) "(CAST(substr(" c ", 1, 2) AS INTEGER) * 60 + CAST(substr(" c ", 4, 2) AS INTEGER))"
#define SLOT_LENGTH(t) "((" MINUTES(t ".ends") " - " MINUTES(t ".starts") " + 1440) % 1440)"
#define NOT_DRAFT(t) "(SELECT status FROM contracts WHERE id = " t ".contract_id) IS NOT 'draft'"
static const char v11[] =
	"CREATE TABLE contract_slots_v9 ("
	SLOT_COLUMNS_V3
	"  line_id INTEGER REFERENCES contract_lines(id),"
	"  worker_id INTEGER REFERENCES workers(id),"
	"  CHECK (ends <> starts)"
	") STRICT;"
	"INSERT INTO contract_slots_v9(id, contract_id, weekday, starts, ends, service_code, line_id)"
	"  SELECT id, contract_id, weekday, starts, ends, service_code, line_id FROM contract_slots;"
	"DROP TABLE contract_slots;"
	"ALTER TABLE contract_slots_v9 RENAME TO contract_slots;"
	"CREATE INDEX contract_slots_by_contract ON contract_slots(contract_id, weekday, starts);"
	"CREATE INDEX contract_slots_by_line ON contract_slots(line_id);"
	"CREATE INDEX contract_slots_by_worker ON contract_slots(worker_id) WHERE worker_id IS NOT NULL;"
	"CREATE TRIGGER contract_slots_add BEFORE INSERT ON contract_slots"
	"  WHEN " NOT_DRAFT("new") " BEGIN"
	"  SELECT RAISE(ABORT, 'a signed contract cannot change: make a new contract');"
	"END;"
	"CREATE TRIGGER contract_slots_frozen BEFORE UPDATE ON contract_slots"
	"  WHEN " NOT_DRAFT("old") " AND (" IS_CHANGED("contract_id") " OR "
	IS_CHANGED("service_code") " OR " IS_CHANGED("line_id") " OR " SLOT_LENGTH("new")
	" <> " SLOT_LENGTH("old") ") BEGIN"
	"  SELECT RAISE(ABORT, 'a signed contract cannot change: make a new contract');"
	"END;"
	"CREATE TRIGGER contract_slots_keep BEFORE DELETE ON contract_slots"
	"  WHEN " NOT_DRAFT("old") " BEGIN"
	"  SELECT RAISE(ABORT, 'the schedule of a signed contract is never deleted');"
	"END;"
	"ALTER TABLE contracts ADD COLUMN " FLAG("skip_holidays") ";"
	/* withdrawal-breach (db/visits.c) reads the contracts whose period ends lately. */
	"CREATE INDEX contracts_withdrawal ON contracts(withdrawal_end)"
	"  WHERE withdrawal_end IS NOT NULL AND express_start = 0;"
	"CREATE TABLE visits ("
	"  id INTEGER PRIMARY KEY,"
	"  contract_id INTEGER NOT NULL REFERENCES contracts(id),"
	"  client_id INTEGER NOT NULL REFERENCES clients(id),"
	"  line_id INTEGER NOT NULL REFERENCES contract_lines(id),"
	"  worker_id INTEGER REFERENCES workers(id),"
	"  starts TEXT NOT NULL CHECK " DATETIME_CHECK("starts") ","
	"  ends TEXT NOT NULL CHECK " DATETIME_CHECK("ends") ","
	"  status TEXT NOT NULL DEFAULT 'planned'"
	"    CHECK (status IN ('planned', 'done', 'cancelled', 'missed')),"
	"  cancel_reason TEXT,"
	"  arrived_at TEXT CHECK " DATETIME_CHECK("arrived_at") ","
	"  left_at TEXT CHECK " DATETIME_CHECK("left_at") ","
	"  replaced_worker_id INTEGER REFERENCES workers(id),"
	"  forced TEXT NOT NULL DEFAULT '',"
	"  slot_id INTEGER REFERENCES contract_slots(id),"
	"  slot_week TEXT CHECK " DATE_CHECK("slot_week") ","
	"  created_at TEXT NOT NULL CHECK " DATETIME_CHECK("created_at") ","
	"  created_by TEXT NOT NULL,"
	"  CHECK (ends > starts AND ends <= strftime('%Y-%m-%d %H:%M', starts, '+1 day')),"
	"  CHECK ((status = 'cancelled') = (coalesce(length(trim(cancel_reason)), 0) > 0)),"
	"  CHECK ((slot_id IS NULL) = (slot_week IS NULL)),"
	"  CHECK (left_at IS NULL OR (arrived_at IS NOT NULL AND left_at >= arrived_at))"
	") STRICT;"
	"CREATE INDEX visits_by_start ON visits(starts, id);"
	"CREATE INDEX visits_by_worker ON visits(worker_id, starts, id);"
	"CREATE INDEX visits_by_client ON visits(client_id, starts, id);"
	"CREATE INDEX visits_by_contract ON visits(contract_id, starts, id);"
	"CREATE UNIQUE INDEX visits_by_slot ON visits(slot_id, slot_week) WHERE slot_id IS NOT NULL;"
	"CREATE TRIGGER visits_keep BEFORE DELETE ON visits BEGIN"
	"  SELECT RAISE(ABORT, 'visits are never deleted: cancel them');"
	"END;"
	"CREATE TABLE absences ("
	"  id INTEGER PRIMARY KEY,"
	"  worker_id INTEGER NOT NULL REFERENCES workers(id),"
	"  from_day " DATE_NN("from_day") ","
	"  to_day " DATE_NN("to_day") ","
	"  kind TEXT NOT NULL DEFAULT 'other',"
	"  CHECK (to_day >= from_day)"
	") STRICT;"
	"CREATE INDEX absences_by_worker ON absences(worker_id, to_day);"
	"CREATE TABLE meetings ("
	"  id INTEGER PRIMARY KEY,"
	"  client_id INTEGER NOT NULL REFERENCES clients(id),"
	"  worker_id INTEGER NOT NULL REFERENCES workers(id),"
	"  met_on " DATE_NN("met_on")
	") STRICT;"
	"CREATE INDEX meetings_by_pair ON meetings(client_id, worker_id, met_on);";
#undef DATE_NN
#undef HHMM
#undef IS_CHANGED
#undef MINUTES
#undef SLOT_LENGTH
#undef NOT_DRAFT

/* Version 12: first meetings, absences and the liaison notebook (issue 8, points 2, 5 and 7;
 * I2, I3, I5).
 * - A first meeting names the agency's representative (a staff login), the service revalidated
 *   (a service code), the client's precise request, the forbidden zones, and the day the worker
 *   signed them.
 * - An absence may carry a note (what the coordinator was told).
 * - The liaison notebook: entries per client, dated, by a member of staff (their login) or a
 *   worker (their id, as text), optionally tied to a visit of that client; read by client then
 *   time. Kept for ever. */
static const char v12[] =
	"ALTER TABLE meetings ADD COLUMN representative TEXT;"
	"ALTER TABLE meetings ADD COLUMN service TEXT;"
	"ALTER TABLE meetings ADD COLUMN request TEXT;"
	"ALTER TABLE meetings ADD COLUMN forbidden_zones TEXT;"
	"ALTER TABLE meetings ADD COLUMN signed_on TEXT CHECK " DATE_CHECK("signed_on") ";"
	"CREATE INDEX meetings_by_worker ON meetings(worker_id, met_on);"
	"ALTER TABLE absences ADD COLUMN note TEXT;"
	"CREATE INDEX absences_by_day ON absences(to_day, from_day);"
	"CREATE TABLE notes ("
	"  id INTEGER PRIMARY KEY,"
	"  client_id INTEGER NOT NULL REFERENCES clients(id),"
	"  at TEXT NOT NULL CHECK " DATETIME_CHECK("at") ","
	"  author_kind TEXT NOT NULL CHECK (author_kind IN ('staff', 'worker')),"
	"  author TEXT NOT NULL,"
	"  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
	"  visit_id INTEGER REFERENCES visits(id)"
	") STRICT;"
	"CREATE INDEX notes_by_client ON notes(client_id, at, id);"
	"CREATE TRIGGER notes_keep BEFORE DELETE ON notes BEGIN"
	"  SELECT RAISE(ABORT, 'notebook entries are never deleted');"
	"END;";

/* Version 13: follow-up calls (R6, S4). The follow-ups due are not stored: they are computed on
 * read from the client's first visit done under its first contract (db/followups.c), through
 * visits_done_by_contract, an index of the visits done only. A follow-up is stored once done:
 * the client, its kind, the day it was due (one per client and day), the day it was done and by
 * whom, the client's satisfaction on the survey's scale (1 to 4, 5 no opinion, NULL not asked),
 * remarks, and the complaint opened from it. Never deleted. */
static const char v13[] =
	"CREATE INDEX visits_done_by_contract ON visits(contract_id, starts) WHERE status = 'done';"
	"CREATE TABLE followups ("
	"  id INTEGER PRIMARY KEY,"
	"  client_id INTEGER NOT NULL REFERENCES clients(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('first-month', 'yearly')),"
	"  due TEXT NOT NULL CHECK (due GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
	"  done_on TEXT NOT NULL CHECK (done_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
	"  done_by TEXT NOT NULL,"
	"  satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  complaint_id INTEGER REFERENCES complaints(id),"
	"  UNIQUE (client_id, due)"
	") STRICT;"
	"CREATE INDEX followups_by_due ON followups(due, client_id);"
	"CREATE TRIGGER followups_keep BEFORE DELETE ON followups BEGIN"
	"  SELECT RAISE(ABORT, 'follow-up calls are never deleted');"
	"END;";

/* Version 14: the skills a contract requires beyond the services of its lines are codes of the
 * skills list, as a worker's are (issue 8, point 1): comma-separated, sorted. What was typed so
 * far was free text: a text made only of codes of the list or of the catalogue (any case,
 * separated by commas or spaces) becomes those codes; any other text moves, as it was, into the
 * contract's notes, new here, so that nothing is lost. */
#define TYPED_CODES "replace(replace(trim(lower(skills)), ' ', ','), ',', '\",\"')"
static const char v14[] =
	"ALTER TABLE contracts ADD COLUMN notes TEXT NOT NULL DEFAULT '';"
	/* CASE: the list is read as JSON only once it holds nothing but codes' letters. */
	"UPDATE contracts SET notes = skills, skills = '' WHERE skills <> '' AND CASE"
	"  WHEN lower(skills) GLOB '*[^a-z0-9, -]*' THEN 1 ELSE EXISTS (SELECT 1"
	"   FROM json_each('[\"' || " TYPED_CODES " || '\"]') j WHERE j.value <> ''"
	"   AND j.value NOT IN (SELECT code FROM skills UNION ALL SELECT code FROM services)) END;"
	"UPDATE contracts SET skills = coalesce((SELECT group_concat(value, ',') FROM ("
	"  SELECT DISTINCT j.value FROM json_each('[\"' || " TYPED_CODES " || '\"]') j"
	"  WHERE j.value <> '' ORDER BY j.value)), '') WHERE skills <> '';";
#undef TYPED_CODES

/* Version 15: speed on ten years of visits (make bench).
 * - A worker's visits that are not cancelled, by start, with their end: the overlap probe of the
 *   schedule-conflict finding and of the planning check (db_worker_busy) reads it alone, never
 *   the visits' rows, so it costs the same on ten years of visits as on one month.
 * - A client's contracts but drafts, by date: the follow-ups' probe for each client's first
 *   contract (db/followups.c, over every client) reads it alone, not the contracts' rows. */
static const char v15[] =
	"CREATE INDEX visits_live_by_worker ON visits(worker_id, starts, ends, id)"
	"  WHERE status <> 'cancelled';"
	"CREATE INDEX contracts_live_by_client ON contracts(client_id, date, id)"
	"  WHERE status <> 'draft';";

/* Version 16: each client's first visit done under their first contract (R6), kept by triggers
 * (issue 6, speed): the follow-ups are made from it, and reading it for 50,000 clients through
 * the contracts and visits cost as much as the rest of Today together. A row exists only for a
 * client who has one; `md` is its month and day ("03-31"), so that the anniversaries that fall in
 * a week are an index range. The triggers redo a client's row whenever something it is made of
 * changes: a visit done or no longer done (or moved), a contract leaving or entering draft, its
 * date or client. Not audited: it is derived, as an index is. */
#define FIRST_VISIT_OF(c)                                                                      \
	"DELETE FROM first_visits WHERE client_id = " c ";"                                     \
	"INSERT INTO first_visits(client_id, day, md) SELECT " c ", day, substr(day, 6, 5)"      \
	"  FROM (SELECT substr(v.starts, 1, 10) AS day FROM visits v WHERE v.status = 'done'"   \
	"  AND v.contract_id = (SELECT k.id FROM contracts k WHERE k.client_id = " c             \
	"  AND k.status <> 'draft' ORDER BY k.date, k.id LIMIT 1) ORDER BY v.starts LIMIT 1);"
#define CLIENT_OF_CONTRACT(k) "(SELECT client_id FROM contracts WHERE id = " k ")"
static const char v16[] =
	"CREATE TABLE first_visits ("
	"  client_id INTEGER PRIMARY KEY REFERENCES clients(id),"
	"  day TEXT NOT NULL CHECK " DATE_CHECK("day") ","
	"  md TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX first_visits_by_day ON first_visits(day);"
	"CREATE INDEX first_visits_by_md ON first_visits(md, day);"
	"INSERT INTO first_visits(client_id, day, md) SELECT id, day, substr(day, 6, 5) FROM ("
	"  SELECT c.id, (SELECT substr(v.starts, 1, 10) FROM visits v WHERE v.status = 'done'"
	"  AND v.contract_id = (SELECT k.id FROM contracts k WHERE k.client_id = c.id"
	"  AND k.status <> 'draft' ORDER BY k.date, k.id LIMIT 1) ORDER BY v.starts LIMIT 1) AS day"
	"  FROM clients c) WHERE day IS NOT NULL;"
	"CREATE TRIGGER first_visits_visit_ins AFTER INSERT ON visits WHEN new.status = 'done' BEGIN "
	FIRST_VISIT_OF(CLIENT_OF_CONTRACT("new.contract_id")) "END;"
	"CREATE TRIGGER first_visits_visit_upd AFTER UPDATE OF status, starts, contract_id ON visits"
	"  WHEN (old.status = 'done' OR new.status = 'done') AND (old.status IS NOT new.status"
	"  OR old.starts IS NOT new.starts OR old.contract_id IS NOT new.contract_id) BEGIN "
	FIRST_VISIT_OF(CLIENT_OF_CONTRACT("old.contract_id"))
	FIRST_VISIT_OF(CLIENT_OF_CONTRACT("new.contract_id")) "END;"
	"CREATE TRIGGER first_visits_visit_del AFTER DELETE ON visits WHEN old.status = 'done' BEGIN "
	FIRST_VISIT_OF(CLIENT_OF_CONTRACT("old.contract_id")) "END;"
	"CREATE TRIGGER first_visits_contract_ins AFTER INSERT ON contracts"
	"  WHEN new.status <> 'draft' BEGIN " FIRST_VISIT_OF("new.client_id") "END;"
	"CREATE TRIGGER first_visits_contract_upd AFTER UPDATE OF status, date, client_id ON contracts"
	"  WHEN (old.status = 'draft') <> (new.status = 'draft') OR old.date IS NOT new.date"
	"  OR old.client_id IS NOT new.client_id BEGIN "
	FIRST_VISIT_OF("old.client_id") FIRST_VISIT_OF("new.client_id") "END;"
	"CREATE TRIGGER first_visits_contract_del AFTER DELETE ON contracts BEGIN "
	FIRST_VISIT_OF("old.client_id") "END;";
#undef FIRST_VISIT_OF
#undef CLIENT_OF_CONTRACT

/* Later versions are appended here; never edit a released one. */
static const char *const migrations[] = {
	v1,
	v2,
	v3,
	v4,
	v5,
	v6,
	v7,
	v8,
	v9,
	v10,
	v11,
	v12,
	v13,
	v14,
	v15,
	v16,
};


/* Tables whose every change goes to the audit trail. */
static const char *const audited[] = {
	"settings", "staff", "calls", "clients", "needs",
	"services", "quotes", "quote_lines", "contracts", "contract_slots",
	"contract_lines", "call_attempts",
	"skills", "selection_steps", "workers", "worker_availability", "worker_steps",
	"worker_documents", "survey_campaigns", "survey_questions", "survey_clients",
	"complaint_categories", "complaints", "complaint_actions", "action_plans", "plan_complaints",
	"plan_actions", "visits", "absences", "meetings", "notes", "followups",
};

static int audit_drop(db *d, cerr *e);
static int audit_install(db *d, cerr *e);

int db_latest_version(void)
{
	return (int)ARRAY_LEN(migrations);
}

int db_migrate(db *d, int max_version, cerr *e)
{
	int target = max_version > 0 ? max_version : db_latest_version();
	int have = db_version(d);
	if (have < 0)
		return db_fail(d, e);
	if (have > db_latest_version())
		return err_set(e, ST_DB, "db",
			       _("this agency file was written by a newer Charte (schema %d; this "
				 "program knows %d)"),
			       have, db_latest_version());
	while (have < target) {
		int r = db_begin(d, e);
		if (r)
			return r;
		/* Another process may have migrated while we waited for the lock. */
		have = db_version(d);
		if (have >= target) {
			db_commit(d, e);
			break;
		}
		char pragma[48];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", have + 1);
		/* The audit triggers name every column of their table: made again after each
		 * migration, from the new columns (and out of its way while it runs). */
		r = audit_drop(d, e);
		if (!r)
			r = db_exec(d, migrations[have], e);
		if (!r)
			r = db_exec(d, pragma, e);
		if (!r)
			r = audit_install(d, e);
		if (r) {
			db_rollback(d);
			return r;
		}
		r = db_commit(d, e);
		if (r)
			return r;
		have++;
	}
	return ST_OK;
}

/* Append json_object('col', prefix.col, ...) for the columns of tbl. */
static int json_of_row(db *d, const char *tbl, const char *prefix, strbuf *out, int *ncols,
		       cerr *e)
{
	*ncols = 0;
	sqlite3_stmt *st = NULL;
	/* table_xinfo lists generated columns too: skip them (hidden > 1). */
	if (sqlite3_prepare_v2(d->h, "SELECT name, hidden FROM pragma_table_xinfo(?)", -1, &st,
			       NULL) != SQLITE_OK)
		return db_fail(d, e);
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	sb_add(out, "json_object(");
	bool first = true;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		if (sqlite3_column_int(st, 1) != 0)
			continue;
		sb_addf(out, "%s'%s', %s.\"%s\"", first ? "" : ", ", col, prefix, col);
		first = false;
		(*ncols)++;
	}
	sqlite3_finalize(st);
	sb_add(out, ")");
	return ST_OK;
}

/* Drop the audit triggers of every audited table (names from the constant list above). */
static int audit_drop(db *d, cerr *e)
{
	strbuf sql = {0};
	static const char *const kinds[] = {"ins", "upd", "del"};
	for (size_t i = 0; i < ARRAY_LEN(audited); i++)
		for (size_t k = 0; k < ARRAY_LEN(kinds); k++)
			sb_addf(&sql, "DROP TRIGGER IF EXISTS audit_%s_%s;", audited[i], kinds[k]);
	int r = db_exec(d, sb_str(&sql), e);
	sb_free(&sql);
	return r;
}

/* Bulk work (an import) counts its changes once, at its end (db.c), instead of row by row. */
#define BULK_SKIP "WHEN NOT EXISTS (SELECT 1 FROM audit_context WHERE audit = 0)"

/* The audit triggers, made from each audited table's columns, stored in the file: made once per
 * schema version rather than at every opening. The trail's text is the row as a JSON object of
 * its columns, before and after. Who and when come from audit_context, whose one row a
 * connection writes at the start of each of its write transactions (with the audit on) and
 * deletes before committing (db.c): another connection never sees it, and a write from another
 * program (the sqlite3 shell) is not audited, and does not fail on a function it lacks. */
static int audit_install(db *d, cerr *e)
{
	strbuf sql = {0};
	sb_add(&sql, "CREATE TABLE IF NOT EXISTS audit_context ("
		     "  id INTEGER PRIMARY KEY CHECK (id = 1),"
		     "  at TEXT NOT NULL,"
		     "  actor TEXT NOT NULL,"
		     "  audit INTEGER NOT NULL" /* 0: bulk work, row by row neither audited nor counted */
		     ") STRICT;"
		     "CREATE TABLE IF NOT EXISTS table_changes ("
		     "  tbl TEXT PRIMARY KEY,"
		     "  n INTEGER NOT NULL"
		     ") STRICT, WITHOUT ROWID;");
	for (size_t i = 0; i < ARRAY_LEN(audited); i++) {
		const char *t = audited[i];
		strbuf oldj = {0}, newj = {0};
		int ncols = 0;
		if (json_of_row(d, t, "old", &oldj, &ncols, e) ||
		    json_of_row(d, t, "new", &newj, &ncols, e)) {
			sb_free(&oldj);
			sb_free(&newj);
			sb_free(&sql);
			return ST_DB;
		}
		if (ncols == 0) { /* not in this schema version */
			sb_free(&oldj);
			sb_free(&newj);
			continue;
		}
		/* Table names come from the constant list above, never from data. Each change
		 * also counts in table_changes (db_changes), whoever makes it. */
		sb_addf(&sql, "INSERT OR IGNORE INTO table_changes(tbl, n) VALUES ('%s', 0);", t);
		sb_addf(&sql,
			"CREATE TRIGGER audit_%s_ins AFTER INSERT ON %s " BULK_SKIP " BEGIN INSERT INTO "
			"history(at, actor, tbl, row_id, action, after) SELECT x.at, x.actor, '%s', "
			"new.rowid, 'insert', %s FROM audit_context x; "
			"UPDATE table_changes SET n = n + 1 WHERE tbl = '%s'; END;",
			t, t, t, sb_str(&newj), t);
		sb_addf(&sql,
			"CREATE TRIGGER audit_%s_upd AFTER UPDATE ON %s " BULK_SKIP " BEGIN INSERT INTO "
			"history(at, actor, tbl, row_id, action, before, after) SELECT x.at, x.actor, "
			"'%s', new.rowid, 'update', %s, %s FROM audit_context x; "
			"UPDATE table_changes SET n = n + 1 WHERE tbl = '%s'; END;",
			t, t, t, sb_str(&oldj), sb_str(&newj), t);
		sb_addf(&sql,
			"CREATE TRIGGER audit_%s_del AFTER DELETE ON %s " BULK_SKIP " BEGIN INSERT INTO "
			"history(at, actor, tbl, row_id, action, before) SELECT x.at, x.actor, '%s', "
			"old.rowid, 'delete', %s FROM audit_context x; "
			"UPDATE table_changes SET n = n + 1 WHERE tbl = '%s'; END;",
			t, t, t, sb_str(&oldj), t);
		sb_free(&oldj);
		sb_free(&newj);
	}
	int r = db_exec(d, sb_str(&sql), e);
	sb_free(&sql);
	return r;
}
