/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-codes-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-code-table.h"
#include "ui/cl-codes-window.h"
#include "ui/cl-format.h"
#include "ui/cl-window-private.h"

/* The categories an editable code can be given, in the order offered. */
static const ClAttendanceCategory choices[] = {
  CL_ATTENDANCE_CATEGORY_PRESENT,
  CL_ATTENDANCE_CATEGORY_AEA,
  CL_ATTENDANCE_CATEGORY_AUTHORISED,
  CL_ATTENDANCE_CATEGORY_UNAUTHORISED,
  CL_ATTENDANCE_CATEGORY_NOT_COUNTED,
  CL_ATTENDANCE_CATEGORY_ADMIN,
};

struct _ClCodesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template */
  AdwPreferencesGroup  *england_2024_group;
  AdwPreferencesGroup  *england_2006_group;
  AdwPreferencesGroup  *wales_2010_group;

  ClDatabase           *db;
  ClCodeTable          *codes;
  GHashTable           *rows;      /* "set:code" → row, for the tests */
  gboolean              reverting;
};

G_DEFINE_FINAL_TYPE (ClCodesWindow, cl_codes_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  CATEGORY_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static guint
choice_index (ClAttendanceCategory category)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (choices[i] == category)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
category_selected_cb (ClCodesWindow *self,
                      GParamSpec    *pspec,
                      AdwComboRow   *row)
{
  ClAttendanceCode *code = g_object_get_data (G_OBJECT (row), "cl-code");
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->reverting || selected >= G_N_ELEMENTS (choices))
    return;
  if (choices[selected] == cl_attendance_code_get_category (code))
    return;
  if (!cl_code_table_set_category (self->codes, self->db, cl_attendance_code_get_id (code),
                                   choices[selected], &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      self->reverting = TRUE;
      adw_combo_row_set_selected (row, choice_index (cl_attendance_code_get_category (code)));
      self->reverting = FALSE;
      return;
    }
  g_signal_emit (self, signals[CATEGORY_CHANGED], 0);
}

static gboolean
is_set (const char *date)
{
  /* 9999-12-31 is how the code table writes "no end". */
  return date != NULL && *date != '\0' && strcmp (date, "9999-12-31") != 0;
}

/* Only a code whose dates differ from the rest of its set (which the
 * group's description gives) says when it may be used. */
static char *
describe_validity (ClAttendanceCode *code,
                   const char       *set_from,
                   const char       *set_to)
{
  const char *from = cl_attendance_code_get_valid_from (code);
  const char *to = cl_attendance_code_get_valid_to (code);
  g_autofree char *from_text = cl_format_date (from);
  g_autofree char *to_text = cl_format_date (to);
  gboolean has_from = is_set (from) && g_strcmp0 (from, set_from) != 0;
  gboolean has_to = is_set (to) && g_strcmp0 (to, set_to) != 0;

  if (has_from && has_to)
    return g_strdup_printf (_("Used from %s to %s"), from_text, to_text);
  if (has_to)
    return g_strdup_printf (_("Used until %s"), to_text);
  if (has_from)
    return g_strdup_printf (_("Used from %s"), from_text);
  return NULL;
}

static GtkWidget *
code_label (ClAttendanceCode *code)
{
  GtkWidget *label = gtk_label_new (cl_attendance_code_get_code (code));

  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
make_row (ClCodesWindow    *self,
          ClAttendanceCode *code,
          const char       *set_from,
          const char       *set_to)
{
  g_autofree char *validity = describe_validity (code, set_from, set_to);
  g_autofree char *spoken = NULL;
  GtkWidget *row;

  if (cl_attendance_code_get_editable (code))
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      g_autofree char *subtitle = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
        gtk_string_list_append (labels, cl_attendance_category_get_label (choices[i]));
      row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  choice_index (cl_attendance_code_get_category (code)));
      subtitle = validity != NULL
                 ? g_strdup_printf ("%s · %s", _("Category unverified: you may change it"),
                                    validity)
                 : g_strdup (_("Category unverified: you may change it"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "cl-code", g_object_ref (code), g_object_unref);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (category_selected_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      GtkWidget *category =
        gtk_label_new (cl_attendance_category_get_label (cl_attendance_code_get_category (code)));

      row = adw_action_row_new ();
      gtk_widget_add_css_class (category, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (category), TRUE);
      gtk_label_set_xalign (GTK_LABEL (category), 1.0);
      /* "Unauthorised absence" on one line; longer categories on two. */
      gtk_label_set_width_chars (GTK_LABEL (category), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (category), 20);
      gtk_label_set_justify (GTK_LABEL (category), GTK_JUSTIFY_RIGHT);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), category);
      if (validity != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), validity);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_attendance_code_get_meaning (code));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), code_label (code));
  /* Translators: read out for a code: "Code N: Reason for absence not yet established". */
  spoken = g_strdup_printf (_("Code %s: %s"), cl_attendance_code_get_code (code),
                            cl_attendance_code_get_meaning (code));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return row;
}

/* The dates most of a set's codes share. */
static void
common_dates (GListModel  *codes,
              const char **from,
              const char **to)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint best = 0;

  *from = *to = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(ClAttendanceCode) code = g_list_model_get_item (codes, i);
      g_autofree char *key = g_strdup_printf ("%s|%s", cl_attendance_code_get_valid_from (code),
                                              cl_attendance_code_get_valid_to (code));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;

      if (n > best)
        {
          best = n;
          *from = cl_attendance_code_get_valid_from (code);
          *to = cl_attendance_code_get_valid_to (code);
        }
      g_hash_table_replace (counts, g_steal_pointer (&key), GUINT_TO_POINTER (n));
    }
}

static void
fill_group (ClCodesWindow       *self,
            AdwPreferencesGroup *group,
            const char          *code_set)
{
  g_autoptr(GListModel) codes = cl_code_table_list_set (self->codes, code_set);
  const char *from, *to;

  common_dates (codes, &from, &to);
  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(ClAttendanceCode) code = g_list_model_get_item (codes, i);
      GtkWidget *row = make_row (self, code, from, to);

      adw_preferences_group_add (group, row);
      g_hash_table_insert (self->rows,
                           g_strdup_printf ("%s:%s", code_set, cl_attendance_code_get_code (code)),
                           row);
    }
}

ClCodesWindow *
cl_codes_window_new (GtkWindow  *parent,
                     ClDatabase *db)
{
  ClCodesWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  self = g_object_new (CL_TYPE_CODES_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->codes = cl_code_table_load (db, &error);
  if (self->codes == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return self;
    }
  fill_group (self, self->england_2024_group, CL_CODE_SET_ENGLAND_2024);
  fill_group (self, self->england_2006_group, CL_CODE_SET_ENGLAND_2006);
  fill_group (self, self->wales_2010_group, CL_CODE_SET_WALES_2010);
  return self;
}

GtkWidget *
cl_codes_window_get_row (ClCodesWindow *self,
                         const char    *code_set,
                         const char    *code)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", code_set, code);

  return g_hash_table_lookup (self->rows, key);
}

static void
cl_codes_window_dispose (GObject *object)
{
  ClCodesWindow *self = CL_CODES_WINDOW (object);

  g_hash_table_remove_all (self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_CODES_WINDOW);
  g_clear_object (&self->codes);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_codes_window_parent_class)->dispose (object);
}

static void
cl_codes_window_finalize (GObject *object)
{
  ClCodesWindow *self = CL_CODES_WINDOW (object);

  g_hash_table_unref (self->rows);

  G_OBJECT_CLASS (cl_codes_window_parent_class)->finalize (object);
}

static void
cl_codes_window_class_init (ClCodesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_codes_window_dispose;
  object_class->finalize = cl_codes_window_finalize;

  signals[CATEGORY_CHANGED] = g_signal_new ("category-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-codes-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClCodesWindow, england_2024_group);
  gtk_widget_class_bind_template_child (widget_class, ClCodesWindow, england_2006_group);
  gtk_widget_class_bind_template_child (widget_class, ClCodesWindow, wales_2010_group);
}

static void
cl_codes_window_init (ClCodesWindow *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
