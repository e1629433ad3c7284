/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-stats.h"
#include "attendance/cl-calendar.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-register-repository.h"
#include "casework/cl-case-repository.h"
#include "casework/cl-caseload.h"
#include "casework/cl-casework-error.h"
#include "casework/cl-queue-item.h"
#include "charts/cl-chart-builders.h"
#include "documents/cl-letter.h"
#include "documents/cl-template-repository.h"
#include "people/cl-demo.h"
#include "people/cl-officer-repository.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "people/cl-upn.h"
#include "ui/cl-application.h"
#include "ui/cl-attendance-item.h"
#include "ui/cl-calendar-dialog.h"
#include "ui/cl-format.h"
#include "ui/cl-mail-merge-dialog.h"
#include "ui/cl-slot.h"
#include "ui/cl-window-private.h"

/* The real application and window under X (Xvfb in the test run), on a
 * temporary database. Assertions are about what the user sees: the rows of
 * the table, the count above it, the message under the form. */

#define DEMO_SCHOOLS 3
#define DEMO_PUPILS  150
#define DEMO_SEED    3

static ClApplication *app;

typedef struct
{
  char     *dir;
  char     *path;
  ClWindow *window;
} Fixture;

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Runs the main loop until cond holds; FALSE after 10 s. */
static gboolean
wait_until (gboolean (*cond) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

/* Lets everything queued (relayout, redraw, idles) run. */
static void
settle (void)
{
  for (int i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
open_window (Fixture *f)
{
  GtkWindow *window;

  cl_application_set_database_path (app, f->path);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CL_IS_WINDOW (window));
  f->window = CL_WINDOW (window);
  settle ();
}

enum {
  EMPTY_DATABASE,
  DEMO_DATABASE,
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gboolean with_demo = GPOINTER_TO_INT (data) == DEMO_DATABASE;

  f->dir = g_dir_make_tmp ("caseload-ui-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "caseload.db", NULL);

  if (with_demo)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClDatabase) db = cl_database_open (f->path, &error);
      ClDemoOptions opts;

      g_assert_no_error (error);
      cl_demo_options_init (&opts);
      opts.n_schools = DEMO_SCHOOLS;
      opts.n_pupils = DEMO_PUPILS;
      opts.seed = DEMO_SEED;
      g_assert_true (cl_demo_generate (db, &opts, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  open_window (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  settle ();
  /* Let the database go, so that the next test opens its own. */
  cl_application_set_database_path (app, NULL);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GListModel *
pupil_rows (Fixture *f)
{
  ClPupilsPage *page = cl_window_get_pupils_page (f->window);

  return G_LIST_MODEL (gtk_column_view_get_model (cl_pupils_page_get_column_view (page)));
}

static const char *
pupil_count_text (Fixture *f)
{
  ClPupilsPage *page = cl_window_get_pupils_page (f->window);

  return gtk_label_get_text (cl_pupils_page_get_count_label (page));
}

typedef struct
{
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
has_n_items (gpointer data)
{
  CountWait *w = data;

  return g_list_model_get_n_items (w->model) == w->n;
}

static void
search (Fixture    *f,
        const char *text,
        guint       expected)
{
  CountWait w = { pupil_rows (f), expected };

  /* As typed: the entry waits for a pause in typing, then filters. */
  gtk_editable_set_text (cl_pupils_page_get_search_entry (cl_window_get_pupils_page (f->window)),
                         text);
  g_assert_true (wait_until (has_n_items, &w));
  settle ();
}

/* The pupil a row shows: rows are slots (see ui/cl-slot-list-model.h). */
static ClPupil *
pupil_at (Fixture *f,
          guint    position)
{
  g_autoptr(ClSlot) slot = g_list_model_get_item (pupil_rows (f), position);

  g_assert_nonnull (slot);
  return g_object_ref (cl_slot_get_item (slot));
}

static void
test_welcome (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = NULL;
  g_autofree char *done = NULL;
  ClSchoolsPage *schools = cl_window_get_schools_page (f->window);
  GtkWidget *welcome = GTK_WIDGET (cl_window_get_welcome_page (f->window));

  g_assert_cmpstr (cl_window_get_visible_page (f->window), ==, "welcome");
  g_assert_true (gtk_widget_get_mapped (welcome));

  /* "Start Empty" leads to the Schools page, which asks for a school. */
  g_signal_emit_by_name (welcome, "start-empty");
  settle ();
  g_assert_cmpstr (cl_window_get_visible_page (f->window), ==, "schools");
  g_assert_cmpstr (gtk_label_get_text (cl_schools_page_get_count_label (schools)), ==,
                   "0 schools");

  /* and the welcome is not shown again. */
  db = cl_database_open (f->path, &error);
  g_assert_no_error (error);
  done = cl_database_get_setting (db, "welcome-done");
  g_assert_cmpstr (done, ==, "1");
}

static gboolean
shows_pupils (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (cl_window_get_visible_page (f->window), "pupils") == 0;
}

static void
test_welcome_explore (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *welcome = GTK_WIDGET (cl_window_get_welcome_page (f->window));
  g_autofree char *expected = NULL;
  g_autofree char *count = cl_format_count (CL_DEMO_DEFAULT_PUPILS);

  g_assert_cmpstr (cl_window_get_visible_page (f->window), ==, "welcome");

  /* The demo authority is made on a worker thread; then the Pupils page. */
  g_signal_emit_by_name (welcome, "explore");
  g_assert_true (wait_until (shows_pupils, f));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (pupil_rows (f)), ==, CL_DEMO_DEFAULT_PUPILS);
  expected = g_strdup_printf ("%s pupils", count);
  g_assert_cmpstr (pupil_count_text (f), ==, expected);
  g_assert_cmpuint (cl_schools_page_get_n_schools (cl_window_get_schools_page (f->window)), ==,
                    CL_DEMO_DEFAULT_SCHOOLS);
}

static void
test_pupil_count (Fixture       *f,
                  gconstpointer  data)
{
  /* A database with pupils opens on the caseload (issue 4). */
  g_assert_cmpstr (cl_window_get_visible_page (f->window), ==, "caseload");
  g_assert_cmpuint (g_list_model_get_n_items (pupil_rows (f)), ==, DEMO_PUPILS);
  g_assert_cmpstr (pupil_count_text (f), ==, "150 pupils");
}

static void
test_search_upn (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ClPupil) wanted = pupil_at (f, 37);
  g_autofree char *upn = g_strdup (cl_pupil_get_upn (wanted));
  g_autoptr(ClPupil) found = NULL;

  search (f, upn, 1);
  found = pupil_at (f, 0);
  g_assert_cmpstr (cl_pupil_get_upn (found), ==, upn);
  g_assert_cmpstr (pupil_count_text (f), ==, "1 of 150 pupils");

  /* Lower case works too; clearing the search shows everyone again. */
  {
    g_autofree char *lower = g_ascii_strdown (upn, -1);
    search (f, lower, 1);
  }
  search (f, "", DEMO_PUPILS);
  g_assert_cmpstr (pupil_count_text (f), ==, "150 pupils");
}

static void
test_search_school (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open (f->path, &error);
  g_autoptr(ClSchoolRepository) schools = cl_school_repository_new (db);
  g_autoptr(ClPupilRepository) pupils = cl_pupil_repository_new (db);
  g_autoptr(GListModel) school_list = NULL;
  g_autoptr(ClSchool) school = NULL;
  g_autoptr(GListModel) at_school = NULL;
  guint expected;
  GListModel *rows;

  g_assert_no_error (error);
  school_list = cl_school_repository_list (schools, &error);
  g_assert_no_error (error);
  school = g_list_model_get_item (school_list, 0);
  at_school = cl_pupil_repository_list (pupils, cl_school_get_id (school), &error);
  g_assert_no_error (error);
  expected = g_list_model_get_n_items (at_school);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, DEMO_PUPILS);

  search (f, cl_school_get_name (school), expected);
  rows = pupil_rows (f);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ClPupil) pupil = pupil_at (f, i);
      g_assert_cmpstr (cl_pupil_get_school_name (pupil), ==, cl_school_get_name (school));
    }
}

static void
test_search_narrows (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ClPupil) pupil = pupil_at (f, 10);
  g_autofree char *surname = g_strdup (cl_pupil_get_surname (pupil));
  g_autofree char *prefix = g_strndup (surname, 2);
  guint n_prefix, n_full;

  /* Each letter typed narrows the list (never widens it). */
  cl_pupils_page_search_now (cl_window_get_pupils_page (f->window), prefix);
  n_prefix = g_list_model_get_n_items (pupil_rows (f));
  cl_pupils_page_search_now (cl_window_get_pupils_page (f->window), surname);
  n_full = g_list_model_get_n_items (pupil_rows (f));
  g_assert_cmpuint (n_full, >=, 1);
  g_assert_cmpuint (n_full, <=, n_prefix);
  g_assert_cmpuint (n_prefix, <=, DEMO_PUPILS);
}

static void
test_search_keeps_selection (Fixture       *f,
                             gconstpointer  data)
{
  ClPupilsPage *page = cl_window_get_pupils_page (f->window);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (pupil_rows (f));
  g_autoptr(ClPupil) pupil = pupil_at (f, 42);
  g_autofree char *surname = g_strdup (cl_pupil_get_surname (pupil));
  g_autoptr(ClPupil) shown = NULL;
  guint selected;

  gtk_single_selection_set_selected (selection, 42);
  settle ();
  g_assert_cmpint (cl_pupil_get_id (cl_pupil_editor_get_draft (cl_pupils_page_get_editor (page))),
                   ==, cl_pupil_get_id (pupil));

  /* The row of the pupil being edited stays selected wherever the search
   * puts it, and the editor keeps that pupil. */
  cl_pupils_page_search_now (page, surname);
  settle ();
  selected = gtk_single_selection_get_selected (selection);
  g_assert_cmpuint (selected, !=, GTK_INVALID_LIST_POSITION);
  shown = pupil_at (f, selected);
  g_assert_cmpint (cl_pupil_get_id (shown), ==, cl_pupil_get_id (pupil));

  /* A search that hides it leaves nothing selected, the editor as it was. */
  cl_pupils_page_search_now (page, "zzzz-nobody");
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (pupil_rows (f)), ==, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (cl_pupil_get_id (cl_pupil_editor_get_draft (cl_pupils_page_get_editor (page))),
                   ==, cl_pupil_get_id (pupil));
  g_assert_cmpstr (pupil_count_text (f), ==, "0 of 150 pupils");
}

static gboolean
label_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static void
test_upn_error (Fixture       *f,
                gconstpointer  data)
{
  ClPupilsPage *page = cl_window_get_pupils_page (f->window);
  ClPupilEditor *editor = cl_pupils_page_get_editor (page);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (pupil_rows (f));
  GtkWidget *upn_row = cl_pupil_editor_get_text_row (editor, CL_PUPIL_UPN);
  GtkLabel *error_label = cl_pupil_editor_get_error_label (editor);
  GtkWidget *save = cl_pupils_page_get_save_button (page);
  g_autoptr(ClPupil) pupil = pupil_at (f, 5);
  g_autofree char *upn = g_strdup (cl_pupil_get_upn (pupil));
  g_autofree char *wrong = g_strdup (upn);
  g_autofree char *expected = NULL;

  /* Choosing a row shows that pupil in the editor. */
  gtk_single_selection_set_selected (selection, 5);
  settle ();
  g_assert_true (cl_pupil_editor_is_editing (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (upn_row)), ==, upn);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_false (gtk_widget_get_sensitive (save));

  /* A mistyped check letter is named as it is typed, and Save waits. */
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  if (cl_upn_check (wrong, NULL) == CL_UPN_VALID)
    wrong[0] = 'C';
  gtk_editable_set_text (GTK_EDITABLE (upn_row), wrong);
  g_assert_true (wait_until (label_visible, error_label));
  expected = g_strdup_printf ("wrong check letter at character 1 (should be %c)", upn[0]);
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), expected));
  g_assert_true (gtk_widget_has_css_class (upn_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Put right, the message goes; unchanged, there is nothing to save. */
  gtk_editable_set_text (GTK_EDITABLE (upn_row), upn);
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_false (gtk_widget_has_css_class (upn_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (save));
}

static void
test_save_and_delete (Fixture       *f,
                      gconstpointer  data)
{
  ClPupilsPage *page = cl_window_get_pupils_page (f->window);
  ClPupilEditor *editor = cl_pupils_page_get_editor (page);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (pupil_rows (f));
  GtkWidget *save = cl_pupils_page_get_save_button (page);
  g_autoptr(ClPupil) pupil = pupil_at (f, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = NULL;
  g_autoptr(ClPupilRepository) repository = NULL;
  g_autoptr(ClPupil) stored = NULL;
  GtkWidget *forename_row;
  gint64 id = cl_pupil_get_id (pupil);

  gtk_single_selection_set_selected (selection, 3);
  settle ();

  forename_row = cl_pupil_editor_get_text_row (editor, CL_PUPIL_PREFERRED_FORENAME);
  gtk_editable_set_text (GTK_EDITABLE (forename_row), "Zebedee");
  settle ();
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pupils.save", NULL));
  settle ();
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (pupil_count_text (f), ==, "150 pupils");

  db = cl_database_open (f->path, &error);
  g_assert_no_error (error);
  repository = cl_pupil_repository_new (db);
  stored = cl_pupil_repository_get (repository, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_pupil_get_forename (stored), ==, "Zebedee");
  search (f, "zebedee", 1);

  /* Deleting takes the row away at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pupils.delete", NULL));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (pupil_rows (f)), ==, 0);
  g_assert_false (cl_pupil_editor_is_editing (editor));
  search (f, "", DEMO_PUPILS - 1);
  g_assert_cmpstr (pupil_count_text (f), ==, "149 pupils");
}

static void
test_schools (Fixture       *f,
              gconstpointer  data)
{
  ClSchoolsPage *page = cl_window_get_schools_page (f->window);
  GtkColumnView *view = cl_schools_page_get_column_view (page);
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));

  cl_window_show_page (f->window, "schools");
  settle ();
  g_assert_cmpstr (cl_window_get_visible_page (f->window), ==, "schools");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, DEMO_SCHOOLS);
  g_assert_cmpstr (gtk_label_get_text (cl_schools_page_get_count_label (page)), ==, "3 schools");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_school_in_use (Fixture       *f,
                    gconstpointer  data)
{
  ClSchoolsPage *page = cl_window_get_schools_page (f->window);
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_column_view_get_model (cl_schools_page_get_column_view (page)));
  AdwMessageDialog *dialog;

  cl_window_show_page (f->window, "schools");
  gtk_single_selection_set_selected (selection, 0);
  settle ();

  /* A school with pupils on roll is not deleted: a dialog says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schools.delete", NULL));
  settle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "pupil"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, DEMO_SCHOOLS);
  g_assert_cmpstr (gtk_label_get_text (cl_schools_page_get_count_label (page)), ==, "3 schools");
}

static void
test_school_editor (Fixture       *f,
                    gconstpointer  data)
{
  ClSchoolsPage *page = cl_window_get_schools_page (f->window);
  GtkColumnView *view = cl_schools_page_get_column_view (page);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  ClSchoolEditor *editor = cl_schools_page_get_editor (page);
  GtkWidget *urn_row = cl_school_editor_get_number_row (editor, CL_SCHOOL_URN);
  GtkLabel *error_label = cl_school_editor_get_error_label (editor);
  GtkWidget *save = cl_schools_page_get_save_button (page);
  g_autoptr(ClSlot) slot = NULL;
  g_autofree char *urn = NULL;

  cl_window_show_page (f->window, "schools");
  slot = g_list_model_get_item (G_LIST_MODEL (selection), 1);
  urn = g_strdup_printf ("%u", cl_school_get_urn (cl_slot_get_item (slot)));

  /* Searching by URN finds that one school. */
  cl_schools_page_search_now (page, urn);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (cl_schools_page_get_count_label (page)), ==,
                   "1 of 3 schools");

  /* A URN one digit short is named as wrong, and Save waits; so does
   * text where a number belongs. */
  gtk_single_selection_set_selected (selection, 0);
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (urn_row)), ==, urn);
  urn[5] = '\0';
  gtk_editable_set_text (GTK_EDITABLE (urn_row), urn);
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "six digits"));
  g_assert_true (gtk_widget_has_css_class (urn_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (urn_row), "12345x");
  settle ();
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "digits only"));
  g_assert_false (gtk_widget_get_sensitive (save));
}

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_legal (Fixture       *f,
            gconstpointer  data)
{
  AdwStatusPage *status;

  cl_window_show_page (f->window, "legal");
  settle ();
  g_assert_cmpstr (cl_window_get_visible_page (f->window), ==, "legal");
  status = find_status_page (cl_window_get_page (f->window, "legal"));
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Legal Process");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "not built yet"));
}

/* --- attendance ---------------------------------------------------------- */

/* The test run's today (CASELOAD_TODAY) and its academic year's start. */
#define TODAY      "2025-10-01"
#define YEAR_START "2025-09-01"

static ClDatabase *
open_db (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  ClDatabase *db = cl_database_open (f->path, &error);

  g_assert_no_error (error);
  return db;
}

/* Selects the first pupil in the list with sessions this year; returns them. */
static ClPupil *
select_pupil_with_register (Fixture             *f,
                            ClDatabase          *db,
                            ClAttendanceSummary *summary)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (pupil_rows (f));

  for (guint i = 0; i < g_list_model_get_n_items (pupil_rows (f)); i++)
    {
      g_autoptr(ClPupil) pupil = pupil_at (f, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (cl_attendance_summary_for_pupil (db, cl_pupil_get_id (pupil), YEAR_START,
                                                      TODAY, summary, &error));
      g_assert_no_error (error);
      if (summary->possible > 0)
        {
          gtk_single_selection_set_selected (selection, i);
          settle ();
          return g_steal_pointer (&pupil);
        }
    }
  g_assert_not_reached ();
}

static void
test_attendance_card (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ClDatabase) db = open_db (f);
  ClPupilEditor *editor = cl_pupils_page_get_editor (cl_window_get_pupils_page (f->window));
  ClAttendanceCard *card = cl_pupil_editor_get_attendance_card (editor);
  ClAttendanceSummary summary = { 0 };
  g_autoptr(ClPupil) pupil = select_pupil_with_register (f, db, &summary);
  g_autofree char *expected = g_strdup_printf ("%.1f%%", summary.attendance_percent);

  /* The figure the card shows is the core's, to one decimal place. */
  g_assert_cmpint (cl_pupil_get_id (cl_pupil_editor_get_source (editor)), ==,
                   cl_pupil_get_id (pupil));
  g_assert_cmpstr (gtk_label_get_text (cl_attendance_card_get_attendance_label (card)), ==,
                   expected);
  g_assert_cmpint (gtk_widget_get_visible (cl_attendance_card_get_severe_badge (card)), ==,
                   summary.severe);
  g_assert_cmpint (gtk_widget_get_visible (cl_attendance_card_get_persistent_badge (card)), ==,
                   summary.persistent && !summary.severe);
  /* Either the rules met or a row saying none is. */
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (cl_attendance_card_get_rules_list (card))));
}

/* A pupil whose first badge is severe, if the demo has one: the badge is
 * the words, not only a colour. */
static void
test_attendance_card_severe (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ClDatabase) db = open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = cl_attendance_summary_all_pupils (db, 0, YEAR_START, TODAY, &error);
  ClPupilsPage *page = cl_window_get_pupils_page (f->window);
  ClAttendanceCard *card = cl_pupil_editor_get_attendance_card (cl_pupils_page_get_editor (page));
  gint64 severe_id = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < all->len && severe_id == 0; i++)
    if (g_array_index (all, ClPupilAttendance, i).summary.severe)
      severe_id = g_array_index (all, ClPupilAttendance, i).pupil_id;
  if (severe_id == 0)
    {
      g_test_skip ("no severely absent pupil in this demo");
      return;
    }
  g_assert_true (cl_pupils_page_show_pupil (page, severe_id));
  settle ();
  g_assert_true (gtk_widget_get_visible (cl_attendance_card_get_severe_badge (card)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cl_attendance_card_get_severe_badge (card))),
                   ==, "Severe absence");
}

static void
test_register_calendar (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ClDatabase) db = open_db (f);
  g_autoptr(GError) error = NULL;
  ClPupilEditor *editor = cl_pupils_page_get_editor (cl_window_get_pupils_page (f->window));
  ClRegisterCalendar *calendar = cl_pupil_editor_get_register_calendar (editor);
  ClRegisterGrid *grid = cl_register_calendar_get_grid (calendar);
  ClAttendanceSummary summary = { 0 };
  g_autoptr(ClPupil) pupil = select_pupil_with_register (f, db, &summary);
  g_autoptr(GPtrArray) registers = cl_register_load_for_pupil (db, cl_pupil_get_id (pupil),
                                                               &error);
  g_autoptr(ClCodeTable) codes = cl_code_table_load (db, &error);
  ClRegister *reg = NULL;
  ClAttendanceCode *code = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  gboolean other_years = FALSE;
  int index = -1;

  g_assert_no_error (error);
  /* This year's register is shown first; a choice of year when there are
   * registers of other years. */
  g_assert_cmpint (cl_register_grid_get_academic_year (grid), ==, 2025);
  for (guint i = 0; i < registers->len; i++)
    {
      int year = cl_register_get_academic_year (g_ptr_array_index (registers, i));

      if (year == 2025)
        reg = g_ptr_array_index (registers, i);
      else
        other_years = TRUE;
    }
  g_assert_nonnull (reg);
  g_assert_cmpint (gtk_widget_get_visible (gtk_widget_get_parent (
                     GTK_WIDGET (cl_register_calendar_get_year_dropdown (calendar)))),
                   ==, other_years);
  /* An absence if there is one, else any mark. */
  for (int i = 0; i < (int) cl_register_get_n_marks (reg) && index < 0; i++)
    {
      ClAttendanceCode *c = cl_code_table_get (codes, cl_register_get_mark_at (reg, i));
      if (c != NULL && cl_attendance_code_get_counts_possible (c)
          && !cl_attendance_code_get_is_present (c))
        index = i;
    }
  for (int i = 0; i < (int) cl_register_get_n_marks (reg) && index < 0; i++)
    if (cl_register_get_mark_at (reg, i) != 0)
      index = i;
  g_assert_cmpint (index, >=, 0);
  code = cl_code_table_get (codes, cl_register_get_mark_at (reg, index));

  /* As the arrow keys move to it: the label a screen reader hears. */
  cl_register_grid_set_focus_session (grid, index);
  g_assert_cmpint (cl_register_grid_get_focus_session (grid), ==, index);
  text = g_strdup (cl_register_grid_get_accessible_label (grid));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, cl_attendance_code_get_code (code)));
  g_assert_nonnull (strstr (text, cl_attendance_code_get_meaning (code)));
  g_assert_nonnull (strstr (text, index % 2 == 0 ? "morning" : "afternoon"));
  date = cl_session_index_to_date (2025, index, NULL);
  g_assert_nonnull (strstr (text, date[8] == '0' ? date + 9 : date + 8));
  g_assert_nonnull (strstr (text, "2025"));
  /* The tooltip says the same. */
  {
    g_autofree char *tooltip = cl_register_grid_describe_session (grid, index);
    g_assert_cmpstr (tooltip, ==, text);
  }
  /* Weekends are not sessions. */
  {
    guint32 julian = cl_academic_year_first_julian (2025);
    int saturday = (int) (5 - cl_attendance_julian_weekday (julian) + 7) % 7;
    g_autofree char *none = cl_register_grid_describe_session (grid, saturday * 2);
    g_assert_null (none);
  }
}

static void
test_school_attendance (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ClDatabase) db = open_db (f);
  g_autoptr(GError) error = NULL;
  ClSchoolsPage *page = cl_window_get_schools_page (f->window);
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_column_view_get_model (cl_schools_page_get_column_view (page)));
  ClSchoolAttendance *attendance =
    cl_school_editor_get_attendance (cl_schools_page_get_editor (page));
  g_autoptr(ClSlot) slot = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(ClAttendanceItem) first = NULL;
  ClAttendanceSummary school = { 0 };
  g_autofree char *expected = NULL;
  GListModel *pupils;
  ClSchool *chosen;
  double lowest = 101.0, previous = -1.0;
  guint n_with_sessions = 0;

  cl_window_show_page (f->window, "schools");
  gtk_single_selection_set_selected (selection, 0);
  settle ();
  slot = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  chosen = cl_slot_get_item (slot);

  /* The school's figures are the core's. */
  g_assert_true (cl_attendance_summary_for_school (db, cl_school_get_id (chosen), YEAR_START,
                                                   TODAY, &school, &error));
  g_assert_cmpuint (school.possible, >, 0);
  expected = g_strdup_printf ("%.1f%%", school.attendance_percent);
  g_assert_cmpstr (gtk_label_get_text (cl_school_attendance_get_figure_label (attendance, 0)),
                   ==, expected);

  /* Its pupils, lowest attendance first. */
  all = cl_attendance_summary_all_pupils (db, cl_school_get_id (chosen), YEAR_START, TODAY,
                                          &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const ClAttendanceSummary *s = &g_array_index (all, ClPupilAttendance, i).summary;
      if (s->possible > 0)
        {
          n_with_sessions++;
          lowest = MIN (lowest, s->attendance_percent);
        }
    }
  pupils = cl_school_attendance_get_pupils (attendance);
  g_assert_cmpuint (g_list_model_get_n_items (pupils), ==, n_with_sessions);
  for (guint i = 0; i < g_list_model_get_n_items (pupils); i++)
    {
      g_autoptr(ClAttendanceItem) item = g_list_model_get_item (pupils, i);
      double percent = cl_attendance_item_get_attendance_percent (item);

      g_assert_cmpfloat (percent, >=, previous);
      previous = percent;
    }
  first = g_list_model_get_item (pupils, 0);
  g_assert_cmpfloat (cl_attendance_item_get_attendance_percent (first), ==, lowest);

  /* Choosing one shows that pupil on the Pupils page. */
  g_signal_emit_by_name (cl_school_attendance_get_list_view (attendance), "activate", 0);
  settle ();
  g_assert_cmpstr (cl_window_get_visible_page (f->window), ==, "pupils");
  g_assert_cmpint (cl_pupil_get_id (cl_pupil_editor_get_source (
                     cl_pupils_page_get_editor (cl_window_get_pupils_page (f->window)))),
                   ==, cl_attendance_item_get_pupil_id (first));
}

/* --- import -------------------------------------------------------------- */

static char *
data_path (const char *name)
{
  /* The ui suite's environment sets G_TEST_SRCDIR to tests/. */
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static guint
first_school_urn (ClDatabase *db)
{
  g_autoptr(ClSchoolRepository) schools = cl_school_repository_new (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = cl_school_repository_list (schools, &error);
  g_autoptr(ClSchool) school = NULL;

  g_assert_no_error (error);
  school = g_list_model_get_item (list, 0);
  return cl_school_get_urn (school);
}

static guint
count_pupils (ClDatabase *db)
{
  g_autoptr(ClPupilRepository) pupils = cl_pupil_repository_new (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = cl_pupil_repository_list (pupils, 0, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

static gboolean
pupil_exists (ClDatabase *db,
              const char *upn)
{
  g_autoptr(ClPupilRepository) pupils = cl_pupil_repository_new (db);
  g_autoptr(ClPupil) pupil = cl_pupil_repository_get_by_upn (pupils, upn, NULL);

  return pupil != NULL;
}

static gboolean
import_stopped (gpointer data)
{
  return !cl_import_dialog_is_running (data)
         && g_strcmp0 (cl_import_dialog_get_state (data), "progress") != 0;
}

/* Whether a label under widget shows text. */
static gboolean
has_label_text (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_progress (gpointer data)
{
  const char *text = gtk_progress_bar_get_text (cl_import_dialog_get_progress_bar (data));

  return text != NULL && g_strcmp0 (text, "Starting") != 0;
}

static gboolean
file_has_lines (gpointer data)
{
  g_autofree char *contents = NULL;
  const char *path = data;

  return g_file_get_contents (path, &contents, NULL, NULL) && strchr (contents, '\n') != NULL;
}

static gboolean
window_gone (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(GObject) object = g_weak_ref_get (ref);

  return object == NULL;
}

/* The mail-merge dialog open now, or NULL. */
static ClMailMergeDialog *
find_mail_merge_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CL_IS_MAIL_MERGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CL_MAIL_MERGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
mail_merge_shown (gpointer data)
{
  return find_mail_merge_dialog () != NULL;
}

/* Whether a row under widget is titled title, as the pupils chosen in the
 * mail-merge dialog are (their name), and shown. */
static gboolean
has_row_titled (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_is_visible (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_row_titled (child, title))
      return TRUE;
  return FALSE;
}

/* Write Letters… in the pupil's header opens the mail-merge dialog with
 * that pupil chosen; a new pupil has none to write yet. */
static void
test_pupil_write_letters (Fixture       *f,
                          gconstpointer  data)
{
  ClPupilsPage *page = cl_window_get_pupils_page (f->window);
  ClPupilEditor *editor = cl_pupils_page_get_editor (page);
  GtkWidget *button = cl_pupil_editor_get_write_letters_button (editor);
  g_autoptr(ClPupil) pupil = pupil_at (f, 2);
  g_autofree char *name = g_strdup_printf ("%s %s", cl_pupil_get_forename (pupil),
                                           cl_pupil_get_surname (pupil));
  ClMailMergeDialog *dialog;
  GWeakRef ref;

  /* A new pupil: not yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pupils.add", NULL));
  settle ();
  g_assert_true (cl_pupil_editor_is_new (editor));
  g_assert_false (gtk_widget_get_sensitive (button));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (pupil_rows (f)), 2);
  settle ();
  g_assert_cmpint (cl_pupil_get_id (cl_pupil_editor_get_source (editor)), ==,
                   cl_pupil_get_id (pupil));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_null (find_mail_merge_dialog ());
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_until (mail_merge_shown, NULL));
  settle ();
  dialog = find_mail_merge_dialog ();
  g_assert_true (has_row_titled (GTK_WIDGET (dialog), name));

  g_weak_ref_init (&ref, dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_until (window_gone, &ref));
  g_weak_ref_clear (&ref);
}

typedef struct
{
  GtkWidget  *widget;
  const char *title;
} GuardianRowWait;

static gboolean
guardian_row_shown (gpointer data)
{
  GuardianRowWait *w = data;

  return has_row_titled (w->widget, w->title);
}

/* A message dialog open now over parent, or NULL. */
static AdwMessageDialog *
find_question_over (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Add Parent or Carer… in the pupil editor: the dialog saves through the
 * core, the editor lists the new guardian, and Save waits for a surname. */
static void
test_pupil_add_guardian (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ClDatabase) db = open_db (f);
  g_autoptr(ClPupilRepository) repository = cl_pupil_repository_new (db);
  ClPupilsPage *page = cl_window_get_pupils_page (f->window);
  ClPupilEditor *editor = cl_pupils_page_get_editor (page);
  GtkWidget *add_button = cl_pupil_editor_get_add_guardian_button (editor);
  g_autoptr(ClPupil) pupil = pupil_at (f, 1);
  g_autoptr(GListModel) guardians = NULL;
  g_autoptr(GError) error = NULL;
  GuardianRowWait w = { GTK_WIDGET (editor), "Anna Kowalska" };
  ClGuardianDialog *dialog;
  GtkWidget *save_button, *surname_row;
  AdwComboRow *relationship_row;
  AdwMessageDialog *question;
  gboolean found = FALSE;
  GWeakRef ref;

  /* A new pupil: nobody to link until saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pupils.add", NULL));
  settle ();
  g_assert_false (gtk_widget_get_sensitive (add_button));
  g_assert_null (cl_pupil_editor_open_guardian_dialog (editor, NULL));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (pupil_rows (f)), 1);
  settle ();
  g_assert_cmpint (cl_pupil_get_id (cl_pupil_editor_get_source (editor)), ==,
                   cl_pupil_get_id (pupil));
  g_assert_true (gtk_widget_get_sensitive (add_button));
  g_assert_false (has_row_titled (GTK_WIDGET (editor), "Anna Kowalska"));

  g_signal_emit_by_name (add_button, "clicked");
  dialog = cl_pupil_editor_get_guardian_dialog (editor);
  g_assert_nonnull (dialog);
  settle ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  save_button = cl_guardian_dialog_get_save_button (dialog);
  g_assert_false (gtk_widget_get_sensitive (save_button));

  gtk_editable_set_text (GTK_EDITABLE (cl_guardian_dialog_get_text_row (dialog,
                                                                        CL_GUARDIAN_SURNAME)),
                         "Kowalska");
  gtk_editable_set_text (GTK_EDITABLE (cl_guardian_dialog_get_text_row (dialog,
                                                                        CL_GUARDIAN_FORENAME)),
                         "Anna");
  /* Carer, then mother: parental responsibility follows the choice. */
  relationship_row = ADW_COMBO_ROW (cl_guardian_dialog_get_text_row (dialog,
                                                                   CL_GUARDIAN_RELATIONSHIP));
  adw_combo_row_set_selected (relationship_row, 6);
  g_assert_false (gtk_switch_get_active (cl_guardian_dialog_get_responsibility_switch (dialog)));
  adw_combo_row_set_selected (relationship_row, 0);
  g_assert_true (gtk_switch_get_active (cl_guardian_dialog_get_responsibility_switch (dialog)));
  settle ();
  g_assert_true (gtk_widget_get_sensitive (save_button));

  g_weak_ref_init (&ref, dialog);
  g_signal_emit_by_name (save_button, "clicked");
  g_assert_true (wait_until (guardian_row_shown, &w));
  g_assert_true (wait_until (window_gone, &ref));
  g_weak_ref_clear (&ref);
  g_assert_null (cl_pupil_editor_get_guardian_dialog (editor));

  guardians = cl_pupil_repository_guardians (repository, cl_pupil_get_id (pupil), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (guardians); i++)
    {
      g_autoptr(ClGuardian) guardian = g_list_model_get_item (guardians, i);

      if (g_strcmp0 (cl_guardian_get_text (guardian, CL_GUARDIAN_SURNAME), "Kowalska") != 0)
        continue;
      found = TRUE;
      g_assert_cmpstr (cl_guardian_get_text (guardian, CL_GUARDIAN_FORENAME), ==, "Anna");
      g_assert_cmpstr (cl_guardian_get_text (guardian, CL_GUARDIAN_RELATIONSHIP), ==, "mother");
      g_assert_true (cl_guardian_get_parental_responsibility (guardian));
    }
  g_assert_true (found);

  /* No surname: Save stays off, the row is marked, and closing asks first. */
  dialog = cl_pupil_editor_open_guardian_dialog (editor, NULL);
  g_assert_nonnull (dialog);
  settle ();
  save_button = cl_guardian_dialog_get_save_button (dialog);
  surname_row = cl_guardian_dialog_get_text_row (dialog, CL_GUARDIAN_SURNAME);
  gtk_editable_set_text (GTK_EDITABLE (cl_guardian_dialog_get_text_row (dialog,
                                                                        CL_GUARDIAN_FORENAME)),
                         "Piotr");
  gtk_editable_set_text (GTK_EDITABLE (surname_row), "K");
  gtk_editable_set_text (GTK_EDITABLE (surname_row), "");
  settle ();
  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_true (gtk_widget_has_css_class (surname_row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cl_guardian_dialog_get_error_label (dialog))));
  g_assert_false (cl_guardian_dialog_save (dialog));

  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  question = find_question_over (GTK_WINDOW (dialog));
  g_assert_nonnull (question);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_guardian_dialog_get_text_row (
                     dialog, CL_GUARDIAN_FORENAME))), ==, "Piotr");
  g_weak_ref_init (&ref, dialog);
  adw_message_dialog_response (question, "discard");
  g_assert_true (wait_until (window_gone, &ref));
  g_weak_ref_clear (&ref);
}

/* The calendar dialog open now, or NULL. */
static ClCalendarDialog *
find_calendar_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CL_IS_CALENDAR_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CL_CALENDAR_DIALOG (window);
    }
  return NULL;
}

static guint
n_list_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

/* The position of the row titled title, or G_MAXUINT. */
static guint
list_row_titled (GtkListBox *list,
                 const char *title)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, (int) i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return i;
  return G_MAXUINT;
}

static ClCalendar *
load_calendar (ClDatabase *db,
               ClSchool   *school,
               int         academic_year)
{
  g_autoptr(GError) error = NULL;
  ClCalendar *calendar = cl_calendar_load (db, cl_school_get_id (school), academic_year, &error);

  g_assert_no_error (error);
  return calendar;
}

/* Schools → a school → Calendar: an INSET day typed in the dialog is listed,
 * takes a day off the open days and is stored; removing it gives the day
 * back; a range that ends before it starts is refused and changes nothing;
 * an empty year takes the standard English calendar; closing with a date
 * typed but not added asks first. */
static void
test_school_calendar (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ClDatabase) db = open_db (f);
  ClSchoolsPage *page = cl_window_get_schools_page (f->window);
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_column_view_get_model (cl_schools_page_get_column_view (page)));
  ClSchoolEditor *editor = cl_schools_page_get_editor (page);
  g_autoptr(ClCalendar) stored = NULL;
  ClCalendarDialog *dialog;
  ClSchool *school;
  GtkListBox *list;
  GtkLabel *open_days, *error_label;
  GtkEditable *first, *last, *name;
  GtkWidget *add_button;
  AdwMessageDialog *question;
  guint n_entries, index;
  GWeakRef ref;

  cl_window_show_page (f->window, "schools");
  gtk_single_selection_set_selected (selection, 0);
  settle ();
  school = cl_school_editor_get_source (editor);
  g_assert_nonnull (school);
  g_assert_true (has_row_titled (GTK_WIDGET (editor), "Calendar"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "school.calendar", NULL));
  settle ();
  dialog = find_calendar_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));

  /* This year (CASELOAD_TODAY is in 2025/26), as the demo stored it. */
  g_assert_cmpint (cl_calendar_dialog_get_academic_year (dialog), ==, 2025);
  list = cl_calendar_dialog_get_entry_list (dialog);
  open_days = cl_calendar_dialog_get_open_days_label (dialog);
  error_label = cl_calendar_dialog_get_error_label (dialog);
  first = cl_calendar_dialog_get_first_row (dialog);
  last = cl_calendar_dialog_get_last_row (dialog);
  name = cl_calendar_dialog_get_name_row (dialog);
  add_button = cl_calendar_dialog_get_add_button (dialog);
  stored = load_calendar (db, school, 2025);
  n_entries = cl_calendar_get_entries (stored)->len;
  g_assert_cmpuint (n_entries, >, 0);
  g_assert_cmpuint (n_list_rows (list), ==, n_entries);
  g_assert_cmpstr (gtk_label_get_text (open_days), ==, "190");
  g_assert_cmpuint (list_row_titled (list, "Autumn term"), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (
                     list, 0))), ==, "Term · 01/09/2025 – 19/12/2025");
  g_assert_false (gtk_widget_get_sensitive (add_button));

  /* Ends before it starts: the core's message under the last day, Add
   * and Enter refused, nothing changed. */
  adw_combo_row_set_selected (cl_calendar_dialog_get_kind_row (dialog), 0);
  gtk_editable_set_text (first, "10/10/2025");
  gtk_editable_set_text (last, "09/10/2025");
  settle ();
  g_assert_false (gtk_widget_get_sensitive (add_button));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "ends before it starts"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (last), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (first), "error"));
  g_assert_false (cl_calendar_dialog_add (dialog));
  g_signal_emit_by_name (last, "entry-activated");
  settle ();
  g_assert_cmpuint (n_list_rows (list), ==, n_entries);
  g_assert_cmpstr (gtk_label_get_text (open_days), ==, "190");
  g_clear_object (&stored);
  stored = load_calendar (db, school, 2025);
  g_assert_cmpuint (cl_calendar_get_entries (stored)->len, ==, n_entries);

  /* Outside the year: named under the first day. */
  gtk_editable_set_text (first, "10/10/2026");
  gtk_editable_set_text (last, "");
  settle ();
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "not within the academic year"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (first), "error"));

  /* An INSET day on Friday 10 October, added with Enter. */
  gtk_editable_set_text (first, "10/10/2025");
  gtk_editable_set_text (name, "Training day");
  settle ();
  g_assert_true (gtk_widget_get_sensitive (add_button));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "");
  g_signal_emit_by_name (name, "entry-activated");
  settle ();
  g_assert_cmpuint (n_list_rows (list), ==, n_entries + 1);
  index = list_row_titled (list, "Training day");
  g_assert_cmpuint (index, <, n_entries + 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (
                     list, (int) index))), ==, "INSET day · 10/10/2025");
  g_assert_cmpstr (gtk_label_get_text (open_days), ==, "189");
  g_assert_cmpstr (gtk_editable_get_text (first), ==, "");
  g_assert_false (cl_calendar_dialog_get_dirty (dialog));
  g_clear_object (&stored);
  stored = load_calendar (db, school, 2025);
  g_assert_cmpuint (cl_calendar_get_entries (stored)->len, ==, n_entries + 1);
  g_assert_cmpint (cl_calendar_get_day (stored, "2025-10-10"), ==, CL_CALENDAR_DAY_INSET);
  g_assert_cmpuint (cl_calendar_count_open_days (stored, NULL, NULL), ==, 189);

  /* Removed, as its Remove button does: the year is as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "calendar.remove", "u", index));
  settle ();
  g_assert_cmpuint (n_list_rows (list), ==, n_entries);
  g_assert_cmpuint (list_row_titled (list, "Training day"), ==, G_MAXUINT);
  g_assert_cmpstr (gtk_label_get_text (open_days), ==, "190");
  g_clear_object (&stored);
  stored = load_calendar (db, school, 2025);
  g_assert_cmpuint (cl_calendar_get_entries (stored)->len, ==, n_entries);
  g_assert_cmpint (cl_calendar_get_day (stored, "2025-10-10"), ==, CL_CALENDAR_DAY_OPEN);

  /* Next year has nothing stored: the standard English calendar, no question. */
  cl_calendar_dialog_set_academic_year (dialog, 2026);
  settle ();
  g_assert_cmpuint (n_list_rows (list), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (open_days)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "calendar.standard", NULL));
  settle ();
  g_assert_null (find_question_over (GTK_WINDOW (dialog)));
  g_assert_cmpstr (gtk_label_get_text (open_days), ==, "190");
  g_clear_object (&stored);
  stored = load_calendar (db, school, 2026);
  g_assert_false (cl_calendar_is_empty (stored));
  g_assert_cmpuint (n_list_rows (list), ==, cl_calendar_get_entries (stored)->len);
  /* Asked before replacing a calendar that has entries. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "calendar.standard", NULL));
  settle ();
  question = find_question_over (GTK_WINDOW (dialog));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "cancel");
  gtk_window_close (GTK_WINDOW (question));
  settle ();

  /* A date typed but not added: closing asks, and keeps it meanwhile. */
  gtk_editable_set_text (first, "13/10/2026");
  settle ();
  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  question = find_question_over (GTK_WINDOW (dialog));
  g_assert_nonnull (question);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (first), ==, "13/10/2026");
  g_weak_ref_init (&ref, dialog);
  adw_message_dialog_response (question, "discard");
  g_assert_true (wait_until (window_gone, &ref));
  g_weak_ref_clear (&ref);
}

static void
test_import_problems (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ClDatabase) db = open_db (f);
  g_autofree char *path = data_path ("register-bad.csv");
  g_autofree char *saved = g_build_filename (f->dir, "problems.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  g_auto(GStrv) lines = NULL;
  guint before = count_pupils (db);
  ClImportDialog *dialog;
  GListModel *problems;
  gboolean found = FALSE;
  GWeakRef ref;

  dialog = cl_window_import_file (f->window, path, first_school_urn (db), NULL);
  g_assert_true (wait_until (import_stopped, dialog));
  g_assert_cmpstr (cl_import_dialog_get_state (dialog), ==, "problems");

  /* Every problem as FILE:LINE: what. */
  problems = cl_import_dialog_get_problems (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (problems), >=, 6);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      const char *line = gtk_string_list_get_string (GTK_STRING_LIST (problems), i);

      g_assert_true (g_str_has_prefix (line, "register-bad.csv:"));
      if (strstr (line, "register-bad.csv:3:") != NULL && strstr (line, "Q9") != NULL)
        found = TRUE;
    }
  g_assert_true (found);

  /* Nothing was imported, not even the clean pupil. */
  g_assert_cmpuint (count_pupils (db), ==, before);
  g_assert_false (pupil_exists (db, "U801200002001"));

  /* The list can be saved as it is shown. */
  cl_import_dialog_save_problems (dialog, saved_file);
  g_assert_true (wait_until (file_has_lines, saved));
  g_assert_true (g_file_get_contents (saved, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines) - 1, ==, g_list_model_get_n_items (problems));
  g_assert_cmpstr (lines[0], ==, gtk_string_list_get_string (GTK_STRING_LIST (problems), 0));

  /* One pupil is clean: it can go in alone when asked. The offer comes
   * with the problems, from the one pass over the file. */
  g_assert_true (gtk_widget_get_visible (cl_import_dialog_get_clean_button (dialog)));
  g_assert_true (has_label_text (GTK_WIDGET (dialog),
                                 "1 pupil has no problems and can be imported alone. "
                                 "3 pupils with problems would be left out."));
  g_signal_emit_by_name (cl_import_dialog_get_clean_button (dialog), "clicked");
  g_assert_true (wait_until (import_stopped, dialog));
  g_assert_cmpstr (cl_import_dialog_get_state (dialog), ==, "done");
  g_assert_nonnull (strstr (cl_import_dialog_get_summary (dialog), "1 pupil added"));
  g_assert_true (pupil_exists (db, "U801200002001"));
  settle ();
  g_assert_cmpuint (cl_pupils_page_get_n_pupils (cl_window_get_pupils_page (f->window)), ==,
                    before + 1);

  g_weak_ref_init (&ref, dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_until (window_gone, &ref));
  g_weak_ref_clear (&ref);
}

/* A register with one bad pupil among clean ones: the problems and the
 * offer to import the clean pupils, with their number, come together at
 * the end of the one validation pass; no second pass over the file runs
 * before the offer (the dialog used to run a dry run for the count). */
static void
test_import_clean_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ClDatabase) db = open_db (f);
  g_autofree char *path = g_build_filename (f->dir, "one-bad.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("UPN,Surname,Forename,DOB,Date,Session,Mark\n");
  g_autofree char *bad_upn = cl_upn_build (801, 4100, 14, 3);
  guint before = count_pupils (db);
  ClImportDialog *dialog;
  GtkWidget *clean_button;

  for (guint p = 0; p < 3; p++)
    {
      g_autofree char *upn = cl_upn_build (801, 4100, 14, p);

      g_string_append_printf (csv, "%s,Clean,Pupil%u,2014-05-05,2025-09-08,AM,/\n", upn, p);
      g_string_append_printf (csv, "%s,Clean,Pupil%u,2014-05-05,2025-09-08,PM,\\\n", upn, p);
    }
  g_string_append_printf (csv, "%s,Bad,Pupil,2014-05-05,2025-09-08,AM,Q9\n", bad_upn);
  g_string_append_printf (csv, "%s,Bad,Pupil,2014-05-05,2025-09-08,PM,/\n", bad_upn);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));

  dialog = cl_window_import_file (f->window, path, first_school_urn (db), NULL);
  clean_button = cl_import_dialog_get_clean_button (dialog);
  g_assert_true (wait_until (import_stopped, dialog));
  g_assert_cmpstr (cl_import_dialog_get_state (dialog), ==, "problems");
  g_assert_cmpuint (g_list_model_get_n_items (cl_import_dialog_get_problems (dialog)), ==, 1);

  /* In the same turn of the main loop as the problems: nothing more ran. */
  g_assert_true (gtk_widget_get_visible (clean_button));
  g_assert_true (has_label_text (GTK_WIDGET (dialog),
                                 "3 pupils have no problems and can be imported alone. "
                                 "1 pupil with problems would be left out."));
  g_assert_false (cl_import_dialog_is_running (dialog));
  g_assert_cmpuint (count_pupils (db), ==, before);

  g_signal_emit_by_name (clean_button, "clicked");
  g_assert_true (cl_import_dialog_is_running (dialog));
  g_assert_true (wait_until (import_stopped, dialog));
  g_assert_cmpstr (cl_import_dialog_get_state (dialog), ==, "done");
  g_assert_cmpstr (cl_import_dialog_get_summary (dialog), ==,
                   "3 pupils added, 1 pupil with problems skipped, 6 sessions");
  g_assert_cmpuint (count_pupils (db), ==, before + 3);
  g_assert_false (pupil_exists (db, bad_upn));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_clean (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ClDatabase) db = open_db (f);
  g_autofree char *path = data_path ("register-clean.csv");
  g_autofree char *count = NULL;
  guint before = count_pupils (db);
  ClImportDialog *dialog;

  dialog = cl_window_import_file (f->window, path, first_school_urn (db), NULL);
  g_assert_true (wait_until (import_stopped, dialog));
  g_assert_cmpstr (cl_import_dialog_get_state (dialog), ==, "done");
  g_assert_cmpstr (cl_import_dialog_get_summary (dialog), ==, "2 pupils added, 6 sessions");
  g_assert_cmpuint (count_pupils (db), ==, before + 2);

  /* The Pupils page has read them. */
  settle ();
  count = g_strdup_printf ("%u pupils", before + 2);
  g_assert_cmpstr (pupil_count_text (f), ==, count);
  search (f, "B801200005001", 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ClDatabase) db = open_db (f);
  g_autofree char *path = g_build_filename (f->dir, "big-register.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("UPN,Surname,Forename,DOB,Date,Session,Mark\n");
  g_autofree char *first_upn = NULL;
  guint before = count_pupils (db);
  const guint n_pupils = 6000;
  ClImportDialog *dialog;

  /* A register big enough that the import is still at work when Cancel
   * comes: new pupils, ten school days each. */
  for (guint p = 0; p < n_pupils; p++)
    {
      g_autofree char *upn = cl_upn_build (801, 4000 + p / 900, 14, p % 900);

      if (p == 0)
        first_upn = g_strdup (upn);
      for (guint day = 8; day <= 19; day++)
        {
          if (day == 13 || day == 14)
            continue;   /* the weekend */
          g_string_append_printf (csv, "%s,Test,Pupil%u,2014-05-05,2025-09-%02u,AM,/\n",
                                  upn, p, day);
          g_string_append_printf (csv, "%s,Test,Pupil%u,2014-05-05,2025-09-%02u,PM,\\\n",
                                  upn, p, day);
        }
    }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));

  dialog = cl_window_import_file (f->window, path, first_school_urn (db), NULL);
  g_assert_true (wait_until (has_progress, dialog));
  g_assert_true (cl_import_dialog_is_running (dialog));
  /* As the Cancel button. */
  g_signal_emit_by_name (cl_import_dialog_get_cancel_button (dialog), "clicked");
  g_assert_true (wait_until (import_stopped, dialog));
  g_assert_cmpstr (cl_import_dialog_get_state (dialog), ==, "cancelled");

  /* The database is as it was. */
  g_assert_cmpuint (count_pupils (db), ==, before);
  g_assert_false (pupil_exists (db, first_upn));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_columns (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ClDatabase) db = open_db (f);
  g_autofree char *path = g_build_filename (f->dir, "odd-layout.csv", NULL);
  const char *header[] = { "Pupil No", "Day", "Half", "Att", "Family name", "Given name",
                           "Birthday", NULL };
  const char *text =
    "Pupil No,Day,Half,Att,Family name,Given name,Birthday\n"
    "B801200005001,2025-09-08,AM,/,Evans,Cerys,2014-10-10\n"
    "B801200005001,2025-09-08,PM,N,Evans,Cerys,2014-10-10\n";
  guint urn = first_school_urn (db);
  ClColumnMappingDialog *columns;
  GWeakRef ref;
  g_autofree int *remembered = NULL;
  ClImportDialog *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  columns = cl_window_choose_columns (f->window, path, header);
  settle ();

  /* Nothing is recognised: Import waits for the columns and the school. */
  g_assert_false (gtk_widget_get_sensitive (cl_column_mapping_dialog_get_import_button (columns)));
  adw_combo_row_set_selected (cl_column_mapping_dialog_get_field_row (columns, CL_CSV_FIELD_UPN), 1);
  adw_combo_row_set_selected (cl_column_mapping_dialog_get_field_row (columns, CL_CSV_FIELD_DATE), 2);
  adw_combo_row_set_selected (cl_column_mapping_dialog_get_field_row (columns, CL_CSV_FIELD_SESSION), 3);
  adw_combo_row_set_selected (cl_column_mapping_dialog_get_field_row (columns, CL_CSV_FIELD_MARK), 4);
  adw_combo_row_set_selected (cl_column_mapping_dialog_get_field_row (columns, CL_CSV_FIELD_SURNAME), 5);
  adw_combo_row_set_selected (cl_column_mapping_dialog_get_field_row (columns, CL_CSV_FIELD_FORENAME), 6);
  adw_combo_row_set_selected (cl_column_mapping_dialog_get_field_row (columns, CL_CSV_FIELD_DOB), 7);
  g_assert_false (gtk_widget_get_sensitive (cl_column_mapping_dialog_get_import_button (columns)));
  cl_column_mapping_dialog_set_school_urn (columns, urn);
  g_assert_true (gtk_widget_get_sensitive (cl_column_mapping_dialog_get_import_button (columns)));

  g_weak_ref_init (&ref, columns);
  g_signal_emit_by_name (cl_column_mapping_dialog_get_import_button (columns), "clicked");
  g_assert_true (wait_until (window_gone, &ref));
  g_weak_ref_clear (&ref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (CL_IS_IMPORT_DIALOG (window))
        dialog = CL_IMPORT_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_true (wait_until (import_stopped, dialog));
  g_assert_cmpstr (cl_import_dialog_get_state (dialog), ==, "done");
  g_assert_true (pupil_exists (db, "B801200005001"));

  /* The columns are remembered for the school. */
  remembered = cl_csv_mapping_load (db, urn);
  g_assert_nonnull (remembered);
  g_assert_cmpint (remembered[CL_CSV_FIELD_MARK], ==, 3);
  g_assert_cmpint (remembered[CL_CSV_FIELD_URN], ==, -1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* --- codes --------------------------------------------------------------- */

static ClCodesWindow *
find_codes_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CL_IS_CODES_WINDOW (window))
        return CL_CODES_WINDOW (window);
    }
  return NULL;
}

static void
test_codes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = NULL;
  g_autoptr(ClCodeTable) codes = NULL;
  ClCodesWindow *window;
  GtkWidget *q_row, *n_row;

  g_action_group_activate_action (G_ACTION_GROUP (app), "show-codes", NULL);
  settle ();
  window = find_codes_window ();
  g_assert_nonnull (window);

  /* Codes of fixed category are shown; unverified ones can be changed. */
  n_row = cl_codes_window_get_row (window, CL_CODE_SET_ENGLAND_2024, "N");
  q_row = cl_codes_window_get_row (window, CL_CODE_SET_ENGLAND_2024, "Q");
  g_assert_nonnull (n_row);
  g_assert_false (ADW_IS_COMBO_ROW (n_row));
  g_assert_nonnull (cl_codes_window_get_row (window, CL_CODE_SET_WALES_2010, "N"));
  g_assert_true (ADW_IS_COMBO_ROW (q_row));
  /* Authorised absence is the third choice. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (q_row), 2);
  settle ();

  db = open_db (f);
  codes = cl_code_table_load (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_attendance_code_get_category (
                     cl_code_table_get (codes, cl_code_table_lookup (codes,
                                                                     CL_CODE_SET_ENGLAND_2024,
                                                                     "Q", NULL))),
                   ==, CL_ATTENDANCE_CATEGORY_AUTHORISED);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_error (void)
{
  g_autofree char *dir = g_dir_make_tmp ("caseload-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  const char *text = "These are my notes, not a database.\n";
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  /* A file that is not a Caseload database: a dialog says so, no window
   * opens, and the file is left as it was. */
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  cl_application_set_database_path (app, path);
  g_application_activate (G_APPLICATION (app));
  settle ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    g_assert_false (CL_IS_WINDOW (l->data));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a Caseload database"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "left unchanged"));
  /* As its button does (a response alone leaves the dialog open). */
  adw_message_dialog_response (dialog, "quit");
  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  g_assert_null (find_message_dialog ());

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
  cl_application_set_database_path (app, NULL);
  remove_dir (dir);
}

/* --- casework (issue 4) ------------------------------------------------------
 *
 * On the demo authority plus cases made here, so that every test knows what
 * it should see: officer A (the first education welfare officer by name,
 * whom the window signs in as) holds a case with an overdue action and a
 * case of a child with a brother or sister; officer B holds one case. Today
 * is 2025-10-01 (CASELOAD_TODAY). */

typedef struct
{
  gint64 officer_a;
  gint64 officer_b;
  gint64 overdue_case;   /* A's, next action due 2025-09-20 */
  gint64 family_case;    /* A's, the child has a brother or sister */
  gint64 other_case;     /* B's */
  gint64 free_pupil;     /* has no case yet */
} CaseworkData;

static CaseworkData cw;

/* Opens a case for the first pupil in pupils (from position *from) that
 * has none open, and moves *from past it. */
static gint64
open_case_for_next_pupil (ClCaseRepository *cases,
                          GListModel       *pupils,
                          guint            *from,
                          gint64            officer_id,
                          gboolean          with_siblings,
                          ClPupilRepository *people)
{
  guint n = g_list_model_get_n_items (pupils);

  for (; *from < n; (*from)++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (pupils, *from);
      g_autoptr(GListModel) open = NULL;
      g_autoptr(ClCase) kase = NULL;
      g_autoptr(GError) error = NULL;

      if (with_siblings)
        {
          g_autoptr(GListModel) siblings = cl_pupil_repository_siblings (people,
                                                                        cl_pupil_get_id (pupil),
                                                                        NULL);
          if (siblings == NULL || g_list_model_get_n_items (siblings) == 0)
            continue;
        }
      kase = cl_case_new ();
      cl_case_add_pupil (kase, cl_pupil_get_id (pupil));
      cl_case_add_reason (kase, "irregular_attendance");
      cl_case_set_source (kase, "school");
      cl_case_set_referral_date (kase, "2025-09-08");
      cl_case_set_officer_id (kase, officer_id);
      if (cl_case_repository_create (cases, kase, &error))
        {
          (*from)++;
          return cl_case_get_id (kase);
        }
      g_assert_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_STATE);
    }
  g_assert_not_reached ();
  return 0;
}

static void
casework_setup (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = NULL;
  g_autoptr(ClOfficerRepository) officers = NULL;
  g_autoptr(GListModel) officer_list = NULL;
  g_autoptr(ClPupilRepository) people = NULL;
  g_autoptr(GListModel) pupils = NULL;
  g_autoptr(ClCaseRepository) cases = NULL;
  g_autoptr(ClCaseEvent) visit = NULL;
  ClDemoOptions opts;
  guint from = 0;

  memset (&cw, 0, sizeof cw);
  f->dir = g_dir_make_tmp ("caseload-ui-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "caseload.db", NULL);

  db = cl_database_open (f->path, &error);
  g_assert_no_error (error);
  cl_database_set_actor (db, "test");
  cl_demo_options_init (&opts);
  opts.n_schools = DEMO_SCHOOLS;
  opts.n_pupils = DEMO_PUPILS;
  opts.seed = DEMO_SEED;
  g_assert_true (cl_demo_generate (db, &opts, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* A: the first education welfare officer by name; B: any other. */
  officers = cl_officer_repository_new (db);
  officer_list = cl_officer_repository_list (officers, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (officer_list); i++)
    {
      g_autoptr(ClOfficer) officer = g_list_model_get_item (officer_list, i);

      if (cw.officer_a == 0 && g_strcmp0 (cl_officer_get_role (officer), "ewo") == 0)
        cw.officer_a = cl_officer_get_id (officer);
    }
  for (guint i = 0; i < g_list_model_get_n_items (officer_list); i++)
    {
      g_autoptr(ClOfficer) officer = g_list_model_get_item (officer_list, i);

      if (cw.officer_b == 0 && cl_officer_get_id (officer) != cw.officer_a)
        cw.officer_b = cl_officer_get_id (officer);
    }
  g_assert_cmpint (cw.officer_a, !=, 0);
  g_assert_cmpint (cw.officer_b, !=, 0);

  people = cl_pupil_repository_new (db);
  pupils = cl_pupil_repository_list (people, 0, &error);
  g_assert_no_error (error);
  cases = cl_case_repository_new (db);
  cw.overdue_case = open_case_for_next_pupil (cases, pupils, &from, cw.officer_a, FALSE, people);
  cw.other_case = open_case_for_next_pupil (cases, pupils, &from, cw.officer_b, FALSE, people);
  cw.family_case = open_case_for_next_pupil (cases, pupils, &from, cw.officer_a, TRUE, people);

  /* A visit whose next action fell due on 20 September: overdue. */
  visit = cl_case_event_new (cw.overdue_case, "home_visit", "2025-09-10");
  cl_case_event_set_text (visit, CL_CASE_EVENT_SUMMARY, "First visit; Mum at home.");
  cl_case_event_set_text (visit, CL_CASE_EVENT_NEXT_ACTION, "Phone Mum about the mornings");
  cl_case_event_set_text (visit, CL_CASE_EVENT_NEXT_ACTION_DUE, "2025-09-20");
  g_assert_true (cl_case_repository_add_event (cases, visit, &error));
  g_assert_no_error (error);

  /* A pupil with no case open, for New Case. */
  for (; from < g_list_model_get_n_items (pupils) && cw.free_pupil == 0; from++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (pupils, from);
      g_autoptr(GListModel) theirs = cl_case_repository_cases_for_pupil (cases,
                                                                        cl_pupil_get_id (pupil),
                                                                        NULL);

      if (theirs != NULL && g_list_model_get_n_items (theirs) == 0)
        cw.free_pupil = cl_pupil_get_id (pupil);
    }
  g_assert_cmpint (cw.free_pupil, !=, 0);
  g_clear_object (&db);

  /* Settings outlive a test: sign in afresh. */
  if (cl_application_get_settings (app) != NULL)
    g_settings_set_int64 (cl_application_get_settings (app), "current-officer", 0);
  open_window (f);
}

static ClCaseloadPage *
caseload_page (Fixture *f)
{
  return cl_window_get_caseload_page (f->window);
}

static ClCasePage *
case_page (Fixture *f)
{
  return cl_caseload_page_get_case_page (caseload_page (f));
}

/* The rows of the caseload table as the user sees them (slots). */
static GListModel *
caseload_rows (Fixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (cl_caseload_page_get_cases_view (caseload_page (f))));
}

/* The table position of a case, or GTK_INVALID_LIST_POSITION. */
static guint
caseload_position (Fixture *f,
                   gint64   case_id)
{
  GListModel *rows = caseload_rows (f);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ClSlot) slot = g_list_model_get_item (rows, i);

      if (cl_caseload_row_get_case_id (cl_slot_get_item (slot)) == case_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static guint
built_count (Fixture *f,
             gint64   officer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) built = cl_caseload_build (cl_window_get_database (f->window), officer_id,
                                                   &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (built);
}

/* Opens a case as the user does: activating its row in the table. */
static void
activate_case (Fixture *f,
               gint64   case_id)
{
  guint position = caseload_position (f, case_id);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_signal_emit_by_name (cl_caseload_page_get_cases_view (caseload_page (f)), "activate", position);
  settle ();
  g_assert_cmpstr (cl_caseload_page_get_visible_view (caseload_page (f)), ==, "case");
  g_assert_cmpint (cl_case_page_get_case_id (case_page (f)), ==, case_id);
}

static void
test_caseload_count (Fixture       *f,
                     gconstpointer  data)
{
  ClOfficerSwitch *officer = cl_window_get_officer_switch (f->window);
  g_autofree char *count = NULL;
  guint n;

  /* The window opens on the caseload of the first EWO by name. */
  g_assert_cmpstr (cl_window_get_visible_page (f->window), ==, "caseload");
  g_assert_cmpint (cl_officer_switch_get_officer_id (officer), ==, cw.officer_a);
  g_assert_cmpstr (cl_caseload_page_get_visible_view (caseload_page (f)), ==, "cases");

  /* Exactly that officer's open cases, as the core counts them. */
  n = built_count (f, cw.officer_a);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (caseload_rows (f)), ==, n);
  g_assert_cmpuint (caseload_position (f, cw.overdue_case), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (caseload_position (f, cw.family_case), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (caseload_position (f, cw.other_case), ==, GTK_INVALID_LIST_POSITION);
  count = g_strdup_printf ("%u open cases", n);
  g_assert_cmpstr (gtk_label_get_text (cl_caseload_page_get_count_label (caseload_page (f))), ==,
                   count);
}

typedef struct
{
  Fixture *f;
  guint    position;
} CellWait;

static gboolean
has_due_cell (gpointer data)
{
  CellWait *w = data;

  return cl_caseload_page_get_due_cell (caseload_page (w->f), w->position) != NULL;
}

static gboolean
widget_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* At the window's default size (1,100 px wide) the caseload table fits
 * beside the sidebar: no column is off to the side behind a horizontal
 * scroll bar. The status shares the stage's column and the due date the
 * next action's, so that it does. */
static void
test_caseload_fits (Fixture       *f,
                    gconstpointer  data)
{
  const char *titles[] = { "Children", "School", "Stage", "Last contact", "Next action",
                           "4 weeks", "Rules met" };
  GtkColumnView *view = cl_caseload_page_get_cases_view (caseload_page (f));
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  GListModel *columns = gtk_column_view_get_columns (view);
  int width, height;

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[i]);
    }

  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_true (wait_until (widget_drawn, view));
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_page_size (hadjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=,
                     gtk_adjustment_get_page_size (hadjustment));
}

static void
test_caseload_overdue (Fixture       *f,
                       gconstpointer  data)
{
  CellWait w = { f, caseload_position (f, cw.overdue_case) };
  CellWait other = { f, caseload_position (f, cw.family_case) };
  GtkWidget *cell;
  GtkWidget *icon;

  g_assert_cmpuint (w.position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (wait_until (has_due_cell, &w));
  g_assert_true (wait_until (has_due_cell, &other));

  /* The overdue action stands out: the overdue style, an icon and a tooltip. */
  cell = cl_caseload_page_get_due_cell (caseload_page (f), w.position);
  g_assert_true (gtk_widget_has_css_class (cell, "overdue"));
  icon = gtk_widget_get_first_child (cell);
  g_assert_true (GTK_IS_IMAGE (icon));
  g_assert_true (gtk_widget_get_visible (icon));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Overdue");

  /* A case with nothing due does not. */
  cell = cl_caseload_page_get_due_cell (caseload_page (f), other.position);
  g_assert_false (gtk_widget_has_css_class (cell, "overdue"));
  for (GtkWidget *child = gtk_widget_get_first_child (cell);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_assert_false (GTK_IS_IMAGE (child) && gtk_widget_get_visible (child));
}

static void
test_caseload_switch_officer (Fixture       *f,
                              gconstpointer  data)
{
  ClOfficerSwitch *officer = cl_window_get_officer_switch (f->window);
  g_autofree char *actor = g_strdup_printf ("officer:%" G_GINT64_FORMAT, cw.officer_b);
  guint n = built_count (f, cw.officer_b);

  /* Signing in as B shows B's cases, and B is who the database records. */
  cl_officer_switch_set_officer_id (officer, cw.officer_b);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (caseload_rows (f)), ==, n);
  g_assert_cmpuint (caseload_position (f, cw.other_case), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (caseload_position (f, cw.overdue_case), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (cl_database_get_actor (cl_window_get_database (f->window)), ==, actor);
  g_assert_cmpint (g_settings_get_int64 (cl_application_get_settings (app), "current-officer"),
                   ==, cw.officer_b);

  /* and back. */
  cl_officer_switch_set_officer_id (officer, cw.officer_a);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (caseload_rows (f)), ==, built_count (f, cw.officer_a));
  g_assert_cmpuint (caseload_position (f, cw.overdue_case), !=, GTK_INVALID_LIST_POSITION);
}

static void
test_caseload_filter (Fixture       *f,
                      gconstpointer  data)
{
  ClCaseloadPage *page = caseload_page (f);
  guint n = g_list_model_get_n_items (caseload_rows (f));

  /* Stage: "Notice to improve" (no case of ours is there), then any again. */
  gtk_drop_down_set_selected (cl_caseload_page_get_stage_dropdown (page), 3);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (caseload_rows (f)), <, n);
  gtk_drop_down_set_selected (cl_caseload_page_get_stage_dropdown (page), 0);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (caseload_rows (f)), ==, n);
}

typedef struct
{
  ClCasePage *page;
  guint       position;
} RowWait;

static gboolean
has_row_text (gpointer data)
{
  RowWait *w = data;
  g_autofree char *text = cl_case_page_dup_row_text (w->page, w->position);

  return text != NULL;
}

static void
test_case_add_home_visit (Fixture       *f,
                          gconstpointer  data)
{
  const char *summary = "Saw Mum at the door; she agreed to walk Amy in each morning.";
  ClEventDialog *dialog;
  GListModel *timeline;
  guint before;
  RowWait w;
  g_autofree char *text = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(ClCaseEvent) added = NULL;
  g_autoptr(ClCaseRepository) cases = NULL;
  g_autoptr(GError) error = NULL;

  /* Open the case from the caseload. */
  activate_case (f, cw.overdue_case);
  timeline = cl_case_page_get_timeline (case_page (f));
  before = g_list_model_get_n_items (timeline);

  /* Add a home visit through the form, as typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_page (f)), "case.add-event", NULL));
  settle ();
  dialog = cl_case_page_add_event (case_page (f));  /* the one the button opened */
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  cl_event_dialog_set_text (dialog, CL_CASE_EVENT_TYPE, "home_visit");
  cl_event_dialog_set_text (dialog, CL_CASE_EVENT_DATE, "01/10/2025");
  cl_event_dialog_set_text (dialog, CL_CASE_EVENT_TIME, "08:40");
  cl_event_dialog_set_text (dialog, CL_CASE_EVENT_PARTICIPANTS, "EWO, Mum");
  cl_event_dialog_set_text (dialog, CL_CASE_EVENT_SUMMARY, summary);
  cl_event_dialog_set_text (dialog, CL_CASE_EVENT_NEXT_ACTION, "Check the register with school");
  cl_event_dialog_set_text (dialog, CL_CASE_EVENT_NEXT_ACTION_DUE, "08/10/2025");
  gtk_editable_set_text (cl_event_dialog_get_miles_entry (dialog), "7.5");
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cl_event_dialog_get_error_label (dialog))));
  g_assert_true (gtk_widget_get_sensitive (cl_event_dialog_get_save_button (dialog)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "event.save", NULL));
  settle ();

  /* Stored … */
  cases = cl_case_repository_new (cl_window_get_database (f->window));
  events = cl_case_repository_list_events (cases, cw.overdue_case, CL_EVENT_ORDER_NEWEST_FIRST,
                                           &error);
  g_assert_no_error (error);
  added = g_list_model_get_item (events, 0);
  g_assert_cmpstr (cl_case_event_get_summary (added), ==, summary);
  g_assert_cmpstr (cl_case_event_get_date (added), ==, "2025-10-01");
  g_assert_cmpint (cl_case_event_get_miles_tenths (added), ==, 75);

  /* … and in the chronology, in this week, with what was typed. */
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, before + 1);
  w.page = case_page (f);
  w.position = cl_case_page_find_event (case_page (f), cl_case_event_get_id (added));
  g_assert_cmpuint (w.position, ==, 1);  /* under this week's line, newest first */
  g_assert_true (wait_until (has_row_text, &w));
  text = cl_case_page_dup_row_text (case_page (f), w.position);
  g_assert_nonnull (strstr (text, "Home visit"));
  g_assert_nonnull (strstr (text, "Wed 01/10/2025 08:40"));
  g_assert_nonnull (strstr (text, "7.5 miles"));
  g_assert_nonnull (strstr (text, summary));
  g_assert_nonnull (strstr (text, "Took part: EWO, Mum"));
  g_assert_nonnull (strstr (text, "Next action: Check the register with school — due 08/10/2025"));
}

static void
test_case_event_form_checks (Fixture       *f,
                             gconstpointer  data)
{
  ClEventDialog *dialog;
  GtkLabel *error_label;
  AdwMessageDialog *question;

  activate_case (f, cw.overdue_case);
  dialog = cl_case_page_add_event (case_page (f));
  error_label = cl_event_dialog_get_error_label (dialog);

  /* A date after today is named under the form, and Save waits. */
  cl_event_dialog_set_text (dialog, CL_CASE_EVENT_DATE, "02/10/2025");
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "in the future"));
  g_assert_true (gtk_widget_has_css_class (cl_event_dialog_get_field (dialog, CL_CASE_EVENT_DATE),
                                           "error"));
  g_assert_false (gtk_widget_get_sensitive (cl_event_dialog_get_save_button (dialog)));

  /* A next action without a due date too. */
  cl_event_dialog_set_text (dialog, CL_CASE_EVENT_DATE, "30/09/2025");
  cl_event_dialog_set_text (dialog, CL_CASE_EVENT_NEXT_ACTION, "Ring school");
  settle ();
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "due date"));
  g_assert_false (gtk_widget_get_sensitive (cl_event_dialog_get_save_button (dialog)));

  /* Closing with something typed asks first; Cancel keeps the form. */
  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  question = find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  adw_message_dialog_response (question, "cancel");
  gtk_window_close (GTK_WINDOW (question));
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (cl_case_page_get_has_unsaved_changes (case_page (f)));
}

static void
test_case_close_needs_reason (Fixture       *f,
                              gconstpointer  data)
{
  AdwMessageDialog *dialog;
  AdwMessageDialog *refusal;
  g_autoptr(ClCaseRepository) cases = NULL;
  g_autoptr(ClCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  activate_case (f, cw.overdue_case);
  g_assert_cmpstr (gtk_label_get_text (cl_case_page_get_status_label (case_page (f))), ==, "Open");

  /* Close Case with no reason chosen: the core refuses, and says so. */
  dialog = cl_case_page_close_case (case_page (f));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (gtk_drop_down_get_selected (cl_case_page_dialog_get_dropdown (dialog)), ==, 0);
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  refusal = find_message_dialog ();
  g_assert_nonnull (refusal);
  g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==, "Could Not Close the Case");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "say why the case is closing"));
  adw_message_dialog_response (refusal, "close");
  gtk_window_close (GTK_WINDOW (refusal));
  settle ();

  /* Still open, on the page and in the database. */
  g_assert_cmpstr (gtk_label_get_text (cl_case_page_get_status_label (case_page (f))), ==, "Open");
  cases = cl_case_repository_new (cl_window_get_database (f->window));
  kase = cl_case_repository_get (cases, cw.overdue_case, &error);
  g_assert_no_error (error);
  g_assert_false (cl_case_is_closed (kase));

  /* With a reason it closes, and leaves the caseload. */
  dialog = cl_case_page_close_case (case_page (f));
  gtk_drop_down_set_selected (cl_case_page_dialog_get_dropdown (dialog), 1);
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (gtk_label_get_text (cl_case_page_get_status_label (case_page (f))), ==,
                   "Closed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_page (f)), "case.back", NULL));
  settle ();
  g_assert_cmpuint (caseload_position (f, cw.overdue_case), ==, GTK_INVALID_LIST_POSITION);
}

static void
test_case_correct_event (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ClCaseRepository) cases = cl_case_repository_new (cl_window_get_database (f->window));
  g_autoptr(GListModel) events = NULL;
  g_autoptr(ClCaseEvent) visit = NULL;
  g_autoptr(ClOfficer) officer = NULL;
  g_autoptr(ClOfficerRepository) officers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  ClEventDialog *dialog;
  RowWait w;

  events = cl_case_repository_list_events (cases, cw.overdue_case, CL_EVENT_ORDER_OLDEST_FIRST,
                                           &error);
  g_assert_no_error (error);
  visit = g_list_model_get_item (events, 0);
  activate_case (f, cw.overdue_case);

  /* Correct, as the row's button does: a reason is needed, then Save. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_page (f)), "case.correct-event",
                                             "x", cl_case_event_get_id (visit)));
  settle ();
  dialog = cl_case_page_correct_event (case_page (f), cl_case_event_get_id (visit));
  g_assert_true (cl_event_dialog_is_correction (dialog));
  cl_event_dialog_set_text (dialog, CL_CASE_EVENT_SUMMARY, "First visit; Mum and Amy at home.");
  settle ();
  g_assert_false (gtk_widget_get_sensitive (cl_event_dialog_get_save_button (dialog)));
  gtk_editable_set_text (cl_event_dialog_get_reason_entry (dialog), "Amy was there too");
  settle ();
  g_assert_true (gtk_widget_get_sensitive (cl_event_dialog_get_save_button (dialog)));
  g_assert_true (cl_event_dialog_save (dialog));
  settle ();

  /* The row says who corrected it (by name, not "officer:N") and keeps
   * what it said. */
  officers = cl_officer_repository_new (cl_window_get_database (f->window));
  officer = cl_officer_repository_get (officers, cw.officer_a, &error);
  g_assert_no_error (error);
  w.page = case_page (f);
  w.position = cl_case_page_find_event (case_page (f), cl_case_event_get_id (visit));
  g_assert_cmpuint (w.position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (wait_until (has_row_text, &w));
  text = cl_case_page_dup_row_text (case_page (f), w.position);
  {
    /* Corrections are stamped with the clock's time, not CASELOAD_TODAY. */
    g_autoptr(GListModel) revisions = cl_case_repository_event_revisions (
      cases, cl_case_event_get_id (visit), &error);
    g_autoptr(ClCaseEventRevision) revision = NULL;
    g_autofree char *day = NULL;
    g_autofree char *on = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 1);
    revision = g_list_model_get_item (revisions, 0);
    g_assert_cmpstr (cl_case_event_revision_get_reason (revision), ==, "Amy was there too");
    day = g_strndup (cl_case_event_revision_get_changed_at (revision), 10);
    on = cl_format_date (day);
    expected = g_strdup_printf ("Corrected by %s on %s", cl_officer_get_name (officer), on);
  }
  g_assert_nonnull (strstr (text, "First visit; Mum and Amy at home."));
  g_assert_nonnull (strstr (text, expected));

  /* Mark Done: the action leaves the work queue's reckoning, the row says done. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_page (f)), "case.complete-action",
                                             "x", cl_case_event_get_id (visit)));
  settle ();
  w.position = cl_case_page_find_event (case_page (f), cl_case_event_get_id (visit));
  g_assert_true (wait_until (has_row_text, &w));
  g_free (text);
  text = cl_case_page_dup_row_text (case_page (f), w.position);
  g_assert_nonnull (strstr (text, "Next action: Phone Mum about the mornings — due 20/09/2025, done"));
  g_assert_null (strstr (text, "Overdue"));
}

static void
test_case_change_stage (Fixture       *f,
                        gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autofree char *actor = NULL;

  activate_case (f, cw.family_case);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_page (f)), "case.change-stage",
                                             NULL));
  settle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  /* Penalty notice: the case goes into legal intervention. */
  gtk_drop_down_set_selected (cl_case_page_dialog_get_dropdown (dialog), 3);
  adw_message_dialog_response (dialog, "change");
  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (gtk_label_get_text (cl_case_page_get_stage_label (case_page (f))), ==,
                   "Penalty notice");
  g_assert_cmpstr (gtk_label_get_text (cl_case_page_get_status_label (case_page (f))), ==,
                   "Legal intervention");
}

/* Nothing typed is lost: Cancel in Close Case with an outcome typed asks
 * first. Keep Editing brings the dialog back as it was; Discard writes
 * nothing. With nothing typed, Cancel just closes. */
static void
test_case_cancel_keeps_text (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ClCaseRepository) cases = cl_case_repository_new (cl_window_get_database (f->window));
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(ClCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  AdwMessageDialog *question;
  GWeakRef ref;

  activate_case (f, cw.overdue_case);
  before = cl_case_repository_list_events (cases, cw.overdue_case, CL_EVENT_ORDER_OLDEST_FIRST,
                                           &error);
  g_assert_no_error (error);

  dialog = cl_case_page_close_case (case_page (f));
  g_assert_nonnull (dialog);
  g_weak_ref_init (&ref, dialog);
  gtk_drop_down_set_selected (cl_case_page_dialog_get_dropdown (dialog), 1);
  gtk_editable_set_text (cl_case_page_dialog_get_entry (dialog), "Moved to Leeds with Mum");
  settle ();

  /* Cancel, as the button does: the question, and the dialog waits. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  question = cl_case_page_dialog_get_discard_question (dialog);
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Discard What You Typed?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "keep");
  g_assert_cmpstr (adw_message_dialog_get_close_response (question), ==, "keep");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (question, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_false (window_gone (&ref));

  /* Keep Editing: the dialog again, with what was typed and chosen. */
  adw_message_dialog_response (question, "keep");
  gtk_window_close (GTK_WINDOW (question));
  settle ();
  g_assert_null (cl_case_page_dialog_get_discard_question (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (cl_case_page_dialog_get_entry (dialog)), ==,
                   "Moved to Leeds with Mum");
  g_assert_cmpuint (gtk_drop_down_get_selected (cl_case_page_dialog_get_dropdown (dialog)), ==, 1);

  /* Escape (the dialog's window.close) asks too; Discard: the dialog goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  settle ();
  question = cl_case_page_dialog_get_discard_question (dialog);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "discard");
  gtk_window_close (GTK_WINDOW (question));
  g_assert_true (wait_until (window_gone, &ref));
  g_weak_ref_clear (&ref);
  settle ();
  g_assert_null (find_message_dialog ());

  /* Nothing was written: the case is open, its chronology as it was. */
  g_assert_cmpstr (gtk_label_get_text (cl_case_page_get_status_label (case_page (f))), ==, "Open");
  kase = cl_case_repository_get (cases, cw.overdue_case, &error);
  g_assert_no_error (error);
  g_assert_false (cl_case_is_closed (kase));
  after = cl_case_repository_list_events (cases, cw.overdue_case, CL_EVENT_ORDER_OLDEST_FIRST,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));

  /* Nothing typed: Cancel closes at once. */
  dialog = cl_case_page_close_case (case_page (f));
  g_weak_ref_init (&ref, dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_until (window_gone, &ref));
  g_weak_ref_clear (&ref);
  settle ();
  g_assert_null (find_message_dialog ());
}

static void
test_case_family (Fixture       *f,
                  gconstpointer  data)
{
  ClFamilyView *view = cl_caseload_page_get_family_view (caseload_page (f));
  g_autoptr(ClCaseRepository) cases = cl_case_repository_new (cl_window_get_database (f->window));
  g_autoptr(GListModel) family = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  family = cl_case_repository_family (cases, cw.family_case, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (family);
  g_assert_cmpuint (n, >=, 2);

  activate_case (f, cw.family_case);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_page (f)), "case.show-family", NULL));
  settle ();
  g_assert_cmpstr (cl_caseload_page_get_visible_view (caseload_page (f)), ==, "family");

  /* One row per child of the household, on one timeline. */
  g_assert_cmpuint (cl_family_view_get_n_rows (view), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (family, i);
      g_autofree char *name = g_strdup_printf ("%s %s", cl_pupil_get_forename (pupil),
                                               cl_pupil_get_surname (pupil));

      g_assert_cmpstr (cl_family_view_get_row_name (view, i), ==, name);
      g_assert_cmpuint (cl_session_strip_get_n_weeks (cl_family_view_get_strip (view, i)), ==,
                        cl_session_strip_get_n_weeks (cl_family_view_get_strip (view, 0)));
      g_assert_nonnull (strstr (cl_session_strip_get_accessible_label (cl_family_view_get_strip (view, i)),
                                name));
    }
}

static void
test_queue_opens_case (Fixture       *f,
                       gconstpointer  data)
{
  ClCaseloadPage *page = caseload_page (f);
  GListModel *queue;
  g_autoptr(ClSlot) first = NULL;
  gint64 case_id;

  cl_caseload_page_show_view (page, "queue");
  settle ();
  queue = G_LIST_MODEL (gtk_column_view_get_model (cl_caseload_page_get_queue_view (page)));
  g_assert_cmpuint (g_list_model_get_n_items (queue), >, 0);

  /* Overdue first, as the core orders it: our overdue visit's action. */
  first = g_list_model_get_item (queue, 0);
  g_assert_true (cl_queue_item_get_overdue (cl_slot_get_item (first)));
  case_id = cl_queue_item_get_case_id (cl_slot_get_item (first));

  g_signal_emit_by_name (cl_caseload_page_get_queue_view (page), "activate", 0);
  settle ();
  g_assert_cmpstr (cl_caseload_page_get_visible_view (page), ==, "case");
  g_assert_cmpint (cl_case_page_get_case_id (case_page (f)), ==, case_id);
}

static void
test_new_case (Fixture       *f,
               gconstpointer  data)
{
  ClNewCaseDialog *dialog;
  guint n = g_list_model_get_n_items (caseload_rows (f));

  /* From a pupil's record: New Case with the pupil chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", "x",
                                             cw.free_pupil));
  settle ();
  dialog = cl_caseload_page_get_new_case_dialog (caseload_page (f));
  g_assert_nonnull (dialog);

  /* No reason: the core's refusal is shown in the form. */
  g_assert_false (cl_new_case_dialog_create (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cl_new_case_dialog_get_error_label (dialog))));
  g_assert_nonnull (strstr (gtk_label_get_text (cl_new_case_dialog_get_error_label (dialog)),
                            "reason"));

  cl_new_case_dialog_set_reason (dialog, "health", TRUE);
  g_assert_true (cl_new_case_dialog_create (dialog));
  settle ();
  g_assert_null (cl_caseload_page_get_new_case_dialog (caseload_page (f)));

  /* The new case is open, and on the caseload. */
  g_assert_cmpstr (cl_caseload_page_get_visible_view (caseload_page (f)), ==, "case");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (case_page (f)), "case.back", NULL));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (caseload_rows (f)), ==, n + 1);
}

/* --- documents and charts ------------------------------------------------------------------- */

/* The first pupil with a parent or carer with parental responsibility. */
static void
pupil_with_parent (ClDatabase *db,
                   gint64     *out_pupil,
                   gint64     *out_guardian)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPupilRepository) pupils = cl_pupil_repository_new (db);
  g_autoptr(GListModel) all = cl_pupil_repository_list (pupils, 0, &error);

  g_assert_no_error (error);
  *out_pupil = 0;
  *out_guardian = 0;
  for (guint i = 0; i < g_list_model_get_n_items (all) && *out_pupil == 0; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (all, i);
      g_autoptr(GListModel) guardians =
        cl_pupil_repository_guardians (pupils, cl_pupil_get_id (pupil), &error);

      g_assert_no_error (error);
      for (guint j = 0; j < g_list_model_get_n_items (guardians); j++)
        {
          g_autoptr(ClGuardian) guardian = g_list_model_get_item (guardians, j);

          if (cl_guardian_get_parental_responsibility (guardian))
            {
              *out_pupil = cl_pupil_get_id (pupil);
              *out_guardian = cl_guardian_get_id (guardian);
              break;
            }
        }
    }
  g_assert_cmpint (*out_pupil, >, 0);
}

typedef struct
{
  ClDocumentPreview *preview;
  guint              page;
} RenderWait;

static gboolean
page_rendered (gpointer data)
{
  RenderWait *w = data;
  guint page = G_MAXUINT;
  int width = 0, height = 0;

  return cl_document_preview_get_rendered (w->preview, &page, &width, &height) && page == w->page;
}

static void
test_preview_letter (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open (f->path, &error);
  g_autoptr(ClTemplateRepository) templates = NULL;
  g_autoptr(ClLetterTemplate) stored = NULL;
  g_autoptr(ClLetterTemplate) tmpl = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(ClLetterhead) letterhead = NULL;
  g_autoptr(ClDocument) document = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  ClLetterOptions options = { NULL, NULL, 0, NULL };
  ClPreviewWindow *window;
  ClDocumentPreview *preview;
  PopplerDocument *pdf;
  PopplerPage *page;
  RenderWait w;
  const char *name;
  gint64 pupil_id, guardian_id;
  guint n, rendered_page;
  int width, height;
  double page_width;

  /* A real letter for a demo pupil, through the core, with a second page. */
  g_assert_no_error (error);
  pupil_with_parent (db, &pupil_id, &guardian_id);
  templates = cl_template_repository_new (db);
  stored = cl_template_repository_get (templates, "attendance-contract", &error);
  g_assert_no_error (error);
  tmpl = cl_letter_template_copy (stored);
  body = g_strconcat (cl_letter_template_get_body (tmpl),
                      "\n\n[page-break]\n\nA second page about {pupil.forename}.\n", NULL);
  cl_letter_template_set_body (tmpl, body);
  values = cl_letter_values_for (db, pupil_id, guardian_id, &options, &error);
  g_assert_no_error (error);
  name = g_hash_table_lookup (values, "pupil.full_name");
  g_assert_nonnull (name);
  letterhead = cl_letterhead_load (db);
  document = cl_letter_build (tmpl, values, letterhead, NULL, NULL);
  n = cl_document_get_n_pages (document);
  g_assert_cmpuint (n, >=, 2);

  window = cl_preview_window_show_document (GTK_WINDOW (f->window), document, "Letter",
                                            "letter.pdf", &error);
  g_assert_no_error (error);
  g_assert_nonnull (window);
  settle ();
  preview = cl_preview_window_get_preview (window);

  /* The document the preview holds: every page, the name, nothing left unfilled. */
  g_assert_cmpuint (cl_document_preview_get_n_pages (preview), ==, n);
  pdf = cl_document_preview_get_document (preview);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) n);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_strdelimit (text, "\n", ' ');
  g_assert_nonnull (strstr (text, name));
  g_assert_null (strchr (text, '{'));

  /* Page 1 is rendered at the pixels it covers on screen. */
  w.preview = preview;
  w.page = 0;
  g_assert_true (wait_until (page_rendered, &w));
  g_assert_true (cl_document_preview_get_rendered (preview, &rendered_page, &width, &height));
  cl_document_preview_get_page_size (preview, 0, &page_width, NULL);
  g_assert_cmpint (width, ==, (int) round (page_width * 96.0 / 72.0
                                           * cl_document_preview_get_zoom (preview))
                              * gtk_widget_get_scale_factor (GTK_WIDGET (preview)));

  /* Moving through the pages says where you are. */
  expected = g_strdup_printf ("Page 1 of %u", n);
  g_assert_cmpstr (gtk_label_get_text (cl_document_preview_get_page_label (preview)), ==, expected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL));
  settle ();
  g_free (expected);
  expected = g_strdup_printf ("Page 2 of %u", n);
  g_assert_cmpstr (gtk_label_get_text (cl_document_preview_get_page_label (preview)), ==, expected);
  g_assert_cmpuint (cl_document_preview_get_page (preview), ==, 1);
  w.page = 1;
  g_assert_true (wait_until (page_rendered, &w));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous-page", NULL));
  settle ();
  g_free (expected);
  expected = g_strdup_printf ("Page 1 of %u", n);
  g_assert_cmpstr (gtk_label_get_text (cl_document_preview_get_page_label (preview)), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
test_template_refuses_unknown (Fixture       *f,
                               gconstpointer  data)
{
  ClReportsPage *page = cl_window_get_reports_page (f->window);
  ClTemplateEditor *editor = cl_reports_page_get_template_editor (page);
  GtkLabel *message = cl_template_editor_get_message_label (editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = NULL;
  g_autoptr(ClTemplateRepository) templates = NULL;
  g_autoptr(ClLetterTemplate) stored = NULL;
  g_autofree char *name = NULL;

  cl_window_show_page (f->window, "reports");
  cl_reports_page_show_section (page, "templates");
  settle ();
  g_assert_nonnull (cl_template_editor_get_name (editor));
  name = g_strdup (cl_template_editor_get_name (editor));

  /* Underlined as typed … */
  gtk_text_buffer_set_text (cl_template_editor_get_body_buffer (editor),
                            "Dear {guardian.name},\n\nPlease buy size {pupil.shoe_size} shoes.\n",
                            -1);
  cl_template_editor_check_now (editor);
  g_assert_cmpuint (cl_template_editor_get_n_problems (editor), ==, 1);

  /* … and refused on Save, with the core's message. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (message),
                            "line 3: unknown placeholder {pupil.shoe_size}"));
  g_assert_true (cl_template_editor_get_has_unsaved_changes (editor));

  db = cl_database_open (f->path, &error);
  g_assert_no_error (error);
  templates = cl_template_repository_new (db);
  stored = cl_template_repository_get (templates, name, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (cl_letter_template_get_body (stored), "shoe_size"));
}

static void
test_chart_view_description (Fixture       *f,
                             gconstpointer  data)
{
  ClReportsPage *page = cl_window_get_reports_page (f->window);
  ClChartView *view = cl_reports_page_get_chart_view (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open (f->path, &error);
  g_autoptr(ClSchoolRepository) schools = cl_school_repository_new (db);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ClSchool) school = NULL;
  g_autoptr(ClChart) expected = NULL;
  ClChart *shown;

  g_assert_no_error (error);
  list = cl_school_repository_list (schools, &error);
  g_assert_no_error (error);
  school = g_list_model_get_item (list, 0);

  cl_window_show_page (f->window, "reports");
  cl_reports_page_show_school_chart (page, cl_school_get_id (school), CL_CHART_KIND_BANDS);
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  shown = cl_chart_view_get_chart (view);
  g_assert_nonnull (shown);
  g_assert_cmpint (cl_chart_get_kind (shown), ==, CL_CHART_KIND_BANDS);

  /* Screen readers get the chart's own description, the same the core
   * gives the same chart. */
  g_assert_cmpstr (cl_chart_view_get_accessible_description (view), ==,
                   cl_chart_get_description (shown));
  expected = cl_chart_new_for_school (db, CL_CHART_KIND_BANDS, cl_school_get_id (school), NULL,
                                      NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_chart_view_get_accessible_description (view), ==,
                   cl_chart_get_description (expected));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
}

typedef struct
{
  ClPresentWindow *window;
  const char      *counter;
} SlideWait;

static gboolean
on_slide (gpointer data)
{
  SlideWait *w = data;

  return g_strcmp0 (gtk_label_get_text (cl_present_window_get_counter_label (w->window)),
                    w->counter) == 0
         && G_APPROX_VALUE (adw_carousel_get_position (cl_present_window_get_carousel (w->window)),
                            1.0, 0.001);
}

static gboolean
present_closed (gpointer data)
{
  return cl_reports_page_get_present_window (data) == NULL;
}

static void
test_present_keys (Fixture       *f,
                   gconstpointer  data)
{
  ClReportsPage *page = cl_window_get_reports_page (f->window);
  ClPresentWindow *present;
  SlideWait w;

  cl_window_show_page (f->window, "reports");
  cl_reports_page_show_section (page, "governors");
  settle ();

  /* The governors' report's six charts, one a slide. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.present", NULL));
  settle ();
  present = cl_reports_page_get_present_window (page);
  g_assert_nonnull (present);
  g_assert_cmpuint (adw_carousel_get_n_pages (cl_present_window_get_carousel (present)), ==, 6);
  g_assert_cmpstr (gtk_label_get_text (cl_present_window_get_counter_label (present)), ==,
                   "1 of 6");

  /* Right moves to the second. */
  g_assert_true (cl_present_window_press_key (present, GDK_KEY_Right, 0));
  w.window = present;
  w.counter = "2 of 6";
  g_assert_true (wait_until (on_slide, &w));
  g_assert_cmpuint (cl_present_window_get_slide (present), ==, 1);

  /* Escape leaves. */
  g_assert_true (cl_present_window_press_key (present, GDK_KEY_Escape, 0));
  g_assert_true (wait_until (present_closed, page));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* No desktop services in a test run: no accessibility bus, no portal. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  g_setenv ("CASELOAD_TODAY", "2025-10-01", TRUE);

  g_test_init (&argc, &argv, NULL);

  app = g_object_new (CL_TYPE_APPLICATION,
                      "application-id", "io.github.caseload.Caseload.Test",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/caseload/Caseload",
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

#define ADD(path, demo, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (demo), fixture_setup, func, fixture_teardown)
  g_test_add_func ("/ui/open-error", test_open_error);
  ADD ("/ui/welcome/start-empty", EMPTY_DATABASE, test_welcome);
  ADD ("/ui/welcome/explore", EMPTY_DATABASE, test_welcome_explore);
  ADD ("/ui/pupils/count", DEMO_DATABASE, test_pupil_count);
  ADD ("/ui/pupils/search-upn", DEMO_DATABASE, test_search_upn);
  ADD ("/ui/pupils/search-school", DEMO_DATABASE, test_search_school);
  ADD ("/ui/pupils/search-narrows", DEMO_DATABASE, test_search_narrows);
  ADD ("/ui/pupils/search-keeps-selection", DEMO_DATABASE, test_search_keeps_selection);
  ADD ("/ui/pupils/upn-error", DEMO_DATABASE, test_upn_error);
  ADD ("/ui/pupils/save-and-delete", DEMO_DATABASE, test_save_and_delete);
  ADD ("/ui/pupils/write-letters", DEMO_DATABASE, test_pupil_write_letters);
  ADD ("/ui/pupils/add-guardian", DEMO_DATABASE, test_pupil_add_guardian);
  ADD ("/ui/schools/count", DEMO_DATABASE, test_schools);
  ADD ("/ui/schools/in-use", DEMO_DATABASE, test_school_in_use);
  ADD ("/ui/schools/editor", DEMO_DATABASE, test_school_editor);
  ADD ("/ui/schools/calendar", DEMO_DATABASE, test_school_calendar);
  ADD ("/ui/legal", DEMO_DATABASE, test_legal);
  ADD ("/ui/attendance/card", DEMO_DATABASE, test_attendance_card);
  ADD ("/ui/attendance/card-severe", DEMO_DATABASE, test_attendance_card_severe);
  ADD ("/ui/attendance/register-calendar", DEMO_DATABASE, test_register_calendar);
  ADD ("/ui/schools/attendance", DEMO_DATABASE, test_school_attendance);
  ADD ("/ui/import/problems", DEMO_DATABASE, test_import_problems);
  ADD ("/ui/import/clean", DEMO_DATABASE, test_import_clean);
  ADD ("/ui/import/clean-only", DEMO_DATABASE, test_import_clean_only);
  ADD ("/ui/import/cancel", DEMO_DATABASE, test_import_cancel);
  ADD ("/ui/import/columns", DEMO_DATABASE, test_import_columns);
  ADD ("/ui/codes", DEMO_DATABASE, test_codes);
  ADD ("/ui/documents/preview-letter", DEMO_DATABASE, test_preview_letter);
  ADD ("/ui/documents/template-refuses-unknown", DEMO_DATABASE, test_template_refuses_unknown);
  ADD ("/ui/charts/accessible-description", DEMO_DATABASE, test_chart_view_description);
  ADD ("/ui/charts/present-keys", DEMO_DATABASE, test_present_keys);
#define ADD_CASEWORK(path, func) \
  g_test_add (path, Fixture, NULL, casework_setup, func, fixture_teardown)
  ADD_CASEWORK ("/ui/casework/caseload-count", test_caseload_count);
  ADD_CASEWORK ("/ui/casework/caseload-fits", test_caseload_fits);
  ADD_CASEWORK ("/ui/casework/overdue", test_caseload_overdue);
  ADD_CASEWORK ("/ui/casework/switch-officer", test_caseload_switch_officer);
  ADD_CASEWORK ("/ui/casework/filter", test_caseload_filter);
  ADD_CASEWORK ("/ui/casework/add-home-visit", test_case_add_home_visit);
  ADD_CASEWORK ("/ui/casework/event-form-checks", test_case_event_form_checks);
  ADD_CASEWORK ("/ui/casework/close-needs-reason", test_case_close_needs_reason);
  ADD_CASEWORK ("/ui/casework/correct-event", test_case_correct_event);
  ADD_CASEWORK ("/ui/casework/change-stage", test_case_change_stage);
  ADD_CASEWORK ("/ui/casework/cancel-keeps-text", test_case_cancel_keeps_text);
  ADD_CASEWORK ("/ui/casework/family", test_case_family);
  ADD_CASEWORK ("/ui/casework/queue-opens-case", test_queue_opens_case);
  ADD_CASEWORK ("/ui/casework/new-case", test_new_case);
#undef ADD_CASEWORK
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
