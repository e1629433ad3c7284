/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to src/casework: not for other areas. */

#include "casework/cl-case.h"
#include "casework/cl-case-change.h"
#include "casework/cl-case-event.h"
#include "casework/cl-caseload-row.h"
#include "casework/cl-queue-item.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* ClCase fields the repository owns. */
void          cl_case_set_id               (ClCase       *self,
                                            gint64        id);
void          cl_case_set_state            (ClCase       *self,
                                            const char   *status,
                                            const char   *stage,
                                            const char   *closed_date,
                                            const char   *closure_reason,
                                            const char   *outcome);
void          cl_case_set_display          (ClCase       *self,
                                            const char   *officer_name,
                                            const char   *title,
                                            gint64        school_id,
                                            const char   *school_name,
                                            const char   *created_at);

/* ClCaseEvent: a whole event from a row, without notifications; text holds
 * CL_CASE_EVENT_N_TEXT strings (NULL or "" for unset). */
ClCaseEvent  *cl_case_event_new_full       (gint64              id,
                                            gint64              case_id,
                                            const char * const *text,
                                            guint               duration,
                                            int                 miles_tenths,
                                            gint64              officer_id);
void          cl_case_event_set_id         (ClCaseEvent  *self,
                                            gint64        id);
void          cl_case_event_set_recorded   (ClCaseEvent  *self,
                                            const char   *officer_name,
                                            const char   *created_by,
                                            const char   *created_at,
                                            guint         revision);
void          cl_case_event_set_action_done (ClCaseEvent *self,
                                            const char   *done_at,
                                            const char   *done_by);
/* TRUE when a and b hold the same entered values (what a correction changes). */
gboolean      cl_case_event_same_record    (ClCaseEvent  *a,
                                            ClCaseEvent  *b);

ClCaseChange *cl_case_change_new_full      (ClCaseChangeKind  kind,
                                            const char       *value,
                                            gint64            officer_id,
                                            const char       *from_date,
                                            const char       *to_date,
                                            const char       *changed_by,
                                            const char       *changed_at,
                                            const char       *reason,
                                            const char       *closure_reason,
                                            const char       *outcome);

ClQueueItem  *cl_queue_item_new            (ClQueueItemKind     kind,
                                            gint64              case_id,
                                            gint64              event_id,
                                            const char         *pupil_name,
                                            const char         *school_name,
                                            const char         *due_date,
                                            const char         *text,
                                            gboolean            overdue,
                                            const char * const *rule_ids);

ClCaseloadRow *cl_caseload_row_new         (ClCase             *kase,
                                            const char         *last_contact,
                                            const char         *next_action,
                                            const char         *next_action_due,
                                            gint64              next_action_event,
                                            gboolean            overdue,
                                            double              attendance,
                                            const double       *trend,
                                            const char * const *rule_ids);

/* "[1,2,3]": ids to bind as one parameter and read with json_each (?). */
char         *cl_casework_ids_json         (GArray       *ids);

/* Every register of the given pupils (gint64) for academic years year_from
 * to year_to, in one query: pupil id (gint64 *) → GPtrArray of ClRegister,
 * each array ordered by year then school. */
GHashTable   *cl_casework_load_registers   (ClDatabase   *db,
                                            GArray       *pupil_ids,
                                            int           year_from,
                                            int           year_to,
                                            GError      **error);

/* Attendance figures and rule hits of one case's children today (see
 * ClCaseloadRow for the reading of the figures). */
typedef struct
{
  double     attendance;
  double     trend[CL_CASELOAD_TREND_WEEKS];
  GPtrArray *hits;        /* ClRuleHit of every child, in child then rule order */
} ClCaseFigures;

/* For cases (ClCase), in one query of the children's registers: case id
 * (gint64 *) → ClCaseFigures *. */
GHashTable   *cl_casework_case_figures     (ClDatabase   *db,
                                            GPtrArray    *cases,
                                            GError      **error);

/* Today (cl_date_today) as ISO text in buf (11 bytes); returns buf. */
char         *cl_casework_today            (char         *buf);
/* ISO date text days after (negative: before) date. */
char         *cl_casework_add_days         (const char   *date,
                                            int           days,
                                            char         *buf);

G_END_DECLS
