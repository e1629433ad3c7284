/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "people/cl-pupil-repository.h"

G_BEGIN_DECLS

#define CL_TYPE_PUPIL_EDITOR (cl_pupil_editor_get_type ())
G_DECLARE_FINAL_TYPE (ClPupilEditor, cl_pupil_editor, CL, PUPIL_EDITOR, GtkWidget)

/* The detail pane of the Pupils page: a form over a working copy (the
 * draft) of one pupil, validated as the user types with cl_pupil_validate.
 * It never writes to the database; the page saves the draft. */
GtkWidget  *cl_pupil_editor_new             (void);
void        cl_pupil_editor_set_repository  (ClPupilEditor     *self,
                                             ClPupilRepository *repository);
/* The database the pupil's attendance and register are read from. */
void        cl_pupil_editor_set_database    (ClPupilEditor     *self,
                                             ClDatabase        *db);
/* ClSchool items offered as the current school. */
void        cl_pupil_editor_set_schools     (ClPupilEditor     *self,
                                             GListModel        *schools);
/* Starts editing pupil (kept as the source), or a new pupil when NULL. */
void        cl_pupil_editor_edit            (ClPupilEditor     *self,
                                             ClPupil           *pupil);
/* Shows nothing: "No Pupil Selected". */
void        cl_pupil_editor_clear           (ClPupilEditor     *self);
gboolean    cl_pupil_editor_is_editing      (ClPupilEditor     *self);
gboolean    cl_pupil_editor_is_new          (ClPupilEditor     *self);
/* The pupil from the list being edited; NULL for a new one. */
ClPupil    *cl_pupil_editor_get_source      (ClPupilEditor     *self);
/* The working copy with the user's changes; NULL when not editing. */
ClPupil    *cl_pupil_editor_get_draft       (ClPupilEditor     *self);
gint64      cl_pupil_editor_get_school_id   (ClPupilEditor     *self);
gint64      cl_pupil_editor_get_original_school_id (ClPupilEditor *self);
gboolean    cl_pupil_editor_get_dirty       (ClPupilEditor     *self);
gboolean    cl_pupil_editor_get_valid       (ClPupilEditor     *self);
void        cl_pupil_editor_focus           (ClPupilEditor     *self);

G_END_DECLS
