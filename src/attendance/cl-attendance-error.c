/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance"

#include "config.h"

#include "attendance/cl-attendance-error.h"

G_DEFINE_QUARK (cl-attendance-error-quark, cl_attendance_error)
