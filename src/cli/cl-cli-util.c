/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <math.h>
#include <string.h>

#include "cli/cl-cli-private.h"
#include "people/cl-people-error.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"
#include "people/cl-upn.h"
#include "store/cl-dates.h"

ClDatabase *
cl_cli_open_database (ClCli     *cli,
                      gboolean   create,
                      GError   **error)
{
  if (cli->db != NULL)
    return cli->db;

  if (!create && !g_file_test (cli->db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no database at “%s”. Create one with “caseload-cli init”, or "
                     "name another with --db PATH."),
                   cli->db_path);
      return NULL;
    }

  cli->db = cl_database_open (cli->db_path, error);
  if (cli->db != NULL)
    cl_database_set_actor (cli->db, g_get_user_name ());
  return cli->db;
}

GOptionContext *
cl_cli_option_context (const char         *command,
                       const char         *parameters,
                       const char         *summary,
                       const GOptionEntry *entries)
{
  g_autofree char *prgname = g_strconcat ("caseload-cli ", command, NULL);
  GOptionContext *context;

  /* --help then reads "Usage: caseload-cli schools add [OPTION…]". */
  g_set_prgname (prgname);
  context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

gboolean
cl_cli_parse (GOptionContext   *context,
              const char       *command,
              int              *argc,
              char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  g_printerr ("caseload-cli %s: %s\n", command, error->message);
  g_printerr (_("Run “caseload-cli %s --help” to see its options.\n"), command);
  return FALSE;
}

int
cl_cli_usage_error (const char *command,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("caseload-cli %s: %s\n", command, message);
  return CL_CLI_EXIT_USAGE;
}

int
cl_cli_failure (const char   *command,
                const GError *error)
{
  g_printerr ("caseload-cli %s: %s\n", command, error->message);
  return CL_CLI_EXIT_FAILURE;
}

gboolean
cl_cli_parse_number (const char *text,
                     guint       n_digits,
                     guint64     min,
                     guint64     max,
                     guint64    *out)
{
  guint64 value;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (n_digits > 0 && strlen (text) != n_digits)
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    return FALSE;
  *out = value;
  return TRUE;
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_indent (GString *out,
               int      depth)
{
  g_string_append_c (out, '\n');
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_json (GString  *out,
             JsonNode *node,
             int       depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            append_indent (out, depth + 1);
            append_json_string (out, l->data);
            g_string_append (out, ": ");
            append_json (out, json_object_get_member (object, l->data), depth + 1);
          }
        if (!first)
          append_indent (out, depth);
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_indent (out, depth + 1);
            append_json (out, json_array_get_element (array, i), depth + 1);
          }
        if (n > 0)
          append_indent (out, depth);
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          append_json_string (out, json_node_get_string (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_DOUBLE)
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            double value = json_node_get_double (node);

            /* The fewest decimals that read back to the same double; %g
             * forms for the very large or small. */
            if (fabs (value) < 1e15 && (value == 0.0 || fabs (value) >= 1e-6))
              for (int decimals = 0; decimals <= 17; decimals++)
                {
                  char format[8];
                  g_snprintf (format, sizeof format, "%%.%df", decimals);
                  g_ascii_formatd (buf, sizeof buf, format, value);
                  if (g_ascii_strtod (buf, NULL) == value)
                    break;
                }
            else
              g_ascii_dtostr (buf, sizeof buf, value);
            g_string_append (out, buf);
            /* Keep a decimal point on whole numbers, so 95.0 reads as a figure. */
            if (strpbrk (buf, ".eEn") == NULL)
              g_string_append (out, ".0");
          }
        else
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        break;
      }
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

void
cl_cli_print_json (JsonNode *root)
{
  g_autoptr(GString) out = g_string_new (NULL);

  /* Written by hand rather than with JsonGenerator: json-glib 1.6 prints
   * doubles with %.17g, so a figure rounded to 92.4 would come out as
   * 92.400000000000006. Here doubles take the shortest form that reads back
   * to the same value. */
  append_json (out, root, 0);
  g_string_append_c (out, '\n');
  /* JSON is UTF-8 whatever the locale: write the bytes, never g_print. */
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
}

/* --- aligned columns --------------------------------------------------------------- */

struct _ClCliTable
{
  guint      n_columns;
  GPtrArray *rows;      /* GStrv, the headers first */
  gboolean  *right;
};

ClCliTable *
cl_cli_table_new (guint              n_columns,
                  const char * const *headers)
{
  ClCliTable *table = g_new0 (ClCliTable, 1);

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->right = g_new0 (gboolean, n_columns);
  cl_cli_table_add (table, headers);
  return table;
}

void
cl_cli_table_set_right (ClCliTable *table,
                        guint       column)
{
  g_return_if_fail (column < table->n_columns);
  table->right[column] = TRUE;
}

void
cl_cli_table_add (ClCliTable         *table,
                  const char * const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

guint
cl_cli_table_get_n_rows (ClCliTable *table)
{
  return table->rows->len - 1;
}

void
cl_cli_table_print (ClCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      g_string_truncate (line, 0);
      for (guint c = 0; c < table->n_columns; c++)
        {
          guint pad = widths[c] - (guint) g_utf8_strlen (row[c], -1);
          gboolean last = c + 1 == table->n_columns;

          if (c > 0)
            g_string_append (line, "  ");
          if (table->right[c])
            {
              for (guint i = 0; i < pad; i++)
                g_string_append_c (line, ' ');
              g_string_append (line, row[c]);
            }
          else
            {
              g_string_append (line, row[c]);
              for (guint i = 0; !last && i < pad; i++)
                g_string_append_c (line, ' ');
            }
        }
      g_print ("%s\n", line->str);
    }
}

void
cl_cli_table_free (ClCliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table->right);
  g_free (table);
}

/* --- options and lookups shared by the commands ----------------------------------- */

gboolean
cl_cli_date_option (const char  *command,
                    const char  *option,
                    char       **text,
                    int         *status)
{
  GDate date;

  if (*text == NULL)
    return TRUE;
  if (!cl_date_parse (*text, &date))
    {
      *status = cl_cli_usage_error (command, _("%s: “%s” is not a date (use YYYY-MM-DD)"),
                                    option, *text);
      return FALSE;
    }
  g_free (*text);
  *text = cl_date_to_iso (&date);
  return TRUE;
}

ClSchool *
cl_cli_find_school (ClCli      *cli,
                    const char *command,
                    const char *urn_text,
                    int        *status)
{
  g_autoptr(ClSchoolRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  ClSchool *school;
  guint64 urn;

  if (!cl_cli_parse_number (urn_text, 6, 100000, 999999, &urn))
    {
      *status = cl_cli_usage_error (command, _("--school: “%s” is not a six-digit URN"), urn_text);
      return NULL;
    }
  repo = cl_school_repository_new (cli->db);
  school = cl_school_repository_get_by_urn (repo, (guint) urn, &error);
  if (school == NULL)
    {
      if (error == NULL || g_error_matches (error, CL_PEOPLE_ERROR, CL_PEOPLE_ERROR_NOT_FOUND))
        {
          g_printerr (_("caseload-cli %s: --school: no school has URN %u\n"), command,
                      (guint) urn);
          *status = CL_CLI_EXIT_FAILURE;
        }
      else
        *status = cl_cli_failure (command, error);
    }
  return school;
}

ClPupil *
cl_cli_find_pupil (ClCli      *cli,
                   const char *command,
                   const char *upn_text,
                   int        *status)
{
  g_autoptr(ClPupilRepository) repo = cl_pupil_repository_new (cli->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *upn = cl_upn_normalize (upn_text);
  ClPupil *pupil = cl_pupil_repository_get_by_upn (repo, upn, &error);

  if (pupil == NULL)
    *status = cl_cli_failure (command, error);
  return pupil;
}

void
cl_cli_progress_cb (double      fraction,
                    const char *text,
                    gpointer    user_data)
{
  g_printerr ("\r%-40s %3d %%", text, (int) (fraction * 100));
  if (fraction >= 1.0)
    g_printerr ("\n");
}

void
cl_cli_json_string (JsonBuilder *b,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value != NULL ? value : "");
}

void
cl_cli_json_string_or_null (JsonBuilder *b,
                            const char  *member,
                            const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
cl_cli_json_int (JsonBuilder *b,
                 const char  *member,
                 gint64       value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

void
cl_cli_json_bool (JsonBuilder *b,
                  const char  *member,
                  gboolean     value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_boolean_value (b, value);
}

void
cl_cli_json_double (JsonBuilder *b,
                    const char  *member,
                    double       value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_double_value (b, value);
}
