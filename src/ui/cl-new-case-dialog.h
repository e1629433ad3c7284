/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_NEW_CASE_DIALOG (cl_new_case_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClNewCaseDialog, cl_new_case_dialog, CL, NEW_CASE_DIALOG, AdwWindow)

/* Opens a case for a pupil: the pupil (found by name, UPN or school), the
 * reasons, who referred, the referral date and the officer. Create calls
 * cl_case_repository_create, which checks everything (one open case per
 * child, a reason, a date not in the future …); its refusal is shown in the
 * form. Emits "created" with the new case's id, then closes. Closing with
 * changes asks whether to create the case, discard it or go back. */
ClNewCaseDialog *cl_new_case_dialog_new       (GtkWindow       *parent,
                                               ClDatabase      *db,
                                               gint64           officer_id,
                                               gint64           pupil_id);
gboolean         cl_new_case_dialog_get_dirty (ClNewCaseDialog *self);
/* As the Create button: TRUE when the case was created. */
gboolean         cl_new_case_dialog_create    (ClNewCaseDialog *self);

G_END_DECLS
