/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casework/cl-case-repository.h"
#include "casework/cl-caseload.h"
#include "casework/cl-work-queue.h"
#include "people/cl-demo.h"
#include "store/cl-dates.h"

/* Casework over a 30,000-pupil demo authority (about 3,000 cases):
 *   - the caseload page's data for the officer with the most open cases
 *     (cl_caseload_build: cases, last contacts, next actions, four-week
 *     attendance with its trend, rules met),
 *   - that officer's work queue,
 *   - a case page with a 200-event chronology (the case, its children,
 *     history, family, chronology and header figures), on a case made here.
 * Targets (issue 4): caseload page ready ≤ 150 ms; case page with a
 * 200-event chronology ≤ 100 ms. Figures are the median of N_RUNS runs.
 *
 * Usage: bench-casework [DB]
 * DB is reused when it exists, else created with the demo generator; with no
 * argument a temporary file is created and removed afterwards. */

#define N_PUPILS   30000
#define N_SCHOOLS  120
#define N_RUNS     7
#define N_EVENTS   200

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values,
        int     n)
{
  qsort (values, (size_t) n, sizeof *values, compare_double);
  return values[n / 2];
}

static void
row (const char *what,
     double      ms,
     const char *target)
{
  printf ("%-52s %9.1f ms  %s\n", what, ms, target);
}

static gint64
busiest_officer (ClDatabase *db,
                 guint      *n_open)
{
  sqlite3_stmt *stmt = cl_database_prepare (db,
                                            "SELECT officer_id, count(*) FROM case_file"
                                            " WHERE status <> 'closed' AND officer_id IS NOT NULL"
                                            " GROUP BY officer_id ORDER BY 2 DESC LIMIT 1",
                                            NULL);
  gint64 id = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *n_open = (guint) sqlite3_column_int (stmt, 1);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return id;
}

/* A pupil with no case that is not closed, and an officer. */
static gint64
free_pupil (ClDatabase *db)
{
  sqlite3_stmt *stmt = cl_database_prepare (db,
                                            "SELECT p.id FROM pupil p WHERE p.deleted_at IS NULL"
                                            " AND NOT EXISTS (SELECT 1 FROM case_pupil cp"
                                            "  JOIN case_file c ON c.id = cp.case_id"
                                            "  WHERE cp.pupil_id = p.id AND c.status <> 'closed')"
                                            " AND EXISTS (SELECT 1 FROM pupil_guardian pg"
                                            "  WHERE pg.pupil_id = p.id)"
                                            " ORDER BY p.id LIMIT 1",
                                            NULL);
  gint64 id = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return id;
}

static gint64
make_long_case (ClDatabase *db,
                gint64      officer_id,
                double     *out_ms)
{
  static const char *const types[] = {
    "home_visit", "phone_call", "school_visit", "letter", "home_visit_no_reply", "meeting",
    "note", "assessment",
  };
  g_autoptr(ClCaseRepository) repo = cl_case_repository_new (db);
  g_autoptr(ClCase) kase = cl_case_new ();
  g_autoptr(GError) error = NULL;
  GDate today, day;
  char date[11], due[11];
  gint64 start;

  cl_date_today (&today);
  day = today;
  g_date_subtract_days (&day, N_EVENTS * 2);
  cl_case_add_pupil (kase, free_pupil (db));
  cl_case_add_reason (kase, "irregular_attendance");
  cl_case_set_officer_id (kase, officer_id);
  cl_case_set_referral_date (kase, cl_date_format_iso (&day, date));
  if (!cl_case_repository_create (repo, kase, &error))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  if (!cl_database_begin (db, &error))
    g_error ("%s", error->message);
  for (int i = 0; i < N_EVENTS; i++)
    {
      const char *type = types[i % G_N_ELEMENTS (types)];
      g_autoptr(ClCaseEvent) event = NULL;
      GDate next = day;

      g_date_add_days (&next, 3);
      event = cl_case_event_new (cl_case_get_id (kase), type, cl_date_format_iso (&day, date));
      cl_case_event_set_text (event, CL_CASE_EVENT_TIME, "10:30");
      cl_case_event_set_text (event, CL_CASE_EVENT_SUMMARY,
                              "Spoke with Mum about the mornings; agreed a routine and a "
                              "check-in with the attendance lead.");
      cl_case_event_set_text (event, CL_CASE_EVENT_NEXT_ACTION, "Phone Mum for an update");
      cl_case_event_set_text (event, CL_CASE_EVENT_NEXT_ACTION_DUE,
                              cl_date_format_iso (&next, due));
      if (strcmp (type, "meeting") == 0)
        cl_case_event_set_text (event, CL_CASE_EVENT_MEETING_KIND, "tac");
      if (strstr (type, "visit") != NULL)
        cl_case_event_set_miles_tenths (event, 85);
      if (!cl_case_repository_add_event (repo, event, &error))
        g_error ("%s", error->message);
      g_date_add_days (&day, 2);
      if (g_date_compare (&day, &today) > 0)
        day = today;
    }
  if (!cl_database_commit (db, &error))
    g_error ("%s", error->message);
  *out_ms = ms_since (start);
  return cl_case_get_id (kase);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  double runs[N_RUNS];
  double create_ms, events_ms;
  guint n_open = 0, n_rows = 0, n_items = 0, n_events = 0;
  gint64 officer_id, case_id, start;

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      tmpdir = g_dir_make_tmp ("bench-casework-XXXXXX", &error);
      if (tmpdir == NULL)
        g_error ("%s", error->message);
      path = g_build_filename (tmpdir, "caseload.db", NULL);
    }

  printf ("Casework benchmark, %d pupils, %d schools\n", N_PUPILS, N_SCHOOLS);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      ClDemoOptions opts;

      cl_demo_options_init (&opts);
      opts.n_pupils = N_PUPILS;
      opts.n_schools = N_SCHOOLS;
      db = cl_database_open (path, &error);
      if (db == NULL)
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      if (!cl_demo_generate (db, &opts, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      create_ms = ms_since (start);
      row ("demo authority with casework (once)", create_ms, "");
    }
  else
    {
      db = cl_database_open (path, &error);
      if (db == NULL)
        g_error ("%s", error->message);
    }
  cl_database_set_actor (db, "bench");

  {
    sqlite3_stmt *stmt = cl_database_prepare (db, "SELECT (SELECT count(*) FROM case_file),"
                                                  " (SELECT count(*) FROM case_event)", NULL);
    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      printf ("%d cases, %d events in the database\n", sqlite3_column_int (stmt, 0),
              sqlite3_column_int (stmt, 1));
    if (stmt != NULL)
      sqlite3_reset (stmt);
  }

  officer_id = busiest_officer (db, &n_open);
  if (officer_id == 0)
    g_error ("the database has no open cases");
  printf ("officer %" G_GINT64_FORMAT " has %u open cases\n\n", officer_id, n_open);

  for (int i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GListModel) rows = NULL;

      start = g_get_monotonic_time ();
      rows = cl_caseload_build (db, officer_id, &error);
      runs[i] = ms_since (start);
      if (rows == NULL)
        g_error ("%s", error->message);
      n_rows = g_list_model_get_n_items (rows);
    }
  {
    g_autofree char *what = g_strdup_printf ("caseload page data (%u rows)", n_rows);
    row (what, median (runs, N_RUNS), "target ≤ 150 ms");
  }

  for (int i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GListModel) queue = NULL;

      start = g_get_monotonic_time ();
      queue = cl_work_queue_build (db, officer_id, &error);
      runs[i] = ms_since (start);
      if (queue == NULL)
        g_error ("%s", error->message);
      n_items = g_list_model_get_n_items (queue);
    }
  {
    g_autofree char *what = g_strdup_printf ("work queue (%u items)", n_items);
    row (what, median (runs, N_RUNS), "");
  }

  case_id = make_long_case (db, officer_id, &events_ms);
  {
    g_autofree char *what = g_strdup_printf ("adding %d events (one transaction)", N_EVENTS);
    row (what, events_ms, "");
  }

  for (int i = 0; i < N_RUNS; i++)
    {
      g_autoptr(ClCaseRepository) repo = NULL;
      g_autoptr(ClCase) kase = NULL;
      g_autoptr(GListModel) pupils = NULL;
      g_autoptr(GListModel) family = NULL;
      g_autoptr(GListModel) history = NULL;
      g_autoptr(GListModel) events = NULL;
      g_autoptr(ClCaseloadRow) header = NULL;

      start = g_get_monotonic_time ();
      repo = cl_case_repository_new (db);
      kase = cl_case_repository_get (repo, case_id, &error);
      if (kase == NULL
          || (pupils = cl_case_repository_pupils (repo, case_id, &error)) == NULL
          || (family = cl_case_repository_family (repo, case_id, &error)) == NULL
          || (history = cl_case_repository_history (repo, case_id, &error)) == NULL
          || (events = cl_case_repository_list_events (repo, case_id,
                                                       CL_EVENT_ORDER_NEWEST_FIRST,
                                                       &error)) == NULL
          || (header = cl_caseload_row_load (db, case_id, &error)) == NULL)
        g_error ("%s", error->message);
      runs[i] = ms_since (start);
      n_events = g_list_model_get_n_items (events);
    }
  {
    g_autofree char *what = g_strdup_printf ("case page data (%u-event chronology)", n_events);
    row (what, median (runs, N_RUNS), "target ≤ 100 ms");
  }

  g_clear_object (&db);
  if (tmpdir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmpdir);
    }
  return 0;
}
