/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-dates"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/cl-dates.h"

static gboolean
all_digits (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
cl_date_parse (const char *text,
               GDate      *out)
{
  int y, m, d;

  g_return_val_if_fail (out != NULL, FALSE);
  if (text == NULL)
    return FALSE;

  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-'
      && all_digits (text, 4) && all_digits (text + 5, 2) && all_digits (text + 8, 2))
    {
      y = atoi (text);
      m = atoi (text + 5);
      d = atoi (text + 8);
    }
  else if (strlen (text) == 10 && text[2] == '/' && text[5] == '/'
           && all_digits (text, 2) && all_digits (text + 3, 2) && all_digits (text + 6, 4))
    {
      d = atoi (text);
      m = atoi (text + 3);
      y = atoi (text + 6);
    }
  else
    return FALSE;

  if (y < 1900 || y > 2200 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

char *
cl_date_format_iso (const GDate *date,
                    char        *buf)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_snprintf (buf, 11, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  return buf;
}

char *
cl_date_to_iso (const GDate *date)
{
  char buf[11];
  return g_strdup (cl_date_format_iso (date, buf));
}

int
cl_academic_year_of (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);
  return g_date_get_month (date) >= G_DATE_SEPTEMBER ? g_date_get_year (date)
                                                     : g_date_get_year (date) - 1;
}

void
cl_date_today (GDate *out)
{
  const char *fixed = g_getenv ("CASELOAD_TODAY");

  if (fixed != NULL && cl_date_parse (fixed, out))
    return;
  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

int
cl_current_academic_year (void)
{
  GDate today;
  cl_date_today (&today);
  return cl_academic_year_of (&today);
}

int
cl_nc_year_for (const GDate *dob,
                int          academic_year)
{
  int cohort;

  g_return_val_if_fail (dob != NULL && g_date_valid (dob), 0);
  /* Children born 1 September Y to 31 August Y+1 form cohort Y and start
   * Reception in the academic year that begins in September Y+5. */
  cohort = cl_academic_year_of (dob);
  return academic_year - cohort - 5;
}

char *
cl_nc_year_label (int nc_year)
{
  if (nc_year < 0)
    return g_strdup (_("Nursery"));
  if (nc_year == 0)
    return g_strdup (_("Reception"));
  return g_strdup_printf (_("Year %d"), nc_year);
}
