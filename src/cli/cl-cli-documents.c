/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "charts/cl-chart-builders.h"
#include "cli/cl-cli-private.h"
#include "documents/cl-documents-error.h"
#include "documents/cl-governors-report.h"
#include "documents/cl-letterhead.h"
#include "documents/cl-mail-merge.h"
#include "documents/cl-template-repository.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "people/cl-upn.h"
#include "store/cl-dates.h"

/* --- shared ------------------------------------------------------------------------ */

static gboolean
parse_percent (const char *text,
               double     *out)
{
  char *end = NULL;
  double v;

  if (text == NULL)
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text || (*end != '\0' && strcmp (end, "%") != 0) || isnan (v) || v < 0 || v > 100)
    return FALSE;
  *out = v;
  return TRUE;
}

/* --- letters ------------------------------------------------------------------------ */

int
cl_cli_letters (ClCli  *cli,
                int     argc,
                char  **argv)
{
  const char *command = "letters";
  g_autofree char *template_name = NULL, *school_text = NULL, *below_text = NULL;
  g_autofree char *out = NULL, *from = NULL, *to = NULL;
  g_auto(GStrv) upn_args = NULL;
  g_auto(GStrv) values = NULL;
  gboolean one_file = FALSE, draft = FALSE, json = FALSE;
  gint64 officer = 0;
  const GOptionEntry entries[] = {
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_name, N_("The letter template"),
      N_("NAME") },
    { "upn", 0, 0, G_OPTION_ARG_STRING_ARRAY, &upn_args,
      N_("A pupil to write about (repeat, or separate with commas)"), N_("UPN") },
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text,
      N_("Every pupil on roll at this school …"), N_("URN") },
    { "below", 0, 0, G_OPTION_ARG_STRING, &below_text,
      N_("… whose attendance is below this percentage"), N_("PERCENT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("First day of the attendance period (default 1 September)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of the period (default today)"),
      N_("DATE") },
    { "value", 0, 0, G_OPTION_ARG_STRING_ARRAY, &values,
      N_("A placeholder’s value, e.g. meeting.date=2026-03-26 (repeat)"), N_("NAME=VALUE") },
    { "officer", 0, 0, G_OPTION_ARG_INT64, &officer,
      N_("The officer who signs (default: each school’s link officer)"), N_("ID") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out,
      N_("A folder for one PDF per letter, or with --one-file a .pdf file"), N_("PATH") },
    { "one-file", 0, 0, G_OPTION_ARG_NONE, &one_file, N_("All the letters in one PDF"), NULL },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft,
      N_("Drafts to check: do not keep them as sent or add them to cases"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("[UPN…]"),
                           _("Writes one letter from a template to each parent or carer with "
                             "parental responsibility for each pupil chosen, at their own "
                             "address. Unless --draft is given, every letter is kept as sent "
                             "(its exact PDF and SHA-256) and added to the pupil’s open case."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClMailMergeOptions) options = cl_mail_merge_options_new ();
  g_autoptr(ClMailMergeResult) result = NULL;
  g_autoptr(GPtrArray) upns = g_ptr_array_new_with_free_func (g_free);
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  for (guint i = 0; upn_args != NULL && upn_args[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (upn_args[i], ",", -1);
      for (guint p = 0; parts[p] != NULL; p++)
        if (*g_strstrip (parts[p]) != '\0')
          g_ptr_array_add (upns, g_strdup (parts[p]));
    }
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (upns, g_strdup (argv[i]));
  if (template_name == NULL)
    return cl_cli_usage_error (command, _("which letter? Give --template NAME "
                                          "(“caseload-cli templates list” shows them)"));
  if (out == NULL)
    return cl_cli_usage_error (command, _("where to? Give --out PATH"));
  if (upns->len > 0 && school_text != NULL)
    return cl_cli_usage_error (command, _("give either UPNs or --school, not both"));
  if (upns->len == 0 && school_text == NULL)
    return cl_cli_usage_error (command, _("which pupils? Give --upn UPN or --school URN --below "
                                          "PERCENT"));
  if (school_text != NULL)
    {
      guint64 urn;

      if (below_text == NULL)
        return cl_cli_usage_error (command, _("--school needs --below PERCENT"));
      if (!parse_percent (below_text, &options->below_percent) || options->below_percent <= 0)
        return cl_cli_usage_error (command, _("--below: “%s” is not a percentage"), below_text);
      if (!cl_cli_parse_number (school_text, 6, 100000, 999999, &urn))
        return cl_cli_usage_error (command, _("--school: “%s” is not a six-digit URN"),
                                   school_text);
      options->school_urn = (guint) urn;
    }
  if (one_file && !g_str_has_suffix (out, ".pdf"))
    return cl_cli_usage_error (command, _("--one-file: name the file .pdf"));
  if (!one_file && g_file_test (out, G_FILE_TEST_EXISTS) && !g_file_test (out, G_FILE_TEST_IS_DIR))
    return cl_cli_usage_error (command, _("--out: “%s” is a file; give a folder, or use "
                                          "--one-file"), out);
  if (!cl_cli_date_option (command, "--from", &from, &status)
      || !cl_cli_date_option (command, "--to", &to, &status))
    return status;
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);

  options->template_name = g_strdup (template_name);
  if (upns->len > 0)
    {
      g_ptr_array_add (upns, NULL);
      options->upns = (GStrv) g_ptr_array_free (g_steal_pointer (&upns), FALSE);
    }
  options->from = g_strdup (from);
  options->to = g_strdup (to);
  options->officer_id = officer;
  options->values = g_strdupv (values);
  options->output = g_strdup (out);
  options->one_file = one_file;
  options->record = !draft;

  result = cl_mail_merge_run (cli->db, options, isatty (fileno (stderr)) ? cl_cli_progress_cb : NULL,
                              NULL, NULL, &error);
  if (result == NULL)
    return cl_cli_failure (command, error);
  for (guint i = 0; i < result->warnings->len; i++)
    g_printerr ("caseload-cli %s: %s\n", command, (char *) g_ptr_array_index (result->warnings, i));

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      cl_cli_json_int (b, "pupils", result->n_pupils);
      cl_cli_json_int (b, "letters", result->n_letters);
      cl_cli_json_int (b, "kept_as_sent", result->sent_ids->len);
      cl_cli_json_int (b, "added_to_cases", result->n_linked);
      json_builder_set_member_name (b, "files");
      json_builder_begin_array (b);
      for (guint i = 0; i < result->files->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (result->files, i));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "warnings");
      json_builder_begin_array (b);
      for (guint i = 0; i < result->warnings->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (result->warnings, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cl_cli_print_json (root);
    }
  else
    {
      g_autofree char *letters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter",
                                                               "%u letters", result->n_letters),
                                                  result->n_letters);
      g_autofree char *pupils = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pupil",
                                                              "%u pupils", result->n_pupils),
                                                 result->n_pupils);

      /* "Wrote 12 letters about 9 pupils to letters/." */
      g_print (_("Wrote %s about %s to %s.\n"), letters, pupils, out);
      if (draft)
        g_print (_("Drafts: nothing was kept as sent.\n"));
      else
        g_print (_("Kept %u as sent (PDF and SHA-256); %u added to a case chronology.\n"),
                 result->sent_ids->len, result->n_linked);
    }
  return CL_CLI_EXIT_OK;
}

/* --- report governors ------------------------------------------------------------------ */

int
cl_cli_report_governors (ClCli  *cli,
                         int     argc,
                         char  **argv)
{
  const char *command = "report governors";
  g_autofree char *school_text = NULL, *term_text = NULL, *out = NULL, *commentary = NULL;
  g_autofree char *commentary_file = NULL;
  gboolean names = FALSE;
  gint64 officer = 0;
  const GOptionEntry entries[] = {
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text, N_("The school"), N_("URN") },
    { "term", 0, 0, G_OPTION_ARG_STRING, &term_text,
      N_("The term, e.g. autumn-2025, spring-2026"), N_("TERM") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("FILE.pdf") },
    { "commentary", 0, 0, G_OPTION_ARG_STRING, &commentary,
      N_("Your commentary (a blank line starts a paragraph)"), N_("TEXT") },
    { "commentary-file", 0, 0, G_OPTION_ARG_FILENAME, &commentary_file,
      N_("Your commentary, from a text file"), N_("FILE") },
    { "names", 0, 0, G_OPTION_ARG_NONE, &names,
      N_("Name pupils in the report (by default they are Pupil A, Pupil B …)"), NULL },
    { "officer", 0, 0, G_OPTION_ARG_INT64, &officer,
      N_("The officer presenting it (default: the school’s link officer)"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("Writes a school’s termly attendance report to governors as PDF: "
                             "headline figures against the same term last year, your "
                             "commentary, six charts, year groups and the pupils with the "
                             "lowest attendance — not named unless you give --names."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSchool) school = NULL;
  g_autoptr(ClDocument) doc = NULL;
  ClGovernorsReportOptions options = { 0 };
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (school_text == NULL)
    return cl_cli_usage_error (command, _("which school? Give --school URN"));
  if (term_text == NULL)
    return cl_cli_usage_error (command, _("which term? Give --term, e.g. autumn-2025"));
  if (out == NULL)
    return cl_cli_usage_error (command, _("where to? Give --out FILE.pdf"));
  if (commentary != NULL && commentary_file != NULL)
    return cl_cli_usage_error (command, _("give --commentary or --commentary-file, not both"));
  if (!cl_term_parse (term_text, &options.term, &options.academic_year, &error))
    return cl_cli_usage_error (command, "--term: %s", error->message);
  if (commentary_file != NULL && !g_file_get_contents (commentary_file, &commentary, NULL, &error))
    return cl_cli_failure (command, error);
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  school = cl_cli_find_school (cli, command, school_text, &status);
  if (school == NULL)
    return status;

  options.school_id = cl_school_get_id (school);
  options.commentary = commentary;
  options.include_names = names;
  options.officer_id = officer;
  doc = cl_governors_report_build (cli->db, &options, &error);
  if (doc == NULL || !cl_document_write_pdf (doc, out, &error)
      || !cl_governors_report_audit_export (cli->db, &options, "saved", &error))
    return cl_cli_failure (command, error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page).\n", "Wrote %s (%u pages).\n",
                        cl_document_get_n_pages (doc)),
           out, cl_document_get_n_pages (doc));
  return CL_CLI_EXIT_OK;
}

/* --- chart ---------------------------------------------------------------------------- */

int
cl_cli_chart (ClCli  *cli,
              int     argc,
              char  **argv)
{
  const char *command = "chart";
  g_autofree char *school_text = NULL, *upn_text = NULL, *out = NULL, *from = NULL, *to = NULL;
  int width = 0, height = 0;
  gboolean dark = FALSE;
  const GOptionEntry entries[] = {
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text, N_("A school’s chart"), N_("URN") },
    { "upn", 0, 0, G_OPTION_ARG_STRING, &upn_text, N_("A pupil’s chart"), N_("UPN") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file, by its extension"),
      N_("FILE.png|svg|pdf") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (default 1 September)"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day (default today)"), N_("DATE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width,
      N_("Width in pixels (PNG) or points (default 960 or 720)"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height (default 540 or 405)"), N_("N") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("KIND"),
                           _("Draws a chart to PNG, SVG or PDF and prints its description. "
                             "KIND is trend, calendar or weekday (a pupil or a school), or "
                             "bands, persistence or groups (a school)."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClChart) chart = NULL;
  g_autoptr(ClChartStyle) style = NULL;
  g_autofree char *lower = NULL;
  ClChartKind kind;
  gboolean png;
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error (command, _("which chart? Give one KIND: trend, calendar, weekday, "
                                          "bands, persistence or groups"));
  if (!cl_chart_kind_from_string (argv[1], &kind))
    return cl_cli_usage_error (command, _("“%s” is not a chart: use trend, calendar, weekday, "
                                          "bands, persistence or groups"), argv[1]);
  if ((school_text == NULL) == (upn_text == NULL))
    return cl_cli_usage_error (command, _("give either --school URN or --upn UPN"));
  if (out == NULL)
    return cl_cli_usage_error (command, _("where to? Give --out FILE.png, .svg or .pdf"));
  lower = g_ascii_strdown (out, -1);
  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg")
      && !g_str_has_suffix (lower, ".pdf"))
    return cl_cli_usage_error (command, _("--out: name the file .png, .svg or .pdf"));
  if (width < 0 || height < 0 || width > 10000 || height > 10000)
    return cl_cli_usage_error (command, _("--width and --height are from 16 to 10000"));
  if (!cl_cli_date_option (command, "--from", &from, &status)
      || !cl_cli_date_option (command, "--to", &to, &status))
    return status;
  png = g_str_has_suffix (lower, ".png");
  if (width == 0)
    width = png ? 960 : 720;
  if (height == 0)
    height = png ? 540 : 405;
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);

  if (school_text != NULL)
    {
      g_autoptr(ClSchool) school = cl_cli_find_school (cli, command, school_text, &status);

      if (school == NULL)
        return status;
      chart = cl_chart_new_for_school (cli->db, kind, cl_school_get_id (school), from, to, &error);
    }
  else
    {
      g_autoptr(ClPupilRepository) repo = cl_pupil_repository_new (cli->db);
      g_autofree char *upn = cl_upn_normalize (upn_text);
      g_autoptr(ClPupil) pupil = cl_pupil_repository_get_by_upn (repo, upn, &error);

      if (pupil == NULL)
        return cl_cli_failure (command, error);
      chart = cl_chart_new_for_pupil (cli->db, kind, cl_pupil_get_id (pupil), from, to, &error);
    }
  if (chart == NULL)
    return cl_cli_failure (command, error);
  style = dark ? cl_chart_style_dark () : cl_chart_style_light ();
  if (png)
    {
      /* Text in proportion to the image: 9 pt at 720 wide. */
      g_autofree char *font = g_strdup_printf ("Sans %.1f", MAX (8.0, width / 80.0));
      cl_chart_style_set_font (style, font);
    }
  if (!cl_chart_export (chart, out, width, height, style, &error))
    return cl_cli_failure (command, error);
  g_print ("%s\n", cl_chart_get_description (chart));
  return CL_CLI_EXIT_OK;
}

/* --- templates -------------------------------------------------------------------------- */

int
cl_cli_templates_list (ClCli  *cli,
                       int     argc,
                       char  **argv)
{
  const char *command = "templates list";
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL, _("Lists the letter templates."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTemplateRepository) repo = NULL;
  g_autoptr(GListModel) list = NULL;
  guint n;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  repo = cl_template_repository_new (cli->db);
  list = cl_template_repository_list (repo, &error);
  if (list == NULL)
    return cl_cli_failure (command, error);
  n = g_list_model_get_n_items (list);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClLetterTemplate) t = g_list_model_get_item (list, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, cl_letter_template_get_name (t));
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, cl_letter_template_get_title (t));
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, cl_letter_template_get_kind (t));
          json_builder_set_member_name (b, "language");
          json_builder_add_string_value (b, cl_letter_template_get_language (t));
          cl_cli_json_bool (b, "built_in", cl_letter_template_get_built_in (t));
          json_builder_set_member_name (b, "description");
          json_builder_add_string_value (b, cl_letter_template_get_description (t));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cl_cli_print_json (root);
    }
  else
    {
      const char *headers[] = { _("Name"), _("Kind"), _("Language"), _("Description") };
      g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClLetterTemplate) t = g_list_model_get_item (list, i);
          const char *cells[] = {
            cl_letter_template_get_name (t), cl_letter_template_get_kind (t),
            cl_letter_template_get_language (t), cl_letter_template_get_description (t),
          };
          cl_cli_table_add (table, cells);
        }
      cl_cli_table_print (table);
    }
  return CL_CLI_EXIT_OK;
}

int
cl_cli_templates_show (ClCli  *cli,
                       int     argc,
                       char  **argv)
{
  const char *command = "templates show";
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("NAME"),
                           _("Prints a template in the file form that “templates import” "
                             "reads."),
                           NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTemplateRepository) repo = NULL;
  g_autoptr(ClLetterTemplate) tmpl = NULL;
  g_autofree char *text = NULL;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error (command, _("which template? Give one NAME"));
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  repo = cl_template_repository_new (cli->db);
  tmpl = cl_template_repository_get (repo, argv[1], &error);
  if (tmpl == NULL)
    return cl_cli_failure (command, error);
  text = cl_letter_template_serialize (tmpl);
  g_print ("%s", text);
  return CL_CLI_EXIT_OK;
}

int
cl_cli_templates_import (ClCli  *cli,
                         int     argc,
                         char  **argv)
{
  const char *command = "templates import";
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("FILE"),
                           _("Adds a template from a file, or replaces the one with its name. A "
                             "template naming a placeholder that does not exist is refused, "
                             "with FILE:LINE: for each."),
                           NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTemplateRepository) repo = NULL;
  g_autoptr(ClLetterTemplate) tmpl = NULL;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc != 2)
    return cl_cli_usage_error (command, _("which file? Give one FILE"));
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    return cl_cli_usage_error (command, _("“%s” is not a file"), argv[1]);
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  repo = cl_template_repository_new (cli->db);
  tmpl = cl_template_repository_import_file (repo, argv[1], &error);
  if (tmpl == NULL)
    {
      /* Problems are already FILE:LINE: message, one per line. */
      if (g_error_matches (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_UNKNOWN_PLACEHOLDER)
          || g_error_matches (error, CL_DOCUMENTS_ERROR, CL_DOCUMENTS_ERROR_TEMPLATE_SYNTAX))
        {
          g_printerr ("%s\n", error->message);
          return CL_CLI_EXIT_FAILURE;
        }
      return cl_cli_failure (command, error);
    }
  g_print (_("Imported template “%s”.\n"), cl_letter_template_get_name (tmpl));
  return CL_CLI_EXIT_OK;
}

int
cl_cli_templates_export (ClCli  *cli,
                         int     argc,
                         char  **argv)
{
  const char *command = "templates export";
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("NAME FILE"),
                           _("Writes a template to a file to edit and import again."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTemplateRepository) repo = NULL;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc != 3)
    return cl_cli_usage_error (command, _("give a template NAME and a FILE"));
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  repo = cl_template_repository_new (cli->db);
  if (!cl_template_repository_export_file (repo, argv[1], argv[2], &error))
    return cl_cli_failure (command, error);
  g_print (_("Wrote template “%s” to %s.\n"), argv[1], argv[2]);
  return CL_CLI_EXIT_OK;
}

/* --- letterhead ------------------------------------------------------------------------- */

int
cl_cli_letterhead (ClCli  *cli,
                   int     argc,
                   char  **argv)
{
  const char *command = "letterhead";
  g_autofree char *authority = NULL, *service = NULL, *address = NULL, *phone = NULL;
  g_autofree char *email = NULL, *website = NULL, *logo = NULL;
  g_autofree char *persistent = NULL, *severe = NULL, *label = NULL;
  g_auto(GStrv) signatures = NULL;
  const GOptionEntry entries[] = {
    { "authority", 0, 0, G_OPTION_ARG_STRING, &authority, N_("The local authority"), N_("TEXT") },
    { "service", 0, 0, G_OPTION_ARG_STRING, &service, N_("The service"), N_("TEXT") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address,
      N_("The address (lines separated by commas or newlines)"), N_("TEXT") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Telephone"), N_("TEXT") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Email"), N_("TEXT") },
    { "website", 0, 0, G_OPTION_ARG_STRING, &website, N_("Website"), N_("TEXT") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, N_("A PNG or SVG logo (\"\" for none)"), N_("FILE") },
    { "signature", 0, 0, G_OPTION_ARG_STRING_ARRAY, &signatures,
      N_("An officer’s signature image (repeat)"), N_("ID=FILE.png") },
    { "compare-persistent", 0, 0, G_OPTION_ARG_STRING, &persistent,
      N_("Persistent absence rate to compare charts with (\"\" for none)"), N_("PERCENT") },
    { "compare-severe", 0, 0, G_OPTION_ARG_STRING, &severe,
      N_("Severe absence rate to compare with"), N_("PERCENT") },
    { "compare-label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("What the comparison is, e.g. National 2024/25"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("Shows or changes what documents carry: the letterhead, officers’ "
                             "signatures and the comparison figures drawn on charts."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClLetterhead) lh = NULL;
  gboolean changed = FALSE;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  lh = cl_letterhead_load (cli->db);

#define REPLACE(field, value) \
  if (value != NULL) { g_free (lh->field); lh->field = g_strdup (value); changed = TRUE; }
  REPLACE (authority, authority);
  REPLACE (service, service);
  REPLACE (phone, phone);
  REPLACE (email, email);
  REPLACE (website, website);
  REPLACE (logo, logo);
#undef REPLACE
  if (address != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (address, ",\n", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        g_strstrip (parts[i]);
      g_free (lh->address);
      lh->address = g_strjoinv ("\n", parts);
      changed = TRUE;
    }
  if (changed && !cl_letterhead_save (lh, cli->db, &error))
    return cl_cli_failure (command, error);

  for (guint i = 0; signatures != NULL && signatures[i] != NULL; i++)
    {
      const char *eq = strchr (signatures[i], '=');
      guint64 id;
      g_autofree char *id_text = eq != NULL ? g_strndup (signatures[i], eq - signatures[i]) : NULL;

      if (eq == NULL || !cl_cli_parse_number (id_text, 0, 1, G_MAXINT64, &id))
        return cl_cli_usage_error (command, _("--signature: “%s” is not ID=FILE.png"),
                                   signatures[i]);
      if (!cl_officer_set_signature (cli->db, (gint64) id, eq + 1, &error))
        return cl_cli_failure (command, error);
      changed = TRUE;
    }
  if (persistent != NULL || severe != NULL || label != NULL)
    {
      double pa, sa, v;
      g_autofree char *old_label = NULL;

      cl_chart_comparison_load (cli->db, &pa, &sa, &old_label);
      if (persistent != NULL)
        {
          if (*persistent == '\0')
            pa = NAN;
          else if (parse_percent (persistent, &v))
            pa = v;
          else
            return cl_cli_usage_error (command, _("--compare-persistent: “%s” is not a "
                                                  "percentage"), persistent);
        }
      if (severe != NULL)
        {
          if (*severe == '\0')
            sa = NAN;
          else if (parse_percent (severe, &v))
            sa = v;
          else
            return cl_cli_usage_error (command, _("--compare-severe: “%s” is not a percentage"),
                                       severe);
        }
      if (!cl_chart_comparison_save (cli->db, pa, sa, label != NULL ? label : old_label, &error))
        return cl_cli_failure (command, error);
      changed = TRUE;
    }

  {
    double pa, sa;
    g_autofree char *cmp_label = NULL;

    cl_chart_comparison_load (cli->db, &pa, &sa, &cmp_label);
    g_print (_("Authority   %s\n"), lh->authority != NULL ? lh->authority : "");
    g_print (_("Service     %s\n"), lh->service != NULL ? lh->service : "");
    if (lh->address != NULL)
      {
        g_auto(GStrv) lines = g_strsplit (lh->address, "\n", -1);
        g_autofree char *joined = g_strjoinv (", ", lines);
        g_print (_("Address     %s\n"), joined);
      }
    else
      g_print (_("Address     \n"));
    g_print (_("Telephone   %s\n"), lh->phone != NULL ? lh->phone : "");
    g_print (_("Email       %s\n"), lh->email != NULL ? lh->email : "");
    g_print (_("Website     %s\n"), lh->website != NULL ? lh->website : "");
    g_print (_("Logo        %s\n"), lh->logo != NULL ? lh->logo : "");
    if (!isnan (pa) || !isnan (sa))
      g_print (_("Comparison  %s: persistent %.1f%%, severe %.1f%%\n"),
               cmp_label != NULL ? cmp_label : _("comparison"), pa, sa);
  }
  return CL_CLI_EXIT_OK;
}
