/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_PEOPLE_ERROR (cl_people_error_quark ())

typedef enum
{
  CL_PEOPLE_ERROR_INVALID,    /* a field fails validation; the message names the field */
  CL_PEOPLE_ERROR_DUPLICATE,  /* a UPN, URN or DfE number already in use */
  CL_PEOPLE_ERROR_IN_USE,     /* cannot delete: other records depend on it */
  CL_PEOPLE_ERROR_NOT_FOUND,
} ClPeopleError;

GQuark cl_people_error_quark (void);

G_END_DECLS
