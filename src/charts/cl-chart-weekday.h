/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "charts/cl-chart-plot-area.h"
#include "charts/cl-chart-style.h"

G_BEGIN_DECLS

/* Absence by weekday and session: for Monday … Friday, the share of possible
 * morning and afternoon sessions missed (authorised or not), as pairs of bars. */
typedef struct
{
  char  *title;            /* may be NULL */
  guint  possible[5][2];   /* [weekday][0 = AM, 1 = PM] */
  guint  absent[5][2];
} ClChartWeekdayData;

ClChartWeekdayData *cl_chart_weekday_data_new      (const char               *title);
void                cl_chart_weekday_data_free     (ClChartWeekdayData       *data);
ClChartWeekdayData *cl_chart_weekday_data_copy     (const ClChartWeekdayData *data);
/* Absence % of one weekday and session; 0 when none were possible. */
double              cl_chart_weekday_data_percent  (const ClChartWeekdayData *data,
                                                    guint                     weekday,
                                                    gboolean                  pm);

void                cl_chart_weekday_draw          (cairo_t                  *cr,
                                                    double                    width,
                                                    double                    height,
                                                    const ClChartWeekdayData *data,
                                                    const ClChartStyle       *style);
void                cl_chart_weekday_plot_area     (const ClChartWeekdayData *data,
                                                    const ClChartStyle       *style,
                                                    double                    width,
                                                    double                    height,
                                                    ClChartPlotArea          *out);
/* The bar under (x, y) in a chart drawn at width × height: FALSE when
 * there is none (outside the plot, or nothing possible). */
gboolean            cl_chart_weekday_hit           (const ClChartWeekdayData *data,
                                                    const ClChartStyle       *style,
                                                    double                    width,
                                                    double                    height,
                                                    double                    x,
                                                    double                    y,
                                                    guint                    *weekday,
                                                    gboolean                 *pm);
char               *cl_chart_weekday_describe      (const ClChartWeekdayData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClChartWeekdayData, cl_chart_weekday_data_free)

G_END_DECLS
