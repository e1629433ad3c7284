/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

/* The letter templates, one at a time: name, subject line, kind, language,
 * description and wording, with an "Insert Placeholder" menu built from the
 * placeholder registry, problems (an unknown placeholder, a stray brace)
 * underlined as they are typed with the core's message beside them, and a
 * live preview of the first page with sample values. Save refuses what the
 * core refuses, showing its message; built-in templates can be reset to the
 * shipped wording. Emits "changed" after it has changed the database. */
#define CL_TYPE_TEMPLATE_EDITOR (cl_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (ClTemplateEditor, cl_template_editor, CL, TEMPLATE_EDITOR, GtkWidget)

GtkWidget *cl_template_editor_new                     (void);
void       cl_template_editor_set_database            (ClTemplateEditor  *self,
                                                       ClDatabase        *db);
/* Reads the templates again, keeping the one in view (and its unsaved
 * changes). */
gboolean   cl_template_editor_reload                  (ClTemplateEditor  *self,
                                                       GError           **error);
/* Shows the template of that name (asking first about unsaved changes);
 * FALSE when there is none. */
gboolean   cl_template_editor_show_template           (ClTemplateEditor  *self,
                                                       const char        *name);
/* The name of the template in view, or NULL. */
const char *cl_template_editor_get_name               (ClTemplateEditor  *self);
gboolean   cl_template_editor_get_has_unsaved_changes (ClTemplateEditor  *self);
/* Saves the template in view; on refusal shows why under the wording and
 * returns FALSE. */
gboolean   cl_template_editor_save                    (ClTemplateEditor  *self);

G_END_DECLS
