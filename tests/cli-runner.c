/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-runner.h"

void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

const char *
cli_path (void)
{
  return g_getenv ("CASELOAD_CLI");
}

void
run_argv (Result             *r,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  result_clear (r);
  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  r->status = g_subprocess_get_exit_status (proc);
}

void
run (Result     *r,
     const char *db,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  const char *arg;

  if (db != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--db");
      g_ptr_array_add (args, (gpointer) db);
    }
  va_start (ap, db);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_argv (r, (const char * const *) args->pdata);
}

void
assert_ok (const Result *r)
{
  if (r->status != 0)
    g_error ("caseload-cli exited with %d: %s", r->status, r->err);
}

void
assert_refused (const Result *r,
                int           status,
                const char   *words)
{
  if (r->status != status || strstr (r->err, words) == NULL)
    g_error ("expected exit %d with “%s”, got %d: %s", status, words, r->status, r->err);
}

static JsonNode *
parse (const char *json,
       JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_parser_get_root (parser);
}

JsonArray *
parse_array (const char *json,
             JsonParser *parser)
{
  JsonNode *root = parse (json, parser);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_node_get_array (root);
}

JsonObject *
parse_object (const char *json,
              JsonParser *parser)
{
  JsonNode *root = parse (json, parser);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}
