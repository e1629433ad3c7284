/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-calendar-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "attendance/cl-attendance-error.h"
#include "store/cl-dates.h"
#include "ui/cl-calendar-dialog.h"
#include "ui/cl-format.h"
#include "ui/cl-window-private.h"

/* The years offered: next year, this year and the three before it. */
#define N_YEARS 5
/* Days a school in England is usually open to pupils. */
#define USUAL_OPEN_DAYS 190

struct _ClCalendarDialog
{
  AdwWindow            parent_instance;

  /* template */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  AdwComboRow         *year_row;
  AdwActionRow        *open_days_row;
  GtkLabel            *open_days_label;
  AdwComboRow         *kind_row;
  AdwEntryRow         *first_row;
  AdwEntryRow         *last_row;
  AdwEntryRow         *name_row;
  GtkLabel            *error_label;
  GtkWidget           *add_button;
  AdwPreferencesGroup *entries_group;
  GtkListBox          *entry_list;

  ClDatabase          *db;
  ClSchool            *school;
  ClCalendar          *calendar;       /* as stored */
  ClCalendarEntry     *removed;        /* the last entry removed, for Undo */
  AdwToast            *removed_toast;  /* (weak) */
  int                  years[N_YEARS]; /* in the order of year_row */
  int                  academic_year;
  gboolean             loading;
  gboolean             valid;
  gboolean             dirty;
  gboolean             closing;        /* added or discarded: close without asking */
};

G_DEFINE_FINAL_TYPE (ClCalendarDialog, cl_calendar_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* In the order of kind_row's string list: what an officer adds most first. */
static const ClCalendarKind offered_kinds[] = {
  CL_CALENDAR_KIND_INSET,
  CL_CALENDAR_KIND_CLOSURE,
  CL_CALENDAR_KIND_HOLIDAY,
  CL_CALENDAR_KIND_BANK_HOLIDAY,
  CL_CALENDAR_KIND_TERM,
};

static const char *
kind_label (ClCalendarKind kind)
{
  switch (kind)
    {
    case CL_CALENDAR_KIND_TERM:
      return _("Term");
    case CL_CALENDAR_KIND_INSET:
      return _("INSET day");
    case CL_CALENDAR_KIND_CLOSURE:
      return _("Closure");
    case CL_CALENDAR_KIND_BANK_HOLIDAY:
      return _("Bank holiday");
    case CL_CALENDAR_KIND_HOLIDAY:
      return _("Holiday");
    default:
      g_assert_not_reached ();
    }
  return "";
}

/* "10/10/2025", or "01/09/2025 – 19/12/2025" for a range. */
static char *
format_dates (const ClCalendarEntry *entry)
{
  g_autofree char *from = cl_format_date (entry->start_date);
  g_autofree char *to = NULL;

  if (g_strcmp0 (entry->start_date, entry->end_date) == 0)
    return g_steal_pointer (&from);
  to = cl_format_date (entry->end_date);
  /* Translators: a range of dates, first and last day. */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static const char *
entry_title (const ClCalendarEntry *entry)
{
  return entry->name != NULL && *entry->name != '\0' ? entry->name : kind_label (entry->kind);
}

static char *
typed_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
row_is_empty (AdwEntryRow *row)
{
  g_autofree char *text = typed_text (row);

  return *text == '\0';
}

/* --- the add form ------------------------------------------------------------------- */

/* Adds the entry the form describes to calendar with cl_calendar_add. On
 * failure out_row is the row the message is about. */
static gboolean
add_from_form (ClCalendarDialog  *self,
               ClCalendar        *calendar,
               GtkWidget        **out_row,
               GError           **error)
{
  g_autofree char *first_text = typed_text (self->first_row);
  g_autofree char *last_text = typed_text (self->last_row);
  g_autofree char *name = typed_text (self->name_row);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GError) local_error = NULL;
  guint selected = adw_combo_row_get_selected (self->kind_row);
  ClCalendarKind kind = offered_kinds[MIN (selected, G_N_ELEMENTS (offered_kinds) - 1)];
  GDate first_date, last_date;

  *out_row = GTK_WIDGET (self->first_row);
  if (*first_text == '\0')
    {
      g_set_error_literal (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE,
                           _("Give the first day, as DD/MM/YYYY."));
      return FALSE;
    }
  g_date_clear (&first_date, 1);
  if (!cl_date_parse (first_text, &first_date))
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE,
                   _("“%s” is not a date: write the first day as DD/MM/YYYY."), first_text);
      return FALSE;
    }
  first = cl_date_to_iso (&first_date);

  *out_row = GTK_WIDGET (self->last_row);
  g_date_clear (&last_date, 1);
  if (*last_text == '\0')
    last = g_strdup (first);
  else if (!cl_date_parse (last_text, &last_date))
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE,
                   _("“%s” is not a date: write the last day as DD/MM/YYYY."), last_text);
      return FALSE;
    }
  else
    last = cl_date_to_iso (&last_date);

  if (cl_calendar_add (calendar, kind, name, first, last, &local_error))
    return TRUE;
  /* The core's own message, under the day it is about: a range outside the
   * year names the first day when that one is outside. */
  if (g_error_matches (local_error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_OUT_OF_RANGE)
      && cl_academic_year_of (&first_date) != cl_calendar_get_academic_year (calendar))
    *out_row = GTK_WIDGET (self->first_row);
  /* The core writes dates as ISO; the form, as the rest of the window. */
  {
    GString *message = g_string_new (local_error->message);
    g_autofree char *shown_first = cl_format_date (first);
    g_autofree char *shown_last = cl_format_date (last);

    g_string_replace (message, first, shown_first, 0);
    if (g_strcmp0 (first, last) != 0)
      g_string_replace (message, last, shown_last, 0);
    g_free (local_error->message);
    local_error->message = g_string_free (message, FALSE);
  }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Shows message (NULL: none), about row when it is not NULL. */
static void
show_error (ClCalendarDialog *self,
            GtkWidget        *row,
            const char       *message)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->first_row), GTK_WIDGET (self->last_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_widget_remove_css_class (rows[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (rows[i]),
                                     GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  if (row == NULL)
    return;
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->error_label, NULL, -1);
}

/* Checks the form as typed, on a scratch calendar of the same year: the
 * core's rules, never a copy of them. */
static void
update_state (ClCalendarDialog *self)
{
  g_autoptr(ClCalendar) scratch = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *bad_row = NULL;

  if (self->school == NULL)
    return;
  self->dirty = !row_is_empty (self->first_row) || !row_is_empty (self->last_row)
                || !row_is_empty (self->name_row);
  scratch = cl_calendar_new (cl_school_get_id (self->school), self->academic_year);
  self->valid = add_from_form (self, scratch, &bad_row, &error);
  /* Nothing typed in the first day yet: nothing to complain about. */
  if (self->valid || row_is_empty (self->first_row))
    show_error (self, NULL, NULL);
  else
    show_error (self, bad_row, error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.add", self->valid);
}

static void
form_changed_cb (ClCalendarDialog *self)
{
  if (!self->loading)
    update_state (self);
}

static void
entry_activated_cb (ClCalendarDialog *self)
{
  cl_calendar_dialog_add (self);
}

/* --- the calendar ------------------------------------------------------------------- */

static GtkWidget *
entry_row_new (const ClCalendarEntry *entry,
               guint                  index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *dates = format_dates (entry);
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;
  const char *title = entry_title (entry);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* A name that only repeats the kind ("INSET day") is not said twice. */
  if (g_utf8_collate (title, kind_label (entry->kind)) == 0)
    subtitle = g_strdup (dates);
  else
    /* Translators: a calendar entry's kind and dates, "INSET day · 10/10/2025". */
    subtitle = g_strdup_printf (_("%s · %s"), kind_label (entry->kind), dates);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  /* Translators: the accessible name of a calendar entry's Remove button. */
  remove_label = g_strdup_printf (_("Remove %s, %s"), title, dates);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "calendar.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_open_days (ClCalendarDialog *self)
{
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  if (cl_calendar_is_empty (self->calendar))
    {
      gtk_label_set_text (self->open_days_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->open_days_label), FALSE);
      adw_action_row_set_subtitle (self->open_days_row,
                                   _("No terms are set for this year, so only weekends count "
                                     "as closed."));
      return;
    }
  n = cl_calendar_count_open_days (self->calendar, NULL, NULL);
  count = g_strdup_printf ("%u", n);
  gtk_label_set_text (self->open_days_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->open_days_label), TRUE);
  if (n == USUAL_OPEN_DAYS)
    subtitle = g_strdup_printf (_("The usual %u days"), USUAL_OPEN_DAYS);
  else if (n < USUAL_OPEN_DAYS)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u day fewer than the usual %u",
                                             "%u days fewer than the usual %u",
                                             USUAL_OPEN_DAYS - n),
                                USUAL_OPEN_DAYS - n, USUAL_OPEN_DAYS);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u day more than the usual %u",
                                             "%u days more than the usual %u",
                                             n - USUAL_OPEN_DAYS),
                                n - USUAL_OPEN_DAYS, USUAL_OPEN_DAYS);
  adw_action_row_set_subtitle (self->open_days_row, subtitle);
}

static void
show_calendar (ClCalendarDialog *self)
{
  GPtrArray *entries = cl_calendar_get_entries (self->calendar);
  g_autofree char *year = cl_format_academic_year (self->academic_year);
  g_autofree char *title = NULL;
  GtkListBoxRow *row;

  /* Translators: the title over a school's calendar entries, "2025/26 Calendar". */
  title = g_strdup_printf (_("%s Calendar"), year);
  adw_preferences_group_set_title (self->entries_group, title);
  while ((row = gtk_list_box_get_row_at_index (self->entry_list, 0)) != NULL)
    gtk_list_box_remove (self->entry_list, GTK_WIDGET (row));
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->entry_list, entry_row_new (g_ptr_array_index (entries, i), i));
  show_open_days (self);
}

static void
forget_removed (ClCalendarDialog *self)
{
  g_clear_pointer (&self->removed, cl_calendar_entry_free);
  if (self->removed_toast != NULL)
    adw_toast_dismiss (self->removed_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.undo-remove", FALSE);
}

/* Reads the calendar of the year chosen; a message when it cannot. */
static void
load_year (ClCalendarDialog *self)
{
  g_autoptr(GError) error = NULL;
  ClCalendar *calendar;

  calendar = cl_calendar_load (self->db, cl_school_get_id (self->school), self->academic_year,
                               &error);
  g_clear_object (&self->calendar);
  self->calendar = calendar != NULL
                     ? calendar
                     : cl_calendar_new (cl_school_get_id (self->school), self->academic_year);
  show_calendar (self);
  update_state (self);
  if (error != NULL)
    show_error (self, NULL, error->message);
}

/* Saves self->calendar, changed in memory. On failure what is stored is
 * shown again, with the reason. */
static gboolean
save_calendar (ClCalendarDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!cl_calendar_save (self->calendar, self->db, &error))
    {
      g_autofree char *message = g_strdup (error->message);

      load_year (self);
      show_error (self, NULL, message);
      return FALSE;
    }
  show_calendar (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
toast (ClCalendarDialog *self,
       const char       *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

gboolean
cl_calendar_dialog_add (ClCalendarDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  GtkWidget *bad_row = NULL;
  GPtrArray *entries;
  guint n;

  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), FALSE);

  entries = cl_calendar_get_entries (self->calendar);
  n = entries->len;
  if (!add_from_form (self, self->calendar, &bad_row, &error))
    {
      show_error (self, bad_row, error->message);
      gtk_widget_grab_focus (bad_row);
      return FALSE;
    }
  g_assert (entries->len == n + 1);
  {
    g_autofree char *first = typed_text (self->first_row);
    g_autofree char *name = typed_text (self->name_row);
    guint selected = adw_combo_row_get_selected (self->kind_row);

    /* Translators: a notice, "INSET day added: 10/10/2025". */
    added = g_strdup_printf (_("%s added: %s"),
                             *name != '\0' ? name
                             : kind_label (offered_kinds[MIN (selected,
                                                              G_N_ELEMENTS (offered_kinds) - 1)]),
                             first);
  }
  if (!save_calendar (self))
    return FALSE;

  /* Saved: the form is ready for the next entry. */
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->first_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->last_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  self->loading = FALSE;
  update_state (self);
  toast (self, added);
  gtk_widget_grab_focus (GTK_WIDGET (self->first_row));
  return TRUE;
}

gboolean
cl_calendar_dialog_remove (ClCalendarDialog *self,
                           guint             index)
{
  GPtrArray *entries;
  g_autoptr(ClCalendarEntry) removed = NULL;
  g_autofree char *title = NULL;
  g_autofree char *dates = NULL;
  AdwToast *notice;

  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), FALSE);
  entries = cl_calendar_get_entries (self->calendar);
  g_return_val_if_fail (index < entries->len, FALSE);

  removed = cl_calendar_entry_copy (g_ptr_array_index (entries, index));
  cl_calendar_remove (self->calendar, index);
  if (!save_calendar (self))
    return FALSE;

  forget_removed (self);
  dates = format_dates (removed);
  /* Translators: a notice with an Undo button, "Removed “Training day” (10/10/2025)". */
  title = g_strdup_printf (_("Removed “%s” (%s)"), entry_title (removed), dates);
  self->removed = g_steal_pointer (&removed);
  notice = adw_toast_new (title);
  adw_toast_set_button_label (notice, _("_Undo"));
  adw_toast_set_action_name (notice, "calendar.undo-remove");
  g_set_weak_pointer (&self->removed_toast, notice);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.undo-remove", TRUE);
  adw_toast_overlay_add_toast (self->toast_overlay, notice);
  return TRUE;
}

static void
use_standard (ClCalendarDialog *self)
{
  g_autofree char *year = cl_format_academic_year (self->academic_year);
  g_autofree char *title = NULL;

  forget_removed (self);
  g_clear_object (&self->calendar);
  self->calendar = cl_calendar_new_standard_england (cl_school_get_id (self->school),
                                                     self->academic_year);
  if (!save_calendar (self))
    return;
  /* Translators: a notice, "The standard English calendar is set for 2025/26". */
  title = g_strdup_printf (_("The standard English calendar is set for %s"), year);
  toast (self, title);
}

static void
replace_response_cb (ClCalendarDialog *self,
                     const char       *response)
{
  if (g_strcmp0 (response, "replace") == 0)
    use_standard (self);
}

/* --- actions ------------------------------------------------------------------------ */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cl_calendar_dialog_add (CL_CALENDAR_DIALOG (widget));
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClCalendarDialog *self = CL_CALENDAR_DIALOG (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index < cl_calendar_get_entries (self->calendar)->len)
    cl_calendar_dialog_remove (self, index);
}

static void
undo_remove_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ClCalendarDialog *self = CL_CALENDAR_DIALOG (widget);
  g_autoptr(ClCalendarEntry) entry = g_steal_pointer (&self->removed);
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (widget, "calendar.undo-remove", FALSE);
  if (entry == NULL)
    return;
  if (!cl_calendar_add (self->calendar, entry->kind, entry->name, entry->start_date,
                        entry->end_date, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }
  save_calendar (self);
}

static void
standard_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClCalendarDialog *self = CL_CALENDAR_DIALOG (widget);
  guint n = cl_calendar_get_entries (self->calendar)->len;
  g_autofree char *year = NULL;
  GtkWidget *question;

  if (n == 0)
    {
      use_standard (self);
      return;
    }
  year = cl_format_academic_year (self->academic_year);
  question = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Calendar?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (question),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The %u entry for %s will be replaced by the "
                                               "standard English calendar: three terms with "
                                               "half terms, 5 INSET days, bank holidays and "
                                               "190 days open to pupils.",
                                               "The %u entries for %s will be replaced by the "
                                               "standard English calendar: three terms with "
                                               "half terms, 5 INSET days, bank holidays and "
                                               "190 days open to pupils.",
                                               n),
                                  n, year);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "cancel");
  g_signal_connect_object (question, "response", G_CALLBACK (replace_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (question));
}

static void
year_selected_cb (ClCalendarDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->year_row);

  if (self->loading || selected >= N_YEARS || self->years[selected] == self->academic_year)
    return;
  self->academic_year = self->years[selected];
  forget_removed (self);
  load_year (self);
}

/* --- closing ------------------------------------------------------------------------ */

static void
unsaved_response_cb (ClCalendarDialog *self,
                     const char       *response,
                     AdwMessageDialog *question)
{
  if (g_strcmp0 (response, "add") == 0)
    {
      if (!cl_calendar_dialog_add (self))
        return;
    }
  else if (g_strcmp0 (response, "discard") != 0)
    return;
  /* The question is let go only after its response; it must not point at
   * this window by then. */
  gtk_window_set_transient_for (GTK_WINDOW (question), NULL);
  gtk_window_destroy (GTK_WINDOW (question));
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
cl_calendar_dialog_close_request (GtkWindow *window)
{
  ClCalendarDialog *self = CL_CALENDAR_DIALOG (window);
  GtkWidget *question;

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (cl_calendar_dialog_parent_class)->close_request (window);

  question = adw_message_dialog_new (window, _("Add the Entry?"),
                                     _("What you typed has not been added to the calendar."));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (question), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (question), "add", self->valid);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question),
                                           self->valid ? "add" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "cancel");
  g_signal_connect_object (question, "response", G_CALLBACK (unsaved_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (question));
  return TRUE;
}

/* --- construction ------------------------------------------------------------------- */

ClCalendarDialog *
cl_calendar_dialog_new (GtkWindow  *parent,
                        ClDatabase *db,
                        ClSchool   *school)
{
  ClCalendarDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (CL_IS_SCHOOL (school), NULL);
  g_return_val_if_fail (cl_school_get_id (school) > 0, NULL);

  self = g_object_new (CL_TYPE_CALENDAR_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->school = g_object_ref (school);
  adw_window_title_set_subtitle (self->window_title, cl_school_get_name (school));
  load_year (self);
  return self;
}

int
cl_calendar_dialog_get_academic_year (ClCalendarDialog *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), 0);
  return self->academic_year;
}

void
cl_calendar_dialog_set_academic_year (ClCalendarDialog *self,
                                      int               academic_year)
{
  g_return_if_fail (CL_IS_CALENDAR_DIALOG (self));

  for (guint i = 0; i < N_YEARS; i++)
    if (self->years[i] == academic_year)
      {
        adw_combo_row_set_selected (self->year_row, i);
        return;
      }
  g_return_if_reached ();
}

ClCalendar *
cl_calendar_dialog_get_calendar (ClCalendarDialog *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), NULL);
  return self->calendar;
}

gboolean
cl_calendar_dialog_get_dirty (ClCalendarDialog *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), FALSE);
  return self->dirty;
}

AdwComboRow *
cl_calendar_dialog_get_kind_row (ClCalendarDialog *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), NULL);
  return self->kind_row;
}

GtkEditable *
cl_calendar_dialog_get_first_row (ClCalendarDialog *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), NULL);
  return GTK_EDITABLE (self->first_row);
}

GtkEditable *
cl_calendar_dialog_get_last_row (ClCalendarDialog *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), NULL);
  return GTK_EDITABLE (self->last_row);
}

GtkEditable *
cl_calendar_dialog_get_name_row (ClCalendarDialog *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

GtkWidget *
cl_calendar_dialog_get_add_button (ClCalendarDialog *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), NULL);
  return self->add_button;
}

GtkLabel *
cl_calendar_dialog_get_error_label (ClCalendarDialog *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), NULL);
  return self->error_label;
}

GtkLabel *
cl_calendar_dialog_get_open_days_label (ClCalendarDialog *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), NULL);
  return self->open_days_label;
}

GtkListBox *
cl_calendar_dialog_get_entry_list (ClCalendarDialog *self)
{
  g_return_val_if_fail (CL_IS_CALENDAR_DIALOG (self), NULL);
  return self->entry_list;
}

static void
cl_calendar_dialog_dispose (GObject *object)
{
  ClCalendarDialog *self = CL_CALENDAR_DIALOG (object);

  g_clear_weak_pointer (&self->removed_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_CALENDAR_DIALOG);
  g_clear_object (&self->db);
  g_clear_object (&self->school);
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (cl_calendar_dialog_parent_class)->dispose (object);
}

static void
cl_calendar_dialog_finalize (GObject *object)
{
  ClCalendarDialog *self = CL_CALENDAR_DIALOG (object);

  g_clear_pointer (&self->removed, cl_calendar_entry_free);

  G_OBJECT_CLASS (cl_calendar_dialog_parent_class)->finalize (object);
}

static void
cl_calendar_dialog_class_init (ClCalendarDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cl_calendar_dialog_dispose;
  object_class->finalize = cl_calendar_dialog_finalize;
  window_class->close_request = cl_calendar_dialog_close_request;

  /**
   * ClCalendarDialog::changed:
   *
   * Emitted when a change to the calendar has been saved.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-calendar-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, open_days_row);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, open_days_label);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, first_row);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, last_row);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, entries_group);
  gtk_widget_class_bind_template_child (widget_class, ClCalendarDialog, entry_list);
  gtk_widget_class_install_action (widget_class, "calendar.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "calendar.remove", "u", remove_activated);
  gtk_widget_class_install_action (widget_class, "calendar.undo-remove", NULL,
                                   undo_remove_activated);
  gtk_widget_class_install_action (widget_class, "calendar.standard", NULL, standard_activated);
}

static void
cl_calendar_dialog_init (ClCalendarDialog *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  int current = cl_current_academic_year ();
  AdwEntryRow *rows[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Latest first, as the register's year list. */
  self->loading = TRUE;
  for (guint i = 0; i < N_YEARS; i++)
    {
      g_autofree char *label = cl_format_academic_year (current + 1 - (int) i);

      self->years[i] = current + 1 - (int) i;
      if (self->years[i] == current)
        {
          /* Translators: the academic year we are in, "2025/26 (this year)". */
          g_autofree char *this_year = g_strdup_printf (_("%s (this year)"), label);
          gtk_string_list_append (years, this_year);
        }
      else
        gtk_string_list_append (years, label);
    }
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (years));
  adw_combo_row_set_selected (self->year_row, 1);
  self->academic_year = current;
  self->loading = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.undo-remove", FALSE);

  g_signal_connect_object (self->year_row, "notify::selected", G_CALLBACK (year_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (form_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rows[0] = self->first_row;
  rows[1] = self->last_row;
  rows[2] = self->name_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_signal_connect_object (rows[i], "changed", G_CALLBACK (form_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* Enter in the form adds. */
      g_signal_connect_object (rows[i], "entry-activated", G_CALLBACK (entry_activated_cb),
                               self, G_CONNECT_SWAPPED);
    }
}
