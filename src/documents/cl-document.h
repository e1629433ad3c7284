/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "charts/cl-chart.h"
#include "documents/cl-document-table.h"
#include "documents/cl-letterhead.h"

G_BEGIN_DECLS

/* A4 in PostScript points, and the A5 used for home-visit cards. */
#define CL_PAGE_A4_WIDTH  595.28
#define CL_PAGE_A4_HEIGHT 841.89
#define CL_PAGE_A5_WIDTH  419.53
#define CL_PAGE_A5_HEIGHT 595.28

/* Draws into the rectangle (0, 0, width, height) of cr, in points. */
typedef void (*ClDocumentDrawFunc) (cairo_t  *cr,
                                    double    width,
                                    double    height,
                                    gpointer  user_data);

/* The model of one document, and its layout. Blocks are added in reading
 * order; the layout pass (run on first need, again after any change)
 * paginates them: a letterhead on the first page, a running header on the
 * others, a footer with "Page N of M" on every page, paragraphs that break
 * between lines (keeping two lines together at either end), tables that
 * break between rows and repeat their header row, and blocks that are never
 * split (signature, address, charts, images, key-value rows).
 *
 * One renderer draws any page onto any cairo_t, in points with the page's
 * top-left corner at the origin: PDF export, GtkPrintOperation's draw-page
 * (scale the context to the printable area) and an on-screen preview all
 * call cl_document_render_page. A document is used by one thread at a time. */
#define CL_TYPE_DOCUMENT (cl_document_get_type ())
G_DECLARE_FINAL_TYPE (ClDocument, cl_document, CL, DOCUMENT, GObject)

ClDocument   *cl_document_new                (void);

/* Metadata, written into the PDF. The creation date defaults to the time
 * the document was made. */
void          cl_document_set_title          (ClDocument          *self,
                                              const char          *title);
const char   *cl_document_get_title          (ClDocument          *self);
void          cl_document_set_author         (ClDocument          *self,
                                              const char          *author);
const char   *cl_document_get_author         (ClDocument          *self);
void          cl_document_set_subject        (ClDocument          *self,
                                              const char          *subject);
const char   *cl_document_get_subject        (ClDocument          *self);
const char   *cl_document_get_keywords       (ClDocument          *self);
void          cl_document_set_keywords       (ClDocument          *self,
                                              const char          *keywords);
void          cl_document_set_creation_date  (ClDocument          *self,
                                              GDateTime           *date);
GDateTime    *cl_document_get_creation_date  (ClDocument          *self);

/* Page size in points (default A4) and margins (default 20 mm, 25 mm at
 * the bottom for the footer). */
void          cl_document_set_page_size      (ClDocument          *self,
                                              double               width,
                                              double               height);
void          cl_document_get_page_size      (ClDocument          *self,
                                              double              *width,
                                              double              *height);
void          cl_document_set_margins        (ClDocument          *self,
                                              double               top,
                                              double               right,
                                              double               bottom,
                                              double               left);
/* Width of the text column, in points. */
double        cl_document_get_content_width  (ClDocument          *self);
/* The font of body text as a Pango description (default "Sans 10"). */
void          cl_document_set_font           (ClDocument          *self,
                                              const char          *font);

/* A copy is kept; NULL for no letterhead. */
void          cl_document_set_letterhead     (ClDocument          *self,
                                              const ClLetterhead  *letterhead);
/* Running header on pages after the first (default: authority — title). */
void          cl_document_set_header_text    (ClDocument          *self,
                                              const char          *text);
/* Left of the footer on every page, e.g. a protective marking. */
void          cl_document_set_footer_text    (ClDocument          *self,
                                              const char          *text);

/* --- blocks --- */

/* level 1–3; plain text. Headings are entries of the PDF outline and are
 * kept on the same page as the start of what follows them. */
void          cl_document_add_heading        (ClDocument          *self,
                                              int                  level,
                                              const char          *text);
/* Pango markup (<b>, <i>, <span>…); invalid markup is shown as plain text. */
void          cl_document_add_paragraph      (ClDocument          *self,
                                              const char          *markup,
                                              ClDocumentAlign      align);
/* Plain text, escaped for you. */
void          cl_document_add_text           (ClDocument          *self,
                                              const char          *text,
                                              ClDocumentAlign      align);
/* A paragraph with a bullet and a hanging indent; Pango markup. */
void          cl_document_add_bullet         (ClDocument          *self,
                                              const char          *markup);
/* Takes a reference. */
void          cl_document_add_table          (ClDocument          *self,
                                              ClDocumentTable     *table);
/* Label/value pairs as plain text, NULL-terminated: { "Possible", "310",
 * "Attendance", "91.2 %", NULL }. Rows may fall on different pages. */
void          cl_document_add_key_values     (ClDocument          *self,
                                              const char * const  *pairs);
/* The letter's recipient on the left (lines separated by newlines, the
 * first in bold) and label/value pairs (date, reference …) on the right. */
void          cl_document_add_address        (ClDocument          *self,
                                              const char          *recipient,
                                              const char * const  *pairs);
/* Name (bold) and role, over a signature image when signature is given,
 * else over space to sign by hand. */
void          cl_document_add_signature      (ClDocument          *self,
                                              const char          *name,
                                              const char          *role,
                                              cairo_surface_t     *signature);
void          cl_document_add_spacer         (ClDocument          *self,
                                              double               points);
void          cl_document_add_page_break     (ClDocument          *self);
/* A chart drawn with cl_chart_style_light () across the text width, height
 * points tall (takes a reference). The chart's own title is left out: give
 * it a heading. Callers add its description as text when the reader needs
 * it (screen readers read text, not drawings). */
void          cl_document_add_chart          (ClDocument          *self,
                                              ClChart             *chart,
                                              double               height);
/* Any drawing across the text width. */
void          cl_document_add_drawing        (ClDocument          *self,
                                              ClDocumentDrawFunc   func,
                                              gpointer             user_data,
                                              GDestroyNotify       destroy,
                                              double               height);
/* An image surface (e.g. from cl_document_load_png) scaled to width ×
 * height points (0 for either keeps the aspect ratio), centred. */
void          cl_document_add_image          (ClDocument          *self,
                                              cairo_surface_t     *image,
                                              double               width,
                                              double               height);

/* --- layout and output --- */

guint         cl_document_get_n_pages        (ClDocument          *self);
/* Draws page page_index (from 0) with its top-left corner at the origin of
 * cr, one unit per point; paints the page white first. */
void          cl_document_render_page        (ClDocument          *self,
                                              cairo_t             *cr,
                                              guint                page_index);
/* Headings in reading order with the page (from 0) each falls on. */
typedef struct
{
  int    level;
  char  *text;
  guint  page;
  double y;
} ClDocumentOutlineEntry;
/* Transfer container: the entries belong to the document. */
GPtrArray    *cl_document_get_outline        (ClDocument          *self);

GBytes       *cl_document_to_pdf             (ClDocument          *self,
                                              GError             **error);
gboolean      cl_document_write_pdf          (ClDocument          *self,
                                              const char          *path,
                                              GError             **error);
/* Several documents in one PDF (a mail merge for printing): each keeps its
 * own "Page N of M", and the outline has one entry per document holding its
 * headings. title and author are the combined file's metadata. */
GBytes       *cl_document_combine_to_pdf     (GPtrArray           *documents,
                                              const char          *title,
                                              const char          *author,
                                              GError             **error);

/* Writes bytes to path atomically (CL_DOCUMENTS_ERROR_WRITE on failure). */
gboolean      cl_documents_write_file        (GBytes              *bytes,
                                              const char          *path,
                                              GError             **error);

G_END_DECLS
