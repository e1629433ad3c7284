/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_SCHOOLS_PAGE (cl_schools_page_get_type ())
G_DECLARE_FINAL_TYPE (ClSchoolsPage, cl_schools_page, CL, SCHOOLS_PAGE, GtkWidget)

/* Every school in a sortable, searchable table, and the selected one in an
 * editor beside it. Emits "changed" after it has changed the database. */
GtkWidget *cl_schools_page_new                     (void);
void       cl_schools_page_set_database            (ClSchoolsPage  *self,
                                                    ClDatabase     *db);
gboolean   cl_schools_page_reload                  (ClSchoolsPage  *self,
                                                    GError        **error);
guint      cl_schools_page_get_n_schools           (ClSchoolsPage  *self);
gboolean   cl_schools_page_get_has_unsaved_changes (ClSchoolsPage  *self);
gboolean   cl_schools_page_save                    (ClSchoolsPage  *self);
/* Starts a new school in the editor. */
void       cl_schools_page_add                     (ClSchoolsPage  *self);

G_END_DECLS
