/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CL_DOCUMENT_ALIGN_LEFT,
  CL_DOCUMENT_ALIGN_JUSTIFY,
  CL_DOCUMENT_ALIGN_CENTER,
  CL_DOCUMENT_ALIGN_RIGHT,
} ClDocumentAlign;

typedef enum
{
  CL_DOCUMENT_ROW_NORMAL = 0,
  CL_DOCUMENT_ROW_BOLD   = 1 << 0,  /* totals */
} ClDocumentRowFlags;

/* A table for a ClDocument: a header row (repeated at the top of every page
 * the table runs onto) and rows of plain text that are never split across
 * pages. Column widths are weights shared out over the text width. */
#define CL_TYPE_DOCUMENT_TABLE (cl_document_table_get_type ())
G_DECLARE_FINAL_TYPE (ClDocumentTable, cl_document_table, CL, DOCUMENT_TABLE, GObject)

ClDocumentTable *cl_document_table_new            (guint               n_columns);
guint            cl_document_table_get_n_columns  (ClDocumentTable    *self);
guint            cl_document_table_get_n_rows     (ClDocumentTable    *self);
/* header may be NULL (an empty header cell); weight > 0. */
void             cl_document_table_set_column     (ClDocumentTable    *self,
                                                   guint               column,
                                                   const char         *header,
                                                   double              weight,
                                                   ClDocumentAlign     align);
/* n_columns cells of plain text (NULL is empty); copied. */
void             cl_document_table_add_row        (ClDocumentTable    *self,
                                                   const char * const *cells);
void             cl_document_table_add_row_full   (ClDocumentTable    *self,
                                                   const char * const *cells,
                                                   ClDocumentRowFlags  flags);

const char      *cl_document_table_get_header     (ClDocumentTable    *self,
                                                   guint               column);
double           cl_document_table_get_weight     (ClDocumentTable    *self,
                                                   guint               column);
ClDocumentAlign  cl_document_table_get_align      (ClDocumentTable    *self,
                                                   guint               column);
const char      *cl_document_table_get_cell       (ClDocumentTable    *self,
                                                   guint               row,
                                                   guint               column);
ClDocumentRowFlags cl_document_table_get_row_flags (ClDocumentTable   *self,
                                                   guint               row);

G_END_DECLS
