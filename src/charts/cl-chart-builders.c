/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-error.h"
#include "attendance/cl-attendance-stats.h"
#include "attendance/cl-code-table.h"
#include "charts/cl-chart-builders.h"
#include "store/cl-dates.h"

/* --- scanning registers ------------------------------------------------------ */

typedef struct
{
  guint8  cell[256];       /* ClChartCell of each code id */
  guint32 from;            /* julians, inclusive */
  guint32 to;
} Scan;

typedef void (*RegisterFunc) (const Scan   *scan,
                              gint64        pupil_id,
                              int           year,
                              const guint8 *marks,
                              int           n_marks,
                              gpointer      user_data);

static ClChartCell
cell_for_category (ClAttendanceCategory category)
{
  switch (category)
    {
    case CL_ATTENDANCE_CATEGORY_PRESENT:
      return CL_CHART_CELL_PRESENT;
    case CL_ATTENDANCE_CATEGORY_AEA:
      return CL_CHART_CELL_AEA;
    case CL_ATTENDANCE_CATEGORY_AUTHORISED:
      return CL_CHART_CELL_AUTHORISED;
    case CL_ATTENDANCE_CATEGORY_UNAUTHORISED:
      return CL_CHART_CELL_UNAUTHORISED;
    case CL_ATTENDANCE_CATEGORY_NOT_COUNTED:
      return CL_CHART_CELL_NOT_COUNTED;
    case CL_ATTENDANCE_CATEGORY_ADMIN:   /* closures, not yet on roll: no session */
    case CL_ATTENDANCE_CATEGORY_NONE:
    default:
      return CL_CHART_CELL_NONE;
    }
}

static gboolean
counts_possible (guint8 cell)
{
  return cell >= CL_CHART_CELL_PRESENT && cell <= CL_CHART_CELL_UNAUTHORISED;
}

static gboolean
is_attended (guint8 cell)
{
  return cell == CL_CHART_CELL_PRESENT || cell == CL_CHART_CELL_AEA;
}

static gboolean
parse_date (const char  *text,
            guint32     *out,
            GError     **error)
{
  if (!cl_attendance_date_to_julian (text, out))
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE,
                   _("“%s” is not a date (dates are written YYYY-MM-DD)"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
scan_init (Scan        *scan,
           ClDatabase  *db,
           const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(ClCodeTable) codes = cl_code_table_load (db, error);

  if (codes == NULL)
    return FALSE;
  memset (scan, 0, sizeof *scan);
  for (guint id = 1; id < 256; id++)
    {
      ClAttendanceCode *code = cl_code_table_get (codes, (guint8) id);
      if (code != NULL)
        scan->cell[id] = cell_for_category (cl_attendance_code_get_category (code));
    }
  if (to != NULL)
    {
      if (!parse_date (to, &scan->to, error))
        return FALSE;
    }
  else
    {
      GDate today;
      cl_date_today (&today);
      scan->to = g_date_get_julian (&today);
    }
  if (from != NULL)
    {
      if (!parse_date (from, &scan->from, error))
        return FALSE;
    }
  else
    scan->from = cl_academic_year_first_julian (cl_academic_year_for_julian (scan->to));
  if (scan->from > scan->to)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE,
                   _("The period starts after it ends"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
scan_registers (ClDatabase    *db,
                const Scan    *scan,
                gboolean       by_pupil,
                gint64         id,
                RegisterFunc   func,
                gpointer       user_data,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cl_database_prepare (db,
                              by_pupil
                                ? "SELECT r.pupil_id, r.academic_year, r.marks FROM register r "
                                  "WHERE r.pupil_id = ?1 AND r.academic_year BETWEEN ?2 AND ?3 "
                                  "ORDER BY r.academic_year, r.school_id"
                                : "SELECT r.pupil_id, r.academic_year, r.marks FROM register r "
                                  "JOIN pupil p ON p.id = r.pupil_id WHERE p.deleted_at IS NULL "
                                  "AND r.school_id = ?1 AND r.academic_year BETWEEN ?2 AND ?3 "
                                  "ORDER BY r.pupil_id, r.academic_year",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, cl_academic_year_for_julian (scan->from));
  sqlite3_bind_int (stmt, 3, cl_academic_year_for_julian (scan->to));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 1);
      const guint8 *marks = sqlite3_column_blob (stmt, 2);
      int n = MIN (sqlite3_column_bytes (stmt, 2), cl_academic_year_n_sessions (year));

      if (marks != NULL)
        func (scan, sqlite3_column_int64 (stmt, 0), year, marks, n, user_data);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the registers"));
      return FALSE;
    }
  return TRUE;
}

/* The session indices of a register's year inside the scan's range. */
static void
session_bounds (const Scan *scan,
                int         year,
                int         n_marks,
                int        *lo,
                int        *hi)
{
  guint32 first = cl_academic_year_first_julian (year);

  *lo = 0;
  *hi = n_marks;
  if (scan->from > first)
    *lo = (int) MIN ((guint64) (scan->from - first) * 2, (guint64) n_marks);
  if (scan->to < first)
    *hi = 0;
  else if ((guint64) (scan->to - first) * 2 + 2 < (guint64) n_marks)
    *hi = (int) (scan->to - first) * 2 + 2;
}

/* --- trend ------------------------------------------------------------------- */

typedef struct
{
  guint32 monday0;
  guint   n_weeks;
  guint  *possible;
  guint  *attended;
} TrendAcc;

static void
trend_register (const Scan   *scan,
                gint64        pupil_id,
                int           year,
                const guint8 *marks,
                int           n_marks,
                gpointer      user_data)
{
  TrendAcc *acc = user_data;
  guint32 first = cl_academic_year_first_julian (year);
  int lo, hi;

  session_bounds (scan, year, n_marks, &lo, &hi);
  for (int i = lo; i < hi; i++)
    {
      guint8 cell = scan->cell[marks[i]];
      guint week;

      if (!counts_possible (cell))
        continue;
      week = (first + (guint32) (i >> 1) - acc->monday0) / 7;
      acc->possible[week]++;
      if (is_attended (cell))
        acc->attended[week]++;
    }
}

static ClChartTrendData *
trend_data (ClDatabase  *db,
            gboolean     by_pupil,
            gint64       id,
            const char  *from,
            const char  *to,
            GError     **error)
{
  g_autoptr(ClChartTrendData) data = NULL;
  TrendAcc acc = { 0 };
  Scan scan;
  gboolean ok;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  if (!scan_init (&scan, db, from, to, error))
    return NULL;
  acc.monday0 = scan.from - (guint32) ((scan.from - 1) % 7);
  acc.n_weeks = (scan.to - acc.monday0) / 7 + 1;
  acc.possible = g_new0 (guint, acc.n_weeks);
  acc.attended = g_new0 (guint, acc.n_weeks);
  ok = scan_registers (db, &scan, by_pupil, id, trend_register, &acc, error);
  if (ok)
    {
      data = cl_chart_trend_data_new (_("Attendance by week"));
      for (guint w = 0; w < acc.n_weeks; w++)
        cl_chart_trend_data_add_week (data, acc.monday0 + w * 7, acc.possible[w], acc.attended[w]);
    }
  g_free (acc.possible);
  g_free (acc.attended);
  return g_steal_pointer (&data);
}

ClChartTrendData *
cl_chart_trend_data_for_pupil (ClDatabase  *db,
                               gint64       pupil_id,
                               const char  *from,
                               const char  *to,
                               GError     **error)
{
  return trend_data (db, TRUE, pupil_id, from, to, error);
}

ClChartTrendData *
cl_chart_trend_data_for_school (ClDatabase  *db,
                                gint64       school_id,
                                const char  *from,
                                const char  *to,
                                GError     **error)
{
  return trend_data (db, FALSE, school_id, from, to, error);
}

/* --- calendar ----------------------------------------------------------------- */

/* Present > approved activity > authorised > unauthorised > not counted
 * (DOMAIN.md §1 note 3) when two registers mark the same session. */
static const guint8 cell_rank[] = {
  [CL_CHART_CELL_NONE] = 0,
  [CL_CHART_CELL_NOT_COUNTED] = 1,
  [CL_CHART_CELL_UNAUTHORISED] = 2,
  [CL_CHART_CELL_AUTHORISED] = 3,
  [CL_CHART_CELL_AEA] = 4,
  [CL_CHART_CELL_PRESENT] = 5,
};

typedef struct
{
  ClChartCalendarData *data;
  guint               *possible;
  guint               *attended;
} CalendarAcc;

static void
calendar_register (const Scan   *scan,
                   gint64        pupil_id,
                   int           year,
                   const guint8 *marks,
                   int           n_marks,
                   gpointer      user_data)
{
  CalendarAcc *acc = user_data;
  int n = MIN (n_marks, CL_CHART_CALENDAR_SESSIONS);

  if (year != acc->data->academic_year)
    return;
  for (int i = 0; i < n; i++)
    {
      guint8 cell = scan->cell[marks[i]];

      if (acc->possible != NULL)
        {
          if (counts_possible (cell))
            {
              acc->possible[i]++;
              if (is_attended (cell))
                acc->attended[i]++;
            }
        }
      else if (cell_rank[cell] > cell_rank[acc->data->cells[i]])
        acc->data->cells[i] = cell;
    }
}

static ClChartCalendarData *
calendar_data (ClDatabase  *db,
               gboolean     by_pupil,
               gint64       id,
               int          academic_year,
               GError     **error)
{
  g_autoptr(ClChartCalendarData) data = NULL;
  g_autofree guint *possible = NULL;
  g_autofree guint *attended = NULL;
  g_autofree char *from = g_strdup_printf ("%d-09-01", academic_year);
  g_autofree char *to = g_strdup_printf ("%d-08-31", academic_year + 1);
  CalendarAcc acc;
  Scan scan;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  if (academic_year < 1900 || academic_year > 9998)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_OUT_OF_RANGE,
                   _("%d is not an academic year"), academic_year);
      return NULL;
    }
  if (!scan_init (&scan, db, from, to, error))
    return NULL;
  data = cl_chart_calendar_data_new (by_pupil ? _("Sessions this year")
                                              : _("Attendance by session this year"),
                                     academic_year,
                                     by_pupil ? CL_CHART_CALENDAR_CATEGORIES
                                              : CL_CHART_CALENDAR_RATES);
  acc.data = data;
  if (!by_pupil)
    {
      possible = g_new0 (guint, CL_CHART_CALENDAR_SESSIONS);
      attended = g_new0 (guint, CL_CHART_CALENDAR_SESSIONS);
    }
  acc.possible = possible;
  acc.attended = attended;
  if (!scan_registers (db, &scan, by_pupil, id, calendar_register, &acc, error))
    return NULL;
  if (!by_pupil)
    for (guint i = 0; i < CL_CHART_CALENDAR_SESSIONS; i++)
      if (possible[i] > 0)
        data->rates[i] = (float) (100.0 * attended[i] / possible[i]);
  return g_steal_pointer (&data);
}

ClChartCalendarData *
cl_chart_calendar_data_for_pupil (ClDatabase  *db,
                                  gint64       pupil_id,
                                  int          academic_year,
                                  GError     **error)
{
  return calendar_data (db, TRUE, pupil_id, academic_year, error);
}

ClChartCalendarData *
cl_chart_calendar_data_for_school (ClDatabase  *db,
                                   gint64       school_id,
                                   int          academic_year,
                                   GError     **error)
{
  return calendar_data (db, FALSE, school_id, academic_year, error);
}

/* --- weekday ------------------------------------------------------------------- */

static void
weekday_register (const Scan   *scan,
                  gint64        pupil_id,
                  int           year,
                  const guint8 *marks,
                  int           n_marks,
                  gpointer      user_data)
{
  ClChartWeekdayData *data = user_data;
  guint32 first = cl_academic_year_first_julian (year);
  int lo, hi;

  session_bounds (scan, year, n_marks, &lo, &hi);
  for (int i = lo; i < hi; i++)
    {
      guint8 cell = scan->cell[marks[i]];
      int wd;

      if (!counts_possible (cell))
        continue;
      wd = cl_attendance_julian_weekday (first + (guint32) (i >> 1));
      if (wd >= 5)
        continue;
      data->possible[wd][i & 1]++;
      if (!is_attended (cell))
        data->absent[wd][i & 1]++;
    }
}

static ClChartWeekdayData *
weekday_data (ClDatabase  *db,
              gboolean     by_pupil,
              gint64       id,
              const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(ClChartWeekdayData) data = NULL;
  Scan scan;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  if (!scan_init (&scan, db, from, to, error))
    return NULL;
  data = cl_chart_weekday_data_new (_("Absence by weekday"));
  if (!scan_registers (db, &scan, by_pupil, id, weekday_register, data, error))
    return NULL;
  return g_steal_pointer (&data);
}

ClChartWeekdayData *
cl_chart_weekday_data_for_pupil (ClDatabase  *db,
                                 gint64       pupil_id,
                                 const char  *from,
                                 const char  *to,
                                 GError     **error)
{
  return weekday_data (db, TRUE, pupil_id, from, to, error);
}

ClChartWeekdayData *
cl_chart_weekday_data_for_school (ClDatabase  *db,
                                  gint64       school_id,
                                  const char  *from,
                                  const char  *to,
                                  GError     **error)
{
  return weekday_data (db, FALSE, school_id, from, to, error);
}

/* --- bands ------------------------------------------------------------------------ */

static char *
iso_of (guint32 julian)
{
  return cl_attendance_date_from_julian (julian);
}

static GHashTable *
deleted_pupils (ClDatabase  *db,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  stmt = cl_database_prepare (db, "SELECT id FROM pupil WHERE deleted_at IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (set, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the pupils"));
      return NULL;
    }
  return g_steal_pointer (&set);
}

ClChartBandsData *
cl_chart_bands_data_for_school (ClDatabase  *db,
                                gint64       school_id,
                                const char  *from,
                                const char  *to,
                                GError     **error)
{
  g_autoptr(ClChartBandsData) data = NULL;
  g_autoptr(GArray) pupils = NULL;
  g_autoptr(GHashTable) deleted = NULL;
  g_autofree char *from_iso = NULL, *to_iso = NULL;
  Scan scan;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  if (!scan_init (&scan, db, from, to, error))
    return NULL;
  from_iso = iso_of (scan.from);
  to_iso = iso_of (scan.to);
  deleted = deleted_pupils (db, error);
  if (deleted == NULL)
    return NULL;
  pupils = cl_attendance_summary_all_pupils (db, school_id, from_iso, to_iso, error);
  if (pupils == NULL)
    return NULL;
  data = cl_chart_bands_data_new (_("Pupils by attendance band"));
  for (guint i = 0; i < pupils->len; i++)
    {
      const ClPupilAttendance *p = &g_array_index (pupils, ClPupilAttendance, i);

      if (p->summary.possible == 0 || g_hash_table_contains (deleted, &p->pupil_id))
        continue;
      data->counts[cl_chart_band_for (p->summary.attendance_percent)]++;
    }
  return g_steal_pointer (&data);
}

/* --- persistence ------------------------------------------------------------------ */

#define N_MONTHS 12

typedef struct
{
  int      year;
  guint32  ends[N_MONTHS];      /* the last day counted for each point */
  guint    n_points;
  guint   *pupils;              /* per point */
  guint   *persistent;
  guint   *severe;
  gint64   current_pupil;
  guint64  possible[N_MONTHS];  /* the current pupil's, per month */
  guint64  absent[N_MONTHS];
} PersistenceAcc;

static void
persistence_flush (PersistenceAcc *acc)
{
  guint64 possible = 0, absent = 0;

  for (guint m = 0; m < acc->n_points; m++)
    {
      possible += acc->possible[m];
      absent += acc->absent[m];
      if (possible == 0)
        continue;
      acc->pupils[m]++;
      if (absent * 10 >= possible)
        acc->persistent[m]++;
      if (absent * 2 >= possible)
        acc->severe[m]++;
    }
  memset (acc->possible, 0, sizeof acc->possible);
  memset (acc->absent, 0, sizeof acc->absent);
}

static void
persistence_register (const Scan   *scan,
                      gint64        pupil_id,
                      int           year,
                      const guint8 *marks,
                      int           n_marks,
                      gpointer      user_data)
{
  PersistenceAcc *acc = user_data;
  guint32 first = cl_academic_year_first_julian (year);
  guint m = 0;
  int lo, hi;

  if (year != acc->year)
    return;
  if (pupil_id != acc->current_pupil)
    {
      persistence_flush (acc);
      acc->current_pupil = pupil_id;
    }
  session_bounds (scan, year, n_marks, &lo, &hi);
  for (int i = lo; i < hi; i++)
    {
      guint8 cell = scan->cell[marks[i]];
      guint32 julian = first + (guint32) (i >> 1);

      if (!counts_possible (cell))
        continue;
      while (m < acc->n_points - 1 && julian > acc->ends[m])
        m++;
      acc->possible[m]++;
      if (!is_attended (cell))
        acc->absent[m]++;
    }
}

ClChartPersistenceData *
cl_chart_persistence_data_for_school (ClDatabase  *db,
                                      gint64       school_id,
                                      const char  *to,
                                      GError     **error)
{
  g_autoptr(ClChartPersistenceData) data = NULL;
  g_autofree guint *pupils = NULL, *persistent = NULL, *severe = NULL;
  PersistenceAcc acc = { 0 };
  GDate d;
  Scan scan;
  double cmp_pa, cmp_sa;
  char *label = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  if (!scan_init (&scan, db, NULL, to, error))
    return NULL;
  acc.year = cl_academic_year_for_julian (scan.to);
  /* One point at the end of each month up to the one holding to, the last at to. */
  g_date_clear (&d, 1);
  g_date_set_julian (&d, scan.from);
  while (acc.n_points < N_MONTHS)
    {
      guint32 end;

      g_date_set_day (&d, g_date_get_days_in_month (g_date_get_month (&d), g_date_get_year (&d)));
      end = g_date_get_julian (&d);
      acc.ends[acc.n_points++] = MIN (end, scan.to);
      if (end >= scan.to)
        break;
      g_date_add_days (&d, 1);
    }
  pupils = acc.pupils = g_new0 (guint, acc.n_points);
  persistent = acc.persistent = g_new0 (guint, acc.n_points);
  severe = acc.severe = g_new0 (guint, acc.n_points);
  acc.current_pupil = -1;
  if (!scan_registers (db, &scan, FALSE, school_id, persistence_register, &acc, error))
    return NULL;
  persistence_flush (&acc);

  data = cl_chart_persistence_data_new (_("Persistent and severe absence"));
  for (guint m = 0; m < acc.n_points; m++)
    if (pupils[m] > 0)
      cl_chart_persistence_data_add_point (data, acc.ends[m], pupils[m],
                                           100.0 * persistent[m] / pupils[m],
                                           100.0 * severe[m] / pupils[m]);
  cl_chart_comparison_load (db, &cmp_pa, &cmp_sa, &label);
  data->comparison_persistent = cmp_pa;
  data->comparison_severe = cmp_sa;
  data->comparison_label = label;
  return g_steal_pointer (&data);
}

/* --- groups ------------------------------------------------------------------------- */

ClChartGroupsData *
cl_chart_groups_data_for_school (ClDatabase  *db,
                                 gint64       school_id,
                                 const char  *from,
                                 const char  *to,
                                 GError     **error)
{
  g_autoptr(ClChartGroupsData) data = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autofree char *from_iso = NULL, *to_iso = NULL;
  Scan scan;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  if (!scan_init (&scan, db, from, to, error))
    return NULL;
  from_iso = iso_of (scan.from);
  to_iso = iso_of (scan.to);
  years = cl_attendance_summary_by_nc_year (db, school_id, from_iso, to_iso, error);
  if (years == NULL)
    return NULL;
  flags = cl_attendance_summary_by_flag (db, school_id, from_iso, to_iso, error);
  if (flags == NULL)
    return NULL;

  data = cl_chart_groups_data_new (_("Attendance by group"));
  for (guint i = 0; i < years->len; i++)
    {
      ClAttendanceGroup *g = g_ptr_array_index (years, i);

      if (g->summary.pupils > 0)
        cl_chart_groups_data_add (data, _("Year groups"), g->label, g->summary.pupils,
                                  g->summary.attendance_percent);
    }
  for (guint i = 0; i < flags->len; i++)
    {
      ClAttendanceGroup *g = g_ptr_array_index (flags, i);

      cl_chart_groups_data_add (data, _("Pupil groups"), g->label, g->summary.pupils,
                                g->summary.attendance_percent);
    }
  return g_steal_pointer (&data);
}

/* --- any kind ------------------------------------------------------------------------ */

static int
year_of (const char *to)
{
  GDate today;

  if (to != NULL && cl_academic_year_for_date (to) > 0)
    return cl_academic_year_for_date (to);
  cl_date_today (&today);
  return cl_academic_year_of (&today);
}

ClChart *
cl_chart_new_for_school (ClDatabase   *db,
                         ClChartKind   kind,
                         gint64        school_id,
                         const char   *from,
                         const char   *to,
                         GError      **error)
{
  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  switch (kind)
    {
    case CL_CHART_KIND_TREND:
      {
        ClChartTrendData *d = cl_chart_trend_data_for_school (db, school_id, from, to, error);
        return d != NULL ? cl_chart_new_trend (d) : NULL;
      }
    case CL_CHART_KIND_CALENDAR:
      {
        ClChartCalendarData *d = cl_chart_calendar_data_for_school (db, school_id, year_of (to),
                                                                    error);
        return d != NULL ? cl_chart_new_calendar (d) : NULL;
      }
    case CL_CHART_KIND_WEEKDAY:
      {
        ClChartWeekdayData *d = cl_chart_weekday_data_for_school (db, school_id, from, to, error);
        return d != NULL ? cl_chart_new_weekday (d) : NULL;
      }
    case CL_CHART_KIND_BANDS:
      {
        ClChartBandsData *d = cl_chart_bands_data_for_school (db, school_id, from, to, error);
        return d != NULL ? cl_chart_new_bands (d) : NULL;
      }
    case CL_CHART_KIND_PERSISTENCE:
      {
        ClChartPersistenceData *d = cl_chart_persistence_data_for_school (db, school_id, to,
                                                                          error);
        return d != NULL ? cl_chart_new_persistence (d) : NULL;
      }
    case CL_CHART_KIND_GROUPS:
      {
        ClChartGroupsData *d = cl_chart_groups_data_for_school (db, school_id, from, to, error);
        return d != NULL ? cl_chart_new_groups (d) : NULL;
      }
    default:
      g_set_error (error, CL_CHARTS_ERROR, CL_CHARTS_ERROR_INVALID, _("Unknown chart kind"));
      return NULL;
    }
}

ClChart *
cl_chart_new_for_pupil (ClDatabase   *db,
                        ClChartKind   kind,
                        gint64        pupil_id,
                        const char   *from,
                        const char   *to,
                        GError      **error)
{
  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  switch (kind)
    {
    case CL_CHART_KIND_TREND:
      {
        ClChartTrendData *d = cl_chart_trend_data_for_pupil (db, pupil_id, from, to, error);
        return d != NULL ? cl_chart_new_trend (d) : NULL;
      }
    case CL_CHART_KIND_CALENDAR:
      {
        ClChartCalendarData *d = cl_chart_calendar_data_for_pupil (db, pupil_id, year_of (to),
                                                                   error);
        return d != NULL ? cl_chart_new_calendar (d) : NULL;
      }
    case CL_CHART_KIND_WEEKDAY:
      {
        ClChartWeekdayData *d = cl_chart_weekday_data_for_pupil (db, pupil_id, from, to, error);
        return d != NULL ? cl_chart_new_weekday (d) : NULL;
      }
    case CL_CHART_KIND_BANDS:
    case CL_CHART_KIND_PERSISTENCE:
    case CL_CHART_KIND_GROUPS:
    default:
      g_set_error (error, CL_CHARTS_ERROR, CL_CHARTS_ERROR_INVALID,
                   _("The %s chart is drawn for a school, not for one pupil"),
                   cl_chart_kind_to_string (kind));
      return NULL;
    }
}

/* --- comparison figures ---------------------------------------------------------------- */

#define KEY_PERSISTENT "charts.comparison.persistent"
#define KEY_SEVERE     "charts.comparison.severe"
#define KEY_LABEL      "charts.comparison.label"

static double
setting_number (ClDatabase *db,
                const char *key)
{
  g_autofree char *text = cl_database_get_setting (db, key);
  char *end = NULL;
  double v;

  if (text == NULL || *text == '\0')
    return NAN;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || v < 0 || v > 100)
    return NAN;
  return v;
}

void
cl_chart_comparison_load (ClDatabase  *db,
                          double      *out_persistent,
                          double      *out_severe,
                          char       **out_label)
{
  g_return_if_fail (CL_IS_DATABASE (db));

  if (out_persistent != NULL)
    *out_persistent = setting_number (db, KEY_PERSISTENT);
  if (out_severe != NULL)
    *out_severe = setting_number (db, KEY_SEVERE);
  if (out_label != NULL)
    {
      g_autofree char *label = cl_database_get_setting (db, KEY_LABEL);
      *out_label = label != NULL && *label != '\0' ? g_steal_pointer (&label) : NULL;
    }
}

static gboolean
save_number (ClDatabase  *db,
             const char  *key,
             double       value,
             GError     **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return cl_database_set_setting (db, key, "", error);
  if (value < 0 || value > 100)
    {
      g_set_error (error, CL_CHARTS_ERROR, CL_CHARTS_ERROR_INVALID,
                   _("A comparison figure is a percentage from 0 to 100"));
      return FALSE;
    }
  return cl_database_set_setting (db, key, g_ascii_formatd (buf, sizeof buf, "%.1f", value),
                                  error);
}

gboolean
cl_chart_comparison_save (ClDatabase  *db,
                          double       persistent,
                          double       severe,
                          const char  *label,
                          GError     **error)
{
  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);

  if (!cl_database_begin (db, error))
    return FALSE;
  if (!save_number (db, KEY_PERSISTENT, persistent, error)
      || !save_number (db, KEY_SEVERE, severe, error)
      || !cl_database_set_setting (db, KEY_LABEL, label != NULL ? label : "", error))
    {
      cl_database_rollback (db);
      return FALSE;
    }
  return cl_database_commit (db, error);
}
