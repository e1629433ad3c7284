/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_REGISTER_CALENDAR (cl_register_calendar_get_type ())
G_DECLARE_FINAL_TYPE (ClRegisterCalendar, cl_register_calendar, CL, REGISTER_CALENDAR, GtkWidget)

/* A pupil's register for one academic year as a calendar of sessions
 * (ClRegisterGrid) with a key to its colours, and a choice of year when the
 * pupil has registers for several. Registers of one year at several schools
 * are shown together, session by session. */
GtkWidget *cl_register_calendar_new        (void);
void       cl_register_calendar_show_pupil (ClRegisterCalendar *self,
                                            ClDatabase         *db,
                                            gint64              pupil_id);
void       cl_register_calendar_clear      (ClRegisterCalendar *self);

G_END_DECLS
