/* tui.c — placeholder until the screens land. */
#include "charte/app.h"

int tui_main(app *a)
{
	(void)a;
	return 0;
}
