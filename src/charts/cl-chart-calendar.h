/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "charts/cl-chart-style.h"

G_BEGIN_DECLS

/* The year's sessions as a heat map: one column per week from September to
 * July, ten rows (Monday AM, Monday PM … Friday PM). A pupil's map colours
 * each session by category; a school's by the share of its pupils present. */
typedef enum
{
  CL_CHART_CALENDAR_CATEGORIES,
  CL_CHART_CALENDAR_RATES,
} ClChartCalendarMode;

/* A session's category in CATEGORIES mode. */
typedef enum
{
  CL_CHART_CELL_NONE,          /* no mark: no school, or not yet */
  CL_CHART_CELL_PRESENT,
  CL_CHART_CELL_AEA,
  CL_CHART_CELL_AUTHORISED,
  CL_CHART_CELL_UNAUTHORISED,
  CL_CHART_CELL_NOT_COUNTED,
} ClChartCell;

#define CL_CHART_CALENDAR_SESSIONS 732

typedef struct
{
  char                *title;          /* may be NULL */
  int                  academic_year;  /* 2025 = 2025/26 */
  ClChartCalendarMode  mode;
  /* Indexed by session, as registers are: (date − 1 September) × 2 + PM. */
  guint8               cells[CL_CHART_CALENDAR_SESSIONS];   /* ClChartCell */
  float                rates[CL_CHART_CALENDAR_SESSIONS];   /* %, NAN: none */
} ClChartCalendarData;

ClChartCalendarData *cl_chart_calendar_data_new   (const char                *title,
                                                   int                        academic_year,
                                                   ClChartCalendarMode        mode);
void                 cl_chart_calendar_data_free  (ClChartCalendarData       *data);
ClChartCalendarData *cl_chart_calendar_data_copy  (const ClChartCalendarData *data);

void                 cl_chart_calendar_draw       (cairo_t                   *cr,
                                                   double                     width,
                                                   double                     height,
                                                   const ClChartCalendarData *data,
                                                   const ClChartStyle        *style);
/* The rectangle of one session's cell; FALSE when the session is not shown
 * (a weekend, or August). */
gboolean             cl_chart_calendar_cell_rect  (const ClChartCalendarData *data,
                                                   const ClChartStyle        *style,
                                                   double                     width,
                                                   double                     height,
                                                   int                        session,
                                                   double                    *out_x,
                                                   double                    *out_y,
                                                   double                    *out_width,
                                                   double                    *out_height);
/* The session (as in cells) whose cell holds (x, y) in a chart drawn at
 * width × height, or -1. */
int                  cl_chart_calendar_session_at (const ClChartCalendarData *data,
                                                   const ClChartStyle        *style,
                                                   double                     width,
                                                   double                     height,
                                                   double                     x,
                                                   double                     y);
char                *cl_chart_calendar_describe   (const ClChartCalendarData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClChartCalendarData, cl_chart_calendar_data_free)

G_END_DECLS
