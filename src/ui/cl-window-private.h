/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Hooks for the UI tests and the window benchmark: they reach the widgets a
 * user sees and works with, never a position on the screen. Not for use by
 * the application itself. */

#include "ui/cl-pupil-editor.h"
#include "ui/cl-pupils-page.h"
#include "ui/cl-school-editor.h"
#include "ui/cl-schools-page.h"
#include "ui/cl-welcome-page.h"
#include "ui/cl-window.h"

G_BEGIN_DECLS

ClPupilsPage  *cl_window_get_pupils_page          (ClWindow      *self);
ClSchoolsPage *cl_window_get_schools_page         (ClWindow      *self);
ClWelcomePage *cl_window_get_welcome_page         (ClWindow      *self);
/* "welcome", or the name of the page in view: "pupils", "schools", "legal" … */
const char    *cl_window_get_visible_page         (ClWindow      *self);
GtkWidget     *cl_window_get_page                 (ClWindow      *self,
                                                   const char    *name);

GtkColumnView *cl_pupils_page_get_column_view     (ClPupilsPage  *self);
GtkLabel      *cl_pupils_page_get_count_label     (ClPupilsPage  *self);
GtkEditable   *cl_pupils_page_get_search_entry    (ClPupilsPage  *self);
GtkWidget     *cl_pupils_page_get_save_button     (ClPupilsPage  *self);
ClPupilEditor *cl_pupils_page_get_editor          (ClPupilsPage  *self);
/* Filters at once, as the search entry does after its typing delay. */
void           cl_pupils_page_search_now          (ClPupilsPage  *self,
                                                   const char    *text);
/* Shows pupils (ClPupil items) as a reload does. */
void           cl_pupils_page_set_pupils          (ClPupilsPage  *self,
                                                   GListModel    *pupils);

GtkColumnView *cl_schools_page_get_column_view    (ClSchoolsPage *self);
GtkLabel      *cl_schools_page_get_count_label    (ClSchoolsPage *self);
GtkEditable   *cl_schools_page_get_search_entry   (ClSchoolsPage *self);
GtkWidget     *cl_schools_page_get_save_button    (ClSchoolsPage *self);
ClSchoolEditor *cl_schools_page_get_editor        (ClSchoolsPage *self);
void           cl_schools_page_search_now         (ClSchoolsPage *self,
                                                   const char    *text);

GtkWidget     *cl_pupil_editor_get_text_row       (ClPupilEditor *self,
                                                   ClPupilText    field);
GtkLabel      *cl_pupil_editor_get_error_label    (ClPupilEditor *self);
GtkLabel      *cl_school_editor_get_error_label   (ClSchoolEditor *self);
GtkWidget     *cl_school_editor_get_number_row    (ClSchoolEditor *self,
                                                   ClSchoolNumber field);

G_END_DECLS
