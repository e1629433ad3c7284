/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-charts"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "charts/cl-chart.h"

G_DEFINE_QUARK (cl-charts-error-quark, cl_charts_error)

struct _ClChart
{
  GObject      parent_instance;
  ClChartKind  kind;
  gpointer     data;
  char        *description;
};

G_DEFINE_FINAL_TYPE (ClChart, cl_chart, G_TYPE_OBJECT)

static const char *const kind_names[] = {
  [CL_CHART_KIND_TREND] = "trend",
  [CL_CHART_KIND_CALENDAR] = "calendar",
  [CL_CHART_KIND_WEEKDAY] = "weekday",
  [CL_CHART_KIND_BANDS] = "bands",
  [CL_CHART_KIND_PERSISTENCE] = "persistence",
  [CL_CHART_KIND_GROUPS] = "groups",
};

const char *
cl_chart_kind_to_string (ClChartKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
cl_chart_kind_from_string (const char  *text,
                           ClChartKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        if (out_kind != NULL)
          *out_kind = (ClChartKind) i;
        return TRUE;
      }
  return FALSE;
}

static void
cl_chart_finalize (GObject *object)
{
  ClChart *self = CL_CHART (object);

  switch (self->kind)
    {
    case CL_CHART_KIND_TREND:
      cl_chart_trend_data_free (self->data);
      break;
    case CL_CHART_KIND_CALENDAR:
      cl_chart_calendar_data_free (self->data);
      break;
    case CL_CHART_KIND_WEEKDAY:
      cl_chart_weekday_data_free (self->data);
      break;
    case CL_CHART_KIND_BANDS:
      cl_chart_bands_data_free (self->data);
      break;
    case CL_CHART_KIND_PERSISTENCE:
      cl_chart_persistence_data_free (self->data);
      break;
    case CL_CHART_KIND_GROUPS:
      cl_chart_groups_data_free (self->data);
      break;
    default:
      g_assert_not_reached ();
    }
  g_free (self->description);

  G_OBJECT_CLASS (cl_chart_parent_class)->finalize (object);
}

static void
cl_chart_class_init (ClChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_chart_finalize;
}

static void
cl_chart_init (ClChart *self)
{
}

static ClChart *
chart_new (ClChartKind kind,
           gpointer    data,
           char       *description)
{
  ClChart *self = g_object_new (CL_TYPE_CHART, NULL);

  self->kind = kind;
  self->data = data;
  self->description = description;
  return self;
}

ClChart *
cl_chart_new_trend (ClChartTrendData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CL_CHART_KIND_TREND, data, cl_chart_trend_describe (data));
}

ClChart *
cl_chart_new_calendar (ClChartCalendarData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CL_CHART_KIND_CALENDAR, data, cl_chart_calendar_describe (data));
}

ClChart *
cl_chart_new_weekday (ClChartWeekdayData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CL_CHART_KIND_WEEKDAY, data, cl_chart_weekday_describe (data));
}

ClChart *
cl_chart_new_bands (ClChartBandsData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CL_CHART_KIND_BANDS, data, cl_chart_bands_describe (data));
}

ClChart *
cl_chart_new_persistence (ClChartPersistenceData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CL_CHART_KIND_PERSISTENCE, data, cl_chart_persistence_describe (data));
}

ClChart *
cl_chart_new_groups (ClChartGroupsData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_new (CL_CHART_KIND_GROUPS, data, cl_chart_groups_describe (data));
}

ClChartKind
cl_chart_get_kind (ClChart *self)
{
  g_return_val_if_fail (CL_IS_CHART (self), CL_CHART_KIND_TREND);
  return self->kind;
}

gconstpointer
cl_chart_get_data (ClChart *self)
{
  g_return_val_if_fail (CL_IS_CHART (self), NULL);
  return self->data;
}

const char *
cl_chart_get_title (ClChart *self)
{
  g_return_val_if_fail (CL_IS_CHART (self), NULL);

  switch (self->kind)
    {
    case CL_CHART_KIND_TREND:
      return ((ClChartTrendData *) self->data)->title;
    case CL_CHART_KIND_CALENDAR:
      return ((ClChartCalendarData *) self->data)->title;
    case CL_CHART_KIND_WEEKDAY:
      return ((ClChartWeekdayData *) self->data)->title;
    case CL_CHART_KIND_BANDS:
      return ((ClChartBandsData *) self->data)->title;
    case CL_CHART_KIND_PERSISTENCE:
      return ((ClChartPersistenceData *) self->data)->title;
    case CL_CHART_KIND_GROUPS:
      return ((ClChartGroupsData *) self->data)->title;
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cl_chart_get_description (ClChart *self)
{
  g_return_val_if_fail (CL_IS_CHART (self), NULL);
  return self->description;
}

/* --- what is under the pointer ---------------------------------------------------------- */

static char *
format_long_date (guint32 julian)
{
  GDate date;
  char text[64];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_strftime (text, sizeof text, "%-d %B %Y", &date) == 0)
    text[0] = '\0';
  return g_strdup (text);
}

static char *
describe_week (const ClChartTrendData *data,
               guint                   index)
{
  const ClChartWeek *week = &g_array_index (data->weeks, ClChartWeek, index);
  g_autofree char *day = format_long_date (week->week_start);

  if (week->possible == 0)
    /* Translators: "Week of 27 October 2025: no school". */
    return g_strdup_printf (_("Week of %s: no school"), day);
  /* Translators: "Week of 3 November 2025: 87.5% (35 of 40 sessions)". */
  return g_strdup_printf (_("Week of %s: %.1f%% (%u of %u sessions)"), day,
                          100.0 * week->attended / week->possible, week->attended,
                          week->possible);
}

static char *
describe_session (const ClChartCalendarData *data,
                  int                        session)
{
  static const char *const cells[] = {
    [CL_CHART_CELL_NONE] = N_("no mark"),
    [CL_CHART_CELL_PRESENT] = N_("present"),
    [CL_CHART_CELL_AEA] = N_("approved educational activity"),
    [CL_CHART_CELL_AUTHORISED] = N_("authorised absence"),
    [CL_CHART_CELL_UNAUTHORISED] = N_("unauthorised absence"),
    [CL_CHART_CELL_NOT_COUNTED] = N_("not counted"),
  };
  GDate date;
  char day[64];
  gboolean pm = session % 2 == 1;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, (GDateYear) data->academic_year);
  g_date_add_days (&date, (guint) session / 2);
  if (g_date_strftime (day, sizeof day, "%A %-d %B %Y", &date) == 0)
    day[0] = '\0';
  if (data->mode == CL_CHART_CALENDAR_RATES)
    {
      if (isnan (data->rates[session]))
        /* Translators: "Tuesday 4 November 2025, morning: no sessions". */
        return g_strdup_printf (pm ? _("%s, afternoon: no sessions")
                                   : _("%s, morning: no sessions"), day);
      /* Translators: "Tuesday 4 November 2025, morning: 92.5% attended". */
      return g_strdup_printf (pm ? _("%s, afternoon: %.1f%% attended")
                                 : _("%s, morning: %.1f%% attended"), day,
                              (double) data->rates[session]);
    }
  /* Translators: "Tuesday 4 November 2025, morning: unauthorised absence". */
  return g_strdup_printf (pm ? _("%s, afternoon: %s") : _("%s, morning: %s"), day,
                          _(cells[MIN (data->cells[session], CL_CHART_CELL_NOT_COUNTED)]));
}

char *
cl_chart_describe_at (ClChart            *self,
                      const ClChartStyle *style,
                      double              width,
                      double              height,
                      double              x,
                      double              y)
{
  ClChartPlotArea area;

  g_return_val_if_fail (CL_IS_CHART (self), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  switch (self->kind)
    {
    case CL_CHART_KIND_TREND:
      {
        const ClChartTrendData *data = self->data;
        guint n = data->weeks->len;

        cl_chart_trend_plot_area (data, style, width, height, &area);
        if (n == 0 || x < area.x || x >= area.x + area.width || y < area.y
            || y > area.y + area.height)
          return NULL;
        return describe_week (data, MIN (n - 1, (guint) ((x - area.x) / area.width * n)));
      }
    case CL_CHART_KIND_BANDS:
      {
        const ClChartBandsData *data = self->data;
        guint band;

        cl_chart_bands_plot_area (data, style, width, height, &area);
        if (x < area.x || x >= area.x + area.width || y < area.y || y > area.y + area.height)
          return NULL;
        band = MIN (CL_CHART_N_BANDS - 1,
                    (guint) ((x - area.x) / (area.width / CL_CHART_N_BANDS)));
        /* Translators: "90 to 95 %: 37 pupils". */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u pupil", "%s: %u pupils",
                                             data->counts[band]),
                                cl_chart_band_label (band), data->counts[band]);
      }
    case CL_CHART_KIND_CALENDAR:
      {
        int session = cl_chart_calendar_session_at (self->data, style, width, height, x, y);

        return session >= 0 ? describe_session (self->data, session) : NULL;
      }
    case CL_CHART_KIND_WEEKDAY:
      {
        static const char *const am[] = {
          N_("Monday mornings"), N_("Tuesday mornings"), N_("Wednesday mornings"),
          N_("Thursday mornings"), N_("Friday mornings"),
        };
        static const char *const pm_names[] = {
          N_("Monday afternoons"), N_("Tuesday afternoons"), N_("Wednesday afternoons"),
          N_("Thursday afternoons"), N_("Friday afternoons"),
        };
        const ClChartWeekdayData *data = self->data;
        guint d;
        gboolean pm;

        if (!cl_chart_weekday_hit (data, style, width, height, x, y, &d, &pm))
          return NULL;
        /* Translators: "Friday afternoons: 20.0% absent (20 of 100 sessions)". */
        return g_strdup_printf (_("%s: %.1f%% absent (%u of %u sessions)"),
                                pm ? _(pm_names[d]) : _(am[d]),
                                cl_chart_weekday_data_percent (data, d, pm),
                                data->absent[d][pm ? 1 : 0], data->possible[d][pm ? 1 : 0]);
      }
    case CL_CHART_KIND_PERSISTENCE:
      {
        const ClChartPersistenceData *data = self->data;
        const ClChartPersistencePoint *p;
        g_autofree char *day = NULL;
        guint i;

        if (!cl_chart_persistence_hit (data, style, width, height, x, y, &i))
          return NULL;
        p = &g_array_index (data->points, ClChartPersistencePoint, i);
        day = format_long_date (p->date);
        /* Translators: "To 20 November 2025: 14.2% persistently absent, 2.1% severely
         * (593 pupils)". */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "To %s: %.1f%% persistently absent, %.1f%% severely "
                                             "(%u pupil)",
                                             "To %s: %.1f%% persistently absent, %.1f%% severely "
                                             "(%u pupils)", p->pupils),
                                day, p->persistent_percent, p->severe_percent, p->pupils);
      }
    case CL_CHART_KIND_GROUPS:
      {
        const ClChartGroupsData *data = self->data;
        const ClChartGroupRow *r;
        guint row;

        if (!cl_chart_groups_hit (data, style, width, height, x, y, &row))
          return NULL;
        r = g_ptr_array_index (data->rows, row);
        if (r->pupils == 0)
          /* Translators: "Year 7: no pupils". */
          return g_strdup_printf (_("%s: no pupils"), r->label);
        /* Translators: "Year 7: 94.5% attendance (120 pupils)". */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %.1f%% attendance (%u pupil)",
                                             "%s: %.1f%% attendance (%u pupils)", r->pupils),
                                r->label, r->attendance_percent, r->pupils);
      }
    default:
      return NULL;
    }
}

void
cl_chart_draw (ClChart            *self,
               cairo_t            *cr,
               double              width,
               double              height,
               const ClChartStyle *style)
{
  g_autoptr(ClChartStyle) fallback = NULL;

  g_return_if_fail (CL_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    style = fallback = cl_chart_style_light ();
  switch (self->kind)
    {
    case CL_CHART_KIND_TREND:
      cl_chart_trend_draw (cr, width, height, self->data, style);
      break;
    case CL_CHART_KIND_CALENDAR:
      cl_chart_calendar_draw (cr, width, height, self->data, style);
      break;
    case CL_CHART_KIND_WEEKDAY:
      cl_chart_weekday_draw (cr, width, height, self->data, style);
      break;
    case CL_CHART_KIND_BANDS:
      cl_chart_bands_draw (cr, width, height, self->data, style);
      break;
    case CL_CHART_KIND_PERSISTENCE:
      cl_chart_persistence_draw (cr, width, height, self->data, style);
      break;
    case CL_CHART_KIND_GROUPS:
      cl_chart_groups_draw (cr, width, height, self->data, style);
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
cl_chart_export (ClChart             *self,
                 const char          *path,
                 double               width,
                 double               height,
                 const ClChartStyle  *style,
                 GError             **error)
{
  g_autofree char *lower = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png;

  g_return_val_if_fail (CL_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (width < 16 || height < 16 || width > 20000 || height > 20000)
    {
      g_set_error (error, CL_CHARTS_ERROR, CL_CHARTS_ERROR_INVALID,
                   _("A chart must be between 16 and 20000 units wide and high"));
      return FALSE;
    }
  lower = g_ascii_strdown (path, -1);
  png = g_str_has_suffix (lower, ".png");
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (path, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    {
      surface = cairo_pdf_surface_create (path, width, height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        {
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                          "Caseload " PACKAGE_VERSION);
          if (cl_chart_get_title (self) != NULL)
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                            cl_chart_get_title (self));
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                          self->description);
        }
    }
  else
    {
      g_set_error (error, CL_CHARTS_ERROR, CL_CHARTS_ERROR_FORMAT,
                   _("Cannot tell the format of “%s”: name it .png, .svg or .pdf"), path);
      return FALSE;
    }

  cr = cairo_create (surface);
  cl_chart_draw (self, cr, width, height, style);
  cairo_destroy (cr);
  if (png)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CL_CHARTS_ERROR, CL_CHARTS_ERROR_WRITE,
                   _("Could not write the chart to “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
