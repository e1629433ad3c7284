/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One attendance rule that a pupil's registers meet on a date (see
 * cl-rules.h and docs/attendance-rules.md). Dates are ISO "YYYY-MM-DD". */
#define CL_TYPE_RULE_HIT (cl_rule_hit_get_type ())
G_DECLARE_FINAL_TYPE (ClRuleHit, cl_rule_hit, CL, RULE_HIT, GObject)

/* CL_RULE_CONTINUOUS_10_DAYS, CL_RULE_PENALTY_THRESHOLD, CL_RULE_UNRESOLVED_N or
 * CL_RULE_ILLNESS_15_DAYS. */
const char         *cl_rule_hit_get_rule_id        (ClRuleHit *self);
gint64              cl_rule_hit_get_pupil_id       (ClRuleHit *self);
/* The school of the pupil's most recent mark on or before the date (0 if none). */
gint64              cl_rule_hit_get_school_id      (ClRuleHit *self);
/* The first date of what triggered the rule. */
const char         *cl_rule_hit_get_since          (ClRuleHit *self);
/* Number of triggering sessions. */
guint               cl_rule_hit_get_sessions       (ClRuleHit *self);
const char         *cl_rule_hit_get_window_start   (ClRuleHit *self);
const char         *cl_rule_hit_get_window_end     (ClRuleHit *self);
/* The distinct dates holding triggering sessions, oldest first. */
const char * const *cl_rule_hit_get_dates          (ClRuleHit *self);
/* Each triggering session as "YYYY-MM-DD AM" / "YYYY-MM-DD PM", oldest first. */
const char * const *cl_rule_hit_get_session_labels (ClRuleHit *self);
/* A translated one-line explanation for lists and letters. */
const char         *cl_rule_hit_get_description    (ClRuleHit *self);

G_END_DECLS
