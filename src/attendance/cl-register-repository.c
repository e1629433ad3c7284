/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-error.h"
#include "attendance/cl-attendance-private.h"
#include "attendance/cl-calendar.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-register-repository.h"
#include "store/cl-audit.h"

#define SELECT_MARKS \
  "SELECT marks FROM register WHERE pupil_id = ? AND school_id = ? AND academic_year = ?"
#define UPSERT_REGISTER \
  "INSERT INTO register (pupil_id, school_id, academic_year, marks, updated_at) " \
  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (pupil_id, school_id, academic_year) " \
  "DO UPDATE SET marks = excluded.marks, updated_at = excluded.updated_at"
#define INSERT_CHANGE \
  "INSERT INTO mark_change (pupil_id, school_id, academic_year, session_index, " \
  "old_code_id, new_code_id, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"

ClMarkChange *
cl_mark_change_copy (const ClMarkChange *change)
{
  ClMarkChange *copy = g_memdup2 (change, sizeof *change);

  copy->date = g_strdup (change->date);
  copy->changed_by = g_strdup (change->changed_by);
  copy->changed_at = g_strdup (change->changed_at);
  return copy;
}

void
cl_mark_change_free (ClMarkChange *change)
{
  if (change == NULL)
    return;
  g_free (change->date);
  g_free (change->changed_by);
  g_free (change->changed_at);
  g_free (change);
}

G_DEFINE_BOXED_TYPE (ClMarkChange, cl_mark_change, cl_mark_change_copy, cl_mark_change_free)

static ClRegister *
register_from_row (sqlite3_stmt *stmt,
                   int           col_pupil,
                   int           col_school,
                   int           col_year,
                   int           col_marks)
{
  const guint8 *blob = sqlite3_column_blob (stmt, col_marks);
  int len = sqlite3_column_bytes (stmt, col_marks);
  int year = sqlite3_column_int (stmt, col_year);

  if (len > cl_academic_year_n_sessions (year))
    len = cl_academic_year_n_sessions (year);
  return cl_register_new_from_data (sqlite3_column_int64 (stmt, col_pupil),
                                    sqlite3_column_int64 (stmt, col_school),
                                    year, blob, blob != NULL ? (gsize) len : 0);
}

ClRegister *
cl_register_load (ClDatabase  *db,
                  gint64       pupil_id,
                  gint64       school_id,
                  int          academic_year,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  stmt = cl_database_prepare (db,
                              "SELECT pupil_id, school_id, academic_year, marks FROM register "
                              "WHERE pupil_id = ? AND school_id = ? AND academic_year = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  sqlite3_bind_int (stmt, 3, academic_year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return register_from_row (stmt, 0, 1, 2, 3);
  if (rc == SQLITE_DONE)
    g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_NOT_FOUND,
                 _("There is no register for this pupil at this school in %d/%02d"),
                 academic_year, (academic_year + 1) % 100);
  else
    cl_database_set_error (db, error, _("Could not read a register"));
  return NULL;
}

static GPtrArray *
load_many (ClDatabase   *db,
           sqlite3_stmt *stmt,
           GError      **error)
{
  g_autoptr(GPtrArray) registers = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (registers, register_from_row (stmt, 0, 1, 2, 3));
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the registers"));
      return NULL;
    }
  return g_steal_pointer (&registers);
}

GPtrArray *
cl_register_load_for_pupil (ClDatabase  *db,
                            gint64       pupil_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  stmt = cl_database_prepare (db,
                              "SELECT pupil_id, school_id, academic_year, marks FROM register "
                              "WHERE pupil_id = ? ORDER BY academic_year, school_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  return load_many (db, stmt, error);
}

GPtrArray *
cl_register_load_for_school (ClDatabase  *db,
                             gint64       school_id,
                             int          academic_year,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  stmt = cl_database_prepare (db,
                              "SELECT pupil_id, school_id, academic_year, marks FROM register "
                              "WHERE school_id = ? AND academic_year = ? ORDER BY pupil_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int (stmt, 2, academic_year);
  return load_many (db, stmt, error);
}

/* The school's country, or NULL with NOT_FOUND. */
static char *
school_country (ClDatabase  *db,
                gint64       school_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cl_database_prepare (db, "SELECT country FROM school WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_NOT_FOUND,
                 _("There is no school with id %" G_GINT64_FORMAT), school_id);
  else
    cl_database_set_error (db, error, _("Could not read a school"));
  return NULL;
}

static gboolean
pupil_exists (ClDatabase  *db,
              gint64       pupil_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cl_database_prepare (db, "SELECT 1 FROM pupil WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_NOT_FOUND,
                 _("There is no pupil with id %" G_GINT64_FORMAT), pupil_id);
  else
    cl_database_set_error (db, error, _("Could not read a pupil"));
  return FALSE;
}

/* Reads the stored marks into buf (CL_REGISTER_MAX_SESSIONS bytes, zeroed
 * first); *out_exists tells whether a row was there. */
static gboolean
read_stored (ClDatabase  *db,
             gint64       pupil_id,
             gint64       school_id,
             int          academic_year,
             guint8      *buf,
             guint       *out_len,
             gboolean    *out_exists,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  memset (buf, 0, CL_REGISTER_MAX_SESSIONS);
  *out_len = 0;
  *out_exists = FALSE;

  stmt = cl_database_prepare (db, SELECT_MARKS, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  sqlite3_bind_int (stmt, 3, academic_year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const guint8 *blob = sqlite3_column_blob (stmt, 0);
      int len = MIN (sqlite3_column_bytes (stmt, 0), CL_REGISTER_MAX_SESSIONS);

      if (blob != NULL && len > 0)
        memcpy (buf, blob, (gsize) len);
      *out_len = blob != NULL ? (guint) len : 0;
      *out_exists = TRUE;
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  cl_database_set_error (db, error, _("Could not read a register"));
  return FALSE;
}

static gboolean
write_marks (ClDatabase   *db,
             gint64        pupil_id,
             gint64        school_id,
             int           academic_year,
             const guint8 *buf,
             guint         len,
             const char   *now,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = cl_database_prepare (db, UPSERT_REGISTER, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  sqlite3_bind_int (stmt, 3, academic_year);
  sqlite3_bind_blob (stmt, 4, buf, (int) len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not save a register"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_change (ClDatabase  *db,
              gint64       pupil_id,
              gint64       school_id,
              int          academic_year,
              int          index,
              guint8       old_code,
              guint8       new_code,
              const char  *now,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cl_database_prepare (db, INSERT_CHANGE, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  sqlite3_bind_int (stmt, 3, academic_year);
  sqlite3_bind_int (stmt, 4, index);
  sqlite3_bind_int (stmt, 5, old_code);
  sqlite3_bind_int (stmt, 6, new_code);
  sqlite3_bind_text (stmt, 7, cl_database_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not record a change of mark"));
      return FALSE;
    }
  return TRUE;
}

static const char *
code_text (ClCodeTable *codes,
           guint8       id)
{
  ClAttendanceCode *code = id != 0 ? cl_code_table_get (codes, id) : NULL;
  return code != NULL ? cl_attendance_code_get_code (code) : "(none)";
}

gboolean
cl_register_set_mark (ClDatabase  *db,
                      gint64       pupil_id,
                      gint64       school_id,
                      const char  *date,
                      gboolean     pm,
                      guint8       code_id,
                      GError     **error)
{
  g_autoptr(ClCodeTable) codes = NULL;
  g_autofree char *country = NULL;
  g_autofree char *now = NULL;
  g_autofree char *detail = NULL;
  guint8 buf[CL_REGISTER_MAX_SESSIONS];
  guint len;
  gboolean exists;
  int year, index;
  guint8 old;
  ClAttendanceCode *code;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);

  year = cl_academic_year_for_date (date);
  if (year < 0)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE,
                   _("“%s” is not a date (dates are written YYYY-MM-DD)"),
                   date != NULL ? date : "");
      return FALSE;
    }
  index = cl_session_index (year, date, pm);
  g_assert (index >= 0);

  country = school_country (db, school_id, error);
  if (country == NULL || !pupil_exists (db, pupil_id, error))
    return FALSE;
  codes = cl_code_table_load (db, error);
  if (codes == NULL)
    return FALSE;
  if (!cl_code_table_check (codes, code_id, cl_code_set_for (country, date), date, error))
    return FALSE;

  code = code_id != 0 ? cl_code_table_get (codes, code_id) : NULL;
  if (code != NULL && cl_attendance_code_get_counts_possible (code))
    {
      g_autoptr(ClCalendar) calendar = cl_calendar_load (db, school_id, year, error);

      if (calendar == NULL)
        return FALSE;
      if (!cl_calendar_is_empty (calendar) && cl_calendar_is_closed (calendar, date))
        {
          g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_CLOSED,
                       _("%s is not a school day in the school’s calendar, so it cannot be "
                         "marked “%s”. Correct the calendar first if the school was open."),
                       date, cl_attendance_code_get_code (code));
          return FALSE;
        }
    }

  if (!cl_database_begin (db, error))
    return FALSE;

  if (!read_stored (db, pupil_id, school_id, year, buf, &len, &exists, error))
    goto fail;
  old = (guint) index < len ? buf[index] : 0;
  if (old == code_id)
    return cl_database_commit (db, error);

  buf[index] = code_id;
  if ((guint) index >= len)
    len = (guint) index + 1;
  now = cl_timestamp_now ();
  if (!write_marks (db, pupil_id, school_id, year, buf, len, now, error)
      || !write_change (db, pupil_id, school_id, year, index, old, code_id, now, error))
    goto fail;

  detail = g_strdup_printf ("school %" G_GINT64_FORMAT ", mark %s %s: %s -> %s", school_id, date,
                            pm ? "PM" : "AM", code_text (codes, old), code_text (codes, code_id));
  if (!cl_audit_append (db, "update", "register", pupil_id, detail, error))
    goto fail;
  return cl_database_commit (db, error);

fail:
  cl_database_rollback (db);
  return FALSE;
}

/* --- bulk writing ------------------------------------------------------------ */

typedef struct {
  ClCodeTable *codes;
  guint8       set_of[256];     /* 0 unknown, 1 england_2024, 2 england_2006, 3 wales_2010 */
  guint32      valid_from[256];
  guint32      valid_to[256];
  guint32      england_2024_from;
  GHashTable  *school_sets;     /* school id → 1 (England) or 3 (Wales) */
} Checker;

static guint8
set_number (const char *code_set)
{
  if (g_strcmp0 (code_set, CL_CODE_SET_ENGLAND_2024) == 0)
    return 1;
  if (g_strcmp0 (code_set, CL_CODE_SET_ENGLAND_2006) == 0)
    return 2;
  if (g_strcmp0 (code_set, CL_CODE_SET_WALES_2010) == 0)
    return 3;
  return 0;
}

static void
checker_init (Checker     *checker,
              ClCodeTable *codes)
{
  memset (checker, 0, sizeof *checker);
  checker->codes = codes;
  checker->school_sets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  cl_attendance_date_to_julian (CL_ENGLAND_2024_FROM, &checker->england_2024_from);
  for (guint id = 1; id < 256; id++)
    {
      ClAttendanceCode *code = cl_code_table_get (codes, (guint8) id);
      if (code == NULL)
        continue;
      checker->set_of[id] = set_number (cl_attendance_code_get_code_set (code));
      if (!cl_attendance_date_to_julian (cl_attendance_code_get_valid_from (code),
                                         &checker->valid_from[id]))
        checker->valid_from[id] = 1;
      if (!cl_attendance_date_to_julian (cl_attendance_code_get_valid_to (code),
                                         &checker->valid_to[id]))
        checker->valid_to[id] = G_MAXUINT32;
    }
}

static void
checker_clear (Checker *checker)
{
  g_clear_pointer (&checker->school_sets, g_hash_table_unref);
}

static gboolean
check_register (ClDatabase  *db,
                Checker     *checker,
                ClRegister  *reg,
                GError     **error)
{
  gint64 school_id = cl_register_get_school_id (reg);
  int year = cl_register_get_academic_year (reg);
  guint32 first = cl_academic_year_first_julian (year);
  gsize n;
  const guint8 *marks = cl_register_get_marks (reg, &n);
  gpointer found;
  guint country_set;

  if (!g_hash_table_lookup_extended (checker->school_sets, &school_id, NULL, &found))
    {
      g_autofree char *country = school_country (db, school_id, error);
      gint64 *key;

      if (country == NULL)
        return FALSE;
      key = g_new (gint64, 1);
      *key = school_id;
      found = GUINT_TO_POINTER (g_strcmp0 (country, "wales") == 0 ? 3 : 1);
      g_hash_table_insert (checker->school_sets, key, found);
    }
  country_set = GPOINTER_TO_UINT (found);

  for (gsize i = 0; i < n; i++)
    {
      guint8 m = marks[i];
      guint32 j;
      guint expected;

      if (m == 0)
        continue;
      j = first + (guint32) (i / 2);
      expected = country_set == 3 ? 3 : (j >= checker->england_2024_from ? 1 : 2);
      if (checker->set_of[m] != expected || j < checker->valid_from[m] || j > checker->valid_to[m])
        {
          g_autofree char *date = cl_attendance_date_from_julian (j);
          g_autoptr(GError) local = NULL;
          const char *set = expected == 3 ? CL_CODE_SET_WALES_2010
                            : expected == 1 ? CL_CODE_SET_ENGLAND_2024 : CL_CODE_SET_ENGLAND_2006;

          if (!cl_code_table_check (checker->codes, m, set, date, &local))
            {
              g_set_error (error, CL_ATTENDANCE_ERROR, local->code,
                           _("Register of pupil %" G_GINT64_FORMAT " at school %" G_GINT64_FORMAT
                             ", %s %s: %s"),
                           cl_register_get_pupil_id (reg), school_id, date,
                           (i & 1) ? "PM" : "AM", local->message);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
store_one (ClDatabase  *db,
           Checker     *checker,
           ClRegister  *reg,
           const char  *now,
           GError     **error)
{
  guint8 buf[CL_REGISTER_MAX_SESSIONS];
  gint64 pupil_id = cl_register_get_pupil_id (reg);
  gint64 school_id = cl_register_get_school_id (reg);
  int year = cl_register_get_academic_year (reg);
  guint len;
  gboolean exists;
  gsize n;
  const guint8 *marks = cl_register_get_marks (reg, &n);
  guint overwritten = 0;
  gboolean changed = FALSE;

  if (!check_register (db, checker, reg, error))
    return FALSE;
  if (!read_stored (db, pupil_id, school_id, year, buf, &len, &exists, error))
    return FALSE;

  if (!exists)
    return write_marks (db, pupil_id, school_id, year, marks, (guint) n, now, error);

  for (gsize i = 0; i < n; i++)
    {
      guint8 m = marks[i];
      guint8 old = buf[i];

      if (m == 0 || m == old)
        continue;
      if (old != 0)
        {
          if (!write_change (db, pupil_id, school_id, year, (int) i, old, m, now, error))
            return FALSE;
          overwritten++;
        }
      buf[i] = m;
      changed = TRUE;
    }
  if (!changed)
    return TRUE;
  if (!write_marks (db, pupil_id, school_id, year, buf, MAX (len, (guint) n), now, error))
    return FALSE;
  if (overwritten > 0)
    {
      g_autofree char *detail =
        g_strdup_printf ("school %" G_GINT64_FORMAT ", %d/%02d: import overwrote %u marks",
                         school_id, year, (year + 1) % 100, overwritten);
      if (!cl_audit_append (db, "update", "register", pupil_id, detail, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cl_register_store_many (ClDatabase  *db,
                        GPtrArray   *registers,
                        GError     **error)
{
  g_autoptr(ClCodeTable) codes = NULL;
  g_autofree char *now = NULL;
  Checker checker;
  gboolean ok = TRUE;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (registers != NULL, FALSE);

  codes = cl_code_table_load (db, error);
  if (codes == NULL)
    return FALSE;
  now = cl_timestamp_now ();
  checker_init (&checker, codes);

  if (!cl_database_begin (db, error))
    {
      checker_clear (&checker);
      return FALSE;
    }
  for (guint i = 0; ok && i < registers->len; i++)
    ok = store_one (db, &checker, g_ptr_array_index (registers, i), now, error);
  checker_clear (&checker);

  if (!ok)
    {
      cl_database_rollback (db);
      return FALSE;
    }
  return cl_database_commit (db, error);
}

GPtrArray *
cl_register_list_changes (ClDatabase  *db,
                          gint64       pupil_id,
                          gint64       school_id,
                          int          academic_year,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  stmt = cl_database_prepare (db,
                              "SELECT id, session_index, old_code_id, new_code_id, changed_by, "
                              "changed_at FROM mark_change WHERE pupil_id = ? AND school_id = ? "
                              "AND academic_year = ? ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pupil_id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  sqlite3_bind_int (stmt, 3, academic_year);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_mark_change_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClMarkChange *c = g_new0 (ClMarkChange, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->pupil_id = pupil_id;
      c->school_id = school_id;
      c->academic_year = academic_year;
      c->session_index = sqlite3_column_int (stmt, 1);
      c->date = cl_session_index_to_date (academic_year, c->session_index, &c->pm);
      c->old_code_id = (guint8) sqlite3_column_int (stmt, 2);
      c->new_code_id = (guint8) sqlite3_column_int (stmt, 3);
      c->changed_by = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      c->changed_at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (changes, c);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the changes of a register"));
      return NULL;
    }
  return g_steal_pointer (&changes);
}
