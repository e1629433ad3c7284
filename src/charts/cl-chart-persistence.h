/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "charts/cl-chart-plot-area.h"
#include "charts/cl-chart-style.h"

G_BEGIN_DECLS

/* Persistent and severe absence over time: at the end of each month, the
 * share of enrolments persistently (10 % or more) and severely (50 % or
 * more) absent over the year so far, against comparison figures the user
 * entered (for example the national rates), drawn as dashed lines. */
typedef struct
{
  guint32 date;                /* GDate julian: the last day counted */
  guint   pupils;              /* enrolments with possible sessions */
  double  persistent_percent;
  double  severe_percent;
} ClChartPersistencePoint;

typedef struct
{
  char   *title;                  /* may be NULL */
  GArray *points;                 /* ClChartPersistencePoint, oldest first */
  double  comparison_persistent;  /* NAN: none */
  double  comparison_severe;      /* NAN: none */
  char   *comparison_label;       /* e.g. "National"; NULL: "Comparison" */
} ClChartPersistenceData;

ClChartPersistenceData *cl_chart_persistence_data_new       (const char                   *title);
void                    cl_chart_persistence_data_free      (ClChartPersistenceData       *data);
ClChartPersistenceData *cl_chart_persistence_data_copy      (const ClChartPersistenceData *data);
/* Percentages of pupils (enrolments) at date. */
void                    cl_chart_persistence_data_add_point (ClChartPersistenceData       *data,
                                                             guint32                       date,
                                                             guint                         pupils,
                                                             double                        persistent,
                                                             double                        severe);

void                    cl_chart_persistence_draw           (cairo_t                      *cr,
                                                             double                        width,
                                                             double                        height,
                                                             const ClChartPersistenceData *data,
                                                             const ClChartStyle           *style);
void                    cl_chart_persistence_plot_area      (const ClChartPersistenceData *data,
                                                             const ClChartStyle           *style,
                                                             double                        width,
                                                             double                        height,
                                                             ClChartPlotArea              *out);
/* The point nearest x in the plot of a chart drawn at width × height:
 * FALSE outside the plot or with no points. */
gboolean                cl_chart_persistence_hit            (const ClChartPersistenceData *data,
                                                             const ClChartStyle           *style,
                                                             double                        width,
                                                             double                        height,
                                                             double                        x,
                                                             double                        y,
                                                             guint                        *index);
char                   *cl_chart_persistence_describe       (const ClChartPersistenceData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClChartPersistenceData, cl_chart_persistence_data_free)

G_END_DECLS
