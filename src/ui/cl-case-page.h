/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_CASE_PAGE (cl_case_page_get_type ())
G_DECLARE_FINAL_TYPE (ClCasePage, cl_case_page, CL, CASE_PAGE, GtkWidget)

/* One case: a header with the children, their family (guardians, and who
 * has parental responsibility), school, officer, status and stage; under
 * it the chronology as a timeline interleaved week by week with the
 * register, newest first, so that the effect of each intervention shows.
 * Events are added and corrected through ClEventDialog; the stage, the
 * officer and the status change through small dialogs. Every change goes
 * through ClCaseRepository, which refuses what the rules do not allow; the
 * refusal is shown as it is worded there.
 *
 * Signals: "back" (the back button), "changed" (the case or its chronology
 * changed: lists that show it are stale), "show-family". */
GtkWidget *cl_case_page_new                     (void);
void       cl_case_page_set_database            (ClCasePage  *self,
                                                 ClDatabase  *db);
gboolean   cl_case_page_load                    (ClCasePage  *self,
                                                 gint64       case_id,
                                                 GError     **error);
/* Reads the case shown again. */
gboolean   cl_case_page_refresh                 (ClCasePage  *self,
                                                 GError     **error);
gint64     cl_case_page_get_case_id             (ClCasePage  *self);
gboolean   cl_case_page_get_has_unsaved_changes (ClCasePage  *self);
void       cl_case_page_present_unsaved         (ClCasePage  *self);

G_END_DECLS
