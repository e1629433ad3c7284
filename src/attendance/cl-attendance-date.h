/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates in the attendance API.
 *
 * Every public function takes and returns dates as ISO-8601 text, "YYYY-MM-DD"
 * (the form stored in the database). Hot loops work on day numbers instead:
 * a "julian" below is GDate's Julian day (1 = 1 January of year 1), so any
 * two julians subtract to a number of days and (julian - 1) % 7 is the
 * weekday with 0 = Monday.
 *
 * An academic year is named by the year it starts in (2025 = 2025/26) and
 * runs from 1 September to 31 August. Its sessions are numbered
 * (date - 1 September) * 2 + (PM ? 1 : 0), so 2025-09-04 PM is session 7.
 */

#define CL_REGISTER_MAX_SESSIONS 732  /* 366 days, two sessions each */

gboolean  cl_attendance_date_is_valid      (const char *date);
/* FALSE (and *out_julian untouched) unless date is a real YYYY-MM-DD date. */
gboolean  cl_attendance_date_to_julian     (const char *date,
                                            guint32    *out_julian);
char     *cl_attendance_date_from_julian   (guint32     julian);
/* 0 = Monday … 6 = Sunday. */
int       cl_attendance_julian_weekday     (guint32     julian);

/* The academic year a date falls in (Sept 1 boundary), or -1 if the date is invalid. */
int       cl_academic_year_for_date        (const char *date);
int       cl_academic_year_for_julian      (guint32     julian);
/* Julian of 1 September of the academic year. */
guint32   cl_academic_year_first_julian    (int         academic_year);
/* 730, or 732 when the year holds a 29 February. */
int       cl_academic_year_n_sessions      (int         academic_year);

/* Session index of date/pm in academic_year, or -1 when the date is invalid or
 * outside that year. */
int       cl_session_index                 (int         academic_year,
                                            const char *date,
                                            gboolean    pm);
/* Date of session index in academic_year (NULL when out of range); *out_pm
 * (may be NULL) receives whether it is the afternoon session. */
char     *cl_session_index_to_date         (int         academic_year,
                                            int         index,
                                            gboolean   *out_pm);
/* "2025-09-04 AM" / "2025-09-04 PM" (NULL when out of range). */
char     *cl_session_label                 (int         academic_year,
                                            int         index);

G_END_DECLS
