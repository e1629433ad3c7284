/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "attendance/cl-attendance-stats.h"
#include "attendance/cl-calendar.h"
#include "charts/cl-chart-builders.h"
#include "documents/cl-documents-error.h"
#include "documents/cl-governors-report.h"
#include "documents/cl-letter.h"
#include "people/cl-officer-repository.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "store/cl-audit.h"
#include "store/cl-dates.h"

#define CHART_HEIGHT 215.0
#define LOWEST_ROWS  10

/* --- terms ------------------------------------------------------------------------ */

static const char *const term_ids[] = { "autumn", "spring", "summer" };

gboolean
cl_term_parse (const char  *text,
               ClTerm      *out_term,
               int         *out_academic_year,
               GError     **error)
{
  g_autofree char *lower = NULL;
  g_auto(GStrv) parts = NULL;
  int term = -1, year = -1;
  gboolean academic = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  lower = g_ascii_strdown (text, -1);
  parts = g_strsplit_set (lower, "- _", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *p = parts[i];

      if (*p == '\0')
        continue;
      for (guint t = 0; t < G_N_ELEMENTS (term_ids); t++)
        if (strcmp (p, term_ids[t]) == 0)
          term = (int) t;
      if (g_ascii_isdigit (*p))
        {
          guint64 y;
          const char *slash = strchr (p, '/');
          g_autofree char *digits = g_strndup (p, slash != NULL ? (gsize) (slash - p) : strlen (p));

          if (g_ascii_string_to_unsigned (digits, 10, 1990, 2200, &y, NULL))
            {
              year = (int) y;
              academic = slash != NULL;
            }
        }
    }
  if (term < 0 || year < 0)
    {
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                   _("“%s” is not a term: write it like autumn-2025, spring-2026 or "
                     "2026-summer"),
                   text);
      return FALSE;
    }
  /* spring-2026 is in the academic year that began in September 2025. */
  if (!academic && term != CL_TERM_AUTUMN)
    year -= 1;
  if (out_term != NULL)
    *out_term = (ClTerm) term;
  if (out_academic_year != NULL)
    *out_academic_year = year;
  return TRUE;
}

char *
cl_term_describe (ClTerm term,
                  int    academic_year)
{
  switch (term)
    {
    case CL_TERM_AUTUMN:
      return g_strdup_printf (_("Autumn term %d"), academic_year);
    case CL_TERM_SPRING:
      return g_strdup_printf (_("Spring term %d"), academic_year + 1);
    case CL_TERM_SUMMER:
      return g_strdup_printf (_("Summer term %d"), academic_year + 1);
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
name_matches (const char *name,
              ClTerm      term)
{
  static const char *const welsh[] = { "hydref", "gwanwyn", "haf" };
  g_autofree char *lower = g_utf8_strdown (name != NULL ? name : "", -1);

  return strstr (lower, term_ids[term]) != NULL || strstr (lower, welsh[term]) != NULL;
}

gboolean
cl_term_dates (ClDatabase  *db,
               gint64       school_id,
               int          academic_year,
               ClTerm       term,
               char       **out_from,
               char       **out_to,
               GError     **error)
{
  g_autoptr(ClCalendar) calendar = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  const char *from = NULL, *to = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail ((guint) term < G_N_ELEMENTS (term_ids), FALSE);

  calendar = cl_calendar_load (db, school_id, academic_year, error);
  if (calendar == NULL)
    return FALSE;
  if (cl_calendar_is_empty (calendar))
    {
      g_clear_object (&calendar);
      calendar = cl_calendar_new_standard_england (school_id, academic_year);
    }
  terms = cl_calendar_dup_terms (calendar);
  /* Terms named by season (six-term calendars split each one in two). */
  for (guint i = 0; i < terms->len; i++)
    {
      ClCalendarEntry *e = g_ptr_array_index (terms, i);

      if (!name_matches (e->name, term))
        continue;
      if (from == NULL || strcmp (e->start_date, from) < 0)
        from = e->start_date;
      if (to == NULL || strcmp (e->end_date, to) > 0)
        to = e->end_date;
    }
  if (from == NULL && terms->len == 3)
    {
      ClCalendarEntry *e = g_ptr_array_index (terms, term);
      from = e->start_date;
      to = e->end_date;
    }
  if (from == NULL)
    {
      g_autofree char *label = cl_term_describe (term, academic_year);
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_NOT_FOUND,
                   _("The school’s calendar does not show the %s: name its terms autumn, "
                     "spring and summer"),
                   label);
      return FALSE;
    }
  *out_from = g_strdup (from);
  *out_to = g_strdup (to);
  return TRUE;
}

/* --- options ------------------------------------------------------------------------ */

G_DEFINE_BOXED_TYPE (ClGovernorsReportOptions, cl_governors_report_options,
                     cl_governors_report_options_copy, cl_governors_report_options_free)

ClGovernorsReportOptions *
cl_governors_report_options_new (void)
{
  return g_new0 (ClGovernorsReportOptions, 1);
}

ClGovernorsReportOptions *
cl_governors_report_options_copy (const ClGovernorsReportOptions *options)
{
  ClGovernorsReportOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->commentary = g_strdup (options->commentary);
  return copy;
}

void
cl_governors_report_options_free (ClGovernorsReportOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->commentary);
  g_free (options);
}

/* --- the period ----------------------------------------------------------------------- */

typedef struct
{
  char    *from;
  char    *to;          /* clipped to today while the term runs */
  char    *term_end;
  gboolean running;
} Period;

static void
period_clear (Period *p)
{
  g_free (p->from);
  g_free (p->to);
  g_free (p->term_end);
}

static gboolean
period_for (ClDatabase                     *db,
            const ClGovernorsReportOptions *o,
            int                             academic_year,
            gboolean                        must_have_started,
            Period                         *out,
            GError                        **error)
{
  GDate today;
  char today_iso[11];

  memset (out, 0, sizeof *out);
  if (!cl_term_dates (db, o->school_id, academic_year, o->term, &out->from, &out->term_end,
                      error))
    return FALSE;
  cl_date_today (&today);
  cl_date_format_iso (&today, today_iso);
  if (strcmp (out->from, today_iso) > 0 && must_have_started)
    {
      g_autofree char *label = cl_term_describe (o->term, academic_year);
      g_set_error (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                   _("The %s has not started yet"), label);
      period_clear (out);
      return FALSE;
    }
  out->running = strcmp (out->term_end, today_iso) > 0;
  out->to = g_strdup (out->running ? today_iso : out->term_end);
  return TRUE;
}

/* --- charts -------------------------------------------------------------------------------- */

static GPtrArray *
build_charts (ClDatabase                     *db,
              const ClGovernorsReportOptions *o,
              const Period                   *period,
              GError                        **error)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);
  ClChartTrendData *trend;
  ClChartCalendarData *calendar;
  ClChartWeekdayData *weekday;
  ClChartBandsData *bands;
  ClChartPersistenceData *persistence;
  ClChartGroupsData *groups;

  trend = cl_chart_trend_data_for_school (db, o->school_id, period->from, period->to, error);
  if (trend == NULL)
    return NULL;
  g_ptr_array_add (charts, cl_chart_new_trend (trend));
  calendar = cl_chart_calendar_data_for_school (db, o->school_id, o->academic_year, error);
  if (calendar == NULL)
    return NULL;
  g_ptr_array_add (charts, cl_chart_new_calendar (calendar));
  weekday = cl_chart_weekday_data_for_school (db, o->school_id, period->from, period->to, error);
  if (weekday == NULL)
    return NULL;
  g_ptr_array_add (charts, cl_chart_new_weekday (weekday));
  bands = cl_chart_bands_data_for_school (db, o->school_id, period->from, period->to, error);
  if (bands == NULL)
    return NULL;
  g_ptr_array_add (charts, cl_chart_new_bands (bands));
  persistence = cl_chart_persistence_data_for_school (db, o->school_id, period->to, error);
  if (persistence == NULL)
    return NULL;
  g_ptr_array_add (charts, cl_chart_new_persistence (persistence));
  groups = cl_chart_groups_data_for_school (db, o->school_id, period->from, period->to, error);
  if (groups == NULL)
    return NULL;
  g_ptr_array_add (charts, cl_chart_new_groups (groups));
  return g_steal_pointer (&charts);
}

GPtrArray *
cl_governors_report_charts (ClDatabase                      *db,
                            const ClGovernorsReportOptions  *options,
                            GError                         **error)
{
  Period period;
  GPtrArray *charts;

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!period_for (db, options, options->academic_year, TRUE, &period, error))
    return NULL;
  charts = build_charts (db, options, &period, error);
  period_clear (&period);
  return charts;
}

/* --- the document ----------------------------------------------------------------------- */

static double
one_decimal (double value)
{
  return round (value * 10.0) / 10.0;
}

static char *
percent (double value)
{
  return g_strdup_printf ("%.1f%%", one_decimal (value));
}

static double
rate (guint part,
      guint whole)
{
  return whole > 0 ? 100.0 * part / whole : 0;
}

static char *
change (double now,
        double then,
        gboolean has_then)
{
  double d;

  if (!has_then)
    return g_strdup ("—");
  d = one_decimal (now) - one_decimal (then);
  if (fabs (d) < 0.05)
    return g_strdup (_("no change"));
  /* Percentage points, signed. */
  return g_strdup_printf (_("%+.1f points"), d);
}

static void
add_headline_row (ClDocumentTable *table,
                  const char      *measure,
                  double           now,
                  double           then,
                  gboolean         has_then,
                  const char      *now_extra,
                  const char      *then_extra)
{
  g_autofree char *a = percent (now);
  g_autofree char *b = has_then ? percent (then) : g_strdup ("—");
  g_autofree char *c = change (now, then, has_then);
  g_autofree char *a2 = now_extra != NULL ? g_strdup_printf ("%s (%s)", a, now_extra)
                                           : g_strdup (a);
  g_autofree char *b2 = has_then && then_extra != NULL ? g_strdup_printf ("%s (%s)", b, then_extra)
                                                       : g_strdup (b);
  const char *cells[] = { measure, a2, b2, c };

  cl_document_table_add_row (table, cells);
}

static char *
pupils_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pupil", "%u pupils", n), n);
}

static void
add_headline (ClDocument                *doc,
              const ClAttendanceSummary *now,
              const ClAttendanceSummary *then,
              const char                *now_label,
              const char                *then_label)
{
  g_autoptr(ClDocumentTable) table = cl_document_table_new (4);
  gboolean has_then = then->possible > 0;
  g_autofree char *pa_now = pupils_text (now->persistent_count);
  g_autofree char *pa_then = pupils_text (then->persistent_count);
  g_autofree char *sa_now = pupils_text (now->severe_count);
  g_autofree char *sa_then = pupils_text (then->severe_count);
  g_autofree char *pupils_now = g_strdup_printf ("%u", now->pupils);
  g_autofree char *pupils_then = has_then ? g_strdup_printf ("%u", then->pupils) : g_strdup ("—");
  g_autofree char *sessions_now = g_strdup_printf ("%u", now->possible);
  g_autofree char *sessions_then = has_then ? g_strdup_printf ("%u", then->possible)
                                            : g_strdup ("—");

  cl_document_table_set_column (table, 0, _("Measure"), 2.2, CL_DOCUMENT_ALIGN_LEFT);
  cl_document_table_set_column (table, 1, now_label, 1.6, CL_DOCUMENT_ALIGN_RIGHT);
  cl_document_table_set_column (table, 2, then_label, 1.6, CL_DOCUMENT_ALIGN_RIGHT);
  cl_document_table_set_column (table, 3, _("Change"), 1.1, CL_DOCUMENT_ALIGN_RIGHT);
  add_headline_row (table, _("Attendance"), now->attendance_percent, then->attendance_percent,
                    has_then, NULL, NULL);
  add_headline_row (table, _("Overall absence"), now->absence_percent, then->absence_percent,
                    has_then, NULL, NULL);
  add_headline_row (table, _("Authorised absence"), now->authorised_percent,
                    then->authorised_percent, has_then, NULL, NULL);
  add_headline_row (table, _("Unauthorised absence"), now->unauthorised_percent,
                    then->unauthorised_percent, has_then, NULL, NULL);
  add_headline_row (table, _("Persistent absence (10% or more missed)"),
                    rate (now->persistent_count, now->pupils),
                    rate (then->persistent_count, then->pupils), has_then, pa_now, pa_then);
  add_headline_row (table, _("Severe absence (50% or more missed)"),
                    rate (now->severe_count, now->pupils), rate (then->severe_count, then->pupils),
                    has_then, sa_now, sa_then);
  {
    const char *cells[] = { _("Pupils (enrolments)"), pupils_now, pupils_then, "" };
    cl_document_table_add_row (table, cells);
  }
  {
    const char *cells[] = { _("Possible sessions"), sessions_now, sessions_then, "" };
    cl_document_table_add_row (table, cells);
  }
  cl_document_add_table (doc, table);
}

static void
add_year_groups (ClDocument *doc,
                 GPtrArray  *groups)
{
  g_autoptr(ClDocumentTable) table = cl_document_table_new (7);
  const char *headers[] = {
    _("Year group"), _("Pupils"), _("Attendance"), _("Absence"), _("Unauthorised"),
    _("Persistent absence"), _("Severe absence"),
  };
  const double weights[] = { 1.5, 0.9, 1.3, 1.1, 1.4, 1.7, 1.1 };

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    cl_document_table_set_column (table, c, headers[c], weights[c],
                                  c == 0 ? CL_DOCUMENT_ALIGN_LEFT : CL_DOCUMENT_ALIGN_RIGHT);
  for (guint i = 0; i < groups->len; i++)
    {
      ClAttendanceGroup *g = g_ptr_array_index (groups, i);
      const ClAttendanceSummary *s = &g->summary;
      g_autofree char *pupils = NULL, *att = NULL, *abs = NULL, *unauth = NULL, *pa = NULL,
                      *sa = NULL;

      if (s->pupils == 0)
        continue;
      pupils = g_strdup_printf ("%u", s->pupils);
      att = percent (s->attendance_percent);
      abs = percent (s->absence_percent);
      unauth = percent (s->unauthorised_percent);
      pa = g_strdup_printf ("%u (%.1f%%)", s->persistent_count,
                            one_decimal (rate (s->persistent_count, s->pupils)));
      sa = g_strdup_printf ("%u", s->severe_count);
      {
        const char *cells[] = { g->label, pupils, att, abs, unauth, pa, sa };
        cl_document_table_add_row (table, cells);
      }
    }
  cl_document_add_table (doc, table);
}

typedef struct
{
  gint64 pupil_id;
  double attendance;
  guint  unauthorised;
  guint  possible;
  gboolean severe;
} Lowest;

static int
compare_lowest (gconstpointer a,
                gconstpointer b)
{
  const Lowest *x = a, *y = b;

  if (x->attendance != y->attendance)
    return x->attendance < y->attendance ? -1 : 1;
  return x->pupil_id < y->pupil_id ? -1 : x->pupil_id > y->pupil_id;
}

static gboolean
add_lowest (ClDocument                     *doc,
            ClDatabase                     *db,
            const ClGovernorsReportOptions *o,
            const Period                   *period,
            GError                        **error)
{
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) lowest = g_array_new (FALSE, FALSE, sizeof (Lowest));
  g_autoptr(ClPupilRepository) repo = cl_pupil_repository_new (db);
  g_autoptr(ClDocumentTable) table = NULL;
  guint shown = 0;

  all = cl_attendance_summary_all_pupils (db, o->school_id, period->from, period->to, error);
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      ClPupilAttendance *p = &g_array_index (all, ClPupilAttendance, i);
      Lowest l = { p->pupil_id, p->summary.attendance_percent, p->summary.unauthorised,
                   p->summary.possible, p->summary.severe };

      if (p->summary.possible > 0 && p->summary.persistent)
        g_array_append_val (lowest, l);
    }
  g_array_sort (lowest, compare_lowest);

  cl_document_add_heading (doc, 2, _("Pupils with the lowest attendance"));
  if (lowest->len == 0)
    {
      cl_document_add_text (doc, _("No pupil was persistently absent this term."),
                            CL_DOCUMENT_ALIGN_LEFT);
      return TRUE;
    }
  table = cl_document_table_new (o->include_names ? 5 : 4);
  if (o->include_names)
    {
      cl_document_table_set_column (table, 0, _("Pupil"), 2.4, CL_DOCUMENT_ALIGN_LEFT);
      cl_document_table_set_column (table, 1, _("Year"), 1.0, CL_DOCUMENT_ALIGN_LEFT);
    }
  else
    cl_document_table_set_column (table, 0, _("Pupil"), 1.6, CL_DOCUMENT_ALIGN_LEFT);
  cl_document_table_set_column (table, o->include_names ? 2 : 1, _("Attendance"), 1.1,
                                CL_DOCUMENT_ALIGN_RIGHT);
  cl_document_table_set_column (table, o->include_names ? 3 : 2, _("Unauthorised sessions"), 1.5,
                                CL_DOCUMENT_ALIGN_RIGHT);
  cl_document_table_set_column (table, o->include_names ? 4 : 3, _("Absence"), 1.6,
                                CL_DOCUMENT_ALIGN_LEFT);
  for (guint i = 0; i < lowest->len && shown < LOWEST_ROWS; i++)
    {
      Lowest *l = &g_array_index (lowest, Lowest, i);
      g_autoptr(ClPupil) pupil = cl_pupil_repository_get (repo, l->pupil_id, NULL);
      g_autofree char *name = NULL, *year = NULL, *att = NULL, *unauth = NULL;
      const char *status = l->severe ? _("severe") : _("persistent");

      if (pupil == NULL)
        continue;   /* deleted since */
      att = percent (l->attendance);
      unauth = g_strdup_printf ("%u", l->unauthorised);
      if (o->include_names)
        {
          const char *cells[5];

          name = g_strdup_printf ("%s %s", cl_pupil_get_forename (pupil),
                                  cl_pupil_get_surname (pupil));
          year = cl_nc_year_label (cl_pupil_get_nc_year (pupil));
          cells[0] = name;
          cells[1] = year;
          cells[2] = att;
          cells[3] = unauth;
          cells[4] = status;
          cl_document_table_add_row (table, cells);
        }
      else
        {
          const char *cells[4];

          /* Pupil A … Pupil Z, then Pupil AA …: never a name. */
          if (shown < 26)
            name = g_strdup_printf (_("Pupil %c"), 'A' + shown);
          else
            name = g_strdup_printf (_("Pupil %c%c"), 'A' + shown / 26 - 1, 'A' + shown % 26);
          cells[0] = name;
          cells[1] = att;
          cells[2] = unauth;
          cells[3] = status;
          cl_document_table_add_row (table, cells);
        }
      shown++;
    }
  {
    g_autofree char *intro =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u pupil was persistently absent this term; the table "
                                    "shows up to %u with the lowest attendance.",
                                    "%u pupils were persistently absent this term; the table "
                                    "shows up to %u with the lowest attendance.",
                                    lowest->len),
                       lowest->len, LOWEST_ROWS);
    cl_document_add_text (doc, intro, CL_DOCUMENT_ALIGN_LEFT);
  }
  cl_document_add_table (doc, table);
  cl_document_add_paragraph (doc,
                             o->include_names
                               ? _("<i>This report names pupils. Share it only with those who "
                                   "need to know, and keep it securely.</i>")
                               : _("<i>Pupils are not named in this report. The education welfare "
                                   "officer can identify them to the head teacher.</i>"),
                             CL_DOCUMENT_ALIGN_LEFT);
  return TRUE;
}

static gboolean
has_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

static ClOfficer *
report_officer (ClDatabase                     *db,
                ClSchool                       *school,
                const ClGovernorsReportOptions *o)
{
  g_autoptr(ClOfficerRepository) officers = cl_officer_repository_new (db);
  gint64 id = o->officer_id != 0 ? o->officer_id : cl_school_get_link_officer_id (school);

  return id != 0 ? cl_officer_repository_get (officers, id, NULL) : NULL;
}

ClDocument *
cl_governors_report_build (ClDatabase                      *db,
                           const ClGovernorsReportOptions  *o,
                           GError                         **error)
{
  g_autoptr(ClSchoolRepository) schools = NULL;
  g_autoptr(ClSchool) school = NULL;
  g_autoptr(ClOfficer) officer = NULL;
  g_autoptr(ClLetterhead) letterhead = NULL;
  g_autoptr(ClDocument) doc = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_autofree char *term_label = NULL, *last_label = NULL, *title = NULL, *from_text = NULL,
                  *to_text = NULL, *end_text = NULL, *today_text = NULL, *intro = NULL;
  ClAttendanceSummary now, then;
  Period period = { 0 }, last = { 0 };
  gboolean have_last;
  GDate today;
  char today_iso[11];

  g_return_val_if_fail (CL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (o != NULL, NULL);

  schools = cl_school_repository_new (db);
  school = cl_school_repository_get (schools, o->school_id, error);
  if (school == NULL)
    return NULL;
  if (!period_for (db, o, o->academic_year, TRUE, &period, error))
    return NULL;

  memset (&then, 0, sizeof then);
  if (!cl_attendance_summary_for_school (db, o->school_id, period.from, period.to, &now, error))
    goto fail;
  /* The same term last year, over the same share of it when this one is running. */
  have_last = period_for (db, o, o->academic_year - 1, FALSE, &last, NULL);
  if (have_last)
    {
      if (period.running)
        {
          GDate a, b, c;
          g_autofree char *clip = NULL;

          cl_date_parse (period.from, &a);
          cl_date_parse (period.to, &b);
          cl_date_parse (last.from, &c);
          g_date_add_days (&c, (guint) g_date_days_between (&a, &b));
          clip = cl_date_to_iso (&c);
          if (strcmp (clip, last.to) < 0)
            {
              g_free (last.to);
              last.to = g_steal_pointer (&clip);
            }
        }
      if (!cl_attendance_summary_for_school (db, o->school_id, last.from, last.to, &then, error))
        goto fail;
    }

  charts = build_charts (db, o, &period, error);
  if (charts == NULL)
    goto fail;
  years = cl_attendance_summary_by_nc_year (db, o->school_id, period.from, period.to, error);
  if (years == NULL)
    goto fail;

  officer = report_officer (db, school, o);
  letterhead = cl_letterhead_load (db);
  term_label = cl_term_describe (o->term, o->academic_year);
  last_label = cl_term_describe (o->term, o->academic_year - 1);
  title = g_strdup_printf (_("Attendance report to governors: %s, %s"), cl_school_get_name (school),
                           term_label);
  from_text = cl_letter_format_date (period.from, FALSE);
  to_text = cl_letter_format_date (period.to, FALSE);
  end_text = cl_letter_format_date (period.term_end, FALSE);
  cl_date_today (&today);
  cl_date_format_iso (&today, today_iso);
  today_text = cl_letter_format_date (today_iso, FALSE);

  doc = cl_document_new ();
  cl_document_set_title (doc, title);
  cl_document_set_subject (doc, _("Attendance figures, charts and commentary for the governing "
                                  "body"));
  cl_document_set_keywords (doc, "governors report attendance");
  if (officer != NULL)
    cl_document_set_author (doc, cl_officer_get_name (officer));
  cl_document_set_letterhead (doc, letterhead);
  cl_document_set_footer_text (doc, o->include_names ? _("OFFICIAL-SENSITIVE: names pupils")
                                                     : _("OFFICIAL"));

  cl_document_add_heading (doc, 1, _("Attendance report to governors"));
  {
    g_autofree char *school_markup = g_markup_printf_escaped ("<b>%s</b>\n%s: %s to %s%s",
                                                              cl_school_get_name (school),
                                                              term_label, from_text,
                                                              period.running ? to_text : end_text,
                                                              period.running
                                                                ? _(" (the term is still running: "
                                                                    "figures to date)")
                                                                : "");
    cl_document_add_paragraph (doc, school_markup, CL_DOCUMENT_ALIGN_LEFT);
  }
  if (officer != NULL)
    intro = g_strdup_printf (_("Prepared by %s, %s, on %s."), cl_officer_get_name (officer),
                             cl_officer_role_label (cl_officer_get_role (officer)), today_text);
  else
    intro = g_strdup_printf (_("Prepared on %s."), today_text);
  cl_document_add_text (doc, intro, CL_DOCUMENT_ALIGN_LEFT);

  cl_document_add_heading (doc, 2, _("Headline figures"));
  add_headline (doc, &now, &then, term_label, last_label);
  if (then.possible == 0)
    cl_document_add_paragraph (doc, _("<i>There are no figures for the same term last year to "
                                      "compare with.</i>"),
                               CL_DOCUMENT_ALIGN_LEFT);
  else if (period.running)
    cl_document_add_paragraph (doc, _("<i>Last year’s figures cover the same number of days from "
                                      "the start of the term.</i>"),
                               CL_DOCUMENT_ALIGN_LEFT);

  cl_document_add_heading (doc, 2, _("Commentary"));
  if (has_text (o->commentary))
    {
      g_auto(GStrv) paras = g_regex_split_simple ("\\n\\s*\\n", o->commentary, 0, 0);

      for (guint i = 0; paras[i] != NULL; i++)
        {
          g_strstrip (paras[i]);
          if (*paras[i] != '\0')
            cl_document_add_text (doc, paras[i], CL_DOCUMENT_ALIGN_JUSTIFY);
        }
    }
  else
    cl_document_add_paragraph (doc, _("<i>No commentary was added.</i>"), CL_DOCUMENT_ALIGN_LEFT);

  cl_document_add_heading (doc, 2, _("Charts"));
  for (guint i = 0; i < charts->len; i++)
    {
      ClChart *chart = g_ptr_array_index (charts, i);
      g_autofree char *caption = g_markup_printf_escaped ("<span size=\"small\">%s</span>",
                                                          cl_chart_get_description (chart));

      cl_document_add_heading (doc, 3, cl_chart_get_title (chart));
      cl_document_add_chart (doc, chart,
                             cl_chart_get_kind (chart) == CL_CHART_KIND_GROUPS ? CHART_HEIGHT * 1.35
                                                                               : CHART_HEIGHT);
      cl_document_add_paragraph (doc, caption, CL_DOCUMENT_ALIGN_LEFT);
    }

  cl_document_add_heading (doc, 2, _("Attendance by year group"));
  add_year_groups (doc, years);

  if (!add_lowest (doc, db, o, &period, error))
    goto fail;

  cl_document_add_heading (doc, 2, _("Notes on the figures"));
  cl_document_add_bullet (doc, _("Figures are counted from the school’s registers as the "
                                 "Department for Education counts them: each morning and "
                                 "afternoon is a session, and possible sessions are those when "
                                 "the pupil was expected to attend."));
  cl_document_add_bullet (doc, _("A pupil is persistently absent when they miss 10% or more of "
                                 "their own possible sessions, and severely absent when they miss "
                                 "50% or more. Rates are of enrolments: a pupil who joined or left "
                                 "during the term counts for the sessions they were on roll."));
  cl_document_add_bullet (doc, _("Approved educational activity (for example a trip or work "
                                 "experience) counts as attendance."));
  {
    double cmp_pa, cmp_sa;
    g_autofree char *label = NULL;

    cl_chart_comparison_load (db, &cmp_pa, &cmp_sa, &label);
    if (!isnan (cmp_pa) || !isnan (cmp_sa))
      {
        g_autofree char *text =
          g_strdup_printf (_("The dashed comparison lines show figures entered by the service "
                             "(%s)."),
                           label != NULL ? label : _("comparison"));
        cl_document_add_bullet (doc, text);
      }
  }

  period_clear (&period);
  period_clear (&last);
  return g_steal_pointer (&doc);

fail:
  period_clear (&period);
  period_clear (&last);
  return NULL;
}

gboolean
cl_governors_report_audit_export (ClDatabase                      *db,
                                  const ClGovernorsReportOptions  *o,
                                  const char                      *how,
                                  GError                         **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (CL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (o != NULL, FALSE);

  detail = g_strdup_printf ("governors report %s %d/%02d %s%s", term_ids[o->term],
                            o->academic_year, (o->academic_year + 1) % 100,
                            how != NULL ? how : "exported",
                            o->include_names ? ", names pupils" : ", pupils not named");
  if (!cl_database_begin (db, error))
    return FALSE;
  if (!cl_audit_append (db, "export", "school", o->school_id, detail, error))
    {
      cl_database_rollback (db);
      return FALSE;
    }
  return cl_database_commit (db, error);
}

/* --- on a worker thread --------------------------------------------------------------------- */

typedef struct
{
  char                     *db_path;
  ClGovernorsReportOptions *options;
} ReportTask;

static void
report_task_free (gpointer data)
{
  ReportTask *t = data;

  g_free (t->db_path);
  cl_governors_report_options_free (t->options);
  g_free (t);
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportTask *t = task_data;
  g_autoptr(ClDatabase) db = NULL;
  g_autoptr(ClDocument) doc = NULL;
  GError *error = NULL;
  GBytes *bytes;

  db = cl_database_open (t->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  doc = cl_governors_report_build (db, t->options, &error);
  if (doc == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  bytes = cl_document_to_pdf (doc, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
cl_governors_report_pdf_async (ClDatabase                     *db,
                               const ClGovernorsReportOptions *options,
                               GCancellable                   *cancellable,
                               GAsyncReadyCallback             callback,
                               gpointer                        user_data)
{
  g_autoptr(GTask) task = NULL;
  ReportTask *t;
  const char *path;

  g_return_if_fail (CL_IS_DATABASE (db));
  g_return_if_fail (options != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_governors_report_pdf_async);
  path = cl_database_get_path (db);
  if (path == NULL || strcmp (path, ":memory:") == 0)
    {
      g_task_return_new_error (task, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_INVALID,
                               _("Reports are made on a second connection, which an in-memory "
                                 "database cannot have"));
      return;
    }
  t = g_new0 (ReportTask, 1);
  t->db_path = g_strdup (path);
  t->options = cl_governors_report_options_copy (options);
  g_task_set_task_data (task, t, report_task_free);
  g_task_run_in_thread (task, report_thread);
}

GBytes *
cl_governors_report_pdf_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, cl_governors_report_pdf_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
