/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fixed word lists of casework. Each value crosses the API and is stored
 * as a lower-case id ("notice_to_improve"); labels are translated sentences
 * for display ("Notice to improve"). The lists match the CHECK constraints
 * of data/migrations/0003-casework.sql, in the order a form offers them. */
typedef enum
{
  CL_VOCAB_STATUS,          /* referred, open, legal, closed */
  CL_VOCAB_STAGE,           /* early_support … eso_sao */
  CL_VOCAB_SOURCE,          /* who referred: school, self, social_care … */
  CL_VOCAB_REASON,          /* why: irregular_attendance, cme, reintegration … */
  CL_VOCAB_CLOSURE_REASON,  /* improved_attendance, moved_out_of_area … */
  CL_VOCAB_EVENT_TYPE,      /* home_visit, home_visit_no_reply … note */
  CL_VOCAB_MEETING_KIND,    /* tac, taf, cp_conference … */
  CL_VOCAB_PARTNER,         /* social_care, health, camhs … benefits_fsm … */
  CL_VOCAB_ACTION_TYPE,     /* the kind of a next action: home_visit, letter … other */
  CL_VOCAB_N_LISTS
} ClCaseworkVocab;

/* The ids of one list, NULL-terminated. */
const char * const *cl_casework_vocab_ids    (ClCaseworkVocab  vocab);
/* The translated label of an id, or "" when the id is not in the list. */
const char         *cl_casework_vocab_label  (ClCaseworkVocab  vocab,
                                              const char      *id);
gboolean            cl_casework_vocab_has    (ClCaseworkVocab  vocab,
                                              const char      *id);
/* "a, b, c": the ids of a list, for error messages and --help. */
char               *cl_casework_vocab_join   (ClCaseworkVocab  vocab);

/* Stages at which the case is in legal intervention (status "legal"):
 * penalty_notice, prosecution and eso_sao. */
gboolean            cl_case_stage_is_legal   (const char      *stage);

G_END_DECLS
