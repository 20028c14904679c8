/* demo.c — placeholder until the demo generator lands. */
#include "charte/demo.h"

int demo_populate(app *a, cerr *e)
{
	(void)a;
	(void)e;
	return ST_OK;
}
