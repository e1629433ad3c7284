/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "cli/cl-cli-private.h"
#include "store/cl-memory.h"

/* Every command of caseload-cli, in the order --help lists them. A command of
 * two words ("schools list") is matched before any of one word. */
static const ClCliCommand commands[] = {
  { "init",         cl_cli_init,         N_("Create the database if needed and print its path") },
  { "demo",         cl_cli_demo,         N_("Fill an empty database with a synthetic authority") },
  { "schools list", cl_cli_schools_list, N_("List the schools") },
  { "schools add",  cl_cli_schools_add,  N_("Add a school") },
  { "pupils list",  cl_cli_pupils_list,  N_("List the pupils, or those of one school") },
  { "pupils add",   cl_cli_pupils_add,   N_("Add a pupil") },
  { "guardians list", cl_cli_guardians_list, N_("A pupil's parents and carers") },
  { "guardians add",  cl_cli_guardians_add,  N_("Record a parent or carer of a pupil") },
  { "upn-check",    cl_cli_upn_check,    N_("Check UPNs against the DfE check-letter rules") },
  { "import",             cl_cli_import,             N_("Import an attendance register (CSV or CTF)") },
  { "attendance",         cl_cli_attendance,         N_("A pupil's attendance figures") },
  { "stats",              cl_cli_stats,              N_("A school's attendance, by year or flag group") },
  { "penalty-check",      cl_cli_penalty_check,      N_("Whether a pupil meets the penalty-notice threshold") },
  { "alerts",             cl_cli_alerts,             N_("The statutory alerts met on a date") },
  { "codes list",         cl_cli_codes_list,         N_("List the attendance codes") },
  { "codes set-category", cl_cli_codes_set_category, N_("Change an unverified code's category") },
  { "calendar show",      cl_cli_calendar_show,      N_("A school's terms, holidays and closures") },
  { "calendar add",       cl_cli_calendar_add,       N_("Add a term, holiday, INSET day or closure") },
  { "calendar standard",  cl_cli_calendar_standard,  N_("Give a school the standard English calendar") },
  { "officers list",  cl_cli_officers_list,  N_("List the officers and their ids") },
  { "cases list",     cl_cli_cases_list,     N_("List cases, by officer, status or stage") },
  { "cases open",     cl_cli_cases_open,     N_("Open a case for a child or a family") },
  { "cases show",     cl_cli_cases_show,     N_("Show a case and its chronology") },
  { "cases reassign", cl_cli_cases_reassign, N_("Allocate a case to another officer") },
  { "cases stage",    cl_cli_cases_stage,    N_("Move a case to another stage") },
  { "cases close",    cl_cli_cases_close,    N_("Close a case with a reason") },
  { "cases reopen",   cl_cli_cases_reopen,   N_("Reopen a closed case") },
  { "events add",     cl_cli_events_add,     N_("Add a visit, call, letter, meeting … to a case") },
  { "events correct", cl_cli_events_correct, N_("Correct an event, keeping the original") },
  { "events done",    cl_cli_events_done,    N_("Mark an event’s next action done") },
  { "caseload",       cl_cli_caseload,       N_("An officer’s open cases with their figures") },
  { "queue",          cl_cli_queue,          N_("Actions due, letters, visits and legal cases") },
  { "mileage",        cl_cli_mileage,        N_("An officer’s mileage for a month") },
  { "letters",          cl_cli_letters,          N_("Write letters from a template to parents") },
  { "report governors", cl_cli_report_governors, N_("A school's termly attendance report to governors") },
  { "chart",            cl_cli_chart,            N_("Draw an attendance chart as PNG, SVG or PDF") },
  { "templates list",   cl_cli_templates_list,   N_("List the letter templates") },
  { "templates show",   cl_cli_templates_show,   N_("Print a letter template") },
  { "templates import", cl_cli_templates_import, N_("Add or replace a letter template from a file") },
  { "templates export", cl_cli_templates_export, N_("Write a letter template to a file") },
  { "letterhead",       cl_cli_letterhead,       N_("Show or set the letterhead, signatures and chart comparisons") },
  { "backup",       cl_cli_backup,       N_("Copy the database to a file, safely while in use") },
  { "check",        cl_cli_check,        N_("Check the database’s integrity and audit log") },
};

static char *
describe_commands (void)
{
  GString *out = g_string_new (_("Commands:"));
  guint width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "\n  %-*s  %s", (int) width, commands[i].name,
                            _(commands[i].summary));
  g_string_append_c (out, '\n');
  g_string_append (out, _("Run “caseload-cli COMMAND --help” for the options of a command."));
  return g_string_free (out, FALSE);
}

static guint
count_words (const char *name)
{
  guint n = 1;

  for (const char *p = name; *p != '\0'; p++)
    if (*p == ' ')
      n++;
  return n;
}

/* The command named by args[0] (and args[1]), or NULL. */
static const ClCliCommand *
find_command (int    n_args,
              char **args,
              guint *out_words)
{
  const ClCliCommand *best = NULL;
  guint best_words = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) words = g_strsplit (commands[i].name, " ", -1);
      guint n = g_strv_length (words);
      gboolean match = n <= (guint) n_args;

      for (guint w = 0; match && w < n; w++)
        match = strcmp (words[w], args[w]) == 0;
      if (match && n > best_words)
        {
          best = &commands[i];
          best_words = n;
        }
    }
  *out_words = best_words;
  return best;
}

/* For "schools" alone or "schools frobnicate": the subcommands it has. */
static char *
subcommands_of (const char *group)
{
  GString *out = NULL;
  gsize len = strlen (group);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (count_words (commands[i].name) > 1 && strncmp (commands[i].name, group, len) == 0
        && commands[i].name[len] == ' ')
      {
        if (out == NULL)
          out = g_string_new (NULL);
        else
          g_string_append (out, ", ");
        g_string_append (out, commands[i].name + len + 1);
      }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  const ClCliCommand *command;
  guint n_words;
  ClCli cli = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the database at PATH (default: $XDG_DATA_HOME/caseload/caseload.db)"),
      N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  cl_memory_tune ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_set_prgname ("caseload-cli");

  description = describe_commands ();
  context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Work with a Caseload database from the command line."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows belongs to it. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("caseload-cli: %s\n", error->message);
      g_printerr (_("Run “caseload-cli --help” to see the commands and options.\n"));
      return CL_CLI_EXIT_USAGE;
    }
  if (version)
    {
      g_print ("caseload-cli %s\n", PACKAGE_VERSION);
      return CL_CLI_EXIT_OK;
    }
  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return CL_CLI_EXIT_USAGE;
    }
  if (strcmp (argv[1], "help") == 0)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_print ("%s", help);
      return CL_CLI_EXIT_OK;
    }

  command = find_command (argc - 1, argv + 1, &n_words);
  if (command == NULL)
    {
      g_autofree char *subcommands = subcommands_of (argv[1]);

      if (subcommands != NULL && argc > 2)
        g_printerr (_("caseload-cli %s: unknown command “%s”; use one of: %s.\n"),
                    argv[1], argv[2], subcommands);
      else if (subcommands != NULL)
        g_printerr (_("caseload-cli %s: say what to do: %s.\n"), argv[1], subcommands);
      else
        g_printerr (_("caseload-cli: unknown command “%s”. Run “caseload-cli --help” to see "
                      "the commands.\n"), argv[1]);
      return CL_CLI_EXIT_USAGE;
    }

  cli.db_path = db_path != NULL ? g_steal_pointer (&db_path) : cl_database_default_path ();
  /* argv[n_words] is the command's last word and stands in as its argv[0]. */
  status = command->func (&cli, argc - (int) n_words, argv + n_words);

  g_clear_object (&cli.db);
  g_free (cli.db_path);
  return status;
}
