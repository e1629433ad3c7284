/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-error.h"
#include "attendance/cl-attendance-private.h"
#include "attendance/cl-attendance-stats.h"
#include "store/cl-dates.h"

ClAttendanceSummary *
cl_attendance_summary_copy (const ClAttendanceSummary *summary)
{
  return g_memdup2 (summary, sizeof *summary);
}

void
cl_attendance_summary_free (ClAttendanceSummary *summary)
{
  g_free (summary);
}

G_DEFINE_BOXED_TYPE (ClAttendanceSummary, cl_attendance_summary,
                     cl_attendance_summary_copy, cl_attendance_summary_free)

ClAttendanceGroup *
cl_attendance_group_copy (const ClAttendanceGroup *group)
{
  ClAttendanceGroup *copy = g_memdup2 (group, sizeof *group);

  copy->key = g_strdup (group->key);
  copy->label = g_strdup (group->label);
  return copy;
}

void
cl_attendance_group_free (ClAttendanceGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->key);
  g_free (group->label);
  g_free (group);
}

G_DEFINE_BOXED_TYPE (ClAttendanceGroup, cl_attendance_group,
                     cl_attendance_group_copy, cl_attendance_group_free)

void
cl_attendance_summary_finish (ClAttendanceSummary *s)
{
  guint64 absence;

  g_return_if_fail (s != NULL);

  absence = (guint64) s->authorised + s->unauthorised;
  if (s->possible == 0)
    {
      s->attendance_percent = 0;
      s->absence_percent = 0;
      s->authorised_percent = 0;
      s->unauthorised_percent = 0;
      s->persistent = FALSE;
      s->severe = FALSE;
      return;
    }
  s->attendance_percent = 100.0 * (s->present + s->approved_activity) / s->possible;
  s->absence_percent = 100.0 * (double) absence / s->possible;
  s->authorised_percent = 100.0 * s->authorised / s->possible;
  s->unauthorised_percent = 100.0 * s->unauthorised / s->possible;
  /* Exact integer comparisons: 38 of 380 is persistent, 37 is not. */
  s->persistent = absence * 10 >= s->possible;
  s->severe = absence * 2 >= s->possible;
}

void
cl_attendance_summary_add (ClAttendanceSummary       *s,
                           const ClAttendanceSummary *o)
{
  g_return_if_fail (s != NULL && o != NULL);

  s->possible += o->possible;
  s->present += o->present;
  s->approved_activity += o->approved_activity;
  s->authorised += o->authorised;
  s->unauthorised += o->unauthorised;
  s->late += o->late;
  s->not_counted += o->not_counted;
  for (guint i = 0; i < 5; i++)
    {
      s->possible_by_weekday[i] += o->possible_by_weekday[i];
      s->absence_by_weekday[i] += o->absence_by_weekday[i];
    }
  s->possible_am += o->possible_am;
  s->possible_pm += o->possible_pm;
  s->absence_am += o->absence_am;
  s->absence_pm += o->absence_pm;
  s->pupils += o->pupils;
  s->persistent_count += o->persistent_count;
  s->severe_count += o->severe_count;
  cl_attendance_summary_finish (s);
}

/* --- the byte loop ----------------------------------------------------------- */

typedef struct {
  guint32 from;     /* julian, inclusive */
  guint32 to;
  int     year_from;
  int     year_to;
} Range;

static gboolean
range_init (Range       *r,
            const char  *from,
            const char  *to,
            GError     **error)
{
  r->from = 1;
  r->to = G_MAXUINT32;
  r->year_from = 0;
  r->year_to = 9999;
  if ((from != NULL && !cl_attendance_date_to_julian (from, &r->from))
      || (to != NULL && !cl_attendance_date_to_julian (to, &r->to)))
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE,
                   _("“%s” to “%s” is not a valid date range (dates are written YYYY-MM-DD)"),
                   from != NULL ? from : "", to != NULL ? to : "");
      return FALSE;
    }
  if (from != NULL)
    r->year_from = cl_academic_year_for_julian (r->from);
  if (to != NULL)
    r->year_to = cl_academic_year_for_julian (r->to);
  return TRUE;
}

/* Adds the marks of one register within the range to s (counts only). */
static void
count_marks (ClAttendanceSummary *s,
             const ClCodeMaps    *maps,
             const Range         *r,
             int                  year,
             const guint8        *marks,
             int                  n)
{
  guint32 first = cl_academic_year_first_julian (year);
  int lo = 0, hi = n;
  int wd0 = cl_attendance_julian_weekday (first);

  if (r->from > first)
    lo = (int) MIN ((guint64) (r->from - first) * 2, (guint64) n);
  if (r->to < first)
    return;
  if ((guint64) (r->to - first) * 2 + 2 < (guint64) n)
    hi = (int) (r->to - first) * 2 + 2;

  for (int i = lo; i < hi; i++)
    {
      guint16 f = maps->flags[marks[i]];
      int wd, pm;

      if (!(f & CL_MARK_POSSIBLE))
        {
          if (f & CL_MARK_UNCOUNTED)
            s->not_counted++;
          continue;
        }
      wd = (wd0 + (i >> 1)) % 7;
      pm = i & 1;
      s->possible++;
      if (wd < 5)
        s->possible_by_weekday[wd]++;
      if (pm)
        s->possible_pm++;
      else
        s->possible_am++;
      if (f & CL_MARK_LATE)
        s->late++;
      if (f & CL_MARK_PRESENT)
        s->present++;
      else if (f & CL_MARK_AEA)
        s->approved_activity++;
      else
        {
          if (f & CL_MARK_AUTHORISED)
            s->authorised++;
          else
            s->unauthorised++;
          if (wd < 5)
            s->absence_by_weekday[wd]++;
          if (pm)
            s->absence_pm++;
          else
            s->absence_am++;
        }
    }
}

static void
mark_enrolment (ClAttendanceSummary *s)
{
  cl_attendance_summary_finish (s);
  s->pupils = s->possible > 0 ? 1 : 0;
  s->persistent_count = s->possible > 0 && s->persistent ? 1 : 0;
  s->severe_count = s->possible > 0 && s->severe ? 1 : 0;
}

gboolean
cl_attendance_summary_for_register (ClRegister           *reg,
                                    ClCodeTable          *codes,
                                    const char           *from,
                                    const char           *to,
                                    ClAttendanceSummary  *out,
                                    GError              **error)
{
  ClCodeMaps maps;
  Range range;
  gsize n;
  const guint8 *marks;

  g_return_val_if_fail (CL_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (CL_IS_CODE_TABLE (codes), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (!range_init (&range, from, to, error))
    return FALSE;
  cl_code_table_fill_maps (codes, &maps);
  marks = cl_register_get_marks (reg, &n);
  count_marks (out, &maps, &range, cl_register_get_academic_year (reg), marks, (int) n);
  mark_enrolment (out);
  return TRUE;
}

static int
blob_length (sqlite3_stmt *stmt,
             int           col,
             int           year)
{
  return MIN (sqlite3_column_bytes (stmt, col), cl_academic_year_n_sessions (year));
}

gboolean
cl_attendance_summary_for_pupil (ClDatabase           *db,
                                 gint64                pupil_id,
                                 const char           *from,
                                 const char           *to,
                                 ClAttendanceSummary  *out,
                                 GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ClCodeMaps maps;
  Range range;
  int rc;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (!range_init (&range, from, to, error) || !cl_code_maps_load (db, &maps, error))
    return FALSE;

  stmt = cl_database_prepare (db,
                              "SELECT academic_year, marks FROM register WHERE pupil_id = ? "
                              "AND academic_year BETWEEN ? AND ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int (stmt, 2, range.year_from);
  sqlite3_bind_int (stmt, 3, range.year_to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      const guint8 *marks = sqlite3_column_blob (stmt, 1);

      if (marks != NULL)
        count_marks (out, &maps, &range, year, marks, blob_length (stmt, 1, year));
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the registers"));
      return FALSE;
    }
  mark_enrolment (out);
  return TRUE;
}

/* --- scans over many registers ------------------------------------------------- */

typedef struct {
  gint64              pupil_id;
  gint64              school_id;
  int                 year;
  const char         *dob;
  gboolean            fsm;
  gboolean            sen;
  gboolean            looked_after;
  ClAttendanceSummary counts;      /* this row only; not finished */
} Row;

typedef void (*RowFunc) (const Row *row,
                         gpointer   user_data);

#define SCAN_COLUMNS \
  "SELECT r.pupil_id, r.school_id, r.academic_year, r.marks, p.dob, p.fsm, " \
  "p.ehcp OR p.sen_support, p.looked_after FROM register r JOIN pupil p ON p.id = r.pupil_id " \
  "WHERE p.deleted_at IS NULL "

/* Rows come ordered by pupil, then school, then year, so that one enrolment's
 * rows are consecutive. */
static gboolean
scan_rows (ClDatabase  *db,
           gint64       school_id,
           const Range *range,
           RowFunc      func,
           gpointer     user_data,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ClCodeMaps maps;
  Row row;
  int rc;

  if (!cl_code_maps_load (db, &maps, error))
    return FALSE;

  /* One school: its index, then a small sort. The whole authority: a plain
   * scan of the primary key, which is already in (pupil, school, year) order;
   * "+" keeps SQLite off the year index, which would need a sort of every blob. */
  if (school_id != 0)
    stmt = cl_database_prepare (db,
                                SCAN_COLUMNS "AND r.school_id = ?3 "
                                "AND r.academic_year BETWEEN ?1 AND ?2 "
                                "ORDER BY r.pupil_id, r.school_id, r.academic_year",
                                error);
  else
    stmt = cl_database_prepare (db,
                                SCAN_COLUMNS "AND +r.academic_year BETWEEN ?1 AND ?2 "
                                "ORDER BY r.pupil_id, r.school_id, r.academic_year",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, range->year_from);
  sqlite3_bind_int (stmt, 2, range->year_to);
  if (school_id != 0)
    sqlite3_bind_int64 (stmt, 3, school_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *marks = sqlite3_column_blob (stmt, 3);

      memset (&row, 0, sizeof row);
      row.pupil_id = sqlite3_column_int64 (stmt, 0);
      row.school_id = sqlite3_column_int64 (stmt, 1);
      row.year = sqlite3_column_int (stmt, 2);
      row.dob = (const char *) sqlite3_column_text (stmt, 4);
      row.fsm = sqlite3_column_int (stmt, 5) != 0;
      row.sen = sqlite3_column_int (stmt, 6) != 0;
      row.looked_after = sqlite3_column_int (stmt, 7) != 0;
      if (marks != NULL)
        count_marks (&row.counts, &maps, range, row.year, marks, blob_length (stmt, 3, row.year));
      func (&row, user_data);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the registers"));
      return FALSE;
    }
  return TRUE;
}

/* Groups consecutive rows of one (pupil, school) into an enrolment and hands
 * each finished enrolment to flush. */
typedef struct {
  gint64              pupil_id;
  gint64              school_id;
  gboolean            fsm, sen, looked_after;
  gboolean            open;
  ClAttendanceSummary enrolment;
  void              (*flush) (gpointer self);
} EnrolmentGrouper;

static void
grouper_row (EnrolmentGrouper *g,
             const Row        *row)
{
  if (g->open && (g->pupil_id != row->pupil_id || g->school_id != row->school_id))
    {
      mark_enrolment (&g->enrolment);
      g->flush (g);
      g->open = FALSE;
    }
  if (!g->open)
    {
      memset (&g->enrolment, 0, sizeof g->enrolment);
      g->pupil_id = row->pupil_id;
      g->school_id = row->school_id;
      g->fsm = row->fsm;
      g->sen = row->sen;
      g->looked_after = row->looked_after;
      g->open = TRUE;
    }
  cl_attendance_summary_add (&g->enrolment, &row->counts);
}

static void
grouper_finish (EnrolmentGrouper *g)
{
  if (g->open)
    {
      mark_enrolment (&g->enrolment);
      g->flush (g);
      g->open = FALSE;
    }
}

typedef struct {
  EnrolmentGrouper    grouper;
  ClAttendanceSummary total;
} SchoolScan;

static void
school_flush (gpointer data)
{
  SchoolScan *scan = data;
  cl_attendance_summary_add (&scan->total, &scan->grouper.enrolment);
}

static void
school_row (const Row *row,
            gpointer   data)
{
  SchoolScan *scan = data;
  grouper_row (&scan->grouper, row);
}

gboolean
cl_attendance_summary_for_school (ClDatabase           *db,
                                  gint64                school_id,
                                  const char           *from,
                                  const char           *to,
                                  ClAttendanceSummary  *out,
                                  GError              **error)
{
  SchoolScan scan;
  Range range;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  memset (&scan, 0, sizeof scan);
  scan.grouper.flush = school_flush;
  if (!range_init (&range, from, to, error)
      || !scan_rows (db, school_id, &range, school_row, &scan, error))
    return FALSE;
  grouper_finish (&scan.grouper);
  cl_attendance_summary_finish (&scan.total);
  *out = scan.total;
  return TRUE;
}

/* --- groups --------------------------------------------------------------------- */

/* The year group by the cohort rule in store/cl-dates.h; G_MININT when the
 * date of birth is missing or malformed. */
static int
nc_year_for (const char *dob,
             int         academic_year)
{
  GDate date;

  if (!cl_date_parse (dob, &date))
    return G_MININT;
  return cl_nc_year_for (&date, academic_year);
}

static ClAttendanceGroup *
group_new (const char *key,
           const char *label,
           int         nc_year)
{
  ClAttendanceGroup *g = g_new0 (ClAttendanceGroup, 1);

  g->key = g_strdup (key);
  g->label = g_strdup (label);
  g->nc_year = nc_year;
  return g;
}

static void
nc_row (const Row *row,
        gpointer   data)
{
  GHashTable *groups = data;
  int nc = nc_year_for (row->dob, row->year);
  ClAttendanceGroup *g = g_hash_table_lookup (groups, GINT_TO_POINTER (nc));
  ClAttendanceSummary enrolment = row->counts;

  if (g == NULL)
    {
      g_autofree char *key = g_strdup_printf ("nc:%d", nc);
      g_autofree char *label = NULL;

      if (nc == G_MININT)
        label = g_strdup (_("Unknown year group"));
      else if (nc < 0)
        label = g_strdup (_("Nursery"));
      else if (nc == 0)
        label = g_strdup (_("Reception"));
      else
        label = g_strdup_printf (_("Year %d"), nc);
      g = group_new (key, label, nc);
      g_hash_table_insert (groups, GINT_TO_POINTER (nc), g);
    }
  /* A register row is one enrolment-year: its own PA status counts. */
  mark_enrolment (&enrolment);
  cl_attendance_summary_add (&g->summary, &enrolment);
}

static int
compare_nc (gconstpointer a,
            gconstpointer b)
{
  const ClAttendanceGroup *ga = *(ClAttendanceGroup *const *) a;
  const ClAttendanceGroup *gb = *(ClAttendanceGroup *const *) b;

  return (ga->nc_year > gb->nc_year) - (ga->nc_year < gb->nc_year);
}

GPtrArray *
cl_attendance_summary_by_nc_year (ClDatabase  *db,
                                  gint64       school_id,
                                  const char  *from,
                                  const char  *to,
                                  GError     **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) result = NULL;
  GHashTableIter iter;
  gpointer value;
  Range range;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_attendance_group_free);
  if (!range_init (&range, from, to, error)
      || !scan_rows (db, school_id, &range, nc_row, groups, error))
    {
      g_hash_table_iter_init (&iter, groups);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        cl_attendance_group_free (value);
      return NULL;
    }
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (result, value);
  g_ptr_array_sort (result, compare_nc);
  return g_steal_pointer (&result);
}

enum { FLAG_ALL, FLAG_FSM, FLAG_NOT_FSM, FLAG_SEN, FLAG_NOT_SEN, FLAG_LOOKED_AFTER, N_FLAG_GROUPS };

typedef struct {
  EnrolmentGrouper   grouper;
  ClAttendanceGroup *groups[N_FLAG_GROUPS];
} FlagScan;

static void
flag_flush (gpointer data)
{
  FlagScan *scan = data;
  const EnrolmentGrouper *g = &scan->grouper;

  cl_attendance_summary_add (&scan->groups[FLAG_ALL]->summary, &g->enrolment);
  cl_attendance_summary_add (&scan->groups[g->fsm ? FLAG_FSM : FLAG_NOT_FSM]->summary,
                             &g->enrolment);
  cl_attendance_summary_add (&scan->groups[g->sen ? FLAG_SEN : FLAG_NOT_SEN]->summary,
                             &g->enrolment);
  if (g->looked_after)
    cl_attendance_summary_add (&scan->groups[FLAG_LOOKED_AFTER]->summary, &g->enrolment);
}

static void
flag_row (const Row *row,
          gpointer   data)
{
  FlagScan *scan = data;
  grouper_row (&scan->grouper, row);
}

GPtrArray *
cl_attendance_summary_by_flag (ClDatabase  *db,
                               gint64       school_id,
                               const char  *from,
                               const char  *to,
                               GError     **error)
{
  g_autoptr(GPtrArray) result = NULL;
  FlagScan scan;
  Range range;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_attendance_group_free);
  memset (&scan, 0, sizeof scan);
  scan.grouper.flush = flag_flush;
  scan.groups[FLAG_ALL] = group_new ("all", _("All pupils"), G_MININT);
  scan.groups[FLAG_FSM] = group_new ("fsm", _("Free school meals"), G_MININT);
  scan.groups[FLAG_NOT_FSM] = group_new ("not_fsm", _("Not free school meals"), G_MININT);
  scan.groups[FLAG_SEN] = group_new ("sen", _("SEN (EHCP or SEN support)"), G_MININT);
  scan.groups[FLAG_NOT_SEN] = group_new ("not_sen", _("No SEN"), G_MININT);
  scan.groups[FLAG_LOOKED_AFTER] = group_new ("looked_after", _("Looked-after children"),
                                              G_MININT);
  for (guint i = 0; i < N_FLAG_GROUPS; i++)
    g_ptr_array_add (result, scan.groups[i]);

  if (!range_init (&range, from, to, error)
      || !scan_rows (db, school_id, &range, flag_row, &scan, error))
    return NULL;
  grouper_finish (&scan.grouper);
  return g_steal_pointer (&result);
}

/* --- the whole-authority pass ------------------------------------------------------- */

typedef struct {
  GArray            *out;
  ClPupilAttendance *current;
} AllScan;

static void
all_row (const Row *row,
         gpointer   data)
{
  AllScan *scan = data;

  if (scan->current == NULL || scan->current->pupil_id != row->pupil_id)
    {
      ClPupilAttendance fresh = { .pupil_id = row->pupil_id };

      if (scan->current != NULL)
        mark_enrolment (&scan->current->summary);
      g_array_append_val (scan->out, fresh);
      scan->current = &g_array_index (scan->out, ClPupilAttendance, scan->out->len - 1);
    }
  /* Counts only; finished once per pupil. */
  scan->current->summary.possible += row->counts.possible;
  scan->current->summary.present += row->counts.present;
  scan->current->summary.approved_activity += row->counts.approved_activity;
  scan->current->summary.authorised += row->counts.authorised;
  scan->current->summary.unauthorised += row->counts.unauthorised;
  scan->current->summary.late += row->counts.late;
  scan->current->summary.not_counted += row->counts.not_counted;
  for (guint i = 0; i < 5; i++)
    {
      scan->current->summary.possible_by_weekday[i] += row->counts.possible_by_weekday[i];
      scan->current->summary.absence_by_weekday[i] += row->counts.absence_by_weekday[i];
    }
  scan->current->summary.possible_am += row->counts.possible_am;
  scan->current->summary.possible_pm += row->counts.possible_pm;
  scan->current->summary.absence_am += row->counts.absence_am;
  scan->current->summary.absence_pm += row->counts.absence_pm;
}

GArray *
cl_attendance_summary_all_pupils (ClDatabase  *db,
                                  gint64       school_id,
                                  const char  *from,
                                  const char  *to,
                                  GError     **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (ClPupilAttendance));
  AllScan scan = { out, NULL };
  Range range;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  if (!range_init (&range, from, to, error)
      || !scan_rows (db, school_id, &range, all_row, &scan, error))
    return NULL;
  if (scan.current != NULL)
    mark_enrolment (&scan.current->summary);
  return g_steal_pointer (&out);
}
