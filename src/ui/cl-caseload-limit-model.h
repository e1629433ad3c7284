/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_TYPE_CASELOAD_LIMIT_MODEL (cl_caseload_limit_model_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseloadLimitModel, cl_caseload_limit_model, CL, CASELOAD_LIMIT_MODEL,
                      GObject)

/* The first "limit" items of another model, for a table that shows more
 * as the user scrolls towards its end: GTK 4.8's list and column views make
 * a row of widgets for up to 200 items at once, and the caseload page must
 * be ready within 150 ms (issue 4). The limit only grows. */
ClCaseloadLimitModel *cl_caseload_limit_model_new           (GListModel           *model,
                                                             guint                 limit);
void                  cl_caseload_limit_model_set_model     (ClCaseloadLimitModel *self,
                                                             GListModel           *model);
GListModel           *cl_caseload_limit_model_get_model     (ClCaseloadLimitModel *self);
guint                 cl_caseload_limit_model_get_limit     (ClCaseloadLimitModel *self);
/* Shows up to n more items; FALSE when every item is shown already. */
gboolean              cl_caseload_limit_model_grow          (ClCaseloadLimitModel *self,
                                                             guint                 n);

G_END_DECLS
