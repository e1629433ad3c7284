/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance-card"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "attendance/cl-attendance-stats.h"
#include "attendance/cl-rules.h"
#include "store/cl-dates.h"
#include "ui/cl-attendance-card.h"
#include "ui/cl-format.h"
#include "ui/cl-window-private.h"

typedef enum
{
  COUNT_POSSIBLE,
  COUNT_PRESENT,
  COUNT_AUTHORISED,
  COUNT_UNAUTHORISED,
  COUNT_AEA,
  COUNT_LATE,
  N_COUNTS
} Count;

struct _ClAttendanceCard
{
  GtkWidget   parent_instance;

  /* template */
  GtkWidget  *box;
  GtkStack   *stack;
  GtkLabel   *period_label;
  GtkLabel   *attendance_label;
  GtkLabel   *absence_label;
  GtkWidget  *persistent_badge;
  GtkWidget  *severe_badge;
  GtkGrid    *counts_grid;
  GtkLabel   *empty_label;
  GtkListBox *rules_list;

  GtkLabel   *count_labels[N_COUNTS];
};

G_DEFINE_FINAL_TYPE (ClAttendanceCard, cl_attendance_card, GTK_TYPE_WIDGET)

GtkWidget *
cl_attendance_card_new (void)
{
  return g_object_new (CL_TYPE_ATTENDANCE_CARD, NULL);
}

static void
clear_rules (ClAttendanceCard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list))) != NULL)
    gtk_list_box_remove (self->rules_list, child);
}

static void
add_rule_row (ClAttendanceCard *self,
              const char       *icon_name,
              const char       *css_class,
              const char       *title,
              const char       *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_str_equal (css_class, "warning")
                                    ? _("Rule met") : _("No rule met"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->rules_list, row);
}

static char *
describe_hit (ClRuleHit *hit)
{
  g_autofree char *since = cl_format_date (cl_rule_hit_get_since (hit));
  guint sessions = cl_rule_hit_get_sessions (hit);

  if (sessions > 0)
    /* Translators: under a rule met, e.g. "Since 08/09/2025 · 12 sessions". */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Since %s · %u session",
                                         "Since %s · %u sessions", sessions),
                            since, sessions);
  return g_strdup_printf (_("Since %s"), since);
}

static void
show_rules (ClAttendanceCard *self,
            ClDatabase       *db,
            gint64            pupil_id,
            const char       *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = cl_rules_evaluate_pupil (db, pupil_id, today, &error);

  clear_rules (self);
  if (hits == NULL)
    {
      add_rule_row (self, "dialog-error-symbolic", "error",
                    _("The attendance rules could not be checked"), error->message);
      return;
    }
  if (hits->len == 0)
    {
      add_rule_row (self, "emblem-ok-symbolic", "success", _("No attendance rules met today"),
                    NULL);
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      ClRuleHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *subtitle = describe_hit (hit);

      add_rule_row (self, "dialog-warning-symbolic", "warning",
                    cl_rule_hit_get_description (hit), subtitle);
    }
}

static void
set_count (ClAttendanceCard *self,
           Count             count,
           guint             value)
{
  g_autofree char *text = cl_format_count (value);

  gtk_label_set_text (self->count_labels[count], text);
}

void
cl_attendance_card_show_pupil (ClAttendanceCard *self,
                               ClDatabase       *db,
                               gint64            pupil_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = cl_format_today_iso ();
  g_autofree char *from = NULL;
  g_autofree char *year = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *period = NULL;
  g_autofree char *text = NULL;
  ClAttendanceSummary summary = { 0 };
  int academic_year = cl_current_academic_year ();

  g_return_if_fail (CL_IS_ATTENDANCE_CARD (self));
  g_return_if_fail (CL_IS_DATABASE (db));

  from = g_strdup_printf ("%d-09-01", academic_year);
  year = cl_format_academic_year (academic_year);
  show_rules (self, db, pupil_id, today);

  if (!cl_attendance_summary_for_pupil (db, pupil_id, from, today, &summary, &error))
    {
      text = g_strdup_printf (_("The attendance could not be read: %s"), error->message);
      gtk_label_set_text (self->empty_label, text);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (summary.possible == 0)
    {
      /* Translators: "No sessions recorded in 2025/26 so far." */
      text = g_strdup_printf (_("No sessions recorded in %s so far."), year);
      gtk_label_set_text (self->empty_label, text);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  from_text = cl_format_date (from);
  today_text = cl_format_date (today);
  /* Translators: "2025/26, 01/09/2025 to 01/10/2025". */
  period = g_strdup_printf (_("%s, %s to %s"), year, from_text, today_text);
  gtk_label_set_text (self->period_label, period);

  text = cl_format_percent (summary.attendance_percent);
  gtk_label_set_text (self->attendance_label, text);
  g_free (text);
  text = cl_format_percent (summary.absence_percent);
  gtk_label_set_text (self->absence_label, text);

  /* Severe absence is persistent absence too; one badge says it. */
  gtk_widget_set_visible (self->severe_badge, summary.severe);
  gtk_widget_set_visible (self->persistent_badge, summary.persistent && !summary.severe);

  set_count (self, COUNT_POSSIBLE, summary.possible);
  set_count (self, COUNT_PRESENT, summary.present);
  set_count (self, COUNT_AUTHORISED, summary.authorised);
  set_count (self, COUNT_UNAUTHORISED, summary.unauthorised);
  set_count (self, COUNT_AEA, summary.approved_activity);
  set_count (self, COUNT_LATE, summary.late);
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

void
cl_attendance_card_clear (ClAttendanceCard *self)
{
  g_return_if_fail (CL_IS_ATTENDANCE_CARD (self));

  clear_rules (self);
  gtk_label_set_text (self->empty_label, "");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkLabel *
cl_attendance_card_get_attendance_label (ClAttendanceCard *self)
{
  return self->attendance_label;
}

GtkWidget *
cl_attendance_card_get_persistent_badge (ClAttendanceCard *self)
{
  return self->persistent_badge;
}

GtkWidget *
cl_attendance_card_get_severe_badge (ClAttendanceCard *self)
{
  return self->severe_badge;
}

GtkListBox *
cl_attendance_card_get_rules_list (ClAttendanceCard *self)
{
  return self->rules_list;
}

static void
cl_attendance_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CL_TYPE_ATTENDANCE_CARD);

  G_OBJECT_CLASS (cl_attendance_card_parent_class)->dispose (object);
}

static void
cl_attendance_card_class_init (ClAttendanceCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_attendance_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-attendance-card.ui");
  gtk_widget_class_bind_template_child (widget_class, ClAttendanceCard, box);
  gtk_widget_class_bind_template_child (widget_class, ClAttendanceCard, stack);
  gtk_widget_class_bind_template_child (widget_class, ClAttendanceCard, period_label);
  gtk_widget_class_bind_template_child (widget_class, ClAttendanceCard, attendance_label);
  gtk_widget_class_bind_template_child (widget_class, ClAttendanceCard, absence_label);
  gtk_widget_class_bind_template_child (widget_class, ClAttendanceCard, persistent_badge);
  gtk_widget_class_bind_template_child (widget_class, ClAttendanceCard, severe_badge);
  gtk_widget_class_bind_template_child (widget_class, ClAttendanceCard, counts_grid);
  gtk_widget_class_bind_template_child (widget_class, ClAttendanceCard, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ClAttendanceCard, rules_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_attendance_card_init (ClAttendanceCard *self)
{
  /* Two pairs of label and figure a row, in the order officers read them. */
  const struct {
    const char *label;
    const char *tooltip;
  } counts[N_COUNTS] = {
    [COUNT_POSSIBLE] = { N_("Possible"), N_("Possible sessions: every session that counts") },
    [COUNT_PRESENT] = { N_("Present"), N_("Present, late before the register closed included") },
    [COUNT_AUTHORISED] = { N_("Authorised"), N_("Sessions of authorised absence") },
    [COUNT_UNAUTHORISED] = { N_("Unauthorised"),
                             N_("Sessions of unauthorised absence, late after the register "
                                "closed included") },
    [COUNT_AEA] = { N_("Approved activity"),
                    N_("Approved educational activity off site, counted as attending") },
    [COUNT_LATE] = { N_("Late"), N_("Sessions marked late (L or U)") },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_COUNTS; i++)
    {
      GtkWidget *name = gtk_label_new (_(counts[i].label));
      GtkWidget *value = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_widget_set_tooltip_text (name, _(counts[i].tooltip));
      gtk_label_set_xalign (GTK_LABEL (value), 1.0);
      gtk_widget_add_css_class (value, "numeric");
      /* Spoken as "Possible: 118". */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      name, NULL, -1);
      if (i % 2 == 1)
        gtk_widget_set_margin_start (name, 18);
      gtk_grid_attach (self->counts_grid, name, (i % 2) * 2, i / 2, 1, 1);
      gtk_grid_attach (self->counts_grid, value, (i % 2) * 2 + 1, i / 2, 1, 1);
      self->count_labels[i] = GTK_LABEL (value);
    }
}
