/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-demo.h"
#include "attendance/cl-attendance-error.h"
#include "attendance/cl-attendance-stats.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-register-repository.h"
#include "attendance/cl-register.h"
#include "attendance/cl-rules.h"
#include "store/cl-database.h"

/* England 2024 ids. */
enum {
  PRESENT_AM = 1,
  PRESENT_PM = 2,
  AUTH_M = 11,
  ILL = 18,
  HOLIDAY_G = 22,
  LATE_U = 23,
  NO_REASON = 24,
  UNAUTH_O = 25,
  CLOSED = 34,
};
/* England 2006 ids, for 2023/24 registers. */
enum {
  OLD_PRESENT_AM = 64,
  OLD_PRESENT_PM = 65,
  OLD_HOLIDAY_G = 72,
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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = cl_database_open_memory (&error);
  g_assert_no_error (error);
  exec_sql (f->db,
            "INSERT INTO school (id, urn, la_code, estab, name, type, phase, created_at, "
            "updated_at) VALUES "
            "(1, 100001, 801, 2001, 'Hillside Primary', 'la_maintained', 'primary', 'x', 'x'),"
            "(2, 100002, 801, 4001, 'Valley Academy', 'academy', 'secondary', 'x', 'x');"
            "INSERT INTO pupil (id, upn, legal_forename, legal_surname, dob, sex, created_at, "
            "updated_at) VALUES "
            "(1, 'A801200001001', 'Amy', 'Hill', '2015-10-10', 'F', 'x', 'x'),"
            "(2, 'A801200001002', 'Ben', 'Hill', '2016-03-01', 'M', 'x', 'x'),"
            "(3, 'A801200001003', 'Cai', 'Jones', '2012-11-20', 'M', 'x', 'x');");
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

/* Marks weekdays from..to present, except in the given closed ranges
 * (pairs of dates, NULL-terminated), which get no mark. */
static void
fill_present (ClRegister *reg,
              const char *from,
              const char *to,
              guint8      am,
              guint8      pm,
              ...)
{
  va_list args;
  const char *a;

  cl_register_fill (reg, from, to, am, pm, TRUE);
  va_start (args, pm);
  while ((a = va_arg (args, const char *)) != NULL)
    {
      const char *b = va_arg (args, const char *);
      cl_register_fill (reg, a, b, 0, 0, FALSE);
    }
  va_end (args);
}

static void
set (ClRegister *reg,
     const char *date,
     gboolean    pm,
     guint8      code)
{
  g_assert_true (cl_register_set_mark_on (reg, date, pm, code));
}

static GPtrArray *
evaluate (Fixture    *f,
          const char *on_date,
          ClRegister *first,
          ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) registers = g_ptr_array_new ();
  GPtrArray *hits;
  va_list args;
  ClRegister *reg;

  g_ptr_array_add (registers, first);
  va_start (args, first);
  while ((reg = va_arg (args, ClRegister *)) != NULL)
    g_ptr_array_add (registers, reg);
  va_end (args);

  hits = cl_rules_evaluate_registers (f->codes, registers, on_date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static ClRuleHit *
find_hit (GPtrArray  *hits,
          const char *rule_id)
{
  for (guint i = 0; i < hits->len; i++)
    if (g_str_equal (cl_rule_hit_get_rule_id (g_ptr_array_index (hits, i)), rule_id))
      return g_ptr_array_index (hits, i);
  return NULL;
}

/* Autumn 2025: INSET Mon 1 and Tue 2 Sept, pupils from Wed 3 Sept, half term
 * 27–31 October, term ends Fri 19 December. */
static ClRegister *
autumn_2025 (gint64 pupil_id,
             gint64 school_id)
{
  ClRegister *reg = cl_register_new (pupil_id, school_id, 2025);

  fill_present (reg, "2025-09-03", "2025-12-19", PRESENT_AM, PRESENT_PM,
                "2025-10-27", "2025-10-31", NULL);
  cl_register_fill (reg, "2025-09-01", "2025-09-02", CLOSED, CLOSED, TRUE);
  return reg;
}

/* --- penalty threshold ------------------------------------------------------- */

static void
test_penalty_threshold (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ClRegister) reg = autumn_2025 (1, 1);
  g_autoptr(GPtrArray) hits = NULL;
  const char *nine[] = {
    "2025-09-15", "2025-09-22", "2025-10-06", "2025-10-13", "2025-10-20",
    "2025-11-03", "2025-11-10", "2025-11-17", "2025-11-18",
  };
  ClRuleHit *hit;

  for (guint i = 0; i < G_N_ELEMENTS (nine); i++)
    set (reg, nine[i], i % 2 == 1,
         i < 4 ? HOLIDAY_G : i < 6 ? UNAUTH_O : i < 8 ? NO_REASON : LATE_U);
  /* Unauthorised but not a penalty code, and authorised absence: neither counts. */
  set (reg, "2025-11-19", FALSE, ILL);
  hits = evaluate (f, "2025-11-21", reg, NULL);
  g_assert_null (find_hit (hits, CL_RULE_PENALTY_THRESHOLD));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The tenth. */
  set (reg, "2025-11-20", TRUE, HOLIDAY_G);
  hits = evaluate (f, "2025-11-21", reg, NULL);
  hit = find_hit (hits, CL_RULE_PENALTY_THRESHOLD);
  g_assert_nonnull (hit);
  g_assert_cmpuint (cl_rule_hit_get_sessions (hit), ==, 10);
  g_assert_cmpint (cl_rule_hit_get_pupil_id (hit), ==, 1);
  g_assert_cmpint (cl_rule_hit_get_school_id (hit), ==, 1);
  g_assert_cmpstr (cl_rule_hit_get_since (hit), ==, "2025-09-15");
  g_assert_cmpstr (cl_rule_hit_get_window_end (hit), ==, "2025-11-21");
  g_assert_cmpuint (g_strv_length ((GStrv) cl_rule_hit_get_session_labels (hit)), ==, 10);
  g_assert_cmpstr (cl_rule_hit_get_session_labels (hit)[0], ==, "2025-09-15 AM");
  g_assert_cmpstr (cl_rule_hit_get_session_labels (hit)[9], ==, "2025-11-20 PM");
  g_assert_cmpuint (g_strv_length ((GStrv) cl_rule_hit_get_dates (hit)), ==, 10);
  g_assert_nonnull (strstr (cl_rule_hit_get_description (hit), "10 sessions"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* As on a date before the tenth, it was not met. */
  hits = evaluate (f, "2025-11-20", reg, NULL);
  g_assert_cmpuint (cl_rule_hit_get_sessions (find_hit (hits, CL_RULE_PENALTY_THRESHOLD)), ==, 10);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = evaluate (f, "2025-11-19", reg, NULL);
  g_assert_null (find_hit (hits, CL_RULE_PENALTY_THRESHOLD));
}

static void
test_penalty_half_term (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ClRegister) reg = autumn_2025 (1, 1);
  g_autoptr(GPtrArray) hits = NULL;
  ClRuleHit *hit;

  /* On Fri 21 Nov the ten school weeks are w/c 17, 10, 3 Nov, then (skipping
   * half term) 20, 13, 6 Oct, 29, 22, 15 and 8 Sept: the window opens on
   * Mon 8 Sept, not 15 Sept. */
  set (reg, "2025-09-05", FALSE, HOLIDAY_G);       /* before the window */
  set (reg, "2025-09-08", FALSE, HOLIDAY_G);
  set (reg, "2025-09-08", TRUE, HOLIDAY_G);
  cl_register_fill (reg, "2025-10-20", "2025-10-24", HOLIDAY_G, HOLIDAY_G, TRUE);
  g_assert_cmpuint (cl_register_fill (reg, "2025-11-03", "2025-11-03", UNAUTH_O, PRESENT_PM, TRUE),
                    ==, 2);
  set (reg, "2025-11-20", TRUE, NO_REASON);

  hits = evaluate (f, "2025-11-21", reg, NULL);
  hit = find_hit (hits, CL_RULE_PENALTY_THRESHOLD);
  g_assert_nonnull (hit);
  g_assert_cmpstr (cl_rule_hit_get_window_start (hit), ==, "2025-09-08");
  g_assert_cmpstr (cl_rule_hit_get_since (hit), ==, "2025-09-08");
  g_assert_cmpuint (cl_rule_hit_get_sessions (hit), ==, 2 + 10 + 1 + 1);
  g_assert_cmpstr (cl_rule_hit_get_dates (hit)[0], ==, "2025-09-08");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A week later the window has moved past 8 Sept. */
  hits = evaluate (f, "2025-11-28", reg, NULL);
  hit = find_hit (hits, CL_RULE_PENALTY_THRESHOLD);
  g_assert_nonnull (hit);
  g_assert_cmpstr (cl_rule_hit_get_window_start (hit), ==, "2025-09-15");
  g_assert_cmpuint (cl_rule_hit_get_sessions (hit), ==, 12);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* In the half-term week itself, that week is not a school week. */
  hits = evaluate (f, "2025-10-29", reg, NULL);
  hit = find_hit (hits, CL_RULE_PENALTY_THRESHOLD);
  g_assert_nonnull (hit);
  g_assert_cmpstr (cl_rule_hit_get_window_start (hit), ==, "2025-09-01");
  g_assert_cmpuint (cl_rule_hit_get_sessions (hit), ==, 13);
}

static void
test_penalty_academic_years (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRegister) summer = cl_register_new (1, 1, 2023);   /* 2006 codes */
  g_autoptr(ClRegister) autumn = cl_register_new (1, 2, 2024);   /* 2024 codes, new school */
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  ClRuleHit *hit;

  /* 2023/24 summer term to Fri 19 July 2024; 2024/25 from Wed 4 Sept 2024. */
  fill_present (summer, "2024-04-15", "2024-07-19", OLD_PRESENT_AM, OLD_PRESENT_PM,
                "2024-05-06", "2024-05-06", "2024-05-27", "2024-05-31", NULL);
  fill_present (autumn, "2024-09-04", "2024-10-25", PRESENT_AM, PRESENT_PM, NULL);

  /* On Fri 27 Sept 2024: w/c 23, 16, 9, 2 Sept, then across the summer and
   * 31 Aug / 1 Sept: 15, 8, 1 July, 24, 17, 10 June. */
  set (summer, "2024-06-07", FALSE, OLD_HOLIDAY_G);                  /* outside */
  cl_register_fill (summer, "2024-07-15", "2024-07-17", OLD_HOLIDAY_G, OLD_HOLIDAY_G, TRUE);
  set (autumn, "2024-09-09", FALSE, HOLIDAY_G);
  set (autumn, "2024-09-10", FALSE, UNAUTH_O);
  set (autumn, "2024-09-23", FALSE, LATE_U);

  hits = evaluate (f, "2024-09-27", summer, autumn, NULL);
  g_assert_null (find_hit (hits, CL_RULE_PENALTY_THRESHOLD));
  g_clear_pointer (&hits, g_ptr_array_unref);

  set (autumn, "2024-09-24", TRUE, HOLIDAY_G);
  hits = evaluate (f, "2024-09-27", summer, autumn, NULL);
  hit = find_hit (hits, CL_RULE_PENALTY_THRESHOLD);
  g_assert_nonnull (hit);
  g_assert_cmpuint (cl_rule_hit_get_sessions (hit), ==, 10);
  g_assert_cmpstr (cl_rule_hit_get_window_start (hit), ==, "2024-06-10");
  g_assert_cmpstr (cl_rule_hit_get_since (hit), ==, "2024-07-15");
  g_assert_cmpint (cl_rule_hit_get_school_id (hit), ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The same from the database, one pupil and all pupils. */
  g_ptr_array_add (batch, summer);
  g_ptr_array_add (batch, autumn);
  g_assert_true (cl_register_store_many (f->db, batch, &error));
  g_assert_no_error (error);
  hits = cl_rules_evaluate_pupil (f->db, 1, "2024-09-27", &error);
  g_assert_no_error (error);
  hit = find_hit (hits, CL_RULE_PENALTY_THRESHOLD);
  g_assert_nonnull (hit);
  g_assert_cmpstr (cl_rule_hit_get_window_start (hit), ==, "2024-06-10");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cl_rules_alerts (f->db, "2024-09-27", 0, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cl_rules_alerts (f->db, "2024-09-27", 2, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cl_rules_alerts (f->db, "2024-09-27", 1, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = cl_rules_alerts (f->db, "2024-09-31", 0, &error);
  g_assert_null (hits);
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE);
}

/* --- continuous absence ------------------------------------------------------ */

static void
test_continuous_10_days (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ClRegister) reg = cl_register_new (2, 1, 2025);
  g_autoptr(GPtrArray) hits = NULL;
  ClRuleHit *hit;
  const char *const *dates;

  /* Summer term 2026; Mon 4 May is a bank holiday marked "#". */
  fill_present (reg, "2026-04-13", "2026-05-22", PRESENT_AM, PRESENT_PM, NULL);
  cl_register_fill (reg, "2026-05-04", "2026-05-04", CLOSED, CLOSED, TRUE);
  /* Wed 29 April to Wed 13 May: ten school days across two weekends and the
   * bank holiday, all unauthorised (O, some G, one N). */
  cl_register_fill (reg, "2026-04-29", "2026-05-01", UNAUTH_O, UNAUTH_O, TRUE);
  cl_register_fill (reg, "2026-05-05", "2026-05-08", HOLIDAY_G, HOLIDAY_G, TRUE);
  cl_register_fill (reg, "2026-05-11", "2026-05-13", UNAUTH_O, NO_REASON, TRUE);

  hits = evaluate (f, "2026-05-12", reg, NULL);
  g_assert_null (find_hit (hits, CL_RULE_CONTINUOUS_10_DAYS));
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = evaluate (f, "2026-05-13", reg, NULL);
  hit = find_hit (hits, CL_RULE_CONTINUOUS_10_DAYS);
  g_assert_nonnull (hit);
  g_assert_cmpstr (cl_rule_hit_get_since (hit), ==, "2026-04-29");
  g_assert_cmpstr (cl_rule_hit_get_window_end (hit), ==, "2026-05-13");
  g_assert_cmpuint (cl_rule_hit_get_sessions (hit), ==, 20);
  dates = cl_rule_hit_get_dates (hit);
  g_assert_cmpuint (g_strv_length ((GStrv) dates), ==, 10);
  g_assert_cmpstr (dates[3], ==, "2026-05-05");
  g_assert_false (g_strv_contains (dates, "2026-05-04"));
  g_assert_false (g_strv_contains (dates, "2026-05-02"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Unmarked days after the run (the register is not filled yet) do not end it. */
  cl_register_fill (reg, "2026-05-14", "2026-05-22", 0, 0, FALSE);
  hits = evaluate (f, "2026-05-20", reg, NULL);
  g_assert_nonnull (find_hit (hits, CL_RULE_CONTINUOUS_10_DAYS));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* One authorised session breaks the run: only 5 days after it. */
  set (reg, "2026-05-06", TRUE, AUTH_M);
  hits = evaluate (f, "2026-05-13", reg, NULL);
  g_assert_null (find_hit (hits, CL_RULE_CONTINUOUS_10_DAYS));
}

/* --- unresolved N ---------------------------------------------------------- */

static void
test_unresolved_n (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ClRegister) reg = autumn_2025 (3, 2);
  g_autoptr(GPtrArray) hits = NULL;
  ClRuleHit *hit;

  set (reg, "2025-09-08", FALSE, NO_REASON);        /* Monday */
  set (reg, "2025-09-15", TRUE, NO_REASON);         /* the next Monday: recent */

  /* Five school days later (9, 10, 11, 12, 15 Sept) it may still be N. */
  hits = evaluate (f, "2025-09-15", reg, NULL);
  g_assert_null (find_hit (hits, CL_RULE_UNRESOLVED_N));
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = evaluate (f, "2025-09-16", reg, NULL);
  hit = find_hit (hits, CL_RULE_UNRESOLVED_N);
  g_assert_nonnull (hit);
  g_assert_cmpstr (cl_rule_hit_get_since (hit), ==, "2025-09-08");
  g_assert_cmpuint (cl_rule_hit_get_sessions (hit), ==, 1);
  g_assert_cmpstr (cl_rule_hit_get_session_labels (hit)[0], ==, "2025-09-08 AM");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* School days are the pupil's marked days: over half term, N from Fri 24 Oct
   * is not overdue until Mon 10 Nov's register... */
  set (reg, "2025-10-24", FALSE, NO_REASON);
  set (reg, "2025-09-08", FALSE, ILL);
  set (reg, "2025-09-15", TRUE, ILL);
  hits = evaluate (f, "2025-11-07", reg, NULL);
  g_assert_null (find_hit (hits, CL_RULE_UNRESOLVED_N));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = evaluate (f, "2025-11-10", reg, NULL);
  g_assert_nonnull (find_hit (hits, CL_RULE_UNRESOLVED_N));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* ... and once resolved it is gone. */
  set (reg, "2025-10-24", FALSE, ILL);
  hits = evaluate (f, "2025-11-10", reg, NULL);
  g_assert_null (find_hit (hits, CL_RULE_UNRESOLVED_N));
}

/* --- illness ----------------------------------------------------------------- */

static void
test_illness_15_days (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ClRegister) reg = autumn_2025 (1, 1);
  g_autoptr(ClRegister) last_year = cl_register_new (1, 1, 2024);
  g_autoptr(GPtrArray) hits = NULL;
  ClRuleHit *hit;

  /* Illness last year does not count toward this year's 15 days. */
  fill_present (last_year, "2025-06-02", "2025-07-18", ILL, ILL, NULL);
  /* 14 days and one afternoon: 29 sessions. */
  cl_register_fill (reg, "2025-09-22", "2025-09-26", ILL, ILL, TRUE);
  cl_register_fill (reg, "2025-11-10", "2025-11-14", ILL, ILL, TRUE);
  cl_register_fill (reg, "2025-12-01", "2025-12-04", ILL, ILL, TRUE);
  set (reg, "2025-12-05", TRUE, ILL);

  hits = evaluate (f, "2025-12-19", reg, last_year, NULL);
  g_assert_null (find_hit (hits, CL_RULE_ILLNESS_15_DAYS));
  g_clear_pointer (&hits, g_ptr_array_unref);

  set (reg, "2025-12-08", FALSE, ILL);
  hits = evaluate (f, "2025-12-19", reg, last_year, NULL);
  hit = find_hit (hits, CL_RULE_ILLNESS_15_DAYS);
  g_assert_nonnull (hit);
  g_assert_cmpuint (cl_rule_hit_get_sessions (hit), ==, CL_ILLNESS_THRESHOLD_SESSIONS);
  g_assert_cmpstr (cl_rule_hit_get_since (hit), ==, "2025-09-22");
  g_assert_cmpstr (cl_rule_hit_get_window_start (hit), ==, "2025-09-01");
  g_assert_cmpuint (g_strv_length ((GStrv) cl_rule_hit_get_dates (hit)), ==, 16);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* As on a date before the last one, not yet. */
  hits = evaluate (f, "2025-12-05", reg, last_year, NULL);
  g_assert_null (find_hit (hits, CL_RULE_ILLNESS_15_DAYS));
}

static void
test_merge_schools (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ClRegister) main_school = autumn_2025 (1, 1);
  g_autoptr(ClRegister) other = cl_register_new (1, 2, 2025);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) registers = g_ptr_array_new ();

  /* Unauthorised at one school while present at the other (dual registration)
   * is not absence. */
  cl_register_fill (main_school, "2025-09-08", "2025-09-26", UNAUTH_O, UNAUTH_O, TRUE);
  cl_register_fill (other, "2025-09-08", "2025-09-26", PRESENT_AM, PRESENT_PM, TRUE);
  hits = evaluate (f, "2025-09-26", main_school, NULL);
  g_assert_nonnull (find_hit (hits, CL_RULE_CONTINUOUS_10_DAYS));
  g_assert_nonnull (find_hit (hits, CL_RULE_PENALTY_THRESHOLD));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = evaluate (f, "2025-09-26", main_school, other, NULL);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_ptr_array_add (registers, main_school);
  g_ptr_array_add (registers, cl_register_new (2, 1, 2025));
  hits = cl_rules_evaluate_registers (f->codes, registers, "2025-09-26", &error);
  g_assert_null (hits);
  g_assert_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID);
  g_object_unref (g_ptr_array_index (registers, 1));
}

/* --- benchmark (run with -m perf) ------------------------------------------- */

static void
test_perf_authority (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GArray) all = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  ClAttendanceSummary s;
  const int n_pupils = 30000, n_schools = 60;
  double t;

  if (!g_test_perf ())
    {
      g_test_skip ("benchmark: run with -m perf");
      return;
    }

  dir = g_dir_make_tmp ("caseload-bench-XXXXXX", NULL);
  path = g_build_filename (dir, "bench.db", NULL);
  db = cl_database_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (cl_database_begin (db, &error));
  for (int s_i = 0; s_i < n_schools; s_i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO school (id, urn, la_code, estab, name, type, phase, "
                         "created_at, updated_at) VALUES (%d, %d, 802, %d, 'School %d', 'academy', "
                         "'secondary', 'x', 'x')", s_i + 1, 300000 + s_i, 6000 + s_i, s_i);
      exec_sql (db, sql);
    }
  for (int i = 1; i <= n_pupils; i++)
    {
      sqlite3_stmt *stmt =
        cl_database_prepare (db, "INSERT INTO pupil (id, upn, legal_forename, legal_surname, dob, "
                                 "sex, fsm, created_at, updated_at) "
                                 "VALUES (?, ?, 'A', 'B', ?, 'M', ?, 'x', 'x')", &error);
      char upn[14], dob[11];

      g_snprintf (upn, sizeof upn, "Z802%09d", i);
      g_snprintf (dob, sizeof dob, "%04d-%02d-10", 2009 + i % 12, 1 + i % 12);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, upn, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, dob, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, i % 4 == 0);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
      stmt = cl_database_prepare (db, "INSERT INTO enrolment (pupil_id, school_id, start_date) "
                                      "VALUES (?, ?, '2019-09-01')", &error);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int (stmt, 2, 1 + i % n_schools);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  g_assert_true (cl_database_commit (db, &error));

  g_timer_start (timer);
  g_assert_true (cl_attendance_demo_fill (db, rand, 2024, "2025-08-31", &error));
  g_assert_no_error (error);
  t = g_timer_elapsed (timer, NULL);
  g_printerr ("# demo fill 2024/25, %d pupils, whole year: %.0f ms\n", n_pupils, t * 1000);
  g_timer_start (timer);
  g_assert_true (cl_attendance_demo_fill (db, rand, 2025, "2026-03-20", &error));
  t = g_timer_elapsed (timer, NULL);
  g_printerr ("# demo fill 2025/26, %d pupils, to 20 March: %.0f ms\n", n_pupils, t * 1000);

  /* CASELOAD_BENCH_MMAP=1 measures the effect of memory-mapped reads (a store
   * setting, off by default). */
  if (g_getenv ("CASELOAD_BENCH_MMAP") != NULL)
    exec_sql (db, "PRAGMA mmap_size = 268435456");

  /* Warm the page cache once, as a running application would have it. */
  all = cl_attendance_summary_all_pupils (db, 0, "2025-09-01", "2026-08-31", &error);
  g_clear_pointer (&all, g_array_unref);

  g_timer_start (timer);
  all = cl_attendance_summary_all_pupils (db, 0, "2025-09-01", "2026-08-31", &error);
  t = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (all->len, ==, (guint) n_pupils);
  g_printerr ("# summaries of all %u pupils (one scan): %.1f ms (target 200)\n", all->len,
              t * 1000);

  g_timer_start (timer);
  g_assert_true (cl_attendance_summary_for_school (db, 0, "2025-09-01", "2026-08-31", &s, &error));
  t = g_timer_elapsed (timer, NULL);
  g_printerr ("# authority summary: %.1f ms; %u enrolments, attendance %.2f %%, "
              "%u persistent (%.1f %%), %u severe\n",
              t * 1000, s.pupils, s.attendance_percent, s.persistent_count,
              100.0 * s.persistent_count / s.pupils, s.severe_count);

  g_timer_start (timer);
  hits = cl_rules_alerts (db, "2026-03-20", 0, &error);
  t = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  {
    guint counts[4] = { 0, };
    for (guint i = 0; i < hits->len; i++)
      {
        const char *id = cl_rule_hit_get_rule_id (g_ptr_array_index (hits, i));
        counts[g_str_equal (id, CL_RULE_CONTINUOUS_10_DAYS) ? 0
               : g_str_equal (id, CL_RULE_PENALTY_THRESHOLD) ? 1
               : g_str_equal (id, CL_RULE_UNRESOLVED_N) ? 2 : 3]++;
      }
    g_printerr ("# rules over all pupils, 2 academic years: %.1f ms (target 300); %u hits: "
                "%u continuous, %u penalty, %u unresolved N, %u illness\n",
                t * 1000, hits->len, counts[0], counts[1], counts[2], counts[3]);
  }

  g_clear_object (&db);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/attendance/rules/penalty/threshold", test_penalty_threshold);
  ADD ("/attendance/rules/penalty/half-term", test_penalty_half_term);
  ADD ("/attendance/rules/penalty/academic-years", test_penalty_academic_years);
  ADD ("/attendance/rules/continuous-10-days", test_continuous_10_days);
  ADD ("/attendance/rules/unresolved-n", test_unresolved_n);
  ADD ("/attendance/rules/illness-15-days", test_illness_15_days);
  ADD ("/attendance/rules/merge-schools", test_merge_schools);
  g_test_add_func ("/attendance/perf/authority", test_perf_authority);
#undef ADD

  return g_test_run ();
}
