-- gen_offer.sql — the offer of ten years of a large agency, for `make bench`: 50,000 clients
-- (most with a needs analysis), 100,000 quotes with their lines, 60,000 contracts (most from an
-- accepted quote, most recurring with a weekly schedule). Run by bench/run.sh with the sqlite3
-- shell after gen.sql, on a file made by `charte init`, with `.parameter set :now '...'`.
-- Deterministic: every choice is a hash of the row number. Nothing is made, sent, answered,
-- signed or given notice after :now's day (a start, or the end of a month of notice, may be).
--
-- The schema's own triggers keep clients_fts right; they also refuse lines and slots on a
-- document that is not a draft, so quotes and contracts are stored as drafts first, their lines
-- and slots added, then their state set, as the program does it. name_key and first_key are the
-- names folded as the program folds them (core/util.c text_fold: lower case, no accents): the
-- name lists below are folded once with replace() over every accented letter they could hold;
-- bench.c checks the result against text_fold itself.
PRAGMA cache_size = -262144;
PRAGMA synchronous = OFF;
BEGIN;

-- Coordinators to be referents; one of them has left (S1 counts his clients as without one).
INSERT OR IGNORE INTO staff(login, name, role, active) VALUES
  ('karim.benali', 'Karim Benali', 'coordinator', 1),
  ('nathalie.perrin', 'Nathalie Perrin', 'coordinator', 1),
  ('claire.dubreuil', 'Claire Dubreuil', 'coordinator', 1),
  ('olivier.lambert', 'Olivier Lambert', 'coordinator', 0);
CREATE TEMP TABLE o_referents(i INTEGER PRIMARY KEY, login TEXT);
INSERT INTO o_referents VALUES (0, 'karim.benali'), (1, 'nathalie.perrin'), (2, 'claire.dubreuil');

CREATE TEMP TABLE o_first(i INTEGER PRIMARY KEY, v TEXT, k TEXT, woman INTEGER);
INSERT INTO o_first(i, v, woman) SELECT key, value, key < 32 FROM json_each('["Hélène","Françoise","Bérénice","Geneviève","Thérèse","Josiane","Mireille","Élise","Noémie","Cécile","Agnès","Monique","Jacqueline","Madeleine","Odile","Sylvie","Chloé","Léa","Inès","Anaïs","Maëlle","Solène","Renée","Yvette","Gisèle","Marie-Thérèse","Colette","Nathalie","Zoé","Éliane","Paulette","Denise","Jean-François","André","Gérard","Jérôme","René","Benoît","Noël","Hervé","Frédéric","Stéphane","Michel","Raphaël","Théo","Loïc","Joël","Gaëtan","Élie","François","Daniel","Lucien","Aimé","Clément","Jérémie","Rémi","Yannick","Bernard","Grégoire","Maurice"]');
CREATE TEMP TABLE o_names(i INTEGER PRIMARY KEY, v TEXT, k TEXT);
INSERT INTO o_names(i, v) SELECT key, value FROM json_each('["Lefèvre","Lefebvre","Martin","Bernard","Dubois","Thomas","Robert","Richard","Petit","Durand","Leroy","Moreau","Simon","Laurent","Garcia","David","Bertrand","Roux","Vincent","Fournier","Morel","Girard","André","Mercier","Dupont","Lambert","Bonnet","François","Legrand","Garnier","Faure","Rousseau","Blanc","Guérin","Muller","Henry","Roussel","Perrin","Morin","Mathieu","Clément","Gauthier","Dumont","Fontaine","Chevalier","Robin","Masson","Gérard","Nguyen","Boyer","Lemaire","Duval","Joly","Roche","Noël","Meyer","Meunier","Pérez","Marchand","Dufour","Blanchard","Barbier","Brun","Dumas","Brunet","Leroux","Colin","Renard","Arnaud","Caron","Aubert","Giraud","Leclerc","Vidal","Bourgeois","Lemoine","Picard","Gaillard","Lacroix","Fabre","Dupuis","Hubert","Rivière","Le Gall","Moulin","Berger","Lecomte","Ménard","Fleury","Deschamps","Carpentier","Maillard","Aubry","Prévost","Poirier","Charpentier","Huet","Carré","Breton","Rémy","Guyot","Bénard","Lebrun","Besnard","Lefrançois","Chênevert","Bézier","Kerjean","Œuvrard","Da Silva","Saint-Aubin","Adam","Rey","Moulinier","Gonzalez","Lecoq","Fleuriot","Deschênes","Julien","Benoist","Paris","Maillot","Marchal","Aubin","Vasseur","Le Roux","Renault","Jacquet","Collet","Prévot","Poulain","Royer","Hamon","Baron","Dupuy","Pons","Paul","Laine","Carrier","Bretonneau","Rémond","Schneider","Perrot","Guyon","Barre","Marty","Cousin","Bénéteau","Lebreton","Hoarau","Millet","Besson","Lefort","Desmoulins","Chênedollé","Bézard","Kergoat","Léger","Delacroix","Daumier","Sauvage","Delorme","Bouvier","Lemaître","Tessier","Courtois","Hardy","Langlois","Boucher","Maréchal","Germain","Rolland","Weber","Gilbert","Lucas","Bailly","D''Argenson","Duclos","Rocher","Étienne","Texier","Cordier","Lejeune","Régnier","Bertin","Vallée","Pasquier","Jacob","Ollivier","Dupré","Buisson","Chauvin","Hébert","Gautier","Colas","Duhamel","Bouchet","Huguet","Mallet","Fernandes","Brunel","Roger","Lévêque","Bigot","Martineau"]');
-- Folded as text_fold does: lower case (ASCII), then every accented letter.
UPDATE o_first SET k = lower(v);
UPDATE o_first SET k = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(k, 'à', 'a'), 'á', 'a'), 'â', 'a'), 'ä', 'a'), 'ã', 'a'), 'å', 'a'), 'ç', 'c'), 'è', 'e'), 'é', 'e'), 'ê', 'e'), 'ë', 'e'), 'ì', 'i');
UPDATE o_first SET k = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(k, 'í', 'i'), 'î', 'i'), 'ï', 'i'), 'ñ', 'n'), 'ò', 'o'), 'ó', 'o'), 'ô', 'o'), 'ö', 'o'), 'õ', 'o'), 'ù', 'u'), 'ú', 'u'), 'û', 'u');
UPDATE o_first SET k = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(k, 'ü', 'u'), 'ý', 'y'), 'ÿ', 'y'), 'œ', 'oe'), 'æ', 'ae'), 'À', 'a'), 'Â', 'a'), 'Ä', 'a'), 'Ç', 'c'), 'È', 'e'), 'É', 'e'), 'Ê', 'e');
UPDATE o_first SET k = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(k, 'Ë', 'e'), 'Î', 'i'), 'Ï', 'i'), 'Ô', 'o'), 'Ö', 'o'), 'Ù', 'u'), 'Û', 'u'), 'Ü', 'u'), 'Œ', 'oe'), 'Æ', 'ae');
UPDATE o_names SET k = lower(v);
UPDATE o_names SET k = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(k, 'à', 'a'), 'á', 'a'), 'â', 'a'), 'ä', 'a'), 'ã', 'a'), 'å', 'a'), 'ç', 'c'), 'è', 'e'), 'é', 'e'), 'ê', 'e'), 'ë', 'e'), 'ì', 'i');
UPDATE o_names SET k = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(k, 'í', 'i'), 'î', 'i'), 'ï', 'i'), 'ñ', 'n'), 'ò', 'o'), 'ó', 'o'), 'ô', 'o'), 'ö', 'o'), 'õ', 'o'), 'ù', 'u'), 'ú', 'u'), 'û', 'u');
UPDATE o_names SET k = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(k, 'ü', 'u'), 'ý', 'y'), 'ÿ', 'y'), 'œ', 'oe'), 'æ', 'ae'), 'À', 'a'), 'Â', 'a'), 'Ä', 'a'), 'Ç', 'c'), 'È', 'e'), 'É', 'e'), 'Ê', 'e');
UPDATE o_names SET k = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(k, 'Ë', 'e'), 'Î', 'i'), 'Ï', 'i'), 'Ô', 'o'), 'Ö', 'o'), 'Ù', 'u'), 'Û', 'u'), 'Ü', 'u'), 'Œ', 'oe'), 'Æ', 'ae');

CREATE TEMP TABLE o_streets(i INTEGER PRIMARY KEY, v TEXT);
INSERT INTO o_streets(i, v) SELECT key, value FROM json_each('["rue Colbert","rue du Commerce","boulevard Béranger","rue Marceau","avenue de Grammont","rue Michelet","boulevard Heurteloup","rue Édouard-Vaillant","rue de la République","rue Victor-Hugo","allée des Tilleuls","rue du Général-de-Gaulle","impasse des Lilas","rue des Écoles","chemin des Vignes","rue Pasteur","rue de la Mairie","rue Jean-Jaurès","rue des Rosiers","rue de la Loire"]');
CREATE TEMP TABLE o_towns(i INTEGER PRIMARY KEY, v TEXT);
INSERT INTO o_towns(i, v) SELECT key, value FROM json_each('["37000 Tours","37000 Tours","37100 Tours","37200 Tours","37300 Joué-lès-Tours","37540 Saint-Cyr-sur-Loire","37700 Saint-Pierre-des-Corps","37520 La Riche","37170 Chambray-lès-Tours","37550 Saint-Avertin","37230 Fondettes","37510 Ballan-Miré","37270 Montlouis-sur-Loire","37210 Vouvray","37400 Amboise","37250 Veigné"]');
-- The catalogue `charte init` loaded.
CREATE TEMP TABLE o_services(i INTEGER PRIMARY KEY, code TEXT, label TEXT, vat INTEGER, price INTEGER);
INSERT INTO o_services(i, code, label, vat, price)
  SELECT row_number() OVER (ORDER BY code) - 1, code, label, vat_rate, price FROM services WHERE active = 1;
CREATE TEMP TABLE o_n(services INTEGER);
INSERT INTO o_n SELECT count(*) FROM o_services;

-- ---- 50,000 clients over ten years, in the order their files were made ----
INSERT INTO clients(civility, name, first_name, address, phone, phone2, email, status, referent,
                    instructions, forbidden_zones, wants_quote, notes, created_at, name_key, first_key)
WITH RECURSIVE
  n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 50000),
  h0 AS (SELECT k, (k * 2654435761 + 374761393) % 4294967296 AS x FROM n),
  h AS (SELECT k, x >> 8 AS a, ((x * 1664525 + 1013904223) % 4294967296) >> 8 AS b FROM h0),
  c AS (
    SELECT h.k, a, b, f.v AS fv, f.k AS fk, f.woman, s.v AS sv, s.k AS sk, a % 33 = 0 AS couple,
           CASE WHEN b % 100 < 55 THEN 'active' WHEN b % 100 < 85 THEN 'prospect'
                ELSE 'former' END AS status
    FROM h JOIN o_first f ON f.i = a % 60 JOIN o_names s ON s.i = (a / 60) % 200)
SELECT CASE WHEN couple THEN 'M. et Mme' WHEN woman THEN 'Mme' ELSE 'M.' END,
       sv,
       CASE WHEN couple THEN '' ELSE fv END,
       (1 + a % 150) || ' ' || (SELECT v FROM o_streets WHERE i = (a / 12000) % 20) || ', '
         || (SELECT v FROM o_towns WHERE i = (b / 100) % 16),
       CASE WHEN b % 10 < 4 THEN '+33247' || printf('%06d', (a * 13 + k) % 1000000)
            ELSE '+336' || printf('%08d', (a * 7 + b + k) % 100000000) END,
       CASE WHEN b % 10 >= 8 THEN '+337' || printf('%08d', (b * 11 + k) % 100000000) END,
       CASE WHEN (b / 10) % 10 < 4
            THEN replace(replace(CASE WHEN couple THEN 'famille' ELSE fk END, ' ', ''), '''', '')
                 || '.' || replace(replace(sk, ' ', ''), '''', '') || '@orange.fr'
            ELSE '' END,
       status,
       -- S1: a few active clients without a referent, or with one who left
       CASE WHEN status = 'prospect' AND a % 2 = 0 THEN NULL
            WHEN status = 'active' AND a % 251 = 3 THEN NULL
            WHEN a % 199 = 5 THEN 'olivier.lambert'
            ELSE (SELECT login FROM o_referents WHERE i = a % 3) END,
       '', '',
       (b / 1000) % 10 = 0,
       '',
       substr(datetime(date(:now, '-3653 days', '+' || (k * 3652 / 50000) || ' days'),
                       '+' || (540 + a % 540) || ' minutes'), 1, 16),
       sk,
       CASE WHEN couple THEN '' ELSE fk END
FROM c;

-- O1: a needs analysis for all but one client in 200.
INSERT INTO needs(client_id, services, hours_per_week, days_times, constraints, autonomy,
                  household, notes, analysed_by, analysed_on)
SELECT id, (SELECT label FROM o_services WHERE i = id % (SELECT services FROM o_n)),
       (2 + id % 12) * 50, 'En semaine, le matin', '', '', '', '',
       coalesce(referent, 'karim.benali'),
       min(date(created_at, '+' || (2 + id % 9) || ' days'), date(:now))
FROM clients WHERE id % 200 <> 7;

-- ---- 100,000 quotes over ten years, for clients whose files were made before ----
CREATE TEMP TABLE o_q AS
WITH RECURSIVE
  n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 100000),
  h0 AS (SELECT k, (k * 2654435761 + 1013904230) % 4294967296 AS x FROM n),
  h AS (SELECT k, x >> 8 AS a, ((x * 1664525 + 1013904223) % 4294967296) >> 8 AS b FROM h0),
  t AS (SELECT k, a, b, max(1, k / 2 - a % 300) AS client_id,
               date(:now, '-3653 days', '+' || (k * 3652 / 100000) || ' days') AS date,
               b % 100 AS fate
        FROM h),
  u AS (SELECT t.*,
               CASE WHEN fate < 3 THEN 'draft'
                    WHEN fate < 13 OR date > date(:now, '-25 days') THEN 'sent'
                    WHEN fate < 40 THEN 'refused' ELSE 'accepted' END AS status,
               min(date(date, '+' || (b % 3) || ' days'), date(:now)) AS sent_on
        FROM t)
SELECT k, a, b, client_id, date, status, sent_on, 1 + a % 3 AS nlines,
       date(sent_on, '+' || (1 + a % 15) || ' days') AS answered_on,
       'D' || substr(date, 1, 4) || '-'
         || printf('%04d', row_number() OVER (PARTITION BY substr(date, 1, 4) ORDER BY date, k)) AS number
FROM u;

-- Drafts first: lines are only added to a draft (trigger quote_lines_add).
INSERT INTO quotes(id, number, client_id, date, valid_until, status, notes, created_by)
SELECT k, number, client_id, date, date(date, '+30 days'), 'draft', '', 'karim.benali'
FROM o_q ORDER BY k;

INSERT INTO quote_lines(quote_id, position, service_code, label, unit, qty, unit_price, vat_rate,
                        amount_excl, vat)
WITH l AS (
  SELECT q.k AS quote_id, p.pos AS position, s.code, s.label, s.vat, s.price,
         (4 + (q.a / (7 * p.pos)) % 60) * 50 AS qty -- 2 h to 31 h 30
  FROM o_q q
  JOIN (SELECT 1 AS pos UNION ALL SELECT 2 UNION ALL SELECT 3) p ON p.pos <= q.nlines
  JOIN o_services s ON s.i = (q.b / 100 + p.pos * 5) % (SELECT services FROM o_n))
SELECT quote_id, position, code, label, 'hour', qty, price, vat,
       (qty * price + 50) / 100, ((qty * price + 50) / 100 * vat + 5000) / 10000
FROM l ORDER BY quote_id, position;

-- Totals (R2: sums of the lines), then the quote's state.
UPDATE quotes SET total_excl = x.e, total_vat = x.v, total_incl = x.e + x.v,
                  status = x.status,
                  sent_on = CASE WHEN x.status <> 'draft' THEN x.sent_on END,
                  accepted_on = CASE WHEN x.status = 'accepted' THEN x.answered_on END,
                  refused_on = CASE WHEN x.status = 'refused' THEN x.answered_on END
FROM (SELECT q.k, q.status, q.sent_on, q.answered_on, s.e, s.v
      FROM o_q q JOIN (SELECT quote_id, sum(amount_excl) AS e, sum(vat) AS v
                       FROM quote_lines GROUP BY quote_id) s ON s.quote_id = q.k) AS x
WHERE quotes.id = x.k;

-- ---- 60,000 contracts: one for each accepted quote, the rest without a quote ----
CREATE TEMP TABLE o_src AS
SELECT q.k AS ord, q.k AS quote_id, q.client_id, q.answered_on AS base, q.a, q.b,
       l.service_code AS svc, l.unit_price AS price, l.vat_rate AS vat,
       (q.b / 100) % 100 < 85 AS recurring
FROM o_q q JOIN quote_lines l ON l.quote_id = q.k AND l.position = 1
WHERE q.status = 'accepted';
-- Without a quote: small one-off services (R3: none needed), and now and then a recurring one
-- (O2: a quote was needed).
INSERT INTO o_src
WITH RECURSIVE
  m(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM m
           WHERE j < 60000 - (SELECT count(*) FROM o_src)),
  c(cnt) AS (SELECT 60000 - (SELECT count(*) FROM o_src)),
  h AS (SELECT j, ((j * 2246822519 + 3266489917) % 4294967296) >> 8 AS a,
               ((j * 3266489917 + 668265263) % 4294967296) >> 8 AS b, cnt FROM m, c),
  t AS (SELECT j, a, b, j * 3652 / cnt AS day FROM h)
SELECT 200000 + j, NULL, max(1, day * 50000 / 3652 - a % 200),
       date(:now, '-3653 days', '+' || day || ' days'), a, b,
       s.code, s.price, s.vat, j % 50 = 0
FROM t JOIN o_services s ON s.i = a % (SELECT services FROM o_n);

CREATE TEMP TABLE o_k AS
WITH d AS (
  SELECT s.*, min(date(base, '+' || (a % 4) || ' days'), date(:now)) AS date,
         (a / 100) % 100 < 15 AS at_agency,
         1 + (b / 7) % 3 AS nslots, 90 + (a % 4) * 30 AS slot_min
  FROM o_src s),
e AS (
  SELECT d.*, date(date, '+' || (7 + b % 14) || ' days') AS start,
         date(date, '+' || (b % 5) || ' days') AS signed,
         CASE WHEN recurring THEN (nslots * slot_min * 100 + 30) / 60
              WHEN quote_id IS NULL THEN 200 ELSE 200 + (a % 10) * 50 END AS hours
  FROM d),
f AS (
  SELECT e.*,
         CASE WHEN signed > date(:now) OR a % 1000 < 3 THEN 'draft'
              WHEN a % 100 = 50 AND NOT at_agency THEN 'withdrawn'
              WHEN NOT recurring AND start < date(:now, '-30 days') THEN 'ended'
              WHEN recurring AND start < date(:now, '-200 days') AND b % 100 < 45 THEN 'ended'
              ELSE 'signed' END AS status,
         CASE WHEN recurring THEN (hours * ((price * (10000 + vat) + 5000) / 10000) * 52 + 600) / 1200
              ELSE (hours * price + 50) / 100 + ((hours * price + 50) / 100 * vat + 5000) / 10000
         END AS monthly
  FROM e)
SELECT f.*,
       row_number() OVER (ORDER BY date, ord) AS id,
       'C' || substr(date, 1, 4) || '-'
         || printf('%04d', row_number() OVER (PARTITION BY substr(date, 1, 4) ORDER BY date, ord)) AS number,
       CASE WHEN status = 'draft' OR at_agency THEN NULL ELSE date(signed, '+14 days') END AS wend,
       CASE WHEN status <> 'ended' THEN NULL
            WHEN recurring THEN min(date(start, '+' || (60 + a % 700) || ' days'), date(:now, '-1 days'))
            ELSE date(start, '+3 days') END AS notice
FROM f;

-- Drafts first: slots are only added to a draft (trigger contract_slots_add).
INSERT INTO contracts(id, number, client_id, quote_id, kind, date, start, hourly_price_excl,
                      vat_rate, hours, skills, at_agency, express_start, status, monthly_incl,
                      created_by)
SELECT id, number, client_id, quote_id, CASE WHEN recurring THEN 'recurring' ELSE 'one-off' END,
       date, start, price, vat, hours, '', at_agency,
       NOT at_agency AND start <= date(signed, '+14 days'), 'draft', monthly, 'karim.benali'
FROM o_k ORDER BY id;

INSERT INTO contract_slots(contract_id, weekday, starts, ends, service_code)
SELECT k.id, 1 + (k.id + p.pos * 2) % 5,
       CASE WHEN k.a % 2 THEN '09:00' ELSE '14:00' END,
       strftime('%H:%M', '2000-01-01 ' || CASE WHEN k.a % 2 THEN '09:00' ELSE '14:00' END,
                '+' || k.slot_min || ' minutes'),
       k.svc
FROM o_k k JOIN (SELECT 0 AS pos UNION ALL SELECT 1 UNION ALL SELECT 2) p ON p.pos < k.nslots
WHERE k.recurring
ORDER BY k.id, p.pos;

UPDATE contracts SET status = k.status,
                     signed_on = CASE WHEN k.status <> 'draft' THEN k.signed END,
                     withdrawal_end = k.wend,
                     withdrawn_on = CASE WHEN k.status = 'withdrawn' THEN min(date(k.signed, '+3 days'), date(:now)) END,
                     notice_on = k.notice,
                     ended_on = CASE WHEN k.notice IS NOT NULL
                                     THEN date(k.notice, 'start of month', '+1 month', '-1 day') END
FROM o_k AS k
WHERE contracts.id = k.id AND k.status <> 'draft';

-- The numbering goes on from there.
INSERT OR REPLACE INTO counters(series, year, last)
  SELECT 'D', CAST(substr(date, 1, 4) AS INTEGER), count(*) FROM quotes GROUP BY 2;
INSERT OR REPLACE INTO counters(series, year, last)
  SELECT 'C', CAST(substr(date, 1, 4) AS INTEGER), count(*) FROM contracts GROUP BY 2;

COMMIT;
PRAGMA synchronous = NORMAL;
