/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-case-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-register-repository.h"
#include "casework/cl-case-repository.h"
#include "casework/cl-caseload.h"
#include "casework/cl-casework-vocab.h"
#include "people/cl-officer-repository.h"
#include "people/cl-pupil-repository.h"
#include "store/cl-dates.h"
#include "ui/cl-case-page.h"
#include "ui/cl-case-timeline-item.h"
#include "ui/cl-case-timeline-row.h"
#include "ui/cl-case-weeks.h"
#include "ui/cl-caseload-page-private.h"
#include "ui/cl-event-dialog.h"
#include "ui/cl-format.h"
#include "ui/cl-trend-sparkline.h"

struct _ClCasePage
{
  GtkWidget          parent_instance;

  /* template */
  GtkWidget         *box;
  AdwWindowTitle    *window_title;
  GtkWidget         *add_event_button;
  GtkWidget         *closed_bar;
  GtkLabel          *closed_label;
  GtkGrid           *facts_grid;
  GtkLabel          *children_label;
  GtkLabel          *family_label;
  GtkLabel          *school_label;
  GtkLabel          *officer_label;
  GtkLabel          *status_label;
  GtkLabel          *stage_label;
  GtkLabel          *referral_label;
  GtkLabel          *attendance_label;
  ClTrendSparkline  *trend;
  GtkScrolledWindow *timeline_scroller;
  GtkListView       *timeline_view;
  GListStore        *timeline;
  GtkWidget         *legend;

  ClDatabase        *db;
  ClCaseRepository  *repository;
  ClPupilRepository *pupils;
  ClCodeTable       *codes;
  ClCase            *kase;
  GHashTable        *officer_names;   /* "officer:<id>" → name */
  GListModel        *officers;        /* ClOfficer, for Reassign */
  char              *today;
  gboolean           folded;
  GPtrArray         *row_items;       /* GtkListItem of the timeline, for tests */
  GPtrArray         *pending;         /* timeline items not in the list yet */
  guint              pending_next;
  int                closed_shown;    /* -1: not yet; else whether the actions say closed */
  ClEventDialog     *event_dialog;    /* weak */
};

G_DEFINE_FINAL_TYPE (ClCasePage, cl_case_page, GTK_TYPE_WIDGET)

/* The timeline is put in the list a part at a time, more as the user
 * scrolls towards its end: GTK 4.8's list view makes a row widget for up
 * to 200 items at once, and a long chronology must open within 100 ms
 * (issue 4). The first part fills a window; the next comes when the user
 * scrolls within half a screen of the end. */
#define FIRST_PART 16
#define NEXT_PART  24

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  BACK,
  CHANGED,
  SHOW_FAMILY,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

GtkWidget *
cl_case_page_new (void)
{
  return g_object_new (CL_TYPE_CASE_PAGE, NULL);
}

static GtkWindow *
parent_window (ClCasePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (ClCasePage   *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_toast (ClCasePage *self,
           const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = adw_toast_new (title);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
cl_case_page_set_database (ClCasePage *self,
                           ClDatabase *db)
{
  g_return_if_fail (CL_IS_CASE_PAGE (self));
  g_return_if_fail (CL_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;
  g_clear_object (&self->repository);
  g_clear_object (&self->pupils);
  g_clear_object (&self->codes);
  g_clear_object (&self->kase);
  self->repository = cl_case_repository_new (db);
  self->pupils = cl_pupil_repository_new (db);
}

gint64
cl_case_page_get_case_id (ClCasePage *self)
{
  g_return_val_if_fail (CL_IS_CASE_PAGE (self), 0);
  return self->kase != NULL ? cl_case_get_id (self->kase) : 0;
}

/* "officer:3" → "Kirsty Green"; any other actor (a user name, "cli") as it is. */
static const char *
actor_name (ClCasePage *self,
            const char *actor)
{
  const char *name = self->officer_names != NULL && actor != NULL
                       ? g_hash_table_lookup (self->officer_names, actor) : NULL;

  return name != NULL ? name : actor;
}

static gboolean
load_officers (ClCasePage  *self,
               GError     **error)
{
  g_autoptr(ClOfficerRepository) repository = cl_officer_repository_new (self->db);
  g_autoptr(GListModel) officers = cl_officer_repository_list (repository, error);
  guint n;

  if (officers == NULL)
    return FALSE;
  g_set_object (&self->officers, officers);
  g_clear_pointer (&self->officer_names, g_hash_table_unref);
  self->officer_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  n = g_list_model_get_n_items (officers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClOfficer) officer = g_list_model_get_item (officers, i);

      g_hash_table_insert (self->officer_names,
                           g_strdup_printf ("officer:%" G_GINT64_FORMAT, cl_officer_get_id (officer)),
                           g_strdup (cl_officer_get_name (officer)));
    }
  return TRUE;
}

/* --- the header ----------------------------------------------------------------- */

static char *
describe_guardians (ClCasePage *self,
                    GListModel *children)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (children);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (children, i);
      g_autoptr(GListModel) guardians = cl_pupil_repository_guardians (self->pupils,
                                                                      cl_pupil_get_id (pupil),
                                                                      NULL);
      guint m = guardians != NULL ? g_list_model_get_n_items (guardians) : 0;

      for (guint k = 0; k < m; k++)
        {
          g_autoptr(ClGuardian) guardian = g_list_model_get_item (guardians, k);
          gint64 id = cl_guardian_get_id (guardian);
          g_autofree char *name = cl_guardian_dup_display_name (guardian);
          const char *relationship = cl_guardian_get_text (guardian, CL_GUARDIAN_RELATIONSHIP);

          if (g_hash_table_contains (seen, &id))
            continue;
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          if (text->len > 0)
            g_string_append (text, "\n");
          g_string_append (text, name);
          if (cl_guardian_get_parental_responsibility (guardian))
            /* Translators: after a guardian's name, "Mrs Amina Begum (mother, parental
             * responsibility)". */
            g_string_append_printf (text, _(" (%s, parental responsibility)"),
                                    *relationship != '\0' ? relationship : _("guardian"));
          else if (*relationship != '\0')
            g_string_append_printf (text, " (%s)", relationship);
        }
    }
  if (text->len == 0)
    g_string_append (text, _("No parents or carers recorded"));
  return g_string_free (text, FALSE);
}

static char *
describe_children (GListModel *children)
{
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (children);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (children, i);
      g_autofree char *dob = cl_format_date (cl_pupil_get_dob (pupil));
      g_autofree char *year = NULL;

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, "%s %s", cl_pupil_get_forename (pupil),
                              cl_pupil_get_surname (pupil));
      if (*cl_pupil_get_dob (pupil) != '\0')
        {
          year = cl_nc_year_label (cl_pupil_get_nc_year (pupil));
          /* Translators: after a child's name, "(born 07/03/2014, Year 6)". */
          g_string_append_printf (text, _(" (born %s, %s)"), dob, year);
        }
    }
  return g_string_free (text, FALSE);
}

static void
show_header (ClCasePage *self,
             GListModel *children)
{
  ClCase *kase = self->kase;
  g_autofree char *family = describe_guardians (self, children);
  g_autofree char *names = describe_children (children);
  g_autofree char *referred = cl_format_date (cl_case_get_referral_date (kase));
  g_autoptr(GString) referral = g_string_new (NULL);
  g_autoptr(ClCaseloadRow) figures = NULL;
  const char * const *reasons = cl_case_get_reasons (kase);
  const char *officer = cl_case_get_officer_name (kase);
  gboolean closed = cl_case_is_closed (kase);

  adw_window_title_set_title (self->window_title, cl_case_get_title (kase));
  adw_window_title_set_subtitle (self->window_title, cl_case_get_school_name (kase));
  gtk_label_set_text (self->children_label, names);
  gtk_label_set_text (self->family_label, family);
  gtk_label_set_text (self->school_label, *cl_case_get_school_name (kase) != '\0'
                                            ? cl_case_get_school_name (kase) : _("Not on roll"));
  gtk_label_set_text (self->officer_label, officer != NULL && *officer != '\0'
                                             ? officer : _("Not allocated"));
  gtk_label_set_text (self->status_label,
                      cl_casework_vocab_label (CL_VOCAB_STATUS, cl_case_get_status (kase)));
  gtk_label_set_text (self->stage_label,
                      cl_casework_vocab_label (CL_VOCAB_STAGE, cl_case_get_stage (kase)));

  /* Translators: "01/09/2025 by School", who referred the child and when. */
  g_string_printf (referral, _("%s by %s"), referred,
                   cl_casework_vocab_label (CL_VOCAB_SOURCE, cl_case_get_source (kase)));
  for (guint i = 0; reasons[i] != NULL; i++)
    g_string_append_printf (referral, i == 0 ? " — %s" : ", %s",
                            cl_casework_vocab_label (CL_VOCAB_REASON, reasons[i]));
  gtk_label_set_text (self->referral_label, referral->str);

  figures = cl_caseload_row_load (self->db, cl_case_get_id (kase), NULL);
  if (figures != NULL && cl_caseload_row_get_attendance_percent (figures) >= 0)
    {
      g_autofree char *percent = cl_format_percent (cl_caseload_row_get_attendance_percent (figures));
      gtk_label_set_text (self->attendance_label, percent);
    }
  else
    gtk_label_set_text (self->attendance_label, _("No school in the last 4 weeks"));
  if (figures != NULL)
    cl_trend_sparkline_set_values (self->trend, cl_caseload_row_get_trend (figures),
                                   CL_CASELOAD_TREND_WEEKS);
  gtk_widget_set_visible (GTK_WIDGET (self->trend), figures != NULL);

  gtk_widget_set_visible (self->closed_bar, closed);
  if (closed)
    {
      g_autofree char *on = cl_format_date (cl_case_get_closed_date (kase));
      g_autofree char *text = NULL;
      const char *outcome = cl_case_get_outcome (kase);

      /* Translators: "Closed on 01/10/2025: Attendance improved. Reopen the case to add
       * events or change it." */
      text = g_strdup_printf (_("Closed on %s: %s%s%s. Reopen the case to add events or "
                                "change it."),
                              on,
                              cl_casework_vocab_label (CL_VOCAB_CLOSURE_REASON,
                                                       cl_case_get_closure_reason (kase)),
                              outcome != NULL && *outcome != '\0' ? " — " : "",
                              outcome != NULL ? outcome : "");
      gtk_label_set_text (self->closed_label, text);
    }

  /* Every row's buttons watch these actions: change them only when the
   * case was opened or closed. */
  if (self->closed_shown == (int) closed)
    return;
  self->closed_shown = closed;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.add-event", !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.correct-event", !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.complete-action", !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.change-stage", !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.reassign", !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.close", !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.reopen", closed);
}

/* --- the timeline ---------------------------------------------------------------- */

static void
append_field (GString    *text,
              const char *heading,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append_printf (text, _("%s: %s"), heading, value);
}

/* For a corrected event: who corrected it last and when, and (shown on
 * demand) what it said as first recorded and each correction's reason. */
static void
describe_corrections (ClCasePage   *self,
                      ClCaseEvent  *event,
                      char        **out_correction,
                      char        **out_original)
{
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(ClCaseEventRevision) first = NULL;
  g_autoptr(ClCaseEventRevision) last = NULL;
  g_autoptr(GString) original = g_string_new (NULL);
  g_autofree char *on = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  ClCaseEvent *old;
  guint n;

  *out_correction = NULL;
  *out_original = NULL;
  if (cl_case_event_get_revision (event) == 0)
    return;
  revisions = cl_case_repository_event_revisions (self->repository, cl_case_event_get_id (event),
                                                  NULL);
  n = revisions != NULL ? g_list_model_get_n_items (revisions) : 0;
  if (n == 0)
    return;
  first = g_list_model_get_item (revisions, 0);
  last = g_list_model_get_item (revisions, n - 1);
  day = g_strndup (cl_case_event_revision_get_changed_at (last), 10);
  on = cl_format_date (day);
  if (n == 1)
    /* Translators: under a corrected event, "Corrected by Kirsty Green on 02/10/2025". */
    *out_correction = g_strdup_printf (_("Corrected by %s on %s"),
                                       actor_name (self, cl_case_event_revision_get_changed_by (last)),
                                       on);
  else
    *out_correction = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Corrected %u time, last by %s on %s",
                                                    "Corrected %u times, last by %s on %s", n),
                                       n,
                                       actor_name (self, cl_case_event_revision_get_changed_by (last)),
                                       on);

  old = cl_case_event_revision_get_old (first);
  title = cl_case_event_dup_title (old);
  {
    g_autofree char *date = cl_format_date (cl_case_event_get_date (old));
    /* Translators: heading of an event's original text, "As first recorded: Home visit,
     * 01/10/2025". */
    g_string_printf (original, _("As first recorded: %s, %s"), title, date);
  }
  append_field (original, _("Summary"), cl_case_event_get_summary (old));
  append_field (original, _("Took part"), cl_case_event_get_text (old, CL_CASE_EVENT_PARTICIPANTS));
  append_field (original, _("Outcome"), cl_case_event_get_text (old, CL_CASE_EVENT_OUTCOME));
  append_field (original, _("Child’s views"), cl_case_event_get_text (old, CL_CASE_EVENT_CHILD_VIEWS));
  append_field (original, _("Parents’ views"),
                cl_case_event_get_text (old, CL_CASE_EVENT_PARENT_VIEWS));
  append_field (original, _("Barriers to attendance"),
                cl_case_event_get_text (old, CL_CASE_EVENT_BARRIERS));
  append_field (original, _("Strengths"), cl_case_event_get_text (old, CL_CASE_EVENT_STRENGTHS));
  append_field (original, _("Next action"), cl_case_event_get_next_action (old));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClCaseEventRevision) revision = g_list_model_get_item (revisions, i);
      g_autofree char *when_day = g_strndup (cl_case_event_revision_get_changed_at (revision), 10);
      g_autofree char *when = cl_format_date (when_day);

      g_string_append_c (original, '\n');
      /* Translators: "Correction 1 by Kirsty Green on 02/10/2025: wrong date". */
      g_string_append_printf (original, _("Correction %u by %s on %s: %s"),
                              cl_case_event_revision_get_revision (revision),
                              actor_name (self, cl_case_event_revision_get_changed_by (revision)),
                              when, cl_case_event_revision_get_reason (revision));
    }
  *out_original = g_strdup (original->str);
}

static gboolean
build_timeline (ClCasePage  *self,
                GListModel  *children,
                GError     **error)
{
  g_autoptr(GListModel) events = NULL;
  g_autoptr(ClCaseWeeks) weeks = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) by_week = NULL;
  const char *from = cl_case_get_referral_date (self->kase);
  guint n_events, n_children, n_weeks;

  events = cl_case_repository_list_events (self->repository, cl_case_get_id (self->kase),
                                           CL_EVENT_ORDER_OLDEST_FIRST, error);
  if (events == NULL)
    return FALSE;
  n_events = g_list_model_get_n_items (events);
  if (n_events > 0)
    {
      g_autoptr(ClCaseEvent) first = g_list_model_get_item (events, 0);

      if (strcmp (cl_case_event_get_date (first), from) < 0)
        from = cl_case_event_get_date (first);
      weeks = cl_case_weeks_new (from, self->today, self->today);
    }
  else
    weeks = cl_case_weeks_new (from, self->today, self->today);
  if (weeks == NULL)
    weeks = cl_case_weeks_new (self->today, self->today, self->today);

  if (self->codes == NULL && (self->codes = cl_code_table_load (self->db, error)) == NULL)
    return FALSE;
  n_children = g_list_model_get_n_items (children);
  for (guint i = 0; i < n_children; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (children, i);
      g_autoptr(GPtrArray) registers = cl_register_load_for_pupil (self->db,
                                                                   cl_pupil_get_id (pupil),
                                                                   error);
      g_autofree char *name = NULL;

      if (registers == NULL)
        return FALSE;
      name = g_strdup_printf ("%s %s", cl_pupil_get_forename (pupil), cl_pupil_get_surname (pupil));
      cl_case_weeks_add_row (weeks, name, registers, self->codes);
    }

  /* Events by week, then the weeks newest first, each followed by its
   * events newest first. */
  n_weeks = cl_case_weeks_get_n_weeks (weeks);
  by_week = g_ptr_array_new_full (n_weeks, (GDestroyNotify) g_ptr_array_unref);
  for (guint w = 0; w < n_weeks; w++)
    g_ptr_array_add (by_week, g_ptr_array_new_with_free_func (g_object_unref));
  for (guint i = 0; i < n_events; i++)
    {
      ClCaseEvent *event = g_list_model_get_item (events, i);
      int w = cl_case_weeks_week_of (weeks, cl_case_event_get_date (event));

      g_ptr_array_add (by_week->pdata[w >= 0 ? (guint) w : n_weeks - 1], event);
    }
  for (guint w = n_weeks; w-- > 0;)
    {
      GPtrArray *week_events = by_week->pdata[w];

      g_ptr_array_add (items, cl_case_timeline_item_new_week (weeks, w));
      for (guint i = week_events->len; i-- > 0;)
        {
          ClCaseEvent *event = week_events->pdata[i];
          g_autofree char *correction = NULL;
          g_autofree char *original = NULL;

          describe_corrections (self, event, &correction, &original);
          g_ptr_array_add (items,
                           cl_case_timeline_item_new_event (event,
                                                            cl_case_event_get_officer_name (event),
                                                            correction, original));
        }
    }

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending_next = MIN (items->len, FIRST_PART);
  g_list_store_splice (self->timeline, 0, g_list_model_get_n_items (G_LIST_MODEL (self->timeline)),
                       items->pdata, self->pending_next);
  if (self->pending_next < items->len)
    self->pending = g_steal_pointer (&items);
  return TRUE;
}

/* Near the end of what the list holds: put in the next part. */
static void
timeline_scrolled_cb (ClCasePage    *self,
                      GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);
  guint end;

  if (self->pending == NULL || upper - (value + page) > page / 2)
    return;
  end = MIN (self->pending->len, self->pending_next + NEXT_PART);
  g_list_store_splice (self->timeline, g_list_model_get_n_items (G_LIST_MODEL (self->timeline)),
                       0, self->pending->pdata + self->pending_next, end - self->pending_next);
  self->pending_next = end;
  if (end == self->pending->len)
    g_clear_pointer (&self->pending, g_ptr_array_unref);
}

gboolean
cl_case_page_load (ClCasePage  *self,
                   gint64       case_id,
                   GError     **error)
{
  g_autoptr(ClCase) kase = NULL;
  g_autoptr(GListModel) children = NULL;
  gboolean other_case;

  g_return_val_if_fail (CL_IS_CASE_PAGE (self), FALSE);
  g_return_val_if_fail (self->repository != NULL, FALSE);

  kase = cl_case_repository_get (self->repository, case_id, error);
  if (kase == NULL)
    return FALSE;
  children = cl_case_repository_pupils (self->repository, case_id, error);
  if (children == NULL)
    return FALSE;
  if (!load_officers (self, error))
    return FALSE;

  other_case = self->kase == NULL || cl_case_get_id (self->kase) != case_id;
  g_set_object (&self->kase, kase);
  g_free (self->today);
  self->today = cl_format_today_iso ();
  show_header (self, children);
  if (!build_timeline (self, children, error))
    return FALSE;
  if (other_case && g_list_model_get_n_items (G_LIST_MODEL (self->timeline)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), "list.scroll-to-item", "u", 0);
  return TRUE;
}

gboolean
cl_case_page_refresh (ClCasePage  *self,
                      GError     **error)
{
  g_return_val_if_fail (CL_IS_CASE_PAGE (self), FALSE);
  g_return_val_if_fail (self->kase != NULL, FALSE);

  return cl_case_page_load (self, cl_case_get_id (self->kase), error);
}

/* After a change the page shows the case as it now is, and whoever lists
 * cases knows their list is stale. */
static void
changed (ClCasePage *self,
         const char *toast)
{
  g_autoptr(GError) error = NULL;

  if (!cl_case_page_refresh (self, &error))
    show_error (self, _("Could Not Read the Case"), error);
  g_signal_emit (self, signals[CHANGED], 0);
  if (toast != NULL)
    add_toast (self, toast);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ClCasePage               *self);

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ClCasePage               *self)
{
  cl_case_timeline_row_set_item (CL_CASE_TIMELINE_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item), self->today);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  cl_case_timeline_row_set_item (CL_CASE_TIMELINE_ROW (gtk_list_item_get_child (item)), NULL,
                                 NULL);
}

static void
row_item_forgotten_cb (gpointer  data,
                       GObject  *where_the_item_was)
{
  ClCasePage *self = data;

  g_ptr_array_remove_fast (self->row_items, where_the_item_was);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ClCasePage               *self)
{
  gtk_list_item_set_child (item, cl_case_timeline_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  g_ptr_array_add (self->row_items, item);
  g_object_weak_ref (G_OBJECT (item), row_item_forgotten_cb, self);
}

/* --- events ------------------------------------------------------------------------ */

static void
event_saved_cb (ClCasePage    *self,
                ClCaseEvent   *event,
                ClEventDialog *dialog)
{
  changed (self, cl_event_dialog_is_correction (dialog) ? _("Event corrected") : _("Event added"));
}

static void
track_dialog (ClCasePage    *self,
              ClEventDialog *dialog)
{
  if (self->event_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->event_dialog), (gpointer *) &self->event_dialog);
  self->event_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->event_dialog);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (event_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

ClEventDialog *
cl_case_page_add_event (ClCasePage *self)
{
  g_return_val_if_fail (CL_IS_CASE_PAGE (self), NULL);
  g_return_val_if_fail (self->kase != NULL, NULL);

  if (self->event_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->event_dialog));
      return self->event_dialog;
    }
  track_dialog (self, cl_event_dialog_new_add (parent_window (self), self->repository,
                                               cl_case_get_id (self->kase)));
  return self->event_dialog;
}

ClEventDialog *
cl_case_page_correct_event (ClCasePage *self,
                            gint64      event_id)
{
  g_autoptr(ClCaseEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CL_IS_CASE_PAGE (self), NULL);

  if (self->event_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->event_dialog));
      return self->event_dialog;
    }
  event = cl_case_repository_get_event (self->repository, event_id, &error);
  if (event == NULL)
    {
      show_error (self, _("Could Not Read the Event"), error);
      return NULL;
    }
  track_dialog (self, cl_event_dialog_new_correct (parent_window (self), self->repository, event));
  return self->event_dialog;
}

static void
add_event_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cl_case_page_add_event (CL_CASE_PAGE (widget));
}

static void
correct_event_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  cl_case_page_correct_event (CL_CASE_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
complete_action_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ClCasePage *self = CL_CASE_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!cl_case_repository_complete_action (self->repository, g_variant_get_int64 (parameter),
                                           &error))
    {
      show_error (self, _("Could Not Mark the Action Done"), error);
      return;
    }
  changed (self, _("Action marked done"));
}

/* --- changes to the case: small dialogs ------------------------------------------- */

GtkDropDown *
cl_case_page_dialog_get_dropdown (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "cl-dropdown");
}

GtkEditable *
cl_case_page_dialog_get_entry (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "cl-entry");
}

/* Nothing the user typed is lost: Cancel (or Escape) in a small dialog
 * whose text entry has something in it asks first, as the event form
 * does. The dialog only hides when it closes, so that Keep Editing can
 * show it again as it was; it is destroyed once its answer is final. */

AdwMessageDialog *
cl_case_page_dialog_get_discard_question (AdwMessageDialog *dialog)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && gtk_widget_get_visible (GTK_WIDGET (window))
          && g_object_get_data (G_OBJECT (window), "cl-discard-for") == dialog)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AdwMessageDialog *question)
{
  if (g_strcmp0 (response, "discard") == 0)
    gtk_window_destroy (GTK_WINDOW (dialog));
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
ask_before_discarding (ClCasePage       *self,
                       AdwMessageDialog *dialog)
{
  GtkWidget *question = GTK_WIDGET (cl_case_page_dialog_get_discard_question (dialog));

  /* Asked once, however many times "cancel" comes (Escape emits it too). */
  if (question != NULL)
    {
      gtk_window_present (GTK_WINDOW (question));
      return;
    }
  question = adw_message_dialog_new (parent_window (self), _("Discard What You Typed?"),
                                     _("The text you typed will be lost."));
  g_object_set_data (G_OBJECT (question), "cl-discard-for", dialog);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (question), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question),
                                    "discard", _("_Discard"),
                                    "keep", _("_Keep Editing"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "keep");
  g_signal_connect_object (question, "response", G_CALLBACK (discard_response_cb), dialog,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (question));
}

/* Runs after the dialog's own response handler. A button hides the dialog
 * before its response comes; Escape gives the response first, then hides
 * it. Either way the dialog goes once it is answered and hidden. */
static void
form_response_cb (ClCasePage       *self,
                  const char       *response,
                  AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (cl_case_page_dialog_get_entry (dialog));

  if (g_strcmp0 (response, "cancel") == 0 && *text != '\0')
    {
      ask_before_discarding (self, dialog);
      return;
    }
  g_object_set_data (G_OBJECT (dialog), "cl-answered", GINT_TO_POINTER (TRUE));
  if (!gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
form_visible_cb (GtkWindow *dialog)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (dialog))
      && g_object_get_data (G_OBJECT (dialog), "cl-answered") != NULL)
    gtk_window_destroy (dialog);
}

/* A question with a choice (may be NULL) and a line of text under it. */
static AdwMessageDialog *
form_dialog (ClCasePage  *self,
             const char  *heading,
             const char  *body,
             GListModel  *choices,
             guint        selected,
             const char  *entry_placeholder,
             const char  *response,
             const char  *response_label,
             GCallback    callback)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();

  if (choices != NULL)
    {
      GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (choices), NULL);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
      gtk_box_append (GTK_BOX (box), dropdown);
      g_object_set_data (G_OBJECT (dialog), "cl-dropdown", dropdown);
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), entry_placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  g_object_set_data (G_OBJECT (dialog), "cl-entry", entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", callback, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (form_response_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect (dialog, "notify::visible", G_CALLBACK (form_visible_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static GListModel *
vocab_choices (ClCaseworkVocab  vocab,
               const char      *first)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const char * const *ids = cl_casework_vocab_ids (vocab);

  if (first != NULL)
    gtk_string_list_append (list, first);
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (list, cl_casework_vocab_label (vocab, ids[i]));
  return G_LIST_MODEL (list);
}

static const char *
entry_text (AdwMessageDialog *dialog)
{
  return gtk_editable_get_text (cl_case_page_dialog_get_entry (dialog));
}

static guint
choice (AdwMessageDialog *dialog)
{
  return gtk_drop_down_get_selected (cl_case_page_dialog_get_dropdown (dialog));
}

static void
close_response_cb (ClCasePage       *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  const char * const *reasons = cl_casework_vocab_ids (CL_VOCAB_CLOSURE_REASON);
  guint selected = choice (dialog);
  const char *reason = selected > 0 && selected <= g_strv_length ((char **) reasons)
                         ? reasons[selected - 1] : NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "close") != 0 || self->kase == NULL)
    return;
  /* The rules (a reason; an outcome for "other") are the repository's. */
  if (!cl_case_repository_close (self->repository, cl_case_get_id (self->kase), reason,
                                 entry_text (dialog), NULL, &error))
    {
      show_error (self, _("Could Not Close the Case"), error);
      return;
    }
  changed (self, _("Case closed"));
}

AdwMessageDialog *
cl_case_page_close_case (ClCasePage *self)
{
  g_autoptr(GListModel) reasons = vocab_choices (CL_VOCAB_CLOSURE_REASON, _("Choose a reason"));
  AdwMessageDialog *dialog;

  g_return_val_if_fail (CL_IS_CASE_PAGE (self), NULL);
  g_return_val_if_fail (self->kase != NULL, NULL);

  dialog = form_dialog (self, _("Close the Case?"),
                        _("Say why the case is closing and what came of it. A closed case "
                          "keeps its chronology and can be reopened."),
                        reasons, 0, _("Outcome"), "close", _("C_lose Case"),
                        G_CALLBACK (close_response_cb));
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  return dialog;
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cl_case_page_close_case (CL_CASE_PAGE (widget));
}

static void
reopen_response_cb (ClCasePage       *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  const char *reason = entry_text (dialog);

  if (g_strcmp0 (response, "reopen") != 0 || self->kase == NULL)
    return;
  if (!cl_case_repository_reopen (self->repository, cl_case_get_id (self->kase),
                                  *reason != '\0' ? reason : NULL, &error))
    {
      show_error (self, _("Could Not Reopen the Case"), error);
      return;
    }
  changed (self, _("Case reopened"));
}

static void
reopen_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClCasePage *self = CL_CASE_PAGE (widget);
  AdwMessageDialog *dialog;

  dialog = form_dialog (self, _("Reopen the Case?"),
                        _("The case is open again from today; its closure stays in its history."),
                        NULL, 0, _("Reason (optional)"), "reopen", _("_Reopen"),
                        G_CALLBACK (reopen_response_cb));
  adw_message_dialog_set_response_appearance (dialog, "reopen", ADW_RESPONSE_SUGGESTED);
}

static void
stage_response_cb (ClCasePage       *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  const char * const *stages = cl_casework_vocab_ids (CL_VOCAB_STAGE);
  g_autoptr(GError) error = NULL;
  const char *reason = entry_text (dialog);

  if (g_strcmp0 (response, "change") != 0 || self->kase == NULL)
    return;
  if (!cl_case_repository_set_stage (self->repository, cl_case_get_id (self->kase),
                                     stages[choice (dialog)], *reason != '\0' ? reason : NULL,
                                     NULL, &error))
    {
      show_error (self, _("Could Not Change the Stage"), error);
      return;
    }
  changed (self, _("Stage changed"));
}

static void
change_stage_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClCasePage *self = CL_CASE_PAGE (widget);
  g_autoptr(GListModel) stages = vocab_choices (CL_VOCAB_STAGE, NULL);
  const char * const *ids = cl_casework_vocab_ids (CL_VOCAB_STAGE);
  guint current = 0;
  AdwMessageDialog *dialog;

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], cl_case_get_stage (self->kase)) == 0)
      current = i;
  dialog = form_dialog (self, _("Change the Stage"),
                        _("A penalty notice, prosecution or supervision order puts the case "
                          "into legal intervention."),
                        stages, current, _("Reason (optional)"), "change", _("_Change Stage"),
                        G_CALLBACK (stage_response_cb));
  adw_message_dialog_set_response_appearance (dialog, "change", ADW_RESPONSE_SUGGESTED);
}

static void
reassign_response_cb (ClCasePage       *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  g_autoptr(ClOfficer) officer = NULL;
  g_autoptr(GError) error = NULL;
  const char *reason = entry_text (dialog);

  if (g_strcmp0 (response, "reassign") != 0 || self->kase == NULL || self->officers == NULL)
    return;
  officer = g_list_model_get_item (self->officers, choice (dialog));
  if (officer == NULL)
    return;
  if (!cl_case_repository_reassign (self->repository, cl_case_get_id (self->kase),
                                    cl_officer_get_id (officer),
                                    *reason != '\0' ? reason : NULL, NULL, &error))
    {
      show_error (self, _("Could Not Reassign the Case"), error);
      return;
    }
  changed (self, _("Case reassigned"));
}

static void
reassign_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClCasePage *self = CL_CASE_PAGE (widget);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = self->officers != NULL ? g_list_model_get_n_items (self->officers) : 0;
  guint current = 0;
  AdwMessageDialog *dialog;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClOfficer) officer = g_list_model_get_item (self->officers, i);

      gtk_string_list_append (names, cl_officer_get_name (officer));
      if (cl_officer_get_id (officer) == cl_case_get_officer_id (self->kase))
        current = i;
    }
  dialog = form_dialog (self, _("Reassign the Case"),
                        _("The case moves to the officer chosen from today; who held it before "
                          "stays in its history."),
                        G_LIST_MODEL (names), current, _("Reason (optional)"), "reassign",
                        _("_Reassign"), G_CALLBACK (reassign_response_cb));
  adw_message_dialog_set_response_appearance (dialog, "reassign", ADW_RESPONSE_SUGGESTED);
}

static void
show_family_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_signal_emit (widget, signals[SHOW_FAMILY], 0);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

gboolean
cl_case_page_get_has_unsaved_changes (ClCasePage *self)
{
  g_return_val_if_fail (CL_IS_CASE_PAGE (self), FALSE);
  return self->event_dialog != NULL && cl_event_dialog_get_dirty (self->event_dialog);
}

void
cl_case_page_present_unsaved (ClCasePage *self)
{
  g_return_if_fail (CL_IS_CASE_PAGE (self));
  if (self->event_dialog != NULL)
    gtk_window_present (GTK_WINDOW (self->event_dialog));
}

/* --- test hooks (cl-caseload-page-private.h) ----------------------------------------- */

GtkListView *
cl_case_page_get_timeline_view (ClCasePage *self)
{
  return self->timeline_view;
}

GListModel *
cl_case_page_get_timeline (ClCasePage *self)
{
  return G_LIST_MODEL (self->timeline);
}

guint
cl_case_page_find_event (ClCasePage *self,
                         gint64      event_id)
{
  GListModel *model = G_LIST_MODEL (self->timeline);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClCaseTimelineItem) item = g_list_model_get_item (model, i);
      ClCaseEvent *event = cl_case_timeline_item_get_event (item);

      if (event != NULL && cl_case_event_get_id (event) == event_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

char *
cl_case_page_dup_row_text (ClCasePage *self,
                           guint       position)
{
  for (guint i = 0; i < self->row_items->len; i++)
    {
      GtkListItem *item = self->row_items->pdata[i];

      if (gtk_list_item_get_item (item) != NULL && gtk_list_item_get_position (item) == position)
        return cl_case_timeline_row_dup_text (CL_CASE_TIMELINE_ROW (gtk_list_item_get_child (item)));
    }
  return NULL;
}

GtkLabel *
cl_case_page_get_status_label (ClCasePage *self)
{
  return self->status_label;
}

GtkLabel *
cl_case_page_get_stage_label (ClCasePage *self)
{
  return self->stage_label;
}

/* --- life cycle ------------------------------------------------------------------------ */

static void
cl_case_page_dispose (GObject *object)
{
  ClCasePage *self = CL_CASE_PAGE (object);

  if (self->event_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->event_dialog),
                                    (gpointer *) &self->event_dialog);
      gtk_window_destroy (GTK_WINDOW (self->event_dialog));
      self->event_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_CASE_PAGE);
  for (guint i = 0; i < self->row_items->len; i++)
    g_object_weak_unref (self->row_items->pdata[i], row_item_forgotten_cb, self);
  g_ptr_array_set_size (self->row_items, 0);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->kase);
  g_clear_object (&self->officers);
  g_clear_object (&self->codes);
  g_clear_object (&self->repository);
  g_clear_object (&self->pupils);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_case_page_parent_class)->dispose (object);
}

static void
cl_case_page_finalize (GObject *object)
{
  ClCasePage *self = CL_CASE_PAGE (object);

  g_clear_pointer (&self->officer_names, g_hash_table_unref);
  g_ptr_array_unref (self->row_items);
  g_free (self->today);

  G_OBJECT_CLASS (cl_case_page_parent_class)->finalize (object);
}

static void
cl_case_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ClCasePage *self = CL_CASE_PAGE (object);

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
cl_case_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ClCasePage *self = CL_CASE_PAGE (object);

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
cl_case_page_class_init (ClCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_case_page_dispose;
  object_class->finalize = cl_case_page_finalize;
  object_class->get_property = cl_case_page_get_property;
  object_class->set_property = cl_case_page_set_property;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_FAMILY] = g_signal_new ("show-family", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CL_TYPE_CASE_TIMELINE_ITEM);
  g_type_ensure (CL_TYPE_TREND_SPARKLINE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, box);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, add_event_button);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, closed_bar);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, closed_label);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, children_label);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, family_label);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, school_label);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, officer_label);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, referral_label);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, attendance_label);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, trend);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, timeline_scroller);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, timeline);
  gtk_widget_class_bind_template_child (widget_class, ClCasePage, legend);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);

  gtk_widget_class_install_action (widget_class, "case.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "case.add-event", NULL, add_event_activated);
  gtk_widget_class_install_action (widget_class, "case.correct-event", "x",
                                   correct_event_activated);
  gtk_widget_class_install_action (widget_class, "case.complete-action", "x",
                                   complete_action_activated);
  gtk_widget_class_install_action (widget_class, "case.change-stage", NULL,
                                   change_stage_activated);
  gtk_widget_class_install_action (widget_class, "case.reassign", NULL, reassign_activated);
  gtk_widget_class_install_action (widget_class, "case.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "case.reopen", NULL, reopen_activated);
  gtk_widget_class_install_action (widget_class, "case.show-family", NULL,
                                   show_family_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_case_page_init (ClCasePage *self)
{
  GtkAdjustment *adjustment;

  self->row_items = g_ptr_array_new ();
  self->closed_shown = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  adjustment = gtk_scrolled_window_get_vadjustment (self->timeline_scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (timeline_scrolled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (timeline_scrolled_cb), self,
                           G_CONNECT_SWAPPED);
}
