-- gen.sql — 1,000,000 calls over ten years ending the day before :now, for `make bench`.
-- Run by bench/run.sh with the sqlite3 shell on a file made by `charte init`, after
-- `.parameter set :now '...'`. Deterministic: every choice is a hash of the row number.
-- The FTS index and the other indexes are kept right by the schema's own triggers and
-- indexes (the audit triggers write no history for the shell: it has no audit_context row).
PRAGMA cache_size = -262144;
PRAGMA synchronous = OFF;

CREATE TEMP TABLE first_names(i INTEGER PRIMARY KEY, v TEXT);
INSERT INTO first_names(i, v) SELECT key, value FROM json_each('["Hélène","Françoise","Bérénice","Geneviève","Thérèse","Josiane","Mireille","Élise","Noémie","Cécile","Agnès","Monique","Jacqueline","Madeleine","Odile","Sylvie","Chloé","Léa","Inès","Anaïs","Maëlle","Solène","Renée","Yvette","Gisèle","Marie-Thérèse","Colette","Nathalie","Zoé","Éliane","Jean-François","André","Gérard","Jérôme","René","Benoît","Noël","Hervé","Frédéric","Stéphane","Michel","Raphaël","Théo","Loïc","Joël","Gaëtan","Élie","François","Daniel","Lucien","Aimé","Clément","Jérémie","Rémi","Yannick","Bernard","Grégoire","Maurice","Paulette","Denise"]');
CREATE TEMP TABLE surnames(i INTEGER PRIMARY KEY, v TEXT);
INSERT INTO surnames(i, v) SELECT key, value FROM json_each('["Lefèvre","Lefebvre","Martin","Bernard","Dubois","Thomas","Robert","Richard","Petit","Durand","Leroy","Moreau","Simon","Laurent","Garcia","David","Bertrand","Roux","Vincent","Fournier","Morel","Girard","André","Mercier","Dupont","Lambert","Bonnet","François","Legrand","Garnier","Faure","Rousseau","Blanc","Guérin","Muller","Henry","Roussel","Perrin","Morin","Mathieu","Clément","Gauthier","Dumont","Fontaine","Chevalier","Robin","Masson","Gérard","Nguyen","Boyer","Lemaire","Duval","Joly","Roche","Noël","Meyer","Meunier","Pérez","Marchand","Dufour","Blanchard","Barbier","Brun","Dumas","Brunet","Leroux","Colin","Renard","Arnaud","Caron","Aubert","Giraud","Leclerc","Vidal","Bourgeois","Lemoine","Picard","Gaillard","Lacroix","Fabre","Dupuis","Hubert","Rivière","Le Gall","Moulin","Berger","Lecomte","Ménard","Fleury","Deschamps","Carpentier","Maillard","Aubry","Prévost","Poirier","Charpentier","Huet","Carré","Breton","Rémy","Guyot","Bénard","Lebrun","Besnard","Lefrançois","Chênevert","Bézier","Kerjean","Œuvrard","Da Silva","Saint-Aubin","Adam","Rey","Moulinier","Gonzalez","Lecoq","Fleuriot","Deschênes","Julien","Benoist","Paris","Maillot","Marchal","Aubin","Vasseur","Le Roux","Renault","Jacquet","Collet","Prévot","Poulain","Royer","Hamon","Baron","Dupuy","Pons","Paul","Laine","Carrier","Bretonneau","Rémond","Schneider","Perrot","Guyon","Barre","Marty","Cousin","Bénéteau","Lebreton","Hoarau","Millet","Besson","Lefort","Desmoulins","Chênedollé","Bézard","Kergoat","Léger","Delacroix","Daumier","Sauvage","Delorme","Bouvier","Lemaître","Tessier","Courtois","Hardy","Langlois","Boucher","Marechal","Germain","Rolland","Weber","Gilbert","Lucas","Bailly","Herve","Aubry","Rocher","Etienne","Texier","Cordier","Lejeune","Régnier","Bertin","Vallée","Pasquier","Jacob","Ollivier","Maréchal","Buisson","Chauvin","Hébert","Gautier","Colas","Duhamel","Bouchet","Huguet","Mallet","Fernandes","Brunel","Roger","Lévêque","Bigot","Martineau"]');
CREATE TEMP TABLE subjects(i INTEGER PRIMARY KEY, v TEXT);
INSERT INTO subjects(i, v) SELECT key, value FROM json_each('["Demande de devis ménage","Demande de devis repassage","Aide à domicile pour un parent âgé : renseignements","Changement d''horaire de l''intervention","Absence de l''intervenante","Annulation d''une intervention (hospitalisation)","Attestation fiscale","Réclamation retard de l''intervenante","Question sur la facture","Garde d''enfants après l''école","Jardinage et petit bricolage : tarifs","Remplacement pendant les congés","Rendez-vous pour l''évaluation à domicile","Dossier APA : quels justificatifs ?","Renouvellement du contrat","Candidature spontanée (auxiliaire de vie)","La famille s''inquiète","Clés non restituées","Paiement par CESU préfinancé","Courses et préparation des repas","Sortie d''hospitalisation : mise en place d''une aide","Plan d''aide APA : heures accordées"]');

INSERT INTO calls(at, caller, phone, subject, taken_by, answered, voicemail, callback, due,
                  called_back_at, callback_note, documentation, doc_due, doc_sent_at,
                  cancelled, cancel_reason)
WITH RECURSIVE
  n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 999999),
  -- two 24-bit hashes of the row number (Knuth's multiplicative hash, then an LCG step;
  -- products stay far below 2^63)
  h0 AS (SELECT k, (k * 2654435761 + 1013904223) % 4294967296 AS x FROM n),
  h AS (SELECT k, x >> 8 AS a, ((x * 1664525 + 1013904223) % 4294967296) >> 8 AS b FROM h0),
  t AS (
    SELECT k, a, b,
           -- the day: ten years (3653 days) up to the day before now
           date(:now, '-3653 days', '+' || (k * 3653 / 1000000) || ' days') AS day,
           -- mostly within opening hours; one call in twenty outside
           CASE WHEN b % 20 = 0 THEN a % 1440 ELSE 540 + a % 540 END AS minute
    FROM h),
  u AS (
    SELECT k, a, b,
           substr(datetime(day, '+' || minute || ' minutes'), 1, 16) AS at,
           strftime('%w', day) IN ('0', '6') OR minute < 540 OR minute >= 1080 AS voicemail,
           (b / 110) % 10 < 3 AS callback,
           (b / 1100) % 10 = 9 AS documentation,
           (b / 11000) % 251 = 0 AS cancelled,
           strftime('%w', day) AS wd
    FROM t)
SELECT at,
       -- first names 30 to 57 are men's
       CASE WHEN a % 60 BETWEEN 30 AND 57 THEN 'M. ' ELSE 'Mme ' END
         || (SELECT v FROM first_names WHERE i = a % 60) || ' '
         || (SELECT v FROM surnames WHERE i = (a / 60) % 200),
       CASE WHEN b % 5 < 3 THEN '+336' || printf('%08d', (a * 7 + b) % 100000000)
            WHEN b % 5 = 3 THEN '+3324' || printf('%07d', (a * 3 + b) % 10000000)
            ELSE NULL END,
       (SELECT v FROM subjects WHERE i = (b / 5) % 22),
       CASE (a / 12000) % 4 WHEN 0 THEN 'karim.benali' WHEN 1 THEN 'lucie.moreau'
                            ELSE 'sophie.martin' END,
       NOT callback AND NOT voicemail,
       voicemail,
       callback,
       CASE WHEN callback THEN substr(datetime(at, CASE wd WHEN '5' THEN '+3 days'
                                                           WHEN '6' THEN '+2 days'
                                                           ELSE '+1 days' END), 1, 16) END,
       -- callbacks made, but for the last two days and a few forgotten ones
       CASE WHEN callback AND k < 999400 AND k % 9973 <> 5 THEN substr(datetime(at, '+2 hours'), 1, 16) END,
       CASE WHEN callback AND k < 999400 AND k % 9973 <> 5 AND b % 3 = 0 THEN 'Rappelée : réglé' END,
       documentation,
       CASE WHEN documentation THEN substr(datetime(at, '+2 days'), 1, 16) END,
       CASE WHEN documentation AND k < 999400 THEN substr(datetime(at, '+1 days'), 1, 16) END,
       cancelled,
       CASE WHEN cancelled THEN 'Saisi deux fois' END
FROM u;

PRAGMA synchronous = NORMAL;
