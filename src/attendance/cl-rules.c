/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-error.h"
#include "attendance/cl-attendance-private.h"
#include "attendance/cl-rules.h"

/* Two academic years of sessions, merged across schools, from 1 September
 * of the year before on_date's academic year up to on_date. */
typedef struct {
  gint64  pupil_id;
  int     year;             /* academic year of on_date */
  guint32 t0;               /* julian of 1 September of year - 1 */
  int     year_start;       /* day index of 1 September of year */
  int     n_days;           /* days t0 … on_date */
  gint64  school_id;        /* school of the latest mark */
  int     latest;           /* session index of that mark, -1 when none */
  guint8  marks[2 * CL_REGISTER_MAX_SESSIONS];
} Timeline;

static void
timeline_init (Timeline *tl,
               gint64    pupil_id,
               guint32   on_julian)
{
  tl->pupil_id = pupil_id;
  tl->year = cl_academic_year_for_julian (on_julian);
  tl->t0 = cl_academic_year_first_julian (tl->year - 1);
  tl->year_start = (int) (cl_academic_year_first_julian (tl->year) - tl->t0);
  tl->n_days = (int) (on_julian - tl->t0) + 1;
  tl->school_id = 0;
  tl->latest = -1;
  memset (tl->marks, 0, (gsize) tl->n_days * 2);
}

static void
timeline_add (Timeline         *tl,
              const ClCodeMaps *maps,
              gint64            school_id,
              int               year,
              const guint8     *marks,
              int               n)
{
  int offset, limit;

  if (year != tl->year && year != tl->year - 1)
    return;
  offset = year == tl->year ? tl->year_start * 2 : 0;
  limit = MIN (MIN (n, cl_academic_year_n_sessions (year)), tl->n_days * 2 - offset);
  for (int i = 0; i < limit; i++)
    {
      guint8 m = marks[i];
      guint8 *cur = &tl->marks[offset + i];

      if (m != 0 && maps->rank[m] > maps->rank[*cur])
        *cur = m;
    }
  for (int i = limit - 1; i >= 0; i--)
    if (maps->flags[marks[i]] & CL_MARK_KNOWN)
      {
        if (offset + i > tl->latest)
          {
            tl->latest = offset + i;
            tl->school_id = school_id;
          }
        break;
      }
}

static char *
day_string (const Timeline *tl,
            int             day)
{
  return cl_attendance_date_from_julian (tl->t0 + (guint32) day);
}

static void
add_session (GStrvBuilder   *labels,
             const Timeline *tl,
             int             session)
{
  g_autofree char *date = day_string (tl, session / 2);
  g_autofree char *label = g_strconcat (date, (session & 1) ? " PM" : " AM", NULL);

  g_strv_builder_add (labels, label);
}

static void
add_day (GStrvBuilder   *dates,
         const Timeline *tl,
         int             day)
{
  g_autofree char *date = day_string (tl, day);
  g_strv_builder_add (dates, date);
}

/* Sessions in [from_day, to_day] whose flags include mask, as dates and labels. */
static guint
collect (const Timeline   *tl,
         const ClCodeMaps *maps,
         int               from_day,
         int               to_day,
         guint16           mask,
         GStrv            *out_dates,
         GStrv            *out_labels,
         int              *out_first_day)
{
  g_autoptr(GStrvBuilder) dates = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  guint n = 0;

  *out_first_day = -1;
  for (int t = MAX (from_day, 0); t <= to_day; t++)
    {
      gboolean any = FALSE;

      for (int s = 0; s < 2; s++)
        if (maps->flags[tl->marks[2 * t + s]] & mask)
          {
            add_session (labels, tl, 2 * t + s);
            any = TRUE;
            n++;
          }
      if (any)
        {
          add_day (dates, tl, t);
          if (*out_first_day < 0)
            *out_first_day = t;
        }
    }
  *out_dates = g_strv_builder_end (dates);
  *out_labels = g_strv_builder_end (labels);
  return n;
}

static ClRuleHit *
rule_continuous (const Timeline   *tl,
                 const ClCodeMaps *maps)
{
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *description = NULL;
  GStrv dates, labels;
  int run = 0, first_day = -1, last_day = -1, dummy;
  guint sessions;

  for (int t = tl->n_days - 1; t >= 0; t--)
    {
      guint16 a = maps->flags[tl->marks[2 * t]];
      guint16 b = maps->flags[tl->marks[2 * t + 1]];
      int possible = !!(a & CL_MARK_POSSIBLE) + !!(b & CL_MARK_POSSIBLE);
      int unauthorised = !!(a & CL_MARK_UNAUTHORISED) + !!(b & CL_MARK_UNAUTHORISED);

      if (possible == 0)
        continue;           /* not a school day for this pupil: does not break the run */
      if (unauthorised < possible)
        break;              /* present, AEA or authorised: the run ends */
      run++;
      first_day = t;
      if (last_day < 0)
        last_day = t;
    }
  if (run < CL_CONTINUOUS_ABSENCE_DAYS)
    return NULL;

  sessions = collect (tl, maps, first_day, last_day, CL_MARK_UNAUTHORISED, &dates, &labels, &dummy);
  since = day_string (tl, first_day);
  until = day_string (tl, last_day);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%d consecutive school day of unauthorised "
                                              "absence since %s",
                                              "%d consecutive school days of unauthorised "
                                              "absence since %s",
                                              run),
                                 run, since);
  return cl_rule_hit_new (CL_RULE_CONTINUOUS_10_DAYS, tl->pupil_id, tl->school_id, since, sessions,
                          since, until, dates, labels, description);
}

/* The rolling window of the last CL_PENALTY_WINDOW_SCHOOL_WEEKS school weeks
 * up to the timeline's last day: the penalty sessions in it, how many school
 * weeks it holds (fewer early in a pupil's history) and its first Monday. */
static guint
penalty_window (const Timeline   *tl,
                const ClCodeMaps *maps,
                int              *out_weeks,
                guint32          *out_earliest_monday)
{
  int weeks = 0;
  guint total = 0, week_penalty = 0;
  guint32 week_monday, earliest_monday = 0;
  gboolean week_counts = FALSE;
  int t = tl->n_days - 1;
  guint32 j = tl->t0 + (guint32) t;

  week_monday = j - (guint32) cl_attendance_julian_weekday (j);
  for (;; t--)
    {
      guint32 monday = 0;

      if (t >= 0)
        {
          j = tl->t0 + (guint32) t;
          monday = j - (guint32) cl_attendance_julian_weekday (j);
        }
      if (t < 0 || monday != week_monday)
        {
          /* Close the week just scanned. */
          if (week_counts)
            {
              weeks++;
              total += week_penalty;
              earliest_monday = week_monday;
            }
          if (t < 0 || weeks == CL_PENALTY_WINDOW_SCHOOL_WEEKS)
            break;
          week_monday = monday;
          week_counts = FALSE;
          week_penalty = 0;
        }
      for (int s = 0; s < 2; s++)
        {
          guint16 f = maps->flags[tl->marks[2 * t + s]];
          if (f & CL_MARK_POSSIBLE)
            week_counts = TRUE;
          if (f & CL_MARK_PENALTY)
            week_penalty++;
        }
    }
  *out_weeks = weeks;
  *out_earliest_monday = earliest_monday;
  return total;
}

static ClRuleHit *
rule_penalty (const Timeline   *tl,
              const ClCodeMaps *maps,
              const char       *on_date)
{
  g_autofree char *since = NULL;
  g_autofree char *window_start = NULL;
  g_autofree char *description = NULL;
  GStrv dates, labels;
  int weeks, first_day;
  guint total, sessions;
  guint32 earliest_monday;

  total = penalty_window (tl, maps, &weeks, &earliest_monday);
  if (weeks == 0 || total < CL_PENALTY_THRESHOLD_SESSIONS)
    return NULL;

  sessions = collect (tl, maps,
                      earliest_monday > tl->t0 ? (int) (earliest_monday - tl->t0) : 0,
                      tl->n_days - 1, CL_MARK_PENALTY, &dates, &labels, &first_day);
  g_assert (sessions == total);
  since = day_string (tl, first_day);
  window_start = cl_attendance_date_from_julian (earliest_monday);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u session of unauthorised absence (G, N, O, U) in "
                                              "the %d school weeks from %s to %s",
                                              "%u sessions of unauthorised absence (G, N, O, U) in "
                                              "the %d school weeks from %s to %s",
                                              total),
                                 total, weeks, window_start, on_date);
  return cl_rule_hit_new (CL_RULE_PENALTY_THRESHOLD, tl->pupil_id, tl->school_id, since, total,
                          window_start, on_date, dates, labels, description);
}

static ClRuleHit *
rule_unresolved_n (const Timeline   *tl,
                   const ClCodeMaps *maps,
                   const char       *on_date)
{
  g_autofree char *since = NULL;
  g_autofree char *description = NULL;
  GStrv dates, labels;
  int school_days_after = 0, last_overdue = -1, first_day;
  guint sessions;

  /* Walking back from on_date, school_days_after counts the school days after
   * day t up to and including on_date. */
  for (int t = tl->n_days - 1; t >= 0; t--)
    {
      guint16 a = maps->flags[tl->marks[2 * t]];
      guint16 b = maps->flags[tl->marks[2 * t + 1]];

      if (school_days_after > CL_N_RESOLVE_SCHOOL_DAYS && last_overdue < 0
          && ((a | b) & CL_MARK_CODE_N))
        last_overdue = t;
      if ((a | b) & CL_MARK_POSSIBLE)
        school_days_after++;
    }
  if (last_overdue < 0)
    return NULL;

  sessions = collect (tl, maps, 0, last_overdue, CL_MARK_CODE_N, &dates, &labels, &first_day);
  since = day_string (tl, first_day);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u session coded N not resolved within %d school "
                                              "days (the earliest on %s)",
                                              "%u sessions coded N not resolved within %d school "
                                              "days (the earliest on %s)",
                                              sessions),
                                 sessions, CL_N_RESOLVE_SCHOOL_DAYS, since);
  return cl_rule_hit_new (CL_RULE_UNRESOLVED_N, tl->pupil_id, tl->school_id, since, sessions,
                          since, on_date, dates, labels, description);
}

static ClRuleHit *
rule_illness (const Timeline   *tl,
              const ClCodeMaps *maps,
              const char       *on_date)
{
  g_autofree char *since = NULL;
  g_autofree char *window_start = NULL;
  g_autofree char *description = NULL;
  GStrv dates, labels;
  guint sessions = 0;
  int first_day;

  for (int i = tl->year_start * 2; i < tl->n_days * 2; i++)
    if (maps->flags[tl->marks[i]] & CL_MARK_CODE_I)
      sessions++;
  if (sessions < CL_ILLNESS_THRESHOLD_SESSIONS)
    return NULL;

  collect (tl, maps, tl->year_start, tl->n_days - 1, CL_MARK_CODE_I, &dates, &labels, &first_day);
  since = day_string (tl, first_day);
  window_start = day_string (tl, tl->year_start);
  description = g_strdup_printf (_("%u sessions (%.1f days) marked ill (I) since %s"),
                                 sessions, sessions / 2.0, window_start);
  return cl_rule_hit_new (CL_RULE_ILLNESS_15_DAYS, tl->pupil_id, tl->school_id, since, sessions,
                          window_start, on_date, dates, labels, description);
}

static void
evaluate (const Timeline   *tl,
          const ClCodeMaps *maps,
          const char       *on_date,
          GPtrArray        *hits)
{
  ClRuleHit *hit;

  if (tl->latest < 0)
    return;
  if ((hit = rule_continuous (tl, maps)) != NULL)
    g_ptr_array_add (hits, hit);
  if ((hit = rule_penalty (tl, maps, on_date)) != NULL)
    g_ptr_array_add (hits, hit);
  if ((hit = rule_unresolved_n (tl, maps, on_date)) != NULL)
    g_ptr_array_add (hits, hit);
  if ((hit = rule_illness (tl, maps, on_date)) != NULL)
    g_ptr_array_add (hits, hit);
}

static gboolean
parse_on_date (const char  *on_date,
               guint32     *out,
               GError     **error)
{
  if (!cl_attendance_date_to_julian (on_date, out) || cl_academic_year_for_julian (*out) < 1991)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE,
                   _("“%s” is not a date (dates are written YYYY-MM-DD)"),
                   on_date != NULL ? on_date : "");
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
cl_rules_evaluate_registers (ClCodeTable  *codes,
                             GPtrArray    *registers,
                             const char   *on_date,
                             GError      **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree Timeline *tl = g_new (Timeline, 1);
  ClCodeMaps maps;
  guint32 on;
  gint64 pupil_id = 0;

  g_return_val_if_fail (CL_IS_CODE_TABLE (codes), NULL);
  g_return_val_if_fail (registers != NULL, NULL);

  if (!parse_on_date (on_date, &on, error))
    return NULL;
  for (guint i = 0; i < registers->len; i++)
    {
      gint64 id = cl_register_get_pupil_id (g_ptr_array_index (registers, i));
      if (i > 0 && id != pupil_id)
        {
          g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID,
                       "registers of more than one pupil were given");
          return NULL;
        }
      pupil_id = id;
    }

  cl_code_table_fill_maps (codes, &maps);
  timeline_init (tl, pupil_id, on);
  for (guint i = 0; i < registers->len; i++)
    {
      ClRegister *reg = g_ptr_array_index (registers, i);
      gsize n;
      const guint8 *marks = cl_register_get_marks (reg, &n);

      timeline_add (tl, &maps, cl_register_get_school_id (reg),
                    cl_register_get_academic_year (reg), marks, (int) n);
    }
  evaluate (tl, &maps, on_date, hits);
  return g_steal_pointer (&hits);
}

GPtrArray *
cl_rules_evaluate_pupil (ClDatabase  *db,
                         gint64       pupil_id,
                         const char  *on_date,
                         GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree Timeline *tl = g_new (Timeline, 1);
  ClCodeMaps maps;
  guint32 on;
  int rc;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  if (!parse_on_date (on_date, &on, error) || !cl_code_maps_load (db, &maps, error))
    return NULL;
  timeline_init (tl, pupil_id, on);

  stmt = cl_database_prepare (db,
                              "SELECT school_id, academic_year, marks FROM register "
                              "WHERE pupil_id = ? AND academic_year BETWEEN ? AND ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int (stmt, 2, tl->year - 1);
  sqlite3_bind_int (stmt, 3, tl->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *marks = sqlite3_column_blob (stmt, 2);
      if (marks != NULL)
        timeline_add (tl, &maps, sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                      marks, sqlite3_column_bytes (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the registers"));
      return NULL;
    }
  evaluate (tl, &maps, on_date, hits);
  return g_steal_pointer (&hits);
}

static void
flush_pupil (Timeline         *tl,
             const ClCodeMaps *maps,
             const char       *on_date,
             gint64            school_id,
             GPtrArray        *hits)
{
  if (tl->pupil_id == 0 || (school_id != 0 && tl->school_id != school_id))
    return;
  evaluate (tl, maps, on_date, hits);
}

GPtrArray *
cl_rules_alerts (ClDatabase  *db,
                 const char  *on_date,
                 gint64       school_id,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree Timeline *tl = g_new (Timeline, 1);
  ClCodeMaps maps;
  guint32 on;
  int rc;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  if (!parse_on_date (on_date, &on, error) || !cl_code_maps_load (db, &maps, error))
    return NULL;
  timeline_init (tl, 0, on);

  /* "+r.academic_year" keeps SQLite on the primary key, which already yields
   * the rows grouped by pupil, instead of the year index and a sort. */
  stmt = cl_database_prepare (db,
                              "SELECT r.pupil_id, r.school_id, r.academic_year, r.marks "
                              "FROM register r JOIN pupil p ON p.id = r.pupil_id "
                              "WHERE p.deleted_at IS NULL AND +r.academic_year BETWEEN ? AND ? "
                              "ORDER BY r.pupil_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, tl->year - 1);
  sqlite3_bind_int (stmt, 2, tl->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pupil_id = sqlite3_column_int64 (stmt, 0);
      const guint8 *marks = sqlite3_column_blob (stmt, 3);

      if (pupil_id != tl->pupil_id)
        {
          flush_pupil (tl, &maps, on_date, school_id, hits);
          timeline_init (tl, pupil_id, on);
        }
      if (marks != NULL)
        timeline_add (tl, &maps, sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2),
                      marks, sqlite3_column_bytes (stmt, 3));
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the registers"));
      return NULL;
    }
  flush_pupil (tl, &maps, on_date, school_id, hits);
  return g_steal_pointer (&hits);
}

gboolean
cl_rules_penalty_check (ClDatabase  *db,
                        gint64       pupil_id,
                        const char  *on_date,
                        guint       *out_sessions,
                        char       **out_window_start,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree Timeline *tl = g_new (Timeline, 1);
  ClCodeMaps maps;
  guint32 on, earliest_monday = 0;
  int weeks = 0, rc;
  guint total = 0;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);

  if (!parse_on_date (on_date, &on, error) || !cl_code_maps_load (db, &maps, error))
    return FALSE;
  timeline_init (tl, pupil_id, on);

  stmt = cl_database_prepare (db,
                              "SELECT school_id, academic_year, marks FROM register "
                              "WHERE pupil_id = ? AND academic_year BETWEEN ? AND ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int (stmt, 2, tl->year - 1);
  sqlite3_bind_int (stmt, 3, tl->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *marks = sqlite3_column_blob (stmt, 2);
      if (marks != NULL)
        timeline_add (tl, &maps, sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                      marks, sqlite3_column_bytes (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the registers"));
      return FALSE;
    }

  if (tl->latest >= 0)
    total = penalty_window (tl, &maps, &weeks, &earliest_monday);
  if (earliest_monday == 0)
    earliest_monday = on - (guint32) cl_attendance_julian_weekday (on);
  if (out_sessions != NULL)
    *out_sessions = total;
  if (out_window_start != NULL)
    *out_window_start = cl_attendance_date_from_julian (earliest_monday);
  return TRUE;
}
