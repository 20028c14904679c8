# Charte — build, test, run, install. `make` builds only and never touches the network;
# `make check` and `make run` first install missing Debian packages (scripts/install-deps).

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
SHAREDIR = $(PREFIX)/share/charte
LOCDIR   = $(PREFIX)/share/locale

CC      ?= cc
PKGS     = ncursesw sqlite3 xlsxwriter
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell pkg-config --libs check 2>/dev/null)

OPT     ?= -O2 -g
WERROR  ?=
SAN     ?=
CFLAGS  ?=
CPPFLAGS_ALL = -Iinclude -D_GNU_SOURCE -DPREFIX_SHAREDIR='"$(SHAREDIR)"' -DPREFIX_LOCALEDIR='"$(LOCDIR)"' \
               -DCHARTE_VERSION='"$(VERSION)"'
CFLAGS_ALL = -std=c11 $(OPT) -Wall -Wextra -Wshadow -Wno-unused-parameter $(WERROR) $(SAN) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lcsv -lm $(SAN)

VERSION  = 0.1.0
B       ?= build
LIB_SRC  = $(wildcard src/base/*.c src/db/*.c src/core/*.c src/export/*.c)
APP_SRC  = src/main.c $(wildcard src/cli/*.c src/tui/*.c)
TEST_SRC = $(wildcard tests/unit/*.c)
LIB_OBJ  = $(LIB_SRC:%.c=$(B)/obj/%.o)
APP_OBJ  = $(APP_SRC:%.c=$(B)/obj/%.o)
TEST_OBJ = $(TEST_SRC:%.c=$(B)/obj/%.o)
DEPS     = $(LIB_OBJ:.o=.d) $(APP_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(B)/obj/man/keys-man.d
# The screens' objects: the key section of the man page is printed from their action table.
TUI_OBJ  = $(filter $(B)/obj/src/tui/%,$(APP_OBJ))

PO       = $(wildcard po/*.po)
# While areas are being written, each keeps its French in po/parts/AREA.po; fr.po is made from them.
PARTS    = $(sort $(wildcard po/parts/*.po))
MO       = $(PO:po/%.po=$(B)/locale/%/LC_MESSAGES/charte.mo)

DEMO_DB  = $(B)/demo.db

.PHONY: all check layers man man-keys unit cli e2e run bench install uninstall clean deps pot sanitize format
all: $(B)/charte $(MO)

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(B)/libcharte.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/charte: $(APP_OBJ) $(B)/libcharte.a
	$(CC) -o $@ $(APP_OBJ) $(B)/libcharte.a $(LDLIBS_ALL)

# Prints the man page's key section from the action table (man/keys-man.c).
$(B)/keys-man: $(B)/obj/man/keys-man.o $(TUI_OBJ) $(B)/libcharte.a
	$(CC) -o $@ $(B)/obj/man/keys-man.o $(TUI_OBJ) $(B)/libcharte.a $(LDLIBS_ALL)

# One Check runner for every suite: each tests/unit/*.c defines `Suite *suite_NAME(void)`.
$(B)/obj/tests/unit/suites.inc: $(TEST_SRC)
	@mkdir -p $(dir $@)
	@grep -ho '^Suite \*suite_[a-z0-9_]*(void)' $(TEST_SRC) | sed 's/^Suite \*\(suite_[a-z0-9_]*\)(void)/SUITE(\1)/' > $@.tmp && mv $@.tmp $@

$(B)/obj/tests/unit/%.o: tests/unit/%.c $(B)/obj/tests/unit/suites.inc
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -I$(B)/obj/tests/unit $(CFLAGS_ALL) $(CHECK_CFLAGS) -MMD -MP -c $< -o $@

$(B)/unit-tests: $(TEST_OBJ) $(B)/libcharte.a
	$(CC) -o $@ $(TEST_OBJ) $(B)/libcharte.a $(CHECK_LIBS) $(LDLIBS_ALL)

$(B)/locale/%/LC_MESSAGES/charte.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

ifneq ($(PARTS),)
po/fr.po: $(PARTS)
	msgcat --use-first -o $@ $(PARTS)
endif

deps:
	@sh scripts/install-deps

unit: $(B)/unit-tests $(B)/charte $(MO)
	CHARTE_BIN=$(abspath $(B)/charte) $(B)/unit-tests

cli: $(B)/charte $(MO)
	@sh tests/cli/run.sh $(abspath $(B)/charte)

e2e: $(B)/charte $(MO)
	@sh tests/e2e/run.sh $(abspath $(B)/charte)

# The layers of DESIGN.md section 4, read from the objects: who includes and calls whom.
layers: $(B)/charte
	@sh scripts/check-layers $(B)

# The key section of man/charte.1 is the action table's: `make man` writes it, and make check
# fails (man-keys) when the page and the table disagree.
man: $(B)/keys-man
	@sh scripts/man-keys write $(B)/keys-man man/charte.1

man-keys: $(B)/keys-man
	@sh scripts/man-keys check $(B)/keys-man man/charte.1

check: deps
	$(MAKE) all $(B)/unit-tests $(B)/keys-man
	$(MAKE) layers
	$(MAKE) man-keys
	$(MAKE) unit
	$(MAKE) cli
	$(MAKE) e2e

run: deps
	$(MAKE) all
	@test -s $(DEMO_DB) || $(B)/charte --db $(DEMO_DB) init --demo
	$(B)/charte --db $(DEMO_DB)

bench: deps
	$(MAKE) all
	@sh bench/run.sh $(abspath $(B)/charte)

sanitize:
	$(MAKE) B=build-san OPT='-O1 -g' WERROR=-Werror SAN='-fsanitize=address,undefined -fno-omit-frame-pointer' \
		all build-san/unit-tests
	CHARTE_BIN=$(abspath build-san/charte) UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 build-san/unit-tests

pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kngettext:1,2 --package-name=charte \
		--msgid-bugs-address=none -o po/charte.pot $$(git ls-files 'src/*.c' 'include/*.h' | sort)
	@$(MAKE) -s po/fr.po
	@msgcmp --use-untranslated po/fr.po po/charte.pot && echo "po/fr.po: complete" || \
		{ echo "add the French of these messages to po/parts/*.po"; exit 1; }

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(SHAREDIR)
	install -m 755 $(B)/charte $(DESTDIR)$(BINDIR)/charte
	install -m 644 man/charte.1 $(DESTDIR)$(MANDIR)/charte.1
	cp -R data/. $(DESTDIR)$(SHAREDIR)/
	for mo in $(MO); do l=$${mo#$(B)/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCDIR)/$$l/LC_MESSAGES/charte.mo; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/charte $(DESTDIR)$(MANDIR)/charte.1
	rm -rf $(DESTDIR)$(SHAREDIR)
	for po in $(PO); do l=$$(basename $$po .po); rm -f $(DESTDIR)$(LOCDIR)/$$l/LC_MESSAGES/charte.mo; done

clean:
	rm -rf build build-san

-include $(DEPS)
