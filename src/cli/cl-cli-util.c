/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cl-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cli/cl-cli-private.h"

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

void
cl_cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  gsize length = 0;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  /* JSON is UTF-8 whatever the locale: write the bytes, never g_print. */
  fwrite (data, 1, length, stdout);
  fputc ('\n', stdout);
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
