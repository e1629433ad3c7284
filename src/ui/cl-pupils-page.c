/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-pupils-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "store/cl-dates.h"
#include "store/cl-text.h"
#include "ui/cl-format.h"
#include "ui/cl-pupil-editor.h"
#include "ui/cl-pupils-page.h"
#include "ui/cl-slot-list-model.h"
#include "ui/cl-table-cell.h"
#include "ui/cl-window-private.h"

struct _ClPupilsPage
{
  GtkWidget           parent_instance;

  /* template */
  GtkWidget          *box;
  GtkWidget          *save_button;
  AdwFlap            *flap;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkSortListModel   *sort_model;
  GtkCustomSorter    *flags_sorter;
  ClPupilEditor      *editor;

  ClDatabase         *db;
  ClPupilRepository  *repository;
  ClSchoolRepository *schools;
  GListStore         *store;       /* every pupil, as the repository listed them */
  char               *query;       /* folded words joined by one space; "" for none */
  char              **words;
  gboolean            folded;
  gboolean            selecting;   /* the selection is being set from code */
  guint               warm_id;
  guint               scroll_tick_id;
  guint               scroll_pending;
  guint               warm_position;
};

G_DEFINE_FINAL_TYPE (ClPupilsPage, cl_pupils_page, GTK_TYPE_WIDGET)

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

/* Flags as short badges, in the order officers read them. */
static const struct {
  ClPupilFlag  flag;
  const char  *badge;
} badges[] = {
  { CL_PUPIL_FSM, N_("FSM") },
  { CL_PUPIL_SEN_SUPPORT, N_("SEN") },
  { CL_PUPIL_EHCP, N_("EHCP") },
  { CL_PUPIL_LOOKED_AFTER, N_("LAC") },
  { CL_PUPIL_YOUNG_CARER, N_("YC") },
  { CL_PUPIL_EAL, N_("EAL") },
};

GtkWidget *
cl_pupils_page_new (void)
{
  return g_object_new (CL_TYPE_PUPILS_PAGE, NULL);
}

/* Cells: see cl-table-cell.h. */
static void
fill_name (GtkInscription *cell,
           gpointer        pupil)
{
  gtk_inscription_set_text (cell, cl_pupil_get_sort_name (pupil));
}

static void
fill_upn (GtkInscription *cell,
          gpointer        pupil)
{
  gtk_inscription_set_text (cell, cl_pupil_get_upn (pupil));
}

static void
fill_dob (GtkInscription *cell,
          gpointer        pupil)
{
  g_autofree char *text = cl_format_date (cl_pupil_get_dob (pupil));

  gtk_inscription_set_text (cell, text);
}

static void
fill_year (GtkInscription *cell,
           gpointer        pupil)
{
  g_autofree char *text = NULL;

  if (*cl_pupil_get_dob (pupil) != '\0')
    text = cl_nc_year_label (cl_pupil_get_nc_year (pupil));
  gtk_inscription_set_text (cell, text);
}

static void
fill_school (GtkInscription *cell,
             gpointer        pupil)
{
  gtk_inscription_set_text (cell, cl_pupil_get_school_name (pupil));
}

static void
fill_flags (GtkInscription *cell,
            gpointer        pupil)
{
  char text[64] = "";

  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    if (cl_pupil_get_flag (pupil, badges[i].flag))
      {
        if (text[0] != '\0')
          g_strlcat (text, "  ", sizeof text);
        g_strlcat (text, _(badges[i].badge), sizeof text);
      }
  gtk_inscription_set_text (cell, text);
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  cl_table_cell_setup (item, 10, 22, 0.0, NULL, fill_name);
}

static void
setup_upn_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  cl_table_cell_setup (item, 13, 13, 0.0, "monospace", fill_upn);
}

static void
setup_dob_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  cl_table_cell_setup (item, 10, 10, 0.0, "numeric", fill_dob);
}

static void
setup_year_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  cl_table_cell_setup (item, 9, 9, 0.0, NULL, fill_year);
}

static void
setup_school_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  cl_table_cell_setup (item, 10, 32, 0.0, NULL, fill_school);
}

static void
setup_flags_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  cl_table_cell_setup (item, 5, 14, 0.0, "badges", fill_flags);
}

static guint
flag_weight (ClPupil *pupil)
{
  guint weight = 0;

  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    weight = (weight << 1) | (cl_pupil_get_flag (pupil, badges[i].flag) ? 1 : 0);
  return weight;
}

static int
compare_flags (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  guint wa = flag_weight ((ClPupil *) a);
  guint wb = flag_weight ((ClPupil *) b);

  /* Pupils with more (and weightier) flags first in ascending order. */
  return wa > wb ? GTK_ORDERING_SMALLER : wa < wb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
match_pupil (gpointer item,
             gpointer user_data)
{
  ClPupilsPage *self = user_data;

  return cl_text_matches_words (cl_pupil_get_search_key (item),
                                (const char * const *) self->words);
}

static void
update_count (ClPupilsPage *self)
{
  guint total = self->store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->store)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *total_text = cl_format_count (total);
  g_autofree char *label = NULL;

  if (shown == total)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pupil", "%s pupils", total),
                             total_text);
  else
    {
      g_autofree char *shown_text = cl_format_count (shown);
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s pupil",
                                            "%s of %s pupils", total),
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
cl_pupils_page_search_now (ClPupilsPage *self,
                           const char   *text)
{
  g_autofree char *query = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  gboolean had_query;

  g_return_if_fail (CL_IS_PUPILS_PAGE (self));

  g_strfreev (self->words);
  self->words = cl_text_search_words (text);
  query = g_strjoinv (" ", self->words);
  if (g_strcmp0 (query, self->query) == 0)
    return;

  /* Typing on narrows what is shown and deleting widens it: the filter
   * model then only looks again at the rows that can change. */
  had_query = self->query != NULL && *self->query != '\0';
  if (had_query && *query != '\0')
    {
      if (g_str_has_prefix (query, self->query))
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (g_str_has_prefix (self->query, query))
        change = GTK_FILTER_CHANGE_LESS_STRICT;
    }
  g_free (self->query);
  self->query = g_steal_pointer (&query);

  if (*self->query == '\0')
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  else if (!had_query)
    gtk_custom_filter_set_filter_func (self->filter, match_pupil, self, NULL);
  else
    gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
search_changed_cb (ClPupilsPage *self)
{
  cl_pupils_page_search_now (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (ClPupilsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static gboolean
find_in_store (ClPupilsPage *self,
               gint64        id,
               guint        *position)
{
  GListModel *model = G_LIST_MODEL (self->store);
  guint n = self->store != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (model, i);

      if (cl_pupil_get_id (pupil) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void scroll_to (ClPupilsPage *self,
                       guint         position);

static gboolean
scroll_when_laid_out_cb (GtkWidget     *widget,
                         GdkFrameClock *clock,
                         gpointer       user_data)
{
  ClPupilsPage *self = user_data;

  if (gtk_widget_get_width (widget) == 0)
    return G_SOURCE_CONTINUE;
  self->scroll_tick_id = 0;
  if (self->scroll_pending < g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)))
    scroll_to (self, self->scroll_pending);
  return G_SOURCE_REMOVE;
}

static void
scroll_to (ClPupilsPage *self,
           guint         position)
{
  /* A list view that has never been laid out (the page not shown yet, as
   * when another page asks to show a pupil) is left blank by GTK 4.8 if
   * told to scroll: scroll once it has its size. */
  if (gtk_widget_get_width (GTK_WIDGET (self->column_view)) == 0)
    {
      self->scroll_pending = position;
      if (self->scroll_tick_id == 0)
        self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                             scroll_when_laid_out_cb, self,
                                                             NULL);
      return;
    }

  /* GtkColumnView gains scroll_to in GTK 4.12; in 4.8 its inner list view
   * has the "list.scroll-to-item" action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Selects the row showing the pupil with this id, if the search shows it,
 * and unselects otherwise. Rows are slots: the pupils are looked up in the
 * results themselves. */
static void
select_id (ClPupilsPage *self,
           gint64        id,
           gboolean      scroll)
{
  GListModel *results = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (results);
  guint position = GTK_INVALID_LIST_POSITION;
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (id != 0 && selected < n)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (results, selected);

      if (cl_pupil_get_id (pupil) == id)
        position = selected;
    }
  for (guint i = 0; i < n && id != 0 && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (results, i);

      if (cl_pupil_get_id (pupil) == id)
        position = i;
    }
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
  if (scroll && position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
}

static gint64
editing_id (ClPupilsPage *self)
{
  ClPupil *draft = cl_pupil_editor_get_draft (self->editor);

  return draft != NULL && !cl_pupil_editor_is_new (self->editor) ? cl_pupil_get_id (draft) : 0;
}

/* The results changed (search, sort, reload): the count, and the selection,
 * which must stay on the pupil being edited wherever that now is. */
static void
results_changed_cb (ClPupilsPage *self)
{
  update_count (self);
  select_id (self, editing_id (self), FALSE);
}

static void
update_actions (ClPupilsPage *self)
{
  gboolean editing = cl_pupil_editor_is_editing (self->editor);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pupils.save",
                                 editing && cl_pupil_editor_get_dirty (self->editor)
                                 && cl_pupil_editor_get_valid (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pupils.delete",
                                 cl_pupil_editor_get_source (self->editor) != NULL);
}

static void
show_error (ClPupilsPage *self,
            const char   *heading,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_toast (ClPupilsPage *self,
           AdwToast     *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
edit (ClPupilsPage *self,
      ClPupil      *pupil)
{
  cl_pupil_editor_edit (self->editor, pupil);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

typedef struct
{
  ClPupilRepository *repository;
  ClPupil           *draft;
  gboolean           is_new;
  gint64             school_id;
  gint64             old_school_id;
  char              *today;
} SaveJob;

static gboolean
save_in_transaction (ClDatabase *db,
                     gpointer    user_data,
                     GError    **error)
{
  SaveJob *job = user_data;

  if (job->is_new)
    return cl_pupil_repository_insert (job->repository, job->draft, job->school_id,
                                       job->today, error);
  if (!cl_pupil_repository_update (job->repository, job->draft, error))
    return FALSE;
  if (job->school_id != job->old_school_id)
    return cl_pupil_repository_enrol (job->repository, cl_pupil_get_id (job->draft),
                                      job->school_id, job->today, error);
  return TRUE;
}

gboolean
cl_pupils_page_save (ClPupilsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPupil) fresh = NULL;
  g_autofree char *today = cl_format_today_iso ();
  SaveJob job = { 0 };
  guint position;

  g_return_val_if_fail (CL_IS_PUPILS_PAGE (self), FALSE);

  if (!cl_pupil_editor_get_dirty (self->editor) || !cl_pupil_editor_get_valid (self->editor))
    return !cl_pupil_editor_get_dirty (self->editor);

  job.repository = self->repository;
  job.draft = cl_pupil_editor_get_draft (self->editor);
  job.is_new = cl_pupil_editor_is_new (self->editor);
  job.school_id = cl_pupil_editor_get_school_id (self->editor);
  job.old_school_id = cl_pupil_editor_get_original_school_id (self->editor);
  job.today = today;

  if (!cl_database_run_in_transaction (self->db, save_in_transaction, &job, &error))
    {
      if (job.is_new)
        cl_pupil_set_id (job.draft, 0);
      show_error (self, _("Could Not Save the Pupil"), error);
      return FALSE;
    }

  fresh = cl_pupil_repository_get (self->repository, cl_pupil_get_id (job.draft), &error);
  if (fresh == NULL)
    {
      show_error (self, _("Could Not Read the Pupil Back"), error);
      return FALSE;
    }
  if (find_in_store (self, cl_pupil_get_id (fresh), &position))
    g_list_store_splice (self->store, position, 1, (gpointer *) &fresh, 1);
  else
    g_list_store_append (self->store, fresh);
  update_count (self);

  cl_pupil_editor_edit (self->editor, fresh);
  select_id (self, cl_pupil_get_id (fresh), TRUE);
  add_toast (self, adw_toast_new (_("Saved")));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* What to do once the question about unsaved changes has been answered. */
typedef struct
{
  ClPupil  *next;      /* pupil to edit next */
  gboolean  add;       /* or start a new one */
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->next);
  g_free (pending);
}

static void
carry_out (ClPupilsPage *self,
           Pending      *pending)
{
  if (pending->add)
    {
      select_id (self, 0, FALSE);
      edit (self, NULL);
      cl_pupil_editor_focus (self->editor);
    }
  else if (pending->next != NULL)
    {
      edit (self, pending->next);
      select_id (self, cl_pupil_get_id (pending->next), TRUE);
    }
}

static void
unsaved_response_cb (ClPupilsPage     *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  Pending *pending = g_object_get_data (G_OBJECT (dialog), "cl-pending");

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!cl_pupils_page_save (self))
        return;
      carry_out (self, pending);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    carry_out (self, pending);
}

/* Asks before the editor is given something else; nothing the user typed
 * is thrown away without asking. */
static void
leave_editor (ClPupilsPage *self,
              ClPupil      *next,
              gboolean      add)
{
  Pending *pending = g_new0 (Pending, 1);
  GtkRoot *root;
  GtkWidget *dialog;
  ClPupil *draft;
  g_autofree char *name = NULL;

  pending->next = next != NULL ? g_object_ref (next) : NULL;
  pending->add = add;

  if (!cl_pupil_editor_get_dirty (self->editor))
    {
      carry_out (self, pending);
      pending_free (pending);
      return;
    }

  /* Keep the row of the pupil being edited selected while asking. */
  draft = cl_pupil_editor_get_draft (self->editor);
  select_id (self, cl_pupil_get_id (draft), FALSE);

  name = g_strjoin (" ", cl_pupil_get_forename (draft), cl_pupil_get_surname (draft), NULL);
  g_strstrip (name);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save Changes?"), NULL);
  if (*name != '\0')
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The changes to %s have not been saved."), name);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("The new pupil has not been saved."));
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
                                           cl_pupil_editor_get_valid (self->editor));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           cl_pupil_editor_get_valid (self->editor)
                                             ? "save" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cl-pending", pending, pending_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
selection_changed_cb (ClPupilsPage *self)
{
  ClSlot *slot = gtk_single_selection_get_selected_item (self->selection);
  ClPupil *pupil = slot != NULL ? cl_slot_get_item (slot) : NULL;
  ClPupil *draft = cl_pupil_editor_get_draft (self->editor);

  /* A search that hides the row leaves the editor as it is. */
  if (self->selecting || pupil == NULL)
    return;
  if (draft != NULL && cl_pupil_get_id (draft) == cl_pupil_get_id (pupil)
      && !cl_pupil_editor_is_new (self->editor))
    return;
  leave_editor (self, pupil, FALSE);
}

static void
editor_state_changed_cb (ClPupilsPage *self)
{
  update_actions (self);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  leave_editor (CL_PUPILS_PAGE (widget), NULL, TRUE);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cl_pupils_page_save (CL_PUPILS_PAGE (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClPupilsPage *self = CL_PUPILS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
undo_clicked_cb (ClPupilsPage *self,
                 AdwToast     *toast)
{
  ClPupil *pupil = g_object_get_data (G_OBJECT (toast), "cl-pupil");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "cl-position"));
  g_autoptr(ClPupil) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (!cl_pupil_repository_restore (self->repository, cl_pupil_get_id (pupil), &error)
      || (fresh = cl_pupil_repository_get (self->repository, cl_pupil_get_id (pupil),
                                           &error)) == NULL)
    {
      show_error (self, _("Could Not Restore the Pupil"), error);
      return;
    }
  g_list_store_insert (self->store,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->store))),
                       fresh);
  update_count (self);
  if (!cl_pupil_editor_get_dirty (self->editor))
    {
      edit (self, fresh);
      select_id (self, cl_pupil_get_id (fresh), TRUE);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClPupilsPage *self = CL_PUPILS_PAGE (widget);
  g_autoptr(ClPupil) pupil = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint position;

  if (cl_pupil_editor_get_source (self->editor) == NULL)
    return;
  pupil = g_object_ref (cl_pupil_editor_get_source (self->editor));

  if (!cl_pupil_repository_delete (self->repository, cl_pupil_get_id (pupil), &error))
    {
      show_error (self, _("Could Not Delete the Pupil"), error);
      return;
    }
  if (!find_in_store (self, cl_pupil_get_id (pupil), &position))
    position = 0;
  else
    g_list_store_remove (self->store, position);
  update_count (self);
  select_id (self, 0, FALSE);
  cl_pupil_editor_clear (self->editor);

  /* Translators: shown after deleting a pupil, e.g. "Amina Begum deleted". */
  title = g_strdup_printf (_("%s %s deleted"), cl_pupil_get_forename (pupil),
                           cl_pupil_get_surname (pupil));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "cl-pupil", g_object_ref (pupil), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "cl-position", GUINT_TO_POINTER (position));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  add_toast (self, toast);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Builds the pupils' search keys a slice at a time while nothing else is
 * happening, so that the first letter typed into the search does not have
 * to build 30,000 of them. */
static gboolean
warm_search_keys_cb (gpointer user_data)
{
  ClPupilsPage *self = user_data;
  GListModel *store = G_LIST_MODEL (self->store);
  guint n = g_list_model_get_n_items (store);
  guint end = MIN (self->warm_position + 2000, n);

  for (; self->warm_position < end; self->warm_position++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (store, self->warm_position);
      cl_pupil_get_search_key (pupil);
    }
  if (self->warm_position < n)
    return G_SOURCE_CONTINUE;
  self->warm_id = 0;
  return G_SOURCE_REMOVE;
}

void
cl_pupils_page_set_pupils (ClPupilsPage *self,
                           GListModel   *pupils)
{
  gint64 id;

  g_return_if_fail (CL_IS_PUPILS_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (pupils));

  g_clear_object (&self->store);
  if (G_IS_LIST_STORE (pupils))
    self->store = g_object_ref (G_LIST_STORE (pupils));
  else
    {
      guint n = g_list_model_get_n_items (pupils);
      g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (pupils, i));
      self->store = g_list_store_new (CL_TYPE_PUPIL);
      g_list_store_splice (self->store, 0, 0, items->pdata, items->len);
    }

  /* Keep the pupil being edited: the same record, now the new object. */
  id = editing_id (self);
  if (id != 0 && !cl_pupil_editor_get_dirty (self->editor))
    {
      guint position;

      if (find_in_store (self, id, &position))
        {
          g_autoptr(ClPupil) pupil = g_list_model_get_item (G_LIST_MODEL (self->store), position);
          cl_pupil_editor_edit (self->editor, pupil);
        }
      else
        cl_pupil_editor_clear (self->editor);
    }
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->store));

  g_clear_handle_id (&self->warm_id, g_source_remove);
  self->warm_position = 0;
  self->warm_id = g_idle_add_full (G_PRIORITY_LOW, warm_search_keys_cb, self, NULL);
}

gboolean
cl_pupils_page_reload (ClPupilsPage  *self,
                       GError       **error)
{
  g_autoptr(GListModel) pupils = NULL;
  g_autoptr(GListModel) schools = NULL;

  g_return_val_if_fail (CL_IS_PUPILS_PAGE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  schools = cl_school_repository_list (self->schools, error);
  if (schools == NULL)
    return FALSE;
  cl_pupil_editor_set_schools (self->editor, schools);

  pupils = cl_pupil_repository_list (self->repository, 0, error);
  if (pupils == NULL)
    return FALSE;
  cl_pupils_page_set_pupils (self, pupils);
  return TRUE;
}

void
cl_pupils_page_set_database (ClPupilsPage *self,
                             ClDatabase   *db)
{
  g_return_if_fail (CL_IS_PUPILS_PAGE (self));
  g_return_if_fail (CL_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;
  g_clear_object (&self->repository);
  g_clear_object (&self->schools);
  self->repository = cl_pupil_repository_new (db);
  self->schools = cl_school_repository_new (db);
  cl_pupil_editor_set_repository (self->editor, self->repository);
  cl_pupil_editor_set_database (self->editor, db);
}

gboolean
cl_pupils_page_show_pupil (ClPupilsPage *self,
                           gint64        pupil_id)
{
  g_autoptr(ClPupil) pupil = NULL;
  guint position;

  g_return_val_if_fail (CL_IS_PUPILS_PAGE (self), FALSE);

  if (!find_in_store (self, pupil_id, &position))
    return FALSE;
  pupil = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  /* A search that hides the pupil is cleared first. */
  if (*self->query != '\0' && !match_pupil (pupil, self))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      cl_pupils_page_search_now (self, "");
    }
  if (editing_id (self) == pupil_id)
    {
      adw_flap_set_reveal_flap (self->flap, TRUE);
      select_id (self, pupil_id, TRUE);
    }
  else
    leave_editor (self, pupil, FALSE);
  return TRUE;
}

guint
cl_pupils_page_get_n_pupils (ClPupilsPage *self)
{
  g_return_val_if_fail (CL_IS_PUPILS_PAGE (self), 0);
  return self->store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->store)) : 0;
}

gboolean
cl_pupils_page_get_has_unsaved_changes (ClPupilsPage *self)
{
  g_return_val_if_fail (CL_IS_PUPILS_PAGE (self), FALSE);
  return cl_pupil_editor_get_dirty (self->editor);
}

GtkColumnView *
cl_pupils_page_get_column_view (ClPupilsPage *self)
{
  return self->column_view;
}

GtkLabel *
cl_pupils_page_get_count_label (ClPupilsPage *self)
{
  return self->count_label;
}

GtkEditable *
cl_pupils_page_get_search_entry (ClPupilsPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkWidget *
cl_pupils_page_get_save_button (ClPupilsPage *self)
{
  return self->save_button;
}

ClPupilEditor *
cl_pupils_page_get_editor (ClPupilsPage *self)
{
  return self->editor;
}

static void
cl_pupils_page_dispose (GObject *object)
{
  ClPupilsPage *self = CL_PUPILS_PAGE (object);

  /* The filter calls back into self: let it go first. */
  g_clear_handle_id (&self->warm_id, g_source_remove);
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PUPILS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->repository);
  g_clear_object (&self->schools);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_pupils_page_parent_class)->dispose (object);
}

static void
cl_pupils_page_finalize (GObject *object)
{
  ClPupilsPage *self = CL_PUPILS_PAGE (object);

  g_free (self->query);
  g_strfreev (self->words);

  G_OBJECT_CLASS (cl_pupils_page_parent_class)->finalize (object);
}

static void
cl_pupils_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClPupilsPage *self = CL_PUPILS_PAGE (object);

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
cl_pupils_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ClPupilsPage *self = CL_PUPILS_PAGE (object);

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
cl_pupils_page_class_init (ClPupilsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_pupils_page_dispose;
  object_class->finalize = cl_pupils_page_finalize;
  object_class->get_property = cl_pupils_page_get_property;
  object_class->set_property = cl_pupils_page_set_property;

  /* Whether the window shows the sidebar and this page one at a time: the
   * page then shows a back button and the window buttons. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CL_TYPE_PUPIL);
  g_type_ensure (CL_TYPE_PUPIL_EDITOR);
  g_type_ensure (CL_TYPE_SLOT_LIST_MODEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-pupils-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, box);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, filter);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, flags_sorter);
  gtk_widget_class_bind_template_child (widget_class, ClPupilsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, results_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_upn_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_dob_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_year_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_school_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_flags_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_cell_cb",
                                                G_CALLBACK (cl_table_cell_bind));
  gtk_widget_class_bind_template_callback_full (widget_class, "unbind_cell_cb",
                                                G_CALLBACK (cl_table_cell_unbind));

  gtk_widget_class_install_action (widget_class, "pupils.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "pupils.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "pupils.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "pupils.search", NULL, search_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_pupils_page_init (ClPupilsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = g_strdup ("");
  self->words = g_new0 (char *, 1);
  gtk_custom_sorter_set_sort_func (self->flags_sorter, compare_flags, NULL, NULL);
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
