/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "charts/cl-chart-calendar.h"
#include "charts/cl-chart-private.h"

ClChartCalendarData *
cl_chart_calendar_data_new (const char          *title,
                            int                  academic_year,
                            ClChartCalendarMode  mode)
{
  ClChartCalendarData *data = g_new0 (ClChartCalendarData, 1);

  data->title = g_strdup (title);
  data->academic_year = academic_year;
  data->mode = mode;
  for (guint i = 0; i < CL_CHART_CALENDAR_SESSIONS; i++)
    data->rates[i] = NAN;
  return data;
}

void
cl_chart_calendar_data_free (ClChartCalendarData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data);
}

ClChartCalendarData *
cl_chart_calendar_data_copy (const ClChartCalendarData *data)
{
  ClChartCalendarData *copy = g_memdup2 (data, sizeof *data);

  copy->title = g_strdup (data->title);
  return copy;
}

static guint32
julian_of (int year,
           int month,
           int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&d);
}

typedef struct
{
  guint32 first;       /* 1 September */
  guint32 monday0;     /* the Monday of its week */
  guint32 last;        /* 31 July */
  guint   n_weeks;
  double  title_h;
  double  legend_h;
  double  gx, gy, gw, gh;
  double  cell_w, row_h, gap;
} Grid;

static guint
legend_items (const ClChartCalendarData *data,
              const ClChartStyle        *style,
              ClChartLegendItem          items[6])
{
  if (data->mode == CL_CHART_CALENDAR_CATEGORIES)
    {
      items[0] = (ClChartLegendItem) { &style->present, _("Present"), CL_CHART_MARK_BOX };
      items[1] = (ClChartLegendItem) { &style->aea, _("Approved activity"), CL_CHART_MARK_BOX };
      items[2] = (ClChartLegendItem) { &style->authorised, _("Authorised absence"),
                                       CL_CHART_MARK_BOX };
      items[3] = (ClChartLegendItem) { &style->unauthorised, _("Unauthorised absence"),
                                       CL_CHART_MARK_BOX };
      items[4] = (ClChartLegendItem) { &style->not_counted, _("Not counted"), CL_CHART_MARK_BOX };
      items[5] = (ClChartLegendItem) { &style->grid, _("No mark"), CL_CHART_MARK_BOX };
      return 6;
    }
  items[0] = (ClChartLegendItem) { &style->present, _("95 % or more present"), CL_CHART_MARK_BOX };
  items[1] = (ClChartLegendItem) { &style->authorised, _("90 to 95 %"), CL_CHART_MARK_BOX };
  items[2] = (ClChartLegendItem) { &style->warning, _("50 to 90 %"), CL_CHART_MARK_BOX };
  items[3] = (ClChartLegendItem) { &style->unauthorised, _("Under 50 %"), CL_CHART_MARK_BOX };
  items[4] = (ClChartLegendItem) { &style->grid, _("No session"), CL_CHART_MARK_BOX };
  return 5;
}

static void
compute_grid (ClChartCanvas             *c,
              const ClChartCalendarData *data,
              Grid                      *g)
{
  ClChartLegendItem items[6];
  guint n_items = legend_items (data, c->style, items);
  cairo_t *saved = c->cr;
  double label_w, line_h;

  g->first = julian_of (data->academic_year, 9, 1);
  g->monday0 = g->first - (guint32) ((g->first - 1) % 7);
  g->last = julian_of (data->academic_year + 1, 7, 31);
  g->n_weeks = (g->last - g->monday0) / 7 + 1;

  c->cr = NULL;
  g->title_h = cl_chart_canvas_title (c, data->title);
  cl_chart_canvas_text_size (c, _("Wed"), 1.0, FALSE, &label_w, &line_h);
  g->legend_h = cl_chart_canvas_legend (c, items, n_items, 0, 0, c->width);
  c->cr = saved;

  g->gx = ceil (label_w + c->font_size * 0.6);
  g->gy = ceil (g->title_h + line_h * 1.3);
  g->gw = MAX (1.0, c->width - g->gx);
  g->gh = MAX (1.0, c->height - g->gy - g->legend_h - line_h * 0.8);
  g->cell_w = g->gw / g->n_weeks;
  g->gap = MIN (g->gh * 0.03, c->font_size * 0.5);
  g->row_h = (g->gh - 4 * g->gap) / 10;
}

static gboolean
session_rect (const Grid *g,
              int         session,
              double     *x,
              double     *y,
              double     *w,
              double     *h)
{
  guint32 julian = g->first + (guint32) (session / 2);
  int weekday = (int) ((julian - 1) % 7);
  guint week;
  double pad;

  if (weekday >= 5 || julian > g->last)
    return FALSE;
  week = (julian - g->monday0) / 7;
  pad = MIN (g->cell_w * 0.12, 2.0);
  *x = g->gx + week * g->cell_w;
  *w = g->cell_w - pad;
  *y = g->gy + weekday * (2 * g->row_h + g->gap) + (session % 2) * g->row_h;
  *h = g->row_h - MIN (g->row_h * 0.08, 1.0);
  return TRUE;
}

gboolean
cl_chart_calendar_cell_rect (const ClChartCalendarData *data,
                             const ClChartStyle        *style,
                             double                     width,
                             double                     height,
                             int                        session,
                             double                    *out_x,
                             double                    *out_y,
                             double                    *out_width,
                             double                    *out_height)
{
  ClChartCanvas c;
  Grid g;
  double x, y, w, h;
  gboolean ok;

  g_return_val_if_fail (data != NULL && style != NULL, FALSE);

  if (session < 0 || session >= CL_CHART_CALENDAR_SESSIONS)
    return FALSE;
  cl_chart_canvas_init (&c, NULL, width, height, style);
  compute_grid (&c, data, &g);
  cl_chart_canvas_clear (&c);
  ok = session_rect (&g, session, &x, &y, &w, &h);
  if (ok)
    {
      *out_x = x;
      *out_y = y;
      *out_width = w;
      *out_height = h;
    }
  return ok;
}

int
cl_chart_calendar_session_at (const ClChartCalendarData *data,
                              const ClChartStyle        *style,
                              double                     width,
                              double                     height,
                              double                     x,
                              double                     y)
{
  ClChartCanvas c;
  Grid g;
  int found = -1;

  g_return_val_if_fail (data != NULL && style != NULL, -1);

  cl_chart_canvas_init (&c, NULL, width, height, style);
  compute_grid (&c, data, &g);
  cl_chart_canvas_clear (&c);
  for (int session = 0; session < CL_CHART_CALENDAR_SESSIONS && found < 0; session++)
    {
      double cx, cy, cw, ch;

      if (session_rect (&g, session, &cx, &cy, &cw, &ch)
          && x >= cx && x < cx + cw && y >= cy && y < cy + ch)
        found = session;
    }
  return found;
}

static const ClChartColor *
cell_color (const ClChartCalendarData *data,
            const ClChartStyle        *style,
            int                        session)
{
  if (data->mode == CL_CHART_CALENDAR_RATES)
    {
      float r = data->rates[session];

      if (isnan (r))
        return &style->grid;
      if (r >= 95)
        return &style->present;
      if (r >= 90)
        return &style->authorised;
      if (r >= 50)
        return &style->warning;
      return &style->unauthorised;
    }
  switch ((ClChartCell) data->cells[session])
    {
    case CL_CHART_CELL_PRESENT:
      return &style->present;
    case CL_CHART_CELL_AEA:
      return &style->aea;
    case CL_CHART_CELL_AUTHORISED:
      return &style->authorised;
    case CL_CHART_CELL_UNAUTHORISED:
      return &style->unauthorised;
    case CL_CHART_CELL_NOT_COUNTED:
      return &style->not_counted;
    case CL_CHART_CELL_NONE:
    default:
      return &style->grid;
    }
}

void
cl_chart_calendar_draw (cairo_t                   *cr,
                        double                     width,
                        double                     height,
                        const ClChartCalendarData *data,
                        const ClChartStyle        *style)
{
  static const char *const days[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri") };
  ClChartCanvas c;
  ClChartLegendItem items[6];
  guint n_items;
  Grid g;
  int n_sessions;
  double last_label_right = -G_MAXDOUBLE;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  cl_chart_canvas_init (&c, cr, width, height, style);
  compute_grid (&c, data, &g);
  n_items = legend_items (data, style, items);
  cl_chart_canvas_background (&c);
  cl_chart_canvas_title (&c, data->title);

  for (guint d = 0; d < 5; d++)
    cl_chart_canvas_text (&c, _(days[d]), g.gx - c.font_size * 0.5,
                          g.gy + d * (2 * g.row_h + g.gap) + g.row_h, 1.0, 0.5, 1.0, FALSE,
                          &style->muted);

  /* Month names over the week holding the 1st, where there is room. */
  for (guint w = 0; w < g.n_weeks; w++)
    {
      guint32 monday = g.monday0 + w * 7;
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, MAX (monday, g.first));
      if (w == 0 || g_date_get_day (&d) <= 7)
        {
          g_autofree char *label = cl_chart_format_day_month (MAX (monday, g.first));
          const char *month = strchr (label, ' ') + 1;
          double tw, x = g.gx + w * g.cell_w;

          cl_chart_canvas_text_size (&c, month, 1.0, FALSE, &tw, NULL);
          if (x > last_label_right + c.font_size * 0.3 && x + tw <= width)
            {
              cl_chart_canvas_text (&c, month, x, g.gy - c.font_size * 0.3, 0.0, 1.0, 1.0, FALSE,
                                    &style->muted);
              last_label_right = x + tw;
            }
        }
    }

  n_sessions = MIN (CL_CHART_CALENDAR_SESSIONS, (int) (g.last - g.first + 1) * 2);
  for (int s = 0; s < n_sessions; s++)
    {
      double x, y, w, h;

      if (!session_rect (&g, s, &x, &y, &w, &h))
        continue;
      cl_chart_set_color (cr, cell_color (data, style, s));
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
    }

  cl_chart_canvas_legend (&c, items, n_items, g.gx, height - g.legend_h, width - g.gx);
  cl_chart_canvas_clear (&c);
  cairo_restore (cr);
}

static char *
describe_categories (const ClChartCalendarData *data,
                     guint32                    first,
                     int                        first_s,
                     int                        last_s,
                     const char                *from,
                     const char                *to)
{
  static const char *const weekday_names[] = {
    N_("Mondays"), N_("Tuesdays"), N_("Wednesdays"), N_("Thursdays"), N_("Fridays"),
  };
  guint counts[6] = { 0 }, absent_by_day[5] = { 0 }, worst = 0;
  GString *out = g_string_new (NULL);

  for (int s = first_s; s <= last_s; s++)
    {
      guint8 cell = data->cells[s];

      if (cell < G_N_ELEMENTS (counts))
        counts[cell]++;
      if (cell == CL_CHART_CELL_UNAUTHORISED || cell == CL_CHART_CELL_AUTHORISED)
        {
          int weekday = (int) ((first + (guint32) (s / 2) - 1) % 7);
          if (weekday < 5)
            absent_by_day[weekday]++;
        }
    }
  for (guint d = 1; d < 5; d++)
    if (absent_by_day[d] > absent_by_day[worst])
      worst = d;
  g_string_append_printf (out, _("Session calendar from %s to %s: %u sessions present, %u "
                                 "approved activity, %u authorised absence, %u unauthorised "
                                 "absence, %u not counted."),
                          from, to, counts[CL_CHART_CELL_PRESENT], counts[CL_CHART_CELL_AEA],
                          counts[CL_CHART_CELL_AUTHORISED], counts[CL_CHART_CELL_UNAUTHORISED],
                          counts[CL_CHART_CELL_NOT_COUNTED]);
  if (absent_by_day[worst] > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Most absence on %s."), _(weekday_names[worst]));
    }
  return g_string_free (out, FALSE);
}

static char *
describe_rates (const ClChartCalendarData *data,
                guint32                    first,
                int                        first_s,
                int                        last_s,
                const char                *from,
                const char                *to)
{
  int low = first_s;
  guint under_90 = 0;
  g_autofree char *low_date = NULL, *low_pct = NULL;

  for (int s = first_s; s <= last_s; s++)
    if (!isnan (data->rates[s]))
      {
        if (data->rates[s] < data->rates[low])
          low = s;
        if (data->rates[s] < 90)
          under_90++;
      }
  low_date = cl_chart_format_long_date (first + (guint32) (low / 2));
  low_pct = cl_chart_format_percent (data->rates[low]);
  return g_strdup_printf (low % 2 ? _("Attendance by session from %s to %s: lowest %s on the "
                                      "afternoon of %s; %u sessions under 90 %%.")
                                  : _("Attendance by session from %s to %s: lowest %s on the "
                                      "morning of %s; %u sessions under 90 %%."),
                          from, to, low_pct, low_date, under_90);
}

char *
cl_chart_calendar_describe (const ClChartCalendarData *data)
{
  guint32 first;
  g_autofree char *from = NULL, *to = NULL;
  int first_s = -1, last_s = -1;

  g_return_val_if_fail (data != NULL, NULL);

  first = julian_of (data->academic_year, 9, 1);
  for (int s = 0; s < CL_CHART_CALENDAR_SESSIONS; s++)
    {
      gboolean has = data->mode == CL_CHART_CALENDAR_RATES ? !isnan (data->rates[s])
                                                           : data->cells[s] != CL_CHART_CELL_NONE;
      if (has)
        {
          if (first_s < 0)
            first_s = s;
          last_s = s;
        }
    }
  if (first_s < 0)
    return g_strdup (_("Session calendar: no attendance recorded this year."));
  from = cl_chart_format_long_date (first + (guint32) (first_s / 2));
  to = cl_chart_format_long_date (first + (guint32) (last_s / 2));
  if (data->mode == CL_CHART_CALENDAR_CATEGORIES)
    return describe_categories (data, first, first_s, last_s, from, to);
  return describe_rates (data, first, first_s, last_s, from, to);
}
