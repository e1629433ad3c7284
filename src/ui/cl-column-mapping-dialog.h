/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attendance/cl-register-import.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

#define CL_TYPE_COLUMN_MAPPING_DIALOG (cl_column_mapping_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClColumnMappingDialog, cl_column_mapping_dialog, CL, COLUMN_MAPPING_DIALOG,
                      AdwWindow)

/* Asks which column of a CSV register holds each field (UPN, date, session,
 * mark, and the optional ones), and which school the register is from when
 * the file does not say. Filled in from the header's names, or from the
 * columns remembered for the chosen school (cl_csv_mapping_load). Emits
 * "import" when the user accepts, then closes. */
ClColumnMappingDialog *cl_column_mapping_dialog_new            (GtkWindow             *parent,
                                                                ClDatabase            *db,
                                                                const char            *path,
                                                                const char *const     *header,
                                                                GListModel            *schools);
/* The chosen school's URN, or 0 for "named in the file" (URN column). */
guint                  cl_column_mapping_dialog_get_school_urn (ClColumnMappingDialog *self);
/* CL_CSV_N_FIELDS column indexes, -1 for a field not in the file. */
const int             *cl_column_mapping_dialog_get_map        (ClColumnMappingDialog *self);
/* Chooses the school with this URN (0: named in the file). */
void                   cl_column_mapping_dialog_set_school_urn (ClColumnMappingDialog *self,
                                                                guint                  urn);

/* Matches a header's column titles to the fields by their usual names, as
 * the importer does; TRUE when every required field was found. */
gboolean               cl_column_mapping_guess                 (const char *const     *header,
                                                                int                    map[CL_CSV_N_FIELDS]);

G_END_DECLS
