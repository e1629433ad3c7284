/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

/* Adds the demo authority's casework (called by cl_demo_generate inside its
 * transaction, after the registers are written): about one case for every
 * ten pupils, for pupils whose attendance is under 90 % (this academic year,
 * or since the start of the last one early in the autumn term), some
 * covering brothers and sisters together; allocated to the EWOs and senior
 * EWO with a few reallocations; chronologies of letters, home visits
 * (including no-reply visits), school visits, calls, assessments, meetings,
 * referrals to partners, attendance contracts and notes with next actions
 * (the latest often overdue) and mileage; some at notice to improve or in
 * legal stages; about a third closed with a reason and outcome. Nothing in
 * it describes a real person. Deterministic for a given GRand state and
 * database. Written with prepared statements in the caller's transaction
 * (or its own savepoint); the caller's audit entry for the demo covers it. */
gboolean cl_casework_demo_fill (ClDatabase  *db,
                                GRand       *rand,
                                GError     **error);

G_END_DECLS
