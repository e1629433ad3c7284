/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-demo-task"

#include "config.h"

#include "store/cl-database.h"
#include "ui/cl-demo-task.h"

/* Immutable inputs of the worker, and its result. */
typedef struct
{
  char               *db_path;
  ClDemoOptions       opts;
  ClDemoSummary       summary;
  ClDemoProgressFunc  progress;
  gpointer            progress_data;
  GMainContext       *context;
} DemoData;

typedef struct
{
  ClDemoProgressFunc  progress;
  gpointer            progress_data;
  double              fraction;
  char               *text;
} ProgressUpdate;

static void
demo_data_free (gpointer data)
{
  DemoData *d = data;

  g_free (d->db_path);
  g_main_context_unref (d->context);
  g_free (d);
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_free (update->text);
  g_free (update);
}

static gboolean
progress_update_dispatch (gpointer data)
{
  ProgressUpdate *update = data;

  update->progress (update->fraction, update->text, update->progress_data);
  return G_SOURCE_REMOVE;
}

/* On the worker thread: hand the figures over to the main context. */
static void
worker_progress_cb (double      fraction,
                    const char *text,
                    gpointer    user_data)
{
  DemoData *d = user_data;
  ProgressUpdate *update;

  if (d->progress == NULL)
    return;
  update = g_new0 (ProgressUpdate, 1);
  update->progress = d->progress;
  update->progress_data = d->progress_data;
  update->fraction = fraction;
  update->text = g_strdup (text);
  g_main_context_invoke_full (d->context, G_PRIORITY_DEFAULT, progress_update_dispatch,
                              update, progress_update_free);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoData *d = task_data;
  g_autoptr(ClDatabase) db = NULL;
  GError *error = NULL;

  db = cl_database_open (d->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  d->opts.summary = &d->summary;
  if (!cl_demo_generate (db, &d->opts, worker_progress_cb, d, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
cl_demo_task_run_async (gpointer             source_object,
                        const char          *db_path,
                        guint                n_schools,
                        guint                n_pupils,
                        guint32              seed,
                        ClDemoProgressFunc   progress,
                        gpointer             progress_data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DemoData *d;

  g_return_if_fail (db_path != NULL);

  d = g_new0 (DemoData, 1);
  d->db_path = g_strdup (db_path);
  cl_demo_options_init (&d->opts);
  d->opts.n_schools = n_schools;
  d->opts.n_pupils = n_pupils;
  d->opts.seed = seed;
  d->progress = progress;
  d->progress_data = progress_data;
  d->context = g_main_context_ref_thread_default ();

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_demo_task_run_async);
  g_task_set_name (task, "cl-demo-generate");
  g_task_set_task_data (task, d, demo_data_free);
  g_task_run_in_thread (task, demo_thread);
}

gboolean
cl_demo_task_run_finish (GAsyncResult   *result,
                         ClDemoSummary  *summary,
                         GError        **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  if (summary != NULL)
    *summary = ((DemoData *) g_task_get_task_data (task))->summary;
  return TRUE;
}
