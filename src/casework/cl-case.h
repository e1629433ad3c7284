/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One case: a referral about a child, or several children of one family,
 * worked by an allocated officer through stages until it is closed. Ids of
 * status, stage, source, reasons and closure reason are those of
 * cl-casework-vocab.h. Dates are ISO "YYYY-MM-DD".
 *
 * The fields a new case needs (pupils, referral date, source, reasons,
 * officer, notes) are set here and saved with cl_case_repository_create();
 * status, stage, closure and the display fields (title, officer and school
 * names) are read-only and filled by the repository. */
#define CL_TYPE_CASE (cl_case_get_type ())
G_DECLARE_FINAL_TYPE (ClCase, cl_case, CL, CASE, GObject)

ClCase             *cl_case_new                    (void);

gint64              cl_case_get_id                 (ClCase      *self);

const char         *cl_case_get_referral_date      (ClCase      *self);
void                cl_case_set_referral_date      (ClCase      *self,
                                                    const char  *date);
const char         *cl_case_get_source             (ClCase      *self);
void                cl_case_set_source             (ClCase      *self,
                                                    const char  *source);
const char         *cl_case_get_notes              (ClCase      *self);
void                cl_case_set_notes              (ClCase      *self,
                                                    const char  *notes);
/* NULL-terminated reason ids, never NULL. */
const char * const *cl_case_get_reasons            (ClCase      *self);
void                cl_case_set_reasons            (ClCase      *self,
                                                    const char * const *reasons);
void                cl_case_add_reason             (ClCase      *self,
                                                    const char  *reason);

/* The children of the case; the first is the child the referral was about. */
guint               cl_case_get_n_pupils           (ClCase      *self);
gint64              cl_case_get_pupil_id           (ClCase      *self,
                                                    guint        index);
void                cl_case_add_pupil              (ClCase      *self,
                                                    gint64       pupil_id);

/* The allocated officer, 0 when none (a referral waiting for allocation). */
gint64              cl_case_get_officer_id         (ClCase      *self);
void                cl_case_set_officer_id         (ClCase      *self,
                                                    gint64       officer_id);

/* Read-only, filled by the repository. */
const char         *cl_case_get_officer_name       (ClCase      *self);
const char         *cl_case_get_status             (ClCase      *self);
const char         *cl_case_get_stage              (ClCase      *self);
gboolean            cl_case_is_closed              (ClCase      *self);
const char         *cl_case_get_closed_date        (ClCase      *self);
const char         *cl_case_get_closure_reason     (ClCase      *self);
const char         *cl_case_get_outcome            (ClCase      *self);
const char         *cl_case_get_created_at         (ClCase      *self);
/* The children's names, "Amy Hill, Ben Hill" (preferred names). */
const char         *cl_case_get_title              (ClCase      *self);
/* The current school of the first child (0 and "" when none). */
gint64              cl_case_get_school_id          (ClCase      *self);
const char         *cl_case_get_school_name        (ClCase      *self);

G_END_DECLS
