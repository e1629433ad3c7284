/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-mileage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "casework/cl-casework-error.h"
#include "casework/cl-mileage.h"

ClMileageEntry *
cl_mileage_entry_copy (const ClMileageEntry *entry)
{
  ClMileageEntry *copy = g_new (ClMileageEntry, 1);

  *copy = *entry;
  copy->date = g_strdup (entry->date);
  copy->time = g_strdup (entry->time);
  copy->event_type = g_strdup (entry->event_type);
  return copy;
}

void
cl_mileage_entry_free (ClMileageEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->date);
  g_free (entry->time);
  g_free (entry->event_type);
  g_free (entry);
}

G_DEFINE_BOXED_TYPE (ClMileageEntry, cl_mileage_entry, cl_mileage_entry_copy,
                     cl_mileage_entry_free)

static gboolean
parse_month (const char *month,
             int        *year,
             int        *mon)
{
  if (month == NULL || strlen (month) != 7 || month[4] != '-')
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (month[i]))
      return FALSE;
  *year = atoi (month);
  *mon = atoi (month + 5);
  return *year >= 1990 && *mon >= 1 && *mon <= 12;
}

GPtrArray *
cl_mileage_for_month (ClDatabase  *db,
                      gint64       officer_id,
                      const char  *month,
                      int         *out_total_tenths,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_mileage_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char from[11], to[11];
  int year, mon, total = 0, rc;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);

  if (!parse_month (month, &year, &mon))
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID,
                   _("Month: “%s” is not a month (use YYYY-MM, e.g. 2025-10)."),
                   month != NULL ? month : "");
      return NULL;
    }
  stmt = cl_database_prepare (db, "SELECT 1 FROM officer WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, officer_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_NOT_FOUND,
                   _("Officer: there is no officer %lld."), (long long) officer_id);
      return NULL;
    }
  sqlite3_reset (stmt);

  g_snprintf (from, sizeof from, "%04d-%02d-01", year, mon);
  g_snprintf (to, sizeof to, "%04d-%02d-%02d", year, mon,
              g_date_get_days_in_month ((GDateMonth) mon, (GDateYear) year));
  stmt = cl_database_prepare (db,
                              "SELECT occurred_on, occurred_time, case_id, id, type, miles_tenths"
                              " FROM case_event WHERE officer_id = ? AND occurred_on BETWEEN ? AND ?"
                              " AND miles_tenths > 0"
                              " ORDER BY occurred_on, coalesce (occurred_time, ''), id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, officer_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClMileageEntry *e = g_new0 (ClMileageEntry, 1);
      const char *time = (const char *) sqlite3_column_text (stmt, 1);

      e->date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      e->time = g_strdup (time != NULL ? time : "");
      e->case_id = sqlite3_column_int64 (stmt, 2);
      e->event_id = sqlite3_column_int64 (stmt, 3);
      e->event_type = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      e->miles_tenths = sqlite3_column_int (stmt, 5);
      total += e->miles_tenths;
      g_ptr_array_add (entries, e);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the mileage"));
      return NULL;
    }
  if (out_total_tenths != NULL)
    *out_total_tenths = total;
  return g_steal_pointer (&entries);
}

gboolean
cl_miles_parse (const char *text,
                int        *out_tenths)
{
  const char *p = text;
  gint64 whole = 0;
  int tenths = 0, digits = 0;
  gboolean round_up = FALSE;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isdigit (*p) && !(*p == '.' && g_ascii_isdigit (p[1])))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > 100000)
        return FALSE;
    }
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++, digits++)
        {
          if (digits == 0)
            tenths = *p - '0';
          else if (digits == 1)
            round_up = *p >= '5';
        }
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;
  *out_tenths = (int) whole * 10 + tenths + (round_up ? 1 : 0);
  return TRUE;
}

char *
cl_miles_format (int tenths)
{
  return g_strdup_printf ("%s%d.%d", tenths < 0 ? "-" : "", ABS (tenths) / 10, ABS (tenths) % 10);
}
