/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-casework-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-stats.h"
#include "casework/cl-casework-demo.h"
#include "casework/cl-casework-private.h"
#include "casework/cl-casework-vocab.h"
#include "store/cl-dates.h"

/* How the demo casework is made
 * -----------------------------
 * 1. Candidates: pupils with at least 20 possible sessions and attendance
 *    under 90 % over the period (this academic year, or from the start of
 *    the last one while this one is under six weeks old), in a shuffled
 *    order. Each case starts from the next unused candidate; when brothers
 *    or sisters are candidates too, half the time they join the case.
 * 2. Each case gets a referral date within the last 400 days (a weekday,
 *    not before the registers begin), a source, reasons, an EWO, a planned
 *    furthest stage, and is closed (more often the older it is) on a date
 *    with a reason and outcome. A few are reallocated half-way; a few recent
 *    ones wait for allocation.
 * 3. The chronology walks from the referral to today (or the closure): a
 *    referral note, a first letter, home visits (a third of first visits
 *    find no one in), an assessment with the four structured fields, a
 *    school visit, then reviews (calls, visits, meetings, referrals to
 *    partners, letters, notes) every 5–18 days, with the stage events
 *    (contract, notice to improve, penalty notice …) on their dates. Every
 *    event but the last has a next action, done on the day of the next
 *    event; the last one of an open case is still open, and often overdue.
 *    Visits carry 1.5–25 miles.
 *
 * All randomness comes from the caller's GRand, taken in a fixed order. */

#define MAX_EVENTS     60
#define CASE_DAYS_BACK 400

/* --- random helpers ----------------------------------------------------------- */

static guint
pick (GRand *r,
      guint  n)
{
  return n <= 1 ? 0 : (guint) g_rand_int_range (r, 0, (gint32) n);
}

static gboolean
chance (GRand  *r,
        double  p)
{
  return g_rand_double (r) < p;
}

static int
between (GRand *r,
         int    lo,
         int    hi)
{
  return hi <= lo ? lo : g_rand_int_range (r, lo, hi + 1);
}

#define PICK(r, array) ((array)[pick ((r), G_N_ELEMENTS (array))])

typedef struct
{
  const char *id;
  double      weight;
} Weighted;

static const char *
pick_weighted (GRand          *r,
               const Weighted *items,
               guint           n)
{
  double total = 0, x;

  for (guint i = 0; i < n; i++)
    total += items[i].weight;
  x = g_rand_double (r) * total;
  for (guint i = 0; i < n; i++)
    {
      if (x < items[i].weight)
        return items[i].id;
      x -= items[i].weight;
    }
  return items[n - 1].id;
}

#define PICK_WEIGHTED(r, array) pick_weighted ((r), (array), G_N_ELEMENTS (array))

/* --- what is known of each candidate ----------------------------------------- */

typedef struct
{
  gint64  id;
  double  percent;
  char   *forename;
  char   *parent;       /* "Mum", "Dad", "Nan", "the foster carer", "Ms Nowak" */
  char   *parent_name;  /* "Ms Nowak" */
  char   *school;
  gboolean secondary;
  gboolean young_carer;
  gboolean looked_after;
  gboolean used;
  GArray  *siblings;    /* indices of candidates */
} Pupil;

typedef struct
{
  gint64  id;
  char   *name;
} Officer;

typedef struct
{
  ClDatabase *db;
  GRand      *rand;
  GArray     *pupils;      /* Pupil */
  GHashTable *by_id;       /* gint64 * → index + 1 */
  GArray     *officers;    /* Officer */
  guint32     today;       /* julian */
  guint32     first_day;   /* the earliest referral date allowed */
  guint       n_cases;
  guint       n_events;
} Demo;

static void
pupil_clear (Pupil *p)
{
  g_free (p->forename);
  g_free (p->parent);
  g_free (p->parent_name);
  g_free (p->school);
  g_clear_pointer (&p->siblings, g_array_unref);
}

static char *
julian_iso (guint32  jd,
            char    *buf)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  return cl_date_format_iso (&d, buf);
}

static int
weekday (guint32 jd)
{
  return (int) ((jd - 1) % 7);   /* 0 = Monday, as GDate's julian 1 is a Monday */
}

/* The same day, or the next school day when it falls at a weekend or in the
 * summer or Christmas holidays (casework pauses with the schools). */
static guint32
weekday_on_or_after (guint32 jd)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  if (g_date_get_month (&d) == G_DATE_AUGUST
      || (g_date_get_month (&d) == G_DATE_JULY && g_date_get_day (&d) > 22))
    g_date_set_dmy (&d, 3, G_DATE_SEPTEMBER, g_date_get_year (&d));
  else if (g_date_get_month (&d) == G_DATE_DECEMBER && g_date_get_day (&d) > 21)
    g_date_set_dmy (&d, 4, G_DATE_JANUARY, g_date_get_year (&d) + 1);
  else if (g_date_get_month (&d) == G_DATE_JANUARY && g_date_get_day (&d) < 4)
    g_date_set_dmy (&d, 4, G_DATE_JANUARY, g_date_get_year (&d));
  jd = g_date_get_julian (&d);
  while (weekday (jd) >= 5)
    jd++;
  return jd;
}

static gboolean
step_done (Demo          *d,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  cl_database_set_error (d->db, error, _("Could not write the demo casework"));
  return FALSE;
}

/* --- loading ---------------------------------------------------------------------- */

static const char *
parent_word (const char *relationship)
{
  if (g_strcmp0 (relationship, "mother") == 0)
    return "Mum";
  if (g_strcmp0 (relationship, "father") == 0)
    return "Dad";
  if (g_strcmp0 (relationship, "step_parent") == 0)
    return "the step-parent";
  if (g_strcmp0 (relationship, "grandparent") == 0)
    return "Gran";
  if (g_strcmp0 (relationship, "foster_carer") == 0)
    return "the foster carer";
  return NULL;
}

static gboolean
load_officers (Demo    *d,
               GError **error)
{
  sqlite3_stmt *stmt = cl_database_prepare (d->db,
                                            "SELECT id, name FROM officer WHERE active = 1"
                                            " AND role IN ('ewo', 'senior_ewo') ORDER BY id",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Officer o = { sqlite3_column_int64 (stmt, 0),
                    g_strdup ((const char *) sqlite3_column_text (stmt, 1)) };
      g_array_append_val (d->officers, o);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (d->db, error, _("Could not read the officers"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_candidates (Demo    *d,
                 GError **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *ids_json = NULL;
  int year = cl_academic_year_for_julian (d->today);
  guint32 sept = cl_academic_year_first_julian (year);
  char from[11], to[11];
  sqlite3_stmt *stmt;
  int rc;

  if (d->today < sept + 42)
    sept = cl_academic_year_first_julian (year - 1);
  julian_iso (sept, from);
  julian_iso (d->today, to);
  summaries = cl_attendance_summary_all_pupils (d->db, 0, from, to, error);
  if (summaries == NULL)
    return FALSE;
  for (guint i = 0; i < summaries->len; i++)
    {
      const ClPupilAttendance *a = &g_array_index (summaries, ClPupilAttendance, i);

      if (a->summary.possible >= 20 && a->summary.attendance_percent < 90.0)
        g_array_append_val (ids, a->pupil_id);
    }
  if (ids->len == 0)
    return TRUE;
  ids_json = cl_casework_ids_json (ids);

  /* What the chronology mentions: forename, main contact, school. */
  stmt = cl_database_prepare (d->db,
                              "SELECT p.id, coalesce (nullif (p.preferred_forename, ''),"
                              " p.legal_forename), p.young_carer, p.looked_after, s.name,"
                              " s.phase IN ('secondary', 'middle', 'all_through', 'post16'),"
                              " g.title, g.surname, pg.relationship"
                              " FROM pupil p"
                              " LEFT JOIN enrolment e ON e.id = (SELECT e2.id FROM enrolment e2"
                              "   WHERE e2.pupil_id = p.id AND e2.end_date IS NULL"
                              "   ORDER BY e2.start_date DESC, e2.id DESC LIMIT 1)"
                              " LEFT JOIN school s ON s.id = e.school_id"
                              " LEFT JOIN pupil_guardian pg ON pg.pupil_id = p.id"
                              "   AND pg.contact_order = 1"
                              " LEFT JOIN guardian g ON g.id = pg.guardian_id"
                              " WHERE p.id IN (SELECT value FROM json_each (?))"
                              " AND p.deleted_at IS NULL AND s.id IS NOT NULL"
                              " ORDER BY p.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ids_json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Pupil p = { 0 };
      const char *title = (const char *) sqlite3_column_text (stmt, 6);
      const char *surname = (const char *) sqlite3_column_text (stmt, 7);
      const char *word = parent_word ((const char *) sqlite3_column_text (stmt, 8));
      guint index;

      p.id = sqlite3_column_int64 (stmt, 0);
      p.forename = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      p.young_carer = sqlite3_column_int (stmt, 2);
      p.looked_after = sqlite3_column_int (stmt, 3);
      p.school = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      p.secondary = sqlite3_column_int (stmt, 5);
      if (surname != NULL)
        p.parent_name = title != NULL && *title != '\0' ? g_strdup_printf ("%s %s", title, surname)
                                                        : g_strdup (surname);
      else
        p.parent_name = g_strdup ("the parent");
      p.parent = g_strdup (word != NULL ? word : p.parent_name);
      p.siblings = g_array_new (FALSE, FALSE, sizeof (guint));
      /* Percent from the summaries, which are ordered by pupil id. */
      {
        guint lo = 0, hi = summaries->len;

        while (lo < hi)
          {
            guint mid = lo + (hi - lo) / 2;
            if (g_array_index (summaries, ClPupilAttendance, mid).pupil_id < p.id)
              lo = mid + 1;
            else
              hi = mid;
          }
        if (lo < summaries->len && g_array_index (summaries, ClPupilAttendance, lo).pupil_id == p.id)
          p.percent = g_array_index (summaries, ClPupilAttendance, lo).summary.attendance_percent;
      }
      g_array_append_val (d->pupils, p);
      index = d->pupils->len;
      g_hash_table_insert (d->by_id, g_memdup2 (&p.id, sizeof p.id), GUINT_TO_POINTER (index));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (d->db, error, _("Could not read the pupils"));
      return FALSE;
    }

  /* Brothers and sisters who are candidates too (the second test is done
   * here: a second IN list on b makes SQLite probe every pair). */
  stmt = cl_database_prepare (d->db,
                              "SELECT DISTINCT a.pupil_id, b.pupil_id FROM pupil_guardian a"
                              " JOIN pupil_guardian b ON b.guardian_id = a.guardian_id"
                              "   AND b.pupil_id <> a.pupil_id"
                              " WHERE a.pupil_id IN (SELECT value FROM json_each (?1))"
                              " ORDER BY 1, 2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ids_json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 a = sqlite3_column_int64 (stmt, 0), b = sqlite3_column_int64 (stmt, 1);
      guint ia = GPOINTER_TO_UINT (g_hash_table_lookup (d->by_id, &a));
      guint ib = GPOINTER_TO_UINT (g_hash_table_lookup (d->by_id, &b));

      if (ia > 0 && ib > 0)
        {
          guint sib = ib - 1;
          g_array_append_val (g_array_index (d->pupils, Pupil, ia - 1).siblings, sib);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (d->db, error, _("Could not read the families"));
      return FALSE;
    }
  return TRUE;
}

/* --- the words ----------------------------------------------------------------------- */

typedef struct
{
  char        child[128];    /* "Amy", "Amy and Ben" */
  const char *parent;        /* "Mum" */
  char        Parent[64];    /* capitalised for the start of a sentence */
  const char *parent_name;   /* "Ms Nowak" */
  const char *school;
  const char *staff;         /* "the attendance lead" */
  char        pct[16];       /* "84.2%" */
  gboolean    plural;
} Ctx;

/* {c} child, {p} parent, {P} Parent, {n} parent's name, {s} school, {w} school
 * staff, {%} attendance, {they}/{are} for one child or more. */
static char *
expand (const char *tpl,
        const Ctx  *c)
{
  GString *out = g_string_sized_new (strlen (tpl) + 64);

  for (const char *p = tpl; *p != '\0'; p++)
    {
      const char *end;

      if (*p != '{' || (end = strchr (p, '}')) == NULL)
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (strncmp (p, "{c}", 3) == 0)
        g_string_append (out, c->child);
      else if (strncmp (p, "{p}", 3) == 0)
        g_string_append (out, c->parent);
      else if (strncmp (p, "{P}", 3) == 0)
        g_string_append (out, c->Parent);
      else if (strncmp (p, "{n}", 3) == 0)
        g_string_append (out, c->parent_name);
      else if (strncmp (p, "{s}", 3) == 0)
        g_string_append (out, c->school);
      else if (strncmp (p, "{w}", 3) == 0)
        g_string_append (out, c->staff);
      else if (strncmp (p, "{%}", 3) == 0)
        g_string_append (out, c->pct);
      else if (strncmp (p, "{they}", 6) == 0)
        g_string_append (out, c->plural ? "they" : "they");
      else if (strncmp (p, "{are}", 5) == 0)
        g_string_append (out, c->plural ? "are" : "is");
      else if (strncmp (p, "{has}", 5) == 0)
        g_string_append (out, c->plural ? "have" : "has");
      else
        g_string_append_len (out, p, end - p + 1);
      p = end;
    }
  return g_string_free (out, FALSE);
}

static const char *const staff_primary[] = {
  "the headteacher", "the deputy head", "the SENCo", "the family support worker",
  "the class teacher", "the attendance lead",
};
static const char *const staff_secondary[] = {
  "the head of year", "the attendance lead", "the SENCo", "the pastoral manager",
  "the designated safeguarding lead", "the assistant head for inclusion",
};

static const char *const referral_text[][2] = {
  { "school", "Referral received from {s}: {c}'s attendance is {%} this year, with odd days off "
              "and late arrivals. School has made first-day calls and sent two letters without "
              "much change." },
  { "school", "Referral from {s}. {c} {has} missed a lot of Mondays and Fridays; attendance {%}. "
              "School report {p} is hard to get hold of." },
  { "la_attendance_team", "Referred by the LA attendance team after the school's targeting "
                          "support meeting: attendance {%}, persistently absent." },
  { "self", "{P} rang the service asking for help getting {c} into school in the mornings. "
            "Attendance {%}." },
  { "social_care", "Referral from children's social care: the allocated social worker is "
                   "worried about {c}'s attendance ({%})." },
  { "health", "School nurse referral: {c} {has} missed school through illness and "
              "appointments; attendance {%}." },
  { "police", "Police notification: {c} was found out of school during the school day. "
              "Attendance {%}." },
  { "cme", "Children missing education team referral: {c} {has} not been seen in school for "
           "some weeks and the family may have moved." },
};

static const char *const first_letter[] = {
  "Sent the first attendance letter to {p} setting out {c}'s attendance ({%}) and the school's "
  "concerns, and offering a home visit to talk it through.",
  "Letter to {n} introducing the service, with {c}'s attendance figures ({%}) and a date for a "
  "home visit.",
};

static const char *const no_reply[] = {
  "Home visit, no reply. Left a calling card asking {p} to ring the office.",
  "No reply at the address; curtains drawn. Card put through the door with my number.",
  "Home visit, no answer. A neighbour said the family are usually in after four.",
};

static const char *const home_visit[] = {
  "Home visit. Spoke with {p} and {c}. {P} says mornings are a struggle: {c} complains of "
  "stomach aches on school days and {p} starts work early. Talked through the law on "
  "attendance and what school can offer.",
  "Home visit. {P} was open and wants things to get better. {c} has fallen out with friends "
  "and says lessons are too hard. Agreed to ask school about a learning mentor.",
  "Home visit. House busy with younger children. {P} says the car has broken down and bus "
  "fares are a problem. Talked about help with transport and free school meals.",
  "Home visit. {P} was defensive at first but calmed down. Explained that school cannot "
  "authorise more absence for illness without some evidence. {c} did not want to talk today.",
  "Home visit. {c} was at home and said they did not feel like going in. {P} says they cannot "
  "make {c} go. Agreed a morning routine and that I would speak to school.",
  "Home visit after school. {P} and {c} both there. {c} says they are being picked on in "
  "the yard. {P} will write to school; I will raise it with {w}.",
};

static const char *const home_visit_outcome[] = {
  "{P} agreed to get {c} to school on time every day and to ring school on the first day of "
  "any absence.",
  "{P} will take {c} to the GP about the stomach aches and bring in any appointment cards.",
  "Agreed to meet at school with {w} to plan support.",
  "{P} understands that formal action may follow if attendance does not improve.",
  "",
};

static const char *const child_views[] = {
  "{c} says they feel anxious in busy corridors and at lunchtime.",
  "{c} says they are bored in lessons and would rather stay in bed.",
  "{c} worries about {p} when they are in school.",
  "{c} says some of the children in the year have been unkind online.",
  "{c} wants to go to school but finds getting up hard after late nights on the phone.",
  "{c} likes their teacher but finds reading and writing hard.",
};
static const char *const parent_views[] = {
  "{P} wants {c} in school but cannot manage the mornings alone.",
  "{P} feels school do not listen and that {c} is picked on.",
  "{P} thinks most of the absence was genuine illness.",
  "{P} is worried about money and the cost of uniform and shoes.",
  "{P} says {c} is fine at home and does not see what the fuss is about.",
};
static const char *const barriers[] = {
  "Morning routine; anxiety about lessons; no alarm clock.",
  "Transport: two buses and no money for fares.",
  "Looking after a younger brother or sister while {p} is at work.",
  "Sleep: late nights on the phone and games.",
  "Friendship problems and low confidence.",
  "Housing: temporary accommodation on the other side of town.",
  "Health: frequent headaches and stomach aches, not yet seen by the GP.",
};
static const char *const strengths[] = {
  "{P} engages well and answers calls.",
  "{c} gets on well with the form tutor.",
  "A supportive grandparent lives nearby and can help with mornings.",
  "{c} enjoys PE and art and wants to do well.",
  "{P} has kept every appointment so far.",
};

static const char *const school_visit[] = {
  "School visit. Met {w} to review {c}'s attendance ({%} to date). School will put a daily "
  "check-in with a trusted adult in place.",
  "School visit. Went through the register with {w}: the absences are mostly Mondays and "
  "Fridays. Agreed a reward chart and a call home at 9:15 on any day {c} is not in.",
  "Met {w} and {c} in school. {c} is trying; attendance over the last fortnight is better.",
  "School visit. {w} says {c} has been late most days this week. Agreed a soft start in the "
  "library for the first ten minutes.",
};

static const char *const phone_call[] = {
  "Phone call to {p}: {c} is in school today. {P} says the new routine is helping.",
  "Rang {w} at {s} for an update: two unauthorised days since my last visit.",
  "{P} rang to say {c} is ill today. Advised {p} to tell school and keep any appointment "
  "cards.",
  "Tried {p}'s mobile twice, no answer. Left a voicemail asking for a call back.",
  "Call from {w}: {c} has had a good week, full attendance.",
};

static const char *const meeting_text[][2] = {
  { "tac", "Team Around the Child meeting at school with {p}, {w} and the school nurse. Plan "
           "reviewed; support for mornings in place." },
  { "taf", "Team Around the Family meeting with {p}, the family support worker and {w}. Each "
           "agency agreed its actions." },
  { "targeting_meeting", "School targeting support meeting with {w}: {c} discussed as a "
                         "persistent absence case; EWO to carry on with home visits." },
  { "attendance_panel", "Attendance panel at school with {p} and {w}. The concerns were "
                        "explained and {p} was told formal action may follow without "
                        "improvement." },
  { "core_group", "Core group meeting. Gave an attendance update ({%}); the social worker will "
                  "visit weekly." },
  { "cp_conference", "Child protection conference. Attendance is part of the plan; EWO to "
                     "report to the core group." },
};

static const char *const referral_partner[][2] = {
  { "benefits_fsm", "Helped {p} apply for free school meals and gave details of the benefits "
                    "advice service." },
  { "clothing", "Applied for the school clothing grant so {c} has the right uniform and "
                "shoes." },
  { "transport", "Applied for a bus pass: the family now live beyond walking distance." },
  { "camhs", "Referral to CAMHS, with {p}'s consent, about {c}'s anxiety. Asked the GP for a "
             "supporting letter." },
  { "health", "Referred to the school nurse about {c}'s frequent headaches and stomach "
              "aches." },
  { "housing", "Signposted {p} to the housing options team about damp and overcrowding." },
  { "social_care", "Shared concerns with children's social care after the home visit; "
                   "referral form sent to the front door." },
  { "youth_justice", "Spoke to the youth justice worker about {c}'s attendance as part of "
                     "the order." },
  { "other", "Signposted {p} to the local young carers' project." },
};

static const char *const letter_text[] = {
  "Letter to {p} confirming what was agreed at the meeting.",
  "Letter to {p} inviting them to an attendance panel at school.",
  "Warning letter to {p}: {c}'s attendance has not improved and formal action may follow.",
  "Letter to {p} to say well done: attendance is up over the last three weeks.",
};

static const char *const note_text[] = {
  "Checked the register with school: {c} in every day this week.",
  "Case discussed in supervision; carry on with the current plan.",
  "Register check: three more unauthorised sessions since the last contact.",
};

typedef struct
{
  const char *text;
  const char *type;
} Action;

static const Action review_actions[] = {
  { "Phone {p} for an update", "phone_call" },
  { "Check the register with school", "school_visit" },
  { "Home visit to review progress", "home_visit" },
  { "Send a letter confirming the plan", "letter" },
  { "Arrange a TAC meeting", "meeting" },
  { "Chase the referral", "referral" },
  { "Review the case in supervision", "review" },
};

/* --- one case ------------------------------------------------------------------------- */

enum { S_EARLY, S_CONTRACT, S_NTI, S_PENALTY, S_PROSECUTION, S_ESO, N_STAGES };

static const char *const stage_ids[N_STAGES] = {
  "early_support", "attendance_contract", "notice_to_improve", "penalty_notice",
  "prosecution", "eso_sao",
};

typedef struct
{
  guint32     jd;
  const char *type;
  const char *meeting_kind;
  const char *partner;
  char        time[6];
  gboolean    has_time;
  int         duration;
  char       *participants;
  char       *summary;
  char       *outcome;
  char       *child_views;
  char       *parent_views;
  char       *barriers;
  char       *strengths;
  char       *action;
  const char *action_type;
  guint32     due;
  int         miles;
  int         officer;       /* index into Demo.officers; -1 none */
} Ev;

static void
ev_clear (Ev *e)
{
  g_free (e->participants);
  g_free (e->summary);
  g_free (e->outcome);
  g_free (e->child_views);
  g_free (e->parent_views);
  g_free (e->barriers);
  g_free (e->strengths);
  g_free (e->action);
}

typedef struct
{
  Demo       *d;
  Ctx         ctx;
  GArray     *events;         /* Ev */
  const char *source;
  guint32     start;
  guint32     end;            /* last day events may have: closure or today */
  gboolean    closed;
  int         officer;        /* current officer index, -1 none */
  int         stage;          /* reached so far */
  guint32     stage_jd[N_STAGES];
  int         n_partner_referrals;
  int         reassign_to;    /* officer index, -1 none */
  guint32     reassign_jd;
  guint32     allocation_jd[2];
  int         allocation_officer[2];
  int         n_allocations;
} Plan;

static void
set_time (GRand      *r,
          Ev         *e,
          const char *type)
{
  int minutes;

  if (g_strcmp0 (type, "home_visit") == 0 || g_strcmp0 (type, "home_visit_no_reply") == 0)
    minutes = chance (r, 0.1) ? between (r, 70, 74) * 15 : between (r, 36, 67) * 15;
  else if (g_strcmp0 (type, "school_visit") == 0 || g_strcmp0 (type, "meeting") == 0
           || g_strcmp0 (type, "attendance_contract") == 0 || g_strcmp0 (type, "assessment") == 0)
    minutes = between (r, 36, 60) * 15;
  else if (chance (r, 0.5))
    minutes = between (r, 35, 66) * 15;
  else
    {
      e->has_time = FALSE;
      return;
    }
  e->has_time = TRUE;
  g_snprintf (e->time, sizeof e->time, "%02d:%02d", minutes / 60, minutes % 60);
}

static int
duration_for (GRand      *r,
              const char *type)
{
  if (g_strcmp0 (type, "home_visit") == 0)
    return between (r, 6, 15) * 5;
  if (g_strcmp0 (type, "home_visit_no_reply") == 0)
    return between (r, 1, 3) * 5;
  if (g_strcmp0 (type, "school_visit") == 0)
    return between (r, 6, 18) * 5;
  if (g_strcmp0 (type, "phone_call") == 0)
    return between (r, 1, 4) * 5;
  if (g_strcmp0 (type, "meeting") == 0 || g_strcmp0 (type, "attendance_contract") == 0)
    return between (r, 9, 24) * 5;
  if (g_strcmp0 (type, "assessment") == 0)
    return between (r, 12, 18) * 5;
  return between (r, 1, 4) * 5;
}

/* A new event on day jd (moved to a weekday, and never before the last one). */
static Ev *
add_event (Plan       *pl,
           guint32     jd,
           const char *type)
{
  GRand *r = pl->d->rand;
  Ev e = { 0 };

  jd = weekday_on_or_after (jd);
  if (pl->events->len > 0)
    jd = MAX (jd, g_array_index (pl->events, Ev, pl->events->len - 1).jd);
  if (jd > pl->end)
    return NULL;
  e.jd = jd;
  e.type = type;
  e.officer = pl->officer;
  set_time (r, &e, type);
  e.duration = duration_for (r, type);
  if (g_strcmp0 (type, "home_visit") == 0 || g_strcmp0 (type, "home_visit_no_reply") == 0
      || g_strcmp0 (type, "school_visit") == 0
      || (g_strcmp0 (type, "meeting") == 0 && chance (r, 0.5)))
    e.miles = between (r, 15, 250);
  g_array_append_val (pl->events, e);
  return &g_array_index (pl->events, Ev, pl->events->len - 1);
}

static void
set_action (Plan       *pl,
            Ev         *e,
            const char *text,
            const char *type,
            int         lo,
            int         hi)
{
  if (e == NULL)
    return;
  g_free (e->action);
  e->action = expand (text, &pl->ctx);
  e->action_type = type;
  e->due = e->jd + (guint32) between (pl->d->rand, lo, hi);
}

static char *
participants (Plan       *pl,
              const char *with)
{
  return g_strdup_printf ("EWO, %s", with);
}

static Ev *
home_visit_event (Plan    *pl,
                  guint32  jd)
{
  GRand *r = pl->d->rand;
  Ev *e = add_event (pl, jd, "home_visit");

  if (e == NULL)
    return NULL;
  e->summary = expand (PICK (r, home_visit), &pl->ctx);
  e->outcome = expand (PICK (r, home_visit_outcome), &pl->ctx);
  e->participants = g_strdup_printf ("EWO, %s (%s), %s", pl->ctx.Parent, pl->ctx.parent_name,
                                     pl->ctx.child);
  return e;
}

static Ev *
no_reply_event (Plan    *pl,
                guint32  jd)
{
  Ev *e = add_event (pl, jd, "home_visit_no_reply");

  if (e == NULL)
    return NULL;
  e->summary = expand (PICK (pl->d->rand, no_reply), &pl->ctx);
  e->participants = g_strdup ("EWO");
  return e;
}

static Ev *
stage_event (Plan *pl,
             int   stage)
{
  GRand *r = pl->d->rand;
  Ev *e = NULL;

  switch (stage)
    {
    case S_CONTRACT:
      e = add_event (pl, pl->stage_jd[stage], "attendance_contract");
      if (e != NULL)
        {
          e->summary = expand ("Attendance contract agreed and signed at school by {p}, {w} and "
                               "EWO: {c} in school by 8:45 every day, school to provide a "
                               "morning check-in. Review in six weeks.", &pl->ctx);
          e->participants = g_strdup_printf ("EWO, %s, %s", pl->ctx.Parent, pl->ctx.staff);
        }
      break;
    case S_NTI:
      e = add_event (pl, pl->stage_jd[stage], "letter");
      if (e != NULL)
        e->summary = expand ("Notice to improve issued to {n}: attendance {%}. Improvement "
                             "period of six school weeks; the notice lists the support "
                             "offered and what counts as enough improvement.", &pl->ctx);
      break;
    case S_PENALTY:
      e = add_event (pl, pl->stage_jd[stage], "letter");
      if (e != NULL)
        e->summary = expand ("Penalty notice issued to {n} after the notice to improve "
                             "period: not enough improvement. Payment details and the "
                             "consequences of not paying explained in the covering letter.",
                             &pl->ctx);
      break;
    case S_PROSECUTION:
      e = add_event (pl, pl->stage_jd[stage], "note");
      if (e != NULL)
        e->summary = expand ("Penalty notice unpaid. File prepared for legal services under "
                             "s.444(1): register certificate and witness statement requested "
                             "from {s}, chronology attached.", &pl->ctx);
      break;
    case S_ESO:
      e = add_event (pl, pl->stage_jd[stage], "meeting");
      if (e != NULL)
        {
          e->meeting_kind = "attendance_panel";
          e->summary = expand ("Attendance panel considered an education supervision order "
                               "for {c}; legal services asked to prepare the application.",
                               &pl->ctx);
          e->participants = g_strdup_printf ("EWO, %s, senior EWO", pl->ctx.staff);
        }
      break;
    case S_EARLY:
    default:
      break;
    }
  if (e != NULL)
    {
      pl->stage_jd[stage] = e->jd;
      pl->stage = stage;
      set_action (pl, e, chance (r, 0.5) ? "Review attendance with school" : "Phone {p} for an update",
                  chance (r, 0.5) ? "school_visit" : "phone_call", 7, 21);
    }
  return e;
}

static Ev *
review_event (Plan    *pl,
              guint32  jd)
{
  GRand *r = pl->d->rand;
  static const Weighted kinds[] = {
    { "phone_call", 30 }, { "school_visit", 20 }, { "home_visit", 18 },
    { "home_visit_no_reply", 4 }, { "letter", 8 }, { "meeting", 9 }, { "referral", 7 },
    { "note", 4 },
  };
  const char *type = PICK_WEIGHTED (r, kinds);
  Ev *e;

  if (strcmp (type, "referral") == 0 && pl->n_partner_referrals >= 2)
    type = "phone_call";
  if (strcmp (type, "home_visit") == 0)
    return home_visit_event (pl, jd);
  if (strcmp (type, "home_visit_no_reply") == 0)
    return no_reply_event (pl, jd);

  e = add_event (pl, jd, type);
  if (e == NULL)
    return NULL;
  if (strcmp (type, "phone_call") == 0)
    {
      e->summary = expand (PICK (r, phone_call), &pl->ctx);
      e->participants = participants (pl, pl->ctx.parent);
    }
  else if (strcmp (type, "school_visit") == 0)
    {
      e->summary = expand (PICK (r, school_visit), &pl->ctx);
      e->participants = participants (pl, pl->ctx.staff);
      if (chance (r, 0.4))
        e->outcome = expand ("School to send a weekly attendance update to the EWO.", &pl->ctx);
    }
  else if (strcmp (type, "letter") == 0)
    e->summary = expand (PICK (r, letter_text), &pl->ctx);
  else if (strcmp (type, "meeting") == 0)
    {
      guint k = pick (r, chance (r, 0.9) ? 4 : G_N_ELEMENTS (meeting_text));

      e->meeting_kind = meeting_text[k][0];
      e->summary = expand (meeting_text[k][1], &pl->ctx);
      e->participants = g_strdup_printf ("EWO, %s, %s", pl->ctx.Parent, pl->ctx.staff);
      e->outcome = expand ("Actions agreed and minutes to follow.", &pl->ctx);
    }
  else if (strcmp (type, "referral") == 0)
    {
      static const Weighted partners[] = {
        { "benefits_fsm", 25 }, { "clothing", 12 }, { "transport", 10 }, { "camhs", 15 },
        { "health", 14 }, { "housing", 8 }, { "social_care", 7 }, { "youth_justice", 3 },
        { "other", 6 },
      };
      const char *partner = PICK_WEIGHTED (r, partners);

      e->partner = partner;
      for (guint i = 0; i < G_N_ELEMENTS (referral_partner); i++)
        if (strcmp (referral_partner[i][0], partner) == 0)
          e->summary = expand (referral_partner[i][1], &pl->ctx);
      pl->n_partner_referrals++;
    }
  else
    e->summary = expand (PICK (r, note_text), &pl->ctx);
  return e;
}

static void
plan_events (Plan *pl)
{
  Demo *d = pl->d;
  GRand *r = d->rand;
  const char *texts[G_N_ELEMENTS (referral_text)];
  guint n_texts = 0;
  guint32 cur = pl->start;
  Ev *e;
  int next_stage = S_CONTRACT;

  /* The referral, in words that fit its source. */
  for (guint k = 0; k < G_N_ELEMENTS (referral_text); k++)
    if (strcmp (referral_text[k][0], pl->source) == 0)
      texts[n_texts++] = referral_text[k][1];
  e = add_event (pl, cur, "note");
  if (e == NULL)
    return;
  e->summary = expand (n_texts > 0 ? texts[pick (r, n_texts)]
                                   : "Referral received: attendance {%}.", &pl->ctx);
  if (pl->officer < 0)
    {
      set_action (pl, e, "Allocate to an EWO", "other", 2, 5);
      return;
    }
  set_action (pl, e, "Send the first attendance letter", "letter", 1, 4);

  /* First letter, first visit, assessment, school visit. */
  cur += (guint32) between (r, 1, 3);
  e = add_event (pl, cur, "letter");
  if (e == NULL)
    return;
  e->summary = expand (PICK (r, first_letter), &pl->ctx);
  set_action (pl, e, "Home visit to talk about attendance", "home_visit", 5, 9);

  cur = e->jd + (guint32) between (r, 5, 9);
  while (chance (r, 0.33))
    {
      e = no_reply_event (pl, cur);
      if (e == NULL)
        return;
      set_action (pl, e, "Call back at the house", "home_visit", 2, 5);
      cur = e->jd + (guint32) between (r, 2, 5);
    }
  e = home_visit_event (pl, cur);
  if (e == NULL)
    return;
  set_action (pl, e, "Assessment with {c} and {p}", "assessment", 3, 10);

  cur = e->jd + (guint32) between (r, 3, 10);
  e = add_event (pl, cur, "assessment");
  if (e == NULL)
    return;
  e->summary = expand ("Assessment of needs completed at home with {c} and {p}.", &pl->ctx);
  e->participants = g_strdup_printf ("EWO, %s, %s", pl->ctx.Parent, pl->ctx.child);
  e->child_views = expand (PICK (r, child_views), &pl->ctx);
  e->parent_views = expand (PICK (r, parent_views), &pl->ctx);
  e->barriers = expand (PICK (r, barriers), &pl->ctx);
  e->strengths = expand (PICK (r, strengths), &pl->ctx);
  set_action (pl, e, "Visit school to agree a support plan", "school_visit", 4, 10);

  cur = e->jd + (guint32) between (r, 4, 10);
  e = add_event (pl, cur, "school_visit");
  if (e == NULL)
    return;
  e->summary = expand (PICK (r, school_visit), &pl->ctx);
  e->participants = participants (pl, pl->ctx.staff);

  /* Reviews until the end, with stages and reallocation on their dates. */
  while (pl->events->len < MAX_EVENTS)
    {
      const Action *a = &PICK (r, review_actions);

      if (strcmp (a->type, "referral") == 0 && pl->n_partner_referrals == 0)
        a = &review_actions[0];
      set_action (pl, e, a->text, a->type, 3, 14);
      cur = e->jd + (guint32) between (r, 5, 18);
      if (pl->reassign_to >= 0 && cur >= pl->reassign_jd)
        {
          Ev *note = add_event (pl, pl->reassign_jd, "note");
          if (note == NULL)
            break;
          pl->officer = pl->reassign_to;
          note->officer = pl->officer;
          note->summary = g_strdup ("Case reallocated to another EWO to balance caseloads. "
                                    "Handover discussed in supervision.");
          pl->allocation_jd[1] = note->jd;
          pl->allocation_officer[1] = pl->officer;
          pl->n_allocations = 2;
          pl->reassign_to = -1;
          e = note;
          continue;
        }
      if (next_stage < N_STAGES && pl->stage_jd[next_stage] != 0
          && cur >= pl->stage_jd[next_stage])
        {
          Ev *s = stage_event (pl, next_stage);
          if (s == NULL)
            break;
          e = s;
          next_stage = next_stage == S_NTI && pl->stage_jd[S_ESO] != 0 ? S_ESO : next_stage + 1;
          continue;
        }
      e = review_event (pl, cur);
      if (e == NULL)
        break;
    }
}

static void
close_event (Plan       *pl,
             const char *reason)
{
  Ev *e;
  const char *text;

  if (g_strcmp0 (reason, "moved_out_of_area") == 0)
    text = "Case closed: the family have moved to another authority. Records passed to the "
           "new authority's attendance team.";
  else if (g_strcmp0 (reason, "elective_home_education") == 0)
    text = "Case closed: {p} has written to school to say {c} will be home educated. The "
           "elective home education team has been told.";
  else if (g_strcmp0 (reason, "transferred") == 0)
    text = "Case closed: children's social care now lead under a child in need plan.";
  else if (g_strcmp0 (reason, "legal_concluded") == 0)
    text = "Case closed: legal action concluded. School will keep monitoring attendance.";
  else if (g_strcmp0 (reason, "other") == 0)
    text = "Case closed: the family are working with early help and no longer need the EWO.";
  else
    text = "Case closed: attendance has improved and stayed up for six weeks. {P} and school "
           "know how to get back in touch.";
  pl->end = MAX (pl->end, pl->events->len > 0
                          ? g_array_index (pl->events, Ev, pl->events->len - 1).jd : pl->start);
  e = add_event (pl, pl->end, "note");
  if (e != NULL)
    e->summary = expand (text, &pl->ctx);
}

static const char *
closure_outcome (GRand      *r,
                 const char *reason,
                 char       *buf,
                 gsize       size)
{
  if (g_strcmp0 (reason, "improved_attendance") == 0)
    g_snprintf (buf, size, "Attendance %d.%d%% over the last six weeks.", between (r, 92, 98),
                between (r, 0, 9));
  else if (g_strcmp0 (reason, "moved_out_of_area") == 0)
    g_strlcpy (buf, "Moved to another authority; records passed on.", size);
  else if (g_strcmp0 (reason, "elective_home_education") == 0)
    g_strlcpy (buf, "Home educated from the date of the parent's letter.", size);
  else if (g_strcmp0 (reason, "transferred") == 0)
    g_strlcpy (buf, "Lead passed to children's social care.", size);
  else if (g_strcmp0 (reason, "legal_concluded") == 0)
    g_strlcpy (buf, "Fined and given a parenting order; attendance monitored by school.", size);
  else
    g_strlcpy (buf, "Family supported by early help; no further EWO involvement.", size);
  return buf;
}

/* --- writing ------------------------------------------------------------------------ */

typedef struct
{
  sqlite3_stmt *insert_case;
  sqlite3_stmt *insert_pupil;
  sqlite3_stmt *insert_reason;
  sqlite3_stmt *insert_allocation;
  sqlite3_stmt *insert_stage;
  sqlite3_stmt *insert_status;
  sqlite3_stmt *insert_event;
} Statements;

static gboolean
prepare (Demo        *d,
         Statements  *s,
         GError     **error)
{
  s->insert_case =
    cl_database_prepare (d->db,
                         "INSERT INTO case_file (referral_date, source, officer_id, status, stage,"
                         " closed_date, closure_reason, outcome, notes, created_by, created_at,"
                         " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?11, ?11)",
                         error);
  s->insert_pupil = s->insert_case == NULL ? NULL
    : cl_database_prepare (d->db,
                           "INSERT INTO case_pupil (case_id, pupil_id, position) VALUES (?, ?, ?)",
                           error);
  s->insert_reason = s->insert_pupil == NULL ? NULL
    : cl_database_prepare (d->db, "INSERT INTO case_reason (case_id, reason) VALUES (?, ?)",
                           error);
  s->insert_allocation = s->insert_reason == NULL ? NULL
    : cl_database_prepare (d->db,
                           "INSERT INTO case_allocation (case_id, officer_id, from_date, to_date,"
                           " changed_by, changed_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  s->insert_stage = s->insert_allocation == NULL ? NULL
    : cl_database_prepare (d->db,
                           "INSERT INTO case_stage (case_id, stage, from_date, to_date,"
                           " changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                           error);
  s->insert_status = s->insert_stage == NULL ? NULL
    : cl_database_prepare (d->db,
                           "INSERT INTO case_status_change (case_id, status, on_date,"
                           " closure_reason, outcome, changed_by, changed_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  s->insert_event = s->insert_status == NULL ? NULL
    : cl_database_prepare (d->db,
                           "INSERT INTO case_event (case_id, type, meeting_kind, partner,"
                           " occurred_on, occurred_time, participants, summary, outcome,"
                           " child_views, parent_views, barriers, strengths, next_action,"
                           " next_action_type, next_action_due, action_done_at, action_done_by,"
                           " duration_minutes, miles_tenths, officer_id, created_by, created_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                           " ?, ?, ?)",
                           error);
  return s->insert_event != NULL;
}

static void
bind_opt (sqlite3_stmt *stmt,
          int           i,
          const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
}

static const char *
officer_name_at (Demo *d,
                 int   index)
{
  return index >= 0 ? g_array_index (d->officers, Officer, index).name
                    : cl_database_get_actor (d->db);
}

typedef struct
{
  const char *status;
  guint32     jd;         /* 0: the closure date */
  const char *reason;
  const char *outcome;
} StatusChange;

static gboolean
write_history (Demo         *d,
               Statements   *s,
               Plan         *pl,
               gint64        case_id,
               const char   *closed_date,
               const char   *closure_reason,
               const char   *outcome,
               GError      **error)
{
  char from[11], to[11], at[32];

  for (int i = 0; i < pl->n_allocations; i++)
    {
      sqlite3_stmt *stmt = s->insert_allocation;

      julian_iso (pl->allocation_jd[i], from);
      g_snprintf (at, sizeof at, "%sT09:00:00Z", from);
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (d->officers, Officer,
                                                  pl->allocation_officer[i]).id);
      sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
      if (i + 1 < pl->n_allocations)
        sqlite3_bind_text (stmt, 4, julian_iso (pl->allocation_jd[i + 1], to), -1,
                           SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_text (stmt, 5, officer_name_at (d, pl->allocation_officer[0]), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, i == 0 ? "" : "Caseload balancing", -1, SQLITE_STATIC);
      if (!step_done (d, s->insert_allocation, error))
        return FALSE;
    }

  for (int k = 0; k <= pl->stage; k++)
    {
      sqlite3_stmt *stmt = s->insert_stage;
      int next = k + 1;

      if (k > S_EARLY && pl->stage_jd[k] == 0)
        continue;
      while (next <= pl->stage && pl->stage_jd[next] == 0)
        next++;
      julian_iso (k == S_EARLY ? pl->start : pl->stage_jd[k], from);
      g_snprintf (at, sizeof at, "%sT12:00:00Z", from);
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_text (stmt, 2, stage_ids[k], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
      if (next <= pl->stage)
        sqlite3_bind_text (stmt, 4, julian_iso (pl->stage_jd[next], to), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_text (stmt, 5, officer_name_at (d, pl->officer), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, at, -1, SQLITE_TRANSIENT);
      if (!step_done (d, stmt, error))
        return FALSE;
    }

  /* Status: opened (or referred), legal from the first legal stage, closed. */
  {
    StatusChange changes[3];
    int n = 0;
    int legal = pl->stage_jd[S_PENALTY] != 0 ? S_PENALTY
                : pl->stage_jd[S_ESO] != 0 ? S_ESO : -1;

    changes[n++] = (StatusChange) { pl->n_allocations > 0 ? "open" : "referred",
                                           pl->start, NULL, "" };
    if (legal >= 0)
      changes[n++] = (StatusChange) { "legal", pl->stage_jd[legal], NULL, "" };
    if (closed_date != NULL)
      changes[n++] = (StatusChange) { "closed", 0, closure_reason, outcome };
    for (int i = 0; i < n; i++)
      {
        sqlite3_stmt *stmt = s->insert_status;

        if (changes[i].jd != 0)
          julian_iso (changes[i].jd, from);
        else
          g_strlcpy (from, closed_date, sizeof from);
        g_snprintf (at, sizeof at, "%sT12:00:00Z", from);
        sqlite3_bind_int64 (stmt, 1, case_id);
        sqlite3_bind_text (stmt, 2, changes[i].status, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
        bind_opt (stmt, 4, changes[i].reason);
        sqlite3_bind_text (stmt, 5, changes[i].outcome, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 6, officer_name_at (d, pl->officer), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 7, at, -1, SQLITE_TRANSIENT);
        if (!step_done (d, stmt, error))
          return FALSE;
      }
  }
  return TRUE;
}

static gboolean
write_events (Demo        *d,
              Statements  *s,
              Plan        *pl,
              gint64       case_id,
              GError     **error)
{
  for (guint i = 0; i < pl->events->len; i++)
    {
      Ev *e = &g_array_index (pl->events, Ev, i);
      Ev *next = i + 1 < pl->events->len ? &g_array_index (pl->events, Ev, i + 1) : NULL;
      sqlite3_stmt *stmt = s->insert_event;
      char day[11], due[11], done[32], at[32];
      const char *recorder = officer_name_at (d, e->officer);

      julian_iso (e->jd, day);
      g_snprintf (at, sizeof at, "%sT%s:00Z", day, e->has_time ? e->time : "16:30");
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_text (stmt, 2, e->type, -1, SQLITE_STATIC);
      bind_opt (stmt, 3, e->meeting_kind);
      bind_opt (stmt, 4, e->partner);
      sqlite3_bind_text (stmt, 5, day, -1, SQLITE_TRANSIENT);
      bind_opt (stmt, 6, e->has_time ? e->time : NULL);
      sqlite3_bind_text (stmt, 7, e->participants != NULL ? e->participants : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, e->summary != NULL ? e->summary : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, e->outcome != NULL ? e->outcome : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, e->child_views != NULL ? e->child_views : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, e->parent_views != NULL ? e->parent_views : "", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 12, e->barriers != NULL ? e->barriers : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 13, e->strengths != NULL ? e->strengths : "", -1, SQLITE_STATIC);
      if (e->action != NULL)
        {
          sqlite3_bind_text (stmt, 14, e->action, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 15, e->action_type, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 16, julian_iso (e->due, due), -1, SQLITE_TRANSIENT);
        }
      else
        {
          sqlite3_bind_text (stmt, 14, "", -1, SQLITE_STATIC);
          sqlite3_bind_null (stmt, 15);
          sqlite3_bind_null (stmt, 16);
        }
      /* An action is done when the next event happens. */
      if (e->action != NULL && next != NULL)
        {
          char next_day[11];
          g_snprintf (done, sizeof done, "%sT16:45:00Z", julian_iso (next->jd, next_day));
          sqlite3_bind_text (stmt, 17, done, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 18, officer_name_at (d, next->officer), -1, SQLITE_TRANSIENT);
        }
      else
        {
          sqlite3_bind_null (stmt, 17);
          sqlite3_bind_null (stmt, 18);
        }
      sqlite3_bind_int (stmt, 19, e->duration);
      sqlite3_bind_int (stmt, 20, e->miles);
      if (e->officer >= 0)
        sqlite3_bind_int64 (stmt, 21, g_array_index (d->officers, Officer, e->officer).id);
      else
        sqlite3_bind_null (stmt, 21);
      sqlite3_bind_text (stmt, 22, recorder, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 23, at, -1, SQLITE_TRANSIENT);
      if (!step_done (d, stmt, error))
        return FALSE;
      d->n_events++;
    }
  return TRUE;
}

static gboolean
make_case (Demo        *d,
           Statements  *s,
           guint        first,
           GError     **error)
{
  GRand *r = d->rand;
  Pupil *lead = &g_array_index (d->pupils, Pupil, first);
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();
  Plan pl = { 0 };
  static const Weighted sources[] = {
    { "school", 70 }, { "la_attendance_team", 8 }, { "self", 5 }, { "social_care", 6 },
    { "health", 4 }, { "police", 2 }, { "cme", 3 }, { "other", 2 },
  };
  static const Weighted closures[] = {
    { "improved_attendance", 58 }, { "moved_out_of_area", 13 },
    { "elective_home_education", 9 }, { "transferred", 9 }, { "other", 4 },
  };
  const char *source, *status, *closure_reason = NULL;
  char referral[11], closed[11], outcome[128] = "";
  guint32 age, span;
  double x, percent = 0;
  int target;
  gint64 case_id;
  gboolean ok = FALSE;

  g_array_append_val (members, first);
  lead->used = TRUE;
  for (guint i = 0; i < lead->siblings->len && members->len < 3; i++)
    {
      guint sib = g_array_index (lead->siblings, guint, i);
      Pupil *p = &g_array_index (d->pupils, Pupil, sib);

      if (!p->used && chance (r, 0.5))
        {
          p->used = TRUE;
          g_array_append_val (members, sib);
        }
    }

  /* Words. */
  pl.d = d;
  pl.events = g_array_new (FALSE, TRUE, sizeof (Ev));
  g_array_set_clear_func (pl.events, (GDestroyNotify) ev_clear);
  pl.reassign_to = -1;
  {
    GString *names = g_string_new (NULL);

    for (guint i = 0; i < members->len; i++)
      {
        Pupil *p = &g_array_index (d->pupils, Pupil, g_array_index (members, guint, i));

        if (i > 0)
          g_string_append (names, i + 1 == members->len ? " and " : ", ");
        g_string_append (names, p->forename);
        percent += p->percent / members->len;
      }
    g_strlcpy (pl.ctx.child, names->str, sizeof pl.ctx.child);
    g_string_free (names, TRUE);
  }
  pl.ctx.parent = lead->parent;
  g_strlcpy (pl.ctx.Parent, lead->parent, sizeof pl.ctx.Parent);
  pl.ctx.Parent[0] = g_ascii_toupper (pl.ctx.Parent[0]);
  pl.ctx.parent_name = lead->parent_name;
  pl.ctx.school = lead->school;
  pl.ctx.staff = lead->secondary ? PICK (r, staff_secondary) : PICK (r, staff_primary);
  pl.ctx.plural = members->len > 1;
  g_snprintf (pl.ctx.pct, sizeof pl.ctx.pct, "%.1f%%", percent);

  /* Dates, officer, stages, closure. */
  pl.start = weekday_on_or_after (d->today - (guint32) between (r, 2, (int) (d->today - d->first_day)));
  if (pl.start > d->today)
    pl.start = d->today;
  age = d->today - pl.start;
  x = age > 200 ? 0.75 : age > 120 ? 0.55 : age > 60 ? 0.3 : 0.0;
  pl.closed = age > 50 && chance (r, x);
  pl.end = d->today;
  if (pl.closed)
    {
      pl.end = weekday_on_or_after (pl.start + (guint32) between (r, 45, (int) MIN (age - 1, 260)));
      if (pl.end > d->today)
        pl.end = d->today;
    }
  span = pl.end - pl.start;

  pl.officer = age <= 10 && !pl.closed && chance (r, 0.35) ? -1
               : (int) pick (r, d->officers->len);
  if (pl.officer >= 0)
    {
      pl.allocation_jd[0] = pl.start;
      pl.allocation_officer[0] = pl.officer;
      pl.n_allocations = 1;
      if (d->officers->len > 1 && span > 60 && chance (r, 0.07))
        {
          pl.reassign_to = (pl.officer + 1 + (int) pick (r, d->officers->len - 1))
                           % (int) d->officers->len;
          pl.reassign_jd = pl.start + span * (guint32) between (r, 30, 70) / 100;
        }

      x = g_rand_double (r);
      target = x < 0.58 ? S_EARLY : x < 0.83 ? S_CONTRACT : x < 0.93 ? S_NTI
               : x < 0.975 ? S_PENALTY : x < 0.993 ? S_PROSECUTION : S_ESO;
      {
        guint32 at = pl.start;
        static const int gaps[N_STAGES][2] = {
          { 0, 0 }, { 21, 40 }, { 28, 45 }, { 25, 42 }, { 35, 60 }, { 30, 50 },
        };

        for (int k = S_CONTRACT; k <= target; k++)
          {
            if (target == S_ESO && (k == S_PENALTY || k == S_PROSECUTION))
              continue;
            at += (guint32) between (r, gaps[k][0], gaps[k][1]);
            if (at + 2 > pl.end)
              break;
            pl.stage_jd[k] = at;
          }
      }
    }

  pl.source = PICK_WEIGHTED (r, sources);
  plan_events (&pl);
  if (pl.events->len == 0)
    {
      ok = TRUE;
      goto out;
    }
  /* Stages the chronology did not reach are not stages the case reached. */
  for (int k = pl.stage + 1; k < N_STAGES; k++)
    pl.stage_jd[k] = 0;

  if (pl.closed)
    {
      if ((pl.stage == S_PROSECUTION || pl.stage == S_ESO) && chance (r, 0.7))
        closure_reason = "legal_concluded";
      else
        closure_reason = PICK_WEIGHTED (r, closures);
      close_event (&pl, closure_reason);
      closure_outcome (r, closure_reason, outcome, sizeof outcome);
      julian_iso (pl.end, closed);
    }
  status = pl.closed ? "closed" : pl.officer < 0 ? "referred"
           : cl_case_stage_is_legal (stage_ids[pl.stage]) ? "legal" : "open";

  /* Reasons. */
  source = pl.source;
  g_ptr_array_add (reasons, (gpointer) (g_strcmp0 (source, "cme") == 0 ? "cme"
                                        : "irregular_attendance"));
  if (chance (r, 0.15))
    g_ptr_array_add (reasons, (gpointer) "emotional_wellbeing");
  if (chance (r, 0.1))
    g_ptr_array_add (reasons, (gpointer) "health");
  if (lead->young_carer || chance (r, 0.03))
    g_ptr_array_add (reasons, (gpointer) "young_carer");
  if (chance (r, 0.1))
    g_ptr_array_add (reasons, (gpointer) "family_circumstances");
  if (chance (r, 0.06))
    g_ptr_array_add (reasons, (gpointer) "term_time_holiday");
  if (chance (r, 0.05))
    g_ptr_array_add (reasons, (gpointer) "bullying");
  if (chance (r, 0.04))
    g_ptr_array_add (reasons, (gpointer) "part_time_timetable");
  if (chance (r, 0.04))
    g_ptr_array_add (reasons, (gpointer) "reintegration");
  if (lead->looked_after || chance (r, 0.03))
    g_ptr_array_add (reasons, (gpointer) "safeguarding");

  /* The case. */
  julian_iso (pl.start, referral);
  {
    sqlite3_stmt *stmt = s->insert_case;
    char at[32];
    Ev *first_ev = &g_array_index (pl.events, Ev, 0);

    g_snprintf (at, sizeof at, "%sT09:00:00Z", referral);
    sqlite3_bind_text (stmt, 1, referral, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, source, -1, SQLITE_STATIC);
    if (pl.officer >= 0)
      sqlite3_bind_int64 (stmt, 3, g_array_index (d->officers, Officer, pl.officer).id);
    else
      sqlite3_bind_null (stmt, 3);
    sqlite3_bind_text (stmt, 4, status, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 5, stage_ids[pl.stage], -1, SQLITE_STATIC);
    bind_opt (stmt, 6, pl.closed ? closed : NULL);
    bind_opt (stmt, 7, closure_reason);
    sqlite3_bind_text (stmt, 8, outcome, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 9, first_ev->summary != NULL ? first_ev->summary : "", -1,
                       SQLITE_STATIC);
    sqlite3_bind_text (stmt, 10, officer_name_at (d, pl.n_allocations > 0
                                                     ? pl.allocation_officer[0] : -1),
                       -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 11, at, -1, SQLITE_TRANSIENT);
    if (!step_done (d, stmt, error))
      goto out;
    case_id = sqlite3_last_insert_rowid (cl_database_get_handle (d->db));
  }
  for (guint i = 0; i < members->len; i++)
    {
      Pupil *p = &g_array_index (d->pupils, Pupil, g_array_index (members, guint, i));

      sqlite3_bind_int64 (s->insert_pupil, 1, case_id);
      sqlite3_bind_int64 (s->insert_pupil, 2, p->id);
      sqlite3_bind_int (s->insert_pupil, 3, (int) i);
      if (!step_done (d, s->insert_pupil, error))
        goto out;
    }
  for (guint i = 0; i < reasons->len; i++)
    {
      sqlite3_bind_int64 (s->insert_reason, 1, case_id);
      sqlite3_bind_text (s->insert_reason, 2, g_ptr_array_index (reasons, i), -1, SQLITE_STATIC);
      if (!step_done (d, s->insert_reason, error))
        goto out;
    }
  if (!write_history (d, s, &pl, case_id, pl.closed ? closed : NULL, closure_reason,
                      outcome, error)
      || !write_events (d, s, &pl, case_id, error))
    goto out;
  d->n_cases++;
  ok = TRUE;

out:
  g_array_unref (pl.events);
  return ok;
}

/* --- driver ------------------------------------------------------------------------ */

static gboolean
fill (Demo    *d,
      GError **error)
{
  g_autoptr(GArray) order = NULL;
  Statements s;
  sqlite3_stmt *stmt;
  guint target;
  int year;

  if (!load_officers (d, error))
    return FALSE;
  if (d->officers->len == 0)
    return TRUE;

  year = cl_academic_year_for_julian (d->today);
  d->first_day = MAX (cl_academic_year_first_julian (year - 1) + 21,
                      d->today > CASE_DAYS_BACK ? d->today - CASE_DAYS_BACK : 1);
  if (d->first_day + 2 > d->today)
    return TRUE;
  if (!load_candidates (d, error))
    return FALSE;

  stmt = cl_database_prepare (d->db, "SELECT count(*) FROM pupil WHERE deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_step (stmt);
  target = (guint) (sqlite3_column_int64 (stmt, 0) / 10);
  sqlite3_reset (stmt);

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), d->pupils->len);
  for (guint i = 0; i < d->pupils->len; i++)
    g_array_append_val (order, i);
  for (guint i = order->len; i > 1; i--)
    {
      guint j = pick (d->rand, i);
      guint t = g_array_index (order, guint, i - 1);

      g_array_index (order, guint, i - 1) = g_array_index (order, guint, j);
      g_array_index (order, guint, j) = t;
    }

  if (!prepare (d, &s, error))
    return FALSE;
  for (guint k = 0; k < order->len && d->n_cases < target; k++)
    {
      guint i = g_array_index (order, guint, k);

      if (g_array_index (d->pupils, Pupil, i).used)
        continue;
      if (!make_case (d, &s, i, error))
        return FALSE;
    }

  g_debug ("demo casework: %u cases, %u events", d->n_cases, d->n_events);
  return TRUE;
}

gboolean
cl_casework_demo_fill (ClDatabase  *db,
                       GRand       *rand,
                       GError     **error)
{
  Demo d = { 0 };
  GDate today;
  gboolean ok;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rand != NULL, FALSE);

  cl_date_today (&today);
  d.db = db;
  d.rand = rand;
  d.today = g_date_get_julian (&today);
  d.pupils = g_array_new (FALSE, TRUE, sizeof (Pupil));
  g_array_set_clear_func (d.pupils, (GDestroyNotify) pupil_clear);
  d.by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  d.officers = g_array_new (FALSE, TRUE, sizeof (Officer));

  ok = cl_database_begin (db, error);
  if (ok)
    {
      ok = fill (&d, error);
      if (ok)
        ok = cl_database_commit (db, error);
      else
        cl_database_rollback (db);
    }

  for (guint i = 0; i < d.officers->len; i++)
    g_free (g_array_index (d.officers, Officer, i).name);
  g_array_unref (d.officers);
  g_array_unref (d.pupils);
  g_hash_table_unref (d.by_id);
  return ok;
}
