/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "charts/cl-chart-plot-area.h"
#include "charts/cl-chart-style.h"

G_BEGIN_DECLS

/* Year-group and flag-group comparison: one horizontal bar of attendance %
 * per group, in sections ("Year groups", "Groups"), with the 90 % line. */
typedef struct
{
  char   *section;             /* rows with the same section are drawn together */
  char   *label;               /* "Year 7", "Free school meals" */
  guint   pupils;
  double  attendance_percent;
} ClChartGroupRow;

typedef struct
{
  char      *title;            /* may be NULL */
  GPtrArray *rows;             /* ClChartGroupRow */
} ClChartGroupsData;

ClChartGroupsData *cl_chart_groups_data_new     (const char              *title);
void               cl_chart_groups_data_free    (ClChartGroupsData       *data);
ClChartGroupsData *cl_chart_groups_data_copy    (const ClChartGroupsData *data);
void               cl_chart_groups_data_add     (ClChartGroupsData       *data,
                                                 const char              *section,
                                                 const char              *label,
                                                 guint                    pupils,
                                                 double                   attendance_percent);

void               cl_chart_groups_draw         (cairo_t                 *cr,
                                                 double                   width,
                                                 double                   height,
                                                 const ClChartGroupsData *data,
                                                 const ClChartStyle      *style);
/* Horizontal: min/max are the percentages at the left and right edges. */
void               cl_chart_groups_plot_area    (const ClChartGroupsData *data,
                                                 const ClChartStyle      *style,
                                                 double                   width,
                                                 double                   height,
                                                 ClChartPlotArea         *out);
/* The row (label or bar) under (x, y) in a chart drawn at width × height,
 * as an index into rows: FALSE between rows, on a section heading or
 * outside the chart. */
gboolean           cl_chart_groups_hit          (const ClChartGroupsData *data,
                                                 const ClChartStyle      *style,
                                                 double                   width,
                                                 double                   height,
                                                 double                   x,
                                                 double                   y,
                                                 guint                   *row);
char              *cl_chart_groups_describe     (const ClChartGroupsData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClChartGroupsData, cl_chart_groups_data_free)

G_END_DECLS
