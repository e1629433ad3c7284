/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-database"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "store/cl-database.h"
#include "store/cl-audit.h"
#include "cl-core-resources.h"

G_DEFINE_QUARK (cl-store-error-quark, cl_store_error)

/* Migrations live in the core GResource, numbered from 1. Each is applied in
 * its own transaction together with the user_version bump, so a failed
 * migration leaves the file at the previous version. */
static const char *const migrations[] = {
  "0001-foundation.sql",
  "0002-attendance.sql",
  "0003-casework.sql",
  "0004-documents.sql",
  "0005-indexes.sql",
};

struct _ClDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *actor;
  GHashTable *statements;   /* const char *sql (interned) → sqlite3_stmt * */
  int         tx_depth;
  int         schema_version;
};

G_DEFINE_FINAL_TYPE (ClDatabase, cl_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_ACTOR,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
cl_database_finalize (GObject *object)
{
  ClDatabase *self = CL_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->actor);

  G_OBJECT_CLASS (cl_database_parent_class)->finalize (object);
}

static void
cl_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ClDatabase *self = CL_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_database_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ClDatabase *self = CL_DATABASE (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      cl_database_set_actor (self, g_value_get_string (value));
      break;
    case PROP_PATH:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_database_class_init (ClDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_database_finalize;
  object_class->get_property = cl_database_get_property;
  object_class->set_property = cl_database_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
cl_database_init (ClDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->actor = g_strdup ("system");
}

char *
cl_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
cl_database_set_error (ClDatabase  *self,
                       GError     **error,
                       const char  *what)
{
  int code = sqlite3_extended_errcode (self->db);
  int store_code = (code & 0xff) == SQLITE_CONSTRAINT ? CL_STORE_ERROR_CONSTRAINT
                                                      : CL_STORE_ERROR_SQL;

  g_set_error (error, CL_STORE_ERROR, store_code, "%s: %s", what, sqlite3_errmsg (self->db));
}

sqlite3_stmt *
cl_database_prepare (ClDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  const char *key;

  g_return_val_if_fail (CL_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  key = g_intern_string (sql);
  stmt = g_hash_table_lookup (self->statements, key);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      cl_database_set_error (self, error, _("Could not prepare a database statement"));
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) key, stmt);
  return stmt;
}

gboolean
cl_database_exec (ClDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  char *msg = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      int code = sqlite3_extended_errcode (self->db);
      g_set_error (error, CL_STORE_ERROR,
                   (code & 0xff) == SQLITE_CONSTRAINT ? CL_STORE_ERROR_CONSTRAINT
                                                      : CL_STORE_ERROR_SQL,
                   "%s", msg != NULL ? msg : sqlite3_errmsg (self->db));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_database_begin (ClDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (self), FALSE);

  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT cl_sp_%d", self->tx_depth);

  if (!cl_database_exec (self, sql, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

gboolean
cl_database_commit (ClDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE cl_sp_%d", self->tx_depth - 1);

  if (!cl_database_exec (self, sql, error))
    {
      cl_database_rollback (self);
      return FALSE;
    }
  self->tx_depth--;
  return TRUE;
}

void
cl_database_rollback (ClDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (CL_IS_DATABASE (self));
  g_return_if_fail (self->tx_depth > 0);

  if (self->tx_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO cl_sp_%d; RELEASE cl_sp_%d",
                           self->tx_depth - 1, self->tx_depth - 1);

  /* A ROLLBACK can only fail when SQLite already rolled back by itself. */
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK && self->tx_depth == 1)
    g_debug ("rollback after automatic rollback");
  self->tx_depth--;
}

gboolean
cl_database_in_transaction (ClDatabase *self)
{
  g_return_val_if_fail (CL_IS_DATABASE (self), FALSE);
  return self->tx_depth > 0;
}

void
cl_database_defer_checkpoints (ClDatabase *self,
                               gboolean    defer)
{
  g_return_if_fail (CL_IS_DATABASE (self));
  /* 1000 pages is SQLite's default. */
  sqlite3_wal_autocheckpoint (self->db, defer ? 0 : 1000);
}

gboolean
cl_database_checkpoint (ClDatabase  *self,
                        GError     **error)
{
  g_return_val_if_fail (CL_IS_DATABASE (self), FALSE);
  return cl_database_exec (self, "PRAGMA wal_checkpoint(PASSIVE)", error);
}

gboolean
cl_database_run_in_transaction (ClDatabase        *self,
                                ClTransactionFunc  func,
                                gpointer           user_data,
                                GError           **error)
{
  g_return_val_if_fail (CL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!cl_database_begin (self, error))
    return FALSE;
  if (!func (self, user_data, error))
    {
      cl_database_rollback (self);
      return FALSE;
    }
  return cl_database_commit (self, error);
}

/* --- opening ----------------------------------------------------------- */

typedef enum {
  HEADER_NEW,        /* no file, or an empty one */
  HEADER_CASELOAD,
  HEADER_REFUSED,
} HeaderVerdict;

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads the 100-byte SQLite header ourselves, before SQLite opens the file,
 * so that a file we refuse is never touched (no journal mode change, no WAL
 * file, no schema read that could trigger recovery). */
static HeaderVerdict
inspect_header (const char  *path,
                int         *out_version,
                GError     **error)
{
  guint8 header[100];
  FILE *fp;
  size_t n;
  guint32 app_id;

  *out_version = 0;
  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      if (errno == ENOENT)
        return HEADER_NEW;
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), path, g_strerror (errno));
      return HEADER_REFUSED;
    }
  n = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n == 0)
    return HEADER_NEW;
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_CASELOAD,
                   _("“%s” is not a Caseload database (it is not an SQLite file). "
                     "It has been left unchanged."), path);
      return HEADER_REFUSED;
    }

  app_id = read_be32 (header + 68);
  if (app_id != CL_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_CASELOAD,
                   _("“%s” is an SQLite database but not a Caseload one. "
                     "It has been left unchanged."), path);
      return HEADER_REFUSED;
    }

  *out_version = (int) read_be32 (header + 60);
  if (*out_version > (int) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Caseload (schema %d; this "
                     "version understands up to %d). Update Caseload to open it; the file "
                     "has been left unchanged."),
                   path, *out_version, (int) G_N_ELEMENTS (migrations));
      return HEADER_REFUSED;
    }
  return HEADER_CASELOAD;
}

static int
query_int (ClDatabase *self,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
apply_migrations (ClDatabase  *self,
                  GError     **error)
{
  int current = query_int (self, "PRAGMA user_version");

  for (int i = current; i < (int) G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *resource = g_strconcat ("/io/github/caseload/Caseload/core/migrations/",
                                               migrations[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *bump = NULL;

      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes == NULL)
        {
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_MIGRATION,
                       _("Schema migration %d is missing from this build: %s"),
                       i + 1, local_error->message);
          return FALSE;
        }
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      bump = g_strdup_printf ("PRAGMA user_version = %d", i + 1);

      if (!cl_database_begin (self, error))
        return FALSE;
      if (!cl_database_exec (self, sql, &local_error) || !cl_database_exec (self, bump, &local_error))
        {
          cl_database_rollback (self);
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_MIGRATION,
                       _("Could not upgrade the database to schema %d: %s"),
                       i + 1, local_error->message);
          return FALSE;
        }
      if (!cl_database_commit (self, error))
        return FALSE;
    }

  self->schema_version = (int) G_N_ELEMENTS (migrations);
  return TRUE;
}

static ClDatabase *
open_connection (const char  *path,
                 gboolean     is_new,
                 GError     **error)
{
  g_autoptr(ClDatabase) self = g_object_new (CL_TYPE_DATABASE, NULL);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  g_autofree char *set_app_id = NULL;

  /* Referencing the resource keeps its constructor linked in from the static library. */
  (void) cl_core_get_resource ();

  if (is_new)
    flags |= SQLITE_OPEN_CREATE;
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"), path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  if (is_new)
    {
      set_app_id = g_strdup_printf ("PRAGMA application_id = %d", CL_DATABASE_APPLICATION_ID);
      if (!cl_database_exec (self, set_app_id, error))
        return NULL;
    }

  if (strcmp (path, ":memory:") != 0
      && !cl_database_exec (self, "PRAGMA journal_mode = WAL", error))
    return NULL;
  if (!cl_database_exec (self,
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA temp_store = MEMORY;"
                         "PRAGMA cache_size = -8000;",
                         error))
    return NULL;

  if (!apply_migrations (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

ClDatabase *
cl_database_open (const char  *path,
                  GError     **error)
{
  HeaderVerdict verdict;
  int version;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  verdict = inspect_header (path, &version, error);
  if (verdict == HEADER_REFUSED)
    return NULL;

  if (verdict == HEADER_NEW)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_OPEN,
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (errno));
          return NULL;
        }
    }

  return open_connection (path, verdict == HEADER_NEW, error);
}

ClDatabase *
cl_database_open_memory (GError **error)
{
  return open_connection (":memory:", TRUE, error);
}

char *
cl_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "caseload", "caseload.db", NULL);
}

const char *
cl_database_get_path (ClDatabase *self)
{
  g_return_val_if_fail (CL_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
cl_database_get_handle (ClDatabase *self)
{
  g_return_val_if_fail (CL_IS_DATABASE (self), NULL);
  return self->db;
}

int
cl_database_get_schema_version (ClDatabase *self)
{
  g_return_val_if_fail (CL_IS_DATABASE (self), 0);
  return self->schema_version;
}

int
cl_database_latest_schema_version (void)
{
  return (int) G_N_ELEMENTS (migrations);
}

const char *
cl_database_get_actor (ClDatabase *self)
{
  g_return_val_if_fail (CL_IS_DATABASE (self), NULL);
  return self->actor;
}

void
cl_database_set_actor (ClDatabase *self,
                       const char *actor)
{
  g_return_if_fail (CL_IS_DATABASE (self));

  if (actor == NULL)
    actor = "system";
  if (g_strcmp0 (self->actor, actor) == 0)
    return;
  g_free (self->actor);
  self->actor = g_strdup (actor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

/* --- backup and checks ----------------------------------------------------- */

gboolean
cl_database_backup (ClDatabase  *self,
                    const char  *dest_path,
                    GError     **error)
{
  g_autofree char *tmp_path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (CL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  /* Write beside the destination and rename, so a failed backup never leaves
   * a half-written file where a good one was. */
  tmp_path = g_strconcat (dest_path, ".partial", NULL);
  g_unlink (tmp_path);

  if (sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_BACKUP,
                   _("Could not create the backup “%s”: %s"), dest_path,
                   dest != NULL ? sqlite3_errmsg (dest) : g_strerror (ENOMEM));
      sqlite3_close (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_BACKUP,
                   _("Could not start the backup: %s"), sqlite3_errmsg (dest));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_BACKUP,
                   _("The backup to “%s” failed: %s"), dest_path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }
  /* A backup is a single self-contained file: no WAL beside it. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);

  if (g_rename (tmp_path, dest_path) != 0)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_BACKUP,
                   _("Could not move the backup into place at “%s”: %s"),
                   dest_path, g_strerror (errno));
      g_unlink (tmp_path);
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_database_check (ClDatabase  *self,
                   GError     **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) audit_error = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n_entries = 0;

  g_return_val_if_fail (CL_IS_DATABASE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      cl_database_set_error (self, error, _("Could not run the integrity check"));
      return FALSE;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s\n", line);
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (problems, _("Row %lld of table %s refers to a missing row in %s\n"),
                                (long long) sqlite3_column_int64 (stmt, 1),
                                sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
    }

  if (!cl_audit_verify (self, &n_entries, &audit_error))
    g_string_append_printf (problems, "%s\n", audit_error->message);

  if (problems->len > 0)
    {
      g_string_truncate (problems, problems->len - 1);
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INTEGRITY, "%s", problems->str);
      return FALSE;
    }
  return TRUE;
}

char *
cl_database_get_setting (ClDatabase *self,
                         const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (self), NULL);

  stmt = cl_database_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
cl_database_set_setting (ClDatabase  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (self), FALSE);

  stmt = cl_database_prepare (self,
                              "INSERT INTO setting (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (self, error, _("Could not save a setting"));
      return FALSE;
    }
  return TRUE;
}
