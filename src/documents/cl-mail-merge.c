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
#include "documents/cl-pdf-split.h"
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

      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);

      for (guint i = 0; o->upns[i] != NULL; i++)
        {
          g_autofree char *upn = cl_upn_normalize (o->upns[i]);
          ClPupil *pupil = cl_pupil_repository_get_by_upn (repo, upn, NULL);
          gint64 id;

          if (pupil == NULL)
            {
              g_string_append_printf (unknown, "%s%s", unknown->len > 0 ? ", " : "", upn);
              continue;
            }
          /* A UPN given twice (or in two spellings) is one pupil: each
           * lookup makes a new object, so compare ids. */
          id = cl_pupil_get_id (pupil);
          if (g_hash_table_contains (seen, &id))
            g_object_unref (pupil);
          else
            {
              g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
              g_ptr_array_add (pupils, pupil);
            }
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

/* --- rendering, on as many threads as there are processors ----------------------------- */

/* Letters are filled from the database on the merging thread (one connection,
 * one transaction) and made into PDFs on render threads, a batch at a time;
 * the merging thread then keeps and writes them in order. Each render thread
 * has its own letterhead, signatures and layout cache: Pango and an SVG
 * logo's recording surface are not shared between threads. */

#define BATCH_SIZE 16

typedef struct
{
  GHashTable *values;
  char       *signature;   /* path of the officer's signature PNG, or NULL */
  char       *path;        /* the file to write, or NULL */
  char       *sha256;      /* of pdf, when kept */
  /* Made by the render thread. */
  GBytes     *pdf;
  char       *title;
  GPtrArray  *missing;     /* placeholder names with no value */
  gboolean    rendered;
} Job;

typedef struct _Pipeline Pipeline;

typedef struct
{
  Pipeline *pipeline;
  guint   first;           /* index of the first letter */
  guint   n_jobs;
  Job     jobs[BATCH_SIZE];
  GError *error;
} Batch;

static void
batch_free (Batch *batch)
{
  for (guint i = 0; i < batch->n_jobs; i++)
    {
      Job *job = &batch->jobs[i];

      g_clear_pointer (&job->values, g_hash_table_unref);
      g_free (job->signature);
      g_free (job->path);
      g_clear_pointer (&job->pdf, g_bytes_unref);
      g_free (job->title);
      g_free (job->sha256);
      g_clear_pointer (&job->missing, g_ptr_array_unref);
    }
  g_clear_error (&batch->error);
  g_free (batch);
}

/* What a thread making letters keeps. It lives as long as the thread, so
 * that its layout cache and (through it) its Pango font map stay warm from
 * one merge to the next; what belongs to a merge — its letterhead and the
 * officers' signatures — is replaced when the next merge's first batch
 * arrives. */
typedef struct
{
  ClLayoutCache *cache;
  guint          merge_id;     /* whose letterhead and signatures these are */
  ClLetterhead  *letterhead;
  GHashTable    *signatures;   /* path → cairo_surface_t, or NULL if unreadable */
  ClPdfStream   *stream;       /* one combined file: drawn on this thread, in order */
} RenderState;

static void
destroy_surface (gpointer data)
{
  if (data != NULL)
    cairo_surface_destroy (data);
}

static void
render_state_free (gpointer data)
{
  RenderState *state = data;

  g_clear_pointer (&state->cache, cl_layout_cache_free);
  g_clear_pointer (&state->letterhead, cl_letterhead_free);
  g_clear_pointer (&state->signatures, g_hash_table_unref);
  g_free (state);
}

static GPrivate render_state_key = G_PRIVATE_INIT (render_state_free);

/* This thread's state, ready for merge merge_id. */
static RenderState *
render_state_for (guint               merge_id,
                  const ClLetterhead *letterhead)
{
  RenderState *state = g_private_get (&render_state_key);

  if (state == NULL)
    {
      state = g_new0 (RenderState, 1);
      state->cache = cl_layout_cache_new ();
      g_private_set (&render_state_key, state);
    }
  if (state->merge_id != merge_id || state->signatures == NULL)
    {
      g_clear_pointer (&state->letterhead, cl_letterhead_free);
      g_clear_pointer (&state->signatures, g_hash_table_unref);
      state->letterhead = letterhead != NULL ? cl_letterhead_copy (letterhead) : NULL;
      /* Loaded here, so that every letter's copy shares this thread's logo. */
      if (state->letterhead != NULL)
        cl_letterhead_get_logo (state->letterhead);
      state->signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 destroy_surface);
      state->merge_id = merge_id;
    }
  state->stream = NULL;
  return state;
}

static cairo_surface_t *
signature_for (RenderState *state,
               const char  *path)
{
  cairo_surface_t *surface;

  if (path == NULL)
    return NULL;
  if (!g_hash_table_lookup_extended (state->signatures, path, NULL, (gpointer *) &surface))
    {
      surface = cl_document_load_png (path, NULL);
      g_hash_table_insert (state->signatures, g_strdup (path), surface);
    }
  return surface;
}

/* The batch's letters drawn into one PDF, fonts and images embedded once,
 * then cut into one standalone PDF each; NULL if that cannot be done, and
 * each letter is then made alone. */
static GPtrArray *
split_batch (GPtrArray *docs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) combined = NULL;
  g_autoptr(GPtrArray) outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  ClPdfPart parts[BATCH_SIZE];
  GPtrArray *pdfs;
  guint page = 0;

  combined = cl_document_batch_to_pdf (docs, &error);
  if (combined == NULL)
    return NULL;
  for (guint i = 0; i < docs->len; i++)
    {
      ClDocument *doc = g_ptr_array_index (docs, i);
      GPtrArray *outline = cl_document_get_outline (doc);

      g_ptr_array_add (outlines, outline);
      parts[i] = (ClPdfPart) {
        .first_page = page,
        .n_pages = cl_document_get_n_pages (doc),
        .title = cl_document_get_title (doc),
        .author = cl_document_get_author (doc),
        .subject = cl_document_get_subject (doc),
        .keywords = cl_document_get_keywords (doc),
        .created = cl_document_get_creation_date (doc),
        .outline = outline,
      };
      page += parts[i].n_pages;
    }
  pdfs = cl_pdf_split (combined, parts, docs->len, &error);
  if (pdfs == NULL)
    g_debug ("Letters made one at a time: %s", error->message);
  return pdfs;
}

/* keep: the letters are kept as sent, so each needs its own PDF and hash. */
static void
render_batch (Batch            *batch,
              ClLetterTemplate *tmpl,
              gboolean          keep,
              RenderState      *state)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pdfs = NULL;

  for (guint i = 0; i < batch->n_jobs; i++)
    {
      Job *job = &batch->jobs[i];
      ClDocument *doc;

      job->missing = g_ptr_array_new_with_free_func (g_free);
      doc = cl_letter_build (tmpl, job->values, state->letterhead,
                             signature_for (state, job->signature), job->missing);
      cl_document_set_layout_cache (doc, state->cache);
      job->title = g_strdup (cl_document_get_title (doc));
      g_ptr_array_add (docs, doc);
    }

  if (docs->len > 1 && (state->stream == NULL || keep))
    pdfs = split_batch (docs);

  /* One combined file, drawn in order on this thread; each letter's own
   * PDF too when they are kept. */
  if (state->stream != NULL)
    {
      for (guint i = 0; i < batch->n_jobs; i++)
        {
          Job *job = &batch->jobs[i];
          ClDocument *doc = g_ptr_array_index (docs, i);

          if (keep)
            {
              job->pdf = pdfs != NULL ? g_bytes_ref (g_ptr_array_index (pdfs, i))
                                      : cl_document_to_pdf (doc, &batch->error);
              if (job->pdf == NULL)
                return;
              job->sha256 = cl_sent_document_hash (job->pdf);
            }
          cl_pdf_stream_add (state->stream, doc);
          job->rendered = TRUE;
        }
      return;
    }

  for (guint i = 0; i < batch->n_jobs; i++)
    {
      Job *job = &batch->jobs[i];

      job->pdf = pdfs != NULL ? g_bytes_ref (g_ptr_array_index (pdfs, i))
                              : cl_document_to_pdf (g_ptr_array_index (docs, i), &batch->error);
      if (job->pdf == NULL || !cl_documents_write_file (job->pdf, job->path, &batch->error))
        return;
      if (keep)
        job->sha256 = cl_sent_document_hash (job->pdf);
      job->rendered = TRUE;
    }
}

struct _Pipeline
{
  guint               merge_id;
  ClLetterTemplate   *tmpl;
  gboolean            keep;      /* the letters are kept as sent */
  const ClLetterhead *letterhead;
  GAsyncQueue        *done;      /* Batch, rendered or not */
  gint                abort;     /* atomic: leave the rest unrendered */
};

/* The render threads, one per processor, shared by every merge in the
 * process and kept between merges. */
static GMutex render_pool_lock;
static GThreadPool *render_pool;
static gint merge_counter;

static void
render_pool_func (gpointer data,
                  gpointer user_data)
{
  Batch *batch = data;
  Pipeline *p = batch->pipeline;

  if (!g_atomic_int_get (&p->abort))
    render_batch (batch, p->tmpl, p->keep, render_state_for (p->merge_id, p->letterhead));
  g_async_queue_push (p->done, batch);
}

static GThreadPool *
render_pool_get (guint n_threads)
{
  GThreadPool *pool;

  g_mutex_lock (&render_pool_lock);
  if (render_pool == NULL)
    render_pool = g_thread_pool_new (render_pool_func, NULL, (int) n_threads, TRUE, NULL);
  else if (g_thread_pool_get_max_threads (render_pool) != (int) n_threads)
    g_thread_pool_set_max_threads (render_pool, (int) n_threads, NULL);
  pool = render_pool;
  g_mutex_unlock (&render_pool_lock);
  return pool;
}

/* --- the merge -------------------------------------------------------------------------- */

typedef struct
{
  ClDatabase               *db;
  const ClMailMergeOptions *o;
  ClLetterTemplate         *tmpl;
  GPtrArray                *letters;
  ClLetterOptions           letter_options;
  GHashTable               *signature_paths;   /* officer id → path or NULL */
  ClMailMergeResult        *result;
  GHashTable               *pupils_seen;
  ClPdfStream              *stream;
  ClLetterhead             *letterhead;
  char                      today_iso[11];
} Merge;

/* Fills a batch's values on this thread (the only one using db). */
static Batch *
prepare_batch (Merge   *m,
               guint    first,
               GError **error)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->first = first;
  for (guint i = first; i < m->letters->len && batch->n_jobs < BATCH_SIZE; i++)
    {
      ClMailMergeLetter *l = g_ptr_array_index (m->letters, i);
      Job *job = &batch->jobs[batch->n_jobs++];
      const char *officer;
      char *path;

      job->values = cl_letter_values_for (m->db, l->pupil_id, l->guardian_id, &m->letter_options,
                                          error);
      if (job->values == NULL)
        {
          batch_free (batch);
          return NULL;
        }
      officer = g_hash_table_lookup (job->values, "_officer.id");
      if (officer != NULL)
        {
          if (!g_hash_table_lookup_extended (m->signature_paths, officer, NULL,
                                             (gpointer *) &path))
            {
              path = cl_officer_signature_path (m->db, g_ascii_strtoll (officer, NULL, 10));
              g_hash_table_insert (m->signature_paths, g_strdup (officer), path);
            }
          job->signature = g_strdup (path);
        }
      if (!m->o->one_file)
        job->path = letter_file_name (m->o->output, cl_letter_template_get_name (m->tmpl), l);
    }
  return batch;
}

static void
report_progress (Merge                   *m,
                 ClMailMergeProgressFunc  progress,
                 gpointer                 user_data)
{
  g_autofree char *text = NULL;

  if (progress == NULL)
    return;
  text = g_strdup_printf (_("Letter %u of %u"), m->result->n_letters, m->letters->len);
  progress ((double) m->result->n_letters / m->letters->len, text, user_data);
}

/* Keeps and counts a rendered batch's letters, in order, on this thread. */
static gboolean
finish_batch (Merge                   *m,
              Batch                   *batch,
              ClMailMergeProgressFunc  progress,
              gpointer                 user_data,
              GCancellable            *cancellable,
              GError                 **error)
{
  for (guint k = 0; k < batch->n_jobs; k++)
    {
      ClMailMergeLetter *l = g_ptr_array_index (m->letters, batch->first + k);
      Job *job = &batch->jobs[k];

      if (!job->rendered)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (job->missing->len > 0)
        {
          g_autoptr(GString) list = g_string_new (NULL);

          for (guint n = 0; n < job->missing->len; n++)
            g_string_append_printf (list, "%s{%s}", n > 0 ? ", " : "",
                                    (char *) g_ptr_array_index (job->missing, n));
          g_ptr_array_add (m->result->warnings,
                           g_strdup_printf (_("%s, letter to %s: no value for %s (left blank to "
                                              "fill in by hand)"),
                                            l->upn, l->guardian_name, list->str));
        }
      if (m->o->record)
        {
          ClSentDocumentInfo info = {
            .kind = cl_letter_template_get_kind (m->tmpl),
            .pupil_id = l->pupil_id,
            .guardian_id = l->guardian_id,
            .school_id = l->school_id,
            .template_name = cl_letter_template_get_name (m->tmpl),
            .title = job->title,
            .sha256 = job->sha256,
          };
          g_autofree char *summary = g_strdup_printf (_("Letter sent to %s: %s"),
                                                      l->guardian_name, job->title);
          gint64 case_id = 0;
          gint64 id = cl_sent_document_store (m->db, &info, job->pdf, error);

          if (id == 0)
            return FALSE;
          g_array_append_val (m->result->sent_ids, id);
          if (!cl_letters_record_in_case (m->db, id, l->pupil_id, summary, m->today_iso,
                                          &case_id, error))
            return FALSE;
          if (case_id != 0)
            m->result->n_linked++;
        }
      m->result->n_letters++;
      g_hash_table_add (m->pupils_seen, g_memdup2 (&l->pupil_id, sizeof (gint64)));
      report_progress (m, progress, user_data);
    }
  if (batch->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&batch->error));
      return FALSE;
    }
  return TRUE;
}

static int
compare_batches (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const Batch *x = a, *y = b;

  return x->first < y->first ? -1 : x->first > y->first;
}

static void
collect_files (ClMailMergeResult *result,
               Batch             *batch)
{
  /* Written whole or not at all; a path whose write failed unlinks nothing. */
  for (guint k = 0; k < batch->n_jobs; k++)
    if (batch->jobs[k].path != NULL && batch->jobs[k].rendered)
      g_ptr_array_add (result->files, g_steal_pointer (&batch->jobs[k].path));
}

/* Renders on n_threads render threads (0: on this one) and keeps the
 * letters in order. */
static gboolean
run_batches (Merge                   *m,
             guint                    n_threads,
             ClMailMergeProgressFunc  progress,
             gpointer                 user_data,
             GCancellable            *cancellable,
             GError                 **error)
{
  Pipeline p = { 0 };
  GThreadPool *pool = NULL;
  GSequence *waiting = g_sequence_new (NULL);
  guint next_letter = 0, next_kept = 0, in_flight = 0, pushed = 0, returned = 0;
  guint window = n_threads == 0 ? 1 : 3 * n_threads;
  gboolean ok = TRUE;
  RenderState *state = NULL;
  Batch *batch;

  p.merge_id = (guint) g_atomic_int_add (&merge_counter, 1) + 1;
  p.tmpl = m->tmpl;
  p.keep = m->o->record;
  p.letterhead = m->letterhead;
  if (n_threads == 0)
    {
      state = render_state_for (p.merge_id, m->letterhead);
      state->stream = m->stream;
    }
  else
    {
      p.done = g_async_queue_new ();
      pool = render_pool_get (n_threads);
    }

  while (ok && next_kept < m->letters->len)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      /* Keep every render thread busy, with a batch queued behind each. */
      while (ok && next_letter < m->letters->len && in_flight < window)
        {
          batch = prepare_batch (m, next_letter, error);
          if (batch == NULL)
            {
              ok = FALSE;
              break;
            }
          next_letter += batch->n_jobs;
          in_flight++;
          batch->pipeline = &p;
          if (n_threads == 0)
            {
              render_batch (batch, m->tmpl, p.keep, state);
              g_sequence_insert_sorted (waiting, batch, compare_batches, NULL);
            }
          else
            {
              g_thread_pool_push (pool, batch, NULL);
              pushed++;
            }
        }
      if (!ok)
        break;
      if (n_threads > 0)
        {
          g_sequence_insert_sorted (waiting, g_async_queue_pop (p.done), compare_batches, NULL);
          returned++;
        }

      /* Keep what has come back, in order. */
      while (ok && !g_sequence_is_empty (waiting))
        {
          GSequenceIter *first = g_sequence_get_begin_iter (waiting);

          batch = g_sequence_get (first);
          if (batch->first != next_kept)
            break;
          g_sequence_remove (first);
          in_flight--;
          next_kept += batch->n_jobs;
          ok = finish_batch (m, batch, progress, user_data, cancellable, error);
          collect_files (m->result, batch);
          batch_free (batch);
        }
    }

  if (n_threads > 0)
    {
      /* Every batch handed out comes back before p goes; after a failure
       * the rest are not drawn, and files already written are removed. */
      g_atomic_int_set (&p.abort, !ok);
      for (; returned < pushed; returned++)
        g_sequence_append (waiting, g_async_queue_pop (p.done));
      g_async_queue_unref (p.done);
    }
  else
    state->stream = NULL;
  for (GSequenceIter *it = g_sequence_get_begin_iter (waiting); !g_sequence_iter_is_end (it);
       it = g_sequence_iter_next (it))
    {
      batch = g_sequence_get (it);
      collect_files (m->result, batch);
      batch_free (batch);
    }
  g_sequence_free (waiting);
  return ok;
}

/* How many threads make PDFs: one per processor, none (this thread) for a
 * single processor, a handful of letters or one combined file, which is
 * drawn in order. CASELOAD_RENDER_THREADS overrides it, for tests and
 * benchmarks. */
static guint
render_threads_for (const ClMailMergeOptions *o,
                    guint                     n_letters)
{
  const char *env = g_getenv ("CASELOAD_RENDER_THREADS");
  guint n = MIN (g_get_num_processors (), 8);

  if (o->one_file)
    return 0;
  if (env != NULL)
    return (guint) MIN (g_ascii_strtoull (env, NULL, 10), 16);
  if (n < 2 || n_letters <= BATCH_SIZE)
    return 0;
  return n;
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
  g_autoptr(GHashTable) signature_paths = NULL;
  g_autoptr(GHashTable) pupils_seen = NULL;
  g_autoptr(ClPdfStream) stream = NULL;
  g_autoptr(ClLetterhead) letterhead = NULL;
  g_autofree char *from = NULL, *to = NULL, *detail = NULL;
  Merge m = { 0 };
  GDate today;

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
  signature_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pupils_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (o->one_file)
    stream = cl_pdf_stream_new (cl_letter_template_get_title (tmpl),
                                cl_database_get_actor (db));
  m.db = db;
  m.o = o;
  m.tmpl = tmpl;
  m.letters = letters;
  m.letter_options.from = from;
  m.letter_options.to = to;
  m.letter_options.officer_id = o->officer_id;
  m.letter_options.extra = extra;
  letterhead = cl_letterhead_load (db);
  m.letterhead = letterhead;
  m.letter_options.letterhead = letterhead;
  m.signature_paths = signature_paths;
  m.result = result;
  m.pupils_seen = pupils_seen;
  m.stream = stream;
  cl_date_today (&today);
  cl_date_format_iso (&today, m.today_iso);

  /* A merge writes megabytes of PDFs: its commit does not wait to copy
   * them from the write-ahead log into the database file (the caller's
   * next checkpoint, or closing, does). */
  cl_database_defer_checkpoints (db, TRUE);
  if (!cl_database_begin (db, error))
    {
      cl_database_defer_checkpoints (db, FALSE);
      return NULL;
    }
  if (!run_batches (&m, render_threads_for (o, letters->len), progress, user_data, cancellable,
                    error))
    goto fail;
  result->n_pupils = g_hash_table_size (pupils_seen);

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
  cl_database_defer_checkpoints (db, FALSE);
  return g_steal_pointer (&result);

fail:
  if (cl_database_in_transaction (db))
    cl_database_rollback (db);
  cl_database_defer_checkpoints (db, FALSE);
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
    {
      g_task_return_pointer (task, result, (GDestroyNotify) cl_mail_merge_result_free);
      /* The letters are kept; copying them into the database file is left
       * to this thread, after the window has heard. */
      if (!cl_database_checkpoint (db, &error))
        g_debug ("Checkpoint after the letters left for later: %s", error->message);
      g_clear_error (&error);
    }
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
