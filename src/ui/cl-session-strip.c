/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-session-strip"

#include "config.h"

#include "ui/cl-case-weeks.h"
#include "ui/cl-compat.h"
#include "ui/cl-session-strip.h"

/* Wide: blocks a session, a gap within the day, a wider one between days. */
#define WIDE_BLOCK      9
#define WIDE_HEIGHT     14
#define WIDE_SESSION_GAP 1
#define WIDE_DAY_GAP    4
/* Compact: a column a day, a gap between days and a wider one between weeks. */
#define COMPACT_DAY_MIN 2
#define COMPACT_DAY_NAT 5
#define COMPACT_HEIGHT  22
#define COMPACT_DAY_GAP 1.0
#define COMPACT_WEEK_GAP 3.0

struct _ClSessionStrip
{
  GtkWidget  parent_instance;

  gboolean   compact;
  guint8    *sessions;
  guint      n_weeks;
  char      *label;
};

G_DEFINE_FINAL_TYPE (ClSessionStrip, cl_session_strip, GTK_TYPE_WIDGET)

/* The named colour of each ClWeekSession, and what to use where a style
 * sheet does not define it (libadwaita's own named colours). */
static const struct {
  const char *name;
  const char *fallback;
  double      fallback_alpha;  /* of the foreground colour, when no fallback */
} colors[CL_N_WEEK_SESSIONS] = {
  [CL_WEEK_SESSION_NO_MARK] = { "register_none_color", NULL, 0.2 },
  [CL_WEEK_SESSION_PRESENT] = { "register_present_color", "success_color", 0 },
  [CL_WEEK_SESSION_AEA] = { "register_aea_color", "accent_color", 0 },
  [CL_WEEK_SESSION_AUTHORISED] = { "register_authorised_color", "warning_color", 0 },
  [CL_WEEK_SESSION_UNAUTHORISED] = { "register_unauthorised_color", "error_color", 0 },
  [CL_WEEK_SESSION_NOT_COUNTED] = { "register_not_counted_color", NULL, 0.45 },
  [CL_WEEK_SESSION_FUTURE] = { "register_closed_color", NULL, 0.06 },
};

GtkWidget *
cl_session_strip_new (gboolean compact)
{
  ClSessionStrip *self = g_object_new (CL_TYPE_SESSION_STRIP, NULL);

  self->compact = compact;
  return GTK_WIDGET (self);
}

void
cl_session_strip_set_sessions (ClSessionStrip *self,
                               const guint8   *sessions,
                               guint           n_weeks,
                               const char     *accessible_label)
{
  g_return_if_fail (CL_IS_SESSION_STRIP (self));
  g_return_if_fail (sessions != NULL || n_weeks == 0);

  g_free (self->sessions);
  self->sessions = g_memdup2 (sessions, (gsize) n_weeks * CL_WEEK_SESSIONS);
  if (self->n_weeks != n_weeks)
    {
      self->n_weeks = n_weeks;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  if (g_strcmp0 (self->label, accessible_label) != 0)
    {
      g_free (self->label);
      self->label = g_strdup (accessible_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->label != NULL ? self->label : "", -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cl_session_strip_get_n_weeks (ClSessionStrip *self)
{
  g_return_val_if_fail (CL_IS_SESSION_STRIP (self), 0);
  return self->n_weeks;
}

const char *
cl_session_strip_get_accessible_label (ClSessionStrip *self)
{
  g_return_val_if_fail (CL_IS_SESSION_STRIP (self), NULL);
  return self->label;
}

void
cl_session_strip_day_geometry (guint   n_weeks,
                               double  width,
                               guint   day,
                               double *out_x,
                               double *out_width)
{
  double n_days = MAX (n_weeks, 1) * 5.0;
  double gaps = (n_days - 1) * COMPACT_DAY_GAP + (MAX (n_weeks, 1) - 1) * (COMPACT_WEEK_GAP - COMPACT_DAY_GAP);
  double day_width = MAX ((width - gaps) / n_days, 1.0);
  guint week = day / 5;

  *out_x = day * (day_width + COMPACT_DAY_GAP) + week * (COMPACT_WEEK_GAP - COMPACT_DAY_GAP);
  *out_width = day_width;
}

static void
cl_session_strip_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  ClSessionStrip *self = CL_SESSION_STRIP (widget);
  guint n_weeks = MAX (self->n_weeks, 1);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = self->compact ? COMPACT_HEIGHT : WIDE_HEIGHT;
      return;
    }
  if (self->compact)
    {
      int gaps = (int) ((n_weeks * 5 - 1) * COMPACT_DAY_GAP
                        + (n_weeks - 1) * (COMPACT_WEEK_GAP - COMPACT_DAY_GAP));
      *minimum = n_weeks * 5 * COMPACT_DAY_MIN + gaps;
      *natural = n_weeks * 5 * COMPACT_DAY_NAT + gaps;
    }
  else
    {
      int week = 5 * (2 * WIDE_BLOCK + WIDE_SESSION_GAP) + 4 * WIDE_DAY_GAP;
      *minimum = *natural = n_weeks * week + (n_weeks - 1) * 2 * WIDE_DAY_GAP;
    }
}

static void
lookup_colors (ClSessionStrip *self,
               GdkRGBA         out[CL_N_WEEK_SESSIONS])
{
  GdkRGBA fg;

  cl_widget_get_color (GTK_WIDGET (self), &fg);
  for (guint i = 0; i < CL_N_WEEK_SESSIONS; i++)
    {
      if (cl_widget_lookup_color (GTK_WIDGET (self), colors[i].name, &out[i]))
        continue;
      if (colors[i].fallback != NULL
          && cl_widget_lookup_color (GTK_WIDGET (self), colors[i].fallback, &out[i]))
        continue;
      out[i] = fg;
      out[i].alpha = colors[i].fallback_alpha > 0 ? colors[i].fallback_alpha : 0.3;
    }
}

/* A session with no mark is an outline, as in the register calendar's
 * key; every other kind a filled block. */
static void
append_block (GtkSnapshot   *snapshot,
              const GdkRGBA *palette,
              guint8         kind,
              float          x,
              float          y,
              float          width,
              float          height)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x, y, width, height);

  kind = MIN (kind, CL_N_WEEK_SESSIONS - 1);
  if (kind == CL_WEEK_SESSION_NO_MARK && width >= 3 && height >= 3)
    {
      GskRoundedRect outline;
      const float widths[4] = { 1, 1, 1, 1 };
      const GdkRGBA edges[4] = { palette[kind], palette[kind], palette[kind], palette[kind] };

      gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, edges);
      return;
    }
  gtk_snapshot_append_color (snapshot, &palette[kind], &rect);
}

static void
cl_session_strip_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  ClSessionStrip *self = CL_SESSION_STRIP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA palette[CL_N_WEEK_SESSIONS];

  if (self->sessions == NULL || self->n_weeks == 0)
    return;
  lookup_colors (self, palette);

  if (self->compact)
    {
      float half = (height - 1) / 2.0f;

      for (guint day = 0; day < self->n_weeks * 5; day++)
        {
          guint week = day / 5, weekday = day % 5;
          const guint8 *s = self->sessions + week * CL_WEEK_SESSIONS + weekday * 2;
          double x, w;

          cl_session_strip_day_geometry (self->n_weeks, width, day, &x, &w);
          append_block (snapshot, palette, s[0], (float) x, 0, (float) w, half);
          append_block (snapshot, palette, s[1], (float) x, half + 1, (float) w, half);
        }
      return;
    }

  {
    float y = (height - WIDE_HEIGHT) / 2.0f;
    float x = 0;

    for (guint week = 0; week < self->n_weeks; week++)
      {
        for (guint s = 0; s < CL_WEEK_SESSIONS; s++)
          {
            append_block (snapshot, palette, self->sessions[week * CL_WEEK_SESSIONS + s],
                          x, y, WIDE_BLOCK, WIDE_HEIGHT);
            x += WIDE_BLOCK + ((s & 1) ? WIDE_DAY_GAP : WIDE_SESSION_GAP);
          }
        x += 2 * WIDE_DAY_GAP - WIDE_DAY_GAP;
      }
  }
}

static void
cl_session_strip_finalize (GObject *object)
{
  ClSessionStrip *self = CL_SESSION_STRIP (object);

  g_free (self->sessions);
  g_free (self->label);

  G_OBJECT_CLASS (cl_session_strip_parent_class)->finalize (object);
}

static void
cl_session_strip_class_init (ClSessionStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_session_strip_finalize;
  widget_class->measure = cl_session_strip_measure;
  widget_class->snapshot = cl_session_strip_snapshot;

  gtk_widget_class_set_css_name (widget_class, "sessionstrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cl_session_strip_init (ClSessionStrip *self)
{
}
