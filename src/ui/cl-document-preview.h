/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How the page is fitted into the view. */
typedef enum
{
  CL_PREVIEW_ZOOM_FIT_WIDTH,
  CL_PREVIEW_ZOOM_FIT_PAGE,
  CL_PREVIEW_ZOOM_FREE,
} ClPreviewZoomMode;

/* A PDF shown one page at a time with poppler-glib, the way evince does it:
 * the page is rendered into an image surface of exactly the pixels it covers
 * on screen (its size in points × zoom × the widget's scale factor), so text
 * stays sharp on HiDPI screens; only the page in view is rendered, on a
 * worker thread that alone uses its own copy of the document, so a 50-page
 * bundle opens at once and the window never waits for a page.
 *
 * Page Up/Down move between pages, Ctrl+plus/minus zoom and Ctrl+0 fits the
 * width again (as managed shortcuts of the window it is in: it is meant to
 * fill a window of its own, such as ClPreviewWindow). */
#define CL_TYPE_DOCUMENT_PREVIEW (cl_document_preview_get_type ())
G_DECLARE_FINAL_TYPE (ClDocumentPreview, cl_document_preview, CL, DOCUMENT_PREVIEW, GtkWidget)

GtkWidget         *cl_document_preview_new           (void);
/* Shows the PDF in bytes from its first page; FALSE when poppler cannot read
 * it (the view is then empty). */
gboolean           cl_document_preview_load          (ClDocumentPreview  *self,
                                                      GBytes             *pdf,
                                                      GError            **error);
/* The bytes shown, or NULL. */
GBytes            *cl_document_preview_get_pdf       (ClDocumentPreview  *self);
guint              cl_document_preview_get_n_pages   (ClDocumentPreview  *self);
/* The page in view, from 0. */
guint              cl_document_preview_get_page      (ClDocumentPreview  *self);
void               cl_document_preview_set_page      (ClDocumentPreview  *self,
                                                      guint               page);
/* The page's size in points. */
void               cl_document_preview_get_page_size (ClDocumentPreview  *self,
                                                      guint               page,
                                                      double             *width,
                                                      double             *height);
/* Draws page (from 0) for a printer onto cr at its current transform, one
 * unit per point (poppler's rendering for printing). */
void               cl_document_preview_print_page    (ClDocumentPreview  *self,
                                                      cairo_t            *cr,
                                                      guint               page);
ClPreviewZoomMode  cl_document_preview_get_zoom_mode (ClDocumentPreview  *self);
void               cl_document_preview_set_zoom_mode (ClDocumentPreview  *self,
                                                      ClPreviewZoomMode   mode);
/* 1.0 shows a page at its real size (72 points to 96 pixels). Setting it
 * sets the mode to CL_PREVIEW_ZOOM_FREE. */
double             cl_document_preview_get_zoom      (ClDocumentPreview  *self);
void               cl_document_preview_set_zoom      (ClDocumentPreview  *self,
                                                      double              zoom);

G_END_DECLS
