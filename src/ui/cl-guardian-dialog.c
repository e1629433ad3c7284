/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-guardian-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/cl-guardian-dialog.h"
#include "ui/cl-window-private.h"

struct _ClGuardianDialog
{
  AdwWindow          parent_instance;

  GtkWidget         *box;
  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  GtkLabel          *error_label;
  AdwEntryRow       *text_rows[CL_GUARDIAN_N_TEXT];  /* none for language, relationship */
  AdwComboRow       *relationship_row;
  AdwComboRow       *language_row;
  GtkSwitch         *responsibility_switch;
  GtkSwitch         *lives_with_switch;

  ClPupilRepository *repository;
  gint64             pupil_id;
  ClGuardian        *baseline;  /* as loaded, or the defaults of a new one */
  ClGuardian        *draft;     /* as the user has it now */
  gboolean           touched[CL_GUARDIAN_N_TEXT];
  gboolean           responsibility_touched;
  gboolean           loading;
  gboolean           dirty;
  gboolean           valid;
  gboolean           closing;
};

G_DEFINE_FINAL_TYPE (ClGuardianDialog, cl_guardian_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static const char *const text_row_ids[CL_GUARDIAN_N_TEXT] = {
  "title_row", "forename_row", "surname_row", "address_row", "postcode_row",
  "phone_home_row", "phone_mobile_row", "phone_work_row", "email_row", NULL,
  "language_other_row", NULL,
};
/* The names cl_guardian_validate gives a bad field by. */
static const char *const field_names[CL_GUARDIAN_N_TEXT] = {
  "title", "forename", "surname", "address", "postcode", "phone_home", "phone_mobile",
  "phone_work", "email", "language", "language_other", "relationship",
};
/* In the order of the combo rows' string lists. */
static const char *const relationship_ids[] = {
  "mother", "father", "parent", "step_parent", "grandparent", "foster_carer", "carer", "other",
};
static const char *const language_ids[] = { "en", "cy", "other" };

static ClGuardian *
guardian_copy (ClGuardian *guardian)
{
  ClGuardian *copy = cl_guardian_new ();

  cl_guardian_set_id (copy, cl_guardian_get_id (guardian));
  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    cl_guardian_set_text (copy, i, cl_guardian_get_text (guardian, i));
  cl_guardian_set_parental_responsibility (copy,
                                           cl_guardian_get_parental_responsibility (guardian));
  cl_guardian_set_lives_with (copy, cl_guardian_get_lives_with (guardian));
  return copy;
}

static guint
index_of (const char *const *ids,
          guint              n_ids,
          const char        *id,
          guint              fallback)
{
  for (guint i = 0; i < n_ids; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return fallback;
}

/* Mother, father and parent usually have parental responsibility. */
static gboolean
relationship_implies_responsibility (const char *relationship)
{
  return g_strcmp0 (relationship, "mother") == 0 || g_strcmp0 (relationship, "father") == 0
         || g_strcmp0 (relationship, "parent") == 0;
}

static gboolean
compute_dirty (ClGuardianDialog *self)
{
  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    if (g_strcmp0 (cl_guardian_get_text (self->draft, i),
                   cl_guardian_get_text (self->baseline, i)) != 0)
      return TRUE;
  return cl_guardian_get_parental_responsibility (self->draft)
           != cl_guardian_get_parental_responsibility (self->baseline)
         || cl_guardian_get_lives_with (self->draft) != cl_guardian_get_lives_with (self->baseline);
}

static GtkWidget *
row_for_field (ClGuardianDialog *self,
               const char       *field)
{
  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    if (g_strcmp0 (field, field_names[i]) == 0)
      {
        if (i == CL_GUARDIAN_LANGUAGE)
          return GTK_WIDGET (self->language_row);
        if (i == CL_GUARDIAN_RELATIONSHIP)
          return GTK_WIDGET (self->relationship_row);
        return GTK_WIDGET (self->text_rows[i]);
      }
  return NULL;
}

static gboolean
field_touched (ClGuardianDialog *self,
               const char       *field)
{
  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    if (g_strcmp0 (field, field_names[i]) == 0)
      return self->touched[i];
  return FALSE;
}

static void
show_message (ClGuardianDialog *self,
              const char       *message,
              gboolean          quiet)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), quiet ? "error" : "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), quiet ? "dim-label" : "error");
}

static void
show_validation (ClGuardianDialog *self,
                 const char       *field,
                 const GError     *error)
{
  GtkWidget *bad_row;

  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    if (self->text_rows[i] != NULL)
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_rows[i]), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->language_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->relationship_row), "error");

  if (error == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      return;
    }
  /* On a new record a field is only marked wrong once typed in; until then
   * the message quietly says what Save is waiting for. */
  if (cl_guardian_get_id (self->draft) == 0 && !field_touched (self, field))
    {
      show_message (self, error->message, TRUE);
      return;
    }
  show_message (self, error->message, FALSE);
  bad_row = row_for_field (self, field);
  if (bad_row != NULL)
    gtk_widget_add_css_class (bad_row, "error");
}

static void
update_state (ClGuardianDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  self->valid = cl_guardian_validate (self->draft, &field, &error);
  self->dirty = compute_dirty (self);
  show_validation (self, field, error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guardian.save", self->valid);
  gtk_widget_set_visible (GTK_WIDGET (self->text_rows[CL_GUARDIAN_LANGUAGE_OTHER]),
                          g_strcmp0 (cl_guardian_get_text (self->draft, CL_GUARDIAN_LANGUAGE),
                                     "other") == 0);
}

static void
text_changed_cb (ClGuardianDialog *self,
                 GtkEditable      *editable)
{
  ClGuardianText field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "cl-field"));

  if (self->loading)
    return;
  self->touched[field] = TRUE;
  cl_guardian_set_text (self->draft, field, gtk_editable_get_text (editable));
  update_state (self);
}

static void
relationship_selected_cb (ClGuardianDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->relationship_row);
  const char *relationship;

  if (self->loading || selected >= G_N_ELEMENTS (relationship_ids))
    return;
  relationship = relationship_ids[selected];
  self->touched[CL_GUARDIAN_RELATIONSHIP] = TRUE;
  cl_guardian_set_text (self->draft, CL_GUARDIAN_RELATIONSHIP, relationship);
  /* A suggestion for someone new, until the user sets the switch. */
  if (cl_guardian_get_id (self->draft) == 0 && !self->responsibility_touched)
    {
      self->loading = TRUE;
      gtk_switch_set_active (self->responsibility_switch,
                             relationship_implies_responsibility (relationship));
      self->loading = FALSE;
      cl_guardian_set_parental_responsibility (self->draft,
                                               relationship_implies_responsibility (relationship));
    }
  update_state (self);
}

static void
language_selected_cb (ClGuardianDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->loading || selected >= G_N_ELEMENTS (language_ids))
    return;
  self->touched[CL_GUARDIAN_LANGUAGE] = TRUE;
  cl_guardian_set_text (self->draft, CL_GUARDIAN_LANGUAGE, language_ids[selected]);
  update_state (self);
}

static void
switch_toggled_cb (ClGuardianDialog *self,
                   GParamSpec       *pspec,
                   GtkSwitch        *toggle)
{
  if (self->loading)
    return;
  if (toggle == self->responsibility_switch)
    {
      self->responsibility_touched = TRUE;
      cl_guardian_set_parental_responsibility (self->draft, gtk_switch_get_active (toggle));
    }
  else
    cl_guardian_set_lives_with (self->draft, gtk_switch_get_active (toggle));
  update_state (self);
}

static void
load (ClGuardianDialog *self)
{
  self->loading = TRUE;
  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    if (self->text_rows[i] != NULL)
      gtk_editable_set_text (GTK_EDITABLE (self->text_rows[i]),
                             cl_guardian_get_text (self->draft, i));
  /* A relationship or language not offered shows as Other; the record
   * keeps it unless the user picks another. */
  adw_combo_row_set_selected (self->relationship_row,
                              index_of (relationship_ids, G_N_ELEMENTS (relationship_ids),
                                        cl_guardian_get_text (self->draft,
                                                              CL_GUARDIAN_RELATIONSHIP),
                                        G_N_ELEMENTS (relationship_ids) - 1));
  adw_combo_row_set_selected (self->language_row,
                              index_of (language_ids, G_N_ELEMENTS (language_ids),
                                        cl_guardian_get_text (self->draft, CL_GUARDIAN_LANGUAGE),
                                        0));
  gtk_switch_set_active (self->responsibility_switch,
                         cl_guardian_get_parental_responsibility (self->draft));
  gtk_switch_set_active (self->lives_with_switch, cl_guardian_get_lives_with (self->draft));
  self->loading = FALSE;
  update_state (self);
}

gboolean
cl_guardian_dialog_save (ClGuardianDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CL_IS_GUARDIAN_DIALOG (self), FALSE);

  if (!self->valid)
    return FALSE;
  if (!cl_pupil_repository_link_guardian (self->repository, self->pupil_id, self->draft, &error))
    {
      show_message (self, error->message, FALSE);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, self->draft);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cl_guardian_dialog_save (CL_GUARDIAN_DIALOG (widget));
}

static void
discard_response_cb (ClGuardianDialog *self,
                     const char       *response,
                     AdwMessageDialog *question)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  /* The question is let go only after its response; it must not point at
   * this window by then. */
  gtk_window_set_transient_for (GTK_WINDOW (question), NULL);
  gtk_window_destroy (GTK_WINDOW (question));
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
cl_guardian_dialog_close_request (GtkWindow *window)
{
  ClGuardianDialog *self = CL_GUARDIAN_DIALOG (window);
  GtkWidget *question;

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (cl_guardian_dialog_parent_class)->close_request (window);

  question = adw_message_dialog_new (window, _("Discard Changes?"),
                                     _("What you typed about this parent or carer will be lost."));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (question), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "keep");
  g_signal_connect_object (question, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (question));
  return TRUE;
}

ClGuardianDialog *
cl_guardian_dialog_new (GtkWindow         *parent,
                        ClPupilRepository *repository,
                        gint64             pupil_id,
                        ClGuardian        *guardian)
{
  ClGuardianDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_PUPIL_REPOSITORY (repository), NULL);
  g_return_val_if_fail (pupil_id > 0, NULL);
  g_return_val_if_fail (guardian == NULL || CL_IS_GUARDIAN (guardian), NULL);

  self = g_object_new (CL_TYPE_GUARDIAN_DIALOG, "transient-for", parent, NULL);
  self->repository = g_object_ref (repository);
  self->pupil_id = pupil_id;
  if (guardian != NULL)
    {
      g_autofree char *name = cl_guardian_dup_display_name (guardian);

      self->baseline = guardian_copy (guardian);
      adw_window_title_set_title (self->window_title, _("Edit Parent or Carer"));
      adw_window_title_set_subtitle (self->window_title, name);
    }
  else
    {
      self->baseline = cl_guardian_new ();
      cl_guardian_set_text (self->baseline, CL_GUARDIAN_RELATIONSHIP, relationship_ids[0]);
      cl_guardian_set_text (self->baseline, CL_GUARDIAN_LANGUAGE, language_ids[0]);
      cl_guardian_set_parental_responsibility (
        self->baseline, relationship_implies_responsibility (relationship_ids[0]));
    }
  self->draft = guardian_copy (self->baseline);
  load (self);
  return self;
}

gboolean
cl_guardian_dialog_get_dirty (ClGuardianDialog *self)
{
  g_return_val_if_fail (CL_IS_GUARDIAN_DIALOG (self), FALSE);
  return self->dirty;
}

gboolean
cl_guardian_dialog_get_valid (ClGuardianDialog *self)
{
  g_return_val_if_fail (CL_IS_GUARDIAN_DIALOG (self), FALSE);
  return self->valid;
}

GtkWidget *
cl_guardian_dialog_get_text_row (ClGuardianDialog *self,
                                 ClGuardianText    field)
{
  g_return_val_if_fail (CL_IS_GUARDIAN_DIALOG (self), NULL);
  g_return_val_if_fail (field < CL_GUARDIAN_N_TEXT, NULL);

  if (field == CL_GUARDIAN_LANGUAGE)
    return GTK_WIDGET (self->language_row);
  if (field == CL_GUARDIAN_RELATIONSHIP)
    return GTK_WIDGET (self->relationship_row);
  return GTK_WIDGET (self->text_rows[field]);
}

GtkSwitch *
cl_guardian_dialog_get_responsibility_switch (ClGuardianDialog *self)
{
  g_return_val_if_fail (CL_IS_GUARDIAN_DIALOG (self), NULL);
  return self->responsibility_switch;
}

GtkWidget *
cl_guardian_dialog_get_save_button (ClGuardianDialog *self)
{
  g_return_val_if_fail (CL_IS_GUARDIAN_DIALOG (self), NULL);
  return self->save_button;
}

GtkLabel *
cl_guardian_dialog_get_error_label (ClGuardianDialog *self)
{
  g_return_val_if_fail (CL_IS_GUARDIAN_DIALOG (self), NULL);
  return self->error_label;
}

static void
cl_guardian_dialog_dispose (GObject *object)
{
  ClGuardianDialog *self = CL_GUARDIAN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_GUARDIAN_DIALOG);
  g_clear_object (&self->repository);
  g_clear_object (&self->baseline);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (cl_guardian_dialog_parent_class)->dispose (object);
}

static void
cl_guardian_dialog_class_init (ClGuardianDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cl_guardian_dialog_dispose;
  window_class->close_request = cl_guardian_dialog_close_request;

  /**
   * ClGuardianDialog::saved:
   * @guardian: the guardian as saved, with its id
   *
   * Emitted when Save has written the guardian and linked them to the pupil.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, CL_TYPE_GUARDIAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-guardian-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClGuardianDialog, box);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianDialog, relationship_row);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianDialog, responsibility_switch);
  gtk_widget_class_bind_template_child (widget_class, ClGuardianDialog, lives_with_switch);
  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    if (text_row_ids[i] != NULL)
      gtk_widget_class_bind_template_child_full (widget_class, text_row_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (ClGuardianDialog, text_rows)
                                                 + i * sizeof (gpointer));
  gtk_widget_class_install_action (widget_class, "guardian.save", NULL, save_activated);
}

static void
cl_guardian_dialog_init (ClGuardianDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    {
      if (self->text_rows[i] == NULL)
        continue;
      g_object_set_data (G_OBJECT (self->text_rows[i]), "cl-field", GUINT_TO_POINTER (i));
      g_signal_connect_object (self->text_rows[i], "changed", G_CALLBACK (text_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->relationship_row, "notify::selected",
                           G_CALLBACK (relationship_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (language_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->responsibility_switch, "notify::active",
                           G_CALLBACK (switch_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lives_with_switch, "notify::active",
                           G_CALLBACK (switch_toggled_cb), self, G_CONNECT_SWAPPED);
}
