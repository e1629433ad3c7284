/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "people/cl-demo.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "people/cl-upn.h"
#include "ui/cl-application.h"
#include "ui/cl-format.h"
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
  g_assert_cmpstr (cl_window_get_visible_page (f->window), ==, "pupils");
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
  ADD ("/ui/schools/count", DEMO_DATABASE, test_schools);
  ADD ("/ui/schools/in-use", DEMO_DATABASE, test_school_in_use);
  ADD ("/ui/schools/editor", DEMO_DATABASE, test_school_editor);
  ADD ("/ui/legal", DEMO_DATABASE, test_legal);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
