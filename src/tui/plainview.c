/* plainview.c — a view that is a plain list (the services, the settings, the surveys): its
 * open, reload and close, written once (see plain_view in list.h). */
#include <stdlib.h>

#include "list.h"

int plain_view_open(tui *t, view *v, const struct list_ops *ops, const char *empty, cerr *e)
{
	return plain_view_open_sized(t, v, ops, empty, sizeof(plain_view), e);
}

int plain_view_open_sized(tui *t, view *v, const struct list_ops *ops, const char *empty,
			  size_t size, cerr *e)
{
	plain_view *pv = xcalloc(1, size);
	pv->a = tui_app(t);
	list_init(&pv->l, ops, pv);
	pv->l.empty = empty;
	int r = list_load(&pv->l, e);
	if (r) {
		list_free(&pv->l);
		free(pv);
		return r;
	}
	v->data = pv;
	return ST_OK;
}

void plain_view_reload(tui *t, view *v)
{
	plain_view *pv = v->data;
	list_reload_page(t, &pv->l, NULL, NULL);
}

void plain_view_close(tui *t, view *v)
{
	plain_view *pv = v->data;
	list_free(&pv->l);
	free(pv);
}
