/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "charts/cl-chart-private.h"
#include "charts/cl-chart-trend.h"

ClChartTrendData *
cl_chart_trend_data_new (const char *title)
{
  ClChartTrendData *data = g_new0 (ClChartTrendData, 1);

  data->title = g_strdup (title);
  data->weeks = g_array_new (FALSE, TRUE, sizeof (ClChartWeek));
  return data;
}

void
cl_chart_trend_data_free (ClChartTrendData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_array_unref (data->weeks);
  g_free (data);
}

ClChartTrendData *
cl_chart_trend_data_copy (const ClChartTrendData *data)
{
  ClChartTrendData *copy = cl_chart_trend_data_new (data->title);

  g_array_append_vals (copy->weeks, data->weeks->data, data->weeks->len);
  return copy;
}

void
cl_chart_trend_data_add_week (ClChartTrendData *data,
                              guint32           week_start,
                              guint             possible,
                              guint             attended)
{
  ClChartWeek week = { week_start, possible, attended };

  g_return_if_fail (data != NULL);
  g_return_if_fail (attended <= possible);

  g_array_append_val (data->weeks, week);
}

static double
week_percent (const ClChartWeek *w)
{
  return 100.0 * w->attended / w->possible;
}

static gboolean
lowest_week (const ClChartTrendData *data,
             guint                  *out_index)
{
  gboolean found = FALSE;

  for (guint i = 0; i < data->weeks->len; i++)
    {
      const ClChartWeek *w = &g_array_index (data->weeks, ClChartWeek, i);

      if (w->possible == 0)
        continue;
      if (!found || week_percent (w)
                      < week_percent (&g_array_index (data->weeks, ClChartWeek, *out_index)))
        *out_index = i;
      found = TRUE;
    }
  return found;
}

/* The value axis starts at 80 % unless a week fell lower, then at the ten
 * below the lowest week, so that the reference lines always show. */
static double
axis_min (const ClChartTrendData *data)
{
  guint low;
  double min = 80.0;

  if (lowest_week (data, &low))
    {
      double p = week_percent (&g_array_index (data->weeks, ClChartWeek, low));
      if (p < min + 2)
        min = MAX (0.0, floor ((p - 2) / 10.0) * 10.0);
    }
  return min;
}

static double
legend_height (ClChartCanvas           *c,
               const ClChartLegendItem *items,
               guint                    n,
               double                   width)
{
  return cl_chart_canvas_legend (c, items, n, 0, 0, width);
}

static void
compute_area (ClChartCanvas           *c,
              const ClChartTrendData  *data,
              const ClChartLegendItem *items,
              guint                    n_items,
              double                  *out_title_h,
              double                  *out_legend_h,
              ClChartPlotArea         *area)
{
  cairo_t *saved = c->cr;
  double label_w, line_h, title_h, legend_h;

  c->cr = NULL;
  title_h = cl_chart_canvas_title (c, data->title);
  cl_chart_canvas_text_size (c, "100 %", 1.0, FALSE, &label_w, &line_h);
  legend_h = legend_height (c, items, n_items, c->width);
  c->cr = saved;

  area->x = ceil (label_w + c->font_size * 0.8);
  area->y = ceil (title_h + line_h * 0.6);
  area->width = MAX (1.0, floor (c->width - area->x - c->font_size * 0.8));
  area->height = MAX (1.0, floor (c->height - area->y - line_h * 1.6 - legend_h - line_h * 0.5));
  area->min = axis_min (data);
  area->max = 100.0;
  *out_title_h = title_h;
  *out_legend_h = legend_h;
}

static void
legend_items (const ClChartStyle *style,
              ClChartLegendItem   items[3])
{
  items[0] = (ClChartLegendItem) { &style->accent, _("Attendance that week"), CL_CHART_MARK_LINE };
  items[1] = (ClChartLegendItem) { &style->good, _("95 %"), CL_CHART_MARK_DASHED };
  items[2] = (ClChartLegendItem) { &style->warning, _("90 %"), CL_CHART_MARK_LINE };
}

void
cl_chart_trend_plot_area (const ClChartTrendData *data,
                          const ClChartStyle     *style,
                          double                  width,
                          double                  height,
                          ClChartPlotArea        *out)
{
  ClChartCanvas c;
  ClChartLegendItem items[3];
  double title_h, legend_h;

  g_return_if_fail (data != NULL && style != NULL && out != NULL);

  cl_chart_canvas_init (&c, NULL, width, height, style);
  legend_items (style, items);
  compute_area (&c, data, items, G_N_ELEMENTS (items), &title_h, &legend_h, out);
  cl_chart_canvas_clear (&c);
}

static double
week_x (const ClChartPlotArea *area,
        guint                  index,
        guint                  n)
{
  if (n <= 1)
    return area->x + area->width / 2;
  return area->x + area->width * (index + 0.5) / n;
}

void
cl_chart_trend_draw (cairo_t                *cr,
                     double                  width,
                     double                  height,
                     const ClChartTrendData *data,
                     const ClChartStyle     *style)
{
  ClChartCanvas c;
  ClChartLegendItem items[3];
  ClChartPlotArea area;
  double title_h, legend_h, lw, last_label_right = -G_MAXDOUBLE;
  guint n, low = 0;
  gboolean in_line = FALSE, has_data;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  cl_chart_canvas_init (&c, cr, width, height, style);
  legend_items (style, items);
  compute_area (&c, data, items, G_N_ELEMENTS (items), &title_h, &legend_h, &area);
  cl_chart_canvas_background (&c);
  cl_chart_canvas_title (&c, data->title);
  has_data = lowest_week (data, &low);
  if (!has_data)
    {
      cl_chart_canvas_empty (&c, title_h);
      goto out;
    }
  n = data->weeks->len;
  lw = cl_chart_line_width (&c);

  cl_chart_draw_value_axis (&c, &area, area.max - area.min > 40 ? 20 : 5, " %");
  cl_chart_draw_reference (&c, &area, CL_CHART_TREND_UPPER, &style->good, TRUE, NULL);
  cl_chart_draw_reference (&c, &area, CL_CHART_TREND_LOWER, &style->warning, FALSE, NULL);

  /* Week labels: the first week of each month, where there is room. */
  for (guint i = 0; i < n; i++)
    {
      const ClChartWeek *w = &g_array_index (data->weeks, ClChartWeek, i);
      GDate d;
      gboolean first_of_month;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, w->week_start);
      first_of_month = i == 0 || g_date_get_day (&d) <= 7;
      if (first_of_month)
        {
          g_autofree char *label = cl_chart_format_day_month (w->week_start);
          double tw, x = week_x (&area, i, n);

          cl_chart_canvas_text_size (&c, label, 1.0, FALSE, &tw, NULL);
          if (x - tw / 2 > last_label_right + c.font_size * 0.5 && x + tw / 2 <= width)
            {
              cl_chart_canvas_text (&c, label, x, area.y + area.height + c.font_size * 0.4, 0.5,
                                    0, 1.0, FALSE, &style->muted);
              cairo_save (cr);
              cl_chart_set_color (cr, &style->grid);
              cairo_set_line_width (cr, lw);
              cairo_move_to (cr, x, area.y + area.height);
              cairo_line_to (cr, x, area.y + area.height + c.font_size * 0.3);
              cairo_stroke (cr);
              cairo_restore (cr);
              last_label_right = x + tw / 2;
            }
        }
    }

  /* The line, broken at weeks without school. */
  cairo_save (cr);
  cairo_rectangle (cr, area.x - lw * 3, area.y - lw * 3, area.width + lw * 6,
                   area.height + lw * 6);
  cairo_clip (cr);
  cl_chart_set_color (cr, &style->accent);
  cairo_set_line_width (cr, lw * 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      const ClChartWeek *w = &g_array_index (data->weeks, ClChartWeek, i);
      double x, y;

      if (w->possible == 0)
        {
          in_line = FALSE;
          continue;
        }
      x = week_x (&area, i, n);
      y = cl_chart_plot_area_value_to_y (&area, week_percent (w));
      if (in_line)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      in_line = TRUE;
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      const ClChartWeek *w = &g_array_index (data->weeks, ClChartWeek, i);

      if (w->possible == 0)
        continue;
      cairo_arc (cr, week_x (&area, i, n),
                 cl_chart_plot_area_value_to_y (&area, week_percent (w)),
                 MIN (lw * 2.5, area.width / n / 2.5), 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  /* Mark the lowest week. */
  {
    const ClChartWeek *w = &g_array_index (data->weeks, ClChartWeek, low);
    g_autofree char *label = cl_chart_format_percent (week_percent (w));
    double x = week_x (&area, low, n);
    double y = cl_chart_plot_area_value_to_y (&area, week_percent (w));
    double xalign = x < area.x + area.width * 0.15   ? 0.0
                    : x > area.x + area.width * 0.85 ? 1.0
                                                     : 0.5;

    cl_chart_canvas_text (&c, label, x, y + c.font_size * 0.5, xalign,
                          y > area.y + area.height * 0.8 ? 1.6 : 0.0, 0.9, TRUE,
                          &style->foreground);
  }

  cl_chart_canvas_legend (&c, items, G_N_ELEMENTS (items), area.x,
                          height - legend_h, width - area.x);
out:
  cl_chart_canvas_clear (&c);
  cairo_restore (cr);
}

char *
cl_chart_trend_describe (const ClChartTrendData *data)
{
  g_autofree char *from = NULL, *to = NULL, *low_date = NULL, *low_pct = NULL, *avg = NULL;
  guint low = 0, weeks = 0, below = 0;
  guint64 possible = 0, attended = 0;
  guint32 first = 0, last = 0;

  g_return_val_if_fail (data != NULL, NULL);

  if (!lowest_week (data, &low))
    return g_strdup (_("Attendance by week: no attendance recorded for this period."));
  for (guint i = 0; i < data->weeks->len; i++)
    {
      const ClChartWeek *w = &g_array_index (data->weeks, ClChartWeek, i);

      if (w->possible == 0)
        continue;
      if (first == 0)
        first = w->week_start;
      last = w->week_start;
      weeks++;
      possible += w->possible;
      attended += w->attended;
      if (week_percent (w) < CL_CHART_TREND_LOWER)
        below++;
    }
  from = cl_chart_format_long_date (first);
  to = cl_chart_format_long_date (last);
  low_date = cl_chart_format_long_date (g_array_index (data->weeks, ClChartWeek, low).week_start);
  low_pct = cl_chart_format_percent (week_percent (&g_array_index (data->weeks, ClChartWeek, low)));
  avg = cl_chart_format_percent (100.0 * attended / possible);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Attendance by week from the week of %s to the week of "
                                       "%s: %s overall, lowest %s in the week of %s; %u week "
                                       "below 90 %%.",
                                       "Attendance by week from the week of %s to the week of "
                                       "%s: %s overall, lowest %s in the week of %s; %u weeks "
                                       "below 90 %%.",
                                       below),
                          from, to, avg, low_pct, low_date, below);
}
