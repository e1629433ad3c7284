/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "people/cl-school.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_SCHOOL_REPOSITORY (cl_school_repository_get_type ())
G_DECLARE_FINAL_TYPE (ClSchoolRepository, cl_school_repository, CL, SCHOOL_REPOSITORY, GObject)

ClSchoolRepository *cl_school_repository_new         (ClDatabase          *db);
/* Every school not deleted, sorted by name, with pupil counts. A new
 * GListStore of ClSchool each call. */
GListModel         *cl_school_repository_list        (ClSchoolRepository  *self,
                                                      GError             **error);
ClSchool           *cl_school_repository_get         (ClSchoolRepository  *self,
                                                      gint64               id,
                                                      GError             **error);
ClSchool           *cl_school_repository_get_by_urn  (ClSchoolRepository  *self,
                                                      guint                urn,
                                                      GError             **error);
/* Validates, then inserts and sets the school's id. A URN or DfE number
 * already in use is refused with CL_PEOPLE_ERROR_DUPLICATE. */
gboolean            cl_school_repository_insert      (ClSchoolRepository  *self,
                                                      ClSchool            *school,
                                                      GError             **error);
gboolean            cl_school_repository_update      (ClSchoolRepository  *self,
                                                      ClSchool            *school,
                                                      GError             **error);
/* Refused with CL_PEOPLE_ERROR_IN_USE (the message gives the count) while the
 * school has pupils on roll. A deleted school can be restored (undo) until
 * cl_school_repository_purge_deleted runs. */
gboolean            cl_school_repository_delete      (ClSchoolRepository  *self,
                                                      gint64               id,
                                                      GError             **error);
gboolean            cl_school_repository_restore     (ClSchoolRepository  *self,
                                                      gint64               id,
                                                      GError             **error);
gboolean            cl_school_repository_purge_deleted (ClSchoolRepository *self,
                                                        GError            **error);

G_END_DECLS
