/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "charts/cl-chart-plot-area.h"
#include "charts/cl-chart-style.h"

G_BEGIN_DECLS

/* A school's pupils by attendance band: 95 % or more; 90 to under 95 %;
 * 50 to under 90 % (persistently absent); under 50 % (severely absent). */
typedef enum
{
  CL_CHART_BAND_95_PLUS,
  CL_CHART_BAND_90_95,
  CL_CHART_BAND_50_90,
  CL_CHART_BAND_UNDER_50,
  CL_CHART_N_BANDS
} ClChartBand;

typedef struct
{
  char  *title;                    /* may be NULL */
  guint  counts[CL_CHART_N_BANDS];
} ClChartBandsData;

ClChartBandsData *cl_chart_bands_data_new   (const char             *title);
void              cl_chart_bands_data_free  (ClChartBandsData       *data);
ClChartBandsData *cl_chart_bands_data_copy  (const ClChartBandsData *data);
/* The band of an attendance percentage. */
ClChartBand       cl_chart_band_for         (double                  attendance_percent);
const char       *cl_chart_band_label       (ClChartBand             band);

void              cl_chart_bands_draw       (cairo_t                *cr,
                                             double                  width,
                                             double                  height,
                                             const ClChartBandsData *data,
                                             const ClChartStyle     *style);
void              cl_chart_bands_plot_area  (const ClChartBandsData *data,
                                             const ClChartStyle     *style,
                                             double                  width,
                                             double                  height,
                                             ClChartPlotArea        *out);
char             *cl_chart_bands_describe   (const ClChartBandsData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClChartBandsData, cl_chart_bands_data_free)

G_END_DECLS
