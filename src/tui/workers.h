/* workers.h — private to the Workers area of the screens (view_workers*.c, view_worker*.c): the
 * views its files open in one another. */
#ifndef CHARTE_TUI_WORKERS_H
#define CHARTE_TUI_WORKERS_H

#include "frame.h"

/* A worker's page (view_worker.c): arg points at the worker's int64_t id. */
extern const struct view_ops view_worker_ops;
/* The form of a worker file (view_worker_form.c): arg NULL for a new worker, else the int64_t
 * id. */
extern const struct view_ops view_worker_form_ops;

/* What the page's `a` records (view_worker_record.c), in the order of its menu. */
enum worker_record_kind {
	WREC_STEP,
	WREC_ETHICS,
	WREC_COMMITMENTS,
	WREC_DOCUMENT,
	WREC_AVAILABILITY,
	WREC_ABSENCE, /* these two: the planning's forms (planning_record_form) */
	WREC_MEETING,
	WREC_COUNT
};
/* Open the small form that records `kind` for worker id (named `name`, for its title). */
void worker_record_form(tui *t, int64_t id, const char *name, enum worker_record_kind kind);

#endif
