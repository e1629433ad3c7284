/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-import-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ui/cl-file-chooser.h"
#include "ui/cl-format.h"
#include "ui/cl-import-dialog.h"
#include "ui/cl-window-private.h"

/* One run of the importer. The worker reports progress to the main context
 * after the dialog may have gone, so it holds this (a weak reference to
 * the dialog) and never the dialog itself. */
typedef struct
{
  GWeakRef dialog;
} Run;

struct _ClImportDialog
{
  AdwWindow        parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *cancel_button;
  GtkWidget       *close_button;
  GtkStack        *stack;
  GtkLabel        *progress_title;
  GtkProgressBar  *progress_bar;
  AdwStatusPage   *done_page;
  AdwStatusPage   *error_page;
  GtkLabel        *problems_title;
  GtkLabel        *problems_hint;
  GtkStringList   *problems;
  GtkWidget       *save_button;
  GtkWidget       *clean_button;

  ClDatabase      *db;
  char            *path;
  char            *name;           /* the file's base name */
  ClImportOptions  options;
  int              column_map[CL_CSV_N_FIELDS];
  GCancellable    *cancellable;    /* of the run in progress */
  gboolean         running;
  gboolean         started;
  gboolean         close_when_stopped;
};

G_DEFINE_FINAL_TYPE (ClImportDialog, cl_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

ClImportDialog *
cl_import_dialog_new (GtkWindow             *parent,
                      ClDatabase            *db,
                      const char            *path,
                      const ClImportOptions *options)
{
  ClImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (CL_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->path = g_strdup (path);
  self->name = g_path_get_basename (path);
  self->options = *options;
  if (options->column_map != NULL)
    {
      memcpy (self->column_map, options->column_map, sizeof self->column_map);
      self->options.column_map = self->column_map;
    }
  adw_window_title_set_subtitle (self->window_title, self->name);
  return self;
}

static void
add_toast (ClImportDialog *self,
           const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
run_free (Run *run)
{
  g_weak_ref_clear (&run->dialog);
  g_free (run);
}

/* Progress reports of a run arrive before its end; they may still be
 * queued when the end is handled, so the run goes only after them. */
static gboolean
run_free_idle_cb (gpointer data)
{
  run_free (data);
  return G_SOURCE_REMOVE;
}

static void
progress_cb (double      fraction,
             const char *text,
             gpointer    user_data)
{
  Run *run = user_data;
  g_autoptr(ClImportDialog) self = g_weak_ref_get (&run->dialog);

  if (self == NULL || !self->running || self->stack == NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
set_finished (ClImportDialog *self,
              const char     *page)
{
  self->running = FALSE;
  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->close_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->close_button);
  gtk_widget_grab_focus (self->close_button);
}

/* "312 pupils updated, 118,560 sessions". */
static char *
describe_result (const ClImportResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *created = cl_format_count (result->pupils_created);
  g_autofree char *updated = cl_format_count (result->pupils_updated);
  g_autofree char *skipped = cl_format_count (result->pupils_skipped);
  g_autofree char *sessions = cl_format_count ((guint) MIN (result->sessions, G_MAXUINT));

  if (result->pupils_created > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pupil added",
                                                          "%s pupils added",
                                                          result->pupils_created),
                                             created));
  if (result->pupils_updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pupil updated",
                                                          "%s pupils updated",
                                                          result->pupils_updated),
                                             updated));
  if (result->pupils_skipped > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s pupil with problems skipped",
                                                          "%s pupils with problems skipped",
                                                          result->pupils_skipped),
                                             skipped));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s session",
                                                        "%s sessions", result->sessions),
                                           sessions));
  g_ptr_array_add (parts, NULL);
  /* Translators: joins the parts of an import summary. */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* "1 pupil has no problems and can be imported alone. 3 pupils with
 * problems would be left out." */
static char *
describe_clean (const ClImportResult *result)
{
  g_autofree char *clean_text = cl_format_count (result->pupils_clean);
  g_autofree char *skipped_text = cl_format_count (result->pupils_with_problems);
  g_autofree char *clean_sentence = NULL;
  g_autofree char *skipped_sentence = NULL;

  clean_sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s pupil has no problems and can be "
                                                 "imported alone.",
                                                 "%s pupils have no problems and can be "
                                                 "imported alone.", result->pupils_clean),
                                    clean_text);
  skipped_sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s pupil with problems would be left out.",
                                                   "%s pupils with problems would be left out.",
                                                   result->pupils_with_problems),
                                      skipped_text);
  /* Translators: two sentences, "1 pupil has no problems …" and "3 pupils
   * with problems would be left out." */
  return g_strdup_printf (_("%s %s"), clean_sentence, skipped_sentence);
}

/* offer_clean: whether the problems are the pupils' own, so that the
 * clean pupils could go in alone. The import's one pass over the file has
 * counted them already: no second pass is needed to offer it. */
static void
show_problems (ClImportDialog       *self,
               const char           *title,
               const ClImportResult *result,
               gboolean              offer_clean)
{
  guint n = result->problems != NULL ? result->problems->len : 0;

  offer_clean = offer_clean && !result->file_problem && result->pupils_clean > 0
                && result->pupils_with_problems > 0;

  gtk_string_list_splice (self->problems, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->problems)), NULL);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (self->problems, g_ptr_array_index (result->problems, i));
  gtk_label_set_text (self->problems_title, title);
  if (offer_clean)
    {
      g_autofree char *hint = describe_clean (result);

      gtk_label_set_text (self->problems_hint, hint);
    }
  else
    gtk_label_set_text (self->problems_hint,
                        _("Put the file right and import it again. Nothing has been changed."));
  gtk_widget_set_visible (self->clean_button, offer_clean);
  set_finished (self, "problems");
}

static void
import_finished (ClImportDialog *self,
                 gboolean        ok,
                 ClImportResult *result,
                 GError         *error)
{
  gboolean cancelled = error != NULL
                       && (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                           || g_error_matches (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_CANCELLED));

  /* A cancel that came after the import had committed is reported as a
   * cancel by GTask, but the result says what was written. */
  if (cancelled && !g_error_matches (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_CANCELLED)
      && result->pupils_created + result->pupils_updated > 0)
    ok = TRUE;

  if (ok)
    {
      g_autofree char *summary = describe_result (result);

      adw_status_page_set_description (self->done_page, summary);
      set_finished (self, "done");
      g_signal_emit (self, signals[IMPORTED], 0);
    }
  else if (cancelled)
    set_finished (self, "cancelled");
  else if (result->problems != NULL && result->problems->len > 0)
    show_problems (self, error->message, result,
                   g_error_matches (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_INVALID)
                   && !self->options.clean_pupils_only);
  else
    {
      adw_status_page_set_description (self->error_page, error->message);
      set_finished (self, "error");
    }

  if (self->close_when_stopped)
    gtk_window_close (GTK_WINDOW (self));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(ClImportDialog) self = g_weak_ref_get (&run->dialog);
  g_autoptr(GError) error = NULL;
  ClImportResult result = { 0 };
  gboolean ok;

  ok = cl_register_import_finish (res, &result, &error);
  if (self != NULL && self->stack != NULL)
    import_finished (self, ok, &result, error);
  cl_import_result_clear (&result);
  g_idle_add_full (G_PRIORITY_LOW, run_free_idle_cb, run, NULL);
}

static void
start_run (ClImportDialog *self,
           gboolean        clean_pupils_only)
{
  g_autofree char *title = g_strdup_printf (_("Importing “%s”"), self->name);
  ClImportOptions options;
  Run *run = g_new0 (Run, 1);

  g_weak_ref_init (&run->dialog, self);
  self->options.clean_pupils_only = clean_pupils_only;
  options = self->options;
  options.dry_run = FALSE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  gtk_label_set_text (self->progress_title, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting"));
  gtk_widget_set_visible (self->cancel_button, TRUE);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  gtk_widget_set_visible (self->close_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  cl_register_import_async (cl_database_get_path (self->db), self->path, &options,
                            cl_database_get_actor (self->db), progress_cb, run,
                            self->cancellable, import_done_cb, run);
}

void
cl_import_dialog_start (ClImportDialog *self)
{
  g_return_if_fail (CL_IS_IMPORT_DIALOG (self));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  start_run (self, self->options.clean_pupils_only);
}

void
cl_import_dialog_cancel (ClImportDialog *self)
{
  g_return_if_fail (CL_IS_IMPORT_DIALOG (self));

  if (!self->running)
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_progress_bar_set_text (self->progress_bar, _("Cancelling"));
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
}

static void
cancel_clicked_cb (ClImportDialog *self)
{
  cl_import_dialog_cancel (self);
}

static void
clean_clicked_cb (ClImportDialog *self)
{
  start_run (self, TRUE);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(ClImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), res, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the list: %s"),
                                                  error->message);
      if (self->toast_overlay != NULL)
        add_toast (self, message);
      return;
    }
  if (self->toast_overlay != NULL)
    add_toast (self, _("List saved"));
}

void
cl_import_dialog_save_problems (ClImportDialog *self,
                                GFile          *file)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  GListModel *problems = G_LIST_MODEL (self->problems);

  g_return_if_fail (CL_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_string_append (text, gtk_string_list_get_string (self->problems, i));
      g_string_append_c (text, '\n');
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                       save_done_cb, g_object_ref (self));
}

static void
save_file_chosen_cb (gpointer        owner,
                     GFile          *file,
                     GtkFileChooser *chooser)
{
  cl_import_dialog_save_problems (CL_IMPORT_DIALOG (owner), file);
}

static void
save_clicked_cb (ClImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *stem = g_strdup (self->name);
  g_autofree char *suggested = NULL;
  char *dot = strrchr (stem, '.');

  if (dot != NULL)
    *dot = '\0';
  /* Translators: the suggested name of the saved list, from the register's. */
  suggested = g_strdup_printf (_("%s-problems.txt"), stem);
  chooser = cl_file_chooser_new (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("Save the List of Problems"), _("_Save"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  cl_file_chooser_run (chooser, self, save_file_chosen_cb);
  g_object_unref (chooser);
}

static gboolean
cl_import_dialog_close_request (GtkWindow *window)
{
  ClImportDialog *self = CL_IMPORT_DIALOG (window);

  /* Closing while the import runs cancels it; the window goes once the
   * worker has stopped and the database is known to be as it was. */
  if (self->running)
    {
      self->close_when_stopped = TRUE;
      cl_import_dialog_cancel (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (cl_import_dialog_parent_class)->close_request (window);
}

const char *
cl_import_dialog_get_state (ClImportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
cl_import_dialog_is_running (ClImportDialog *self)
{
  return self->running;
}

GListModel *
cl_import_dialog_get_problems (ClImportDialog *self)
{
  return G_LIST_MODEL (self->problems);
}

const char *
cl_import_dialog_get_summary (ClImportDialog *self)
{
  return adw_status_page_get_description (self->done_page);
}

GtkProgressBar *
cl_import_dialog_get_progress_bar (ClImportDialog *self)
{
  return self->progress_bar;
}

GtkWidget *
cl_import_dialog_get_clean_button (ClImportDialog *self)
{
  return self->clean_button;
}

GtkWidget *
cl_import_dialog_get_cancel_button (ClImportDialog *self)
{
  return self->cancel_button;
}

static void
cl_import_dialog_dispose (GObject *object)
{
  ClImportDialog *self = CL_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_import_dialog_parent_class)->dispose (object);
}

static void
cl_import_dialog_finalize (GObject *object)
{
  ClImportDialog *self = CL_IMPORT_DIALOG (object);

  g_free (self->path);
  g_free (self->name);

  G_OBJECT_CLASS (cl_import_dialog_parent_class)->finalize (object);
}

static void
cl_import_dialog_class_init (ClImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cl_import_dialog_dispose;
  object_class->finalize = cl_import_dialog_finalize;
  window_class->close_request = cl_import_dialog_close_request;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, progress_title);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, problems_title);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, problems_hint);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, problems);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClImportDialog, clean_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clean_clicked_cb);
}

static void
cl_import_dialog_init (ClImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
