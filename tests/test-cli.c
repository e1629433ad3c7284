/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cli-runner.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "people/cl-upn.h"

/* Runs the built caseload-cli (its path in CASELOAD_CLI, set by meson) on
 * temporary databases, and checks what a script would see: exit status,
 * stdout and stderr. */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("caseload-cli-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->db = g_build_filename (f->dir, "caseload.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* --- tests --------------------------------------------------------------------------- */

static void
test_init (Fixture       *f,
           gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autofree char *expected = g_strconcat (f->db, "\n", NULL);

  run (&r, f->db, "init", NULL);
  assert_ok (&r);
  g_assert_cmpstr (r.out, ==, expected);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Result) r = { 0 };

  run (&r, NULL, "--version", NULL);
  assert_ok (&r);
  g_assert_true (g_str_has_prefix (r.out, "caseload-cli "));
  result_clear (&r);

  run (&r, NULL, "--help", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "schools add"));
  g_assert_nonnull (strstr (r.out, "upn-check"));
  result_clear (&r);

  run (&r, f->db, "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "frobnicate"));
  result_clear (&r);

  run (&r, f->db, "schools", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "list, add"));
  result_clear (&r);

  run (&r, f->db, "schools", "list", "--frob", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--frob"));
  result_clear (&r);

  /* Reading commands never create a database that is not there. */
  run (&r, f->db, "check", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "caseload-cli init"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_schools (Fixture       *f,
              gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *schools;
  JsonObject *school;

  run (&r, f->db, "init", NULL);
  assert_ok (&r);
  result_clear (&r);

  run (&r, f->db, "schools", "add", "--urn", "123456", "--name", "Hillside Academy",
       "--type", "academy", "--la", "873", "--estab", "4001", "--roll", "850", NULL);
  assert_ok (&r);
  result_clear (&r);
  /* The friendly spelling of a type, a Welsh LA code and an explicit phase. */
  run (&r, f->db, "schools", "add", "--urn", "401234", "--name", "Ysgol Gymraeg Bro Dyfi",
       "--type", "LA-maintained", "--la", "666", "--estab", "2101", "--phase", "primary", NULL);
  assert_ok (&r);
  result_clear (&r);

  /* An unknown type: refused, naming --type and the valid ones; nothing added. */
  run (&r, f->db, "schools", "add", "--urn", "123457", "--name", "Oakfield School",
       "--type", "comprehensive", "--la", "873", "--estab", "4002", NULL);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "--type"));
  g_assert_nonnull (strstr (r.err, "free_school"));
  result_clear (&r);
  run (&r, f->db, "schools", "add", "--urn", "12", "--name", "Oakfield School",
       "--type", "academy", "--la", "873", "--estab", "4002", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--urn: “12” is not a six-digit URN"));
  result_clear (&r);
  run (&r, f->db, "schools", "add", "--urn", "123458", "--name", "Oakfield School",
       "--type", "academy", "--la", "873", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--estab"));
  result_clear (&r);
  /* The same URN twice: refused by the store. */
  run (&r, f->db, "schools", "add", "--urn", "123456", "--name", "Hillside Again",
       "--type", "academy", "--la", "873", "--estab", "4009", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "123456"));
  result_clear (&r);

  run (&r, f->db, "schools", "list", "--json", NULL);
  assert_ok (&r);
  schools = parse_array (r.out, parser);
  g_assert_cmpuint (json_array_get_length (schools), ==, 2);
  /* Sorted by name. */
  school = json_array_get_object_element (schools, 0);
  g_assert_cmpint (json_object_get_int_member (school, "urn"), ==, 123456);
  g_assert_cmpstr (json_object_get_string_member (school, "name"), ==, "Hillside Academy");
  g_assert_cmpstr (json_object_get_string_member (school, "dfe_number"), ==, "873/4001");
  g_assert_cmpstr (json_object_get_string_member (school, "type"), ==, "academy");
  g_assert_cmpstr (json_object_get_string_member (school, "phase"), ==, "secondary");
  g_assert_cmpstr (json_object_get_string_member (school, "country"), ==, "england");
  g_assert_cmpint (json_object_get_int_member (school, "number_on_roll"), ==, 850);
  g_assert_cmpint (json_object_get_int_member (school, "pupils"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (school, "id"), >, 0);
  g_assert_true (json_object_get_null_member (school, "link_officer"));
  school = json_array_get_object_element (schools, 1);
  g_assert_cmpstr (json_object_get_string_member (school, "type"), ==, "la_maintained");
  g_assert_cmpstr (json_object_get_string_member (school, "country"), ==, "wales");
  result_clear (&r);

  run (&r, f->db, "schools", "list", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "Hillside Academy"));
  g_assert_nonnull (strstr (r.out, "873/4001"));
}

static void
test_pupils (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *pupils;
  JsonObject *pupil;

  run (&r, f->db, "schools", "add", "--urn", "123456", "--name", "St Teilo's Church in Wales "
       "Primary School", "--type", "la_maintained", "--la", "801", "--estab", "2000", NULL);
  assert_ok (&r);
  result_clear (&r);

  /* A wrong check letter: status 1, the rule that failed, nothing added. */
  run (&r, f->db, "pupils", "add", "--upn", "B801200005002", "--forename", "Siân",
       "--surname", "ap Huw", "--dob", "2015-03-04", "--sex", "F", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "check letter"));
  g_assert_nonnull (strstr (r.err, "B801200005002"));
  result_clear (&r);
  run (&r, f->db, "pupils", "list", "--json", NULL);
  assert_ok (&r);
  g_assert_cmpuint (json_array_get_length (parse_array (r.out, parser)), ==, 0);
  result_clear (&r);

  /* Bad dates and sexes are usage errors. */
  run (&r, f->db, "pupils", "add", "--upn", "B801200005001", "--forename", "Siân",
       "--surname", "ap Huw", "--dob", "2015-02-30", "--sex", "F", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--dob"));
  result_clear (&r);
  run (&r, f->db, "pupils", "add", "--upn", "B801200005001", "--forename", "Siân",
       "--surname", "ap Huw", "--dob", "2015-03-04", "--sex", "X", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--sex"));
  result_clear (&r);
  run (&r, f->db, "pupils", "add", "--upn", "B801200005001", "--forename", "Siân",
       "--surname", "ap Huw", "--dob", "2015-03-04", "--sex", "F", "--school", "999999", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "999999"));
  result_clear (&r);

  /* Valid, lower case and DD/MM/YYYY accepted; at the school from a date. */
  run (&r, f->db, "pupils", "add", "--upn", "b801200005001", "--forename", "Siân",
       "--surname", "ap Huw", "--dob", "04/03/2015", "--sex", "f", "--school", "123456",
       "--start", "2019-09-04", NULL);
  assert_ok (&r);
  result_clear (&r);
  run (&r, f->db, "pupils", "add", "--upn", "H801200001001", "--forename", "Zoë",
       "--surname", "O'Brien-Kowalska", "--dob", "2014-10-01", "--sex", "F", NULL);
  assert_ok (&r);
  result_clear (&r);
  /* The same UPN twice is refused. */
  run (&r, f->db, "pupils", "add", "--upn", "H801200001001", "--forename", "Zoë",
       "--surname", "Smith", "--dob", "2014-10-01", "--sex", "F", NULL);
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);

  run (&r, f->db, "pupils", "list", "--json", NULL);
  assert_ok (&r);
  pupils = parse_array (r.out, parser);
  g_assert_cmpuint (json_array_get_length (pupils), ==, 2);
  pupil = json_array_get_object_element (pupils, 0);
  g_assert_cmpstr (json_object_get_string_member (pupil, "upn"), ==, "B801200005001");
  g_assert_cmpstr (json_object_get_string_member (pupil, "legal_forename"), ==, "Siân");
  g_assert_cmpstr (json_object_get_string_member (pupil, "surname"), ==, "ap Huw");
  g_assert_cmpstr (json_object_get_string_member (pupil, "dob"), ==, "2015-03-04");
  g_assert_cmpstr (json_object_get_string_member (pupil, "sex"), ==, "F");
  g_assert_cmpint (json_object_get_int_member (pupil, "school_urn"), ==, 123456);
  g_assert_cmpint (json_object_get_int_member (pupil, "nc_year"), ==, 6);
  g_assert_false (json_object_get_boolean_member (pupil, "fsm"));
  g_assert_true (json_object_has_member (pupil, "looked_after"));
  pupil = json_array_get_object_element (pupils, 1);
  g_assert_cmpstr (json_object_get_string_member (pupil, "legal_surname"), ==, "O'Brien-Kowalska");
  g_assert_true (json_object_get_null_member (pupil, "school_urn"));
  g_assert_true (json_object_get_null_member (pupil, "school"));
  result_clear (&r);

  run (&r, f->db, "pupils", "list", "--school", "123456", "--json", NULL);
  assert_ok (&r);
  g_assert_cmpuint (json_array_get_length (parse_array (r.out, parser)), ==, 1);
  result_clear (&r);

  run (&r, f->db, "pupils", "list", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "O'Brien-Kowalska"));
  g_assert_nonnull (strstr (r.out, "Year 6"));
}

static void
test_upn_check (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_auto(GStrv) lines = NULL;

  run (&r, NULL, "upn-check", "B801200005001", "H801200001001", "G80120000101A", NULL);
  assert_ok (&r);
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);

  run (&r, NULL, "upn-check", "B801200005002", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "B801200005002: wrong check letter at character 1 (should be Q)\n");
  result_clear (&r);

  /* One line per invalid UPN, each naming its rule; valid ones are silent. */
  run (&r, NULL, "upn-check", "B801200005001", "B80120000500", "I801200005001",
       "B8012000X5001", NULL);
  g_assert_cmpint (r.status, ==, 1);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);  /* three and the empty tail */
  g_assert_true (g_str_has_prefix (lines[0], "B80120000500: "));
  g_assert_nonnull (strstr (lines[0], "13"));
  g_assert_true (g_str_has_prefix (lines[1], "I801200005001: "));
  g_assert_nonnull (strstr (lines[1], "character 1"));
  g_assert_true (g_str_has_prefix (lines[2], "B8012000X5001: "));
  g_assert_nonnull (strstr (lines[2], "5–12"));
  result_clear (&r);

  run (&r, NULL, "upn-check", NULL);
  g_assert_cmpint (r.status, ==, 2);
}

static char *
demo_json (Fixture    *f,
           const char *name,
           const char *what)
{
  g_auto(Result) r = { 0 };
  g_autofree char *db = path_in (f, name);

  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      run (&r, db, "demo", "--schools", "4", "--pupils", "200", "--seed", "7", NULL);
      assert_ok (&r);
      g_assert_nonnull (strstr (r.out, "200 pupils"));
      result_clear (&r);
    }
  run (&r, db, what, "list", "--json", NULL);
  assert_ok (&r);
  return g_steal_pointer (&r.out);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *pupils_a = demo_json (f, "a.db", "pupils");
  g_autofree char *pupils_b = demo_json (f, "b.db", "pupils");
  g_autofree char *schools_a = demo_json (f, "a.db", "schools");
  g_autofree char *schools_b = demo_json (f, "b.db", "schools");
  g_autofree char *db = path_in (f, "a.db");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Result) r = { 0 };
  JsonArray *pupils;

  pupils = parse_array (pupils_a, parser);
  g_assert_cmpuint (json_array_get_length (pupils), ==, 200);
  for (guint i = 0; i < 200; i++)
    {
      JsonObject *pupil = json_array_get_object_element (pupils, i);
      const char *upn = json_object_get_string_member (pupil, "upn");

      g_assert_cmpint (cl_upn_check (upn, NULL), ==, CL_UPN_VALID);
      g_assert_false (json_object_get_null_member (pupil, "school_urn"));
    }

  /* The same seed on two fresh files gives the very same authority. */
  g_assert_cmpstr (pupils_a, ==, pupils_b);
  g_assert_cmpstr (schools_a, ==, schools_b);
  g_assert_cmpuint (json_array_get_length (parse_array (schools_a, parser)), ==, 4);

  /* A database that already has pupils is refused, and left alone. */
  run (&r, db, "demo", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "empty"));
  result_clear (&r);
  run (&r, db, "demo", "--pupils", "lots", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--pupils"));
  result_clear (&r);
  {
    g_autofree char *again = demo_json (f, "a.db", "pupils");
    g_assert_cmpstr (again, ==, pupils_a);
  }
}

static void
test_backup_and_check (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autofree char *copy = path_in (f, "backup.db");

  run (&r, f->db, "demo", "--schools", "3", "--pupils", "150", NULL);
  assert_ok (&r);
  result_clear (&r);

  run (&r, f->db, "backup", copy, NULL);
  assert_ok (&r);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  result_clear (&r);

  run (&r, copy, "check", NULL);
  assert_ok (&r);
  g_assert_cmpstr (r.out, ==, "ok\n");
  result_clear (&r);

  run (&r, copy, "pupils", "list", "--json", NULL);
  assert_ok (&r);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_assert_cmpuint (json_array_get_length (parse_array (r.out, parser)), ==, 150);
  }
  result_clear (&r);

  run (&r, f->db, "backup", NULL);
  g_assert_cmpint (r.status, ==, 2);
}

/* --- attendance commands ------------------------------------------------------------- */

static char *
fixture_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
add_school (Fixture *f)
{
  g_auto(Result) r = { 0 };

  run (&r, f->db, "init", NULL);
  assert_ok (&r);
  result_clear (&r);
  run (&r, f->db, "schools", "add", "--urn", "123456", "--name", "Oakfield Primary",
       "--type", "la_maintained", "--la", "801", "--estab", "2001", NULL);
  assert_ok (&r);
}

/* A register for H801200001001 at school 123456: two school weeks from
 * Monday 2025-09-08, AM coded G n_unauthorised times then /, PM present. */
static char *
write_penalty_register (Fixture *f,
                        guint    n_unauthorised)
{
  g_autoptr(GString) csv = g_string_new ("UPN,Surname,Forename,DOB,Date,Session,Mark\n");
  char *path = path_in (f, "penalty.csv");
  GDate day;
  guint n = 0;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 8, G_DATE_SEPTEMBER, 2025);
  for (int d = 0; d < 14; d++, g_date_add_days (&day, 1))
    {
      char iso[11];

      if (g_date_get_weekday (&day) >= G_DATE_SATURDAY)
        continue;
      g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&day),
                  g_date_get_month (&day), g_date_get_day (&day));
      g_string_append_printf (csv, "H801200001001,Nowak,Kacper,2013-01-02,%s,AM,%s\n", iso,
                              n++ < n_unauthorised ? "G" : "/");
      g_string_append_printf (csv, "H801200001001,Nowak,Kacper,2013-01-02,%s,PM,\\\n", iso);
    }
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));
  return path;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *clean = fixture_file ("register-clean.csv");
  g_autofree char *bad = fixture_file ("register-bad.csv");
  JsonObject *counts;

  add_school (f);

  run (&r, f->db, "import", clean, "--school", "123456", "--dry-run", "--json", NULL);
  assert_ok (&r);
  counts = parse_object (r.out, parser);
  g_assert_cmpint (json_object_get_int_member (counts, "pupils_created"), ==, 2);
  result_clear (&r);
  run (&r, f->db, "pupils", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (parse_array (r.out, parser)), ==, 0);
  result_clear (&r);

  run (&r, f->db, "import", clean, "--school", "123456", "--json", NULL);
  assert_ok (&r);
  counts = parse_object (r.out, parser);
  g_assert_cmpint (json_object_get_int_member (counts, "pupils_created"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "pupils_updated"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (counts, "sessions"), ==, 6);
  result_clear (&r);

  /* A file with problems: exit 1, every problem on stderr, nothing changed. */
  run (&r, f->db, "import", bad, "--school", "123456", "--json", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_nonnull (strstr (r.err, "register-bad.csv:2: UPN “B801200005002”: wrong check letter"));
  g_assert_nonnull (strstr (r.err, "register-bad.csv:9: session “XM” is not AM or PM"));
  result_clear (&r);
  run (&r, f->db, "pupils", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (parse_array (r.out, parser)), ==, 2);
  result_clear (&r);

  run (&r, f->db, "import", clean, "--format", "pdf", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--format"));
}

static void
test_attendance (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *clean = fixture_file ("register-clean.csv");
  JsonObject *o;

  add_school (f);
  run (&r, f->db, "import", clean, "--school", "123456", NULL);
  assert_ok (&r);
  result_clear (&r);

  /* Siân: present 8 Sep (2 sessions), G on 9 Sep (2 sessions). */
  run (&r, f->db, "attendance", "B801200005001", "--from", "2025-09-01", "--to", "2025-09-30",
       "--json", NULL);
  assert_ok (&r);
  o = parse_object (r.out, parser);
  g_assert_cmpstr (json_object_get_string_member (o, "upn"), ==, "B801200005001");
  g_assert_cmpint (json_object_get_int_member (o, "possible"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (o, "present"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "unauthorised"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (o, "attendance_percent"), ==, 50.0);
  g_assert_cmpfloat (json_object_get_double_member (o, "absence_percent"), ==, 50.0);
  g_assert_true (json_object_get_boolean_member (o, "persistent"));
  g_assert_true (json_object_get_boolean_member (o, "severe"));
  /* Printed to one decimal place, never 50.000000000000001. */
  g_assert_nonnull (strstr (r.out, "\"attendance_percent\": 50.0,"));
  result_clear (&r);

  /* Kacper: N then L on 8 Sep, and only the AM in range. */
  run (&r, f->db, "attendance", "H801200001001", "--from", "08/09/2025", "--to", "2025-09-08",
       "--json", NULL);
  assert_ok (&r);
  o = parse_object (r.out, parser);
  g_assert_cmpint (json_object_get_int_member (o, "possible"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "late"), ==, 1);
  result_clear (&r);

  run (&r, f->db, "attendance", "B801200005001", "--from", "2025-13-01", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run (&r, f->db, "attendance", "A801200005001", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "No pupil has the UPN"));
}

static void
test_penalty_and_alerts (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *nine = NULL;
  g_autofree char *ten = NULL;
  JsonObject *o;
  JsonArray *alerts;
  gboolean found = FALSE;

  add_school (f);
  nine = write_penalty_register (f, 9);
  run (&r, f->db, "import", nine, "--school", "123456", NULL);
  assert_ok (&r);
  result_clear (&r);
  run (&r, f->db, "penalty-check", "H801200001001", "--on", "2025-09-19", "--json", NULL);
  assert_ok (&r);
  o = parse_object (r.out, parser);
  g_assert_false (json_object_get_boolean_member (o, "threshold_met"));
  g_assert_cmpint (json_object_get_int_member (o, "sessions"), ==, 9);
  result_clear (&r);

  g_free (ten);
  ten = write_penalty_register (f, 10);
  run (&r, f->db, "import", ten, "--school", "123456", NULL);
  assert_ok (&r);
  result_clear (&r);
  run (&r, f->db, "penalty-check", "H801200001001", "--on", "2025-09-19", "--json", NULL);
  assert_ok (&r);
  o = parse_object (r.out, parser);
  g_assert_true (json_object_get_boolean_member (o, "threshold_met"));
  g_assert_cmpint (json_object_get_int_member (o, "sessions"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (o, "window_start"), ==, "2025-09-08");
  g_assert_cmpstr (json_object_get_string_member (o, "window_end"), ==, "2025-09-19");
  result_clear (&r);

  run (&r, f->db, "alerts", "--on", "2025-09-19", "--json", NULL);
  assert_ok (&r);
  alerts = parse_array (r.out, parser);
  for (guint i = 0; i < json_array_get_length (alerts); i++)
    {
      JsonObject *a = json_array_get_object_element (alerts, i);
      if (g_strcmp0 (json_object_get_string_member (a, "rule"), "penalty_threshold") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (a, "upn"), ==, "H801200001001");
          g_assert_cmpstr (json_object_get_string_member (a, "since"), ==, "2025-09-08");
          found = TRUE;
        }
    }
  g_assert_true (found);
  result_clear (&r);

  run (&r, f->db, "stats", "--school", "123456", "--from", "2025-09-01", "--to", "2025-09-30",
       "--by", "year", "--json", NULL);
  assert_ok (&r);
  o = parse_object (r.out, parser);
  g_assert_cmpint (json_object_get_int_member (o, "pupils"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "possible"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (o, "unauthorised"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (o, "persistent_count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "severe_count"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "groups")), >=, 1);
}

static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *csv = path_in (f, "snow.csv");
  JsonObject *o;

  add_school (f);
  run (&r, f->db, "calendar", "show", "--school", "123456", "--year", "2025", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "No calendar is stored"));

  run (&r, f->db, "calendar", "standard", "--school", "123456", "--year", "2025/26", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "190 days open to pupils"));
  run (&r, f->db, "calendar", "add", "--school", "123456", "--kind", "closure",
       "--from", "12/01/2026", "--name", "Snow", NULL);
  assert_ok (&r);
  run (&r, f->db, "calendar", "show", "--school", "123456", "--year", "2025", "--json", NULL);
  assert_ok (&r);
  o = parse_object (r.out, parser);
  g_assert_cmpint (json_object_get_int_member (o, "open_days"), ==, 189);

  /* A present mark on the snow day is refused by the import. */
  g_assert_true (g_file_set_contents (csv,
                                      "UPN,Surname,Forename,DOB,Date,Session,Mark\n"
                                      "B801200005001,Jones,Rhys,2015-02-02,2026-01-12,AM,/\n",
                                      -1, NULL));
  run (&r, f->db, "import", csv, "--school", "123456", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "snow.csv:2: UPN B801200005001, 2026-01-12 AM: mark “/” on a "
                                   "day the school was closed"));

  run (&r, f->db, "calendar", "standard", "--school", "123456", "--year", "2025", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "--replace"));
  run (&r, f->db, "calendar", "add", "--school", "123456", "--kind", "party", "--from",
       "2026-01-12", NULL);
  g_assert_cmpint (r.status, ==, 2);
}

static void
test_guardians (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *list;
  JsonObject *mother;

  add_school (f);
  run (&r, f->db, "pupils", "add", "--upn", "B801200005001", "--forename", "Kacper", "--surname",
       "Nowak", "--dob", "2014-01-02", "--sex", "M", "--school", "123456", NULL);
  assert_ok (&r);
  run (&r, f->db, "pupils", "add", "--upn", "H801200001001", "--forename", "Zofia", "--surname",
       "Nowak", "--dob", "2016-03-04", "--sex", "F", "--school", "123456", NULL);
  assert_ok (&r);

  run (&r, f->db, "guardians", "add", "--upn", "B801200005001", "--forename", "Anna",
       "--surname", "Kowalska", "--relationship", "mother", "--language", "other", NULL);
  assert_ok (&r);
  /* The same mother linked to the sister, by id: siblings share her. */
  run (&r, f->db, "guardians", "add", "--upn", "H801200001001", "--existing", "1", NULL);
  assert_ok (&r);
  run (&r, f->db, "guardians", "add", "--upn", "H801200001001", "--surname", "Nowak",
       "--relationship", "father", "--no-parental-responsibility", "--not-living-with", NULL);
  assert_ok (&r);

  run (&r, f->db, "guardians", "list", "--upn", "H801200001001", "--json", NULL);
  assert_ok (&r);
  list = parse_array (r.out, parser);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  mother = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (mother, "name"), ==, "Anna Kowalska");
  g_assert_true (json_object_get_boolean_member (mother, "parental_responsibility"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (list, 1),
                                                  "parental_responsibility"));

  run (&r, f->db, "guardians", "add", "--upn", "H801200001001", "--surname", "Nowak",
       "--email", "not-an-address", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--email"));
  run (&r, f->db, "guardians", "list", "--upn", "H801200001001", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (parse_array (r.out, parser)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Year groups and "today" fixed, so that the output is the same every day. */
  g_setenv ("CASELOAD_TODAY", "2025-10-06", TRUE);

  if (cli_path () == NULL || !g_file_test (cli_path (), G_FILE_TEST_IS_EXECUTABLE))
    {
      g_print ("1..0 # SKIP CASELOAD_CLI does not name the built caseload-cli\n");
      return 0;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/init", test_init);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/schools", test_schools);
  ADD ("/cli/pupils", test_pupils);
  ADD ("/cli/upn-check", test_upn_check);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/backup-and-check", test_backup_and_check);
  ADD ("/cli/import", test_import);
  ADD ("/cli/attendance", test_attendance);
  ADD ("/cli/penalty-and-alerts", test_penalty_and_alerts);
  ADD ("/cli/calendar", test_calendar);
  ADD ("/cli/guardians", test_guardians);
#undef ADD

  return g_test_run ();
}
