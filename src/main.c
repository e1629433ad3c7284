/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "caseload"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "store/cl-memory.h"
#include "ui/cl-application.h"
#include "ui/cl-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ClApplication) app = NULL;

  cl_memory_tune ();
  cl_renderer_choose ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Caseload"));
  app = cl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
