/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "attendance/cl-import-error.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* Importing attendance registers from a school system: long-form CSV (one
 * row per pupil and session) or a Common Transfer File (CTF XML).
 *
 * The whole file is read and validated first; every problem is reported as
 * "FILE:LINE: what" (for XML, the element path after the line). Nothing is
 * written unless the file is clean — or, when the caller asks for it, the
 * pupils without problems are written and the others skipped. The write is
 * one transaction: killed half-way, the database is as it was. */

typedef enum
{
  CL_IMPORT_FORMAT_AUTO,
  CL_IMPORT_FORMAT_CSV,
  CL_IMPORT_FORMAT_CTF,
} ClImportFormat;

/* The fields of a long-form CSV register, for column mapping. */
typedef enum
{
  CL_CSV_FIELD_UPN,
  CL_CSV_FIELD_DATE,
  CL_CSV_FIELD_SESSION,
  CL_CSV_FIELD_MARK,
  CL_CSV_FIELD_SURNAME,
  CL_CSV_FIELD_FORENAME,
  CL_CSV_FIELD_DOB,
  CL_CSV_FIELD_SEX,
  CL_CSV_FIELD_NC_YEAR,
  CL_CSV_FIELD_URN,
  CL_CSV_N_FIELDS
} ClCsvField;

typedef struct
{
  ClImportFormat format;
  guint          school_urn;        /* 0: from the file (URN column, CTF header) */
  gboolean       dry_run;           /* validate and count only */
  gboolean       clean_pupils_only; /* write pupils without problems, skip the rest */
  /* CSV only: column index for each field, -1 = absent, or NULL to match the
   * header by name. A mapping given here is remembered for the school. */
  const int     *column_map;
} ClImportOptions;

typedef struct
{
  guint      pupils_created;
  guint      pupils_updated;
  guint      pupils_skipped;      /* with clean_pupils_only */
  guint      pupils_clean;        /* pupils with no problems, whether written or not */
  guint      pupils_with_problems; /* pupils with problems, whether skipped or not */
  gboolean   file_problem;        /* a problem no pupil can be skipped for (a missing
                                   * column, a file that cannot be read to the end):
                                   * clean_pupils_only would not help */
  guint64    sessions;            /* marks imported (with clean_pupils_only, of the
                                   * pupils written) */
  guint64    lines;
  GPtrArray *problems;            /* "FILE:LINE: what" strings */
} ClImportResult;

typedef void (*ClImportProgressFunc) (double      fraction,
                                      const char *text,
                                      gpointer    user_data);

void        cl_import_result_clear    (ClImportResult *result);

/* The header names recognised for a field, e.g. "Mark", "Code",
 * "Attendance Code" for CL_CSV_FIELD_MARK; and its label for the UI. */
const char *const *cl_csv_field_names (ClCsvField field);
const char *cl_csv_field_label        (ClCsvField field);
gboolean    cl_csv_field_required     (ClCsvField field);

/* Reads the header of a CSV file: the column titles (transfer full), for a
 * mapping dialog. */
GStrv       cl_csv_read_header        (const char  *path,
                                       GError     **error);
/* The remembered mapping for a school (CL_CSV_N_FIELDS ints) or NULL. */
int        *cl_csv_mapping_load       (ClDatabase  *db,
                                       guint        school_urn);

gboolean    cl_register_import_file   (ClDatabase            *db,
                                       const char            *path,
                                       const ClImportOptions *options,
                                       ClImportProgressFunc   progress,
                                       gpointer               user_data,
                                       GCancellable          *cancellable,
                                       ClImportResult        *result,
                                       GError               **error);

/* The same from memory, for tests and the fuzzers; name is used in messages. */
gboolean    cl_register_import_data   (ClDatabase            *db,
                                       const char            *name,
                                       const char            *data,
                                       gsize                  length,
                                       const ClImportOptions *options,
                                       ClImportResult        *result,
                                       GError               **error);

/* Runs cl_register_import_file on a worker thread with its own connection to
 * the database at db_path. The options are copied. */
void        cl_register_import_async  (const char            *db_path,
                                       const char            *path,
                                       const ClImportOptions *options,
                                       const char            *actor,
                                       ClImportProgressFunc   progress,
                                       gpointer               progress_data,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data);
/* On failure the result still holds the problems. */
gboolean    cl_register_import_finish (GAsyncResult          *res,
                                       ClImportResult        *result,
                                       GError               **error);

G_END_DECLS
