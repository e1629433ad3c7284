/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/cl-database.h"
#include "ui/cl-application.h"
#include "ui/cl-column-mapping-dialog.h"
#include "ui/cl-import-dialog.h"

G_BEGIN_DECLS

#define CL_TYPE_WINDOW (cl_window_get_type ())
G_DECLARE_FINAL_TYPE (ClWindow, cl_window, CL, WINDOW, AdwApplicationWindow)

/* The main window over one open database: a sidebar of areas (Caseload,
 * Pupils, Schools, Legal, Contracts, Reports) and the page of the chosen one;
 * on a first start with an empty database, the welcome page instead. */
ClWindow   *cl_window_new          (ClApplication *application,
                                    ClDatabase    *db);
ClDatabase *cl_window_get_database (ClWindow      *self);
/* Shows an area by name: "caseload", "pupils", "schools", "legal",
 * "contracts" or "reports". */
void        cl_window_show_page    (ClWindow      *self,
                                    const char    *name);
void        cl_window_add_toast    (ClWindow      *self,
                                    AdwToast      *toast);
/* Reads the pupils and schools again, as after an import. */
void        cl_window_reload       (ClWindow      *self);

/* cl-window-import.c: asks for a register file and imports it. */
void        cl_window_import_register (ClWindow          *self);
/* Imports path in a ClImportDialog (shown, and returned); school_urn 0 and
 * column_map NULL take both from the file. The pages reload afterwards. */
ClImportDialog        *cl_window_import_file    (ClWindow          *self,
                                                 const char        *path,
                                                 guint              school_urn,
                                                 const int         *column_map);
/* Asks which columns of a CSV hold what and which school it is from, then
 * imports it. */
ClColumnMappingDialog *cl_window_choose_columns (ClWindow          *self,
                                                 const char        *path,
                                                 const char *const *header);

G_END_DECLS
