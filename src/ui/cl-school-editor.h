/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "people/cl-school.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_SCHOOL_EDITOR (cl_school_editor_get_type ())
G_DECLARE_FINAL_TYPE (ClSchoolEditor, cl_school_editor, CL, SCHOOL_EDITOR, GtkWidget)

/* The detail pane of the Schools page: a form over a working copy (the
 * draft) of one school, validated as the user types with
 * cl_school_validate. It never writes to the database. */
GtkWidget *cl_school_editor_new          (void);
/* ClOfficer items offered as link officer. */
void       cl_school_editor_set_officers (ClSchoolEditor *self,
                                          GListModel     *officers);
/* The database the school's attendance is read from. */
void       cl_school_editor_set_database (ClSchoolEditor *self,
                                          ClDatabase     *db);
/* Starts editing school (kept as the source), or a new school when NULL. */
void       cl_school_editor_edit         (ClSchoolEditor *self,
                                          ClSchool       *school);
void       cl_school_editor_clear        (ClSchoolEditor *self);
gboolean   cl_school_editor_is_editing   (ClSchoolEditor *self);
gboolean   cl_school_editor_is_new       (ClSchoolEditor *self);
ClSchool  *cl_school_editor_get_source   (ClSchoolEditor *self);
ClSchool  *cl_school_editor_get_draft    (ClSchoolEditor *self);
gboolean   cl_school_editor_get_dirty    (ClSchoolEditor *self);
gboolean   cl_school_editor_get_valid    (ClSchoolEditor *self);
void       cl_school_editor_focus        (ClSchoolEditor *self);

G_END_DECLS
