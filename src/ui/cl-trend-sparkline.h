/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CL_TYPE_TREND_SPARKLINE (cl_trend_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (ClTrendSparkline, cl_trend_sparkline, CL, TREND_SPARKLINE, GtkWidget)

/* A tiny line of weekly attendance percentages (oldest first; -1 for a week
 * without school, left as a gap) on a fixed 0–100 % scale, drawn in the
 * text colour, with a faint line at 90 % (below it a pupil is persistently
 * absent). Screen readers get the figures: "4-week trend: 88, 85, 80, 76 %". */
GtkWidget  *cl_trend_sparkline_new                  (void);
void        cl_trend_sparkline_set_values           (ClTrendSparkline *self,
                                                     const double     *values,
                                                     guint             n_values);
const char *cl_trend_sparkline_get_accessible_label (ClTrendSparkline *self);

G_END_DECLS
