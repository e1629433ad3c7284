/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "casework/cl-case-event.h"
#include "ui/cl-case-weeks.h"

G_BEGIN_DECLS

#define CL_TYPE_CASE_TIMELINE_ITEM (cl_case_timeline_item_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseTimelineItem, cl_case_timeline_item, CL, CASE_TIMELINE_ITEM, GObject)

/* One line of the case page's timeline: a school week of the register (its
 * sessions for each child and its attendance), or one event of the
 * chronology. Read-only; made by the case page. */
typedef enum
{
  CL_CASE_TIMELINE_WEEK,
  CL_CASE_TIMELINE_EVENT,
} ClCaseTimelineKind;

ClCaseTimelineItem *cl_case_timeline_item_new_week         (ClCaseWeeks        *weeks,
                                                            guint               week);
/* correction: "Corrected by Kirsty Green on 02/10/2025" for a corrected
 * event, else NULL; original: what the event said before (for showing on
 * demand). */
ClCaseTimelineItem *cl_case_timeline_item_new_event        (ClCaseEvent        *event,
                                                            const char         *officer_name,
                                                            const char         *correction,
                                                            const char         *original);

ClCaseTimelineKind  cl_case_timeline_item_get_kind         (ClCaseTimelineItem *self);
ClCaseWeeks        *cl_case_timeline_item_get_weeks        (ClCaseTimelineItem *self);
guint               cl_case_timeline_item_get_week         (ClCaseTimelineItem *self);
ClCaseEvent        *cl_case_timeline_item_get_event        (ClCaseTimelineItem *self);
const char         *cl_case_timeline_item_get_officer_name (ClCaseTimelineItem *self);
const char         *cl_case_timeline_item_get_correction   (ClCaseTimelineItem *self);
const char         *cl_case_timeline_item_get_original     (ClCaseTimelineItem *self);

G_END_DECLS
