/* test_listing.c — the one way to page (src/db/listing.c): a listing of a small table of
 * its own, ordered by (day, id) newest first, paged forwards and backwards, filtered, counted
 * and streamed. The expected ids are worked out by hand from the seven rows below. */
#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/db/dbint.h"

/* The rows: (id, day, kind). In list order (day descending, then id descending) the ids are
 * 7, 5, 4, 3, 2, 6, 1: three share the day 2026-01-02 and two the day 2026-01-01. */
static const char rows_sql[] =
	"CREATE TABLE items (id INTEGER PRIMARY KEY, day TEXT NOT NULL, kind TEXT NOT NULL);"
	"CREATE INDEX items_by_day ON items(day, id);"
	"INSERT INTO items VALUES (1, '2026-01-01', 'a'), (2, '2026-01-02', 'b'),"
	" (3, '2026-01-02', 'a'), (4, '2026-01-02', 'a'), (5, '2026-01-03', 'b'),"
	" (6, '2026-01-01', 'b'), (7, '2026-01-04', 'a');";

typedef struct item {
	int64_t id;
	char *day;
} item;

typedef struct item_filter {
	const char *kind; /* NULL: any */
	bool odd;         /* odd ids only */
} item_filter;

enum { F_KIND, F_ODD, F_COUNT };
static const char *const item_filters[F_COUNT] = {
	[F_KIND] = "i.kind = :kind",
	[F_ODD] = "i.id % 2 = 1",
};

static unsigned item_set(const void *filter)
{
	const item_filter *f = filter;
	return (f->kind != NULL) << F_KIND | f->odd << F_ODD;
}

static void item_bind(sqlite3_stmt *st, const void *filter)
{
	const item_filter *f = filter;
	int i = db_bind_index(st, ":kind");
	if (i)
		bind_text(st, i, f->kind);
}

static void item_key(sqlite3_stmt *st, const int *param, const void *row)
{
	const item *it = row;
	bind_text(st, param[0], it->day);
	bind_int(st, param[1], it->id);
}

static void item_read(sqlite3_stmt *st, void *row)
{
	item *it = row;
	it->id = col_int(st, 0);
	it->day = col_text(st, 1);
}

static void item_free(void *row)
{
	free(((item *)row)->day);
}

static const db_listing items_by_day = {
	.select = "SELECT i.id, i.day FROM items i",
	.key = {"i.day", "i.id"},
	.descending = true,
	.filters = item_filters,
	.nfilters = F_COUNT,
	.set = item_set,
	.bind = item_bind,
	.bind_key = item_key,
	.row_size = sizeof(item),
	.read = item_read,
	.free_row = item_free,
};

static char dir[64];
static db *D;

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/charte-test-listing.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/l.db", dir);
	cerr e = {0};
	ck_assert_int_eq(db_open(path, true, 0, &D, &e), ST_OK);
	ck_assert_int_eq(db_exec(D, rows_sql, &e), ST_OK);
}

static void teardown(void)
{
	db_close(D);
	nftw(dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* The ids of a page, as "7 5 4" ("" for none), and the page's last and first rows kept. */
static char got[64];
static item first, last;

static void page(const item_filter *f, const item *from, bool backward, int limit)
{
	void *rows = NULL;
	size_t n = 99;
	cerr e = {0};
	ck_assert_int_eq(db_list_page(D, &items_by_day, f, from, backward, limit, &rows, &n, &e),
			 ST_OK);
	got[0] = '\0';
	item_free(&first);
	item_free(&last);
	memset(&first, 0, sizeof first);
	memset(&last, 0, sizeof last);
	item *it = rows;
	for (size_t i = 0; i < n; i++) {
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%lld", i ? " " : "",
			 (long long)it[i].id);
	}
	if (n) {
		first = it[0];
		last = it[n - 1];
		for (size_t i = 1; i + 1 < n; i++)
			item_free(&it[i]);
		if (n == 1)
			last = (item){it[0].id, xstrdup(it[0].day)};
	}
	free(rows);
}

START_TEST(test_forwards)
{
	item_filter f = {0};
	page(&f, NULL, false, 3);
	ck_assert_str_eq(got, "7 5 4");
	page(&f, &last, false, 3); /* after 4: the two others of 2026-01-02, then 6 */
	ck_assert_str_eq(got, "3 2 6");
	page(&f, &last, false, 3);
	ck_assert_str_eq(got, "1");
	page(&f, &last, false, 3);
	ck_assert_str_eq(got, "");
}
END_TEST

START_TEST(test_backwards)
{
	item_filter f = {0};
	page(&f, NULL, true, 3); /* the last page, still in list order */
	ck_assert_str_eq(got, "2 6 1");
	page(&f, &first, true, 3); /* before 2: 5, then 4 and 3 of the same day */
	ck_assert_str_eq(got, "5 4 3");
	page(&f, &first, true, 3);
	ck_assert_str_eq(got, "7");
	page(&f, &first, true, 3);
	ck_assert_str_eq(got, "");
}
END_TEST

START_TEST(test_equal_keys_split)
{
	/* A page that ends inside a day goes on with the same day's next id. */
	item_filter f = {0};
	page(&f, NULL, false, 3);
	ck_assert_str_eq(got, "7 5 4");
	page(&f, &last, false, 1);
	ck_assert_str_eq(got, "3");
	page(&f, &last, false, 1);
	ck_assert_str_eq(got, "2");
	page(&f, &last, true, 2); /* and back: before 2 */
	ck_assert_str_eq(got, "4 3");
}
END_TEST

START_TEST(test_filters)
{
	item_filter f = {"a", false};
	page(&f, NULL, false, 2);
	ck_assert_str_eq(got, "7 4");
	page(&f, &last, false, 2);
	ck_assert_str_eq(got, "3 1");
	page(&f, &last, false, 2);
	ck_assert_str_eq(got, "");
	page(&f, NULL, true, 3);
	ck_assert_str_eq(got, "4 3 1");
	item_filter odd = {"a", true};
	page(&odd, NULL, false, 10);
	ck_assert_str_eq(got, "7 3 1");
	item_filter odd_any = {NULL, true};
	page(&odd_any, NULL, false, 10);
	ck_assert_str_eq(got, "7 5 3 1");
	int64_t n = 0;
	cerr e = {0};
	ck_assert_int_eq(db_list_count(D, &items_by_day, &f, &n, &e), ST_OK);
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(db_list_count(D, &items_by_day, &odd, &n, &e), ST_OK);
	ck_assert_int_eq(n, 3);
}
END_TEST

START_TEST(test_empty)
{
	item_filter f = {"z", false};
	page(&f, NULL, false, 5);
	ck_assert_str_eq(got, "");
	page(&f, NULL, true, 5);
	ck_assert_str_eq(got, "");
	int64_t n = 99;
	cerr e = {0};
	ck_assert_int_eq(db_list_count(D, &items_by_day, &f, &n, &e), ST_OK);
	ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(test_exactly_one_page)
{
	item_filter f = {"b", false};
	page(&f, NULL, false, 3);
	ck_assert_str_eq(got, "5 2 6");
	page(&f, &last, false, 3);
	ck_assert_str_eq(got, "");
	page(&f, NULL, true, 3);
	ck_assert_str_eq(got, "5 2 6");
	page(&f, &first, true, 3);
	ck_assert_str_eq(got, "");
}
END_TEST

static int collect(const void *row, void *arg)
{
	char *s = arg;
	snprintf(s + strlen(s), 64 - strlen(s), "%s%lld", *s ? " " : "",
		 (long long)((const item *)row)->id);
	return ((const item *)row)->id == 4; /* stop after 4 */
}

START_TEST(test_each)
{
	/* Ascending key order, whatever the list's order; fn stops the stream. */
	item_filter f = {0};
	char s[64] = "";
	cerr e = {0};
	ck_assert_int_eq(db_list_each(D, &items_by_day, &f, collect, s, &e), ST_OK);
	ck_assert_str_eq(s, "1 6 2 3 4");
	item_filter b = {"b", false};
	s[0] = '\0';
	ck_assert_int_eq(db_list_each(D, &items_by_day, &b, collect, s, &e), ST_OK);
	ck_assert_str_eq(s, "6 2 5");
}
END_TEST

Suite *suite_listing(void)
{
	Suite *s = suite_create("listing");
	TCase *tc = tcase_create("paging");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_forwards);
	tcase_add_test(tc, test_backwards);
	tcase_add_test(tc, test_equal_keys_split);
	tcase_add_test(tc, test_filters);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_exactly_one_page);
	tcase_add_test(tc, test_each);
	suite_add_tcase(s, tc);
	return s;
}
