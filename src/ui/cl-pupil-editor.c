/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-pupil-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "people/cl-school.h"
#include "people/cl-upn.h"
#include "store/cl-dates.h"
#include "ui/cl-attendance-card.h"
#include "ui/cl-format.h"
#include "ui/cl-guardian-dialog.h"
#include "ui/cl-pupil-editor.h"
#include "ui/cl-register-calendar.h"
#include "ui/cl-window-private.h"

struct _ClPupilEditor
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  AdwPreferencesGroup *identity_group;
  GtkWidget           *write_letters_button;
  AdwEntryRow         *text_rows[CL_PUPIL_N_TEXT];  /* none for CL_PUPIL_SEX */
  AdwComboRow         *sex_row;
  GtkLabel            *error_label;
  AdwComboRow         *school_row;
  AdwActionRow        *year_row;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *guardians_group;
  GtkWidget           *add_guardian_button;
  AdwPreferencesGroup *delete_group;
  AdwPreferencesGroup *attendance_group;
  AdwPreferencesGroup *register_group;
  ClAttendanceCard    *attendance_card;
  ClRegisterCalendar  *register_calendar;
  AdwActionRow        *flag_rows[CL_PUPIL_N_FLAGS];
  GtkSwitch           *flag_switches[CL_PUPIL_N_FLAGS];

  ClPupilRepository   *repository;
  ClDatabase          *db;               /* for the attendance; may be NULL */
  GListStore          *school_sources;   /* GListModels: "no school", then the schools */
  GtkFlattenListModel *school_model;
  GPtrArray           *history_rows;
  GPtrArray           *guardian_rows;
  ClGuardianDialog    *guardian_dialog;  /* weak: while open */

  ClPupil             *source;    /* the list's object; NULL for a new pupil */
  ClPupil             *baseline;  /* the pupil as loaded */
  ClPupil             *draft;     /* the pupil as the user has it now */
  gint64               original_school_id;
  gboolean             touched[CL_PUPIL_N_TEXT];
  gboolean             loading;
  gboolean             dirty;
  gboolean             valid;
};

G_DEFINE_FINAL_TYPE (ClPupilEditor, cl_pupil_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITING,
  PROP_DIRTY,
  PROP_VALID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const text_row_ids[CL_PUPIL_N_TEXT] = {
  "upn_row", "legal_forename_row", "legal_surname_row", "middle_names_row",
  "preferred_forename_row", "preferred_surname_row", "dob_row", NULL, "address_row",
  "postcode_row",
};
static const char *const sex_codes[] = { "F", "M", "U" };

GtkWidget *
cl_pupil_editor_new (void)
{
  return g_object_new (CL_TYPE_PUPIL_EDITOR, NULL);
}

static gint64
selected_school_id (ClPupilEditor *self)
{
  ClSchool *school = adw_combo_row_get_selected_item (self->school_row);

  return school != NULL ? cl_school_get_id (school) : 0;
}

static void
select_school (ClPupilEditor *self,
               gint64         school_id)
{
  GListModel *model = G_LIST_MODEL (self->school_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClSchool) school = g_list_model_get_item (model, i);

      if (cl_school_get_id (school) == school_id)
        {
          adw_combo_row_set_selected (self->school_row, i);
          return;
        }
    }
  adw_combo_row_set_selected (self->school_row, 0);
}

static gboolean
compute_dirty (ClPupilEditor *self)
{
  if (self->draft == NULL)
    return FALSE;
  for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
    if (g_strcmp0 (cl_pupil_get_text (self->draft, i), cl_pupil_get_text (self->baseline, i)) != 0)
      return TRUE;
  for (guint i = 0; i < CL_PUPIL_N_FLAGS; i++)
    if (cl_pupil_get_flag (self->draft, i) != cl_pupil_get_flag (self->baseline, i))
      return TRUE;
  return selected_school_id (self) != self->original_school_id;
}

static GtkWidget *
row_for_field (ClPupilEditor *self,
               const char    *property)
{
  for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
    if (g_strcmp0 (property, cl_pupil_text_property (i)) == 0)
      return i == CL_PUPIL_SEX ? GTK_WIDGET (self->sex_row) : GTK_WIDGET (self->text_rows[i]);
  return NULL;
}

static gboolean
field_touched (ClPupilEditor *self,
               const char    *property)
{
  for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
    if (g_strcmp0 (property, cl_pupil_text_property (i)) == 0)
      return self->touched[i];
  return FALSE;
}

static void
show_validation (ClPupilEditor *self,
                 const char    *field,
                 const GError  *error)
{
  GtkWidget *bad_row = NULL;

  for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
    if (self->text_rows[i] != NULL)
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_rows[i]), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->sex_row), "error");

  if (error == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      return;
    }

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  /* A record read from the database is shown as it is; on a new pupil a
   * field is only marked wrong once the user has typed in it, and until
   * then the message is a quiet hint saying what Save is waiting for. */
  if (cl_pupil_editor_is_new (self) && !field_touched (self, field))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "dim-label");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  bad_row = row_for_field (self, field);
  if (bad_row != NULL)
    gtk_widget_add_css_class (bad_row, "error");
}

static void
update_year (ClPupilEditor *self)
{
  GDate dob;

  if (cl_date_parse (cl_pupil_get_dob (self->draft), &dob))
    {
      g_autofree char *label = cl_nc_year_label (cl_pupil_get_nc_year (self->draft));
      adw_action_row_set_subtitle (self->year_row, label);
    }
  else
    adw_action_row_set_subtitle (self->year_row, _("Worked out from the date of birth"));
}

static void
update_title (ClPupilEditor *self)
{
  const char *forename = cl_pupil_get_forename (self->draft);
  const char *surname = cl_pupil_get_surname (self->draft);

  if (*forename == '\0' && *surname == '\0')
    adw_preferences_group_set_title (self->identity_group,
                                     cl_pupil_editor_is_new (self) ? _("New Pupil") : _("Pupil"));
  else
    {
      g_autofree char *title = g_strjoin (" ", forename, surname, NULL);
      adw_preferences_group_set_title (self->identity_group, g_strstrip (title));
    }
}

static void
update_state (ClPupilEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gboolean valid, dirty;

  if (self->draft == NULL)
    {
      valid = FALSE;
      dirty = FALSE;
    }
  else
    {
      valid = cl_pupil_validate (self->draft, &field, &error);
      dirty = compute_dirty (self);
      show_validation (self, field, error);
      update_title (self);
    }

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static void
text_changed_cb (ClPupilEditor *self,
                 GtkEditable   *editable)
{
  ClPupilText field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "cl-field"));
  const char *text = gtk_editable_get_text (editable);

  if (self->loading || self->draft == NULL)
    return;

  self->touched[field] = TRUE;
  if (field == CL_PUPIL_UPN)
    {
      g_autofree char *upn = cl_upn_normalize (text);
      cl_pupil_set_text (self->draft, field, *upn != '\0' ? upn : NULL);
    }
  else if (field == CL_PUPIL_DOB)
    {
      GDate date;

      /* Typed as 07/03/2014 (or ISO); kept as ISO. Anything else stays as
       * typed, so that validation can say what is wrong with it. */
      if (cl_date_parse (text, &date))
        {
          g_autofree char *iso = cl_date_to_iso (&date);
          cl_pupil_set_text (self->draft, field, iso);
        }
      else
        cl_pupil_set_text (self->draft, field, *text != '\0' ? text : NULL);
      update_year (self);
    }
  else
    cl_pupil_set_text (self->draft, field, *text != '\0' ? text : NULL);

  update_state (self);
}

/* Opens the New Case dialog for the pupil shown (casework, issue 4). */
static void
open_case_clicked_cb (ClPupilEditor *self)
{
  if (self->source != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.new-case", "x",
                                cl_pupil_get_id (self->source));
}

/* Opens Write Letters with the pupil shown chosen (documents, issue 5). */
static void
write_letters_clicked_cb (ClPupilEditor *self)
{
  if (self->source != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.write-letters", "x",
                                cl_pupil_get_id (self->source));
}

static void
sex_selected_cb (ClPupilEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->sex_row);

  if (self->loading || self->draft == NULL || selected >= G_N_ELEMENTS (sex_codes))
    return;
  self->touched[CL_PUPIL_SEX] = TRUE;
  cl_pupil_set_text (self->draft, CL_PUPIL_SEX, sex_codes[selected]);
  update_state (self);
}

static void
school_selected_cb (ClPupilEditor *self)
{
  if (self->loading || self->draft == NULL)
    return;
  update_state (self);
}

static void
flag_toggled_cb (ClPupilEditor *self,
                 GParamSpec    *pspec,
                 GtkSwitch     *toggle)
{
  ClPupilFlag flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "cl-flag"));

  if (self->loading || self->draft == NULL)
    return;
  cl_pupil_set_flag (self->draft, flag, gtk_switch_get_active (toggle));
  update_state (self);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static char *
describe_enrolment (ClEnrolment *enrolment)
{
  g_autofree char *start = cl_format_date (cl_enrolment_get_start_date (enrolment));

  if (cl_enrolment_is_current (enrolment))
    /* Translators: an enrolment that has not ended. */
    return g_strdup_printf (_("From %s, current"), start);
  else
    {
      g_autofree char *end = cl_format_date (cl_enrolment_get_end_date (enrolment));
      return g_strdup_printf (_("From %s to %s"), start, end);
    }
}

static const char *
relationship_label (const char *relationship)
{
  if (g_strcmp0 (relationship, "mother") == 0) return _("Mother");
  if (g_strcmp0 (relationship, "father") == 0) return _("Father");
  if (g_strcmp0 (relationship, "parent") == 0) return _("Parent");
  if (g_strcmp0 (relationship, "carer") == 0) return _("Carer");
  if (g_strcmp0 (relationship, "grandparent") == 0) return _("Grandparent");
  if (g_strcmp0 (relationship, "step_parent") == 0) return _("Step-parent");
  if (g_strcmp0 (relationship, "foster_carer") == 0) return _("Foster carer");
  if (g_strcmp0 (relationship, "other") == 0) return _("Other");
  return relationship;
}

static char *
describe_guardian (ClGuardian *guardian)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *relationship = cl_guardian_get_text (guardian, CL_GUARDIAN_RELATIONSHIP);
  const ClGuardianText phones[] = {
    CL_GUARDIAN_PHONE_MOBILE, CL_GUARDIAN_PHONE_HOME, CL_GUARDIAN_PHONE_WORK,
  };

  if (relationship != NULL && *relationship != '\0')
    g_ptr_array_add (parts, g_strdup (relationship_label (relationship)));
  if (cl_guardian_get_parental_responsibility (guardian))
    g_ptr_array_add (parts, g_strdup (_("parental responsibility")));
  if (cl_guardian_get_lives_with (guardian))
    g_ptr_array_add (parts, g_strdup (_("lives with the pupil")));
  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      const char *phone = cl_guardian_get_text (guardian, phones[i]);
      if (phone != NULL && *phone != '\0')
        g_ptr_array_add (parts, g_strdup (phone));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void load_related (ClPupilEditor *self);

static void
guardian_saved_cb (ClPupilEditor *self)
{
  load_related (self);
}

ClGuardianDialog *
cl_pupil_editor_open_guardian_dialog (ClPupilEditor *self,
                                      ClGuardian    *guardian)
{
  GtkRoot *root;

  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), NULL);
  g_return_val_if_fail (guardian == NULL || CL_IS_GUARDIAN (guardian), NULL);

  /* A new pupil has nobody to link until saved. */
  if (self->source == NULL || self->repository == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (self->guardian_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->guardian_dialog),
                                  (gpointer *) &self->guardian_dialog);
  self->guardian_dialog = cl_guardian_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  self->repository,
                                                  cl_pupil_get_id (self->source), guardian);
  g_object_add_weak_pointer (G_OBJECT (self->guardian_dialog),
                             (gpointer *) &self->guardian_dialog);
  g_signal_connect_object (self->guardian_dialog, "saved", G_CALLBACK (guardian_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->guardian_dialog));
  return self->guardian_dialog;
}

static void
add_guardian_clicked_cb (ClPupilEditor *self)
{
  cl_pupil_editor_open_guardian_dialog (self, NULL);
}

static void
guardian_row_activated_cb (ClPupilEditor *self,
                           AdwActionRow  *row)
{
  cl_pupil_editor_open_guardian_dialog (self, g_object_get_data (G_OBJECT (row), "cl-guardian"));
}

static void
unlink_response_cb (ClPupilEditor    *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  ClGuardian *guardian = g_object_get_data (G_OBJECT (dialog), "cl-guardian");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "unlink") != 0 || self->source == NULL || self->repository == NULL)
    return;
  if (!cl_pupil_repository_unlink_guardian (self->repository, cl_pupil_get_id (self->source),
                                            cl_guardian_get_id (guardian), &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
      GtkWidget *problem = adw_message_dialog_new (parent, _("Could Not Unlink"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (problem), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (problem));
      return;
    }
  load_related (self);
}

AdwMessageDialog *
cl_pupil_editor_ask_unlink (ClPupilEditor *self,
                            ClGuardian    *guardian)
{
  g_autofree char *name = NULL;
  g_autofree char *pupil = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), NULL);
  g_return_val_if_fail (CL_IS_GUARDIAN (guardian), NULL);

  if (self->source == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  name = cl_guardian_dup_display_name (guardian);
  pupil = g_strjoin (" ", cl_pupil_get_forename (self->source),
                     cl_pupil_get_surname (self->source), NULL);
  /* Translators: %s is a parent or carer's name. */
  heading = g_strdup_printf (_("Unlink %s?"), name);
  /* Translators: %s is a pupil's name. */
  body = g_strdup_printf (_("They will no longer be listed as a parent or carer of %s. "
                            "Their record stays with any other pupils they are linked to."),
                          pupil);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "unlink", _("_Unlink"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlink",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cl-guardian", g_object_ref (guardian),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unlink_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
unlink_clicked_cb (ClPupilEditor *self,
                   GtkButton     *button)
{
  cl_pupil_editor_ask_unlink (self, g_object_get_data (G_OBJECT (button), "cl-guardian"));
}

static void
add_guardian_row (ClPupilEditor *self,
                  ClGuardian    *guardian)
{
  g_autofree char *name = cl_guardian_dup_display_name (guardian);
  g_autofree char *details = describe_guardian (guardian);
  g_autofree char *tooltip = NULL;
  GtkWidget *row, *button;

  add_row (self->guardians_group, self->guardian_rows, name, details);
  row = g_ptr_array_index (self->guardian_rows, self->guardian_rows->len - 1);
  g_object_set_data_full (G_OBJECT (row), "cl-guardian", g_object_ref (guardian),
                          g_object_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (guardian_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  button = gtk_button_new_with_mnemonic (_("_Unlink"));
  /* Translators: %s is a parent or carer's name. */
  tooltip = g_strdup_printf (_("Unlink %s from this pupil"), name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "cl-guardian", g_object_ref (guardian),
                          g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (unlink_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
load_related (ClPupilEditor *self)
{
  g_autoptr(GListModel) enrolments = NULL;
  g_autoptr(GListModel) guardians = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  clear_rows (self->history_group, self->history_rows);
  clear_rows (self->guardians_group, self->guardian_rows);

  gtk_widget_set_visible (GTK_WIDGET (self->history_group), self->source != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->guardians_group), self->source != NULL);
  gtk_widget_set_sensitive (self->add_guardian_button,
                            self->source != NULL && self->repository != NULL);
  if (self->source == NULL || self->repository == NULL)
    return;

  id = cl_pupil_get_id (self->source);
  enrolments = cl_pupil_repository_enrolments (self->repository, id, &error);
  if (enrolments == NULL)
    add_row (self->history_group, self->history_rows, _("The enrolments could not be read"),
             error->message);
  else if (g_list_model_get_n_items (enrolments) == 0)
    add_row (self->history_group, self->history_rows, _("Not enrolled at any school"), NULL);
  else
    for (guint i = g_list_model_get_n_items (enrolments); i > 0; i--)
      {
        g_autoptr(ClEnrolment) enrolment = g_list_model_get_item (enrolments, i - 1);
        g_autofree char *when = describe_enrolment (enrolment);

        add_row (self->history_group, self->history_rows,
                 cl_enrolment_get_school_name (enrolment), when);
      }

  g_clear_error (&error);
  guardians = cl_pupil_repository_guardians (self->repository, id, &error);
  if (guardians == NULL)
    add_row (self->guardians_group, self->guardian_rows,
             _("The parents and carers could not be read"), error->message);
  else if (g_list_model_get_n_items (guardians) == 0)
    add_row (self->guardians_group, self->guardian_rows, _("None recorded"), NULL);
  else
    for (guint i = 0; i < g_list_model_get_n_items (guardians); i++)
      {
        g_autoptr(ClGuardian) guardian = g_list_model_get_item (guardians, i);

        add_guardian_row (self, guardian);
      }
}

/* The attendance card and register of a pupil read from the database. */
static void
load_attendance (ClPupilEditor *self)
{
  gboolean shown = self->source != NULL && self->db != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->attendance_group), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->register_group), shown);
  if (!shown)
    {
      cl_attendance_card_clear (self->attendance_card);
      cl_register_calendar_clear (self->register_calendar);
      return;
    }
  cl_attendance_card_show_pupil (self->attendance_card, self->db,
                                 cl_pupil_get_id (self->source));
  cl_register_calendar_show_pupil (self->register_calendar, self->db,
                                   cl_pupil_get_id (self->source));
}

void
cl_pupil_editor_set_database (ClPupilEditor *self,
                              ClDatabase    *db)
{
  g_return_if_fail (CL_IS_PUPIL_EDITOR (self));
  g_return_if_fail (db == NULL || CL_IS_DATABASE (db));

  g_set_object (&self->db, db);
}

void
cl_pupil_editor_set_repository (ClPupilEditor     *self,
                                ClPupilRepository *repository)
{
  g_return_if_fail (CL_IS_PUPIL_EDITOR (self));
  g_return_if_fail (repository == NULL || CL_IS_PUPIL_REPOSITORY (repository));

  g_set_object (&self->repository, repository);
}

void
cl_pupil_editor_set_schools (ClPupilEditor *self,
                             GListModel    *schools)
{
  gint64 school_id;
  gboolean was_loading;

  g_return_if_fail (CL_IS_PUPIL_EDITOR (self));
  g_return_if_fail (schools == NULL || G_IS_LIST_MODEL (schools));

  school_id = self->draft != NULL ? selected_school_id (self) : 0;
  was_loading = self->loading;
  self->loading = TRUE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->school_sources)) > 1)
    g_list_store_remove (self->school_sources, 1);
  if (schools != NULL)
    g_list_store_append (self->school_sources, schools);
  select_school (self, school_id);
  self->loading = was_loading;
}

void
cl_pupil_editor_edit (ClPupilEditor *self,
                      ClPupil       *pupil)
{
  g_return_if_fail (CL_IS_PUPIL_EDITOR (self));
  g_return_if_fail (pupil == NULL || CL_IS_PUPIL (pupil));

  g_set_object (&self->source, pupil);
  g_clear_object (&self->baseline);
  g_clear_object (&self->draft);
  if (pupil != NULL)
    self->baseline = cl_pupil_copy (pupil);
  else
    {
      self->baseline = cl_pupil_new ();
      cl_pupil_set_text (self->baseline, CL_PUPIL_SEX, "U");
    }
  self->draft = cl_pupil_copy (self->baseline);
  self->original_school_id = cl_pupil_get_school_id (self->baseline);
  memset (self->touched, 0, sizeof self->touched);

  self->loading = TRUE;
  for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
    {
      const char *text = cl_pupil_get_text (self->draft, i);

      if (self->text_rows[i] == NULL)
        continue;
      if (i == CL_PUPIL_DOB)
        {
          g_autofree char *shown = cl_format_date (text);
          gtk_editable_set_text (GTK_EDITABLE (self->text_rows[i]), shown);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (self->text_rows[i]), text);
    }
  adw_combo_row_set_selected (self->sex_row, G_N_ELEMENTS (sex_codes) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (sex_codes); i++)
    if (g_strcmp0 (cl_pupil_get_text (self->draft, CL_PUPIL_SEX), sex_codes[i]) == 0)
      adw_combo_row_set_selected (self->sex_row, i);
  for (guint i = 0; i < CL_PUPIL_N_FLAGS; i++)
    gtk_switch_set_active (self->flag_switches[i], cl_pupil_get_flag (self->draft, i));
  select_school (self, self->original_school_id);
  self->loading = FALSE;

  update_year (self);
  load_related (self);
  load_attendance (self);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), pupil != NULL);
  /* A new pupil has no letters until saved. */
  gtk_widget_set_sensitive (self->write_letters_button, pupil != NULL);
  gtk_stack_set_visible_child_name (self->stack, "form");
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

void
cl_pupil_editor_clear (ClPupilEditor *self)
{
  g_return_if_fail (CL_IS_PUPIL_EDITOR (self));

  g_clear_object (&self->source);
  g_clear_object (&self->baseline);
  g_clear_object (&self->draft);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

gboolean
cl_pupil_editor_is_editing (ClPupilEditor *self)
{
  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), FALSE);
  return self->draft != NULL;
}

gboolean
cl_pupil_editor_is_new (ClPupilEditor *self)
{
  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), FALSE);
  return self->draft != NULL && self->source == NULL;
}

ClPupil *
cl_pupil_editor_get_source (ClPupilEditor *self)
{
  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), NULL);
  return self->source;
}

ClPupil *
cl_pupil_editor_get_draft (ClPupilEditor *self)
{
  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), NULL);
  return self->draft;
}

gint64
cl_pupil_editor_get_school_id (ClPupilEditor *self)
{
  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), 0);
  return self->draft != NULL ? selected_school_id (self) : 0;
}

gint64
cl_pupil_editor_get_original_school_id (ClPupilEditor *self)
{
  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), 0);
  return self->original_school_id;
}

gboolean
cl_pupil_editor_get_dirty (ClPupilEditor *self)
{
  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), FALSE);
  return self->dirty;
}

gboolean
cl_pupil_editor_get_valid (ClPupilEditor *self)
{
  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), FALSE);
  return self->valid;
}

void
cl_pupil_editor_focus (ClPupilEditor *self)
{
  g_return_if_fail (CL_IS_PUPIL_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_rows[CL_PUPIL_UPN]));
}

GtkWidget *
cl_pupil_editor_get_text_row (ClPupilEditor *self,
                              ClPupilText    field)
{
  return GTK_WIDGET (self->text_rows[field]);
}

GtkWidget *
cl_pupil_editor_get_write_letters_button (ClPupilEditor *self)
{
  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), NULL);
  return self->write_letters_button;
}

GtkWidget *
cl_pupil_editor_get_add_guardian_button (ClPupilEditor *self)
{
  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), NULL);
  return self->add_guardian_button;
}

ClGuardianDialog *
cl_pupil_editor_get_guardian_dialog (ClPupilEditor *self)
{
  g_return_val_if_fail (CL_IS_PUPIL_EDITOR (self), NULL);
  return self->guardian_dialog;
}

GtkLabel *
cl_pupil_editor_get_error_label (ClPupilEditor *self)
{
  return self->error_label;
}

ClAttendanceCard *
cl_pupil_editor_get_attendance_card (ClPupilEditor *self)
{
  return self->attendance_card;
}

ClRegisterCalendar *
cl_pupil_editor_get_register_calendar (ClPupilEditor *self)
{
  return self->register_calendar;
}

static void
cl_pupil_editor_dispose (GObject *object)
{
  ClPupilEditor *self = CL_PUPIL_EDITOR (object);

  if (self->guardian_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->guardian_dialog),
                                  (gpointer *) &self->guardian_dialog);
  self->guardian_dialog = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PUPIL_EDITOR);
  g_clear_object (&self->repository);
  g_clear_object (&self->db);
  g_clear_object (&self->school_model);
  g_clear_object (&self->school_sources);
  g_clear_object (&self->source);
  g_clear_object (&self->baseline);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (cl_pupil_editor_parent_class)->dispose (object);
}

static void
cl_pupil_editor_finalize (GObject *object)
{
  ClPupilEditor *self = CL_PUPIL_EDITOR (object);

  g_ptr_array_unref (self->history_rows);
  g_ptr_array_unref (self->guardian_rows);

  G_OBJECT_CLASS (cl_pupil_editor_parent_class)->finalize (object);
}

static void
cl_pupil_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClPupilEditor *self = CL_PUPIL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      g_value_set_boolean (value, cl_pupil_editor_is_editing (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_pupil_editor_class_init (ClPupilEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cl_pupil_editor_dispose;
  object_class->finalize = cl_pupil_editor_finalize;
  object_class->get_property = cl_pupil_editor_get_property;

  properties[PROP_EDITING] = g_param_spec_boolean ("editing", NULL, NULL, FALSE, ro);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  properties[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_SCHOOL);
  g_type_ensure (CL_TYPE_ATTENDANCE_CARD);
  g_type_ensure (CL_TYPE_REGISTER_CALENDAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-pupil-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, identity_group);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, write_letters_button);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, sex_row);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, school_row);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, guardians_group);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, add_guardian_button);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, register_group);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, attendance_card);
  gtk_widget_class_bind_template_child (widget_class, ClPupilEditor, register_calendar);
  gtk_widget_class_bind_template_callback (widget_class, open_case_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, write_letters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_guardian_clicked_cb);
  for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
    if (text_row_ids[i] != NULL)
      gtk_widget_class_bind_template_child_full (widget_class, text_row_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (ClPupilEditor, text_rows)
                                                 + i * sizeof (gpointer));
  for (guint i = 0; i < CL_PUPIL_N_FLAGS; i++)
    {
      g_autofree char *row_id = g_strdup_printf ("flag_row_%u", i);
      g_autofree char *switch_id = g_strdup_printf ("flag_switch_%u", i);

      gtk_widget_class_bind_template_child_full (widget_class, row_id, FALSE,
                                                 G_STRUCT_OFFSET (ClPupilEditor, flag_rows)
                                                 + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, switch_id, FALSE,
                                                 G_STRUCT_OFFSET (ClPupilEditor, flag_switches)
                                                 + i * sizeof (gpointer));
    }

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_pupil_editor_init (ClPupilEditor *self)
{
  g_autoptr(GListStore) none = g_list_store_new (CL_TYPE_SCHOOL);
  g_autoptr(ClSchool) no_school = cl_school_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history_rows = g_ptr_array_new ();
  self->guardian_rows = g_ptr_array_new ();

  cl_school_set_text (no_school, CL_SCHOOL_NAME, _("Not on a school roll"));
  g_list_store_append (none, no_school);
  self->school_sources = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->school_sources, none);
  self->school_model =
    gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->school_sources)));
  adw_combo_row_set_model (self->school_row, G_LIST_MODEL (self->school_model));

  for (guint i = 0; i < CL_PUPIL_N_TEXT; i++)
    {
      if (self->text_rows[i] == NULL)
        continue;
      g_object_set_data (G_OBJECT (self->text_rows[i]), "cl-field", GUINT_TO_POINTER (i));
      g_signal_connect_object (self->text_rows[i], "changed", G_CALLBACK (text_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  for (guint i = 0; i < CL_PUPIL_N_FLAGS; i++)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->flag_rows[i]),
                                     cl_pupil_flag_label (i));
      g_object_set_data (G_OBJECT (self->flag_switches[i]), "cl-flag", GUINT_TO_POINTER (i));
      g_signal_connect_object (self->flag_switches[i], "notify::active",
                               G_CALLBACK (flag_toggled_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->sex_row, "notify::selected", G_CALLBACK (sex_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->school_row, "notify::selected",
                           G_CALLBACK (school_selected_cb), self, G_CONNECT_SWAPPED);
}
