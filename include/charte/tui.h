/* tui.h — the full-screen program (src/tui): what the rest of the program may call. */
#ifndef CHARTE_TUI_H
#define CHARTE_TUI_H

#include <stdio.h>

#include "charte/app.h"

/* Run the full-screen program on an open session until the person quits. Returns the process
 * exit status (0, or 1 when the terminal cannot be used).
 *
 * Test seam (as tig has): with $CHARTE_KEYS=FILE the keystrokes are read from FILE instead of
 * the keyboard, and no terminal is needed (the screen goes to /dev/null, its size is
 * $CHARTE_SIZE, "80x24" by default); the program quits when the keys run out. With
 * $CHARTE_SCREEN=FILE the last screen is written to FILE as text when the program ends. The key
 * file is literal UTF-8 text plus names in angle brackets: <F1>..<F12> <Enter> <Esc> <Tab>
 * <S-Tab> <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <BS> <Del> <Space> <C-a>..<C-z>
 * <lt> (a literal '<'), and <Resize:COLSxLINES> <Sleep:MS> <Wait> (look for changes made by
 * another desk now). Line breaks in the file are ignored: type <Enter> for Enter. */
int tui_main(app *a);

/* Print every key of the full-screen program with what it does, from the action table, as the
 * roff of the man page's key section (man/charte.1 between its KEYS markers), in the current
 * language. man/keys-man.c prints it; `make man` writes it into the page and `make check`
 * fails when the page differs. */
void tui_keys_man(FILE *f);

/* One key, one meaning: 1, with each clash written to err, when a printable key of the action
 * table does two different things (on whatever screens); 0 otherwise. man/keys-man.c runs it,
 * so that `make man` and `make check` fail on a clash. */
int tui_keys_check(FILE *err);

#endif
