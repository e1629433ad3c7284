/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CL_TYPE_SESSION_STRIP (cl_session_strip_get_type ())
G_DECLARE_FINAL_TYPE (ClSessionStrip, cl_session_strip, CL, SESSION_STRIP, GtkWidget)

/* Register sessions as small coloured blocks, one per morning and afternoon
 * (ClWeekSession values, cl-case-weeks.h), Monday to Friday of one or more
 * weeks. Wide: ten blocks side by side a week (the case page's timeline).
 * Compact: a narrow column a day, morning above afternoon, stretched to the
 * width it is given (the family view's aligned timelines).
 *
 * Colours are the named colours register_*_color of style.css and
 * style-dark.css, so the dark and high-contrast styles draw it right. What
 * the blocks show is also given as the accessible label. */
GtkWidget  *cl_session_strip_new                  (gboolean        compact);
/* sessions: n_weeks × CL_WEEK_SESSIONS values (copied). */
void        cl_session_strip_set_sessions         (ClSessionStrip *self,
                                                   const guint8   *sessions,
                                                   guint           n_weeks,
                                                   const char     *accessible_label);
guint       cl_session_strip_get_n_weeks          (ClSessionStrip *self);
const char *cl_session_strip_get_accessible_label (ClSessionStrip *self);
/* Compact strips: where day (0 … n_weeks × 5 − 1) starts and how wide it is
 * in a strip of this width, so that an axis can line up with it. */
void        cl_session_strip_day_geometry         (guint           n_weeks,
                                                   double          width,
                                                   guint           day,
                                                   double         *out_x,
                                                   double         *out_width);

G_END_DECLS
