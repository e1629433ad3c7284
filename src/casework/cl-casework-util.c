/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-casework"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-register.h"
#include "casework/cl-casework-private.h"
#include "store/cl-dates.h"

/* Helpers shared inside src/casework (cl-casework-private.h). */

char *
cl_casework_ids_json (GArray *ids)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

GHashTable *
cl_casework_load_registers (ClDatabase  *db,
                            GArray      *pupil_ids,
                            int          year_from,
                            int          year_to,
                            GError     **error)
{
  g_autoptr(GHashTable) by_pupil = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *ids = cl_casework_ids_json (pupil_ids);
  int rc;

  stmt = cl_database_prepare (db,
                              "SELECT pupil_id, school_id, academic_year, marks FROM register"
                              " WHERE pupil_id IN (SELECT value FROM json_each (?1))"
                              " AND academic_year BETWEEN ?2 AND ?3"
                              " ORDER BY pupil_id, academic_year, school_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year_from);
  sqlite3_bind_int (stmt, 3, year_to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pupil_id = sqlite3_column_int64 (stmt, 0);
      int year = sqlite3_column_int (stmt, 2);
      const guint8 *marks = sqlite3_column_blob (stmt, 3);
      gsize n = MIN ((gsize) sqlite3_column_bytes (stmt, 3),
                     (gsize) cl_academic_year_n_sessions (year));
      ClRegister *reg = cl_register_new_from_data (pupil_id, sqlite3_column_int64 (stmt, 1), year,
                                                   marks, marks != NULL ? n : 0);
      GPtrArray *list = g_hash_table_lookup (by_pupil, &pupil_id);

      if (reg == NULL)
        continue;
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_pupil, g_memdup2 (&pupil_id, sizeof pupil_id), list);
        }
      g_ptr_array_add (list, reg);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the registers"));
      return NULL;
    }
  return g_steal_pointer (&by_pupil);
}

char *
cl_casework_today (char *buf)
{
  GDate today;

  cl_date_today (&today);
  return cl_date_format_iso (&today, buf);
}

char *
cl_casework_add_days (const char *date,
                      int         days,
                      char       *buf)
{
  GDate d;

  if (!cl_date_parse (date, &d))
    {
      g_strlcpy (buf, date, 11);
      return buf;
    }
  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return cl_date_format_iso (&d, buf);
}
