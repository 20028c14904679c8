/* text.h — UTF-8 text as people see it. Lengths that limits count are characters; widths on a
 * terminal are columns (wcwidth: wide characters two, combining characters none); text is cut
 * only on character boundaries. */
#ifndef CHARTE_TEXT_H
#define CHARTE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "charte/util.h"

/* Columns that s takes on a terminal (an undecodable byte or a control character: one). */
int text_width(const char *s);
/* Bytes of the longest start of s that fits in width columns, on a character boundary. */
size_t text_fit(const char *s, int width);
/* A copy of s that fits in width columns: cut with "…" when longer. Caller frees. */
char *text_cut(const char *s, int width);
/* Copy src into dst of n bytes; when it does not fit, cut on a character boundary and end
 * with "…" (a message is never cut in the middle of an accented letter). */
void text_copy(char *dst, size_t n, const char *src);
/* A copy of s safe to write to a terminal: control characters shown as \n, \t, \r, \e, \xNN
 * or \uNNNN, undecodable bytes as \xNN; everything else as it is. Caller frees. */
char *text_escaped(const char *s);
/* Where to break s to fill one line of width columns: after the last space that fits, else
 * at the last character that fits (at least one character). strlen(s) when it all fits. */
size_t text_wrap_at(const char *s, int width);

bool utf8_valid(const char *s);
/* Characters (code points) of valid UTF-8 text: what a length limit counts. */
size_t utf8_length(const char *s);
/* Copy of s with control characters (C0, DEL, C1) replaced by spaces; for display. */
char *text_printable(const char *s);
/* Trim ASCII white space at both ends, in place; returns s. */
char *str_trim(char *s);
/* *s freed and replaced by a trimmed copy of text. */
void str_set_trimmed(char **s, const char *text);
bool str_blank(const char *s);
/* An empty string (a field left empty) becomes NULL, "no value"; freed. */
void str_drop_empty(char **s);
/* A copy of s whose first letter is upper case, as a sentence starts (the domain's reasons
 * start in lower case, to follow a field's name). Caller frees. */
char *text_capitalised(const char *s);
/* French elision, in place (it only shortens): each word "de" followed by a space and a word
 * whose first letter is a vowel or an h (taken as mute, as in most names) becomes "d'" joined
 * to that word: "Planning de Amina" -> "Planning d'Amina", "de Hélène" -> "d'Hélène". Does
 * nothing unless lang_french (English text is never touched). Returns s. */
char *text_elide(char *s);
/* Case- and accent-insensitive comparison of UTF-8 text folded to ASCII lower case. */
char *text_fold(const char *s);

/* A text a person gave for `field`: ST_OK, or ST_INVALID naming field when it is blank and
 * required, not valid UTF-8, or longer than max characters. NULL is blank. */
int text_check(const char *s, const char *field, size_t max, bool required, cerr *e);
/* text_check for a text that must fit on one line: a control character (a line break, a tab)
 * is ST_INVALID too. */
int text_check_line(const char *s, const char *field, size_t max, bool required, cerr *e);
/* Whether s holds a control character (C0 or DEL). */
bool text_has_control(const char *s);
/* A checked text to its stored form, in place: trimmed; when blank, NULL if keep_null (no value)
 * else "" (NULL becomes "" too). */
void text_tidy(char **s, bool keep_null);

#endif
