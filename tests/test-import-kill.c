/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An import killed with SIGKILL at random moments leaves the database as it
 * was: SQLite's integrity check passes and every register is wholly the old
 * one or wholly the new one — never a mixture. Runs the built caseload-cli
 * (CASELOAD_CLI), since a kill must hit a real, separate process. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "people/cl-upn.h"
#include "store/cl-database.h"

#define N_PUPILS 3000
#define N_KILLS  8

static void
write_register (const char *path,
                char        am,
                char        pm)
{
  g_autoptr(GString) csv = g_string_new ("UPN,Date,Session,Mark\n");
  GDate day;

  for (guint p = 0; p < N_PUPILS; p++)
    {
      g_autofree char *upn = cl_upn_build (801, 4001 + p / 1000, 18, p % 1000);

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, G_DATE_SEPTEMBER, 2025);
      for (int d = 0; d < 120; d++, g_date_add_days (&day, 1))
        {
          if (g_date_get_weekday (&day) >= G_DATE_SATURDAY)
            continue;
          g_string_append_printf (csv, "%s,%04d-%02d-%02d,AM,%c\n%s,%04d-%02d-%02d,PM,%c\n",
                                  upn, g_date_get_year (&day), g_date_get_month (&day),
                                  g_date_get_day (&day), am, upn, g_date_get_year (&day),
                                  g_date_get_month (&day), g_date_get_day (&day), pm);
        }
    }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
}

static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open (path, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_true (cl_database_begin (db, &error));
  g_assert_true (cl_database_exec (db,
                                   "INSERT INTO school (id, urn, la_code, estab, name, type, phase,"
                                   " created_at, updated_at) VALUES (1, 123456, 801, 4001,"
                                   " 'Kill Test Academy', 'academy', 'secondary', 'x', 'x')",
                                   &error));
  stmt = cl_database_prepare (db,
                              "INSERT INTO pupil (upn, legal_forename, legal_surname, dob, sex,"
                              " created_at, updated_at) VALUES (?, 'A', 'B', '2012-05-05', 'F',"
                              " 'x', 'x')",
                              &error);
  for (guint p = 0; p < N_PUPILS; p++)
    {
      g_autofree char *upn = cl_upn_build (801, 4001 + p / 1000, 18, p % 1000);
      sqlite3_bind_text (stmt, 1, upn, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  g_assert_true (cl_database_exec (db,
                                   "INSERT INTO enrolment (pupil_id, school_id, start_date)"
                                   " SELECT id, 1, '2025-09-01' FROM pupil",
                                   &error));
  g_assert_true (cl_database_commit (db, &error));
}

static GSubprocess *
spawn_import (const char *db,
              const char *csv)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                          | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                        &error, g_getenv ("CASELOAD_CLI"), "--db", db, "import",
                                        csv, "--school", "123456", NULL);
  g_assert_no_error (error);
  return proc;
}

/* pupil id → register blob, as a hash of the whole set for comparison. */
static GHashTable *
snapshot (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClDatabase) db = cl_database_open (path, &error);
  GHashTable *blobs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  stmt = cl_database_prepare (db, "PRAGMA integrity_check", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_reset (stmt);

  stmt = cl_database_prepare (db, "SELECT pupil_id, marks FROM register", &error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (blobs, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1)));
  sqlite3_reset (stmt);
  return blobs;
}

static gboolean
same (GHashTable *a,
      GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GBytes *other = g_hash_table_lookup (b, key);
      if (other == NULL || !g_bytes_equal (value, other))
        return FALSE;
    }
  return TRUE;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, len, NULL));
}

static void
test_kill (void)
{
  g_autofree char *dir = g_dir_make_tmp ("caseload-kill-XXXXXX", NULL);
  g_autofree char *base = g_build_filename (dir, "base.db", NULL);
  g_autofree char *work = g_build_filename (dir, "work.db", NULL);
  g_autofree char *first = g_build_filename (dir, "first.csv", NULL);
  g_autofree char *second = g_build_filename (dir, "second.csv", NULL);
  g_autoptr(GHashTable) old_state = NULL;
  g_autoptr(GHashTable) new_state = NULL;
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (20251120);
  gint64 start, duration;
  guint mixed = 0, killed_mid = 0;

  make_database (base);
  write_register (first, '/', '\\');
  write_register (second, 'I', 'I');

  /* The "old" state: the first register imported to completion. */
  {
    g_autoptr(GSubprocess) proc = spawn_import (base, first);
    g_assert_true (g_subprocess_wait_check (proc, NULL, &error));
    g_assert_no_error (error);
  }
  old_state = snapshot (base);
  g_assert_cmpuint (g_hash_table_size (old_state), ==, N_PUPILS);

  /* The "new" state, and how long a whole import of the second file takes. */
  copy_file (base, work);
  start = g_get_monotonic_time ();
  {
    g_autoptr(GSubprocess) proc = spawn_import (work, second);
    g_assert_true (g_subprocess_wait_check (proc, NULL, &error));
  }
  duration = g_get_monotonic_time () - start;
  new_state = snapshot (work);
  g_assert_false (same (old_state, new_state));

  for (int k = 0; k < N_KILLS; k++)
    {
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GHashTable) state = NULL;
      gint64 delay = (gint64) (duration * g_rand_double_range (rand, 0.05, 0.98));

      copy_file (base, work);
      proc = spawn_import (work, second);
      g_usleep (delay);
      g_subprocess_force_exit (proc);
      g_subprocess_wait (proc, NULL, NULL);
      if (g_subprocess_get_if_signaled (proc))
        killed_mid++;

      state = snapshot (work);
      if (!same (state, old_state) && !same (state, new_state))
        mixed++;
      g_test_message ("kill %d after %.0f ms of %.0f: %s", k, delay / 1000.0, duration / 1000.0,
                      same (state, old_state) ? "old" : same (state, new_state) ? "new" : "MIXED");
    }
  g_assert_cmpuint (mixed, ==, 0);
  /* The kills must really have landed while the import ran. */
  g_assert_cmpuint (killed_mid, >=, N_KILLS / 2);

  g_rand_free (rand);
  for (const char *const *name = (const char *const[]) { "base.db", "work.db", "work.db-wal",
                                                          "work.db-shm", "base.db-wal",
                                                          "base.db-shm", "first.csv",
                                                          "second.csv", NULL };
       *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("CASELOAD_CLI") == NULL)
    {
      g_print ("1..0 # SKIP CASELOAD_CLI does not name the built caseload-cli\n");
      return 0;
    }
  g_test_add_func ("/import/killed-midway", test_kill);
  return g_test_run ();
}
