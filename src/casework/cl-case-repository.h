/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "casework/cl-case.h"
#include "casework/cl-case-change.h"
#include "casework/cl-case-event.h"
#include "casework/cl-case-event-revision.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* Storage and life cycle of cases and their chronologies.
 *
 * Rules (refusals are in CL_CASEWORK_ERROR, with a sentence for the user):
 * - a case needs at least one existing pupil, a reason, a known source and a
 *   referral date not in the future; a child with an open case cannot be
 *   given a second one (STATE);
 * - a closed case takes no events, corrections, completed actions,
 *   reallocation or stage changes: CLOSED, "reopen it first";
 * - closing needs a closure reason (and an outcome when the reason is
 *   "other"); reopening keeps the closure in the status history;
 * - reassigning ends the current allocation on the day and opens the next,
 *   recording who did it, when and why;
 * - a stage of penalty_notice, prosecution or eso_sao puts the case in
 *   status "legal", an earlier stage takes it back to "open";
 * - events are validated by cl_case_event_validate(); a correction copies
 *   the old values to a revision first and needs a reason.
 * Every change runs in one transaction (a savepoint inside the caller's)
 * with an audit entry that names ids only. Dates given as NULL mean today
 * (cl_date_today). */
#define CL_TYPE_CASE_REPOSITORY (cl_case_repository_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseRepository, cl_case_repository, CL, CASE_REPOSITORY, GObject)

typedef struct
{
  gint64      officer_id;  /* 0: any officer (and unallocated referrals) */
  const char *status;      /* NULL: any; a status id; or "active": any but closed */
  const char *stage;       /* NULL: any; else a stage id */
  gint64      school_id;   /* 0: any; else a child of the case is on roll there now */
} ClCaseFilter;

typedef enum
{
  CL_EVENT_ORDER_OLDEST_FIRST,
  CL_EVENT_ORDER_NEWEST_FIRST,
} ClEventOrder;

ClCaseRepository *cl_case_repository_new              (ClDatabase          *db);

/* --- cases --- */

/* Validates and inserts the case with its pupils, reasons, first
 * allocation, first stage (early support) and status ("open", or
 * "referred" without an officer); sets the case's id and read-only fields. */
gboolean          cl_case_repository_create           (ClCaseRepository    *self,
                                                       ClCase              *kase,
                                                       GError             **error);
ClCase           *cl_case_repository_get              (ClCaseRepository    *self,
                                                       gint64               case_id,
                                                       GError             **error);
/* ClCase items, newest referral first. filter may be NULL (every case). */
GListModel       *cl_case_repository_list             (ClCaseRepository    *self,
                                                       const ClCaseFilter  *filter,
                                                       GError             **error);
/* Every case a pupil is or was part of, newest referral first. */
GListModel       *cl_case_repository_cases_for_pupil  (ClCaseRepository    *self,
                                                       gint64               pupil_id,
                                                       GError             **error);
/* ClPupil items: the case's children, in the case's order. */
GListModel       *cl_case_repository_pupils           (ClCaseRepository    *self,
                                                       gint64               case_id,
                                                       GError             **error);
/* ClPupil items: the case's children and every other child who shares a
 * guardian with one of them, across schools, oldest first. */
GListModel       *cl_case_repository_family           (ClCaseRepository    *self,
                                                       gint64               case_id,
                                                       GError             **error);

gboolean          cl_case_repository_reassign         (ClCaseRepository    *self,
                                                       gint64               case_id,
                                                       gint64               officer_id,
                                                       const char          *reason,
                                                       const char          *date,
                                                       GError             **error);
/* Setting the stage the case is at already changes nothing. */
gboolean          cl_case_repository_set_stage        (ClCaseRepository    *self,
                                                       gint64               case_id,
                                                       const char          *stage,
                                                       const char          *reason,
                                                       const char          *date,
                                                       GError             **error);
gboolean          cl_case_repository_close            (ClCaseRepository    *self,
                                                       gint64               case_id,
                                                       const char          *closure_reason,
                                                       const char          *outcome,
                                                       const char          *date,
                                                       GError             **error);
/* Reopens today; reason may be NULL. */
gboolean          cl_case_repository_reopen           (ClCaseRepository    *self,
                                                       gint64               case_id,
                                                       const char          *reason,
                                                       GError             **error);
/* ClCaseChange items of every kind (allocation, stage, status), in the
 * order they were made. */
GListModel       *cl_case_repository_history          (ClCaseRepository    *self,
                                                       gint64               case_id,
                                                       GError             **error);
/* ClCaseChange items of kind ALLOCATION only, oldest first. */
GListModel       *cl_case_repository_allocations      (ClCaseRepository    *self,
                                                       gint64               case_id,
                                                       GError             **error);

/* --- the chronology --- */

/* Validates and inserts; a next action without a type gets "other", an
 * event without an officer gets the case's. Sets the event's id and
 * read-only fields. */
gboolean          cl_case_repository_add_event        (ClCaseRepository    *self,
                                                       ClCaseEvent         *event,
                                                       GError             **error);
ClCaseEvent      *cl_case_repository_get_event        (ClCaseRepository    *self,
                                                       gint64               event_id,
                                                       GError             **error);
/* Replaces the entered values of the stored event with those of corrected
 * (same id and case), keeping the old ones as a revision with who, when and
 * reason. Refused (STATE) when nothing changed. */
gboolean          cl_case_repository_correct_event    (ClCaseRepository    *self,
                                                       ClCaseEvent         *corrected,
                                                       const char          *reason,
                                                       GError             **error);
/* Marks the event's next action done, now, by the database actor. */
gboolean          cl_case_repository_complete_action  (ClCaseRepository    *self,
                                                       gint64               event_id,
                                                       GError             **error);
/* ClCaseEvent items by date and time (events without a time first in a day). */
GListModel       *cl_case_repository_list_events      (ClCaseRepository    *self,
                                                       gint64               case_id,
                                                       ClEventOrder         order,
                                                       GError             **error);
/* ClCaseEventRevision items, oldest correction first. */
GListModel       *cl_case_repository_event_revisions  (ClCaseRepository    *self,
                                                       gint64               event_id,
                                                       GError             **error);

G_END_DECLS
