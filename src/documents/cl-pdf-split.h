/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "documents/cl-document.h"

G_BEGIN_DECLS

/* One standalone PDF to cut out of a combined one: a run of its pages and
 * the metadata and outline the part gets of its own. */
typedef struct
{
  guint        first_page;   /* from 0, in the combined PDF */
  guint        n_pages;      /* at least 1 */
  const char  *title;        /* UTF-8 metadata of this part; NULL: none */
  const char  *author;
  const char  *subject;
  const char  *keywords;
  GDateTime   *created;      /* CreationDate and ModDate; NULL: none */
  GPtrArray   *outline;      /* ClDocumentOutlineEntry*: level 1–3, text, page relative to the
                              * part (from 0), y in points from the page's top; may be NULL */
} ClPdfPart;

/* Splits a PDF that cairo 1.16 wrote (classic xref table, no object
 * streams, one flat Pages node) into standalone PDFs, one per part, each
 * holding the part's pages and every object they reach (fonts, images,
 * ExtGStates, patterns…) renumbered, with its own Catalog, Pages, Info and
 * outline. Stream bytes are copied as they are. Each part's Info carries
 * the combined file's Creator and Producer.
 *
 * Returns a GPtrArray of n_parts GBytes (slices of one buffer, which lives
 * until the last of them is unreferenced), or NULL with
 * CL_DOCUMENTS_ERROR_RENDER when combined is not what cairo writes or a
 * part's pages reach another part's (a link to another letter), or with
 * CL_DOCUMENTS_ERROR_INVALID when a part lies beyond the combined file's
 * pages or its outline is out of range. Either way the caller can render
 * each part alone instead. The input is never trusted: malformed bytes make
 * an error, never a crash. */
GPtrArray *cl_pdf_split (GBytes           *combined,
                         const ClPdfPart  *parts,
                         guint             n_parts,
                         GError          **error);

G_END_DECLS
