/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One entry in a case's history: an allocation to an officer, a stage, or a
 * change of status (opened, closed, reopened …). Allocations and stages run
 * from from_date to to_date ("" while current); a status change has only
 * from_date, the day it took effect. Read-only; made by the repository. */
#define CL_TYPE_CASE_CHANGE (cl_case_change_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseChange, cl_case_change, CL, CASE_CHANGE, GObject)

typedef enum
{
  CL_CASE_CHANGE_ALLOCATION,
  CL_CASE_CHANGE_STAGE,
  CL_CASE_CHANGE_STATUS,
} ClCaseChangeKind;

ClCaseChangeKind  cl_case_change_get_kind           (ClCaseChange *self);
/* The stage or status id; for an allocation, the officer's name. */
const char       *cl_case_change_get_value          (ClCaseChange *self);
/* A translated label of the value (the officer's name for an allocation). */
const char       *cl_case_change_get_label          (ClCaseChange *self);
/* For an allocation, the officer. */
gint64            cl_case_change_get_officer_id     (ClCaseChange *self);
const char       *cl_case_change_get_from_date      (ClCaseChange *self);
const char       *cl_case_change_get_to_date        (ClCaseChange *self);
/* Who made the change (the database actor) and when (UTC timestamp). */
const char       *cl_case_change_get_changed_by     (ClCaseChange *self);
const char       *cl_case_change_get_changed_at     (ClCaseChange *self);
const char       *cl_case_change_get_reason         (ClCaseChange *self);
/* For a closure: its reason id and outcome ("" otherwise). */
const char       *cl_case_change_get_closure_reason (ClCaseChange *self);
const char       *cl_case_change_get_outcome        (ClCaseChange *self);

G_END_DECLS
