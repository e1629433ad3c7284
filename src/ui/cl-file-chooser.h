/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The one place that shows GtkFileChooserNative (GtkFileDialog replaces it
 * in GTK 4.10): a chooser is made, given its filters and choices by the
 * caller, then run; the answer comes back to a callback. */

/* Called with the chosen file when the user accepts; not called on cancel,
 * nor when owner has gone meanwhile. chooser still holds the choices. */
typedef void (*ClFileChosenFunc) (gpointer        owner,
                                  GFile          *file,
                                  GtkFileChooser *chooser);

/* A chooser to open one file or save one (action), transient for parent. */
GtkFileChooserNative *cl_file_chooser_new        (GtkWindow            *parent,
                                                  GtkFileChooserAction  action,
                                                  const char           *title,
                                                  const char           *accept_label);
/* Adds a filter of the given glob patterns (NULL-terminated), e.g. "*.csv". */
void                  cl_file_chooser_add_filter (GtkFileChooserNative *chooser,
                                                  const char           *name,
                                                  const char *const    *patterns);
/* Shows chooser (taking a reference until it is answered) and calls done on
 * owner (weakly referenced) with the answer. */
void                  cl_file_chooser_run        (GtkFileChooserNative *chooser,
                                                  gpointer              owner,
                                                  ClFileChosenFunc      done);

G_END_DECLS
