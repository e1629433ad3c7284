/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "people/cl-enrolment.h"
#include "people/cl-guardian.h"
#include "people/cl-pupil.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_PUPIL_REPOSITORY (cl_pupil_repository_get_type ())
G_DECLARE_FINAL_TYPE (ClPupilRepository, cl_pupil_repository, CL, PUPIL_REPOSITORY, GObject)

ClPupilRepository *cl_pupil_repository_new            (ClDatabase         *db);

/* Every pupil not deleted, with the current school filled in, sorted by
 * surname then forename. school_id 0 means all schools. */
GListModel        *cl_pupil_repository_list           (ClPupilRepository  *self,
                                                       gint64              school_id,
                                                       GError            **error);
ClPupil           *cl_pupil_repository_get            (ClPupilRepository  *self,
                                                       gint64              id,
                                                       GError            **error);
ClPupil           *cl_pupil_repository_get_by_upn     (ClPupilRepository  *self,
                                                       const char         *upn,
                                                       GError            **error);

/* Validates and inserts; enrols at school_id from start_date when school_id
 * is not 0. Sets the pupil's id. A UPN in use is CL_PEOPLE_ERROR_DUPLICATE. */
gboolean           cl_pupil_repository_insert         (ClPupilRepository  *self,
                                                       ClPupil            *pupil,
                                                       gint64              school_id,
                                                       const char         *start_date,
                                                       GError            **error);
gboolean           cl_pupil_repository_update         (ClPupilRepository  *self,
                                                       ClPupil            *pupil,
                                                       GError            **error);
/* Soft delete, undoable with restore until purge_deleted (run at start-up). */
gboolean           cl_pupil_repository_delete         (ClPupilRepository  *self,
                                                       gint64              id,
                                                       GError            **error);
gboolean           cl_pupil_repository_restore        (ClPupilRepository  *self,
                                                       gint64              id,
                                                       GError            **error);
gboolean           cl_pupil_repository_purge_deleted  (ClPupilRepository  *self,
                                                       GError            **error);

/* Moves the pupil: ends the current enrolment the day before start_date and
 * opens one at school_id. Enrolling at the current school is a no-op. */
gboolean           cl_pupil_repository_enrol          (ClPupilRepository  *self,
                                                       gint64              pupil_id,
                                                       gint64              school_id,
                                                       const char         *start_date,
                                                       GError            **error);
/* ClEnrolment items, oldest first. */
GListModel        *cl_pupil_repository_enrolments     (ClPupilRepository  *self,
                                                       gint64              pupil_id,
                                                       GError            **error);

/* ClGuardian items with the link fields (relationship, parental
 * responsibility, lives with) filled in, in contact order. */
GListModel        *cl_pupil_repository_guardians      (ClPupilRepository  *self,
                                                       gint64              pupil_id,
                                                       GError            **error);
/* Inserts the guardian when its id is 0, else updates it; then links it. */
gboolean           cl_pupil_repository_link_guardian  (ClPupilRepository  *self,
                                                       gint64              pupil_id,
                                                       ClGuardian         *guardian,
                                                       GError            **error);
gboolean           cl_pupil_repository_unlink_guardian (ClPupilRepository *self,
                                                        gint64             pupil_id,
                                                        gint64             guardian_id,
                                                        GError           **error);
/* Other pupils who share a guardian with this one. */
GListModel        *cl_pupil_repository_siblings       (ClPupilRepository  *self,
                                                       gint64              pupil_id,
                                                       GError            **error);

G_END_DECLS
