/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 calls that GTK 4.10 deprecates, kept in this one place so that
 * the port to 4.10 (gtk_widget_get_color, named colours as CSS custom
 * properties) is one file. */

/* Looks up a colour defined with @define-color in the style sheets that
 * apply to widget (style.css, style-dark.css, libadwaita's own). FALSE, and
 * out_color untouched, when no such colour is defined. */
gboolean cl_widget_lookup_color (GtkWidget  *widget,
                                 const char *name,
                                 GdkRGBA    *out_color);
/* The widget's foreground colour (CSS "color"). */
void     cl_widget_get_color    (GtkWidget  *widget,
                                 GdkRGBA    *out_color);

G_END_DECLS
