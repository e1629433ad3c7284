/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "store/cl-audit.h"
#include "store/cl-database.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("caseload-store-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "sub", "caseload.db", NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) en =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (en != NULL && (info = g_file_enumerator_next_file (en, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
      g_autofree char *child_path = g_file_get_path (child);
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child_path);
      else
        g_unlink (child_path);
      g_object_unref (info);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
count_rows (ClDatabase *db, const char *sql)
{
  sqlite3_stmt *stmt = cl_database_prepare (db, sql, NULL);
  int n;
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
test_create_and_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open (f->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (cl_database_get_schema_version (db), ==, cl_database_latest_schema_version ());
  g_assert_cmpint (count_rows (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count_rows (db, "PRAGMA application_id"), ==, CL_DATABASE_APPLICATION_ID);
  g_assert_true (cl_database_set_setting (db, "authority", "Wrexham", &error));
  g_clear_object (&db);

  db = cl_database_open (f->path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *v = cl_database_get_setting (db, "authority");
    g_assert_cmpstr (v, ==, "Wrexham");
  }
  {
    sqlite3_stmt *stmt = cl_database_prepare (db, "PRAGMA journal_mode", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_reset (stmt);
  }
}

static void
assert_refused_unchanged (const char *path, const char *contents, gsize len, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = NULL;
  g_autofree char *after = NULL;
  gsize after_len;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  db = cl_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, CL_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "left unchanged"));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, contents, len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_not_sqlite (Fixture *f, gconstpointer data)
{
  const char *text = "UPN,Date,Session,Mark\nB801200005001,2025-09-04,AM,/\n"
                     "this is a spreadsheet export, not a database, and is long enough "
                     "to pass the header length check of one hundred bytes or so.\n";
  g_autofree char *path = g_build_filename (f->dir, "register.csv", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  assert_refused_unchanged (path, text, strlen (text), CL_STORE_ERROR_NOT_CASELOAD);
}

static void
test_refuse_foreign_sqlite (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  sqlite3 *other;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE t (x); INSERT INTO t VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  assert_refused_unchanged (path, contents, len, CL_STORE_ERROR_NOT_CASELOAD);
}

static void
test_refuse_newer (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open (f->path, &error);
  g_autofree char *contents = NULL;
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d",
                                           cl_database_latest_schema_version () + 1);
  gsize len;

  g_assert_no_error (error);
  g_assert_true (cl_database_exec (db, bump, &error));
  g_assert_true (cl_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE",
                                   &error));
  g_clear_object (&db);

  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  assert_refused_unchanged (f->path, contents, len, CL_STORE_ERROR_TOO_NEW);
}

static gboolean
insert_then_fail (ClDatabase *db, gpointer user_data, GError **error)
{
  if (!cl_database_set_setting (db, "k", "inside", error))
    return FALSE;
  g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_SQL, "deliberate");
  return FALSE;
}

static gboolean
insert_ok (ClDatabase *db, gpointer user_data, GError **error)
{
  return cl_database_set_setting (db, "k", user_data, error);
}

static void
test_transaction_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open (f->path, &error);
  g_autofree char *v = NULL;

  g_assert_true (cl_database_run_in_transaction (db, insert_ok, (gpointer) "before", &error));
  g_assert_false (cl_database_run_in_transaction (db, insert_then_fail, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_SQL);
  g_clear_error (&error);
  v = cl_database_get_setting (db, "k");
  g_assert_cmpstr (v, ==, "before");
  g_assert_false (cl_database_in_transaction (db));

  /* Nested: the inner failure rolls back only the inner part. */
  g_assert_true (cl_database_begin (db, &error));
  g_assert_true (cl_database_set_setting (db, "outer", "yes", &error));
  g_assert_false (cl_database_run_in_transaction (db, insert_then_fail, NULL, &error));
  g_clear_error (&error);
  g_assert_true (cl_database_commit (db, &error));
  g_free (v);
  v = cl_database_get_setting (db, "outer");
  g_assert_cmpstr (v, ==, "yes");
  g_free (v);
  v = cl_database_get_setting (db, "k");
  g_assert_cmpstr (v, ==, "before");
}

static void
test_backup_and_check (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open (f->path, &error);
  g_autoptr(ClDatabase) copy = NULL;
  g_autofree char *dest = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *v = NULL;

  g_assert_true (cl_database_set_setting (db, "authority", "Powys", &error));
  g_assert_true (cl_database_backup (db, dest, &error));
  g_assert_no_error (error);
  copy = cl_database_open (dest, &error);
  g_assert_no_error (error);
  v = cl_database_get_setting (copy, "authority");
  g_assert_cmpstr (v, ==, "Powys");
  g_assert_true (cl_database_check (copy, &error));
  g_assert_no_error (error);
}

static void
test_audit_chain (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open (f->path, &error);
  gint64 n = 0;

  cl_database_set_actor (db, "officer:1");
  for (int i = 0; i < 5; i++)
    g_assert_true (cl_audit_append (db, "update", "pupil", i + 1, "legal_surname", &error));
  g_assert_true (cl_audit_verify (db, &n, &error));
  g_assert_cmpint (n, ==, 5);

  /* Direct edits are refused by trigger... */
  g_assert_false (cl_database_exec (db, "UPDATE audit_log SET actor = 'x' WHERE id = 3", &error));
  g_clear_error (&error);
  /* ...and one that gets past the trigger is detected. */
  g_assert_true (cl_database_exec (db,
                                   "DROP TRIGGER audit_log_no_update;"
                                   "UPDATE audit_log SET actor = 'someone else' WHERE id = 3",
                                   &error));
  g_assert_false (cl_audit_verify (db, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, "entry 3"));
  g_clear_error (&error);
  g_assert_false (cl_database_check (db, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INTEGRITY);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/create-and-reopen", test_create_and_reopen);
  ADD ("/store/refuse/not-sqlite", test_refuse_not_sqlite);
  ADD ("/store/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("/store/refuse/newer-schema", test_refuse_newer);
  ADD ("/store/transaction/rollback", test_transaction_rollback);
  ADD ("/store/backup-and-check", test_backup_and_check);
  ADD ("/store/audit-chain", test_audit_chain);
#undef ADD

  return g_test_run ();
}
