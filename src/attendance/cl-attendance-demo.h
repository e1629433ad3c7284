/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

/* Writes a realistic register, for academic_year up to and including
 * up_to_date, for every enrolment current on up_to_date, and a generated
 * standard English calendar (cl_calendar_new_standard_england) for every
 * school with such an enrolment. Existing registers of those enrolments for
 * that year are replaced. Most pupils attend 93–98 %; about 15 % are
 * persistently and 2 % severely absent; there are holidays taken in term
 * (G) beside the breaks, illness clusters (more in winter), Monday/Friday
 * patterns, lates (L, U), trips (V) and a few N marks near the end that are
 * still unresolved. Deterministic for a given GRand state and database. One
 * transaction; on failure nothing is written. */
gboolean cl_attendance_demo_fill (ClDatabase  *db,
                                  GRand       *rand,
                                  int          academic_year,
                                  const char  *up_to_date,
                                  GError     **error);

G_END_DECLS
