/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-welcome-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/cl-welcome-page.h"

struct _ClWelcomePage
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  AdwStatusPage  *status_page;
  GtkWidget      *explore_button;
  GtkWidget      *empty_button;
  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;
  GtkWidget      *cancel_button;

  GMenuModel     *menu_model;
};

G_DEFINE_FINAL_TYPE (ClWelcomePage, cl_welcome_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MENU_MODEL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  EXPLORE,
  START_EMPTY,
  CANCEL,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

GtkWidget *
cl_welcome_page_new (void)
{
  return g_object_new (CL_TYPE_WELCOME_PAGE, NULL);
}

void
cl_welcome_page_set_busy (ClWelcomePage *self,
                          gboolean       busy)
{
  g_return_if_fail (CL_IS_WELCOME_PAGE (self));

  gtk_widget_set_visible (self->explore_button, !busy);
  gtk_widget_set_visible (self->empty_button, !busy);
  gtk_widget_set_visible (self->progress_box, busy);
  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_label_set_text (self->progress_label, _("Preparing the demo authority…"));
      gtk_widget_grab_focus (self->cancel_button);
    }
}

void
cl_welcome_page_set_progress (ClWelcomePage *self,
                              double         fraction,
                              const char    *text)
{
  g_return_if_fail (CL_IS_WELCOME_PAGE (self));

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  if (text != NULL)
    gtk_label_set_text (self->progress_label, text);
}

static void
explore_clicked_cb (ClWelcomePage *self)
{
  g_signal_emit (self, signals[EXPLORE], 0);
}

static void
start_empty_clicked_cb (ClWelcomePage *self)
{
  g_signal_emit (self, signals[START_EMPTY], 0);
}

static void
cancel_clicked_cb (ClWelcomePage *self)
{
  g_signal_emit (self, signals[CANCEL], 0);
}

static void
cl_welcome_page_dispose (GObject *object)
{
  ClWelcomePage *self = CL_WELCOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_WELCOME_PAGE);
  g_clear_object (&self->menu_model);

  G_OBJECT_CLASS (cl_welcome_page_parent_class)->dispose (object);
}

static void
cl_welcome_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClWelcomePage *self = CL_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_MENU_MODEL:
      g_value_set_object (value, self->menu_model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_welcome_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ClWelcomePage *self = CL_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_MENU_MODEL:
      if (g_set_object (&self->menu_model, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_welcome_page_class_init (ClWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_welcome_page_dispose;
  object_class->get_property = cl_welcome_page_get_property;
  object_class->set_property = cl_welcome_page_set_property;

  properties[PROP_MENU_MODEL] =
    g_param_spec_object ("menu-model", NULL, NULL, G_TYPE_MENU_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EXPLORE] = g_signal_new ("explore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[START_EMPTY] = g_signal_new ("start-empty", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CANCEL] = g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caseload/Caseload"
                                               "/ui/cl-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClWelcomePage, box);
  gtk_widget_class_bind_template_child (widget_class, ClWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, ClWelcomePage, explore_button);
  gtk_widget_class_bind_template_child (widget_class, ClWelcomePage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, ClWelcomePage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, ClWelcomePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClWelcomePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ClWelcomePage, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, explore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_empty_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_welcome_page_init (ClWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
