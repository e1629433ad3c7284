/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A streaming reader for comma-separated text as school systems export it:
 * UTF-8 with or without a byte-order mark, CRLF or LF line ends, fields
 * quoted with double quotes that may hold commas, doubled quotes and line
 * breaks. Reads in fixed-size blocks, so memory stays flat however large the
 * file. Not thread-safe; one reader per thread. */
typedef struct _ClCsvReader ClCsvReader;

ClCsvReader *cl_csv_reader_new_for_path (const char   *path,
                                         GError      **error);
/* Reads from memory; data must outlive the reader. */
ClCsvReader *cl_csv_reader_new_for_data (const char   *data,
                                         gsize         length);
void         cl_csv_reader_free         (ClCsvReader  *self);

/* Advances to the next row. Returns FALSE at the end of the input (error
 * unset) or on a problem, error set and its message "LINE: what": in
 * G_IO_ERROR or CL_IMPORT_ERROR_PARSE the file cannot be read further;
 * CL_IMPORT_ERROR_INVALID (text that is not UTF-8) concerns that row only and
 * reading may go on. Blank lines are skipped. */
gboolean     cl_csv_reader_next_row     (ClCsvReader  *self,
                                         GError      **error);
guint        cl_csv_reader_get_n_fields (ClCsvReader  *self);
/* The field's text, NUL-terminated, valid until the next call to next_row;
 * "" for a field past the end of the row. */
const char  *cl_csv_reader_get_field    (ClCsvReader  *self,
                                         guint         index,
                                         gsize        *length);
/* The 1-based line on which the current row starts. */
guint64      cl_csv_reader_get_line     (ClCsvReader  *self);
/* Bytes consumed so far and the total, for progress (total 0 if unknown). */
guint64      cl_csv_reader_get_offset   (ClCsvReader  *self);
guint64      cl_csv_reader_get_size     (ClCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCsvReader, cl_csv_reader_free)

G_END_DECLS
