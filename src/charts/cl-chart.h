/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "charts/cl-chart-bands.h"
#include "charts/cl-chart-calendar.h"
#include "charts/cl-chart-groups.h"
#include "charts/cl-chart-persistence.h"
#include "charts/cl-chart-style.h"
#include "charts/cl-chart-trend.h"
#include "charts/cl-chart-weekday.h"

G_BEGIN_DECLS

#define CL_CHARTS_ERROR (cl_charts_error_quark ())

typedef enum
{
  CL_CHARTS_ERROR_FORMAT,   /* the file name does not end in .png, .svg or .pdf */
  CL_CHARTS_ERROR_WRITE,    /* the file could not be written */
  CL_CHARTS_ERROR_INVALID,  /* bad arguments: a size, a kind name */
} ClChartsError;

GQuark cl_charts_error_quark (void);

typedef enum
{
  CL_CHART_KIND_TREND,        /* weekly attendance with the 90 % and 95 % lines */
  CL_CHART_KIND_CALENDAR,     /* the year's sessions as a heat map */
  CL_CHART_KIND_WEEKDAY,      /* absence by weekday and AM/PM */
  CL_CHART_KIND_BANDS,        /* pupils by attendance band */
  CL_CHART_KIND_PERSISTENCE,  /* persistent and severe absence over time */
  CL_CHART_KIND_GROUPS,       /* year-group and flag-group comparison */
} ClChartKind;

#define CL_CHART_N_KINDS 6

/* "trend", "calendar", "weekday", "bands", "persistence", "groups". */
const char *cl_chart_kind_to_string   (ClChartKind  kind);
gboolean    cl_chart_kind_from_string (const char  *text,
                                       ClChartKind *out_kind);

/* Any chart behind one type, for the screen widget, Present mode, documents
 * and export: holds the kind's data and calls its draw function. Immutable
 * once made, so it may be handed between threads. */
#define CL_TYPE_CHART (cl_chart_get_type ())
G_DECLARE_FINAL_TYPE (ClChart, cl_chart, CL, CHART, GObject)

/* Each takes ownership of data. */
ClChart     *cl_chart_new_trend          (ClChartTrendData       *data);
ClChart     *cl_chart_new_calendar       (ClChartCalendarData    *data);
ClChart     *cl_chart_new_weekday        (ClChartWeekdayData     *data);
ClChart     *cl_chart_new_bands          (ClChartBandsData       *data);
ClChart     *cl_chart_new_persistence    (ClChartPersistenceData *data);
ClChart     *cl_chart_new_groups         (ClChartGroupsData      *data);

ClChartKind  cl_chart_get_kind           (ClChart                *self);
/* The data's title, or NULL. */
const char  *cl_chart_get_title          (ClChart                *self);
/* The kind's data struct (ClChartTrendData * for TREND …), transfer none. */
gconstpointer cl_chart_get_data          (ClChart                *self);
/* A sentence or two for screen readers and the report's text. */
const char  *cl_chart_get_description    (ClChart                *self);

/* What the pointer is over at (x, y) in the chart drawn at width ×
 * height, as a sentence for a tooltip ("Week of 3 November 2025: 87.5 %
 * (35 of 40 sessions)", "Friday afternoons: 20.0 % absent (20 of 100
 * sessions)"), or NULL over no value. */
char        *cl_chart_describe_at        (ClChart                *self,
                                          const ClChartStyle     *style,
                                          double                  width,
                                          double                  height,
                                          double                  x,
                                          double                  y);

void         cl_chart_draw               (ClChart                *self,
                                          cairo_t                *cr,
                                          double                  width,
                                          double                  height,
                                          const ClChartStyle     *style);

/* Writes the chart to path as PNG, SVG or PDF by its extension; width and
 * height are pixels for PNG, points for SVG and PDF. style NULL means
 * cl_chart_style_light (). */
gboolean     cl_chart_export             (ClChart                *self,
                                          const char             *path,
                                          double                  width,
                                          double                  height,
                                          const ClChartStyle     *style,
                                          GError                **error);

G_END_DECLS
