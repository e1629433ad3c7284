/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* Reading back the PDFs the program makes, for the tests that check them:
 * each fails the test rather than return NULL. */

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

PopplerDocument *open_pdf      (GBytes          *bytes);
PopplerDocument *open_pdf_file (const char      *path);
/* The text of page index (from 0). */
char            *page_text     (PopplerDocument *doc,
                                int              index);
/* All pages' text, pages separated by form feeds. */
char            *all_text      (PopplerDocument *doc);

G_END_DECLS
