/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "attendance/cl-calendar.h"
#include "attendance/cl-register-import.h"
#include "people/cl-pupil-repository.h"
#include "people/cl-school-repository.h"

typedef struct {
  ClDatabase *db;
  gint64 school_id;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSchoolRepository) schools = NULL;
  g_autoptr(ClSchool) school = cl_school_new ();

  f->db = cl_database_open_memory (&error);
  g_assert_no_error (error);
  schools = cl_school_repository_new (f->db);
  cl_school_set_number (school, CL_SCHOOL_URN, 123456);
  cl_school_set_number (school, CL_SCHOOL_LA_CODE, 801);
  cl_school_set_number (school, CL_SCHOOL_ESTAB, 2001);
  cl_school_set_text (school, CL_SCHOOL_NAME, "Oakfield Primary");
  cl_school_set_text (school, CL_SCHOOL_TYPE, "la_maintained");
  cl_school_set_text (school, CL_SCHOOL_PHASE, "primary");
  g_assert_true (cl_school_repository_insert (schools, school, &error));
  f->school_id = cl_school_get_id (school);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
}

static int
count (ClDatabase *db, const char *sql)
{
  sqlite3_stmt *stmt = cl_database_prepare (db, sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The code letters held for a session of a pupil. */
static char *
mark_at (ClDatabase *db, const char *upn, int session)
{
  sqlite3_stmt *stmt = cl_database_prepare (db,
                                            "SELECT c.code FROM register r JOIN pupil p ON p.id = r.pupil_id"
                                            " JOIN attendance_code c ON c.id = unicode(substr(r.marks, ?2 + 1, 1))"
                                            " WHERE p.upn = ?1",
                                            NULL);
  char *code = NULL;

  sqlite3_bind_text (stmt, 1, upn, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, session);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return code;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static gboolean
has_problem (ClImportResult *result, const char *needle)
{
  for (guint i = 0; i < result->problems->len; i++)
    if (strstr (g_ptr_array_index (result->problems, i), needle) != NULL)
      return TRUE;
  g_printerr ("No problem “%s” among:\n", needle);
  for (guint i = 0; i < result->problems->len; i++)
    g_printerr ("  %s\n", (char *) g_ptr_array_index (result->problems, i));
  return FALSE;
}

static void
test_csv_clean (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("register-clean.csv");
  ClImportOptions options = { .school_urn = 123456 };
  ClImportResult result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPupilRepository) pupils = cl_pupil_repository_new (f->db);
  g_autoptr(ClPupil) sian = NULL;
  g_autofree char *m = NULL;

  if (!cl_register_import_file (f->db, path, &options, NULL, NULL, NULL, &result, &error))
    {
      for (guint i = 0; i < result.problems->len; i++)
        g_printerr ("%s\n", (char *) g_ptr_array_index (result.problems, i));
      g_error ("%s", error->message);
    }
  g_assert_cmpuint (result.pupils_created, ==, 2);
  g_assert_cmpuint (result.pupils_updated, ==, 0);
  g_assert_cmpuint (result.sessions, ==, 6);
  g_assert_cmpuint (result.problems->len, ==, 0);
  cl_import_result_clear (&result);

  /* Quoted field with a comma and an apostrophe, UTF-8 after a BOM. */
  sian = cl_pupil_repository_get_by_upn (pupils, "B801200005001", &error);
  g_assert_nonnull (sian);
  g_assert_cmpstr (cl_pupil_get_text (sian, CL_PUPIL_LEGAL_SURNAME), ==, "O'Brien, Jr");
  g_assert_cmpstr (cl_pupil_get_text (sian, CL_PUPIL_LEGAL_FORENAME), ==, "Siân");
  g_assert_cmpstr (cl_pupil_get_school_name (sian), ==, "Oakfield Primary");

  /* 2025-09-08 is day 7 of 2025/26: AM is session 14; 09/09/2025 PM is 17. */
  m = mark_at (f->db, "B801200005001", 14);
  g_assert_cmpstr (m, ==, "/");
  g_free (m);
  m = mark_at (f->db, "B801200005001", 17);
  g_assert_cmpstr (m, ==, "G");
  g_free (m);
  m = mark_at (f->db, "H801200001001", 15);
  g_assert_cmpstr (m, ==, "L");

  /* The same file again changes nothing but counts as an update. */
  g_assert_true (cl_register_import_file (f->db, path, &options, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.pupils_created, ==, 0);
  g_assert_cmpuint (result.pupils_updated, ==, 2);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM mark_change"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM register"), ==, 2);
  cl_import_result_clear (&result);
}

static void
test_csv_overwrite_recorded (Fixture *f, gconstpointer data)
{
  const char *first = "UPN,Date,Session,Mark,Surname,Forename,DOB\n"
                      "B801200005001,2025-09-08,AM,N,Jones,Rhys,2014-02-02\n";
  const char *second = "UPN,Date,Session,Mark\n"
                       "B801200005001,2025-09-08,AM,I\n";
  ClImportOptions options = { .school_urn = 123456 };
  ClImportResult result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *m = NULL;

  g_assert_true (cl_register_import_data (f->db, "a.csv", first, strlen (first), &options,
                                          &result, &error));
  cl_import_result_clear (&result);
  g_assert_true (cl_register_import_data (f->db, "b.csv", second, strlen (second), &options,
                                          &result, &error));
  g_assert_no_error (error);
  cl_import_result_clear (&result);
  m = mark_at (f->db, "B801200005001", 14);
  g_assert_cmpstr (m, ==, "I");
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM mark_change WHERE session_index = 14"), ==, 1);
}

static void
test_csv_problems (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("register-bad.csv");
  g_autoptr(ClCalendar) calendar = cl_calendar_new_standard_england (f->school_id, 2025);
  ClImportOptions options = { .school_urn = 123456 };
  ClImportResult result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cl_calendar_get_day (calendar, "2025-10-27"), ==, CL_CALENDAR_DAY_HOLIDAY);
  g_assert_true (cl_calendar_save (calendar, f->db, &error));

  g_assert_false (cl_register_import_file (f->db, path, &options, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_INVALID);
  for (guint i = 0; i < result.problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (result.problems, i));
  g_assert_true (has_problem (&result, "register-bad.csv:2: UPN “B801200005002”: wrong check letter"));
  g_assert_true (has_problem (&result, "register-bad.csv:3: UPN H801200001001, 2025-09-08 AM: “Q9” is not one of the England 2024 codes"));
  g_assert_true (has_problem (&result, "register-bad.csv:5: UPN H801200001001, 2025-09-08 PM: the session appears twice"));
  g_assert_true (has_problem (&result, "register-bad.csv:6: UPN H801200001001 has two dates of birth: 2013-01-03 here and 2013-01-02 on line 3"));
  g_assert_true (has_problem (&result, "register-bad.csv:7: date “2025-09-31” is not a date"));
  g_assert_true (has_problem (&result, "register-bad.csv:8: UPN G80120000101A, 2025-10-27 AM: mark “/” on a school holiday at Oakfield Primary"));
  g_assert_true (has_problem (&result, "register-bad.csv:9: session “XM” is not AM or PM"));
  g_assert_cmpuint (result.problems->len, ==, 7);
  /* Only U801200002001 (line 10) is clean. */
  g_assert_cmpuint (result.pupils_clean, ==, 1);
  cl_import_result_clear (&result);

  /* Nothing was written. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM pupil"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM register"), ==, 0);

  /* Asked to, the clean pupil (line 10) goes in and the others are skipped. */
  g_clear_error (&error);
  options.clean_pupils_only = TRUE;
  g_assert_true (cl_register_import_file (f->db, path, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.pupils_created, ==, 1);
  g_assert_cmpuint (result.pupils_skipped, ==, 3);
  g_assert_cmpuint (result.sessions, ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM pupil WHERE upn = 'U801200002001'"), ==, 1);
  cl_import_result_clear (&result);
}

static void
test_csv_format_problems (Fixture *f, gconstpointer data)
{
  struct { const char *text; const char *needle; } cases[] = {
    { "UPN,Date,Mark\nB801200005001,2025-09-08,/\n", "x.csv:1: no Session (AM/PM) column" },
    { "UPN,Date,Session,Mark\nB801200005001,2025-09-08,AM,/\n",
      "x.csv:2: UPN B801200005001 is not a pupil in Caseload" },
    { "UPN,Date,Session,Mark,Surname,Forename,DOB\nB801200005001,2025-09-08,AM,/,Gr\xe9goire,Ana,2014-01-01\n",
      "x.csv:2: field 5 is not valid UTF-8" },
    { "UPN,Date,Session,Mark\nB801200005001,\"2025-09-08,AM,/\n", "x.csv:2: a quoted field is never closed" },
    { "", "x.csv: the file is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ClImportOptions options = { .school_urn = 123456, .format = CL_IMPORT_FORMAT_CSV };
      ClImportResult result = { 0 };
      g_autoptr(GError) error = NULL;

      g_assert_false (cl_register_import_data (f->db, "x.csv", cases[i].text, strlen (cases[i].text),
                                               &options, &result, &error));
      g_assert_error (error, CL_IMPORT_ERROR, CL_IMPORT_ERROR_INVALID);
      if (!has_problem (&result, cases[i].needle))
        {
          for (guint j = 0; j < result.problems->len; j++)
            g_printerr ("%s\n", (char *) g_ptr_array_index (result.problems, j));
          g_error ("case %u: no problem “%s”", i, cases[i].needle);
        }
      cl_import_result_clear (&result);
    }
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM pupil"), ==, 0);
}

static void
test_csv_unknown_school (Fixture *f, gconstpointer data)
{
  const char *text = "UPN,Date,Session,Mark,URN,Surname,Forename,DOB\n"
                     "B801200005001,2025-09-08,AM,/,999999,Jones,Rhys,2014-02-02\n";
  ClImportOptions options = { 0 };
  ClImportResult result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_register_import_data (f->db, "x.csv", text, strlen (text), &options,
                                           &result, &error));
  g_assert_true (has_problem (&result, "x.csv:2: URN “999999” is not a school in Caseload"));
  cl_import_result_clear (&result);
}

static void
test_ctf (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("ctf-sample.xml");
  ClImportOptions options = { 0 };
  ClImportResult result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClPupilRepository) pupils = cl_pupil_repository_new (f->db);
  g_autoptr(ClPupil) pupil = NULL;
  g_autoptr(GListModel) guardians = NULL;
  g_autoptr(ClGuardian) mother = NULL;
  const char *expected[] = { "/", "\\", "/", "\\", "I", "I", "G", "G", "/", "\\" };

  g_assert_true (cl_register_import_file (f->db, path, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.pupils_created, ==, 1);
  g_assert_cmpuint (result.sessions, ==, 10);
  cl_import_result_clear (&result);

  pupil = cl_pupil_repository_get_by_upn (pupils, "B801200005001", &error);
  g_assert_cmpstr (cl_pupil_get_text (pupil, CL_PUPIL_LEGAL_SURNAME), ==, "Ó Súilleabháin");
  g_assert_cmpstr (cl_pupil_get_school_name (pupil), ==, "Oakfield Primary");
  guardians = cl_pupil_repository_guardians (pupils, cl_pupil_get_id (pupil), &error);
  g_assert_cmpuint (g_list_model_get_n_items (guardians), ==, 1);
  mother = g_list_model_get_item (guardians, 0);
  g_assert_true (cl_guardian_get_parental_responsibility (mother));
  g_assert_cmpstr (cl_guardian_get_text (mother, CL_GUARDIAN_PHONE_HOME), ==, "01234 567890");

  /* Monday 8 September to Friday 12 September 2025: sessions 14 to 23. */
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *m = mark_at (f->db, "B801200005001", 14 + i);
      g_assert_cmpstr (m, ==, expected[i]);
    }
}

static void
test_ctf_problems (Fixture *f, gconstpointer data)
{
  const char *not_ctf = "<?xml version=\"1.0\"?>\n<Invoice><Total>3</Total></Invoice>\n";
  const char *broken = "<?xml version=\"1.0\"?>\n<CTfile>\n<Header>\n</CTfile>\n";
  ClImportOptions options = { .format = CL_IMPORT_FORMAT_CTF };
  ClImportResult result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_register_import_data (f->db, "a.xml", not_ctf, strlen (not_ctf), &options,
                                           &result, &error));
  g_assert_true (has_problem (&result, "a.xml:2: the root element is <Invoice>"));
  cl_import_result_clear (&result);
  g_clear_error (&error);

  g_assert_false (cl_register_import_data (f->db, "b.xml", broken, strlen (broken), &options,
                                           &result, &error));
  g_assert_true (has_problem (&result, "the XML is not well-formed: Opening and ending tag mismatch"));
  cl_import_result_clear (&result);
}

int
main (int argc, char *argv[])
{
  g_setenv ("CASELOAD_TODAY", "2025-11-20", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/import/csv/clean", test_csv_clean);
  ADD ("/import/csv/overwrite-recorded", test_csv_overwrite_recorded);
  ADD ("/import/csv/problems", test_csv_problems);
  ADD ("/import/csv/format-problems", test_csv_format_problems);
  ADD ("/import/csv/unknown-school", test_csv_unknown_school);
  ADD ("/import/ctf/sample", test_ctf);
  ADD ("/import/ctf/problems", test_ctf_problems);
#undef ADD
  return g_test_run ();
}
