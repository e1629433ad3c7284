/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Date helpers shared by every area. Dates cross the API as ISO-8601 text
 * ("2025-09-04") or as GDate; academic years are named by the year in which
 * they start on 1 September (2025 means 2025/26). */

/* Parses "YYYY-MM-DD" or "DD/MM/YYYY" (the two forms school systems export).
 * Returns FALSE, leaving out untouched, if the text is not a real date. */
gboolean  cl_date_parse            (const char  *text,
                                    GDate       *out);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes) and returns buf. */
char     *cl_date_format_iso       (const GDate *date,
                                    char        *buf);
char     *cl_date_to_iso           (const GDate *date);
int       cl_academic_year_of      (const GDate *date);
/* Today, in local time; the environment variable CASELOAD_TODAY=YYYY-MM-DD
 * overrides it so that tests and demonstrations are reproducible. */
void      cl_date_today            (GDate       *out);
int       cl_current_academic_year (void);
/* National curriculum year in the academic year starting in September of
 * academic_year: Reception is 0, nursery -1, Year 1 is 1 …, from the date of
 * birth by the England and Wales cohort rule (1 September to 31 August). */
int       cl_nc_year_for           (const GDate *dob,
                                    int          academic_year);
/* "Reception", "Year 7", "Nursery", or "Year 14" for sixth form and above. */
char     *cl_nc_year_label         (int          nc_year);

G_END_DECLS
