/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-caseload-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-rules.h"
#include "casework/cl-caseload.h"
#include "casework/cl-casework-vocab.h"
#include "casework/cl-work-queue.h"
#include "ui/cl-case-page.h"
#include "ui/cl-caseload-limit-model.h"
#include "ui/cl-caseload-page-private.h"
#include "ui/cl-family-view.h"
#include "ui/cl-format.h"
#include "ui/cl-new-case-dialog.h"
#include "ui/cl-slot-list-model.h"
#include "ui/cl-trend-sparkline.h"

struct _ClCaseloadPage
{
  GtkWidget           parent_instance;

  /* template */
  GtkStack           *nav_stack;
  AdwViewStack       *view_stack;
  AdwViewStackPage   *queue_page;
  GtkDropDown        *school_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *stage_dropdown;
  GtkLabel           *count_label;
  GtkStack           *cases_stack;
  GtkScrolledWindow  *cases_scroller;
  GtkColumnView      *cases_view;
  ClSlotListModel    *slots;
  ClCaseloadLimitModel *limit_model;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkSortListModel   *sort_model;
  GtkCustomSorter    *stage_sorter;
  GtkCustomSorter    *due_sorter;
  GtkCustomSorter    *rules_sorter;
  GtkStack           *queue_stack;
  GtkScrolledWindow  *queue_scroller;
  GtkColumnView      *queue_view;
  ClSlotListModel    *queue_slots;
  ClCaseloadLimitModel *queue_limit;
  ClCasePage         *case_page;
  ClFamilyView       *family_view;

  ClDatabase         *db;
  gint64              officer_id;
  GListModel         *rows;          /* ClCaseloadRow, as the core built them */
  GListModel         *queue;         /* ClQueueItem, or NULL until shown */
  GArray             *school_ids;    /* gint64 per school_dropdown position */
  gint64              school_id;     /* filters; 0 / NULL: any */
  const char         *status;
  const char         *stage;
  gboolean            updating;
  gboolean            stale;         /* the case page changed something */
  gboolean            folded;
  GPtrArray          *due_items;     /* GtkListItem of the next action column, for tests */
  ClNewCaseDialog    *new_case_dialog;  /* weak */
};

G_DEFINE_FINAL_TYPE (ClCaseloadPage, cl_caseload_page, GTK_TYPE_WIDGET)

/* The tables show their first rows (the "limit" of the limit models in the
 * template), and more as the user scrolls towards the end (see
 * cl-caseload-limit-model.h). */
#define MORE_ROWS 100

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* The statuses of a case that is not closed, as the status filter offers them. */
static const char *const filter_statuses[] = { "referred", "open", "legal" };

/* Rules met, as short badges (the full sentence is the tooltip). */
static const struct {
  const char *rule_id;
  const char *badge;
  const char *description;
  const char *css;
} rule_badges[] = {
  { CL_RULE_CONTINUOUS_10_DAYS, N_("10 days"),
    N_("Ten school days’ continuous unauthorised absence"), "serious" },
  /* Translators: short for "penalty notice threshold", as EWOs say it. */
  { CL_RULE_PENALTY_THRESHOLD, N_("PN"),
    N_("Penalty notice threshold: 10 unauthorised sessions in 10 school weeks"), "serious" },
  { CL_RULE_UNRESOLVED_N, N_("N"),
    N_("N codes not resolved within 5 school days"), "notice" },
  { CL_RULE_ILLNESS_15_DAYS, N_("Illness"),
    N_("15 days’ illness this year"), "notice" },
};

GtkWidget *
cl_caseload_page_new (void)
{
  return g_object_new (CL_TYPE_CASELOAD_PAGE, NULL);
}

static void
show_error (ClCaseloadPage *self,
            const char     *heading,
            const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- cells ------------------------------------------------------------------
 *
 * Rows are ClSlots (see cl-slot-list-model.h): a cell is made once by its
 * column's "setup" with a fill function, and filled again from the slot's
 * item whenever the slot shows another one. */

typedef void (*CellFill) (GtkWidget *cell,
                          gpointer   item);

static GQuark
fill_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cl-caseload-cell-fill");
  return quark;
}

static void
cell_setup (GtkListItem *list_item,
            GtkWidget   *cell,
            CellFill     fill)
{
  g_object_set_qdata (G_OBJECT (cell), fill_quark (), (gpointer) fill);
  gtk_list_item_set_child (list_item, cell);
}

static GtkWidget *
inscription_new (guint       min_chars,
                 guint       nat_chars,
                 float       xalign,
                 const char *css_class)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), nat_chars);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (cell, css_class);
  return cell;
}

static void
refill (GtkListItem *list_item)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  CellFill fill = (CellFill) g_object_get_qdata (G_OBJECT (cell), fill_quark ());
  ClSlot *slot = gtk_list_item_get_item (list_item);

  fill (cell, slot != NULL ? cl_slot_get_item (slot) : NULL);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  refill (list_item);
  g_signal_connect_swapped (gtk_list_item_get_item (list_item), "notify::item",
                            G_CALLBACK (refill), list_item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), refill, list_item);
}

static void
set_overdue_style (GtkWidget *widget,
                   gboolean   overdue)
{
  if (overdue)
    gtk_widget_add_css_class (widget, "overdue");
  else
    gtk_widget_remove_css_class (widget, "overdue");
}

/* The children and the school are often cut short at the default width:
 * the whole text is the tooltip. */
static void
fill_title (GtkWidget *cell,
            gpointer   row)
{
  const char *title = row != NULL ? cl_caseload_row_get_title (row) : NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), title);
  gtk_widget_set_tooltip_text (cell, title != NULL && *title != '\0' ? title : NULL);
}

static void
fill_school (GtkWidget *cell,
             gpointer   row)
{
  const char *school = row != NULL ? cl_caseload_row_get_school_name (row) : NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), school);
  gtk_widget_set_tooltip_text (cell, school != NULL && *school != '\0' ? school : NULL);
}

/* The stage, and the status with it. A case at a legal stage is usually
 * under legal intervention and any other open, so the status is written
 * out, in bold before the stage, only when the stage does not say it
 * ("Referred · Early support"); a column of its own, saying "Open" down the
 * page, would cost the table its fit at the window's default width. The
 * tooltip always has both: "Open · Early support". */
static void
fill_stage (GtkWidget *cell,
            gpointer   row)
{
  ClCase *c = row != NULL ? cl_caseload_row_get_case (row) : NULL;
  const char *status = c != NULL ? cl_case_get_status (c) : NULL;
  const char *stage = c != NULL ? cl_case_get_stage (c) : NULL;
  const char *status_label = status != NULL ? cl_casework_vocab_label (CL_VOCAB_STATUS, status)
                                            : NULL;
  const char *stage_label = stage != NULL ? cl_casework_vocab_label (CL_VOCAB_STAGE, stage)
                                          : NULL;
  g_autofree char *markup = NULL;
  g_autofree char *tooltip = NULL;

  if (c == NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), NULL);
      gtk_widget_set_tooltip_text (cell, NULL);
      return;
    }
  if (stage_label == NULL)
    markup = g_markup_printf_escaped ("<b>%s</b>", status_label);
  else if (g_strcmp0 (status, cl_case_stage_is_legal (stage) ? "legal" : "open") == 0)
    markup = g_markup_escape_text (stage_label, -1);
  else
    /* Translators: a case's status and stage, "Referred · Early support";
     * keep the markup. */
    markup = g_markup_printf_escaped (_("<b>%s</b> · %s"), status_label, stage_label);
  gtk_inscription_set_markup (GTK_INSCRIPTION (cell), markup);
  if (stage_label != NULL)
    /* Translators: a case's status and stage, "Open · Early support". */
    tooltip = g_strdup_printf (_("%s · %s"), status_label, stage_label);
  gtk_widget_set_tooltip_text (cell, tooltip != NULL ? tooltip : status_label);
}

static void
fill_contact (GtkWidget *cell,
              gpointer   row)
{
  g_autofree char *text = row != NULL ? cl_format_date (cl_caseload_row_get_last_contact (row))
                                      : NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

/* Due: the date, and when it has passed an icon and the overdue style
 * (the error colour), so that it stands out by more than colour. The icon
 * is made for the first overdue date a cell shows: most rows never need it,
 * and every widget of every row counts when a caseload opens. */
static GtkWidget *
due_cell_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *text = inscription_new (10, 10, 0.0, "numeric");

  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "due-cell");
  return box;
}

static void
set_due (GtkWidget  *cell,
         const char *iso,
         gboolean    overdue)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (cell), "cl-icon");
  GtkWidget *text = gtk_widget_get_last_child (cell);
  g_autofree char *date = iso != NULL ? cl_format_date (iso) : NULL;

  if (overdue && icon == NULL)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_box_prepend (GTK_BOX (cell), icon);
      g_object_set_data (G_OBJECT (cell), "cl-icon", icon);
    }
  if (icon != NULL)
    gtk_widget_set_visible (icon, overdue);
  gtk_inscription_set_text (GTK_INSCRIPTION (text), date);
  set_overdue_style (cell, overdue);
  gtk_widget_set_tooltip_text (cell, overdue ? _("Overdue") : NULL);
}

/* Next action: what, and when it is due at the end, so that the dates line
 * up; one column rather than two, for the table to fit the window's
 * default width. */
static GtkWidget *
action_cell_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = inscription_new (8, 28, 0.0, NULL);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), due_cell_new ());
  return box;
}

static void
fill_action (GtkWidget *cell,
             gpointer   row)
{
  GtkWidget *text = gtk_widget_get_first_child (cell);
  const char *action = row != NULL ? cl_caseload_row_get_next_action (row) : NULL;
  gboolean overdue = row != NULL && cl_caseload_row_get_overdue (row);

  gtk_inscription_set_text (GTK_INSCRIPTION (text), action);
  gtk_widget_set_tooltip_text (text, action != NULL && *action != '\0' ? action : NULL);
  set_overdue_style (text, overdue);
  set_due (gtk_widget_get_last_child (cell),
           row != NULL ? cl_caseload_row_get_next_action_due (row) : NULL, overdue);
}

static GtkWidget *
attendance_cell_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = inscription_new (7, 7, 1.0, "numeric");
  GtkWidget *spark = cl_trend_sparkline_new ();

  gtk_widget_set_valign (spark, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), spark);
  return box;
}

static void
fill_attendance (GtkWidget *cell,
                 gpointer   row)
{
  GtkWidget *text = gtk_widget_get_first_child (cell);
  GtkWidget *spark = gtk_widget_get_next_sibling (text);
  g_autofree char *percent = NULL;

  if (row == NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (text), NULL);
      cl_trend_sparkline_set_values (CL_TREND_SPARKLINE (spark), NULL, 0);
      return;
    }
  if (cl_caseload_row_get_attendance_percent (row) >= 0)
    percent = cl_format_percent (cl_caseload_row_get_attendance_percent (row));
  /* Translators: attendance when the last four weeks had no school. */
  gtk_inscription_set_text (GTK_INSCRIPTION (text), percent != NULL ? percent : _("–"));
  cl_trend_sparkline_set_values (CL_TREND_SPARKLINE (spark), cl_caseload_row_get_trend (row),
                                 CL_CASELOAD_TREND_WEEKS);
}

/* Badges are made as rows need them, and kept for the next item. */
static GtkWidget *
rules_cell_new (void)
{
  return gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
}

static void
fill_rules (GtkWidget *cell,
            gpointer   row)
{
  const char * const *ids = row != NULL ? cl_caseload_row_get_rule_ids (row) : NULL;
  GtkWidget *badge = gtk_widget_get_first_child (cell);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (rule_badges); k++)
      if (g_strcmp0 (ids[i], rule_badges[k].rule_id) == 0)
        {
          if (badge == NULL)
            {
              badge = gtk_label_new (NULL);
              gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
              gtk_box_append (GTK_BOX (cell), badge);
            }
          gtk_label_set_text (GTK_LABEL (badge), _(rule_badges[k].badge));
          gtk_widget_set_tooltip_text (badge, _(rule_badges[k].description));
          gtk_widget_set_css_classes (badge, (const char *[]) { "rule-badge",
                                                                rule_badges[k].css, NULL });
          gtk_widget_set_visible (badge, TRUE);
          badge = gtk_widget_get_next_sibling (badge);
          break;
        }
  for (; badge != NULL; badge = gtk_widget_get_next_sibling (badge))
    gtk_widget_set_visible (badge, FALSE);
}

/* The minimum widths (in characters) let the table fit the window's
 * default width, 1,100 pixels, beside the sidebar, with no horizontal
 * scrolling; the cells take more room as the window grows, and those cut
 * short show their whole text as a tooltip. */
static void
setup_title_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  cell_setup (item, inscription_new (10, 24, 0.0, NULL), fill_title);
}

static void
setup_school_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  cell_setup (item, inscription_new (8, 22, 0.0, NULL), fill_school);
}

static void
setup_stage_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  cell_setup (item, inscription_new (8, 20, 0.0, NULL), fill_stage);
}

static void
setup_contact_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  cell_setup (item, inscription_new (10, 10, 0.0, "numeric"), fill_contact);
}

static void
item_forgotten_cb (gpointer  data,
                   GObject  *where_the_item_was)
{
  ClCaseloadPage *self = data;

  g_ptr_array_remove_fast (self->due_items, where_the_item_was);
}

static void
setup_action_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ClCaseloadPage           *self)
{
  cell_setup (item, action_cell_new (), fill_action);
  /* For cl_caseload_page_get_due_cell: the tests look at the cells. */
  g_ptr_array_add (self->due_items, item);
  g_object_weak_ref (G_OBJECT (item), item_forgotten_cb, self);
}

static void
setup_attendance_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  cell_setup (item, attendance_cell_new (), fill_attendance);
}

static void
setup_rules_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  cell_setup (item, rules_cell_new (), fill_rules);
}

/* --- queue cells --------------------------------------------------------- */

static void
fill_queue_due (GtkWidget *cell,
                gpointer   item)
{
  set_due (cell, item != NULL ? cl_queue_item_get_due_date (item) : NULL,
           item != NULL && cl_queue_item_get_overdue (item));
}

static void
fill_queue_kind (GtkWidget *cell,
                 gpointer   item)
{
  GtkWidget *icon = gtk_widget_get_first_child (cell);
  GtkWidget *text = gtk_widget_get_next_sibling (icon);
  static const char *const icons[] = {
    [CL_QUEUE_ITEM_ACTION] = "task-due-symbolic",
    [CL_QUEUE_ITEM_LETTER] = "mail-unread-symbolic",
    [CL_QUEUE_ITEM_VISIT] = "go-home-symbolic",
    [CL_QUEUE_ITEM_LEGAL] = "x-office-document-symbolic",
  };

  if (item == NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (text), NULL);
      return;
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icons[cl_queue_item_get_kind (item)]);
  gtk_inscription_set_text (GTK_INSCRIPTION (text), cl_queue_item_get_kind_label (item));
}

static void
fill_queue_child (GtkWidget *cell,
                  gpointer   item)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (cell),
                            item != NULL ? cl_queue_item_get_pupil_name (item) : NULL);
}

static void
fill_queue_school (GtkWidget *cell,
                   gpointer   item)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (cell),
                            item != NULL ? cl_queue_item_get_school_name (item) : NULL);
}

static void
fill_queue_text (GtkWidget *cell,
                 gpointer   item)
{
  const char *text = item != NULL ? cl_queue_item_get_text (item) : NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  gtk_widget_set_tooltip_text (cell, text != NULL && *text != '\0' ? text : NULL);
  set_overdue_style (cell, item != NULL && cl_queue_item_get_overdue (item));
}

static void
setup_queue_due_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  cell_setup (item, due_cell_new (), fill_queue_due);
}

static void
setup_queue_kind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), inscription_new (10, 22, 0.0, NULL));
  cell_setup (item, box, fill_queue_kind);
}

static void
setup_queue_child_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  cell_setup (item, inscription_new (12, 24, 0.0, NULL), fill_queue_child);
}

static void
setup_queue_school_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  cell_setup (item, inscription_new (10, 22, 0.0, NULL), fill_queue_school);
}

static void
setup_queue_text_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  cell_setup (item, inscription_new (16, 40, 0.0, NULL), fill_queue_text);
}

/* --- sorting and filtering ------------------------------------------------- */

static int
vocab_index (ClCaseworkVocab  vocab,
             const char      *id)
{
  const char * const *ids = cl_casework_vocab_ids (vocab);

  for (int i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return G_MAXINT;
}

static int
compare_int (int a,
             int b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_int (vocab_index (CL_VOCAB_STATUS,
                                   cl_case_get_status (cl_caseload_row_get_case ((gpointer) a))),
                      vocab_index (CL_VOCAB_STATUS,
                                   cl_case_get_status (cl_caseload_row_get_case ((gpointer) b))));
}

static int
compare_stage (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return compare_int (vocab_index (CL_VOCAB_STAGE,
                                   cl_case_get_stage (cl_caseload_row_get_case ((gpointer) a))),
                      vocab_index (CL_VOCAB_STAGE,
                                   cl_case_get_stage (cl_caseload_row_get_case ((gpointer) b))));
}

/* The stage column: referred, open, legal, each by stage. */
static int
compare_status_stage (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  int cmp = compare_status (a, b, user_data);

  return cmp != 0 ? cmp : compare_stage (a, b, user_data);
}

static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const char *da = cl_caseload_row_get_next_action_due ((gpointer) a);
  const char *db = cl_caseload_row_get_next_action_due ((gpointer) b);

  /* Nothing due sorts after every date. */
  if (*da == '\0' || *db == '\0')
    return compare_int (*da == '\0', *db == '\0');
  return compare_int (strcmp (da, db), 0);
}

static int
count_rules (gconstpointer row)
{
  const char * const *ids = cl_caseload_row_get_rule_ids ((gpointer) row);
  int n = 0;

  while (ids != NULL && ids[n] != NULL)
    n++;
  return n;
}

static int
compare_rules (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  /* More rules met first. */
  return compare_int (count_rules (b), count_rules (a));
}

static gboolean
match_row (gpointer item,
           gpointer user_data)
{
  ClCaseloadPage *self = user_data;
  ClCase *kase = cl_caseload_row_get_case (item);

  if (self->school_id != 0 && cl_case_get_school_id (kase) != self->school_id)
    return FALSE;
  if (self->status != NULL && g_strcmp0 (cl_case_get_status (kase), self->status) != 0)
    return FALSE;
  if (self->stage != NULL && g_strcmp0 (cl_case_get_stage (kase), self->stage) != 0)
    return FALSE;
  return TRUE;
}

static void
update_count (ClCaseloadPage *self)
{
  guint total = self->rows != NULL ? g_list_model_get_n_items (self->rows) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *label = NULL;

  if (shown == total)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open case", "%u open cases",
                                          total), total);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u open case",
                                          "%u of %u open cases", total), shown, total);
  gtk_label_set_text (self->count_label, label);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->cases_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->cases_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->cases_stack, "list");
}

static void
results_changed_cb (ClCaseloadPage *self)
{
  update_count (self);
}

static void
filter_changed_cb (ClCaseloadPage *self)
{
  guint school = gtk_drop_down_get_selected (self->school_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint stage = gtk_drop_down_get_selected (self->stage_dropdown);
  const char * const *stages = cl_casework_vocab_ids (CL_VOCAB_STAGE);

  if (self->updating)
    return;
  self->school_id = school > 0 && school < self->school_ids->len
                      ? g_array_index (self->school_ids, gint64, school) : 0;
  self->status = status > 0 && status <= G_N_ELEMENTS (filter_statuses)
                   ? filter_statuses[status - 1] : NULL;
  self->stage = stage > 0 && stage <= g_strv_length ((char **) stages) ? stages[stage - 1] : NULL;

  if (self->school_id == 0 && self->status == NULL && self->stage == NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, match_row, self, NULL);
}

static int
compare_school_names (gconstpointer a,
                      gconstpointer b)
{
  ClCase *ca = *(ClCase **) a, *cb = *(ClCase **) b;

  return g_utf8_collate (cl_case_get_school_name (ca), cl_case_get_school_name (cb));
}

/* The school filter offers the schools of the cases listed, by name, and
 * keeps the one chosen when it is still among them. */
static void
update_school_choices (ClCaseloadPage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) cases = g_ptr_array_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = self->rows != NULL ? g_list_model_get_n_items (self->rows) : 0;
  guint selected = 0;
  gint64 any = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClCaseloadRow) row = g_list_model_get_item (self->rows, i);
      ClCase *kase = cl_caseload_row_get_case (row);
      gint64 id = cl_case_get_school_id (kase);

      if (id == 0 || g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (cases, kase);  /* the row in self->rows holds it */
    }
  g_ptr_array_sort (cases, compare_school_names);

  g_array_set_size (self->school_ids, 0);
  g_array_append_val (self->school_ids, any);
  gtk_string_list_append (names, _("All schools"));
  for (guint i = 0; i < cases->len; i++)
    {
      gint64 id = cl_case_get_school_id (cases->pdata[i]);

      if (id == self->school_id)
        selected = i + 1;
      g_array_append_val (self->school_ids, id);
      gtk_string_list_append (names, cl_case_get_school_name (cases->pdata[i]));
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->school_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->school_dropdown, selected);
  self->updating = FALSE;
  filter_changed_cb (self);
}

static void
update_queue_attention (ClCaseloadPage *self)
{
  guint n = self->rows != NULL ? g_list_model_get_n_items (self->rows) : 0;
  gboolean overdue = FALSE;

  for (guint i = 0; i < n && !overdue; i++)
    {
      g_autoptr(ClCaseloadRow) row = g_list_model_get_item (self->rows, i);
      overdue = cl_caseload_row_get_overdue (row);
    }
  adw_view_stack_page_set_needs_attention (self->queue_page, overdue);
}

static gboolean
reload_queue (ClCaseloadPage  *self,
              GError         **error)
{
  g_autoptr(GListModel) queue = cl_work_queue_build (self->db, self->officer_id, error);

  if (queue == NULL)
    return FALSE;
  g_set_object (&self->queue, queue);
  cl_caseload_limit_model_set_model (self->queue_limit, queue);
  gtk_stack_set_visible_child_name (self->queue_stack,
                                    g_list_model_get_n_items (queue) > 0 ? "list" : "empty");
  return TRUE;
}

/* Scrolled near the end of the rows there are: show more. */
static void
table_scrolled_cb (ClCaseloadLimitModel *limit_model,
                   GtkAdjustment        *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);

  /* Within a third of a screen of the end. */
  if (upper - (value + page) < page / 3)
    cl_caseload_limit_model_grow (limit_model, MORE_ROWS);
}

static void
watch_scrolling (GtkScrolledWindow    *scroller,
                 ClCaseloadLimitModel *limit_model)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (table_scrolled_cb),
                           limit_model, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (table_scrolled_cb),
                           limit_model, G_CONNECT_SWAPPED);
}

static gboolean
queue_visible (ClCaseloadPage *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "queue") == 0;
}

gboolean
cl_caseload_page_reload (ClCaseloadPage  *self,
                         GError         **error)
{
  g_autoptr(GListModel) rows = NULL;

  g_return_val_if_fail (CL_IS_CASELOAD_PAGE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  rows = cl_caseload_build (self->db, self->officer_id, error);
  if (rows == NULL)
    return FALSE;
  g_set_object (&self->rows, rows);
  self->stale = FALSE;
  gtk_sort_list_model_set_model (self->sort_model, rows);
  update_school_choices (self);
  update_count (self);
  update_queue_attention (self);

  /* The queue is built when it is looked at. */
  g_clear_object (&self->queue);
  if (queue_visible (self))
    return reload_queue (self, error);
  cl_caseload_limit_model_set_model (self->queue_limit, NULL);
  return TRUE;
}

static void
reload_or_complain (ClCaseloadPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!cl_caseload_page_reload (self, &error))
    show_error (self, _("Could Not Read the Caseload"), error);
}

static void
view_changed_cb (ClCaseloadPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db != NULL && self->queue == NULL && queue_visible (self)
      && !reload_queue (self, &error))
    show_error (self, _("Could Not Read the Work Queue"), error);
}

void
cl_caseload_page_set_database (ClCaseloadPage *self,
                               ClDatabase     *db)
{
  g_return_if_fail (CL_IS_CASELOAD_PAGE (self));
  g_return_if_fail (CL_IS_DATABASE (db));

  if (!g_set_object (&self->db, db))
    return;
  cl_case_page_set_database (self->case_page, db);
}

void
cl_caseload_page_set_officer (ClCaseloadPage *self,
                              gint64          officer_id)
{
  g_return_if_fail (CL_IS_CASELOAD_PAGE (self));

  if (self->officer_id == officer_id && self->rows != NULL)
    return;
  self->officer_id = officer_id;
  if (self->db != NULL)
    {
      cl_caseload_page_show_list (self);
      reload_or_complain (self);
    }
}

gint64
cl_caseload_page_get_officer (ClCaseloadPage *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_PAGE (self), 0);
  return self->officer_id;
}

/* --- navigation ------------------------------------------------------------ */

gboolean
cl_caseload_page_open_case (ClCaseloadPage  *self,
                            gint64           case_id,
                            GError         **error)
{
  g_return_val_if_fail (CL_IS_CASELOAD_PAGE (self), FALSE);

  if (!cl_case_page_load (self->case_page, case_id, error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->nav_stack, "case");
  return TRUE;
}

static void
open_case_or_complain (ClCaseloadPage *self,
                       gint64          case_id)
{
  g_autoptr(GError) error = NULL;

  if (!cl_caseload_page_open_case (self, case_id, &error))
    show_error (self, _("Could Not Open the Case"), error);
}

void
cl_caseload_page_show_list (ClCaseloadPage *self)
{
  g_return_if_fail (CL_IS_CASELOAD_PAGE (self));

  gtk_stack_set_visible_child_name (self->nav_stack, "list");
  if (self->stale && self->db != NULL)
    reload_or_complain (self);
}

static void
case_activated_cb (ClCaseloadPage *self,
                   guint           position)
{
  g_autoptr(ClSlot) slot = g_list_model_get_item (G_LIST_MODEL (self->slots), position);
  ClCaseloadRow *row = slot != NULL ? cl_slot_get_item (slot) : NULL;

  if (row != NULL)
    open_case_or_complain (self, cl_caseload_row_get_case_id (row));
}

static void
queue_activated_cb (ClCaseloadPage *self,
                    guint           position)
{
  g_autoptr(ClSlot) slot = g_list_model_get_item (G_LIST_MODEL (self->queue_slots), position);
  ClQueueItem *item = slot != NULL ? cl_slot_get_item (slot) : NULL;

  if (item != NULL)
    open_case_or_complain (self, cl_queue_item_get_case_id (item));
}

static void
case_back_cb (ClCaseloadPage *self)
{
  cl_caseload_page_show_list (self);
}

static void
case_changed_cb (ClCaseloadPage *self)
{
  self->stale = TRUE;
  g_clear_object (&self->queue);
}

static void
show_family_cb (ClCaseloadPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!cl_family_view_load (self->family_view, self->db,
                            cl_case_page_get_case_id (self->case_page), &error))
    {
      show_error (self, _("Could Not Read the Family"), error);
      return;
    }
  gtk_stack_set_visible_child_name (self->nav_stack, "family");
}

static void
family_back_cb (ClCaseloadPage *self)
{
  gtk_stack_set_visible_child_name (self->nav_stack, "case");
}

/* --- new case ---------------------------------------------------------------- */

static void
case_created_cb (ClCaseloadPage *self,
                 gint64          case_id)
{
  reload_or_complain (self);
  open_case_or_complain (self, case_id);
}

void
cl_caseload_page_new_case (ClCaseloadPage *self,
                           gint64          pupil_id)
{
  GtkRoot *root;

  g_return_if_fail (CL_IS_CASELOAD_PAGE (self));
  g_return_if_fail (self->db != NULL);

  if (self->new_case_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->new_case_dialog));
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->new_case_dialog = cl_new_case_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  self->db, self->officer_id, pupil_id);
  g_object_add_weak_pointer (G_OBJECT (self->new_case_dialog),
                             (gpointer *) &self->new_case_dialog);
  g_signal_connect_object (self->new_case_dialog, "created", G_CALLBACK (case_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->new_case_dialog));
}

gboolean
cl_caseload_page_get_has_unsaved_changes (ClCaseloadPage *self)
{
  g_return_val_if_fail (CL_IS_CASELOAD_PAGE (self), FALSE);

  return (self->new_case_dialog != NULL && cl_new_case_dialog_get_dirty (self->new_case_dialog))
         || cl_case_page_get_has_unsaved_changes (self->case_page);
}

void
cl_caseload_page_present_unsaved (ClCaseloadPage *self)
{
  g_return_if_fail (CL_IS_CASELOAD_PAGE (self));

  if (self->new_case_dialog != NULL && cl_new_case_dialog_get_dirty (self->new_case_dialog))
    gtk_window_present (GTK_WINDOW (self->new_case_dialog));
  else
    cl_case_page_present_unsaved (self->case_page);
}

static void
new_case_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cl_caseload_page_new_case (CL_CASELOAD_PAGE (widget), 0);
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClCaseloadPage *self = CL_CASELOAD_PAGE (widget);

  if (self->db != NULL)
    reload_or_complain (self);
}

/* --- test hooks (cl-caseload-page-private.h) --------------------------------- */

GtkColumnView *
cl_caseload_page_get_cases_view (ClCaseloadPage *self)
{
  return self->cases_view;
}

GtkColumnView *
cl_caseload_page_get_queue_view (ClCaseloadPage *self)
{
  return self->queue_view;
}

GListModel *
cl_caseload_page_get_rows (ClCaseloadPage *self)
{
  return self->rows;
}

GtkLabel *
cl_caseload_page_get_count_label (ClCaseloadPage *self)
{
  return self->count_label;
}

GtkDropDown *
cl_caseload_page_get_school_dropdown (ClCaseloadPage *self)
{
  return self->school_dropdown;
}

GtkDropDown *
cl_caseload_page_get_status_dropdown (ClCaseloadPage *self)
{
  return self->status_dropdown;
}

GtkDropDown *
cl_caseload_page_get_stage_dropdown (ClCaseloadPage *self)
{
  return self->stage_dropdown;
}

GtkWidget *
cl_caseload_page_get_due_cell (ClCaseloadPage *self,
                               guint           position)
{
  for (guint i = 0; i < self->due_items->len; i++)
    {
      GtkListItem *item = self->due_items->pdata[i];

      /* The due date is at the end of the next action's cell. */
      if (gtk_list_item_get_item (item) != NULL && gtk_list_item_get_position (item) == position)
        return gtk_widget_get_last_child (gtk_list_item_get_child (item));
    }
  return NULL;
}

ClCasePage *
cl_caseload_page_get_case_page (ClCaseloadPage *self)
{
  return self->case_page;
}

ClFamilyView *
cl_caseload_page_get_family_view (ClCaseloadPage *self)
{
  return self->family_view;
}

ClNewCaseDialog *
cl_caseload_page_get_new_case_dialog (ClCaseloadPage *self)
{
  return self->new_case_dialog;
}

const char *
cl_caseload_page_get_visible_view (ClCaseloadPage *self)
{
  const char *nav = gtk_stack_get_visible_child_name (self->nav_stack);

  if (g_strcmp0 (nav, "list") != 0)
    return nav;
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
cl_caseload_page_show_view (ClCaseloadPage *self,
                            const char     *name)
{
  cl_caseload_page_show_list (self);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* --- life cycle ----------------------------------------------------------------- */

static void
cl_caseload_page_dispose (GObject *object)
{
  ClCaseloadPage *self = CL_CASELOAD_PAGE (object);

  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  if (self->new_case_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->new_case_dialog),
                                    (gpointer *) &self->new_case_dialog);
      gtk_window_destroy (GTK_WINDOW (self->new_case_dialog));
      self->new_case_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_CASELOAD_PAGE);
  for (guint i = 0; i < self->due_items->len; i++)
    g_object_weak_unref (self->due_items->pdata[i], item_forgotten_cb, self);
  g_ptr_array_set_size (self->due_items, 0);
  g_clear_object (&self->rows);
  g_clear_object (&self->queue);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cl_caseload_page_parent_class)->dispose (object);
}

static void
cl_caseload_page_finalize (GObject *object)
{
  ClCaseloadPage *self = CL_CASELOAD_PAGE (object);

  g_array_unref (self->school_ids);
  g_ptr_array_unref (self->due_items);

  G_OBJECT_CLASS (cl_caseload_page_parent_class)->finalize (object);
}

static void
cl_caseload_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClCaseloadPage *self = CL_CASELOAD_PAGE (object);

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
cl_caseload_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ClCaseloadPage *self = CL_CASELOAD_PAGE (object);

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
cl_caseload_page_class_init (ClCaseloadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_caseload_page_dispose;
  object_class->finalize = cl_caseload_page_finalize;
  object_class->get_property = cl_caseload_page_get_property;
  object_class->set_property = cl_caseload_page_set_property;

  /* Whether the window shows the sidebar and this page one at a time. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_CASELOAD_ROW);
  g_type_ensure (CL_TYPE_QUEUE_ITEM);
  g_type_ensure (CL_TYPE_SLOT_LIST_MODEL);
  g_type_ensure (CL_TYPE_CASELOAD_LIMIT_MODEL);
  g_type_ensure (CL_TYPE_CASE_PAGE);
  g_type_ensure (CL_TYPE_FAMILY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-caseload-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, nav_stack);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, queue_page);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, school_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, cases_stack);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, cases_scroller);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, cases_view);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, slots);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, limit_model);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, filter);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, stage_sorter);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, due_sorter);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, rules_sorter);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, queue_stack);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, queue_scroller);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, queue_view);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, queue_slots);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, queue_limit);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, case_page);
  gtk_widget_class_bind_template_child (widget_class, ClCaseloadPage, family_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, results_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, queue_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_family_cb);
  gtk_widget_class_bind_template_callback (widget_class, family_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_school_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_stage_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_contact_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_attendance_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_rules_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_queue_due_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_queue_kind_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_queue_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_queue_school_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_queue_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_queue_cb",
                                                G_CALLBACK (bind_cell_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "unbind_queue_cb",
                                                G_CALLBACK (unbind_cell_cb));

  gtk_widget_class_install_action (widget_class, "caseload.new-case", NULL, new_case_activated);
  gtk_widget_class_install_action (widget_class, "caseload.reload", NULL, reload_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GListModel *
labels_with_any (const char      *any,
                 ClCaseworkVocab  vocab,
                 const char *const *ids,
                 guint            n_ids)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; i < n_ids; i++)
    gtk_string_list_append (list, cl_casework_vocab_label (vocab, ids[i]));
  return G_LIST_MODEL (list);
}

static void
cl_caseload_page_init (ClCaseloadPage *self)
{
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(GListModel) stages = NULL;
  const char * const *stage_ids = cl_casework_vocab_ids (CL_VOCAB_STAGE);

  self->school_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->due_items = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  watch_scrolling (self->cases_scroller, self->limit_model);
  watch_scrolling (self->queue_scroller, self->queue_limit);
  gtk_custom_sorter_set_sort_func (self->stage_sorter, compare_status_stage, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->due_sorter, compare_due, NULL, NULL);
  gtk_custom_sorter_set_sort_func (self->rules_sorter, compare_rules, NULL, NULL);

  self->updating = TRUE;
  statuses = labels_with_any (_("Any status"), CL_VOCAB_STATUS, filter_statuses,
                              G_N_ELEMENTS (filter_statuses));
  stages = labels_with_any (_("Any stage"), CL_VOCAB_STAGE, stage_ids,
                            g_strv_length ((char **) stage_ids));
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  gtk_drop_down_set_model (self->stage_dropdown, stages);
  self->updating = FALSE;
  update_school_choices (self);
  update_count (self);
}
