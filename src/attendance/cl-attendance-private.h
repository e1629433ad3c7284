/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to src/attendance: not for other areas. */

#include "attendance/cl-attendance-code.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-register.h"
#include "attendance/cl-rule-hit.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* Per-code bits for the byte loops. */
enum {
  CL_MARK_POSSIBLE     = 1 << 0,
  CL_MARK_PRESENT      = 1 << 1,
  CL_MARK_AEA          = 1 << 2,
  CL_MARK_AUTHORISED   = 1 << 3,
  CL_MARK_UNAUTHORISED = 1 << 4,
  CL_MARK_LATE         = 1 << 5,
  CL_MARK_PENALTY      = 1 << 6,
  CL_MARK_UNCOUNTED    = 1 << 7,   /* not_counted, admin or none: a known code not counted */
  CL_MARK_CODE_N       = 1 << 8,   /* the letter N in any set */
  CL_MARK_CODE_I       = 1 << 9,   /* the letter I in any set */
  CL_MARK_KNOWN        = 1 << 10,  /* a code id that exists */
};

/* 256-entry lookup tables indexed by the register byte. Index 0 (no mark) and
 * unknown ids have flags 0. rank orders codes for merging two registers that
 * both hold a mark for one session (DOMAIN.md §1 note 3: present > AEA >
 * authorised > unauthorised > not counted). */
typedef struct {
  guint16 flags[256];
  guint8  category[256];
  guint8  rank[256];
} ClCodeMaps;

gboolean          cl_code_maps_load              (ClDatabase         *db,
                                                  ClCodeMaps         *maps,
                                                  GError            **error);
void              cl_code_table_fill_maps        (ClCodeTable        *self,
                                                  ClCodeMaps         *maps);

ClAttendanceCode *cl_attendance_code_new         (guint8               id,
                                                  const char          *code_set,
                                                  const char          *code,
                                                  const char          *meaning,
                                                  ClAttendanceCategory category,
                                                  const char          *valid_from,
                                                  const char          *valid_to,
                                                  gboolean             counts_penalty,
                                                  gboolean             is_late,
                                                  gboolean             editable);
void              cl_attendance_code_set_category (ClAttendanceCode    *self,
                                                   ClAttendanceCategory category);

/* Mutable access to a register's 732-byte buffer for the bulk writers. */
guint8           *cl_register_get_buffer         (ClRegister          *self);
void              cl_register_set_n_marks        (ClRegister          *self,
                                                  guint                n_marks);

ClRuleHit        *cl_rule_hit_new                (const char          *rule_id,
                                                  gint64               pupil_id,
                                                  gint64               school_id,
                                                  const char          *since,
                                                  guint                sessions,
                                                  const char          *window_start,
                                                  const char          *window_end,
                                                  GStrv                dates,
                                                  GStrv                session_labels,
                                                  const char          *description);

G_END_DECLS
