/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-mail-merge-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "documents/cl-letter-template.h"
#include "documents/cl-mail-merge.h"
#include "documents/cl-placeholders.h"
#include "documents/cl-template-repository.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "store/cl-dates.h"
#include "store/cl-text.h"
#include "ui/cl-file-chooser.h"
#include "ui/cl-mail-merge-dialog.h"
#include "ui/cl-preview-window.h"
#include "ui/cl-window-private.h"

#define SUMMARY_DELAY_MS 300

enum {
  CHOOSE_BELOW,   /* every pupil at a school below a percentage */
  CHOOSE_PUPILS,  /* pupils chosen one by one */
};

enum {
  OUTPUT_ONE_FILE,
  OUTPUT_FILE_EACH,
};

/* Placeholders whose values the database cannot know: the officer types
 * them for each merge. */
static const char *const typed_groups[] = { "Visit and meeting", "Notice to improve" };

struct _ClMailMergeDialog
{
  AdwWindow            parent_instance;

  /* template */
  GtkWidget           *box;
  GtkStack            *stack;
  GtkWidget           *preview_button;
  AdwComboRow         *template_row;
  GtkStringList       *template_titles;
  AdwComboRow         *choose_row;
  AdwComboRow         *school_row;
  GtkStringList       *school_names;
  AdwActionRow        *below_row;
  GtkSpinButton       *below_spin;
  AdwEntryRow         *add_pupil_row;
  AdwPreferencesGroup *pupils_group;
  AdwPreferencesGroup *chosen_group;
  AdwPreferencesGroup *details_group;
  AdwComboRow         *output_row;
  GtkLabel            *summary_label;
  GtkLabel            *warnings_label;
  AdwStatusPage       *progress_page;
  GtkProgressBar      *progress_bar;
  AdwStatusPage       *done_page;
  GtkWidget           *open_button;

  ClDatabase          *db;
  GListModel          *templates;     /* ClLetterTemplate */
  GListModel          *schools;       /* ClSchool */
  GListModel          *pupils;        /* ClPupil */
  GPtrArray           *chosen;        /* ClPupil */
  GPtrArray           *chosen_rows;   /* their rows in pupils_group */
  GPtrArray           *match_rows;    /* pupils found by the search, to add */
  GPtrArray           *detail_rows;   /* AdwEntryRow, data "placeholder" */
  GHashTable          *typed;         /* placeholder → what was typed */
  gboolean             filling;
  guint                summary_timeout;
  guint                n_letters;

  GCancellable        *cancellable;   /* of the merge running */
  gboolean             keeping;       /* the merge running keeps the letters as sent */
  char                *draft_dir;
  ClPreviewWindow     *preview;       /* of the drafts, while open */
  char                *written;       /* the combined file of a kept merge */
};

G_DEFINE_FINAL_TYPE (ClMailMergeDialog, cl_mail_merge_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SENT,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void update_summary    (ClMailMergeDialog *self);
static void schedule_summary  (ClMailMergeDialog *self);

/* --- the form --- */

static ClLetterTemplate *
selected_template (ClMailMergeDialog *self)
{
  guint position = adw_combo_row_get_selected (self->template_row);

  if (self->templates == NULL || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (self->templates, position);
}

static ClSchool *
selected_school (ClMailMergeDialog *self)
{
  guint position = adw_combo_row_get_selected (self->school_row);

  if (self->schools == NULL || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (self->schools, position);
}

static gboolean
is_typed_placeholder (const char *name)
{
  const ClPlaceholder *placeholder = cl_placeholder_lookup (name);

  if (placeholder == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (typed_groups); i++)
    if (g_strcmp0 (placeholder->group, typed_groups[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
detail_changed_cb (ClMailMergeDialog *self,
                   AdwEntryRow       *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "placeholder");

  g_hash_table_insert (self->typed, g_strdup (name),
                       g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  schedule_summary (self);
}

/* One row for each value the template needs that the database cannot
 * know, keeping what was typed for another template. */
static void
update_details (ClMailMergeDialog *self)
{
  g_autoptr(ClLetterTemplate) tmpl = selected_template (self);
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autofree char *expanded = NULL;

  for (guint i = 0; i < self->detail_rows->len; i++)
    adw_preferences_group_remove (self->details_group, g_ptr_array_index (self->detail_rows, i));
  g_ptr_array_set_size (self->detail_rows, 0);

  if (tmpl != NULL)
    {
      text = g_strconcat (cl_letter_template_get_title (tmpl) != NULL
                            ? cl_letter_template_get_title (tmpl) : "", "\n",
                          cl_letter_template_get_body (tmpl) != NULL
                            ? cl_letter_template_get_body (tmpl) : "", NULL);
      /* Every name used is "missing" from an empty table. */
      expanded = cl_template_expand (text, none, FALSE, used);
    }
  /* A Welsh date ({meeting.date.cy}) is filled from the English one the
   * officer types: one row for both. */
  for (guint i = 0; i < used->len; i++)
    {
      char *name = g_ptr_array_index (used, i);

      if (g_str_has_suffix (name, CL_PLACEHOLDER_WELSH_SUFFIX))
        name[strlen (name) - strlen (CL_PLACEHOLDER_WELSH_SUFFIX)] = '\0';
    }
  for (guint i = 0; i < used->len; i++)
    {
      const char *name = g_ptr_array_index (used, i);
      const ClPlaceholder *placeholder = cl_placeholder_lookup (name);
      const char *typed = g_hash_table_lookup (self->typed, name);
      g_autofree char *title = NULL;
      GtkWidget *row;
      gboolean seen = FALSE;

      for (guint k = 0; k < i && !seen; k++)
        seen = g_str_equal (name, g_ptr_array_index (used, k));
      if (seen || !is_typed_placeholder (name))
        continue;
      if (g_str_has_suffix (name, ".date") || g_str_equal (name, "improvement.end"))
        /* Translators: a date the officer types, "Date of the meeting (YYYY-MM-DD)". */
        title = g_strdup_printf (_("%s (YYYY-MM-DD)"), _(placeholder->description));
      else
        title = g_strdup (_(placeholder->description));
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      g_object_set_data_full (G_OBJECT (row), "placeholder", g_strdup (name), g_free);
      if (typed != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row), typed);
      g_signal_connect_object (row, "changed", G_CALLBACK (detail_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->details_group, row);
      g_ptr_array_add (self->detail_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), self->detail_rows->len > 0);
}

static ClMailMergeOptions *
build_options (ClMailMergeDialog *self)
{
  g_autoptr(ClMailMergeOptions) options = cl_mail_merge_options_new ();
  g_autoptr(ClLetterTemplate) tmpl = selected_template (self);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();

  if (tmpl == NULL)
    return NULL;
  options->template_name = g_strdup (cl_letter_template_get_name (tmpl));
  if (adw_combo_row_get_selected (self->choose_row) == CHOOSE_BELOW)
    {
      g_autoptr(ClSchool) school = selected_school (self);

      if (school == NULL)
        return NULL;
      options->school_urn = cl_school_get_urn (school);
      options->below_percent = gtk_spin_button_get_value (self->below_spin);
    }
  else
    {
      g_autoptr(GStrvBuilder) upns = g_strv_builder_new ();

      if (self->chosen->len == 0)
        return NULL;
      for (guint i = 0; i < self->chosen->len; i++)
        g_strv_builder_add (upns, cl_pupil_get_upn (g_ptr_array_index (self->chosen, i)));
      options->upns = g_strv_builder_end (upns);
    }
  for (guint i = 0; i < self->detail_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->detail_rows, i);
      g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
      g_autofree char *pair = NULL;

      if (*value == '\0')
        continue;
      pair = g_strdup_printf ("%s=%s", (const char *) g_object_get_data (row, "placeholder"), value);
      g_strv_builder_add (values, pair);
    }
  options->values = g_strv_builder_end (values);
  options->one_file = adw_combo_row_get_selected (self->output_row) == OUTPUT_ONE_FILE;
  return g_steal_pointer (&options);
}

/* Families: the different sets of parents written to (brothers and sisters
 * with the same parents are one family). */
static guint
count_families (GPtrArray *letters)
{
  g_autoptr(GHashTable) by_pupil = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                          (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < letters->len; i++)
    {
      ClMailMergeLetter *letter = g_ptr_array_index (letters, i);
      GArray *guardians = g_hash_table_lookup (by_pupil, &letter->pupil_id);

      if (guardians == NULL)
        {
          guardians = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (by_pupil, &letter->pupil_id, guardians);
        }
      g_array_append_val (guardians, letter->guardian_id);
    }
  g_hash_table_iter_init (&iter, by_pupil);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *guardians = value;
      GString *key = g_string_new (NULL);

      for (guint i = 0; i < guardians->len; i++)
        for (guint j = i + 1; j < guardians->len; j++)
          if (g_array_index (guardians, gint64, j) < g_array_index (guardians, gint64, i))
            {
              gint64 t = g_array_index (guardians, gint64, i);
              g_array_index (guardians, gint64, i) = g_array_index (guardians, gint64, j);
              g_array_index (guardians, gint64, j) = t;
            }
      for (guint i = 0; i < guardians->len; i++)
        g_string_append_printf (key, "%" G_GINT64_FORMAT ",", g_array_index (guardians, gint64, i));
      g_hash_table_add (families, g_string_free (key, FALSE));
    }
  return g_hash_table_size (families);
}

static char *
describe_warnings (GPtrArray *warnings)
{
  GString *text = g_string_new (NULL);
  guint shown = MIN (warnings->len, 3);

  for (guint i = 0; i < shown; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (warnings, i));
    }
  if (warnings->len > shown)
    {
      g_string_append_c (text, '\n');
      /* Translators: after the first three warnings. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more",
                                                 "… and %u more", warnings->len - shown),
                              warnings->len - shown);
    }
  return g_string_free (text, text->len == 0);
}

static void
update_summary (ClMailMergeDialog *self)
{
  g_autoptr(ClMailMergeOptions) options = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *warning_text = NULL;

  g_clear_handle_id (&self->summary_timeout, g_source_remove);
  self->n_letters = 0;
  options = build_options (self);
  if (options == NULL || self->db == NULL)
    summary = g_strdup (adw_combo_row_get_selected (self->choose_row) == CHOOSE_PUPILS
                          ? _("Add the pupils to write about.")
                          : _("Choose a template and a school."));
  else
    {
      letters = cl_mail_merge_select (self->db, options, warnings, &error);
      if (letters == NULL)
        summary = g_strdup (error->message);
      else if (letters->len == 0)
        summary = g_strdup (_("No letters: no pupil chosen has a parent or carer with "
                              "parental responsibility."));
      else
        {
          guint families = count_families (letters);
          g_autofree char *n_letters =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter", "%u letters",
                                          letters->len), letters->len);

          self->n_letters = letters->len;
          /* Translators: "12 letters to 11 families". */
          summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %u family",
                                                  "%s to %u families", families),
                                     n_letters, families);
        }
      warning_text = describe_warnings (warnings);
    }
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->warnings_label, warning_text != NULL ? warning_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), warning_text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.preview", self->n_letters > 0);
}

static gboolean
summary_timeout_cb (gpointer user_data)
{
  ClMailMergeDialog *self = user_data;

  self->summary_timeout = 0;
  update_summary (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_summary (ClMailMergeDialog *self)
{
  if (self->filling)
    return;
  g_clear_handle_id (&self->summary_timeout, g_source_remove);
  self->summary_timeout = g_timeout_add (SUMMARY_DELAY_MS, summary_timeout_cb, self);
}

static void
update_choice_rows (ClMailMergeDialog *self)
{
  gboolean below = adw_combo_row_get_selected (self->choose_row) == CHOOSE_BELOW;

  gtk_widget_set_visible (GTK_WIDGET (self->school_row), below);
  gtk_widget_set_visible (GTK_WIDGET (self->below_row), below);
  gtk_widget_set_visible (GTK_WIDGET (self->add_pupil_row), !below);
  gtk_widget_set_visible (GTK_WIDGET (self->chosen_group), !below && self->chosen->len > 0);
  for (guint i = 0; i < self->match_rows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->match_rows, i), !below);
}

static void
form_changed_cb (ClMailMergeDialog *self)
{
  update_choice_rows (self);
  schedule_summary (self);
}

static void
template_changed_cb (ClMailMergeDialog *self)
{
  if (self->filling)
    return;
  update_details (self);
  schedule_summary (self);
}

static void
remove_pupil_clicked_cb (ClMailMergeDialog *self,
                         GtkButton         *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  guint index;

  if (row == NULL || !g_ptr_array_find (self->chosen_rows, row, &index))
    return;
  adw_preferences_group_remove (self->chosen_group, row);
  g_ptr_array_remove_index (self->chosen_rows, index);
  g_ptr_array_remove_index (self->chosen, index);
  update_choice_rows (self);
  schedule_summary (self);
}

static void
add_chosen (ClMailMergeDialog *self,
            ClPupil           *pupil)
{
  GtkWidget *row, *remove;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->chosen->len; i++)
    if (cl_pupil_get_id (g_ptr_array_index (self->chosen, i)) == cl_pupil_get_id (pupil))
      return;
  name = g_strdup_printf ("%s %s", cl_pupil_get_forename (pupil), cl_pupil_get_surname (pupil));
  subtitle = g_strdup_printf ("%s · %s", cl_pupil_get_upn (pupil),
                              cl_pupil_get_school_name (pupil) != NULL
                                ? cl_pupil_get_school_name (pupil) : _("No school"));
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Leave Out"));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_pupil_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_preferences_group_add (self->chosen_group, row);
  g_ptr_array_add (self->chosen, g_object_ref (pupil));
  g_ptr_array_add (self->chosen_rows, row);
}

/* The pupils whose names (or UPN) hold every word typed, at
 * most MAX_MATCHES of them, as rows to add. */
#define MAX_MATCHES 6

static void
clear_matches (ClMailMergeDialog *self)
{
  for (guint i = 0; i < self->match_rows->len; i++)
    adw_preferences_group_remove (self->pupils_group, g_ptr_array_index (self->match_rows, i));
  g_ptr_array_set_size (self->match_rows, 0);
}

static void
match_activated_cb (ClMailMergeDialog *self,
                    AdwActionRow      *row)
{
  ClPupil *pupil = g_object_get_data (G_OBJECT (row), "pupil");

  add_chosen (self, pupil);
  /* Clearing the search takes the matches away. */
  gtk_editable_set_text (GTK_EDITABLE (self->add_pupil_row), "");
  update_choice_rows (self);
  schedule_summary (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_pupil_row));
}

static void
pupil_search_changed_cb (ClMailMergeDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_pupil_row));
  g_auto(GStrv) words = cl_text_search_words (text);
  g_autofree char *joined = g_strjoinv (" ", words);
  guint n = self->pupils != NULL ? g_list_model_get_n_items (self->pupils) : 0;

  clear_matches (self);
  if (strlen (joined) < 2)
    return;
  for (guint i = 0; i < n && self->match_rows->len < MAX_MATCHES; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (self->pupils, i);
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!cl_text_matches_words (cl_pupil_get_search_key (pupil),
                                  (const char * const *) words))
        continue;
      name = g_strdup_printf ("%s %s", cl_pupil_get_forename (pupil), cl_pupil_get_surname (pupil));
      subtitle = g_strdup_printf ("%s · %s", cl_pupil_get_upn (pupil),
                                  cl_pupil_get_school_name (pupil) != NULL
                                    ? cl_pupil_get_school_name (pupil) : _("No school"));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Add to the letters"));
      gtk_widget_add_css_class (row, "pupil-match");
      g_object_set_data_full (G_OBJECT (row), "pupil", g_object_ref (pupil), g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (match_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->pupils_group, row);
      g_ptr_array_add (self->match_rows, row);
    }
}

static void
pupil_search_activated_cb (ClMailMergeDialog *self)
{
  /* Enter takes the first pupil found. */
  if (self->match_rows->len > 0)
    match_activated_cb (self, g_ptr_array_index (self->match_rows, 0));
}

static gboolean
load (ClMailMergeDialog  *self,
      GError            **error)
{
  g_autoptr(ClTemplateRepository) templates = cl_template_repository_new (self->db);
  g_autoptr(ClSchoolRepository) schools = cl_school_repository_new (self->db);
  g_autoptr(ClPupilRepository) pupils = cl_pupil_repository_new (self->db);
  guint n;

  self->templates = cl_template_repository_list (templates, error);
  if (self->templates == NULL)
    return FALSE;
  self->schools = cl_school_repository_list (schools, error);
  if (self->schools == NULL)
    return FALSE;
  self->pupils = cl_pupil_repository_list (pupils, 0, error);
  if (self->pupils == NULL)
    return FALSE;
  self->filling = TRUE;
  n = g_list_model_get_n_items (self->templates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClLetterTemplate) tmpl = g_list_model_get_item (self->templates, i);

      gtk_string_list_append (self->template_titles, cl_letter_template_get_title (tmpl));
    }
  n = g_list_model_get_n_items (self->schools);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClSchool) school = g_list_model_get_item (self->schools, i);

      gtk_string_list_append (self->school_names, cl_school_get_name (school));
    }
  self->filling = FALSE;
  return TRUE;
}

ClMailMergeDialog *
cl_mail_merge_dialog_new (GtkWindow  *parent,
                          ClDatabase *db)
{
  ClMailMergeDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  self = g_object_new (CL_TYPE_MAIL_MERGE_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  if (!load (self, &error))
    g_warning ("Could not read templates, schools or pupils: %s", error->message);
  update_details (self);
  update_choice_rows (self);
  update_summary (self);
  return self;
}

void
cl_mail_merge_dialog_set_template (ClMailMergeDialog *self,
                                   const char        *name)
{
  guint n;

  g_return_if_fail (CL_IS_MAIL_MERGE_DIALOG (self));

  n = self->templates != NULL ? g_list_model_get_n_items (self->templates) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClLetterTemplate) tmpl = g_list_model_get_item (self->templates, i);

      if (g_strcmp0 (cl_letter_template_get_name (tmpl), name) == 0)
        {
          adw_combo_row_set_selected (self->template_row, i);
          return;
        }
    }
}

void
cl_mail_merge_dialog_add_pupil (ClMailMergeDialog *self,
                                gint64             pupil_id)
{
  guint n;

  g_return_if_fail (CL_IS_MAIL_MERGE_DIALOG (self));

  n = self->pupils != NULL ? g_list_model_get_n_items (self->pupils) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (self->pupils, i);

      if (cl_pupil_get_id (pupil) == pupil_id)
        {
          add_chosen (self, pupil);
          adw_combo_row_set_selected (self->choose_row, CHOOSE_PUPILS);
          update_choice_rows (self);
          update_summary (self);
          return;
        }
    }
}

void
cl_mail_merge_dialog_set_school (ClMailMergeDialog *self,
                                 gint64             school_id,
                                 double             below_percent)
{
  guint n;

  g_return_if_fail (CL_IS_MAIL_MERGE_DIALOG (self));

  n = self->schools != NULL ? g_list_model_get_n_items (self->schools) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClSchool) school = g_list_model_get_item (self->schools, i);

      if (cl_school_get_id (school) == school_id)
        {
          adw_combo_row_set_selected (self->school_row, i);
          break;
        }
    }
  gtk_spin_button_set_value (self->below_spin, below_percent);
  adw_combo_row_set_selected (self->choose_row, CHOOSE_BELOW);
  update_choice_rows (self);
  update_summary (self);
}

/* --- running the merge --- */

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_drafts (ClMailMergeDialog *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (self->draft_dir == NULL)
    return;
  dir = g_dir_open (self->draft_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->draft_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (self->draft_dir);
  g_clear_pointer (&self->draft_dir, g_free);
}

/* The progress callback holds the dialog weakly: it may be closed while
 * the letters are written. */
static void
weak_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
progress_cb (double      fraction,
             const char *text,
             gpointer    user_data)
{
  g_autoptr(ClMailMergeDialog) self = g_weak_ref_get (user_data);

  if (self == NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void run_merge (ClMailMergeDialog  *self,
                       ClMailMergeOptions *options,
                       gboolean            keeping);

static void
close_preview (ClMailMergeDialog *self)
{
  ClPreviewWindow *preview = g_steal_pointer (&self->preview);

  if (preview == NULL)
    return;
  g_signal_handlers_disconnect_by_data (preview, self);
  cl_preview_window_set_busy (preview, NULL);
  gtk_window_destroy (GTK_WINDOW (preview));
  g_object_unref (preview);
}

static void
keep_chosen_cb (gpointer        owner,
                GFile          *file,
                GtkFileChooser *chooser)
{
  ClMailMergeDialog *self = owner;
  g_autoptr(ClMailMergeOptions) options = build_options (self);
  g_autofree char *path = g_file_get_path (file);

  if (options == NULL || path == NULL)
    return;
  options->output = g_steal_pointer (&path);
  options->record = TRUE;
  if (self->preview != NULL)
    cl_preview_window_set_busy (self->preview, _("Keeping the letters as sent…"));
  run_merge (self, options, TRUE);
}

static void
preview_accepted_cb (ClMailMergeDialog *self)
{
  g_autoptr(ClLetterTemplate) tmpl = selected_template (self);
  gboolean one_file = adw_combo_row_get_selected (self->output_row) == OUTPUT_ONE_FILE;
  GtkFileChooserNative *chooser;

  if (tmpl == NULL || self->preview == NULL)
    return;
  if (one_file)
    {
      const char *patterns[] = { "*.pdf", NULL };
      GDate today;
      g_autofree char *iso = NULL;
      g_autofree char *name = NULL;

      cl_date_today (&today);
      iso = cl_date_to_iso (&today);
      name = g_strdup_printf ("%s-%s.pdf", cl_letter_template_get_name (tmpl), iso);
      chooser = cl_file_chooser_new (GTK_WINDOW (self->preview), GTK_FILE_CHOOSER_ACTION_SAVE,
                                     _("Keep Letters as Sent"), _("_Keep"));
      cl_file_chooser_add_filter (chooser, _("PDF documents"), patterns);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    chooser = cl_file_chooser_new (GTK_WINDOW (self->preview),
                                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                   _("Folder for the Letters"), _("_Keep"));
  cl_file_chooser_run (chooser, self, keep_chosen_cb);
  g_object_unref (chooser);
}

static void
preview_discarded_cb (ClMailMergeDialog *self)
{
  g_clear_object (&self->preview);
}

static void
show_drafts (ClMailMergeDialog *self,
             ClMailMergeResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gsize length = 0;
  const char *path = result->files->len > 0 ? g_ptr_array_index (result->files, 0) : NULL;

  if (path == NULL || !g_file_get_contents (path, &contents, &length, &error))
    {
      remove_drafts (self);
      show_error (GTK_WINDOW (self), _("Could Not Show the Letters"),
                  error != NULL ? error->message : _("No letters were written."));
      return;
    }
  remove_drafts (self);
  pdf = g_bytes_new_take (g_steal_pointer (&contents), length);

  /* Translators: the preview's title, "12 Letters (Drafts)". */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Letter (Draft)",
                                        "%u Letters (Drafts)", result->n_letters),
                           result->n_letters);
  close_preview (self);
  self->preview = g_object_ref_sink (cl_preview_window_new (GTK_WINDOW (self), title));
  cl_preview_window_set_accept_label (self->preview, _("_Keep as Sent…"));
  /* Drafts are not printed: a printed letter is a sent letter, and is kept. */
  cl_preview_window_set_can_print (self->preview, FALSE);
  if (!cl_preview_window_load (self->preview, pdf, NULL, &error))
    {
      close_preview (self);
      show_error (GTK_WINDOW (self), _("Could Not Show the Letters"), error->message);
      return;
    }
  g_signal_connect_object (self->preview, "accepted", G_CALLBACK (preview_accepted_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "discarded", G_CALLBACK (preview_discarded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->preview));
}

static void
show_kept (ClMailMergeDialog *self,
           ClMailMergeResult *result,
           const char        *output)
{
  g_autofree char *letters = NULL;
  g_autofree char *description = NULL;
  g_autofree char *warnings = describe_warnings (result->warnings);
  g_autofree char *where = g_filename_display_name (output);
  GtkRoot *root;

  close_preview (self);
  letters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter", "%u letters",
                                          result->n_letters), result->n_letters);
  /* Translators: "12 letters were written to /home/…/letters.pdf and kept as sent; 9 are
   * in the pupils’ case chronologies." */
  description = g_strdup_printf (_("%s were written to %s and kept as sent; %u are in the "
                                   "pupils’ case chronologies."),
                                 letters, where, result->n_linked);
  if (warnings != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s\n\n%s", description, warnings);
      g_free (description);
      description = g_steal_pointer (&both);
    }
  adw_status_page_set_description (self->done_page, description);
  g_free (self->written);
  self->written = result->files->len == 1 && adw_combo_row_get_selected (self->output_row)
                                               == OUTPUT_ONE_FILE
                    ? g_strdup (g_ptr_array_index (result->files, 0)) : NULL;
  gtk_widget_set_visible (self->open_button, self->written != NULL);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (self->preview_button, FALSE);

  root = gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL
           ? GTK_ROOT (gtk_window_get_transient_for (GTK_WINDOW (self))) : NULL;
  if (CL_IS_WINDOW (root))
    {
      g_autofree char *toast = g_strdup_printf (_("%s kept as sent"), letters);
      cl_window_add_toast (CL_WINDOW (root), adw_toast_new (toast));
    }
  g_signal_emit (self, signals[SIGNAL_SENT], 0);
}

typedef struct
{
  ClMailMergeDialog *self;
  char              *output;
} RunData;

static void
merge_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  RunData *data = user_data;
  g_autoptr(ClMailMergeDialog) self = data->self;
  g_autofree char *output = data->output;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClMailMergeResult) result = cl_mail_merge_run_finish (res, &error);
  gboolean keeping = self->keeping;

  g_free (data);
  g_clear_object (&self->cancellable);
  self->keeping = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_set_sensitive (self->preview_button, TRUE);
  if (self->preview != NULL)
    cl_preview_window_set_busy (self->preview, NULL);
  if (result == NULL)
    {
      remove_drafts (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && gtk_widget_get_visible (GTK_WIDGET (self)))
        show_error (self->preview != NULL ? GTK_WINDOW (self->preview) : GTK_WINDOW (self),
                    keeping ? _("The Letters Were Not Kept") : _("Could Not Write the Letters"),
                    error->message);
      return;
    }
  if (!gtk_widget_get_visible (GTK_WIDGET (self)) && !keeping)
    {
      remove_drafts (self);
      return;
    }
  if (keeping)
    show_kept (self, result, output);
  else
    show_drafts (self, result);
}

static void
run_merge (ClMailMergeDialog  *self,
           ClMailMergeOptions *options,
           gboolean            keeping)
{
  GWeakRef *weak = g_new0 (GWeakRef, 1);
  RunData *data = g_new0 (RunData, 1);

  g_weak_ref_init (weak, self);
  data->self = g_object_ref (self);
  data->output = g_strdup (options->output);
  self->keeping = keeping;
  self->cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->progress_page, keeping ? _("Keeping the Letters as Sent")
                                                          : _("Writing the Letters"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_sensitive (self->preview_button, FALSE);
  cl_mail_merge_run_async (self->db, options, progress_cb, weak, weak_free, self->cancellable,
                           merge_done_cb, data);
}

static void
preview_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClMailMergeDialog *self = CL_MAIL_MERGE_DIALOG (widget);
  g_autoptr(ClMailMergeOptions) options = NULL;
  g_autoptr(GError) error = NULL;

  if (self->cancellable != NULL)
    return;
  update_summary (self);
  options = build_options (self);
  if (options == NULL || self->n_letters == 0)
    return;
  remove_drafts (self);
  self->draft_dir = g_dir_make_tmp ("caseload-letters-XXXXXX", &error);
  if (self->draft_dir == NULL)
    {
      show_error (GTK_WINDOW (self), _("Could Not Write the Letters"), error->message);
      return;
    }
  /* Drafts in one file to look at; nothing is kept yet. */
  options->output = g_build_filename (self->draft_dir, "letters.pdf", NULL);
  options->one_file = TRUE;
  options->record = FALSE;
  run_merge (self, options, FALSE);
}

static void
cancel_run_clicked_cb (ClMailMergeDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
close_clicked_cb (ClMailMergeDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
open_clicked_cb (ClMailMergeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GBytes) pdf = NULL;
  ClPreviewWindow *preview;
  gsize length = 0;

  if (self->written == NULL)
    return;
  if (!g_file_get_contents (self->written, &contents, &length, &error))
    {
      show_error (GTK_WINDOW (self), _("Could Not Open the Letters"), error->message);
      return;
    }
  pdf = g_bytes_new_take (g_steal_pointer (&contents), length);
  basename = g_path_get_basename (self->written);
  preview = cl_preview_window_new (GTK_WINDOW (self), basename);
  cl_preview_window_set_file_name (preview, basename);
  cl_preview_window_set_kept (preview);
  if (!cl_preview_window_load (preview, pdf, NULL, &error))
    {
      gtk_window_destroy (GTK_WINDOW (preview));
      show_error (GTK_WINDOW (self), _("Could Not Open the Letters"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (preview));
}

/* --- GObject --- */

static gboolean
cl_mail_merge_dialog_close_request (GtkWindow *window)
{
  ClMailMergeDialog *self = CL_MAIL_MERGE_DIALOG (window);

  /* Letters being kept finish (or are rolled back) on their own; drafts
   * are simply dropped. */
  if (!self->keeping)
    g_cancellable_cancel (self->cancellable);
  close_preview (self);
  return GTK_WINDOW_CLASS (cl_mail_merge_dialog_parent_class)->close_request (window);
}

static void
cl_mail_merge_dialog_dispose (GObject *object)
{
  ClMailMergeDialog *self = CL_MAIL_MERGE_DIALOG (object);

  g_clear_handle_id (&self->summary_timeout, g_source_remove);
  close_preview (self);
  remove_drafts (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_MAIL_MERGE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->templates);
  g_clear_object (&self->schools);
  g_clear_object (&self->pupils);
  g_clear_object (&self->db);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->chosen_rows, g_ptr_array_unref);
  g_clear_pointer (&self->match_rows, g_ptr_array_unref);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_mail_merge_dialog_parent_class)->dispose (object);
}

static void
cl_mail_merge_dialog_finalize (GObject *object)
{
  ClMailMergeDialog *self = CL_MAIL_MERGE_DIALOG (object);

  g_hash_table_unref (self->typed);
  g_free (self->draft_dir);
  g_free (self->written);

  G_OBJECT_CLASS (cl_mail_merge_dialog_parent_class)->finalize (object);
}

static void
cl_mail_merge_dialog_class_init (ClMailMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cl_mail_merge_dialog_dispose;
  object_class->finalize = cl_mail_merge_dialog_finalize;
  window_class->close_request = cl_mail_merge_dialog_close_request;

  signals[SIGNAL_SENT] =
    g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "merge.preview", NULL, preview_activated_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-mail-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, box);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, preview_button);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, template_titles);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, choose_row);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, school_row);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, school_names);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, below_row);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, below_spin);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, add_pupil_row);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, pupils_group);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, chosen_group);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, output_row);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, ClMailMergeDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pupil_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pupil_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_run_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
}

static void
cl_mail_merge_dialog_init (ClMailMergeDialog *self)
{
  self->chosen = g_ptr_array_new_with_free_func (g_object_unref);
  self->chosen_rows = g_ptr_array_new ();
  self->match_rows = g_ptr_array_new ();
  self->detail_rows = g_ptr_array_new ();
  self->typed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
}
