/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/cl-database.h"

G_BEGIN_DECLS

/* A document as it was sent or served (table sent_document): its exact PDF
 * bytes and their SHA-256, with who made it and when and whom it concerns.
 * The bytes can never be changed; loading them checks the hash. */
#define CL_TYPE_SENT_DOCUMENT (cl_sent_document_get_type ())
G_DECLARE_FINAL_TYPE (ClSentDocument, cl_sent_document, CL, SENT_DOCUMENT, GObject)

typedef struct
{
  const char *kind;         /* "letter", "card", "notice", "report", "bundle", "invoice", "other" */
  gint64      pupil_id;     /* 0: none */
  gint64      guardian_id;  /* 0: none */
  gint64      school_id;    /* 0: none */
  gint64      case_id;      /* 0: none */
  const char *template_name;/* may be NULL */
  const char *title;
  const char *sha256;       /* the PDF's, if worked out already (on another thread); NULL: here */
} ClSentDocumentInfo;

gint64      cl_sent_document_get_id          (ClSentDocument *self);
const char *cl_sent_document_get_kind        (ClSentDocument *self);
gint64      cl_sent_document_get_pupil_id    (ClSentDocument *self);
gint64      cl_sent_document_get_guardian_id (ClSentDocument *self);
gint64      cl_sent_document_get_school_id   (ClSentDocument *self);
gint64      cl_sent_document_get_case_id     (ClSentDocument *self);
const char *cl_sent_document_get_template    (ClSentDocument *self);
const char *cl_sent_document_get_title       (ClSentDocument *self);
const char *cl_sent_document_get_created_at  (ClSentDocument *self);
const char *cl_sent_document_get_created_by  (ClSentDocument *self);
/* Lower-case hexadecimal. */
const char *cl_sent_document_get_sha256      (ClSentDocument *self);
gsize       cl_sent_document_get_size        (ClSentDocument *self);

/* Stores the bytes with their SHA-256 (audited, in its own transaction or
 * a savepoint of the caller's). Returns the new id, 0 on error. */
gint64          cl_sent_document_store       (ClDatabase                *db,
                                              const ClSentDocumentInfo  *info,
                                              GBytes                    *pdf,
                                              GError                   **error);
ClSentDocument *cl_sent_document_get         (ClDatabase                *db,
                                              gint64                     id,
                                              GError                   **error);
/* The stored bytes, after checking them against the stored SHA-256
 * (CL_DOCUMENTS_ERROR_INTEGRITY when they differ). */
GBytes         *cl_sent_document_load_pdf    (ClDatabase                *db,
                                              gint64                     id,
                                              GError                   **error);
/* ClSentDocument items of a pupil, newest first (pupil_id 0: all). */
GListModel     *cl_sent_document_list        (ClDatabase                *db,
                                              gint64                     pupil_id,
                                              GError                   **error);
/* Lower-case hexadecimal SHA-256 of bytes. */
char           *cl_sent_document_hash        (GBytes                    *bytes);

G_END_DECLS
