/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "casework/cl-case-repository.h"
#include "casework/cl-caseload.h"
#include "casework/cl-casework-error.h"
#include "casework/cl-casework-vocab.h"
#include "casework/cl-mileage.h"
#include "casework/cl-work-queue.h"
#include "cli/cl-cli-private.h"
#include "people/cl-officer-repository.h"
#include "people/cl-people-error.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-upn.h"
#include "store/cl-dates.h"

/* Commands of the casework area: cases, events (the chronology), the work
 * queue, the caseload, mileage and officers. Ids are the database ids shown
 * by "cases list" and "officers list". */

/* --- shared ------------------------------------------------------------------------ */

/* "improved-attendance", "Improved attendance" → "improved_attendance". */
static char *
normalise_id (const char *text)
{
  char *out;

  if (text == NULL)
    return NULL;
  out = g_utf8_strdown (text, -1);
  g_strstrip (out);
  for (char *p = out; *p != '\0'; p++)
    if (*p == '-' || *p == ' ')
      *p = '_';
  return out;
}

/* A word from one of the casework lists, as its id or label; on failure a
 * usage error listing the choices. */
static gboolean
parse_choice (const char       *command,
              const char       *option,
              ClCaseworkVocab   vocab,
              char            **text,
              int              *status)
{
  const char * const *ids = cl_casework_vocab_ids (vocab);
  g_autofree char *wanted = NULL;

  if (*text == NULL)
    return TRUE;
  wanted = normalise_id (*text);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *label = normalise_id (cl_casework_vocab_label (vocab, ids[i]));

      if (strcmp (wanted, ids[i]) == 0 || strcmp (wanted, label) == 0)
        {
          g_free (*text);
          *text = g_strdup (ids[i]);
          return TRUE;
        }
    }
  {
    g_autofree char *all = cl_casework_vocab_join (vocab);
    *status = cl_cli_usage_error (command, _("%s: “%s” is not one of %s"), option, *text, all);
  }
  return FALSE;
}

static gboolean
parse_id (const char *command,
          const char *what,
          const char *text,
          gint64     *out,
          int        *status)
{
  guint64 value;

  if (text == NULL)
    {
      *status = cl_cli_usage_error (command, _("say which %s (a number)"), what);
      return FALSE;
    }
  if (!cl_cli_parse_number (text, 0, 1, G_MAXINT64, &value))
    {
      *status = cl_cli_usage_error (command, _("%s: “%s” is not an id (a whole number)"), what,
                                    text);
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

/* The one positional argument of commands like "cases close ID". */
static gboolean
positional_id (const char  *command,
               const char  *what,
               int          argc,
               char       **argv,
               gint64      *out,
               int         *status)
{
  if (argc > 2)
    {
      *status = cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[2]);
      return FALSE;
    }
  return parse_id (command, what, argc > 1 ? argv[1] : NULL, out, status);
}

static gboolean
open_db (ClCli      *cli,
         const char *command,
         int        *status)
{
  g_autoptr(GError) error = NULL;

  if (cl_cli_open_database (cli, FALSE, &error) != NULL)
    return TRUE;
  *status = cl_cli_failure (command, error);
  return FALSE;
}

static void
add_id_or_null (JsonBuilder *b,
                const char  *member,
                gint64       value)
{
  json_builder_set_member_name (b, member);
  if (value != 0)
    json_builder_add_int_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_miles (JsonBuilder *b,
           const char  *member,
           int          tenths)
{
  json_builder_set_member_name (b, member);
  json_builder_add_double_value (b, tenths / 10.0);
}

static void
add_percent (JsonBuilder *b,
             const char  *member,
             double       value)
{
  json_builder_set_member_name (b, member);
  if (value < 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, round (value * 10.0) / 10.0);
}

static void
add_strv (JsonBuilder        *b,
          const char         *member,
          const char * const *values)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static void
print_builder (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  cl_cli_print_json (root);
}

static void
add_case_members (JsonBuilder *b,
                  ClCase      *kase)
{
  cl_cli_json_int (b, "id", cl_case_get_id (kase));
  cl_cli_json_string (b, "title", cl_case_get_title (kase));
  json_builder_set_member_name (b, "pupil_ids");
  json_builder_begin_array (b);
  for (guint i = 0; i < cl_case_get_n_pupils (kase); i++)
    json_builder_add_int_value (b, cl_case_get_pupil_id (kase, i));
  json_builder_end_array (b);
  cl_cli_json_string (b, "referral_date", cl_case_get_referral_date (kase));
  cl_cli_json_string (b, "source", cl_case_get_source (kase));
  add_strv (b, "reasons", cl_case_get_reasons (kase));
  add_id_or_null (b, "officer_id", cl_case_get_officer_id (kase));
  cl_cli_json_string_or_null (b, "officer", cl_case_get_officer_name (kase));
  add_id_or_null (b, "school_id", cl_case_get_school_id (kase));
  cl_cli_json_string_or_null (b, "school", cl_case_get_school_name (kase));
  cl_cli_json_string (b, "status", cl_case_get_status (kase));
  cl_cli_json_string (b, "stage", cl_case_get_stage (kase));
  cl_cli_json_string_or_null (b, "closed_date", cl_case_get_closed_date (kase));
  cl_cli_json_string_or_null (b, "closure_reason", cl_case_get_closure_reason (kase));
  cl_cli_json_string (b, "outcome", cl_case_get_outcome (kase));
}

static void
add_event_members (JsonBuilder *b,
                   ClCaseEvent *e)
{
  cl_cli_json_int (b, "id", cl_case_event_get_id (e));
  cl_cli_json_int (b, "case_id", cl_case_event_get_case_id (e));
  cl_cli_json_string (b, "type", cl_case_event_get_event_type (e));
  cl_cli_json_string_or_null (b, "meeting_kind", cl_case_event_get_text (e, CL_CASE_EVENT_MEETING_KIND));
  cl_cli_json_string_or_null (b, "partner", cl_case_event_get_text (e, CL_CASE_EVENT_PARTNER));
  cl_cli_json_string (b, "date", cl_case_event_get_date (e));
  cl_cli_json_string_or_null (b, "time", cl_case_event_get_time (e));
  cl_cli_json_int (b, "duration_minutes", cl_case_event_get_duration (e));
  cl_cli_json_string (b, "participants", cl_case_event_get_text (e, CL_CASE_EVENT_PARTICIPANTS));
  cl_cli_json_string (b, "summary", cl_case_event_get_summary (e));
  cl_cli_json_string (b, "outcome", cl_case_event_get_text (e, CL_CASE_EVENT_OUTCOME));
  if (g_strcmp0 (cl_case_event_get_event_type (e), "assessment") == 0)
    {
      cl_cli_json_string (b, "child_views", cl_case_event_get_text (e, CL_CASE_EVENT_CHILD_VIEWS));
      cl_cli_json_string (b, "parent_views", cl_case_event_get_text (e, CL_CASE_EVENT_PARENT_VIEWS));
      cl_cli_json_string (b, "barriers", cl_case_event_get_text (e, CL_CASE_EVENT_BARRIERS));
      cl_cli_json_string (b, "strengths", cl_case_event_get_text (e, CL_CASE_EVENT_STRENGTHS));
    }
  cl_cli_json_string_or_null (b, "next_action", cl_case_event_get_next_action (e));
  cl_cli_json_string_or_null (b, "next_action_type",
                      cl_case_event_get_text (e, CL_CASE_EVENT_NEXT_ACTION_TYPE));
  cl_cli_json_string_or_null (b, "next_action_due", cl_case_event_get_next_action_due (e));
  cl_cli_json_string_or_null (b, "action_done_at", cl_case_event_get_action_done_at (e));
  cl_cli_json_string_or_null (b, "action_done_by", cl_case_event_get_action_done_by (e));
  add_miles (b, "miles", cl_case_event_get_miles_tenths (e));
  add_id_or_null (b, "officer_id", cl_case_event_get_officer_id (e));
  cl_cli_json_string_or_null (b, "officer", cl_case_event_get_officer_name (e));
  cl_cli_json_string (b, "created_by", cl_case_event_get_created_by (e));
  cl_cli_json_string (b, "created_at", cl_case_event_get_created_at (e));
  cl_cli_json_int (b, "revision", cl_case_event_get_revision (e));
}

/* --- officers list ------------------------------------------------------------------ */

int
cl_cli_officers_list (ClCli  *cli,
                      int     argc,
                      char  **argv)
{
  const char *command = "officers list";
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL, _("Lists the active officers with their ids."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClOfficerRepository) repo = NULL;
  g_autoptr(GListModel) officers = NULL;
  int status = CL_CLI_EXIT_OK;
  guint n;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (!open_db (cli, command, &status))
    return status;
  repo = cl_officer_repository_new (cli->db);
  officers = cl_officer_repository_list (repo, &error);
  if (officers == NULL)
    return cl_cli_failure (command, error);
  n = g_list_model_get_n_items (officers);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClOfficer) o = g_list_model_get_item (officers, i);

          json_builder_begin_object (b);
          cl_cli_json_int (b, "id", cl_officer_get_id (o));
          cl_cli_json_string (b, "name", cl_officer_get_name (o));
          cl_cli_json_string (b, "role", cl_officer_get_role (o));
          cl_cli_json_string_or_null (b, "email", cl_officer_get_email (o));
          cl_cli_json_string_or_null (b, "phone", cl_officer_get_phone (o));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      print_builder (b);
    }
  else
    {
      const char *headers[] = { _("ID"), _("Name"), _("Role"), _("Email") };
      g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

      cl_cli_table_set_right (table, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClOfficer) o = g_list_model_get_item (officers, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cl_officer_get_id (o));
          const char *cells[] = {
            id, cl_officer_get_name (o), cl_officer_role_label (cl_officer_get_role (o)),
            cl_officer_get_email (o),
          };
          cl_cli_table_add (table, cells);
        }
      if (n > 0)
        cl_cli_table_print (table);
      else
        g_print (_("No officers yet.\n"));
    }
  return CL_CLI_EXIT_OK;
}

/* --- cases --------------------------------------------------------------------------- */

int
cl_cli_cases_list (ClCli  *cli,
                   int     argc,
                   char  **argv)
{
  const char *command = "cases list";
  g_autofree char *officer_text = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *stage = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer_text, N_("Only this officer's cases"),
      N_("ID") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("referred, open, legal, closed, or active (any but closed)"), N_("STATUS") },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, N_("Only cases at this stage"), N_("STAGE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL, _("Lists cases, newest referral first."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseRepository) repo = NULL;
  g_autoptr(GListModel) cases = NULL;
  ClCaseFilter filter = { 0 };
  int status = CL_CLI_EXIT_OK;
  guint n;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (officer_text != NULL && !parse_id (command, "--officer", officer_text, &filter.officer_id,
                                         &status))
    return status;
  if (status_text != NULL)
    {
      g_autofree char *wanted = normalise_id (status_text);

      if (strcmp (wanted, "active") != 0
          && !parse_choice (command, "--status", CL_VOCAB_STATUS, &status_text, &status))
        return status;
      if (strcmp (wanted, "active") == 0)
        {
          g_free (status_text);
          status_text = g_strdup ("active");
        }
    }
  if (!parse_choice (command, "--stage", CL_VOCAB_STAGE, &stage, &status))
    return status;
  filter.status = status_text;
  filter.stage = stage;
  if (!open_db (cli, command, &status))
    return status;

  repo = cl_case_repository_new (cli->db);
  cases = cl_case_repository_list (repo, &filter, &error);
  if (cases == NULL)
    return cl_cli_failure (command, error);
  n = g_list_model_get_n_items (cases);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClCase) kase = g_list_model_get_item (cases, i);

          json_builder_begin_object (b);
          add_case_members (b, kase);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      print_builder (b);
    }
  else
    {
      const char *headers[] = {
        _("ID"), _("Referred"), _("Children"), _("School"), _("Officer"), _("Status"), _("Stage"),
      };
      g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

      cl_cli_table_set_right (table, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClCase) kase = g_list_model_get_item (cases, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cl_case_get_id (kase));
          const char *cells[] = {
            id, cl_case_get_referral_date (kase), cl_case_get_title (kase),
            cl_case_get_school_name (kase), cl_case_get_officer_name (kase),
            cl_casework_vocab_label (CL_VOCAB_STATUS, cl_case_get_status (kase)),
            cl_casework_vocab_label (CL_VOCAB_STAGE, cl_case_get_stage (kase)),
          };
          cl_cli_table_add (table, cells);
        }
      if (n > 0)
        cl_cli_table_print (table);
      else
        g_print (_("No cases.\n"));
    }
  return CL_CLI_EXIT_OK;
}

int
cl_cli_cases_open (ClCli  *cli,
                   int     argc,
                   char  **argv)
{
  const char *command = "cases open";
  g_auto(GStrv) upns = NULL;
  g_auto(GStrv) reasons = NULL;
  g_autofree char *officer_text = NULL;
  g_autofree char *source = NULL;
  g_autofree char *date = NULL;
  g_autofree char *notes = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "upn", 0, 0, G_OPTION_ARG_STRING_ARRAY, &upns,
      N_("The child (repeat for brothers and sisters on the same case)"), N_("UPN") },
    { "reason", 0, 0, G_OPTION_ARG_STRING_ARRAY, &reasons,
      N_("Why: irregular_attendance, cme, reintegration … (repeat for several)"), N_("REASON") },
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer_text,
      N_("Allocate to this officer (without: the referral waits for allocation)"), N_("ID") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("Who referred: school (the default), self, social_care, health, police, "
         "la_attendance_team, cme, other"), N_("SOURCE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Referral date (default today)"),
      N_("DATE") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("What the referral says"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new case as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("Opens a case for a child, or for brothers and sisters together."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseRepository) repo = NULL;
  g_autoptr(ClPupilRepository) pupils = NULL;
  g_autoptr(ClCase) kase = cl_case_new ();
  gint64 officer_id = 0;
  int status = CL_CLI_EXIT_OK;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (upns == NULL)
    return cl_cli_usage_error (command, _("--upn: say which child the case is about"));
  if (reasons == NULL)
    return cl_cli_usage_error (command, _("--reason: say why the child was referred"));
  for (guint i = 0; reasons[i] != NULL; i++)
    if (!parse_choice (command, "--reason", CL_VOCAB_REASON, &reasons[i], &status))
      return status;
  if (!parse_choice (command, "--source", CL_VOCAB_SOURCE, &source, &status)
      || !cl_cli_date_option (command, "--date", &date, &status))
    return status;
  if (officer_text != NULL && !parse_id (command, "--officer", officer_text, &officer_id, &status))
    return status;
  if (!open_db (cli, command, &status))
    return status;

  pupils = cl_pupil_repository_new (cli->db);
  for (guint i = 0; upns[i] != NULL; i++)
    {
      g_autofree char *upn = cl_upn_normalize (upns[i]);
      g_autoptr(ClPupil) pupil = cl_pupil_repository_get_by_upn (pupils, upn, &error);

      if (pupil == NULL)
        {
          if (g_error_matches (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_NOT_FOUND))
            {
              g_printerr (_("caseload-cli %s: --upn: no pupil has UPN %s\n"), command, upn);
              return CL_CLI_EXIT_FAILURE;
            }
          return cl_cli_failure (command, error);
        }
      cl_case_add_pupil (kase, cl_pupil_get_id (pupil));
    }
  cl_case_set_reasons (kase, (const char * const *) reasons);
  if (source != NULL)
    cl_case_set_source (kase, source);
  cl_case_set_referral_date (kase, date);
  cl_case_set_notes (kase, notes);
  cl_case_set_officer_id (kase, officer_id);

  repo = cl_case_repository_new (cli->db);
  if (!cl_case_repository_create (repo, kase, &error))
    return cl_cli_failure (command, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_case_members (b, kase);
      json_builder_end_object (b);
      print_builder (b);
    }
  else
    g_print (_("Opened case %lld (%s).\n"), (long long) cl_case_get_id (kase),
             cl_case_get_title (kase));
  return CL_CLI_EXIT_OK;
}

int
cl_cli_cases_close (ClCli  *cli,
                    int     argc,
                    char  **argv)
{
  const char *command = "cases close";
  g_autofree char *reason = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why: improved_attendance, moved_out_of_area, elective_home_education, transferred, "
         "over_compulsory_age, legal_concluded, other"), N_("REASON") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome, N_("What the work achieved"),
      N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Closure date (default today)"),
      N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("CASE_ID"), _("Closes a case with a reason."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseRepository) repo = NULL;
  int status = CL_CLI_EXIT_OK;
  gint64 case_id;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (!positional_id (command, _("case"), argc, argv, &case_id, &status))
    return status;
  if (reason == NULL)
    {
      g_autofree char *all = cl_casework_vocab_join (CL_VOCAB_CLOSURE_REASON);
      return cl_cli_usage_error (command, _("--reason: say why the case is closing (%s)"), all);
    }
  if (!parse_choice (command, "--reason", CL_VOCAB_CLOSURE_REASON, &reason, &status)
      || !cl_cli_date_option (command, "--date", &date, &status))
    return status;
  if (!open_db (cli, command, &status))
    return status;

  repo = cl_case_repository_new (cli->db);
  if (!cl_case_repository_close (repo, case_id, reason, outcome, date, &error))
    return cl_cli_failure (command, error);
  g_print (_("Closed case %lld.\n"), (long long) case_id);
  return CL_CLI_EXIT_OK;
}

int
cl_cli_cases_reopen (ClCli  *cli,
                     int     argc,
                     char  **argv)
{
  const char *command = "cases reopen";
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the case is reopened"),
      N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("CASE_ID"),
                           _("Reopens a closed case today; its closure stays in the history."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseRepository) repo = NULL;
  int status = CL_CLI_EXIT_OK;
  gint64 case_id;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (!positional_id (command, _("case"), argc, argv, &case_id, &status))
    return status;
  if (!open_db (cli, command, &status))
    return status;

  repo = cl_case_repository_new (cli->db);
  if (!cl_case_repository_reopen (repo, case_id, reason, &error))
    return cl_cli_failure (command, error);
  g_print (_("Reopened case %lld.\n"), (long long) case_id);
  return CL_CLI_EXIT_OK;
}

int
cl_cli_cases_reassign (ClCli  *cli,
                       int     argc,
                       char  **argv)
{
  const char *command = "cases reassign";
  g_autofree char *officer_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer_text, N_("The officer taking the case"),
      N_("ID") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("From this date (default today)"),
      N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("CASE_ID"),
                           _("Allocates a case to another officer; the history keeps who had "
                             "it, when, and who moved it."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseRepository) repo = NULL;
  int status = CL_CLI_EXIT_OK;
  gint64 case_id, officer_id;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (!positional_id (command, _("case"), argc, argv, &case_id, &status)
      || !parse_id (command, "--officer", officer_text, &officer_id, &status)
      || !cl_cli_date_option (command, "--date", &date, &status))
    return status;
  if (!open_db (cli, command, &status))
    return status;

  repo = cl_case_repository_new (cli->db);
  if (!cl_case_repository_reassign (repo, case_id, officer_id, reason, date, &error))
    return cl_cli_failure (command, error);
  g_print (_("Case %lld allocated to officer %lld.\n"), (long long) case_id,
           (long long) officer_id);
  return CL_CLI_EXIT_OK;
}

int
cl_cli_cases_stage (ClCli  *cli,
                    int     argc,
                    char  **argv)
{
  const char *command = "cases stage";
  g_autofree char *stage = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage,
      N_("early_support, attendance_contract, notice_to_improve, penalty_notice, prosecution, "
         "eso_sao"), N_("STAGE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("From this date (default today)"),
      N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("CASE_ID"), _("Moves a case to another stage."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseRepository) repo = NULL;
  int status = CL_CLI_EXIT_OK;
  gint64 case_id;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (!positional_id (command, _("case"), argc, argv, &case_id, &status))
    return status;
  if (stage == NULL)
    return cl_cli_usage_error (command, _("--stage: say which stage"));
  if (!parse_choice (command, "--stage", CL_VOCAB_STAGE, &stage, &status)
      || !cl_cli_date_option (command, "--date", &date, &status))
    return status;
  if (!open_db (cli, command, &status))
    return status;

  repo = cl_case_repository_new (cli->db);
  if (!cl_case_repository_set_stage (repo, case_id, stage, reason, date, &error))
    return cl_cli_failure (command, error);
  g_print (_("Case %lld is at stage: %s.\n"), (long long) case_id,
           cl_casework_vocab_label (CL_VOCAB_STAGE, stage));
  return CL_CLI_EXIT_OK;
}

int
cl_cli_cases_show (ClCli  *cli,
                   int     argc,
                   char  **argv)
{
  const char *command = "cases show";
  gboolean json = FALSE, newest_first = FALSE;
  const GOptionEntry entries[] = {
    { "newest-first", 0, 0, G_OPTION_ARG_NONE, &newest_first,
      N_("List the chronology newest first"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("CASE_ID"),
                           _("Shows a case: its children, history and chronology."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseRepository) repo = NULL;
  g_autoptr(ClCase) kase = NULL;
  g_autoptr(GListModel) pupils = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) events = NULL;
  int status = CL_CLI_EXIT_OK;
  gint64 case_id;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (!positional_id (command, _("case"), argc, argv, &case_id, &status))
    return status;
  if (!open_db (cli, command, &status))
    return status;

  repo = cl_case_repository_new (cli->db);
  kase = cl_case_repository_get (repo, case_id, &error);
  if (kase == NULL
      || (pupils = cl_case_repository_pupils (repo, case_id, &error)) == NULL
      || (history = cl_case_repository_history (repo, case_id, &error)) == NULL
      || (events = cl_case_repository_list_events (repo, case_id,
                                                   newest_first ? CL_EVENT_ORDER_NEWEST_FIRST
                                                                : CL_EVENT_ORDER_OLDEST_FIRST,
                                                   &error)) == NULL)
    return cl_cli_failure (command, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_case_members (b, kase);
      cl_cli_json_string (b, "notes", cl_case_get_notes (kase));
      json_builder_set_member_name (b, "pupils");
      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (pupils); i++)
        {
          g_autoptr(ClPupil) p = g_list_model_get_item (pupils, i);
          g_autofree char *name = g_strdup_printf ("%s %s", cl_pupil_get_forename (p),
                                                   cl_pupil_get_surname (p));

          json_builder_begin_object (b);
          cl_cli_json_int (b, "id", cl_pupil_get_id (p));
          cl_cli_json_string (b, "upn", cl_pupil_get_upn (p));
          cl_cli_json_string (b, "name", name);
          cl_cli_json_string_or_null (b, "school", cl_pupil_get_school_name (p));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "history");
      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (history); i++)
        {
          g_autoptr(ClCaseChange) c = g_list_model_get_item (history, i);
          static const char *const kinds[] = { "allocation", "stage", "status" };

          json_builder_begin_object (b);
          cl_cli_json_string (b, "kind", kinds[cl_case_change_get_kind (c)]);
          cl_cli_json_string (b, "value", cl_case_change_get_value (c));
          add_id_or_null (b, "officer_id", cl_case_change_get_officer_id (c));
          cl_cli_json_string (b, "from_date", cl_case_change_get_from_date (c));
          cl_cli_json_string_or_null (b, "to_date", cl_case_change_get_to_date (c));
          cl_cli_json_string (b, "changed_by", cl_case_change_get_changed_by (c));
          cl_cli_json_string (b, "changed_at", cl_case_change_get_changed_at (c));
          cl_cli_json_string (b, "reason", cl_case_change_get_reason (c));
          if (cl_case_change_get_kind (c) == CL_CASE_CHANGE_STATUS)
            {
              cl_cli_json_string_or_null (b, "closure_reason", cl_case_change_get_closure_reason (c));
              cl_cli_json_string (b, "outcome", cl_case_change_get_outcome (c));
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "events");
      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(ClCaseEvent) e = g_list_model_get_item (events, i);

          json_builder_begin_object (b);
          add_event_members (b, e);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_builder (b);
      return CL_CLI_EXIT_OK;
    }

  g_print (_("Case %lld: %s\n"), (long long) case_id, cl_case_get_title (kase));
  g_print (_("  School       %s\n"), cl_case_get_school_name (kase));
  g_print (_("  Referred     %s by %s\n"), cl_case_get_referral_date (kase),
           cl_casework_vocab_label (CL_VOCAB_SOURCE, cl_case_get_source (kase)));
  g_print (_("  Officer      %s\n"), *cl_case_get_officer_name (kase) != '\0'
                                     ? cl_case_get_officer_name (kase)
                                     : _("(waiting for allocation)"));
  g_print (_("  Status       %s\n"), cl_casework_vocab_label (CL_VOCAB_STATUS,
                                                              cl_case_get_status (kase)));
  g_print (_("  Stage        %s\n"), cl_casework_vocab_label (CL_VOCAB_STAGE,
                                                              cl_case_get_stage (kase)));
  if (cl_case_is_closed (kase))
    g_print (_("  Closed       %s: %s. %s\n"), cl_case_get_closed_date (kase),
             cl_casework_vocab_label (CL_VOCAB_CLOSURE_REASON, cl_case_get_closure_reason (kase)),
             cl_case_get_outcome (kase));
  g_print ("\n");
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(ClCaseEvent) e = g_list_model_get_item (events, i);
      g_autofree char *title = cl_case_event_dup_title (e);
      const char *time = cl_case_event_get_time (e);

      g_print ("%s %s  #%" G_GINT64_FORMAT "  %s%s\n", cl_case_event_get_date (e),
               *time != '\0' ? time : "     ", cl_case_event_get_id (e), title,
               cl_case_event_get_revision (e) > 0 ? _(" (corrected)") : "");
      if (*cl_case_event_get_summary (e) != '\0')
        g_print ("    %s\n", cl_case_event_get_summary (e));
      if (*cl_case_event_get_next_action (e) != '\0')
        g_print (_("    Next: %s, due %s%s\n"), cl_case_event_get_next_action (e),
                 cl_case_event_get_next_action_due (e),
                 cl_case_event_is_action_open (e) ? "" : _(" (done)"));
    }
  if (g_list_model_get_n_items (events) == 0)
    g_print (_("No events yet.\n"));
  return CL_CLI_EXIT_OK;
}

/* --- events ------------------------------------------------------------------------- */

/* The kind of a next action, guessed from its words when --action-type is
 * not given, so that "Home visit" lands on the queue's visits to make. */
static gboolean
has_word (const char *text,
          const char *word)
{
  gsize len = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    if ((p == text || !g_ascii_isalnum (p[-1])) && !g_ascii_isalpha (p[len]))
      return TRUE;
  return FALSE;
}

static gboolean
has_stem (const char *text,
          const char *stem)
{
  for (const char *p = strstr (text, stem); p != NULL; p = strstr (p + 1, stem))
    if (p == text || !g_ascii_isalnum (p[-1]))
      return TRUE;
  return FALSE;
}

static const char *
guess_action_type (const char *action)
{
  g_autofree char *text = g_utf8_strdown (action, -1);

  if (has_stem (text, "letter") || has_stem (text, "write"))
    return "letter";
  if (has_stem (text, "visit"))
    return has_stem (text, "school") ? "school_visit" : "home_visit";
  if (has_stem (text, "phone") || has_stem (text, "call") || has_word (text, "ring"))
    return "phone_call";
  if (has_stem (text, "meeting") || has_word (text, "tac") || has_word (text, "taf"))
    return "meeting";
  if (has_stem (text, "refer"))
    return "referral";
  if (has_stem (text, "assess"))
    return "assessment";
  if (has_stem (text, "review"))
    return "review";
  return "other";
}

typedef struct
{
  char *type;
  char *date;
  char *time;
  char *summary;
  char *outcome;
  char *participants;
  char *meeting_kind;
  char *partner;
  char *next_action;
  char *action_type;
  char *due;
  char *miles;
  char *duration;
  char *child_views;
  char *parent_views;
  char *barriers;
  char *strengths;
  char *officer;
} EventOptions;

static void
event_options_clear (EventOptions *o)
{
  char **fields[] = {
    &o->type, &o->date, &o->time, &o->summary, &o->outcome, &o->participants,
    &o->meeting_kind, &o->partner, &o->next_action, &o->action_type, &o->due, &o->miles,
    &o->duration, &o->child_views, &o->parent_views, &o->barriers, &o->strengths, &o->officer,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EventOptions, event_options_clear)

/* Parses the checked options into the event; on failure returns FALSE with
 * *status set to a usage error. Fields not given are left as they are. */
static gboolean
apply_event_options (const char   *command,
                     EventOptions *o,
                     ClCaseEvent  *event,
                     int          *status)
{
  if (!parse_choice (command, "--type", CL_VOCAB_EVENT_TYPE, &o->type, status)
      || !parse_choice (command, "--meeting-kind", CL_VOCAB_MEETING_KIND, &o->meeting_kind, status)
      || !parse_choice (command, "--partner", CL_VOCAB_PARTNER, &o->partner, status)
      || !parse_choice (command, "--action-type", CL_VOCAB_ACTION_TYPE, &o->action_type, status)
      || !cl_cli_date_option (command, "--date", &o->date, status)
      || !cl_cli_date_option (command, "--due", &o->due, status))
    return FALSE;
  if (o->next_action != NULL && o->due == NULL
      && *cl_case_event_get_next_action_due (event) == '\0')
    {
      *status = cl_cli_usage_error (command, _("--next-action needs --due DATE"));
      return FALSE;
    }
  if (o->due != NULL && o->next_action == NULL && *cl_case_event_get_next_action (event) == '\0')
    {
      *status = cl_cli_usage_error (command, _("--due goes with --next-action TEXT"));
      return FALSE;
    }
  if (o->miles != NULL)
    {
      int tenths;

      if (!cl_miles_parse (o->miles, &tenths))
        {
          *status = cl_cli_usage_error (command,
                                        _("--miles: “%s” is not a distance (miles, e.g. 12.5, "
                                          "not negative)"), o->miles);
          return FALSE;
        }
      cl_case_event_set_miles_tenths (event, tenths);
    }
  if (o->duration != NULL)
    {
      guint64 minutes;

      if (!cl_cli_parse_number (o->duration, 0, 0, 24 * 60, &minutes))
        {
          *status = cl_cli_usage_error (command,
                                        _("--duration: “%s” is not a number of minutes "
                                          "(0–1440)"), o->duration);
          return FALSE;
        }
      cl_case_event_set_duration (event, (guint) minutes);
    }
  if (o->officer != NULL)
    {
      gint64 officer_id;

      if (!parse_id (command, "--officer", o->officer, &officer_id, status))
        return FALSE;
      cl_case_event_set_officer_id (event, officer_id);
    }

  {
    struct { ClCaseEventText field; const char *value; } set[] = {
      { CL_CASE_EVENT_TYPE, o->type },
      { CL_CASE_EVENT_DATE, o->date },
      { CL_CASE_EVENT_TIME, o->time },
      { CL_CASE_EVENT_SUMMARY, o->summary },
      { CL_CASE_EVENT_OUTCOME, o->outcome },
      { CL_CASE_EVENT_PARTICIPANTS, o->participants },
      { CL_CASE_EVENT_MEETING_KIND, o->meeting_kind },
      { CL_CASE_EVENT_PARTNER, o->partner },
      { CL_CASE_EVENT_NEXT_ACTION, o->next_action },
      { CL_CASE_EVENT_NEXT_ACTION_DUE, o->due },
      { CL_CASE_EVENT_CHILD_VIEWS, o->child_views },
      { CL_CASE_EVENT_PARENT_VIEWS, o->parent_views },
      { CL_CASE_EVENT_BARRIERS, o->barriers },
      { CL_CASE_EVENT_STRENGTHS, o->strengths },
    };

    for (guint i = 0; i < G_N_ELEMENTS (set); i++)
      if (set[i].value != NULL)
        cl_case_event_set_text (event, set[i].field, set[i].value);
  }
  if (o->next_action != NULL)
    cl_case_event_set_text (event, CL_CASE_EVENT_NEXT_ACTION_TYPE,
                            o->action_type != NULL ? o->action_type
                                                   : guess_action_type (o->next_action));
  else if (o->action_type != NULL)
    cl_case_event_set_text (event, CL_CASE_EVENT_NEXT_ACTION_TYPE, o->action_type);
  return TRUE;
}

#define EVENT_OPTION_ENTRIES(o)                                                               \
  { "date", 0, 0, G_OPTION_ARG_STRING, &(o).date, N_("When it happened (not in the future)"),  \
    N_("DATE") },                                                                             \
  { "time", 0, 0, G_OPTION_ARG_STRING, &(o).time, N_("Time of day"), N_("HH:MM") },           \
  { "duration", 0, 0, G_OPTION_ARG_STRING, &(o).duration, N_("How long, in minutes"),         \
    N_("MINUTES") },                                                                          \
  { "summary", 0, 0, G_OPTION_ARG_STRING, &(o).summary, N_("What happened"), N_("TEXT") },    \
  { "outcome", 0, 0, G_OPTION_ARG_STRING, &(o).outcome, N_("The outcome"), N_("TEXT") },      \
  { "participants", 0, 0, G_OPTION_ARG_STRING, &(o).participants, N_("Who took part"),        \
    N_("TEXT") },                                                                             \
  { "meeting-kind", 0, 0, G_OPTION_ARG_STRING, &(o).meeting_kind,                             \
    N_("For a meeting: tac, taf, cp_conference, core_group, attendance_panel, "               \
       "targeting_meeting"), N_("KIND") },                                                    \
  { "partner", 0, 0, G_OPTION_ARG_STRING, &(o).partner,                                       \
    N_("For a referral: social_care, health, camhs, housing, youth_justice, benefits_fsm, "   \
       "clothing, transport, other"), N_("PARTNER") },                                        \
  { "child-views", 0, 0, G_OPTION_ARG_STRING, &(o).child_views,                               \
    N_("For an assessment: the child's views"), N_("TEXT") },                                 \
  { "parent-views", 0, 0, G_OPTION_ARG_STRING, &(o).parent_views,                             \
    N_("For an assessment: the parents' views"), N_("TEXT") },                                \
  { "barriers", 0, 0, G_OPTION_ARG_STRING, &(o).barriers,                                     \
    N_("For an assessment: barriers to attendance"), N_("TEXT") },                            \
  { "strengths", 0, 0, G_OPTION_ARG_STRING, &(o).strengths,                                   \
    N_("For an assessment: strengths"), N_("TEXT") },                                         \
  { "next-action", 0, 0, G_OPTION_ARG_STRING, &(o).next_action, N_("What to do next"),        \
    N_("TEXT") },                                                                             \
  { "action-type", 0, 0, G_OPTION_ARG_STRING, &(o).action_type,                               \
    N_("Kind of next action: home_visit, school_visit, phone_call, letter, meeting, "         \
       "referral, assessment, review, other (default: guessed from its words)"),             \
    N_("TYPE") },                                                                             \
  { "due", 0, 0, G_OPTION_ARG_STRING, &(o).due, N_("When the next action is due"),            \
    N_("DATE") },                                                                             \
  { "miles", 0, 0, G_OPTION_ARG_STRING, &(o).miles, N_("Miles driven, e.g. 12.5"),            \
    N_("MILES") },                                                                            \
  { "officer", 0, 0, G_OPTION_ARG_STRING, &(o).officer,                                       \
    N_("Who did it (default: the case's officer)"), N_("ID") }

int
cl_cli_events_add (ClCli  *cli,
                   int     argc,
                   char  **argv)
{
  const char *command = "events add";
  g_auto(EventOptions) o = { 0 };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &o.type,
      N_("home_visit, home_visit_no_reply, school_visit, phone_call, letter, meeting, referral, "
         "assessment, attendance_contract, note"), N_("TYPE") },
    EVENT_OPTION_ENTRIES (o),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new event as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("CASE_ID"), _("Adds an event to a case's chronology."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseRepository) repo = NULL;
  g_autoptr(ClCaseEvent) event = NULL;
  int status = CL_CLI_EXIT_OK;
  gint64 case_id;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (!positional_id (command, _("case"), argc, argv, &case_id, &status))
    return status;
  if (o.type == NULL)
    return cl_cli_usage_error (command, _("--type: say what kind of event it was"));
  if (o.date == NULL)
    return cl_cli_usage_error (command, _("--date: say when it happened"));
  event = cl_case_event_new (case_id, NULL, NULL);
  if (!apply_event_options (command, &o, event, &status))
    return status;
  if (!open_db (cli, command, &status))
    return status;

  repo = cl_case_repository_new (cli->db);
  if (!cl_case_repository_add_event (repo, event, &error))
    return cl_cli_failure (command, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_event_members (b, event);
      json_builder_end_object (b);
      print_builder (b);
    }
  else
    g_print (_("Added event %lld to case %lld.\n"),
             (long long) cl_case_event_get_id (event), (long long) case_id);
  return CL_CLI_EXIT_OK;
}

int
cl_cli_events_correct (ClCli  *cli,
                       int     argc,
                       char  **argv)
{
  const char *command = "events correct";
  g_auto(EventOptions) o = { 0 };
  g_autofree char *reason = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the record is being corrected"),
      N_("TEXT") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &o.type, N_("The corrected kind of event"),
      N_("TYPE") },
    EVENT_OPTION_ENTRIES (o),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the corrected event as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("EVENT_ID"),
                           _("Corrects a recorded event. The original text is kept, with who "
                             "corrected it, when and why."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseRepository) repo = NULL;
  g_autoptr(ClCaseEvent) event = NULL;
  int status = CL_CLI_EXIT_OK;
  gint64 event_id;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (!positional_id (command, _("event"), argc, argv, &event_id, &status))
    return status;
  if (reason == NULL)
    return cl_cli_usage_error (command, _("--reason: say why the event is being corrected"));
  if (!open_db (cli, command, &status))
    return status;

  repo = cl_case_repository_new (cli->db);
  event = cl_case_repository_get_event (repo, event_id, &error);
  if (event == NULL)
    return cl_cli_failure (command, error);
  if (!apply_event_options (command, &o, event, &status))
    return status;
  if (!cl_case_repository_correct_event (repo, event, reason, &error))
    return cl_cli_failure (command, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_event_members (b, event);
      json_builder_end_object (b);
      print_builder (b);
    }
  else
    g_print (_("Corrected event %lld (correction %u).\n"), (long long) event_id,
             cl_case_event_get_revision (event));
  return CL_CLI_EXIT_OK;
}

int
cl_cli_events_done (ClCli  *cli,
                    int     argc,
                    char  **argv)
{
  const char *command = "events done";
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, _("EVENT_ID"), _("Marks an event's next action done."),
                           NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCaseRepository) repo = NULL;
  int status = CL_CLI_EXIT_OK;
  gint64 event_id;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (!positional_id (command, _("event"), argc, argv, &event_id, &status))
    return status;
  if (!open_db (cli, command, &status))
    return status;

  repo = cl_case_repository_new (cli->db);
  if (!cl_case_repository_complete_action (repo, event_id, &error))
    return cl_cli_failure (command, error);
  g_print (_("Next action of event %lld done.\n"), (long long) event_id);
  return CL_CLI_EXIT_OK;
}

/* --- queue and caseload --------------------------------------------------------------- */

int
cl_cli_queue (ClCli  *cli,
              int     argc,
              char  **argv)
{
  const char *command = "queue";
  g_autofree char *officer_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer_text,
      N_("This officer's queue (default: the whole service)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("The work queue: actions due within a week or overdue, letters "
                             "and visits outstanding, and cases to consider for legal "
                             "action. Overdue first."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) queue = NULL;
  gint64 officer_id = 0;
  int status = CL_CLI_EXIT_OK;
  guint n;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (officer_text != NULL && !parse_id (command, "--officer", officer_text, &officer_id, &status))
    return status;
  if (!open_db (cli, command, &status))
    return status;
  if (officer_id != 0)
    {
      g_autoptr(ClOfficerRepository) officers = cl_officer_repository_new (cli->db);
      g_autoptr(ClOfficer) officer = cl_officer_repository_get (officers, officer_id, &error);

      if (officer == NULL)
        {
          g_printerr (_("caseload-cli %s: --officer: there is no officer %lld\n"),
                      command, (long long) officer_id);
          return CL_CLI_EXIT_FAILURE;
        }
    }

  queue = cl_work_queue_build (cli->db, officer_id, &error);
  if (queue == NULL)
    return cl_cli_failure (command, error);
  n = g_list_model_get_n_items (queue);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClQueueItem) item = g_list_model_get_item (queue, i);

          json_builder_begin_object (b);
          cl_cli_json_string (b, "kind", cl_queue_item_get_kind_id (item));
          cl_cli_json_int (b, "case_id", cl_queue_item_get_case_id (item));
          add_id_or_null (b, "event_id", cl_queue_item_get_event_id (item));
          cl_cli_json_string (b, "pupil_name", cl_queue_item_get_pupil_name (item));
          cl_cli_json_string_or_null (b, "school", cl_queue_item_get_school_name (item));
          cl_cli_json_string_or_null (b, "due_date", cl_queue_item_get_due_date (item));
          cl_cli_json_string (b, "text", cl_queue_item_get_text (item));
          cl_cli_json_bool (b, "overdue", cl_queue_item_get_overdue (item));
          add_strv (b, "rules", cl_queue_item_get_rule_ids (item));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      print_builder (b);
    }
  else
    {
      const char *headers[] = { _("Due"), _("Case"), _("Children"), _("What"), _("Text") };
      g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

      cl_cli_table_set_right (table, 1);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClQueueItem) item = g_list_model_get_item (queue, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 cl_queue_item_get_case_id (item));
          g_autofree char *due = g_strdup_printf ("%s%s", cl_queue_item_get_due_date (item),
                                                  cl_queue_item_get_overdue (item) ? " !" : "");
          const char *cells[] = {
            due, id, cl_queue_item_get_pupil_name (item), cl_queue_item_get_kind_label (item),
            cl_queue_item_get_text (item),
          };
          cl_cli_table_add (table, cells);
        }
      if (n > 0)
        cl_cli_table_print (table);
      else
        g_print (_("Nothing due.\n"));
    }
  return CL_CLI_EXIT_OK;
}

int
cl_cli_caseload (ClCli  *cli,
                 int     argc,
                 char  **argv)
{
  const char *command = "caseload";
  g_autofree char *officer_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer_text,
      N_("This officer's cases (default: every case not closed)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("An officer's open cases with last contact, next action, "
                             "attendance over the last four weeks and the rules met."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;
  gint64 officer_id = 0;
  int status = CL_CLI_EXIT_OK;
  guint n;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (officer_text != NULL && !parse_id (command, "--officer", officer_text, &officer_id, &status))
    return status;
  if (!open_db (cli, command, &status))
    return status;

  rows = cl_caseload_build (cli->db, officer_id, &error);
  if (rows == NULL)
    return cl_cli_failure (command, error);
  n = g_list_model_get_n_items (rows);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClCaseloadRow) row = g_list_model_get_item (rows, i);
          ClCase *kase = cl_caseload_row_get_case (row);
          const double *trend = cl_caseload_row_get_trend (row);

          json_builder_begin_object (b);
          cl_cli_json_int (b, "case_id", cl_case_get_id (kase));
          cl_cli_json_string (b, "title", cl_case_get_title (kase));
          cl_cli_json_string_or_null (b, "school", cl_case_get_school_name (kase));
          cl_cli_json_string (b, "status", cl_case_get_status (kase));
          cl_cli_json_string (b, "stage", cl_case_get_stage (kase));
          cl_cli_json_string_or_null (b, "last_contact", cl_caseload_row_get_last_contact (row));
          cl_cli_json_string_or_null (b, "next_action", cl_caseload_row_get_next_action (row));
          cl_cli_json_string_or_null (b, "next_action_due", cl_caseload_row_get_next_action_due (row));
          cl_cli_json_bool (b, "overdue", cl_caseload_row_get_overdue (row));
          add_percent (b, "attendance_percent", cl_caseload_row_get_attendance_percent (row));
          json_builder_set_member_name (b, "trend");
          json_builder_begin_array (b);
          for (guint w = 0; w < CL_CASELOAD_TREND_WEEKS; w++)
            if (trend[w] < 0)
              json_builder_add_null_value (b);
            else
              json_builder_add_double_value (b, round (trend[w] * 10.0) / 10.0);
          json_builder_end_array (b);
          add_strv (b, "rules", cl_caseload_row_get_rule_ids (row));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      print_builder (b);
    }
  else
    {
      const char *headers[] = {
        _("Case"), _("Children"), _("Last contact"), _("Next action"), _("Due"), _("4 weeks"),
        _("Rules"),
      };
      g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

      cl_cli_table_set_right (table, 0);
      cl_cli_table_set_right (table, 5);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClCaseloadRow) row = g_list_model_get_item (rows, i);
          double pct = cl_caseload_row_get_attendance_percent (row);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 cl_caseload_row_get_case_id (row));
          g_autofree char *attendance = pct < 0 ? g_strdup ("–") : g_strdup_printf ("%.1f %%", pct);
          g_autofree char *due = g_strdup_printf ("%s%s", cl_caseload_row_get_next_action_due (row),
                                                  cl_caseload_row_get_overdue (row) ? " !" : "");
          g_autofree char *rules = g_strjoinv (", ", (char **) cl_caseload_row_get_rule_ids (row));
          const char *cells[] = {
            id, cl_caseload_row_get_title (row), cl_caseload_row_get_last_contact (row),
            cl_caseload_row_get_next_action (row), due, attendance, rules,
          };
          cl_cli_table_add (table, cells);
        }
      if (n > 0)
        cl_cli_table_print (table);
      else
        g_print (_("No open cases.\n"));
    }
  return CL_CLI_EXIT_OK;
}

/* --- mileage -------------------------------------------------------------------------- */

int
cl_cli_mileage (ClCli  *cli,
                int     argc,
                char  **argv)
{
  const char *command = "mileage";
  g_autofree char *officer_text = NULL;
  g_autofree char *month = NULL;
  gboolean csv = FALSE, json = FALSE;
  const GOptionEntry entries[] = {
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer_text, N_("The officer claiming"),
      N_("ID") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month claimed"), N_("YYYY-MM") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV: date,case,type,miles and a total"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    cl_cli_option_context (command, NULL,
                           _("An officer's car-allowance mileage for a month, from the miles "
                             "recorded on events."),
                           entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries_out = NULL;
  g_autofree char *total_text = NULL;
  gint64 officer_id;
  int status = CL_CLI_EXIT_OK;
  int total = 0;

  if (!cl_cli_parse (context, command, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 1)
    return cl_cli_usage_error (command, _("unexpected argument “%s”"), argv[1]);
  if (!parse_id (command, "--officer", officer_text, &officer_id, &status))
    return status;
  if (month == NULL)
    return cl_cli_usage_error (command, _("--month: say which month (YYYY-MM)"));
  if (csv && json)
    return cl_cli_usage_error (command, _("choose one of --csv and --json"));
  if (!open_db (cli, command, &status))
    return status;

  entries_out = cl_mileage_for_month (cli->db, officer_id, month, &total, &error);
  if (entries_out == NULL)
    {
      if (g_error_matches (error, CL_CASEWORK_ERROR, CL_CASEWORK_ERROR_INVALID))
        return cl_cli_usage_error (command, "%s", error->message);
      return cl_cli_failure (command, error);
    }
  total_text = cl_miles_format (total);

  if (csv)
    {
      g_print ("date,case,type,miles\n");
      for (guint i = 0; i < entries_out->len; i++)
        {
          ClMileageEntry *e = g_ptr_array_index (entries_out, i);
          g_autofree char *miles = cl_miles_format (e->miles_tenths);

          g_print ("%s,%" G_GINT64_FORMAT ",%s,%s\n", e->date, e->case_id, e->event_type, miles);
        }
      g_print ("total,,,%s\n", total_text);
    }
  else if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cl_cli_json_int (b, "officer_id", officer_id);
      cl_cli_json_string (b, "month", month);
      json_builder_set_member_name (b, "entries");
      json_builder_begin_array (b);
      for (guint i = 0; i < entries_out->len; i++)
        {
          ClMileageEntry *e = g_ptr_array_index (entries_out, i);

          json_builder_begin_object (b);
          cl_cli_json_string (b, "date", e->date);
          cl_cli_json_int (b, "case_id", e->case_id);
          cl_cli_json_int (b, "event_id", e->event_id);
          cl_cli_json_string (b, "type", e->event_type);
          add_miles (b, "miles", e->miles_tenths);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      add_miles (b, "total_miles", total);
      json_builder_end_object (b);
      print_builder (b);
    }
  else
    {
      const char *headers[] = { _("Date"), _("Case"), _("Type"), _("Miles") };
      g_autoptr(ClCliTable) table = cl_cli_table_new (G_N_ELEMENTS (headers), headers);

      cl_cli_table_set_right (table, 1);
      cl_cli_table_set_right (table, 3);
      for (guint i = 0; i < entries_out->len; i++)
        {
          ClMileageEntry *e = g_ptr_array_index (entries_out, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, e->case_id);
          g_autofree char *miles = cl_miles_format (e->miles_tenths);
          const char *cells[] = {
            e->date, id, cl_casework_vocab_label (CL_VOCAB_EVENT_TYPE, e->event_type), miles,
          };
          cl_cli_table_add (table, cells);
        }
      {
        const char *cells[] = { _("Total"), "", "", total_text };
        cl_cli_table_add (table, cells);
      }
      cl_cli_table_print (table);
    }
  return CL_CLI_EXIT_OK;
}
