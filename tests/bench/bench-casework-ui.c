/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "casework/cl-case-repository.h"
#include "casework/cl-caseload.h"
#include "people/cl-demo.h"
#include "store/cl-dates.h"
#include "ui/cl-application.h"
#include "ui/cl-window-private.h"
#include "ui/cl-renderer.h"

/* The Caseload area of the real window over a 30,000-pupil demo authority
 * (about 3,000 cases; the busiest officer holds several hundred open ones):
 *   - the caseload page: from signing in as the busiest officer until the
 *     table's model holds that officer's cases and the window has drawn
 *     them (cl_caseload_build, the model, the cells of the rows on screen);
 *   - the case page: from opening a case with a 200-event chronology until
 *     the header, the week-by-week timeline and its rows are drawn.
 * Targets (issue 4): caseload page ready ≤ 150 ms; case page ≤ 100 ms.
 * Each figure is the median of N_RUNS; the first run (cold caches, first
 * style lookups) is shown apart.
 *
 * Usage: bench-casework-ui [DB]   (needs an X display: xvfb-run -a …)
 * DB is reused when it exists, else created with the demo generator; with
 * no argument a temporary file is created and removed afterwards. */

#define N_PUPILS  30000
#define N_SCHOOLS 120
#define N_EVENTS  200
#define N_RUNS    9

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of the whole process (every thread: GTK's renderer too), in
 * ms: on a busy machine wall time includes waiting for a core. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
settle (void)
{
  for (int i = 0; i < 10000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

static gboolean
give_up_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the window has painted a frame (laid out and
 * drawn), or for a second at most. Up to one frame (16.7 ms at 60 Hz) of
 * this is waiting for the frame clock, not work. */
static void
wait_for_paint (GtkWidget *window)
{
  gboolean gave_up = FALSE;
  guint timeout = g_timeout_add (1000, give_up_cb, &gave_up);

  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (window),
                                 GDK_FRAME_CLOCK_PHASE_PAINT);
  painted = FALSE;
  while (!painted && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (timeout);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (const double *values,
        int           n)
{
  double sorted[N_RUNS];

  memcpy (sorted, values, n * sizeof *values);
  qsort (sorted, (size_t) n, sizeof *sorted, compare_double);
  return sorted[n / 2];
}

static void
create_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open (path, &error);
  ClDemoOptions opts;
  gint64 start = g_get_monotonic_time ();

  if (db == NULL)
    g_error ("%s", error->message);
  cl_demo_options_init (&opts);
  opts.n_schools = N_SCHOOLS;
  opts.n_pupils = N_PUPILS;
  if (!cl_demo_generate (db, &opts, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  printf ("created %s with %d pupils in %.0f ms\n", path, N_PUPILS, ms_since (start));
}

/* The officers with the most and the fewest (but some) open cases. */
static void
pick_officers (ClDatabase *db,
               gint64     *busiest,
               guint      *n_busiest,
               gint64     *quietest)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cl_database_prepare (db,
                                            "SELECT officer_id, count(*) FROM case_file"
                                            " WHERE status <> 'closed' AND officer_id IS NOT NULL"
                                            " GROUP BY officer_id ORDER BY 2 DESC",
                                            &error);

  if (stmt == NULL)
    g_error ("%s", error->message);
  *busiest = *quietest = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (*busiest == 0)
        {
          *busiest = sqlite3_column_int64 (stmt, 0);
          *n_busiest = (guint) sqlite3_column_int (stmt, 1);
        }
      *quietest = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  if (*busiest == 0 || *quietest == *busiest)
    g_error ("the database needs open cases of two officers");
}

/* A pupil with no case that is not closed. */
static gint64
free_pupil (ClDatabase *db)
{
  sqlite3_stmt *stmt = cl_database_prepare (db,
                                            "SELECT p.id FROM pupil p WHERE p.deleted_at IS NULL"
                                            " AND NOT EXISTS (SELECT 1 FROM case_pupil cp"
                                            "  JOIN case_file c ON c.id = cp.case_id"
                                            "  WHERE cp.pupil_id = p.id AND c.status <> 'closed')"
                                            " ORDER BY p.id LIMIT 1",
                                            NULL);
  gint64 id = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return id;
}

/* A case of officer_id with N_EVENTS events, one every other day up to
 * today, through the repository. */
static gint64
make_long_case (ClDatabase *db,
                gint64      officer_id)
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

  cl_date_today (&today);
  day = today;
  g_date_subtract_days (&day, N_EVENTS * 2);
  cl_case_add_pupil (kase, free_pupil (db));
  cl_case_add_reason (kase, "irregular_attendance");
  cl_case_set_officer_id (kase, officer_id);
  cl_case_set_referral_date (kase, cl_date_format_iso (&day, date));
  if (!cl_case_repository_create (repo, kase, &error))
    g_error ("%s", error->message);

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
      cl_case_event_set_text (event, CL_CASE_EVENT_OUTCOME, "Mum will walk him in this week.");
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
  return cl_case_get_id (kase);
}

static void
row (const char *what,
     double      ms,
     double      cpu,
     double      first_ms,
     const char *target)
{
  printf ("%-48s %8.1f ms %8.1f ms %10.1f ms   %s\n", what, ms, cpu, first_ms, target);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ClApplication) app = NULL;
  ClWindow *window;
  ClCaseloadPage *page;
  ClCasePage *case_page;
  ClOfficerSwitch *officer_switch;
  GListModel *rows;
  double caseload_ms[N_RUNS], case_ms[N_RUNS], caseload_cpu[N_RUNS], case_cpu[N_RUNS];
  double caseload_first = 0, case_first = 0;
  double build_ms[N_RUNS], open_ms[N_RUNS], switch_ms[N_RUNS];
  gint64 busiest, quietest, case_id;
  guint n_busiest = 0, n_rows = 0, n_timeline = 0;

  /* As the app does in main(): the renderer for this machine. */
  cl_renderer_choose ();

  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", FALSE);

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("caseload-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "caseload.db", NULL);
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    create_database (path);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ClDatabase) db = cl_database_open (path, &error);

    if (db == NULL)
      g_error ("%s", error->message);
    cl_database_set_actor (db, "bench");
    pick_officers (db, &busiest, &n_busiest, &quietest);
    case_id = make_long_case (db, busiest);
    n_busiest++;
  }

  app = g_object_new (CL_TYPE_APPLICATION,
                      "application-id", "io.github.caseload.Caseload.Bench",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/caseload/Caseload",
                      NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("could not start the application");
  cl_application_set_database_path (app, path);
  g_application_activate (G_APPLICATION (app));
  window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_maximize (GTK_WINDOW (window));
  settle ();
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  wait_for_paint (GTK_WIDGET (window));
  settle ();

  page = cl_window_get_caseload_page (window);
  case_page = cl_caseload_page_get_case_page (page);
  officer_switch = cl_window_get_officer_switch (window);
  rows = G_LIST_MODEL (gtk_column_view_get_model (cl_caseload_page_get_cases_view (page)));
  cl_window_show_page (window, "caseload");

  printf ("Casework UI benchmark, %d pupils, %d schools; officer %" G_GINT64_FORMAT
          " has %u open cases\n\n", N_PUPILS, N_SCHOOLS, busiest, n_busiest);
  printf ("%-48s %11s %11s %13s\n", "", "median", "CPU", "first run");

  /* Signing in as the busiest officer, from a quiet one. */
  for (int i = 0; i <= N_RUNS; i++)
    {
      gint64 t0;
      double ms, c0;

      cl_officer_switch_set_officer_id (officer_switch, quietest);
      wait_for_paint (GTK_WIDGET (window));
      settle ();

      c0 = cpu_ms ();
      t0 = g_get_monotonic_time ();
      cl_officer_switch_set_officer_id (officer_switch, busiest);
      if (i > 0)
        switch_ms[i - 1] = ms_since (t0);
      n_rows = g_list_model_get_n_items (cl_caseload_page_get_rows (page));
      if (n_rows != n_busiest)
        g_error ("the caseload has %u cases, not %u", n_rows, n_busiest);
      wait_for_paint (GTK_WIDGET (window));
      ms = ms_since (t0);
      if (i == 0)
        caseload_first = ms;
      else
        {
          caseload_ms[i - 1] = ms;
          caseload_cpu[i - 1] = cpu_ms () - c0;
        }
      settle ();
    }

  /* Opening the case with 200 events, from the caseload. */
  for (int i = 0; i <= N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0;
      double ms, c0;

      cl_caseload_page_show_list (page);
      wait_for_paint (GTK_WIDGET (window));
      settle ();

      c0 = cpu_ms ();
      t0 = g_get_monotonic_time ();
      if (!cl_caseload_page_open_case (page, case_id, &error))
        g_error ("%s", error->message);
      if (i > 0)
        open_ms[i - 1] = ms_since (t0);
      wait_for_paint (GTK_WIDGET (window));
      ms = ms_since (t0);
      n_timeline = g_list_model_get_n_items (cl_case_page_get_timeline (case_page));
      if (i == 0)
        case_first = ms;
      else
        {
          case_ms[i - 1] = ms;
          case_cpu[i - 1] = cpu_ms () - c0;
        }
      settle ();
    }

  /* Of which the core's part: the data of the page. */
  for (int i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) built = NULL;
      gint64 t0 = g_get_monotonic_time ();

      built = cl_caseload_build (cl_window_get_database (window), busiest, &error);
      if (built == NULL)
        g_error ("%s", error->message);
      build_ms[i] = ms_since (t0);
    }

  printf ("renderer: %s\n", g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER")
                                                              : "GTK's default");
  {
    g_autofree char *what = g_strdup_printf ("caseload page ready (%u cases, %u rows made), drawn",
                                             n_rows, g_list_model_get_n_items (rows));
    row (what, median (caseload_ms, N_RUNS), median (caseload_cpu, N_RUNS), caseload_first,
         "target ≤ 150 ms");
    printf ("  signing in (data, model, cells), before layout %8.1f ms\n",
            median (switch_ms, N_RUNS));
    printf ("    of which cl_caseload_build alone %21.1f ms\n", median (build_ms, N_RUNS));
  }
  {
    g_autofree char *what = g_strdup_printf ("case page, %d events (%u timeline lines), drawn",
                                             N_EVENTS, n_timeline);
    row (what, median (case_ms, N_RUNS), median (case_cpu, N_RUNS), case_first,
         "target ≤ 100 ms");
    printf ("  opening (data, timeline, rows), before layout %9.1f ms\n",
            median (open_ms, N_RUNS));
  }
  printf ("\nWall time to the first frame drawn (it includes waiting for the frame clock,\n"
          "up to 16.7 ms); CPU is the process's CPU time over the same span, all threads.\n");

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  cl_application_set_database_path (app, NULL);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
