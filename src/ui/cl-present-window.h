/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Present mode: the charts of a governors' report full-screen, one a slide,
 * for a governors' meeting. Right, Down, Page Down and space move on; Left,
 * Up, Page Up and Backspace move back; Home and End go to the first and
 * last; Escape leaves. Slides can be swiped too. */
#define CL_TYPE_PRESENT_WINDOW (cl_present_window_get_type ())
G_DECLARE_FINAL_TYPE (ClPresentWindow, cl_present_window, CL, PRESENT_WINDOW, AdwWindow)

/* charts: ClChart items, one slide each, in order (for example from
 * cl_governors_report_charts); title names the occasion ("Oakfield Academy,
 * Autumn term 2025"). */
ClPresentWindow *cl_present_window_new       (GtkWindow       *parent,
                                              const char      *title,
                                              GPtrArray       *charts);
/* The slide shown (or being moved to), from 0. */
guint            cl_present_window_get_slide (ClPresentWindow *self);
void             cl_present_window_set_slide (ClPresentWindow *self,
                                              guint            slide);

G_END_DECLS
