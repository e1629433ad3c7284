/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define CL_STORE_ERROR (cl_store_error_quark ())

typedef enum
{
  CL_STORE_ERROR_OPEN,          /* the file could not be opened or created */
  CL_STORE_ERROR_NOT_CASELOAD,  /* the file is not a Caseload database */
  CL_STORE_ERROR_TOO_NEW,       /* written by a newer Caseload */
  CL_STORE_ERROR_MIGRATION,     /* a schema migration failed */
  CL_STORE_ERROR_SQL,           /* a statement failed */
  CL_STORE_ERROR_CONSTRAINT,    /* a uniqueness, foreign-key or check rule was broken */
  CL_STORE_ERROR_NOT_FOUND,     /* no row with that id */
  CL_STORE_ERROR_INTEGRITY,     /* integrity check or audit chain failed */
  CL_STORE_ERROR_BACKUP,        /* online backup failed */
} ClStoreError;

GQuark cl_store_error_quark (void);

/* The application_id written at offset 68 of every Caseload file: "CLDB". */
#define CL_DATABASE_APPLICATION_ID 0x434C4442

#define CL_TYPE_DATABASE (cl_database_get_type ())
G_DECLARE_FINAL_TYPE (ClDatabase, cl_database, CL, DATABASE, GObject)

typedef gboolean (*ClTransactionFunc) (ClDatabase *db,
                                       gpointer    user_data,
                                       GError    **error);

ClDatabase   *cl_database_open                 (const char  *path,
                                                GError     **error);
ClDatabase   *cl_database_open_memory          (GError     **error);
char         *cl_database_default_path         (void);
const char   *cl_database_get_path             (ClDatabase  *self);
sqlite3      *cl_database_get_handle           (ClDatabase  *self);
int           cl_database_get_schema_version   (ClDatabase  *self);
int           cl_database_latest_schema_version (void);

const char   *cl_database_get_actor            (ClDatabase  *self);
void          cl_database_set_actor            (ClDatabase  *self,
                                                const char  *actor);

/* Statements are prepared once per connection and cached; the returned
 * statement is reset and its bindings cleared. Do not finalize it. */
sqlite3_stmt *cl_database_prepare              (ClDatabase  *self,
                                                const char  *sql,
                                                GError     **error);
gboolean      cl_database_exec                 (ClDatabase  *self,
                                                const char  *sql,
                                                GError     **error);
/* Turns the connection's last error into a GError in CL_STORE_ERROR. */
void          cl_database_set_error            (ClDatabase  *self,
                                                GError     **error,
                                                const char  *what);

/* Transactions nest (inner levels are savepoints). A failed commit rolls
 * back. run_in_transaction commits when func returns TRUE and rolls back
 * (leaving the database as it was) when it returns FALSE. */
gboolean      cl_database_begin                (ClDatabase  *self,
                                                GError     **error);
gboolean      cl_database_commit               (ClDatabase  *self,
                                                GError     **error);
void          cl_database_rollback             (ClDatabase  *self);
gboolean      cl_database_in_transaction       (ClDatabase  *self);
gboolean      cl_database_run_in_transaction   (ClDatabase        *self,
                                                ClTransactionFunc  func,
                                                gpointer           user_data,
                                                GError           **error);

/* A commit copies the write-ahead log back into the database file once it
 * passes about 4 MB, which for a large write (a mail merge's PDFs) is
 * most of the commit's time. While deferred, commits on this connection
 * leave that to cl_database_checkpoint, to another connection's commit or
 * to closing the last connection. */
void          cl_database_defer_checkpoints    (ClDatabase  *self,
                                                gboolean     defer);
/* Copies what it can of the write-ahead log into the database file without
 * waiting for readers or writers (a passive checkpoint). */
gboolean      cl_database_checkpoint           (ClDatabase  *self,
                                                GError     **error);

gboolean      cl_database_backup               (ClDatabase  *self,
                                                const char  *dest_path,
                                                GError     **error);
/* Runs PRAGMA integrity_check, foreign_key_check and verifies the audit chain.
 * On failure the error message lists the problems found. */
gboolean      cl_database_check                (ClDatabase  *self,
                                                GError     **error);

char         *cl_database_get_setting          (ClDatabase  *self,
                                                const char  *key);
gboolean      cl_database_set_setting          (ClDatabase  *self,
                                                const char  *key,
                                                const char  *value,
                                                GError     **error);

/* Current time as a UTC ISO-8601 timestamp, e.g. 2025-09-04T08:15:00Z. */
char         *cl_timestamp_now                 (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_reset)

G_END_DECLS
