/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "casework/cl-queue-item.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* How far ahead the queue looks for actions other than letters and visits. */
#define CL_WORK_QUEUE_DAYS_AHEAD 7

/* An officer's work queue (officer_id 0: the whole service), over cases
 * that are not closed, as a new GListModel of ClQueueItem:
 *
 * - every next action not done that is due within CL_WORK_QUEUE_DAYS_AHEAD
 *   days or is overdue (kind ACTION), and every letter and visit still to
 *   do whenever it is due (kinds LETTER and VISIT);
 * - every open case at a stage before penalty notice whose child meets the
 *   penalty-notice threshold or ten days' continuous unauthorised absence
 *   today (kind LEGAL), from the same rules as cl_rules_evaluate_pupil().
 *
 * Ordered: overdue items first by due date, then the rest by due date, then
 * the legal items, oldest referral first. */
GListModel *cl_work_queue_build (ClDatabase  *db,
                                 gint64       officer_id,
                                 GError     **error);

G_END_DECLS
