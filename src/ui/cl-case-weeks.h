/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "attendance/cl-attendance-stats.h"
#include "attendance/cl-code-table.h"

G_BEGIN_DECLS

/* The register week by week, for the case page's timeline and the family
 * view: for a run of school weeks (each a Monday), one row per child with
 * the kind of each of the week's ten sessions (Monday to Friday, morning and
 * afternoon) and the week's attendance. Figures are counted by
 * cl_attendance_summary_for_register, as everywhere else; this only lays
 * them out by week. No database access: the caller loads the registers. */

typedef enum
{
  CL_WEEK_SESSION_NO_MARK,
  CL_WEEK_SESSION_PRESENT,
  CL_WEEK_SESSION_AEA,
  CL_WEEK_SESSION_AUTHORISED,
  CL_WEEK_SESSION_UNAUTHORISED,
  CL_WEEK_SESSION_NOT_COUNTED,
  CL_WEEK_SESSION_FUTURE,      /* after today */
  CL_N_WEEK_SESSIONS
} ClWeekSession;

/* Monday to Friday, morning and afternoon. */
#define CL_WEEK_SESSIONS 10
/* cl_case_weeks_get_percent: every row together. */
#define CL_CASE_WEEKS_ALL_ROWS G_MAXUINT

typedef struct _ClCaseWeeks ClCaseWeeks;

#define CL_TYPE_CASE_WEEKS (cl_case_weeks_get_type ())
GType         cl_case_weeks_get_type       (void);

/* The weeks from the one holding from to the one holding to (ISO dates;
 * to is clamped to today), no rows yet. NULL when a date is not valid. */
ClCaseWeeks  *cl_case_weeks_new            (const char   *from,
                                            const char   *to,
                                            const char   *today);
ClCaseWeeks  *cl_case_weeks_ref            (ClCaseWeeks  *self);
void          cl_case_weeks_unref          (ClCaseWeeks  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCaseWeeks, cl_case_weeks_unref)

/* Adds a row for one child from all their registers (ClRegister, any
 * schools and years); label names the row. Returns the row's index. */
guint         cl_case_weeks_add_row        (ClCaseWeeks  *self,
                                            const char   *label,
                                            GPtrArray    *registers,
                                            ClCodeTable  *codes);

guint         cl_case_weeks_get_n_weeks    (ClCaseWeeks  *self);
guint         cl_case_weeks_get_n_rows     (ClCaseWeeks  *self);
const char   *cl_case_weeks_get_row_label  (ClCaseWeeks  *self,
                                            guint         row);
/* The Monday of a week, ISO. */
const char   *cl_case_weeks_get_monday     (ClCaseWeeks  *self,
                                            guint         week);
/* The week a date falls in, or -1 outside the run. */
int           cl_case_weeks_week_of        (ClCaseWeeks  *self,
                                            const char   *date);
/* CL_WEEK_SESSIONS ClWeekSession values. */
const guint8 *cl_case_weeks_get_sessions   (ClCaseWeeks  *self,
                                            guint         row,
                                            guint         week);
/* Attendance % of the week (row, or CL_CASE_WEEKS_ALL_ROWS), -1 when the
 * week had no possible sessions. */
double        cl_case_weeks_get_percent    (ClCaseWeeks  *self,
                                            guint         row,
                                            guint         week);
/* Over the whole run, for one row. */
const ClAttendanceSummary *cl_case_weeks_get_total (ClCaseWeeks *self,
                                                    guint        row);

G_END_DECLS
