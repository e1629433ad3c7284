/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Colours and font for every chart. A chart never picks a colour itself: the
 * window fills a style from the theme's named colours (so dark and
 * high-contrast styles work), and documents use cl_chart_style_light ().
 *
 * The font is a Pango description such as "Sans 9"; its size is taken as
 * user-space units of the cairo_t the chart is drawn on (points on a PDF
 * page, pixels on an image surface), whatever the resolution. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} ClChartColor;

typedef struct
{
  ClChartColor foreground;    /* text, axes */
  ClChartColor background;    /* painted behind the whole chart */
  ClChartColor grid;          /* grid lines, empty cells */
  ClChartColor muted;         /* secondary text, closed days */
  ClChartColor accent;        /* the main series */
  ClChartColor present;       /* attendance categories */
  ClChartColor aea;
  ClChartColor authorised;
  ClChartColor unauthorised;
  ClChartColor not_counted;
  ClChartColor warning;       /* the 90 % line, persistent absence */
  ClChartColor good;          /* the 95 % line */
  char        *font;          /* Pango font description, e.g. "Sans 9" */
  gboolean     dark;
  gboolean     show_title;    /* FALSE when the title is shown next to the chart */
} ClChartStyle;

#define CL_TYPE_CHART_STYLE (cl_chart_style_get_type ())
GType         cl_chart_style_get_type (void);

/* For paper and light themes: dark text on white. */
ClChartStyle *cl_chart_style_light    (void);
/* For dark themes: light text on a dark background. */
ClChartStyle *cl_chart_style_dark     (void);
ClChartStyle *cl_chart_style_copy     (const ClChartStyle *style);
void          cl_chart_style_free     (ClChartStyle       *style);
void          cl_chart_style_set_font (ClChartStyle       *style,
                                       const char         *font);

/* "#rrggbb" or "#rrggbbaa"; FALSE leaves out untouched. */
gboolean      cl_chart_color_parse    (const char         *text,
                                       ClChartColor       *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClChartStyle, cl_chart_style_free)

G_END_DECLS
