/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include "documents/cl-documents-error.h"

G_DEFINE_QUARK (cl-documents-error-quark, cl_documents_error)
