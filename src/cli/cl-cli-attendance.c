/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "attendance/cl-attendance-stats.h"
#include "attendance/cl-calendar.h"
#include "attendance/cl-code-table.h"
#include "attendance/cl-register-import.h"
#include "attendance/cl-rules.h"
#include "cli/cl-cli-private.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "people/cl-upn.h"
#include "store/cl-dates.h"

/* --- shared ------------------------------------------------------------------- */

/* With neither --from nor --to, figures are for this academic year so far:
 * what an officer means by "their attendance" without saying more. */
static void
default_to_this_year (char **from,
                      char **to)
{
  GDate today;

  if (*from != NULL || *to != NULL)
    return;
  cl_date_today (&today);
  *from = g_strdup_printf ("%d-09-01", cl_academic_year_of (&today));
  *to = cl_date_to_iso (&today);
}

static double
one_decimal (double value)
{
  return round (value * 10.0) / 10.0;
}

/* The figures of a summary under the keys issue #3 fixes. */
static void
add_summary_members (JsonBuilder               *b,
                     const ClAttendanceSummary *s)
{
  cl_cli_json_int (b, "possible", s->possible);
  cl_cli_json_int (b, "present", s->present);
  cl_cli_json_int (b, "approved_activity", s->approved_activity);
  cl_cli_json_int (b, "authorised", s->authorised);
  cl_cli_json_int (b, "unauthorised", s->unauthorised);
  cl_cli_json_int (b, "late", s->late);
  cl_cli_json_double (b, "attendance_percent", one_decimal (s->attendance_percent));
  cl_cli_json_double (b, "absence_percent", one_decimal (s->absence_percent));
  cl_cli_json_bool (b, "persistent", s->persistent);
  cl_cli_json_bool (b, "severe", s->severe);
}

static void
add_count_members (JsonBuilder               *b,
                   const ClAttendanceSummary *s)
{
  cl_cli_json_int (b, "pupils", s->pupils);
  cl_cli_json_int (b, "persistent_count", s->persistent_count);
  cl_cli_json_int (b, "severe_count", s->severe_count);
}

static void
print_summary_text (const char                *title,
                    const ClAttendanceSummary *s)
{
  g_print ("%s\n", title);
  g_print (_("  Possible sessions     %u\n"), s->possible);
  g_print (_("  Present               %u\n"), s->present);
  g_print (_("  Approved activity     %u\n"), s->approved_activity);
  g_print (_("  Authorised absence    %u\n"), s->authorised);
  g_print (_("  Unauthorised absence  %u\n"), s->unauthorised);
  g_print (_("  Late (L and U)        %u\n"), s->late);
  g_print (_("  Attendance            %.1f %%\n"), one_decimal (s->attendance_percent));
  g_print (_("  Absence               %.1f %%%s%s\n"), one_decimal (s->absence_percent),
           s->persistent ? _("  persistent absence") : "",
           s->severe ? _(", severe absence") : "");
}

/* --- import ----------------------------------------------------------------------- */

int
cl_cli_import (ClCli  *cli,
               int     argc,
               char  **argv)
{
  const char *command = "import";
  g_autofree char *format = NULL;
  g_autofree char *school_text = NULL;
  gboolean dry_run = FALSE, json = FALSE, clean_only = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("auto (the default), csv or ctf"), N_("FORMAT") },
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text,
      N_("The school the register is from, when the file does not say"), N_("URN") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and count, but change nothing"), NULL },
    { "clean-pupils-only", 0, 0, G_OPTION_ARG_NONE, &clean_only,
      N_("Import the pupils without problems and skip the others"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the counts as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("FILE"),
                           _("Imports an attendance register: long-form CSV or a Common "
                             "Transfer File. The whole file is checked first; if it has "
                             "problems they are listed as FILE:LINE: what, and nothing is "
                             "changed."),
                           entries);
  g_autoptr(GError) error = NULL;
  ClImportOptions options = { 0 };
  ClImportResult result = { 0 };
  gboolean ok;
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error (command, argc < 2 ? _("which file? Give one FILE")
                                                 : _("give one FILE at a time"));
  if (format == NULL || g_ascii_strcasecmp (format, "auto") == 0)
    options.format = CL_IMPORT_FORMAT_AUTO;
  else if (g_ascii_strcasecmp (format, "csv") == 0)
    options.format = CL_IMPORT_FORMAT_CSV;
  else if (g_ascii_strcasecmp (format, "ctf") == 0)
    options.format = CL_IMPORT_FORMAT_CTF;
  else
    return cl_cli_usage_error (command, _("--format: “%s” is not auto, csv or ctf"), format);
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    return cl_cli_usage_error (command, _("“%s” is not a file"), argv[1]);

  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  if (school_text != NULL)
    {
      g_autoptr(ClSchool) school = cl_cli_find_school (cli, command, school_text, &status);
      if (school == NULL)
        return status;
      options.school_urn = cl_school_get_urn (school);
    }
  options.dry_run = dry_run;
  options.clean_pupils_only = clean_only;

  ok = cl_register_import_file (cli->db, argv[1], &options,
                                isatty (fileno (stderr)) ? cl_cli_progress_cb : NULL, NULL, NULL,
                                &result, &error);
  for (guint i = 0; result.problems != NULL && i < result.problems->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (result.problems, i));

  if (ok && json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      cl_cli_json_int (b, "pupils_created", result.pupils_created);
      cl_cli_json_int (b, "pupils_updated", result.pupils_updated);
      cl_cli_json_int (b, "sessions", result.sessions);
      if (clean_only)
        {
          cl_cli_json_int (b, "pupils_skipped", result.pupils_skipped);
        }
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cl_cli_print_json (root);
    }
  else if (ok)
    g_print (dry_run ? _("Checked %s: %u pupils to add, %u to update, %" G_GUINT64_FORMAT
                         " sessions. Nothing was changed (dry run).\n")
                     : _("Imported %s: %u pupils added, %u updated, %" G_GUINT64_FORMAT
                         " sessions.\n"),
             argv[1], result.pupils_created, result.pupils_updated, result.sessions);

  cl_import_result_clear (&result);
  if (!ok)
    return cl_cli_failure (command, error);
  return CL_CLI_EXIT_OK;
}

/* --- attendance ------------------------------------------------------------------- */

int
cl_cli_attendance (ClCli  *cli,
                   int     argc,
                   char  **argv)
{
  const char *command = "attendance";
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First date counted"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last date counted"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("UPN"),
                           _("A pupil's attendance as the DfE counts it, over all their "
                             "registers between two dates (by default this academic year "
                             "to date)."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPupil) pupil = NULL;
  ClAttendanceSummary summary = { 0 };
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error (command, _("give one UPN"));
  if (!cl_cli_date_option (command, "--from", &from, &status)
      || !cl_cli_date_option (command, "--to", &to, &status))
    return status;
  default_to_this_year (&from, &to);
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  pupil = cl_cli_find_pupil (cli, command, argv[1], &status);
  if (pupil == NULL)
    return status;

  if (!cl_attendance_summary_for_pupil (cli->db, cl_pupil_get_id (pupil), from, to, &summary,
                                        &error))
    return cl_cli_failure (command, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "upn");
      json_builder_add_string_value (b, cl_pupil_get_upn (pupil));
      add_summary_members (b, &summary);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cl_cli_print_json (root);
    }
  else
    {
      g_autofree char *title = g_strdup_printf ("%s %s (%s)", cl_pupil_get_forename (pupil),
                                                cl_pupil_get_surname (pupil),
                                                cl_pupil_get_upn (pupil));
      print_summary_text (title, &summary);
    }
  return CL_CLI_EXIT_OK;
}

/* --- stats ----------------------------------------------------------------------- */

int
cl_cli_stats (ClCli  *cli,
              int     argc,
              char  **argv)
{
  const char *command = "stats";
  g_autofree char *school_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *by = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text, N_("The school"), N_("URN") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First date counted"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last date counted"), N_("DATE") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Also by year group or flag group"),
      N_("year|flag") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("A school's attendance between two dates (by default this "
                             "academic year to date): every enrolment's sessions added up, "
                             "with persistent (10 % or more) and severe (50 % or more) "
                             "absence counted per pupil."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSchool) school = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  ClAttendanceSummary summary = { 0 };
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (school_text == NULL)
    return cl_cli_usage_error (command, _("which school? Give --school URN"));
  if (by != NULL && strcmp (by, "year") != 0 && strcmp (by, "flag") != 0)
    return cl_cli_usage_error (command, _("--by: “%s” is not year or flag"), by);
  if (!cl_cli_date_option (command, "--from", &from, &status)
      || !cl_cli_date_option (command, "--to", &to, &status))
    return status;
  default_to_this_year (&from, &to);
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  school = cl_cli_find_school (cli, command, school_text, &status);
  if (school == NULL)
    return status;

  if (!cl_attendance_summary_for_school (cli->db, cl_school_get_id (school), from, to, &summary,
                                         &error))
    return cl_cli_failure (command, error);
  if (by != NULL)
    {
      groups = strcmp (by, "year") == 0
                 ? cl_attendance_summary_by_nc_year (cli->db, cl_school_get_id (school), from, to,
                                                     &error)
                 : cl_attendance_summary_by_flag (cli->db, cl_school_get_id (school), from, to,
                                                  &error);
      if (groups == NULL)
        return cl_cli_failure (command, error);
    }

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      cl_cli_json_int (b, "urn", cl_school_get_urn (school));
      json_builder_set_member_name (b, "school");
      json_builder_add_string_value (b, cl_school_get_name (school));
      add_summary_members (b, &summary);
      add_count_members (b, &summary);
      if (groups != NULL)
        {
          json_builder_set_member_name (b, "groups");
          json_builder_begin_array (b);
          for (guint i = 0; i < groups->len; i++)
            {
              ClAttendanceGroup *g = g_ptr_array_index (groups, i);

              json_builder_begin_object (b);
              json_builder_set_member_name (b, "group");
              json_builder_add_string_value (b, g->key);
              json_builder_set_member_name (b, "label");
              json_builder_add_string_value (b, g->label);
              add_summary_members (b, &g->summary);
              add_count_members (b, &g->summary);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cl_cli_print_json (root);
    }
  else
    {
      const char *headers[] = {
        _("Group"), _("Pupils"), _("Possible"), _("Attendance %"), _("Absence %"),
        _("Persistent"), _("Severe"),
      };
      g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);
      guint n = groups != NULL ? groups->len : 0;

      for (guint i = 0; i <= n; i++)
        {
          const ClAttendanceSummary *s = i == 0 ? &summary
                                                : &((ClAttendanceGroup *) g_ptr_array_index (groups, i - 1))->summary;
          g_autofree char *pupils = g_strdup_printf ("%u", s->pupils);
          g_autofree char *possible = g_strdup_printf ("%u", s->possible);
          g_autofree char *att = g_strdup_printf ("%.1f", one_decimal (s->attendance_percent));
          g_autofree char *abs = g_strdup_printf ("%.1f", one_decimal (s->absence_percent));
          g_autofree char *pa = g_strdup_printf ("%u", s->persistent_count);
          g_autofree char *sa = g_strdup_printf ("%u", s->severe_count);
          const char *cells[] = {
            i == 0 ? cl_school_get_name (school)
                   : ((ClAttendanceGroup *) g_ptr_array_index (groups, i - 1))->label,
            pupils, possible, att, abs, pa, sa,
          };
          cl_cli_table_add (table, cells);
        }
      for (guint c = 1; c < G_N_ELEMENTS (headers); c++)
        cl_cli_table_set_right (table, c);
      cl_cli_table_print (table);
    }
  return CL_CLI_EXIT_OK;
}

/* --- penalty-check and alerts --------------------------------------------------- */

int
cl_cli_penalty_check (ClCli  *cli,
                      int     argc,
                      char  **argv)
{
  const char *command = "penalty-check";
  g_autofree char *on = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The date to check on (default today)"),
      N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("UPN"),
                           _("Whether a pupil meets the penalty-notice threshold: 10 or more "
                             "sessions coded G, N, O or U in the 10 school weeks ending on "
                             "the date."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPupil) pupil = NULL;
  g_autofree char *window_start = NULL;
  guint sessions = 0;
  gboolean met;
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error (command, _("give one UPN"));
  if (on == NULL)
    {
      GDate today;
      cl_date_today (&today);
      on = cl_date_to_iso (&today);
    }
  else if (!cl_cli_date_option (command, "--on", &on, &status))
    return status;
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  pupil = cl_cli_find_pupil (cli, command, argv[1], &status);
  if (pupil == NULL)
    return status;

  if (!cl_rules_penalty_check (cli->db, cl_pupil_get_id (pupil), on, &sessions, &window_start,
                               &error))
    return cl_cli_failure (command, error);
  met = sessions >= CL_PENALTY_THRESHOLD_SESSIONS;

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      cl_cli_json_bool (b, "threshold_met", met);
      cl_cli_json_int (b, "sessions", sessions);
      json_builder_set_member_name (b, "window_start");
      json_builder_add_string_value (b, window_start);
      json_builder_set_member_name (b, "window_end");
      json_builder_add_string_value (b, on);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cl_cli_print_json (root);
    }
  else
    g_print (met ? _("Threshold met: %u sessions of G, N, O or U from %s to %s.\n")
                 : _("Threshold not met: %u sessions of G, N, O or U from %s to %s.\n"),
             sessions, window_start, on);
  return CL_CLI_EXIT_OK;
}

int
cl_cli_alerts (ClCli  *cli,
               int     argc,
               char  **argv)
{
  const char *command = "alerts";
  g_autofree char *on = NULL;
  g_autofree char *school_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The date (default today)"), N_("DATE") },
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text, N_("Only this school's pupils"),
      N_("URN") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("The statutory alerts met on a date: 10 days' continuous "
                             "unauthorised absence, the penalty-notice threshold, N marks not "
                             "resolved in 5 school days, 15 days marked ill."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSchool) school = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) upns = NULL;
  int status = CL_CLI_EXIT_OK;
  sqlite3_stmt *stmt;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (on == NULL)
    {
      GDate today;
      cl_date_today (&today);
      on = cl_date_to_iso (&today);
    }
  else if (!cl_cli_date_option (command, "--on", &on, &status))
    return status;
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  if (school_text != NULL)
    {
      school = cl_cli_find_school (cli, command, school_text, &status);
      if (school == NULL)
        return status;
    }

  hits = cl_rules_alerts (cli->db, on, school != NULL ? cl_school_get_id (school) : 0, &error);
  if (hits == NULL)
    return cl_cli_failure (command, error);

  /* UPNs for the hits' pupils, in one pass. */
  upns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  stmt = cl_database_prepare (cli->db, "SELECT id, upn FROM pupil", &error);
  if (stmt == NULL)
    return cl_cli_failure (command, error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (upns, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < hits->len; i++)
        {
          ClRuleHit *hit = g_ptr_array_index (hits, i);
          gint64 pupil_id = cl_rule_hit_get_pupil_id (hit);
          const char * const *dates = cl_rule_hit_get_dates (hit);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "upn");
          json_builder_add_string_value (b, g_hash_table_lookup (upns, &pupil_id));
          json_builder_set_member_name (b, "rule");
          json_builder_add_string_value (b, cl_rule_hit_get_rule_id (hit));
          json_builder_set_member_name (b, "since");
          json_builder_add_string_value (b, cl_rule_hit_get_since (hit));
          cl_cli_json_int (b, "sessions", cl_rule_hit_get_sessions (hit));
          json_builder_set_member_name (b, "window_start");
          json_builder_add_string_value (b, cl_rule_hit_get_window_start (hit));
          json_builder_set_member_name (b, "window_end");
          json_builder_add_string_value (b, cl_rule_hit_get_window_end (hit));
          json_builder_set_member_name (b, "dates");
          json_builder_begin_array (b);
          for (guint d = 0; dates != NULL && dates[d] != NULL; d++)
            json_builder_add_string_value (b, dates[d]);
          json_builder_end_array (b);
          json_builder_set_member_name (b, "description");
          json_builder_add_string_value (b, cl_rule_hit_get_description (hit));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cl_cli_print_json (root);
    }
  else
    {
      const char *headers[] = { _("UPN"), _("Rule"), _("Since"), _("What") };
      g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

      for (guint i = 0; i < hits->len; i++)
        {
          ClRuleHit *hit = g_ptr_array_index (hits, i);
          gint64 pupil_id = cl_rule_hit_get_pupil_id (hit);
          const char *cells[] = {
            g_hash_table_lookup (upns, &pupil_id), cl_rule_hit_get_rule_id (hit),
            cl_rule_hit_get_since (hit), cl_rule_hit_get_description (hit),
          };
          cl_cli_table_add (table, cells);
        }
      if (hits->len > 0)
        cl_cli_table_print (table);
      else
        g_print (_("No alerts on %s.\n"), on);
    }
  return CL_CLI_EXIT_OK;
}

/* --- codes ------------------------------------------------------------------------ */

int
cl_cli_codes_list (ClCli  *cli,
                   int     argc,
                   char  **argv)
{
  const char *command = "codes list";
  g_autofree char *set = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING, &set,
      N_("england_2024 (the default), england_2006 or wales_2010"), N_("SET") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL, _("Lists the attendance codes of a code set."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCodeTable) codes = NULL;
  g_autoptr(GListModel) list = NULL;
  guint n;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (set == NULL)
    set = g_strdup (CL_CODE_SET_ENGLAND_2024);
  if (strcmp (set, CL_CODE_SET_ENGLAND_2024) != 0 && strcmp (set, CL_CODE_SET_ENGLAND_2006) != 0
      && strcmp (set, CL_CODE_SET_WALES_2010) != 0)
    return cl_cli_usage_error (command, _("--set: “%s” is not england_2024, england_2006 or "
                                          "wales_2010"), set);
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  codes = cl_code_table_load (cli->db, &error);
  if (codes == NULL)
    return cl_cli_failure (command, error);
  list = cl_code_table_list_set (codes, set);
  n = g_list_model_get_n_items (list);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClAttendanceCode) code = g_list_model_get_item (list, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, cl_attendance_code_get_code (code));
          json_builder_set_member_name (b, "meaning");
          json_builder_add_string_value (b, cl_attendance_code_get_meaning (code));
          json_builder_set_member_name (b, "category");
          json_builder_add_string_value (b, cl_attendance_category_to_string (
                                              cl_attendance_code_get_category (code)));
          cl_cli_json_bool (b, "counts_penalty", cl_attendance_code_get_counts_penalty (code));
          cl_cli_json_bool (b, "editable", cl_attendance_code_get_editable (code));
          json_builder_set_member_name (b, "valid_from");
          json_builder_add_string_value (b, cl_attendance_code_get_valid_from (code));
          json_builder_set_member_name (b, "valid_to");
          json_builder_add_string_value (b, cl_attendance_code_get_valid_to (code));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cl_cli_print_json (root);
    }
  else
    {
      const char *headers[] = { _("Code"), _("Category"), _("Meaning") };
      g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClAttendanceCode) code = g_list_model_get_item (list, i);
          g_autofree char *category =
            g_strdup_printf ("%s%s", cl_attendance_category_get_label (cl_attendance_code_get_category (code)),
                             cl_attendance_code_get_editable (code) ? _(" (editable)") : "");
          const char *cells[] = {
            cl_attendance_code_get_code (code), category, cl_attendance_code_get_meaning (code),
          };
          cl_cli_table_add (table, cells);
        }
      cl_cli_table_print (table);
    }
  return CL_CLI_EXIT_OK;
}

int
cl_cli_codes_set_category (ClCli  *cli,
                           int     argc,
                           char  **argv)
{
  const char *command = "codes set-category";
  g_autofree char *set = NULL;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING, &set, N_("The code set (default england_2024)"),
      N_("SET") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("CODE CATEGORY"),
                           _("Changes the statistical category of a code the sources leave "
                             "unverified (Q, X, Y1–Y7). CATEGORY is one of present, aea, "
                             "authorised, unauthorised, not_counted, admin."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCodeTable) codes = NULL;
  ClAttendanceCategory category;
  guint8 id;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc != 3)
    return cl_cli_usage_error (command, _("give a CODE and a CATEGORY"));
  if (set == NULL)
    set = g_strdup (CL_CODE_SET_ENGLAND_2024);
  if (!cl_attendance_category_from_string (argv[2], &category))
    return cl_cli_usage_error (command, _("“%s” is not present, aea, authorised, unauthorised, "
                                          "not_counted or admin"), argv[2]);
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  codes = cl_code_table_load (cli->db, &error);
  if (codes == NULL)
    return cl_cli_failure (command, error);
  id = cl_code_table_lookup (codes, set, argv[1], NULL);
  if (id == 0)
    return cl_cli_usage_error (command, _("“%s” is not a code of the %s set"), argv[1], set);
  if (!cl_code_table_set_category (codes, cli->db, id, category, &error))
    return cl_cli_failure (command, error);
  g_print (_("%s (%s) is now counted as: %s\n"), argv[1], set,
           cl_attendance_category_get_label (category));
  return CL_CLI_EXIT_OK;
}

/* --- calendars -------------------------------------------------------------------- */

/* "2025" or "2025/26" → 2025; the current academic year when text is NULL. */
static gboolean
parse_academic_year (const char *text,
                     int        *out)
{
  guint64 year;

  if (text == NULL)
    {
      *out = cl_current_academic_year ();
      return TRUE;
    }
  if (strlen (text) == 7 && text[4] == '/')
    {
      g_autofree char *first = g_strndup (text, 4);
      guint64 second;

      if (!cl_cli_parse_number (first, 4, 1990, 2199, &year)
          || !cl_cli_parse_number (text + 5, 2, 0, 99, &second) || (year + 1) % 100 != second)
        return FALSE;
    }
  else if (!cl_cli_parse_number (text, 4, 1990, 2199, &year))
    return FALSE;
  *out = (int) year;
  return TRUE;
}

static void
print_calendar (ClCalendar *calendar,
                ClSchool   *school,
                gboolean    json)
{
  GPtrArray *entries = cl_calendar_get_entries (calendar);
  int year = cl_calendar_get_academic_year (calendar);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      cl_cli_json_int (b, "urn", cl_school_get_urn (school));
      cl_cli_json_int (b, "academic_year", year);
      cl_cli_json_int (b, "open_days", cl_calendar_count_open_days (calendar, NULL, NULL));
      json_builder_set_member_name (b, "entries");
      json_builder_begin_array (b);
      for (guint i = 0; i < entries->len; i++)
        {
          ClCalendarEntry *e = g_ptr_array_index (entries, i);

          json_builder_begin_object (b);
          cl_cli_json_string (b, "kind", cl_calendar_kind_to_string (e->kind));
          cl_cli_json_string (b, "name", e->name);
          cl_cli_json_string (b, "from", e->start_date);
          cl_cli_json_string (b, "to", e->end_date);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cl_cli_print_json (root);
      return;
    }

  if (cl_calendar_is_empty (calendar))
    {
      g_print (_("No calendar is stored for %s in %d/%02d. Add terms with “calendar add”, or "
                 "“calendar standard” for the standard English calendar.\n"),
               cl_school_get_name (school), year, (year + 1) % 100);
      return;
    }
  g_print (_("%s, %d/%02d: %u days open to pupils\n"), cl_school_get_name (school), year,
           (year + 1) % 100, cl_calendar_count_open_days (calendar, NULL, NULL));
  {
    const char *headers[] = { _("Kind"), _("From"), _("To"), _("Name") };
    g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

    for (guint i = 0; i < entries->len; i++)
      {
        ClCalendarEntry *e = g_ptr_array_index (entries, i);
        const char *cells[] = {
          cl_calendar_kind_to_string (e->kind), e->start_date, e->end_date, e->name,
        };
        cl_cli_table_add (table, cells);
      }
    cl_cli_table_print (table);
  }
}

/* The school and the calendar of the year the options name, loaded. */
static ClCalendar *
open_calendar (ClCli       *cli,
               const char  *command,
               const char  *school_text,
               const char  *year_text,
               ClSchool   **out_school,
               int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSchool) school = NULL;
  ClCalendar *calendar;
  int year;

  if (school_text == NULL)
    {
      *status = cl_cli_usage_error (command, _("which school? Give --school URN"));
      return NULL;
    }
  if (!parse_academic_year (year_text, &year))
    {
      *status = cl_cli_usage_error (command, _("--year: “%s” is not an academic year such as "
                                               "2025 or 2025/26"), year_text);
      return NULL;
    }
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    {
      *status = cl_cli_failure (command, error);
      return NULL;
    }
  school = cl_cli_find_school (cli, command, school_text, status);
  if (school == NULL)
    return NULL;
  calendar = cl_calendar_load (cli->db, cl_school_get_id (school), year, &error);
  if (calendar == NULL)
    {
      *status = cl_cli_failure (command, error);
      return NULL;
    }
  *out_school = g_steal_pointer (&school);
  return calendar;
}

int
cl_cli_calendar_show (ClCli  *cli,
                      int     argc,
                      char  **argv)
{
  const char *command = "calendar show";
  g_autofree char *school_text = NULL;
  g_autofree char *year_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text, N_("The school"), N_("URN") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The academic year, e.g. 2025 or 2025/26 (default this year)"), N_("YEAR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("A school's calendar for an academic year: terms, holidays, "
                             "INSET days, bank holidays and closures."),
                           entries);
  g_autoptr(ClCalendar) calendar = NULL;
  g_autoptr(ClSchool) school = NULL;
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  calendar = open_calendar (cli, command, school_text, year_text, &school, &status);
  if (calendar == NULL)
    return status;
  print_calendar (calendar, school, json);
  return CL_CLI_EXIT_OK;
}

int
cl_cli_calendar_add (ClCli  *cli,
                     int     argc,
                     char  **argv)
{
  const char *command = "calendar add";
  g_autofree char *school_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text, N_("The school"), N_("URN") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("term, holiday, inset, bank_holiday or closure"), N_("KIND") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day (default: the first)"), N_("DATE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("A name, e.g. Autumn term"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("Adds a term, holiday, INSET day, bank holiday or closure to a "
                             "school's calendar. A day is open to pupils when it is a weekday "
                             "in a term and in nothing else. Imports then refuse marks that "
                             "count on closed days."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCalendar) calendar = NULL;
  g_autoptr(ClSchool) school = NULL;
  g_autofree char *year_text = NULL;
  ClCalendarKind kind;
  GDate first;
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (kind_text == NULL || !cl_calendar_kind_from_string (kind_text, &kind))
    return cl_cli_usage_error (command, _("--kind: give term, holiday, inset, bank_holiday or "
                                          "closure"));
  if (from == NULL)
    return cl_cli_usage_error (command, _("--from: give the first day"));
  if (!cl_cli_date_option (command, "--from", &from, &status)
      || !cl_cli_date_option (command, "--to", &to, &status))
    return status;
  if (to == NULL)
    to = g_strdup (from);
  cl_date_parse (from, &first);
  year_text = g_strdup_printf ("%d", cl_academic_year_of (&first));

  calendar = open_calendar (cli, command, school_text, year_text, &school, &status);
  if (calendar == NULL)
    return status;
  if (!cl_calendar_add (calendar, kind, name != NULL ? name : "", from, to, &error)
      || !cl_calendar_save (calendar, cli->db, &error))
    return cl_cli_failure (command, error);
  print_calendar (calendar, school, FALSE);
  return CL_CLI_EXIT_OK;
}

int
cl_cli_calendar_standard (ClCli  *cli,
                          int     argc,
                          char  **argv)
{
  const char *command = "calendar standard";
  g_autofree char *school_text = NULL;
  g_autofree char *year_text = NULL;
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text, N_("The school"), N_("URN") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The academic year (default this year)"), N_("YEAR") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace a calendar already stored"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("Gives a school the standard English calendar for a year (three "
                             "terms with half terms, 5 INSET days, bank holidays, 190 days), "
                             "as a starting point to adjust with “calendar add”."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCalendar) stored = NULL;
  g_autoptr(ClCalendar) calendar = NULL;
  g_autoptr(ClSchool) school = NULL;
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  stored = open_calendar (cli, command, school_text, year_text, &school, &status);
  if (stored == NULL)
    return status;
  if (!cl_calendar_is_empty (stored) && !replace)
    {
      g_printerr (_("caseload-cli %s: %s already has a calendar for that year; give --replace "
                    "to replace it\n"), command, cl_school_get_name (school));
      return CL_CLI_EXIT_FAILURE;
    }
  calendar = cl_calendar_new_standard_england (cl_school_get_id (school),
                                               cl_calendar_get_academic_year (stored));
  if (!cl_calendar_save (calendar, cli->db, &error))
    return cl_cli_failure (command, error);
  print_calendar (calendar, school, FALSE);
  return CL_CLI_EXIT_OK;
}
