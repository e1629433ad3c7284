/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "people/cl-pupil.h"
#include "people/cl-school.h"
#include "store/cl-database.h"

G_BEGIN_DECLS

/* caseload-cli is split by concern: cl-cli.c holds main(), the global options
 * and the command table; each cl-cli-<area>.c holds the commands of one area.
 * To add commands: write cl-cli-<area>.c, declare its functions below, add
 * rows to the table in cl-cli.c and the file to src/cli/meson.build.
 *
 * Results go to stdout (a list, "ok", one line per invalid UPN); anything
 * that stops a command from running goes to stderr. Nothing personal is ever
 * written to the log. */

typedef enum
{
  CL_CLI_EXIT_OK      = 0,
  CL_CLI_EXIT_FAILURE = 1,  /* the command ran and failed, or the data was refused */
  CL_CLI_EXIT_USAGE   = 2,  /* the command line itself is wrong */
} ClCliExit;

typedef struct
{
  char       *db_path;  /* --db, or cl_database_default_path () */
  ClDatabase *db;       /* opened on first use by cl_cli_open_database */
} ClCli;

/* argv[0] is the last word of the command's name; options follow. */
typedef int (*ClCliCommandFunc) (ClCli  *cli,
                                 int     argc,
                                 char  **argv);

typedef struct
{
  const char       *name;     /* one or two words: "check", "schools list" */
  ClCliCommandFunc  func;
  const char       *summary;  /* N_(): translated when shown */
} ClCliCommand;

/* --- helpers (cl-cli-util.c) --- */

/* Opens cli->db_path once. Unless create is TRUE a missing file is an error
 * (so that a mistyped --db never makes an empty database). */
ClDatabase *cl_cli_open_database      (ClCli               *cli,
                                       gboolean             create,
                                       GError             **error);

/* A context for one command, with usage "caseload-cli COMMAND PARAMS". */
GOptionContext *cl_cli_option_context (const char         *command,
                                       const char         *parameters,
                                       const char         *summary,
                                       const GOptionEntry *entries);
/* Parses options; on failure prints the problem and returns FALSE, and the
 * command should return CL_CLI_EXIT_USAGE. */
gboolean    cl_cli_parse              (GOptionContext      *context,
                                       const char          *command,
                                       int                 *argc,
                                       char              ***argv);

/* "caseload-cli COMMAND: message" on stderr; returns CL_CLI_EXIT_USAGE. */
int         cl_cli_usage_error        (const char          *command,
                                       const char          *format,
                                       ...) G_GNUC_PRINTF (2, 3);
/* "caseload-cli COMMAND: error->message" on stderr; returns CL_CLI_EXIT_FAILURE. */
int         cl_cli_failure            (const char          *command,
                                       const GError        *error);

/* Parses an unsigned number of exactly n_digits digits (0: any number of
 * digits) between min and max. */
gboolean    cl_cli_parse_number       (const char          *text,
                                       guint                n_digits,
                                       guint64              min,
                                       guint64              max,
                                       guint64             *out);

/* Writes the node as indented UTF-8 JSON and a newline to stdout. */
void        cl_cli_print_json         (JsonNode            *root);

/* Aligned text columns; the last column is never padded. */
typedef struct _ClCliTable ClCliTable;

ClCliTable *cl_cli_table_new          (guint                n_columns,
                                       const char * const  *headers);
void        cl_cli_table_set_right    (ClCliTable          *table,
                                       guint                column);
/* Takes n_columns strings (copied); NULL prints as empty. */
void        cl_cli_table_add          (ClCliTable          *table,
                                       const char * const  *cells);
void        cl_cli_table_print        (ClCliTable          *table);
guint       cl_cli_table_get_n_rows   (ClCliTable          *table);
void        cl_cli_table_free         (ClCliTable          *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCliTable, cl_cli_table_free)

/* Normalises a date option (YYYY-MM-DD or DD/MM/YYYY) to ISO in place; a
 * NULL one is left alone. On a bad date prints a usage error naming option,
 * sets *status and returns FALSE. */
gboolean    cl_cli_date_option        (const char          *command,
                                       const char          *option,
                                       char               **text,
                                       int                 *status);
/* The school with the URN given to --school, or NULL with *status set and
 * the reason printed. The database must be open. */
ClSchool   *cl_cli_find_school        (ClCli               *cli,
                                       const char          *command,
                                       const char          *urn_text,
                                       int                 *status);
/* The pupil with this UPN (upper-cased first), or NULL with *status set. */
ClPupil    *cl_cli_find_pupil         (ClCli               *cli,
                                       const char          *command,
                                       const char          *upn_text,
                                       int                 *status);
/* Progress on stderr, for a person watching a terminal. */
void        cl_cli_progress_cb        (double               fraction,
                                       const char          *text,
                                       gpointer             user_data);
/* JSON members: a string ("" for NULL), a string or null when empty, an
 * integer. */
void        cl_cli_json_string        (JsonBuilder         *b,
                                       const char          *member,
                                       const char          *value);
void        cl_cli_json_string_or_null (JsonBuilder        *b,
                                        const char         *member,
                                        const char         *value);
void        cl_cli_json_int           (JsonBuilder         *b,
                                       const char          *member,
                                       gint64               value);
void        cl_cli_json_bool          (JsonBuilder         *b,
                                       const char          *member,
                                       gboolean             value);
void        cl_cli_json_double        (JsonBuilder         *b,
                                       const char          *member,
                                       double               value);

/* --- commands --- */

/* cl-cli-store.c */
int cl_cli_init          (ClCli *cli, int argc, char **argv);
int cl_cli_backup        (ClCli *cli, int argc, char **argv);
int cl_cli_check         (ClCli *cli, int argc, char **argv);

/* cl-cli-people.c */
int cl_cli_demo          (ClCli *cli, int argc, char **argv);
int cl_cli_schools_list  (ClCli *cli, int argc, char **argv);
int cl_cli_schools_add   (ClCli *cli, int argc, char **argv);
int cl_cli_pupils_list   (ClCli *cli, int argc, char **argv);
int cl_cli_pupils_add    (ClCli *cli, int argc, char **argv);
int cl_cli_upn_check     (ClCli *cli, int argc, char **argv);
int cl_cli_guardians_list (ClCli *cli, int argc, char **argv);
int cl_cli_guardians_add  (ClCli *cli, int argc, char **argv);

/* cl-cli-attendance.c */
int cl_cli_import              (ClCli *cli, int argc, char **argv);
int cl_cli_attendance          (ClCli *cli, int argc, char **argv);
int cl_cli_stats               (ClCli *cli, int argc, char **argv);
int cl_cli_penalty_check       (ClCli *cli, int argc, char **argv);
int cl_cli_alerts              (ClCli *cli, int argc, char **argv);
int cl_cli_codes_list          (ClCli *cli, int argc, char **argv);
int cl_cli_codes_set_category  (ClCli *cli, int argc, char **argv);
int cl_cli_calendar_show       (ClCli *cli, int argc, char **argv);
int cl_cli_calendar_add        (ClCli *cli, int argc, char **argv);
int cl_cli_calendar_standard   (ClCli *cli, int argc, char **argv);

/* cl-cli-casework.c */
int cl_cli_officers_list       (ClCli *cli, int argc, char **argv);
int cl_cli_cases_list          (ClCli *cli, int argc, char **argv);
int cl_cli_cases_open          (ClCli *cli, int argc, char **argv);
int cl_cli_cases_close         (ClCli *cli, int argc, char **argv);
int cl_cli_cases_reopen        (ClCli *cli, int argc, char **argv);
int cl_cli_cases_reassign      (ClCli *cli, int argc, char **argv);
int cl_cli_cases_stage         (ClCli *cli, int argc, char **argv);
int cl_cli_cases_show          (ClCli *cli, int argc, char **argv);
int cl_cli_events_add          (ClCli *cli, int argc, char **argv);
int cl_cli_events_correct      (ClCli *cli, int argc, char **argv);
int cl_cli_events_done         (ClCli *cli, int argc, char **argv);
int cl_cli_queue               (ClCli *cli, int argc, char **argv);
int cl_cli_caseload            (ClCli *cli, int argc, char **argv);
int cl_cli_mileage             (ClCli *cli, int argc, char **argv);

/* cl-cli-documents.c */
int cl_cli_letters             (ClCli *cli, int argc, char **argv);
int cl_cli_report_governors    (ClCli *cli, int argc, char **argv);
int cl_cli_chart               (ClCli *cli, int argc, char **argv);
int cl_cli_templates_list      (ClCli *cli, int argc, char **argv);
int cl_cli_templates_show      (ClCli *cli, int argc, char **argv);
int cl_cli_templates_import    (ClCli *cli, int argc, char **argv);
int cl_cli_templates_export    (ClCli *cli, int argc, char **argv);
int cl_cli_letterhead          (ClCli *cli, int argc, char **argv);

G_END_DECLS
