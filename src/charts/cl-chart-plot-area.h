/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a chart's data is drawn, in the user-space units of its cairo_t,
 * and the values at its edges: the same mapping the draw function uses, so
 * that tests (and a widget's tooltips) can find a value's pixel. Value axes
 * run up the page for vertical charts (min at the bottom edge) and to the
 * right for horizontal ones. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
  double min;     /* value at the bottom (or left) edge */
  double max;     /* value at the top (or right) edge */
} ClChartPlotArea;

/* The y of a value in a vertical chart. */
double cl_chart_plot_area_value_to_y (const ClChartPlotArea *area,
                                      double                 value);
/* The x of a value in a horizontal chart. */
double cl_chart_plot_area_value_to_x (const ClChartPlotArea *area,
                                      double                 value);

G_END_DECLS
