/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_APPLICATION (cl_application_get_type ())
G_DECLARE_FINAL_TYPE (ClApplication, cl_application, CL, APPLICATION, AdwApplication)

ClApplication *cl_application_new               (void);
/* The database of this session, or NULL before activation or when it could
 * not be opened. */
ClDatabase    *cl_application_get_database      (ClApplication *self);
/* The file to open; set by --db, else the last one used, else the default.
 * Setting it lets go of the open database: the next activation opens the
 * new file in a window of its own. */
const char    *cl_application_get_database_path (ClApplication *self);
void           cl_application_set_database_path (ClApplication *self,
                                                 const char    *path);
/* NULL when the schema is not installed (running uninstalled without
 * GSETTINGS_SCHEMA_DIR): window state is then simply not remembered. */
GSettings     *cl_application_get_settings      (ClApplication *self);

G_END_DECLS
