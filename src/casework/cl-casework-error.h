/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_CASEWORK_ERROR (cl_casework_error_quark ())

typedef enum
{
  CL_CASEWORK_ERROR_INVALID,    /* a field fails validation; the message names the field */
  CL_CASEWORK_ERROR_NOT_FOUND,  /* no such case, event, pupil or officer */
  CL_CASEWORK_ERROR_CLOSED,     /* the case is closed: the message says to reopen it first */
  CL_CASEWORK_ERROR_STATE,      /* the change does not fit the case as it stands */
} ClCaseworkError;

GQuark cl_casework_error_quark (void);

G_END_DECLS
