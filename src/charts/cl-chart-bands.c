/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "charts/cl-chart-bands.h"
#include "charts/cl-chart-private.h"

ClChartBandsData *
cl_chart_bands_data_new (const char *title)
{
  ClChartBandsData *data = g_new0 (ClChartBandsData, 1);

  data->title = g_strdup (title);
  return data;
}

void
cl_chart_bands_data_free (ClChartBandsData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data);
}

ClChartBandsData *
cl_chart_bands_data_copy (const ClChartBandsData *data)
{
  ClChartBandsData *copy = g_memdup2 (data, sizeof *data);

  copy->title = g_strdup (data->title);
  return copy;
}

ClChartBand
cl_chart_band_for (double attendance_percent)
{
  if (attendance_percent >= 95.0)
    return CL_CHART_BAND_95_PLUS;
  if (attendance_percent >= 90.0)
    return CL_CHART_BAND_90_95;
  if (attendance_percent >= 50.0)
    return CL_CHART_BAND_50_90;
  return CL_CHART_BAND_UNDER_50;
}

const char *
cl_chart_band_label (ClChartBand band)
{
  switch (band)
    {
    case CL_CHART_BAND_95_PLUS:
      return _("95 % or more");
    case CL_CHART_BAND_90_95:
      return _("90 to 95 %");
    case CL_CHART_BAND_50_90:
      return _("50 to 90 %");
    case CL_CHART_BAND_UNDER_50:
      return _("Under 50 %");
    case CL_CHART_N_BANDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const ClChartColor *
band_color (const ClChartStyle *style,
            ClChartBand         band)
{
  switch (band)
    {
    case CL_CHART_BAND_95_PLUS:
      return &style->present;
    case CL_CHART_BAND_90_95:
      return &style->authorised;
    case CL_CHART_BAND_50_90:
      return &style->warning;
    case CL_CHART_BAND_UNDER_50:
    case CL_CHART_N_BANDS:
    default:
      return &style->unauthorised;
    }
}

static guint
total (const ClChartBandsData *data)
{
  guint n = 0;

  for (guint b = 0; b < CL_CHART_N_BANDS; b++)
    n += data->counts[b];
  return n;
}

static void
compute_area (ClChartCanvas          *c,
              const ClChartBandsData *data,
              double                 *out_title_h,
              ClChartPlotArea        *area)
{
  cairo_t *saved = c->cr;
  double label_w, line_h, max = 0, step;

  c->cr = NULL;
  *out_title_h = cl_chart_canvas_title (c, data->title);
  c->cr = saved;
  for (guint b = 0; b < CL_CHART_N_BANDS; b++)
    max = MAX (max, data->counts[b]);
  step = MAX (1.0, cl_chart_nice_step (MAX (max * 1.2, 5.0), 5));
  {
    double top = cl_chart_nice_max (MAX (max * 1.2, 5.0), step);
    g_autofree char *widest = g_strdup_printf ("%g", top);

    cl_chart_canvas_text_size (c, widest, 1.0, FALSE, &label_w, &line_h);
  }
  area->x = ceil (label_w + c->font_size * 0.8);
  area->y = ceil (*out_title_h + line_h * 0.6);
  area->width = MAX (1.0, floor (c->width - area->x - c->font_size * 0.5));
  /* Two lines under the bars: the band, then "persistent"/"severe". */
  area->height = MAX (1.0, floor (c->height - area->y - line_h * 2.8));
  area->min = 0;
  area->max = cl_chart_nice_max (MAX (max * 1.2, 5.0), step);
}

void
cl_chart_bands_plot_area (const ClChartBandsData *data,
                          const ClChartStyle     *style,
                          double                  width,
                          double                  height,
                          ClChartPlotArea        *out)
{
  ClChartCanvas c;
  double title_h;

  g_return_if_fail (data != NULL && style != NULL && out != NULL);

  cl_chart_canvas_init (&c, NULL, width, height, style);
  compute_area (&c, data, &title_h, out);
  cl_chart_canvas_clear (&c);
}

void
cl_chart_bands_draw (cairo_t                *cr,
                     double                  width,
                     double                  height,
                     const ClChartBandsData *data,
                     const ClChartStyle     *style)
{
  ClChartCanvas c;
  ClChartPlotArea area;
  double title_h, slot, bar_w, line_h;
  guint n;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  cl_chart_canvas_init (&c, cr, width, height, style);
  compute_area (&c, data, &title_h, &area);
  cl_chart_canvas_background (&c);
  cl_chart_canvas_title (&c, data->title);
  n = total (data);
  if (n == 0)
    {
      cl_chart_canvas_empty (&c, title_h);
      goto out;
    }
  cl_chart_canvas_text_size (&c, "Ag", 1.0, FALSE, NULL, &line_h);
  cl_chart_draw_value_axis (&c, &area, MAX (1.0, cl_chart_nice_step (area.max, 5)), NULL);

  slot = area.width / CL_CHART_N_BANDS;
  bar_w = slot * 0.6;
  for (guint b = 0; b < CL_CHART_N_BANDS; b++)
    {
      double cx = area.x + slot * (b + 0.5);
      double top = cl_chart_plot_area_value_to_y (&area, data->counts[b]);
      g_autofree char *value = g_strdup_printf ("%u (%.0f %%)", data->counts[b],
                                                100.0 * data->counts[b] / n);
      const char *note = b == CL_CHART_BAND_50_90 ? _("persistent absence")
                         : b == CL_CHART_BAND_UNDER_50 ? _("severe absence") : NULL;

      cl_chart_set_color (cr, band_color (style, b));
      cairo_rectangle (cr, cx - bar_w / 2, top, bar_w, area.y + area.height - top);
      cairo_fill (cr);
      cl_chart_canvas_text (&c, value, cx, top - c.font_size * 0.2, 0.5, 1.0, 0.95, TRUE, NULL);
      cl_chart_canvas_text (&c, cl_chart_band_label (b), cx,
                            area.y + area.height + c.font_size * 0.4, 0.5, 0, 1.0, FALSE, NULL);
      if (note != NULL)
        cl_chart_canvas_text (&c, note, cx, area.y + area.height + c.font_size * 0.4 + line_h,
                              0.5, 0, 0.9, FALSE, &style->muted);
    }
out:
  cl_chart_canvas_clear (&c);
  cairo_restore (cr);
}

char *
cl_chart_bands_describe (const ClChartBandsData *data)
{
  guint n;

  g_return_val_if_fail (data != NULL, NULL);

  n = total (data);
  if (n == 0)
    return g_strdup (_("Pupils by attendance band: no attendance recorded for this period."));
  return g_strdup_printf (_("Pupils by attendance band, of %u: %u at 95 %% or more, %u from 90 to "
                            "95 %%, %u from 50 to 90 %% (persistently absent), %u under 50 %% "
                            "(severely absent)."),
                          n, data->counts[0], data->counts[1], data->counts[2], data->counts[3]);
}
