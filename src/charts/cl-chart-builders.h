/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "charts/cl-chart.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* Chart data from the database. Dates are ISO "YYYY-MM-DD"; from NULL means
 * 1 September of the academic year of to, and to NULL means today
 * (cl_date_today). Soft-deleted pupils are left out, as in the statistics.
 * Titles are generic ("Attendance by week"); callers may replace them. */

ClChartTrendData       *cl_chart_trend_data_for_pupil        (ClDatabase   *db,
                                                              gint64        pupil_id,
                                                              const char   *from,
                                                              const char   *to,
                                                              GError      **error);
ClChartTrendData       *cl_chart_trend_data_for_school       (ClDatabase   *db,
                                                              gint64        school_id,
                                                              const char   *from,
                                                              const char   *to,
                                                              GError      **error);
/* Each session of one academic year by category (a pupil, merging their
 * registers at every school) or by the share of pupils present (a school). */
ClChartCalendarData    *cl_chart_calendar_data_for_pupil     (ClDatabase   *db,
                                                              gint64        pupil_id,
                                                              int           academic_year,
                                                              GError      **error);
ClChartCalendarData    *cl_chart_calendar_data_for_school    (ClDatabase   *db,
                                                              gint64        school_id,
                                                              int           academic_year,
                                                              GError      **error);
ClChartWeekdayData     *cl_chart_weekday_data_for_pupil      (ClDatabase   *db,
                                                              gint64        pupil_id,
                                                              const char   *from,
                                                              const char   *to,
                                                              GError      **error);
ClChartWeekdayData     *cl_chart_weekday_data_for_school     (ClDatabase   *db,
                                                              gint64        school_id,
                                                              const char   *from,
                                                              const char   *to,
                                                              GError      **error);
ClChartBandsData       *cl_chart_bands_data_for_school       (ClDatabase   *db,
                                                              gint64        school_id,
                                                              const char   *from,
                                                              const char   *to,
                                                              GError      **error);
/* Month by month from 1 September of the academic year of to; the last
 * point is at to. The comparison figures come from the settings (see
 * cl_chart_comparison_load). */
ClChartPersistenceData *cl_chart_persistence_data_for_school (ClDatabase   *db,
                                                              gint64        school_id,
                                                              const char   *to,
                                                              GError      **error);
/* Year groups, then the flag groups of cl_attendance_summary_by_flag. */
ClChartGroupsData      *cl_chart_groups_data_for_school      (ClDatabase   *db,
                                                              gint64        school_id,
                                                              const char   *from,
                                                              const char   *to,
                                                              GError      **error);

/* Any kind for a school or a pupil (academic_year for the calendar is that
 * of to). Pupils have no bands, persistence or groups chart:
 * CL_CHARTS_ERROR_INVALID. */
ClChart                *cl_chart_new_for_school              (ClDatabase   *db,
                                                              ClChartKind   kind,
                                                              gint64        school_id,
                                                              const char   *from,
                                                              const char   *to,
                                                              GError      **error);
ClChart                *cl_chart_new_for_pupil               (ClDatabase   *db,
                                                              ClChartKind   kind,
                                                              gint64        pupil_id,
                                                              const char   *from,
                                                              const char   *to,
                                                              GError      **error);

/* The comparison figures for persistent and severe absence that the user
 * entered (settings "charts.comparison.persistent", ".severe", ".label");
 * NAN when not set. label may be NULL when not set. */
void                    cl_chart_comparison_load             (ClDatabase   *db,
                                                              double       *out_persistent,
                                                              double       *out_severe,
                                                              char        **out_label);
/* NAN clears a figure; label NULL clears it. */
gboolean                cl_chart_comparison_save             (ClDatabase   *db,
                                                              double        persistent,
                                                              double        severe,
                                                              const char   *label,
                                                              GError      **error);

G_END_DECLS
