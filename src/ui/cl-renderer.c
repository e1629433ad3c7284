/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-renderer"

#include "config.h"

#include <glib/gstdio.h>

#include "ui/cl-renderer.h"

static gboolean
has_gpu_device (void)
{
  g_autoptr(GDir) dri = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  while (dri != NULL && (name = g_dir_read_name (dri)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return g_file_test ("/dev/nvidiactl", G_FILE_TEST_EXISTS);
}

const char *
cl_renderer_choose (void)
{
  if (g_getenv ("GSK_RENDERER") != NULL || g_getenv ("GDK_DEBUG") != NULL || has_gpu_device ())
    return NULL;
  /* gl-disable keeps GDK from loading Mesa at all (GSK_RENDERER=cairo alone
   * still opens a GL context for the display, which is where the memory
   * goes). Both are read when GTK starts, so this runs first in main(). */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  return "cairo";
}
