/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "charts/cl-chart-private.h"

#define DEFAULT_FONT_SIZE 9.0

static GPrivate measure_context = G_PRIVATE_INIT (g_object_unref);

/* One context per thread: Pango objects are not shared between threads. */
static PangoContext *
get_context (void)
{
  PangoContext *context = g_private_get (&measure_context);

  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, options);
      pango_cairo_context_set_resolution (context, 72.0);
      pango_context_set_round_glyph_positions (context, FALSE);
      cairo_font_options_destroy (options);
      g_private_set (&measure_context, context);
    }
  return context;
}

double
cl_chart_plot_area_value_to_y (const ClChartPlotArea *area,
                               double                 value)
{
  g_return_val_if_fail (area != NULL, 0);

  if (area->max <= area->min)
    return area->y + area->height;
  return area->y + area->height * (1.0 - (value - area->min) / (area->max - area->min));
}

double
cl_chart_plot_area_value_to_x (const ClChartPlotArea *area,
                               double                 value)
{
  g_return_val_if_fail (area != NULL, 0);

  if (area->max <= area->min)
    return area->x;
  return area->x + area->width * (value - area->min) / (area->max - area->min);
}

void
cl_chart_canvas_init (ClChartCanvas      *c,
                      cairo_t            *cr,
                      double              width,
                      double              height,
                      const ClChartStyle *style)
{
  double size;

  c->cr = cr;
  c->style = style;
  c->width = width;
  c->height = height;
  c->font = pango_font_description_from_string (style->font != NULL ? style->font : "Sans 9");
  size = (double) pango_font_description_get_size (c->font) / PANGO_SCALE;
  if (size <= 0)
    size = DEFAULT_FONT_SIZE;
  c->font_size = size;
  pango_font_description_set_absolute_size (c->font, size * PANGO_SCALE);
  c->layout = pango_layout_new (get_context ());
  pango_layout_set_font_description (c->layout, c->font);
}

void
cl_chart_canvas_clear (ClChartCanvas *c)
{
  g_clear_object (&c->layout);
  g_clear_pointer (&c->font, pango_font_description_free);
}

void
cl_chart_set_color (cairo_t            *cr,
                    const ClChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
cl_chart_set_color_alpha (cairo_t            *cr,
                          const ClChartColor *color,
                          double              alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

double
cl_chart_line_width (const ClChartCanvas *c)
{
  return MAX (1.0, c->font_size / 9.0);
}

void
cl_chart_canvas_background (ClChartCanvas *c)
{
  if (c->cr == NULL)
    return;
  cl_chart_set_color (c->cr, &c->style->background);
  cairo_rectangle (c->cr, 0, 0, c->width, c->height);
  cairo_fill (c->cr);
}

static void
set_text (ClChartCanvas *c,
          const char    *text,
          double         scale,
          gboolean       bold)
{
  PangoFontDescription *font = pango_font_description_copy_static (c->font);

  pango_font_description_set_absolute_size (font, c->font_size * scale * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (c->layout, font);
  pango_layout_set_text (c->layout, text, -1);
  pango_font_description_free (font);
}

void
cl_chart_canvas_text_size (ClChartCanvas *c,
                           const char    *text,
                           double         scale,
                           gboolean       bold,
                           double        *out_width,
                           double        *out_height)
{
  PangoRectangle logical;

  set_text (c, text, scale, bold);
  pango_layout_get_extents (c->layout, NULL, &logical);
  if (out_width != NULL)
    *out_width = (double) logical.width / PANGO_SCALE;
  if (out_height != NULL)
    *out_height = (double) logical.height / PANGO_SCALE;
}

void
cl_chart_canvas_text (ClChartCanvas      *c,
                      const char         *text,
                      double              x,
                      double              y,
                      double              xalign,
                      double              yalign,
                      double              scale,
                      gboolean            bold,
                      const ClChartColor *color)
{
  double w, h;

  if (c->cr == NULL || text == NULL)
    return;
  cl_chart_canvas_text_size (c, text, scale, bold, &w, &h);
  cairo_save (c->cr);
  cl_chart_set_color (c->cr, color != NULL ? color : &c->style->foreground);
  cairo_move_to (c->cr, x - w * xalign, y - h * yalign);
  pango_cairo_show_layout (c->cr, c->layout);
  cairo_restore (c->cr);
}

double
cl_chart_canvas_title (ClChartCanvas *c,
                       const char    *title)
{
  double h;

  if (title == NULL || *title == '\0' || !c->style->show_title)
    return 0;
  cl_chart_canvas_text_size (c, title, 1.25, TRUE, NULL, &h);
  cl_chart_canvas_text (c, title, 0, 0, 0, 0, 1.25, TRUE, NULL);
  return h + c->font_size * 0.6;
}

double
cl_chart_canvas_legend (ClChartCanvas           *c,
                        const ClChartLegendItem *items,
                        guint                    n_items,
                        double                   x,
                        double                   y,
                        double                   width)
{
  double line_h, mark_w = c->font_size * 1.6, gap = c->font_size * 1.2;
  double cx = 0, cy = 0;

  cl_chart_canvas_text_size (c, "Ag", 1.0, FALSE, NULL, &line_h);
  for (guint i = 0; i < n_items; i++)
    {
      double tw, item_w;

      cl_chart_canvas_text_size (c, items[i].label, 1.0, FALSE, &tw, NULL);
      item_w = mark_w + c->font_size * 0.4 + tw;
      if (cx > 0 && cx + item_w > width)
        {
          cx = 0;
          cy += line_h * 1.2;
        }
      if (c->cr != NULL)
        {
          double mx = x + cx, my = y + cy + line_h / 2;

          cairo_save (c->cr);
          cl_chart_set_color (c->cr, items[i].color);
          switch (items[i].mark)
            {
            case CL_CHART_MARK_BOX:
              cairo_rectangle (c->cr, mx, my - c->font_size * 0.4, mark_w, c->font_size * 0.8);
              cairo_fill (c->cr);
              break;
            case CL_CHART_MARK_DASHED:
              {
                double dash[] = { c->font_size * 0.4, c->font_size * 0.25 };
                cairo_set_dash (c->cr, dash, 2, 0);
              }
              G_GNUC_FALLTHROUGH;
            case CL_CHART_MARK_LINE:
              cairo_set_line_width (c->cr, cl_chart_line_width (c) * 2);
              cairo_move_to (c->cr, mx, my);
              cairo_line_to (c->cr, mx + mark_w, my);
              cairo_stroke (c->cr);
              break;
            default:
              g_assert_not_reached ();
            }
          cairo_restore (c->cr);
          cl_chart_canvas_text (c, items[i].label, mx + mark_w + c->font_size * 0.4, my, 0, 0.5,
                                1.0, FALSE, NULL);
        }
      cx += item_w + gap;
    }
  return n_items > 0 ? cy + line_h : 0;
}

void
cl_chart_canvas_empty (ClChartCanvas *c,
                       double         top)
{
  cl_chart_canvas_text (c, _("No attendance recorded for this period"), c->width / 2,
                        top + (c->height - top) / 2, 0.5, 0.5, 1.0, FALSE, &c->style->muted);
}

void
cl_chart_draw_value_axis (ClChartCanvas         *c,
                          const ClChartPlotArea *area,
                          double                 step,
                          const char            *suffix)
{
  cairo_t *cr = c->cr;
  double lw = cl_chart_line_width (c);
  double first = ceil (area->min / step) * step;

  if (cr == NULL)
    return;
  cairo_save (cr);
  cairo_set_line_width (cr, lw);
  for (double v = first; v <= area->max + step * 1e-6; v += step)
    {
      double y = round (cl_chart_plot_area_value_to_y (area, v)) + (fmod (lw, 2) > 0.5 ? 0.5 : 0);
      g_autofree char *label = g_strdup_printf ("%g%s", v, suffix != NULL ? suffix : "");

      cl_chart_set_color (cr, &c->style->grid);
      cairo_move_to (cr, area->x, y);
      cairo_line_to (cr, area->x + area->width, y);
      cairo_stroke (cr);
      cl_chart_canvas_text (c, label, area->x - c->font_size * 0.5, y, 1.0, 0.5, 1.0, FALSE,
                            &c->style->muted);
    }
  cairo_restore (cr);
}

void
cl_chart_draw_reference (ClChartCanvas         *c,
                         const ClChartPlotArea *area,
                         double                 value,
                         const ClChartColor    *color,
                         gboolean               dashed,
                         const char            *label)
{
  cairo_t *cr = c->cr;
  double y;

  if (cr == NULL || value < area->min || value > area->max)
    return;
  y = cl_chart_plot_area_value_to_y (area, value);
  cairo_save (cr);
  cl_chart_set_color (cr, color);
  cairo_set_line_width (cr, cl_chart_line_width (c) * 1.5);
  if (dashed)
    {
      double dash[] = { c->font_size * 0.6, c->font_size * 0.35 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_move_to (cr, area->x, y);
  cairo_line_to (cr, area->x + area->width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
  if (label != NULL)
    cl_chart_canvas_text (c, label, area->x + area->width - c->font_size * 0.3,
                          y - c->font_size * 0.25, 1.0, 1.0, 0.9, TRUE, color);
}

static const char *const short_months[] = {
  N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
  N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

static const char *const long_months[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

char *
cl_chart_format_day_month (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return g_strdup_printf ("%d %s", g_date_get_day (&d),
                          _(short_months[g_date_get_month (&d) - 1]));
}

char *
cl_chart_format_long_date (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return g_strdup_printf ("%d %s %d", g_date_get_day (&d),
                          _(long_months[g_date_get_month (&d) - 1]), g_date_get_year (&d));
}

char *
cl_chart_format_percent (double value)
{
  return g_strdup_printf ("%.1f %%", round (value * 10.0) / 10.0);
}

double
cl_chart_nice_step (double range,
                    guint  n_ticks)
{
  double raw, mag, norm;

  if (range <= 0 || n_ticks == 0)
    return 1.0;
  raw = range / n_ticks;
  mag = pow (10.0, floor (log10 (raw)));
  norm = raw / mag;
  if (norm <= 1.0)
    return mag;
  if (norm <= 2.0)
    return 2.0 * mag;
  if (norm <= 5.0)
    return 5.0 * mag;
  return 10.0 * mag;
}

double
cl_chart_nice_max (double value,
                   double step)
{
  return MAX (step, ceil (value / step - 1e-9) * step);
}
