/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ui/cl-chart-view.h"
#include "ui/cl-compat.h"
#include "ui/cl-file-chooser.h"
#include "ui/cl-preview-window.h"
#include "ui/cl-window-private.h"

/* Exported files: PNG in pixels, SVG and PDF in points (a landscape half
 * of an A4 page). */
#define EXPORT_PNG_WIDTH  1600
#define EXPORT_PNG_HEIGHT 900
#define EXPORT_WIDTH      720
#define EXPORT_HEIGHT     405

struct _ClChartView
{
  GtkWidget   parent_instance;

  ClChart    *chart;
  gboolean    show_title;
  double      font_scale;
  GtkWidget  *context_menu;
  char       *accessible_description;  /* as given to screen readers */
};

G_DEFINE_FINAL_TYPE (ClChartView, cl_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_SHOW_TITLE,
  PROP_FONT_SCALE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

GtkWidget *
cl_chart_view_new (void)
{
  return g_object_new (CL_TYPE_CHART_VIEW, NULL);
}

static void
update_accessible (ClChartView *self)
{
  const char *title = self->chart != NULL ? cl_chart_get_title (self->chart) : NULL;
  const char *description = self->chart != NULL ? cl_chart_get_description (self->chart) : NULL;

  g_free (self->accessible_description);
  self->accessible_description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

static void
update_actions (ClChartView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", self->chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.preview", self->chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.menu", self->chart != NULL);
}

void
cl_chart_view_set_chart (ClChartView *self,
                         ClChart     *chart)
{
  g_return_if_fail (CL_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || CL_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;
  update_accessible (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

ClChart *
cl_chart_view_get_chart (ClChartView *self)
{
  g_return_val_if_fail (CL_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
cl_chart_view_set_show_title (ClChartView *self,
                              gboolean     show_title)
{
  g_return_if_fail (CL_IS_CHART_VIEW (self));

  show_title = !!show_title;
  if (self->show_title == show_title)
    return;
  self->show_title = show_title;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLE]);
}

void
cl_chart_view_set_font_scale (ClChartView *self,
                              double       font_scale)
{
  g_return_if_fail (CL_IS_CHART_VIEW (self));

  font_scale = CLAMP (font_scale, 0.5, 4.0);
  if (self->font_scale == font_scale)
    return;
  self->font_scale = font_scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SCALE]);
}

static void
lookup (ClChartView  *self,
        const char   *name,
        ClChartColor *out)
{
  GdkRGBA rgba;

  if (!cl_widget_lookup_color (GTK_WIDGET (self), name, &rgba))
    return;  /* the built-in style's colour stays */
  out->red = rgba.red;
  out->green = rgba.green;
  out->blue = rgba.blue;
  out->alpha = rgba.alpha;
}

ClChartStyle *
cl_chart_view_build_style (ClChartView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  ClChartStyle *style = dark ? cl_chart_style_dark () : cl_chart_style_light ();
  g_autofree char *font_name = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *font_string = NULL;
  GdkRGBA fg;
  double size;

  g_return_val_if_fail (CL_IS_CHART_VIEW (self), style);

  /* Text in the widget's own colour; the card behind it is the widget's
   * CSS background, so the chart paints none of its own. */
  cl_widget_get_color (GTK_WIDGET (self), &fg);
  style->foreground = (ClChartColor) { fg.red, fg.green, fg.blue, fg.alpha };
  style->background = (ClChartColor) { 0, 0, 0, 0 };
  lookup (self, "chart_grid_color", &style->grid);
  lookup (self, "chart_muted_color", &style->muted);
  lookup (self, "chart_accent_color", &style->accent);
  lookup (self, "chart_present_color", &style->present);
  lookup (self, "chart_aea_color", &style->aea);
  lookup (self, "chart_authorised_color", &style->authorised);
  lookup (self, "chart_unauthorised_color", &style->unauthorised);
  lookup (self, "chart_not_counted_color", &style->not_counted);
  lookup (self, "chart_warning_color", &style->warning);
  lookup (self, "chart_good_color", &style->good);
  style->dark = dark;
  style->show_title = self->show_title;

  /* The interface font, its size turned from points into pixels (the
   * chart's units on screen). */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &font_name, NULL);
  font = pango_font_description_from_string (font_name != NULL ? font_name : "Sans 11");
  size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  if (size <= 0)
    size = 11;
  pango_font_description_set_size (font, (int) (size * 96.0 / 72.0 * 0.9 * self->font_scale
                                                 * PANGO_SCALE));
  pango_font_description_unset_fields (font, PANGO_FONT_MASK_WEIGHT | PANGO_FONT_MASK_STYLE);
  font_string = pango_font_description_to_string (font);
  cl_chart_style_set_font (style, font_string);
  return style;
}

static void
cl_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  ClChartView *self = CL_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(ClChartStyle) style = NULL;
  cairo_t *cr;

  if (self->chart == NULL || width < 16 || height < 16)
    return;
  style = cl_chart_view_build_style (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cl_chart_draw (self->chart, cr, width, height, style);
  cairo_destroy (cr);
}

static void
cl_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  /* Small enough for a narrow window, as large as it is given. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      *minimum = 180;
      *natural = for_size > 0 ? MAX (180, for_size * 9 / 16) : 405;
    }
}

static void
cl_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ClChartView *self = CL_CHART_VIEW (widget);

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

/* --- tooltips: the value under the pointer, as the core describes it;
 * the chart's description elsewhere --- */

static char *
point_tooltip (ClChartView *self,
               double       x,
               double       y)
{
  g_autoptr(ClChartStyle) style = cl_chart_view_build_style (self);

  return cl_chart_describe_at (self->chart, style, gtk_widget_get_width (GTK_WIDGET (self)),
                               gtk_widget_get_height (GTK_WIDGET (self)), x, y);
}

static gboolean
cl_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  ClChartView *self = CL_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (self->chart == NULL)
    return FALSE;
  if (!keyboard_mode)
    text = point_tooltip (self, x, y);
  gtk_tooltip_set_text (tooltip, text != NULL ? text : cl_chart_get_description (self->chart));
  return TRUE;
}

/* --- export and preview --- */

static char *
file_stem (ClChartView *self)
{
  return g_strdup_printf ("chart-%s", cl_chart_kind_to_string (cl_chart_get_kind (self->chart)));
}

static void
add_toast (ClChartView *self,
           const char  *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
show_error (ClChartView *self,
            const char  *heading,
            const char  *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Files are drawn in the paper style, whatever the screen shows. */
static gboolean
export_to (ClChartView  *self,
           const char   *path,
           GError      **error)
{
  g_autoptr(ClChartStyle) style = cl_chart_style_light ();
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    {
      g_autofree char *font = g_strdup_printf ("Sans %.1f", MAX (8.0, EXPORT_PNG_WIDTH / 80.0));

      cl_chart_style_set_font (style, font);
      return cl_chart_export (self->chart, path, EXPORT_PNG_WIDTH, EXPORT_PNG_HEIGHT, style, error);
    }
  return cl_chart_export (self->chart, path, EXPORT_WIDTH, EXPORT_HEIGHT, style, error);
}

static void
export_chosen_cb (gpointer        owner,
                  GFile          *file,
                  GtkFileChooser *chooser)
{
  ClChartView *self = owner;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (self->chart == NULL || path == NULL)
    return;
  if (!export_to (self, path, &error))
    {
      show_error (self, _("Could Not Export the Chart"), error->message);
      return;
    }
  /* Translators: "Chart saved as chart-trend.png". */
  message = g_strdup_printf (_("Chart saved as %s"), basename);
  add_toast (self, message);
}

static void
export_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClChartView *self = CL_CHART_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  const char *patterns[2] = { NULL, NULL };
  const char *filter_name;

  if (self->chart == NULL)
    return;
  if (g_str_equal (format, "png"))
    filter_name = _("PNG images");
  else if (g_str_equal (format, "svg"))
    filter_name = _("SVG drawings");
  else if (g_str_equal (format, "pdf"))
    filter_name = _("PDF documents");
  else
    g_return_if_reached ();

  stem = file_stem (self);
  name = g_strdup_printf ("%s.%s", stem, format);
  pattern = g_strdup_printf ("*.%s", format);
  patterns[0] = pattern;
  chooser = cl_file_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Chart"), _("_Export"));
  cl_file_chooser_add_filter (chooser, filter_name, patterns);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  cl_file_chooser_run (chooser, self, export_chosen_cb);
  g_object_unref (chooser);
}

static void
preview_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClChartView *self = CL_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) pdf = NULL;
  ClPreviewWindow *preview;
  gsize length = 0;
  int fd;

  if (self->chart == NULL)
    return;
  fd = g_file_open_tmp ("caseload-chart-XXXXXX.pdf", &path, &error);
  if (fd < 0)
    {
      show_error (self, _("Could Not Make the PDF"), error->message);
      return;
    }
  g_close (fd, NULL);
  if (!export_to (self, path, &error) || !g_file_get_contents (path, &contents, &length, &error))
    {
      g_unlink (path);
      show_error (self, _("Could Not Make the PDF"), error->message);
      return;
    }
  g_unlink (path);
  pdf = g_bytes_new_take (g_steal_pointer (&contents), length);

  preview = cl_preview_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   cl_chart_get_title (self->chart) != NULL
                                     ? cl_chart_get_title (self->chart) : _("Chart"));
  stem = file_stem (self);
  name = g_strdup_printf ("%s.pdf", stem);
  cl_preview_window_set_file_name (preview, name);
  if (!cl_preview_window_load (preview, pdf, NULL, &error))
    {
      gtk_window_destroy (GTK_WINDOW (preview));
      show_error (self, _("Could Not Show the PDF"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (preview));
}

static void
show_context_menu (ClChartView *self,
                   double       x,
                   double       y)
{
  if (self->chart == NULL)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
menu_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_context_menu (CL_CHART_VIEW (widget), gtk_widget_get_width (widget) / 2.0,
                     gtk_widget_get_height (widget) / 2.0);
}

static void
pressed_cb (ClChartView     *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == GDK_BUTTON_SECONDARY)
    {
      show_context_menu (self, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
style_changed_cb (ClChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cl_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cl_chart_view_parent_class)->css_changed (widget, change);
  /* The named colours may have changed with the style sheet. */
  gtk_widget_queue_draw (widget);
}

/* --- hooks for the tests (cl-window-private.h) --- */

const char *
cl_chart_view_get_accessible_description (ClChartView *self)
{
  return self->accessible_description;
}

/* --- GObject --- */

static void
cl_chart_view_dispose (GObject *object)
{
  ClChartView *self = CL_CHART_VIEW (object);

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (cl_chart_view_parent_class)->dispose (object);
}

static void
cl_chart_view_finalize (GObject *object)
{
  ClChartView *self = CL_CHART_VIEW (object);

  g_free (self->accessible_description);

  G_OBJECT_CLASS (cl_chart_view_parent_class)->finalize (object);
}

static void
cl_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ClChartView *self = CL_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_SHOW_TITLE:
      g_value_set_boolean (value, self->show_title);
      break;
    case PROP_FONT_SCALE:
      g_value_set_double (value, self->font_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ClChartView *self = CL_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      cl_chart_view_set_chart (self, g_value_get_object (value));
      break;
    case PROP_SHOW_TITLE:
      cl_chart_view_set_show_title (self, g_value_get_boolean (value));
      break;
    case PROP_FONT_SCALE:
      cl_chart_view_set_font_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_chart_view_class_init (ClChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_chart_view_dispose;
  object_class->finalize = cl_chart_view_finalize;
  object_class->get_property = cl_chart_view_get_property;
  object_class->set_property = cl_chart_view_set_property;
  widget_class->snapshot = cl_chart_view_snapshot;
  widget_class->measure = cl_chart_view_measure;
  widget_class->size_allocate = cl_chart_view_size_allocate;
  widget_class->query_tooltip = cl_chart_view_query_tooltip;
  widget_class->css_changed = cl_chart_view_css_changed;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, CL_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TITLE] =
    g_param_spec_boolean ("show-title", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_SCALE] =
    g_param_spec_double ("font-scale", NULL, NULL, 0.5, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_activated_cb);
  gtk_widget_class_install_action (widget_class, "chart.preview", NULL, preview_activated_cb);
  gtk_widget_class_install_action (widget_class, "chart.menu", NULL, menu_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cl_chart_view_init (ClChartView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) export = g_menu_new ();
  g_autoptr(GMenu) preview = g_menu_new ();
  GtkGesture *click;

  self->show_title = TRUE;
  self->font_scale = 1.0;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  g_menu_append (export, _("Export as _PNG Image…"), "chart.export::png");
  g_menu_append (export, _("Export as _SVG Drawing…"), "chart.export::svg");
  g_menu_append (export, _("Export as P_DF…"), "chart.export::pdf");
  g_menu_append (preview, _("Open as PDF in _Preview"), "chart.preview");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (preview));
  self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  update_accessible (self);
  update_actions (self);
}
