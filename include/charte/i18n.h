/* i18n.h — start-up of locale and messages (TRAPS.md: the order matters). */
#ifndef CHARTE_I18N_H
#define CHARTE_I18N_H

/* umask, setlocale with a UTF-8 fallback, LC_NUMERIC "C", the message catalog found beside
 * the program (build tree) or under PREFIX. Call first thing in main. */
void i18n_start(const char *argv0);
/* Force the language ("fr", "en", or "auto" to follow the locale) after the settings are read. */
void i18n_force(const char *lang);
/* Where data files are: the tree's data/ for an uninstalled build, else PREFIX/share/charte. */
const char *i18n_datadir(void);

#endif
