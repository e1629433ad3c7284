/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_IMPORT_ERROR (cl_import_error_quark ())

typedef enum
{
  CL_IMPORT_ERROR_PARSE,      /* the file is not well-formed CSV or XML, or not UTF-8 */
  CL_IMPORT_ERROR_FORMAT,     /* well-formed, but not a layout Caseload recognises */
  CL_IMPORT_ERROR_INVALID,    /* problems in the content; nothing was written */
  CL_IMPORT_ERROR_CANCELLED,  /* stopped by the user; nothing was written */
} ClImportError;

GQuark cl_import_error_quark (void);

G_END_DECLS
