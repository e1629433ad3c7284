/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One line of an officer's work queue (cl-work-queue.h). Read-only. */
#define CL_TYPE_QUEUE_ITEM (cl_queue_item_get_type ())
G_DECLARE_FINAL_TYPE (ClQueueItem, cl_queue_item, CL, QUEUE_ITEM, GObject)

typedef enum
{
  CL_QUEUE_ITEM_ACTION,  /* a next action due within the week, or overdue */
  CL_QUEUE_ITEM_LETTER,  /* a letter to write (a next action of type letter), not done */
  CL_QUEUE_ITEM_VISIT,   /* a home or school visit to make, not done */
  CL_QUEUE_ITEM_LEGAL,   /* a case whose child meets a legal threshold: consider action */
} ClQueueItemKind;

ClQueueItemKind     cl_queue_item_get_kind        (ClQueueItem *self);
/* "action", "letter", "visit" or "legal": for scripts and JSON. */
const char         *cl_queue_item_get_kind_id     (ClQueueItem *self);
const char         *cl_queue_item_get_kind_label  (ClQueueItem *self);
gint64              cl_queue_item_get_case_id     (ClQueueItem *self);
/* The event whose next action this is; 0 for a legal item. */
gint64              cl_queue_item_get_event_id    (ClQueueItem *self);
/* The case's children, "Amy Hill, Ben Hill". */
const char         *cl_queue_item_get_pupil_name  (ClQueueItem *self);
const char         *cl_queue_item_get_school_name (ClQueueItem *self);
/* ISO date the action is due; "" for a legal item. */
const char         *cl_queue_item_get_due_date    (ClQueueItem *self);
/* The action's text, or for a legal item the rules met, described. */
const char         *cl_queue_item_get_text        (ClQueueItem *self);
/* Due before today. */
gboolean            cl_queue_item_get_overdue     (ClQueueItem *self);
/* For a legal item, the rule ids met (CL_RULE_PENALTY_THRESHOLD …); else empty. */
const char * const *cl_queue_item_get_rule_ids    (ClQueueItem *self);

G_END_DECLS
