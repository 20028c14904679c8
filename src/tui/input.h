/* input.h — private to src/tui: where keys come from (the keyboard, or the test seam's script). */
#ifndef CHARTE_TUI_INPUT_H
#define CHARTE_TUI_INPUT_H

#include "frame.h"

/* Input: the keyboard, or the script of $CHARTE_KEYS (see charte/tui.h). */
enum input_event {
	IN_KEY,     /* *k holds a key */
	IN_IDLE,    /* nothing typed within the timeout */
	IN_WAIT,    /* the script asks to look for changes now */
	IN_END,     /* the script ran out */
};
/* Start reading keys: from the file named by $CHARTE_KEYS when set. */
int input_open(tui *t, cerr *e);
void input_close(tui *t);
/* True when the keys come from the test seam's file (no terminal then). */
bool input_scripted(const tui *t);
/* The next event, waiting at most timeout_ms for a key from the keyboard. */
int input_next(tui *t, tkey *k, int timeout_ms);

#endif
