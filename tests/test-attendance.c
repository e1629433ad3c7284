/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "attendance/cl-attendance-code.h"
#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-demo.h"
#include "attendance/cl-attendance-error.h"
#include "attendance/cl-attendance-stats.h"
#include "attendance/cl-calendar.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-register-repository.h"
#include "attendance/cl-register.h"
#include "attendance/cl-rules.h"
#include "store/cl-audit.h"
#include "store/cl-database.h"

/* England 2024 ids (pinned: they are stored in every register). */
enum {
  PRESENT_AM = 1,
  PRESENT_PM = 2,
  LATE = 3,
  VISIT = 5,
  DUAL = 9,
  ILL = 18,
  Q_CODE = 19,
  HOLIDAY_G = 22,
  LATE_U = 23,
  NO_REASON = 24,
  UNAUTH_O = 25,
  CLOSED = 34,
};

typedef struct {
  ClDatabase  *db;
  ClCodeTable *codes;
} Fixture;

static void
exec_sql (ClDatabase *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (cl_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

static int
query_int (ClDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = cl_database_prepare (db, sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = cl_database_open_memory (&error);
  g_assert_no_error (error);
  exec_sql (f->db,
            "INSERT INTO school (id, urn, la_code, estab, name, type, phase, country, created_at, "
            "updated_at) VALUES "
            "(1, 100001, 801, 2001, 'Hillside Primary', 'la_maintained', 'primary', 'england', "
            "'x', 'x'),"
            "(2, 100002, 801, 4001, 'Valley Academy', 'academy', 'secondary', 'england', 'x', 'x'),"
            "(3, 100003, 660, 4002, 'Ysgol y Bont', 'la_maintained', 'secondary', 'wales', "
            "'x', 'x');"
            "INSERT INTO pupil (id, upn, legal_forename, legal_surname, dob, sex, fsm, ehcp, "
            "sen_support, looked_after, created_at, updated_at) VALUES "
            "(1, 'A801200001001', 'Amy', 'Hill', '2015-10-10', 'F', 1, 0, 0, 0, 'x', 'x'),"
            "(2, 'A801200001002', 'Ben', 'Hill', '2016-03-01', 'M', 0, 1, 0, 0, 'x', 'x'),"
            "(3, 'A801200001003', 'Cai', 'Jones', '2012-11-20', 'M', 1, 0, 1, 1, 'x', 'x'),"
            "(4, 'A801200001004', 'Dee', 'Jones', '2013-01-05', 'F', 0, 0, 0, 0, 'x', 'x');"
            "INSERT INTO enrolment (pupil_id, school_id, start_date) VALUES "
            "(1, 1, '2020-09-01'), (2, 1, '2020-09-01'), (3, 2, '2024-09-01'), "
            "(4, 3, '2024-09-01');");
  f->codes = cl_code_table_load (f->db, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->codes);
  g_clear_object (&f->db);
}

/* --- codes ----------------------------------------------------------------- */

static void
test_codes_seeded (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) england = cl_code_table_list_set (f->codes, CL_CODE_SET_ENGLAND_2024);
  g_autoptr(GListModel) old = cl_code_table_list_set (f->codes, CL_CODE_SET_ENGLAND_2006);
  g_autoptr(GListModel) wales = cl_code_table_list_set (f->codes, CL_CODE_SET_WALES_2010);
  ClAttendanceCode *g, *l, *u, *h, *j, *j1, *d, *q, *hash;
  guint8 id;

  g_assert_cmpuint (g_list_model_get_n_items (england), ==, 35);
  g_assert_cmpuint (g_list_model_get_n_items (old), ==, 27);
  g_assert_cmpuint (g_list_model_get_n_items (wales), ==, 26);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->codes)), ==, 35 + 27 + 26);

  /* The byte ids are pinned. */
  g_assert_cmpuint (cl_code_table_lookup (f->codes, CL_CODE_SET_ENGLAND_2024, "/", NULL), ==, 1);
  g_assert_cmpuint (cl_code_table_lookup (f->codes, CL_CODE_SET_ENGLAND_2024, "G", NULL), ==, 22);
  g_assert_cmpuint (cl_code_table_lookup (f->codes, CL_CODE_SET_ENGLAND_2006, "H", NULL), ==, 73);
  g_assert_cmpuint (cl_code_table_lookup (f->codes, CL_CODE_SET_WALES_2010, "/", NULL), ==, 128);

  g = cl_code_table_get (f->codes, HOLIDAY_G);
  g_assert_cmpstr (cl_attendance_code_get_code (g), ==, "G");
  g_assert_cmpint (cl_attendance_code_get_category (g), ==, CL_ATTENDANCE_CATEGORY_UNAUTHORISED);
  g_assert_true (cl_attendance_code_get_is_unauthorised (g));
  g_assert_true (cl_attendance_code_get_counts_possible (g));
  g_assert_true (cl_attendance_code_get_counts_penalty (g));
  g_assert_false (cl_attendance_code_get_editable (g));
  g_assert_false (cl_attendance_code_get_is_late (g));

  l = cl_code_table_get (f->codes, LATE);
  g_assert_true (cl_attendance_code_get_is_present (l));
  g_assert_true (cl_attendance_code_get_is_late (l));
  g_assert_false (cl_attendance_code_get_counts_penalty (l));
  u = cl_code_table_get (f->codes, LATE_U);
  g_assert_true (cl_attendance_code_get_is_unauthorised (u));
  g_assert_true (cl_attendance_code_get_is_late (u));
  g_assert_true (cl_attendance_code_get_counts_penalty (u));

  /* Only G, N, O, U count for penalties, in every set. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->codes)); i++)
    {
      g_autoptr(ClAttendanceCode) code = g_list_model_get_item (G_LIST_MODEL (f->codes), i);
      const char *text = cl_attendance_code_get_code (code);
      gboolean gnou = strlen (text) == 1 && strchr ("GNOU", text[0]) != NULL;
      ClAttendanceCategory category = cl_attendance_code_get_category (code);

      g_assert_cmpint (cl_attendance_code_get_counts_penalty (code), ==, gnou);
      g_assert_cmpint (cl_attendance_code_get_counts_possible (code), ==,
                       cl_attendance_category_counts_possible (category));
    }

  /* Two-character codes are single codes. */
  g_assert_cmpuint (cl_code_table_lookup (f->codes, CL_CODE_SET_ENGLAND_2024, "C1", "2025-01-01"),
                    ==, 10);
  g_assert_cmpuint (cl_code_table_lookup (f->codes, CL_CODE_SET_ENGLAND_2024, "Y4", "2025-01-01"),
                    ==, 29);
  j1 = cl_code_table_get (f->codes, 12);
  g_assert_cmpstr (cl_attendance_code_get_code (j1), ==, "J1");
  g_assert_true (cl_attendance_code_get_is_authorised (j1));

  /* H only before 19 August 2024; J was approved activity in 2006. */
  h = cl_code_table_get (f->codes, 73);
  g_assert_true (cl_attendance_code_get_is_authorised (h));
  g_assert_true (cl_attendance_code_is_valid_on (h, "2024-08-18"));
  g_assert_false (cl_attendance_code_is_valid_on (h, "2024-08-19"));
  g_assert_cmpuint (cl_code_table_lookup (f->codes, CL_CODE_SET_ENGLAND_2006, "H", "2024-08-18"),
                    ==, 73);
  g_assert_cmpuint (cl_code_table_lookup (f->codes, CL_CODE_SET_ENGLAND_2006, "H", "2024-08-19"),
                    ==, 0);
  g_assert_cmpuint (cl_code_table_lookup (f->codes, CL_CODE_SET_ENGLAND_2024, "H", NULL), ==, 0);
  id = cl_code_table_resolve (f->codes, CL_CODE_SET_ENGLAND_2006, "H", "2025-09-04", &error);
  g_assert_cmpuint (id, ==, 0);
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_CODE_NOT_VALID);
  g_clear_error (&error);
  id = cl_code_table_resolve (f->codes, CL_CODE_SET_ENGLAND_2024, "K", "2024-08-18", &error);
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_CODE_NOT_VALID);
  g_clear_error (&error);
  id = cl_code_table_resolve (f->codes, CL_CODE_SET_ENGLAND_2024, "F", NULL, &error);
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_UNKNOWN_CODE);
  g_clear_error (&error);
  j = cl_code_table_get (f->codes,
                         cl_code_table_lookup (f->codes, CL_CODE_SET_ENGLAND_2006, "J", NULL));
  g_assert_true (cl_attendance_code_get_is_aea (j));
  g_assert_cmpuint (cl_code_table_lookup (f->codes, CL_CODE_SET_ENGLAND_2006, "F", "2010-01-01"),
                    !=, 0);
  g_assert_cmpuint (cl_code_table_lookup (f->codes, CL_CODE_SET_WALES_2010, "F", NULL), ==, 0);

  d = cl_code_table_get (f->codes, DUAL);
  g_assert_cmpint (cl_attendance_code_get_category (d), ==, CL_ATTENDANCE_CATEGORY_NOT_COUNTED);
  g_assert_false (cl_attendance_code_get_counts_possible (d));
  hash = cl_code_table_get (f->codes, CLOSED);
  g_assert_cmpint (cl_attendance_code_get_category (hash), ==, CL_ATTENDANCE_CATEGORY_ADMIN);
  q = cl_code_table_get (f->codes, Q_CODE);
  g_assert_true (cl_attendance_code_get_editable (q));

  /* Editable: exactly Q, X, Y1–Y7 (2024) and X, Y (2006, Wales). */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM attendance_code WHERE editable"), ==,
                   13);

  g_assert_cmpstr (cl_code_set_for ("wales", "2025-09-04"), ==, CL_CODE_SET_WALES_2010);
  g_assert_cmpstr (cl_code_set_for ("england", "2024-08-18"), ==, CL_CODE_SET_ENGLAND_2006);
  g_assert_cmpstr (cl_code_set_for ("england", "2024-08-19"), ==, CL_CODE_SET_ENGLAND_2024);
}

static void
test_codes_set_category (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCodeTable) reloaded = NULL;
  ClAttendanceCode *q = cl_code_table_get (f->codes, Q_CODE);
  int audits = query_int (f->db, "SELECT count(*) FROM audit_log");

  cl_database_set_actor (f->db, "officer:7");
  g_assert_true (cl_code_table_set_category (f->codes, f->db, Q_CODE,
                                             CL_ATTENDANCE_CATEGORY_AUTHORISED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_attendance_code_get_category (q), ==, CL_ATTENDANCE_CATEGORY_AUTHORISED);
  g_assert_true (cl_attendance_code_get_counts_possible (q));
  g_assert_cmpint (query_int (f->db, "SELECT is_authorised FROM attendance_code WHERE id = 19"), ==,
                   1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM audit_log"), ==, audits + 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM audit_log WHERE actor = 'officer:7' "
                                     "AND entity = 'attendance_code' AND entity_id = 19"), ==, 1);
  reloaded = cl_code_table_load (f->db, &error);
  g_assert_cmpint (cl_attendance_code_get_category (cl_code_table_get (reloaded, Q_CODE)), ==,
                   CL_ATTENDANCE_CATEGORY_AUTHORISED);

  /* G's category is fixed. */
  g_assert_false (cl_code_table_set_category (f->codes, f->db, HOLIDAY_G,
                                              CL_ATTENDANCE_CATEGORY_AUTHORISED, &error));
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_NOT_EDITABLE);
  g_assert_nonnull (strstr (error->message, "“G”"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->db, "SELECT is_unauthorised FROM attendance_code WHERE id = 22"),
                   ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM audit_log"), ==, audits + 1);

  /* And the database refuses it even past the API, as it refuses deletions. */
  g_assert_false (cl_database_exec (f->db, "UPDATE attendance_code SET category = 'present' "
                                           "WHERE id = 22", &error));
  g_clear_error (&error);
  g_assert_false (cl_database_exec (f->db, "DELETE FROM attendance_code WHERE id = 19", &error));
  g_clear_error (&error);
  g_assert_false (cl_database_exec (f->db, "UPDATE attendance_code SET id = 200 WHERE id = 19",
                                    &error));
  g_clear_error (&error);
}

/* --- dates ----------------------------------------------------------------- */

static void
test_dates (void)
{
  gboolean pm = FALSE;
  g_autofree char *date = NULL;
  g_autofree char *label = NULL;

  g_assert_cmpint (cl_session_index (2025, "2025-09-04", TRUE), ==, 7);
  g_assert_cmpint (cl_session_index (2025, "2025-09-01", FALSE), ==, 0);
  g_assert_cmpint (cl_session_index (2025, "2026-08-31", TRUE), ==, 729);
  g_assert_cmpint (cl_session_index (2023, "2024-08-31", TRUE), ==, 731);   /* leap year */
  g_assert_cmpint (cl_session_index (2025, "2026-09-01", FALSE), ==, -1);
  g_assert_cmpint (cl_session_index (2025, "2025-08-31", FALSE), ==, -1);
  g_assert_cmpint (cl_session_index (2025, "2025-02-30", FALSE), ==, -1);
  g_assert_cmpint (cl_session_index (2025, "4 Sept 2025", FALSE), ==, -1);
  g_assert_cmpint (cl_academic_year_n_sessions (2023), ==, 732);
  g_assert_cmpint (cl_academic_year_n_sessions (2025), ==, 730);

  g_assert_cmpint (cl_academic_year_for_date ("2025-08-31"), ==, 2024);
  g_assert_cmpint (cl_academic_year_for_date ("2025-09-01"), ==, 2025);
  g_assert_cmpint (cl_academic_year_for_date ("2026-01-15"), ==, 2025);
  g_assert_cmpint (cl_academic_year_for_date ("nonsense"), ==, -1);

  date = cl_session_index_to_date (2025, 7, &pm);
  g_assert_cmpstr (date, ==, "2025-09-04");
  g_assert_true (pm);
  label = cl_session_label (2025, 6);
  g_assert_cmpstr (label, ==, "2025-09-04 AM");
  g_assert_null (cl_session_index_to_date (2025, 730, NULL));

  {
    guint32 j;
    g_assert_true (cl_attendance_date_to_julian ("2025-09-01", &j));
    g_assert_cmpint (cl_attendance_julian_weekday (j), ==, 0);    /* a Monday */
    g_assert_cmpuint (cl_academic_year_first_julian (2025), ==, j);
  }
}

/* --- calendar -------------------------------------------------------------- */

static void
test_calendar_standard (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCalendar) cal = cl_calendar_new_standard_england (1, 2025);
  g_autoptr(ClCalendar) loaded = NULL;
  g_autoptr(GPtrArray) terms = cl_calendar_dup_terms (cal);
  g_autofree char *easter = cl_easter_sunday (2026);
  ClCalendarEntry *summer;
  guint n_inset = 0;

  g_assert_cmpstr (easter, ==, "2026-04-05");
  {
    g_autofree char *e2024 = cl_easter_sunday (2024);
    g_autofree char *e2019 = cl_easter_sunday (2019);
    g_assert_cmpstr (e2024, ==, "2024-03-31");
    g_assert_cmpstr (e2019, ==, "2019-04-21");
  }

  g_assert_false (cl_calendar_is_empty (cal));
  g_assert_cmpuint (cl_calendar_count_open_days (cal, NULL, NULL), ==, 190);
  g_assert_cmpuint (terms->len, ==, 3);
  g_assert_cmpstr (((ClCalendarEntry *) g_ptr_array_index (terms, 0))->start_date, ==,
                   "2025-09-01");
  summer = g_ptr_array_index (terms, 2);
  g_assert_cmpstr (summer->start_date, ==, "2026-04-13");
  g_assert_cmpstr (summer->end_date, ==, "2026-07-20");

  for (guint i = 0; i < cl_calendar_get_entries (cal)->len; i++)
    if (((ClCalendarEntry *) g_ptr_array_index (cl_calendar_get_entries (cal), i))->kind
        == CL_CALENDAR_KIND_INSET)
      n_inset++;
  g_assert_cmpuint (n_inset, ==, 5);

  g_assert_cmpint (cl_calendar_get_day (cal, "2025-09-01"), ==, CL_CALENDAR_DAY_INSET);
  g_assert_cmpint (cl_calendar_get_day (cal, "2025-09-03"), ==, CL_CALENDAR_DAY_OPEN);
  g_assert_cmpint (cl_calendar_get_day (cal, "2025-09-06"), ==, CL_CALENDAR_DAY_WEEKEND);
  g_assert_cmpint (cl_calendar_get_day (cal, "2025-10-27"), ==, CL_CALENDAR_DAY_HOLIDAY);
  g_assert_cmpint (cl_calendar_get_day (cal, "2025-12-25"), ==, CL_CALENDAR_DAY_BANK_HOLIDAY);
  g_assert_cmpint (cl_calendar_get_day (cal, "2026-04-03"), ==, CL_CALENDAR_DAY_BANK_HOLIDAY);
  g_assert_cmpint (cl_calendar_get_day (cal, "2026-05-04"), ==, CL_CALENDAR_DAY_BANK_HOLIDAY);
  g_assert_cmpint (cl_calendar_get_day (cal, "2026-05-26"), ==, CL_CALENDAR_DAY_HOLIDAY);
  g_assert_cmpint (cl_calendar_get_day (cal, "2026-08-03"), ==, CL_CALENDAR_DAY_HOLIDAY);
  g_assert_cmpint (cl_calendar_get_day (cal, "2026-09-01"), ==, CL_CALENDAR_DAY_OUTSIDE);
  g_assert_true (cl_calendar_is_closed (cal, "2026-02-16"));
  g_assert_false (cl_calendar_is_closed (cal, "2026-02-23"));

  /* Every year, whatever Easter does, gets 190 pupil days. */
  for (int y = 2005; y <= 2040; y++)
    {
      g_autoptr(ClCalendar) other = cl_calendar_new_standard_england (1, y);
      g_assert_cmpuint (cl_calendar_count_open_days (other, NULL, NULL), ==, 190);
    }

  /* Stored and read back. */
  g_assert_true (cl_calendar_save (cal, f->db, &error));
  g_assert_no_error (error);
  loaded = cl_calendar_load (f->db, 1, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_calendar_get_entries (loaded)->len, ==, cl_calendar_get_entries (cal)->len);
  g_assert_cmpuint (cl_calendar_count_open_days (loaded, NULL, NULL), ==, 190);
  g_assert_true (cl_calendar_save (cal, f->db, &error));
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM school_calendar WHERE school_id = 1"),
                   ==, (int) cl_calendar_get_entries (cal)->len);

  /* An empty calendar knows nothing but weekends. */
  g_clear_object (&loaded);
  loaded = cl_calendar_load (f->db, 2, 2025, &error);
  g_assert_true (cl_calendar_is_empty (loaded));
  g_assert_false (cl_calendar_is_closed (loaded, "2025-12-25"));
  g_assert_true (cl_calendar_is_closed (loaded, "2025-12-27"));

  g_assert_false (cl_calendar_add (loaded, CL_CALENDAR_KIND_TERM, "x", "2026-09-01", "2026-09-30",
                                   &error));
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_OUT_OF_RANGE);
}

/* Adding an INSET day closes it; removing the entry opens it again. */
static void
test_calendar_remove (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ClCalendar) cal = cl_calendar_new_standard_england (1, 2025);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = cl_calendar_get_entries (cal);
  guint n = entries->len;
  guint index = G_MAXUINT;

  g_assert_true (cl_calendar_add (cal, CL_CALENDAR_KIND_INSET, "Training", "2025-10-10",
                                  "2025-10-10", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, n + 1);
  g_assert_cmpuint (cl_calendar_count_open_days (cal, NULL, NULL), ==, 189);
  g_assert_cmpint (cl_calendar_get_day (cal, "2025-10-10"), ==, CL_CALENDAR_DAY_INSET);

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (((ClCalendarEntry *) g_ptr_array_index (entries, i))->name, "Training") == 0)
      index = i;
  g_assert_cmpuint (index, <, entries->len);
  cl_calendar_remove (cal, index);
  g_assert_cmpuint (entries->len, ==, n);
  g_assert_cmpuint (cl_calendar_count_open_days (cal, NULL, NULL), ==, 190);
  g_assert_cmpint (cl_calendar_get_day (cal, "2025-10-10"), ==, CL_CALENDAR_DAY_OPEN);

  /* Without its terms the year is empty again: weekends alone are closed. */
  for (guint i = entries->len; i > 0; i--)
    if (((ClCalendarEntry *) g_ptr_array_index (entries, i - 1))->kind == CL_CALENDAR_KIND_TERM)
      cl_calendar_remove (cal, i - 1);
  g_assert_true (cl_calendar_is_empty (cal));
  g_assert_false (cl_calendar_is_closed (cal, "2025-12-25"));
}

/* --- registers ------------------------------------------------------------- */

/* Marks every open day of the standard 2025/26 calendar present, INSET and
 * in-term bank holidays "#". */
static ClRegister *
full_year_register (gint64 pupil_id,
                    gint64 school_id)
{
  g_autoptr(ClCalendar) cal = cl_calendar_new_standard_england (school_id, 2025);
  ClRegister *reg = cl_register_new (pupil_id, school_id, 2025);
  guint32 first = cl_academic_year_first_julian (2025);

  for (guint32 d = 0; d < 365; d++)
    {
      ClCalendarDay day = cl_calendar_get_day_julian (cal, first + d);
      if (day == CL_CALENDAR_DAY_OPEN)
        {
          cl_register_set_mark_at (reg, (int) d * 2, PRESENT_AM);
          cl_register_set_mark_at (reg, (int) d * 2 + 1, PRESENT_PM);
        }
      else if (day == CL_CALENDAR_DAY_INSET)
        {
          cl_register_set_mark_at (reg, (int) d * 2, CLOSED);
          cl_register_set_mark_at (reg, (int) d * 2 + 1, CLOSED);
        }
    }
  return reg;
}

/* The first n open sessions of a given weekday/half, set to code. */
static guint
mark_weekday_sessions (ClRegister *reg,
                       int         weekday,
                       gboolean    pm,
                       guint       n,
                       guint8      code)
{
  guint32 first = cl_academic_year_first_julian (2025);
  guint done = 0;

  for (int d = 0; d < 365 && done < n; d++)
    {
      int index = d * 2 + (pm ? 1 : 0);
      guint8 m = cl_register_get_mark_at (reg, index);

      if (cl_attendance_julian_weekday (first + (guint32) d) != weekday
          || (m != PRESENT_AM && m != PRESENT_PM))
        continue;
      cl_register_set_mark_at (reg, index, code);
      done++;
    }
  return done;
}

static void
test_register_memory (void)
{
  g_autoptr(ClRegister) reg = cl_register_new (1, 1, 2025);
  g_autoptr(ClRegister) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpuint (cl_register_get_n_marks (reg), ==, 0);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-04", TRUE), ==, 0);
  g_assert_true (cl_register_set_mark_on (reg, "2025-09-04", TRUE, LATE));
  g_assert_cmpuint (cl_register_get_n_marks (reg), ==, 8);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-04", TRUE), ==, LATE);
  g_assert_cmpuint (cl_register_get_mark_at (reg, 7), ==, LATE);
  g_assert_false (cl_register_set_mark_on (reg, "2026-09-01", FALSE, LATE));
  g_assert_cmpuint (cl_register_fill (reg, "2025-09-01", "2025-09-07", PRESENT_AM, PRESENT_PM,
                                      TRUE), ==, 10);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-04", TRUE), ==, PRESENT_PM);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-06", FALSE), ==, 0);
  copy = cl_register_copy (reg);
  bytes = cl_register_get_bytes (copy);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 10);
  g_assert_null (cl_register_new_from_data (1, 1, 2025, g_bytes_get_data (bytes, NULL), 731));
}

static void
test_register_set_mark (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRegister) reg = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(ClCalendar) cal = cl_calendar_new_standard_england (1, 2025);
  ClMarkChange *c;
  int audits = query_int (f->db, "SELECT count(*) FROM audit_log");

  cl_database_set_actor (f->db, "officer:3");

  /* No register yet: set_mark creates it. */
  g_assert_true (cl_register_set_mark (f->db, 1, 1, "2025-09-08", FALSE, NO_REASON, &error));
  g_assert_no_error (error);
  g_assert_true (cl_register_set_mark (f->db, 1, 1, "2025-09-08", FALSE, ILL, &error));
  g_assert_true (cl_register_set_mark (f->db, 1, 1, "2025-09-08", FALSE, ILL, &error));  /* no-op */
  reg = cl_register_load (f->db, 1, 1, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-08", FALSE), ==, ILL);
  g_assert_cmpuint (cl_register_get_n_marks (reg), ==, 15);

  changes = cl_register_list_changes (f->db, 1, 1, 2025, &error);
  g_assert_cmpuint (changes->len, ==, 2);
  c = g_ptr_array_index (changes, 0);
  g_assert_cmpuint (c->old_code_id, ==, 0);
  g_assert_cmpuint (c->new_code_id, ==, NO_REASON);
  c = g_ptr_array_index (changes, 1);
  g_assert_cmpuint (c->old_code_id, ==, NO_REASON);
  g_assert_cmpuint (c->new_code_id, ==, ILL);
  g_assert_cmpint (c->session_index, ==, 14);
  g_assert_cmpstr (c->date, ==, "2025-09-08");
  g_assert_false (c->pm);
  g_assert_cmpstr (c->changed_by, ==, "officer:3");
  g_assert_nonnull (c->changed_at);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM audit_log"), ==, audits + 2);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'register' "
                                     "AND detail LIKE '%2025-09-08 AM: N -> I'"), ==, 1);

  /* Codes outside the school's set or validity are refused. */
  g_assert_false (cl_register_set_mark (f->db, 1, 1, "2025-09-09", FALSE, 73 /* H */, &error));
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_CODE_NOT_VALID);
  g_clear_error (&error);
  g_assert_false (cl_register_set_mark (f->db, 4, 3, "2025-09-09", FALSE, HOLIDAY_G, &error));
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_CODE_NOT_VALID);
  g_clear_error (&error);
  g_assert_true (cl_register_set_mark (f->db, 4, 3, "2025-09-09", FALSE, 135 /* Welsh G */,
                                       &error));
  g_assert_false (cl_register_set_mark (f->db, 1, 1, "2025-09-09", FALSE, 99, &error));
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_UNKNOWN_CODE);
  g_clear_error (&error);
  g_assert_false (cl_register_set_mark (f->db, 1, 1, "2025-09-31", FALSE, ILL, &error));
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_false (cl_register_set_mark (f->db, 1, 99, "2025-09-09", FALSE, ILL, &error));
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* With a calendar, counted marks on closed days are refused; "#" is fine. */
  g_assert_true (cl_calendar_save (cal, f->db, &error));
  g_assert_false (cl_register_set_mark (f->db, 1, 1, "2025-10-28", FALSE, UNAUTH_O, &error));
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_true (cl_register_set_mark (f->db, 1, 1, "2025-09-01", FALSE, CLOSED, &error));
  g_assert_no_error (error);

  /* Clearing a mark. */
  g_assert_true (cl_register_set_mark (f->db, 1, 1, "2025-09-08", FALSE, 0, &error));
  g_clear_object (&reg);
  reg = cl_register_load (f->db, 1, 1, 2025, &error);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-08", FALSE), ==, 0);

  g_clear_object (&reg);
  reg = cl_register_load (f->db, 2, 1, 2025, &error);
  g_assert_null (reg);
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_NOT_FOUND);
}

static void
test_register_set_mark_rollback (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRegister) reg = NULL;
  int audits;

  g_assert_true (cl_register_set_mark (f->db, 1, 1, "2025-09-08", FALSE, NO_REASON, &error));
  audits = query_int (f->db, "SELECT count(*) FROM audit_log");

  /* Make the change-history insert fail after the register row was written. */
  exec_sql (f->db, "CREATE TEMP TRIGGER refuse_change BEFORE INSERT ON mark_change "
                   "BEGIN SELECT RAISE (ABORT, 'disk on fire'); END;");
  g_assert_false (cl_register_set_mark (f->db, 1, 1, "2025-09-08", FALSE, ILL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (cl_register_set_mark (f->db, 1, 1, "2025-09-09", TRUE, ILL, &error));
  g_clear_error (&error);
  g_assert_false (cl_database_in_transaction (f->db));

  reg = cl_register_load (f->db, 1, 1, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-08", FALSE), ==, NO_REASON);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-09", TRUE), ==, 0);
  g_assert_cmpuint (cl_register_get_n_marks (reg), ==, 15);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM audit_log"), ==, audits);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM mark_change"), ==, 1);

  /* Inside an outer transaction, only the inner change is undone. */
  exec_sql (f->db, "DROP TRIGGER refuse_change");
  g_assert_true (cl_database_begin (f->db, &error));
  g_assert_true (cl_register_set_mark (f->db, 1, 1, "2025-09-10", FALSE, ILL, &error));
  g_assert_false (cl_register_set_mark (f->db, 1, 1, "2025-09-10", TRUE, 73, &error));
  g_clear_error (&error);
  g_assert_true (cl_database_commit (f->db, &error));
  g_clear_object (&reg);
  reg = cl_register_load (f->db, 1, 1, 2025, &error);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-10", FALSE), ==, ILL);
}

static void
test_register_store_many (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(ClRegister) update = cl_register_new (1, 1, 2025);
  g_autoptr(ClRegister) reg = NULL;
  int audits;

  g_ptr_array_add (batch, full_year_register (1, 1));
  g_ptr_array_add (batch, full_year_register (2, 1));
  g_assert_true (cl_database_begin (f->db, &error));
  g_assert_true (cl_register_store_many (f->db, batch, &error));
  g_assert_no_error (error);
  g_assert_true (cl_database_commit (f->db, &error));
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM register"), ==, 2);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM mark_change"), ==, 0);
  audits = query_int (f->db, "SELECT count(*) FROM audit_log");

  /* A later import overwrites two marks, adds one and leaves the rest (zeros). */
  cl_register_set_mark_on (update, "2025-09-08", FALSE, NO_REASON);
  cl_register_set_mark_on (update, "2025-09-08", TRUE, NO_REASON);
  cl_register_set_mark_on (update, "2025-09-09", FALSE, PRESENT_AM);   /* unchanged */
  g_ptr_array_set_size (batch, 0);
  g_ptr_array_add (batch, g_object_ref (update));
  g_assert_true (cl_register_store_many (f->db, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM mark_change"), ==, 2);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM mark_change WHERE old_code_id = 1 "
                                     "AND new_code_id = 24 AND session_index = 14"), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM audit_log"), ==, audits + 1);
  reg = cl_register_load (f->db, 1, 1, 2025, &error);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-08", TRUE), ==, NO_REASON);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-10", FALSE), ==, PRESENT_AM);
  g_assert_cmpint (cl_register_get_n_marks (reg), ==,
                   cl_session_index (2025, "2026-07-20", TRUE) + 1);

  /* A bad mark anywhere rejects the whole batch. */
  g_clear_object (&update);
  update = cl_register_new (2, 1, 2025);
  cl_register_set_mark_on (update, "2025-09-08", FALSE, ILL);
  g_ptr_array_set_size (batch, 0);
  g_ptr_array_add (batch, g_object_ref (update));
  g_ptr_array_add (batch, cl_register_new (3, 2, 2025));
  cl_register_set_mark_on (g_ptr_array_index (batch, 1), "2025-09-08", FALSE, 64 /* 2006 "/" */);
  g_assert_false (cl_register_store_many (f->db, batch, &error));
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_CODE_NOT_VALID);
  g_assert_nonnull (strstr (error->message, "2025-09-08 AM"));
  g_clear_error (&error);
  g_clear_object (&reg);
  reg = cl_register_load (f->db, 2, 1, 2025, &error);
  g_assert_cmpuint (cl_register_get_mark (reg, "2025-09-08", FALSE), ==, PRESENT_AM);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM register"), ==, 2);

  loaded = cl_register_load_for_pupil (f->db, 1, &error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = cl_register_load_for_school (f->db, 1, 2025, &error);
  g_assert_cmpuint (loaded->len, ==, 2);
}

/* --- statistics ------------------------------------------------------------ */

static void
store_one (Fixture    *f,
           ClRegister *reg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();

  g_ptr_array_add (batch, reg);
  g_assert_true (cl_register_store_many (f->db, batch, &error));
  g_assert_no_error (error);
}

static void
test_stats_exact (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRegister) reg = full_year_register (1, 1);
  ClAttendanceSummary s;

  /* 10 Monday mornings and 9 Friday afternoons unauthorised: 19 of 380. */
  g_assert_cmpuint (mark_weekday_sessions (reg, 0, FALSE, 10, UNAUTH_O), ==, 10);
  g_assert_cmpuint (mark_weekday_sessions (reg, 4, TRUE, 9, HOLIDAY_G), ==, 9);
  g_assert_true (cl_attendance_summary_for_register (reg, f->codes, NULL, NULL, &s, &error));
  g_assert_cmpuint (s.possible, ==, 380);
  g_assert_cmpuint (s.present, ==, 361);
  g_assert_cmpuint (s.unauthorised, ==, 19);
  g_assert_cmpuint (s.authorised, ==, 0);
  g_assert_cmpuint (s.not_counted, ==, 10);    /* five INSET days */
  g_assert_cmpfloat_with_epsilon (s.attendance_percent, 95.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.absence_percent, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.unauthorised_percent, 5.0, 1e-9);
  g_assert_false (s.persistent);
  g_assert_false (s.severe);
  g_assert_cmpuint (s.absence_by_weekday[0], ==, 10);
  g_assert_cmpuint (s.absence_by_weekday[4], ==, 9);
  g_assert_cmpuint (s.absence_by_weekday[2], ==, 0);
  g_assert_cmpuint (s.absence_am, ==, 10);
  g_assert_cmpuint (s.absence_pm, ==, 9);
  g_assert_cmpuint (s.possible_am, ==, 190);
  g_assert_cmpuint (s.possible_by_weekday[0] + s.possible_by_weekday[1] + s.possible_by_weekday[2]
                    + s.possible_by_weekday[3] + s.possible_by_weekday[4], ==, 380);

  /* 19 more authorised: exactly 38 of 380 = 10 % → persistent. One fewer is not. */
  g_assert_cmpuint (mark_weekday_sessions (reg, 2, FALSE, 18, ILL), ==, 18);
  g_assert_true (cl_attendance_summary_for_register (reg, f->codes, NULL, NULL, &s, &error));
  g_assert_cmpuint (s.authorised + s.unauthorised, ==, 37);
  g_assert_false (s.persistent);
  g_assert_cmpuint (mark_weekday_sessions (reg, 2, FALSE, 1, ILL), ==, 1);
  g_assert_true (cl_attendance_summary_for_register (reg, f->codes, NULL, NULL, &s, &error));
  g_assert_cmpuint (s.authorised, ==, 19);
  g_assert_cmpfloat_with_epsilon (s.absence_percent, 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.attendance_percent, 90.0, 1e-9);
  g_assert_true (s.persistent);
  g_assert_false (s.severe);

  /* Lates: L is present, U is unauthorised absence; both are late. AEA counts
   * as attendance; D is not counted at all. */
  g_assert_cmpuint (mark_weekday_sessions (reg, 1, FALSE, 3, LATE), ==, 3);
  g_assert_cmpuint (mark_weekday_sessions (reg, 3, FALSE, 2, LATE_U), ==, 2);
  g_assert_cmpuint (mark_weekday_sessions (reg, 3, TRUE, 2, VISIT), ==, 2);
  g_assert_cmpuint (mark_weekday_sessions (reg, 1, TRUE, 4, DUAL), ==, 4);
  g_assert_true (cl_attendance_summary_for_register (reg, f->codes, NULL, NULL, &s, &error));
  g_assert_cmpuint (s.possible, ==, 376);
  g_assert_cmpuint (s.present, ==, 380 - 19 - 19 - 2 - 2 - 4);
  g_assert_cmpuint (s.late, ==, 5);
  g_assert_cmpuint (s.unauthorised, ==, 21);
  g_assert_cmpuint (s.approved_activity, ==, 2);
  g_assert_cmpuint (s.present + s.approved_activity + s.authorised + s.unauthorised, ==,
                    s.possible);
  g_assert_cmpuint (s.not_counted, ==, 14);

  /* The same figures from the database, and over a date range. */
  store_one (f, reg);
  {
    ClAttendanceSummary p, sept;

    g_assert_true (cl_attendance_summary_for_pupil (f->db, 1, NULL, NULL, &p, &error));
    g_assert_cmpuint (p.possible, ==, s.possible);
    g_assert_cmpuint (p.present, ==, s.present);
    g_assert_cmpuint (p.authorised, ==, s.authorised);
    g_assert_cmpuint (p.unauthorised, ==, s.unauthorised);
    g_assert_cmpuint (p.late, ==, s.late);
    g_assert_cmpuint (p.absence_pm, ==, s.absence_pm);
    g_assert_cmpfloat (p.attendance_percent, ==, s.attendance_percent);
    g_assert_true (p.persistent);
    g_assert_cmpuint (p.pupils, ==, 1);
    g_assert_cmpuint (p.persistent_count, ==, 1);
    /* 20 days from Wed 3 Sept, less the 4 Tuesday afternoons coded D. */
    g_assert_true (cl_attendance_summary_for_pupil (f->db, 1, "2025-09-01", "2025-09-30", &sept,
                                                    &error));
    g_assert_cmpuint (sept.possible, ==, 36);
    g_assert_true (cl_attendance_summary_for_pupil (f->db, 1, "2025-09-04", "2025-09-04", &sept,
                                                    &error));
    g_assert_cmpuint (sept.possible, ==, 2);
    g_assert_true (cl_attendance_summary_for_pupil (f->db, 1, "2024-09-01", "2025-08-31", &sept,
                                                    &error));
    g_assert_cmpuint (sept.possible, ==, 0);
    g_assert_cmpfloat (sept.attendance_percent, ==, 0.0);
    g_assert_false (sept.persistent);
    g_assert_false (cl_attendance_summary_for_pupil (f->db, 1, "2025-13-01", NULL, &sept, &error));
    g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE);
  }
}

static void
test_stats_school_and_groups (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRegister) a = full_year_register (1, 1);     /* 95 % */
  g_autoptr(ClRegister) b = full_year_register (2, 1);     /* 90 %: persistent */
  g_autoptr(ClRegister) c = full_year_register (3, 1);     /* 40 %: severe */
  g_autoptr(ClRegister) d = full_year_register (3, 2);     /* pupil 3 also at school 2 */
  g_autoptr(ClRegister) c_old = cl_register_new (3, 1, 2024);
  g_autoptr(GPtrArray) by_year = NULL;
  g_autoptr(GPtrArray) by_flag = NULL;
  g_autoptr(GArray) all = NULL;
  ClAttendanceSummary s;

  g_assert_cmpuint (mark_weekday_sessions (a, 0, FALSE, 19, UNAUTH_O), ==, 19);
  g_assert_cmpuint (mark_weekday_sessions (b, 0, FALSE, 19, ILL), ==, 19);
  g_assert_cmpuint (mark_weekday_sessions (b, 1, FALSE, 19, ILL), ==, 19);
  /* Pupil 3 stops coming after Christmas: 146 of 380 sessions attended. */
  for (int i = cl_session_index (2025, "2026-01-01", FALSE); i < 730; i++)
    {
      guint8 m = cl_register_get_mark_at (c, i);
      if (m == PRESENT_AM || m == PRESENT_PM)
        cl_register_set_mark_at (c, i, UNAUTH_O);
    }
  cl_register_fill (c_old, "2025-06-02", "2025-06-06", UNAUTH_O, UNAUTH_O, TRUE);
  store_one (f, a);
  store_one (f, b);
  store_one (f, c);
  store_one (f, d);
  store_one (f, c_old);

  g_assert_true (cl_attendance_summary_for_register (c, f->codes, NULL, NULL, &s, &error));
  g_assert_true (s.severe);

  g_assert_true (cl_attendance_summary_for_school (f->db, 1, "2025-09-01", "2026-08-31", &s,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.pupils, ==, 3);
  g_assert_cmpuint (s.persistent_count, ==, 2);
  g_assert_cmpuint (s.severe_count, ==, 1);
  g_assert_cmpuint (s.possible, ==, 380 + 380 + 380);

  /* The whole authority: four enrolments (pupil 3 counts at both schools). */
  g_assert_true (cl_attendance_summary_for_school (f->db, 0, "2025-09-01", "2026-08-31", &s,
                                                   &error));
  g_assert_cmpuint (s.pupils, ==, 4);
  g_assert_cmpuint (s.persistent_count, ==, 2);

  /* A range spanning two years joins pupil 3's rows at school 1 into one enrolment. */
  g_assert_true (cl_attendance_summary_for_school (f->db, 1, NULL, NULL, &s, &error));
  g_assert_cmpuint (s.pupils, ==, 3);
  g_assert_cmpuint (s.possible, ==, 380 * 3 + 10);

  /* NC years for 2025/26: pupil 1 (born Oct 2015, Reception in 2020/21) and
   * pupil 2 (Mar 2016) are in Year 5, pupil 3 (Nov 2012) in Year 8; pupil 3's
   * 2024/25 row is Year 7. */
  by_year = cl_attendance_summary_by_nc_year (f->db, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_year->len, ==, 3);
  {
    ClAttendanceGroup *g5 = g_ptr_array_index (by_year, 0);
    ClAttendanceGroup *g7 = g_ptr_array_index (by_year, 1);
    ClAttendanceGroup *g8 = g_ptr_array_index (by_year, 2);

    g_assert_cmpint (g5->nc_year, ==, 5);
    g_assert_cmpstr (g5->key, ==, "nc:5");
    g_assert_cmpstr (g5->label, ==, "Year 5");
    g_assert_cmpuint (g5->summary.pupils, ==, 2);
    g_assert_cmpuint (g5->summary.persistent_count, ==, 1);
    g_assert_cmpint (g7->nc_year, ==, 7);
    g_assert_cmpuint (g7->summary.possible, ==, 10);
    g_assert_cmpuint (g7->summary.severe_count, ==, 1);
    g_assert_cmpint (g8->nc_year, ==, 8);
    g_assert_cmpuint (g8->summary.severe_count, ==, 1);
    g_assert_cmpuint (g8->summary.present, ==, 146);
  }

  by_flag = cl_attendance_summary_by_flag (f->db, 1, "2025-09-01", "2026-08-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_flag->len, ==, 6);
  {
    ClAttendanceGroup *all_g = g_ptr_array_index (by_flag, 0);
    ClAttendanceGroup *fsm = g_ptr_array_index (by_flag, 1);
    ClAttendanceGroup *not_fsm = g_ptr_array_index (by_flag, 2);
    ClAttendanceGroup *sen = g_ptr_array_index (by_flag, 3);
    ClAttendanceGroup *lac = g_ptr_array_index (by_flag, 5);

    g_assert_cmpstr (all_g->key, ==, "all");
    g_assert_cmpuint (all_g->summary.pupils, ==, 3);
    g_assert_cmpstr (fsm->key, ==, "fsm");
    g_assert_cmpuint (fsm->summary.pupils, ==, 2);          /* pupils 1 and 3 */
    g_assert_cmpuint (fsm->summary.severe_count, ==, 1);
    g_assert_cmpuint (not_fsm->summary.pupils, ==, 1);
    g_assert_cmpuint (sen->summary.pupils, ==, 2);          /* 2 (EHCP), 3 (SEN support) */
    g_assert_cmpstr (lac->key, ==, "looked_after");
    g_assert_cmpuint (lac->summary.pupils, ==, 1);
  }

  all = cl_attendance_summary_all_pupils (f->db, 0, "2025-09-01", "2026-08-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (g_array_index (all, ClPupilAttendance, 0).pupil_id, ==, 1);
  g_assert_cmpfloat_with_epsilon (
    g_array_index (all, ClPupilAttendance, 0).summary.attendance_percent, 95.0, 1e-9);
  g_assert_true (g_array_index (all, ClPupilAttendance, 1).summary.persistent);
  g_assert_cmpuint (g_array_index (all, ClPupilAttendance, 2).summary.possible, ==, 760);

  /* Soft-deleted pupils drop out of aggregates. */
  exec_sql (f->db, "UPDATE pupil SET deleted_at = 'x' WHERE id = 3");
  g_assert_true (cl_attendance_summary_for_school (f->db, 1, NULL, NULL, &s, &error));
  g_assert_cmpuint (s.pupils, ==, 2);
}

/* --- demo -------------------------------------------------------------------- */

static void
add_many_pupils (ClDatabase *db,
                 int         n,
                 int         n_schools)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  g_assert_true (cl_database_begin (db, &error));
  for (int s = 0; s < n_schools; s++)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO school (id, urn, la_code, estab, name, type, phase, country, "
                         "created_at, updated_at) VALUES (%d, %d, 802, %d, 'School %d', 'academy', "
                         "'secondary', '%s', 'x', 'x')",
                         100 + s, 200000 + s, 5000 + s, s, s % 10 == 9 ? "wales" : "england");
      exec_sql (db, sql);
    }
  for (int i = 0; i < n; i++)
    {
      sqlite3_stmt *stmt =
        cl_database_prepare (db,
                             "INSERT INTO pupil (id, upn, legal_forename, legal_surname, dob, sex, "
                             "fsm, created_at, updated_at) "
                             "VALUES (?, ?, 'A', 'B', ?, 'F', ?, 'x', 'x')",
                             &error);
      char upn[14];
      char dob[11];

      g_snprintf (upn, sizeof upn, "Z802%09d", i);
      g_snprintf (dob, sizeof dob, "%04d-%02d-15", 2009 + g_rand_int_range (rand, 0, 12),
                  g_rand_int_range (rand, 1, 13));
      sqlite3_bind_int (stmt, 1, 1000 + i);
      sqlite3_bind_text (stmt, 2, upn, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, dob, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, g_rand_int_range (rand, 0, 4) == 0);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);

      stmt = cl_database_prepare (db,
                                  "INSERT INTO enrolment (pupil_id, school_id, start_date) "
                                  "VALUES (?, ?, '2019-09-01')",
                                  &error);
      sqlite3_bind_int (stmt, 1, 1000 + i);
      sqlite3_bind_int (stmt, 2, 100 + i % n_schools);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  g_assert_true (cl_database_commit (db, &error));
}

static char *
register_digest (ClDatabase *db)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = cl_database_prepare (db, "SELECT pupil_id, school_id, academic_year, marks "
                                                "FROM register ORDER BY 1, 2, 3", NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_checksum_update (sum, sqlite3_column_text (stmt, 0), -1);
      g_checksum_update (sum, sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
    }
  sqlite3_reset (stmt);
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_demo_fill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open_memory (&error);
  g_autoptr(ClDatabase) db2 = cl_database_open_memory (&error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  g_autoptr(GRand) rand2 = g_rand_new_with_seed (2025);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(ClCodeTable) codes = NULL;
  g_autoptr(GPtrArray) registers = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *digest2 = NULL;
  guint persistent = 0, severe = 0, regular = 0, n_mon_fri_heavy = 0, open_sessions;
  gboolean rules_seen[4] = { FALSE, };
  ClAttendanceSummary s;
  const int n = 1000;

  add_many_pupils (db, n, 10);
  g_assert_true (cl_attendance_demo_fill (db, rand, 2025, "2026-03-20", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM register"), ==, n);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT school_id) FROM school_calendar "
                                  "WHERE academic_year = 2025"), ==, 10);

  all = cl_attendance_summary_all_pupils (db, 0, NULL, NULL, &error);
  g_assert_cmpuint (all->len, ==, (guint) n);
  {
    g_autoptr(ClCalendar) cal = cl_calendar_new_standard_england (0, 2025);
    open_sessions = 2 * cl_calendar_count_open_days (cal, NULL, "2026-03-20");
    g_assert_cmpuint (open_sessions, ==, 244);
  }
  for (guint i = 0; i < all->len; i++)
    {
      ClAttendanceSummary *p = &g_array_index (all, ClPupilAttendance, i).summary;

      /* Every pupil has a mark for every session the school was open. */
      g_assert_cmpuint (p->possible, ==, open_sessions);
      persistent += p->persistent;
      severe += p->severe;
      regular += p->attendance_percent >= 93.0 && p->attendance_percent <= 98.6;
      if (p->absence_by_weekday[0] + p->absence_by_weekday[4] > 20
          && p->absence_by_weekday[2] * 3 < p->absence_by_weekday[0])
        n_mon_fri_heavy++;
    }
  g_test_message ("demo: %u persistent, %u severe, %u at 93–98.5 %%, %u Monday/Friday",
                  persistent, severe, regular, n_mon_fri_heavy);
  g_assert_cmpuint (persistent, >=, n * 10 / 100);
  g_assert_cmpuint (persistent, <=, n * 22 / 100);
  g_assert_cmpuint (severe, >=, n * 1 / 100);
  g_assert_cmpuint (severe, <=, n * 4 / 100);
  g_assert_cmpuint (regular, >=, n * 65 / 100);
  g_assert_cmpuint (n_mon_fri_heavy, >, 0);

  g_assert_true (cl_attendance_summary_for_school (db, 0, NULL, NULL, &s, &error));
  g_assert_cmpuint (s.pupils, ==, (guint) n);
  g_assert_cmpuint (s.persistent_count, ==, persistent);
  g_assert_cmpuint (s.late, >, 0);
  g_assert_cmpuint (s.approved_activity, >, 0);

  /* No counted mark on a day the stored calendar closes. */
  codes = cl_code_table_load (db, &error);
  registers = cl_register_load_for_school (db, 100, 2025, &error);
  {
    g_autoptr(ClCalendar) cal = cl_calendar_load (db, 100, 2025, &error);
    guint32 first = cl_academic_year_first_julian (2025);

    g_assert_false (cl_calendar_is_empty (cal));
    for (guint r = 0; r < registers->len; r++)
      {
        gsize len;
        const guint8 *marks = cl_register_get_marks (g_ptr_array_index (registers, r), &len);

        g_assert_cmpuint (len, ==, 2 * 201);   /* up to 20 March */
        for (gsize i = 0; i < len; i++)
          {
            ClAttendanceCode *code = cl_code_table_get (codes, marks[i]);
            if (code != NULL && cl_attendance_code_get_counts_possible (code))
              g_assert_cmpint (cl_calendar_get_day_julian (cal, first + (guint32) (i / 2)), ==,
                               CL_CALENDAR_DAY_OPEN);
          }
      }
  }

  /* Welsh schools got Welsh codes. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM register WHERE school_id = 109 "
                                  "AND instr(marks, x'80') > 0"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM register WHERE school_id = 109 "
                                  "AND instr(marks, x'01') > 0"), ==, 0);

  /* Every rule fires for somebody. */
  hits = cl_rules_alerts (db, "2026-03-20", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      const char *id = cl_rule_hit_get_rule_id (g_ptr_array_index (hits, i));
      rules_seen[0] |= g_str_equal (id, CL_RULE_CONTINUOUS_10_DAYS);
      rules_seen[1] |= g_str_equal (id, CL_RULE_PENALTY_THRESHOLD);
      rules_seen[2] |= g_str_equal (id, CL_RULE_UNRESOLVED_N);
      rules_seen[3] |= g_str_equal (id, CL_RULE_ILLNESS_15_DAYS);
    }
  g_test_message ("demo: %u rule hits", hits->len);
  g_assert_true (rules_seen[0] && rules_seen[1] && rules_seen[2] && rules_seen[3]);

  /* Deterministic, and re-running replaces rather than adds. */
  add_many_pupils (db2, n, 10);
  g_assert_true (cl_attendance_demo_fill (db2, rand2, 2025, "2026-03-20", &error));
  digest = register_digest (db);
  digest2 = register_digest (db2);
  g_assert_cmpstr (digest, ==, digest2);
  g_assert_true (cl_attendance_demo_fill (db, rand, 2025, "2026-03-20", &error));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM register"), ==, n);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM mark_change"), ==, 0);
  g_assert_true (cl_database_check (db, &error));
  g_assert_no_error (error);

  g_assert_false (cl_attendance_demo_fill (db, rand, 2025, "2025-08-01", &error));
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_OUT_OF_RANGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/attendance/codes/seeded", test_codes_seeded);
  ADD ("/attendance/codes/set-category", test_codes_set_category);
  g_test_add_func ("/attendance/dates", test_dates);
  ADD ("/attendance/calendar/standard", test_calendar_standard);
  ADD ("/attendance/calendar/remove", test_calendar_remove);
  g_test_add_func ("/attendance/register/memory", test_register_memory);
  ADD ("/attendance/register/set-mark", test_register_set_mark);
  ADD ("/attendance/register/set-mark-rollback", test_register_set_mark_rollback);
  ADD ("/attendance/register/store-many", test_register_store_many);
  ADD ("/attendance/stats/exact", test_stats_exact);
  ADD ("/attendance/stats/school-and-groups", test_stats_school_and_groups);
  g_test_add_func ("/attendance/demo/fill", test_demo_fill);
#undef ADD

  return g_test_run ();
}
