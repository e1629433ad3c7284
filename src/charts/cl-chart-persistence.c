/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "charts/cl-chart-persistence.h"
#include "charts/cl-chart-private.h"

ClChartPersistenceData *
cl_chart_persistence_data_new (const char *title)
{
  ClChartPersistenceData *data = g_new0 (ClChartPersistenceData, 1);

  data->title = g_strdup (title);
  data->points = g_array_new (FALSE, TRUE, sizeof (ClChartPersistencePoint));
  data->comparison_persistent = NAN;
  data->comparison_severe = NAN;
  return data;
}

void
cl_chart_persistence_data_free (ClChartPersistenceData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->comparison_label);
  g_array_unref (data->points);
  g_free (data);
}

ClChartPersistenceData *
cl_chart_persistence_data_copy (const ClChartPersistenceData *data)
{
  ClChartPersistenceData *copy = cl_chart_persistence_data_new (data->title);

  g_array_append_vals (copy->points, data->points->data, data->points->len);
  copy->comparison_persistent = data->comparison_persistent;
  copy->comparison_severe = data->comparison_severe;
  copy->comparison_label = g_strdup (data->comparison_label);
  return copy;
}

void
cl_chart_persistence_data_add_point (ClChartPersistenceData *data,
                                     guint32                 date,
                                     guint                   pupils,
                                     double                  persistent_percent,
                                     double                  severe_percent)
{
  ClChartPersistencePoint p = { date, pupils, persistent_percent, severe_percent };

  g_return_if_fail (data != NULL);
  g_array_append_val (data->points, p);
}

static const char *
comparison_label (const ClChartPersistenceData *data)
{
  return data->comparison_label != NULL ? data->comparison_label : _("Comparison");
}

static guint
legend_items (const ClChartPersistenceData *data,
              const ClChartStyle           *style,
              ClChartLegendItem             items[4],
              char                        **labels)
{
  guint n = 0;

  items[n++] = (ClChartLegendItem) { &style->warning, _("Persistent absence"), CL_CHART_MARK_LINE };
  items[n++] = (ClChartLegendItem) { &style->unauthorised, _("Severe absence"),
                                     CL_CHART_MARK_LINE };
  if (!isnan (data->comparison_persistent))
    {
      labels[0] = g_strdup_printf (_("%s persistent %.1f %%"), comparison_label (data),
                                   data->comparison_persistent);
      items[n++] = (ClChartLegendItem) { &style->warning, labels[0], CL_CHART_MARK_DASHED };
    }
  if (!isnan (data->comparison_severe))
    {
      labels[1] = g_strdup_printf (_("%s severe %.1f %%"), comparison_label (data),
                                   data->comparison_severe);
      items[n++] = (ClChartLegendItem) { &style->unauthorised, labels[1], CL_CHART_MARK_DASHED };
    }
  return n;
}

static void
compute_area (ClChartCanvas                *c,
              const ClChartPersistenceData *data,
              double                       *out_title_h,
              double                       *out_legend_h,
              ClChartPlotArea              *area)
{
  ClChartLegendItem items[4];
  char *labels[2] = { NULL, NULL };
  guint n_items = legend_items (data, c->style, items, labels);
  cairo_t *saved = c->cr;
  double label_w, line_h, max = 0, step;

  c->cr = NULL;
  *out_title_h = cl_chart_canvas_title (c, data->title);
  cl_chart_canvas_text_size (c, "100 %", 1.0, FALSE, &label_w, &line_h);
  *out_legend_h = cl_chart_canvas_legend (c, items, n_items, 0, 0, c->width);
  c->cr = saved;
  g_free (labels[0]);
  g_free (labels[1]);

  for (guint i = 0; i < data->points->len; i++)
    {
      const ClChartPersistencePoint *p = &g_array_index (data->points, ClChartPersistencePoint, i);
      max = MAX (max, MAX (p->persistent_percent, p->severe_percent));
    }
  if (!isnan (data->comparison_persistent))
    max = MAX (max, data->comparison_persistent);
  if (!isnan (data->comparison_severe))
    max = MAX (max, data->comparison_severe);
  max = MIN (100.0, MAX (10.0, max * 1.15));
  step = cl_chart_nice_step (max, 5);

  area->x = ceil (label_w + c->font_size * 0.8);
  area->y = ceil (*out_title_h + line_h * 0.6);
  area->width = MAX (1.0, floor (c->width - area->x - c->font_size * 0.8));
  area->height = MAX (1.0, floor (c->height - area->y - line_h * 2.1 - *out_legend_h));
  area->min = 0;
  area->max = MIN (100.0, cl_chart_nice_max (max, step));
}

void
cl_chart_persistence_plot_area (const ClChartPersistenceData *data,
                                const ClChartStyle           *style,
                                double                        width,
                                double                        height,
                                ClChartPlotArea              *out)
{
  ClChartCanvas c;
  double title_h, legend_h;

  g_return_if_fail (data != NULL && style != NULL && out != NULL);

  cl_chart_canvas_init (&c, NULL, width, height, style);
  compute_area (&c, data, &title_h, &legend_h, out);
  cl_chart_canvas_clear (&c);
}

gboolean
cl_chart_persistence_hit (const ClChartPersistenceData *data,
                          const ClChartStyle           *style,
                          double                        width,
                          double                        height,
                          double                        x,
                          double                        y,
                          guint                        *index)
{
  ClChartPlotArea area;
  guint n;

  g_return_val_if_fail (data != NULL && style != NULL, FALSE);

  n = data->points->len;
  if (n == 0)
    return FALSE;
  cl_chart_persistence_plot_area (data, style, width, height, &area);
  if (x < area.x || x >= area.x + area.width || y < area.y || y > area.y + area.height)
    return FALSE;
  /* Points sit at the middle of n equal columns (point_x). */
  if (index != NULL)
    *index = MIN (n - 1, (guint) ((x - area.x) / area.width * n));
  return TRUE;
}

static double
point_x (const ClChartPlotArea *area,
         guint                  i,
         guint                  n)
{
  if (n <= 1)
    return area->x + area->width / 2;
  return area->x + area->width * (i + 0.5) / n;
}

static void
draw_series (ClChartCanvas                *c,
             const ClChartPlotArea        *area,
             const ClChartPersistenceData *data,
             gboolean                      severe,
             const ClChartColor           *color)
{
  cairo_t *cr = c->cr;
  guint n = data->points->len;
  double lw = cl_chart_line_width (c);

  cairo_save (cr);
  cl_chart_set_color (cr, color);
  cairo_set_line_width (cr, lw * 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      const ClChartPersistencePoint *p = &g_array_index (data->points, ClChartPersistencePoint, i);
      double y = cl_chart_plot_area_value_to_y (area, severe ? p->severe_percent
                                                             : p->persistent_percent);
      if (i == 0)
        cairo_move_to (cr, point_x (area, i, n), y);
      else
        cairo_line_to (cr, point_x (area, i, n), y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      const ClChartPersistencePoint *p = &g_array_index (data->points, ClChartPersistencePoint, i);
      double v = severe ? p->severe_percent : p->persistent_percent;
      double y = cl_chart_plot_area_value_to_y (area, v);
      g_autofree char *label = g_strdup_printf ("%.1f", v);

      cairo_arc (cr, point_x (area, i, n), y, lw * 3, 0, 2 * G_PI);
      cairo_fill (cr);
      if (i == n - 1)
        cl_chart_canvas_text (c, label, point_x (area, i, n), y - c->font_size * 0.5, 0.5, 1.0,
                              0.9, TRUE, color);
    }
  cairo_restore (cr);
}

void
cl_chart_persistence_draw (cairo_t                      *cr,
                           double                        width,
                           double                        height,
                           const ClChartPersistenceData *data,
                           const ClChartStyle           *style)
{
  ClChartCanvas c;
  ClChartLegendItem items[4];
  char *labels[2] = { NULL, NULL };
  guint n_items, n;
  ClChartPlotArea area;
  double title_h, legend_h, last_right = -G_MAXDOUBLE;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  cl_chart_canvas_init (&c, cr, width, height, style);
  compute_area (&c, data, &title_h, &legend_h, &area);
  n_items = legend_items (data, style, items, labels);
  cl_chart_canvas_background (&c);
  cl_chart_canvas_title (&c, data->title);
  n = data->points->len;
  if (n == 0)
    {
      cl_chart_canvas_empty (&c, title_h);
      goto out;
    }
  cl_chart_draw_value_axis (&c, &area, cl_chart_nice_step (area.max, 5), " %");
  if (!isnan (data->comparison_persistent))
    cl_chart_draw_reference (&c, &area, data->comparison_persistent, &style->warning, TRUE, NULL);
  if (!isnan (data->comparison_severe))
    cl_chart_draw_reference (&c, &area, data->comparison_severe, &style->unauthorised, TRUE, NULL);

  for (guint i = 0; i < n; i++)
    {
      const ClChartPersistencePoint *p = &g_array_index (data->points, ClChartPersistencePoint, i);
      g_autofree char *label = cl_chart_format_day_month (p->date);
      double tw, x = point_x (&area, i, n);

      cl_chart_canvas_text_size (&c, label, 1.0, FALSE, &tw, NULL);
      if (x - tw / 2 > last_right + c.font_size * 0.4)
        {
          cl_chart_canvas_text (&c, label, x, area.y + area.height + c.font_size * 0.4, 0.5, 0,
                                1.0, FALSE, &style->muted);
          last_right = x + tw / 2;
        }
    }
  draw_series (&c, &area, data, FALSE, &style->warning);
  draw_series (&c, &area, data, TRUE, &style->unauthorised);
  cl_chart_canvas_legend (&c, items, n_items, area.x, height - legend_h, width - area.x);
out:
  g_free (labels[0]);
  g_free (labels[1]);
  cl_chart_canvas_clear (&c);
  cairo_restore (cr);
}

char *
cl_chart_persistence_describe (const ClChartPersistenceData *data)
{
  const ClChartPersistencePoint *last;
  g_autofree char *date = NULL, *pa = NULL, *sa = NULL;
  GString *out;

  g_return_val_if_fail (data != NULL, NULL);

  if (data->points->len == 0)
    return g_strdup (_("Persistent and severe absence: no attendance recorded for this period."));
  last = &g_array_index (data->points, ClChartPersistencePoint, data->points->len - 1);
  date = cl_chart_format_long_date (last->date);
  pa = cl_chart_format_percent (last->persistent_percent);
  sa = cl_chart_format_percent (last->severe_percent);
  out = g_string_new (NULL);
  g_string_append_printf (out, _("Persistent and severe absence over the year to %s: %s of %u "
                                 "pupils persistently absent, %s severely absent."),
                          date, pa, last->pupils, sa);
  if (data->points->len > 1)
    {
      const ClChartPersistencePoint *first = &g_array_index (data->points,
                                                            ClChartPersistencePoint, 0);
      g_autofree char *then = cl_chart_format_long_date (first->date);
      g_autofree char *then_pa = cl_chart_format_percent (first->persistent_percent);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Persistent absence was %s on %s."), then_pa, then);
    }
  if (!isnan (data->comparison_persistent))
    {
      g_autofree char *cmp = cl_chart_format_percent (data->comparison_persistent);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("%s persistent absence: %s."), comparison_label (data), cmp);
    }
  if (!isnan (data->comparison_severe))
    {
      g_autofree char *cmp = cl_chart_format_percent (data->comparison_severe);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("%s severe absence: %s."), comparison_label (data), cmp);
    }
  return g_string_free (out, FALSE);
}
