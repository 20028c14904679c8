/* demo.c — a lively demo agency for `charte init --demo` and `make run`: a real-looking agency
 * in Tours, its staff, a year of client files, needs analyses, quotes and contracts, and a year
 * of calls up to now with French names and subjects, most callbacks made, a few overdue as of
 * now, a few due today, documentation still to send.
 *
 * One static function per section (demo_settings, demo_staff, demo_clients, demo_offer,
 * demo_calls), each drawing from the same small PRNG seeded with a constant, so that the file is
 * the same for a given now. Everything goes through the domain's functions (settings_set,
 * staff_create, client_create, client_set_needs, quote_create, contract_sign ... call_check and
 * call_prepare) inside one transaction.
 *
 * The clients and the offer are planned first (who calls when, which service, what becomes of
 * the quote and the contract), as a list of dated steps; the steps are then played in time
 * order, the clock set to each step's time and the login to the member of staff who takes it,
 * so that every rule the domain applies (no date later than today, roles, numbering by year,
 * validity, withdrawal period) holds as it would have on that day, and the audit trail reads as
 * the year went. A handful of files are left in breach of the charter on purpose, so that the
 * dashboard and `charte audit` show each finding: needs-missing, quote-missing,
 * contract-unsigned, referent-missing, and from the call log callback-overdue and
 * documentation-not-sent; from the workers worker-file-incomplete and badge-missing; from the
 * complaints complaint-overdue and action-plan-missing (demo_complaints); from the visits a few
 * late arrivals (punctuality) and an uncovered slot; from the planning's week (demo_week) a
 * worker away next week, their visits left to replace (visit-uncovered), a few liaison notebook
 * entries, and the oldest follow-up calls made, one opening a complaint. The satisfaction survey,
 * last (it asks the clients with a visit done in the year): this year's opened lately and partly
 * answered; last year's answered and published early this year when the visits reach back
 * into it. The calls are stored with the row-by-row audit off and one summary
 * row, as the importer does; calls from clients are linked to their file. */
#include "charte/demo.h"

#include "core.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charte/call.h"
#include "charte/catalogue.h"
#include "charte/client.h"
#include "charte/complaint.h"
#include "charte/contract.h"
#include "charte/quote.h"
#include "charte/settings.h"
#include "charte/staff.h"
#include "charte/visit.h"
#include "charte/worker.h"
#include "charte/survey.h"
#include "charte/db_survey.h"
#include "charte/followup.h"
#include "charte/planning.h"

typedef struct dclient dclient;
typedef struct event event;

/* The state the sections share. */
typedef struct demo {
	app *a;
	uint64_t rng;
	cminute now;
	cday today;
	int wdays;   /* withdrawal.days */
	dclient *cl; /* the clients planned */
	int ncl;
	event *ev; /* their steps */
	size_t nev, capev;
	int64_t worker_ids[24]; /* the team's workers, in demo_workers order */
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

/* ---- names, shared by the clients and the callers ---- */

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
static char *demo_phone(demo *d, bool mobile)
{
	if (mobile)
		return xasprintf("0%d %02d %02d %02d %02d", chance(d, 80) ? 6 : 7, below(d, 100),
		                 below(d, 100), below(d, 100), below(d, 100));
	/* Tours and the Indre-et-Loire: 02 47 */
	return xasprintf("02 47 %02d %02d %02d", below(d, 100), below(d, 100), below(d, 100));
}

/* ---- clients and the offer: what the agency sells ---- */

enum {
	P_SENIOR,       /* help with the essential acts of daily life, most mornings */
	P_MENAGE,       /* housework and ironing, a few hours a week */
	P_ENFANTS,      /* children after school */
	P_JARDIN,       /* the garden, every week */
	P_SCOLAIRE,     /* tutoring */
	P_COURSES,      /* going shopping with an elderly person */
	P_HOSPI,        /* back home from hospital: mornings and evenings */
	P_GRAND_MENAGE, /* one-off: spring cleaning */
	P_TAILLE,       /* one-off: hedges */
	P_BRICOLAGE,    /* one-off: furniture, shelves */
	P_INFORMATIQUE, /* one-off: a tablet for video calls */
	NPROFILES
};

static const struct profile {
	const char *svc; /* the catalogue's service */
	bool one_off;
	int weight;          /* how often clients want it */
	const char *enquiry; /* the subject of the first call */
	const char *needs;   /* the services wanted, as the needs analysis puts it */
	const char *line[2]; /* the quote's lines: the two parts of the week, or the one-off */
	const char *skills;  /* the skills besides the service's (codes of the skills list) */
	const char *notes;   /* what the worker must be able to do, in words */
} profiles[NPROFILES] = {
    [P_SENIOR] = {"aide-dependance",
                  false,
                  32,
                  "Aide à domicile pour un parent âgé : renseignements",
                  "Aide au lever, à la toilette et à l'habillage ; aide aux repas",
                  {"Aide au lever, à la toilette et à l'habillage",
                   "Aide à la préparation et à la prise du repas de midi"},
                  "",
                  "Aide à la toilette et aux transferts ; expérience auprès de personnes âgées "
                  "dépendantes (DEAES souhaité)"},
    [P_MENAGE] = {"menage",
                  false,
                  24,
                  "Demande de devis ménage",
                  "Ménage du logement et repassage",
                  {"Ménage : sols, cuisine, sanitaires, poussières", "Repassage"},
                  "",
                  "Repassage soigné ; produits d'entretien fournis par le client"},
    [P_ENFANTS] = {"garde-enfants",
                   false,
                   8,
                   "Garde d'enfants après l'école",
                   "Sortie d'école, goûter, devoirs et bain",
                   {"Sortie d'école, goûter et aide aux devoirs", "Garde du mercredi après-midi"},
                   "",
                   "Garde d'enfants de plus de 3 ans ; premiers secours (PSC1)"},
    [P_JARDIN] = {"jardinage",
                  false,
                  6,
                  "Jardinage et petit bricolage : tarifs",
                  "Entretien régulier du jardin",
                  {"Entretien du jardin : tonte, désherbage, taille", NULL},
                  "",
                  "Tonte et taille ; sait se servir d'un taille-haie"},
    [P_SCOLAIRE] = {"soutien-scolaire",
                    false,
                    5,
                    "Soutien scolaire à domicile : tarifs",
                    "Soutien scolaire en mathématiques (collège)",
                    {"Soutien scolaire en mathématiques et en français", NULL},
                    "",
                    "Niveau licence ; mathématiques au collège"},
    [P_COURSES] = {"accompagnement",
                   false,
                   6,
                   "Courses et préparation des repas",
                   "Accompagnement aux courses et aux rendez-vous",
                   {"Accompagnement aux courses et aux rendez-vous", NULL},
                   "permis,vehicule",
                   "Permis B et véhicule ; patience"},
    [P_HOSPI] = {"aide-dependance",
                 false,
                 3,
                 "Sortie d'hospitalisation : mise en place d'une aide",
                 "Aide au lever et au coucher au retour de l'hôpital",
                 {"Aide au lever, à la toilette et à l'habillage", "Aide au coucher"},
                 "transferts",
                 "Aide aux transferts ; expérience du retour à domicile après une "
                 "hospitalisation"},
    [P_GRAND_MENAGE] = {"menage",
                        true,
                        5,
                        "Demande de devis ménage",
                        "Grand ménage ponctuel",
                        {"Grand ménage : vitres, placards, rideaux", NULL},
                        "",
                        "Nettoyage des vitres"},
    [P_TAILLE] = {"jardinage",
                  true,
                  5,
                  "Jardinage et petit bricolage : tarifs",
                  "Taille des haies",
                  {"Taille des haies et évacuation des déchets verts", NULL},
                  "permis",
                  "Taille des haies ; permis B pour la déchetterie"},
    [P_BRICOLAGE] = {"bricolage",
                     true,
                     3,
                     "Jardinage et petit bricolage : tarifs",
                     "Petits travaux : montage de meubles, étagères",
                     {"Montage de meubles et fixation d'étagères", NULL},
                     "",
                     "Bricolage ; perceuse fournie par l'intervenant"},
    [P_INFORMATIQUE] = {"informatique",
                        true,
                        3,
                        "Assistance informatique à domicile : tarifs",
                        "Installation d'une tablette et initiation",
                        {"Installation d'une tablette et initiation aux appels vidéo", NULL},
                        "",
                        "Pédagogie auprès des personnes âgées"},
};

/* What becomes of a client: the story the steps tell. */
enum story {
	S_PROSPECT,      /* a call, perhaps a needs analysis, nothing more yet */
	S_DRAFT,         /* a quote being written */
	S_PENDING,       /* a quote sent, still valid, no answer yet */
	S_EXPIRED,       /* a quote sent and never answered */
	S_REFUSED,       /* a quote refused */
	S_REQUOTE,       /* a quote refused, a smaller one accepted, a contract */
	S_CONTRACT,      /* a quote accepted, a contract signed */
	S_ACCEPTED_WAIT, /* a quote accepted, the contract drawn up, starting next weeks */
	S_ENDED,         /* a contract, then the client gave notice (R5) */
	S_WITHDRAWN,     /* a contract signed at home, withdrawn within the period (R4) */
	S_UNSIGNED,      /* breach O4: a recurring contract started, never signed */
	S_NOQUOTE_SMALL, /* a one-off under the threshold: no quote needed (R3) */
	S_NOQUOTE_ASKED, /* breach O2: the same, but the client had asked for a quote */
	S_NOQUOTE_BIG,   /* breach O2: back from hospital, started in a hurry without a quote */
	NSTORIES
};

static const struct {
	int story, count;
	int ago_min, ago_max; /* the first call, days before today */
} story_mix[] = {
    {S_CONTRACT, 40, 30, 350},     {S_REQUOTE, 3, 60, 330},       {S_ENDED, 3, 230, 350},
    {S_WITHDRAWN, 1, 60, 250},     {S_ACCEPTED_WAIT, 2, 35, 45},  {S_UNSIGNED, 2, 60, 90},
    {S_NOQUOTE_SMALL, 3, 20, 330}, {S_NOQUOTE_ASKED, 1, 40, 200}, {S_NOQUOTE_BIG, 1, 40, 200},
    {S_PENDING, 5, 10, 21},        {S_EXPIRED, 5, 60, 300},       {S_REFUSED, 7, 25, 340},
    {S_DRAFT, 3, 5, 10},           {S_PROSPECT, 44, 3, 360},
};
#define NCLIENTS 120

enum quote_fate { Q_NONE, Q_DRAFT, Q_SENT, Q_ACCEPTED, Q_REFUSED };
enum contract_fate { K_NONE, K_SIGNED, K_ENDED, K_WITHDRAWN, K_UNSIGNED, K_DRAFT_FUTURE };

typedef struct dslot {
	int weekday, starts, ends, part; /* part: which line of the quote */
} dslot;

/* One offer to a client: a quote, a contract, or both. */
typedef struct deal {
	int profile;
	int nslots;
	dslot slots[16];
	int64_t hours; /* one-off: the hours in all (hundredths) */
	int quote_fate, contract_fate;
	cday start;
	bool at_agency, express;
	int64_t quote_id, contract_id;
} deal;

struct dclient {
	int story;
	bool woman, couple;
	char *civility, *name, *first, *address, *phone, *phone2, *email, *notes;
	char *caller;                /* how the client gives the name on the phone */
	char *relative;              /* who calls from phone2 */
	const char *creator, *coord; /* who made the file; the coordinator who follows it */
	bool no_referent, no_needs, has_needs, wants_quote, filed;
	const char *instructions, *forbidden, *autonomy, *household, *constraints, *needs_notes;
	cminute t0;                /* the first call, and the file made during it */
	cminute visit_at;          /* the needs analysis, NO_MINUTE for none */
	cday serve_from, serve_to; /* in service (for the subjects of the calls) */
	int ndeals;
	deal deals[2];
	int64_t id;
};

/* The steps, played in time order. */
enum ev_kind {
	EV_CREATE, /* the file, made during the first call */
	EV_FILE,   /* the coordinator completes it: referent, instructions, forbidden zones */
	EV_NEEDS,  /* the needs analysis, at the client's home */
	EV_QUOTE,  /* a quote written, with its lines */
	EV_SEND,
	EV_ACCEPT,
	EV_REFUSE,
	EV_CONTRACT, /* a contract drawn up, with its weekly schedule */
	EV_SIGN,
	EV_END, /* notice given (R5), or a one-off service closed once done */
	EV_WITHDRAW,
	EV_FORMER, /* the client is no longer one */
};

struct event {
	cminute at;
	int seq;
	short kind, client, deal;
};

static void push(demo *d, cminute at, int kind, int client, int di)
{
	if (d->nev == d->capev) {
		d->capev = d->capev ? d->capev * 2 : 1024;
		d->ev = xrealloc(d->ev, d->capev * sizeof *d->ev);
	}
	d->ev[d->nev] = (event){at, (int)d->nev, (short)kind, (short)client, (short)di};
	d->nev++;
}

static int cmp_event(const void *x, const void *y)
{
	const event *a = x, *b = y;
	if (a->at != b->at)
		return (a->at > b->at) - (a->at < b->at);
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* ---- names, places, words ---- */

/* Streets of Tours, with their postcodes. */
static const struct {
	const char *street, *postcode;
} tours_streets[] = {
    {"rue Colbert", "37000"},
    {"rue du Commerce", "37000"},
    {"boulevard Béranger", "37000"},
    {"rue Marceau", "37000"},
    {"avenue de Grammont", "37000"},
    {"rue Michelet", "37000"},
    {"boulevard Heurteloup", "37000"},
    {"rue Édouard-Vaillant", "37000"},
    {"rue Febvotte", "37000"},
    {"rue Giraudeau", "37000"},
    {"rue de la Fuye", "37000"},
    {"boulevard Thiers", "37000"},
    {"rue Blaise-Pascal", "37000"},
    {"rue Bernard-Palissy", "37000"},
    {"rue des Halles", "37000"},
    {"rue d'Entraigues", "37000"},
    {"rue Origet", "37000"},
    {"rue George-Sand", "37000"},
    {"avenue de la Tranchée", "37100"},
    {"quai Paul-Bert", "37100"},
    {"rue Jules-Charpentier", "37100"},
    {"rue de la Chevalerie", "37100"},
    {"avenue Maginot", "37100"},
    {"rue du Colonel-Fabien", "37100"},
    {"avenue de l'Europe", "37100"},
    {"rue Daniel-Mayer", "37200"},
    {"rue Jean-Perrin", "37200"},
    {"boulevard Winston-Churchill", "37200"},
    {"allée de la Chapelle", "37200"},
    {"rue Saint-François", "37200"},
};
/* The towns around, and the streets every one of them has. */
static const struct {
	const char *town, *postcode;
} towns[] = {
    {"Joué-lès-Tours", "37300"},
    {"Saint-Cyr-sur-Loire", "37540"},
    {"Saint-Pierre-des-Corps", "37700"},
    {"La Riche", "37520"},
    {"Chambray-lès-Tours", "37170"},
    {"Saint-Avertin", "37550"},
    {"Fondettes", "37230"},
    {"Ballan-Miré", "37510"},
    {"Montlouis-sur-Loire", "37270"},
    {"Vouvray", "37210"},
    {"Luynes", "37230"},
    {"Chanceaux-sur-Choisille", "37390"},
    {"Notre-Dame-d'Oé", "37390"},
    {"Rochecorbon", "37210"},
    {"Veigné", "37250"},
    {"Savonnières", "37510"},
    {"Mettray", "37390"},
    {"Amboise", "37400"},
};
static const char *const streets[] = {
    "rue de la République",
    "rue Victor-Hugo",
    "allée des Tilleuls",
    "rue du Général-de-Gaulle",
    "impasse des Lilas",
    "rue des Écoles",
    "chemin des Vignes",
    "rue Pasteur",
    "avenue du Général-Leclerc",
    "rue de la Mairie",
    "rue Jean-Jaurès",
    "rue des Rosiers",
    "route de Tours",
    "rue Paul-Bert",
    "allée des Acacias",
    "rue de la Gare",
    "rue Anatole-France",
    "rue du Château",
    "chemin de la Grange",
    "rue de la Loire",
    "rue des Perrières",
    "rue Nationale",
    "place de l'Église",
    "rue des Écoles",
};
static const char *const residences[] = {
    "Résidence Les Glycines", "Résidence du Parc",        "Résidence Les Jardins de la Loire",
    "Résidence Beaujardin",   "Résidence Le Clos fleuri",
};
static const char *const mail_domains[] = {
    "orange.fr", "wanadoo.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr", "yahoo.fr",
};
static const char *const client_notes[] = {
    "",
    "",
    "",
    "",
    "Connaît l'agence par le bouche-à-oreille",
    "Orientation : CCAS de Tours",
    "Orientation : service social de l'hôpital Bretonneau",
    "Appeler de préférence le matin",
    "Règlement par prélèvement mensuel",
    "Bénéficiaire de l'APA",
    "Règlement en CESU préfinancé",
};
static const char *const instructions_senior[] = {
    "Sonner longuement : personne malentendante",
    "Clé dans la boîte à clés ; le code est au dossier",
    "Noter les repas pris dans le cahier de liaison",
    "Fermer le portail du jardin en partant (chien)",
    "Laisser les volets du salon ouverts en partant",
    "Vérifier que la bouilloire et le gaz sont éteints en partant",
    "",
};
static const char *const instructions_other[] = {
    "",
    "",
    "",
    "Clé chez la gardienne de l'immeuble",
    "Ne pas déplacer les papiers sur le bureau",
    "Produits écologiques uniquement : pas d'eau de Javel",
    "Le chat ne doit pas sortir",
};
static const char *const forbidden_zones[] = {
    "", "", "", "", "Bureau à l'étage", "Garage et atelier", "Chambre d'amis (archives)", "Cave",
};
static const char *const autonomy_senior[] = {
    "GIR 4 : se lève seule mais a besoin d'aide pour la toilette et l'habillage",
    "GIR 3 : marche avec un déambulateur ; aide pour la toilette, l'habillage et les repas",
    "GIR 2 : fauteuil roulant, lit médicalisé ; transferts avec aide",
    "Autonome mais fatigable depuis une chute ; risque de chute la nuit",
    "Troubles de la mémoire débutants : besoin d'être guidée, pas d'aide physique",
    "GIR 4 : malvoyante ; aide pour les courses et les papiers",
};
static const char *const autonomy_other[] = {
    "Sans objet : foyer autonome",
    "Autonome",
    "Autonome ; absent en journée",
};
static const char *const household_woman[] = {
    "Vit seule depuis le décès de son mari ; sa fille habite Orléans et appelle chaque soir",
    "Vit avec son mari, lui-même fragile",
    "Vit seule ; une voisine a un double des clés",
    "Vit seule en appartement, 2e étage avec ascenseur",
};
static const char *const household_man[] = {
    "Veuf, vit seul ; son fils passe le week-end",
    "Vit avec son épouse, qui ne peut plus l'aider à se lever",
    "Vit seul ; sa nièce passe une fois par semaine",
};
static const char *const household_family[] = {
    "Couple, deux enfants de 6 et 9 ans ; parents absents de 8 h à 19 h",
    "Mère seule avec deux enfants de 4 et 7 ans",
    "Couple, trois enfants ; maison de 120 m² avec étage",
    "Couple sans enfant ; appartement de 70 m²",
    "Personne seule ; appartement de 45 m² au 3e sans ascenseur",
    "Couple de retraités ; maison avec un jardin de 800 m²",
};
static const char *const constraints[] = {
    "",
    "",
    "Escalier raide : chambre à l'étage",
    "Chien dans le jardin (gentil, mais le tenir à l'écart)",
    "Allergie aux produits ménagers parfumés",
    "Stationnement difficile : se garer place de la mairie",
    "Digicode à l'entrée de la résidence ; interphone au nom de la fille",
    "Intervenant non fumeur souhaité",
    "Préférence pour une intervenante",
    "Horaires fixes importants : ce sont des repères pour la personne",
};
static const char *const needs_notes[] = {
    "",
    "",
    "APA accordée par le Conseil départemental : 18 h par mois",
    "Paiement en CESU préfinancé (employeur)",
    "Avance immédiate du crédit d'impôt demandée",
    "Évaluation faite en présence de la famille",
    "Souhaite la même intervenante chaque semaine",
};
static const char *const weekday_names[] = {"",      "lundi",    "mardi",  "mercredi",
                                            "jeudi", "vendredi", "samedi", "dimanche"};

/* "3 h", "1 h 30" (hundredths of an hour). */
static void fmt_hours_fr(int64_t h, char out[static 24])
{
	int64_t minutes = (h * 60 + 50) / 100;
	if (minutes % 60)
		snprintf(out, 24, "%lld h %02lld", (long long)(minutes / 60),
		         (long long)(minutes % 60));
	else
		snprintf(out, 24, "%lld h", (long long)(minutes / 60));
}

/* "8 h 30", "9 h" */
static void fmt_clock_fr(int minute, char out[static 16])
{
	if (minute % 60)
		snprintf(out, 16, "%d h %02d", minute / 60, minute % 60);
	else
		snprintf(out, 16, "%d h", minute / 60);
}

/* "le mardi", "lundi, mercredi et vendredi", "du lundi au vendredi" */
static void days_fr(const bool days[8], strbuf *b)
{
	int n = 0, first = 0, last = 0;
	for (int w = 1; w <= 7; w++)
		if (days[w]) {
			if (!n)
				first = w;
			last = w;
			n++;
		}
	if (n == 1) {
		sb_addf(b, "le %s", weekday_names[first]);
		return;
	}
	if (n >= 4 && last - first + 1 == n) {
		sb_addf(b, "du %s au %s", weekday_names[first], weekday_names[last]);
		return;
	}
	int k = 0;
	for (int w = 1; w <= 7; w++)
		if (days[w]) {
			sb_add(b, k == 0 ? "" : k == n - 1 ? " et " : ", ");
			sb_add(b, weekday_names[w]);
			k++;
		}
}

/* The weekly schedule in words: "du lundi au vendredi de 8 h 30 à 10 h ; le mardi de 12 h à
 * 13 h". Slots with the same hours are told together. Caller frees. */
static char *schedule_fr(const deal *dl)
{
	strbuf b = {0};
	bool told[16] = {false};
	for (int i = 0; i < dl->nslots; i++) {
		if (told[i])
			continue;
		bool days[8] = {false};
		for (int j = i; j < dl->nslots; j++)
			if (!told[j] && dl->slots[j].starts == dl->slots[i].starts &&
			    dl->slots[j].ends == dl->slots[i].ends) {
				days[dl->slots[j].weekday] = true;
				told[j] = true;
			}
		char from[16], to[16];
		fmt_clock_fr(dl->slots[i].starts, from);
		fmt_clock_fr(dl->slots[i].ends, to);
		if (b.len)
			sb_add(&b, " ; ");
		days_fr(days, &b);
		sb_addf(&b, " de %s à %s", from, to);
	}
	return b.s ? b.s : xstrdup("");
}

/* Weekly minutes of one part of the schedule (part < 0: all). */
static int week_minutes(const deal *dl, int part)
{
	int m = 0;
	for (int i = 0; i < dl->nslots; i++)
		if (part < 0 || dl->slots[i].part == part)
			m += dl->slots[i].ends - dl->slots[i].starts;
	return m;
}

/* Hundredths of an hour a week -> a month (52 weeks / 12), to the quarter of an hour. */
static int64_t monthly_qty(int minutes_a_week)
{
	int64_t h = ((int64_t)minutes_a_week * 100 + 30) / 60;
	int64_t m = (h * 52 + 6) / 12;
	return (m + 12) / 25 * 25;
}

/* Lower-case ASCII letters and digits of a name, for an e-mail address. Caller frees. */
static char *mail_part(const char *s)
{
	char *f = text_fold(s);
	char *o = f;
	for (const char *p = f; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')
			*o++ = *p;
	*o = '\0';
	return f;
}

/* ---- the plan ---- */

static void add_slot(deal *dl, int weekday, int starts, int ends, int part)
{
	if (dl->nslots < (int)ARRAY_LEN(dl->slots))
		dl->slots[dl->nslots++] = (dslot){weekday, starts, ends, part};
}

/* k distinct days among Monday..last, in order. */
static void pick_days(demo *d, int k, int last, bool days[8])
{
	memset(days, 0, 8 * sizeof *days);
	for (int got = 0; got < k;) {
		int w = 1 + below(d, last);
		if (!days[w]) {
			days[w] = true;
			got++;
		}
	}
}

/* The weekly schedule (or the hours of a one-off) a client with this profile wants. */
static void plan_service(demo *d, deal *dl, int profile)
{
	memset(dl, 0, sizeof *dl);
	dl->profile = profile;
	bool days[8];
	/* spread over the morning, as the team's rounds are */
	static const int morning[] = {7 * 60 + 30, 7 * 60 + 45, 8 * 60, 8 * 60 + 15,
				      8 * 60 + 30, 9 * 60,      9 * 60 + 30, 10 * 60};
	static const int care[] = {60, 90, 90, 120};
	switch (profile) {
	case P_SENIOR: {
		int n = chance(d, 15) ? 7 : 3 + below(d, 3);
		pick_days(d, n, n == 7 ? 7 : 5, days);
		int s = PICK(d, morning), len = PICK(d, care);
		bool lunch = chance(d, 35);
		for (int w = 1; w <= 7; w++)
			if (days[w])
				add_slot(dl, w, s, s + len, 0);
		/* lunch at a quarter to twelve, or a quarter of an hour after a late morning */
		int noon = s + len + 15 > 11 * 60 + 45 ? s + len + 15 : 11 * 60 + 45;
		for (int w = 1; lunch && w <= 7; w++)
			if (days[w])
				add_slot(dl, w, noon, noon + 60, 1);
		break;
	}
	case P_MENAGE: {
		static const int starts[] = {8 * 60 + 30, 9 * 60, 13 * 60 + 30, 14 * 60};
		static const int lens[] = {120, 120, 150, 180};
		int w = 1 + below(d, 5), s = PICK(d, starts);
		add_slot(dl, w, s, s + PICK(d, lens), 0);
		if (chance(d, 25)) {
			int w2 = 1 + (w + 1 + below(d, 3)) % 5;
			add_slot(dl, w2, 14 * 60, 14 * 60 + (chance(d, 50) ? 60 : 90), 1);
		}
		break;
	}
	case P_ENFANTS: {
		static const int school[] = {1, 2, 4, 5};
		int s = chance(d, 50) ? 16 * 60 + 15 : 16 * 60 + 30,
		    e = chance(d, 60) ? 18 * 60 + 30 : 19 * 60;
		int skip = chance(d, 60) ? -1 : below(d, 4);
		for (int i = 0; i < 4; i++)
			if (i != skip)
				add_slot(dl, school[i], s, e, 0);
		if (chance(d, 30))
			add_slot(dl, 3, 13 * 60 + 30, 17 * 60 + 30, 1);
		break;
	}
	case P_JARDIN: {
		static const int wd[] = {2, 3, 4, 6};
		int s = chance(d, 60) ? 9 * 60 : 14 * 60;
		add_slot(dl, PICK(d, wd), s, s + (chance(d, 50) ? 120 : 180), 0);
		break;
	}
	case P_SCOLAIRE:
		if (chance(d, 50))
			add_slot(dl, 3, 14 * 60, 15 * 60 + 30, 0);
		else {
			add_slot(dl, 1, 17 * 60 + 30, 19 * 60, 0);
			if (chance(d, 50))
				add_slot(dl, 4, 17 * 60 + 30, 19 * 60, 0);
		}
		break;
	case P_COURSES: {
		int w = chance(d, 50) ? 2 : 5;
		add_slot(dl, w, 9 * 60 + 30, 11 * 60 + 30, 0);
		break;
	}
	case P_HOSPI:
		for (int w = 1; w <= 6; w++)
			add_slot(dl, w, 8 * 60 + 30, 10 * 60, 0);
		for (int w = 1; w <= 5; w++)
			add_slot(dl, w, 18 * 60 + 30, 19 * 60 + 30, 1);
		break;
	case P_GRAND_MENAGE: {
		static const int64_t h[] = {600, 700, 800};
		dl->hours = PICK(d, h);
		break;
	}
	case P_TAILLE: {
		static const int64_t h[] = {400, 600, 800};
		dl->hours = PICK(d, h);
		break;
	}
	case P_BRICOLAGE: {
		static const int64_t h[] = {300, 400, 500};
		dl->hours = PICK(d, h);
		break;
	}
	default: {
		static const int64_t h[] = {200, 300};
		dl->hours = PICK(d, h);
		break;
	}
	}
}

static int pick_profile(demo *d, bool recurring_only)
{
	int total = 0;
	for (int p = 0; p < NPROFILES; p++)
		if (!recurring_only || !profiles[p].one_off)
			total += profiles[p].weight;
	int k = below(d, total);
	for (int p = 0; p < NPROFILES; p++) {
		if (recurring_only && profiles[p].one_off)
			continue;
		if (k < profiles[p].weight)
			return p;
		k -= profiles[p].weight;
	}
	return P_MENAGE;
}

/* The next working day on or after day. */
static cday work_day(demo *d, cday day)
{
	while (!cal_working_day(&d->a->desk, day))
		day++;
	return day;
}

/* The next step: min..max days after t, at the office, strictly after t. */
static cminute later(demo *d, cminute t, int min_days, int max_days)
{
	cday day = work_day(d, cal_day_of(t) + min_days + below(d, max_days - min_days + 1));
	cminute at = cal_at(day, 9 * 60 + 15 + below(d, 8 * 60 + 15));
	if (at <= t)
		at = t + 5 + below(d, 40);
	return at;
}

static cday next_monday(cday day)
{
	while (cal_weekday(day) != 1)
		day++;
	return day;
}

static void serve(dclient *c, cday from, cday to)
{
	if (c->serve_from == NO_DAY || from < c->serve_from) {
		c->serve_from = from;
		c->serve_to = to;
	}
}

/* The steps of one deal from t: the quote (written, sent, answered), then the contract (drawn
 * up, signed, then ended or withdrawn). Returns the time of the last step. */
static cminute plan_deal(demo *d, int ci, int di, cminute t, cminute *signed_at)
{
	dclient *c = &d->cl[ci];
	deal *dl = &c->deals[di];
	bool one_off = profiles[dl->profile].one_off;
	*signed_at = NO_MINUTE;
	if (dl->quote_fate != Q_NONE) {
		t = later(d, t, 0, 2);
		push(d, t, EV_QUOTE, ci, di);
		if (dl->quote_fate != Q_DRAFT) {
			t = later(d, t, 0, 1);
			push(d, t, EV_SEND, ci, di);
		}
		if (dl->quote_fate == Q_ACCEPTED) {
			t = later(d, t, 2, 16);
			push(d, t, EV_ACCEPT, ci, di);
		} else if (dl->quote_fate == Q_REFUSED) {
			t = later(d, t, 3, 20);
			push(d, t, EV_REFUSE, ci, di);
		}
	}
	if (dl->contract_fate == K_NONE)
		return t;
	t = later(d, t, 0, 3);
	push(d, t, EV_CONTRACT, ci, di);
	cday made = cal_day_of(t);
	cday start =
	    one_off ? work_day(d, made + 4 + below(d, 12)) : next_monday(made + 5 + below(d, 10));
	if (dl->contract_fate == K_DRAFT_FUTURE && start <= d->today + 5)
		start = next_monday(d->today + 6 + below(d, 8));
	if (dl->contract_fate == K_WITHDRAWN)
		start = next_monday(made + 21 + below(d, 7));
	dl->start = start;
	if (dl->contract_fate == K_UNSIGNED || dl->contract_fate == K_DRAFT_FUTURE)
		return t; /* drawn up, never signed (yet) */

	/* Signed before the start: at the client's home on the day it was drawn up, or later by
	 * post; now and then at the agency. */
	cday sday = made + below(d, start - made);
	while (sday > made && !cal_working_day(&d->a->desk, sday))
		sday--;
	cminute sat = cal_at(sday, 9 * 60 + 30 + below(d, 8 * 60));
	if (dl->contract_fate == K_WITHDRAWN)
		sat = t;
	if (sat <= t)
		sat = t + 10 + below(d, 50);
	dl->at_agency = dl->contract_fate != K_WITHDRAWN && chance(d, 15);
	cday wend = contract_withdrawal_end(cal_day_of(sat), dl->at_agency, d->wdays);
	dl->express = !dl->at_agency && start <= wend;
	push(d, sat, EV_SIGN, ci, di);
	*signed_at = t = sat;

	switch (dl->contract_fate) {
	case K_WITHDRAWN:
		t = later(d, t, 3, 8);
		if (cal_day_of(t) > wend)
			t = cal_at(wend, 10 * 60);
		push(d, t, EV_WITHDRAW, ci, di);
		push(d, t + 15, EV_FORMER, ci, di);
		break;
	case K_ENDED: {
		t = later(d, cal_at(start, 18 * 60), 60, 160);
		push(d, t, EV_END, ci, di);
		cday end = cal_month_end(cal_day_of(t));
		push(d, cal_at(work_day(d, end + 1), 9 * 60 + 30), EV_FORMER, ci, di);
		serve(c, start, end);
		break;
	}
	default:
		if (!one_off) {
			serve(c, start, INT32_MAX);
			break;
		}
		/* A one-off service, once done, is closed: the contract ends with the month. */
		t = later(d, cal_at(start, 18 * 60), 1, 6);
		push(d, t, EV_END, ci, di);
		cday end = cal_month_end(cal_day_of(t));
		serve(c, start, end);
		if (c->ndeals == 1)
			push(d, cal_at(work_day(d, end + 1), 9 * 60 + 45), EV_FORMER, ci, di);
		break;
	}
	return t;
}

/* A client's name, address, phones, and the words of the file. */
static void plan_identity(demo *d, dclient *c)
{
	bool senior = c->deals[0].profile == P_SENIOR || c->deals[0].profile == P_HOSPI ||
	              c->deals[0].profile == P_COURSES;
	c->couple = chance(d, senior ? 6 : 12);
	c->woman = chance(d, senior ? 75 : 60);
	const char *last = PICK(d, surnames);
	c->name = xstrdup(last);
	if (c->couple) {
		c->civility = xstrdup("M. et Mme");
		c->first = xstrdup("");
		c->caller = xasprintf("Mme %s", last);
	} else {
		const char *first = c->woman ? PICK(d, first_f) : PICK(d, first_m);
		c->civility = xstrdup(chance(d, 2) ? "Dr" : c->woman ? "Mme" : "M.");
		c->first = xstrdup(first);
		c->caller = xasprintf("%s %s %s", c->civility, first, last);
	}

	strbuf addr = {0};
	if (senior && chance(d, 10))
		sb_addf(&addr, "%s, appt %d, ", PICK(d, residences), 1 + below(d, 40));
	int number = 1 + below(d, 120);
	const char *bis = chance(d, 5) ? " bis" : "";
	if (chance(d, 45)) {
		int k = below(d, (int)ARRAY_LEN(tours_streets));
		sb_addf(&addr, "%d%s %s, %s Tours", number, bis, tours_streets[k].street,
		        tours_streets[k].postcode);
	} else {
		int k = below(d, (int)ARRAY_LEN(towns));
		sb_addf(&addr, "%d%s %s, %s %s", number, bis, PICK(d, streets), towns[k].postcode,
		        towns[k].town);
	}
	c->address = addr.s;

	c->phone = demo_phone(d, !(senior && chance(d, 70)));
	if (chance(d, senior ? 40 : 15)) {
		c->phone2 = demo_phone(d, true);
		bool daughter = chance(d, 65);
		const char *rel_last = chance(d, 50) ? last : PICK(d, surnames);
		const char *rel_first = daughter ? PICK(d, first_f) : PICK(d, first_m);
		const char *whose = c->couple ? "M. et Mme" : c->woman ? "Mme" : "M.";
		if (senior)
			c->relative =
			    xasprintf("%s %s %s (%s de %s %s)", daughter ? "Mme" : "M.", rel_first,
			              rel_last, daughter ? "fille" : "fils", whose, last);
		else
			c->relative = xasprintf("%s %s %s", daughter ? "Mme" : "M.", rel_first,
			                        c->couple ? last : rel_last);
		c->notes = senior ? xasprintf("Second numéro : %s %s %s, %s",
		                              daughter ? "sa fille," : "son fils,", rel_first,
		                              rel_last, "à prévenir en cas de problème")
		                  : xasprintf("Second numéro : %s %s (conjoint%s)", rel_first,
		                              c->couple ? last : rel_last, daughter ? "e" : "");
	} else {
		c->notes = xstrdup(PICK(d, client_notes));
	}
	if (chance(d, senior ? 15 : 60)) {
		char *f = mail_part(c->couple ? "famille" : c->first);
		char *l = mail_part(last);
		c->email =
		    xasprintf("%s.%s%s@%s", f, l, chance(d, 30) ? "37" : "", PICK(d, mail_domains));
		free(f);
		free(l);
	} else {
		c->email = xstrdup("");
	}

	c->instructions = senior ? PICK(d, instructions_senior) : PICK(d, instructions_other);
	c->forbidden = PICK(d, forbidden_zones);
	c->autonomy = senior ? PICK(d, autonomy_senior) : PICK(d, autonomy_other);
	c->household = !senior     ? PICK(d, household_family)
	               : c->couple ? "Couple âgé ; leur fille coordonne les aides"
	               : c->woman  ? PICK(d, household_woman)
	                           : PICK(d, household_man);
	c->constraints = PICK(d, constraints);
	c->needs_notes = PICK(d, needs_notes);
}

static const char *const coordinators[] = {"karim.benali", "nathalie.perrin"};
static const char *const receptionists[] = {"sophie.martin", "sophie.martin", "lucie.moreau"};

/* ---- clients ---- */

/* Who the clients are, what they want, and the steps of their files: the first call and the
 * file made during it, the coordinator's visit (the needs analysis) and the file completed. */
static int demo_clients(demo *d, cerr *e)
{
	(void)e;
	d->ncl = NCLIENTS;
	d->cl = xcalloc(NCLIENTS, sizeof *d->cl);
	/* The stories, dealt out at random. */
	int k = 0;
	for (size_t i = 0; i < ARRAY_LEN(story_mix); i++)
		for (int j = 0; j < story_mix[i].count && k < NCLIENTS; j++)
			d->cl[k++].story = story_mix[i].story;
	for (int i = NCLIENTS - 1; i > 0; i--) {
		int j = below(d, i + 1);
		int t = d->cl[i].story;
		d->cl[i].story = d->cl[j].story;
		d->cl[j].story = t;
	}
	/* The deliberate breaches among the contracts: two without a needs analysis (one with a
	 * signed contract, one with a quote sent), three whose referent was never named. */
	int no_needs = 0, no_ref = 0, pending_no_needs = 0, extra = 0;
	for (int i = 0; i < NCLIENTS; i++) {
		dclient *c = &d->cl[i];
		c->serve_from = c->serve_to = NO_DAY;
		c->visit_at = NO_MINUTE;
		int ago_min = 3, ago_max = 360;
		for (size_t s = 0; s < ARRAY_LEN(story_mix); s++)
			if (story_mix[s].story == c->story) {
				ago_min = story_mix[s].ago_min;
				ago_max = story_mix[s].ago_max;
			}
		deal *d0 = &c->deals[0];
		int profile;
		switch (c->story) {
		case S_NOQUOTE_SMALL:
			profile = chance(d, 50) ? P_INFORMATIQUE : P_BRICOLAGE;
			break;
		case S_NOQUOTE_ASKED:
			profile = P_BRICOLAGE;
			break;
		case S_NOQUOTE_BIG:
			profile = P_HOSPI;
			break;
		case S_REQUOTE:
		case S_ENDED:
		case S_WITHDRAWN:
		case S_UNSIGNED:
		case S_ACCEPTED_WAIT:
			profile = pick_profile(d, true);
			break;
		default:
			profile = pick_profile(d, false);
			break;
		}
		plan_service(d, d0, profile);
		c->ndeals = 1;
		bool flagged = false;
		if (c->story == S_CONTRACT && !profiles[profile].one_off) {
			if (no_needs < 1) {
				c->no_needs = flagged = true;
				no_needs++;
			} else if (no_ref < 3) {
				c->no_referent = flagged = true;
				no_ref++;
			}
		}
		if (c->story == S_PENDING && pending_no_needs < 1) {
			c->no_needs = true;
			pending_no_needs++;
		}
		if (flagged) { /* old enough to be signed and running by now */
			ago_min = 60;
			ago_max = 300;
		}
		int span = ago_max - ago_min + 1;
		int ago = ago_min + below(d, span);
		if (c->story == S_CONTRACT && !flagged) {
			/* The older of two draws: more of the running contracts began early on. */
			int other = ago_min + below(d, span);
			if (other > ago)
				ago = other;
		}
		c->t0 = cal_at(work_day(d, d->today - ago), 9 * 60 + 15 + below(d, 8 * 60 + 15));

		switch (c->story) {
		case S_DRAFT:
			d0->quote_fate = Q_DRAFT;
			break;
		case S_PENDING:
		case S_EXPIRED:
			d0->quote_fate = Q_SENT;
			break;
		case S_REFUSED:
			d0->quote_fate = Q_REFUSED;
			break;
		case S_REQUOTE: {
			d0->quote_fate = Q_REFUSED;
			/* The second quote: the same service, one slot less, or shorter. */
			deal *d1 = &c->deals[1];
			*d1 = *d0;
			if (d1->nslots > 1)
				d1->nslots--;
			else
				d1->slots[0].ends -= 30;
			d1->quote_fate = Q_ACCEPTED;
			d1->contract_fate = K_SIGNED;
			c->ndeals = 2;
			break;
		}
		case S_CONTRACT:
			d0->quote_fate = Q_ACCEPTED;
			d0->contract_fate = K_SIGNED;
			if (!flagged && !profiles[profile].one_off && ago > 150 && extra < 6) {
				/* Later on, a one-off service on top. */
				static const int more[] = {P_TAILLE, P_GRAND_MENAGE, P_BRICOLAGE};
				plan_service(d, &c->deals[1], PICK(d, more));
				c->deals[1].quote_fate = Q_ACCEPTED;
				c->deals[1].contract_fate = K_SIGNED;
				c->ndeals = 2;
				extra++;
			}
			break;
		case S_ACCEPTED_WAIT:
			d0->quote_fate = Q_ACCEPTED;
			d0->contract_fate = K_DRAFT_FUTURE;
			break;
		case S_ENDED:
			d0->quote_fate = Q_ACCEPTED;
			d0->contract_fate = K_ENDED;
			break;
		case S_WITHDRAWN:
			d0->quote_fate = Q_ACCEPTED;
			d0->contract_fate = K_WITHDRAWN;
			break;
		case S_UNSIGNED:
			d0->quote_fate = Q_ACCEPTED;
			d0->contract_fate = K_UNSIGNED;
			break;
		case S_NOQUOTE_SMALL:
			d0->hours = 200;
			d0->contract_fate = K_SIGNED;
			break;
		case S_NOQUOTE_ASKED:
			d0->hours = 250;
			d0->contract_fate = K_SIGNED;
			c->wants_quote = true;
			break;
		case S_NOQUOTE_BIG:
			d0->contract_fate = K_SIGNED;
			break;
		default:
			break;
		}
		if (c->story != S_NOQUOTE_ASKED && d0->quote_fate != Q_NONE)
			c->wants_quote = chance(d, 30);
		bool offer = d0->quote_fate != Q_NONE || d0->contract_fate != K_NONE;
		c->has_needs = offer ? !c->no_needs : chance(d, 50);

		plan_identity(d, c);
		c->coord = PICK(d, coordinators);
		c->creator = c->no_referent || chance(d, 60) ? PICK(d, receptionists) : c->coord;

		/* The first steps: the file made during the first call; the visit a few days on. */
		cminute t = c->t0;
		push(d, t, EV_CREATE, i, 0);
		if (c->has_needs) {
			t = c->story == S_PENDING || c->story == S_DRAFT ? later(d, t, 1, 3)
			                                                 : later(d, t, 2, 10);
			push(d, t, EV_FILE, i, 0);
			c->visit_at = t + 45 + below(d, 60);
			push(d, c->visit_at, EV_NEEDS, i, 0);
			c->filed = true;
		}
	}
	return ST_OK;
}

/* ---- the offer ---- */

/* The quotes and contracts of every client, after the visit. */
static int demo_offer(demo *d, cerr *e)
{
	(void)e;
	for (int i = 0; i < d->ncl; i++) {
		dclient *c = &d->cl[i];
		/* Where the file's steps ended. */
		cminute t = c->t0;
		for (size_t k = 0; k < d->nev; k++)
			if (d->ev[k].client == i && d->ev[k].at > t)
				t = d->ev[k].at;
		for (int k = 0; k < c->ndeals; k++) {
			deal *dl = &c->deals[k];
			if (dl->quote_fate == Q_NONE && dl->contract_fate == K_NONE)
				continue;
			if (!c->filed) { /* no visit: the file is completed when the offer is made
				          */
				t = later(d, t, 1, 4);
				push(d, t, EV_FILE, i, 0);
				c->filed = true;
			}
			cminute signed_at;
			t = plan_deal(d, i, k, t, &signed_at);
			if (k == 0 && c->ndeals > 1) {
				if (c->story ==
				    S_REQUOTE) /* a new, smaller quote after the refusal */
					t = later(d, t, 1, 6);
				else if (signed_at !=
				         NO_MINUTE) /* a one-off, months into the contract */
					t = later(d, signed_at, 30, 150);
			}
		}
	}
	return ST_OK;
}

/* ---- playing the steps ---- */

static int act_as(demo *d, const char *login, cerr *e)
{
	app *a = d->a;
	if (!strcmp(a->login, login))
		return ST_OK;
	free(a->login);
	a->login = xstrdup(login);
	staff_free(&a->me);
	memset(&a->me, 0, sizeof a->me);
	db_set_actor(a->db, login);
	return db_staff_by_login(a->db, login, &a->me, e);
}

static void clock_at(demo *d, cminute t)
{
	d->a->now_fixed = true;
	d->a->now = t;
	db_set_clock(d->a->db, t);
}

static int ev_create(demo *d, dclient *c, cerr *e)
{
	client_file f;
	client_init(&f);
	f.civility = xstrdup(c->civility);
	f.name = xstrdup(c->name);
	f.first_name = xstrdup(c->first);
	f.address = xstrdup(c->address);
	f.phone = xstrdup(c->phone);
	f.phone2 = c->phone2 ? xstrdup(c->phone2) : NULL;
	f.email = xstrdup(c->email);
	f.notes = xstrdup(c->notes);
	f.wants_quote = c->wants_quote;
	/* A coordinator who takes the call names the referent at once. */
	if (!strcmp(c->creator, c->coord))
		f.referent = xstrdup(c->coord);
	int r = client_create(d->a, &f, e);
	c->id = f.id;
	client_free(&f);
	return r;
}

static int ev_file(demo *d, dclient *c, cerr *e)
{
	client_file f;
	client_init(&f);
	int r = client_get(d->a, c->id, &f, e);
	if (!r) {
		if (!c->no_referent && !f.referent)
			f.referent = xstrdup(c->coord);
		free(f.instructions);
		f.instructions = xstrdup(c->instructions);
		free(f.forbidden_zones);
		f.forbidden_zones = xstrdup(c->forbidden);
		r = client_update(d->a, NULL, &f, e);
	}
	client_free(&f);
	return r;
}

static int ev_needs(demo *d, dclient *c, cerr *e)
{
	const deal *dl = &c->deals[0];
	const struct profile *p = &profiles[dl->profile];
	needs_analysis n;
	needs_init(&n);
	n.client_id = c->id;
	n.services = xstrdup(p->needs);
	if (p->one_off) {
		char h[24];
		fmt_hours_fr(dl->hours, h);
		n.hours_per_week = 0;
		n.days_times = xasprintf("Une fois, en semaine ; environ %s", h);
	} else {
		n.hours_per_week = ((int64_t)week_minutes(dl, -1) * 100 + 30) / 60;
		n.days_times = schedule_fr(dl);
	}
	n.constraints = xstrdup(c->constraints);
	n.autonomy = xstrdup(c->autonomy);
	n.household = xstrdup(c->household);
	n.notes = xstrdup(c->needs_notes);
	int r = client_set_needs(d->a, NULL, &n, e);
	needs_free(&n);
	return r;
}

static int ev_quote(demo *d, dclient *c, deal *dl, cerr *e)
{
	const struct profile *p = &profiles[dl->profile];
	quote q;
	quote_init(&q);
	q.client_id = c->id;
	char week[24], month[24];
	if (p->one_off) {
		fmt_hours_fr(dl->hours, week);
		q.notes =
		    xasprintf("Prestation ponctuelle d'environ %s. Les sommes versées ouvrent "
		              "droit à un crédit d'impôt de 50 %% selon la loi en vigueur.",
		              week);
	} else {
		int m = week_minutes(dl, -1);
		fmt_hours_fr(((int64_t)m * 100 + 30) / 60, week);
		fmt_hours_fr(monthly_qty(m), month);
		char *sched = schedule_fr(dl);
		q.notes =
		    xasprintf("Sur la base de %s par semaine (%s), soit environ %s par mois "
		              "(52 semaines / 12). Les sommes versées ouvrent droit à un crédit "
		              "d'impôt de 50 %% selon la loi en vigueur.",
		              week, sched, month);
		free(sched);
	}
	int r = quote_create(d->a, &q, e);
	dl->quote_id = q.id;
	quote_free(&q);
	for (int part = 0; part < (p->one_off ? 1 : 2) && !r; part++) {
		int m = week_minutes(dl, part);
		if (!p->one_off && (!m || !p->line[part]))
			continue;
		quote_line l;
		quote_line_init(&l);
		l.service_code = xstrdup(p->svc);
		if (p->one_off) {
			l.label = xstrdup(p->line[0]);
			l.qty = dl->hours;
		} else {
			fmt_hours_fr(((int64_t)m * 100 + 30) / 60, week);
			l.label = xasprintf("%s — %s par semaine", p->line[part], week);
			l.qty = monthly_qty(m);
		}
		r = quote_line_add(d->a, dl->quote_id, &l, e);
		quote_line_free(&l);
	}
	return r;
}

static int ev_contract(demo *d, dclient *c, deal *dl, cerr *e)
{
	const struct profile *p = &profiles[dl->profile];
	service s = {0};
	int r = catalogue_get(d->a, p->svc, &s, e);
	if (r)
		return r;
	contract k;
	contract_init(&k);
	k.client_id = c->id;
	k.kind = p->one_off ? CONTRACT_ONE_OFF : CONTRACT_RECURRING;
	k.start = dl->start;
	k.quote_id = dl->quote_id;
	k.skills = xstrdup(p->skills);
	k.notes = xstrdup(p->notes);
	k.at_agency = dl->at_agency;
	k.express_start = dl->express;
	contract_line l;
	contract_line_init(&l);
	l.service_code = xstrdup(p->svc);
	l.hourly_excl = s.price;
	l.vat_rate = s.vat_rate;
	l.hours = p->one_off ? dl->hours : 0;
	service_free(&s);
	r = contract_create_lines(d->a, &k, &l, 1, true, e);
	dl->contract_id = k.id;
	contract_line_free(&l);
	contract_free(&k);
	for (int i = 0; i < dl->nslots && !r && !p->one_off; i++) {
		contract_slot sl = {0};
		sl.weekday = dl->slots[i].weekday;
		sl.starts = dl->slots[i].starts;
		sl.ends = dl->slots[i].ends;
		sl.service_code = xstrdup(p->svc);
		r = contract_slot_add(d->a, dl->contract_id, &sl, e);
		contract_slot_free(&sl);
	}
	return r;
}

static int play(demo *d, const event *ev, cerr *e)
{
	dclient *c = &d->cl[ev->client];
	deal *dl = &c->deals[ev->deal];
	if (ev->kind != EV_CREATE && !c->id)
		return ST_OK; /* the file was not made: nothing after it either */
	int r = act_as(d, ev->kind == EV_CREATE ? c->creator : c->coord, e);
	if (r)
		return r;
	clock_at(d, ev->at);
	switch (ev->kind) {
	case EV_CREATE:
		return ev_create(d, c, e);
	case EV_FILE:
		return ev_file(d, c, e);
	case EV_NEEDS:
		return ev_needs(d, c, e);
	case EV_QUOTE:
		return ev_quote(d, c, dl, e);
	case EV_SEND:
		return dl->quote_id ? quote_send(d->a, dl->quote_id, NO_DAY, e) : ST_OK;
	case EV_ACCEPT:
		return dl->quote_id ? quote_accept(d->a, dl->quote_id, NO_DAY, e) : ST_OK;
	case EV_REFUSE:
		return dl->quote_id ? quote_refuse(d->a, dl->quote_id, NO_DAY, e) : ST_OK;
	case EV_CONTRACT:
		return ev_contract(d, c, dl, e);
	case EV_SIGN:
		return dl->contract_id ? contract_sign(d->a, dl->contract_id, NO_DAY, e) : ST_OK;
	case EV_END:
		return dl->contract_id ? contract_end(d->a, dl->contract_id, NO_DAY, NULL, e)
		                       : ST_OK;
	case EV_WITHDRAW:
		return dl->contract_id ? contract_withdraw(d->a, dl->contract_id, NO_DAY, e)
		                       : ST_OK;
	case EV_FORMER:
		return client_set_status(d->a, c->id, CLIENT_FORMER, e);
	default:
		return ST_OK;
	}
}

/* Every step up to now, in time order, each as of its own time and by its own person. */
static int play_steps(demo *d, cerr *e)
{
	qsort(d->ev, d->nev, sizeof *d->ev, cmp_event);
	int r = ST_OK;
	for (size_t i = 0; i < d->nev && !r; i++)
		if (d->ev[i].at <= d->now)
			r = play(d, &d->ev[i], e);
	return r;
}

static void clients_plan_free(demo *d)
{
	for (int i = 0; i < d->ncl; i++) {
		dclient *c = &d->cl[i];
		free(c->civility);
		free(c->name);
		free(c->first);
		free(c->address);
		free(c->phone);
		free(c->phone2);
		free(c->email);
		free(c->notes);
		free(c->caller);
		free(c->relative);
	}
	free(d->cl);
	free(d->ev);
	d->cl = NULL;
	d->ev = NULL;
	d->ncl = 0;
	d->nev = d->capev = 0;
}

/* ---- calls ---- */

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

/* Who calls about what: anyone asking about the services, a client whose file is open (the
 * visit to plan, then the quote), a client being served, someone who is none of these. */
enum { W_ANY = 1, W_VISIT = 2, W_QUOTE = 4, W_CLIENT = 8, W_STRANGER = 16 };

/* Subjects, with how often they come (weight), what the caller usually asks for (percent of
 * callbacks, of documentation) and who asks it. */
static const struct subject {
	const char *text;
	int weight, callback, documentation, who;
} subjects[] = {
    {"Demande de devis ménage", 8, 45, 30, W_ANY},
    {"Demande de devis repassage", 3, 45, 25, W_ANY},
    {"Aide à domicile pour un parent âgé : renseignements", 6, 40, 45, W_ANY},
    {"Changement d'horaire de l'intervention", 10, 35, 0, W_CLIENT},
    {"Absence de l'intervenante", 6, 30, 0, W_CLIENT},
    {"Annulation d'une intervention (hospitalisation)", 4, 10, 0, W_CLIENT},
    {"Attestation fiscale", 4, 15, 35, W_CLIENT},
    {"Réclamation retard de l'intervenante", 3, 75, 0, W_CLIENT},
    {"Question sur la facture", 6, 50, 0, W_CLIENT},
    {"Garde d'enfants après l'école", 3, 50, 35, W_ANY},
    {"Jardinage et petit bricolage : tarifs", 3, 40, 30, W_ANY},
    {"Remplacement pendant les congés de l'intervenante", 4, 45, 0, W_CLIENT},
    {"Rendez-vous pour l'évaluation à domicile", 5, 35, 0, W_VISIT},
    {"Question sur le devis reçu", 4, 50, 0, W_QUOTE},
    {"Dossier APA : quels justificatifs ?", 3, 25, 70, W_ANY | W_VISIT | W_QUOTE},
    {"Renouvellement du contrat", 2, 50, 10, W_CLIENT},
    {"Candidature spontanée (auxiliaire de vie)", 4, 15, 15, W_STRANGER},
    {"La famille s'inquiète de l'état de santé de sa mère", 2, 65, 0, W_CLIENT},
    {"Clés non restituées par l'intervenante", 1, 75, 0, W_CLIENT},
    {"Paiement par CESU préfinancé", 3, 30, 20, W_ANY | W_QUOTE | W_CLIENT},
    {"Courses et préparation des repas", 2, 30, 10, W_ANY},
    {"Merci pour la nouvelle intervenante, « très à l'écoute »", 1, 5, 0, W_CLIENT},
};
static const struct subject institution_subjects[] = {
    {"Sortie d'hospitalisation : mise en place d'une aide", 5, 70, 0, W_ANY},
    {"Plan d'aide APA : heures accordées", 3, 50, 20, W_ANY},
    {"Demande de documentation sur nos services", 2, 10, 90, W_ANY},
    {"Point sur un bénéficiaire commun", 3, 60, 0, W_ANY},
    {"Action de prévention : journée d'information", 1, 40, 40, W_ANY},
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

/* A subject among those whose `who` meets the mask. */
static const struct subject *pick_subject(demo *d, const struct subject *list, size_t n, int mask)
{
	int total = 0;
	for (size_t i = 0; i < n; i++)
		if (list[i].who & mask)
			total += list[i].weight;
	int k = below(d, total);
	for (size_t i = 0; i < n; i++) {
		if (!(list[i].who & mask))
			continue;
		if (k < list[i].weight)
			return &list[i];
		k -= list[i].weight;
	}
	return &list[0];
}

/* A client who calls at `at`: one whose file exists by then, rather one being served. NULL:
 * the caller is not a client. */
static const dclient *pick_client(demo *d, cminute at)
{
	for (int tries = 0; tries < 4; tries++) {
		const dclient *c = &d->cl[below(d, d->ncl)];
		if (!c->id || c->t0 + 30 > at)
			continue;
		cday day = cal_day_of(at);
		bool serving =
		    c->serve_from != NO_DAY && day >= c->serve_from && day <= c->serve_to;
		if (serving || tries >= 2)
			return c;
	}
	return NULL;
}

/* What a client calls about: the service, once it has begun; else the visit to come, or the
 * quote once the visit was made. */
static int client_mask(const dclient *c, cminute at)
{
	if (c->serve_from != NO_DAY && cal_day_of(at) >= c->serve_from)
		return W_CLIENT;
	return c->visit_at != NO_MINUTE && at > c->visit_at ? W_QUOTE : W_ANY | W_VISIT;
}

static int cmp_call_at(const call *x, const call *y)
{
	return (x->at > y->at) - (x->at < y->at);
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
	cminute now = d->now;
	cday today = cal_day_of(now);
	int doc_days = call_doc_delay(a);
	person people[PEOPLE];
	make_people(d, people);

	call *calls = NULL;
	size_t n = 0, cap = 0;
	for (cday day = today - 365; day <= today; day++) {
		size_t day_first = n;
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
			const dclient *cl = chance(d, 45) ? pick_client(d, at) : NULL;
			int who = chance(d, 30) ? below(d, REGULARS) : below(d, PEOPLE);
			const person *p = &people[who];
			const struct subject *s =
			    cl ? pick_subject(d, subjects, ARRAY_LEN(subjects), client_mask(cl, at))
			    : p->institution ? pick_subject(d, institution_subjects,
			                                    ARRAY_LEN(institution_subjects), W_ANY)
			                     : pick_subject(d, subjects, ARRAY_LEN(subjects),
			                                    W_ANY | W_STRANGER);
			if (n == cap) {
				cap = cap ? cap * 2 : 4096;
				calls = xrealloc(calls, cap * sizeof *calls);
			}
			call *c = &calls[n++];
			call_init(c);
			c->at = at;
			if (cl) { /* the client, or the relative on the second number */
				bool relative = cl->phone2 && chance(d, 35);
				c->caller = xstrdup(relative ? cl->relative : cl->caller);
				c->phone = xstrdup(relative ? cl->phone2 : cl->phone);
				c->client_id = cl->id;
			} else {
				c->caller = xstrdup(p->name);
				c->phone = p->phone ? xstrdup(p->phone) : NULL;
			}
			c->subject = xstrdup(s->text);
			c->taken_by = xstrdup(pick_taker(d, a->login));
			if (!cal_desk_open(k, at)) {
				/* A message on the machine: most ask to be called back. */
				c->callback = c->phone && chance(d, 90);
			} else {
				c->callback = c->phone && chance(d, s->callback);
				c->answered = !c->callback;
			}
			c->documentation = chance(d, s->documentation);
			call_prepare(k, doc_days, c);
			if (chance(d, 1) && !c->callback) {
				c->cancelled = true;
				c->cancel_reason = xstrdup(PICK(d, cancel_reasons));
			}
		}
		/* The first calls of the clients whose files were made that day, during the call.
		 */
		for (int i = 0; i < d->ncl; i++) {
			const dclient *cl = &d->cl[i];
			if (!cl->id || cal_day_of(cl->t0) != day)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 4096;
				calls = xrealloc(calls, cap * sizeof *calls);
			}
			call *c = &calls[n++];
			call_init(c);
			c->at = cl->t0 - 2 - below(d, 10);
			c->caller = xstrdup(cl->caller);
			c->phone = xstrdup(cl->phone);
			c->client_id = cl->id;
			c->subject = xstrdup(profiles[cl->deals[0].profile].enquiry);
			c->taken_by = xstrdup(cl->creator);
			c->callback = chance(d, 10); /* to fix the day of the visit */
			c->answered = !c->callback;
			c->documentation = chance(d, 30);
			call_prepare(k, doc_days, c);
		}
		/* The day in time order (insertion: stable, and the day is short). */
		for (size_t i = day_first + 1; i < n; i++) {
			call t = calls[i];
			size_t j = i;
			for (; j > day_first && cmp_call_at(&calls[j - 1], &t) > 0; j--)
				calls[j] = calls[j - 1];
			calls[j] = t;
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
	/* Documentation: sent within the delay, but for the last two requests, and one
	 * forgotten a few days ago (documentation-not-sent). */
	size_t docs_left = 2;
	bool forgotten = false;
	for (size_t i = n; i-- > 0;) {
		call *c = &calls[i];
		if (!c->documentation || c->cancelled)
			continue;
		if (docs_left > 0) {
			docs_left--;
			continue;
		}
		if (!forgotten && c->doc_due < now - 3 * 24 * 60) {
			forgotten = true;
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

/* ---- workers (I4-I7) ----
 * A small team: most files complete, one without a badge, one whose criminal record extract is
 * due for renewal, one step of the procedure missing, a candidate half-way, one who left. */

static const struct {
	const char *name, *matricule, *badge, *phone, *skills;
	int status;
	int hired_days_ago;  /* 0: not hired */
	int steps_done;      /* of the five default steps, in order */
	bool signed_both;
	int record_days_ago; /* the criminal record extract's issue, 0: none */
	int from, to;        /* a weekday availability, minutes; 0-0: none */
	int last_day;        /* the last day of the week worked (0: Friday; 6: Saturday too) */
} demo_workers[] = {
    {"Isabelle Roux", "M0001", "B001", "06 71 22 31 40", "aide-dependance transferts permis",
     WORKER_ACTIVE, 900, 5, true, 700, 7 * 60 + 30, 12 * 60 + 30, 0},
    {"Mathieu Lefort", "M0002", "B002", "06 71 22 31 41", "menage jardinage bricolage",
     WORKER_ACTIVE, 1600, 5, true, 1500, 9 * 60, 17 * 60, 0},
    {"Fatou Diallo", "M0003", NULL, "06 71 22 31 42", "menage repas garde-enfants aide-dependance",
     WORKER_ACTIVE, 200, 5, true, 240, 8 * 60, 14 * 60, 0},
    {"Julie Bernard", "M0004", "B004", "07 81 45 12 03", "garde-enfants soutien-scolaire",
     WORKER_ACTIVE, 500, 5, true, 520, 16 * 60, 19 * 60, 0},
    {"Nadia Haddad", "M0005", "B005", "07 81 45 12 04", "aide-dependance garde-malade alzheimer",
     WORKER_ACTIVE, 1100, 3, true, 1000, 7 * 60, 13 * 60, 0},
    {"Camille Fontaine", "M0006", "B006", "06 12 98 76 54",
     "informatique soutien-scolaire permis vehicule", WORKER_ACTIVE, 300, 5, true, 320,
     13 * 60, 18 * 60, 0},
    {"Thomas Girard", NULL, NULL, "06 44 55 66 77", "menage bricolage", WORKER_CANDIDATE, 0, 2,
     false, 0, 0, 0, 0},
    {"Pierre Lambert", "M0007", "B007", NULL, "jardinage", WORKER_LEFT, 1800, 5, true, 1700, 0,
     0, 0},
    /* The rest of the team, with wide days (some working weekends), so that the slots find someone. */
    {"Sandrine Moreau", "M0008", "B008", "06 20 31 42 53",
     "aide-dependance garde-malade transferts menage repas", WORKER_ACTIVE, 1200, 5, true, 400,
     7 * 60, 20 * 60, 7},
    {"Karim Haddou", "M0009", "B009", "06 20 31 42 54", "menage repas bricolage jardinage",
     WORKER_ACTIVE, 700, 5, true, 600, 7 * 60, 20 * 60, 6},
    {"Élodie Masson", "M0010", "B010", "06 20 31 42 55",
     "aide-dependance garde-malade alzheimer menage", WORKER_ACTIVE, 950, 5, true, 800, 7 * 60,
     20 * 60, 6},
    {"Léa Garnier", "M0011", "B011", "06 20 31 42 56",
     "garde-enfants soutien-scolaire menage repas aide-dependance", WORKER_ACTIVE, 400, 5, true, 380, 7 * 60,
     20 * 60, 0},
    {"Hugo Perret", "M0012", "B012", "06 20 31 42 57",
     "jardinage bricolage informatique surveillance accompagnement permis vehicule", WORKER_ACTIVE, 650, 5, true,
     500, 7 * 60, 20 * 60, 0},
    {"Amina Traoré", "M0013", "B013", "06 20 31 42 58",
     "aide-dependance transferts garde-malade repas menage", WORKER_ACTIVE, 1300, 5, true, 900,
     7 * 60, 20 * 60, 7},
    {"Claire Dubois", "M0014", "B014", "06 20 31 42 59",
     "menage repas aide-dependance garde-enfants", WORKER_ACTIVE, 250, 5, true, 230, 7 * 60,
     20 * 60, 6},
    {"Julien Marchal", "M0015", "B015", "06 20 31 42 60",
     "aide-dependance garde-malade transferts alzheimer", WORKER_ACTIVE, 800, 5, true, 700,
     7 * 60, 20 * 60, 7},
    {"Martine Leclerc", "M0016", "B016", "06 20 31 42 61",
     "aide-dependance garde-malade repas menage", WORKER_ACTIVE, 1500, 5, true, 600, 7 * 60,
     14 * 60, 0},
    {"Yannick Bertin", "M0017", "B017", "06 20 31 42 62",
     "aide-dependance transferts garde-malade accompagnement permis vehicule", WORKER_ACTIVE, 450, 5, true, 420, 7 * 60,
     20 * 60, 6},
    {"Sylvie Aubertin", "M0018", "B018", "06 20 31 42 63",
     "aide-dependance garde-malade alzheimer repas", WORKER_ACTIVE, 1000, 5, true, 640, 7 * 60,
     13 * 60, 7},
    {"Océane Petitjean", "M0019", "B019", "06 20 31 42 64",
     "aide-dependance transferts repas menage", WORKER_ACTIVE, 350, 5, true, 330, 7 * 60,
     15 * 60, 0},
};

static int demo_worker(demo *d, size_t i, cerr *e)
{
	static const char *const steps[] = {"application", "interview", "references",
					    "criminal-record", "induction"};
	worker w;
	worker_init(&w);
	w.name = xstrdup(demo_workers[i].name);
	w.matricule = demo_workers[i].matricule ? xstrdup(demo_workers[i].matricule) : NULL;
	w.badge = demo_workers[i].badge ? xstrdup(demo_workers[i].badge) : NULL;
	w.phone = demo_workers[i].phone ? xstrdup(demo_workers[i].phone) : NULL;
	w.skills = xstrdup(demo_workers[i].skills);
	w.status = demo_workers[i].status;
	int ago = demo_workers[i].hired_days_ago;
	w.hired_on = ago ? d->today - ago : NO_DAY;
	int r = worker_create(d->a, &w, e);
	if (!r && i < ARRAY_LEN(d->worker_ids))
		d->worker_ids[i] = w.id;
	/* The procedure before the hire (a candidate's a month ago). */
	cday start = d->today - (ago ? ago : 0) - 30;
	for (int k = 0; !r && k < demo_workers[i].steps_done; k++)
		r = worker_step_done(d->a, w.id, steps[k], start + 3 * k, e);
	if (!r && demo_workers[i].signed_both && !(r = worker_sign(d->a, w.id, WORKER_SIGN_ETHICS,
								     start + 14, e)))
		r = worker_sign(d->a, w.id, WORKER_SIGN_COMMITMENTS, start + 14, e);
	const int kinds[] = {DOC_CV, DOC_ID, DOC_CRIMINAL_RECORD};
	for (size_t k = 0; !r && demo_workers[i].record_days_ago && k < ARRAY_LEN(kinds); k++) {
		worker_doc doc;
		worker_doc_init(&doc);
		doc.worker_id = w.id;
		doc.kind = kinds[k];
		doc.dated = start;
		if (kinds[k] == DOC_CRIMINAL_RECORD) {
			doc.issued_on = d->today - demo_workers[i].record_days_ago;
			doc.dated = doc.issued_on + 5;
		}
		r = worker_doc_add(d->a, &doc, NULL, e);
		worker_doc_free(&doc);
	}
	int last = demo_workers[i].last_day ? demo_workers[i].last_day : 5;
	for (int day = 1; !r && demo_workers[i].to && day <= last; day++) {
		worker_availability av = {0, w.id, day, demo_workers[i].from, demo_workers[i].to};
		r = worker_availability_add(d->a, &av, e);
	}
	worker_free(&w);
	return r;
}

static int demo_team_workers(demo *d, cerr *e)
{
	int r = ST_OK;
	for (size_t i = 0; !r && i < ARRAY_LEN(demo_workers); i++)
		r = demo_worker(d, i, e);
	return r;
}

/* ---- the satisfaction survey ---- */

static const char *const survey_comments[] = {
	"Très satisfaite de Mme Girard, toujours souriante et à l'heure.",
	"Le remplaçant pendant les vacances ne connaissait pas les habitudes de ma mère.",
	"Merci pour votre écoute au téléphone.",
	"Les horaires changent un peu trop souvent à mon goût.",
	"Le cahier de liaison est bien tenu, c'est rassurant pour la famille.",
	"Rien à redire, service sérieux.",
	"J'aimerais être prévenue plus tôt quand l'intervenante est absente.",
	"Devis clair, pas de mauvaise surprise sur la facture.",
};

/* One client's answers, as a paper form comes back: mostly satisfied, now and then not,
 * "no opinion" for what the client never needed (a complaint, a replacement). */
static void demo_answers(demo *d, int nq, char *out)
{
	int mood = below(d, 100); /* a few clients are unhappy throughout */
	for (int i = 0; i < nq; i++) {
		int r = below(d, 100), v;
		if (mood < 8)
			v = r < 20 ? 2 : r < 70 ? 3 : 4;
		else
			v = r < 45 ? 1 : r < 85 ? 2 : r < 95 ? 3 : 4;
		/* continuity, follow-up calls, complaints: often not lived */
		if (i >= 5 && i != nq - 1 && chance(d, i == nq - 2 ? 60 : 20))
			v = 5;
		out[i * 2] = (char)('0' + v);
		out[i * 2 + 1] = ',';
	}
	out[nq * 2 - 1] = '\0';
}

/* The minute of `day` at `minute`, no later than now. */
static cminute demo_when(demo *d, cday day, int minute)
{
	cminute t = cal_at(day, minute);
	return t > d->now ? d->now : t;
}

/* The campaign of `year`: opened by the manager on `open`, answers entered by a coordinator on
 * the days after (percent of the clients answering), published on `publish` (NO_DAY: not yet).
 * A year in which nobody was served has no campaign. */
static int demo_campaign(demo *d, const char *manager, int year, cday open, int percent,
			 cday publish, cerr *e)
{
	app *a = d->a;
	int r = act_as(d, manager, e);
	if (r)
		return r;
	clock_at(d, demo_when(d, open, 9 * 60 + 30));
	int64_t added, served = 0;
	cerr why = {0};
	/* Nobody served that year: no campaign (survey_open would refuse it, and a refusal inside
	 * the demo's transaction undoes the whole demo). */
	if ((r = db_survey_served_count(a->db, year, &served, e)) || !served)
		return r;
	if (survey_open(a, year, &added, &why))
		return why.code == ST_INVALID ? ST_OK : err_set(e, why.code, why.field, "%s", why.msg);
	survey_campaign k;
	if ((r = survey_campaign_get(a, year, &k, e)))
		return r;
	int nq = k.nquestions;
	survey_campaign_free(&k);
	if ((r = act_as(d, "karim.benali", e)))
		return r;
	survey_reply_filter f = {year, NULL};
	survey_reply *rows = NULL, from;
	size_t n = 0;
	bool first = true;
	char answers[2 * 64];
	int days = cal_day_of(d->now) - open;
	do {
		r = survey_reply_page(a, &f, first ? NULL : &from, 50, &rows, &n, e);
		for (size_t i = 0; !r && i < n; i++) {
			if (!chance(d, percent) || nq > 64)
				continue;
			demo_answers(d, nq, answers);
			cday on = open + (days > 0 ? below(d, days > 40 ? 40 : days) + 1 : 0);
			clock_at(d, demo_when(d, on, 14 * 60 + below(d, 180)));
			const char *comment =
				chance(d, 35) ? survey_comments[below(d, ARRAY_LEN(survey_comments))]
					      : NULL;
			r = survey_answer(a, year, rows[i].client_id, answers, comment, e);
		}
		if (!r && n) {
			if (!first)
				survey_reply_free(&from);
			survey_reply_init(&from);
			from.client_id = rows[n - 1].client_id;
			from.name_key = xstrdup(rows[n - 1].name_key);
			from.first_key = xstrdup(rows[n - 1].first_key);
			first = false;
		}
		survey_replies_free(rows, n);
	} while (!r && n == 50);
	if (!first)
		survey_reply_free(&from);
	if (!r && publish != NO_DAY) {
		if ((r = act_as(d, manager, e)))
			return r;
		clock_at(d, demo_when(d, publish, 11 * 60));
		survey_campaign_get(a, year, &k, NULL);
		bool answered = k.answered > 0;
		survey_campaign_free(&k);
		if (answered)
			r = survey_publish(a, year, cal_day_of(a->now), e);
	}
	return r;
}

/* Last year's survey, answered and published in the first weeks of this year; this year's,
 * opened lately and partly answered. */
static int demo_survey(demo *d, const char *manager, cerr *e)
{
	int y, m, day;
	cal_ymd(d->today, &y, &m, &day);
	cday jan6 = cal_days(y, 1, 6);
	cday open = jan6 < d->today ? jan6 : d->today;
	cday publish = cal_days(y, 2, 16) < d->today ? cal_days(y, 2, 16) : d->today;
	int r = demo_campaign(d, manager, y - 1, open, 72, publish, e);
	cday recent = d->today - 12 > cal_days(y, 1, 2) ? d->today - 12 : d->today;
	if (!r)
		r = demo_campaign(d, manager, y, recent, 60, NO_DAY, e);
	return r;
}

/* ---- complaints and an action plan (S5, S7) ---- */

/* The clients with a file made by now, in plan order: the n-th, or 0. */
static int64_t filed_client(demo *d, int n)
{
	for (int i = 0; i < d->ncl; i++)
		if (d->cl[i].filed && d->cl[i].id && n-- == 0)
			return d->cl[i].id;
	return 0;
}

static int demo_complaint(demo *d, int client, size_t about, int days_ago, const char *category,
			  int channel, bool anomaly, const char *text, int64_t *id, cerr *e)
{
	complaint c;
	complaint_init(&c);
	c.client_id = filed_client(d, client);
	c.worker_id = about < ARRAY_LEN(d->worker_ids) ? d->worker_ids[about] : 0;
	c.received_on = d->today - days_ago;
	c.category = xstrdup(category);
	c.channel = channel;
	c.anomaly = anomaly;
	c.description = xstrdup(text);
	int r = complaint_create(d->a, &c, e);
	*id = c.id;
	complaint_free(&c);
	return r;
}

/* One complaint closed after an action and an answer (two more about billing answered and
 * closed); one open for longer than
 * complaint.overdue_days (complaint-overdue); three about billing within the year, a recurring
 * problem (R7), whose first two an action plan answers, the third come since
 * (action-plan-missing, until the plan is linked to it); an anomaly the agency noticed. */
static int demo_complaints(demo *d, cerr *e)
{
	const size_t none = (size_t)-1;
	int64_t closed, overdue, b1, b2, b3, anomaly;
	int r = act_as(d, "karim.benali", e);
	if (!r)
		r = demo_complaint(d, 0, 0, 60, "quality", CHANNEL_PHONE, false,
				   "Le repassage n'a pas été fait lors des deux dernières "
				   "interventions.",
				   &closed, e);
	if (!r)
		r = complaint_act(d->a, closed, d->today - 58, "Point avec l'intervenante sur le "
				  "contenu de la prestation", NULL, e);
	if (!r)
		r = complaint_answer(d->a, closed, d->today - 55,
				     "Appel à la cliente : excuses, prestation complétée le 20.",
				     e);
	if (!r)
		r = complaint_close(d->a, closed, d->today - 50, e);
	if (!r)
		r = demo_complaint(d, 1, none, 45, "communication", CHANNEL_LETTER, false,
				   "Courrier : la cliente n'a pas été prévenue du changement "
				   "d'intervenante pendant les congés.",
				   &overdue, e);
	if (!r)
		r = complaint_act(d->a, overdue, d->today - 44, "Courrier reçu, appel laissé sur "
				  "le répondeur", NULL, e);
	if (!r)
		r = demo_complaint(d, 2, none, 200, "billing", CHANNEL_PHONE, false,
				   "Heures facturées en double sur la facture de mars.", &b1, e);
	if (!r)
		r = complaint_answer(d->a, b1, d->today - 195, "Avoir établi et envoyé au client.",
				     e);
	if (!r)
		r = complaint_close(d->a, b1, d->today - 190, e);
	if (!r)
		r = demo_complaint(d, 3, none, 120, "billing", CHANNEL_EMAIL, false,
				   "Facture reçue avec le tarif de l'an dernier.", &b2, e);
	if (!r)
		r = complaint_answer(d->a, b2, d->today - 118,
				     "Facture corrigée, excuses par courriel.", e);
	if (!r)
		r = complaint_close(d->a, b2, d->today - 110, e);
	if (!r)
		r = demo_complaint(d, 4, none, 12, "billing", CHANNEL_FOLLOWUP, false,
				   "Lors de l'appel de suivi : une intervention annulée a été "
				   "facturée.",
				   &b3, e);
	if (!r)
		r = demo_complaint(d, 5, 1, 3, "planning", CHANNEL_HOME, true,
				   "Deux intervenantes envoyées le même matin chez la cliente.",
				   &anomaly, e);
	action_plan p;
	action_plan_init(&p);
	p.title = xstrdup("Erreurs de facturation");
	p.cause = xstrdup("Relevés d'heures saisis à la main, sans contrôle avant l'envoi des "
			  "factures.");
	int64_t ids[] = {b1, b2};
	if (!r)
		r = plan_create(d->a, &p, ids, ARRAY_LEN(ids), e);
	plan_action first = {0, p.id, "Contrôler les relevés d'heures avant chaque facturation",
			     "nathalie.perrin", d->today + 10, NO_DAY};
	plan_action second = {0, p.id, "Mettre à jour les tarifs dans le logiciel au 1er janvier",
			      "karim.benali", d->today + 30, NO_DAY};
	if (!r)
		r = plan_action_add(d->a, &first, e);
	if (!r)
		r = plan_action_add(d->a, &second, e);
	if (!r)
		r = plan_action_done(d->a, second.id, d->today, e);
	action_plan_free(&p);
	return r;
}

/* ---- visits (issue 8, points 3 and 6) ----
 * Each slot of the running recurring contracts goes to the first active worker of the team who
 * has its service and the skills the contract names, is available then and has no other slot
 * then (none: the slot stays uncovered), who met the client before the contract started; the
 * visits are generated from eight weeks back to the horizon, and those past are done, with
 * arrivals a few minutes either side of the start, one in nine late, one in fifty cancelled by
 * the client. */

/* Worker i has the skills a slot of contract k requires (its service's and the contract's own)
 * and is available then. */
static bool demo_fits(size_t i, const contract *k, const contract_slot *s)
{
	char *have = worker_skills_union(demo_workers[i].skills, NULL);
	char *want = worker_skills_union(s->service_code, k->skills);
	char *lacking = worker_skills_lacking(have, want);
	int last = demo_workers[i].last_day ? demo_workers[i].last_day : 5;
	bool fits = demo_workers[i].status == WORKER_ACTIVE && !lacking && s->weekday <= last &&
		    s->starts >= demo_workers[i].from &&
		    s->starts + contract_slot_minutes(s->starts, s->ends) <= demo_workers[i].to;
	free(lacking);
	free(want);
	free(have);
	return fits;
}

struct demo_ids {
	int64_t *ids;
	size_t n;
	cday today;
};

/* One slot of a running contract, waiting for its worker. */
struct demo_slot {
	contract *k;
	contract_slot *s;
	int fit;     /* how many of the team could take it */
	size_t rank; /* its place in contract order, to break ties */
	size_t worker;
};

#define DEMO_NONE ((size_t)-1)

/* Worker w has no other slot given at the time of s. */
static bool demo_free(const struct demo_slot *all, size_t n, size_t w, const contract_slot *s)
{
	for (size_t i = 0; i < n; i++)
		if (all[i].worker == w && contract_slots_overlap(all[i].s, s))
			return false;
	return true;
}

static cday k_today(const void *arg)
{
	return ((const struct demo_ids *)arg)->today;
}

static int collect_running(const contract *k, void *arg)
{
	struct demo_ids *x = arg;
	if (k->kind == CONTRACT_RECURRING && k->signed_on != NO_DAY &&
	    k->status != CONTRACT_WITHDRAWN &&
	    (k->status != CONTRACT_ENDED || k->ended_on >= k_today(arg))) {
		x->ids = xrealloc(x->ids, (x->n + 1) * sizeof *x->ids);
		x->ids[x->n++] = k->id;
	}
	return 0;
}

/* The slots fewest workers can take first, then in contract order. */
static int cmp_demo_slot(const void *x, const void *y)
{
	const struct demo_slot *a = x, *b = y;
	if (a->fit != b->fit)
		return a->fit < b->fit ? -1 : 1;
	return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* The worker for one slot, as a coordinator chooses: one who already serves the contract,
 * else the one with the lightest week so far; DEMO_NONE when nobody fits or is free. */
static size_t demo_choose(const struct demo_slot *all, size_t n, const struct demo_slot *x,
			  const int *load)
{
	size_t best = DEMO_NONE;
	int best_score = 0;
	for (size_t w = 0; w < ARRAY_LEN(demo_workers); w++) {
		if (!demo_fits(w, x->k, x->s) || !demo_free(all, n, w, x->s))
			continue;
		bool serves = false;
		for (size_t i = 0; i < n && !serves; i++)
			serves = all[i].worker == w && all[i].k == x->k;
		int score = load[w] - (serves ? 100000 : 0);
		if (best == DEMO_NONE || score < best_score) {
			best = w;
			best_score = score;
		}
	}
	return best;
}

/* The slots of the running recurring contracts given to the team, the first meeting recorded
 * (three days before the contract started) where the worker had not met the client. */
static int demo_slot_workers(demo *d, cerr *e)
{
	contract_filter f;
	contract_filter_init(&f, d->today);
	struct demo_ids x = {NULL, 0, d->today};
	int r = contract_each(d->a, &f, collect_running, &x, e);
	contract *ks = xcalloc(x.n ? x.n : 1, sizeof *ks);
	contract_slot **slots = xcalloc(x.n ? x.n : 1, sizeof *slots);
	size_t *nslots = xcalloc(x.n ? x.n : 1, sizeof *nslots);
	struct demo_slot *all = NULL;
	size_t n = 0;
	for (size_t i = 0; i < x.n; i++)
		contract_init(&ks[i]);
	for (size_t i = 0; !r && i < x.n; i++) {
		if (!(r = contract_get(d->a, x.ids[i], &ks[i], e)))
			r = contract_slots_of(d->a, ks[i].id, &slots[i], &nslots[i], e);
		for (size_t j = 0; !r && j < nslots[i]; j++) {
			all = xrealloc(all, (n + 1) * sizeof *all);
			all[n] = (struct demo_slot){&ks[i], &slots[i][j], 0, n, DEMO_NONE};
			for (size_t w = 0; w < ARRAY_LEN(demo_workers); w++)
				all[n].fit += demo_fits(w, &ks[i], &slots[i][j]);
			n++;
		}
	}
	if (n)
		qsort(all, n, sizeof *all, cmp_demo_slot);
	int load[ARRAY_LEN(demo_workers)] = {0};
	for (size_t i = 0; !r && i < n; i++) {
		size_t w = demo_choose(all, n, &all[i], load);
		if (w == DEMO_NONE || w >= ARRAY_LEN(d->worker_ids))
			continue;
		all[i].worker = w;
		load[w] += contract_slot_minutes(all[i].s->starts, all[i].s->ends);
		contract_slot *s = all[i].s;
		s->worker_id = d->worker_ids[w];
		bool met = false;
		r = db_worker_met_client(d->a->db, s->worker_id, all[i].k->client_id, all[i].k->start,
					 &met, e);
		if (!r && !met)
			r = db_meeting_insert(d->a->db, all[i].k->client_id, s->worker_id,
					      all[i].k->start - 3, NULL, e);
		if (!r)
			r = contract_slot_edit(d->a, s, NULL, e);
	}
	for (size_t i = 0; i < x.n; i++) {
		contract_slots_free(slots[i], nslots[i]);
		contract_free(&ks[i]);
	}
	free(all);
	free(nslots);
	free(slots);
	free(ks);
	free(x.ids);
	return r;
}

struct demo_past {
	demo *d;
	int64_t *ids;
	size_t n;
};

static int collect_past(const visit *v, void *arg)
{
	struct demo_past *p = arg;
	if (v->status == VISIT_PLANNED && v->ends <= p->d->now) {
		p->ids = xrealloc(p->ids, (p->n + 1) * sizeof *p->ids);
		p->ids[p->n++] = v->id;
	}
	return 0;
}

static int demo_visits(demo *d, cerr *e)
{
	int r = demo_slot_workers(d, e);
	visit_generation g;
	if (!r)
		r = visit_generate(d->a, d->today - 56, NO_DAY, &g, e);
	visit_filter f;
	visit_filter_init(&f);
	f.from = cal_at(d->today - 56, 0);
	f.to = d->now;
	struct demo_past p = {d, NULL, 0};
	if (!r)
		r = visit_each(d->a, &f, collect_past, &p, e);
	for (size_t i = 0; !r && i < p.n; i++) {
		visit v;
		visit_init(&v);
		if ((r = visit_get(d->a, p.ids[i], &v, e))) {
			visit_free(&v);
			break;
		}
		if (chance(d, 2)) {
			r = visit_cancel(d->a, v.id, "Annulée par le client (rendez-vous médical)", e);
		} else if (v.worker_id) {
			int early = below(d, 9) - 5; /* -5 .. +3 minutes */
			int late = chance(d, 11) ? 12 + below(d, 14) : early;
			cminute arrived = v.starts + late, left = v.ends + below(d, 6);
			r = visit_arrive(d->a, v.id, arrived < d->now ? arrived : d->now, e);
			if (!r)
				r = visit_leave(d->a, v.id, left < d->now ? left : d->now, e);
			if (!r)
				r = visit_done(d->a, v.id, e);
		}
		visit_free(&v);
	}
	free(p.ids);
	return r;
}

/* ---- the planning's week: an absence, the liaison notebooks, follow-up calls ---- */

struct demo_pick {
	int64_t worker_id;           /* a worker with a visit planned next week */
	int64_t clients[64], visits[64]; /* clients served lately, one of their visits each */
	size_t nclients;
};

static int pick_next_week(const visit *v, void *arg)
{
	struct demo_pick *p = arg;
	if (!p->worker_id && v->status == VISIT_PLANNED && v->worker_id)
		p->worker_id = v->worker_id;
	return 0;
}

static int pick_served(const visit *v, void *arg)
{
	struct demo_pick *p = arg;
	if (v->status != VISIT_DONE || p->nclients >= ARRAY_LEN(p->clients))
		return 0;
	for (size_t i = 0; i < p->nclients; i++)
		if (p->clients[i] == v->client_id)
			return 0;
	p->clients[p->nclients] = v->client_id;
	p->visits[p->nclients++] = v->id;
	return 0;
}

/* The follow-up calls overdue, oldest first: their keys and the days they were due. */
struct demo_due {
	char (*keys)[FOLLOWUP_KEY_MAX];
	cday *due;
	size_t n, cap;
};

static int pick_due(const followup *f, void *arg)
{
	struct demo_due *p = arg;
	if (f->status != FOLLOWUP_OVERDUE)
		return 0;
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->keys = xrealloc(p->keys, p->cap * sizeof *p->keys);
		p->due = xrealloc(p->due, p->cap * sizeof *p->due);
	}
	p->due[p->n] = f->due;
	followup_key(f, p->keys[p->n++]);
	return 0;
}

static int demo_week(demo *d, cerr *e)
{
	int r = act_as(d, "nathalie.perrin", e);
	struct demo_pick p = {0};
	visit_filter f;
	/* A worker away next Tuesday to Thursday, their visits left to replace (I2). */
	cday monday = next_monday(d->today + 1);
	visit_filter_init(&f);
	f.from = cal_at(monday + 1, 0);
	f.to = cal_at(monday + 4, 0);
	if (!r)
		r = visit_each(d->a, &f, pick_next_week, &p, e);
	if (!r && p.worker_id) {
		absence x;
		absence_init(&x);
		x.worker_id = p.worker_id;
		x.from_day = monday + 1;
		x.to_day = monday + 3;
		x.kind = xstrdup("sick");
		x.note = xstrdup("Arrêt maladie transmis par téléphone");
		r = absence_add(d->a, &x, NULL, NULL, e);
		absence_free(&x);
	}
	/* The liaison notebooks of the clients served these two weeks, but three (I3). */
	static const char *const notes[] = {
	    "Courses faites, le frigo est plein jusqu'à jeudi. Penser au pain.",
	    "Douleur au genou signalée pendant la visite : famille prévenue.",
	    "Produit pour les sols presque fini, à racheter.",
	    "Le voisin a les clés en double en cas d'absence.",
	};
	visit_filter_init(&f);
	f.from = cal_at(d->today - 14, 0);
	f.to = d->now;
	f.status = VISIT_DONE;
	if (!r)
		r = visit_each(d->a, &f, pick_served, &p, e);
	for (size_t i = 0; !r && i + 3 < p.nclients; i++) {
		note_entry n;
		note_init(&n);
		n.client_id = p.clients[i];
		n.visit_id = i % 2 ? 0 : p.visits[i];
		n.text = xstrdup(notes[i % ARRAY_LEN(notes)]);
		r = note_add(d->a, &n, e);
		note_free(&n);
	}
	/* Follow-up calls made (S4), a couple of days after they were due, but the three latest:
	 * the agency is a little behind, and one call opened a complaint. */
	struct demo_due due = {0};
	followup_filter ff = {false, false, false, 0};
	if (!r)
		r = act_as(d, "sophie.martin", e);
	if (!r)
		r = followup_each(d->a, &ff, pick_due, &due, e);
	static const followup_done_in said[] = {
	    {0, 1, "Très contente de son intervenante.", NULL, NULL},
	    {0, 2, "Satisfait ; souhaiterait un passage plus tôt le matin.", NULL, NULL},
	    {0, 3, "Ménage jugé rapide.", "Les vitres ne sont jamais faites malgré le contrat.",
	     "quality"},
	};
	for (size_t i = 0; !r && i + 3 < due.n; i++) {
		followup_done_in in = said[i == 2 ? 2 : i % 2];
		int64_t id;
		in.on = due.due[i] + 2 < d->today ? due.due[i] + 2 : d->today;
		r = followup_done(d->a, due.keys[i], &in, &id, NULL, e);
	}
	free(due.keys);
	free(due.due);
	return r;
}

int demo_populate(app *a, cerr *e)
{
	demo d = {0};
	d.a = a;
	d.rng = 0x43686172746531ULL; /* "Charte1" */
	/* Who runs the demo, and when: the steps move the clock and the login, then give them
	 * back. */
	bool fixed = a->now_fixed;
	d.now = app_now(a);
	d.today = cal_day_of(d.now);
	int r = db_begin(a->db, e);
	if (r)
		return r;
	char *login = xstrdup(a->login); /* act_as frees a->login */
	r = demo_settings(&d, e);
	if (!r)
		r = demo_staff(&d, e);
	if (!r)
		r = app_reload(a, e); /* the closure dates, for the working days */
	if (!r) {
		d.wdays = (int)settings_int(a, "withdrawal.days");
		r = demo_clients(&d, e);
	}
	if (!r)
		r = demo_offer(&d, e);
	if (!r)
		r = play_steps(&d, e);
	a->now_fixed = fixed;
	a->now = d.now;
	act_as(&d, login, NULL);
	app_now(a);
	if (!r) {
		db_set_audit(a->db, false);
		r = demo_calls(&d, e);
		db_set_audit(a->db, true);
	}
	if (!r)
		r = demo_team_workers(&d, e);
	if (!r)
		r = demo_complaints(&d, e);
	act_as(&d, login, NULL);
	if (!r)
		r = demo_visits(&d, e);
	if (!r)
		r = demo_week(&d, e);
	/* The survey last: it asks the clients with a visit done in the year. */
	if (!r)
		r = demo_survey(&d, login, e);
	a->now_fixed = fixed;
	a->now = d.now;
	act_as(&d, login, NULL);
	app_now(a);
	clients_plan_free(&d);
	free(login);
	if (r) {
		db_rollback(a->db);
		app_reload(a, NULL);
		return r;
	}
	return db_commit(a->db, e);
}
