/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-register-grid"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "attendance/cl-attendance-date.h"
#include "ui/cl-compat.h"
#include "ui/cl-format.h"
#include "ui/cl-register-grid.h"
#include "ui/cl-window-private.h"

/* What a session is drawn as. */
typedef enum
{
  CELL_PRESENT,
  CELL_AEA,
  CELL_AUTHORISED,
  CELL_UNAUTHORISED,
  CELL_NOT_COUNTED,   /* not counted and administrative codes */
  CELL_NONE,          /* no mark on an open day (or no calendar) */
  CELL_CLOSED,        /* no mark on a day the school is closed */
  CELL_TO_COME,       /* after today */
  N_CELLS
} CellKind;

/* The named colours (style.css, style-dark.css) for each kind. */
static const char *const cell_colors[N_CELLS] = {
  "register_present_color",
  "register_aea_color",
  "register_authorised_color",
  "register_unauthorised_color",
  "register_not_counted_color",
  "register_none_color",
  "register_closed_color",
  "register_none_color",
};

/* Geometry, in pixels. A session is a cell; a day is two cells side by side. */
#define CELL_MIN_WIDTH  10
#define CELL_MAX_WIDTH  24
#define CELL_HEIGHT     12
#define PAIR_GAP        1
#define DAY_GAP         5
#define ROW_GAP         2
#define LABEL_GAP       8
#define HEADER_GAP      4

struct _ClRegisterGrid
{
  GtkWidget    parent_instance;

  int          academic_year;     /* 0 when empty */
  guint32      first_julian;      /* 1 September */
  guint32      first_monday;      /* Monday of the first row */
  int          n_sessions;
  int          n_weeks;
  guint32      today_julian;
  guint8       marks[CL_REGISTER_MAX_SESSIONS];
  guint8       day_kinds[CL_REGISTER_MAX_SESSIONS / 2];
  gboolean     has_calendar;
  ClCodeTable *codes;
  int          focus;             /* session index, -1 for none */
  char        *accessible_label;

  /* layout, from the last measure and allocation */
  int          label_width;
  int          header_height;
  int          cell_width;
};

G_DEFINE_FINAL_TYPE (ClRegisterGrid, cl_register_grid, GTK_TYPE_WIDGET)

GtkWidget *
cl_register_grid_new (void)
{
  return g_object_new (CL_TYPE_REGISTER_GRID, NULL);
}

static gboolean
is_weekend (ClRegisterGrid *self,
            int             index)
{
  return cl_attendance_julian_weekday (self->first_julian + index / 2) >= 5;
}

static gboolean
is_shown (ClRegisterGrid *self,
          int             index)
{
  return self->academic_year != 0 && index >= 0 && index < self->n_sessions
         && !is_weekend (self, index);
}

static gboolean
day_closed (ClRegisterGrid *self,
            int             day)
{
  ClCalendarDay kind = self->day_kinds[day];

  return self->has_calendar && kind != CL_CALENDAR_DAY_OPEN && kind != CL_CALENDAR_DAY_OUTSIDE;
}

static ClAttendanceCode *
code_at (ClRegisterGrid *self,
         int             index)
{
  guint8 mark = self->marks[index];

  return mark != 0 && self->codes != NULL ? cl_code_table_get (self->codes, mark) : NULL;
}

static CellKind
cell_kind (ClRegisterGrid *self,
           int             index)
{
  ClAttendanceCode *code = code_at (self, index);

  if (code != NULL)
    switch (cl_attendance_code_get_category (code))
      {
      case CL_ATTENDANCE_CATEGORY_PRESENT:
        return CELL_PRESENT;
      case CL_ATTENDANCE_CATEGORY_AEA:
        return CELL_AEA;
      case CL_ATTENDANCE_CATEGORY_AUTHORISED:
        return CELL_AUTHORISED;
      case CL_ATTENDANCE_CATEGORY_UNAUTHORISED:
        return CELL_UNAUTHORISED;
      case CL_ATTENDANCE_CATEGORY_NOT_COUNTED:
      case CL_ATTENDANCE_CATEGORY_ADMIN:
        return CELL_NOT_COUNTED;
      case CL_ATTENDANCE_CATEGORY_NONE:
      default:
        break;
      }
  if (day_closed (self, index / 2))
    return CELL_CLOSED;
  if (self->first_julian + index / 2 > self->today_julian)
    return CELL_TO_COME;
  return CELL_NONE;
}

static const char *
closed_reason (ClCalendarDay kind)
{
  switch (kind)
    {
    case CL_CALENDAR_DAY_HOLIDAY:
      return _("school holiday");
    case CL_CALENDAR_DAY_INSET:
      return _("INSET day, closed to pupils");
    case CL_CALENDAR_DAY_BANK_HOLIDAY:
      return _("bank holiday");
    case CL_CALENDAR_DAY_CLOSURE:
      return _("school closed");
    case CL_CALENDAR_DAY_OPEN:
    case CL_CALENDAR_DAY_WEEKEND:
    case CL_CALENDAR_DAY_OUTSIDE:
    default:
      return NULL;
    }
}

char *
cl_register_grid_describe_session (ClRegisterGrid *self,
                                   int             index)
{
  g_autofree char *iso = NULL;
  g_autofree char *date = NULL;
  ClAttendanceCode *code;
  const char *half;
  const char *reason;
  gboolean pm;

  g_return_val_if_fail (CL_IS_REGISTER_GRID (self), NULL);

  if (!is_shown (self, index))
    return NULL;

  iso = cl_session_index_to_date (self->academic_year, index, &pm);
  date = cl_format_long_date (iso);
  half = pm ? _("afternoon") : _("morning");
  code = code_at (self, index);
  if (code != NULL)
    /* Translators: "Thursday 4 September 2025, afternoon: N, Reason for
     * absence not yet established" — date, session, code, its meaning. */
    return g_strdup_printf (_("%s, %s: %s, %s"), date, half, cl_attendance_code_get_code (code),
                            cl_attendance_code_get_meaning (code));
  reason = day_closed (self, index / 2) ? closed_reason (self->day_kinds[index / 2]) : NULL;
  if (reason != NULL)
    /* Translators: "Monday 27 October 2025, morning: no mark, school holiday". */
    return g_strdup_printf (_("%s, %s: no mark, %s"), date, half, reason);
  if (self->first_julian + index / 2 > self->today_julian)
    return g_strdup_printf (_("%s, %s: still to come"), date, half);
  if (self->marks[index] != 0)
    return g_strdup_printf (_("%s, %s: unknown mark %u"), date, half, self->marks[index]);
  return g_strdup_printf (_("%s, %s: no mark"), date, half);
}

static void
update_accessible_label (ClRegisterGrid *self)
{
  g_autofree char *text = cl_register_grid_describe_session (self, self->focus);

  g_free (self->accessible_label);
  if (text != NULL)
    self->accessible_label = g_steal_pointer (&text);
  else if (self->academic_year != 0)
    {
      g_autofree char *year = cl_format_academic_year (self->academic_year);
      self->accessible_label = g_strdup_printf (_("Register for %s"), year);
    }
  else
    self->accessible_label = g_strdup (_("No register"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_label,
                                  -1);
}

/* --- geometry ------------------------------------------------------------ */

static int
day_width (ClRegisterGrid *self)
{
  return 2 * self->cell_width + PAIR_GAP;
}

static int
row_height (void)
{
  return CELL_HEIGHT + ROW_GAP;
}

static int
grid_left (ClRegisterGrid *self)
{
  return self->label_width + LABEL_GAP;
}

/* The rectangle of a session's cell. */
static void
cell_rect (ClRegisterGrid *self,
           int             index,
           GdkRectangle   *rect)
{
  guint32 julian = self->first_julian + index / 2;
  int row = (julian - self->first_monday) / 7;
  int weekday = cl_attendance_julian_weekday (julian);

  rect->x = grid_left (self) + weekday * (day_width (self) + DAY_GAP)
            + (index % 2) * (self->cell_width + PAIR_GAP);
  rect->y = self->header_height + row * row_height ();
  rect->width = self->cell_width;
  rect->height = CELL_HEIGHT;
}

/* The session at a point, or -1. Gaps within a row belong to no session. */
static int
session_at (ClRegisterGrid *self,
            double          x,
            double          y)
{
  int row, weekday, within, index;
  guint32 julian;

  if (self->academic_year == 0 || x < grid_left (self) || y < self->header_height)
    return -1;
  x -= grid_left (self);
  y -= self->header_height;
  row = (int) y / row_height ();
  weekday = (int) x / (day_width (self) + DAY_GAP);
  within = (int) x % (day_width (self) + DAY_GAP);
  if (row >= self->n_weeks || weekday > 4 || within >= day_width (self))
    return -1;
  julian = self->first_monday + row * 7 + weekday;
  if (julian < self->first_julian)
    return -1;
  index = (julian - self->first_julian) * 2 + (within >= self->cell_width + PAIR_GAP ? 1 : 0);
  return is_shown (self, index) ? index : -1;
}

static PangoLayout *
make_layout (ClRegisterGrid *self,
             const char     *text,
             gboolean        bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static void
measure_labels (ClRegisterGrid *self)
{
  int widest = 0, height = 0;

  /* "Sep 29": the month, when a row starts one, and the date of the row. */
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (2001, month, 1, 12, 0, 0);
      g_autofree char *name = g_date_time_format (dt, "%b");
      g_autofree char *text = g_strdup_printf ("%s 28", name);
      g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      widest = MAX (widest, w);
      height = MAX (height, h);
    }
  self->label_width = widest;
  self->header_height = height + HEADER_GAP;
}

static void
cl_register_grid_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  ClRegisterGrid *self = CL_REGISTER_GRID (widget);
  int fixed;

  measure_labels (self);
  fixed = self->label_width + LABEL_GAP + 5 * PAIR_GAP + 4 * DAY_GAP;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = fixed + 10 * CELL_MIN_WIDTH;
      *natural = fixed + 10 * CELL_MAX_WIDTH;
    }
  else
    *minimum = *natural = self->academic_year != 0
                            ? self->header_height + self->n_weeks * row_height () : 0;
}

static void
cl_register_grid_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  ClRegisterGrid *self = CL_REGISTER_GRID (widget);
  int fixed;

  measure_labels (self);
  fixed = self->label_width + LABEL_GAP + 5 * PAIR_GAP + 4 * DAY_GAP;
  self->cell_width = CLAMP ((width - fixed) / 10, CELL_MIN_WIDTH, CELL_MAX_WIDTH);
}

/* --- drawing ------------------------------------------------------------- */

static void
lookup_colors (ClRegisterGrid *self,
               GdkRGBA         colors[N_CELLS],
               GdkRGBA        *fg,
               GdkRGBA        *accent)
{
  cl_widget_get_color (GTK_WIDGET (self), fg);
  if (!cl_widget_lookup_color (GTK_WIDGET (self), "accent_color", accent))
    *accent = *fg;
  for (guint i = 0; i < N_CELLS; i++)
    if (!cl_widget_lookup_color (GTK_WIDGET (self), cell_colors[i], &colors[i]))
      {
        colors[i] = *fg;
        colors[i].alpha = 0.15;
      }
}

static void
rounded_rect (cairo_t            *cr,
              const GdkRectangle *r,
              double              radius)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_text (cairo_t       *cr,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_header (ClRegisterGrid *self,
             cairo_t        *cr,
             const GdkRGBA  *dim)
{
  /* Monday to Friday: the week of 1 January 2001 started on a Monday. */
  for (int weekday = 0; weekday < 5; weekday++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (2001, 1, 1 + weekday, 12, 0, 0);
      g_autofree char *name = g_date_time_format (dt, "%a");
      g_autoptr(PangoLayout) layout = make_layout (self, name, FALSE);
      int w, h;
      double x = grid_left (self) + weekday * (day_width (self) + DAY_GAP);

      pango_layout_get_pixel_size (layout, &w, &h);
      if (w > day_width (self))
        {
          g_autofree char *initial = g_utf8_substring (name, 0, 1);
          pango_layout_set_text (layout, initial, -1);
          pango_layout_get_pixel_size (layout, &w, &h);
        }
      draw_text (cr, layout, x + (day_width (self) - w) / 2.0, 0, dim);
    }
}

static void
draw_row_label (ClRegisterGrid *self,
                cairo_t        *cr,
                int             row,
                int            *last_month,
                const GdkRGBA  *fg,
                const GdkRGBA  *dim)
{
  guint32 julian = MAX (self->first_monday + row * 7, self->first_julian);
  GDate date;
  char day[8];
  int w, h;
  double y = self->header_height + row * row_height ();
  g_autoptr(PangoLayout) day_layout = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (day, sizeof day, "%u", g_date_get_day (&date));
  day_layout = make_layout (self, day, FALSE);
  pango_layout_get_pixel_size (day_layout, &w, &h);
  y += (CELL_HEIGHT - h) / 2.0;
  draw_text (cr, day_layout, self->label_width - w, y, dim);

  if ((int) g_date_get_month (&date) != *last_month)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date), 1, 12, 0, 0);
      g_autofree char *name = g_date_time_format (dt, "%b");
      g_autoptr(PangoLayout) layout = make_layout (self, name, TRUE);

      draw_text (cr, layout, 0, y, fg);
      *last_month = g_date_get_month (&date);
    }
}

static void
cl_register_grid_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  ClRegisterGrid *self = CL_REGISTER_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA colors[N_CELLS], fg, dim, accent;
  cairo_t *cr;
  int last_month = 0;

  if (self->academic_year == 0 || width <= 0 || height <= 0)
    return;

  lookup_colors (self, colors, &fg, &accent);
  dim = fg;
  dim.alpha *= 0.55;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_header (self, cr, &dim);
  for (int row = 0; row < self->n_weeks; row++)
    draw_row_label (self, cr, row, &last_month, &fg, &dim);

  for (int index = 0; index < self->n_sessions; index++)
    {
      GdkRectangle r;
      CellKind kind;

      if (is_weekend (self, index))
        continue;
      cell_rect (self, index, &r);
      kind = cell_kind (self, index);
      if (kind == CELL_NONE || kind == CELL_TO_COME)
        {
          /* Unmarked: an outline, fainter for what is still to come. */
          GdkRGBA line = colors[kind];

          if (kind == CELL_TO_COME)
            line.alpha *= 0.5;
          gdk_cairo_set_source_rgba (cr, &line);
          cairo_set_line_width (cr, 1.0);
          cairo_rectangle (cr, r.x + 0.5, r.y + 0.5, r.width - 1, r.height - 1);
          cairo_stroke (cr);
        }
      else
        {
          rounded_rect (cr, &r, 2.5);
          gdk_cairo_set_source_rgba (cr, &colors[kind]);
          cairo_fill (cr);
        }
    }

  /* Today, then the session the keyboard is on. */
  if (self->today_julian >= self->first_julian
      && self->today_julian < self->first_julian + self->n_sessions / 2
      && cl_attendance_julian_weekday (self->today_julian) < 5)
    {
      GdkRectangle am;

      cell_rect (self, (self->today_julian - self->first_julian) * 2, &am);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_set_line_width (cr, 1.0);
      cairo_rectangle (cr, am.x - 1.5, am.y - 1.5, day_width (self) + 3, am.height + 3);
      cairo_stroke (cr);
    }
  /* The session the keyboard is on, whenever the grid has the focus: GTK
   * shows focus only when it moves between widgets, and here it moves
   * within one. */
  if (gtk_widget_has_focus (widget) && is_shown (self, self->focus))
    {
      GdkRectangle r;

      cell_rect (self, self->focus, &r);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2.0);
      cairo_rectangle (cr, r.x - 2, r.y - 2, r.width + 4, r.height + 4);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

/* --- focus, keys, pointer ------------------------------------------------ */

void
cl_register_grid_set_focus_session (ClRegisterGrid *self,
                                    int             index)
{
  g_return_if_fail (CL_IS_REGISTER_GRID (self));

  if (!is_shown (self, index))
    index = -1;
  if (index == self->focus)
    return;
  self->focus = index;
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
cl_register_grid_get_focus_session (ClRegisterGrid *self)
{
  g_return_val_if_fail (CL_IS_REGISTER_GRID (self), -1);
  return self->focus;
}

/* Moves by step sessions, over weekends; FALSE at either end of the year. */
static gboolean
move_focus (ClRegisterGrid *self,
            int             step)
{
  int index = self->focus;

  if (index < 0)
    return FALSE;
  do
    index += step;
  while (index >= 0 && index < self->n_sessions && is_weekend (self, index));
  if (!is_shown (self, index))
    return FALSE;
  cl_register_grid_set_focus_session (self, index);
  return TRUE;
}

static gboolean
key_pressed_cb (ClRegisterGrid  *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  if (self->academic_year == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return move_focus (self, rtl ? 1 : -1);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return move_focus (self, rtl ? -1 : 1);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return move_focus (self, -14);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return move_focus (self, 14);
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      cl_register_grid_set_focus_session (self, 0);
      if (self->focus < 0)
        {
          self->focus = 0;
          move_focus (self, 1);
        }
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      cl_register_grid_set_focus_session (self, self->n_sessions - 1);
      if (self->focus < 0)
        {
          self->focus = self->n_sessions - 1;
          move_focus (self, -1);
        }
      return TRUE;
    default:
      return FALSE;
    }
}

static void
pressed_cb (ClRegisterGrid *self,
            int             n_press,
            double          x,
            double          y)
{
  int index = session_at (self, x, y);

  if (index >= 0)
    cl_register_grid_set_focus_session (self, index);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
cl_register_grid_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  ClRegisterGrid *self = CL_REGISTER_GRID (widget);
  int index = keyboard_mode ? self->focus : session_at (self, x, y);
  g_autofree char *text = cl_register_grid_describe_session (self, index);
  GdkRectangle r;

  if (text == NULL)
    return FALSE;
  cell_rect (self, index, &r);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &r);
  return TRUE;
}

static void
focus_changed_cb (ClRegisterGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Colours may have changed (dark style, high contrast) with any style change. */
static void
cl_register_grid_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cl_register_grid_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
cl_register_grid_system_setting_changed (GtkWidget        *widget,
                                         GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (cl_register_grid_parent_class)->system_setting_changed (widget, setting);
  gtk_widget_queue_resize (widget);
}

static void
style_changed_cb (ClRegisterGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- data ---------------------------------------------------------------- */

static int
initial_focus (ClRegisterGrid *self)
{
  int today, last_marked = -1;

  /* Today's morning when it is in the year; else the last marked session. */
  if (self->today_julian >= self->first_julian)
    {
      today = (self->today_julian - self->first_julian) * 2;
      if (is_shown (self, today))
        return today;
    }
  for (int i = 0; i < self->n_sessions; i++)
    if (self->marks[i] != 0 && !is_weekend (self, i))
      last_marked = i;
  if (last_marked >= 0)
    return last_marked;
  for (int i = 0; i < self->n_sessions; i++)
    if (!is_weekend (self, i))
      return i;
  return -1;
}

void
cl_register_grid_set_year (ClRegisterGrid *self,
                           int             academic_year,
                           const guint8   *marks,
                           gsize           n_marks,
                           ClCodeTable    *codes,
                           const guint8   *day_kinds,
                           const char     *today)
{
  guint32 last;
  g_autofree char *year = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (CL_IS_REGISTER_GRID (self));
  g_return_if_fail (academic_year > 0);
  g_return_if_fail (marks != NULL || n_marks == 0);
  g_return_if_fail (CL_IS_CODE_TABLE (codes));

  self->academic_year = academic_year;
  self->first_julian = cl_academic_year_first_julian (academic_year);
  self->first_monday = self->first_julian - cl_attendance_julian_weekday (self->first_julian);
  self->n_sessions = cl_academic_year_n_sessions (academic_year);
  last = self->first_julian + self->n_sessions / 2 - 1;
  self->n_weeks = (last - self->first_monday) / 7 + 1;
  memset (self->marks, 0, sizeof self->marks);
  memcpy (self->marks, marks, MIN (n_marks, (gsize) self->n_sessions));
  self->has_calendar = day_kinds != NULL;
  memset (self->day_kinds, CL_CALENDAR_DAY_OPEN, sizeof self->day_kinds);
  if (day_kinds != NULL)
    memcpy (self->day_kinds, day_kinds, self->n_sessions / 2);
  g_set_object (&self->codes, codes);
  if (today == NULL || !cl_attendance_date_to_julian (today, &self->today_julian))
    self->today_julian = G_MAXUINT32;

  self->focus = initial_focus (self);
  year = cl_format_academic_year (academic_year);
  /* Translators: the accessible description of the register calendar. */
  description = g_strdup_printf (_("Register for %s: a row for each week, a morning and an "
                                   "afternoon for each weekday. The arrow keys move from "
                                   "session to session."), year);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cl_register_grid_clear (ClRegisterGrid *self)
{
  g_return_if_fail (CL_IS_REGISTER_GRID (self));

  self->academic_year = 0;
  self->n_sessions = 0;
  self->n_weeks = 0;
  self->focus = -1;
  g_clear_object (&self->codes);
  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
cl_register_grid_get_academic_year (ClRegisterGrid *self)
{
  g_return_val_if_fail (CL_IS_REGISTER_GRID (self), 0);
  return self->academic_year;
}

const char *
cl_register_grid_get_accessible_label (ClRegisterGrid *self)
{
  return self->accessible_label;
}

static void
cl_register_grid_dispose (GObject *object)
{
  ClRegisterGrid *self = CL_REGISTER_GRID (object);

  g_clear_object (&self->codes);

  G_OBJECT_CLASS (cl_register_grid_parent_class)->dispose (object);
}

static void
cl_register_grid_finalize (GObject *object)
{
  ClRegisterGrid *self = CL_REGISTER_GRID (object);

  g_free (self->accessible_label);

  G_OBJECT_CLASS (cl_register_grid_parent_class)->finalize (object);
}

static void
cl_register_grid_class_init (ClRegisterGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_register_grid_dispose;
  object_class->finalize = cl_register_grid_finalize;
  widget_class->measure = cl_register_grid_measure;
  widget_class->size_allocate = cl_register_grid_size_allocate;
  widget_class->snapshot = cl_register_grid_snapshot;
  widget_class->query_tooltip = cl_register_grid_query_tooltip;
  widget_class->css_changed = cl_register_grid_css_changed;
  widget_class->system_setting_changed = cl_register_grid_system_setting_changed;

  gtk_widget_class_set_css_name (widget_class, "registergrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cl_register_grid_init (ClRegisterGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->focus = -1;
  self->cell_width = CELL_MIN_WIDTH;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  update_accessible_label (self);
}
