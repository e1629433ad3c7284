/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "attendance/cl-register-import.h"
#include "people/cl-school-repository.h"
#include "ui/cl-column-mapping-dialog.h"
#include "ui/cl-file-chooser.h"
#include "ui/cl-import-dialog.h"
#include "ui/cl-window.h"

/* ClWindow, continued: importing a register. A file is chosen; a CTF names
 * its school; a CSV whose header Caseload cannot read alone, or that does
 * not name its school, or whose user asked to, goes through the column
 * dialog; then the import dialog runs the import and the pages reload. */

#define CHOICE_COLUMNS "columns"

static void
show_error (ClWindow   *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (ClWindow *self)
{
  cl_window_reload (self);
}

ClImportDialog *
cl_window_import_file (ClWindow   *self,
                       const char *path,
                       guint       school_urn,
                       const int  *column_map)
{
  ClImportOptions options = { .format = CL_IMPORT_FORMAT_AUTO };
  ClImportDialog *dialog;

  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  options.school_urn = school_urn;
  options.column_map = column_map;
  dialog = cl_import_dialog_new (GTK_WINDOW (self), cl_window_get_database (self), path,
                                 &options);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  cl_import_dialog_start (dialog);
  return dialog;
}

static void
mapping_import_cb (ClWindow              *self,
                   ClColumnMappingDialog *dialog)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "cl-path");

  cl_window_import_file (self, path, cl_column_mapping_dialog_get_school_urn (dialog),
                         cl_column_mapping_dialog_get_map (dialog));
}

ClColumnMappingDialog *
cl_window_choose_columns (ClWindow          *self,
                          const char        *path,
                          const char *const *header)
{
  g_autoptr(ClSchoolRepository) repository = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;
  ClColumnMappingDialog *dialog;

  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);

  repository = cl_school_repository_new (cl_window_get_database (self));
  schools = cl_school_repository_list (repository, &error);
  if (schools == NULL)
    {
      show_error (self, _("Could Not Read the Schools"), error->message);
      return NULL;
    }
  dialog = cl_column_mapping_dialog_new (GTK_WINDOW (self), cl_window_get_database (self), path,
                                         header, schools);
  g_object_set_data_full (G_OBJECT (dialog), "cl-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "import", G_CALLBACK (mapping_import_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* A CTF by its name, or an XML file read as CSV: its "header" is a tag. */
static gboolean
looks_like_ctf (const char        *path,
                const char *const *header)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  const char *first;

  if (g_str_has_suffix (lower, ".xml"))
    return TRUE;
  if (header == NULL || header[0] == NULL)
    return FALSE;
  for (first = header[0]; g_ascii_isspace (*first); first++)
    ;
  return *first == '<';
}

static void
prepare_import (ClWindow   *self,
                const char *path,
                gboolean    ask)
{
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) error = NULL;
  int map[CL_CSV_N_FIELDS];

  if (looks_like_ctf (path, NULL))
    {
      cl_window_import_file (self, path, 0, NULL);
      return;
    }
  header = cl_csv_read_header (path, &error);
  if (header == NULL)
    {
      show_error (self, _("Could Not Read the Register"), error->message);
      return;
    }
  if (looks_like_ctf (path, (const char * const *) header))
    {
      cl_window_import_file (self, path, 0, NULL);
      return;
    }
  /* The header names every field and each row's school: no questions. */
  if (!ask && cl_column_mapping_guess ((const char * const *) header, map)
      && map[CL_CSV_FIELD_URN] >= 0)
    {
      cl_window_import_file (self, path, 0, NULL);
      return;
    }
  cl_window_choose_columns (self, path, (const char * const *) header);
}

static void
file_chosen_cb (gpointer        owner,
                GFile          *file,
                GtkFileChooser *chooser)
{
  ClWindow *self = owner;
  g_autofree char *path = g_file_get_path (file);
  const char *choice = gtk_file_chooser_get_choice (chooser, CHOICE_COLUMNS);

  if (path == NULL)
    {
      show_error (self, _("Could Not Read the Register"),
                  _("Caseload can only import registers from files on this computer."));
      return;
    }
  prepare_import (self, path, g_strcmp0 (choice, "true") == 0);
}

void
cl_window_import_register (ClWindow *self)
{
  static const char *const registers[] = { "*.csv", "*.CSV", "*.xml", "*.XML", NULL };
  static const char *const csv[] = { "*.csv", "*.CSV", NULL };
  static const char *const ctf[] = { "*.xml", "*.XML", NULL };
  GtkFileChooserNative *chooser;

  g_return_if_fail (CL_IS_WINDOW (self));

  chooser = cl_file_chooser_new (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("Import Register"), _("_Import"));
  cl_file_chooser_add_filter (chooser, _("Registers (CSV or CTF)"), registers);
  cl_file_chooser_add_filter (chooser, _("Long-form CSV"), csv);
  cl_file_chooser_add_filter (chooser, _("Common Transfer File (XML)"), ctf);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), CHOICE_COLUMNS,
                               _("Choose the columns and the school myself"), NULL, NULL);
  cl_file_chooser_run (chooser, self, file_chosen_cb);
  g_object_unref (chooser);
}
