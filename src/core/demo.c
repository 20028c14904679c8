/* demo.c — a lively demo agency for `charte init --demo` and `make run`: a real-looking agency
 * in Tours, its staff, and a year of calls up to now with French names and subjects, most
 * callbacks made, a few overdue as of now, a few due today, documentation still to send.
 *
 * One static function per section (demo_settings, demo_staff, demo_calls), each drawing from
 * the same small PRNG seeded with a constant, so that the file is the same for a given now.
 * Everything goes through the domain's functions (settings_set, staff_create, call_check and
 * call_prepare) inside one transaction; the calls are stored with the row-by-row audit off
 * and one summary row, as the importer does. */
#include "charte/demo.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/call.h"
#include "charte/settings.h"
#include "charte/staff.h"

/* The state the sections share. */
typedef struct demo {
	app *a;
	uint64_t rng;
} demo;

/* splitmix64: small, good enough, the same everywhere. */
static uint64_t next(demo *d)
{
	uint64_t z = (d->rng += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* 0 <= result < n (n > 0). */
static int below(demo *d, int n)
{
	return (int)(next(d) % (uint64_t)n);
}

/* true with p percent. */
static bool chance(demo *d, int p)
{
	return below(d, 100) < p;
}

#define PICK(d, arr) ((arr)[below((d), (int)ARRAY_LEN(arr))])

/* ---- settings ---- */

static int demo_settings(demo *d, cerr *e)
{
	app *a = d->a;
	/* The agency closes on the Friday after Ascension (the usual "pont"), this year and
	 * last year. */
	int y, m, dd;
	cal_ymd(app_today(a), &y, &m, &dd);
	char closed[32], b1[11], b2[11];
	fmt_date(cal_easter(y - 1) + 40, b1);
	fmt_date(cal_easter(y) + 40, b2);
	snprintf(closed, sizeof closed, "%s,%s", b1, b2);
	static const char *const keys[][2] = {
	    {"agency.name", "Aide & Présence Val-de-Loire"},
	    {"agency.address", "14 rue Nationale, 37000 Tours"},
	    {"agency.phone", "02 47 64 18 30"},
	    {"agency.sap_number", "SAP813452769"},
	    {"agency.sap_date", "2016-09-12"},
	};
	int r = ST_OK;
	for (size_t i = 0; i < ARRAY_LEN(keys) && !r; i++)
		r = settings_set(a, keys[i][0], keys[i][1], e);
	if (!r)
		r = settings_set(a, "desk.closed_dates", closed, e);
	return r;
}

/* ---- staff ---- */

/* Who takes the calls, and how often (percent); the manager (the current login) takes the
 * rest. */
static const struct {
	const char *login, *name;
	int role, share;
} demo_team[] = {
    {"sophie.martin", "Sophie Martin", ROLE_RECEPTIONIST, 62},
    {"lucie.moreau", "Lucie Moreau", ROLE_RECEPTIONIST, 18},
    {"karim.benali", "Karim Benali", ROLE_COORDINATOR, 12},
    {"nathalie.perrin", "Nathalie Perrin", ROLE_COORDINATOR, 0},
};

static int demo_staff(demo *d, cerr *e)
{
	int r = ST_OK;
	for (size_t i = 0; i < ARRAY_LEN(demo_team) && !r; i++) {
		staff s = {0, (char *)demo_team[i].login, (char *)demo_team[i].name,
		           demo_team[i].role, true};
		r = staff_create(d->a, &s, e);
	}
	return r;
}

/* ---- calls ---- */

static const char *const first_f[] = {
    "Hélène", "Françoise", "Bérénice", "Geneviève", "Thérèse",       "Josiane",    "Mireille",
    "Élise",  "Noémie",    "Cécile",   "Agnès",     "Monique",       "Jacqueline", "Madeleine",
    "Odile",  "Sylvie",    "Chloé",    "Léa",       "Inès",          "Anaïs",      "Maëlle",
    "Solène", "Renée",     "Yvette",   "Gisèle",    "Marie-Thérèse", "Colette",    "Nathalie",
    "Zoé",    "Éliane",    "Ginette",  "Paulette",  "Denise",        "Aurélie",    "Laëtitia",
};
static const char *const first_m[] = {
    "Jean-François", "André",    "Gérard",   "Jérôme",   "René",    "Benoît",   "Noël",
    "Hervé",         "Frédéric", "Stéphane", "Michel",   "Raphaël", "Théo",     "Loïc",
    "Joël",          "Gaëtan",   "Élie",     "François", "Daniel",  "Lucien",   "Aimé",
    "Clément",       "Jérémie",  "Rémi",     "Yannick",  "Bernard", "Grégoire", "Maurice",
};
static const char *const surnames[] = {
    "Lefèvre",   "Lefebvre", "Martin",    "Bernard",  "Dubois",      "Thomas",      "Robert",
    "Richard",   "Petit",    "Durand",    "Leroy",    "Moreau",      "Simon",       "Laurent",
    "Garcia",    "David",    "Bertrand",  "Roux",     "Vincent",     "Fournier",    "Morel",
    "Girard",    "André",    "Mercier",   "Dupont",   "Lambert",     "Bonnet",      "François",
    "Legrand",   "Garnier",  "Faure",     "Rousseau", "Blanc",       "Guérin",      "Muller",
    "Henry",     "Roussel",  "Perrin",    "Morin",    "Mathieu",     "Clément",     "Gauthier",
    "Dumont",    "Fontaine", "Chevalier", "Robin",    "Masson",      "Gérard",      "Nguyen",
    "Boyer",     "Lemaire",  "Duval",     "Joly",     "Roche",       "Noël",        "Meyer",
    "Meunier",   "Pérez",    "Marchand",  "Dufour",   "Blanchard",   "Barbier",     "Brun",
    "Dumas",     "Brunet",   "Leroux",    "Colin",    "Renard",      "Arnaud",      "Caron",
    "Aubert",    "Giraud",   "Leclerc",   "Vidal",    "Bourgeois",   "Lemoine",     "Picard",
    "Gaillard",  "Lacroix",  "Fabre",     "Dupuis",   "Hubert",      "Rivière",     "Le Gall",
    "Moulin",    "Berger",   "Lecomte",   "Ménard",   "Fleury",      "Deschamps",   "Carpentier",
    "Maillard",  "Aubry",    "Prévost",   "Poirier",  "Charpentier", "Huet",        "Carré",
    "Breton",    "Rémy",     "Guyot",     "Bénard",   "Lebrun",      "Besnard",     "Lefrançois",
    "Chênevert", "Bézier",   "Kerjean",   "Œuvrard",  "Da Silva",    "Saint-Aubin", "D'Argenson",
};
/* Institutions call too, about their own matters. */
static const char *const institutions[] = {
    "CCAS de Tours",
    "Hôpital Bretonneau, service social",
    "CARSAT Centre-Val de Loire",
    "Conseil départemental, service APA",
    "Mutuelle Harmonie, plateforme d'assistance",
    "Clinique de l'Alliance, sortie d'hospitalisation",
    "Résidence autonomie Les Tilleuls",
    "Mairie de Joué-lès-Tours",
};

/* Subjects, with how often they come (weight) and what the caller usually asks for (percent
 * of callbacks, of documentation). */
static const struct subject {
	const char *text;
	int weight, callback, documentation;
} subjects[] = {
    {"Demande de devis ménage", 8, 45, 30},
    {"Demande de devis repassage", 3, 45, 25},
    {"Aide à domicile pour un parent âgé : renseignements", 6, 40, 45},
    {"Changement d'horaire de l'intervention", 10, 35, 0},
    {"Absence de l'intervenante", 6, 30, 0},
    {"Annulation d'une intervention (hospitalisation)", 4, 10, 0},
    {"Attestation fiscale", 4, 15, 35},
    {"Réclamation retard de l'intervenante", 3, 75, 0},
    {"Question sur la facture", 6, 50, 0},
    {"Garde d'enfants après l'école", 3, 50, 35},
    {"Jardinage et petit bricolage : tarifs", 3, 40, 30},
    {"Remplacement pendant les congés de l'intervenante", 4, 45, 0},
    {"Rendez-vous pour l'évaluation à domicile", 5, 35, 0},
    {"Dossier APA : quels justificatifs ?", 3, 25, 70},
    {"Renouvellement du contrat", 2, 50, 10},
    {"Candidature spontanée (auxiliaire de vie)", 4, 15, 15},
    {"La famille s'inquiète de l'état de santé de sa mère", 2, 65, 0},
    {"Clés non restituées par l'intervenante", 1, 75, 0},
    {"Paiement par CESU préfinancé", 3, 30, 20},
    {"Courses et préparation des repas", 2, 30, 10},
    {"Merci pour la nouvelle intervenante, « très à l'écoute »", 1, 5, 0},
};
static const struct subject institution_subjects[] = {
    {"Sortie d'hospitalisation : mise en place d'une aide", 5, 70, 0},
    {"Plan d'aide APA : heures accordées", 3, 50, 20},
    {"Demande de documentation sur nos services", 2, 10, 90},
    {"Point sur un bénéficiaire commun", 3, 60, 0},
    {"Action de prévention : journée d'information", 1, 40, 40},
};
static const char *const callback_notes[] = {
    "Rappelée : devis envoyé par courrier",
    "Message laissé sur le répondeur",
    "Rendez-vous fixé pour une évaluation à domicile",
    "Réglé avec la coordinatrice",
    "Horaire modifié dans le planning",
    "Rappelé : il n'y a plus de problème, merci",
    "Intervenante remplaçante proposée, acceptée",
    "Rappelée, pas de réponse ; SMS envoyé",
    "Facture corrigée, avoir émis",
    "Informations données sur le crédit d'impôt de 50 %",
};
static const char *const cancel_reasons[] = {
    "Saisi deux fois",
    "Erreur : appel d'un démarcheur",
    "Mauvais numéro",
};

/* A caller who calls again: name and phone fixed. */
typedef struct person {
	char *name;
	char *phone; /* as typed: "06 12 34 56 78"; NULL: number withheld */
	bool institution;
} person;

#define PEOPLE   320
#define REGULARS 40

static char *demo_phone(demo *d, bool mobile)
{
	if (mobile)
		return xasprintf("0%d %02d %02d %02d %02d", chance(d, 80) ? 6 : 7, below(d, 100),
		                 below(d, 100), below(d, 100), below(d, 100));
	/* Tours and the Indre-et-Loire: 02 47 */
	return xasprintf("02 47 %02d %02d %02d", below(d, 100), below(d, 100), below(d, 100));
}

static void make_people(demo *d, person *p)
{
	for (int i = 0; i < PEOPLE; i++) {
		if (i < (int)ARRAY_LEN(institutions)) {
			p[i].name = xstrdup(institutions[i]);
			p[i].phone = demo_phone(d, false);
			p[i].institution = true;
			continue;
		}
		bool woman = chance(d, 68);
		const char *first = woman ? PICK(d, first_f) : PICK(d, first_m);
		const char *last = PICK(d, surnames);
		if (chance(d, 8)) /* a relative calls for a parent */
			p[i].name = xasprintf("%s %s %s (fille de %s %s)", "Mme", PICK(d, first_f),
			                      last, chance(d, 50) ? "M." : "Mme", last);
		else
			p[i].name = xasprintf("%s %s %s", woman ? "Mme" : "M.", first, last);
		p[i].phone = chance(d, 4) ? NULL : demo_phone(d, chance(d, 55));
		p[i].institution = false;
	}
}

static const struct subject *pick_subject(demo *d, const struct subject *list, size_t n)
{
	int total = 0;
	for (size_t i = 0; i < n; i++)
		total += list[i].weight;
	int k = below(d, total);
	for (size_t i = 0; i < n; i++) {
		if (k < list[i].weight)
			return &list[i];
		k -= list[i].weight;
	}
	return &list[0];
}

static const char *pick_taker(demo *d, const char *manager)
{
	int k = below(d, 100);
	for (size_t i = 0; i < ARRAY_LEN(demo_team); i++) {
		if (k < demo_team[i].share)
			return demo_team[i].login;
		k -= demo_team[i].share;
	}
	return manager;
}

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* A call's times after the fact: the callback made (or not), documentation sent. */
static void settle_callback(demo *d, const desk *k, call *c, cminute now)
{
	cminute base = cal_next_opening(k, c->at + 15);
	cminute at = base + below(d, 240);
	if (chance(d, 8)) /* a few are late */
		at = cal_next_opening(k, c->due + 20 + below(d, 300)) + below(d, 60);
	else if (at >= c->due)
		at = c->due - 1 - below(d, 60);
	if (at < c->at + 5)
		at = c->at + 5;
	if (at > now)
		at = now;
	c->called_back_at = at;
	if (chance(d, 70))
		c->callback_note = xstrdup(PICK(d, callback_notes));
}

static int cmp_due_desc(const void *x, const void *y)
{
	const call *a = *(call *const *)x, *b = *(call *const *)y;
	return (a->due < b->due) - (a->due > b->due);
}

static int demo_calls(demo *d, cerr *e)
{
	app *a = d->a;
	const desk *k = &a->desk;
	cminute now = app_now(a);
	cday today = cal_day_of(now);
	int doc_days = call_doc_delay(a);
	person people[PEOPLE];
	make_people(d, people);

	call *calls = NULL;
	size_t n = 0, cap = 0;
	for (cday day = today - 365; day <= today; day++) {
		bool working = cal_working_day(k, day);
		/* Working days: a busy desk, and a few messages before it opens or after it
		 * closes; other days: a few messages on the machine. */
		int count = working ? 11 + below(d, 11) : below(d, 4);
		int extra = working ? below(d, 3) : 0;
		int minutes[40] = {0};
		for (int i = 0; i < count + extra; i++) {
			if (!working)
				minutes[i] = 9 * 60 + below(d, 10 * 60);
			else if (i < count)
				minutes[i] = k->opens + below(d, k->closes - k->opens);
			else
				minutes[i] = chance(d, 50) ? k->opens - 1 - below(d, 75)
				                           : k->closes + below(d, 150);
		}
		qsort(minutes, (size_t)(count + extra), sizeof *minutes, cmp_int);
		for (int i = 0; i < count + extra; i++) {
			cminute at = cal_at(day, minutes[i]);
			if (at > now)
				break;
			int who = chance(d, 30) ? below(d, REGULARS) : below(d, PEOPLE);
			const person *p = &people[who];
			const struct subject *s =
			    p->institution ? pick_subject(d, institution_subjects,
			                                  ARRAY_LEN(institution_subjects))
			                   : pick_subject(d, subjects, ARRAY_LEN(subjects));
			if (n == cap) {
				cap = cap ? cap * 2 : 4096;
				calls = xrealloc(calls, cap * sizeof *calls);
			}
			call *c = &calls[n++];
			call_init(c);
			c->at = at;
			c->caller = xstrdup(p->name);
			c->phone = p->phone ? xstrdup(p->phone) : NULL;
			c->subject = xstrdup(s->text);
			c->taken_by = xstrdup(pick_taker(d, a->login));
			if (!cal_desk_open(k, at)) {
				/* A message on the machine: most ask to be called back. */
				c->callback = p->phone && chance(d, 90);
			} else {
				c->callback = p->phone && chance(d, s->callback);
				c->answered = !c->callback;
			}
			c->documentation = chance(d, s->documentation);
			call_prepare(k, doc_days, c);
			if (chance(d, 1) && !c->callback) {
				c->cancelled = true;
				c->cancel_reason = xstrdup(PICK(d, cancel_reasons));
			}
		}
	}

	/* Callbacks: all made but a few, the latest due left overdue, and one forgotten a while
	 * ago; those not yet due wait, unless already made this morning. */
	call **late = xcalloc(n ? n : 1, sizeof *late);
	size_t nlate = 0;
	for (size_t i = 0; i < n; i++)
		if (calls[i].callback && !calls[i].cancelled && calls[i].due < now)
			late[nlate++] = &calls[i];
	qsort(late, nlate, sizeof *late, cmp_due_desc);
	static const size_t left_open[] = {0, 2, 5, 9, 27};
	for (size_t i = 0; i < nlate; i++) {
		bool open = false;
		for (size_t j = 0; j < ARRAY_LEN(left_open); j++)
			open |= left_open[j] == i;
		if (!open)
			settle_callback(d, k, late[i], now);
	}
	free(late);
	for (size_t i = 0; i < n; i++) {
		call *c = &calls[i];
		if (c->callback && c->due >= now && c->at + 120 < now &&
		    cal_day_of(c->at) == today && chance(d, 40))
			settle_callback(d, k, c, now);
	}
	/* Documentation: sent within the delay, but for the last two requests. */
	size_t docs_left = 2;
	for (size_t i = n; i-- > 0;) {
		call *c = &calls[i];
		if (!c->documentation || c->cancelled)
			continue;
		if (docs_left > 0) {
			docs_left--;
			continue;
		}
		cminute sent = cal_next_opening(k, c->at + 60 + below(d, 600));
		if (sent > c->doc_due && chance(d, 90))
			sent = c->doc_due - below(d, 120);
		if (sent < c->at)
			sent = c->at + 1;
		c->doc_sent_at = sent > now ? now : sent;
	}

	int r = ST_OK;
	int64_t first = 0, last = 0;
	for (size_t i = 0; i < n && !r; i++) {
		r = call_check(a, &calls[i], e);
		if (!r)
			r = db_call_insert_bulk(a->db, &calls[i], e);
		if (!r && !first)
			first = calls[i].id;
		last = calls[i].id;
	}
	if (!r && n) {
		char *note = xasprintf(_("demo: %zu calls, ids %lld–%lld"), n, (long long)first,
		                       (long long)last);
		r = db_history_note(a->db, "calls", first, "demo", note, e);
		free(note);
	}
	calls_free(calls, n);
	for (int i = 0; i < PEOPLE; i++) {
		free(people[i].name);
		free(people[i].phone);
	}
	return r;
}

int demo_populate(app *a, cerr *e)
{
	demo d = {a, 0x43686172746531ULL}; /* "Charte1" */
	app_now(a);
	int r = db_begin(a->db, e);
	if (r)
		return r;
	r = demo_settings(&d, e);
	if (!r)
		r = demo_staff(&d, e);
	if (!r) {
		db_set_audit(a->db, false);
		r = demo_calls(&d, e);
		db_set_audit(a->db, true);
	}
	if (r) {
		db_rollback(a->db);
		app_reload(a, NULL);
		return r;
	}
	return db_commit(a->db, e);
}
