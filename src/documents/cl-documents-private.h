/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to src/documents. */

#include "documents/cl-document.h"

G_BEGIN_DECLS

/* A PDF built a document at a time, so that a merge of hundreds of letters
 * never holds them all: each document keeps its own page numbers and gets
 * an outline entry holding its headings. */
typedef struct _ClPdfStream ClPdfStream;

ClPdfStream *cl_pdf_stream_new    (const char   *title,
                                   const char   *author);
void         cl_pdf_stream_add    (ClPdfStream  *stream,
                                   ClDocument   *document);
guint        cl_pdf_stream_get_n_pages (ClPdfStream *stream);
/* Finishes the PDF and frees the stream. */
GBytes      *cl_pdf_stream_finish (ClPdfStream  *stream,
                                   GError      **error);
void         cl_pdf_stream_free   (ClPdfStream  *stream);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClPdfStream, cl_pdf_stream_free)

/* Several documents' pages, in order, in one PDF with neither outline nor
 * metadata, for cl_pdf_split to cut into one PDF each: fonts and images
 * are embedded once for the lot. */
GBytes      *cl_document_batch_to_pdf (GPtrArray    *documents,
                                       GError      **error);

/* Text laid out once and shared by every document that sets the same text
 * the same way (a mail merge's letterhead, standard paragraphs, labels),
 * with one Pango context. A cache and the documents using it belong to one
 * thread at a time; its layouts are only ever measured and drawn. */
typedef struct _ClLayoutCache ClLayoutCache;

ClLayoutCache *cl_layout_cache_new          (void);
void           cl_layout_cache_free         (ClLayoutCache *cache);
void           cl_layout_cache_get_stats    (ClLayoutCache *cache,
                                             guint         *hits,
                                             guint         *misses);
/* The cache must outlive the document's use of it. */
void           cl_document_set_layout_cache (ClDocument    *document,
                                             ClLayoutCache *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClLayoutCache, cl_layout_cache_free)

G_END_DECLS
