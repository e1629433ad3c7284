/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The statistical category of a code (DOMAIN.md §1): present, approved
 * educational activity (counted as attendance), authorised or unauthorised
 * absence — these four make up the possible sessions — and codes that are not
 * counted at all. NONE is the "-" placeholder for a session not yet marked. */
typedef enum
{
  CL_ATTENDANCE_CATEGORY_NONE,
  CL_ATTENDANCE_CATEGORY_PRESENT,
  CL_ATTENDANCE_CATEGORY_AEA,
  CL_ATTENDANCE_CATEGORY_AUTHORISED,
  CL_ATTENDANCE_CATEGORY_UNAUTHORISED,
  CL_ATTENDANCE_CATEGORY_NOT_COUNTED,
  CL_ATTENDANCE_CATEGORY_ADMIN,
} ClAttendanceCategory;

#define CL_N_ATTENDANCE_CATEGORIES 7

#define CL_TYPE_ATTENDANCE_CATEGORY (cl_attendance_category_get_type ())
GType        cl_attendance_category_get_type        (void);
/* The database spelling: "present", "aea", "authorised", "unauthorised",
 * "not_counted", "admin", "none". */
const char  *cl_attendance_category_to_string       (ClAttendanceCategory  category);
gboolean     cl_attendance_category_from_string     (const char           *text,
                                                     ClAttendanceCategory *out_category);
/* A translated label for display, e.g. "Unauthorised absence". */
const char  *cl_attendance_category_get_label       (ClAttendanceCategory  category);
gboolean     cl_attendance_category_counts_possible (ClAttendanceCategory  category);

/* Code sets. */
#define CL_CODE_SET_ENGLAND_2024 "england_2024"
#define CL_CODE_SET_ENGLAND_2006 "england_2006"
#define CL_CODE_SET_WALES_2010   "wales_2010"
/* England 2024 codes apply from this date; the 2006 set up to the day before. */
#define CL_ENGLAND_2024_FROM     "2024-08-19"

#define CL_TYPE_ATTENDANCE_CODE (cl_attendance_code_get_type ())
G_DECLARE_FINAL_TYPE (ClAttendanceCode, cl_attendance_code, CL, ATTENDANCE_CODE, GObject)

/* The byte stored in registers (1..255). Stable forever. */
guint8                cl_attendance_code_get_id              (ClAttendanceCode *self);
const char           *cl_attendance_code_get_code_set        (ClAttendanceCode *self);
/* The letters as written in a register: "/", "G", "C1", "Y4" … */
const char           *cl_attendance_code_get_code            (ClAttendanceCode *self);
const char           *cl_attendance_code_get_meaning         (ClAttendanceCode *self);
ClAttendanceCategory  cl_attendance_code_get_category        (ClAttendanceCode *self);
const char           *cl_attendance_code_get_valid_from      (ClAttendanceCode *self);
const char           *cl_attendance_code_get_valid_to        (ClAttendanceCode *self);
gboolean              cl_attendance_code_is_valid_on         (ClAttendanceCode *self,
                                                              const char       *date);
gboolean              cl_attendance_code_get_counts_possible (ClAttendanceCode *self);
gboolean              cl_attendance_code_get_is_present      (ClAttendanceCode *self);
gboolean              cl_attendance_code_get_is_aea          (ClAttendanceCode *self);
gboolean              cl_attendance_code_get_is_authorised   (ClAttendanceCode *self);
gboolean              cl_attendance_code_get_is_unauthorised (ClAttendanceCode *self);
/* G, N, O, U: the sessions counted toward the penalty-notice threshold. */
gboolean              cl_attendance_code_get_counts_penalty  (ClAttendanceCode *self);
/* L and U. */
gboolean              cl_attendance_code_get_is_late         (ClAttendanceCode *self);
/* TRUE when the sources leave the category unverified (Q, X, Y…): the user may
 * change it with cl_code_table_set_category(). */
gboolean              cl_attendance_code_get_editable        (ClAttendanceCode *self);

G_END_DECLS
