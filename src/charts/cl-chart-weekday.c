/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "charts/cl-chart-private.h"
#include "charts/cl-chart-weekday.h"

static const char *const day_labels[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
};

ClChartWeekdayData *
cl_chart_weekday_data_new (const char *title)
{
  ClChartWeekdayData *data = g_new0 (ClChartWeekdayData, 1);

  data->title = g_strdup (title);
  return data;
}

void
cl_chart_weekday_data_free (ClChartWeekdayData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data);
}

ClChartWeekdayData *
cl_chart_weekday_data_copy (const ClChartWeekdayData *data)
{
  ClChartWeekdayData *copy = g_memdup2 (data, sizeof *data);

  copy->title = g_strdup (data->title);
  return copy;
}

double
cl_chart_weekday_data_percent (const ClChartWeekdayData *data,
                               guint                     weekday,
                               gboolean                  pm)
{
  g_return_val_if_fail (data != NULL && weekday < 5, 0);

  if (data->possible[weekday][pm ? 1 : 0] == 0)
    return 0;
  return 100.0 * data->absent[weekday][pm ? 1 : 0] / data->possible[weekday][pm ? 1 : 0];
}

static guint64
total_possible (const ClChartWeekdayData *data)
{
  guint64 n = 0;

  for (guint d = 0; d < 5; d++)
    n += (guint64) data->possible[d][0] + data->possible[d][1];
  return n;
}

static void
legend_items (const ClChartStyle *style,
              ClChartLegendItem   items[2],
              ClChartColor       *pm_color)
{
  *pm_color = style->accent;
  pm_color->alpha *= 0.5;
  items[0] = (ClChartLegendItem) { &style->accent, _("Morning"), CL_CHART_MARK_BOX };
  items[1] = (ClChartLegendItem) { pm_color, _("Afternoon"), CL_CHART_MARK_BOX };
}

static void
compute_area (ClChartCanvas            *c,
              const ClChartWeekdayData *data,
              double                   *out_title_h,
              double                   *out_legend_h,
              ClChartPlotArea          *area)
{
  ClChartLegendItem items[2];
  ClChartColor pm;
  cairo_t *saved = c->cr;
  double label_w, line_h, max = 0, step;

  legend_items (c->style, items, &pm);
  c->cr = NULL;
  *out_title_h = cl_chart_canvas_title (c, data->title);
  cl_chart_canvas_text_size (c, "100 %", 1.0, FALSE, &label_w, &line_h);
  *out_legend_h = cl_chart_canvas_legend (c, items, 2, 0, 0, c->width);
  c->cr = saved;

  for (guint d = 0; d < 5; d++)
    for (guint s = 0; s < 2; s++)
      max = MAX (max, cl_chart_weekday_data_percent (data, d, s));
  step = cl_chart_nice_step (MAX (max * 1.15, 10.0), 5);

  area->x = ceil (label_w + c->font_size * 0.8);
  area->y = ceil (*out_title_h + line_h * 0.6);
  area->width = MAX (1.0, floor (c->width - area->x - c->font_size * 0.5));
  area->height = MAX (1.0, floor (c->height - area->y - line_h * 2.1 - *out_legend_h));
  area->min = 0;
  area->max = cl_chart_nice_max (MAX (max * 1.15, 10.0), step);
}

void
cl_chart_weekday_plot_area (const ClChartWeekdayData *data,
                            const ClChartStyle       *style,
                            double                    width,
                            double                    height,
                            ClChartPlotArea          *out)
{
  ClChartCanvas c;
  double title_h, legend_h;

  g_return_if_fail (data != NULL && style != NULL && out != NULL);

  cl_chart_canvas_init (&c, NULL, width, height, style);
  compute_area (&c, data, &title_h, &legend_h, out);
  cl_chart_canvas_clear (&c);
}

gboolean
cl_chart_weekday_hit (const ClChartWeekdayData *data,
                      const ClChartStyle       *style,
                      double                    width,
                      double                    height,
                      double                    x,
                      double                    y,
                      guint                    *weekday,
                      gboolean                 *pm)
{
  ClChartPlotArea area;
  double slot;
  guint d;

  g_return_val_if_fail (data != NULL && style != NULL, FALSE);

  if (total_possible (data) == 0)
    return FALSE;
  cl_chart_weekday_plot_area (data, style, width, height, &area);
  if (x < area.x || x >= area.x + area.width || y < area.y || y > area.y + area.height)
    return FALSE;
  /* Each weekday's slot: its morning bar left of the centre, afternoon right. */
  slot = area.width / 5;
  d = MIN (4, (guint) ((x - area.x) / slot));
  if (weekday != NULL)
    *weekday = d;
  if (pm != NULL)
    *pm = x >= area.x + slot * (d + 0.5);
  return TRUE;
}

void
cl_chart_weekday_draw (cairo_t                  *cr,
                       double                    width,
                       double                    height,
                       const ClChartWeekdayData *data,
                       const ClChartStyle       *style)
{
  ClChartCanvas c;
  ClChartLegendItem items[2];
  ClChartColor pm;
  ClChartPlotArea area;
  double title_h, legend_h, slot, bar_w;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  cl_chart_canvas_init (&c, cr, width, height, style);
  compute_area (&c, data, &title_h, &legend_h, &area);
  legend_items (style, items, &pm);
  cl_chart_canvas_background (&c);
  cl_chart_canvas_title (&c, data->title);
  if (total_possible (data) == 0)
    {
      cl_chart_canvas_empty (&c, title_h);
      goto out;
    }
  cl_chart_draw_value_axis (&c, &area, cl_chart_nice_step (area.max, 5), " %");

  slot = area.width / 5;
  bar_w = slot * 0.32;
  for (guint d = 0; d < 5; d++)
    {
      double cx = area.x + slot * (d + 0.5);

      for (guint s = 0; s < 2; s++)
        {
          double pct = cl_chart_weekday_data_percent (data, d, s);
          double top = cl_chart_plot_area_value_to_y (&area, pct);
          double x = cx + (s == 0 ? -bar_w - slot * 0.02 : slot * 0.02);
          g_autofree char *label = g_strdup_printf ("%.1f", pct);

          cl_chart_set_color (cr, s == 0 ? &style->accent : &pm);
          cairo_rectangle (cr, x, top, bar_w, area.y + area.height - top);
          cairo_fill (cr);
          cl_chart_canvas_text (&c, label, x + bar_w / 2, top - c.font_size * 0.2, 0.5, 1.0, 0.85,
                                FALSE, NULL);
        }
      cl_chart_canvas_text (&c, _(day_labels[d]), cx, area.y + area.height + c.font_size * 0.4,
                            0.5, 0, 1.0, FALSE, &style->muted);
    }
  cl_chart_canvas_legend (&c, items, 2, area.x, height - legend_h, width - area.x);
out:
  cl_chart_canvas_clear (&c);
  cairo_restore (cr);
}

char *
cl_chart_weekday_describe (const ClChartWeekdayData *data)
{
  guint worst_d = 0, worst_s = 0, best_d = 0, best_s = 0;
  g_autofree char *worst = NULL, *best = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (total_possible (data) == 0)
    return g_strdup (_("Absence by weekday: no attendance recorded for this period."));
  for (guint d = 0; d < 5; d++)
    for (guint s = 0; s < 2; s++)
      {
        double p = cl_chart_weekday_data_percent (data, d, s);
        if (p > cl_chart_weekday_data_percent (data, worst_d, worst_s))
          worst_d = d, worst_s = s;
        if (p < cl_chart_weekday_data_percent (data, best_d, best_s))
          best_d = d, best_s = s;
      }
  worst = cl_chart_format_percent (cl_chart_weekday_data_percent (data, worst_d, worst_s));
  best = cl_chart_format_percent (cl_chart_weekday_data_percent (data, best_d, best_s));
  return g_strdup_printf (_("Absence by weekday and session: highest %s on %s %s, lowest %s on "
                            "%s %s."),
                          worst, _(day_labels[worst_d]),
                          worst_s ? _("afternoons") : _("mornings"),
                          best, _(day_labels[best_d]),
                          best_s ? _("afternoons") : _("mornings"));
}
