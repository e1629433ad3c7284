/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-event-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "casework/cl-casework-vocab.h"
#include "casework/cl-mileage.h"
#include "store/cl-dates.h"
#include "ui/cl-caseload-page-private.h"
#include "ui/cl-event-dialog.h"
#include "ui/cl-format.h"

struct _ClEventDialog
{
  AdwWindow            parent_instance;

  /* template */
  GtkWidget           *box;
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkLabel            *error_label;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *correction_group;
  AdwEntryRow         *reason_row;
  AdwPreferencesGroup *event_group;
  AdwComboRow         *type_row;
  AdwComboRow         *meeting_row;
  AdwComboRow         *partner_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *time_row;
  AdwActionRow        *duration_row;
  GtkSpinButton       *duration_spin;
  AdwEntryRow         *participants_row;
  AdwEntryRow         *miles_row;
  AdwPreferencesGroup *summary_group;
  GtkTextView         *summary_view;
  AdwPreferencesGroup *outcome_group;
  AdwEntryRow         *outcome_row;
  AdwPreferencesGroup *assessment_group;
  AdwEntryRow         *child_views_row;
  AdwEntryRow         *parent_views_row;
  AdwEntryRow         *barriers_row;
  AdwEntryRow         *strengths_row;
  AdwPreferencesGroup *action_group;
  AdwEntryRow         *next_action_row;
  AdwComboRow         *action_type_row;
  AdwEntryRow         *due_row;

  ClCaseRepository    *repository;
  ClCaseEvent         *baseline;   /* the event as the form began */
  ClCaseEvent         *draft;      /* as the user has it now */
  gboolean             correction;
  gboolean             loading;
  gboolean             touched;    /* the user has changed something */
  gboolean             dirty;
  gboolean             valid;
  gboolean             can_save;
  gboolean             closing;    /* saved or discarded: close without asking */
};

G_DEFINE_FINAL_TYPE (ClEventDialog, cl_event_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* The entry row of each text field (NULL: not an entry row). */
static AdwEntryRow *
entry_for (ClEventDialog   *self,
           ClCaseEventText  field)
{
  switch (field)
    {
    case CL_CASE_EVENT_DATE: return self->date_row;
    case CL_CASE_EVENT_TIME: return self->time_row;
    case CL_CASE_EVENT_PARTICIPANTS: return self->participants_row;
    case CL_CASE_EVENT_OUTCOME: return self->outcome_row;
    case CL_CASE_EVENT_CHILD_VIEWS: return self->child_views_row;
    case CL_CASE_EVENT_PARENT_VIEWS: return self->parent_views_row;
    case CL_CASE_EVENT_BARRIERS: return self->barriers_row;
    case CL_CASE_EVENT_STRENGTHS: return self->strengths_row;
    case CL_CASE_EVENT_NEXT_ACTION: return self->next_action_row;
    case CL_CASE_EVENT_NEXT_ACTION_DUE: return self->due_row;
    case CL_CASE_EVENT_TYPE:
    case CL_CASE_EVENT_MEETING_KIND:
    case CL_CASE_EVENT_PARTNER:
    case CL_CASE_EVENT_SUMMARY:
    case CL_CASE_EVENT_NEXT_ACTION_TYPE:
    case CL_CASE_EVENT_N_TEXT:
    default:
      return NULL;
    }
}

GtkWidget *
cl_event_dialog_get_field (ClEventDialog   *self,
                           ClCaseEventText  field)
{
  switch (field)
    {
    case CL_CASE_EVENT_TYPE: return GTK_WIDGET (self->type_row);
    case CL_CASE_EVENT_MEETING_KIND: return GTK_WIDGET (self->meeting_row);
    case CL_CASE_EVENT_PARTNER: return GTK_WIDGET (self->partner_row);
    case CL_CASE_EVENT_SUMMARY: return GTK_WIDGET (self->summary_view);
    case CL_CASE_EVENT_NEXT_ACTION_TYPE: return GTK_WIDGET (self->action_type_row);
    case CL_CASE_EVENT_DATE:
    case CL_CASE_EVENT_TIME:
    case CL_CASE_EVENT_PARTICIPANTS:
    case CL_CASE_EVENT_OUTCOME:
    case CL_CASE_EVENT_CHILD_VIEWS:
    case CL_CASE_EVENT_PARENT_VIEWS:
    case CL_CASE_EVENT_BARRIERS:
    case CL_CASE_EVENT_STRENGTHS:
    case CL_CASE_EVENT_NEXT_ACTION:
    case CL_CASE_EVENT_NEXT_ACTION_DUE:
      return GTK_WIDGET (entry_for (self, field));
    case CL_CASE_EVENT_N_TEXT:
    default:
      return NULL;
    }
}

/* The widget to mark for a field cl_case_event_validate names. */
static GtkWidget *
widget_for_property (ClEventDialog *self,
                     const char    *property)
{
  if (g_strcmp0 (property, "duration-minutes") == 0)
    return GTK_WIDGET (self->duration_row);
  if (g_strcmp0 (property, "miles-tenths") == 0)
    return GTK_WIDGET (self->miles_row);
  for (guint i = 0; i < CL_CASE_EVENT_N_TEXT; i++)
    if (g_strcmp0 (property, cl_case_event_text_property (i)) == 0)
      {
        GtkWidget *widget = cl_event_dialog_get_field (self, i);

        return widget == GTK_WIDGET (self->summary_view) ? NULL : widget;
      }
  return NULL;
}

/* --- combo rows: a list of vocabulary ids, optionally after "Not given" --- */

static void
fill_combo (AdwComboRow     *row,
            ClCaseworkVocab  vocab,
            const char      *none_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *ids = cl_casework_vocab_ids (vocab);

  if (none_label != NULL)
    gtk_string_list_append (labels, none_label);
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (labels, cl_casework_vocab_label (vocab, ids[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static const char *
combo_id (AdwComboRow     *row,
          ClCaseworkVocab  vocab,
          gboolean         has_none)
{
  const char * const *ids = cl_casework_vocab_ids (vocab);
  guint selected = adw_combo_row_get_selected (row);
  guint n = g_strv_length ((char **) ids);

  if (has_none)
    {
      if (selected == 0 || selected > n)
        return NULL;
      return ids[selected - 1];
    }
  return selected < n ? ids[selected] : NULL;
}

static void
select_combo (AdwComboRow     *row,
              ClCaseworkVocab  vocab,
              gboolean         has_none,
              const char      *id)
{
  const char * const *ids = cl_casework_vocab_ids (vocab);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      {
        adw_combo_row_set_selected (row, has_none ? i + 1 : i);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

/* --- the form and the draft ------------------------------------------------------ */

static char *
summary_text (ClEventDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A date as typed (07/03/2025 or ISO) as ISO; anything else as typed, so
 * that validation can say what is wrong with it. */
static char *
typed_date (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  GDate date;

  if (cl_date_parse (trimmed, &date))
    return cl_date_to_iso (&date);
  return g_steal_pointer (&trimmed);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Reads the form into the draft. FALSE, with a message naming the field,
 * when the miles are not a number (the draft cannot hold that). */
static gboolean
read_form (ClEventDialog  *self,
           GError        **error)
{
  ClCaseEvent *draft = self->draft;
  const char *type = combo_id (self->type_row, CL_VOCAB_EVENT_TYPE, FALSE);
  const char *next_action = entry_text (self->next_action_row);
  g_autofree char *date = typed_date (self->date_row);
  g_autofree char *due = typed_date (self->due_row);
  g_autofree char *summary = summary_text (self);
  g_autofree char *miles_text = g_strstrip (g_strdup (entry_text (self->miles_row)));
  g_autofree char *time = g_strstrip (g_strdup (entry_text (self->time_row)));
  int tenths = 0;

  cl_case_event_set_text (draft, CL_CASE_EVENT_TYPE, type);
  cl_case_event_set_text (draft, CL_CASE_EVENT_MEETING_KIND,
                          g_strcmp0 (type, "meeting") == 0
                            ? combo_id (self->meeting_row, CL_VOCAB_MEETING_KIND, TRUE) : NULL);
  cl_case_event_set_text (draft, CL_CASE_EVENT_PARTNER,
                          g_strcmp0 (type, "referral") == 0
                            ? combo_id (self->partner_row, CL_VOCAB_PARTNER, TRUE) : NULL);
  cl_case_event_set_text (draft, CL_CASE_EVENT_DATE, date);
  cl_case_event_set_text (draft, CL_CASE_EVENT_TIME, time);
  cl_case_event_set_duration (draft, (guint) gtk_spin_button_get_value_as_int (self->duration_spin));
  cl_case_event_set_text (draft, CL_CASE_EVENT_PARTICIPANTS, entry_text (self->participants_row));
  cl_case_event_set_text (draft, CL_CASE_EVENT_SUMMARY, summary);
  cl_case_event_set_text (draft, CL_CASE_EVENT_OUTCOME, entry_text (self->outcome_row));
  for (ClCaseEventText f = CL_CASE_EVENT_CHILD_VIEWS; f <= CL_CASE_EVENT_STRENGTHS; f++)
    cl_case_event_set_text (draft, f, g_strcmp0 (type, "assessment") == 0
                                        ? entry_text (entry_for (self, f)) : NULL);
  cl_case_event_set_text (draft, CL_CASE_EVENT_NEXT_ACTION, next_action);
  /* The kind goes with the action: none without one. */
  cl_case_event_set_text (draft, CL_CASE_EVENT_NEXT_ACTION_TYPE,
                          *next_action != '\0'
                            ? combo_id (self->action_type_row, CL_VOCAB_ACTION_TYPE, FALSE)
                            : NULL);
  cl_case_event_set_text (draft, CL_CASE_EVENT_NEXT_ACTION_DUE, due);

  if (*miles_text != '\0' && !cl_miles_parse (miles_text, &tenths))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: the miles field of an event holds something else. */
                   _("Miles: “%s” is not a distance (use a number such as 12.5)."), miles_text);
      return FALSE;
    }
  cl_case_event_set_miles_tenths (draft, tenths);
  return TRUE;
}

static void
fill_form (ClEventDialog *self,
           ClCaseEvent   *event)
{
  g_autofree char *date = cl_format_date (cl_case_event_get_date (event));
  g_autofree char *due = cl_format_date (cl_case_event_get_next_action_due (event));
  int tenths = cl_case_event_get_miles_tenths (event);
  const char *action_type = cl_case_event_get_text (event, CL_CASE_EVENT_NEXT_ACTION_TYPE);

  self->loading = TRUE;
  select_combo (self->type_row, CL_VOCAB_EVENT_TYPE, FALSE, cl_case_event_get_event_type (event));
  select_combo (self->meeting_row, CL_VOCAB_MEETING_KIND, TRUE,
                cl_case_event_get_text (event, CL_CASE_EVENT_MEETING_KIND));
  select_combo (self->partner_row, CL_VOCAB_PARTNER, TRUE,
                cl_case_event_get_text (event, CL_CASE_EVENT_PARTNER));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_spin_button_set_value (self->duration_spin, cl_case_event_get_duration (event));
  for (ClCaseEventText f = 0; f < CL_CASE_EVENT_N_TEXT; f++)
    {
      AdwEntryRow *row = entry_for (self, f);

      if (row != NULL && f != CL_CASE_EVENT_DATE && f != CL_CASE_EVENT_NEXT_ACTION_DUE)
        gtk_editable_set_text (GTK_EDITABLE (row), cl_case_event_get_text (event, f));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            cl_case_event_get_summary (event), -1);
  select_combo (self->action_type_row, CL_VOCAB_ACTION_TYPE, FALSE,
                *action_type != '\0' ? action_type : "other");
  if (tenths > 0)
    {
      g_autofree char *miles = cl_miles_format (tenths);
      gtk_editable_set_text (GTK_EDITABLE (self->miles_row), miles);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->miles_row), "");
  self->loading = FALSE;
}

static gboolean
events_differ (ClCaseEvent *a,
               ClCaseEvent *b)
{
  for (guint i = 0; i < CL_CASE_EVENT_N_TEXT; i++)
    if (g_strcmp0 (cl_case_event_get_text (a, i), cl_case_event_get_text (b, i)) != 0)
      return TRUE;
  return cl_case_event_get_duration (a) != cl_case_event_get_duration (b)
         || cl_case_event_get_miles_tenths (a) != cl_case_event_get_miles_tenths (b);
}

static void
show_problem (ClEventDialog *self,
              GtkWidget     *bad,
              const char    *message,
              gboolean       hint)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->type_row), GTK_WIDGET (self->meeting_row), GTK_WIDGET (self->partner_row),
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->time_row), GTK_WIDGET (self->duration_row),
    GTK_WIDGET (self->miles_row), GTK_WIDGET (self->next_action_row),
    GTK_WIDGET (self->action_type_row), GTK_WIDGET (self->due_row), GTK_WIDGET (self->reason_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message == NULL)
    return;
  gtk_label_set_text (self->error_label, message);
  /* Until the user has typed anything the message is a quiet hint. */
  if (hint)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "dim-label");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  if (bad != NULL)
    gtk_widget_add_css_class (bad, "error");
}

static void
update_visibility (ClEventDialog *self)
{
  const char *type = combo_id (self->type_row, CL_VOCAB_EVENT_TYPE, FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->meeting_row), g_strcmp0 (type, "meeting") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->partner_row), g_strcmp0 (type, "referral") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->assessment_group),
                          g_strcmp0 (type, "assessment") == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_type_row),
                            *entry_text (self->next_action_row) != '\0');
}

static void
update_state (ClEventDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (entry_text (self->reason_row)));
  gboolean reason_given = *reason != '\0';
  gboolean parsed;

  parsed = read_form (self, &error);
  self->valid = parsed && cl_case_event_validate (self->draft, &field, &error);
  self->dirty = events_differ (self->draft, self->baseline)
                || (self->correction && reason_given);

  if (!parsed)
    show_problem (self, GTK_WIDGET (self->miles_row), error->message, FALSE);
  else if (!self->valid)
    show_problem (self, widget_for_property (self, field), error->message, !self->touched);
  else if (self->correction && self->dirty && !reason_given)
    show_problem (self, GTK_WIDGET (self->reason_row),
                  _("Say why the event is being corrected."), TRUE);
  else
    show_problem (self, NULL, NULL, FALSE);

  self->can_save = self->valid
                   && (!self->correction
                       || (reason_given && events_differ (self->draft, self->baseline)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.save", self->can_save);
}

static void
form_changed_cb (ClEventDialog *self)
{
  if (self->loading)
    return;
  self->touched = TRUE;
  update_visibility (self);
  update_state (self);
}

void
cl_event_dialog_set_text (ClEventDialog   *self,
                          ClCaseEventText  field,
                          const char      *text)
{
  g_return_if_fail (CL_IS_EVENT_DIALOG (self));

  if (field == CL_CASE_EVENT_SUMMARY)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), text, -1);
  else if (field == CL_CASE_EVENT_TYPE)
    select_combo (self->type_row, CL_VOCAB_EVENT_TYPE, FALSE, text);
  else if (field == CL_CASE_EVENT_MEETING_KIND)
    select_combo (self->meeting_row, CL_VOCAB_MEETING_KIND, TRUE, text);
  else if (field == CL_CASE_EVENT_PARTNER)
    select_combo (self->partner_row, CL_VOCAB_PARTNER, TRUE, text);
  else if (field == CL_CASE_EVENT_NEXT_ACTION_TYPE)
    select_combo (self->action_type_row, CL_VOCAB_ACTION_TYPE, FALSE, text);
  else if (entry_for (self, field) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry_for (self, field)), text);
}

/* --- saving and closing ------------------------------------------------------------- */

gboolean
cl_event_dialog_save (ClEventDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gboolean ok;

  g_return_val_if_fail (CL_IS_EVENT_DIALOG (self), FALSE);

  update_state (self);
  if (!self->can_save)
    return FALSE;

  reason = g_strstrip (g_strdup (entry_text (self->reason_row)));
  if (self->correction)
    ok = cl_case_repository_correct_event (self->repository, self->draft, reason, &error);
  else
    ok = cl_case_repository_add_event (self->repository, self->draft, &error);
  if (!ok)
    {
      /* A refusal by the rules (the case was closed meanwhile, nothing
       * changed …) is shown where the user is looking. */
      show_problem (self, NULL, error->message, FALSE);
      return FALSE;
    }

  self->closing = TRUE;
  g_signal_emit (self, signals[SAVED], 0, self->draft);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cl_event_dialog_save (CL_EVENT_DIALOG (widget));
}

static void
unsaved_response_cb (ClEventDialog *self,
                     const char    *response)
{
  if (g_strcmp0 (response, "save") == 0)
    cl_event_dialog_save (self);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
cl_event_dialog_close_request (GtkWindow *window)
{
  ClEventDialog *self = CL_EVENT_DIALOG (window);
  GtkWidget *dialog;

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (cl_event_dialog_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save the Event?"),
                                   self->correction
                                     ? _("The correction has not been saved.")
                                     : _("The new event has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           self->can_save);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           self->can_save ? "save" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* --- construction ---------------------------------------------------------------------- */

static ClEventDialog *
dialog_new (GtkWindow        *parent,
            ClCaseRepository *repository,
            ClCaseEvent      *event,
            gboolean          correction)
{
  ClEventDialog *self = g_object_new (CL_TYPE_EVENT_DIALOG,
                                      "transient-for", parent,
                                      NULL);

  self->repository = g_object_ref (repository);
  self->correction = correction;
  self->baseline = cl_case_event_copy (event);
  self->draft = cl_case_event_copy (event);
  fill_form (self, event);
  /* What the form makes of the event is the baseline (a kind of action
   * shown as "Other" …), so that an untouched form has no changes. */
  read_form (self, NULL);
  g_clear_object (&self->baseline);
  self->baseline = cl_case_event_copy (self->draft);

  gtk_widget_set_visible (GTK_WIDGET (self->correction_group), correction);
  if (correction)
    {
      g_autofree char *title = cl_case_event_dup_title (event);
      adw_window_title_set_title (self->window_title, _("Correct the Event"));
      adw_window_title_set_subtitle (self->window_title, title);
    }
  else
    adw_window_title_set_title (self->window_title, _("Add an Event"));
  update_visibility (self);
  update_state (self);
  gtk_widget_grab_focus (correction ? GTK_WIDGET (self->reason_row) : GTK_WIDGET (self->type_row));
  return self;
}

ClEventDialog *
cl_event_dialog_new_add (GtkWindow        *parent,
                         ClCaseRepository *repository,
                         gint64            case_id)
{
  g_autoptr(ClCaseEvent) event = NULL;
  g_autofree char *today = cl_format_today_iso ();

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (repository), NULL);

  event = cl_case_event_new (case_id, "home_visit", today);
  return dialog_new (parent, repository, event, FALSE);
}

ClEventDialog *
cl_event_dialog_new_correct (GtkWindow        *parent,
                             ClCaseRepository *repository,
                             ClCaseEvent      *event)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_CASE_REPOSITORY (repository), NULL);
  g_return_val_if_fail (CL_IS_CASE_EVENT (event), NULL);

  return dialog_new (parent, repository, event, TRUE);
}

gboolean
cl_event_dialog_is_correction (ClEventDialog *self)
{
  g_return_val_if_fail (CL_IS_EVENT_DIALOG (self), FALSE);
  return self->correction;
}

gboolean
cl_event_dialog_get_dirty (ClEventDialog *self)
{
  g_return_val_if_fail (CL_IS_EVENT_DIALOG (self), FALSE);
  return self->dirty;
}

gboolean
cl_event_dialog_get_valid (ClEventDialog *self)
{
  g_return_val_if_fail (CL_IS_EVENT_DIALOG (self), FALSE);
  return self->valid;
}

/* --- test hooks (cl-caseload-page-private.h) ----------------------------------------- */

AdwComboRow *
cl_event_dialog_get_type_row (ClEventDialog *self)
{
  return self->type_row;
}

GtkEditable *
cl_event_dialog_get_reason_entry (ClEventDialog *self)
{
  return GTK_EDITABLE (self->reason_row);
}

GtkEditable *
cl_event_dialog_get_miles_entry (ClEventDialog *self)
{
  return GTK_EDITABLE (self->miles_row);
}

GtkLabel *
cl_event_dialog_get_error_label (ClEventDialog *self)
{
  return self->error_label;
}

GtkWidget *
cl_event_dialog_get_save_button (ClEventDialog *self)
{
  return self->save_button;
}

/* --- life cycle ----------------------------------------------------------------------- */

static void
cl_event_dialog_dispose (GObject *object)
{
  ClEventDialog *self = CL_EVENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_EVENT_DIALOG);
  g_clear_object (&self->repository);
  g_clear_object (&self->baseline);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (cl_event_dialog_parent_class)->dispose (object);
}

static void
cl_event_dialog_class_init (ClEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cl_event_dialog_dispose;
  window_class->close_request = cl_event_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CL_TYPE_CASE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, box);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, page);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, correction_group);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, event_group);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, partner_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, participants_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, miles_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, assessment_group);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, child_views_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, parent_views_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, barriers_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, strengths_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, action_group);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, next_action_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, action_type_row);
  gtk_widget_class_bind_template_child (widget_class, ClEventDialog, due_row);

  gtk_widget_class_install_action (widget_class, "event.save", NULL, save_activated);
}

static void
cl_event_dialog_init (ClEventDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_combo (self->type_row, CL_VOCAB_EVENT_TYPE, NULL);
  fill_combo (self->meeting_row, CL_VOCAB_MEETING_KIND, _("Not given"));
  fill_combo (self->partner_row, CL_VOCAB_PARTNER, _("Not given"));
  fill_combo (self->action_type_row, CL_VOCAB_ACTION_TYPE, NULL);

  /* Every change of every field is checked at once. */
  {
    GtkWidget *editables[] = {
      GTK_WIDGET (self->reason_row), GTK_WIDGET (self->date_row), GTK_WIDGET (self->time_row),
      GTK_WIDGET (self->participants_row), GTK_WIDGET (self->miles_row),
      GTK_WIDGET (self->outcome_row), GTK_WIDGET (self->child_views_row),
      GTK_WIDGET (self->parent_views_row), GTK_WIDGET (self->barriers_row),
      GTK_WIDGET (self->strengths_row), GTK_WIDGET (self->next_action_row),
      GTK_WIDGET (self->due_row),
    };
    GtkWidget *combos[] = {
      GTK_WIDGET (self->type_row), GTK_WIDGET (self->meeting_row),
      GTK_WIDGET (self->partner_row), GTK_WIDGET (self->action_type_row),
    };

    for (guint i = 0; i < G_N_ELEMENTS (editables); i++)
      g_signal_connect_object (editables[i], "changed", G_CALLBACK (form_changed_cb), self,
                               G_CONNECT_SWAPPED);
    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      g_signal_connect_object (combos[i], "notify::selected", G_CALLBACK (form_changed_cb), self,
                               G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (self->duration_spin, "value-changed", G_CALLBACK (form_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
}
