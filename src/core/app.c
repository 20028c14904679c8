/* app.c — one working session: file, clock, user, role, desk settings. */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "charte/i18n.h"
#include "charte/settings.h"

char *app_default_path(const char *option)
{
	if (option && *option)
		return xstrdup(option);
	const char *env = getenv("CHARTE_DB");
	if (env && *env)
		return xstrdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/charte/charte.db", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/share/charte/charte.db", home && *home ? home : ".");
}

static cminute system_now(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return cal_at(cal_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
		      tm.tm_hour * 60 + tm.tm_min);
}

cminute app_now(app *a)
{
	if (!a->now_fixed)
		a->now = system_now();
	if (a->db)
		db_set_clock(a->db, a->now);
	return a->now;
}

cday app_today(app *a)
{
	return cal_day_of(app_now(a));
}

int app_reload(app *a, cerr *e)
{
	char *v = settings_get(a, "desk.opens");
	if (!v || parse_clock(v, &a->desk.opens))
		a->desk.opens = 9 * 60;
	free(v);
	v = settings_get(a, "desk.closes");
	if (!v || parse_clock(v, &a->desk.closes))
		a->desk.closes = 18 * 60;
	free(v);
	a->desk.delay_days = (int)settings_int(a, "callback.delay_days");
	if (a->desk.delay_days < 1)
		a->desk.delay_days = 1;
	free(a->closed_days);
	a->closed_days = NULL;
	a->desk.nclosed = 0;
	v = settings_get(a, "desk.closed_dates");
	if (v && *v) {
		size_t cap = 1;
		for (const char *p = v; *p; p++)
			cap += *p == ',';
		a->closed_days = xcalloc(cap, sizeof *a->closed_days);
		for (char *tok = strtok(v, ","); tok; tok = strtok(NULL, ",")) {
			cday d;
			if (!parse_date(tok, &d))
				a->closed_days[a->desk.nclosed++] = d;
		}
	}
	free(v);
	a->desk.closed = a->closed_days;
	/* Who I am may have changed too (staff added at another desk). */
	staff_free(&a->me);
	memset(&a->me, 0, sizeof a->me);
	if (db_staff_by_login(a->db, a->login, &a->me, NULL) != ST_OK || !a->me.active) {
		staff_free(&a->me);
		memset(&a->me, 0, sizeof a->me);
	}
	return ST_OK;
}

int app_open(app **out, const char *path, bool create, const char *now_text, const char *login,
	     cerr *e)
{
	*out = NULL;
	app *a = xcalloc(1, sizeof *a);
	a->now = NO_MINUTE;
	if (!now_text || !*now_text)
		now_text = getenv("CHARTE_NOW");
	if (now_text && *now_text) {
		const char *why = parse_datetime(now_text, &a->now);
		if (why) {
			app_close(a);
			return err_set(e, ST_USAGE, "now", "%s", _(why));
		}
		a->now_fixed = true;
	}
	if (!login || !*login)
		login = getenv("USER");
	if (!login || !*login)
		login = getenv("LOGNAME");
	a->login = xstrdup(login && *login ? login : "unknown");
	a->path = path ? xstrdup(path) : app_default_path(NULL);
	int r = db_open(a->path, create, 0, &a->db, e);
	if (!r) {
		db_set_actor(a->db, a->login);
		app_now(a);
		r = app_reload(a, e);
	}
	if (r) {
		app_close(a);
		return r;
	}
	char *lang = settings_get(a, "ui.language");
	i18n_force(lang);
	free(lang);
	*out = a;
	return ST_OK;
}

void app_close(app *a)
{
	if (!a)
		return;
	audit_cache_free(a);
	followup_cache_free(a);
	db_close(a->db);
	free(a->path);
	free(a->login);
	free(a->closed_days);
	staff_free(&a->me);
	free(a);
}

void app_on_wait(app *a, void (*fn)(int ms, void *arg), void *arg)
{
	db_set_waiting(a->db, fn, arg);
}

const char *app_login(const app *a)
{
	return a->login;
}

const staff *app_me(const app *a)
{
	return &a->me;
}

int app_role(const app *a)
{
	return a->me.role;
}

const char *app_who(const app *a)
{
	return a->me.name && *a->me.name ? a->me.name : a->login;
}

const char *app_path(const app *a)
{
	return a->path;
}

const desk *app_desk(const app *a)
{
	return &a->desk;
}

int64_t app_data_version(app *a)
{
	return db_data_version(a->db);
}
