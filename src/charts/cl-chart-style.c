/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-charts"

#include "config.h"

#include <string.h>

#include "charts/cl-chart-style.h"

G_DEFINE_BOXED_TYPE (ClChartStyle, cl_chart_style, cl_chart_style_copy, cl_chart_style_free)

static ClChartColor
rgb (guint32 hex)
{
  ClChartColor c = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    1.0,
  };
  return c;
}

/* Category colours are told apart by lightness as well as hue, so that they
 * survive greyscale printing and the common colour-vision deficiencies. */
ClChartStyle *
cl_chart_style_light (void)
{
  ClChartStyle *s = g_new0 (ClChartStyle, 1);

  s->foreground = rgb (0x241f31);
  s->background = rgb (0xffffff);
  s->grid = rgb (0xdeddda);
  s->muted = rgb (0x77767b);
  s->accent = rgb (0x1c71d8);
  s->present = rgb (0x2ec27e);
  s->aea = rgb (0x99c1f1);
  s->authorised = rgb (0xf6d32d);
  s->unauthorised = rgb (0xc01c28);
  s->not_counted = rgb (0xc0bfbc);
  s->warning = rgb (0xe66100);
  s->good = rgb (0x26a269);
  s->font = g_strdup ("Sans 9");
  s->dark = FALSE;
  s->show_title = TRUE;
  return s;
}

ClChartStyle *
cl_chart_style_dark (void)
{
  ClChartStyle *s = g_new0 (ClChartStyle, 1);

  s->foreground = rgb (0xffffff);
  s->background = rgb (0x242424);
  s->grid = rgb (0x484848);
  s->muted = rgb (0x9a9996);
  s->accent = rgb (0x78aeed);
  s->present = rgb (0x57e389);
  s->aea = rgb (0x62a0ea);
  s->authorised = rgb (0xf8e45c);
  s->unauthorised = rgb (0xff7b63);
  s->not_counted = rgb (0x77767b);
  s->warning = rgb (0xffa348);
  s->good = rgb (0x8ff0a4);
  s->font = g_strdup ("Sans 9");
  s->dark = TRUE;
  s->show_title = TRUE;
  return s;
}

ClChartStyle *
cl_chart_style_copy (const ClChartStyle *style)
{
  ClChartStyle *copy;

  g_return_val_if_fail (style != NULL, NULL);

  copy = g_memdup2 (style, sizeof *style);
  copy->font = g_strdup (style->font);
  return copy;
}

void
cl_chart_style_free (ClChartStyle *style)
{
  if (style == NULL)
    return;
  g_free (style->font);
  g_free (style);
}

void
cl_chart_style_set_font (ClChartStyle *style,
                         const char   *font)
{
  g_return_if_fail (style != NULL);

  if (g_strcmp0 (style->font, font) == 0)
    return;
  g_free (style->font);
  style->font = g_strdup (font);
}

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

gboolean
cl_chart_color_parse (const char   *text,
                      ClChartColor *out)
{
  guint v[4] = { 0, 0, 0, 255 };
  gsize len;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || text[0] != '#')
    return FALSE;
  len = strlen (text + 1);
  if (len != 6 && len != 8)
    return FALSE;
  for (gsize i = 0; i < len / 2; i++)
    {
      int hi = hex_digit (text[1 + 2 * i]);
      int lo = hex_digit (text[2 + 2 * i]);

      if (hi < 0 || lo < 0)
        return FALSE;
      v[i] = (guint) (hi * 16 + lo);
    }
  out->red = v[0] / 255.0;
  out->green = v[1] / 255.0;
  out->blue = v[2] / 255.0;
  out->alpha = v[3] / 255.0;
  return TRUE;
}
