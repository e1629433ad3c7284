/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "attendance/cl-attendance-stats.h"
#include "documents/cl-documents-error.h"
#include "documents/cl-documents-private.h"
#include "documents/cl-letter.h"
#include "documents/cl-mail-merge.h"
#include "documents/cl-placeholders.h"
#include "documents/cl-sent-document.h"
#include "documents/cl-template-repository.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "people/cl-upn.h"
#include "store/cl-audit.h"
#include "store/cl-dates.h"

/* --- options and results ---------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (ClMailMergeOptions, cl_mail_merge_options,
                     cl_mail_merge_options_copy, cl_mail_merge_options_free)

ClMailMergeOptions *
cl_mail_merge_options_new (void)
{
  return g_new0 (ClMailMergeOptions, 1);
}

ClMailMergeOptions *
cl_mail_merge_options_copy (const ClMailMergeOptions *o)
{
  ClMailMergeOptions *copy;

  g_return_val_if_fail (o != NULL, NULL);

  copy = g_memdup2 (o, sizeof *o);
  copy->template_name = g_strdup (o->template_name);
  copy->upns = g_strdupv (o->upns);
  copy->from = g_strdup (o->from);
  copy->to = g_strdup (o->to);
  copy->values = g_strdupv (o->values);
  copy->output = g_strdup (o->output);
  return copy;
}

void
cl_mail_merge_options_free (ClMailMergeOptions *o)
{
  if (o == NULL)
    return;
  g_free (o->template_name);
  g_strfreev (o->upns);
  g_free (o->from);
  g_free (o->to);
  g_strfreev (o->values);
  g_free (o->output);
  g_free (o);
}

static void
letter_free (gpointer data)
{
  ClMailMergeLetter *l = data;

  g_free (l->upn);
  g_free (l->pupil_name);
  g_free (l->guardian_name);
  g_free (l);
}

static ClMailMergeResult *
result_new (void)
{
  ClMailMergeResult *r = g_new0 (ClMailMergeResult, 1);

  r->files = g_ptr_array_new_with_free_func (g_free);
  r->sent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  r->warnings = g_ptr_array_new_with_free_func (g_free);
  return r;
}

void
cl_mail_merge_result_free (ClMailMergeResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->files);
  g_array_unref (result->sent_ids);
  g_ptr_array_unref (result->warnings);
  g_free (result);
}

/* --- choosing the letters ---------------------------------------------------------- */

static void
resolve_period (const ClMailMergeOptions *o,
                char                    **from,
                char                    **to)
{
  GDate end;

  if (o->to != NULL)
    *to = g_strdup (o->to);
  else
    {
      cl_date_today (&end);
      *to = cl_date_to_iso (&end);
    }
  if (o->from != NULL)
    *from = g_strdup (o->from);
  else
    {
      if (!cl_date_parse (*to, &end))
        cl_date_today (&end);
      *from = g_strdup_printf ("%d-09-01", cl_academic_year_of (&end));
    }
}

static void
warn (GPtrArray  *warnings,
      char       *message)
{
  if (warnings != NULL)
    g_ptr_array_add (warnings, message);
  else
    g_free (message);
}

static gboolean
add_letters_for (ClPupilRepository  *repo,
                 ClPupil            *pupil,
                 GPtrArray          *letters,
                 GPtrArray          *warnings,
                 GError            **error)
{
  g_autoptr(GListModel) guardians = cl_pupil_repository_guardians (repo, cl_pupil_get_id (pupil),
                                                                   error);
  guint n = 0;

  if (guardians == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (guardians); i++)
    {
      g_autoptr(ClGuardian) g = g_list_model_get_item (guardians, i);
      ClMailMergeLetter *l;

      if (!cl_guardian_get_parental_responsibility (g))
        continue;
      l = g_new0 (ClMailMergeLetter, 1);
      l->pupil_id = cl_pupil_get_id (pupil);
      l->guardian_id = cl_guardian_get_id (g);
      l->school_id = cl_pupil_get_school_id (pupil);
      l->upn = g_strdup (cl_pupil_get_upn (pupil));
      l->pupil_name = g_strdup_printf ("%s %s", cl_pupil_get_forename (pupil),
                                       cl_pupil_get_surname (pupil));
      l->guardian_name = cl_guardian_dup_display_name (g);
      g_ptr_array_add (letters, l);
      n++;
    }
  if (n == 0)
    warn (warnings, g_strdup_printf (_("%s (%s %s): no parent or carer with parental "
                                       "responsibility is recorded, so no letter was written"),
                                     cl_pupil_get_upn (pupil), cl_pupil_get_forename (pupil),
                                     cl_pupil_get_surname (pupil)));
  return TRUE;
}

static GPtrArray *
select_pupils (ClDatabase               *db,
               const ClMailMergeOptions *o,
               const char               *from,
               const char               *to,
               GError                  **error)
{
  g_autoptr(ClPupilRepository) repo = cl_pupil_repository_new (db);
  g_autoptr(GPtrArray) pupils = g_ptr_array_new_with_free_func (g_object_unref);

  if (o->upns != NULL && o->upns[0] != NULL)
    {
      g_autoptr(GString) unknown = g_string_new (NULL);

      for (guint i = 0; o->upns[i] != NULL; i++)
        {
          g_autofree char *upn = cl_upn_normalize (o->upns[i]);
          ClPupil *pupil = cl_pupil_repository_get_by_upn (repo, upn, NULL);

          if (pupil == NULL)
            g_string_append_printf (unknown, "%s%s", unknown->len > 0 ? ", " : "", upn);
          else if (!g_ptr_array_find_with_equal_func (pupils, pupil, NULL, NULL))
            g_ptr_array_add (pupils, pupil);
        }
      if (unknown->len > 0)
        {
          g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND,
                       _("No pupil has the UPN %s"), unknown->str);
          return NULL;
        }
    }
  else if (o->school_urn != 0)
    {
      g_autoptr(ClSchoolRepository) schools = cl_school_repository_new (db);
      g_autoptr(ClSchool) school = cl_school_repository_get_by_urn (schools, o->school_urn, error);
      g_autoptr(GListModel) on_roll = NULL;
      g_autoptr(GArray) figures = NULL;
      g_autoptr(GHashTable) below = NULL;

      if (school == NULL)
        return NULL;
      if (o->below_percent <= 0 || o->below_percent > 100)
        {
          g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                       _("The attendance threshold must be a percentage above 0 and up to 100"));
          return NULL;
        }
      figures = cl_attendance_summary_all_pupils (db, cl_school_get_id (school), from, to, error);
      if (figures == NULL)
        return NULL;
      below = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < figures->len; i++)
        {
          ClPupilAttendance *p = &g_array_index (figures, ClPupilAttendance, i);

          if (p->summary.possible > 0 && p->summary.attendance_percent < o->below_percent)
            g_hash_table_add (below, g_memdup2 (&p->pupil_id, sizeof (gint64)));
        }
      on_roll = cl_pupil_repository_list (repo, cl_school_get_id (school), error);
      if (on_roll == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (on_roll); i++)
        {
          g_autoptr(ClPupil) pupil = g_list_model_get_item (on_roll, i);
          gint64 id = cl_pupil_get_id (pupil);

          if (g_hash_table_contains (below, &id))
            g_ptr_array_add (pupils, g_steal_pointer (&pupil));
        }
    }
  else
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                   _("Choose the pupils: give UPNs, or a school and an attendance threshold"));
      return NULL;
    }
  return g_steal_pointer (&pupils);
}

GPtrArray *
cl_mail_merge_select (ClDatabase               *db,
                      const ClMailMergeOptions *options,
                      GPtrArray                *warnings,
                      GError                  **error)
{
  g_autoptr(ClPupilRepository) repo = NULL;
  g_autoptr(GPtrArray) pupils = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autofree char *from = NULL, *to = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  resolve_period (options, &from, &to);
  pupils = select_pupils (db, options, from, to, error);
  if (pupils == NULL)
    return NULL;
  repo = cl_pupil_repository_new (db);
  letters = g_ptr_array_new_with_free_func (letter_free);
  for (guint i = 0; i < pupils->len; i++)
    if (!add_letters_for (repo, g_ptr_array_index (pupils, i), letters, warnings, error))
      return NULL;
  return g_steal_pointer (&letters);
}

/* --- running ------------------------------------------------------------------------ */

static GHashTable *
parse_values (GStrv    values,
              GError **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      const char *eq = strchr (values[i], '=');
      g_autofree char *key = NULL;

      if (eq == NULL || eq == values[i])
        {
          g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                       _("“%s” is not NAME=VALUE (for example meeting.date=2026-03-26)"),
                       values[i]);
          return NULL;
        }
      key = g_strndup (values[i], (gsize) (eq - values[i]));
      g_strstrip (key);
      if (g_str_has_prefix (key, "{") && g_str_has_suffix (key, "}"))
        {
          memmove (key, key + 1, strlen (key));
          key[strlen (key) - 1] = '\0';
        }
      if (cl_placeholder_lookup (key) == NULL)
        {
          g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_UNKNOWN_PLACEHOLDER,
                       _("There is no placeholder {%s} to give a value to"), key);
          return NULL;
        }
      g_hash_table_insert (table, g_steal_pointer (&key), g_strdup (eq + 1));
    }
  return g_steal_pointer (&table);
}

static char *
letter_file_name (const char              *dir,
                  const char              *template_name,
                  const ClMailMergeLetter *l)
{
  g_autofree char *base = g_strdup_printf ("%s-%s-%" G_GINT64_FORMAT ".pdf", template_name, l->upn,
                                           l->guardian_id);
  return g_build_filename (dir, base, NULL);
}

static void
remove_files (GPtrArray *files)
{
  for (guint i = 0; i < files->len; i++)
    g_unlink (g_ptr_array_index (files, i));
  g_ptr_array_set_size (files, 0);
}

static cairo_surface_t *
signature_for (ClDatabase *db,
               GHashTable *cache,
               GHashTable *values)
{
  const char *officer = g_hash_table_lookup (values, "_officer.id");
  cairo_surface_t *surface;
  gint64 id;

  if (officer == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (cache, officer, NULL, (gpointer *) &surface))
    return surface;
  id = g_ascii_strtoll (officer, NULL, 10);
  {
    g_autofree char *path = cl_officer_signature_path (db, id);
    surface = path != NULL ? cl_document_load_png (path, NULL) : NULL;
  }
  g_hash_table_insert (cache, g_strdup (officer), surface);
  return surface;
}

static void
destroy_surface (gpointer data)
{
  if (data != NULL)
    cairo_surface_destroy (data);
}

ClMailMergeResult *
cl_mail_merge_run (ClDatabase               *db,
                   const ClMailMergeOptions *o,
                   ClMailMergeProgressFunc   progress,
                   gpointer                  user_data,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  g_autoptr(ClTemplateRepository) templates = NULL;
  g_autoptr(ClLetterTemplate) tmpl = NULL;
  g_autoptr(ClMailMergeResult) result = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GHashTable) extra = NULL;
  g_autoptr(GHashTable) signatures = NULL;
  g_autoptr(ClLetterhead) letterhead = NULL;
  g_autoptr(ClPdfStream) stream = NULL;
  g_autofree char *from = NULL, *to = NULL, *detail = NULL;
  GHashTable *pupils_seen;
  ClLetterOptions letter_options = { 0 };
  GDate today;
  char today_iso[11];

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (o != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (o->template_name == NULL || o->output == NULL)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                   _("A merge needs a template and somewhere to put the letters"));
      return NULL;
    }
  templates = cl_template_repository_new (db);
  tmpl = cl_template_repository_get (templates, o->template_name, error);
  if (tmpl == NULL)
    return NULL;
  extra = parse_values (o->values, error);
  if (extra == NULL)
    return NULL;

  result = result_new ();
  letters = cl_mail_merge_select (db, o, result->warnings, error);
  if (letters == NULL)
    return NULL;
  if (letters->len == 0)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOTHING_TO_DO,
                   _("No letters to write: no pupil chosen has a parent or carer with parental "
                     "responsibility"));
      return NULL;
    }
  if (!o->one_file && g_mkdir_with_parents (o->output, 0755) != 0)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_WRITE,
                   _("Could not make the folder “%s”: %s"), o->output, g_strerror (errno));
      return NULL;
    }

  resolve_period (o, &from, &to);
  letter_options.from = from;
  letter_options.to = to;
  letter_options.officer_id = o->officer_id;
  letter_options.extra = extra;
  letterhead = cl_letterhead_load (db);
  signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, destroy_surface);
  cl_date_today (&today);
  cl_date_format_iso (&today, today_iso);
  if (o->one_file)
    stream = cl_pdf_stream_new (cl_letter_template_get_title (tmpl),
                                cl_database_get_actor (db));

  if (!cl_database_begin (db, error))
    return NULL;
  pupils_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < letters->len; i++)
    {
      ClMailMergeLetter *l = g_ptr_array_index (letters, i);
      g_autoptr(GHashTable) values = NULL;
      g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(ClDocument) doc = NULL;
      g_autoptr(GBytes) pdf = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      values = cl_letter_values_for (db, l->pupil_id, l->guardian_id, &letter_options, error);
      if (values == NULL)
        goto fail;
      doc = cl_letter_build (tmpl, values, letterhead, signature_for (db, signatures, values),
                             missing);
      /* Each letter's own PDF, unless it is neither kept nor written alone. */
      if (o->record || stream == NULL)
        {
          pdf = cl_document_to_pdf (doc, error);
          if (pdf == NULL)
            goto fail;
        }
      if (missing->len > 0)
        {
          g_autofree char *names = NULL;
          g_autoptr(GString) list = g_string_new (NULL);

          for (guint m = 0; m < missing->len; m++)
            g_string_append_printf (list, "%s{%s}", m > 0 ? ", " : "",
                                    (char *) g_ptr_array_index (missing, m));
          g_ptr_array_add (result->warnings,
                           g_strdup_printf (_("%s, letter to %s: no value for %s (left blank to "
                                              "fill in by hand)"),
                                            l->upn, l->guardian_name, list->str));
        }

      if (o->record)
        {
          ClSentDocumentInfo info = {
            .kind = cl_letter_template_get_kind (tmpl),
            .pupil_id = l->pupil_id,
            .guardian_id = l->guardian_id,
            .school_id = l->school_id,
            .template_name = cl_letter_template_get_name (tmpl),
            .title = cl_document_get_title (doc),
          };
          g_autofree char *summary = g_strdup_printf (_("Letter sent to %s: %s"),
                                                      l->guardian_name,
                                                      cl_document_get_title (doc));
          gint64 case_id = 0;
          gint64 id = cl_sent_document_store (db, &info, pdf, error);

          if (id == 0)
            goto fail;
          g_array_append_val (result->sent_ids, id);
          if (!cl_letters_record_in_case (db, id, l->pupil_id, summary, today_iso, &case_id,
                                          error))
            goto fail;
          if (case_id != 0)
            result->n_linked++;
        }

      if (stream != NULL)
        cl_pdf_stream_add (stream, doc);
      else
        {
          char *path = letter_file_name (o->output, cl_letter_template_get_name (tmpl), l);

          g_ptr_array_add (result->files, path);
          if (!cl_documents_write_file (pdf, path, error))
            goto fail;
        }
      result->n_letters++;
      g_hash_table_add (pupils_seen, g_memdup2 (&l->pupil_id, sizeof (gint64)));
      if (progress != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Letter %u of %u"), i + 1, letters->len);
          progress ((double) (i + 1) / letters->len, text, user_data);
        }
    }
  result->n_pupils = g_hash_table_size (pupils_seen);
  g_clear_pointer (&pupils_seen, g_hash_table_unref);

  if (stream != NULL)
    {
      g_autoptr(GBytes) combined = cl_pdf_stream_finish (g_steal_pointer (&stream), error);

      if (combined == NULL)
        goto fail;
      g_ptr_array_add (result->files, g_strdup (o->output));
      if (!cl_documents_write_file (combined, o->output, error))
        goto fail;
    }
  detail = g_strdup_printf ("mail merge %s: %u letters%s", cl_letter_template_get_name (tmpl),
                            result->n_letters, o->record ? ", kept as sent" : "");
  if (!cl_audit_append (db, "export", "letter_template", 0, detail, error)
      || !cl_database_commit (db, error))
    goto fail;
  return g_steal_pointer (&result);

fail:
  g_clear_pointer (&pupils_seen, g_hash_table_unref);
  if (cl_database_in_transaction (db))
    cl_database_rollback (db);
  remove_files (result->files);
  return NULL;
}

/* --- on a worker thread ----------------------------------------------------------------- */

typedef struct
{
  char                    *db_path;
  char                    *actor;
  ClMailMergeOptions      *options;
  ClMailMergeProgressFunc  progress;
  gpointer                 progress_data;
  GDestroyNotify           progress_destroy;
  GMainContext            *context;
} TaskData;

static void
task_data_free (gpointer data)
{
  TaskData *d = data;

  g_free (d->db_path);
  g_free (d->actor);
  cl_mail_merge_options_free (d->options);
  if (d->progress_destroy != NULL)
    d->progress_destroy (d->progress_data);
  g_main_context_unref (d->context);
  g_free (d);
}

typedef struct
{
  TaskData *task_data;
  GTask    *task;     /* keeps task_data alive until delivered */
  double    fraction;
  char     *text;
} ProgressCall;

static gboolean
deliver_progress_cb (gpointer data)
{
  ProgressCall *call = data;

  call->task_data->progress (call->fraction, call->text, call->task_data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_object_unref (call->task);
  g_free (call->text);
  g_free (call);
}

static void
thread_progress_cb (double      fraction,
                    const char *text,
                    gpointer    user_data)
{
  GTask *task = user_data;
  ProgressCall *call = g_new0 (ProgressCall, 1);

  call->task_data = g_task_get_task_data (task);
  call->task = g_object_ref (task);
  call->fraction = fraction;
  call->text = g_strdup (text);
  g_main_context_invoke_full (call->task_data->context, G_PRIORITY_DEFAULT, deliver_progress_cb,
                              call, progress_call_free);
}

static void
merge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TaskData *d = task_data;
  g_autoptr(ClDatabase) db = NULL;
  GError *error = NULL;
  ClMailMergeResult *result;

  db = cl_database_open (d->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cl_database_set_actor (db, d->actor);
  result = cl_mail_merge_run (db, d->options, d->progress != NULL ? thread_progress_cb : NULL,
                              task, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) cl_mail_merge_result_free);
}

void
cl_mail_merge_run_async (ClDatabase               *db,
                         const ClMailMergeOptions *options,
                         ClMailMergeProgressFunc   progress,
                         gpointer                  progress_data,
                         GDestroyNotify            progress_destroy,
                         GCancellable             *cancellable,
                         GAsyncReadyCallback       callback,
                         gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *d;
  const char *path;

  g_return_if_fail (CL_IS_DATABASE (db));
  g_return_if_fail (options != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_mail_merge_run_async);
  path = cl_database_get_path (db);
  if (path == NULL || strcmp (path, ":memory:") == 0)
    {
      if (progress_destroy != NULL)
        progress_destroy (progress_data);
      g_task_return_new_error (task, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                               _("Letters are written on a second connection, which an "
                                 "in-memory database cannot have"));
      return;
    }
  d = g_new0 (TaskData, 1);
  d->db_path = g_strdup (path);
  d->actor = g_strdup (cl_database_get_actor (db));
  d->options = cl_mail_merge_options_copy (options);
  d->progress = progress;
  d->progress_data = progress_data;
  d->progress_destroy = progress_destroy;
  d->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, d, task_data_free);
  g_task_run_in_thread (task, merge_thread);
}

ClMailMergeResult *
cl_mail_merge_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, cl_mail_merge_run_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
