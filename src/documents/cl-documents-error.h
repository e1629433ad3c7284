/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_DOCUMENTS_ERROR (cl_documents_error_quark ())

typedef enum
{
  CL_DOCUMENTS_ERROR_INVALID,              /* a bad argument or setting, named in the message */
  CL_DOCUMENTS_ERROR_UNKNOWN_PLACEHOLDER,  /* a template names a placeholder that does not exist */
  CL_DOCUMENTS_ERROR_TEMPLATE_SYNTAX,      /* a template file or text that cannot be read */
  CL_DOCUMENTS_ERROR_NOT_FOUND,            /* no such template, document, school or pupil */
  CL_DOCUMENTS_ERROR_IMAGE,                /* a logo or signature that is not a readable PNG */
  CL_DOCUMENTS_ERROR_RENDER,               /* Cairo could not make the PDF */
  CL_DOCUMENTS_ERROR_WRITE,                /* a file could not be written */
  CL_DOCUMENTS_ERROR_INTEGRITY,            /* stored bytes no longer match their SHA-256 */
  CL_DOCUMENTS_ERROR_NOTHING_TO_DO,        /* a merge that selected no letters */
} ClDocumentsError;

GQuark cl_documents_error_quark (void);

G_END_DECLS
