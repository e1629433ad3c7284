/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attendance/cl-register-import.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_IMPORT_DIALOG (cl_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClImportDialog, cl_import_dialog, CL, IMPORT_DIALOG, AdwWindow)

/* Imports one register file on a worker thread (cl_register_import_async),
 * showing its progress with a Cancel button, then either what was imported
 * or every problem found, as "FILE:LINE: what" lines that can be saved to a
 * text file; when some pupils are clean, it offers to import only those.
 * Nothing is written unless the file is clean or the user asks for the
 * clean pupils; a cancelled import leaves the database as it was.
 *
 * Emits "imported" after it has written to the database. */
ClImportDialog *cl_import_dialog_new   (GtkWindow             *parent,
                                        ClDatabase            *db,
                                        const char            *path,
                                        const ClImportOptions *options);
/* Starts the import (once). */
void            cl_import_dialog_start          (ClImportDialog        *self);
/* As the Cancel button: stops the import; nothing is written. */
void            cl_import_dialog_cancel         (ClImportDialog        *self);
/* Writes the problems found to file, one a line (as Save List… does). */
void            cl_import_dialog_save_problems  (ClImportDialog        *self,
                                                 GFile                 *file);

G_END_DECLS
