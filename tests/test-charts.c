/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-register-repository.h"
#include "charts/cl-chart-builders.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Charts are drawn on image surfaces and checked pixel by pixel against the
 * plot-area mapping each chart exposes. */

#define W 800
#define H 400

static cairo_surface_t *
draw_chart (ClChart            *chart,
            const ClChartStyle *style,
            int                 width,
            int                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cl_chart_draw (chart, cr, width, height, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Distance between the pixel and a colour, 0–765. */
static int
distance (cairo_surface_t    *surface,
          int                 x,
          int                 y,
          const ClChartColor *c)
{
  guint32 px;
  int r, g, b;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  px = ((guint32 *) (cairo_image_surface_get_data (surface)
                     + y * cairo_image_surface_get_stride (surface)))[x];
  r = (px >> 16) & 0xff;
  g = (px >> 8) & 0xff;
  b = px & 0xff;
  return abs (r - (int) lround (c->red * 255)) + abs (g - (int) lround (c->green * 255))
         + abs (b - (int) lround (c->blue * 255));
}

static gboolean
is_color (cairo_surface_t    *surface,
          int                 x,
          int                 y,
          const ClChartColor *c)
{
  return distance (surface, x, y, c) < 40;
}

/* TRUE when one of the rows y-1, y, y+1 has the colour at x. */
static gboolean
color_near_row (cairo_surface_t    *surface,
                int                 x,
                double              y,
                const ClChartColor *c)
{
  int row = (int) floor (y);

  for (int dy = -1; dy <= 1; dy++)
    if (is_color (surface, x, row + dy, c))
      return TRUE;
  return FALSE;
}

static guint32
julian (const char *iso)
{
  guint32 j = 0;

  g_assert_true (cl_attendance_date_to_julian (iso, &j));
  return j;
}

/* --- trend ------------------------------------------------------------------------------ */

static ClChartTrendData *
sample_trend (void)
{
  ClChartTrendData *data = cl_chart_trend_data_new ("Attendance by week");
  guint32 monday = julian ("2025-09-01");

  for (guint w = 0; w < 12; w++)
    {
      if (w == 7)   /* half term */
        cl_chart_trend_data_add_week (data, monday + w * 7, 0, 0);
      else if (w == 4)
        cl_chart_trend_data_add_week (data, monday + w * 7, 100, 71);
      else
        cl_chart_trend_data_add_week (data, monday + w * 7, 100, 93 + w % 3);
    }
  return data;
}

static void
test_trend_reference_lines (void)
{
  g_autoptr(ClChartStyle) style = cl_chart_style_light ();
  g_autoptr(ClChart) chart = cl_chart_new_trend (sample_trend ());
  ClChartPlotArea area;
  cairo_surface_t *surface;
  double y90, y95;
  int x;

  cl_chart_trend_plot_area (cl_chart_get_data (chart), style, W, H, &area);
  g_assert_cmpfloat (area.max, ==, 100.0);
  g_assert_cmpfloat (area.min, <=, 69.0);   /* the 71 % week shows */
  g_assert_cmpfloat (area.x, >, 0);
  g_assert_cmpfloat (area.y + area.height, <, H);
  y90 = cl_chart_plot_area_value_to_y (&area, 90.0);
  y95 = cl_chart_plot_area_value_to_y (&area, 95.0);
  g_assert_cmpfloat (y95, <, y90);
  g_assert_cmpfloat (cl_chart_plot_area_value_to_y (&area, area.max), ==, area.y);

  surface = draw_chart (chart, style, W, H);
  /* Left of the first week, where only grid and reference lines are. */
  x = (int) area.x + 3;
  g_assert_true (color_near_row (surface, x, y90, &style->warning));
  g_assert_true (color_near_row (surface, x, y95, &style->good));
  /* … and not a few pixels off. */
  g_assert_false (color_near_row (surface, x, y90 - 4, &style->warning));
  g_assert_false (color_near_row (surface, x, y90 + 4, &style->warning));
  /* The 90 % line runs the width of the plot. */
  g_assert_true (color_near_row (surface, (int) (area.x + area.width) - 2, y90, &style->warning));
  /* The background outside the plot. */
  g_assert_true (is_color (surface, W - 1, 0, &style->background));
  cairo_surface_destroy (surface);
}

static void
test_trend_describe (void)
{
  g_autoptr(ClChartTrendData) data = sample_trend ();
  g_autofree char *text = cl_chart_trend_describe (data);
  g_autoptr(ClChartTrendData) empty = cl_chart_trend_data_new (NULL);
  g_autofree char *none = cl_chart_trend_describe (empty);

  g_assert_nonnull (strstr (text, "lowest 71.0 % in the week of 29 September 2025"));
  g_assert_nonnull (strstr (text, "from the week of 1 September 2025"));
  g_assert_nonnull (strstr (text, "1 week below 90 %"));
  g_assert_nonnull (strstr (none, "no attendance"));
}

/* --- calendar --------------------------------------------------------------------------- */

static void
test_calendar_cells (void)
{
  g_autoptr(ClChartStyle) style = cl_chart_style_light ();
  ClChartCalendarData *data = cl_chart_calendar_data_new ("Sessions", 2025,
                                                          CL_CHART_CALENDAR_CATEGORIES);
  g_autoptr(ClChart) chart = NULL;
  cairo_surface_t *surface;
  double x, y, w, h;
  g_autofree char *text = NULL;

  for (int s = 0; s < 60; s++)
    data->cells[s] = CL_CHART_CELL_PRESENT;
  data->cells[0] = CL_CHART_CELL_UNAUTHORISED;   /* Monday 1 September, morning */
  data->cells[15] = CL_CHART_CELL_AUTHORISED;    /* Monday 8 September, afternoon */
  chart = cl_chart_new_calendar (data);
  surface = draw_chart (chart, style, W, H);

  g_assert_true (cl_chart_calendar_cell_rect (data, style, W, H, 0, &x, &y, &w, &h));
  g_assert_cmpfloat (w, >, 4);
  g_assert_cmpfloat (h, >, 4);
  g_assert_true (is_color (surface, (int) (x + w / 2), (int) (y + h / 2), &style->unauthorised));
  g_assert_true (cl_chart_calendar_cell_rect (data, style, W, H, 1, &x, &y, &w, &h));
  g_assert_true (is_color (surface, (int) (x + w / 2), (int) (y + h / 2), &style->present));
  g_assert_true (cl_chart_calendar_cell_rect (data, style, W, H, 15, &x, &y, &w, &h));
  g_assert_true (is_color (surface, (int) (x + w / 2), (int) (y + h / 2), &style->authorised));
  /* A later session with no mark. */
  g_assert_true (cl_chart_calendar_cell_rect (data, style, W, H, 200, &x, &y, &w, &h));
  g_assert_true (is_color (surface, (int) (x + w / 2), (int) (y + h / 2), &style->grid));
  /* Saturday 6 September is not drawn. */
  g_assert_false (cl_chart_calendar_cell_rect (data, style, W, H, 10, &x, &y, &w, &h));
  cairo_surface_destroy (surface);

  text = cl_chart_calendar_describe (data);
  g_assert_nonnull (strstr (text, "1 unauthorised absence"));
  g_assert_nonnull (strstr (text, "Most absence on Mondays"));
}

/* --- bars ------------------------------------------------------------------------------- */

static void
test_bands (void)
{
  g_autoptr(ClChartStyle) style = cl_chart_style_light ();
  ClChartBandsData *data = cl_chart_bands_data_new ("Bands");
  g_autoptr(ClChart) chart = NULL;
  ClChartPlotArea area;
  cairo_surface_t *surface;
  double top, slot;

  data->counts[CL_CHART_BAND_95_PLUS] = 40;
  data->counts[CL_CHART_BAND_90_95] = 25;
  data->counts[CL_CHART_BAND_50_90] = 12;
  data->counts[CL_CHART_BAND_UNDER_50] = 3;
  chart = cl_chart_new_bands (data);
  cl_chart_bands_plot_area (data, style, W, H, &area);
  surface = draw_chart (chart, style, W, H);
  slot = area.width / CL_CHART_N_BANDS;

  top = cl_chart_plot_area_value_to_y (&area, 40);
  g_assert_true (is_color (surface, (int) (area.x + slot * 0.5), (int) top + 2, &style->present));
  g_assert_false (is_color (surface, (int) (area.x + slot * 0.5), (int) top - 2, &style->present));
  top = cl_chart_plot_area_value_to_y (&area, 12);
  g_assert_true (is_color (surface, (int) (area.x + slot * 2.5), (int) top + 2, &style->warning));
  g_assert_false (is_color (surface, (int) (area.x + slot * 2.5), (int) top - 2, &style->warning));
  cairo_surface_destroy (surface);

  g_assert_cmpint (cl_chart_band_for (95.0), ==, CL_CHART_BAND_95_PLUS);
  g_assert_cmpint (cl_chart_band_for (94.99), ==, CL_CHART_BAND_90_95);
  g_assert_cmpint (cl_chart_band_for (90.0), ==, CL_CHART_BAND_90_95);
  g_assert_cmpint (cl_chart_band_for (50.0), ==, CL_CHART_BAND_50_90);
  g_assert_cmpint (cl_chart_band_for (49.9), ==, CL_CHART_BAND_UNDER_50);
  g_assert_nonnull (strstr (cl_chart_get_description (chart), "of 80: 40 at 95 % or more"));
}

static void
test_weekday (void)
{
  g_autoptr(ClChartStyle) style = cl_chart_style_light ();
  ClChartWeekdayData *data = cl_chart_weekday_data_new (NULL);
  g_autoptr(ClChart) chart = NULL;
  ClChartPlotArea area;
  cairo_surface_t *surface;
  double slot, top;

  for (guint d = 0; d < 5; d++)
    {
      data->possible[d][0] = data->possible[d][1] = 100;
      data->absent[d][0] = 5;
      data->absent[d][1] = 6;
    }
  data->absent[4][1] = 20;   /* Friday afternoons */
  chart = cl_chart_new_weekday (data);
  g_assert_cmpfloat (cl_chart_weekday_data_percent (data, 4, TRUE), ==, 20.0);
  cl_chart_weekday_plot_area (data, style, W, H, &area);
  g_assert_cmpfloat (area.max, >=, 20.0);
  surface = draw_chart (chart, style, W, H);
  slot = area.width / 5;
  top = cl_chart_plot_area_value_to_y (&area, 5.0);
  /* Monday's morning bar, left of the slot's centre. */
  g_assert_true (is_color (surface, (int) (area.x + slot * 0.5 - slot * 0.15), (int) top + 2,
                           &style->accent));
  cairo_surface_destroy (surface);
  g_assert_nonnull (strstr (cl_chart_get_description (chart), "highest 20.0 % on Friday "
                                                              "afternoons"));
}

static void
test_persistence_comparison (void)
{
  g_autoptr(ClChartStyle) style = cl_chart_style_light ();
  ClChartPersistenceData *data = cl_chart_persistence_data_new ("PA");
  g_autoptr(ClChart) chart = NULL;
  ClChartPlotArea area;
  cairo_surface_t *surface;
  double y;

  cl_chart_persistence_data_add_point (data, julian ("2025-09-30"), 200, 22.0, 3.0);
  cl_chart_persistence_data_add_point (data, julian ("2025-10-31"), 200, 15.0, 2.5);
  cl_chart_persistence_data_add_point (data, julian ("2025-11-30"), 201, 13.5, 2.0);
  data->comparison_persistent = 17.6;
  data->comparison_severe = 2.1;
  data->comparison_label = g_strdup ("National");
  chart = cl_chart_new_persistence (data);
  cl_chart_persistence_plot_area (data, style, W, H, &area);
  surface = draw_chart (chart, style, W, H);
  /* The dashed comparison line starts with a dash at the plot's left edge. */
  y = cl_chart_plot_area_value_to_y (&area, 17.6);
  g_assert_true (color_near_row (surface, (int) area.x + 2, y, &style->warning));
  g_assert_false (color_near_row (surface, (int) area.x + 2, y - 5, &style->warning));
  cairo_surface_destroy (surface);
  g_assert_nonnull (strstr (cl_chart_get_description (chart), "National persistent absence: "
                                                              "17.6 %"));
}

static void
test_groups (void)
{
  g_autoptr(ClChartStyle) style = cl_chart_style_light ();
  ClChartGroupsData *data = cl_chart_groups_data_new ("Groups");
  g_autoptr(ClChart) chart = NULL;
  ClChartPlotArea area;
  cairo_surface_t *surface;
  double x90;

  cl_chart_groups_data_add (data, "Year groups", "Year 7", 120, 94.5);
  cl_chart_groups_data_add (data, "Year groups", "Year 8", 118, 88.0);
  cl_chart_groups_data_add (data, "Groups", "Free school meals", 60, 86.2);
  chart = cl_chart_new_groups (data);
  cl_chart_groups_plot_area (data, style, W, H, &area);
  g_assert_cmpfloat (area.max, ==, 100.0);
  surface = draw_chart (chart, style, W, H);
  x90 = cl_chart_plot_area_value_to_x (&area, 90.0);
  /* The 90 % line is dashed from the top of the plot: dark within a pixel of
   * where the mapping puts it (anti-aliased, so not pure foreground), and
   * not a few pixels away. */
  {
    int best = 765;

    for (int dx = -1; dx <= 1; dx++)
      best = MIN (best, distance (surface, (int) round (x90) + dx, (int) area.y + 2,
                                  &style->foreground));
    g_assert_cmpint (best, <, 200);
    g_assert_true (is_color (surface, (int) round (x90) + 4, (int) area.y + 2,
                             &style->background));
  }
  cairo_surface_destroy (surface);
  g_assert_nonnull (strstr (cl_chart_get_description (chart), "lowest Free school meals (86.2 %)"));
  g_assert_nonnull (strstr (cl_chart_get_description (chart), "2 groups below 90 %"));
}

/* --- what a tooltip says ------------------------------------------------------------------ */

/* Every kind answers for the value under the pointer, and nothing outside
 * its plot. */
static void
test_describe_at (void)
{
  g_autoptr(ClChartStyle) style = cl_chart_style_light ();
  ClChartPlotArea area;
  char *text;

  /* Trend: the weeks are equal columns. */
  {
    g_autoptr(ClChart) chart = cl_chart_new_trend (sample_trend ());
    const ClChartTrendData *data = cl_chart_get_data (chart);

    cl_chart_trend_plot_area (data, style, W, H, &area);
    text = cl_chart_describe_at (chart, style, W, H, area.x + area.width * 4.5 / 12,
                                 area.y + area.height / 2);
    g_assert_cmpstr (text, ==, "Week of 29 September 2025: 71.0% (71 of 100 sessions)");
    g_free (text);
    text = cl_chart_describe_at (chart, style, W, H, area.x + area.width * 7.5 / 12,
                                 area.y + area.height / 2);
    g_assert_cmpstr (text, ==, "Week of 20 October 2025: no school");
    g_free (text);
    g_assert_null (cl_chart_describe_at (chart, style, W, H, area.x - 3, area.y + 10));
  }
  /* Calendar: the session whose cell holds the point. */
  {
    ClChartCalendarData *data = cl_chart_calendar_data_new (NULL, 2025,
                                                            CL_CHART_CALENDAR_CATEGORIES);
    g_autoptr(ClChart) chart = NULL;
    double x, y, w, h;

    data->cells[21] = CL_CHART_CELL_UNAUTHORISED;   /* Thursday 11 September, afternoon */
    data->cells[22] = CL_CHART_CELL_PRESENT;
    chart = cl_chart_new_calendar (data);
    g_assert_true (cl_chart_calendar_cell_rect (data, style, W, H, 21, &x, &y, &w, &h));
    g_assert_cmpint (cl_chart_calendar_session_at (data, style, W, H, x + w / 2, y + h / 2), ==,
                     21);
    text = cl_chart_describe_at (chart, style, W, H, x + w / 2, y + h / 2);
    g_assert_cmpstr (text, ==, "Thursday 11 September 2025, afternoon: unauthorised absence");
    g_free (text);
    g_assert_true (cl_chart_calendar_cell_rect (data, style, W, H, 22, &x, &y, &w, &h));
    text = cl_chart_describe_at (chart, style, W, H, x + w / 2, y + h / 2);
    g_assert_cmpstr (text, ==, "Friday 12 September 2025, morning: present");
    g_free (text);
    g_assert_null (cl_chart_describe_at (chart, style, W, H, 1, 1));
  }
  /* Weekday: a weekday's slot, its morning left of the centre. */
  {
    ClChartWeekdayData *data = cl_chart_weekday_data_new (NULL);
    g_autoptr(ClChart) chart = NULL;
    double slot;

    for (guint d = 0; d < 5; d++)
      {
        data->possible[d][0] = data->possible[d][1] = 100;
        data->absent[d][0] = 5;
        data->absent[d][1] = 6;
      }
    data->absent[4][1] = 20;
    chart = cl_chart_new_weekday (data);
    cl_chart_weekday_plot_area (data, style, W, H, &area);
    slot = area.width / 5;
    text = cl_chart_describe_at (chart, style, W, H, area.x + slot * 4.7, area.y + area.height - 2);
    g_assert_cmpstr (text, ==, "Friday afternoons: 20.0% absent (20 of 100 sessions)");
    g_free (text);
    text = cl_chart_describe_at (chart, style, W, H, area.x + slot * 0.3, area.y + area.height - 2);
    g_assert_cmpstr (text, ==, "Monday mornings: 5.0% absent (5 of 100 sessions)");
    g_free (text);
    g_assert_null (cl_chart_describe_at (chart, style, W, H, area.x + slot, H - 1));
  }
  /* Persistence: the nearest point. */
  {
    ClChartPersistenceData *data = cl_chart_persistence_data_new (NULL);
    g_autoptr(ClChart) chart = NULL;

    cl_chart_persistence_data_add_point (data, julian ("2025-09-30"), 200, 22.0, 3.0);
    cl_chart_persistence_data_add_point (data, julian ("2025-10-31"), 200, 15.0, 2.5);
    cl_chart_persistence_data_add_point (data, julian ("2025-11-30"), 201, 13.5, 2.0);
    chart = cl_chart_new_persistence (data);
    cl_chart_persistence_plot_area (data, style, W, H, &area);
    text = cl_chart_describe_at (chart, style, W, H, area.x + area.width / 2 + 3,
                                 area.y + area.height / 2);
    g_assert_cmpstr (text, ==, "To 31 October 2025: 15.0% persistently absent, 2.5% severely "
                               "(200 pupils)");
    g_free (text);
  }
  /* Groups: each row from its label to its bar, in order, none elsewhere. */
  {
    ClChartGroupsData *data = cl_chart_groups_data_new ("Groups");
    g_autoptr(ClChart) chart = NULL;
    g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

    cl_chart_groups_data_add (data, "Year groups", "Year 7", 120, 94.5);
    cl_chart_groups_data_add (data, "Year groups", "Year 8", 1, 88.0);
    cl_chart_groups_data_add (data, "Groups", "Free school meals", 0, 0);
    chart = cl_chart_new_groups (data);
    for (int y = 0; y < H; y++)
      {
        text = cl_chart_describe_at (chart, style, W, H, 20, y);
        if (text != NULL && (seen->len == 0 || strcmp (g_ptr_array_index (seen, seen->len - 1),
                                                       text) != 0))
          g_ptr_array_add (seen, text);
        else
          g_free (text);
      }
    g_assert_cmpuint (seen->len, ==, 3);
    g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "Year 7: 94.5% attendance (120 pupils)");
    g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "Year 8: 88.0% attendance (1 pupil)");
    g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "Free school meals: no pupils");
  }
}

static void
test_dark_and_empty (void)
{
  g_autoptr(ClChartStyle) style = cl_chart_style_dark ();
  g_autoptr(ClChart) chart = cl_chart_new_trend (cl_chart_trend_data_new ("Nothing"));
  cairo_surface_t *surface = draw_chart (chart, style, 320, 200);

  g_assert_true (style->dark);
  g_assert_true (is_color (surface, 2, 190, &style->background));
  cairo_surface_destroy (surface);
}

/* --- export ------------------------------------------------------------------------------- */

static void
test_export (void)
{
  g_autoptr(ClChart) chart = cl_chart_new_trend (sample_trend ());
  g_autofree char *dir = g_dir_make_tmp ("caseload-charts-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "trend.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "trend.SVG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "trend.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "trend.jpg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  cairo_surface_t *image;
  gsize len;

  g_assert_true (cl_chart_export (chart, png, 640, 360, NULL, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 360);
  cairo_surface_destroy (image);

  g_assert_true (cl_chart_export (chart, svg, 640, 360, NULL, &error));
  g_assert_true (g_file_get_contents (svg, &contents, &len, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  g_assert_true (cl_chart_export (chart, pdf, 640, 360, NULL, &error));
  uri = g_filename_to_uri (pdf, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  title = poppler_document_get_title (doc);
  g_assert_cmpstr (title, ==, "Attendance by week");

  g_assert_false (cl_chart_export (chart, bad, 640, 360, NULL, &error));
  g_assert_error (error, CL_CHARTS_ERROR, CL_CHARTS_ERROR_FORMAT);
  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* --- from the database ------------------------------------------------------------------- */

typedef struct
{
  ClDatabase *db;
  gint64      school_id;
  gint64      pupil_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSchoolRepository) schools = NULL;
  g_autoptr(ClPupilRepository) pupils = NULL;
  g_autoptr(ClSchool) school = cl_school_new ();
  g_autoptr(ClPupil) pupil = cl_pupil_new ();
  g_autoptr(ClCodeTable) codes = NULL;
  g_autoptr(GPtrArray) regs = g_ptr_array_new_with_free_func (g_object_unref);
  ClRegister *reg;
  guint8 present_am, present_pm, unauth;

  f->db = cl_database_open_memory (&error);
  g_assert_no_error (error);
  schools = cl_school_repository_new (f->db);
  pupils = cl_pupil_repository_new (f->db);
  cl_school_set_number (school, CL_SCHOOL_URN, 123456);
  cl_school_set_number (school, CL_SCHOOL_LA_CODE, 801);
  cl_school_set_number (school, CL_SCHOOL_ESTAB, 2001);
  cl_school_set_text (school, CL_SCHOOL_NAME, "Oakfield Primary");
  cl_school_set_text (school, CL_SCHOOL_TYPE, "la_maintained");
  cl_school_set_text (school, CL_SCHOOL_PHASE, "primary");
  g_assert_true (cl_school_repository_insert (schools, school, &error));
  f->school_id = cl_school_get_id (school);
  cl_pupil_set_text (pupil, CL_PUPIL_UPN, "B801200005001");
  cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_FORENAME, "Ada");
  cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_SURNAME, "Lovelace");
  cl_pupil_set_text (pupil, CL_PUPIL_DOB, "2016-03-14");
  cl_pupil_set_text (pupil, CL_PUPIL_SEX, "F");
  g_assert_true (cl_pupil_repository_insert (pupils, pupil, f->school_id, "2025-09-01", &error));
  f->pupil_id = cl_pupil_get_id (pupil);

  codes = cl_code_table_load (f->db, &error);
  present_am = cl_code_table_lookup (codes, CL_CODE_SET_ENGLAND_2024, "/", NULL);
  present_pm = cl_code_table_lookup (codes, CL_CODE_SET_ENGLAND_2024, "\\", NULL);
  unauth = cl_code_table_lookup (codes, CL_CODE_SET_ENGLAND_2024, "O", NULL);
  reg = cl_register_new (f->pupil_id, f->school_id, 2025);
  cl_register_fill (reg, "2025-09-01", "2025-09-30", present_am, present_pm, TRUE);
  cl_register_set_mark_on (reg, "2025-09-08", FALSE, unauth);
  cl_register_set_mark_on (reg, "2025-09-08", TRUE, unauth);
  g_ptr_array_add (regs, reg);
  g_assert_true (cl_register_store_many (f->db, regs, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
}

static void
test_builders (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClChartTrendData) trend = NULL;
  g_autoptr(ClChartCalendarData) cal = NULL;
  g_autoptr(ClChartCalendarData) school_cal = NULL;
  g_autoptr(ClChartWeekdayData) weekday = NULL;
  g_autoptr(ClChartBandsData) bands = NULL;
  g_autoptr(ClChartPersistenceData) pa = NULL;
  g_autoptr(ClChartGroupsData) groups = NULL;
  g_autoptr(ClChart) chart = NULL;
  const ClChartWeek *w;
  double cmp_pa, cmp_sa;
  g_autofree char *label = NULL;

  trend = cl_chart_trend_data_for_pupil (f->db, f->pupil_id, "2025-09-01", "2025-09-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->weeks->len, ==, 5);
  w = &g_array_index (trend->weeks, ClChartWeek, 0);
  g_assert_cmpuint (w->week_start, ==, julian ("2025-09-01"));
  g_assert_cmpuint (w->possible, ==, 10);
  g_assert_cmpuint (w->attended, ==, 10);
  w = &g_array_index (trend->weeks, ClChartWeek, 1);
  g_assert_cmpuint (w->possible, ==, 10);
  g_assert_cmpuint (w->attended, ==, 8);
  w = &g_array_index (trend->weeks, ClChartWeek, 4);   /* 29 and 30 September */
  g_assert_cmpuint (w->possible, ==, 4);

  cal = cl_chart_calendar_data_for_pupil (f->db, f->pupil_id, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cal->cells[cl_session_index (2025, "2025-09-08", FALSE)], ==,
                   CL_CHART_CELL_UNAUTHORISED);
  g_assert_cmpint (cal->cells[cl_session_index (2025, "2025-09-09", TRUE)], ==,
                   CL_CHART_CELL_PRESENT);
  g_assert_cmpint (cal->cells[cl_session_index (2025, "2025-10-01", FALSE)], ==,
                   CL_CHART_CELL_NONE);
  school_cal = cl_chart_calendar_data_for_school (f->db, f->school_id, 2025, &error);
  g_assert_cmpfloat (school_cal->rates[cl_session_index (2025, "2025-09-08", FALSE)], ==, 0.0);
  g_assert_cmpfloat (school_cal->rates[cl_session_index (2025, "2025-09-09", FALSE)], ==, 100.0);
  g_assert_true (isnan (school_cal->rates[cl_session_index (2025, "2025-09-06", FALSE)]));

  weekday = cl_chart_weekday_data_for_pupil (f->db, f->pupil_id, "2025-09-01", "2025-09-30",
                                             &error);
  g_assert_cmpuint (weekday->possible[0][0], ==, 5);   /* five Monday mornings */
  g_assert_cmpuint (weekday->absent[0][0], ==, 1);
  g_assert_cmpuint (weekday->absent[1][0], ==, 0);

  bands = cl_chart_bands_data_for_school (f->db, f->school_id, "2025-09-01", "2025-09-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bands->counts[CL_CHART_BAND_95_PLUS], ==, 1);   /* 42 of 44: 95.5 % */

  g_assert_true (cl_chart_comparison_save (f->db, 17.6, NAN, "National", &error));
  cl_chart_comparison_load (f->db, &cmp_pa, &cmp_sa, &label);
  g_assert_cmpfloat (cmp_pa, ==, 17.6);
  g_assert_true (isnan (cmp_sa));
  g_assert_cmpstr (label, ==, "National");
  pa = cl_chart_persistence_data_for_school (f->db, f->school_id, "2025-09-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pa->points->len, ==, 1);
  g_assert_cmpfloat (g_array_index (pa->points, ClChartPersistencePoint, 0).persistent_percent,
                     ==, 0.0);
  g_assert_cmpfloat (pa->comparison_persistent, ==, 17.6);

  groups = cl_chart_groups_data_for_school (f->db, f->school_id, "2025-09-01", "2025-09-30",
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->rows->len, >, 1);

  /* Pupils have no bands chart. */
  chart = cl_chart_new_for_pupil (f->db, CL_CHART_KIND_BANDS, f->pupil_id, NULL, NULL, &error);
  g_assert_null (chart);
  g_assert_error (error, CL_CHARTS_ERROR, CL_CHARTS_ERROR_INVALID);
  g_clear_error (&error);
  chart = cl_chart_new_for_school (f->db, CL_CHART_KIND_WEEKDAY, f->school_id, "2025-09-01",
                                   "2025-09-30", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (cl_chart_get_description (chart), "Monday mornings"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("CASELOAD_TODAY", "2026-03-20", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/trend-reference-lines", test_trend_reference_lines);
  g_test_add_func ("/charts/trend-describe", test_trend_describe);
  g_test_add_func ("/charts/calendar-cells", test_calendar_cells);
  g_test_add_func ("/charts/bands", test_bands);
  g_test_add_func ("/charts/weekday", test_weekday);
  g_test_add_func ("/charts/persistence-comparison", test_persistence_comparison);
  g_test_add_func ("/charts/groups", test_groups);
  g_test_add_func ("/charts/describe-at", test_describe_at);
  g_test_add_func ("/charts/dark-and-empty", test_dark_and_empty);
  g_test_add_func ("/charts/export", test_export);
  g_test_add ("/charts/builders", Fixture, NULL, fixture_setup, test_builders, fixture_teardown);
  return g_test_run ();
}
