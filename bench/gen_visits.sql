-- gen_visits.sql — the floor of `charte visit generate --from :from --to :to` for `make bench`:
-- the sqlite3 shell inserting the same rows, the visits of every weekly slot (with its line) of
-- the signed recurring contracts, each week of [:from, :to] within the contract's days (from
-- its start, after its withdrawal period when it runs one; up to its end), none twice. Run by
-- bench/run.sh with `.parameter set` of :now, :from and :to (the bench's contracts skip no
-- public holiday).
BEGIN IMMEDIATE;
INSERT INTO visits(contract_id, client_id, line_id, worker_id, starts, ends, status,
                  forced, slot_id, slot_week, created_at, created_by)
WITH RECURSIVE
  k AS (SELECT k.id, k.client_id,
               max(:from, k.start, CASE WHEN k.withdrawal_end IS NOT NULL AND k.express_start = 0
                                        AND k.at_agency = 0 THEN date(k.withdrawal_end, '+1 day')
                                        ELSE '' END) AS first,
               min(:to, coalesce(k.ended_on, :to)) AS last
        FROM contracts k
        WHERE k.kind = 'recurring' AND k.signed_on IS NOT NULL AND k.start <= :to
          AND (k.status IN ('signed', 'active') OR (k.status = 'ended' AND k.ended_on >= :from))),
  w(monday) AS (SELECT date(:from, '-' || ((CAST(strftime('%w', :from) AS INTEGER) + 6) % 7) || ' days')
                UNION ALL SELECT date(monday, '+7 days') FROM w WHERE monday < :to),
  v AS (SELECT k.id, k.client_id, s.line_id, s.worker_id, s.id AS slot_id, w.monday,
               date(w.monday, '+' || (s.weekday - 1) || ' days') AS day, s.starts, s.ends
        FROM k JOIN contract_slots s ON s.contract_id = k.id AND s.line_id IS NOT NULL
        JOIN w ON date(w.monday, '+' || (s.weekday - 1) || ' days') BETWEEN k.first AND k.last)
SELECT id, client_id, line_id, worker_id, day || ' ' || starts,
       strftime('%Y-%m-%d %H:%M', day || ' ' || starts,
                '+' || ((CAST(substr(ends, 1, 2) AS INTEGER) * 60 + CAST(substr(ends, 4, 2) AS INTEGER)
                         - CAST(substr(starts, 1, 2) AS INTEGER) * 60 - CAST(substr(starts, 4, 2) AS INTEGER)
                         + 1440) % 1440) || ' minutes'),
       'planned', '', slot_id, monday, :now, 'bench'
FROM v ORDER BY id, slot_id, monday;
COMMIT;
