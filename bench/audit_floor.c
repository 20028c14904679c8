/* audit_floor.c — the floor of `charte audit --csv` for bench/run.sh: a script for the sqlite3
 * shell that runs every rule's own query (db_finding_sql) with the values the program binds
 * (audit_params: now, today and the settings), on the same file. What the audit then costs
 * beyond its SQL is the program's: start-up, reading each finding's words, the CSV.
 *
 * usage: audit-floor FILE 'YYYY-MM-DD HH:MM' > floor.sql */
#include <stdio.h>

#include "../src/core/core.h"
#include "charte/db_findings.h"
#include "charte/parse.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: audit-floor FILE 'YYYY-MM-DD HH:MM'\n");
		return 2;
	}
	app *a = NULL;
	cerr e = {0};
	if (app_open(&a, argv[1], false, argv[2], "bench", &e)) {
		fprintf(stderr, "audit-floor: %s\n", e.msg);
		return 1;
	}
	finding_params p;
	audit_params(a, &p);
	char now[17], today[11], cutoff[11], since[11];
	fmt_datetime(p.now, now);
	fmt_date(p.today, today);
	fmt_date(p.record_cutoff, cutoff);
	fmt_date(p.recurring_since, since);
	printf(".parameter set :now \"'%s'\"\n", now);
	printf(".parameter set :today \"'%s'\"\n", today);
	printf(".parameter set :threshold %lld\n", (long long)p.quote_threshold);
	printf(".parameter set :complaint_days %d\n", p.complaint_days);
	printf(".parameter set :grace_days %d\n", p.followup_grace_days);
	printf(".parameter set :record_cutoff \"'%s'\"\n", cutoff);
	printf(".parameter set :survey_deadline \"'%s'\"\n", p.survey_deadline);
	printf(".parameter set :recurring_since \"'%s'\"\n", since);
	printf(".parameter set :per_category %d\n", p.recurring_category);
	printf(".parameter set :per_worker %d\n", p.recurring_worker);
	size_t n;
	const audit_rule *rules = audit_rules(&n);
	for (size_t i = 0; i < n; i++) {
		const char *sql = db_finding_sql(rules[i].slug);
		if (sql)
			printf("-- %s\n%s;\n", rules[i].slug, sql);
	}
	app_close(a);
	return 0;
}
