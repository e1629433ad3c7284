/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-attendance-demo.h"
#include "attendance/cl-attendance-error.h"
#include "attendance/cl-attendance-private.h"
#include "attendance/cl-calendar.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-register-repository.h"
#include "store/cl-audit.h"

#define BATCH 2000

/* The code ids one register uses. */
typedef struct {
  guint8 am, pm, late, late_u;
  guint8 ill, medical, other_auth, religious, excluded;
  guint8 holiday, unauth, no_reason;
  guint8 visit, sport;
  guint8 closed;
} DemoCodes;

/* What the calendar says, shared by every register. */
typedef struct {
  guint32 first;               /* julian of 1 September */
  int     last_day;            /* day index of up_to_date (clamped to the year) */
  gboolean in_progress;        /* the school has open days after last_day */
  int     open[366];           /* day indices open to pupils, up to last_day */
  int     n_open;
  gboolean closed_in_term[366];/* INSET days and bank holidays inside a term: "#" */
  guint8  month[366];
  guint8  weekday[366];
  int     breaks[64];          /* positions k in open[] beside a break; < 0: -(k+1) after */
  int     n_breaks;
  int     mon_fri[200];        /* positions k in open[] that are Mondays or Fridays */
  int     n_mon_fri;
} DemoPlan;

static gboolean
resolve_codes (ClCodeTable *codes,
               const char  *code_set,
               DemoCodes   *c,
               GError     **error)
{
  struct { guint8 *id; const char *code; } want[] = {
    { &c->am, "/" }, { &c->pm, "\\" }, { &c->late, "L" }, { &c->late_u, "U" },
    { &c->ill, "I" }, { &c->medical, "M" }, { &c->other_auth, "C" }, { &c->religious, "R" },
    { &c->excluded, "E" }, { &c->holiday, "G" }, { &c->unauth, "O" }, { &c->no_reason, "N" },
    { &c->visit, "V" }, { &c->sport, "P" }, { &c->closed, "#" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      *want[i].id = cl_code_table_resolve (codes, code_set, want[i].code, NULL, error);
      if (*want[i].id == 0)
        return FALSE;
    }
  return TRUE;
}

static void
plan_init (DemoPlan   *plan,
           ClCalendar *calendar,
           guint32     first,
           int         last_day)
{
  g_autoptr(GPtrArray) terms = cl_calendar_dup_terms (calendar);
  int n_days = cl_academic_year_n_sessions (cl_calendar_get_academic_year (calendar)) / 2;
  int all_open[366];
  int n_all = 0;

  memset (plan, 0, sizeof *plan);
  plan->first = first;
  plan->last_day = last_day;

  for (int d = 0; d < n_days; d++)
    {
      GDate gd;
      ClCalendarDay kind = cl_calendar_get_day_julian (calendar, first + (guint32) d);

      g_date_clear (&gd, 1);
      g_date_set_julian (&gd, first + (guint32) d);
      plan->month[d] = (guint8) g_date_get_month (&gd);
      plan->weekday[d] = (guint8) cl_attendance_julian_weekday (first + (guint32) d);
      if (kind == CL_CALENDAR_DAY_OPEN)
        all_open[n_all++] = d;
      if ((kind == CL_CALENDAR_DAY_INSET || kind == CL_CALENDAR_DAY_BANK_HOLIDAY
           || kind == CL_CALENDAR_DAY_CLOSURE))
        {
          for (guint t = 0; t < terms->len; t++)
            {
              ClCalendarEntry *e = g_ptr_array_index (terms, t);
              guint32 a, b;

              if (cl_attendance_date_to_julian (e->start_date, &a)
                  && cl_attendance_date_to_julian (e->end_date, &b)
                  && first + (guint32) d >= a && first + (guint32) d <= b)
                plan->closed_in_term[d] = TRUE;
            }
        }
    }

  for (int k = 0; k < n_all && all_open[k] <= last_day; k++)
    plan->open[plan->n_open++] = all_open[k];
  plan->in_progress = plan->n_open < n_all;

  for (int k = 0; k < plan->n_open; k++)
    {
      int d = plan->open[k];

      gboolean room = plan->n_breaks < (int) G_N_ELEMENTS (plan->breaks) - 1;

      if (room && k + 1 < n_all && all_open[k + 1] - d > 3)
        plan->breaks[plan->n_breaks++] = k;
      if (room && k > 0 && d - all_open[k - 1] > 3)
        plan->breaks[plan->n_breaks++] = -(k + 1);
      if ((plan->weekday[d] == 0 || plan->weekday[d] == 4)
          && plan->n_mon_fri < (int) G_N_ELEMENTS (plan->mon_fri))
        plan->mon_fri[plan->n_mon_fri++] = k;
    }
}

typedef enum {
  PROFILE_REGULAR,
  PROFILE_PERSISTENT,
  PROFILE_SEVERE,
} Profile;

typedef struct {
  GRand     *rand;
  guint8    *s;        /* per open-day session of this pupil: 0 = present, else the code */
  int        k0, k1;   /* the pupil's open days are open[k0 .. k1-1] */
  guint      absent;
  guint      budget;
} Gen;

/* Marks sessions [k, k+days) both AM and PM (or one session when half >= 0). */
static void
mark_days (Gen   *g,
           int    k,
           int    days,
           int    half,
           guint8 code)
{
  for (int i = k; i < k + days && i < g->k1 && g->absent < g->budget; i++)
    {
      if (i < g->k0)
        continue;
      for (int s = 0; s < 2; s++)
        {
          guint8 *slot = &g->s[(i - g->k0) * 2 + s];

          if ((half >= 0 && s != half) || *slot != 0)
            continue;
          *slot = code;
          g->absent++;
        }
    }
}

static int
random_day (Gen *g)
{
  return g_rand_int_range (g->rand, g->k0, g->k1);
}

static int
geometric_length (GRand *rand,
                  int    max_len,
                  double p_more)
{
  int len = 1;

  while (len < max_len && g_rand_double (rand) < p_more)
    len++;
  return len;
}

static void
generate (GRand           *rand,
          const DemoPlan  *plan,
          const DemoCodes *c,
          int              first_day,
          int              last_day,
          gboolean         at_end,
          guint8          *marks)
{
  guint8 s[2 * 366];
  Gen g = { rand, s, 0, 0, 0, 0 };
  double r = g_rand_double (rand);
  Profile profile;
  double rate, late_prob;
  gboolean mon_fri, holiday_taker;
  int n_days, holidays = 0;

  /* Closed days inside terms. */
  for (int d = first_day; d <= last_day; d++)
    if (plan->closed_in_term[d])
      marks[2 * d] = marks[2 * d + 1] = c->closed;

  while (g.k0 < plan->n_open && plan->open[g.k0] < first_day)
    g.k0++;
  g.k1 = g.k0;
  while (g.k1 < plan->n_open && plan->open[g.k1] <= last_day)
    g.k1++;
  n_days = g.k1 - g.k0;
  if (n_days <= 0)
    return;
  memset (s, 0, (gsize) n_days * 2);

  if (r < 0.02)
    {
      profile = PROFILE_SEVERE;
      rate = 0.50 + 0.35 * g_rand_double (rand);
    }
  else if (r < 0.145)
    {
      profile = PROFILE_PERSISTENT;
      rate = 0.105 + 0.30 * pow (g_rand_double (rand), 2.0);
    }
  else
    {
      profile = PROFILE_REGULAR;
      rate = 0.015 + 0.055 * g_rand_double (rand);
    }
  mon_fri = g_rand_double (rand) < (profile == PROFILE_REGULAR ? 0.04 : 0.35);
  holiday_taker = g_rand_double (rand) < (profile == PROFILE_REGULAR ? 0.10 : 0.30);
  late_prob = g_rand_double (rand) < 0.15 ? 0.02 + 0.08 * g_rand_double (rand) : 0.003;
  g.budget = (guint) lround (rate * 2 * n_days);

  for (int attempt = 0; attempt < 4000 && g.absent < g.budget; attempt++)
    {
      double e = g_rand_double (rand);
      int k;

      if (holiday_taker && holidays < 2 && plan->n_breaks > 0 && e < 0.12)
        {
          /* A week's holiday taken beside a break. */
          int b = plan->breaks[g_rand_int_range (rand, 0, plan->n_breaks)];
          int len = g_rand_int_range (rand, 2, 6);

          k = b >= 0 ? b - len + 1 : -b - 1;
          mark_days (&g, k, len, -1, c->holiday);
          holidays++;
        }
      else if (mon_fri && plan->n_mon_fri > 0 && e < 0.55)
        {
          k = plan->mon_fri[g_rand_int_range (rand, 0, plan->n_mon_fri)];
          r = g_rand_double (rand);
          mark_days (&g, k, 1, -1, r < 0.5 ? c->unauth : r < 0.9 ? c->ill : c->other_auth);
        }
      else if (profile == PROFILE_SEVERE && e < 0.75)
        {
          /* Long runs of unexplained absence. */
          k = random_day (&g);
          mark_days (&g, k, g_rand_int_range (rand, 3, 16), -1,
                     g_rand_double (rand) < 0.8 ? c->unauth : c->holiday);
        }
      else if (profile == PROFILE_PERSISTENT && e < 0.45)
        {
          k = random_day (&g);
          mark_days (&g, k, geometric_length (rand, 6, 0.5), -1,
                     g_rand_double (rand) < 0.85 ? c->unauth : c->excluded);
        }
      else if (e < 0.80)
        {
          /* Illness, in clusters, more of it in winter. */
          k = random_day (&g);
          if (plan->month[plan->open[k]] >= 3 && plan->month[plan->open[k]] <= 10
              && g_rand_double (rand) < 0.6)
            continue;
          if (g_rand_double (rand) < 0.15)
            mark_days (&g, k, 1, 1, c->ill);
          else
            mark_days (&g, k, geometric_length (rand, 5, 0.45), -1, c->ill);
        }
      else if (e < 0.90)
        mark_days (&g, random_day (&g), 1, g_rand_int_range (rand, 0, 2), c->medical);
      else if (e < 0.94)
        mark_days (&g, random_day (&g), 1, -1, c->religious);
      else if (e < 0.97)
        mark_days (&g, random_day (&g), 1, -1, c->other_auth);
      else
        mark_days (&g, random_day (&g), 1, g_rand_int_range (rand, 0, 2), c->unauth);
    }

  /* Trips and sport (approved educational activity). */
  if (g_rand_double (rand) < 0.25)
    {
      int k = random_day (&g) - g.k0;
      if (s[2 * k] == 0 && s[2 * k + 1] == 0)
        s[2 * k] = s[2 * k + 1] = c->visit;
    }
  if (g_rand_double (rand) < 0.05)
    {
      int k = random_day (&g) - g.k0;
      if (s[2 * k + 1] == 0)
        s[2 * k + 1] = c->sport;
    }

  /* Some severely absent pupils are missing now: the last two or three weeks
   * unexplained. */
  if (at_end && profile == PROFILE_SEVERE && g_rand_double (rand) < 0.35)
    {
      int len = MIN (g_rand_int_range (rand, 10, 16), n_days);
      for (int k = g.k1 - len; k < g.k1; k++)
        s[2 * (k - g.k0)] = s[2 * (k - g.k0) + 1] = c->unauth;
    }

  /* A few N marks near the end, not yet resolved (some now overdue), while
   * the year is still going on. */
  if (at_end && plan->in_progress && g_rand_double (rand) < 0.03)
    {
      int n = g_rand_int_range (rand, 1, 3);
      for (int i = 0; i < n; i++)
        {
          int k = g.k1 - 1 - g_rand_int_range (rand, 0, MIN (8, n_days));
          s[2 * (k - g.k0)] = s[2 * (k - g.k0) + 1] = c->no_reason;
        }
    }

  for (int k = g.k0; k < g.k1; k++)
    {
      int d = plan->open[k];
      guint8 am = s[2 * (k - g.k0)];
      guint8 pm = s[2 * (k - g.k0) + 1];

      if (am == 0)
        {
          am = c->am;
          if (g_rand_double (rand) < late_prob)
            am = g_rand_double (rand) < 0.12 ? c->late_u : c->late;
        }
      if (pm == 0)
        pm = c->pm;
      marks[2 * d] = am;
      marks[2 * d + 1] = pm;
    }
}

static gboolean
delete_year (ClDatabase  *db,
             int          academic_year,
             const char  *up_to,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    cl_database_prepare (db,
                         "DELETE FROM register WHERE academic_year = ?1 AND "
                         "(pupil_id, school_id) IN (SELECT pupil_id, school_id FROM enrolment "
                         "WHERE start_date <= ?2 AND (end_date IS NULL OR end_date >= ?2))",
                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, academic_year);
  sqlite3_bind_text (stmt, 2, up_to, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not replace the registers"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_calendars (ClDatabase  *db,
                int          academic_year,
                const char  *up_to,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) schools = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = cl_database_prepare (db,
                              "SELECT DISTINCT school_id FROM enrolment WHERE start_date <= ?1 "
                              "AND (end_date IS NULL OR end_date >= ?1) ORDER BY school_id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, up_to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (schools, id);
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the enrolments"));
      return FALSE;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < schools->len; i++)
    {
      g_autoptr(ClCalendar) calendar =
        cl_calendar_new_standard_england (g_array_index (schools, gint64, i), academic_year);
      if (!cl_calendar_save (calendar, db, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill (ClDatabase  *db,
      GRand       *rand,
      int          academic_year,
      const char  *up_to,
      const DemoPlan *plan,
      ClCodeTable *codes,
      guint       *out_count,
      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *first_date = cl_attendance_date_from_julian (plan->first);
  DemoCodes england, wales;
  int n_sessions = cl_academic_year_n_sessions (academic_year);
  int rc;

  *out_count = 0;
  if (!resolve_codes (codes, cl_code_set_for ("england", first_date), &england, error)
      || !resolve_codes (codes, cl_code_set_for ("wales", first_date), &wales, error))
    return FALSE;

  stmt = cl_database_prepare (db,
                              "SELECT e.pupil_id, e.school_id, e.start_date, e.end_date, s.country "
                              "FROM enrolment e JOIN school s ON s.id = e.school_id "
                              "JOIN pupil p ON p.id = e.pupil_id "
                              "WHERE p.deleted_at IS NULL AND e.start_date <= ?1 "
                              "AND (e.end_date IS NULL OR e.end_date >= ?1) ORDER BY e.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, up_to, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pupil_id = sqlite3_column_int64 (stmt, 0);
      gint64 school_id = sqlite3_column_int64 (stmt, 1);
      const char *start = (const char *) sqlite3_column_text (stmt, 2);
      const char *end = (const char *) sqlite3_column_text (stmt, 3);
      gboolean welsh = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), "wales") == 0;
      char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, pupil_id, school_id);
      ClRegister *reg;
      guint32 j;
      int first_day = 0, last_day = plan->last_day;

      if (!g_hash_table_add (seen, key))
        continue;
      if (cl_attendance_date_to_julian (start, &j) && j > plan->first)
        first_day = (int) (j - plan->first);
      if (end != NULL && cl_attendance_date_to_julian (end, &j) && j >= plan->first)
        last_day = MIN (last_day, (int) (j - plan->first));
      if (first_day > last_day)
        continue;

      reg = cl_register_new (pupil_id, school_id, academic_year);
      generate (rand, plan, welsh ? &wales : &england, first_day, last_day,
                last_day == plan->last_day, cl_register_get_buffer (reg));
      cl_register_set_n_marks (reg, (guint) MIN (2 * (plan->last_day + 1), n_sessions));
      g_ptr_array_add (batch, reg);
      (*out_count)++;

      if (batch->len == BATCH)
        {
          if (!cl_register_store_many (db, batch, error))
            return FALSE;
          g_ptr_array_set_size (batch, 0);
        }
    }
  if (rc != SQLITE_DONE)
    {
      cl_database_set_error (db, error, _("Could not read the enrolments"));
      return FALSE;
    }
  return cl_register_store_many (db, batch, error);
}

gboolean
cl_attendance_demo_fill (ClDatabase  *db,
                         GRand       *rand,
                         int          academic_year,
                         const char  *up_to_date,
                         GError     **error)
{
  g_autoptr(ClCodeTable) codes = NULL;
  g_autoptr(ClCalendar) calendar = NULL;
  g_autofree DemoPlan *plan = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *up_to = NULL;
  guint32 first, j;
  int n_days;
  guint count = 0;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rand != NULL, FALSE);

  if (academic_year < 1991 || academic_year > 2199)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_OUT_OF_RANGE,
                   _("%d is not an academic year Caseload can hold"), academic_year);
      return FALSE;
    }
  first = cl_academic_year_first_julian (academic_year);
  n_days = cl_academic_year_n_sessions (academic_year) / 2;
  if (!cl_attendance_date_to_julian (up_to_date, &j))
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_INVALID_DATE,
                   _("“%s” is not a date (dates are written YYYY-MM-DD)"),
                   up_to_date != NULL ? up_to_date : "");
      return FALSE;
    }
  if (j < first)
    {
      g_set_error (error, CL_ATTENDANCE_ERROR, CL_ATTENDANCE_ERROR_OUT_OF_RANGE,
                   _("%s is before the start of the academic year %d/%02d"),
                   up_to_date, academic_year, (academic_year + 1) % 100);
      return FALSE;
    }
  j = MIN (j, first + (guint32) n_days - 1);
  up_to = cl_attendance_date_from_julian (j);

  codes = cl_code_table_load (db, error);
  if (codes == NULL)
    return FALSE;
  calendar = cl_calendar_new_standard_england (0, academic_year);
  plan = g_new (DemoPlan, 1);
  plan_init (plan, calendar, first, (int) (j - first));

  if (!cl_database_begin (db, error))
    return FALSE;
  if (!save_calendars (db, academic_year, up_to, error)
      || !delete_year (db, academic_year, up_to, error)
      || !fill (db, rand, academic_year, up_to, plan, codes, &count, error))
    goto fail;
  detail = g_strdup_printf ("demo registers %d/%02d up to %s: %u registers", academic_year,
                            (academic_year + 1) % 100, up_to, count);
  if (!cl_audit_append (db, "create", "register", 0, detail, error))
    goto fail;
  return cl_database_commit (db, error);

fail:
  cl_database_rollback (db);
  return FALSE;
}
