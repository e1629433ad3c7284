/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-family-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-register-repository.h"
#include "casework/cl-case-repository.h"
#include "people/cl-pupil.h"
#include "store/cl-dates.h"
#include "ui/cl-case-weeks.h"
#include "ui/cl-caseload-page-private.h"
#include "ui/cl-compat.h"
#include "ui/cl-family-view.h"
#include "ui/cl-format.h"
#include "ui/cl-session-strip.h"

/* How far back the family's timeline reaches: from the referral, but at
 * least a term's worth of weeks and at most a year. */
#define MIN_WEEKS 14
#define MAX_WEEKS 52

typedef struct
{
  GtkWidget *name_box;
  GtkWidget *strip;
  GtkWidget *percent;
  char      *name;
  char      *school;
} Row;

struct _ClFamilyView
{
  GtkWidget       parent_instance;

  /* template */
  GtkWidget      *box;
  AdwWindowTitle *window_title;
  GtkLabel       *intro_label;
  GtkGrid        *rows_grid;
  GtkDrawingArea *axis;
  GtkWidget      *percent_heading;
  GtkWidget      *legend;

  GArray         *rows;    /* Row */
  ClCaseWeeks    *weeks;
  gboolean        folded;
};

G_DEFINE_FINAL_TYPE (ClFamilyView, cl_family_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  BACK,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

GtkWidget *
cl_family_view_new (void)
{
  return g_object_new (CL_TYPE_FAMILY_VIEW, NULL);
}

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->name);
  g_free (row->school);
}

static void
clear_rows (ClFamilyView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      gtk_grid_remove (self->rows_grid, row->name_box);
      gtk_grid_remove (self->rows_grid, row->strip);
      gtk_grid_remove (self->rows_grid, row->percent);
    }
  g_array_set_size (self->rows, 0);
}

/* Month names over the strips, at the first school day of each month. */
static void
draw_axis (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  ClFamilyView *self = user_data;
  guint n_weeks;
  int last_month = -1;
  double last_end = -1000;
  GdkRGBA fg;

  if (self->weeks == NULL)
    return;
  n_weeks = cl_case_weeks_get_n_weeks (self->weeks);
  cl_widget_get_color (GTK_WIDGET (area), &fg);

  for (guint w = 0; w < n_weeks; w++)
    for (guint d = 0; d < 5; d++)
      {
        const char *monday = cl_case_weeks_get_monday (self->weeks, w);
        guint32 julian;
        GDate date;
        double x, day_width;

        if (!cl_attendance_date_to_julian (monday, &julian))
          continue;
        g_date_set_julian (&date, julian + d);
        if ((int) g_date_get_month (&date) == last_month)
          continue;
        last_month = g_date_get_month (&date);
        cl_session_strip_day_geometry (n_weeks, width, w * 5 + d, &x, &day_width);

        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.4);
        cairo_rectangle (cr, x, height - 5, 1, 5);
        cairo_fill (cr);
        if (x > last_end + 4)
          {
            char text[32];
            PangoLayout *layout;
            int text_width;

            g_date_strftime (text, sizeof text, "%b", &date);
            if (g_date_get_month (&date) == G_DATE_JANUARY || last_end < 0)
              g_date_strftime (text, sizeof text, "%b %Y", &date);
            layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), text);
            pango_layout_get_pixel_size (layout, &text_width, NULL);
            if (x + 3 + text_width <= width)
              {
                cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.7);
                cairo_move_to (cr, x + 3, 0);
                pango_cairo_show_layout (cr, layout);
                last_end = x + 3 + text_width;
              }
            g_object_unref (layout);
          }
      }
}

static void
add_row (ClFamilyView *self,
         ClPupil      *pupil,
         guint         index,
         gboolean      on_case)
{
  Row row = { 0 };
  GtkWidget *name_label, *school_label, *top;
  const ClAttendanceSummary *total = cl_case_weeks_get_total (self->weeks, index);
  g_autofree char *percent = NULL;
  g_autofree char *description = NULL;
  g_autofree char *from = cl_format_date (cl_case_weeks_get_monday (self->weeks, 0));
  g_autofree char *year = NULL;
  int grid_row = (int) self->rows->len + 1;

  row.name = g_strdup_printf ("%s %s", cl_pupil_get_forename (pupil), cl_pupil_get_surname (pupil));
  row.school = g_strdup (*cl_pupil_get_school_name (pupil) != '\0'
                           ? cl_pupil_get_school_name (pupil) : _("Not on roll"));

  row.name_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_size_request (row.name_box, 220, -1);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  name_label = gtk_label_new (row.name);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name_label, "heading");
  gtk_box_append (GTK_BOX (top), name_label);
  if (on_case)
    {
      GtkWidget *badge = gtk_label_new (_("On this case"));

      gtk_widget_add_css_class (badge, "case-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (top), badge);
    }
  gtk_box_append (GTK_BOX (row.name_box), top);
  if (*cl_pupil_get_dob (pupil) != '\0')
    year = cl_nc_year_label (cl_pupil_get_nc_year (pupil));
  {
    g_autofree char *subtitle = year != NULL ? g_strdup_printf ("%s · %s", row.school, year)
                                             : g_strdup (row.school);
    school_label = gtk_label_new (subtitle);
  }
  gtk_label_set_xalign (GTK_LABEL (school_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (school_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (school_label, "dim-label");
  gtk_widget_add_css_class (school_label, "caption");
  gtk_box_append (GTK_BOX (row.name_box), school_label);

  if (total->possible > 0)
    percent = cl_format_percent (total->attendance_percent);
  row.percent = gtk_label_new (percent != NULL ? percent : _("No school"));
  gtk_label_set_xalign (GTK_LABEL (row.percent), 1);
  gtk_widget_add_css_class (row.percent, "numeric");
  gtk_widget_set_valign (row.percent, GTK_ALIGN_CENTER);

  if (percent != NULL)
    /* Translators: what a child's strip in the family view says to screen readers. */
    description = g_strdup_printf (_("%s, %s: attendance %s from the week of %s"),
                                   row.name, row.school, percent, from);
  else
    description = g_strdup_printf (_("%s, %s: no school from the week of %s"),
                                   row.name, row.school, from);
  row.strip = cl_session_strip_new (TRUE);
  gtk_widget_set_hexpand (row.strip, TRUE);
  gtk_widget_set_valign (row.strip, GTK_ALIGN_CENTER);
  cl_session_strip_set_sessions (CL_SESSION_STRIP (row.strip),
                                 cl_case_weeks_get_sessions (self->weeks, index, 0),
                                 cl_case_weeks_get_n_weeks (self->weeks), description);

  gtk_grid_attach (self->rows_grid, row.name_box, 0, grid_row, 1, 1);
  gtk_grid_attach (self->rows_grid, row.strip, 1, grid_row, 1, 1);
  gtk_grid_attach (self->rows_grid, row.percent, 2, grid_row, 1, 1);
  g_array_append_val (self->rows, row);
}

static gboolean
in_model (GListModel *pupils,
          gint64      id)
{
  guint n = g_list_model_get_n_items (pupils);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (pupils, i);

      if (cl_pupil_get_id (pupil) == id)
        return TRUE;
    }
  return FALSE;
}

gboolean
cl_family_view_load (ClFamilyView  *self,
                     ClDatabase    *db,
                     gint64         case_id,
                     GError       **error)
{
  g_autoptr(ClCaseRepository) repository = NULL;
  g_autoptr(ClCase) kase = NULL;
  g_autoptr(GListModel) family = NULL;
  g_autoptr(GListModel) on_case = NULL;
  g_autoptr(ClCodeTable) codes = NULL;
  g_autoptr(GHashTable) schools = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *today = cl_format_today_iso ();
  g_autofree char *from = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *intro = NULL;
  guint32 j_today, j_referral, j_from;
  guint n;

  g_return_val_if_fail (CL_IS_FAMILY_VIEW (self), FALSE);
  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);

  repository = cl_case_repository_new (db);
  if ((kase = cl_case_repository_get (repository, case_id, error)) == NULL
      || (family = cl_case_repository_family (repository, case_id, error)) == NULL
      || (on_case = cl_case_repository_pupils (repository, case_id, error)) == NULL
      || (codes = cl_code_table_load (db, error)) == NULL)
    return FALSE;

  if (!cl_attendance_date_to_julian (today, &j_today))
    j_today = 0;
  if (!cl_attendance_date_to_julian (cl_case_get_referral_date (kase), &j_referral))
    j_referral = j_today;
  j_from = CLAMP (j_referral, j_today - 7 * (MAX_WEEKS - 1), j_today - 7 * (MIN_WEEKS - 1));
  from = cl_attendance_date_from_julian (j_from);

  clear_rows (self);
  g_clear_pointer (&self->weeks, cl_case_weeks_unref);
  self->weeks = cl_case_weeks_new (from, today, today);
  if (self->weeks == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Today’s date is not valid."));
      return FALSE;
    }

  n = g_list_model_get_n_items (family);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClPupil) pupil = g_list_model_get_item (family, i);
      g_autoptr(GPtrArray) registers = cl_register_load_for_pupil (db, cl_pupil_get_id (pupil),
                                                                   error);
      guint index;

      if (registers == NULL)
        {
          clear_rows (self);
          return FALSE;
        }
      index = cl_case_weeks_add_row (self->weeks, cl_pupil_get_forename (pupil), registers, codes);
      add_row (self, pupil, index, in_model (on_case, cl_pupil_get_id (pupil)));
      if (*cl_pupil_get_school_name (pupil) != '\0')
        g_hash_table_add (schools, (gpointer) g_array_index (self->rows, Row,
                                                             self->rows->len - 1).school);
    }

  adw_window_title_set_title (self->window_title, _("Family"));
  /* Translators: the family view's subtitle, "3 children at 2 schools". */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u child", "%u children", n), n);
  if (g_hash_table_size (schools) > 0)
    {
      g_autofree char *with_schools =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s at %u school", "%s at %u schools",
                                      g_hash_table_size (schools)),
                         subtitle, g_hash_table_size (schools));
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_schools);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle);

  from_text = cl_format_long_date (cl_case_weeks_get_monday (self->weeks, 0));
  /* Translators: above the family's timelines. */
  intro = g_strdup_printf (_("The household of %s: every child who shares a parent or carer "
                             "with them, at any school. Each column is a school day, the "
                             "morning above the afternoon, from the week of %s to this week."),
                           cl_case_get_title (kase), from_text);
  gtk_label_set_text (self->intro_label, intro);
  gtk_widget_queue_draw (GTK_WIDGET (self->axis));
  return TRUE;
}

static void
back_clicked_cb (ClFamilyView *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

/* --- test hooks (cl-caseload-page-private.h) ----------------------------------------- */

guint
cl_family_view_get_n_rows (ClFamilyView *self)
{
  return self->rows->len;
}

ClSessionStrip *
cl_family_view_get_strip (ClFamilyView *self,
                          guint         row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  return CL_SESSION_STRIP (g_array_index (self->rows, Row, row).strip);
}

const char *
cl_family_view_get_row_name (ClFamilyView *self,
                             guint         row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  return g_array_index (self->rows, Row, row).name;
}

const char *
cl_family_view_get_row_school (ClFamilyView *self,
                               guint         row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  return g_array_index (self->rows, Row, row).school;
}

/* --- life cycle ----------------------------------------------------------------------- */

static void
cl_family_view_dispose (GObject *object)
{
  ClFamilyView *self = CL_FAMILY_VIEW (object);

  g_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_FAMILY_VIEW);
  g_clear_pointer (&self->weeks, cl_case_weeks_unref);

  G_OBJECT_CLASS (cl_family_view_parent_class)->dispose (object);
}

static void
cl_family_view_finalize (GObject *object)
{
  ClFamilyView *self = CL_FAMILY_VIEW (object);

  g_array_unref (self->rows);

  G_OBJECT_CLASS (cl_family_view_parent_class)->finalize (object);
}

static void
cl_family_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClFamilyView *self = CL_FAMILY_VIEW (object);

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
cl_family_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ClFamilyView *self = CL_FAMILY_VIEW (object);

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
cl_family_view_class_init (ClFamilyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_family_view_dispose;
  object_class->finalize = cl_family_view_finalize;
  object_class->get_property = cl_family_view_get_property;
  object_class->set_property = cl_family_view_set_property;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-family-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ClFamilyView, box);
  gtk_widget_class_bind_template_child (widget_class, ClFamilyView, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClFamilyView, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ClFamilyView, rows_grid);
  gtk_widget_class_bind_template_child (widget_class, ClFamilyView, axis);
  gtk_widget_class_bind_template_child (widget_class, ClFamilyView, percent_heading);
  gtk_widget_class_bind_template_child (widget_class, ClFamilyView, legend);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_family_view_init (ClFamilyView *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->axis, draw_axis, self, NULL);
}
