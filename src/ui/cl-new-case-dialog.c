/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-new-case-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "casework/cl-case-repository.h"
#include "casework/cl-casework-vocab.h"
#include "people/cl-officer-repository.h"
#include "people/cl-pupil-repository.h"
#include "store/cl-dates.h"
#include "store/cl-text.h"
#include "ui/cl-caseload-page-private.h"
#include "ui/cl-format.h"
#include "ui/cl-new-case-dialog.h"

/* How many pupils the search shows at once. */
#define MAX_RESULTS 8

struct _ClNewCaseDialog
{
  AdwWindow            parent_instance;

  /* template */
  GtkWidget           *box;
  GtkWidget           *create_button;
  GtkLabel            *error_label;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *pupil_group;
  GtkSearchEntry      *search_entry;
  GtkListBox          *results_list;
  AdwPreferencesGroup *siblings_group;
  AdwPreferencesGroup *reasons_group;
  AdwPreferencesGroup *details_group;
  AdwComboRow         *source_row;
  AdwEntryRow         *date_row;
  AdwComboRow         *officer_row;
  AdwEntryRow         *notes_row;

  ClDatabase          *db;
  ClPupilRepository   *pupils;
  GListModel          *all_pupils;     /* loaded on the first search */
  GListModel          *officers;       /* ClOfficer */
  ClPupil             *chosen;
  GPtrArray           *reason_checks;  /* GtkCheckButton, in vocabulary order */
  GPtrArray           *sibling_rows;   /* AdwActionRow with "cl-pupil" and "cl-check" */
  GPtrArray           *result_rows;
  gboolean             dirty;
  gboolean             closing;
};

G_DEFINE_FINAL_TYPE (ClNewCaseDialog, cl_new_case_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
mark_dirty (ClNewCaseDialog *self)
{
  self->dirty = TRUE;
}

static char *
pupil_line (ClPupil *pupil)
{
  return g_strdup_printf ("%s %s", cl_pupil_get_forename (pupil), cl_pupil_get_surname (pupil));
}

static char *
pupil_details (ClPupil *pupil)
{
  g_autofree char *dob = cl_format_date (cl_pupil_get_dob (pupil));
  const char *school = cl_pupil_get_school_name (pupil);

  /* Translators: under a pupil's name in the New Case search: UPN, date of birth, school. */
  return g_strdup_printf (_("%s · born %s · %s"), cl_pupil_get_upn (pupil), dob,
                          *school != '\0' ? school : _("not on roll"));
}

static GtkWidget *
pupil_row (ClPupil  *pupil,
           gboolean  chosen)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = pupil_line (pupil);
  g_autofree char *details = pupil_details (pupil);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (chosen)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("object-select-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "cl-pupil", g_object_ref (pupil), g_object_unref);
  return row;
}

static void
clear_results (ClNewCaseDialog *self)
{
  for (guint i = 0; i < self->result_rows->len; i++)
    gtk_list_box_remove (self->results_list, self->result_rows->pdata[i]);
  g_ptr_array_set_size (self->result_rows, 0);
}

static void
show_results (ClNewCaseDialog *self,
              GPtrArray       *found)
{
  clear_results (self);
  for (guint i = 0; i < found->len; i++)
    {
      ClPupil *pupil = found->pdata[i];
      GtkWidget *row = pupil_row (pupil, self->chosen != NULL
                                         && cl_pupil_get_id (pupil) == cl_pupil_get_id (self->chosen));

      gtk_list_box_append (self->results_list, row);
      g_ptr_array_add (self->result_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), found->len > 0);
}

static void
show_chosen (ClNewCaseDialog *self)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  if (self->chosen != NULL)
    g_ptr_array_add (one, self->chosen);
  show_results (self, one);
}

void
cl_new_case_dialog_search_now (ClNewCaseDialog *self,
                               const char      *text)
{
  g_auto(GStrv) words = cl_text_search_words (text);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_if_fail (CL_IS_NEW_CASE_DIALOG (self));

  if (words[0] == NULL)
    {
      show_chosen (self);
      return;
    }
  if (self->all_pupils == NULL
      && (self->all_pupils = cl_pupil_repository_list (self->pupils, 0, &error)) == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  n = g_list_model_get_n_items (self->all_pupils);
  for (guint i = 0; i < n && found->len < MAX_RESULTS; i++)
    {
      ClPupil *pupil = g_list_model_get_item (self->all_pupils, i);
      if (cl_text_matches_words (cl_pupil_get_search_key (pupil),
                                 (const char * const *) words))
        g_ptr_array_add (found, pupil);
      g_object_unref (pupil);  /* the model keeps it */
    }
  show_results (self, found);
}

static void
search_changed_cb (ClNewCaseDialog *self)
{
  cl_new_case_dialog_search_now (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
clear_siblings (ClNewCaseDialog *self)
{
  for (guint i = 0; i < self->sibling_rows->len; i++)
    adw_preferences_group_remove (self->siblings_group, self->sibling_rows->pdata[i]);
  g_ptr_array_set_size (self->sibling_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->siblings_group), FALSE);
}

static void
show_siblings (ClNewCaseDialog *self)
{
  g_autoptr(GListModel) siblings = NULL;
  guint n;

  clear_siblings (self);
  if (self->chosen == NULL)
    return;
  siblings = cl_pupil_repository_siblings (self->pupils, cl_pupil_get_id (self->chosen), NULL);
  n = siblings != NULL ? g_list_model_get_n_items (siblings) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPupil) sibling = g_list_model_get_item (siblings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *name = pupil_line (sibling);
      g_autofree char *details = pupil_details (sibling);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (mark_dirty), self,
                               G_CONNECT_SWAPPED);
      g_object_set_data_full (G_OBJECT (row), "cl-pupil", g_object_ref (sibling), g_object_unref);
      g_object_set_data (G_OBJECT (row), "cl-check", check);
      adw_preferences_group_add (self->siblings_group, row);
      g_ptr_array_add (self->sibling_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->siblings_group), n > 0);
}

static void
choose (ClNewCaseDialog *self,
        ClPupil         *pupil)
{
  g_set_object (&self->chosen, pupil);
  show_siblings (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

void
cl_new_case_dialog_choose_pupil (ClNewCaseDialog *self,
                                 gint64           pupil_id)
{
  g_autoptr(ClPupil) pupil = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CL_IS_NEW_CASE_DIALOG (self));

  pupil = cl_pupil_repository_get (self->pupils, pupil_id, &error);
  if (pupil == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  choose (self, pupil);
  mark_dirty (self);
  show_chosen (self);
}

static void
result_activated_cb (ClNewCaseDialog *self,
                     GtkListBoxRow   *row)
{
  ClPupil *pupil = g_object_get_data (G_OBJECT (row), "cl-pupil");

  if (pupil == NULL)
    return;
  choose (self, pupil);
  mark_dirty (self);
  /* The search has done its work: show the one chosen. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  show_chosen (self);
}

void
cl_new_case_dialog_set_reason (ClNewCaseDialog *self,
                               const char      *reason,
                               gboolean         active)
{
  const char * const *ids = cl_casework_vocab_ids (CL_VOCAB_REASON);

  g_return_if_fail (CL_IS_NEW_CASE_DIALOG (self));

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], reason) == 0)
      gtk_check_button_set_active (self->reason_checks->pdata[i], active);
}

GtkLabel *
cl_new_case_dialog_get_error_label (ClNewCaseDialog *self)
{
  return self->error_label;
}

gboolean
cl_new_case_dialog_get_dirty (ClNewCaseDialog *self)
{
  g_return_val_if_fail (CL_IS_NEW_CASE_DIALOG (self), FALSE);
  return self->dirty && !self->closing;
}

/* --- creating ----------------------------------------------------------------------------- */

gboolean
cl_new_case_dialog_create (ClNewCaseDialog *self)
{
  g_autoptr(ClCaseRepository) repository = NULL;
  g_autoptr(ClCase) kase = cl_case_new ();
  g_autoptr(GError) error = NULL;
  const char * const *reasons = cl_casework_vocab_ids (CL_VOCAB_REASON);
  const char * const *sources = cl_casework_vocab_ids (CL_VOCAB_SOURCE);
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  guint source = adw_combo_row_get_selected (self->source_row);
  guint officer = adw_combo_row_get_selected (self->officer_row);
  GDate date;

  g_return_val_if_fail (CL_IS_NEW_CASE_DIALOG (self), FALSE);

  if (self->chosen != NULL)
    cl_case_add_pupil (kase, cl_pupil_get_id (self->chosen));
  for (guint i = 0; i < self->sibling_rows->len; i++)
    {
      GObject *row = self->sibling_rows->pdata[i];

      if (gtk_check_button_get_active (g_object_get_data (row, "cl-check")))
        cl_case_add_pupil (kase, cl_pupil_get_id (g_object_get_data (row, "cl-pupil")));
    }
  for (guint i = 0; reasons[i] != NULL; i++)
    if (gtk_check_button_get_active (self->reason_checks->pdata[i]))
      cl_case_add_reason (kase, reasons[i]);
  if (source < g_strv_length ((char **) sources))
    cl_case_set_source (kase, sources[source]);
  /* Typed as 01/09/2025 or ISO; the repository checks the rest. */
  if (cl_date_parse (date_text, &date))
    {
      g_autofree char *iso = cl_date_to_iso (&date);
      cl_case_set_referral_date (kase, iso);
    }
  else
    cl_case_set_referral_date (kase, date_text);
  if (self->officers != NULL && officer < g_list_model_get_n_items (self->officers))
    {
      g_autoptr(ClOfficer) o = g_list_model_get_item (self->officers, officer);
      cl_case_set_officer_id (kase, cl_officer_get_id (o));
    }
  cl_case_set_notes (kase, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));

  if (self->chosen == NULL)
    {
      gtk_label_set_text (self->error_label, _("Choose the child the case is about."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  repository = cl_case_repository_new (self->db);
  if (!cl_case_repository_create (repository, kase, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  self->closing = TRUE;
  g_signal_emit (self, signals[CREATED], 0, cl_case_get_id (kase));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cl_new_case_dialog_create (CL_NEW_CASE_DIALOG (widget));
}

static void
unsaved_response_cb (ClNewCaseDialog *self,
                     const char      *response)
{
  if (g_strcmp0 (response, "create") == 0)
    cl_new_case_dialog_create (self);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
cl_new_case_dialog_close_request (GtkWindow *window)
{
  ClNewCaseDialog *self = CL_NEW_CASE_DIALOG (window);
  GtkWidget *dialog;

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (cl_new_case_dialog_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Create the Case?"),
                                   _("The new case has not been created yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* --- construction ----------------------------------------------------------------------- */

static void
fill_reasons (ClNewCaseDialog *self)
{
  const char * const *ids = cl_casework_vocab_ids (CL_VOCAB_REASON);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     cl_casework_vocab_label (CL_VOCAB_REASON, ids[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (mark_dirty), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->reasons_group, row);
      g_ptr_array_add (self->reason_checks, check);
    }
}

ClNewCaseDialog *
cl_new_case_dialog_new (GtkWindow  *parent,
                        ClDatabase *db,
                        gint64      officer_id,
                        gint64      pupil_id)
{
  ClNewCaseDialog *self;
  g_autoptr(ClOfficerRepository) officers = NULL;
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *today = cl_format_today_iso ();
  g_autofree char *today_text = cl_format_date (today);
  const char * const *source_ids = cl_casework_vocab_ids (CL_VOCAB_SOURCE);
  guint n, selected = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  self = g_object_new (CL_TYPE_NEW_CASE_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->pupils = cl_pupil_repository_new (db);

  for (guint i = 0; source_ids[i] != NULL; i++)
    gtk_string_list_append (sources, cl_casework_vocab_label (CL_VOCAB_SOURCE, source_ids[i]));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);

  officers = cl_officer_repository_new (db);
  self->officers = cl_officer_repository_list (officers, NULL);
  n = self->officers != NULL ? g_list_model_get_n_items (self->officers) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClOfficer) officer = g_list_model_get_item (self->officers, i);

      gtk_string_list_append (names, cl_officer_get_name (officer));
      if (cl_officer_get_id (officer) == officer_id)
        selected = i;
    }
  /* Translators: the officer of a new case that is not allocated yet. */
  gtk_string_list_append (names, _("Not allocated yet"));
  adw_combo_row_set_model (self->officer_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->officer_row, n > 0 ? selected : 0);

  fill_reasons (self);
  if (pupil_id != 0)
    {
      cl_new_case_dialog_choose_pupil (self, pupil_id);
      self->dirty = FALSE;
    }
  show_chosen (self);

  g_signal_connect_object (self->source_row, "notify::selected", G_CALLBACK (mark_dirty), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->officer_row, "notify::selected", G_CALLBACK (mark_dirty), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "changed", G_CALLBACK (mark_dirty), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes_row, "changed", G_CALLBACK (mark_dirty), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}

static void
cl_new_case_dialog_dispose (GObject *object)
{
  ClNewCaseDialog *self = CL_NEW_CASE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_NEW_CASE_DIALOG);
  g_clear_object (&self->chosen);
  g_clear_object (&self->all_pupils);
  g_clear_object (&self->officers);
  g_clear_object (&self->pupils);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_new_case_dialog_parent_class)->dispose (object);
}

static void
cl_new_case_dialog_finalize (GObject *object)
{
  ClNewCaseDialog *self = CL_NEW_CASE_DIALOG (object);

  g_ptr_array_unref (self->reason_checks);
  g_ptr_array_unref (self->sibling_rows);
  g_ptr_array_unref (self->result_rows);

  G_OBJECT_CLASS (cl_new_case_dialog_parent_class)->finalize (object);
}

static void
cl_new_case_dialog_class_init (ClNewCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cl_new_case_dialog_dispose;
  object_class->finalize = cl_new_case_dialog_finalize;
  window_class->close_request = cl_new_case_dialog_close_request;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-new-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, box);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, page);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, pupil_group);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, siblings_group);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, officer_row);
  gtk_widget_class_bind_template_child (widget_class, ClNewCaseDialog, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);

  gtk_widget_class_install_action (widget_class, "newcase.create", NULL, create_activated);
}

static void
cl_new_case_dialog_init (ClNewCaseDialog *self)
{
  self->reason_checks = g_ptr_array_new ();
  self->sibling_rows = g_ptr_array_new ();
  self->result_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
