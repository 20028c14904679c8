/* clients.c — client files in storage. */
#include "dbint.h"

#include "charte/db_calls.h"

int db_client_id_by_phone(db *d, const char *phone, int64_t *id, cerr *e)
{
	*id = 0;
	sqlite3_stmt *st = db_prep(d,
				   "SELECT id FROM clients WHERE phone = ?1 UNION ALL "
				   "SELECT id FROM clients WHERE phone2 = ?1 ORDER BY 1 LIMIT 1",
				   e);
	if (!st)
		return ST_DB;
	bind_text(st, 1, phone);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = col_int(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(d, e);
}
