/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Unique Pupil Numbers (DOMAIN.md §8): check letter, 3-digit LA code, 4-digit
 * establishment, 2-digit year of allocation, 3-digit serial; a temporary UPN
 * ends in a 2-digit serial and a letter. */

typedef enum
{
  CL_UPN_VALID,
  CL_UPN_WRONG_LENGTH,        /* not 13 characters */
  CL_UPN_BAD_CHECK_LETTER,    /* character 1 is not one of the 23 check letters */
  CL_UPN_BAD_LA,              /* characters 2-4 not a three-digit LA code */
  CL_UPN_NOT_NUMERIC,         /* characters 5-12 not all digits */
  CL_UPN_BAD_LAST,            /* character 13 neither a digit nor a check-alphabet letter */
  CL_UPN_WRONG_CHECK_LETTER,  /* the check letter does not match the rest */
} ClUpnResult;

/* Upper-cases and trims into a new string; does not validate. */
char        *cl_upn_normalize    (const char  *text);
ClUpnResult  cl_upn_check        (const char  *upn,
                                  char        *expected_letter);
/* A translated sentence that names the failed rule, like the DfE's own
 * messages, e.g. "wrong check letter at character 1 (should be H)". */
char        *cl_upn_describe     (ClUpnResult  result,
                                  char         expected_letter);
gboolean     cl_upn_validate     (const char  *upn,
                                  GError     **error);
gboolean     cl_upn_is_temporary (const char  *upn);
/* The check letter for the last 12 characters. */
char         cl_upn_check_letter (const char  *tail12);
/* Builds a permanent UPN from its parts. */
char        *cl_upn_build        (guint        la,
                                  guint        estab,
                                  guint        year2,
                                  guint        serial);

G_END_DECLS
