/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_FAMILY_VIEW (cl_family_view_get_type ())
G_DECLARE_FINAL_TYPE (ClFamilyView, cl_family_view, CL, FAMILY_VIEW, GtkWidget)

/* Every child of a case's household (cl_case_repository_family: the
 * case's children and every pupil who shares a guardian with one of them,
 * at any school), one row each with their school, on one attendance
 * timeline: the same weeks in the same columns for every child, so that the
 * officer sees the whole family at once. Emits "back" from its back button. */
GtkWidget *cl_family_view_new  (void);
gboolean   cl_family_view_load (ClFamilyView  *self,
                                ClDatabase    *db,
                                gint64         case_id,
                                GError       **error);

G_END_DECLS
