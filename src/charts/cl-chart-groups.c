/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "charts/cl-chart-groups.h"
#include "charts/cl-chart-private.h"

static void
row_free (gpointer data)
{
  ClChartGroupRow *row = data;

  g_free (row->section);
  g_free (row->label);
  g_free (row);
}

ClChartGroupsData *
cl_chart_groups_data_new (const char *title)
{
  ClChartGroupsData *data = g_new0 (ClChartGroupsData, 1);

  data->title = g_strdup (title);
  data->rows = g_ptr_array_new_with_free_func (row_free);
  return data;
}

void
cl_chart_groups_data_free (ClChartGroupsData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_ptr_array_unref (data->rows);
  g_free (data);
}

ClChartGroupsData *
cl_chart_groups_data_copy (const ClChartGroupsData *data)
{
  ClChartGroupsData *copy = cl_chart_groups_data_new (data->title);

  for (guint i = 0; i < data->rows->len; i++)
    {
      const ClChartGroupRow *r = g_ptr_array_index (data->rows, i);
      cl_chart_groups_data_add (copy, r->section, r->label, r->pupils, r->attendance_percent);
    }
  return copy;
}

void
cl_chart_groups_data_add (ClChartGroupsData *data,
                          const char        *section,
                          const char        *label,
                          guint              pupils,
                          double             attendance_percent)
{
  ClChartGroupRow *row = g_new0 (ClChartGroupRow, 1);

  g_return_if_fail (data != NULL && label != NULL);

  row->section = g_strdup (section);
  row->label = g_strdup (label);
  row->pupils = pupils;
  row->attendance_percent = attendance_percent;
  g_ptr_array_add (data->rows, row);
}

static guint
count_sections (const ClChartGroupsData *data)
{
  guint n = 0;
  const char *last = NULL;

  for (guint i = 0; i < data->rows->len; i++)
    {
      const ClChartGroupRow *r = g_ptr_array_index (data->rows, i);

      if (r->section != NULL && (i == 0 || g_strcmp0 (r->section, last) != 0))
        n++;
      last = r->section;
    }
  return n;
}

typedef struct
{
  ClChartPlotArea area;
  double          title_h;
  double          row_h;
  double          section_h;
} Layout;

static void
compute_layout (ClChartCanvas           *c,
                const ClChartGroupsData *data,
                Layout                  *l)
{
  cairo_t *saved = c->cr;
  double label_w = 0, line_h, value_w, min = 80.0;
  guint n_units;

  c->cr = NULL;
  l->title_h = cl_chart_canvas_title (c, data->title);
  c->cr = saved;
  cl_chart_canvas_text_size (c, "100.0 %", 0.95, TRUE, &value_w, &line_h);
  for (guint i = 0; i < data->rows->len; i++)
    {
      const ClChartGroupRow *r = g_ptr_array_index (data->rows, i);
      double w;

      cl_chart_canvas_text_size (c, r->label, 1.0, FALSE, &w, NULL);
      label_w = MAX (label_w, w);
      if (r->pupils > 0 && r->attendance_percent < min + 2)
        min = MAX (0.0, floor ((r->attendance_percent - 2) / 10.0) * 10.0);
    }
  label_w = MIN (label_w, c->width * 0.4);

  l->area.x = ceil (label_w + c->font_size * 0.8);
  l->area.y = ceil (l->title_h + line_h * 0.3);
  l->area.width = MAX (1.0, floor (c->width - l->area.x - value_w - c->font_size * 0.8));
  l->area.height = MAX (1.0, floor (c->height - l->area.y - line_h * 1.5));
  l->area.min = min;
  l->area.max = 100.0;
  /* A section heading takes 1.4 rows of the height. */
  n_units = data->rows->len * 10 + count_sections (data) * 14;
  l->row_h = n_units > 0 ? l->area.height * 10 / n_units : l->area.height;
  l->section_h = l->row_h * 1.4;
}

void
cl_chart_groups_plot_area (const ClChartGroupsData *data,
                           const ClChartStyle      *style,
                           double                   width,
                           double                   height,
                           ClChartPlotArea         *out)
{
  ClChartCanvas c;
  Layout l;

  g_return_if_fail (data != NULL && style != NULL && out != NULL);

  cl_chart_canvas_init (&c, NULL, width, height, style);
  compute_layout (&c, data, &l);
  *out = l.area;
  cl_chart_canvas_clear (&c);
}

gboolean
cl_chart_groups_hit (const ClChartGroupsData *data,
                     const ClChartStyle      *style,
                     double                   width,
                     double                   height,
                     double                   x,
                     double                   y,
                     guint                   *row)
{
  ClChartCanvas c;
  Layout l;
  const char *last_section = NULL;
  double top;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL && style != NULL, FALSE);

  if (data->rows->len == 0 || x < 0 || x >= width)
    return FALSE;
  cl_chart_canvas_init (&c, NULL, width, height, style);
  compute_layout (&c, data, &l);
  cl_chart_canvas_clear (&c);
  /* Rows from the top, a section's heading above its first row, as drawn. */
  top = l.area.y;
  for (guint i = 0; i < data->rows->len && !found; i++)
    {
      const ClChartGroupRow *r = g_ptr_array_index (data->rows, i);

      if (r->section != NULL && (i == 0 || g_strcmp0 (r->section, last_section) != 0))
        top += l.section_h;
      last_section = r->section;
      if (y >= top && y < top + l.row_h)
        {
          if (row != NULL)
            *row = i;
          found = TRUE;
        }
      top += l.row_h;
    }
  return found;
}

void
cl_chart_groups_draw (cairo_t                 *cr,
                      double                   width,
                      double                   height,
                      const ClChartGroupsData *data,
                      const ClChartStyle      *style)
{
  ClChartCanvas c;
  Layout l;
  double y, lw, step;
  const char *last_section = NULL;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  cairo_save (cr);
  cl_chart_canvas_init (&c, cr, width, height, style);
  compute_layout (&c, data, &l);
  cl_chart_canvas_background (&c);
  cl_chart_canvas_title (&c, data->title);
  if (data->rows->len == 0)
    {
      cl_chart_canvas_empty (&c, l.title_h);
      goto out;
    }
  lw = cl_chart_line_width (&c);

  /* Vertical grid lines with labels along the bottom. */
  step = l.area.max - l.area.min > 40 ? 20 : 5;
  cairo_set_line_width (cr, lw);
  for (double v = ceil (l.area.min / step) * step; v <= l.area.max + 1e-6; v += step)
    {
      double x = round (cl_chart_plot_area_value_to_x (&l.area, v)) + 0.5;
      g_autofree char *label = g_strdup_printf ("%g %%", v);

      cl_chart_set_color (cr, &style->grid);
      cairo_move_to (cr, x, l.area.y);
      cairo_line_to (cr, x, l.area.y + l.area.height);
      cairo_stroke (cr);
      cl_chart_canvas_text (&c, label, x, l.area.y + l.area.height + c.font_size * 0.3, 0.5, 0,
                            1.0, FALSE, &style->muted);
    }

  y = l.area.y;
  for (guint i = 0; i < data->rows->len; i++)
    {
      const ClChartGroupRow *r = g_ptr_array_index (data->rows, i);
      double x1 = cl_chart_plot_area_value_to_x (&l.area, MAX (r->attendance_percent, l.area.min));
      g_autofree char *value = NULL;

      if (r->section != NULL && (i == 0 || g_strcmp0 (r->section, last_section) != 0))
        {
          cl_chart_canvas_text (&c, r->section, 0, y + l.section_h * 0.55, 0, 0.5, 1.0, TRUE,
                                NULL);
          y += l.section_h;
        }
      last_section = r->section;

      cl_chart_canvas_text (&c, r->label, l.area.x - c.font_size * 0.5, y + l.row_h / 2, 1.0,
                            0.5, 1.0, FALSE, NULL);
      if (r->pupils > 0)
        {
          cl_chart_set_color (cr, r->attendance_percent < 90.0 ? &style->warning : &style->accent);
          cairo_rectangle (cr, l.area.x, y + l.row_h * 0.15, x1 - l.area.x, l.row_h * 0.7);
          cairo_fill (cr);
          value = cl_chart_format_percent (r->attendance_percent);
        }
      else
        value = g_strdup (_("no pupils"));
      cl_chart_canvas_text (&c, value, x1 + c.font_size * 0.3, y + l.row_h / 2, 0, 0.5, 0.95,
                            TRUE, NULL);
      y += l.row_h;
    }

  /* The 90 % line over the bars. */
  if (90.0 >= l.area.min)
    {
      double x = cl_chart_plot_area_value_to_x (&l.area, 90.0);
      double dash[] = { c.font_size * 0.6, c.font_size * 0.35 };

      cairo_save (cr);
      cl_chart_set_color (cr, &style->foreground);
      cairo_set_line_width (cr, lw * 1.5);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, l.area.y);
      cairo_line_to (cr, x, l.area.y + l.area.height);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
out:
  cl_chart_canvas_clear (&c);
  cairo_restore (cr);
}

char *
cl_chart_groups_describe (const ClChartGroupsData *data)
{
  const ClChartGroupRow *low = NULL, *high = NULL;
  g_autofree char *low_pct = NULL, *high_pct = NULL;
  guint below = 0;

  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->rows->len; i++)
    {
      const ClChartGroupRow *r = g_ptr_array_index (data->rows, i);

      if (r->pupils == 0)
        continue;
      if (low == NULL || r->attendance_percent < low->attendance_percent)
        low = r;
      if (high == NULL || r->attendance_percent > high->attendance_percent)
        high = r;
      if (r->attendance_percent < 90.0)
        below++;
    }
  if (low == NULL)
    return g_strdup (_("Attendance by group: no attendance recorded for this period."));
  low_pct = cl_chart_format_percent (low->attendance_percent);
  high_pct = cl_chart_format_percent (high->attendance_percent);
  return g_strdup_printf (_("Attendance by group: lowest %s (%s), highest %s (%s); %u groups "
                            "below 90 %%."),
                          low->label, low_pct, high->label, high_pct, below);
}
