/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "casework/cl-caseload-row.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* The data behind the caseload page: a ClCaseloadRow for each case of the
 * officer that is not closed (officer_id 0: every such case), newest
 * referral first. Batched: one query each for the cases, the last contacts,
 * the next actions and the registers of just those cases' children, then the
 * figures and rules are computed in memory. */
GListModel    *cl_caseload_build    (ClDatabase  *db,
                                     gint64       officer_id,
                                     GError     **error);
/* The same figures for one case (open or closed), for the case page header. */
ClCaseloadRow *cl_caseload_row_load (ClDatabase  *db,
                                     gint64       case_id,
                                     GError     **error);

G_END_DECLS
