/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-column-mapping-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "people/cl-school.h"
#include "ui/cl-column-mapping-dialog.h"
#include "ui/cl-window-private.h"

struct _ClColumnMappingDialog
{
  AdwWindow            parent_instance;

  /* template */
  AdwWindowTitle      *window_title;
  GtkWidget           *import_button;
  AdwPreferencesGroup *message_group;
  AdwComboRow         *school_row;
  AdwPreferencesGroup *columns_group;
  GtkLabel            *error_label;

  ClDatabase          *db;
  GtkFlattenListModel *school_model;
  AdwComboRow         *field_rows[CL_CSV_N_FIELDS];
  guint                n_columns;
  int                  map[CL_CSV_N_FIELDS];
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (ClColumnMappingDialog, cl_column_mapping_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORT,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* As the importer reads header names: case, spaces and underscores aside. */
static char *
normalise_header (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GString *out = g_string_new (NULL);

  for (const char *p = stripped; *p != '\0'; p++)
    {
      char c = *p == '_' ? ' ' : g_ascii_tolower (*p);

      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
cl_column_mapping_guess (const char *const *header,
                         int                map[CL_CSV_N_FIELDS])
{
  g_return_val_if_fail (header != NULL, FALSE);

  for (int f = 0; f < CL_CSV_N_FIELDS; f++)
    map[f] = -1;
  for (int col = 0; header[col] != NULL; col++)
    {
      g_autofree char *name = normalise_header (header[col]);

      for (int f = 0; f < CL_CSV_N_FIELDS; f++)
        if (map[f] < 0 && g_strv_contains (cl_csv_field_names (f), name))
          {
            map[f] = col;
            break;
          }
    }
  for (int f = 0; f < CL_CSV_N_FIELDS; f++)
    if (cl_csv_field_required (f) && map[f] < 0)
      return FALSE;
  return TRUE;
}

static ClSchool *
selected_school (ClColumnMappingDialog *self)
{
  return adw_combo_row_get_selected_item (self->school_row);
}

guint
cl_column_mapping_dialog_get_school_urn (ClColumnMappingDialog *self)
{
  ClSchool *school;

  g_return_val_if_fail (CL_IS_COLUMN_MAPPING_DIALOG (self), 0);

  school = selected_school (self);
  return school != NULL ? cl_school_get_urn (school) : 0;
}

const int *
cl_column_mapping_dialog_get_map (ClColumnMappingDialog *self)
{
  g_return_val_if_fail (CL_IS_COLUMN_MAPPING_DIALOG (self), NULL);
  return self->map;
}

static void
validate (ClColumnMappingDialog *self)
{
  g_autofree char *message = NULL;

  for (int f = 0; f < CL_CSV_N_FIELDS && message == NULL; f++)
    if (cl_csv_field_required (f) && self->map[f] < 0)
      /* Translators: "Choose the column that holds the Mark." */
      message = g_strdup_printf (_("Choose the column that holds the %s."),
                                 cl_csv_field_label (f));
  if (message == NULL && cl_column_mapping_dialog_get_school_urn (self) == 0
      && self->map[CL_CSV_FIELD_URN] < 0)
    message = g_strdup (_("Choose the school the register is from, or the column that holds "
                          "each row’s school URN."));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_group), message != NULL);
  if (cl_column_mapping_dialog_get_school_urn (self) == 0 && self->map[CL_CSV_FIELD_URN] < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->school_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->school_row), "error");
  gtk_widget_set_sensitive (self->import_button, message == NULL);
  for (int f = 0; f < CL_CSV_N_FIELDS; f++)
    if (self->field_rows[f] != NULL)
      {
        if (cl_csv_field_required (f) && self->map[f] < 0)
          gtk_widget_add_css_class (GTK_WIDGET (self->field_rows[f]), "error");
        else
          gtk_widget_remove_css_class (GTK_WIDGET (self->field_rows[f]), "error");
      }
}

static void
show_map (ClColumnMappingDialog *self)
{
  self->loading = TRUE;
  for (int f = 0; f < CL_CSV_N_FIELDS; f++)
    adw_combo_row_set_selected (self->field_rows[f], (guint) (self->map[f] + 1));
  self->loading = FALSE;
  validate (self);
}

static void
field_selected_cb (ClColumnMappingDialog *self,
                   GParamSpec            *pspec,
                   AdwComboRow           *row)
{
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cl-field"));

  if (self->loading)
    return;
  self->map[field] = (int) adw_combo_row_get_selected (row) - 1;
  validate (self);
}

/* The columns remembered for a school, when they fit this file. */
static gboolean
load_remembered (ClColumnMappingDialog *self,
                 guint                  urn)
{
  g_autofree int *remembered = NULL;

  if (urn == 0 || self->db == NULL)
    return FALSE;
  remembered = cl_csv_mapping_load (self->db, urn);
  if (remembered == NULL)
    return FALSE;
  for (int f = 0; f < CL_CSV_N_FIELDS; f++)
    if (remembered[f] >= (int) self->n_columns)
      return FALSE;
  memcpy (self->map, remembered, sizeof self->map);
  return TRUE;
}

static void
school_selected_cb (ClColumnMappingDialog *self)
{
  if (self->loading)
    return;
  if (load_remembered (self, cl_column_mapping_dialog_get_school_urn (self)))
    show_map (self);
  else
    validate (self);
}

void
cl_column_mapping_dialog_set_school_urn (ClColumnMappingDialog *self,
                                         guint                  urn)
{
  GListModel *model;

  g_return_if_fail (CL_IS_COLUMN_MAPPING_DIALOG (self));

  model = G_LIST_MODEL (self->school_model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ClSchool) school = g_list_model_get_item (model, i);

      if (cl_school_get_urn (school) == urn)
        {
          adw_combo_row_set_selected (self->school_row, i);
          return;
        }
    }
}

static void
import_clicked_cb (ClColumnMappingDialog *self)
{
  if (!gtk_widget_get_sensitive (self->import_button))
    return;
  g_signal_emit (self, signals[IMPORT], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_field_rows (ClColumnMappingDialog *self,
                const char *const     *header)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (choices, g_strdup (_("Not in the file")));
  for (guint col = 0; header[col] != NULL; col++)
    {
      g_autofree char *title = g_strstrip (g_strdup (header[col]));

      /* Translators: a column with no title in the header: "Column 3". */
      g_ptr_array_add (choices, *title != '\0' ? g_steal_pointer (&title)
                                               : g_strdup_printf (_("Column %u"), col + 1));
    }
  g_ptr_array_add (choices, NULL);

  for (int f = 0; f < CL_CSV_N_FIELDS; f++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) choices->pdata);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_csv_field_label (f));
      if (cl_csv_field_required (f))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Required"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      g_object_set_data (G_OBJECT (row), "cl-field", GINT_TO_POINTER (f));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (field_selected_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->columns_group, row);
      self->field_rows[f] = ADW_COMBO_ROW (row);
    }
}

ClColumnMappingDialog *
cl_column_mapping_dialog_new (GtkWindow         *parent,
                              ClDatabase        *db,
                              const char        *path,
                              const char *const *header,
                              GListModel        *schools)
{
  ClColumnMappingDialog *self;
  g_autoptr(GListStore) sources = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) none = g_list_store_new (CL_TYPE_SCHOOL);
  g_autoptr(ClSchool) from_file = cl_school_new ();
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL && header != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (schools), NULL);

  self = g_object_new (CL_TYPE_COLUMN_MAPPING_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->n_columns = g_strv_length ((char **) header);
  name = g_path_get_basename (path);
  adw_window_title_set_subtitle (self->window_title, name);
  /* Translators: "register.csv has 6 columns. Choose the one that holds each field." */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s has %u column. Choose the one that holds "
                                              "each field.",
                                              "%s has %u columns. Choose the one that holds "
                                              "each field.", self->n_columns),
                                 name, self->n_columns);
  adw_preferences_group_set_description (self->columns_group, description);

  cl_column_mapping_guess (header, self->map);
  cl_school_set_text (from_file, CL_SCHOOL_NAME,
                      self->map[CL_CSV_FIELD_URN] >= 0 ? _("Named in the file (URN column)")
                                                       : _("Choose a school"));
  g_list_store_append (none, from_file);
  g_list_store_append (sources, none);
  g_list_store_append (sources, schools);
  self->school_model = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&sources)));

  self->loading = TRUE;
  adw_combo_row_set_model (self->school_row, G_LIST_MODEL (self->school_model));
  add_field_rows (self, header);
  self->loading = FALSE;

  show_map (self);
  g_signal_connect_object (self->school_row, "notify::selected",
                           G_CALLBACK (school_selected_cb), self, G_CONNECT_SWAPPED);
  return self;
}

AdwComboRow *
cl_column_mapping_dialog_get_field_row (ClColumnMappingDialog *self,
                                        guint                  field)
{
  g_return_val_if_fail (field < CL_CSV_N_FIELDS, NULL);
  return self->field_rows[field];
}

GtkWidget *
cl_column_mapping_dialog_get_import_button (ClColumnMappingDialog *self)
{
  return self->import_button;
}

static void
cl_column_mapping_dialog_dispose (GObject *object)
{
  ClColumnMappingDialog *self = CL_COLUMN_MAPPING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_COLUMN_MAPPING_DIALOG);
  g_clear_object (&self->school_model);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_column_mapping_dialog_parent_class)->dispose (object);
}

static void
cl_column_mapping_dialog_class_init (ClColumnMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_column_mapping_dialog_dispose;

  signals[IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CL_TYPE_SCHOOL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-column-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClColumnMappingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClColumnMappingDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ClColumnMappingDialog, message_group);
  gtk_widget_class_bind_template_child (widget_class, ClColumnMappingDialog, school_row);
  gtk_widget_class_bind_template_child (widget_class, ClColumnMappingDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, ClColumnMappingDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
}

static void
cl_column_mapping_dialog_init (ClColumnMappingDialog *self)
{
  for (int f = 0; f < CL_CSV_N_FIELDS; f++)
    self->map[f] = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}
