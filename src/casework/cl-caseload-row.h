/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "casework/cl-case.h"

G_BEGIN_DECLS

/* One line of an officer's caseload page: the case, when the family was
 * last contacted, the next action and when it is due, attendance over the
 * last four weeks with a weekly trend, and the attendance rules met today.
 * Built by cl_caseload_build() (cl-caseload.h); read-only.
 *
 * Attendance is for the case's children together (sessions summed; for a
 * one-child case simply that child's): the last four weeks are the 28 days
 * ending today, and the trend is the four 7-day weeks of that period, oldest
 * first. A figure with no possible sessions (holidays) is -1. */
#define CL_TYPE_CASELOAD_ROW (cl_caseload_row_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseloadRow, cl_caseload_row, CL, CASELOAD_ROW, GObject)

#define CL_CASELOAD_TREND_WEEKS 4

ClCase             *cl_caseload_row_get_case               (ClCaseloadRow *self);
gint64              cl_caseload_row_get_case_id            (ClCaseloadRow *self);
/* Shorthands for the case's fields. */
const char         *cl_caseload_row_get_title              (ClCaseloadRow *self);
const char         *cl_caseload_row_get_school_name        (ClCaseloadRow *self);
/* Date of the latest event of any type but "note"; "" when none. */
const char         *cl_caseload_row_get_last_contact       (ClCaseloadRow *self);
/* The open next action due first, its due date and event; "" and 0 when none. */
const char         *cl_caseload_row_get_next_action        (ClCaseloadRow *self);
const char         *cl_caseload_row_get_next_action_due    (ClCaseloadRow *self);
gint64              cl_caseload_row_get_next_action_event  (ClCaseloadRow *self);
/* The next action is due before today. */
gboolean            cl_caseload_row_get_overdue            (ClCaseloadRow *self);
/* Attendance % over the last four weeks, or -1. */
double              cl_caseload_row_get_attendance_percent (ClCaseloadRow *self);
/* CL_CASELOAD_TREND_WEEKS weekly attendance %, oldest first (-1: no sessions). */
const double       *cl_caseload_row_get_trend              (ClCaseloadRow *self);
/* Rule ids met today by any child of the case (cl-rules.h), in rule order. */
const char * const *cl_caseload_row_get_rule_ids           (ClCaseloadRow *self);

G_END_DECLS
