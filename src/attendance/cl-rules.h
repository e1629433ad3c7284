/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "attendance/cl-code-table.h"
#include "attendance/cl-rule-hit.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* Attendance rules, evaluated "as on" a date over the marks held on or before
 * it. docs/attendance-rules.md gives the exact reading of each. A "school
 * day" is a day on which the pupil's registers hold at least one mark that
 * counts toward possible sessions; a "school week" is a Monday–Sunday week
 * holding at least one such mark. Registers of the academic year of the date
 * and the one before it are read; a pupil with registers at several schools
 * has them merged session by session (present > AEA > authorised >
 * unauthorised > not counted). */

#define CL_RULE_CONTINUOUS_10_DAYS "continuous_10_days"
#define CL_RULE_PENALTY_THRESHOLD  "penalty_threshold"
#define CL_RULE_UNRESOLVED_N       "unresolved_n"
#define CL_RULE_ILLNESS_15_DAYS    "illness_15_days"

/* Continuous unauthorised absence that must be reported to the LA. */
#define CL_CONTINUOUS_ABSENCE_DAYS     10
/* Penalty-notice threshold: sessions coded G, N, O or U … */
#define CL_PENALTY_THRESHOLD_SESSIONS  10
/* … within this many rolling school weeks. */
#define CL_PENALTY_WINDOW_SCHOOL_WEEKS 10
/* An N must be replaced within this many school days. */
#define CL_N_RESOLVE_SCHOOL_DAYS       5
/* Sickness return: 15 days' worth of sessions coded I (two sessions a day),
 * cumulative within the academic year. */
#define CL_ILLNESS_THRESHOLD_SESSIONS  30

/* The rules one pupil meets on on_date: a GPtrArray of ClRuleHit, in the
 * order continuous, penalty, unresolved N, illness. */
GPtrArray *cl_rules_evaluate_pupil     (ClDatabase   *db,
                                        gint64        pupil_id,
                                        const char   *on_date,
                                        GError      **error);
/* The same on registers already in memory (all of one pupil; registers of
 * academic years other than on_date's and the one before are ignored). */
GPtrArray *cl_rules_evaluate_registers (ClCodeTable  *codes,
                                        GPtrArray    *registers,
                                        const char   *on_date,
                                        GError      **error);
/* Every hit of every pupil in one scan of the registers, ordered by pupil.
 * With school_id != 0, only pupils whose most recent mark is at that school
 * (a hit's school-id). Soft-deleted pupils are left out. */
GPtrArray *cl_rules_alerts             (ClDatabase   *db,
                                        const char   *on_date,
                                        gint64        school_id,
                                        GError      **error);

/* The penalty-notice window for one pupil on on_date, whether or not the
 * threshold is met: the G, N, O and U sessions in the last
 * CL_PENALTY_WINDOW_SCHOOL_WEEKS school weeks up to on_date, and the Monday
 * the window starts (the week of on_date when there are no marks). The
 * threshold is met when *out_sessions >= CL_PENALTY_THRESHOLD_SESSIONS. */
gboolean   cl_rules_penalty_check      (ClDatabase   *db,
                                        gint64        pupil_id,
                                        const char   *on_date,
                                        guint        *out_sessions,
                                        char        **out_window_start,
                                        GError      **error);

G_END_DECLS
