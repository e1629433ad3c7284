/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CL_TYPE_ENROLMENT (cl_enrolment_get_type ())
G_DECLARE_FINAL_TYPE (ClEnrolment, cl_enrolment, CL, ENROLMENT, GObject)

/* One dated period of a pupil on a school's roll; end_date NULL while current. */
ClEnrolment *cl_enrolment_new             (gint64       id,
                                           gint64       pupil_id,
                                           gint64       school_id,
                                           const char  *school_name,
                                           const char  *start_date,
                                           const char  *end_date);
gint64       cl_enrolment_get_id          (ClEnrolment *self);
gint64       cl_enrolment_get_pupil_id    (ClEnrolment *self);
gint64       cl_enrolment_get_school_id   (ClEnrolment *self);
const char  *cl_enrolment_get_school_name (ClEnrolment *self);
const char  *cl_enrolment_get_start_date  (ClEnrolment *self);
const char  *cl_enrolment_get_end_date    (ClEnrolment *self);
gboolean     cl_enrolment_is_current      (ClEnrolment *self);

G_END_DECLS
