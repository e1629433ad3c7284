/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-case-weeks"

#include "config.h"

#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-register.h"
#include "ui/cl-case-weeks.h"

typedef struct
{
  char                *label;
  guint8              *sessions;   /* n_weeks × CL_WEEK_SESSIONS */
  ClAttendanceSummary *weeks;      /* n_weeks */
  ClAttendanceSummary  total;
} Row;

struct _ClCaseWeeks
{
  guint32  first_monday;  /* julian */
  guint32  today;         /* julian */
  guint    n_weeks;
  char   **mondays;       /* n_weeks ISO dates */
  char   **sundays;
  GArray  *rows;          /* Row */
};

G_DEFINE_BOXED_TYPE (ClCaseWeeks, cl_case_weeks, cl_case_weeks_ref, cl_case_weeks_unref)

static guint32
monday_of (guint32 julian)
{
  return julian - (guint32) cl_attendance_julian_weekday (julian);
}

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->label);
  g_free (row->sessions);
  g_free (row->weeks);
}

ClCaseWeeks *
cl_case_weeks_new (const char *from,
                   const char *to,
                   const char *today)
{
  ClCaseWeeks *self;
  guint32 j_from, j_to, j_today;

  g_return_val_if_fail (from != NULL && to != NULL && today != NULL, NULL);

  if (!cl_attendance_date_to_julian (from, &j_from)
      || !cl_attendance_date_to_julian (to, &j_to)
      || !cl_attendance_date_to_julian (today, &j_today))
    return NULL;
  j_to = MIN (j_to, j_today);
  j_from = MIN (j_from, j_to);

  self = g_rc_box_new0 (ClCaseWeeks);
  self->first_monday = monday_of (j_from);
  self->today = j_today;
  self->n_weeks = (monday_of (j_to) - self->first_monday) / 7 + 1;
  self->mondays = g_new0 (char *, self->n_weeks + 1);
  self->sundays = g_new0 (char *, self->n_weeks + 1);
  for (guint w = 0; w < self->n_weeks; w++)
    {
      self->mondays[w] = cl_attendance_date_from_julian (self->first_monday + 7 * w);
      self->sundays[w] = cl_attendance_date_from_julian (self->first_monday + 7 * w + 6);
    }
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  return self;
}

ClCaseWeeks *
cl_case_weeks_ref (ClCaseWeeks *self)
{
  return g_rc_box_acquire (self);
}

static void
clear_weeks (gpointer data)
{
  ClCaseWeeks *self = data;

  g_strfreev (self->mondays);
  g_strfreev (self->sundays);
  g_array_unref (self->rows);
}

void
cl_case_weeks_unref (ClCaseWeeks *self)
{
  g_rc_box_release_full (self, clear_weeks);
}

static guint8
session_kind (ClAttendanceCategory category)
{
  switch (category)
    {
    case CL_ATTENDANCE_CATEGORY_PRESENT:
      return CL_WEEK_SESSION_PRESENT;
    case CL_ATTENDANCE_CATEGORY_AEA:
      return CL_WEEK_SESSION_AEA;
    case CL_ATTENDANCE_CATEGORY_AUTHORISED:
      return CL_WEEK_SESSION_AUTHORISED;
    case CL_ATTENDANCE_CATEGORY_UNAUTHORISED:
      return CL_WEEK_SESSION_UNAUTHORISED;
    case CL_ATTENDANCE_CATEGORY_NOT_COUNTED:
    case CL_ATTENDANCE_CATEGORY_ADMIN:
      return CL_WEEK_SESSION_NOT_COUNTED;
    case CL_ATTENDANCE_CATEGORY_NONE:
    default:
      return CL_WEEK_SESSION_NO_MARK;
    }
}

guint
cl_case_weeks_add_row (ClCaseWeeks *self,
                       const char  *label,
                       GPtrArray   *registers,
                       ClCodeTable *codes)
{
  guint8 kinds[256];
  Row row = { 0 };
  guint32 last_day = self->first_monday + 7 * self->n_weeks - 1;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (registers != NULL, 0);
  g_return_val_if_fail (CL_IS_CODE_TABLE (codes), 0);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      ClAttendanceCode *code = i > 0 ? cl_code_table_get (codes, (guint8) i) : NULL;

      kinds[i] = code != NULL ? session_kind (cl_attendance_code_get_category (code))
                              : CL_WEEK_SESSION_NO_MARK;
    }

  row.label = g_strdup (label != NULL ? label : "");
  row.sessions = g_new0 (guint8, (gsize) self->n_weeks * CL_WEEK_SESSIONS);
  row.weeks = g_new0 (ClAttendanceSummary, self->n_weeks);

  for (guint r = 0; r < registers->len; r++)
    {
      ClRegister *reg = g_ptr_array_index (registers, r);
      int year = cl_register_get_academic_year (reg);
      guint32 year_first = cl_academic_year_first_julian (year);
      guint32 year_last = year_first + (guint32) cl_academic_year_n_sessions (year) / 2 - 1;
      gsize n_marks;
      const guint8 *marks = cl_register_get_marks (reg, &n_marks);

      if (year_last < self->first_monday || year_first > last_day)
        continue;

      for (guint w = 0; w < self->n_weeks; w++)
        {
          guint32 monday = self->first_monday + 7 * w;
          ClAttendanceSummary week;

          if (monday + 6 < year_first || monday > year_last)
            continue;
          for (guint s = 0; s < CL_WEEK_SESSIONS; s++)
            {
              guint32 day = monday + s / 2;
              guint8 *slot = &row.sessions[w * CL_WEEK_SESSIONS + s];
              gint64 index;

              if (day < year_first || day > year_last)
                continue;
              index = (gint64) (day - year_first) * 2 + (s & 1);
              /* A pupil who moved school has two registers that week:
               * the session is whichever one holds a mark. */
              if (index < (gint64) n_marks && marks[index] != 0 && *slot == CL_WEEK_SESSION_NO_MARK)
                *slot = kinds[marks[index]];
            }
          if (cl_attendance_summary_for_register (reg, codes, self->mondays[w], self->sundays[w],
                                                  &week, NULL))
            cl_attendance_summary_add (&row.weeks[w], &week);
        }
    }

  for (guint w = 0; w < self->n_weeks; w++)
    {
      for (guint s = 0; s < CL_WEEK_SESSIONS; s++)
        {
          guint32 day = self->first_monday + 7 * w + s / 2;
          guint8 *slot = &row.sessions[w * CL_WEEK_SESSIONS + s];

          if (day > self->today && *slot == CL_WEEK_SESSION_NO_MARK)
            *slot = CL_WEEK_SESSION_FUTURE;
        }
      cl_attendance_summary_add (&row.total, &row.weeks[w]);
    }

  g_array_append_val (self->rows, row);
  return self->rows->len - 1;
}

guint
cl_case_weeks_get_n_weeks (ClCaseWeeks *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_weeks;
}

guint
cl_case_weeks_get_n_rows (ClCaseWeeks *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

const char *
cl_case_weeks_get_row_label (ClCaseWeeks *self,
                             guint        row)
{
  g_return_val_if_fail (self != NULL && row < self->rows->len, NULL);
  return g_array_index (self->rows, Row, row).label;
}

const char *
cl_case_weeks_get_monday (ClCaseWeeks *self,
                          guint        week)
{
  g_return_val_if_fail (self != NULL && week < self->n_weeks, NULL);
  return self->mondays[week];
}

int
cl_case_weeks_week_of (ClCaseWeeks *self,
                       const char  *date)
{
  guint32 julian;

  g_return_val_if_fail (self != NULL, -1);

  if (date == NULL || !cl_attendance_date_to_julian (date, &julian)
      || julian < self->first_monday || julian >= self->first_monday + 7 * self->n_weeks)
    return -1;
  return (int) ((julian - self->first_monday) / 7);
}

const guint8 *
cl_case_weeks_get_sessions (ClCaseWeeks *self,
                            guint        row,
                            guint        week)
{
  g_return_val_if_fail (self != NULL && row < self->rows->len && week < self->n_weeks, NULL);
  return g_array_index (self->rows, Row, row).sessions + week * CL_WEEK_SESSIONS;
}

double
cl_case_weeks_get_percent (ClCaseWeeks *self,
                           guint        row,
                           guint        week)
{
  ClAttendanceSummary sum = { 0 };

  g_return_val_if_fail (self != NULL && week < self->n_weeks, -1);
  g_return_val_if_fail (row == CL_CASE_WEEKS_ALL_ROWS || row < self->rows->len, -1);

  if (row != CL_CASE_WEEKS_ALL_ROWS)
    sum = g_array_index (self->rows, Row, row).weeks[week];
  else
    for (guint r = 0; r < self->rows->len; r++)
      cl_attendance_summary_add (&sum, &g_array_index (self->rows, Row, r).weeks[week]);
  return sum.possible > 0 ? sum.attendance_percent : -1;
}

const ClAttendanceSummary *
cl_case_weeks_get_total (ClCaseWeeks *self,
                         guint        row)
{
  g_return_val_if_fail (self != NULL && row < self->rows->len, NULL);
  return &g_array_index (self->rows, Row, row).total;
}
