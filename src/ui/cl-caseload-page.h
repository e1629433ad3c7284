/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_CASELOAD_PAGE (cl_caseload_page_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseloadPage, cl_caseload_page, CL, CASELOAD_PAGE, GtkWidget)

/* The Caseload area: the signed-in officer's open cases (cl_caseload_build)
 * as a table with filters by school, status and stage, and beside it (a
 * view switcher in the header) the officer's work queue. Activating a case
 * or a queue item opens the case page; from there the family view. */
GtkWidget *cl_caseload_page_new                   (void);
void       cl_caseload_page_set_database          (ClCaseloadPage *self,
                                                   ClDatabase     *db);
/* Whose caseload to show: an officer's id, or 0 for every open case.
 * Reloads when it changes. */
void       cl_caseload_page_set_officer           (ClCaseloadPage *self,
                                                   gint64          officer_id);
gint64     cl_caseload_page_get_officer           (ClCaseloadPage *self);
gboolean   cl_caseload_page_reload                (ClCaseloadPage *self,
                                                   GError        **error);
/* Shows the case page for case_id. */
gboolean   cl_caseload_page_open_case             (ClCaseloadPage *self,
                                                   gint64          case_id,
                                                   GError        **error);
/* Opens the New Case dialog, with pupil_id chosen (0: let the user choose). */
void       cl_caseload_page_new_case              (ClCaseloadPage *self,
                                                   gint64          pupil_id);
/* Back to the list of cases from the case page or the family view. */
void       cl_caseload_page_show_list             (ClCaseloadPage *self);
/* A form with changes not yet saved is open (the event or new case dialog). */
gboolean   cl_caseload_page_get_has_unsaved_changes (ClCaseloadPage *self);
/* Brings that form to the front, where it asks about its changes itself. */
void       cl_caseload_page_present_unsaved       (ClCaseloadPage *self);

G_END_DECLS
