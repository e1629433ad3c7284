/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CL_TYPE_OFFICER (cl_officer_get_type ())
G_DECLARE_FINAL_TYPE (ClOfficer, cl_officer, CL, OFFICER, GObject)

/* Roles stored in the database: "ewo", "senior_ewo", "manager", "admin". */
const char *cl_officer_role_label (const char *role);

ClOfficer  *cl_officer_new        (void);
gint64      cl_officer_get_id     (ClOfficer  *self);
void        cl_officer_set_id     (ClOfficer  *self,
                                   gint64      id);
const char *cl_officer_get_name   (ClOfficer  *self);
void        cl_officer_set_name   (ClOfficer  *self,
                                   const char *name);
const char *cl_officer_get_role   (ClOfficer  *self);
void        cl_officer_set_role   (ClOfficer  *self,
                                   const char *role);
const char *cl_officer_get_email  (ClOfficer  *self);
void        cl_officer_set_email  (ClOfficer  *self,
                                   const char *email);
const char *cl_officer_get_phone  (ClOfficer  *self);
void        cl_officer_set_phone  (ClOfficer  *self,
                                   const char *phone);
gboolean    cl_officer_validate   (ClOfficer  *self,
                                   const char **out_field,
                                   GError    **error);

G_END_DECLS
