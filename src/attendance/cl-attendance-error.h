/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_ATTENDANCE_ERROR (cl_attendance_error_quark ())

typedef enum
{
  CL_ATTENDANCE_ERROR_INVALID_DATE,   /* not an ISO-8601 date (YYYY-MM-DD) */
  CL_ATTENDANCE_ERROR_OUT_OF_RANGE,   /* a date or session outside the academic year */
  CL_ATTENDANCE_ERROR_UNKNOWN_CODE,   /* no such attendance code (id or letters) */
  CL_ATTENDANCE_ERROR_CODE_NOT_VALID, /* the code exists but not for that school or date */
  CL_ATTENDANCE_ERROR_NOT_EDITABLE,   /* the code's category is fixed by the regulations */
  CL_ATTENDANCE_ERROR_NOT_FOUND,      /* no such register, school or pupil */
  CL_ATTENDANCE_ERROR_CLOSED,         /* a counted mark on a day the school calendar has closed */
  CL_ATTENDANCE_ERROR_INVALID,        /* any other invalid argument or data */
} ClAttendanceError;

GQuark cl_attendance_error_quark (void);

G_END_DECLS
