/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-casework"

#include "config.h"

#include "casework/cl-casework-error.h"

G_DEFINE_QUARK (cl-casework-error-quark, cl_casework_error)
