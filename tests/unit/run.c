/* run.c — the one Check runner: every test file in tests/unit defines `Suite *suite_NAME(void)`,
 * and the build lists them in suites.inc. */
#include <check.h>
#include <stdlib.h>

#define SUITE(f) Suite *f(void);
#include "suites.inc"
#undef SUITE

int main(void)
{
	SRunner *sr = srunner_create(NULL);
#define SUITE(f) srunner_add_suite(sr, f());
#include "suites.inc"
#undef SUITE
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
