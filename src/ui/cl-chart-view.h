/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "charts/cl-chart.h"

G_BEGIN_DECLS

/* A chart on screen: drawn by the chart's own draw function in the theme's
 * colours (named colours chart_*_color in style.css and style-dark.css, the
 * text in the widget's colour), redrawn when the style turns dark or light.
 * It takes keyboard focus (with a focus ring), gives screen readers the
 * chart's description, shows a tooltip (the value under the pointer for the
 * weekly trend and the bands, else the description) and has a context menu
 * (right click, Menu or Shift+F10) to export the chart as PNG, SVG or PDF or
 * to open it as a PDF in the preview. Actions: chart.export (s: "png",
 * "svg" or "pdf") and chart.preview. */
#define CL_TYPE_CHART_VIEW (cl_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (ClChartView, cl_chart_view, CL, CHART_VIEW, GtkWidget)

GtkWidget    *cl_chart_view_new            (void);
/* NULL shows nothing. */
void          cl_chart_view_set_chart      (ClChartView *self,
                                            ClChart     *chart);
ClChart      *cl_chart_view_get_chart      (ClChartView *self);
/* Draw the chart's title (TRUE by default; FALSE when a heading beside the
 * chart shows it). */
void          cl_chart_view_set_show_title (ClChartView *self,
                                            gboolean     show_title);
/* Text size relative to the interface font (1.0 by default; larger for
 * Present mode). */
void          cl_chart_view_set_font_scale (ClChartView *self,
                                            double       font_scale);
/* The style the view draws with now, from the theme. */
ClChartStyle *cl_chart_view_build_style    (ClChartView *self);

G_END_DECLS
