-- gen_plan.sql — the planning and the quality of a large agency, for `make bench`: 300 workers
-- with complete files, 2,000 active recurring contracts (each with its accepted quote, one line
-- and a weekly slot per day at one time, each slot with its worker), their visits week by week
-- from :since (done with arrival and departure, a few cancelled or missed; the next 8 weeks
-- planned), first meetings, absences, the liaison notebook, the follow-up calls done, complaints
-- with their actions and answers (the recent ones open), action plans, and a survey campaign a
-- year with the questionnaire and the clients served that year, about 40% of whom answered.
-- Run by bench/run.sh with the sqlite3 shell after gen.sql and gen_offer.sql, with
-- `.parameter set :now '...'` and `.parameter set :since 'YYYY-MM-DD'`: ten years before :now
-- for the big file, a month for the "one month" file (the same workers and contracts).
-- Deterministic: every choice is a hash of a row number. Every other recurring contract of
-- gen_offer.sql is given notice, so that the 2,000 are the agency's clients today.
PRAGMA cache_size = -262144;
PRAGMA synchronous = OFF;
BEGIN;

CREATE TEMP TABLE p_n(now TEXT, today TEXT, since TEXT, monday TEXT, horizon TEXT);
INSERT INTO p_n SELECT :now, date(:now), :since,
  date(:now, '-' || ((CAST(strftime('%w', :now) AS INTEGER) + 6) % 7) || ' days'),
  date(:now, '-' || ((CAST(strftime('%w', :now) AS INTEGER) + 6) % 7) || ' days', '+56 days');

-- ---- the older recurring contracts end (their slots name no line: no visit) ----
UPDATE contracts SET status = 'ended',
  notice_on = min(date(start, '+' || (60 + id % 700) || ' days'), date(:now, '-2 months')),
  ended_on = date(min(date(start, '+' || (60 + id % 700) || ' days'), date(:now, '-2 months')),
                  'start of month', '+1 month', '-1 day')
WHERE kind = 'recurring' AND status IN ('signed', 'active');

-- ---- 300 workers, complete files ----
CREATE TEMP TABLE p_skills(i INTEGER PRIMARY KEY, code TEXT);
INSERT INTO p_skills(i, code) VALUES (0, 'menage'), (1, 'aide-dependance'), (2, 'repas'),
  (3, 'accompagnement'), (4, 'garde-malade');
INSERT INTO workers(id, name, name_key, matricule, badge, phone, skills, hired_on, status, notes,
                    ethics_signed_on, commitments_signed_on, created_at)
WITH RECURSIVE n(w) AS (SELECT 1 UNION ALL SELECT w + 1 FROM n WHERE w < 300),
  h AS (SELECT w, ((w * 2654435761 + 1013904223) % 4294967296) >> 8 AS a FROM n),
  d AS (SELECT w, a, date(:now, '-' || (400 + a % 3000) || ' days') AS hired, c.*
        FROM h JOIN clients c ON c.id = 1 + a % (SELECT count(*) FROM clients))
-- Named like the clients (gen_offer.sql's names, folded as the program folds them).
SELECT w, first_name || ' ' || name, first_key || ' ' || name_key,
       printf('M%05d', w), printf('B%05d', w), '+336' || printf('%08d', a % 100000000),
       'menage,aide-dependance,repas,accompagnement,garde-malade'
         || CASE WHEN w % 3 = 0 THEN ',transferts,permis' ELSE '' END,
       hired, 'active', '', hired, hired, hired || ' 09:00'
FROM d;
INSERT INTO worker_availability(worker_id, weekday, starts, ends)
SELECT w.id, d.value, '07:30', '18:30' FROM workers w, json_each('[1,2,3,4,5,6]') d
ORDER BY w.id, d.value;
INSERT INTO worker_steps(worker_id, step, done_on, done_by)
SELECT w.id, s.code, w.hired_on, 'karim.benali' FROM workers w, selection_steps s WHERE s.active = 1;
INSERT INTO worker_documents(worker_id, kind, dated, issued_on, note, added_by)
SELECT w.id, d.value, CASE WHEN d.value = 'criminal-record' THEN date(:now, '-' || (30 + w.id) || ' days')
                           ELSE w.hired_on END,
       CASE WHEN d.value = 'criminal-record' THEN date(:now, '-' || (40 + w.id) || ' days') END,
       '', 'karim.benali'
FROM workers w, json_each('["cv","id","criminal-record"]') d;

-- ---- 2,000 contracts: a worker's five times a day (Monday to Saturday); the first two times
-- shared by two contracts, Monday-Wednesday and Thursday-Saturday, the others six days a week;
-- the last 50 workers work mornings only (their afternoons free for replacements) ----
CREATE TEMP TABLE p_k AS
WITH RECURSIVE w(w) AS (SELECT 1 UNION ALL SELECT w + 1 FROM w WHERE w < 300),
  t(t) AS (SELECT 0 UNION ALL SELECT t + 1 FROM t WHERE t < 4),
  part(p, d0, d1) AS (VALUES (0, 1, 6), (1, 1, 3), (2, 4, 6)),
  c AS (SELECT w, t, p, d0, d1 FROM w, t, part
        WHERE ((p = 0 AND t >= 2) OR (p > 0 AND t <= 1)) AND (w <= 250 OR t <= 2)),
  r AS (SELECT c.*, row_number() OVER (ORDER BY w, t, p) AS j FROM c),
  h AS (SELECT r.*, ((j * 2246822519 + 3266489917) % 4294967296) >> 8 AS a FROM r)
SELECT j, w, t, d0, d1, a,
       -- a start from ten years ago to last week, more of them long ago (a contract lasts)
       date(:now, '-' || (7 + (3640 * (1.0 - ((a % 10000) / 10000.0) * ((a % 10000) / 10000.0))))
            || ' days') AS start,
       (SELECT code FROM p_skills WHERE i = j % 5) AS svc,
       CASE t WHEN 0 THEN '08:00' WHEN 1 THEN '09:45' WHEN 2 THEN '11:30' WHEN 3 THEN '14:00'
              ELSE '15:45' END AS starts,
       CASE t WHEN 0 THEN '09:30' WHEN 1 THEN '11:15' WHEN 2 THEN '13:00' WHEN 3 THEN '15:30'
              ELSE '17:15' END AS ends
FROM h;
-- Their clients: those with no contract yet, the first 2,000.
CREATE TEMP TABLE p_c AS
SELECT row_number() OVER (ORDER BY c.id) AS j, c.id AS client_id FROM clients c
WHERE NOT EXISTS (SELECT 1 FROM contracts k WHERE k.client_id = c.id)
ORDER BY c.id LIMIT 2000;
CREATE TEMP TABLE p_kk AS
SELECT k.*, c.client_id, s.price, s.vat, s.label, (k.d1 - k.d0 + 1) * 150 AS hours,
       date(k.start, '-10 days') AS date, date(k.start, '-7 days') AS signed,
       date(k.start, '-20 days') AS qdate, 1000000 + k.j AS kid, 1000000 + k.j AS qid
FROM p_k k JOIN p_c c ON c.j = k.j
  JOIN (SELECT code, label, vat_rate AS vat, price FROM services) s ON s.code = k.svc;

INSERT INTO quotes(id, number, client_id, date, valid_until, status, notes, created_by)
SELECT qid, 'D' || substr(qdate, 1, 4) || '-9' || printf('%04d', j), client_id, qdate,
       date(qdate, '+30 days'), 'draft', '', 'karim.benali'
FROM p_kk ORDER BY qid;
INSERT INTO quote_lines(quote_id, position, service_code, label, unit, qty, unit_price, vat_rate,
                        amount_excl, vat)
SELECT qid, 1, svc, label, 'hour', hours * 52 / 12, price, vat, (hours * 52 / 12 * price + 50) / 100,
       ((hours * 52 / 12 * price + 50) / 100 * vat + 5000) / 10000
FROM p_kk ORDER BY qid;
UPDATE quotes SET total_excl = l.amount_excl, total_vat = l.vat, total_incl = l.amount_excl + l.vat,
  status = 'accepted', sent_on = date(quotes.date, '+1 days'), accepted_on = date(quotes.date, '+5 days')
FROM quote_lines l WHERE l.quote_id = quotes.id AND quotes.id >= 1000000;
UPDATE clients SET status = 'active' WHERE id IN (SELECT client_id FROM p_kk);

INSERT INTO contracts(id, number, client_id, quote_id, kind, date, start, hourly_price_excl,
                      vat_rate, hours, skills, at_agency, express_start, status, monthly_incl,
                      created_by)
SELECT kid, 'C' || substr(date, 1, 4) || '-9' || printf('%04d', j), client_id, qid, 'recurring',
       date, start, price, vat, hours, '', 1, 0, 'draft',
       (hours * ((price * (10000 + vat) + 5000) / 10000) * 52 + 600) / 1200, 'karim.benali'
FROM p_kk ORDER BY kid;
INSERT INTO contract_lines(id, contract_id, position, service_code, label, hours,
                           hourly_price_excl, vat_rate)
SELECT kid, kid, 1, svc, label, hours, price, vat FROM p_kk ORDER BY kid;
CREATE TEMP TABLE p_s AS
WITH RECURSIVE d(d) AS (SELECT 1 UNION ALL SELECT d + 1 FROM d WHERE d < 6)
SELECT row_number() OVER (ORDER BY k.kid, d.d) + 1000000 AS sid, k.kid, k.client_id, k.w,
       d.d AS weekday, k.starts, k.ends, k.svc, k.start, k.a
FROM p_kk k JOIN d ON d.d BETWEEN k.d0 AND k.d1;
INSERT INTO contract_slots(id, contract_id, weekday, starts, ends, service_code, line_id, worker_id)
SELECT sid, kid, weekday, starts, ends, svc, kid, w FROM p_s ORDER BY sid;
UPDATE contracts SET status = 'signed', signed_on = k.signed FROM p_kk k WHERE contracts.id = k.kid;

-- Each worker met each client before the first visit.
INSERT INTO meetings(client_id, worker_id, met_on, representative, service, request, forbidden_zones, signed_on)
SELECT client_id, w, date(start, '-3 days'), 'karim.benali', svc, 'Comme convenu au contrat', '',
       date(start, '-3 days')
FROM p_kk ORDER BY kid;

-- ---- the visits: every slot, every week from :since (or the contract's start) to 8 weeks ahead ----
CREATE TEMP TABLE p_w AS
WITH RECURSIVE wk(i, monday) AS (
  SELECT 0, date((SELECT monday FROM p_n), '-' || (7 * (CAST((julianday((SELECT monday FROM p_n)) - julianday(:since)) / 7 AS INTEGER) + 1)) || ' days')
  UNION ALL SELECT i + 1, date(monday, '+7 days') FROM wk WHERE monday < (SELECT horizon FROM p_n))
SELECT i, monday FROM wk WHERE monday < (SELECT horizon FROM p_n);

INSERT INTO visits(contract_id, client_id, line_id, worker_id, starts, ends, status, cancel_reason,
                   arrived_at, left_at, forced, slot_id, slot_week, created_at, created_by)
WITH v AS (
  SELECT s.kid, s.client_id, s.w, s.sid, w.monday,
         date(w.monday, '+' || (s.weekday - 1) || ' days') || ' ' || s.starts AS vs,
         date(w.monday, '+' || (s.weekday - 1) || ' days') || ' ' || s.ends AS ve,
         ((s.sid * 2654435761 + w.i * 40503 + 1013904223) % 4294967296) >> 8 AS h
  FROM p_w w JOIN p_s s ON date(w.monday, '+' || (s.weekday - 1) || ' days') >= max(s.start, :since)),
  st AS (
  SELECT v.*, CASE WHEN vs >= (SELECT now FROM p_n) THEN 'planned'
                   WHEN h % 100 < 2 THEN 'cancelled' WHEN h % 1000 < 3 THEN 'missed'
                   ELSE 'done' END AS status
  FROM v)
SELECT kid, client_id, kid, w, vs, ve, status,
       CASE WHEN status = 'cancelled' THEN 'Client hospitalisé' END,
       CASE WHEN status = 'done' THEN strftime('%Y-%m-%d %H:%M', vs, '+' || ((h / 100) % 25 - 5) || ' minutes') END,
       CASE WHEN status = 'done' THEN strftime('%Y-%m-%d %H:%M', ve, '+' || ((h / 100) % 25 - 5) || ' minutes') END,
       '', sid, monday, date(monday, '-14 days') || ' 08:00', 'karim.benali'
FROM st ORDER BY vs, sid;

-- Absences: three a year for each worker, one to five days; and ten absent next week.
INSERT INTO absences(worker_id, from_day, to_day, kind, note)
WITH RECURSIVE y(y) AS (SELECT 0 UNION ALL SELECT y + 1 FROM y WHERE y < 10),
  a AS (SELECT w.id AS w, y.y, j.value AS j,
               date(:now, '-3653 days', '+' || (y.y * 365 + (w.id * 37 + j.value * 113 + y.y * 7) % 350) || ' days') AS f
        FROM workers w, y, json_each('[0,1,2]') j)
SELECT w, f, date(f, '+' || ((w + j) % 5) || ' days'), CASE j WHEN 0 THEN 'sick' ELSE 'leave' END, ''
FROM a WHERE f >= :since AND f < date(:now, '-1 days')
UNION ALL
SELECT id, date((SELECT monday FROM p_n), '+7 days'), date((SELECT monday FROM p_n), '+11 days'), 'leave', 'Congés'
FROM workers WHERE id % 30 = 7
ORDER BY 2, 1;

-- The liaison notebook: the worker writes at each client's every other week.
INSERT INTO notes(client_id, at, author_kind, author, text)
SELECT client_id, slot_week || ' 10:00', 'worker', CAST(worker_id AS TEXT), 'RAS, tout va bien'
FROM visits WHERE slot_id IN (SELECT min(sid) FROM p_s GROUP BY kid)
  AND status = 'done' AND (julianday(slot_week) / 7) % 2 = 0;

-- ---- follow-up calls: the ones owed (a month after the first visit done, then yearly) done
-- a few days after their day, but for the last three weeks' and one in fifty ----
INSERT INTO followups(client_id, kind, due, done_on, done_by, satisfaction, note)
WITH RECURSIVE firsts(client_id, first) AS (
  SELECT k.client_id, (SELECT substr(min(v.starts), 1, 10) FROM visits v WHERE v.contract_id = k.kid AND v.status = 'done')
  FROM p_kk k),
  dues(client_id, first, months, due) AS (
  SELECT client_id, first, 1, min(date(first, 'start of month', '+1 months', '+' || (CAST(substr(first, 9, 2) AS INTEGER) - 1) || ' days'),
                                  date(first, 'start of month', '+2 months', '-1 day'))
  FROM firsts WHERE first IS NOT NULL
  UNION ALL
  SELECT client_id, first, CASE months WHEN 1 THEN 12 ELSE months + 12 END,
         min(date(first, 'start of month', '+' || (CASE months WHEN 1 THEN 12 ELSE months + 12 END) || ' months', '+' || (CAST(substr(first, 9, 2) AS INTEGER) - 1) || ' days'),
             date(first, 'start of month', '+' || (CASE months WHEN 1 THEN 13 ELSE months + 13 END) || ' months', '-1 day'))
  FROM dues WHERE due <= date(:now))
SELECT client_id, CASE months WHEN 1 THEN 'first-month' ELSE 'yearly' END, due,
       date(due, '+' || (client_id % 5) || ' days'), 'karim.benali', 1 + (client_id + months) % 5,
       CASE WHEN client_id % 7 = 0 THEN 'Très contente de son intervenante' ELSE '' END
FROM dues WHERE due < date(:now, '-21 days') AND (client_id + months) % 50 <> 0
ORDER BY due, client_id;

-- ---- complaints: about 1,500 a year over the served clients; closed after about two weeks,
-- but for the last month's; one old one in two hundred forgotten open ----
CREATE TEMP TABLE p_cat(i INTEGER PRIMARY KEY, code TEXT);
INSERT INTO p_cat(i, code) SELECT row_number() OVER (ORDER BY position) - 1, code FROM complaint_categories;
INSERT INTO complaints(id, received_on, channel, client_id, worker_id, category, description,
                       severity, anomaly, status, answer, answered_on, closed_on, recorded_by, created_at)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000),
  h AS (SELECT i, ((i * 2654435761 + 1013904223) % 4294967296) >> 8 AS a,
               ((i * 1664525 + 1013904223) % 4294967296) >> 8 AS b FROM n),
  d AS (SELECT h.*, date(:now, '-3650 days', '+' || (i * 3649 / 15000) || ' days') AS day,
               (SELECT k.client_id FROM p_kk k WHERE k.j = 1 + a % 2000) AS client_id,
               (SELECT k.w FROM p_kk k WHERE k.j = 1 + a % 2000) AS w
        FROM h),
  e AS (SELECT d.*, CASE WHEN day >= date(:now, '-30 days') THEN CASE b % 3 WHEN 0 THEN 'open' WHEN 1 THEN 'in_progress' ELSE 'answered' END
                         WHEN b % 200 = 7 THEN 'open' ELSE 'closed' END AS status
        FROM d WHERE day >= :since)
SELECT i, day, json_extract('["phone","letter","email","home","survey","followup"]', '$[' || (b % 6) || ']'),
       client_id, CASE WHEN a % 4 <> 0 THEN w END,
       (SELECT code FROM p_cat WHERE i = (a / 7) % (SELECT count(*) FROM p_cat)),
       'Réclamation du client : retard ou oubli signalé', CASE b % 5 WHEN 0 THEN 'high' WHEN 1 THEN 'low' ELSE 'medium' END,
       (a / 100) % 20 = 0, status,
       CASE WHEN status IN ('answered', 'closed') THEN 'Excuses présentées, intervenante informée' END,
       CASE WHEN status IN ('answered', 'closed') THEN min(date(day, '+5 days'), date(:now)) END,
       CASE WHEN status = 'closed' THEN min(date(day, '+14 days'), date(:now)) END,
       'karim.benali', day || ' 11:00'
FROM e ORDER BY i;
INSERT INTO complaint_actions(complaint_id, done_on, text, done_by)
SELECT c.id, min(date(c.received_on, '+' || (2 * j.value + 1) || ' days'), date(:now)),
       'Appel à la cliente, point avec l''intervenante', 'karim.benali'
FROM complaints c, json_each('[0,1,2]') j WHERE j.value <= c.id % 3 AND c.status <> 'open'
ORDER BY c.id, j.value;
-- Action plans: one a quarter, answering that quarter's punctuality complaints.
INSERT INTO action_plans(id, title, cause, status, opened_on, closed_on, created_by)
WITH RECURSIVE q(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM q WHERE i < 39)
SELECT i + 1, 'Retards répétés, trimestre ' || (i + 1), 'Tournées trop serrées',
       CASE WHEN i < 38 THEN 'closed' ELSE 'open' END,
       date(:now, '-3650 days', '+' || (i * 91 + 91) || ' days'),
       CASE WHEN i < 38 THEN date(:now, '-3650 days', '+' || (i * 91 + 150) || ' days') END, 'karim.benali'
FROM q WHERE date(:now, '-3650 days', '+' || (i * 91 + 91) || ' days') >= :since;
INSERT INTO plan_complaints(plan_id, complaint_id)
SELECT p.id, c.id FROM action_plans p JOIN complaints c
  ON c.received_on >= date(p.opened_on, '-91 days') AND c.received_on < p.opened_on
WHERE c.category = 'punctuality';
INSERT INTO plan_actions(plan_id, text, owner, due, done_on)
SELECT p.id, 'Revoir les tournées', 'karim.benali', date(p.opened_on, '+30 days'),
       CASE WHEN p.status = 'closed' THEN date(p.opened_on, '+30 days') END
FROM action_plans p;

-- ---- the survey: a campaign a year from the first year of :since, published the next
-- spring but last year's; the clients served that year; about 40% answered ----
INSERT INTO survey_campaigns(year, opened_on, opened_by)
WITH RECURSIVE y(y) AS (SELECT CAST(substr(:since, 1, 4) AS INTEGER)
                        UNION ALL SELECT y + 1 FROM y WHERE y < CAST(substr(:now, 1, 4) AS INTEGER) - 1)
SELECT y, y || '-11-15', 'bench' FROM y WHERE y < CAST(substr(:now, 1, 4) AS INTEGER);
CREATE TEMP TABLE p_q(pos INTEGER PRIMARY KEY, code TEXT, fr TEXT, en TEXT);
INSERT INTO p_q(pos, code, fr, en) VALUES
  (1, 'welcome', 'L''accueil téléphonique de l''agence', 'The agency''s welcome on the phone'),
  (2, 'callback', 'La rapidité avec laquelle l''agence vous rappelle', 'How quickly the agency calls you back'),
  (3, 'quote', 'La clarté du devis', 'How clear the quote was'),
  (4, 'punctuality', 'La ponctualité de votre intervenant(e)', 'Your worker''s punctuality'),
  (5, 'quality', 'La qualité du travail', 'The quality of the work'),
  (6, 'courtesy', 'La courtoisie de votre intervenant(e)', 'Your worker''s courtesy'),
  (7, 'continuity', 'La continuité du service', 'The continuity of the service'),
  (8, 'replacement', 'Le remplacement pendant les absences', 'Replacement during absences'),
  (9, 'overall', 'Votre satisfaction d''ensemble', 'Your overall satisfaction'),
  (10, 'recommend', 'Recommanderiez-vous l''agence ?', 'Would you recommend the agency?');
INSERT INTO survey_questions(year, position, code, text_fr, text_en)
SELECT s.year, q.pos, q.code, q.fr, q.en FROM survey_campaigns s, p_q q ORDER BY s.year, q.pos;
INSERT INTO survey_clients(year, client_id, answers, comment, entered_by, entered_at)
WITH sc AS (
  SELECT s.year, k.client_id, ((k.client_id * 2654435761 + s.year * 97) % 4294967296) >> 8 AS h
  FROM survey_campaigns s JOIN p_kk k ON k.signed <= s.year || '-12-31')
SELECT year, client_id,
       CASE WHEN h % 10 < 4 THEN
         (1 + h % 2) || (1 + (h / 2) % 3) || (1 + (h / 6) % 2) || (1 + (h / 12) % 4) || (1 + (h / 48) % 2)
         || (1 + (h / 96) % 2) || (1 + (h / 192) % 3) || (1 + (h / 576) % 5) || (1 + (h / 2880) % 2) || (1 + (h / 5760) % 2)
       END,
       CASE WHEN h % 10 = 0 THEN 'Très bien dans l''ensemble' ELSE '' END,
       CASE WHEN h % 10 < 4 THEN 'karim.benali' END,
       CASE WHEN h % 10 < 4 THEN (year + 1) || '-01-' || printf('%02d', 5 + h % 20) || ' 10:00' END
FROM sc ORDER BY year, client_id;
UPDATE survey_campaigns SET published_on = (year + 1) || '-03-01', published_by = 'bench'
WHERE year < CAST(substr(:now, 1, 4) AS INTEGER) - 1;

COMMIT;
PRAGMA synchronous = NORMAL;
