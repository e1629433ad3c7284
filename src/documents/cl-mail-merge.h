/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

/* Letters from one template to many families: one letter to each parent or
 * carer with parental responsibility for each chosen pupil, each at their
 * own address. Pupils are chosen by UPN, or as every pupil on roll at a
 * school whose attendance there over the period is below a percentage.
 *
 * With record set (letters being sent), every letter's exact PDF bytes are
 * kept in sent_document with their SHA-256 and linked into the pupil's open
 * case as a letter event — all in one transaction: a failed or cancelled
 * merge leaves the database as it was and removes the files it wrote. */

typedef struct
{
  char     *template_name;
  GStrv     upns;            /* the pupils, or NULL to select by school */
  guint     school_urn;      /* with below_percent: every pupil on roll … */
  double    below_percent;   /* … whose attendance is below this */
  char     *from;            /* attendance period, ISO; NULL: 1 September */
  char     *to;              /* NULL: today */
  gint64    officer_id;      /* 0: each school's link officer */
  GStrv     values;          /* "meeting.date=2026-03-26", … */
  char     *output;          /* a .pdf file when one_file, else a directory */
  gboolean  one_file;
  gboolean  record;          /* keep the letters as sent (and in the case) */
} ClMailMergeOptions;

#define CL_TYPE_MAIL_MERGE_OPTIONS (cl_mail_merge_options_get_type ())
GType               cl_mail_merge_options_get_type (void);
ClMailMergeOptions *cl_mail_merge_options_new      (void);
ClMailMergeOptions *cl_mail_merge_options_copy     (const ClMailMergeOptions *options);
void                cl_mail_merge_options_free     (ClMailMergeOptions       *options);

/* One letter to be written. */
typedef struct
{
  gint64  pupil_id;
  gint64  guardian_id;
  gint64  school_id;
  char   *upn;
  char   *pupil_name;
  char   *guardian_name;
} ClMailMergeLetter;

typedef struct
{
  guint      n_pupils;     /* chosen */
  guint      n_letters;    /* written */
  GPtrArray *files;        /* paths written (one for one_file) */
  GArray    *sent_ids;     /* gint64: sent_document ids when recorded */
  guint      n_linked;     /* letters added to a case chronology */
  /* Sentences for the user (not the log): pupils with no parent with
   * parental responsibility recorded, placeholders with no value. */
  GPtrArray *warnings;
} ClMailMergeResult;

void                cl_mail_merge_result_free      (ClMailMergeResult        *result);

/* Called on the merging thread (or, for the async call, in the caller's
 * main context) with a fraction and a translated sentence. */
typedef void (*ClMailMergeProgressFunc) (double      fraction,
                                         const char *text,
                                         gpointer    user_data);

/* The letters a merge would write, for a confirmation ("12 letters to 11
 * families"); warnings (may be NULL) receives pupils who would get none. */
GPtrArray          *cl_mail_merge_select           (ClDatabase               *db,
                                                    const ClMailMergeOptions *options,
                                                    GPtrArray                *warnings,
                                                    GError                  **error);

/* Runs the merge on this thread. NULL on error or cancellation
 * (G_IO_ERROR_CANCELLED); CL_DOCUMENTS_ERROR_NOTHING_TO_DO when no letter
 * would be written. */
ClMailMergeResult  *cl_mail_merge_run              (ClDatabase               *db,
                                                    const ClMailMergeOptions *options,
                                                    ClMailMergeProgressFunc   progress,
                                                    gpointer                  user_data,
                                                    GCancellable             *cancellable,
                                                    GError                  **error);

/* The same on a worker thread with its own connection to db's file (an
 * in-memory database cannot be shared: CL_DOCUMENTS_ERROR_INVALID).
 * progress is called in the thread-default main context of the caller. */
void                cl_mail_merge_run_async        (ClDatabase               *db,
                                                    const ClMailMergeOptions *options,
                                                    ClMailMergeProgressFunc   progress,
                                                    gpointer                  progress_data,
                                                    GDestroyNotify            progress_destroy,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
ClMailMergeResult  *cl_mail_merge_run_finish       (GAsyncResult             *result,
                                                    GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClMailMergeOptions, cl_mail_merge_options_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClMailMergeResult, cl_mail_merge_result_free)

G_END_DECLS
