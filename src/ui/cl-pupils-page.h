/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_PUPILS_PAGE (cl_pupils_page_get_type ())
G_DECLARE_FINAL_TYPE (ClPupilsPage, cl_pupils_page, CL, PUPILS_PAGE, GtkWidget)

/* Every pupil in a sortable, searchable table, and the selected one in an
 * editor beside it. Emits "changed" after it has changed the database. */
GtkWidget *cl_pupils_page_new                     (void);
void       cl_pupils_page_set_database            (ClPupilsPage  *self,
                                                   ClDatabase    *db);
/* Reads the pupils and schools again, keeping the pupil being edited. */
gboolean   cl_pupils_page_reload                  (ClPupilsPage  *self,
                                                   GError       **error);
guint      cl_pupils_page_get_n_pupils            (ClPupilsPage  *self);
gboolean   cl_pupils_page_get_has_unsaved_changes (ClPupilsPage  *self);
/* Saves the pupil being edited; on failure says why in a dialog and
 * returns FALSE. */
gboolean   cl_pupils_page_save                    (ClPupilsPage  *self);
/* Selects the pupil and shows them in the editor (asking first about unsaved
 * changes to another pupil); FALSE when there is no such pupil. */
gboolean   cl_pupils_page_show_pupil              (ClPupilsPage  *self,
                                                   gint64         pupil_id);

G_END_DECLS
