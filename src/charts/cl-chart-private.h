/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to src/charts: drawing helpers shared by the chart kinds. */

#include <cairo.h>
#include <pango/pangocairo.h>

#include "charts/cl-chart-plot-area.h"
#include "charts/cl-chart-style.h"

G_BEGIN_DECLS

/* Text is measured and laid out with one PangoContext per thread that does
 * not depend on the cairo_t (no hinting, sizes in user units), so that the
 * plot area a chart computes is the same whatever it is drawn on. */
typedef struct
{
  cairo_t              *cr;
  const ClChartStyle   *style;
  PangoLayout          *layout;
  PangoFontDescription *font;
  double                font_size;
  double                width;
  double                height;
} ClChartCanvas;

typedef enum
{
  CL_CHART_MARK_BOX,
  CL_CHART_MARK_LINE,
  CL_CHART_MARK_DASHED,
} ClChartMark;

typedef struct
{
  const ClChartColor *color;
  const char         *label;
  ClChartMark         mark;
} ClChartLegendItem;

/* A canvas for measuring only has cr NULL. */
void         cl_chart_canvas_init       (ClChartCanvas            *c,
                                         cairo_t                  *cr,
                                         double                    width,
                                         double                    height,
                                         const ClChartStyle       *style);
void         cl_chart_canvas_clear      (ClChartCanvas            *c);
void         cl_chart_canvas_background (ClChartCanvas            *c);
void         cl_chart_canvas_text_size  (ClChartCanvas            *c,
                                         const char               *text,
                                         double                    scale,
                                         gboolean                  bold,
                                         double                   *out_width,
                                         double                   *out_height);
/* Draws text with its anchor (xalign, yalign in 0..1 of its box) at x, y. */
void         cl_chart_canvas_text       (ClChartCanvas            *c,
                                         const char               *text,
                                         double                    x,
                                         double                    y,
                                         double                    xalign,
                                         double                    yalign,
                                         double                    scale,
                                         gboolean                  bold,
                                         const ClChartColor       *color);
/* Height the title takes (0 with no title); draws it when c->cr is set. */
double       cl_chart_canvas_title      (ClChartCanvas            *c,
                                         const char               *title);
/* Height of the legend laid out in width, wrapping; draws it at x, y when
 * c->cr is set. */
double       cl_chart_canvas_legend     (ClChartCanvas            *c,
                                         const ClChartLegendItem  *items,
                                         guint                     n_items,
                                         double                    x,
                                         double                    y,
                                         double                    width);
/* A centred message in place of a chart without data. */
void         cl_chart_canvas_empty      (ClChartCanvas            *c,
                                         double                    top);

void         cl_chart_set_color         (cairo_t                  *cr,
                                         const ClChartColor       *color);
void         cl_chart_set_color_alpha   (cairo_t                  *cr,
                                         const ClChartColor       *color,
                                         double                    alpha);
/* Line width for hairlines and series, from the font size. */
double       cl_chart_line_width        (const ClChartCanvas      *c);

/* Horizontal grid lines and their labels ("90 %") for a vertical value axis. */
void         cl_chart_draw_value_axis   (ClChartCanvas            *c,
                                         const ClChartPlotArea    *area,
                                         double                    step,
                                         const char               *suffix);
/* A horizontal line across the plot at value, solid or dashed, labelled at
 * its right end. */
void         cl_chart_draw_reference    (ClChartCanvas            *c,
                                         const ClChartPlotArea    *area,
                                         double                    value,
                                         const ClChartColor       *color,
                                         gboolean                  dashed,
                                         const char               *label);

/* A round step (1, 2, 5 × 10^n) giving about n_ticks intervals over range. */
double       cl_chart_nice_step         (double                    range,
                                         guint                     n_ticks);
/* The smallest multiple of step at or above value (at least step). */
double       cl_chart_nice_max          (double                    value,
                                         double                    step);

/* "8 Sep", "8 September 2025" (day month year, as written in England). */
char        *cl_chart_format_day_month  (guint32                   julian);
char        *cl_chart_format_long_date  (guint32                   julian);
/* "71.4 %" with one decimal. */
char        *cl_chart_format_percent    (double                    value);

G_END_DECLS
