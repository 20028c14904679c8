/* keys-man.c — prints the key section of man/charte.1 from the screens' action table
 * (src/tui/actions.c), in English; `make man` puts it into the page, `make check` compares. */
#include <locale.h>
#include <stdio.h>

#include "charte/tui.h"

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8")) /* the key names hold UTF-8 arrows */
		setlocale(LC_CTYPE, "C.UTF-8");
	if (tui_keys_check(stderr))
		return 1;
	tui_keys_man(stdout);
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
