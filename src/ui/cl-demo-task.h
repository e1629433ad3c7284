/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "people/cl-demo.h"

G_BEGIN_DECLS

/* Runs cl_demo_generate on a worker thread, on a connection of its own to
 * the database file at db_path (a connection is never shared between
 * threads). progress is called on the calling thread's main context, before
 * callback; source_object is kept alive until callback has run. */
void     cl_demo_task_run_async  (gpointer             source_object,
                                  const char          *db_path,
                                  guint                n_schools,
                                  guint                n_pupils,
                                  guint32              seed,
                                  ClDemoProgressFunc   progress,
                                  gpointer             progress_data,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean cl_demo_task_run_finish (GAsyncResult        *result,
                                  ClDemoSummary       *summary,
                                  GError             **error);

G_END_DECLS
