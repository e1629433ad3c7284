/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-casework"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "casework/cl-casework-vocab.h"

typedef struct
{
  const char *id;
  const char *label;  /* N_() */
} Word;

static const Word statuses[] = {
  { "referred", N_("Referred") },
  { "open", N_("Open") },
  { "legal", N_("Legal intervention") },
  { "closed", N_("Closed") },
};

static const Word stages[] = {
  { "early_support", N_("Early support") },
  { "attendance_contract", N_("Attendance contract") },
  { "notice_to_improve", N_("Notice to improve") },
  { "penalty_notice", N_("Penalty notice") },
  { "prosecution", N_("Prosecution") },
  { "eso_sao", N_("Education supervision or school attendance order") },
};

static const Word sources[] = {
  { "school", N_("School") },
  { "self", N_("Family (self-referral)") },
  { "social_care", N_("Children’s social care") },
  { "health", N_("Health") },
  { "police", N_("Police") },
  { "la_attendance_team", N_("LA attendance team") },
  { "cme", N_("Children missing education team") },
  { "other", N_("Other") },
};

static const Word reasons[] = {
  { "irregular_attendance", N_("Irregular attendance") },
  { "cme", N_("Child missing education") },
  { "reintegration", N_("Reintegration after exclusion") },
  { "part_time_timetable", N_("Part-time timetable") },
  { "child_employment", N_("Child employment") },
  { "health", N_("Health needs") },
  { "young_carer", N_("Young carer") },
  { "emotional_wellbeing", N_("Anxiety or emotional wellbeing") },
  { "bullying", N_("Bullying") },
  { "family_circumstances", N_("Family circumstances") },
  { "term_time_holiday", N_("Holiday in term time") },
  { "safeguarding", N_("Safeguarding concern") },
  { "alternative_provision", N_("Alternative provision") },
  { "other", N_("Other") },
};

static const Word closure_reasons[] = {
  { "improved_attendance", N_("Attendance improved") },
  { "moved_out_of_area", N_("Moved out of the area") },
  { "elective_home_education", N_("Elective home education") },
  { "transferred", N_("Transferred to another service") },
  { "over_compulsory_age", N_("Over compulsory school age") },
  { "legal_concluded", N_("Legal action concluded") },
  { "other", N_("Other (see outcome)") },
};

static const Word event_types[] = {
  { "home_visit", N_("Home visit") },
  { "home_visit_no_reply", N_("Home visit, no reply") },
  { "school_visit", N_("School visit") },
  { "phone_call", N_("Phone call") },
  { "letter", N_("Letter") },
  { "meeting", N_("Meeting") },
  { "referral", N_("Referral or signposting") },
  { "assessment", N_("Assessment") },
  { "attendance_contract", N_("Attendance contract or plan") },
  { "note", N_("Note") },
};

static const Word meeting_kinds[] = {
  { "tac", N_("Team Around the Child") },
  { "taf", N_("Team Around the Family") },
  { "cp_conference", N_("Child protection conference") },
  { "core_group", N_("Core group") },
  { "attendance_panel", N_("Attendance panel") },
  { "targeting_meeting", N_("School targeting support meeting") },
};

static const Word partners[] = {
  { "social_care", N_("Children’s social care") },
  { "health", N_("Health") },
  { "camhs", N_("CAMHS") },
  { "housing", N_("Housing") },
  { "youth_justice", N_("Youth justice") },
  { "benefits_fsm", N_("Benefits advice and free school meals") },
  { "clothing", N_("School clothing grant") },
  { "transport", N_("School transport") },
  { "other", N_("Other partner") },
};

static const Word action_types[] = {
  { "home_visit", N_("Home visit") },
  { "school_visit", N_("School visit") },
  { "phone_call", N_("Phone call") },
  { "letter", N_("Letter") },
  { "meeting", N_("Meeting") },
  { "referral", N_("Referral") },
  { "assessment", N_("Assessment") },
  { "review", N_("Review") },
  { "other", N_("Other") },
};

typedef struct
{
  const Word *words;
  guint       n;
} List;

#define LIST(a) { a, G_N_ELEMENTS (a) }

static const List lists[CL_VOCAB_N_LISTS] = {
  [CL_VOCAB_STATUS] = LIST (statuses),
  [CL_VOCAB_STAGE] = LIST (stages),
  [CL_VOCAB_SOURCE] = LIST (sources),
  [CL_VOCAB_REASON] = LIST (reasons),
  [CL_VOCAB_CLOSURE_REASON] = LIST (closure_reasons),
  [CL_VOCAB_EVENT_TYPE] = LIST (event_types),
  [CL_VOCAB_MEETING_KIND] = LIST (meeting_kinds),
  [CL_VOCAB_PARTNER] = LIST (partners),
  [CL_VOCAB_ACTION_TYPE] = LIST (action_types),
};

/* NULL-terminated id arrays, built once. */
static const char **ids_cache[CL_VOCAB_N_LISTS];

const char * const *
cl_casework_vocab_ids (ClCaseworkVocab vocab)
{
  g_return_val_if_fail (vocab < CL_VOCAB_N_LISTS, NULL);

  if (g_once_init_enter (&ids_cache[vocab]))
    {
      const List *l = &lists[vocab];
      const char **ids = g_new0 (const char *, l->n + 1);

      for (guint i = 0; i < l->n; i++)
        ids[i] = l->words[i].id;
      g_once_init_leave (&ids_cache[vocab], ids);
    }
  return (const char * const *) ids_cache[vocab];
}

static const Word *
find (ClCaseworkVocab  vocab,
      const char      *id)
{
  const List *l;

  if (vocab >= CL_VOCAB_N_LISTS || id == NULL)
    return NULL;
  l = &lists[vocab];
  for (guint i = 0; i < l->n; i++)
    if (strcmp (l->words[i].id, id) == 0)
      return &l->words[i];
  return NULL;
}

const char *
cl_casework_vocab_label (ClCaseworkVocab  vocab,
                         const char      *id)
{
  const Word *w = find (vocab, id);

  return w != NULL ? _(w->label) : "";
}

gboolean
cl_casework_vocab_has (ClCaseworkVocab  vocab,
                       const char      *id)
{
  return find (vocab, id) != NULL;
}

char *
cl_casework_vocab_join (ClCaseworkVocab vocab)
{
  return g_strjoinv (", ", (char **) cl_casework_vocab_ids (vocab));
}

gboolean
cl_case_stage_is_legal (const char *stage)
{
  return g_strcmp0 (stage, "penalty_notice") == 0
         || g_strcmp0 (stage, "prosecution") == 0
         || g_strcmp0 (stage, "eso_sao") == 0;
}
