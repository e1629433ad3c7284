/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-trend-sparkline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ui/cl-compat.h"
#include "ui/cl-trend-sparkline.h"

#define WIDTH  36
#define HEIGHT 18
#define MAX_VALUES 16
/* Below this a pupil is persistently absent (DOMAIN.md §2). */
#define PERSISTENT_LINE 90.0

struct _ClTrendSparkline
{
  GtkWidget  parent_instance;

  double     values[MAX_VALUES];
  guint      n_values;
  char      *label;
};

G_DEFINE_FINAL_TYPE (ClTrendSparkline, cl_trend_sparkline, GTK_TYPE_WIDGET)

GtkWidget *
cl_trend_sparkline_new (void)
{
  return g_object_new (CL_TYPE_TREND_SPARKLINE, NULL);
}

static char *
describe (const double *values,
          guint         n_values)
{
  GString *figures = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append (figures, ", ");
      if (values[i] < 0)
        /* Translators: a week without school in "4-week trend: 88, –, 80, 76 %". */
        g_string_append (figures, _("–"));
      else
        g_string_append_printf (figures, "%.0f", values[i]);
    }
  text = g_string_free (figures, FALSE);
  /* Translators: read by screen readers for the small trend line, e.g.
   * "4-week trend: 88, 85, 80, 76 %". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u-week trend: %s %%",
                                       "%u-week trend: %s %%", n_values),
                          n_values, text);
}

void
cl_trend_sparkline_set_values (ClTrendSparkline *self,
                               const double     *values,
                               guint             n_values)
{
  g_autofree char *label = NULL;

  g_return_if_fail (CL_IS_TREND_SPARKLINE (self));
  g_return_if_fail (values != NULL || n_values == 0);

  n_values = MIN (n_values, MAX_VALUES);
  for (guint i = 0; i < n_values; i++)
    self->values[i] = values[i];
  self->n_values = n_values;

  label = describe (values, n_values);
  if (g_strcmp0 (label, self->label) != 0)
    {
      g_free (self->label);
      self->label = g_steal_pointer (&label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->label, -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->label);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
cl_trend_sparkline_get_accessible_label (ClTrendSparkline *self)
{
  g_return_val_if_fail (CL_IS_TREND_SPARKLINE (self), NULL);
  return self->label;
}

static void
cl_trend_sparkline_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? WIDTH : HEIGHT;
}

static void
cl_trend_sparkline_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ClTrendSparkline *self = CL_TREND_SPARKLINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double pad = 2.5, plot_h = height - 2 * pad;
  double step;
  gboolean pen_down = FALSE;
  GdkRGBA fg;
  cairo_t *cr;

  if (self->n_values == 0)
    return;
  cl_widget_get_color (widget, &fg);
  step = self->n_values > 1 ? (width - 2 * pad) / (self->n_values - 1) : 0;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The persistent-absence line. */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.25);
  cairo_move_to (cr, pad, round (pad + plot_h * (1 - PERSISTENT_LINE / 100)) + 0.5);
  cairo_line_to (cr, width - pad, round (pad + plot_h * (1 - PERSISTENT_LINE / 100)) + 0.5);
  cairo_stroke (cr);

  gdk_cairo_set_source_rgba (cr, &fg);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < self->n_values; i++)
    {
      double v = self->values[i];
      double x = pad + i * step, y;

      if (v < 0)
        {
          pen_down = FALSE;
          continue;
        }
      y = pad + plot_h * (1 - CLAMP (v, 0, 100) / 100);
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
    }
  cairo_stroke (cr);

  /* The latest week as a dot. */
  for (int i = (int) self->n_values - 1; i >= 0; i--)
    if (self->values[i] >= 0)
      {
        cairo_arc (cr, pad + i * step, pad + plot_h * (1 - CLAMP (self->values[i], 0, 100) / 100),
                   2.2, 0, 2 * G_PI);
        cairo_fill (cr);
        break;
      }
  cairo_destroy (cr);
}

static void
cl_trend_sparkline_finalize (GObject *object)
{
  ClTrendSparkline *self = CL_TREND_SPARKLINE (object);

  g_free (self->label);

  G_OBJECT_CLASS (cl_trend_sparkline_parent_class)->finalize (object);
}

static void
cl_trend_sparkline_class_init (ClTrendSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_trend_sparkline_finalize;
  widget_class->measure = cl_trend_sparkline_measure;
  widget_class->snapshot = cl_trend_sparkline_snapshot;

  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cl_trend_sparkline_init (ClTrendSparkline *self)
{
}
