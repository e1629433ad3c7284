/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "attendance/cl-attendance-code.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* All attendance codes of all sets, loaded once. A GListModel of
 * ClAttendanceCode ordered by id. */
#define CL_TYPE_CODE_TABLE (cl_code_table_get_type ())
G_DECLARE_FINAL_TYPE (ClCodeTable, cl_code_table, CL, CODE_TABLE, GObject)

ClCodeTable      *cl_code_table_load         (ClDatabase           *db,
                                              GError              **error);
/* The code with this register byte, or NULL (0 = no mark, or an unknown id). */
ClAttendanceCode *cl_code_table_get          (ClCodeTable          *self,
                                              guint8                id);
/* The id of code (e.g. "G", "Y4") in code_set that is valid on date, or 0 when
 * there is none. date may be NULL to skip the validity check. */
guint8            cl_code_table_lookup       (ClCodeTable          *self,
                                              const char           *code_set,
                                              const char           *code,
                                              const char           *date);
/* As lookup, but explains a failure: CL_ATTENDANCE_ERROR_UNKNOWN_CODE or
 * CL_ATTENDANCE_ERROR_CODE_NOT_VALID (exists, but not on that date). */
guint8            cl_code_table_resolve      (ClCodeTable          *self,
                                              const char           *code_set,
                                              const char           *code,
                                              const char           *date,
                                              GError              **error);
/* Whether id may be entered on date in a register that uses code_set (0, "no
 * mark", always may). Fails with UNKNOWN_CODE or CODE_NOT_VALID. */
gboolean          cl_code_table_check        (ClCodeTable          *self,
                                              guint8                id,
                                              const char           *code_set,
                                              const char           *date,
                                              GError              **error);
/* A new list of the codes of one set, ordered by id. */
GListModel       *cl_code_table_list_set     (ClCodeTable          *self,
                                              const char           *code_set);
/* Changes the statistical category of an editable code (Q, X, Y…), in the
 * database (audited) and in this table. Refused with
 * CL_ATTENDANCE_ERROR_NOT_EDITABLE for any other code. */
gboolean          cl_code_table_set_category (ClCodeTable          *self,
                                              ClDatabase           *db,
                                              guint8                id,
                                              ClAttendanceCategory  category,
                                              GError              **error);

/* The code set a school's register uses on date: Welsh schools (country
 * "wales") wales_2010; English schools england_2024 from 2024-08-19 and
 * england_2006 before. */
const char       *cl_code_set_for            (const char           *country,
                                              const char           *date);

G_END_DECLS
