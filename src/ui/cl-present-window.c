/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-present-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charts/cl-chart.h"
#include "ui/cl-chart-view.h"
#include "ui/cl-present-window.h"
#include "ui/cl-window-private.h"

/* Chart text on a slide, relative to the interface font: readable from the
 * back of a meeting room. */
#define SLIDE_FONT_SCALE 1.7

struct _ClPresentWindow
{
  AdwWindow    parent_instance;

  /* template */
  GtkWidget   *box;
  GtkLabel    *title_label;
  GtkLabel    *counter_label;
  AdwCarousel *carousel;

  guint        slide;
};

G_DEFINE_FINAL_TYPE (ClPresentWindow, cl_present_window, ADW_TYPE_WINDOW)

static void
update_counter (ClPresentWindow *self)
{
  guint n = adw_carousel_get_n_pages (self->carousel);
  g_autofree char *text = NULL;

  /* Translators: the slide shown, "2 of 6". */
  text = g_strdup_printf (_("%u of %u"), n > 0 ? self->slide + 1 : 0, n);
  gtk_label_set_text (self->counter_label, text);
}

static GtkWidget *
make_slide (ClChart *chart)
{
  GtkWidget *slide = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *heading = gtk_label_new (cl_chart_get_title (chart));
  GtkWidget *view = cl_chart_view_new ();
  GtkWidget *description = gtk_label_new (cl_chart_get_description (chart));

  gtk_widget_add_css_class (slide, "present-slide");
  gtk_widget_set_hexpand (slide, TRUE);
  gtk_widget_set_vexpand (slide, TRUE);

  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);

  /* The heading above says what the chart is. */
  cl_chart_view_set_show_title (CL_CHART_VIEW (view), FALSE);
  cl_chart_view_set_font_scale (CL_CHART_VIEW (view), SLIDE_FONT_SCALE);
  cl_chart_view_set_chart (CL_CHART_VIEW (view), chart);
  gtk_widget_set_vexpand (view, TRUE);

  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 110);
  gtk_widget_add_css_class (description, "present-description");

  gtk_box_append (GTK_BOX (slide), heading);
  gtk_box_append (GTK_BOX (slide), view);
  gtk_box_append (GTK_BOX (slide), description);
  return slide;
}

ClPresentWindow *
cl_present_window_new (GtkWindow  *parent,
                       const char *title,
                       GPtrArray  *charts)
{
  ClPresentWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (charts != NULL, NULL);

  self = g_object_new (CL_TYPE_PRESENT_WINDOW,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  gtk_label_set_text (self->title_label, title);
  for (guint i = 0; i < charts->len; i++)
    adw_carousel_append (self->carousel, make_slide (g_ptr_array_index (charts, i)));
  update_counter (self);
  return self;
}

guint
cl_present_window_get_slide (ClPresentWindow *self)
{
  g_return_val_if_fail (CL_IS_PRESENT_WINDOW (self), 0);
  return self->slide;
}

void
cl_present_window_set_slide (ClPresentWindow *self,
                             guint            slide)
{
  guint n;

  g_return_if_fail (CL_IS_PRESENT_WINDOW (self));

  n = adw_carousel_get_n_pages (self->carousel);
  if (n == 0)
    return;
  slide = MIN (slide, n - 1);
  self->slide = slide;
  update_counter (self);
  adw_carousel_scroll_to (self->carousel, adw_carousel_get_nth_page (self->carousel, slide), TRUE);
  /* The chart on the slide takes the focus, so that screen readers read it. */
  gtk_widget_child_focus (adw_carousel_get_nth_page (self->carousel, slide), GTK_DIR_TAB_FORWARD);
}

static void
page_changed_cb (ClPresentWindow *self,
                 guint            index)
{
  /* A swipe, or the end of a move by key. */
  if (self->slide == index)
    return;
  self->slide = index;
  update_counter (self);
}

/* The keys of a presentation clicker, a keyboard's arrows and Escape. */
gboolean
cl_present_window_press_key (ClPresentWindow *self,
                             guint            keyval,
                             GdkModifierType  state)
{
  guint n = adw_carousel_get_n_pages (self->carousel);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_Return:
      if (self->slide + 1 < n)
        cl_present_window_set_slide (self, self->slide + 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      if (self->slide > 0)
        cl_present_window_set_slide (self, self->slide - 1);
      return TRUE;
    case GDK_KEY_Home:
      cl_present_window_set_slide (self, 0);
      return TRUE;
    case GDK_KEY_End:
      if (n > 0)
        cl_present_window_set_slide (self, n - 1);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (ClPresentWindow       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  return cl_present_window_press_key (self, keyval, state);
}

static void
leave_clicked_cb (ClPresentWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* --- hooks for the tests (cl-window-private.h) --- */

GtkLabel *
cl_present_window_get_counter_label (ClPresentWindow *self)
{
  return self->counter_label;
}

AdwCarousel *
cl_present_window_get_carousel (ClPresentWindow *self)
{
  return self->carousel;
}

/* --- GObject --- */

static void
cl_present_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cl_present_window_parent_class)->map (widget);
  if (adw_carousel_get_n_pages (CL_PRESENT_WINDOW (widget)->carousel) > 0)
    gtk_widget_child_focus (adw_carousel_get_nth_page (CL_PRESENT_WINDOW (widget)->carousel, 0),
                            GTK_DIR_TAB_FORWARD);
}

static void
cl_present_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CL_TYPE_PRESENT_WINDOW);

  G_OBJECT_CLASS (cl_present_window_parent_class)->dispose (object);
}

static void
cl_present_window_class_init (ClPresentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_present_window_dispose;
  widget_class->map = cl_present_window_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-present-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPresentWindow, box);
  gtk_widget_class_bind_template_child (widget_class, ClPresentWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ClPresentWindow, counter_label);
  gtk_widget_class_bind_template_child (widget_class, ClPresentWindow, carousel);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leave_clicked_cb);
}

static void
cl_present_window_init (ClPresentWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_fullscreen (GTK_WINDOW (self));
}
