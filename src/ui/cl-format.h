/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Small display helpers shared by the pages; no business rules here. */

/* "30,000": digits grouped in threes with the locale's separator, or a comma
 * where the locale has none (the C locale). */
char *cl_format_count     (guint       n);
/* "2014-03-07" → "07/03/2014", the form English schools write dates in.
 * Text that is not an ISO date is returned unchanged. */
char *cl_format_date      (const char *iso);
/* Today as "YYYY-MM-DD". */
char *cl_format_today_iso (void);
/* A percentage to one decimal place, as the DfE publishes them: "94.7%". */
char *cl_format_percent   (double      percent);
/* An academic year by its two calendar years: 2025 → "2025/26". */
char *cl_format_academic_year (int     academic_year);
/* "Thursday 4 September 2025" for an ISO date; the text itself otherwise. */
char *cl_format_long_date (const char *iso);

G_END_DECLS
