/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/cl-database.h"

G_BEGIN_DECLS

/* Appends an entry to the hash-chained audit log, attributed to the database's
 * actor. Must be called inside the transaction that makes the change, so the
 * change and its record land together. detail must hold no personal data
 * beyond ids (it is for "what changed", e.g. "mark 2025-09-04 AM: N -> I"). */
gboolean cl_audit_append (ClDatabase  *db,
                          const char  *action,
                          const char  *entity,
                          gint64       entity_id,
                          const char  *detail,
                          GError     **error);

/* Recomputes the chain; FALSE with CL_STORE_ERROR_INTEGRITY naming the first
 * entry that does not match. */
gboolean cl_audit_verify (ClDatabase  *db,
                          gint64      *n_entries,
                          GError     **error);

G_END_DECLS
