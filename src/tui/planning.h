/* planning.h — private to the Planning area of the screens (view_planning*.c). */
#ifndef CHARTE_TUI_PLANNING_H
#define CHARTE_TUI_PLANNING_H

#include "frame.h"

/* Go to the Planning tab showing the week of visit v, its worker's (or, uncovered, the visits
 * no worker covers), v selected. */
void planning_show_visit(tui *t, const visit *v);

#endif
