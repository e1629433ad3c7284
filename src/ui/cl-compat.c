/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-compat"

#include "config.h"

#include "ui/cl-compat.h"

gboolean
cl_widget_lookup_color (GtkWidget  *widget,
                        const char *name,
                        GdkRGBA    *out_color)
{
  GtkStyleContext *context;
  GdkRGBA color;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (name != NULL && out_color != NULL, FALSE);

  context = gtk_widget_get_style_context (widget);
  if (!gtk_style_context_lookup_color (context, name, &color))
    return FALSE;
  *out_color = color;
  return TRUE;
}

void
cl_widget_get_color (GtkWidget *widget,
                     GdkRGBA   *out_color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (out_color != NULL);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), out_color);
}
