/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "attendance/cl-attendance-stats.h"
#include "people/cl-pupil.h"

G_BEGIN_DECLS

#define CL_TYPE_ATTENDANCE_ITEM (cl_attendance_item_get_type ())
G_DECLARE_FINAL_TYPE (ClAttendanceItem, cl_attendance_item, CL, ATTENDANCE_ITEM, GObject)

/* One pupil and their attendance figures, a row of the list of a school's
 * pupils by attendance. Immutable; "name" and "attendance-percent" are
 * properties for sorters. */
ClAttendanceItem          *cl_attendance_item_new                (ClPupil                   *pupil,
                                                                  const ClAttendanceSummary *summary);
ClPupil                   *cl_attendance_item_get_pupil          (ClAttendanceItem          *self);
gint64                     cl_attendance_item_get_pupil_id       (ClAttendanceItem          *self);
/* "Surname, Forename". */
const char                *cl_attendance_item_get_name           (ClAttendanceItem          *self);
double                     cl_attendance_item_get_attendance_percent (ClAttendanceItem      *self);
const ClAttendanceSummary *cl_attendance_item_get_summary        (ClAttendanceItem          *self);

G_END_DECLS
