/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "store/cl-dates.h"
#include "ui/cl-format.h"

char *
cl_format_count (guint n)
{
  const struct lconv *lc = localeconv ();
  const char *sep = (lc->thousands_sep != NULL && *lc->thousands_sep != '\0')
                      ? lc->thousands_sep : ",";
  char digits[16];
  GString *out = g_string_new (NULL);
  gsize len;

  g_snprintf (digits, sizeof digits, "%u", n);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
cl_format_date (const char *iso)
{
  GDate date;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (strlen (iso) != 10 || iso[4] != '-' || !cl_date_parse (iso, &date))
    return g_strdup (iso);
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&date),
                          (guint) g_date_get_month (&date), g_date_get_year (&date));
}

char *
cl_format_today_iso (void)
{
  GDate today;

  cl_date_today (&today);
  return cl_date_to_iso (&today);
}

char *
cl_format_percent (double percent)
{
  /* Translators: a percentage to one decimal place, e.g. "94.7%". */
  return g_strdup_printf (_("%.1f%%"), percent);
}

char *
cl_format_academic_year (int academic_year)
{
  return g_strdup_printf ("%d/%02d", academic_year, (academic_year + 1) % 100);
}

char *
cl_format_long_date (const char *iso)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || !cl_date_parse (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  /* Translators: a long date, strftime style: "Thursday 4 September 2025". */
  return g_date_time_format (dt, _("%A %-d %B %Y"));
}
