/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include "documents/cl-document-table.h"

typedef struct
{
  char            *header;
  double           weight;
  ClDocumentAlign  align;
} Column;

struct _ClDocumentTable
{
  GObject    parent_instance;
  guint      n_columns;
  Column    *columns;
  GPtrArray *cells;   /* n_columns strings per row, row after row */
  GArray    *flags;   /* ClDocumentRowFlags per row */
};

G_DEFINE_FINAL_TYPE (ClDocumentTable, cl_document_table, G_TYPE_OBJECT)

static void
cl_document_table_finalize (GObject *object)
{
  ClDocumentTable *self = CL_DOCUMENT_TABLE (object);

  for (guint i = 0; i < self->n_columns; i++)
    g_free (self->columns[i].header);
  g_free (self->columns);
  g_ptr_array_unref (self->cells);
  g_array_unref (self->flags);

  G_OBJECT_CLASS (cl_document_table_parent_class)->finalize (object);
}

static void
cl_document_table_class_init (ClDocumentTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_document_table_finalize;
}

static void
cl_document_table_init (ClDocumentTable *self)
{
  self->cells = g_ptr_array_new_with_free_func (g_free);
  self->flags = g_array_new (FALSE, FALSE, sizeof (ClDocumentRowFlags));
}

ClDocumentTable *
cl_document_table_new (guint n_columns)
{
  ClDocumentTable *self;

  g_return_val_if_fail (n_columns > 0, NULL);

  self = g_object_new (CL_TYPE_DOCUMENT_TABLE, NULL);
  self->n_columns = n_columns;
  self->columns = g_new0 (Column, n_columns);
  for (guint i = 0; i < n_columns; i++)
    self->columns[i].weight = 1.0;
  return self;
}

guint
cl_document_table_get_n_columns (ClDocumentTable *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_TABLE (self), 0);
  return self->n_columns;
}

guint
cl_document_table_get_n_rows (ClDocumentTable *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_TABLE (self), 0);
  return self->flags->len;
}

void
cl_document_table_set_column (ClDocumentTable *self,
                              guint            column,
                              const char      *header,
                              double           weight,
                              ClDocumentAlign  align)
{
  g_return_if_fail (CL_IS_DOCUMENT_TABLE (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (weight > 0);

  g_free (self->columns[column].header);
  self->columns[column].header = g_strdup (header);
  self->columns[column].weight = weight;
  self->columns[column].align = align;
}

void
cl_document_table_add_row_full (ClDocumentTable    *self,
                                const char * const *cells,
                                ClDocumentRowFlags  flags)
{
  g_return_if_fail (CL_IS_DOCUMENT_TABLE (self));
  g_return_if_fail (cells != NULL);

  for (guint i = 0; i < self->n_columns; i++)
    g_ptr_array_add (self->cells, g_strdup (cells[i] != NULL ? cells[i] : ""));
  g_array_append_val (self->flags, flags);
}

void
cl_document_table_add_row (ClDocumentTable    *self,
                           const char * const *cells)
{
  cl_document_table_add_row_full (self, cells, CL_DOCUMENT_ROW_NORMAL);
}

const char *
cl_document_table_get_header (ClDocumentTable *self,
                              guint            column)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_TABLE (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->columns[column].header;
}

double
cl_document_table_get_weight (ClDocumentTable *self,
                              guint            column)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_TABLE (self), 1.0);
  g_return_val_if_fail (column < self->n_columns, 1.0);
  return self->columns[column].weight;
}

ClDocumentAlign
cl_document_table_get_align (ClDocumentTable *self,
                             guint            column)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_TABLE (self), CL_DOCUMENT_ALIGN_LEFT);
  g_return_val_if_fail (column < self->n_columns, CL_DOCUMENT_ALIGN_LEFT);
  return self->columns[column].align;
}

const char *
cl_document_table_get_cell (ClDocumentTable *self,
                            guint            row,
                            guint            column)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_TABLE (self), NULL);
  g_return_val_if_fail (row < self->flags->len && column < self->n_columns, NULL);
  return g_ptr_array_index (self->cells, row * self->n_columns + column);
}

ClDocumentRowFlags
cl_document_table_get_row_flags (ClDocumentTable *self,
                                 guint            row)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_TABLE (self), 0);
  g_return_val_if_fail (row < self->flags->len, 0);
  return g_array_index (self->flags, ClDocumentRowFlags, row);
}
