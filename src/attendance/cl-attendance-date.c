/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance"

#include "config.h"

#include <string.h>

#include "attendance/cl-attendance-date.h"

static gboolean
parse_digits (const char *p,
              int         n,
              int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

gboolean
cl_attendance_date_to_julian (const char *date,
                              guint32    *out_julian)
{
  int y, m, d;
  GDate gd;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  if (!parse_digits (date, 4, &y) || !parse_digits (date + 5, 2, &m)
      || !parse_digits (date + 8, 2, &d))
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (&gd, 1);
  g_date_set_dmy (&gd, d, m, y);
  if (out_julian != NULL)
    *out_julian = g_date_get_julian (&gd);
  return TRUE;
}

gboolean
cl_attendance_date_is_valid (const char *date)
{
  return cl_attendance_date_to_julian (date, NULL);
}

char *
cl_attendance_date_from_julian (guint32 julian)
{
  GDate gd;

  g_return_val_if_fail (g_date_valid_julian (julian), NULL);

  g_date_clear (&gd, 1);
  g_date_set_julian (&gd, julian);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&gd), g_date_get_month (&gd),
                          g_date_get_day (&gd));
}

int
cl_attendance_julian_weekday (guint32 julian)
{
  return (int) ((julian - 1) % 7);
}

int
cl_academic_year_for_julian (guint32 julian)
{
  GDate gd;
  int year;

  g_return_val_if_fail (g_date_valid_julian (julian), -1);

  g_date_clear (&gd, 1);
  g_date_set_julian (&gd, julian);
  year = g_date_get_year (&gd);
  return g_date_get_month (&gd) >= G_DATE_SEPTEMBER ? year : year - 1;
}

int
cl_academic_year_for_date (const char *date)
{
  guint32 j;

  if (!cl_attendance_date_to_julian (date, &j))
    return -1;
  return cl_academic_year_for_julian (j);
}

guint32
cl_academic_year_first_julian (int academic_year)
{
  GDate gd;

  g_return_val_if_fail (academic_year >= 1 && academic_year < 9999, 0);

  g_date_clear (&gd, 1);
  g_date_set_dmy (&gd, 1, G_DATE_SEPTEMBER, academic_year);
  return g_date_get_julian (&gd);
}

int
cl_academic_year_n_sessions (int academic_year)
{
  return g_date_is_leap_year (academic_year + 1) ? 732 : 730;
}

int
cl_session_index (int         academic_year,
                  const char *date,
                  gboolean    pm)
{
  guint32 j, first;

  if (academic_year < 1 || academic_year >= 9999 || !cl_attendance_date_to_julian (date, &j))
    return -1;
  first = cl_academic_year_first_julian (academic_year);
  if (j < first)
    return -1;
  if ((gint64) (j - first) * 2 + 1 >= cl_academic_year_n_sessions (academic_year))
    return -1;
  return (int) (j - first) * 2 + (pm ? 1 : 0);
}

char *
cl_session_index_to_date (int       academic_year,
                          int       index,
                          gboolean *out_pm)
{
  if (academic_year < 1 || academic_year >= 9999
      || index < 0 || index >= cl_academic_year_n_sessions (academic_year))
    return NULL;
  if (out_pm != NULL)
    *out_pm = (index & 1) != 0;
  return cl_attendance_date_from_julian (cl_academic_year_first_julian (academic_year)
                                         + (guint32) (index / 2));
}

char *
cl_session_label (int academic_year,
                  int index)
{
  gboolean pm;
  g_autofree char *date = cl_session_index_to_date (academic_year, index, &pm);

  if (date == NULL)
    return NULL;
  return g_strconcat (date, pm ? " PM" : " AM", NULL);
}
