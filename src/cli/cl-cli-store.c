/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli/cl-cli-private.h"

/* caseload-cli init: creates (or opens and migrates) the database. */
int
cl_cli_init (ClCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context =
    cl_cli_option_context ("init", NULL,
                           _("Creates the database if there is none, brings an older one up to "
                             "date, and prints its path."),
                           NULL);
  g_autoptr(GError) error = NULL;

  if (!cl_cli_parse (context, "init", &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("init", _("unexpected argument “%s”"), argv[1]);

  if (cl_cli_open_database (cli, TRUE, &error) == NULL)
    return cl_cli_failure ("init", error);
  g_print ("%s\n", cl_database_get_path (cli->db));
  return CL_CLI_EXIT_OK;
}

/* caseload-cli backup OUT: an online copy through SQLite's backup API. */
int
cl_cli_backup (ClCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context =
    cl_cli_option_context ("backup", _("OUT"),
                           _("Copies the database to the file OUT as one self-contained file. "
                             "It is safe to run while Caseload is open."),
                           NULL);
  g_autoptr(GError) error = NULL;

  if (!cl_cli_parse (context, "backup", &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc < 2)
    return cl_cli_usage_error ("backup", _("say where to write the backup: backup OUT"));
  if (argc > 2)
    return cl_cli_usage_error ("backup", _("unexpected argument “%s”"), argv[2]);

  if (cl_cli_open_database (cli, FALSE, &error) == NULL
      || !cl_database_backup (cli->db, argv[1], &error))
    return cl_cli_failure ("backup", error);
  g_print (_("Backed up %s to %s\n"), cl_database_get_path (cli->db), argv[1]);
  return CL_CLI_EXIT_OK;
}

/* caseload-cli check: "ok", or the problems found and exit status 1. */
int
cl_cli_check (ClCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context =
    cl_cli_option_context ("check", NULL,
                           _("Runs SQLite’s integrity and foreign-key checks and verifies the "
                             "audit log’s hash chain. Prints “ok”, or the problems found (and "
                             "exits with status 1)."),
                           NULL);
  g_autoptr(GError) error = NULL;

  if (!cl_cli_parse (context, "check", &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("check", _("unexpected argument “%s”"), argv[1]);

  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure ("check", error);
  if (!cl_database_check (cli->db, &error))
    {
      if (g_error_matches (error, CL_STORE_ERROR, CL_STORE_ERROR_INTEGRITY))
        {
          g_print ("%s\n", error->message);
          return CL_CLI_EXIT_FAILURE;
        }
      return cl_cli_failure ("check", error);
    }
  g_print ("ok\n");
  return CL_CLI_EXIT_OK;
}
