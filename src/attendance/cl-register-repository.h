/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "attendance/cl-register.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* Storage of registers (table register, one row per pupil, school and
 * academic year, marks as a BLOB of code ids) and of their change history
 * (table mark_change). Dates are ISO "YYYY-MM-DD". */

/* The stored register, or NULL with CL_ATTENDANCE_ERROR_NOT_FOUND. */
ClRegister *cl_register_load            (ClDatabase  *db,
                                         gint64       pupil_id,
                                         gint64       school_id,
                                         int          academic_year,
                                         GError     **error);
/* Every register of a pupil, all schools and years, ordered by year then school. */
GPtrArray  *cl_register_load_for_pupil  (ClDatabase  *db,
                                         gint64       pupil_id,
                                         GError     **error);
/* Every register held by a school for one academic year, ordered by pupil. */
GPtrArray  *cl_register_load_for_school (ClDatabase  *db,
                                         gint64       school_id,
                                         int          academic_year,
                                         GError     **error);

/* Changes one mark (code_id 0 clears it) in its own transaction (nested as a
 * savepoint when one is open): creates the register row if needed, records
 * the old and new code in mark_change and appends to the audit log. The code
 * must belong to the school's code set on that date (cl_code_set_for) and,
 * when the school has a calendar for the year, a code that counts toward
 * possible sessions is refused on a closed day (CL_ATTENDANCE_ERROR_CLOSED).
 * Setting the mark a session already has changes nothing. On failure the
 * database is left as it was. */
gboolean    cl_register_set_mark        (ClDatabase  *db,
                                         gint64       pupil_id,
                                         gint64       school_id,
                                         const char  *date,
                                         gboolean     pm,
                                         guint8       code_id,
                                         GError     **error);

/* Bulk writer for importers and the demo. Merges each register into the stored
 * row: a non-zero incoming mark replaces the stored one, a 0 ("no
 * information") leaves it. A brand-new row writes no mark_change rows; every
 * stored mark that is overwritten by a different one gets a mark_change row,
 * and each register that had marks overwritten one audit entry (importers
 * audit the import as a whole themselves). Every mark is checked against the
 * school's code set for its date. The caller should wrap the call in a
 * transaction with the rest of the import; if none is open one is used. */
gboolean    cl_register_store_many      (ClDatabase  *db,
                                         GPtrArray   *registers,
                                         GError     **error);

/* One recorded change of a mark. */
typedef struct
{
  gint64  id;
  gint64  pupil_id;
  gint64  school_id;
  int     academic_year;
  int     session_index;
  char   *date;           /* "YYYY-MM-DD" of the session */
  gboolean pm;
  guint8  old_code_id;    /* 0 = no mark */
  guint8  new_code_id;
  char   *changed_by;
  char   *changed_at;     /* UTC timestamp */
} ClMarkChange;

#define CL_TYPE_MARK_CHANGE (cl_mark_change_get_type ())
GType         cl_mark_change_get_type (void);
ClMarkChange *cl_mark_change_copy     (const ClMarkChange *change);
void          cl_mark_change_free     (ClMarkChange       *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClMarkChange, cl_mark_change_free)

/* The change history of one register, oldest first (ClMarkChange elements). */
GPtrArray    *cl_register_list_changes (ClDatabase  *db,
                                        gint64       pupil_id,
                                        gint64       school_id,
                                        int          academic_year,
                                        GError     **error);

G_END_DECLS
