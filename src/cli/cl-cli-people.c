/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cl-cli-private.h"
#include "people/cl-demo.h"
#include "people/cl-people-error.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "people/cl-upn.h"
#include "store/cl-dates.h"

/* --- shared ------------------------------------------------------------------------ */

/* "LA-maintained", "la maintained", "Free school" → "la_maintained", "free_school". */
static char *
normalize_choice (const char *text)
{
  char *out = g_utf8_strdown (text, -1);

  g_strstrip (out);
  for (char *p = out; *p != '\0'; p++)
    if (*p == '-' || *p == ' ')
      *p = '_';
  return out;
}

/* The stored id matching text (an id or a label, any case), or NULL. */
static const char *
match_choice (const char         *text,
              const char * const *ids,
              const char         *(*label) (const char *id))
{
  g_autofree char *wanted = normalize_choice (text);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *label_form = normalize_choice (label (ids[i]));

      if (strcmp (wanted, ids[i]) == 0 || strcmp (wanted, label_form) == 0)
        return ids[i];
    }
  return NULL;
}

static char *
join_choices (const char * const *ids)
{
  return g_strjoinv (", ", (char **) ids);
}

static gboolean
parse_urn (const char *text,
           guint      *out)
{
  guint64 value;

  if (!cl_cli_parse_number (text, 6, 100000, 999999, &value))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

/* --- schools ------------------------------------------------------------------------- */

int
cl_cli_schools_list (ClCli  *cli,
                     int     argc,
                     char  **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context ("schools list", NULL, _("Lists the schools by name."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSchoolRepository) repo = NULL;
  g_autoptr(GListModel) schools = NULL;
  guint n;

  if (!cl_cli_parse (context, "schools list", &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error ("schools list", _("unexpected argument “%s”"), argv[1]);

  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure ("schools list", error);
  repo = cl_school_repository_new (cli->db);
  schools = cl_school_repository_list (repo, &error);
  if (schools == NULL)
    return cl_cli_failure ("schools list", error);
  n = g_list_model_get_n_items (schools);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClSchool) school = g_list_model_get_item (schools, i);
          g_autofree char *dfe = cl_school_dup_dfe_number (school);
          g_autofree char *officer = NULL;

          g_object_get (school, "link-officer-name", &officer, NULL);
          json_builder_begin_object (builder);
          cl_cli_json_int (builder, "id", cl_school_get_id (school));
          cl_cli_json_int (builder, "urn", cl_school_get_urn (school));
          cl_cli_json_string (builder, "dfe_number", dfe);
          cl_cli_json_string (builder, "name", cl_school_get_name (school));
          cl_cli_json_string (builder, "type", cl_school_get_text (school, CL_SCHOOL_TYPE));
          cl_cli_json_string (builder, "phase", cl_school_get_text (school, CL_SCHOOL_PHASE));
          cl_cli_json_string (builder, "country", cl_school_get_text (school, CL_SCHOOL_COUNTRY));
          cl_cli_json_int (builder, "number_on_roll",
                   cl_school_get_number (school, CL_SCHOOL_NUMBER_ON_ROLL));
          cl_cli_json_int (builder, "pupils", cl_school_get_pupil_count (school));
          cl_cli_json_string_or_null (builder, "link_officer", officer);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cl_cli_print_json (root);
    }
  else
    {
      const char *headers[] = {
        _("URN"), _("DfE"), _("Name"), _("Type"), _("Phase"), _("Pupils"), _("Link officer"),
      };
      g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

      cl_cli_table_set_right (table, 5);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClSchool) school = g_list_model_get_item (schools, i);
          g_autofree char *urn = g_strdup_printf ("%u", cl_school_get_urn (school));
          g_autofree char *dfe = cl_school_dup_dfe_number (school);
          g_autofree char *pupils = g_strdup_printf ("%u", cl_school_get_pupil_count (school));
          g_autofree char *officer = NULL;
          const char *cells[G_N_ELEMENTS (headers)];

          g_object_get (school, "link-officer-name", &officer, NULL);
          cells[0] = urn;
          cells[1] = dfe;
          cells[2] = cl_school_get_name (school);
          cells[3] = cl_school_type_label (cl_school_get_text (school, CL_SCHOOL_TYPE));
          cells[4] = cl_school_phase_label (cl_school_get_text (school, CL_SCHOOL_PHASE));
          cells[5] = pupils;
          cells[6] = officer;
          cl_cli_table_add (table, cells);
        }
      if (n > 0)
        cl_cli_table_print (table);
      else
        g_print (_("No schools yet. Add one with “caseload-cli schools add”, or try "
                   "“caseload-cli demo”.\n"));
    }
  return CL_CLI_EXIT_OK;
}

/* The phase of a school from its DfE establishment number, where the range
 * says it: 1000–1099 nursery, 2000–3999 primary, 4000–5999 secondary. */
static const char *
phase_from_estab (guint estab)
{
  if (estab >= 1000 && estab <= 1099)
    return "nursery";
  if (estab >= 2000 && estab <= 3999)
    return "primary";
  if (estab >= 4000 && estab <= 5999)
    return "secondary";
  return NULL;
}

int
cl_cli_schools_add (ClCli  *cli,
                    int     argc,
                    char  **argv)
{
  const char *command = "schools add";
  g_autofree char *urn_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *la_text = NULL;
  g_autofree char *estab_text = NULL;
  g_autofree char *roll_text = NULL;
  g_autofree char *phase_text = NULL;
  g_autofree char *country_text = NULL;
  g_autofree char *address = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *head = NULL;
  const GOptionEntry entries[] = {
    { "urn", 0, 0, G_OPTION_ARG_STRING, &urn_text, N_("Unique reference number (six digits)"),
      N_("URN") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The school’s name"), N_("NAME") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_text,
      N_("la_maintained, academy, free_school, special, pru or independent"), N_("TYPE") },
    { "la", 0, 0, G_OPTION_ARG_STRING, &la_text, N_("LA code, the first part of the DfE number"),
      N_("NNN") },
    { "estab", 0, 0, G_OPTION_ARG_STRING, &estab_text,
      N_("Establishment number, the second part of the DfE number"), N_("NNNN") },
    { "roll", 0, 0, G_OPTION_ARG_STRING, &roll_text, N_("Number on roll (default 0)"), N_("N") },
    { "phase", 0, 0, G_OPTION_ARG_STRING, &phase_text,
      N_("nursery, primary, middle, secondary, all_through or post16 (default: from the "
         "establishment number)"), N_("PHASE") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country_text,
      N_("england or wales (default: wales for LA codes 660–681)"), N_("COUNTRY") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Postal address"), N_("TEXT") },
    { "postcode", 0, 0, G_OPTION_ARG_STRING, &postcode, N_("Postcode"), N_("TEXT") },
    { "head", 0, 0, G_OPTION_ARG_STRING, &head, N_("Head teacher"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("Adds a school. --urn, --name, --type, --la and --estab are "
                             "required."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSchoolRepository) repo = NULL;
  g_autoptr(ClSchool) school = NULL;
  g_autofree char *dfe = NULL;
  const char *type, *phase, *country;
  guint64 la, estab, roll = 0;
  guint urn;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);

  if (urn_text == NULL)
    return cl_cli_usage_error (command, _("--urn is required"));
  if (name == NULL || *g_strstrip (name) == '\0')
    return cl_cli_usage_error (command, _("--name is required"));
  if (type_text == NULL)
    return cl_cli_usage_error (command, _("--type is required"));
  if (la_text == NULL)
    return cl_cli_usage_error (command, _("--la is required"));
  if (estab_text == NULL)
    return cl_cli_usage_error (command, _("--estab is required"));

  if (!parse_urn (urn_text, &urn))
    return cl_cli_usage_error (command, _("--urn: “%s” is not a six-digit URN"), urn_text);
  type = match_choice (type_text, cl_school_types (), cl_school_type_label);
  if (type == NULL)
    {
      g_autofree char *valid = join_choices (cl_school_types ());
      return cl_cli_usage_error (command, _("--type: “%s” is not a school type; use one of %s"),
                                 type_text, valid);
    }
  if (!cl_cli_parse_number (la_text, 3, 100, 999, &la))
    return cl_cli_usage_error (command, _("--la: “%s” is not a three-digit LA code"), la_text);
  if (!cl_cli_parse_number (estab_text, 4, 1000, 9999, &estab))
    return cl_cli_usage_error (command, _("--estab: “%s” is not a four-digit establishment "
                                          "number"), estab_text);
  if (roll_text != NULL && !cl_cli_parse_number (roll_text, 0, 0, 100000, &roll))
    return cl_cli_usage_error (command, _("--roll: “%s” is not a number of pupils"), roll_text);

  if (phase_text != NULL)
    {
      phase = match_choice (phase_text, cl_school_phases (), cl_school_phase_label);
      if (phase == NULL)
        {
          g_autofree char *valid = join_choices (cl_school_phases ());
          return cl_cli_usage_error (command, _("--phase: “%s” is not a phase; use one of %s"),
                                     phase_text, valid);
        }
    }
  else
    {
      phase = phase_from_estab ((guint) estab);
      if (phase == NULL)
        {
          g_autofree char *valid = join_choices (cl_school_phases ());
          return cl_cli_usage_error (command, _("--phase is required for establishment number "
                                                "%u; use one of %s"),
                                     (guint) estab, valid);
        }
    }

  if (country_text != NULL)
    {
      g_autofree char *c = normalize_choice (country_text);
      if (strcmp (c, "england") == 0)
        country = "england";
      else if (strcmp (c, "wales") == 0)
        country = "wales";
      else
        return cl_cli_usage_error (command, _("--country: “%s” is neither england nor wales"),
                                   country_text);
    }
  else
    country = la >= 660 && la <= 681 ? "wales" : "england";

  if (cl_cli_open_database (cli, TRUE, &error) == NULL)
    return cl_cli_failure (command, error);

  school = cl_school_new ();
  cl_school_set_number (school, CL_SCHOOL_URN, urn);
  cl_school_set_number (school, CL_SCHOOL_LA_CODE, (guint) la);
  cl_school_set_number (school, CL_SCHOOL_ESTAB, (guint) estab);
  cl_school_set_number (school, CL_SCHOOL_NUMBER_ON_ROLL, (guint) roll);
  cl_school_set_text (school, CL_SCHOOL_NAME, name);
  cl_school_set_text (school, CL_SCHOOL_TYPE, type);
  cl_school_set_text (school, CL_SCHOOL_PHASE, phase);
  cl_school_set_text (school, CL_SCHOOL_COUNTRY, country);
  if (address != NULL)
    cl_school_set_text (school, CL_SCHOOL_ADDRESS, address);
  if (postcode != NULL)
    cl_school_set_text (school, CL_SCHOOL_POSTCODE, postcode);
  if (head != NULL)
    cl_school_set_text (school, CL_SCHOOL_HEAD_TEACHER, head);

  repo = cl_school_repository_new (cli->db);
  if (!cl_school_repository_insert (repo, school, &error))
    return cl_cli_failure (command, error);

  dfe = cl_school_dup_dfe_number (school);
  g_print (_("Added %s (URN %u, DfE number %s).\n"), cl_school_get_name (school), urn, dfe);
  return CL_CLI_EXIT_OK;
}

/* --- pupils -------------------------------------------------------------------------- */

static const struct
{
  ClPupilFlag  flag;
  const char  *key;
} pupil_flag_keys[] = {
  { CL_PUPIL_EHCP, "ehcp" },
  { CL_PUPIL_SEN_SUPPORT, "sen_support" },
  { CL_PUPIL_FSM, "fsm" },
  { CL_PUPIL_LOOKED_AFTER, "looked_after" },
  { CL_PUPIL_YOUNG_CARER, "young_carer" },
  { CL_PUPIL_EAL, "eal" },
};

static void
build_pupil_json (JsonBuilder *builder,
                  ClPupil     *pupil)
{
  json_builder_begin_object (builder);
  cl_cli_json_int (builder, "id", cl_pupil_get_id (pupil));
  cl_cli_json_string (builder, "upn", cl_pupil_get_upn (pupil));
  cl_cli_json_string (builder, "forename", cl_pupil_get_forename (pupil));
  cl_cli_json_string (builder, "surname", cl_pupil_get_surname (pupil));
  cl_cli_json_string (builder, "legal_forename", cl_pupil_get_text (pupil, CL_PUPIL_LEGAL_FORENAME));
  cl_cli_json_string (builder, "legal_surname", cl_pupil_get_text (pupil, CL_PUPIL_LEGAL_SURNAME));
  cl_cli_json_string (builder, "dob", cl_pupil_get_dob (pupil));
  cl_cli_json_string (builder, "sex", cl_pupil_get_text (pupil, CL_PUPIL_SEX));
  cl_cli_json_int (builder, "nc_year", cl_pupil_get_nc_year (pupil));
  json_builder_set_member_name (builder, "school_urn");
  if (cl_pupil_get_school_urn (pupil) > 0)
    json_builder_add_int_value (builder, cl_pupil_get_school_urn (pupil));
  else
    json_builder_add_null_value (builder);
  cl_cli_json_string_or_null (builder, "school", cl_pupil_get_school_name (pupil));
  for (guint f = 0; f < G_N_ELEMENTS (pupil_flag_keys); f++)
    {
      json_builder_set_member_name (builder, pupil_flag_keys[f].key);
      json_builder_add_boolean_value (builder, cl_pupil_get_flag (pupil, pupil_flag_keys[f].flag));
    }
  json_builder_end_object (builder);
}

int
cl_cli_pupils_list (ClCli  *cli,
                    int     argc,
                    char  **argv)
{
  const char *command = "pupils list";
  gboolean json = FALSE;
  g_autofree char *school_text = NULL;
  const GOptionEntry entries[] = {
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text,
      N_("Only the pupils on roll at the school with this URN"), N_("URN") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL, _("Lists pupils by surname and forename."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPupilRepository) repo = NULL;
  g_autoptr(GListModel) pupils = NULL;
  g_autoptr(ClSchool) school = NULL;
  guint n;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (school_text != NULL)
    {
      guint urn;
      if (!parse_urn (school_text, &urn))
        return cl_cli_usage_error (command, _("--school: “%s” is not a six-digit URN"),
                                   school_text);
    }

  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  if (school_text != NULL)
    {
      int status = CL_CLI_EXIT_OK;

      school = cl_cli_find_school (cli, command, school_text, &status);
      if (school == NULL)
        return status;
    }

  repo = cl_pupil_repository_new (cli->db);
  pupils = cl_pupil_repository_list (repo, school != NULL ? cl_school_get_id (school) : 0, &error);
  if (pupils == NULL)
    return cl_cli_failure (command, error);
  n = g_list_model_get_n_items (pupils);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClPupil) pupil = g_list_model_get_item (pupils, i);
          build_pupil_json (builder, pupil);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cl_cli_print_json (root);
    }
  else
    {
      const char *headers[] = {
        _("UPN"), _("Surname"), _("Forename"), _("Date of birth"), _("Year"), _("School"),
      };
      g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClPupil) pupil = g_list_model_get_item (pupils, i);
          g_autofree char *year = cl_nc_year_label (cl_pupil_get_nc_year (pupil));
          const char *cells[G_N_ELEMENTS (headers)];

          cells[0] = cl_pupil_get_upn (pupil);
          cells[1] = cl_pupil_get_surname (pupil);
          cells[2] = cl_pupil_get_forename (pupil);
          cells[3] = cl_pupil_get_dob (pupil);
          cells[4] = year;
          cells[5] = cl_pupil_get_school_name (pupil);
          cl_cli_table_add (table, cells);
        }
      if (n > 0)
        cl_cli_table_print (table);
      else
        g_print (_("No pupils.\n"));
    }
  return CL_CLI_EXIT_OK;
}

static gboolean
parse_date_option (const char *text,
                   char       *iso)
{
  GDate date;

  if (!cl_date_parse (text, &date))
    return FALSE;
  cl_date_format_iso (&date, iso);
  return TRUE;
}

int
cl_cli_pupils_add (ClCli  *cli,
                   int     argc,
                   char  **argv)
{
  const char *command = "pupils add";
  g_autofree char *upn_text = NULL;
  g_autofree char *forename = NULL;
  g_autofree char *surname = NULL;
  g_autofree char *dob_text = NULL;
  g_autofree char *sex_text = NULL;
  g_autofree char *school_text = NULL;
  g_autofree char *start_text = NULL;
  const GOptionEntry entries[] = {
    { "upn", 0, 0, G_OPTION_ARG_STRING, &upn_text, N_("Unique pupil number (13 characters)"),
      N_("UPN") },
    { "forename", 0, 0, G_OPTION_ARG_STRING, &forename, N_("Legal forename"), N_("NAME") },
    { "surname", 0, 0, G_OPTION_ARG_STRING, &surname, N_("Legal surname"), N_("NAME") },
    { "dob", 0, 0, G_OPTION_ARG_STRING, &dob_text,
      N_("Date of birth, YYYY-MM-DD or DD/MM/YYYY"), N_("DATE") },
    { "sex", 0, 0, G_OPTION_ARG_STRING, &sex_text, N_("F, M or U (unknown)"), N_("F|M|U") },
    { "school", 0, 0, G_OPTION_ARG_STRING, &school_text,
      N_("Put the pupil on roll at the school with this URN"), N_("URN") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text,
      N_("First day on roll at --school (default: today)"), N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("Adds a pupil. --upn, --forename, --surname, --dob and --sex are "
                             "required."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPupilRepository) repo = NULL;
  g_autoptr(ClPupil) pupil = NULL;
  g_autoptr(ClSchool) school = NULL;
  g_autofree char *upn = NULL;
  char dob[11], start[11];
  char expected;
  ClUpnResult upn_result;
  const char *sex;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);

  if (upn_text == NULL)
    return cl_cli_usage_error (command, _("--upn is required"));
  if (forename == NULL || *g_strstrip (forename) == '\0')
    return cl_cli_usage_error (command, _("--forename is required"));
  if (surname == NULL || *g_strstrip (surname) == '\0')
    return cl_cli_usage_error (command, _("--surname is required"));
  if (dob_text == NULL)
    return cl_cli_usage_error (command, _("--dob is required"));
  if (sex_text == NULL)
    return cl_cli_usage_error (command, _("--sex is required"));

  if (!parse_date_option (dob_text, dob))
    return cl_cli_usage_error (command, _("--dob: “%s” is not a date (use YYYY-MM-DD or "
                                          "DD/MM/YYYY)"), dob_text);
  if (g_ascii_strcasecmp (sex_text, "F") == 0)
    sex = "F";
  else if (g_ascii_strcasecmp (sex_text, "M") == 0)
    sex = "M";
  else if (g_ascii_strcasecmp (sex_text, "U") == 0)
    sex = "U";
  else
    return cl_cli_usage_error (command, _("--sex: “%s” is not F, M or U"), sex_text);
  if (start_text != NULL && school_text == NULL)
    return cl_cli_usage_error (command, _("--start needs --school"));
  if (start_text != NULL && !parse_date_option (start_text, start))
    return cl_cli_usage_error (command, _("--start: “%s” is not a date (use YYYY-MM-DD or "
                                          "DD/MM/YYYY)"), start_text);
  if (school_text != NULL)
    {
      guint urn;
      if (!parse_urn (school_text, &urn))
        return cl_cli_usage_error (command, _("--school: “%s” is not a six-digit URN"),
                                   school_text);
    }

  /* The UPN is data, not syntax: a wrong check letter is refused (status 1)
   * with the rule that failed, before the database is touched. */
  upn = cl_upn_normalize (upn_text);
  upn_result = cl_upn_check (upn, &expected);
  if (upn_result != CL_UPN_VALID)
    {
      g_autofree char *why = cl_upn_describe (upn_result, expected);
      g_printerr ("caseload-cli %s: --upn: %s: %s\n", command, upn, why);
      return CL_CLI_EXIT_FAILURE;
    }

  if (cl_cli_open_database (cli, TRUE, &error) == NULL)
    return cl_cli_failure (command, error);
  if (school_text != NULL)
    {
      int status = CL_CLI_EXIT_OK;

      school = cl_cli_find_school (cli, command, school_text, &status);
      if (school == NULL)
        return status;
    }

  pupil = cl_pupil_new ();
  cl_pupil_set_text (pupil, CL_PUPIL_UPN, upn);
  cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_FORENAME, forename);
  cl_pupil_set_text (pupil, CL_PUPIL_LEGAL_SURNAME, surname);
  cl_pupil_set_text (pupil, CL_PUPIL_DOB, dob);
  cl_pupil_set_text (pupil, CL_PUPIL_SEX, sex);

  repo = cl_pupil_repository_new (cli->db);
  if (!cl_pupil_repository_insert (repo, pupil, school != NULL ? cl_school_get_id (school) : 0,
                                   start_text != NULL ? start : NULL, &error))
    return cl_cli_failure (command, error);

  if (school != NULL)
    g_print (_("Added pupil %s at %s.\n"), upn, cl_school_get_name (school));
  else
    g_print (_("Added pupil %s.\n"), upn);
  return CL_CLI_EXIT_OK;
}

/* --- UPNs ---------------------------------------------------------------------------- */

int
cl_cli_upn_check (ClCli  *cli,
                  int     argc,
                  char  **argv)
{
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Also print the valid UPNs"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context ("upn-check", _("UPN…"),
                           _("Checks each UPN as the DfE does: length, LA code, digits, the "
                             "last character and the check letter. Prints one line for each "
                             "invalid UPN (“UPN: reason”) and exits with status 1 if there is "
                             "any. Needs no database."),
                           entries);
  guint n_invalid = 0;

  if (!cl_cli_parse (context, "upn-check", &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc < 2)
    return cl_cli_usage_error ("upn-check", _("give one or more UPNs to check"));

  for (int i = 1; i < argc; i++)
    {
      char expected;
      ClUpnResult result = cl_upn_check (argv[i], &expected);

      if (result != CL_UPN_VALID)
        {
          g_autofree char *why = cl_upn_describe (result, expected);
          g_print ("%s: %s\n", argv[i], why);
          n_invalid++;
        }
      else if (verbose)
        g_print (_("%s: valid\n"), argv[i]);
    }
  return n_invalid > 0 ? CL_CLI_EXIT_FAILURE : CL_CLI_EXIT_OK;
}

/* --- demo ---------------------------------------------------------------------------- */

static void
demo_progress_cb (double      fraction,
                  const char *text,
                  gpointer    user_data)
{
  /* Only for a person watching: a terminal on stderr. */
  g_printerr ("\r%3.0f%%  %-60s", fraction * 100.0, text);
}

int
cl_cli_demo (ClCli  *cli,
             int     argc,
             char  **argv)
{
  const char *command = "demo";
  g_autofree char *schools_text = NULL;
  g_autofree char *pupils_text = NULL;
  g_autofree char *seed_text = NULL;
  const GOptionEntry entries[] = {
    { "schools", 0, 0, G_OPTION_ARG_STRING, &schools_text,
      N_("Number of schools (default 12)"), N_("M") },
    { "pupils", 0, 0, G_OPTION_ARG_STRING, &pupils_text,
      N_("Number of pupils (default 2400)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Random seed: the same seed gives the same authority (default 1)"), N_("S") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("Fills an empty database with a synthetic local authority: "
                             "officers, schools of every type and phase, pupils with valid UPNs "
                             "and families with siblings across schools. No real person is in "
                             "it."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  gboolean interactive = isatty (fileno (stderr));
  ClDemoOptions opts;
  ClDemoSummary summary = { 0 };
  guint64 value;
  gboolean ok;

  cl_demo_options_init (&opts);
  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);

  if (schools_text != NULL)
    {
      if (!cl_cli_parse_number (schools_text, 0, 1, CL_DEMO_MAX_SCHOOLS, &value))
        return cl_cli_usage_error (command, _("--schools: “%s” is not a number from 1 to %u"),
                                   schools_text, CL_DEMO_MAX_SCHOOLS);
      opts.n_schools = (guint) value;
    }
  if (pupils_text != NULL)
    {
      if (!cl_cli_parse_number (pupils_text, 0, 0, CL_DEMO_MAX_PUPILS, &value))
        return cl_cli_usage_error (command, _("--pupils: “%s” is not a number from 0 to %u"),
                                   pupils_text, CL_DEMO_MAX_PUPILS);
      opts.n_pupils = (guint) value;
    }
  if (seed_text != NULL)
    {
      if (!cl_cli_parse_number (seed_text, 0, 0, G_MAXUINT32, &value))
        return cl_cli_usage_error (command, _("--seed: “%s” is not a number from 0 to %u"),
                                   seed_text, G_MAXUINT32);
      opts.seed = (guint32) value;
    }
  opts.summary = &summary;

  if (cl_cli_open_database (cli, TRUE, &error) == NULL)
    return cl_cli_failure (command, error);

  timer = g_timer_new ();
  ok = cl_demo_generate (cli->db, &opts, interactive ? demo_progress_cb : NULL, NULL, NULL,
                         &error);
  if (interactive)
    g_printerr ("\r%-70s\r", "");
  if (!ok)
    {
      if (g_error_matches (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_IN_USE))
        {
          g_printerr ("caseload-cli %s: %s\n", command, error->message);
          g_printerr (_("Name a new file with --db PATH to try the demo.\n"));
          return CL_CLI_EXIT_FAILURE;
        }
      return cl_cli_failure (command, error);
    }

  g_print (_("Created a demo authority in %s (seed %u, %.1f s):\n"),
           cl_database_get_path (cli->db), opts.seed, g_timer_elapsed (timer, NULL));
  g_print ("  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u officer", "%u officers", summary.n_officers),
           summary.n_officers);
  g_print ("\n  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", summary.n_schools),
           summary.n_schools);
  g_print ("\n  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u pupil", "%u pupils", summary.n_pupils),
           summary.n_pupils);
  g_print ("\n  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u parent or carer", "%u parents and carers",
                        summary.n_guardians),
           summary.n_guardians);
  g_print ("\n");
  return CL_CLI_EXIT_OK;
}

/* --- parents and carers ------------------------------------------------------------ */

static void
print_guardians (ClPupil    *pupil,
                 GListModel *guardians,
                 gboolean    json)
{
  guint n = g_list_model_get_n_items (guardians);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClGuardian) g = g_list_model_get_item (guardians, i);
          g_autofree char *name = cl_guardian_dup_display_name (g);

          json_builder_begin_object (b);
          cl_cli_json_int (b, "id", cl_guardian_get_id (g));
          cl_cli_json_string (b, "name", name);
          cl_cli_json_string_or_null (b, "title", cl_guardian_get_text (g, CL_GUARDIAN_TITLE));
          cl_cli_json_string_or_null (b, "forename", cl_guardian_get_text (g, CL_GUARDIAN_FORENAME));
          cl_cli_json_string (b, "surname", cl_guardian_get_text (g, CL_GUARDIAN_SURNAME));
          cl_cli_json_string (b, "relationship", cl_guardian_get_text (g, CL_GUARDIAN_RELATIONSHIP));
          cl_cli_json_bool (b, "parental_responsibility",
                            cl_guardian_get_parental_responsibility (g));
          cl_cli_json_bool (b, "lives_with", cl_guardian_get_lives_with (g));
          cl_cli_json_string_or_null (b, "address", cl_guardian_get_text (g, CL_GUARDIAN_ADDRESS));
          cl_cli_json_string_or_null (b, "postcode", cl_guardian_get_text (g, CL_GUARDIAN_POSTCODE));
          cl_cli_json_string_or_null (b, "phone_home", cl_guardian_get_text (g, CL_GUARDIAN_PHONE_HOME));
          cl_cli_json_string_or_null (b, "phone_mobile",
                                      cl_guardian_get_text (g, CL_GUARDIAN_PHONE_MOBILE));
          cl_cli_json_string_or_null (b, "email", cl_guardian_get_text (g, CL_GUARDIAN_EMAIL));
          cl_cli_json_string (b, "language", cl_guardian_get_text (g, CL_GUARDIAN_LANGUAGE));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cl_cli_print_json (root);
      return;
    }

  if (n == 0)
    {
      g_print (_("No parents or carers are recorded for %s.\n"), cl_pupil_get_upn (pupil));
      return;
    }
  {
    const char *headers[] = { _("ID"), _("Name"), _("Relationship"), _("PR"), _("Lives with"),
                              _("Phone") };
    g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

    cl_cli_table_set_right (table, 0);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(ClGuardian) g = g_list_model_get_item (guardians, i);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cl_guardian_get_id (g));
        g_autofree char *name = cl_guardian_dup_display_name (g);
        const char *phone = cl_guardian_get_text (g, CL_GUARDIAN_PHONE_MOBILE);
        const char *cells[] = {
          id, name, cl_guardian_get_text (g, CL_GUARDIAN_RELATIONSHIP),
          cl_guardian_get_parental_responsibility (g) ? _("yes") : _("no"),
          cl_guardian_get_lives_with (g) ? _("yes") : _("no"),
          *phone != '\0' ? phone : cl_guardian_get_text (g, CL_GUARDIAN_PHONE_HOME),
        };
        cl_cli_table_add (table, cells);
      }
    cl_cli_table_print (table);
  }
}

int
cl_cli_guardians_list (ClCli  *cli,
                       int     argc,
                       char  **argv)
{
  const char *command = "guardians list";
  g_autofree char *upn = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "upn", 0, 0, G_OPTION_ARG_STRING, &upn, N_("The pupil"), N_("UPN") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL, _("Lists a pupil's parents and carers."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPupilRepository) repo = NULL;
  g_autoptr(ClPupil) pupil = NULL;
  g_autoptr(GListModel) guardians = NULL;
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (upn == NULL)
    return cl_cli_usage_error (command, _("which pupil? Give --upn UPN"));
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  pupil = cl_cli_find_pupil (cli, command, upn, &status);
  if (pupil == NULL)
    return status;
  repo = cl_pupil_repository_new (cli->db);
  guardians = cl_pupil_repository_guardians (repo, cl_pupil_get_id (pupil), &error);
  if (guardians == NULL)
    return cl_cli_failure (command, error);
  print_guardians (pupil, guardians, json);
  return CL_CLI_EXIT_OK;
}

typedef struct
{
  char *v[CL_GUARDIAN_N_TEXT];
} GuardianTexts;

static void
guardian_texts_clear (GuardianTexts *texts)
{
  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    g_clear_pointer (&texts->v[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GuardianTexts, guardian_texts_clear)

int
cl_cli_guardians_add (ClCli  *cli,
                      int     argc,
                      char  **argv)
{
  const char *command = "guardians add";
  g_autofree char *upn = NULL;
  g_auto(GuardianTexts) texts = { { NULL } };
  char **text = texts.v;
  gboolean no_pr = FALSE, not_living = FALSE;
  gint64 existing = 0;
  const GOptionEntry entries[] = {
    { "upn", 0, 0, G_OPTION_ARG_STRING, &upn, N_("The pupil"), N_("UPN") },
    { "existing", 0, 0, G_OPTION_ARG_INT64, &existing,
      N_("Link a parent or carer already recorded (for a sibling), by id"), N_("ID") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &text[CL_GUARDIAN_TITLE], N_("Mr, Mrs, Ms, Mx …"),
      N_("TITLE") },
    { "forename", 0, 0, G_OPTION_ARG_STRING, &text[CL_GUARDIAN_FORENAME], N_("Forename"),
      N_("NAME") },
    { "surname", 0, 0, G_OPTION_ARG_STRING, &text[CL_GUARDIAN_SURNAME], N_("Surname"),
      N_("NAME") },
    { "relationship", 0, 0, G_OPTION_ARG_STRING, &text[CL_GUARDIAN_RELATIONSHIP],
      N_("mother, father, carer, grandparent … (default parent)"), N_("WORD") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &text[CL_GUARDIAN_ADDRESS], N_("Address"),
      N_("TEXT") },
    { "postcode", 0, 0, G_OPTION_ARG_STRING, &text[CL_GUARDIAN_POSTCODE], N_("Postcode"),
      N_("TEXT") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &text[CL_GUARDIAN_PHONE_HOME], N_("Home phone"),
      N_("NUMBER") },
    { "mobile", 0, 0, G_OPTION_ARG_STRING, &text[CL_GUARDIAN_PHONE_MOBILE], N_("Mobile phone"),
      N_("NUMBER") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &text[CL_GUARDIAN_EMAIL], N_("Email"), N_("ADDRESS") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &text[CL_GUARDIAN_LANGUAGE],
      N_("Preferred language: en, cy or other"), N_("LANG") },
    { "no-parental-responsibility", 0, 0, G_OPTION_ARG_NONE, &no_pr,
      N_("This person does not have parental responsibility"), NULL },
    { "not-living-with", 0, 0, G_OPTION_ARG_NONE, &not_living,
      N_("The pupil does not live with this person"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("Records a parent or carer of a pupil, or links one already "
                             "recorded for a brother or sister (--existing ID)."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPupilRepository) repo = NULL;
  g_autoptr(ClPupil) pupil = NULL;
  g_autoptr(ClGuardian) guardian = NULL;
  g_autoptr(GListModel) guardians = NULL;
  const char *field = NULL;
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (upn == NULL)
    return cl_cli_usage_error (command, _("which pupil? Give --upn UPN"));
  if (cl_cli_open_database (cli, FALSE, &error) == NULL)
    return cl_cli_failure (command, error);
  pupil = cl_cli_find_pupil (cli, command, upn, &status);
  if (pupil == NULL)
    return status;
  repo = cl_pupil_repository_new (cli->db);

  if (existing > 0)
    {
      /* Found through any pupil it is linked to: read it from one of them. */
      sqlite3_stmt *stmt = cl_database_prepare (cli->db,
                                                "SELECT pupil_id FROM pupil_guardian"
                                                " WHERE guardian_id = ? LIMIT 1",
                                                &error);
      gint64 other = 0;

      if (stmt == NULL)
        return cl_cli_failure (command, error);
      sqlite3_bind_int64 (stmt, 1, existing);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        other = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (other != 0)
        guardians = cl_pupil_repository_guardians (repo, other, &error);
      for (guint i = 0; guardians != NULL && i < g_list_model_get_n_items (guardians); i++)
        {
          g_autoptr(ClGuardian) g = g_list_model_get_item (guardians, i);
          if (cl_guardian_get_id (g) == existing)
            guardian = g_object_ref (g);
        }
      if (guardian == NULL)
        {
          g_printerr (_("caseload-cli %s: --existing: no parent or carer has id %" G_GINT64_FORMAT
                        "\n"), command, existing);
          return CL_CLI_EXIT_FAILURE;
        }
    }
  else
    guardian = cl_guardian_new ();

  for (guint i = 0; i < CL_GUARDIAN_N_TEXT; i++)
    if (text[i] != NULL)
      cl_guardian_set_text (guardian, i, text[i]);
  if (text[CL_GUARDIAN_RELATIONSHIP] == NULL && existing == 0)
    cl_guardian_set_text (guardian, CL_GUARDIAN_RELATIONSHIP, "parent");
  cl_guardian_set_parental_responsibility (guardian, !no_pr);
  cl_guardian_set_lives_with (guardian, !not_living);

  if (!cl_guardian_validate (guardian, &field, &error))
    return cl_cli_usage_error (command, "--%s: %s", field, error->message);
  if (!cl_pupil_repository_link_guardian (repo, cl_pupil_get_id (pupil), guardian, &error))
    return cl_cli_failure (command, error);

  g_clear_object (&guardians);
  guardians = cl_pupil_repository_guardians (repo, cl_pupil_get_id (pupil), &error);
  if (guardians == NULL)
    return cl_cli_failure (command, error);
  print_guardians (pupil, guardians, FALSE);
  return CL_CLI_EXIT_OK;
}
