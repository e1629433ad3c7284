/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "charts/cl-chart-plot-area.h"
#include "charts/cl-chart-style.h"

G_BEGIN_DECLS

/* Weekly attendance trend: attendance % per school week as a line, with the
 * 90 % and 95 % reference lines. */
typedef struct
{
  guint32 week_start;   /* GDate julian of the Monday */
  guint   possible;     /* 0: no school that week (a gap in the line) */
  guint   attended;     /* present + approved educational activity */
} ClChartWeek;

typedef struct
{
  char   *title;        /* may be NULL */
  GArray *weeks;        /* ClChartWeek, oldest first */
} ClChartTrendData;

#define CL_CHART_TREND_LOWER 90.0
#define CL_CHART_TREND_UPPER 95.0

ClChartTrendData *cl_chart_trend_data_new       (const char             *title);
void              cl_chart_trend_data_free      (ClChartTrendData       *data);
ClChartTrendData *cl_chart_trend_data_copy      (const ClChartTrendData *data);
void              cl_chart_trend_data_add_week  (ClChartTrendData       *data,
                                                 guint32                 week_start,
                                                 guint                   possible,
                                                 guint                   attended);

void              cl_chart_trend_draw           (cairo_t                *cr,
                                                 double                  width,
                                                 double                  height,
                                                 const ClChartTrendData *data,
                                                 const ClChartStyle     *style);
/* The area the weeks are drawn in: min/max are the percentages at its
 * bottom and top edges. */
void              cl_chart_trend_plot_area      (const ClChartTrendData *data,
                                                 const ClChartStyle     *style,
                                                 double                  width,
                                                 double                  height,
                                                 ClChartPlotArea        *out);
/* "Attendance by week from 1 September 2025 to 16 March 2026: average
 * 93.1 %, lowest 71.0 % in the week of 3 November 2025 …" */
char             *cl_chart_trend_describe       (const ClChartTrendData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClChartTrendData, cl_chart_trend_data_free)

G_END_DECLS
