/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "people/cl-demo.h"
#include "people/cl-people-error.h"
#include "people/cl-upn.h"
#include "store/cl-dates.h"

/* Invariants of the demo authority: what other tests, the window and the
 * benchmarks rely on. */

static ClDatabase *
generate (guint          n_schools,
          guint          n_pupils,
          guint32        seed,
          ClDemoSummary *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open_memory (&error);
  ClDemoOptions opts;

  g_assert_no_error (error);
  cl_demo_options_init (&opts);
  opts.n_schools = n_schools;
  opts.n_pupils = n_pupils;
  opts.seed = seed;
  opts.summary = summary;
  g_assert_true (cl_demo_generate (db, &opts, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static gint64
count (ClDatabase *db,
       const char *sql)
{
  sqlite3_stmt *stmt = cl_database_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Every row of a query as text, for comparing two databases. */
static char *
dump (ClDatabase *db,
      const char *sql)
{
  sqlite3_stmt *stmt = cl_database_prepare (db, sql, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);
          g_string_append (out, text != NULL ? text : "NULL");
          g_string_append_c (out, '\t');
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

static void
test_counts (void)
{
  ClDemoSummary summary = { 0 };
  g_autoptr(ClDatabase) db = generate (6, 600, 11, &summary);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (summary.n_schools, ==, 6);
  g_assert_cmpuint (summary.n_pupils, ==, 600);
  g_assert_cmpuint (summary.n_officers, >=, 3);
  g_assert_cmpuint (summary.n_officers, <=, 6);
  g_assert_cmpuint (summary.n_guardians, >, 300);

  g_assert_cmpint (count (db, "SELECT count(*) FROM school"), ==, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil"), ==, 600);
  g_assert_cmpint (count (db, "SELECT count(*) FROM officer"), ==, summary.n_officers);
  g_assert_cmpint (count (db, "SELECT count(*) FROM guardian"), ==, summary.n_guardians);
  g_assert_cmpint (count (db, "SELECT count(*) FROM officer WHERE role = 'manager'"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM officer WHERE role = 'senior_ewo'"), ==, 1);

  /* One open enrolment per pupil, starting in September. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM enrolment WHERE end_date IS NULL"), ==, 600);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT pupil_id) FROM enrolment"), ==, 600);
  g_assert_cmpint (count (db, "SELECT count(*) FROM enrolment"
                              " WHERE substr(start_date, 6, 2) <> '09'"), ==, 0);

  /* number_on_roll is the real count. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM school s WHERE number_on_roll <>"
                              " (SELECT count(*) FROM enrolment e WHERE e.school_id = s.id)"),
                   ==, 0);

  /* Every pupil has a guardian with parental responsibility, or is looked after. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil p WHERE NOT looked_after AND NOT EXISTS"
                              " (SELECT 1 FROM pupil_guardian pg WHERE pg.pupil_id = p.id"
                              "  AND pg.parental_responsibility)"), ==, 0);
  /* …and someone to live with. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil p WHERE NOT EXISTS"
                              " (SELECT 1 FROM pupil_guardian pg WHERE pg.pupil_id = p.id"
                              "  AND pg.lives_with)"), ==, 0);

  /* Schools other than independent ones have a link officer who is not the manager. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM school WHERE type <> 'independent'"
                              " AND link_officer_id IS NULL"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM school s JOIN officer o"
                              " ON o.id = s.link_officer_id WHERE o.role = 'manager'"), ==, 0);

  /* The whole database is consistent, the audit chain included. */
  g_assert_true (cl_database_check (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM audit_log WHERE entity = 'demo'"), ==, 1);
}

static void
test_upns_valid (void)
{
  g_autoptr(ClDatabase) db = generate (12, 2400, 1, NULL);
  sqlite3_stmt *stmt = cl_database_prepare (db, "SELECT upn FROM pupil", NULL);
  guint n = 0, temporary = 0, local = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *upn = (const char *) sqlite3_column_text (stmt, 0);
      char expected;

      g_assert_cmpint (cl_upn_check (upn, &expected), ==, CL_UPN_VALID);
      if (cl_upn_is_temporary (upn))
        temporary++;
      if (strncmp (upn + 1, "893", 3) == 0 || strncmp (upn + 1, "666", 3) == 0)
        local++;
      n++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (n, ==, 2400);
  g_assert_cmpuint (temporary, ==, 0);
  /* Most UPNs were allocated by the authority's own schools, a few elsewhere. */
  g_assert_cmpuint (local, >, n * 8 / 10);
  g_assert_cmpuint (local, <, n);
}

/* The year groups a school of this type and phase teaches. */
static void
years_for (const char *type,
           const char *phase,
           int        *lo,
           int        *hi)
{
  static const struct { const char *phase; int lo, hi; } ranges[] = {
    { "nursery", -1, -1 },
    { "primary", 0, 6 },
    { "secondary", 7, 11 },
    { "all_through", 0, 11 },
  };

  /* Special schools here teach Years 1 to 11, whatever their phase. */
  if (strcmp (type, "special") == 0)
    {
      *lo = 1;
      *hi = 11;
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (strcmp (phase, ranges[i].phase) == 0)
      {
        *lo = ranges[i].lo;
        *hi = ranges[i].hi;
        return;
      }
  g_error ("unexpected phase %s", phase);
}

static void
test_years_fit_phase (void)
{
  g_autoptr(ClDatabase) db = generate (24, 3000, 5, NULL);
  sqlite3_stmt *stmt = cl_database_prepare (db,
                                            "SELECT p.dob, s.type, s.phase, e.start_date"
                                            " FROM pupil p JOIN enrolment e ON e.pupil_id = p.id"
                                            " JOIN school s ON s.id = e.school_id",
                                            NULL);
  int year = cl_current_academic_year ();
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;
  static const char *const expected[] = {
    "la_maintained", "academy", "free_school", "special", "pru", "independent",
    "nursery", "primary", "secondary", "all_through",
  };

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GDate dob, start;
      int nc, lo, hi;
      const char *type = (const char *) sqlite3_column_text (stmt, 1);
      const char *phase = (const char *) sqlite3_column_text (stmt, 2);

      g_assert_true (cl_date_parse ((const char *) sqlite3_column_text (stmt, 0), &dob));
      g_assert_true (cl_date_parse ((const char *) sqlite3_column_text (stmt, 3), &start));
      nc = cl_nc_year_for (&dob, year);
      years_for (type, phase, &lo, &hi);
      if (nc < lo || nc > hi)
        g_error ("a pupil in year %d at a %s %s school", nc, type, phase);
      /* They joined no earlier than the school's first year group, and not
       * in the future. */
      g_assert_cmpint (cl_academic_year_of (&start), <=, year);
      g_assert_cmpint (cl_nc_year_for (&dob, cl_academic_year_of (&start)), >=, lo);
      g_hash_table_add (seen, (gpointer) g_intern_string (type));
      g_hash_table_add (seen, (gpointer) g_intern_string (phase));
      n++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (n, ==, 3000);

  /* Every type and phase of school is in a demo of this size. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_hash_table_contains (seen, expected[i]))
      g_error ("no %s school in the demo", expected[i]);
  g_hash_table_unref (seen);

  /* About 70% of schools beyond the first dozen are primaries; overall at
   * least half are. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM school WHERE phase = 'primary'"), >=, 12);
  /* Some Welsh schools, with Welsh LA codes. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM school WHERE country = 'wales'"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM school WHERE country = 'wales'"
                              " AND la_code <> 666"), ==, 0);
}

static void
test_families (void)
{
  g_autoptr(ClDatabase) db = generate (12, 2400, 1, NULL);

  /* Siblings at different schools: a guardian linked to pupils at two. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM (SELECT pg.guardian_id FROM pupil_guardian pg"
                              " JOIN enrolment e ON e.pupil_id = pg.pupil_id"
                              " GROUP BY pg.guardian_id HAVING count(DISTINCT e.school_id) > 1)"),
                   >, 0);
  /* …and at the same school. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM (SELECT pg.guardian_id, e.school_id"
                              " FROM pupil_guardian pg JOIN enrolment e ON e.pupil_id = pg.pupil_id"
                              " GROUP BY 1, 2 HAVING count(*) > 1)"), >, 0);
  /* Most families have one or two children; some have more. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM (SELECT guardian_id FROM pupil_guardian"
                              " GROUP BY 1 HAVING count(*) >= 3)"), >, 0);

  /* Guardians with and without parental responsibility, living with the
   * child or not, and some preferring Welsh or another language. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil_guardian"
                              " WHERE parental_responsibility = 0"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil_guardian WHERE lives_with = 0"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil_guardian"
                              " WHERE relationship LIKE 'grand%'"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM guardian WHERE language = 'cy'"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM guardian WHERE language = 'other'"
                              " AND language_other <> ''"), >, 0);
  /* A child whose surname differs from a parent's. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil p JOIN pupil_guardian pg"
                              " ON pg.pupil_id = p.id JOIN guardian g ON g.id = pg.guardian_id"
                              " WHERE pg.parental_responsibility AND g.surname <> p.legal_surname"),
                   >, 0);

  /* Contact details only from ranges reserved for fiction. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM guardian WHERE phone_mobile <> ''"
                              " AND phone_mobile NOT LIKE '07700 900___'"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM guardian WHERE email <> ''"
                              " AND email NOT LIKE '%@example.___'"), ==, 0);
}

static void
test_names (void)
{
  g_autoptr(ClDatabase) db = generate (12, 2400, 1, NULL);
  g_autofree char *names = dump (db, "SELECT legal_forename, legal_surname FROM pupil"
                                     " UNION ALL SELECT forename, surname FROM guardian");
  gboolean accent = FALSE;

  g_assert_true (g_utf8_validate (names, -1, NULL));
  for (const char *p = names; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      accent = TRUE;
  g_assert_true (accent);
  g_assert_nonnull (strchr (names, '\''));
  g_assert_nonnull (strchr (names, '-'));

  /* Pupils' own names: a mix, with apostrophes, hyphens and accents. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil WHERE legal_surname LIKE '%''%'"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil WHERE legal_surname LIKE '%-%'"
                              " OR legal_forename LIKE '%-%'"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil"
                              " WHERE length(CAST(legal_forename AS BLOB)) > length(legal_forename)"
                              " OR length(CAST(legal_surname AS BLOB)) > length(legal_surname)"),
                   >, 0);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT legal_surname) FROM pupil"), >, 100);
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil WHERE preferred_forename <> ''"), >, 0);
}

static void
test_flags (void)
{
  g_autoptr(ClDatabase) db = generate (40, 12000, 3, NULL);
  struct { const char *flag; double lo, hi; } rates[] = {
    { "fsm", 17, 27 },
    { "sen_support", 10, 16 },
    { "ehcp", 1.5, 4.5 },
    { "looked_after", 0.2, 2.5 },
    { "young_carer", 1, 3 },
    { "eal", 12, 25 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT 1000 * avg(%s) FROM pupil", rates[i].flag);
      double percent = count (db, sql) / 10.0;

      g_test_message ("%s: %.1f%%", rates[i].flag, percent);
      if (percent < rates[i].lo || percent > rates[i].hi)
        g_error ("%s is %.1f%%, outside %.1f–%.1f%%", rates[i].flag, percent, rates[i].lo,
                 rates[i].hi);
    }
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil WHERE ehcp AND sen_support"), ==, 0);
}

static void
test_deterministic (void)
{
  g_autoptr(ClDatabase) a = generate (8, 900, 42, NULL);
  g_autoptr(ClDatabase) b = generate (8, 900, 42, NULL);
  g_autoptr(ClDatabase) c = generate (8, 900, 43, NULL);
  const char *queries[] = {
    "SELECT id, name, role, email, phone FROM officer ORDER BY id",
    "SELECT id, urn, la_code, estab, name, type, phase, country, number_on_roll, address,"
    " postcode, head_teacher, link_officer_id FROM school ORDER BY id",
    "SELECT id, upn, legal_forename, legal_surname, middle_names, preferred_forename,"
    " preferred_surname, dob, sex, address, postcode, ehcp, sen_support, fsm, looked_after,"
    " young_carer, eal FROM pupil ORDER BY id",
    "SELECT * FROM enrolment ORDER BY id",
    "SELECT id, title, forename, surname, address, postcode, phone_home, phone_mobile,"
    " phone_work, email, language, language_other FROM guardian ORDER BY id",
    "SELECT * FROM pupil_guardian ORDER BY pupil_id, guardian_id",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *da = dump (a, queries[i]);
      g_autofree char *db = dump (b, queries[i]);

      g_assert_cmpstr (da, ==, db);
    }
  {
    g_autofree char *da = dump (a, queries[2]);
    g_autofree char *dc = dump (c, queries[2]);
    g_assert_cmpstr (da, !=, dc);
  }
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(ClDatabase) db = generate (3, 100, 1, NULL);
  g_autoptr(GError) error = NULL;
  ClDemoOptions opts;

  cl_demo_options_init (&opts);
  g_assert_false (cl_demo_generate (db, &opts, NULL, NULL, NULL, &error));
  g_assert_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_IN_USE);
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil"), ==, 100);
  g_assert_cmpint (count (db, "SELECT count(*) FROM school"), ==, 3);
  g_assert_false (cl_database_in_transaction (db));
}

static void
test_bad_options (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open_memory (&error);
  ClDemoOptions opts;

  cl_demo_options_init (&opts);
  g_assert_cmpuint (opts.n_schools, ==, CL_DEMO_DEFAULT_SCHOOLS);
  g_assert_cmpuint (opts.n_pupils, ==, CL_DEMO_DEFAULT_PUPILS);
  opts.n_schools = 0;
  g_assert_false (cl_demo_generate (db, &opts, NULL, NULL, NULL, &error));
  g_assert_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID);
  g_clear_error (&error);

  opts.n_schools = 1;
  opts.n_pupils = CL_DEMO_MAX_PUPILS + 1;
  g_assert_false (cl_demo_generate (db, &opts, NULL, NULL, NULL, &error));
  g_assert_error (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_INVALID);
  g_clear_error (&error);

  /* No pupils is a valid, if empty, authority. */
  opts.n_pupils = 0;
  g_assert_true (cl_demo_generate (db, &opts, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM school"), ==, 1);
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
  gboolean      cancel_midway;
} Progress;

static void
progress_cb (double      fraction,
             const char *text,
             gpointer    user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_true (text != NULL && *text != '\0');
  p->last = fraction;
  p->calls++;
  if (p->cancel_midway && fraction > 0.3)
    g_cancellable_cancel (p->cancellable);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open_memory (&error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress p = { cancellable, 0.0, 0, TRUE };
  ClDemoOptions opts;

  cl_demo_options_init (&opts);
  opts.n_pupils = 5000;

  /* Cancelled halfway: nothing is left behind. */
  g_assert_false (cl_demo_generate (db, &opts, progress_cb, &p, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (cl_database_in_transaction (db));
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM guardian"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM school"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM officer"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM audit_log"), ==, 0);

  /* Then it runs whole, reporting about every 1000 pupils up to 1. */
  p = (Progress) { NULL, 0.0, 0, FALSE };
  g_assert_true (cl_demo_generate (db, &opts, progress_cb, &p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.calls, >=, 5);
  g_assert_cmpfloat (p.last, ==, 1.0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil"), ==, 5000);
}

/* The size of the benchmarks' authority; only with -m slow. */
static void
test_large (void)
{
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(ClDatabase) db = NULL;
  ClDemoSummary summary = { 0 };

  if (!g_test_slow ())
    {
      g_test_skip ("30,000 pupils: run with -m slow");
      return;
    }
  timer = g_timer_new ();
  db = generate (100, 30000, 1, &summary);
  g_test_message ("30,000 pupils, %u guardians in %.2f s", summary.n_guardians,
                  g_timer_elapsed (timer, NULL));
  g_assert_cmpint (count (db, "SELECT count(*) FROM pupil"), ==, 30000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/counts", test_counts);
  g_test_add_func ("/demo/upns-valid", test_upns_valid);
  g_test_add_func ("/demo/years-fit-phase", test_years_fit_phase);
  g_test_add_func ("/demo/families", test_families);
  g_test_add_func ("/demo/names", test_names);
  g_test_add_func ("/demo/flags", test_flags);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/bad-options", test_bad_options);
  g_test_add_func ("/demo/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/demo/large", test_large);

  return g_test_run ();
}
