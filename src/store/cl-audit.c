/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/cl-audit.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static char *
entry_hash (const char *prev_hash,
            const char *at,
            const char *actor,
            const char *action,
            const char *entity,
            gint64      entity_id,
            const char *detail)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entity_id);
  const char *parts[] = { prev_hash, at, actor, action, entity, id, detail };

  /* Length-prefix each field so that no two different entries hash alike. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      char len[16];
      g_snprintf (len, sizeof len, "%zu:", strlen (parts[i]));
      g_checksum_update (sum, (const guchar *) len, -1);
      g_checksum_update (sum, (const guchar *) parts[i], -1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
cl_audit_append (ClDatabase  *db,
                 const char  *action,
                 const char  *entity,
                 gint64       entity_id,
                 const char  *detail,
                 GError     **error)
{
  g_autofree char *prev = NULL;
  g_autofree char *at = cl_timestamp_now ();
  g_autofree char *hash = NULL;
  const char *actor = cl_database_get_actor (db);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);

  if (detail == NULL)
    detail = "";

  stmt = cl_database_prepare (db, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    prev = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    prev = g_strdup (GENESIS_HASH);
  sqlite3_reset (stmt);

  hash = entry_hash (prev, at, actor, action, entity, entity_id, detail);

  stmt = cl_database_prepare (db,
                              "INSERT INTO audit_log (at, actor, action, entity, entity_id, "
                              "detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, entity_id);
  sqlite3_bind_text (stmt, 6, detail, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, prev, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, hash, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not write to the audit log"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
cl_audit_verify (ClDatabase  *db,
                 gint64      *n_entries,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *prev = g_strdup (GENESIS_HASH);
  gint64 count = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);

  if (sqlite3_prepare_v2 (cl_database_get_handle (db),
                          "SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash "
                          "FROM audit_log ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      cl_database_set_error (db, error, _("Could not read the audit log"));
      return FALSE;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *stored_prev = (const char *) sqlite3_column_text (stmt, 7);
      const char *stored_hash = (const char *) sqlite3_column_text (stmt, 8);
      g_autofree char *expected = NULL;

      expected = entry_hash (prev,
                             (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             (const char *) sqlite3_column_text (stmt, 3),
                             (const char *) sqlite3_column_text (stmt, 4),
                             sqlite3_column_int64 (stmt, 5),
                             (const char *) sqlite3_column_text (stmt, 6));
      if (g_strcmp0 (stored_prev, prev) != 0 || g_strcmp0 (stored_hash, expected) != 0)
        {
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INTEGRITY,
                       _("The audit log has been altered at entry %lld: its hash does not "
                         "follow from the entries before it."),
                       (long long) id);
          ok = FALSE;
          break;
        }
      g_free (prev);
      prev = g_strdup (stored_hash);
      count++;
    }
  sqlite3_finalize (stmt);

  if (n_entries != NULL)
    *n_entries = count;
  return ok;
}
