/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ui/cl-case-timeline-item.h"

G_BEGIN_DECLS

#define CL_TYPE_CASE_TIMELINE_ROW (cl_case_timeline_row_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseTimelineRow, cl_case_timeline_row, CL, CASE_TIMELINE_ROW, GtkWidget)

/* A row of the case page's timeline, showing a ClCaseTimelineItem: a week
 * (its date, each child's sessions as coloured blocks, its attendance) or
 * an event (type, date and time, duration, miles, who, summary, outcome,
 * assessment, next action, and for a corrected event who corrected it and,
 * on expanding, what it said before). Its buttons activate
 * "case.complete-action" and "case.correct-event" with the event's id. */
GtkWidget          *cl_case_timeline_row_new      (void);
/* today (ISO) decides whether an open next action is overdue. */
void                cl_case_timeline_row_set_item (ClCaseTimelineRow  *self,
                                                   ClCaseTimelineItem *item,
                                                   const char         *today);
ClCaseTimelineItem *cl_case_timeline_row_get_item (ClCaseTimelineRow  *self);
/* The text of its visible labels, one a line (for tests). */
char               *cl_case_timeline_row_dup_text (ClCaseTimelineRow  *self);

G_END_DECLS
