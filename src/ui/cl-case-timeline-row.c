/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-case-timeline-row"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "casework/cl-casework-vocab.h"
#include "casework/cl-mileage.h"
#include "store/cl-dates.h"
#include "ui/cl-case-timeline-row.h"
#include "ui/cl-format.h"
#include "ui/cl-session-strip.h"

/* Rows are made in code, not from a template, and each half only when a
 * row first shows that kind of line: GTK 4.8's list view makes up to 200
 * rows when a case opens, and a 200-event chronology must be on screen
 * within 100 ms (issue 4). The look is in style.css (.timeline-week,
 * .timeline-event). */

struct _ClCaseTimelineRow
{
  GtkWidget           parent_instance;

  GtkWidget          *box;

  /* a week of the register */
  GtkWidget          *week_box;
  GtkWidget          *week_label;
  GtkWidget          *strips_box;
  GtkWidget          *percent_label;

  /* an event */
  GtkWidget          *event_box;
  GtkWidget          *type_icon;
  GtkWidget          *title_label;
  GtkWidget          *when_label;
  GtkWidget          *done_button;
  GtkWidget          *correct_button;
  GtkWidget          *summary_label;
  GtkWidget          *detail_label;
  GtkWidget          *action_label;
  GtkWidget          *correction_expander;
  GtkWidget          *original_label;

  ClCaseTimelineItem *item;
};

G_DEFINE_FINAL_TYPE (ClCaseTimelineRow, cl_case_timeline_row, GTK_TYPE_WIDGET)

static const struct {
  const char *type;
  const char *icon;
} type_icons[] = {
  { "home_visit", "go-home-symbolic" },
  { "home_visit_no_reply", "go-home-symbolic" },
  { "school_visit", "find-location-symbolic" },
  { "phone_call", "call-start-symbolic" },
  { "letter", "mail-send-symbolic" },
  { "meeting", "system-users-symbolic" },
  { "referral", "emblem-shared-symbolic" },
  { "assessment", "view-list-bullet-symbolic" },
  { "attendance_contract", "emblem-documents-symbolic" },
  { "note", "document-edit-symbolic" },
};

GtkWidget *
cl_case_timeline_row_new (void)
{
  return g_object_new (CL_TYPE_CASE_TIMELINE_ROW, NULL);
}

static GtkWidget *
label_new (const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
ensure_week_box (ClCaseTimelineRow *self)
{
  if (self->week_box != NULL)
    return;
  self->week_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->week_box, "timeline-week");
  self->week_label = label_new ("week-label", FALSE);
  gtk_label_set_width_chars (GTK_LABEL (self->week_label), 18);
  self->strips_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_valign (self->strips_box, GTK_ALIGN_CENTER);
  self->percent_label = label_new ("numeric", FALSE);
  gtk_widget_add_css_class (self->percent_label, "week-percent");
  gtk_box_append (GTK_BOX (self->week_box), self->week_label);
  gtk_box_append (GTK_BOX (self->week_box), self->strips_box);
  gtk_box_append (GTK_BOX (self->week_box), self->percent_label);
  gtk_box_append (GTK_BOX (self->box), self->week_box);
}

static void
ensure_event_box (ClCaseTimelineRow *self)
{
  GtkWidget *header;

  if (self->event_box != NULL)
    return;
  self->event_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (self->event_box, "timeline-event");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->type_icon = gtk_image_new ();
  self->title_label = label_new ("heading", FALSE);
  self->when_label = label_new ("dim-label", FALSE);
  gtk_widget_add_css_class (self->when_label, "numeric");
  gtk_widget_set_hexpand (self->when_label, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (self->when_label), PANGO_ELLIPSIZE_END);
  self->done_button = gtk_button_new_with_mnemonic (_("Mark _Done"));
  gtk_widget_set_tooltip_text (self->done_button, _("Mark the next action done"));
  /* A target before the action's name: the action takes an event id. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->done_button),
                                          g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->done_button), "case.complete-action");
  self->correct_button = gtk_button_new_with_mnemonic (_("C_orrect…"));
  gtk_widget_set_tooltip_text (self->correct_button,
                               _("Correct this event; what it said is kept"));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->correct_button),
                                          g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->correct_button), "case.correct-event");
  gtk_widget_add_css_class (self->done_button, "flat");
  gtk_widget_add_css_class (self->correct_button, "flat");
  gtk_box_append (GTK_BOX (header), self->type_icon);
  gtk_box_append (GTK_BOX (header), self->title_label);
  gtk_box_append (GTK_BOX (header), self->when_label);
  gtk_box_append (GTK_BOX (header), self->done_button);
  gtk_box_append (GTK_BOX (header), self->correct_button);
  gtk_box_append (GTK_BOX (self->event_box), header);

  self->summary_label = label_new (NULL, TRUE);
  self->detail_label = label_new (NULL, TRUE);
  self->action_label = label_new ("next-action", TRUE);
  self->correction_expander = gtk_expander_new (NULL);
  gtk_widget_add_css_class (self->correction_expander, "correction");
  self->original_label = label_new ("dim-label", TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->original_label), FALSE);
  gtk_expander_set_child (GTK_EXPANDER (self->correction_expander), self->original_label);
  gtk_box_append (GTK_BOX (self->event_box), self->summary_label);
  gtk_box_append (GTK_BOX (self->event_box), self->detail_label);
  gtk_box_append (GTK_BOX (self->event_box), self->action_label);
  gtk_box_append (GTK_BOX (self->event_box), self->correction_expander);
  gtk_box_append (GTK_BOX (self->box), self->event_box);
}

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gboolean shown = text != NULL && *text != '\0';

  gtk_label_set_text (GTK_LABEL (label), shown ? text : "");
  gtk_widget_set_visible (label, shown);
}

static char *
initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name != NULL ? name : "", " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (words[i])));
  return g_string_free (out, FALSE);
}

static void
show_week (ClCaseTimelineRow *self,
           ClCaseWeeks       *weeks,
           guint              week)
{
  guint n_rows = cl_case_weeks_get_n_rows (weeks);
  double percent = cl_case_weeks_get_percent (weeks, CL_CASE_WEEKS_ALL_ROWS, week);
  g_autofree char *monday = cl_format_date (cl_case_weeks_get_monday (weeks, week));
  g_autofree char *week_text = NULL;
  g_autofree char *percent_text = NULL;
  GtkWidget *line;
  guint r = 0;

  ensure_week_box (self);
  /* Translators: the first day of a school week in the case timeline. */
  week_text = g_strdup_printf (_("Week of %s"), monday);
  gtk_label_set_text (GTK_LABEL (self->week_label), week_text);
  if (percent >= 0)
    percent_text = cl_format_percent (percent);
  /* Translators: a week with no possible sessions (a holiday). */
  gtk_label_set_text (GTK_LABEL (self->percent_label),
                      percent_text != NULL ? percent_text : _("No school"));
  gtk_widget_set_opacity (self->percent_label, percent >= 0 ? 1.0 : 0.55);

  /* A strip a child: reuse the lines there are, add or hide the rest. */
  line = gtk_widget_get_first_child (self->strips_box);
  for (r = 0; r < n_rows; r++)
    {
      GtkWidget *who, *strip;
      const char *name = cl_case_weeks_get_row_label (weeks, r);
      g_autofree char *short_name = initials (name);
      g_autofree char *description = NULL;
      double child_percent = cl_case_weeks_get_percent (weeks, r, week);

      if (line == NULL)
        {
          line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          who = label_new ("caption", FALSE);
          gtk_label_set_width_chars (GTK_LABEL (who), 3);
          gtk_widget_add_css_class (who, "dim-label");
          strip = cl_session_strip_new (FALSE);
          gtk_box_append (GTK_BOX (line), who);
          gtk_box_append (GTK_BOX (line), strip);
          gtk_box_append (GTK_BOX (self->strips_box), line);
        }
      who = gtk_widget_get_first_child (line);
      strip = gtk_widget_get_next_sibling (who);
      gtk_label_set_text (GTK_LABEL (who), short_name);
      gtk_widget_set_tooltip_text (who, name);
      gtk_widget_set_visible (who, n_rows > 1);
      if (child_percent >= 0)
        {
          g_autofree char *p = cl_format_percent (child_percent);
          /* Translators: what a week's register strip says to screen readers. */
          description = g_strdup_printf (_("%s, week of %s: attendance %s"), name, monday, p);
        }
      else
        description = g_strdup_printf (_("%s, week of %s: no school"), name, monday);
      cl_session_strip_set_sessions (CL_SESSION_STRIP (strip),
                                     cl_case_weeks_get_sessions (weeks, r, week), 1,
                                     description);
      gtk_widget_set_visible (line, TRUE);
      line = gtk_widget_get_next_sibling (line);
    }
  for (; line != NULL; line = gtk_widget_get_next_sibling (line))
    gtk_widget_set_visible (line, FALSE);
}

static char *
format_when (ClCaseEvent *event,
             const char  *officer_name)
{
  GString *when = g_string_new (NULL);
  const char *time = cl_case_event_get_time (event);
  guint duration = cl_case_event_get_duration (event);
  int miles = cl_case_event_get_miles_tenths (event);
  GDate date;

  if (cl_date_parse (cl_case_event_get_date (event), &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 12, 0, 0);
      /* Translators: an event's date in the timeline, strftime style: "Wed 01/10/2025". */
      g_autofree char *text = g_date_time_format (dt, _("%a %d/%m/%Y"));
      g_string_append (when, text);
    }
  else
    g_string_append (when, cl_case_event_get_date (event));
  if (*time != '\0')
    g_string_append_printf (when, " %s", time);
  if (duration > 0)
    {
      if (duration >= 60 && duration % 60 == 0)
        /* Translators: a duration, "2 h". */
        g_string_append_printf (when, _(" · %u h"), duration / 60);
      else if (duration >= 60)
        /* Translators: a duration, "1 h 30 min". */
        g_string_append_printf (when, _(" · %u h %u min"), duration / 60, duration % 60);
      else
        /* Translators: a duration, "45 min". */
        g_string_append_printf (when, _(" · %u min"), duration);
    }
  if (miles > 0)
    {
      g_autofree char *m = cl_miles_format (miles);
      /* Translators: miles driven for an event, "8.5 miles". */
      g_string_append_printf (when, _(" · %s miles"), m);
    }
  if (officer_name != NULL && *officer_name != '\0')
    g_string_append_printf (when, " · %s", officer_name);
  return g_string_free (when, FALSE);
}

static void
append_line (GString    *text,
             const char *heading,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  /* Translators: a labelled line under an event, "Outcome: Agreed a plan". */
  g_string_append_printf (text, _("%s: %s"), heading, value);
}

static void
show_event (ClCaseTimelineRow  *self,
            ClCaseTimelineItem *item,
            const char         *today)
{
  ClCaseEvent *event = cl_case_timeline_item_get_event (item);
  const char *type = cl_case_event_get_event_type (event);
  const char *icon = "document-edit-symbolic";
  const char *action = cl_case_event_get_next_action (event);
  const char *correction = cl_case_timeline_item_get_correction (item);
  g_autofree char *title = cl_case_event_dup_title (event);
  g_autofree char *when = format_when (event, cl_case_timeline_item_get_officer_name (item));
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *action_text = NULL;
  gboolean overdue = FALSE;
  GVariant *target = g_variant_new_int64 (cl_case_event_get_id (event));

  ensure_event_box (self);
  for (guint i = 0; i < G_N_ELEMENTS (type_icons); i++)
    if (g_strcmp0 (type, type_icons[i].type) == 0)
      icon = type_icons[i].icon;
  gtk_image_set_from_icon_name (GTK_IMAGE (self->type_icon), icon);
  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  gtk_label_set_text (GTK_LABEL (self->when_label), when);
  gtk_widget_set_tooltip_text (self->when_label, when);

  set_label (self->summary_label, cl_case_event_get_summary (event));
  append_line (detail, _("Took part"),
               cl_case_event_get_text (event, CL_CASE_EVENT_PARTICIPANTS));
  append_line (detail, _("Outcome"), cl_case_event_get_text (event, CL_CASE_EVENT_OUTCOME));
  append_line (detail, _("Child’s views"),
               cl_case_event_get_text (event, CL_CASE_EVENT_CHILD_VIEWS));
  append_line (detail, _("Parents’ views"),
               cl_case_event_get_text (event, CL_CASE_EVENT_PARENT_VIEWS));
  append_line (detail, _("Barriers to attendance"),
               cl_case_event_get_text (event, CL_CASE_EVENT_BARRIERS));
  append_line (detail, _("Strengths"), cl_case_event_get_text (event, CL_CASE_EVENT_STRENGTHS));
  set_label (self->detail_label, detail->str);

  if (*action != '\0')
    {
      const char *due = cl_case_event_get_next_action_due (event);
      g_autofree char *due_text = cl_format_date (due);

      if (!cl_case_event_is_action_open (event))
        {
          g_autofree char *done_day = g_strndup (cl_case_event_get_action_done_at (event), 10);
          g_autofree char *done = cl_format_date (done_day);
          /* Translators: a next action that has been done, with its due date and when. */
          action_text = g_strdup_printf (_("Next action: %s — due %s, done %s"), action, due_text,
                                         done);
        }
      else
        {
          overdue = today != NULL && *due != '\0' && strcmp (due, today) < 0;
          action_text = overdue
            /* Translators: an open next action whose due date has passed. */
            ? g_strdup_printf (_("Next action: %s — due %s · Overdue"), action, due_text)
            : g_strdup_printf (_("Next action: %s — due %s"), action, due_text);
        }
    }
  set_label (self->action_label, action_text);
  if (overdue)
    gtk_widget_add_css_class (self->action_label, "overdue");
  else
    gtk_widget_remove_css_class (self->action_label, "overdue");
  gtk_widget_set_visible (self->done_button, cl_case_event_is_action_open (event));

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->done_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->correct_button), target);

  gtk_widget_set_visible (self->correction_expander, correction != NULL);
  if (correction != NULL)
    {
      gtk_expander_set_label (GTK_EXPANDER (self->correction_expander), correction);
      gtk_expander_set_expanded (GTK_EXPANDER (self->correction_expander), FALSE);
      gtk_label_set_text (GTK_LABEL (self->original_label),
                          cl_case_timeline_item_get_original (item));
    }
}

void
cl_case_timeline_row_set_item (ClCaseTimelineRow  *self,
                               ClCaseTimelineItem *item,
                               const char         *today)
{
  gboolean week;

  g_return_if_fail (CL_IS_CASE_TIMELINE_ROW (self));
  g_return_if_fail (item == NULL || CL_IS_CASE_TIMELINE_ITEM (item));

  g_set_object (&self->item, item);
  if (item == NULL)
    return;
  week = cl_case_timeline_item_get_kind (item) == CL_CASE_TIMELINE_WEEK;
  if (week)
    show_week (self, cl_case_timeline_item_get_weeks (item), cl_case_timeline_item_get_week (item));
  else
    show_event (self, item, today);
  if (self->week_box != NULL)
    gtk_widget_set_visible (self->week_box, week);
  if (self->event_box != NULL)
    gtk_widget_set_visible (self->event_box, !week);
}

ClCaseTimelineItem *
cl_case_timeline_row_get_item (ClCaseTimelineRow *self)
{
  g_return_val_if_fail (CL_IS_CASE_TIMELINE_ROW (self), NULL);
  return self->item;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

char *
cl_case_timeline_row_dup_text (ClCaseTimelineRow *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (CL_IS_CASE_TIMELINE_ROW (self), NULL);
  collect_text (self->box, text);
  return g_string_free (text, FALSE);
}

static void
cl_case_timeline_row_dispose (GObject *object)
{
  ClCaseTimelineRow *self = CL_CASE_TIMELINE_ROW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (cl_case_timeline_row_parent_class)->dispose (object);
}

static void
cl_case_timeline_row_class_init (ClCaseTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_case_timeline_row_dispose;

  gtk_widget_class_set_css_name (widget_class, "timelinerow");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_case_timeline_row_init (ClCaseTimelineRow *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}
