/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-reports-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charts/cl-chart-builders.h"
#include "documents/cl-governors-report.h"
#include "documents/cl-letter.h"
#include "documents/cl-sent-document.h"
#include "documents/cl-template-repository.h"
#include "people/cl-officer-repository.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "store/cl-dates.h"
#include "ui/cl-chart-view.h"
#include "ui/cl-mail-merge-dialog.h"
#include "ui/cl-preview-window.h"
#include "ui/cl-present-window.h"
#include "ui/cl-reports-page.h"
#include "ui/cl-template-editor.h"
#include "ui/cl-window-private.h"

/* Letters kept as sent that the Letters section lists, newest first. */
#define MAX_SENT_ROWS 25

enum {
  SCOPE_SCHOOL,
  SCOPE_PUPIL,
};

typedef struct
{
  ClTerm term;
  int    academic_year;
} TermChoice;

struct _ClReportsPage
{
  GtkWidget             parent_instance;

  /* template */
  GtkWidget            *box;
  AdwViewStack         *stack;
  AdwPreferencesGroup  *templates_group;
  AdwPreferencesGroup  *sent_group;
  ClTemplateEditor     *template_editor;
  GtkStringList        *school_names;
  AdwComboRow          *gov_school_row;
  AdwComboRow          *gov_term_row;
  GtkStringList        *term_names;
  GtkSwitch            *names_switch;
  GtkTextView          *commentary_view;
  GtkSpinner           *gov_spinner;
  GtkDropDown          *chart_scope_dropdown;
  GtkDropDown          *chart_school_dropdown;
  GtkDropDown          *chart_pupil_dropdown;
  GtkDropDown          *chart_kind_dropdown;
  GtkStack             *chart_stack;
  ClChartView          *chart_view;
  GtkLabel             *chart_description;
  AdwStatusPage        *chart_status;

  ClDatabase           *db;
  GListModel           *schools;        /* ClSchool */
  GListModel           *pupils;         /* ClPupil */
  GArray               *terms;          /* TermChoice, as term_names lists them */
  GPtrArray            *template_rows;
  GPtrArray            *sent_rows;
  GCancellable         *report_cancellable;
  ClPresentWindow      *present;        /* weak */
  gboolean              filling;
  gboolean              folded;
};

G_DEFINE_FINAL_TYPE (ClReportsPage, cl_reports_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void update_chart (ClReportsPage *self);
static void update_terms (ClReportsPage *self);

GtkWidget *
cl_reports_page_new (void)
{
  return g_object_new (CL_TYPE_REPORTS_PAGE, NULL);
}

static GtkWindow *
parent_window (ClReportsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (ClReportsPage *self,
            const char    *heading,
            const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Letters --- */

static void reload_sent (ClReportsPage *self);

static void
letters_sent_cb (ClReportsPage *self)
{
  reload_sent (self);
}

static ClMailMergeDialog *
open_merge_dialog (ClReportsPage *self)
{
  ClMailMergeDialog *dialog;

  if (self->db == NULL)
    return NULL;
  dialog = cl_mail_merge_dialog_new (parent_window (self), self->db);
  g_signal_connect_object (dialog, "sent", G_CALLBACK (letters_sent_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
write_letters_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ClReportsPage *self = CL_REPORTS_PAGE (widget);
  ClMailMergeDialog *dialog = open_merge_dialog (self);
  const char *name = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";

  if (dialog != NULL && *name != '\0')
    cl_mail_merge_dialog_set_template (dialog, name);
}

void
cl_reports_page_write_letters_about (ClReportsPage *self,
                                     gint64         pupil_id)
{
  ClMailMergeDialog *dialog;

  g_return_if_fail (CL_IS_REPORTS_PAGE (self));

  dialog = open_merge_dialog (self);
  if (dialog != NULL)
    cl_mail_merge_dialog_add_pupil (dialog, pupil_id);
}

static void
edit_template_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ClReportsPage *self = CL_REPORTS_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->stack, "templates");
  cl_template_editor_show_template (self->template_editor, g_variant_get_string (parameter, NULL));
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
row_button (const char *label,
            const char *icon_name,
            const char *tooltip,
            const char *action,
            const char *target)
{
  GtkWidget *button = icon_name != NULL ? gtk_button_new_from_icon_name (icon_name)
                                        : gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  if (icon_name != NULL && label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

static gboolean
reload_templates (ClReportsPage  *self,
                  GError        **error)
{
  g_autoptr(ClTemplateRepository) repository = cl_template_repository_new (self->db);
  g_autoptr(GListModel) templates = cl_template_repository_list (repository, error);
  guint n;

  if (templates == NULL)
    return FALSE;
  clear_rows (self->templates_group, self->template_rows);
  n = g_list_model_get_n_items (templates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClLetterTemplate) tmpl = g_list_model_get_item (templates, i);
      const char *name = cl_letter_template_get_name (tmpl);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *edit = g_strdup_printf (_("Edit “%s”"), cl_letter_template_get_title (tmpl));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_letter_template_get_title (tmpl));
      if (cl_letter_template_get_description (tmpl) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cl_letter_template_get_description (tmpl));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (edit, "document-edit-symbolic", _("Edit the Template"),
                                             "reports.edit-template", name));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (_("_Write…"), NULL, _("Write letters from this template"),
                                             "reports.write-letters", name));
      adw_preferences_group_add (self->templates_group, row);
      g_ptr_array_add (self->template_rows, row);
    }
  return TRUE;
}

static void
sent_row_activated_cb (ClReportsPage *self,
                       AdwActionRow  *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "sent-id"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *file_name = NULL;
  ClPreviewWindow *preview;

  /* The very bytes that were sent, checked against their hash. */
  pdf = cl_sent_document_load_pdf (self->db, id, &error);
  if (pdf == NULL)
    {
      show_error (self, _("Could Not Open the Letter"), error->message);
      return;
    }
  preview = cl_preview_window_new (parent_window (self),
                                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  file_name = g_strdup_printf ("letter-%" G_GINT64_FORMAT ".pdf", id);
  cl_preview_window_set_file_name (preview, file_name);
  cl_preview_window_set_kept (preview);
  if (!cl_preview_window_load (preview, pdf, NULL, &error))
    {
      gtk_window_destroy (GTK_WINDOW (preview));
      show_error (self, _("Could Not Open the Letter"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (preview));
}

static void
reload_sent (ClReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sent = NULL;
  g_autoptr(ClOfficerRepository) repository = NULL;
  g_autoptr(GListModel) officers = NULL;
  g_autoptr(GHashTable) names = NULL;
  guint n;

  if (self->db == NULL)
    return;
  sent = cl_sent_document_list (self->db, 0, &error);
  clear_rows (self->sent_group, self->sent_rows);
  if (sent == NULL)
    {
      g_warning ("Could not read the letters sent: %s", error->message);
      return;
    }
  /* Who sent each: the actor is "officer:ID" when an officer is signed in. */
  repository = cl_officer_repository_new (self->db);
  officers = cl_officer_repository_list (repository, NULL);
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; officers != NULL && i < g_list_model_get_n_items (officers); i++)
    {
      g_autoptr(ClOfficer) officer = g_list_model_get_item (officers, i);

      g_hash_table_insert (names,
                           g_strdup_printf ("officer:%" G_GINT64_FORMAT, cl_officer_get_id (officer)),
                           g_strdup (cl_officer_get_name (officer)));
    }
  n = g_list_model_get_n_items (sent);
  adw_preferences_group_set_description (self->sent_group,
                                         n == 0 ? _("No letters have been kept as sent yet.")
                                                : NULL);
  for (guint i = 0; i < MIN (n, MAX_SENT_ROWS); i++)
    {
      g_autoptr(ClSentDocument) doc = g_list_model_get_item (sent, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *day = g_strndup (cl_sent_document_get_created_at (doc), 10);
      g_autofree char *date = cl_letter_format_date (day, FALSE);
      const char *by = cl_sent_document_get_created_by (doc);
      const char *name = by != NULL ? g_hash_table_lookup (names, by) : NULL;

      /* Translators: "20 March 2026 · Ottilie Brackenbury". */
      subtitle = g_strdup_printf (_("%s · %s"), date != NULL ? date : day,
                                  name != NULL ? name : by != NULL ? by : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_sent_document_get_title (doc));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "sent-id",
                         GSIZE_TO_POINTER ((gsize) cl_sent_document_get_id (doc)));
      g_signal_connect_object (row, "activated", G_CALLBACK (sent_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->sent_group, row);
      g_ptr_array_add (self->sent_rows, row);
    }
}

static void
templates_changed_cb (ClReportsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!reload_templates (self, &error))
    g_warning ("Could not read the letter templates: %s", error->message);
}

/* --- schools and pupils for the choosers --- */

static ClSchool *
school_at (ClReportsPage *self,
           guint          position)
{
  if (self->schools == NULL || position >= g_list_model_get_n_items (self->schools))
    return NULL;
  return g_list_model_get_item (self->schools, position);
}

static guint
school_position (ClReportsPage *self,
                 gint64         school_id)
{
  guint n = self->schools != NULL ? g_list_model_get_n_items (self->schools) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClSchool) school = g_list_model_get_item (self->schools, i);

      if (cl_school_get_id (school) == school_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static guint
pupil_position (ClReportsPage *self,
                gint64         pupil_id)
{
  guint n = self->pupils != NULL ? g_list_model_get_n_items (self->pupils) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (self->pupils, i);

      if (cl_pupil_get_id (pupil) == pupil_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static gint64
selected_id (GListModel *model,
             guint       position,
             gboolean    pupils)
{
  g_autoptr(GObject) item = NULL;

  if (model == NULL || position == GTK_INVALID_LIST_POSITION
      || position >= g_list_model_get_n_items (model))
    return 0;
  item = g_list_model_get_item (model, position);
  return pupils ? cl_pupil_get_id (CL_PUPIL (item)) : cl_school_get_id (CL_SCHOOL (item));
}

static gboolean
reload_people (ClReportsPage  *self,
               GError        **error)
{
  g_autoptr(ClSchoolRepository) schools = cl_school_repository_new (self->db);
  g_autoptr(ClPupilRepository) pupils = cl_pupil_repository_new (self->db);
  g_autoptr(GListModel) school_list = NULL;
  g_autoptr(GListModel) pupil_list = NULL;
  gint64 gov_school = selected_id (self->schools, adw_combo_row_get_selected (self->gov_school_row),
                                   FALSE);
  gint64 chart_school = selected_id (self->schools,
                                     gtk_drop_down_get_selected (self->chart_school_dropdown), FALSE);
  gint64 chart_pupil = selected_id (self->pupils,
                                    gtk_drop_down_get_selected (self->chart_pupil_dropdown), TRUE);
  guint n, position;

  school_list = cl_school_repository_list (schools, error);
  if (school_list == NULL)
    return FALSE;
  pupil_list = cl_pupil_repository_list (pupils, 0, error);
  if (pupil_list == NULL)
    return FALSE;

  self->filling = TRUE;
  g_set_object (&self->schools, school_list);
  g_set_object (&self->pupils, pupil_list);
  {
    guint count = g_list_model_get_n_items (self->schools);
    g_autofree const char **names = g_new0 (const char *, count + 1);
    g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < count; i++)
      {
        ClSchool *school = g_list_model_get_item (self->schools, i);

        g_ptr_array_add (keep, school);
        names[i] = cl_school_get_name (school);
      }
    n = g_list_model_get_n_items (G_LIST_MODEL (self->school_names));
    gtk_string_list_splice (self->school_names, 0, n, names);
  }
  gtk_drop_down_set_model (self->chart_pupil_dropdown, self->pupils);

  position = school_position (self, gov_school);
  adw_combo_row_set_selected (self->gov_school_row, position != GTK_INVALID_LIST_POSITION
                                                      ? position : 0);
  position = school_position (self, chart_school);
  gtk_drop_down_set_selected (self->chart_school_dropdown, position != GTK_INVALID_LIST_POSITION
                                                             ? position : 0);
  position = pupil_position (self, chart_pupil);
  gtk_drop_down_set_selected (self->chart_pupil_dropdown, position != GTK_INVALID_LIST_POSITION
                                                            ? position : 0);
  self->filling = FALSE;

  update_terms (self);
  update_chart (self);
  return TRUE;
}

gboolean
cl_reports_page_reload (ClReportsPage  *self,
                        GError        **error)
{
  g_return_val_if_fail (CL_IS_REPORTS_PAGE (self), FALSE);

  if (self->db == NULL)
    return TRUE;
  if (!reload_templates (self, error) || !reload_people (self, error))
    return FALSE;
  reload_sent (self);
  return cl_template_editor_reload (self->template_editor, error);
}

void
cl_reports_page_set_database (ClReportsPage *self,
                              ClDatabase    *db)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CL_IS_REPORTS_PAGE (self));
  g_return_if_fail (db == NULL || CL_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;
  cl_template_editor_set_database (self->template_editor, db);
  if (!cl_reports_page_reload (self, &error))
    g_warning ("Could not read what the reports need: %s", error->message);
}

void
cl_reports_page_show_section (ClReportsPage *self,
                              const char    *name)
{
  g_return_if_fail (CL_IS_REPORTS_PAGE (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

gboolean
cl_reports_page_get_has_unsaved_changes (ClReportsPage *self)
{
  g_return_val_if_fail (CL_IS_REPORTS_PAGE (self), FALSE);
  return cl_template_editor_get_has_unsaved_changes (self->template_editor);
}

/* --- Governors' report --- */

static void
update_terms (ClReportsPage *self)
{
  g_autoptr(ClSchool) school = school_at (self, adw_combo_row_get_selected (self->gov_school_row));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *today = NULL;
  GDate date;
  int year = cl_current_academic_year ();

  g_array_set_size (self->terms, 0);
  cl_date_today (&date);
  today = cl_date_to_iso (&date);
  /* The terms that have begun, this year's and last year's, newest first. */
  for (int y = year; school != NULL && y >= year - 1; y--)
    for (int t = CL_TERM_SUMMER; t >= CL_TERM_AUTUMN; t--)
      {
        g_autofree char *from = NULL;
        g_autofree char *to = NULL;
        g_autofree char *label = NULL;
        TermChoice choice = { (ClTerm) t, y };

        if (!cl_term_dates (self->db, cl_school_get_id (school), y, (ClTerm) t, &from, &to, NULL)
            || g_strcmp0 (from, today) > 0)
          continue;
        label = cl_term_describe ((ClTerm) t, y);
        g_strv_builder_add (builder, label);
        g_array_append_val (self->terms, choice);
      }
  names = g_strv_builder_end (builder);
  self->filling = TRUE;
  gtk_string_list_splice (self->term_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->term_names)),
                          (const char *const *) names);
  adw_combo_row_set_selected (self->gov_term_row, 0);
  self->filling = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.governors-report",
                                 self->terms->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.present", self->terms->len > 0);
}

static void
gov_school_changed_cb (ClReportsPage *self)
{
  if (!self->filling)
    update_terms (self);
}

static ClGovernorsReportOptions *
governors_options (ClReportsPage *self)
{
  g_autoptr(ClSchool) school = school_at (self, adw_combo_row_get_selected (self->gov_school_row));
  guint term = adw_combo_row_get_selected (self->gov_term_row);
  ClGovernorsReportOptions *options;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->commentary_view);
  GtkTextIter start, end;
  g_autofree char *commentary = NULL;

  if (school == NULL || term == GTK_INVALID_LIST_POSITION || term >= self->terms->len)
    return NULL;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  commentary = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  options = cl_governors_report_options_new ();
  options->school_id = cl_school_get_id (school);
  options->academic_year = g_array_index (self->terms, TermChoice, term).academic_year;
  options->term = g_array_index (self->terms, TermChoice, term).term;
  options->commentary = *commentary != '\0' ? g_steal_pointer (&commentary) : NULL;
  options->include_names = gtk_switch_get_active (self->names_switch);
  return options;
}

static char *
report_title (ClReportsPage                  *self,
              const ClGovernorsReportOptions *options)
{
  g_autoptr(ClSchool) school = school_at (self, school_position (self, options->school_id));
  g_autofree char *term = cl_term_describe (options->term, options->academic_year);

  /* Translators: "Oakfield Academy, Autumn term 2025". */
  return g_strdup_printf (_("%s, %s"), school != NULL ? cl_school_get_name (school) : "", term);
}

typedef struct
{
  ClDatabase               *db;
  ClGovernorsReportOptions *options;
} ExportData;

static void
export_data_free (gpointer data,
                  GClosure *closure)
{
  ExportData *d = data;

  g_object_unref (d->db);
  cl_governors_report_options_free (d->options);
  g_free (d);
}

static void
report_exported_cb (ClPreviewWindow *preview,
                    const char      *how,
                    gpointer         user_data)
{
  ExportData *d = user_data;
  g_autoptr(GError) error = NULL;

  /* Who took a report out of the program, and whether it named pupils. */
  if (!cl_governors_report_audit_export (d->db, d->options, how, &error))
    g_warning ("Could not record the report in the audit log: %s", error->message);
}

typedef struct
{
  ClReportsPage            *self;
  ClGovernorsReportOptions *options;
} ReportData;

static void
report_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ReportData *data = user_data;
  g_autoptr(ClReportsPage) self = data->self;
  g_autoptr(ClGovernorsReportOptions) options = data->options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = cl_governors_report_pdf_finish (result, &error);
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *file_name = NULL;
  ClPreviewWindow *preview;
  ExportData *export;

  g_free (data);
  g_clear_object (&self->report_cancellable);
  gtk_spinner_stop (self->gov_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->gov_spinner), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.governors-report", TRUE);
  if (pdf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Make the Report"), error->message);
      return;
    }

  title = report_title (self, options);
  /* Translators: the preview's title, "Governors’ Report: Oakfield Academy, Autumn term 2025". */
  heading = g_strdup_printf (_("Governors’ Report: %s"), title);
  {
    g_autoptr(ClSchool) school = school_at (self, school_position (self, options->school_id));
    const char *terms[] = { "autumn", "spring", "summer" };

    file_name = g_strdup_printf ("governors-report-%u-%s-%d.pdf",
                                 school != NULL ? cl_school_get_urn (school) : 0,
                                 terms[options->term],
                                 options->term == CL_TERM_AUTUMN ? options->academic_year
                                                                 : options->academic_year + 1);
  }
  preview = cl_preview_window_new (parent_window (self), heading);
  cl_preview_window_set_file_name (preview, file_name);
  if (!cl_preview_window_load (preview, pdf, NULL, &error))
    {
      gtk_window_destroy (GTK_WINDOW (preview));
      show_error (self, _("Could Not Show the Report"), error->message);
      return;
    }
  export = g_new0 (ExportData, 1);
  export->db = g_object_ref (self->db);
  export->options = g_steal_pointer (&options);
  g_signal_connect_data (preview, "exported", G_CALLBACK (report_exported_cb), export,
                         export_data_free, 0);
  gtk_window_present (GTK_WINDOW (preview));
}

static void
governors_report_activated_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ClReportsPage *self = CL_REPORTS_PAGE (widget);
  ClGovernorsReportOptions *options = governors_options (self);
  ReportData *data;

  if (options == NULL || self->report_cancellable != NULL)
    {
      g_clear_pointer (&options, cl_governors_report_options_free);
      return;
    }
  data = g_new0 (ReportData, 1);
  data->self = g_object_ref (self);
  data->options = options;
  self->report_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->gov_spinner), TRUE);
  gtk_spinner_start (self->gov_spinner);
  gtk_widget_action_set_enabled (widget, "reports.governors-report", FALSE);
  /* Built on a worker thread with its own connection. */
  cl_governors_report_pdf_async (self->db, options, self->report_cancellable, report_done_cb, data);
}

static void
present_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClReportsPage *self = CL_REPORTS_PAGE (widget);
  g_autoptr(ClGovernorsReportOptions) options = governors_options (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autofree char *title = NULL;

  if (options == NULL)
    return;
  charts = cl_governors_report_charts (self->db, options, &error);
  if (charts == NULL)
    {
      show_error (self, _("Could Not Make the Charts"), error->message);
      return;
    }
  title = report_title (self, options);
  if (self->present != NULL)
    gtk_window_destroy (GTK_WINDOW (self->present));
  self->present = cl_present_window_new (parent_window (self), title, charts);
  g_object_add_weak_pointer (G_OBJECT (self->present), (gpointer *) &self->present);
  gtk_window_present (GTK_WINDOW (self->present));
}

/* --- Charts --- */

static void
update_chart (ClReportsPage *self)
{
  guint scope = gtk_drop_down_get_selected (self->chart_scope_dropdown);
  ClChartKind kind = (ClChartKind) gtk_drop_down_get_selected (self->chart_kind_dropdown);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClChart) chart = NULL;

  if (self->filling)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->chart_school_dropdown), scope == SCOPE_SCHOOL);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_pupil_dropdown), scope == SCOPE_PUPIL);
  if (self->db == NULL || kind >= CL_CHART_N_KINDS)
    return;

  if (scope == SCOPE_SCHOOL)
    {
      gint64 id = selected_id (self->schools, gtk_drop_down_get_selected (self->chart_school_dropdown),
                               FALSE);
      if (id != 0)
        chart = cl_chart_new_for_school (self->db, kind, id, NULL, NULL, &error);
    }
  else
    {
      gint64 id = selected_id (self->pupils, gtk_drop_down_get_selected (self->chart_pupil_dropdown),
                               TRUE);
      if (id != 0)
        chart = cl_chart_new_for_pupil (self->db, kind, id, NULL, NULL, &error);
    }

  cl_chart_view_set_chart (self->chart_view, chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-chart", chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.preview-chart", chart != NULL);
  if (chart == NULL)
    {
      adw_status_page_set_description (self->chart_status,
                                       error != NULL ? error->message
                                                     : _("Choose a school or a pupil."));
      gtk_stack_set_visible_child_name (self->chart_stack, "empty");
      return;
    }
  gtk_label_set_text (self->chart_description, cl_chart_get_description (chart));
  gtk_stack_set_visible_child_name (self->chart_stack, "chart");
}

static void
chart_choice_changed_cb (ClReportsPage *self)
{
  update_chart (self);
}

static void
export_chart_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ClReportsPage *self = CL_REPORTS_PAGE (widget);

  gtk_widget_activate_action_variant (GTK_WIDGET (self->chart_view), "chart.export", parameter);
}

static void
preview_chart_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ClReportsPage *self = CL_REPORTS_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->chart_view), "chart.preview", NULL);
}

void
cl_reports_page_show_school_chart (ClReportsPage *self,
                                   gint64         school_id,
                                   ClChartKind    kind)
{
  guint position;

  g_return_if_fail (CL_IS_REPORTS_PAGE (self));

  position = school_position (self, school_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->chart_scope_dropdown, SCOPE_SCHOOL);
  gtk_drop_down_set_selected (self->chart_school_dropdown, position);
  gtk_drop_down_set_selected (self->chart_kind_dropdown, kind);
  self->filling = FALSE;
  update_chart (self);
  adw_view_stack_set_visible_child_name (self->stack, "charts");
}

void
cl_reports_page_show_pupil_chart (ClReportsPage *self,
                                  gint64         pupil_id,
                                  ClChartKind    kind)
{
  guint position;

  g_return_if_fail (CL_IS_REPORTS_PAGE (self));

  position = pupil_position (self, pupil_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->chart_scope_dropdown, SCOPE_PUPIL);
  gtk_drop_down_set_selected (self->chart_pupil_dropdown, position);
  gtk_drop_down_set_selected (self->chart_kind_dropdown, kind);
  self->filling = FALSE;
  update_chart (self);
  adw_view_stack_set_visible_child_name (self->stack, "charts");
}

static char *
pupil_label (ClPupil *pupil)
{
  if (pupil == NULL)
    return g_strdup ("");
  /* Translators: "Taylor, Jamie" in the list of pupils. */
  return g_strdup_printf (_("%s, %s"), cl_pupil_get_surname (pupil), cl_pupil_get_forename (pupil));
}

/* --- hooks for the tests (cl-window-private.h) --- */

ClTemplateEditor *
cl_reports_page_get_template_editor (ClReportsPage *self)
{
  return self->template_editor;
}

ClChartView *
cl_reports_page_get_chart_view (ClReportsPage *self)
{
  return self->chart_view;
}

ClPresentWindow *
cl_reports_page_get_present_window (ClReportsPage *self)
{
  return self->present;
}

/* --- GObject --- */

static void
cl_reports_page_map (GtkWidget *widget)
{
  ClReportsPage *self = CL_REPORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  GTK_WIDGET_CLASS (cl_reports_page_parent_class)->map (widget);
  /* Pupils, schools and letters may have changed elsewhere. */
  if (!cl_reports_page_reload (self, &error))
    g_warning ("Could not read what the reports need: %s", error->message);
}

static void
cl_reports_page_dispose (GObject *object)
{
  ClReportsPage *self = CL_REPORTS_PAGE (object);

  g_cancellable_cancel (self->report_cancellable);
  g_clear_object (&self->report_cancellable);
  if (self->present != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->present), (gpointer *) &self->present);
  self->present = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_REPORTS_PAGE);
  g_clear_object (&self->schools);
  g_clear_object (&self->pupils);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_reports_page_parent_class)->dispose (object);
}

static void
cl_reports_page_finalize (GObject *object)
{
  ClReportsPage *self = CL_REPORTS_PAGE (object);

  g_array_unref (self->terms);
  g_ptr_array_unref (self->template_rows);
  g_ptr_array_unref (self->sent_rows);

  G_OBJECT_CLASS (cl_reports_page_parent_class)->finalize (object);
}

static void
cl_reports_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClReportsPage *self = CL_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ClReportsPage *self = CL_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_reports_page_class_init (ClReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_reports_page_dispose;
  object_class->finalize = cl_reports_page_finalize;
  object_class->get_property = cl_reports_page_get_property;
  object_class->set_property = cl_reports_page_set_property;
  widget_class->map = cl_reports_page_map;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "reports.write-letters", "s",
                                   write_letters_activated_cb);
  gtk_widget_class_install_action (widget_class, "reports.edit-template", "s",
                                   edit_template_activated_cb);
  gtk_widget_class_install_action (widget_class, "reports.governors-report", NULL,
                                   governors_report_activated_cb);
  gtk_widget_class_install_action (widget_class, "reports.present", NULL, present_activated_cb);
  gtk_widget_class_install_action (widget_class, "reports.export-chart", "s",
                                   export_chart_activated_cb);
  gtk_widget_class_install_action (widget_class, "reports.preview-chart", NULL,
                                   preview_chart_activated_cb);

  g_type_ensure (CL_TYPE_TEMPLATE_EDITOR);
  g_type_ensure (CL_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, box);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, templates_group);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, sent_group);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, template_editor);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, school_names);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, gov_school_row);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, gov_term_row);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, term_names);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, names_switch);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, commentary_view);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, gov_spinner);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, chart_scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, chart_school_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, chart_pupil_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, chart_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, chart_description);
  gtk_widget_class_bind_template_child (widget_class, ClReportsPage, chart_status);
  gtk_widget_class_bind_template_callback (widget_class, templates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, gov_school_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_choice_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_reports_page_init (ClReportsPage *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->terms = g_array_new (FALSE, FALSE, sizeof (TermChoice));
  self->template_rows = g_ptr_array_new ();
  self->sent_rows = g_ptr_array_new ();

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (pupil_label), NULL, NULL);
  gtk_drop_down_set_expression (self->chart_pupil_dropdown, expression);
  self->filling = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-chart", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.preview-chart", FALSE);
}
