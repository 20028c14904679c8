/* bench.c — runs two commands in turn and compares them, for bench/run.sh.
 *
 *   bench ROUNDS A-ARGS... -- B-ARGS...
 *
 * Runs A, then B, then A, then B… ROUNDS times each (after one warm-up run of each), each as a
 * whole process (fork, exec, wait: start-up included) with stdin and stdout on /dev/null, so
 * that the machine's noise falls on both alike. Leading NAME=VALUE arguments of a command are
 * put in its environment; an argument "{}" is replaced by the run's number (0 for the warm-up,
 * then 1 to ROUNDS), so that a command that changes the file (a generation) may work on another
 * range each time. Prints one line:
 *
 *   median_ms_A median_ms_B median_ratio_A/B median_difference_ms_A-B peak_kB_A peak_kB_B
 *
 * the ratio and the difference being taken within each round (A_i / B_i, A_i − B_i) before the
 * median, and the peak the largest resident size seen (getrusage of the child). Exits 1 when a
 * command cannot run or fails. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Run argv (NAME=VALUE arguments first) once, as run number `round`: its wall time in ms, its
 * peak size in kB. */
static int run(char **argv, int round, double *ms, long *peak_kb)
{
	char number[16];
	snprintf(number, sizeof number, "%d", round);
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, 0);
		dup2(null, 1);
		while (*argv && strchr(*argv, '=') && **argv != '=')
			putenv(*argv++);
		for (char **p = argv; *p; p++)
			if (!strcmp(*p, "{}"))
				*p = number;
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) != pid)
		return -1;
	*ms = now_ms() - t0;
	*peak_kb = ru.ru_maxrss;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: bench ROUNDS A-ARGS... -- B-ARGS...\n");
		return 2;
	}
	int rounds = atoi(argv[1]);
	char **a = argv + 2, **b = NULL;
	for (int i = 2; i < argc; i++)
		if (!strcmp(argv[i], "--")) {
			argv[i] = NULL;
			b = argv + i + 1;
			break;
		}
	if (rounds < 1 || !b || !*b || !*a) {
		fprintf(stderr, "bench: ROUNDS >= 1 and two commands, separated by --\n");
		return 2;
	}
	double *ta = calloc((size_t)rounds, sizeof *ta), *tb = calloc((size_t)rounds, sizeof *tb);
	double *ratio = calloc((size_t)rounds, sizeof *ratio), *diff = calloc((size_t)rounds, sizeof *diff);
	long peak_a = 0, peak_b = 0, kb;
	double ms;
	if (run(a, 0, &ms, &kb) || run(b, 0, &ms, &kb)) { /* warm-up, and a check that both run */
		fprintf(stderr, "bench: a command failed: %s / %s\n", a[0], b[0]);
		return 1;
	}
	for (int i = 0; i < rounds; i++) {
		if (run(a, i + 1, &ta[i], &kb))
			return 1;
		if (kb > peak_a)
			peak_a = kb;
		if (run(b, i + 1, &tb[i], &kb))
			return 1;
		if (kb > peak_b)
			peak_b = kb;
		ratio[i] = ta[i] / tb[i];
		diff[i] = ta[i] - tb[i];
	}
	printf("%.3f %.3f %.3f %.3f %ld %ld\n", median(ta, rounds), median(tb, rounds),
	       median(ratio, rounds), median(diff, rounds), peak_a, peak_b);
	return 0;
}
