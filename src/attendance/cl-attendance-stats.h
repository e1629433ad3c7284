/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "attendance/cl-code-table.h"
#include "attendance/cl-register.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* Attendance figures as the DfE computes them (DOMAIN.md §2), counted from the
 * register bytes — never from the calendar:
 *
 *   possible   = present + approved_activity + authorised + unauthorised
 *                (codes in categories not_counted, admin and none are left out)
 *   attendance = (present + approved_activity) / possible
 *   absence    = (authorised + unauthorised) / possible
 *   late       = sessions coded L (counted present) or U (counted unauthorised)
 *   persistent = absence >= 10 % of the pupil's own possible sessions
 *   severe     = absence >= 50 %
 *
 * Date ranges are ISO "YYYY-MM-DD", inclusive, both sessions of each day;
 * NULL means open-ended. */
typedef struct
{
  guint    possible;
  guint    present;               /* includes L */
  guint    approved_activity;     /* AEA */
  guint    authorised;
  guint    unauthorised;          /* includes U */
  guint    late;                  /* L + U */
  guint    not_counted;           /* marks seen that do not count (D, X, Y…, #, Z, -) */

  double   attendance_percent;
  double   absence_percent;
  double   authorised_percent;
  double   unauthorised_percent;
  gboolean persistent;            /* of this summary's own figures */
  gboolean severe;

  guint    possible_by_weekday[5];  /* Monday … Friday */
  guint    absence_by_weekday[5];
  guint    possible_am;
  guint    possible_pm;
  guint    absence_am;
  guint    absence_pm;

  /* For aggregates (school, group, authority): enrolments (pupil at a school)
   * with at least one possible session, and how many of those are
   * persistently / severely absent. A single pupil's summary has 1 or 0. */
  guint    pupils;
  guint    persistent_count;
  guint    severe_count;
} ClAttendanceSummary;

#define CL_TYPE_ATTENDANCE_SUMMARY (cl_attendance_summary_get_type ())
GType                cl_attendance_summary_get_type (void);
ClAttendanceSummary *cl_attendance_summary_copy     (const ClAttendanceSummary *summary);
void                 cl_attendance_summary_free     (ClAttendanceSummary       *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAttendanceSummary, cl_attendance_summary_free)

/* Recomputes the percentages and flags from the counts. */
void     cl_attendance_summary_finish        (ClAttendanceSummary       *summary);
/* Adds all counts of other (including pupils and the PA counts) and finishes. */
void     cl_attendance_summary_add           (ClAttendanceSummary       *summary,
                                              const ClAttendanceSummary *other);

/* Figures for one register held in memory (from, to may be NULL). */
gboolean cl_attendance_summary_for_register  (ClRegister                *reg,
                                              ClCodeTable               *codes,
                                              const char                *from,
                                              const char                *to,
                                              ClAttendanceSummary       *out,
                                              GError                   **error);
/* One pupil over a date range, across all their registers (every school). */
gboolean cl_attendance_summary_for_pupil     (ClDatabase                *db,
                                              gint64                     pupil_id,
                                              const char                *from,
                                              const char                *to,
                                              ClAttendanceSummary       *out,
                                              GError                   **error);
/* One school (school_id 0: the whole authority) over a date range, summed over
 * enrolments; out->pupils, persistent_count and severe_count count enrolments
 * (a pupil's rows at one school across the range are one enrolment).
 * Soft-deleted pupils are left out. */
gboolean cl_attendance_summary_for_school    (ClDatabase                *db,
                                              gint64                     school_id,
                                              const char                *from,
                                              const char                *to,
                                              ClAttendanceSummary       *out,
                                              GError                   **error);

/* A named group's figures. */
typedef struct
{
  /* "nc:7"; "all", "fsm", "not_fsm", "sen", "not_sen", "looked_after" */
  char               *key;
  char               *label;    /* translated, e.g. "Year 7", "Free school meals" */
  int                 nc_year;  /* for NC-year groups; G_MININT otherwise */
  ClAttendanceSummary summary;
} ClAttendanceGroup;

#define CL_TYPE_ATTENDANCE_GROUP (cl_attendance_group_get_type ())
GType              cl_attendance_group_get_type (void);
ClAttendanceGroup *cl_attendance_group_copy     (const ClAttendanceGroup *group);
void               cl_attendance_group_free     (ClAttendanceGroup       *group);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAttendanceGroup, cl_attendance_group_free)

/* By National Curriculum year group, taken from each pupil's date of birth
 * for each register's academic year (so a range spanning two years puts each
 * year's sessions in that year's group). Ordered by NC year. */
GPtrArray *cl_attendance_summary_by_nc_year (ClDatabase  *db,
                                             gint64       school_id,
                                             const char  *from,
                                             const char  *to,
                                             GError     **error);
/* By flag: "all", "fsm", "not_fsm", "sen" (EHCP or SEN support), "not_sen",
 * "looked_after", in that order. */
GPtrArray *cl_attendance_summary_by_flag    (ClDatabase  *db,
                                             gint64       school_id,
                                             const char  *from,
                                             const char  *to,
                                             GError     **error);

/* One pupil's figures in the whole-authority pass. */
typedef struct
{
  gint64              pupil_id;
  ClAttendanceSummary summary;
} ClPupilAttendance;

/* Every pupil (with a register at school_id, or anywhere when 0) in one scan
 * of the register table: a GArray of ClPupilAttendance ordered by pupil id,
 * each summed across the pupil's registers (for school_id != 0, only that
 * school's registers). */
GArray    *cl_attendance_summary_all_pupils (ClDatabase  *db,
                                             gint64       school_id,
                                             const char  *from,
                                             const char  *to,
                                             GError     **error);

G_END_DECLS
