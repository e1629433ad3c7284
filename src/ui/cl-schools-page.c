/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-schools-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "people/cl-officer-repository.h"
#include "people/cl-people-error.h"
#include "people/cl-school-repository.h"
#include "store/cl-text.h"
#include "ui/cl-format.h"
#include "ui/cl-school-editor.h"
#include "ui/cl-schools-page.h"
#include "ui/cl-slot-list-model.h"
#include "ui/cl-table-cell.h"
#include "ui/cl-window-private.h"

struct _ClSchoolsPage
{
  GtkWidget            parent_instance;

  /* template */
  GtkWidget           *box;
  GtkWidget           *save_button;
  AdwFlap             *flap;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
  GtkSortListModel    *sort_model;
  ClSchoolEditor      *editor;

  ClDatabase          *db;
  ClSchoolRepository  *repository;
  ClOfficerRepository *officers;
  GListStore          *store;
  char               **words;
  gboolean             folded;
  gboolean             selecting;
};

G_DEFINE_FINAL_TYPE (ClSchoolsPage, cl_schools_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

GtkWidget *
cl_schools_page_new (void)
{
  return g_object_new (CL_TYPE_SCHOOLS_PAGE, NULL);
}

/* Cells: see cl-table-cell.h. */
static void
set_number (GtkInscription *cell,
            guint           value)
{
  char text[16] = "";

  if (value != 0)
    g_snprintf (text, sizeof text, "%u", value);
  gtk_inscription_set_text (cell, text);
}

static void
fill_name (GtkInscription *cell,
           gpointer        school)
{
  gtk_inscription_set_text (cell, cl_school_get_name (school));
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  cl_table_cell_setup (item, 14, 30, 0.0, NULL, fill_name);
}

static void
fill_urn (GtkInscription *cell,
          gpointer        school)
{
  set_number (cell, cl_school_get_urn (school));
}

static void
setup_urn_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  cl_table_cell_setup (item, 6, 6, 0.0, "numeric", fill_urn);
}

static void
fill_dfe (GtkInscription *cell,
          gpointer        school)
{
  g_autofree char *text = cl_school_dup_dfe_number (school);

  gtk_inscription_set_text (cell, text);
}

static void
setup_dfe_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  cl_table_cell_setup (item, 8, 8, 0.0, "numeric", fill_dfe);
}

static void
fill_type (GtkInscription *cell,
           gpointer        school)
{
  const char *type = cl_school_get_text (school, CL_SCHOOL_TYPE);

  gtk_inscription_set_text (cell, cl_school_type_label (type));
}

static void
setup_type_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  cl_table_cell_setup (item, 8, 13, 0.0, NULL, fill_type);
}

static void
fill_phase (GtkInscription *cell,
            gpointer        school)
{
  const char *phase = cl_school_get_text (school, CL_SCHOOL_PHASE);

  gtk_inscription_set_text (cell, cl_school_phase_label (phase));
}

static void
setup_phase_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  cl_table_cell_setup (item, 7, 10, 0.0, NULL, fill_phase);
}

static void
fill_roll (GtkInscription *cell,
           gpointer        school)
{
  set_number (cell, cl_school_get_number (school, CL_SCHOOL_NUMBER_ON_ROLL));
}

static void
setup_roll_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  cl_table_cell_setup (item, 4, 5, 1.0, "numeric", fill_roll);
}

static void
fill_pupils (GtkInscription *cell,
             gpointer        school)
{
  set_number (cell, cl_school_get_pupil_count (school));
}

static void
setup_pupils_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  cl_table_cell_setup (item, 4, 6, 1.0, "numeric", fill_pupils);
}

static void
fill_officer (GtkInscription *cell,
              gpointer        school)
{
  g_autofree char *name = NULL;

  g_object_get (school, "link-officer-name", &name, NULL);
  gtk_inscription_set_text (cell, name);
}

static void
setup_officer_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  cl_table_cell_setup (item, 8, 14, 0.0, NULL, fill_officer);
}

static gboolean
match_school (gpointer item,
              gpointer user_data)
{
  ClSchoolsPage *self = user_data;

  return cl_text_matches_words (cl_school_get_search_key (item),
                                (const char * const *) self->words);
}

static void
update_count (ClSchoolsPage *self)
{
  guint total = self->store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->store)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *total_text = cl_format_count (total);
  g_autofree char *label = NULL;

  if (shown == total)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s school", "%s schools", total),
                             total_text);
  else
    {
      g_autofree char *shown_text = cl_format_count (shown);
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s school",
                                            "%s of %s schools", total),
                               shown_text, total_text);
    }
  gtk_label_set_text (self->count_label, label);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

void
cl_schools_page_search_now (ClSchoolsPage *self,
                            const char    *text)
{
  g_return_if_fail (CL_IS_SCHOOLS_PAGE (self));

  /* A few hundred schools at most: every search looks at them all. */
  g_strfreev (self->words);
  self->words = cl_text_search_words (text);
  if (self->words[0] == NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, match_school, self, NULL);
}

static void
search_changed_cb (ClSchoolsPage *self)
{
  cl_schools_page_search_now (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (ClSchoolsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static gboolean
find_in_store (ClSchoolsPage *self,
               gint64         id,
               guint         *position)
{
  GListModel *model = G_LIST_MODEL (self->store);
  guint n = self->store != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClSchool) school = g_list_model_get_item (model, i);

      if (cl_school_get_id (school) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Selects the row showing the school with this id, if the search shows it,
 * and unselects otherwise (rows are slots: look in the results). */
static void
select_id (ClSchoolsPage *self,
           gint64         id)
{
  GListModel *results = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (results);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n && id != 0; i++)
    {
      g_autoptr(ClSchool) school = g_list_model_get_item (results, i);

      if (cl_school_get_id (school) == id)
        {
          position = i;
          break;
        }
    }
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

static void
results_changed_cb (ClSchoolsPage *self)
{
  ClSchool *draft = cl_school_editor_get_draft (self->editor);

  update_count (self);
  select_id (self, draft != NULL && !cl_school_editor_is_new (self->editor)
                     ? cl_school_get_id (draft) : 0);
}

static void
update_actions (ClSchoolsPage *self)
{
  gboolean editing = cl_school_editor_is_editing (self->editor);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schools.save",
                                 editing && cl_school_editor_get_dirty (self->editor)
                                 && cl_school_editor_get_valid (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schools.delete",
                                 cl_school_editor_get_source (self->editor) != NULL);
}

static void
show_message (ClSchoolsPage *self,
              const char    *heading,
              const char    *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_toast (ClSchoolsPage *self,
           AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
edit (ClSchoolsPage *self,
      ClSchool      *school)
{
  cl_school_editor_edit (self->editor, school);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

typedef struct
{
  ClSchoolRepository *repository;
  ClSchool           *draft;
  gboolean            is_new;
} SaveJob;

static gboolean
save_in_transaction (ClDatabase *db,
                     gpointer    user_data,
                     GError    **error)
{
  SaveJob *job = user_data;

  if (job->is_new)
    return cl_school_repository_insert (job->repository, job->draft, error);
  return cl_school_repository_update (job->repository, job->draft, error);
}

gboolean
cl_schools_page_save (ClSchoolsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSchool) fresh = NULL;
  SaveJob job = { 0 };
  guint position;

  g_return_val_if_fail (CL_IS_SCHOOLS_PAGE (self), FALSE);

  if (!cl_school_editor_get_dirty (self->editor) || !cl_school_editor_get_valid (self->editor))
    return !cl_school_editor_get_dirty (self->editor);

  job.repository = self->repository;
  job.draft = cl_school_editor_get_draft (self->editor);
  job.is_new = cl_school_editor_is_new (self->editor);
  if (!cl_database_run_in_transaction (self->db, save_in_transaction, &job, &error))
    {
      if (job.is_new)
        cl_school_set_id (job.draft, 0);
      show_message (self, _("Could Not Save the School"), error->message);
      return FALSE;
    }

  fresh = cl_school_repository_get (self->repository, cl_school_get_id (job.draft), &error);
  if (fresh == NULL)
    {
      show_message (self, _("Could Not Read the School Back"), error->message);
      return FALSE;
    }
  if (find_in_store (self, cl_school_get_id (fresh), &position))
    g_list_store_splice (self->store, position, 1, (gpointer *) &fresh, 1);
  else
    g_list_store_append (self->store, fresh);
  update_count (self);

  cl_school_editor_edit (self->editor, fresh);
  select_id (self, cl_school_get_id (fresh));
  add_toast (self, adw_toast_new (_("Saved")));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

typedef struct
{
  ClSchool *next;
  gboolean  add;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->next);
  g_free (pending);
}

static void
carry_out (ClSchoolsPage *self,
           Pending       *pending)
{
  if (pending->add)
    {
      select_id (self, 0);
      edit (self, NULL);
      cl_school_editor_focus (self->editor);
    }
  else if (pending->next != NULL)
    {
      edit (self, pending->next);
      select_id (self, cl_school_get_id (pending->next));
    }
}

static void
unsaved_response_cb (ClSchoolsPage    *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  Pending *pending = g_object_get_data (G_OBJECT (dialog), "cl-pending");

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!cl_schools_page_save (self))
        return;
      carry_out (self, pending);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    carry_out (self, pending);
}

static void
leave_editor (ClSchoolsPage *self,
              ClSchool      *next,
              gboolean       add)
{
  Pending *pending = g_new0 (Pending, 1);
  GtkRoot *root;
  GtkWidget *dialog;
  ClSchool *draft;
  gboolean valid;

  pending->next = next != NULL ? g_object_ref (next) : NULL;
  pending->add = add;

  if (!cl_school_editor_get_dirty (self->editor))
    {
      carry_out (self, pending);
      pending_free (pending);
      return;
    }

  draft = cl_school_editor_get_draft (self->editor);
  select_id (self, cl_school_get_id (draft));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save Changes?"), NULL);
  if (*cl_school_get_name (draft) != '\0')
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The changes to %s have not been saved."),
                                    cl_school_get_name (draft));
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("The new school has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  valid = cl_school_editor_get_valid (self->editor);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", valid);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           valid ? "save" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cl-pending", pending, pending_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
selection_changed_cb (ClSchoolsPage *self)
{
  ClSlot *slot = gtk_single_selection_get_selected_item (self->selection);
  ClSchool *school = slot != NULL ? cl_slot_get_item (slot) : NULL;
  ClSchool *draft = cl_school_editor_get_draft (self->editor);

  if (self->selecting || school == NULL)
    return;
  if (draft != NULL && cl_school_get_id (draft) == cl_school_get_id (school)
      && !cl_school_editor_is_new (self->editor))
    return;
  leave_editor (self, school, FALSE);
}

static void
editor_state_changed_cb (ClSchoolsPage *self)
{
  update_actions (self);
}

void
cl_schools_page_add (ClSchoolsPage *self)
{
  g_return_if_fail (CL_IS_SCHOOLS_PAGE (self));
  leave_editor (self, NULL, TRUE);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cl_schools_page_add (CL_SCHOOLS_PAGE (widget));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cl_schools_page_save (CL_SCHOOLS_PAGE (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CL_SCHOOLS_PAGE (widget)->search_entry));
}

static void
undo_clicked_cb (ClSchoolsPage *self,
                 AdwToast      *toast)
{
  ClSchool *school = g_object_get_data (G_OBJECT (toast), "cl-school");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "cl-position"));
  g_autoptr(ClSchool) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (!cl_school_repository_restore (self->repository, cl_school_get_id (school), &error)
      || (fresh = cl_school_repository_get (self->repository, cl_school_get_id (school),
                                            &error)) == NULL)
    {
      show_message (self, _("Could Not Restore the School"), error->message);
      return;
    }
  g_list_store_insert (self->store,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->store))),
                       fresh);
  update_count (self);
  if (!cl_school_editor_get_dirty (self->editor))
    {
      edit (self, fresh);
      select_id (self, cl_school_get_id (fresh));
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClSchoolsPage *self = CL_SCHOOLS_PAGE (widget);
  g_autoptr(ClSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint position;

  if (cl_school_editor_get_source (self->editor) == NULL)
    return;
  school = g_object_ref (cl_school_editor_get_source (self->editor));

  if (!cl_school_repository_delete (self->repository, cl_school_get_id (school), &error))
    {
      if (g_error_matches (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_IN_USE))
        show_message (self, _("The School Cannot Be Deleted"), error->message);
      else
        show_message (self, _("Could Not Delete the School"), error->message);
      return;
    }
  if (!find_in_store (self, cl_school_get_id (school), &position))
    position = 0;
  else
    g_list_store_remove (self->store, position);
  update_count (self);
  select_id (self, 0);
  cl_school_editor_clear (self->editor);

  /* Translators: shown after deleting a school. */
  title = g_strdup_printf (_("%s deleted"), cl_school_get_name (school));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "cl-school", g_object_ref (school), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "cl-position", GUINT_TO_POINTER (position));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  add_toast (self, toast);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
cl_schools_page_reload (ClSchoolsPage  *self,
                        GError        **error)
{
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GListModel) officers = NULL;
  ClSchool *draft;
  gint64 editing_id = 0;

  g_return_val_if_fail (CL_IS_SCHOOLS_PAGE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  officers = cl_officer_repository_list (self->officers, error);
  if (officers == NULL)
    return FALSE;
  cl_school_editor_set_officers (self->editor, officers);
  schools = cl_school_repository_list (self->repository, error);
  if (schools == NULL)
    return FALSE;

  g_clear_object (&self->store);
  self->store = g_object_ref (G_LIST_STORE (schools));
  gtk_sort_list_model_set_model (self->sort_model, schools);
  update_count (self);

  draft = cl_school_editor_get_draft (self->editor);
  if (draft != NULL && !cl_school_editor_is_new (self->editor))
    editing_id = cl_school_get_id (draft);
  if (editing_id != 0)
    {
      guint position;

      if (!find_in_store (self, editing_id, &position))
        {
          if (!cl_school_editor_get_dirty (self->editor))
            cl_school_editor_clear (self->editor);
        }
      else if (!cl_school_editor_get_dirty (self->editor))
        {
          g_autoptr(ClSchool) school = g_list_model_get_item (schools, position);
          cl_school_editor_edit (self->editor, school);
        }
      select_id (self, editing_id);
    }
  return TRUE;
}

void
cl_schools_page_set_database (ClSchoolsPage *self,
                              ClDatabase    *db)
{
  g_return_if_fail (CL_IS_SCHOOLS_PAGE (self));
  g_return_if_fail (CL_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;
  g_clear_object (&self->repository);
  g_clear_object (&self->officers);
  self->repository = cl_school_repository_new (db);
  self->officers = cl_officer_repository_new (db);
  cl_school_editor_set_database (self->editor, db);
}

guint
cl_schools_page_get_n_schools (ClSchoolsPage *self)
{
  g_return_val_if_fail (CL_IS_SCHOOLS_PAGE (self), 0);
  return self->store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->store)) : 0;
}

gboolean
cl_schools_page_get_has_unsaved_changes (ClSchoolsPage *self)
{
  g_return_val_if_fail (CL_IS_SCHOOLS_PAGE (self), FALSE);
  return cl_school_editor_get_dirty (self->editor);
}

GtkColumnView *
cl_schools_page_get_column_view (ClSchoolsPage *self)
{
  return self->column_view;
}

GtkLabel *
cl_schools_page_get_count_label (ClSchoolsPage *self)
{
  return self->count_label;
}

GtkEditable *
cl_schools_page_get_search_entry (ClSchoolsPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkWidget *
cl_schools_page_get_save_button (ClSchoolsPage *self)
{
  return self->save_button;
}

ClSchoolEditor *
cl_schools_page_get_editor (ClSchoolsPage *self)
{
  return self->editor;
}

static void
cl_schools_page_dispose (GObject *object)
{
  ClSchoolsPage *self = CL_SCHOOLS_PAGE (object);

  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SCHOOLS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->repository);
  g_clear_object (&self->officers);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_schools_page_parent_class)->dispose (object);
}

static void
cl_schools_page_finalize (GObject *object)
{
  ClSchoolsPage *self = CL_SCHOOLS_PAGE (object);

  g_strfreev (self->words);

  G_OBJECT_CLASS (cl_schools_page_parent_class)->finalize (object);
}

static void
cl_schools_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClSchoolsPage *self = CL_SCHOOLS_PAGE (object);

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
cl_schools_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ClSchoolsPage *self = CL_SCHOOLS_PAGE (object);

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
cl_schools_page_class_init (ClSchoolsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_schools_page_dispose;
  object_class->finalize = cl_schools_page_finalize;
  object_class->get_property = cl_schools_page_get_property;
  object_class->set_property = cl_schools_page_set_property;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CL_TYPE_SCHOOL);
  g_type_ensure (CL_TYPE_SCHOOL_EDITOR);
  g_type_ensure (CL_TYPE_SLOT_LIST_MODEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-schools-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, box);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, filter);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, ClSchoolsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, results_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_urn_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_dfe_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_type_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_phase_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_roll_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_pupils_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_officer_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_cell_cb",
                                                G_CALLBACK (cl_table_cell_bind));
  gtk_widget_class_bind_template_callback_full (widget_class, "unbind_cell_cb",
                                                G_CALLBACK (cl_table_cell_unbind));

  gtk_widget_class_install_action (widget_class, "schools.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "schools.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "schools.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "schools.search", NULL, search_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_schools_page_init (ClSchoolsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->words = g_new0 (char *, 1);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  g_signal_connect_object (self->editor, "notify::dirty", G_CALLBACK (editor_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::valid", G_CALLBACK (editor_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::editing",
                           G_CALLBACK (editor_state_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
  update_count (self);
}
