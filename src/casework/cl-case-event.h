/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One entry in a case's chronology: a visit, call, letter, meeting, referral
 * to a partner, assessment, attendance contract or note (type ids in
 * cl-casework-vocab.h, CL_VOCAB_EVENT_TYPE). It carries a date and an
 * optional local time ("HH:MM"), a duration, who took part, what happened,
 * the outcome, an optional next action with its kind and due date, and the
 * miles driven for the car-allowance claim, held as integer tenths of a mile
 * (12.5 miles = 125). Assessments also fill the four structured fields.
 *
 * Recorded events are never edited in place: cl_case_repository_correct_event()
 * keeps the old text as a revision. Text getters return "" when unset. */
#define CL_TYPE_CASE_EVENT (cl_case_event_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseEvent, cl_case_event, CL, CASE_EVENT, GObject)

/* The fields a user enters, in the order of their properties. */
typedef enum
{
  CL_CASE_EVENT_TYPE,             /* CL_VOCAB_EVENT_TYPE id */
  CL_CASE_EVENT_MEETING_KIND,     /* meetings only: CL_VOCAB_MEETING_KIND id, or "" */
  CL_CASE_EVENT_PARTNER,          /* referrals only: CL_VOCAB_PARTNER id, or "" */
  CL_CASE_EVENT_DATE,             /* YYYY-MM-DD, not in the future */
  CL_CASE_EVENT_TIME,             /* HH:MM local time, or "" */
  CL_CASE_EVENT_PARTICIPANTS,
  CL_CASE_EVENT_SUMMARY,
  CL_CASE_EVENT_OUTCOME,
  CL_CASE_EVENT_CHILD_VIEWS,      /* assessment: the child's views */
  CL_CASE_EVENT_PARENT_VIEWS,     /* assessment: the parents' views */
  CL_CASE_EVENT_BARRIERS,         /* assessment: barriers to attendance */
  CL_CASE_EVENT_STRENGTHS,        /* assessment: strengths */
  CL_CASE_EVENT_NEXT_ACTION,      /* what to do next, or "" */
  CL_CASE_EVENT_NEXT_ACTION_TYPE, /* CL_VOCAB_ACTION_TYPE id ("other" when left "") */
  CL_CASE_EVENT_NEXT_ACTION_DUE,  /* YYYY-MM-DD on or after the event, with a next action */
  CL_CASE_EVENT_N_TEXT
} ClCaseEventText;

ClCaseEvent *cl_case_event_new                (gint64           case_id,
                                               const char      *type,
                                               const char      *date);
ClCaseEvent *cl_case_event_copy               (ClCaseEvent     *self);

gint64       cl_case_event_get_id             (ClCaseEvent     *self);
gint64       cl_case_event_get_case_id        (ClCaseEvent     *self);
void         cl_case_event_set_case_id        (ClCaseEvent     *self,
                                               gint64           case_id);

const char  *cl_case_event_get_text           (ClCaseEvent     *self,
                                               ClCaseEventText  field);
void         cl_case_event_set_text           (ClCaseEvent     *self,
                                               ClCaseEventText  field,
                                               const char      *value);
/* The property name of a field, e.g. "child-views". */
const char  *cl_case_event_text_property      (ClCaseEventText  field);

/* Shorthands for get_text. */
const char  *cl_case_event_get_event_type     (ClCaseEvent     *self);
const char  *cl_case_event_get_date           (ClCaseEvent     *self);
const char  *cl_case_event_get_time           (ClCaseEvent     *self);
const char  *cl_case_event_get_summary        (ClCaseEvent     *self);
const char  *cl_case_event_get_next_action    (ClCaseEvent     *self);
const char  *cl_case_event_get_next_action_due (ClCaseEvent    *self);
/* The translated label of the type, or for a meeting its kind, e.g. "Team
 * Around the Child", and for a referral "Referral: CAMHS". */
char        *cl_case_event_dup_title          (ClCaseEvent     *self);

guint        cl_case_event_get_duration       (ClCaseEvent     *self);
void         cl_case_event_set_duration       (ClCaseEvent     *self,
                                               guint            minutes);
/* Tenths of a mile; validation refuses a negative number. */
int          cl_case_event_get_miles_tenths   (ClCaseEvent     *self);
void         cl_case_event_set_miles_tenths   (ClCaseEvent     *self,
                                               int              tenths);
/* The officer who carried out the contact (and claims its miles); 0 means
 * the case's allocated officer when the event is added. */
gint64       cl_case_event_get_officer_id     (ClCaseEvent     *self);
void         cl_case_event_set_officer_id     (ClCaseEvent     *self,
                                               gint64           officer_id);

/* Read-only, filled by the repository. */
const char  *cl_case_event_get_officer_name   (ClCaseEvent     *self);
const char  *cl_case_event_get_created_by     (ClCaseEvent     *self);
const char  *cl_case_event_get_created_at     (ClCaseEvent     *self);
/* When and by whom the next action was marked done ("" while open). */
const char  *cl_case_event_get_action_done_at (ClCaseEvent     *self);
const char  *cl_case_event_get_action_done_by (ClCaseEvent     *self);
/* TRUE when there is a next action not yet done. */
gboolean     cl_case_event_is_action_open     (ClCaseEvent     *self);
/* The number of corrections made (0 for an event as first recorded). */
guint        cl_case_event_get_revision       (ClCaseEvent     *self);

/* Checks every field against the life-cycle rules: a known type; a real
 * date, not after today (cl_date_today); a time HH:MM; a meeting kind only
 * on a meeting and a partner only on a referral; a duration of at most a
 * day; miles not negative; a next action with a due date on or after the
 * event date, and neither without the other. On failure sets *out_field (if
 * given) to the property name of the first bad field and an error in
 * CL_CASEWORK_ERROR_INVALID whose message names the field and says why. */
gboolean     cl_case_event_validate           (ClCaseEvent     *self,
                                               const char     **out_field,
                                               GError         **error);

G_END_DECLS
