/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "people/cl-officer.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_OFFICER_REPOSITORY (cl_officer_repository_get_type ())
G_DECLARE_FINAL_TYPE (ClOfficerRepository, cl_officer_repository, CL, OFFICER_REPOSITORY, GObject)

ClOfficerRepository *cl_officer_repository_new    (ClDatabase           *db);
/* Active officers, by name. */
GListModel          *cl_officer_repository_list   (ClOfficerRepository  *self,
                                                   GError              **error);
ClOfficer           *cl_officer_repository_get    (ClOfficerRepository  *self,
                                                   gint64                id,
                                                   GError              **error);
gboolean             cl_officer_repository_insert (ClOfficerRepository  *self,
                                                   ClOfficer            *officer,
                                                   GError              **error);
gboolean             cl_officer_repository_update (ClOfficerRepository  *self,
                                                   ClOfficer            *officer,
                                                   GError              **error);

G_END_DECLS
