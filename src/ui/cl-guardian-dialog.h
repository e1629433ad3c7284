/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "people/cl-pupil-repository.h"

G_BEGIN_DECLS

#define CL_TYPE_GUARDIAN_DIALOG (cl_guardian_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClGuardianDialog, cl_guardian_dialog, CL, GUARDIAN_DIALOG, AdwWindow)

/* Adds a parent or carer to a pupil, or edits one linked already (guardian
 * not NULL: a copy is edited, the object itself is left alone). Checked with
 * cl_guardian_validate as the user types; Save calls
 * cl_pupil_repository_link_guardian, emits "saved" and closes. Closing with
 * changes asks whether to discard them. */
ClGuardianDialog *cl_guardian_dialog_new       (GtkWindow         *parent,
                                                ClPupilRepository *repository,
                                                gint64             pupil_id,
                                                ClGuardian        *guardian);
gboolean          cl_guardian_dialog_get_dirty (ClGuardianDialog  *self);
gboolean          cl_guardian_dialog_get_valid (ClGuardianDialog  *self);
/* As the Save button: TRUE when the guardian was saved (and the dialog closed). */
gboolean          cl_guardian_dialog_save      (ClGuardianDialog  *self);

G_END_DECLS
