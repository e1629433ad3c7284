/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_SCHOOL_ATTENDANCE (cl_school_attendance_get_type ())
G_DECLARE_FINAL_TYPE (ClSchoolAttendance, cl_school_attendance, CL, SCHOOL_ATTENDANCE, GtkWidget)

/* A school's attendance this academic year to date: its figures
 * (cl_attendance_summary_for_school) and its pupils by attendance, lowest
 * first. Activating a pupil activates win.show-pupil with their id. */
GtkWidget *cl_school_attendance_new         (void);
void       cl_school_attendance_show_school (ClSchoolAttendance *self,
                                             ClDatabase         *db,
                                             gint64              school_id);
void       cl_school_attendance_clear       (ClSchoolAttendance *self);

G_END_DECLS
