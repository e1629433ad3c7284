/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Chooses GTK's Cairo renderer on a machine with no GPU device (no DRM render
 * node, no NVIDIA device): there GTK 4.8's GL renderer runs on Mesa's
 * software rasteriser, which is both slower than Cairo and some 60 MB
 * heavier. Council staff often work on virtual desktops and thin clients
 * without a GPU. A GSK_RENDERER or GDK_DEBUG set by the user always wins.
 * Call first thing in main(), before GTK opens the display; returns the
 * renderer chosen, or NULL when GTK's own choice stands. */
const char *cl_renderer_choose (void);

G_END_DECLS
