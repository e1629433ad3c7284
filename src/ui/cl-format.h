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

G_END_DECLS
